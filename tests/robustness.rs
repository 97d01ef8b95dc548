//! Whatever is pasted, the analysis finishes and its offsets keep their promises
//! (`Analysis::check`): odd Unicode, unbalanced quotes, huge lines, hostile HTML, random bytes.

mod common;

use common::Gen;
use precis::{analyze, analyze_html, Analyzer, IgnoredReason, Options};

fn assert_sound(text: &str) {
    let a = analyze(text);
    if let Err(e) = a.check(text) {
        panic!("{e} for input {:?}", text.chars().take(120).collect::<String>());
    }
    serde_json::to_string(&a).expect("every analysis serialises to JSON");
}

#[test]
fn strange_inputs_table() {
    let long_line = "word ".repeat(20_000);
    let many_quotes = "“a” ".repeat(5_000);
    let unbalanced = "“open ".repeat(3_000);
    let straight = "\" ".repeat(4_000);
    let dots = ". ".repeat(10_000);
    let caps = "Big Name ".repeat(10_000);
    let cases: Vec<&str> = vec![
        "",
        " ",
        "\n\n\n",
        ".",
        "“",
        "”",
        "''",
        "\"",
        "'s",
        "n't",
        "U.S.",
        "…",
        "😀😀😀 🇫🇷 👩‍👩‍👧",
        "مرحبا بالعالم. هذا نص عربي.",
        "שלום עולם. “ציטוט,” הוא אמר.",
        "東京で会議が開かれた。首相は「重要だ」と述べた。",
        "\u{0}\u{1}\u{7f}\u{200b}\u{feff}\u{202e}text\u{202c}",
        "a\u{301}\u{301}\u{301} combining marks",
        "Mr. Mrs. Dr. Prof. St. No. Jan.",
        "“He said,” he said, “he said,” he said.",
        "He said. She said. They said. It said.",
        "According to, said that.",
        "\r\nWindows\r\nline\r\nendings.\r\n",
        "Tab\tseparated\tcolumns\tof\tNames Here",
        &long_line,
        &many_quotes,
        &unbalanced,
        &straight,
        &dots,
        &caps,
    ];
    for text in cases {
        assert_sound(text);
    }
}

/// Nasty text: quote marks, stops, capitals, multibyte characters, line breaks and
/// abbreviations in random order.
fn nasty_text(g: &mut Gen, pieces: usize) -> String {
    const PARTS: &[&str] = &[
        "“", "”", "\"", "'", "‘", "’", "''", "``", ".", "?", "!", "…", "...", " ", " ", " ", "\n", "\n\n", ",", ":",
        "Mr.", "U.S.", "No. 10", "said", "told", "he", "she", "according to", "Huawei", "Steve Tsang", "Tsang", "the",
        "é", "漢", "🇫🇷", "\u{200d}", "\u{0}", "-", "—", "(", ")", "<p>", "</p>", "&amp;", "Share this", "quiz!",
        "a", "Big", "London", "1,000.5", "$", "'s", "n't", "\r", "\t",
    ];
    (0..pieces).map(|_| g.pick(PARTS)).collect()
}

#[test]
fn random_texts_keep_offsets_sound() {
    let mut g = Gen(0x9e37_79b9_7f4a_7c15);
    for round in 0..600 {
        let text = nasty_text(&mut g, 1 + (round % 120));
        assert_sound(&text);
    }
}

#[test]
fn random_html_keeps_offsets_sound_against_the_derived_text() {
    let mut g = Gen(42);
    for round in 0..300 {
        let html = nasty_text(&mut g, 1 + (round % 80)) + "<script>x</script><b>bold</b><div hidden>h</div>";
        let a = analyze_html(&html).expect("small HTML is accepted");
        let text = a.text.clone().expect("HTML input returns its text");
        if let Err(e) = a.check(&text) {
            panic!("{e} for html {html:?}");
        }
    }
}

#[test]
fn text_over_the_limit_is_analysed_in_part_with_a_notice() {
    let analyzer = Analyzer::new(Options { max_bytes: 1000, ..Default::default() });
    let para = "The harbour council met on Monday to discuss the ferry timetable.\n";
    let text = para.repeat(40);
    let a = analyzer.analyze(&text);
    a.check(&text).unwrap();
    let last = a.ignored.last().expect("the rest is set aside");
    assert_eq!(last.reason, IgnoredReason::TooLong);
    assert_eq!(last.end, text.len());
    assert!(last.start <= 1000 && text[..last.start].ends_with('\n'), "cut at a line break");
    assert!(a.sentences.iter().all(|s| s.end <= last.start));
    assert_eq!(a.notices.len(), 1);
    assert!(a.notices[0].contains("analysed"));
}

#[test]
fn cut_inside_a_multibyte_character_moves_to_a_boundary() {
    let analyzer = Analyzer::new(Options { max_bytes: 10, ..Default::default() });
    let text = "ééééééééééééé"; // 2 bytes each, no line break
    let a = analyzer.analyze(text);
    a.check(text).unwrap();
    assert!(text.is_char_boundary(a.ignored.last().unwrap().start));
}

#[test]
fn html_over_its_limit_is_an_error_that_says_so() {
    let html = "<p>x</p>".repeat(precis::MAX_HTML_BYTES / 8 + 1);
    let e = analyze_html(&html).unwrap_err();
    assert!(e.to_string().contains("limit"), "{e}");
}

#[test]
fn hostile_html_never_becomes_text_that_runs() {
    let html = r#"<p>Real text here.</p><script>alert('x')</script><img src=x onerror="alert(1)"><a href="javascript:alert(2)">a link</a><svg><script>alert(3)</script></svg><style>p{display:none}</style><iframe src="https://example.invalid"></iframe>"#;
    let a = analyze_html(html).unwrap();
    let text = a.text.unwrap();
    assert_eq!(text, "Real text here.\na link");
}
