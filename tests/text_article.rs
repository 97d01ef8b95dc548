//! Article finder: pages assembled from a body we wrote and one kind of page furniture at
//! a time; the body must be kept whole and the furniture set aside. Clean texts (no
//! furniture at all) must be kept whole.

use precis::text::ArticleFinder;
use precis::{Ignored, Span};

const BODY: &[&str] = &[
    "The harbour authority said on Thursday that the old lighthouse on the north pier will be restored over the next two years, after a survey found that its iron lantern room was badly corroded.",
    "Work is expected to begin in the spring, once the winter storms have passed, and the light will be switched off while the lantern is taken apart and shipped to a foundry for repair.",
    "Local fishermen, who still use the light to find the harbour mouth at night, had campaigned for the repairs since a section of railing fell into the sea during a gale last year.",
    "“We have waited a long time for this, and we are glad the money has finally been found,” said Maren Holt, who chairs the fishermen's association.",
    "The authority will pay for most of the work itself, with the rest coming from a heritage fund and from donations collected by a group of volunteers in the town.",
    "A temporary beacon on a steel mast will guide boats while the lighthouse is closed, and the pier itself will stay open to walkers for most of the time.",
    "Engineers also plan to repaint the tower in its original red and white bands, which have faded badly in the salt air since they were last renewed more than twenty years ago.",
    "The lighthouse was built in 1871 and has been run automatically since the last keeper retired, although volunteers still open it to visitors on summer weekends.",
];

fn page(head: &[&str], tail: &[&str]) -> String {
    let mut lines: Vec<&str> = head.to_vec();
    lines.extend_from_slice(BODY);
    lines.extend_from_slice(tail);
    lines.join("\n")
}

fn covered(ignored: &[Ignored], text: &str, needle: &str) -> bool {
    let at = text.find(needle).expect("needle in text");
    ignored.iter().any(|i| i.start <= at && at + needle.len() <= i.end)
}

fn kept_text<'t>(kept: &[Span], text: &'t str) -> Vec<&'t str> {
    kept.iter().map(|k| k.slice(text)).collect()
}

#[test]
fn furniture_is_set_aside_and_the_body_kept() {
    let menu: &[&str] = &["Home", "News", "Sport", "Business", "Culture", "Weather", "Sign in"];
    let cases: &[(&str, &[&str], &[&str])] = &[
        ("menu", menu, &["Contact us", "Privacy policy", "© 2025 The Harbour Gazette. All rights reserved."]),
        ("share prompts", &["Share on Facebook", "Share on X", "Email this"], &["Share this article", "Follow us on Instagram"]),
        ("cookie notice", menu, &["We use cookies to improve your experience on our site. By continuing you accept our cookie policy.", "Accept all cookies", "Cookie settings"]),
        ("byline and date", &["Home", "News", "Local", "By Tomas Berg", "Updated 3 hours ago"], &["Terms of use", "Privacy policy"]),
        ("headline and standfirst above the byline", &["Home", "News", "Lighthouse to be restored", "The light on the north pier will be repaired over the next two years.", "By Tomas Berg"], &["Terms of use", "Privacy policy"]),
        ("delayed quotes", menu, &["Quotes delayed at least 15 minutes. Market data provided by an outside vendor.", "Terms of use", "Privacy policy"]),
        ("related headlines", menu, &["More from the coast", "Ferry timetable changes for the winter season…", "New footpath opens along the cliffs above the bay…", "Town council approves budget for the new harbour wall…"]),
        ("footer links", menu, &["About us", "Careers", "Advertise with us", "Site map", "Accessibility", "© 2025 The Harbour Gazette"]),
        ("comment section", menu, &["View Comments", "harbourfan22", "2 days ago", "I walked past the lighthouse last summer and the railings were already in a very poor state, so this is good news for everyone.", "Rating: 12 Votes", "seagull_watcher", "3 days ago", "About time too. The council has ignored the pier for far too long and the fishermen deserve a proper light again."]),
        ("teaser cards glued to their text", menu, &["Ferry Timetable Changes For WinterThe ferry will run less often from November until the spring, the operator said.", "New Footpath Opens Along The CliffsWalkers can now follow the coast all the way to the next village."]),
        ("note on the writer", menu, &["Maren Holt is a reporter for The Harbour Gazette.", "Terms of use"]),
        ("captions with credits and related links", menu, &["Workers repaint the lantern room of the lighthouse on the north pier. (AP Photo/Jane Doe)", "Related: Harbour wall to be rebuilt after winter storms", "Read more: The history of the north pier"]),
    ];
    for (name, head, tail) in cases {
        let text = page(head, tail);
        let (kept, ignored) = ArticleFinder::default().find(&text);
        let kept = kept_text(&kept, &text);
        for line in BODY {
            assert!(kept.contains(line), "{name}: body line dropped: {line:?}");
        }
        for line in head.iter().chain(tail.iter()) {
            assert!(covered(&ignored, &text, line), "{name}: furniture kept: {line:?}");
        }
    }
}

