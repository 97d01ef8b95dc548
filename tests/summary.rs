//! Summary behaviour on articles we wrote: text order, length control, no junk,
//! no back-pointing sentence when a close alternative exists, datelines, odd input.

use precis::summary::{Selector, SentenceScorer};
use precis::{Analyzer, Document, Options, Span};

const HARBOUR: &str = "The town council voted on Monday to rebuild the harbour wall that storms destroyed in January, at a cost of four million pounds.\n\
Fishing boats have been unable to land their catch since the wall collapsed.\n\
The council leader, Mary Holt, said the work would start in April and take a year.\n\
Engineers warned last year that the wall was weak.\n\
Some residents wanted the money spent on the town's flood defences instead.\n\
The harbour wall was first built in 1850 from local granite.\n\
A public meeting about the harbour plan will be held on Thursday evening.\n\
The fishing industry employs about two hundred people in the town.";

fn summary_texts(text: &str, n: Option<usize>) -> Vec<String> {
    let a = Analyzer::new(Options { summary_sentences: n, ..Default::default() }).analyze(text);
    a.summary.iter().map(|s| text[s.start..s.end].to_string()).collect()
}

fn assert_in_order(spans: &[Span]) {
    for w in spans.windows(2) {
        assert!(w[0].end <= w[1].start, "summary spans out of order or overlapping: {spans:?}");
    }
}

#[test]
fn length_follows_the_request_and_order_follows_the_text() {
    for (n, expected) in [(Some(1), 1), (Some(2), 2), (Some(3), 3), (Some(5), 5), (Some(8), 8), (Some(50), 8), (Some(0), 0)] {
        let a = Analyzer::new(Options { summary_sentences: n, ..Default::default() }).analyze(HARBOUR);
        assert_eq!(a.summary.len(), expected, "asked for {n:?}");
        assert_in_order(&a.summary);
        for s in &a.summary {
            assert!(HARBOUR.is_char_boundary(s.start) && HARBOUR.is_char_boundary(s.end));
        }
    }
}

#[test]
fn default_length_suits_the_article() {
    let short = "The bridge reopened on Friday after repairs. Drivers had waited six weeks.";
    assert_eq!(summary_texts(short, None).len(), 2);
    assert_eq!(summary_texts(HARBOUR, None).len(), 3);
    let long: String = (0..120).map(|i| format!("Report number {i} on the harbour wall was filed by the council today. ")).collect();
    let n = summary_texts(&long, None).len();
    assert!((4..=6).contains(&n), "a long article got {n} sentences");
}

#[test]
fn junk_never_enters_the_summary() {
    // headings, a byline, a caption, a list number and a heading with a detached stop
    let text = "Harbour wall to be rebuilt\n\
                By Tom Reed.\n\
                The town council voted on Monday to rebuild the harbour wall that storms destroyed in January.\n\
                Photo: the broken wall seen from the beach.\n\
                What happens next .\n\
                Fishing boats have been unable to land their catch since the wall collapsed in the storm.\n\
                2.\n\
                The council leader said the work would start in April and take about a year.\n\
                Ann Cole and Raj Patel contributed to this report.\n\
                Harbour Media Group is a parent company of the Gazette.\n\
                Follow @harbourgazette on Twitter for more.";
    let a = Analyzer::new(Options { summary_sentences: Some(20), ..Default::default() }).analyze(text);
    let got: Vec<&str> = a.summary.iter().map(|s| &text[s.start..s.end]).collect();
    assert_eq!(got.len(), 3, "got {got:?}");
    for junk in ["Harbour wall to be rebuilt", "By Tom Reed", "Photo:", "What happens next", "2.", "Ann Cole", "Harbour Media", "Follow"] {
        assert!(got.iter().all(|s| !s.starts_with(junk)), "{junk:?} in {got:?}");
    }
}

