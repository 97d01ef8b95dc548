//! Merging mentions into entities, on texts written for these tests, and the tagger's
//! guarantees on any input.

use precis::names::{EntityMerger, Mention, NameTagger};
use precis::{Document, EntityKind, Span};

use EntityKind::{Organization as Org, Person as Per, Place as Loc};

/// Mentions of `names` (each the `n`th occurrence of that text, 0-based) in `doc`.
fn mentions(doc: &Document, names: &[(&str, usize, EntityKind)]) -> Vec<Mention> {
    names
        .iter()
        .map(|&(name, nth, kind)| {
            let start = doc.text.match_indices(name).nth(nth).unwrap_or_else(|| panic!("{name:?} #{nth} not in text")).0;
            let span = Span::new(start, start + name.len());
            Mention { span, kind, first_token: doc.token_at_or_after(span.start), end_token: doc.token_at_or_after(span.end) }
        })
        .collect()
}

type Case<'a> = (&'a str, &'a [(&'a str, usize, EntityKind)], &'a [(&'a str, EntityKind, usize)]);

#[test]
fn merging_table() {
    let cases: &[Case] = &[
        (
            "Ren Zhengfei founded the firm in a small flat. Zhengfei said on Monday that the firm would grow.",
            &[("Ren Zhengfei", 0, Per), ("Zhengfei", 1, Per)],
            &[("Ren Zhengfei", Per, 2)],
        ),
        (
            "Tsang said the talks had failed completely. Professor Steve Tsang has studied the region for decades.",
            &[("Tsang", 0, Per), ("Steve Tsang", 0, Per)],
            &[("Steve Tsang", Per, 2)],
        ),
        (
            "Prof Steve Tsang spoke to reporters on Monday. Tsang said the talks had failed.",
            &[("Prof Steve Tsang", 0, Per), ("Tsang", 1, Per)],
            &[("Steve Tsang", Per, 2)],
        ),
        (
            "The US said it would reply on Monday. A U.S. official said the United States would wait.",
            &[("US", 0, Loc), ("U.S.", 0, Loc), ("United States", 0, Loc)],
            &[("United States", Loc, 3)],
        ),
        (
            "Huawei's profits rose sharply this year. Analysts said Huawei had done well.",
            &[("Huawei's", 0, Org), ("Huawei", 1, Org)],
            &[("Huawei", Org, 2)],
        ),
        (
            "HUAWEI RESULTS BEAT FORECASTS AGAIN THIS YEAR\nHuawei said on Monday that its sales rose in every region.",
            &[("HUAWEI", 0, Org), ("Huawei", 0, Org)],
            &[("Huawei", Org, 2)],
        ),
        (
            // a kind with three times the evidence absorbs a stray other kind
            "Jordan scored twice in the second half. Jordan said later that the team had played well. Fans cheered Jordan as Jordan left.",
            &[("Jordan", 0, Loc), ("Jordan", 1, Per), ("Jordan", 2, Per), ("Jordan", 3, Per)],
            &[("Jordan", Per, 4)],
        ),
        (
            // even evidence: two things with one name
            "Jordan scored twice against Jordan in Amman. Jordan said the fans in Jordan were loud.",
            &[("Jordan", 0, Per), ("Jordan", 1, Loc), ("Jordan", 2, Per), ("Jordan", 3, Loc)],
            &[("Jordan", Per, 2), ("Jordan", Loc, 2)],
        ),
        (
            // a surname two people share stays apart from both
            "John Smith and Jane Smith both ran for the council this spring. Smith won by a wide margin in the end.",
            &[("John Smith", 0, Per), ("Jane Smith", 0, Per), ("Smith", 2, Per)],
            &[("John Smith", Per, 1), ("Jane Smith", Per, 1), ("Smith", Per, 1)],
        ),
        (
            // a place that shares a person's surname, where a place is expected, is not
            // merged into the person
            "George Washington crossed the river in winter. The new capital was built in Washington later.",
            &[("George Washington", 0, Per), ("Washington", 1, Loc)],
            &[("George Washington", Per, 1), ("Washington", Loc, 1)],
        ),
        (
            // elsewhere the surname is the person, whatever the tagger guessed
            "Wimbledon finalist Mali Washington lost in five sets. The seeded Washington fell short, said Washington later.",
            &[("Mali Washington", 0, Per), ("Washington", 1, Loc), ("Washington", 2, Loc)],
            &[("Mali Washington", Per, 3)],
        ),
        (
            // a surname before the full name, taken for a place, is the person too
            "Okafor won the vote. The new leader Amara Okafor thanked the party.",
            &[("Okafor", 0, Loc), ("Amara Okafor", 0, Per)],
            &[("Amara Okafor", Per, 2)],
        ),
        (
            // a lone word that begins an organisation's name is that organisation, before
            // or after the full name
            // (and the entities stay in order of first mention)
            "Rivals could grab Kestrel soon, Dana Okafor said. Kestrel Bancorp Inc. said on Monday that Kestrel would wait.",
            &[("Kestrel", 0, Per), ("Dana Okafor", 0, Per), ("Kestrel Bancorp Inc.", 0, Org), ("Kestrel", 2, Loc)],
            &[("Kestrel Bancorp Inc.", Org, 3), ("Dana Okafor", Per, 1)],
        ),
        (
            // but not when it is a known place: the city beside its newspaper
            "Boston voted on Monday. The Boston Globe said the vote was close.",
            &[("Boston", 0, Loc), ("Boston Globe", 0, Org)],
            &[("Boston", Loc, 1), ("Boston Globe", Org, 1)],
        ),
        (
            // nor when it is also a person's surname
            "Harlow Motors said Harlow would resign. Dana Harlow had led it for years.",
            &[("Harlow Motors", 0, Org), ("Harlow", 1, Per), ("Dana Harlow", 0, Per)],
            &[("Harlow Motors", Org, 1), ("Dana Harlow", Per, 2)],
        ),
        (
            // a person's name run on from an organisation named alone elsewhere is two names
            "The founder of Norvik Ada Lund has offered to sell the firm. Norvik said the offer stood.",
            &[("Norvik Ada Lund", 0, Per), ("Norvik", 1, Org)],
            &[("Norvik", Org, 2), ("Ada Lund", Per, 1)],
        ),
        (
            // a name after a personal title is a person, and takes in the same name tagged
            // as a body ("the Okafor administration")
            "The Okafor administration said little. Critics of the Okafor administration waited until President Okafor spoke.",
            &[("Okafor", 0, Org), ("Okafor", 1, Org), ("Okafor", 2, Per)],
            &[("Okafor", Per, 3)],
        ),
        (
            // but not a place of that name
            "Talks in Jordan went on. Mr Jordan said the talks in Jordan would end soon.",
            &[("Jordan", 0, Loc), ("Jordan", 1, Per), ("Jordan", 2, Loc)],
            &[("Jordan", Loc, 2), ("Jordan", Per, 1)],
        ),
        (
            // but a person keeps two words: "Ford" stays in "Henry Ford"
            "Henry Ford built the plant. Ford said the plant would grow.",
            &[("Henry Ford", 0, Per), ("Ford", 1, Org)],
            &[("Henry Ford", Per, 2)],
        ),
    ];
    for (text, given, want) in cases {
        let doc = Document::new(text);
        let ents = EntityMerger::default().merge(&doc, mentions(&doc, given));
        let got: Vec<(&str, EntityKind, usize)> = ents.list.iter().map(|e| (e.name.as_str(), e.kind, e.mentions.len())).collect();
        assert_eq!(got, *want, "{text:?}");
        assert_eq!(ents.mentions.len(), ents.entity_of.len());
        for (m, &e) in ents.mentions.iter().zip(&ents.entity_of) {
            assert!(ents.list[e].mentions.contains(&m.span));
        }
    }
}

