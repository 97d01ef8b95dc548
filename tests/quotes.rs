//! Who said what, on short articles written for these tests: each table row is a text,
//! and what the quotes in it must be.

use precis::{analyze, Quote, QuoteKind};

/// The quoted words and the words naming the speaker, for every quote of `text`.
fn quotes_of(text: &str) -> Vec<(String, QuoteKind, Option<String>, Option<String>)> {
    analyze(text)
        .quotes
        .iter()
        .map(|q: &Quote| {
            let sp = q.speaker.as_ref();
            (
                text[q.start..q.end].to_string(),
                q.kind,
                sp.map(|s| text[s.start..s.end].to_string()),
                sp.map(|s| s.name.clone()),
            )
        })
        .collect()
}

fn direct(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
    quotes_of(text)
        .into_iter()
        .filter(|q| q.1 == QuoteKind::Direct)
        .map(|(a, _, b, c)| (a, b, c))
        .collect()
}

#[test]
fn finds_quotes_in_every_mark_style() {
    let table: &[(&str, &[&str])] = &[
        (
            "“The bridge will open in May,” Mayor Ana Ruiz said on Monday.",
            &["The bridge will open in May,"],
        ),
        (
            "\"The bridge will open in May,\" Mayor Ana Ruiz said on Monday.",
            &["The bridge will open in May,"],
        ),
        (
            "''The bridge will open in May,'' Mayor Ana Ruiz said on Monday.",
            &["The bridge will open in May,"],
        ),
        (
            "„The bridge will open in May,” Mayor Ana Ruiz said on Monday.",
            &["The bridge will open in May,"],
        ),
        // nested single quotes stay inside the outer quote
        (
            "“They told me ‘not this year’ and left,” Ana Ruiz said.",
            &["They told me ‘not this year’ and left,"],
        ),
        (
            "\"They told me 'not this year' and left,\" Ana Ruiz said.",
            &["They told me 'not this year' and left,"],
        ),
    ];
    for (text, want) in table {
        let got: Vec<String> = direct(text).into_iter().map(|q| q.0).collect();
        assert_eq!(&got, want, "in {text:?}");
    }
}

#[test]
fn a_quote_split_by_its_attribution_keeps_one_speaker() {
    let text = "Tom Baker runs the ferry company.\n“We lost three boats this winter,” Baker said. “Next year we will build two more.”";
    let got = direct(text);
    assert_eq!(got.len(), 2);
    assert_eq!(got[0].0, "We lost three boats this winter,");
    assert_eq!(got[1].0, "Next year we will build two more.");
    for q in &got {
        assert_eq!(q.1.as_deref(), Some("Baker"));
        assert_eq!(q.2.as_deref(), Some("Tom Baker"));
    }
}

#[test]
fn a_quote_running_into_the_next_paragraph_continues_its_speaker() {
    let text = "Nora Field chairs the harbour board.\n\n\
                “The harbour has been silting up for a decade,” Field said. “We asked for dredging in 2019 and again last year.\n\n\
                “Nobody answered either letter.”\n\n\
                The board meets again in March to decide on the budget for the coming year.";
    let got = direct(text);
    assert_eq!(got.len(), 3, "{got:?}");
    assert!(got[1].0.starts_with("We asked for dredging"));
    assert_eq!(got[2].0, "Nobody answered either letter.");
    for q in &got {
        assert_eq!(q.2.as_deref(), Some("Nora Field"), "{q:?}");
    }
}