#[test]
fn a_back_pointing_sentence_gives_way_to_a_close_alternative() {
    let text = "The mayor opened the new library on Saturday morning. The building cost two million pounds to finish. \
                He said the town had waited twenty years for it. Children queued for an hour to borrow the first books.";
    let doc = Document::new(text);
    assert_eq!(doc.sentences.len(), 4);
    // the long-summary penalty (uncompressed spans); a short summary's is firmer, see below
    let selector = Selector { compress_up_to: 0, ..Selector::default() };
    // (scores, budget, sentences expected)
    let cases: &[(&[f32], usize, &[usize])] = &[
        // "He said…" scores a little above the alternative but its antecedent is left out
        (&[3.0, 0.5, 2.0, 1.9], 2, &[0, 3]),
        // with its antecedent in the summary it may stay
        (&[3.0, 2.5, 2.4, 1.0], 3, &[0, 1, 2]),
        // no close alternative: it stays
        (&[3.0, -2.0, 2.0, -2.0], 2, &[0, 2]),
    ];
    for (scores, k, expected) in cases {
        let spans = selector.select(&doc, scores, Some(*k));
        let got: Vec<usize> = spans.iter().filter_map(|s| doc.sentence_at(s.start)).collect();
        assert_eq!(&got, expected, "scores {scores:?}");
    }
}

#[test]
fn a_short_summary_keeps_out_a_back_pointing_sentence_more_firmly_but_never_the_opening() {
    let text = "It was a quiet morning in the harbour town of Brill. Fishing boats left the harbour before dawn. \
                They came back at noon with record catches of cod. The fish market opened its doors at six o'clock.";
    let doc = Document::new(text);
    assert_eq!(doc.sentences.len(), 4);
    let short = Selector::default();
    let long = Selector { compress_up_to: 0, ..Selector::default() };
    // (selector, scores, budget, sentences expected)
    let cases: &[(&Selector, &[f32], usize, &[usize])] = &[
        // "They came back…" leans on a sentence left out: a short summary takes the alternative
        (&short, &[3.0, 0.5, 2.0, 1.0], 2, &[0, 3]),
        // a long summary's milder penalty lets it stay
        (&long, &[3.0, 0.5, 2.0, 1.0], 2, &[0, 2]),
        // "It was…" opens the article: nothing before it to lean on
        (&short, &[2.0, 1.5, 0.1, 1.4], 1, &[0]),
    ];
    for (selector, scores, k, expected) in cases {
        let spans = selector.select(&doc, scores, Some(*k));
        let got: Vec<usize> = spans.iter().filter_map(|s| doc.sentence_at(s.start)).collect();
        assert_eq!(&got, expected, "scores {scores:?}");
    }
}

#[test]
fn near_repeats_are_kept_out() {
    let text = "Storms closed the coastal railway line between the two towns on Sunday. \
                Storms closed the coastal railway line between the two towns on Sunday night. \
                Buses will replace trains until engineers have checked every bridge.";
    let doc = Document::new(text);
    let spans = Selector::default().select(&doc, &[3.0, 2.9, 2.0], Some(2));
    let got: Vec<usize> = spans.iter().filter_map(|s| doc.sentence_at(s.start)).collect();
    assert_eq!(got, [0, 2]);
}

#[test]
fn datelines_are_left_out_of_the_summary() {
    for (text, expected_start) in [
        ("Portsmouth, England (CNN) -- The harbour wall will be rebuilt this spring. It fell in January.", "The harbour"),
        ("(CNN)The harbour wall will be rebuilt this spring. It fell in January.", "The harbour"),
        ("LONDON (Reuters) - The harbour wall will be rebuilt this spring. It fell in January.", "The harbour"),
        ("North of Dover, England (CNN)The harbour wall will be rebuilt this spring. It fell in January.", "The harbour"),
        ("(The Channel Coast Gazette)The harbour wall will be rebuilt this spring. It fell in January.", "The harbour"),
        // a place starts with a capital: "the mayor of Dover" is no dateline
        ("the mayor of Dover (CNN) said the harbour wall will be rebuilt. It fell in January.", "the mayor"),
        // a bracket that is not an agency tag stays
        ("The harbour wall (built in 1850) will be rebuilt this spring. It fell in January.", "The harbour wall (built"),
    ] {
        let got = summary_texts(text, Some(1));
        assert!(got[0].starts_with(expected_start), "{text:?} gave {got:?}");
    }
}