#[test]
fn a_bare_title_is_no_entity() {
    let text = "The President spoke to reporters in the garden on Monday.";
    let doc = Document::new(text);
    let ents = EntityMerger::default().merge(&doc, mentions(&doc, &[("President", 0, Per)]));
    assert_eq!(ents.list.len(), 1, "a title alone is kept as written");
    assert_eq!(ents.list[0].name, "President");
}

#[test]
fn tagger_output_is_well_formed_on_odd_input() {
    let long = "Angela Merkel met Emmanuel Macron in Berlin. ".repeat(2000);
    let texts = [
        "",
        " ",
        "\u{feff}\u{200b}",
        "ÉMILE ZOLA À PARIS\nZola écrivit à Paris.",
        "日本の東京で会議があった。Tokyo hosted it.",
        "\"Mr. O'Brien,\" said Dr. J. R. R. Tolkien of Oxford's U.S.-based unit.",
        "a\nb\nc\nD\nE F G H I J K L M N O P Q R S T U V W X Y Z",
        "Ünïcödé Nämes Everywhere Ünd Sömewhere Élse, Said Zoë Ångström.",
        long.as_str(),
    ];
    let tagger = NameTagger::default();
    for text in texts {
        let doc = Document::new(text);
        let ms = tagger.tag(&doc);
        let mut last_end = 0;
        for m in &ms {
            assert!(m.span.start < m.span.end && m.span.end <= text.len());
            assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
            assert!(m.span.start >= last_end, "mentions overlap in {text:?}");
            assert!(m.first_token < m.end_token && m.end_token <= doc.tokens.len());
            assert_eq!(m.span.start, doc.tokens[m.first_token].start);
            assert_eq!(m.span.end, doc.tokens[m.end_token - 1].end);
            last_end = m.span.end;
        }
        let ents = EntityMerger::default().merge(&doc, ms);
        assert!(ents.list.iter().all(|e| !e.name.is_empty()));
    }
}