#[test]
fn clean_texts_are_kept_whole() {
    let headline = format!("Lighthouse to be restored\n{}", BODY.join("\n"));
    let paragraphs = BODY.join("\n\n");
    let tokenized = "HARBOUR - LIGHTHOUSE TO BE RESTORED .\nNORTHPORT 1996-08-22\nThe harbour authority said on Thursday that the lighthouse will be restored .\nWork is expected to begin in the spring .\nResults of the regatta on Sunday :\nNorthport 3 Southby 1\nEastwick 2 Westmoor 2\nThe authority will pay for most of the work itself .";
    let single = BODY[0];
    let dated = format!("Lighthouse to be restored\nThursday, March 5, 2026\n{}", BODY.join("\n"));
    let cases: &[(&str, &str)] = &[("headline first", &headline), ("headline and date first", &dated), ("blank lines", &paragraphs), ("tokenized with short rows", tokenized), ("one line", single)];
    for (name, text) in cases {
        let (kept, ignored) = ArticleFinder::default().find(text);
        assert!(ignored.is_empty(), "{name}: ignored {:?}", ignored.iter().map(|i| &text[i.start..i.end]).collect::<Vec<_>>());
        assert_eq!(kept.len(), text.lines().filter(|l| !l.trim().is_empty()).count(), "{name}");
    }
}

#[test]
fn nothing_is_deleted() {
    // kept and ignored together cover every non-blank line, without overlap, in order
    let text = page(&["Home", "News", "Share on X"], &["Privacy policy", "© 2025 The Harbour Gazette. All rights reserved."]);
    let (kept, ignored) = ArticleFinder::default().find(&text);
    let mut spans: Vec<(usize, usize)> = kept.iter().map(|k| (k.start, k.end)).chain(ignored.iter().map(|i| (i.start, i.end))).collect();
    spans.sort();
    assert!(spans.windows(2).all(|w| w[0].1 <= w[1].0));
    let covered: usize = spans.iter().map(|s| text[s.0..s.1].chars().filter(|c| !c.is_whitespace()).count()).sum();
    assert_eq!(covered, text.chars().filter(|c| !c.is_whitespace()).count());
}

#[test]
fn reasons_say_what_the_furniture_is() {
    let text = page(&["Home", "News", "Sport", "Business", "Weather"], &["Share this article", "© 2025 The Harbour Gazette. All rights reserved."]);
    let (_, ignored) = ArticleFinder::default().find(&text);
    let reason_of = |needle: &str| {
        let at = text.find(needle).unwrap();
        ignored.iter().find(|i| i.start <= at && at < i.end).map(|i| i.reason.as_str())
    };
    assert_eq!(reason_of("Home"), Some("navigation"));
    assert_eq!(reason_of("Share this"), Some("prompt"));
    assert_eq!(reason_of("© 2025"), Some("boilerplate"));
}

#[path = "../benches/article_gen.rs"]
#[allow(dead_code)]
mod article_gen;

/// A long report pasted whole keeps its text, however long: the finder's counts and
/// distances must not tip every line past some point into "related" or "prompt". (A 1 MB
/// paste of our generated report lost a quarter of its paragraphs.)
#[test]
fn a_long_report_keeps_its_paragraphs() {
    for (bytes, seed) in [(20_000, 1), (300_000, 2), (1_000_000, 7)] {
        let text = article_gen::article(bytes, seed);
        let (kept, _) = ArticleFinder::default().find(&text);
        let kept: std::collections::HashSet<usize> = kept.iter().map(|k| k.start).collect();
        let paragraphs: Vec<usize> =
            precis::text::article::lines(&text).filter(|l| l.slice(&text).split_whitespace().count() >= 15).map(|l| l.start).collect();
        let lost = paragraphs.iter().filter(|p| !kept.contains(p)).count();
        assert!(lost * 50 <= paragraphs.len(), "{bytes} bytes: {lost} of {} paragraphs set aside", paragraphs.len());
    }
}

/// A standings page: menus, a line or two of text over a table of short rows, a footer. The
/// model passes next to nothing on such a page; the finder keeps the stretch from the first to
/// the last line that may be article text (the table with its notes) rather than that one line
/// alone or every menu and footer line with it.
#[test]
fn a_standings_page_keeps_its_table_not_its_menus() {
    let menu = ["Home", "News", "Results", "Standings", "Calendar", "Drivers", "Teams", "Videos", "Podcast", "Forum", "Contact", "Advertise", "RSS"];
    let drivers = ["Maren Holt", "Tomas Berg", "Ada Lind", "Jonas Vik", "Eva Strand", "Nils Dahl", "Ida Sund", "Karl Ness", "Lena Moe", "Ole Fjord", "Siri Aas", "Per Rud"];
    let mut table: Vec<String> = vec![
        "On this page you will always find the latest standings of the Coast Series, updated after every race.".into(),
        "Final standings of the 2025 Coast Series after 36 races".into(),
        "Pos.".into(),
        "Driver".into(),
        "Points".into(),
    ];
    for (i, d) in drivers.iter().enumerate() {
        table.extend([format!("{}", i + 1), d.to_string(), format!("{}", 2400 - 37 * i)]);
    }
    table.push("* Only the first twelve drivers race for the title in the last ten races.".into());
    let footer = ["Share on Facebook", "Privacy policy", "About us", "Advertise with us", "© 2025 The Harbour Gazette. All rights reserved."];
    let text = menu.into_iter().chain(table.iter().map(String::as_str)).chain(footer).collect::<Vec<_>>().join("\n");
    let (kept, ignored) = ArticleFinder::default().find(&text);
    let kept = kept_text(&kept, &text);
    for d in drivers {
        assert!(kept.contains(&d), "table row dropped: {d:?}");
    }
    for line in menu.into_iter().chain(footer) {
        assert!(covered(&ignored, &text, line), "furniture kept: {line:?}");
    }
}