#[test]
fn only_a_sentence_that_opens_a_paragraph_has_a_dateline() {
    // the second sentence is the one picked: it holds the words the article repeats
    let text = "Dover (CNN) -- Heavy rain fell on the town overnight. \
                The Channel Coast (Harbour) Board of Works closed the harbour wall after the storm damaged the harbour wall. \
                Engineers will inspect the harbour wall on Monday.\n\n\
                Folkestone (CNN) -- The harbour wall at the next port held.";
    let doc = Document::new(text);
    let spans = Selector::default().select(&doc, &[1.0, 3.0, 0.0, 2.0], Some(2));
    let got: Vec<&str> = spans.iter().map(|s| s.slice(text)).collect();
    assert!(got[0].starts_with("The Channel Coast (Harbour) Board"), "{got:?}");
    assert!(got[1].starts_with("The harbour wall at the next port"), "{got:?}");
}

#[test]
fn odd_input_never_panics() {
    let huge_sentence = "word ".repeat(50_000) + ".";
    let many: String = (0..20_000).map(|i| format!("Line {i} says a thing. ")).collect();
    let inputs = [
        String::new(),
        " \n\n ".to_string(),
        "...!!!???".to_string(),
        "“”\"\"''".to_string(),
        "🙂 🙂 🙂. ☕ café naïve. 日本語の文です。".to_string(),
        "(CNN)".to_string(),
        "(CNN) --".to_string(),
        "Paris (".to_string(),
        huge_sentence,
        many,
    ];
    for text in &inputs {
        for n in [None, Some(0), Some(1), Some(3), Some(100_000)] {
            let a = Analyzer::new(Options { summary_sentences: n, ..Default::default() }).analyze(text);
            assert_in_order(&a.summary);
            for s in &a.summary {
                assert!(s.end <= text.len() && text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            }
        }
    }
}

#[test]
fn mismatched_scores_do_not_panic() {
    let doc = Document::new(HARBOUR);
    let scorer = SentenceScorer::default();
    let scores = scorer.score(&doc, &Default::default());
    assert_eq!(scores.len(), doc.sentences.len());
    assert!(scores.iter().all(|s| s.is_finite()));
    for scores in [vec![], vec![1.0], vec![f32::NAN; 3], vec![f32::INFINITY, f32::NEG_INFINITY, 0.0, 1.0]] {
        let spans = Selector::default().select(&doc, &scores, Some(3));
        assert!(spans.len() <= scores.len().min(3));
    }
}

#[test]
fn a_short_summary_passes_over_opening_sentences_that_say_little_of_the_story() {
    // (text, budget, sentences expected): the lead, less an aside that shares no words with
    // the story or a fragment too short to stand alone
    let cases: &[(&str, usize, &[usize])] = &[
        (
            "The county council closed the old river bridge on Tuesday after engineers found deep cracks in its arches. \
             Lunch at the canteen was served late that day. \
             Engineers said the river bridge arches could fail in the next flood. \
             The council will decide next month whether to repair the bridge or build a new river crossing. \
             Drivers face a detour of twelve miles while the bridge stays closed.",
            3,
            &[0, 2, 3],
        ),
        (
            "The county council closed the old river bridge on Tuesday after engineers found deep cracks in its arches. \
             Engineers said the river bridge arches could fail in the next flood. \
             The council will decide next month whether to repair the bridge or build a new river crossing. \
             Drivers face a detour of twelve miles while the bridge stays closed.",
            3,
            &[0, 1, 2],
        ),
    ];
    for (text, k, expected) in cases {
        let doc = Document::new(text);
        let scores = SentenceScorer::default().score_for(&doc, &Default::default(), Some(*k));
        let spans = Selector::default().select(&doc, &scores, Some(*k));
        let got: Vec<usize> = spans.iter().filter_map(|s| doc.sentence_at(s.start)).collect();
        assert_eq!(&got, expected, "{text:?}");
    }
}

#[test]
fn a_short_summary_prefers_a_later_sentence_the_story_keeps_coming_back_to() {
    // the third sentence is on the story (it passes the lead rule) but strays from it; the
    // fourth is nearly all words the story repeats, so it takes the last place
    let text = "The county council closed the old river bridge on Tuesday after engineers found deep cracks in its arches. \
                Engineers said the river bridge arches could fail in the next flood. \
                Local historians noted that a painter once sketched the valley from a meadow near the bridge. \
                The council said engineers would inspect the cracks in the bridge arches again before the next flood. \
                Drivers face a detour of twelve miles while the bridge stays closed.";
    let doc = Document::new(text);
    let scores = SentenceScorer::default().score_for(&doc, &Default::default(), Some(3));
    let spans = Selector::default().select(&doc, &scores, Some(3));
    let got: Vec<usize> = spans.iter().filter_map(|s| doc.sentence_at(s.start)).collect();
    assert_eq!(got, [0, 1, 3]);
    // with no weight on centrality and recurrence the rule takes the plain lead
    let rows = precis::summary::features::extract(&doc, &Default::default(), 3);
    let plain = precis::summary::scorer::LeadFilter { min_centrality: 0.03, min_words: 6.0, skip_questions: false, centrality_weight: 0.0, recurrence_weight: 0.0 };
    let plain: Vec<f32> = rows.iter().map(|r| plain.score(r)).collect();
    let spans = Selector::default().select(&doc, &plain, Some(3));
    let got: Vec<usize> = spans.iter().filter_map(|s| doc.sentence_at(s.start)).collect();
    assert_eq!(got, [0, 1, 2]);
}

/// A short summary's sentence as `trim::compress` leaves it, `rest` being what the rest of
/// the article says.
fn compressed(sentence: &str, rest: &str) -> String {
    let text = format!("{sentence} {rest}");
    let doc = Document::new(&text);
    let span = precis::summary::trim::compress(&doc, &precis::summary::trim::Recurrence::new(&text), Span::new(0, sentence.len()));
    span.slice(&text).to_string()
}

#[test]
fn a_short_summary_leaves_out_an_opening_that_only_sets_the_scene() {
    // (sentence, what is kept; the sentence itself when it stays)
    let cases: &[(&str, &str)] = &[
        // a leading subordinate clause goes when a clause follows
        ("When the storm hit the coast, the harbour wall collapsed into the sea.", "the harbour wall collapsed into the sea."),
        ("Although she had trained for years, the young swimmer missed the final by a second.", "the young swimmer missed the final by a second."),
        ("After the police had arrived, the crowd left the square in silence.", "the crowd left the square in silence."),
        ("Because the bridge is closed, drivers face a detour of twelve miles.", "drivers face a detour of twelve miles."),
        // ...but not a condition, one that says who said it, a long one, one before a back-pointing word
        ("If the storm hits the coast, the harbour wall will collapse into the sea.", ""),
        ("Unless the council pays for repairs, the old bridge will close for good.", ""),
        ("When the police chief said the road was safe, drivers returned to the valley.", ""),
        ("When the storm that had raged for three long days over the hills finally hit the coast, the harbour wall collapsed.", ""),
        ("When the storm hit the coast, it destroyed the harbour wall and the old pier.", ""),
        // a one-word sentence adverb goes, a hedge or a name stays
        ("Unfortunately, the old bridge over the river will stay closed until May.", "the old bridge over the river will stay closed until May."),
        ("However, the council has refused to pay for the repairs to the bridge.", "the council has refused to pay for the repairs to the bridge."),
        ("Luckily, the driver escaped from the burning car with minor injuries.", "the driver escaped from the burning car with minor injuries."),
        ("Allegedly, the driver fled the scene on foot before the police arrived.", ""),
        ("Reportedly, the driver fled the scene on foot before the police arrived.", ""),
        ("Apparently, the driver fled the scene on foot before the police arrived.", ""),
        ("Possibly, the driver fled the scene on foot before the police arrived.", ""),
        ("Nelly, the singer from the city, fled the scene on foot before the police arrived.", ""),
        ("Emily, a nurse from Leeds, treated the injured driver at the scene.", ""),
        // more openers of time and place
        ("By Sunday evening, rescuers had pulled forty people from the flooded valley.", "rescuers had pulled forty people from the flooded valley."),
        ("Just last week, the council voted to close the old bridge over the river.", "the council voted to close the old bridge over the river."),
        ("Ahead of the vote, the mayor toured the old bridge with two engineers.", "the mayor toured the old bridge with two engineers."),
        // an adverbial of up to 13 words
        ("In one of the most closely watched planning cases of recent years, the council approved the new tower by the river.", "the council approved the new tower by the river."),
        ("In one of the most closely watched and bitterly fought planning cases of the last ten years, the council approved the new tower by the river.", ""),
        // two heads in a row, when a clause follows the second
        ("Just last month, in a bid to stop the deal, the Speaker invited the premier to address the house.", "the Speaker invited the premier to address the house."),
        ("Recently, however, the council has refused to pay for repairs to the old bridge.", "the council has refused to pay for repairs to the old bridge."),
        ("Earlier, however, he had refused to pay for repairs to the old bridge.", ""),
        ("Recently, in Leeds, Yorkshire, the council refused to pay for repairs to the old bridge.", ""),
        // ...but not a starting figure or a second subject
        ("From a low of seven in 2004, the number of nuns has risen every year.", ""),
        ("Along with her sister, the nurse treated the injured driver at the scene.", ""),
    ];
    for (sentence, want) in cases {
        let want = if want.is_empty() { *sentence } else { *want };
        assert_eq!(compressed(sentence, ""), want, "for {sentence:?}");
    }
}

#[test]
fn a_short_summary_leaves_out_a_closing_relative_clause_the_article_comes_back_to_less() {
    let sentence = "Police found a revolver in the hotel room of the banker, which officers took to the station.";
    // (rest of the article, what is kept)
    let cases: &[(&str, &str)] = &[
        // half the kept part's words recur elsewhere, a third of the clause's: it goes
        ("Police said the revolver was loaded. The hotel stood near the station.", "Police found a revolver in the hotel room of the banker"),
        // the article keeps coming back to the clause: it stays
        ("Officers took the revolver to the station. Police said the hotel was near the station.", sentence),
    ];
    for (rest, want) in cases {
        assert_eq!(compressed(sentence, rest), *want, "with {rest:?}");
    }
    // an aside of another kind needs the wider margin: the same recurrence keeps it
    let near = "Police found a revolver in the hotel room of the banker, near the old station.";
    assert_eq!(compressed(near, "Police said the revolver was loaded. The hotel stood near the station."), near);
}

#[test]
fn a_short_summary_leaves_out_a_closing_place_the_article_does_not_name_again() {
    // (sentence, rest of the article, what is kept; the sentence itself when it stays)
    let cases: &[(&str, &str, &str)] = &[
        ("The young striker scored twice as his team beat the champions at Turf Moor.", "", "The young striker scored twice as his team beat the champions"),
        ("The old bridge over the river collapsed after three days of heavy rain in Leeds.", "", "The old bridge over the river collapsed after three days of heavy rain"),
        ("The coach has named his squad for the youth championship next month in Bulgaria.", "Fans want the squad to win.", "The coach has named his squad for the youth championship next month"),
        // a place the article names again, one the verb needs, no name, a date
        ("The old bridge over the river collapsed after three days of heavy rain in Leeds.", "Leeds has many old bridges.", ""),
        ("The singer who topped the charts for ten weeks last year was born in Leeds.", "", ""),
        ("Fishermen caught a rare kind of yellowtail fish in Japanese waters.", "", ""),
        ("The old bridge over the river was closed to all traffic in 2013.", "", ""),
        ("The old bridge over the river will be closed to all traffic in May.", "", ""),
        ("Why did the old bridge over the river collapse after the rain in Leeds?", "", ""),
    ];
    for (sentence, rest, want) in cases {
        let want = if want.is_empty() { *sentence } else { *want };
        assert_eq!(compressed(sentence, rest), want, "for {sentence:?} with {rest:?}");
    }
}