#[test]
fn clear_names_are_found() {
    // sentences with unmistakable names in the news-wire style the model learned
    let cases: &[(&str, &str, EntityKind)] = &[
        ("Angela Merkel met Emmanuel Macron in Berlin on Friday.", "Berlin", Loc),
        ("Angela Merkel met Emmanuel Macron in Berlin on Friday.", "Angela Merkel", Per),
        ("Shares of Microsoft Corp rose 3 percent in New York on Tuesday.", "New York", Loc),
    ];
    for (text, name, kind) in cases {
        let doc = Document::new(text);
        let ms = NameTagger::default().tag(&doc);
        assert!(ms.iter().any(|m| m.span.slice(text) == *name && m.kind == *kind), "{name:?} in {text:?}: {:?}", ms.iter().map(|m| (m.span.slice(text), m.kind)).collect::<Vec<_>>());
    }
}

#[test]
fn names_never_start_or_end_on_quote_marks() {
    let cases = [
        "Angela Merkel spoke in Berlin on Monday.\n“We will not wait,” she said.",
        "“The harbour is silting up,” Nora Field said. “We need dredging.”",
        "Tom Baker met “Field” there, and ‘Lee’ left.",
    ];
    for text in cases {
        let a = precis::analyze(text);
        for e in &a.entities {
            for m in &e.mentions {
                let s = &text[m.start..m.end];
                let first = s.chars().next().unwrap();
                let last = s.chars().last().unwrap();
                assert!(first.is_alphanumeric(), "{s:?} in {text:?}");
                assert!(last.is_alphanumeric() || last == '.', "{s:?} in {text:?}");
            }
        }
    }
}

#[test]
fn a_dot_set_apart_is_no_part_of_a_name() {
    // "Mich ." as tokenised wire text writes it; "Corp." keeps its dot
    let cases = ["The plant in Lansing , Mich . closed on Friday .", "Shares of Dunmore Corp. rose in Tulsa , Okla . on Monday ."];
    for text in cases {
        let doc = Document::new(text);
        for m in NameTagger::default().tag(&doc) {
            let s = m.span.slice(text);
            assert!(!s.ends_with(" ."), "{s:?} in {text:?}");
        }
    }
}

#[test]
fn a_title_inside_a_name_starts_a_person() {
    let text = "Federal Reserve Governor Lawrence Lindsey said on Tuesday that rates would stay where they are.";
    let doc = Document::new(text);
    let ms = NameTagger::default().tag(&doc);
    let got: Vec<(&str, EntityKind)> = ms.iter().map(|m| (m.span.slice(text), m.kind)).collect();
    assert!(got.iter().all(|(s, _)| !s.contains("Governor")), "{got:?}");
    assert!(got.contains(&("Lawrence Lindsey", EntityKind::Person)), "{got:?}");
}