#[test]
fn speakers_before_after_and_inside_the_quote() {
    // (text, quoted words, words naming the speaker)
    let table: &[(&str, &str, &str)] = &[
        ("“Prices will keep rising all year,” said Prof Steve Tsang.", "Prices will keep rising all year,", "Steve Tsang"),
        ("“Prices will keep rising all year,” Tsang told the BBC.", "Prices will keep rising all year,", "Tsang"),
        ("Tsang told the BBC: “Prices will keep rising all year.”", "Prices will keep rising all year.", "Tsang"),
        ("Lena Ortiz said on Tuesday: “Prices will keep rising all year.”", "Prices will keep rising all year.", "Lena Ortiz"),
        ("“Prices will keep rising all year,” Lena Ortiz warned.", "Prices will keep rising all year,", "Lena Ortiz"),
        ("“Prices will keep rising all year,” Lena Ortiz wrote in a blog post.", "Prices will keep rising all year,", "Lena Ortiz"),
        ("“Prices will keep rising all year,” Lena Ortiz tweeted on Friday.", "Prices will keep rising all year,", "Lena Ortiz"),
        ("According to Lena Ortiz, “prices will keep rising all year.”", "prices will keep rising all year.", "Lena Ortiz"),
        ("“Prices will keep rising all year,” according to Lena Ortiz.", "Prices will keep rising all year,", "Lena Ortiz"),
        ("“Prices will keep rising all year,” Ortiz reportedly said.", "Prices will keep rising all year,", "Ortiz"),
        ("“Prices will keep rising all year,” added Lena Ortiz, an economist at the bank.", "Prices will keep rising all year,", "Lena Ortiz"),
        ("Lena Ortiz, an economist at the bank, said: “Prices will keep rising all year.”", "Prices will keep rising all year.", "Lena Ortiz"),
        ("“Prices will keep rising all year,” one trader said.", "Prices will keep rising all year,", "one trader"),
        ("“Prices will keep rising all year,” the report said.", "Prices will keep rising all year,", "the report"),
        ("“Prices will keep rising all year,” Huawei said in a statement.", "Prices will keep rising all year,", "Huawei"),
        ("“Prices will keep rising all year,” Rep. Dan Cole (D-Ohio) said.", "Prices will keep rising all year,", "Dan Cole"),
        // a transcript line names its speaker first
        ("The exchange went on.\n“HART: Prices will keep rising all year.”", "HART: Prices will keep rising all year.", "HART"),
        // a quote right after the sentence that ends on its attribution
        ("Prices rose again, said Lena Ortiz, an economist. “They will keep rising all year.”", "They will keep rising all year.", "Lena Ortiz"),
        // a participle after the quote belongs to the sentence's speaker, not to the words after it
        ("Ana Ruiz said: “Prices will keep rising all year,” promising the Town Council a report.", "Prices will keep rising all year,", "Ana Ruiz"),
    ];
    for (text, words, speaker) in table {
        let got = direct(text);
        assert_eq!(got.len(), 1, "in {text:?}: {got:?}");
        assert_eq!(got[0].0, *words, "in {text:?}");
        assert_eq!(got[0].1.as_deref(), Some(*speaker), "in {text:?}");
    }
}

#[test]
fn he_said_carries_the_name_of_the_person_named_before() {
    let table: &[(&str, &str, &str)] = &[
        ("Steve Tsang teaches in London. “It is difficult to see,” he said.", "he", "Steve Tsang"),
        ("Angela Merkel spoke in Berlin on Monday.\n“We will not wait,” she said.", "she", "Angela Merkel"),
        ("Steve Tsang teaches in London.\n“It is difficult to see,” Tsang said. “Nobody knows,” he added.", "he", "Steve Tsang"),
        ("Boris Petrov, the mayor, opened the bridge.\n“This is a great day for the town,” he told reporters.", "he", "Boris Petrov"),
        // a name inside the quote is not who "he" is
        ("Sam Orr spoke on Monday. “I told Kate Lu to wait for the vote,” he said.", "he", "Sam Orr"),
        ("Sam Orr spoke on Monday. “I told Kate Lu to wait,” he said. “She agreed with me,” he added.", "he", "Sam Orr"),
    ];
    for (text, words, name) in table {
        let got = direct(text);
        let last = got.last().unwrap_or_else(|| panic!("no quote in {text:?}"));
        assert_eq!(last.1.as_deref(), Some(*words), "in {text:?}");
        assert_eq!(last.2.as_deref(), Some(*name), "in {text:?}");
    }
}