#[test]
fn a_personal_title_before_a_name_makes_a_person() {
    use precis::names::tagger::personal_titles;
    // (a tagged run of words, how many leading words are a person's title)
    let cases: &[(&[&str], usize)] = &[
        (&["Councillor", "Agnes"], 1),
        (&["Councillor", "Agnes", "Whitlow"], 1),
        (&["Cllr", ".", "Bram", "Oduya"], 2),
        (&["Detective", "Inspector", "Ruth", "Calloway"], 2),
        (&["Mayor", "Ted", "Ashworth"], 1),
        // titles that also begin the names of places and bodies
        (&["Prince", "Edward", "Island"], 0),
        (&["General", "Motors"], 0),
        (&["St", "Louis"], 0),
        (&["Bishop", "Auckland"], 0),
        // nothing capitalised after the title: no person's name follows
        (&["Mayor"], 0),
        (&["President", "'s", "Cup"], 0),
        (&["Harbour", "Councillor"], 0),
    ];
    for (words, n) in cases {
        assert_eq!(personal_titles(words), *n, "{words:?}");
    }
    // through the whole analysis: the person, without the title, with their later mentions
    let text = "Councillor Agnes Whitlow, who led the campaign, said the vote was a relief.\nWhitlow said the deal would be reviewed.";
    let a = precis::analyze(text);
    let whitlow = a.entities.iter().find(|e| e.name == "Agnes Whitlow");
    let whitlow = whitlow.unwrap_or_else(|| panic!("{:?}", a.entities));
    assert_eq!((whitlow.kind, whitlow.mentions.len()), (EntityKind::Person, 2), "{:?}", a.entities);
    assert!(a.entities.iter().all(|e| !e.name.contains("Councillor")), "{:?}", a.entities);
    // a title after the document has made a body of the name ("the Trump administration")
    let text = "The Trump administration said little on Monday. Critics of the Trump administration waited until President Trump spoke in Ohio.";
    let a = precis::analyze(text);
    let trump: Vec<_> = a.entities.iter().filter(|e| e.name == "Trump").map(|e| (e.kind, e.mentions.len())).collect();
    assert_eq!(trump, [(EntityKind::Person, 3)], "{:?}", a.entities);
}

#[test]
fn a_name_is_classed_by_its_head_noun() {
    use precis::EntityKind::{Organization, Place};
    let cases = [
        ("“It is hard,” said Prof Ann Lee from Harbour University of Leeds.", "University", Organization),
        ("The Coastal Transport Company said fares would rise in Valencia.", "Company", Organization),
        ("Officials at the Fisheries Ministry met in Oslo on Friday.", "Ministry", Organization),
        ("The council voted on Tuesday to keep the Marrow Island ferry running for ten more years.", "Island", Place),
        ("Anglers said the Tessel River had flooded the lower fields twice since March.", "River", Place),
        ("Thousands marched through Pelham Square in Leeds on Saturday.", "Square", Place),
    ];
    for (text, head, kind) in cases {
        let a = precis::analyze(text);
        let named = a.entities.iter().find(|e| e.name.split(' ').any(|w| w == head));
        let named = named.unwrap_or_else(|| panic!("no entity named with {head:?} in {text:?}: {:?}", a.entities));
        assert_eq!(named.kind, kind, "{} in {text:?}", named.name);
    }
}

#[test]
fn teams_in_result_rows_are_bodies() {
    // club names that read like people's or places' names, in a results table
    let text = "Results of second leg matches on Thursday :\nIn Pelno : Dorva Kestel ( Albania ) 1 Miran Tobek ( Slovakia ) 2\nIn Ostra : Velko Ostra ( Poland ) 0 Sarel ( Norway ) 3\nDorva Kestel win 3-2 on aggregate .\nScorers : Sarel - Tomas Hrubik ( 12th minute )";
    let doc = Document::new(text);
    let got: Vec<(&str, EntityKind)> = NameTagger::default().tag(&doc).iter().map(|m| (m.span.slice(text), m.kind)).collect();
    for team in ["Dorva Kestel", "Miran Tobek", "Velko Ostra", "Sarel"] {
        let kinds: Vec<EntityKind> = got.iter().filter(|(s, _)| *s == team).map(|&(_, k)| k).collect();
        assert!(!kinds.is_empty() && kinds.iter().all(|&k| k == Org), "{team}: {got:?}");
    }
    assert_eq!(got.iter().filter(|(s, _)| *s == "Dorva Kestel").count(), 2, "{got:?}");
    // athletes' rows are no teams' rows
    let text = "Leading scores :\n68 Tomas Hrubik ( Sweden ) 71 Miran Tobek ( Spain ) 70\n";
    let doc = Document::new(text);
    let got: Vec<(&str, EntityKind)> = NameTagger::default().tag(&doc).iter().map(|m| (m.span.slice(text), m.kind)).collect();
    assert!(got.iter().all(|&(s, k)| k != Org || (s != "Tomas Hrubik" && s != "Miran Tobek")), "{got:?}");
}

#[test]
fn an_event_is_no_entity() {
    // tournaments, wars, prizes and laws are named but are no person, body or place
    let cases = [
        ("Nora Pell won the Westport Open on Sunday after a long final round.", "Open"),
        ("Fans in Valencia watched the Harbour Cup final on a big screen.", "Cup"),
        ("Historians in Oslo said the Salt War had emptied the coastal towns.", "War"),
        ("The Clean Rivers Act was passed by parliament in Canberra in May.", "Act"),
    ];
    for (text, head) in cases {
        let a = precis::analyze(text);
        assert!(a.entities.iter().all(|e| !e.name.split(' ').any(|w| w == head)), "an entity named with {head:?} in {text:?}: {:?}", a.entities);
        // the place or person beside the event is still found
        assert!(!a.entities.is_empty(), "no entity at all in {text:?}");
    }
}

/// Weights that score each token by a row given per token and ignore the labels
/// before it, so that the beam's search can be checked against brute force.
struct TableWeights;

impl precis::names::model::Weights for TableWeights {
    type Sum = [i32; LABELS];
    fn score(&self, _: &[u32]) -> [i32; LABELS] {
        [0; LABELS]
    }
    fn partial(&self, _: &[u32]) -> [i32; LABELS] {
        [0; LABELS]
    }
    fn score_onto(&self, base: &[i32; LABELS], _: &[u32]) -> [i32; LABELS] {
        *base
    }
    fn add_onto(&self, base: &[i32; LABELS], _: &[u32]) -> [i32; LABELS] {
        *base
    }
}

use precis::names::features::{allowed, label, DocFeatures, Part, LABELS, OUTSIDE};
use precis::names::tagger::{beam_sentence, clusters, gazetteer, Beam, BeamBuffers};

/// The beam's labels for the first sentence of `text` with per-token score `rows`.
fn decode(text: &str, rows: &[[i32; LABELS]], how: Beam) -> Vec<u8> {
    let doc = Document::new(text);
    let feats = DocFeatures::new(&doc, gazetteer(), clusters());
    let r = doc.sentences[0].tokens.clone();
    assert_eq!(r.len(), rows.len(), "{text:?} has {} tokens", r.len());
    let mut labels = vec![OUTSIDE; doc.tokens.len()];
    let start = r.start;
    beam_sentence(&TableWeights, &feats, r.clone(), how, |i| rows[i - start], &mut BeamBuffers::default(), &mut labels);
    labels[r].to_vec()
}

/// True when `labels` is a BILOU sequence that opens and closes every name.
fn well_formed(labels: &[u8]) -> bool {
    let mut prev = OUTSIDE;
    for &l in labels {
        if !allowed(prev, l) {
            return false;
        }
        prev = l;
    }
    allowed(prev, OUTSIDE)
}

/// The best total score of any well-formed labelling, by trying them all.
fn brute_force_best(rows: &[[i32; LABELS]]) -> i32 {
    let n = rows.len();
    let mut best = i32::MIN;
    let mut seq = vec![0u8; n];
    for code in 0..(LABELS as u64).pow(n as u32) {
        let mut c = code;
        for s in seq.iter_mut() {
            *s = (c % LABELS as u64) as u8;
            c /= LABELS as u64;
        }
        if well_formed(&seq) {
            best = best.max(seq.iter().zip(rows).map(|(&l, r)| r[l as usize]).sum());
        }
    }
    best
}