#[test]
fn bodies_speak_and_it_resolves_to_the_body() {
    // (text, words naming the speaker, resolved name)
    let table: &[(&str, &str, &str)] = &[
        (
            "The Ministry of Defence published figures on Monday. “Arrivals fell by a third,” it said.",
            "it",
            "Ministry of Defence",
        ),
        (
            "“Arrivals fell by a third in the spring,” the report said.",
            "the report",
            "the report",
        ),
        (
            "“Arrivals fell by a third in the spring,” the Home Office said.",
            "Home Office",
            "Home Office",
        ),
        // a report is not the organisation named before it
        (
            "Norvik Telecom sold its masts last year. “Arrivals fell by a third,” the report said.",
            "the report",
            "the report",
        ),
        // a name that modifies the head is not the speaker: the minister speaks, not the UK
        (
            "Norvik Telecom sold its masts in the UK. “Prices will rise,” the UK trade minister said.",
            "the UK trade minister",
            "the UK trade minister",
        ),
        (
            "“Prices will rise,” Britain’s trade minister said.",
            "Britain’s trade minister",
            "Britain’s trade minister",
        ),
    ];
    for (text, words, name) in table {
        let got = direct(text);
        assert_eq!(got.len(), 1, "in {text:?}: {got:?}");
        assert_eq!(got[0].1.as_deref(), Some(*words), "in {text:?}");
        assert_eq!(got[0].2.as_deref(), Some(*name), "in {text:?}");
    }
}

#[test]
fn a_pronoun_with_nobody_named_before_keeps_its_words() {
    let got = direct("“It is difficult to see,” he said.");
    assert_eq!(got[0].1.as_deref(), Some("he"));
    assert_eq!(got[0].2.as_deref(), Some("he"));
}

#[test]
fn a_participle_cue_takes_the_speaker_of_its_sentence() {
    let text =
        "Mara Lind said the plan had failed, adding: “We have to start again from the beginning.”";
    let got = direct(text);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].1.as_deref(), Some("Mara Lind"));
}

#[test]
fn partial_quotes_are_kept_and_scare_quotes_and_titles_dropped() {
    // (text, quoted words that must be reported)
    let table: &[(&str, &[&str])] = &[
        (
            "The minister called the offer “extraordinary” in a statement.",
            &["extraordinary"],
        ),
        (
            "Dana Wu said the deal was “an extraordinary offer” for the town.",
            &["an extraordinary offer"],
        ),
        (
            "“Never,” Dana Wu said when asked about a deal.",
            &["Never,"],
        ),
        ("The so-called “experts” were nowhere to be seen.", &[]),
        ("He is now host of “The Late Show With Tom Hart.”", &[]),
        ("She read “The Art of the Deal” twice last summer.", &[]),
    ];
    for (text, want) in table {
        let all = quotes_of(text);
        if want.is_empty() {
            assert!(all.is_empty(), "in {text:?}: {all:?}");
        }
        for w in *want {
            // listed on its own, or (one or two words) inside the reported speech around it
            let shown = all.iter().any(|q| match q.1 {
                QuoteKind::Direct => q.0 == *w,
                QuoteKind::Indirect => w.split(' ').count() <= 2 && q.0.contains(&format!("“{w}”")),
            });
            assert!(shown, "{w:?} in {text:?}: {all:?}");
        }
    }
}

#[test]
fn a_show_named_after_a_preposition_is_not_a_quote_even_next_to_a_cue() {
    for (text, want) in [
        (
            "Ana Ruiz said on “Morning Desk,” that the ferry runs late.",
            None,
        ),
        ("“Never,” Ana Ruiz said of the ferry.", Some("Never,")),
    ] {
        let got: Vec<String> = direct(text).into_iter().map(|q| q.0).collect();
        assert_eq!(
            got,
            want.iter().map(|w| w.to_string()).collect::<Vec<_>>(),
            "in {text:?}"
        );
    }
}