/// A sentence, a score row per token, the decoder, the labels it must give.
type BeamCase<'a> = (&'a str, &'a [[i32; LABELS]], Beam, &'a [u8]);

const WIDE: Beam = Beam { width: 64, margin: i32::MAX, score_plain: true };

#[test]
fn a_wide_beam_finds_the_best_labelling() {
    // xorshift: the same "random" scores on every run
    let mut x = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    for _ in 0..40 {
        let rows: Vec<[i32; LABELS]> = (0..4).map(|_| std::array::from_fn(|_| (next() % 41) as i32 - 20)).collect();
        let got = decode("Alpha Beta Gamma Delta", &rows, WIDE);
        assert!(well_formed(&got), "{got:?}");
        let total: i32 = got.iter().zip(&rows).map(|(&l, r)| r[l as usize]).sum();
        assert_eq!(total, brute_force_best(&rows), "{rows:?} -> {got:?}");
    }
}

#[test]
fn beam_table() {
    let per = |p| label(0, p);
    let org = |p| label(1, p);
    let row = |pairs: &[(u8, i32)]| {
        let mut r = [0i32; LABELS];
        for &(l, s) in pairs {
            r[l as usize] = s;
        }
        r
    };
    let greedy = Beam { width: 1, margin: i32::MAX, score_plain: true };
    let tight = Beam { width: 4, margin: 0, score_plain: true };
    let plain = Beam { width: 4, margin: 25, score_plain: false };
    // a first token that looks like the start of a name, then nothing that can end one:
    // a greedy reading opens the name and must close it badly; the beam does not open it
    let lure = [row(&[(per(Part::Begin), 10), (OUTSIDE, 5)]), row(&[(OUTSIDE, 20), (per(Part::Last), -30), (per(Part::Inside), -50)]), row(&[(OUTSIDE, 1)])];
    // "the" is plain (lower case between lower case) but inside the open name
    let i50 = row(&[(org(Part::Inside), 50)]);
    let inside = [row(&[(org(Part::Begin), 50)]), i50, i50, i50, row(&[(org(Part::Last), 50)])];
    let cases: &[BeamCase] = &[
        ("Alpha Beta Gamma", &lure, WIDE, &[OUTSIDE, OUTSIDE, OUTSIDE]),
        ("Alpha Beta Gamma", &lure, greedy, &[per(Part::Begin), per(Part::Last), OUTSIDE]),
        // a margin of 0 keeps the best extension only, here the same lure
        ("Alpha Beta Gamma", &lure, tight, &[per(Part::Begin), per(Part::Last), OUTSIDE]),
        // the last token closes a name: B there is no choice
        ("Alpha Beta", &[row(&[(org(Part::Begin), 9)]), row(&[(org(Part::Begin), 9), (org(Part::Last), 1)])], WIDE, &[org(Part::Begin), org(Part::Last)]),
        // lower-case words between lower-case words are O unscored where no name is open...
        ("the cat sat", &[row(&[]), row(&[(per(Part::Unit), 50)]), row(&[])], plain, &[OUTSIDE, OUTSIDE, OUTSIDE]),
        // ...scored when asked
        ("the cat sat", &[row(&[]), row(&[(per(Part::Unit), 50)]), row(&[])], WIDE, &[OUTSIDE, per(Part::Unit), OUTSIDE]),
        // ...and scored next to a capital, or inside an open name
        ("the Cat sat", &[row(&[]), row(&[(per(Part::Unit), 50)]), row(&[])], plain, &[OUTSIDE, per(Part::Unit), OUTSIDE]),
        ("Bank of the old Isles", &inside, plain, &[org(Part::Begin), org(Part::Inside), org(Part::Inside), org(Part::Inside), org(Part::Last)]),
    ];
    for (text, rows, how, want) in cases {
        assert_eq!(decode(text, rows, *how), *want, "{text:?} with {how:?}");
    }
}