#[test]
fn a_short_partial_quote_inside_reported_speech_is_not_listed_twice() {
    // (text, the reported words, the partial quote listed on its own, if any)
    let table: &[(&str, &str, Option<&str>)] = &[
        (
            "Dana Wu said the new bridge was simply “too costly” for the town.",
            "the new bridge was simply “too costly” for the town",
            None,
        ),
        (
            "Dana Wu said the new bridge was “far too costly for a town this size” in the end.",
            "the new bridge was “far too costly for a town this size” in the end",
            Some("far too costly for a town this size"),
        ),
    ];
    for (text, reported, partial) in table {
        let got = quotes_of(text);
        let of_kind = |k: QuoteKind| -> Vec<&str> {
            got.iter()
                .filter(|q| q.1 == k)
                .map(|q| q.0.as_str())
                .collect()
        };
        assert_eq!(of_kind(QuoteKind::Indirect), [*reported], "in {text:?}");
        let want: Vec<&str> = partial.iter().copied().collect();
        assert_eq!(of_kind(QuoteKind::Direct), want, "in {text:?}");
    }
}

#[test]
fn reported_speech_is_indirect_with_its_speaker() {
    // (text, reported words, words naming the speaker)
    let table: &[(&str, &str, &str)] = &[
        (
            "Tom Baker said that the ferry would run again by June.",
            "the ferry would run again by June",
            "Tom Baker",
        ),
        (
            "Tom Baker said the ferry would run again by June.",
            "the ferry would run again by June",
            "Tom Baker",
        ),
        (
            "Tom Baker told reporters that the ferry would run again by June.",
            "the ferry would run again by June",
            "Tom Baker",
        ),
        (
            "Tom Baker added the ferry would return to the old route by June.",
            "the ferry would return to the old route by June",
            "Tom Baker",
        ),
        (
            "The board will meet soon, and this week the harbour master confirmed that the ferry would run again by June.",
            "the ferry would run again by June",
            "the harbour master",
        ),
        (
            "According to Tom Baker, the ferry will run again by June.",
            "the ferry will run again by June",
            "Tom Baker",
        ),
        (
            "The ferry will run again by June, according to Tom Baker.",
            "The ferry will run again by June",
            "Tom Baker",
        ),
        (
            "The ferry will run again by June, Tom Baker said.",
            "The ferry will run again by June",
            "Tom Baker",
        ),
        (
            "The ferry will run again by June, said Tom Baker.",
            "The ferry will run again by June",
            "Tom Baker",
        ),
        // a long subject: an apposition holding "and", a party tag, a share of a group
        (
            "Tom Baker, a captain from Ohio and a ferry owner, said the ferry would run again by June.",
            "the ferry would run again by June",
            "Tom Baker",
        ),
        (
            "Rep. Ann Fox (D-Ore.) said the ferry would run again by June.",
            "the ferry would run again by June",
            "Ann Fox",
        ),
        (
            "In March, 67 percent of riders say the ferry runs too seldom.",
            "the ferry runs too seldom",
            "67 percent of riders",
        ),
        (
            "Rather, sources close to the mayor say the ferry will run again by June.",
            "the ferry will run again by June",
            "sources close to the mayor",
        ),
        // "according to" any source, and in the middle of its sentence
        (
            "The ferry lost money in May, according to a city report released Monday.",
            "The ferry lost money in May",
            "a city report released Monday",
        ),
        (
            "The ferry, according to one report, lost money in every month of the year.",
            "The ferry, according to one report, lost money in every month of the year",
            "one report",
        ),
        // the attribution inside the sentence, and a speaker's next act after it
        (
            "The ferry, she said, will run again by the first week of June.",
            "The ferry, she said, will run again by the first week of June",
            "she",
        ),
        (
            "The ferry will run again by June, Tom Baker said, adding nothing more.",
            "The ferry will run again by June",
            "Tom Baker",
        ),
        // a share of a group, a clause opened by "where", a clause ended by a semicolon
        (
            "Nearly nine out of 10 say the ferry runs too seldom.",
            "the ferry runs too seldom",
            "Nearly nine out of 10",
        ),
        (
            "The ferry stops in Tillport, where local riders say the pier is unsafe.",
            "the pier is unsafe",
            "local riders",
        ),
        (
            "The ferry will need a new engine by June, the engineers say; it ran well in May.",
            "The ferry will need a new engine by June",
            "the engineers",
        ),
        (
            "By a wide margin, those surveyed say the ferry runs too seldom.",
            "the ferry runs too seldom",
            "those surveyed",
        ),
        // what a speaker wants, plans or refuses
        (
            "Tom Baker declined to say whether the ferry would run in June.",
            "to say whether the ferry would run in June",
            "Tom Baker",
        ),
        (
            "Most riders think they wait too long for the ferry in winter.",
            "they wait too long for the ferry in winter",
            "Most riders",
        ),
        ("The ferry union endorsed Ana Ruiz.", "Ana Ruiz", "The ferry union"),
        // the particle belongs to the cue
        (
            "Tom Baker called for a second ferry on the north route.",
            "a second ferry on the north route",
            "Tom Baker",
        ),
        (
            "Ana Ruiz called on the council to fund a second ferry.",
            "the council to fund a second ferry",
            "Ana Ruiz",
        ),
        // a reading of the clause after the cue, not of a subject inside it
        (
            "Sam Ortiz, a ferry captain from the north shore and part owner, said rough water is the cause of the delays.",
            "rough water is the cause of the delays",
            "Sam Ortiz",
        ),
    ];
    for (text, words, speaker) in table {
        let got = quotes_of(text);
        assert_eq!(got.len(), 1, "in {text:?}: {got:?}");
        assert_eq!(got[0].1, QuoteKind::Indirect, "in {text:?}");
        assert_eq!(got[0].0, *words, "in {text:?}");
        assert_eq!(got[0].2.as_deref(), Some(*speaker), "in {text:?}");
    }
}

#[test]
fn two_attributions_in_one_sentence_are_both_found() {
    let text = "While only a few riders said they liked the new timetable, most of the crew said the boats run too late at night.";
    let got = quotes_of(text);
    let reported: Vec<(&str, Option<&str>)> =
        got.iter().map(|q| (q.0.as_str(), q.2.as_deref())).collect();
    assert_eq!(
        reported,
        [
            (
                "they liked the new timetable",
                Some("While only a few riders")
            ),
            ("the boats run too late at night", Some("most of the crew")),
        ]
    );
}

#[test]
fn a_relative_clause_speaks_through_its_who() {
    let text =
        "The crossing was calm, said Capt. Ana Pardo, who said the ferry would run again by June.";
    let got = quotes_of(text);
    let who = got
        .iter()
        .find(|q| q.0 == "the ferry would run again by June")
        .unwrap_or_else(|| panic!("{got:?}"));
    assert_eq!(who.1, QuoteKind::Indirect);
    // the words as written, and the person they stand for
    assert_eq!(who.2.as_deref(), Some("who"));
    assert_eq!(who.3.as_deref(), Some("Ana Pardo"));
}

#[test]
fn a_question_put_by_nobody_named_has_no_speaker() {
    let text = "Asked whether the ferry would run again, Ruiz said the plan is to run it by June.";
    let got = quotes_of(text);
    let want = [
        ("whether the ferry would run again", None),
        ("the plan is to run it by June", Some("Ruiz")),
    ];
    let got: Vec<(&str, Option<&str>)> =
        got.iter().map(|q| (q.0.as_str(), q.2.as_deref())).collect();
    assert_eq!(got, want);
}

#[test]
fn labelled_lines_are_attributed_to_their_label() {
    // (text, the words said, the label), or no quote when the colon opens no speech
    let table: &[(&str, Option<(&str, &str)>)] = &[
        (
            "RUIZ: We will reopen the bridge next spring.\nHART: And the ferry?",
            Some(("We will reopen the bridge next spring.", "RUIZ")),
        ),
        (
            "Mayor Ruiz: We will reopen the bridge next spring.",
            Some(("We will reopen the bridge next spring.", "Mayor Ruiz")),
        ),
        ("The result: the bridge will reopen next spring.", None),
    ];
    for (text, want) in table {
        let got = quotes_of(text);
        let first = got
            .first()
            .map(|q| (q.0.as_str(), q.2.as_deref().unwrap_or("")));
        assert_eq!(first, *want, "in {text:?}: {got:?}");
    }
}

#[test]
fn nouns_and_verbs_of_seeming_do_not_report_speech() {
    for text in [
        "The rule applies in 25 states and most cities across the whole region.",
        "The mayor seemed tired of the long fight over the new bridge.",
        "She left a note for the crew on the door of the old ferry office.",
        // an act, a noun after a possessive, and a passive with nobody named
        "The mayor signed an order on the new bridge in May.",
        "Critics doubted Norvik’s claims that the ferry would pay for itself within a decade.",
        "It should be noted that the ferry runs only in the summer months.",
        "It is reported that the ferry will run again by June.",
        // "add" that puts a thing somewhere
        "The ministry then added Norvik and 70 affiliates to its list of banned firms.",
        "The delay added to the cost of the new bridge over the river.",
    ] {
        let got = quotes_of(text);
        assert!(got.is_empty(), "in {text:?}: {got:?}");
    }
}

#[test]
fn cue_spans_point_at_the_cue() {
    let text = "“The bridge will open in May,” Ana Ruiz told the council.";
    let a = analyze(text);
    let cue = a.quotes[0].cue.expect("a cue");
    assert_eq!(&text[cue.start..cue.end], "told");
}

#[test]
fn odd_inputs_do_not_panic_and_offsets_stay_on_char_boundaries() {
    let many_quotes = "“Yes,” he said. ".repeat(3000);
    let unclosed = "“".repeat(5000);
    let inputs: Vec<String> = vec![
        String::new(),
        "“".into(),
        "”".into(),
        "''".into(),
        "\"\"\"\"".into(),
        "said said said according to".into(),
        "“é”, said ü. «Ça va», dit-il. 「東京」と彼は言った。".into(),
        "\u{feff}“\u{200b}x\u{200b}” said\u{a0}Zoë".into(),
        many_quotes,
        unclosed,
        "According to , , said that.".into(),
        "(“)”, ’s said.".into(),
    ];
    for text in &inputs {
        let a = analyze(text);
        for q in &a.quotes {
            assert!(q.start <= q.end && q.end <= text.len());
            assert!(text.is_char_boundary(q.start) && text.is_char_boundary(q.end));
            if let Some(s) = &q.speaker {
                assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            }
        }
    }
}

#[test]
fn random_mixes_of_marks_cues_and_names_do_not_panic() {
    const PIECES: &[&str] = &[
        "“",
        "”",
        "\"",
        "''",
        "'",
        "‘",
        "’",
        "«",
        "»",
        "„",
        " ",
        "\n",
        "\n\n",
        ",",
        ".",
        ":",
        "—",
        "(",
        ")",
        "said",
        "told",
        "according",
        "to",
        "that",
        "he",
        "she",
        "it",
        "the",
        "company",
        "Mr.",
        "Dr",
        "Ana Ruiz",
        "Tsang",
        "who",
        "adding",
        "and",
        "é",
        "東京",
        "\u{200b}",
        "'s",
        "’s",
        "In",
        "On Monday",
        "a",
        "report",
        "tweeted",
        "Says",
    ];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..400 {
        let mut text = String::new();
        for _ in 0..60 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            text.push_str(PIECES[(seed % PIECES.len() as u64) as usize]);
            if seed % 3 == 0 {
                text.push(' ');
            }
        }
        let a = analyze(&text);
        for q in &a.quotes {
            assert!(q.start <= q.end && q.end <= text.len(), "{text:?}");
            assert!(
                text.is_char_boundary(q.start) && text.is_char_boundary(q.end),
                "{text:?}"
            );
        }
    }
}
