//! Sentence splitter: one table per kind of trap, on texts written for these tests.

use precis::text::SentenceSplitter;

fn split(text: &str) -> Vec<&str> {
    SentenceSplitter::default().split(text).map(|s| s.slice(text)).collect()
}

fn check(cases: &[(&str, &[&str])]) {
    for (text, want) in cases {
        assert_eq!(split(text), *want, "{text:?}");
    }
}

#[test]
fn abbreviations() {
    check(&[
        ("Mr. Okafor and Mrs. Lind met Dr. Ruiz.", &["Mr. Okafor and Mrs. Lind met Dr. Ruiz."]),
        ("Prof. Haldane spoke first. Then questions came.", &["Prof. Haldane spoke first.", "Then questions came."]),
        ("The U.S. Senate voted. The U.K. did not.", &["The U.S. Senate voted.", "The U.K. did not."]),
        ("She moved to the U.S. Then she moved back.", &["She moved to the U.S.", "Then she moved back."]),
        ("He lives at No. 10 with his cat.", &["He lives at No. 10 with his cat."]),
        ("It opened on Jan. 12 last year.", &["It opened on Jan. 12 last year."]),
        ("They met at 9 a.m. on the quay.", &["They met at 9 a.m. on the quay."]),
        ("The bus left at 9 a.m. The ferry left later.", &["The bus left at 9 a.m.", "The ferry left later."]),
        ("Walk down St. Anne's Road to the end.", &["Walk down St. Anne's Road to the end."]),
        ("Shares of Acme Inc. rose. Rivals fell.", &["Shares of Acme Inc. rose.", "Rivals fell."]),
        ("He joined Acme Inc. The firm grew.", &["He joined Acme Inc.", "The firm grew."]),
        ("Apples, pears, etc. were on sale.", &["Apples, pears, etc. were on sale."]),
        ("See e.g. the second chapter.", &["See e.g. the second chapter."]),
    ]);
}

#[test]
fn initials() {
    check(&[
        ("The poem is by T. S. Eliot, not by W. B. Yeats.", &["The poem is by T. S. Eliot, not by W. B. Yeats."]),
        ("J.R.R. Tolkien wrote it.", &["J.R.R. Tolkien wrote it."]),
        ("Ask Ada K. Osei. She knows.", &["Ask Ada K. Osei.", "She knows."]),
    ]);
}

#[test]
fn numbers_and_money() {
    check(&[
        ("Inflation was 3.2 per cent. It fell.", &["Inflation was 3.2 per cent.", "It fell."]),
        ("The ticket costs $12.50 today.", &["The ticket costs $12.50 today."]),
        ("It cost £1.2bn. Critics were loud.", &["It cost £1.2bn.", "Critics were loud."]),
        ("Version 2.0.1 ships today.", &["Version 2.0.1 ships today."]),
        ("The score was 3-1. Fans cheered.", &["The score was 3-1.", "Fans cheered."]),
    ]);
}

#[test]
fn ellipses() {
    check(&[
        ("Well... I think so.", &["Well...", "I think so."]),
        ("It was… fine, I suppose.", &["It was… fine, I suppose."]),
        ("And then . . . nothing happened.", &["And then . . . nothing happened."]),
        ("She paused… Then she left.", &["She paused…", "Then she left."]),
    ]);
}

#[test]
fn quotes_and_brackets() {
    check(&[
        ("“We will win.” The crowd roared.", &["“We will win.”", "The crowd roared."]),
        ("“We will win,” she said. “Soon.”", &["“We will win,” she said.", "“Soon.”"]),
        ("\"Is it safe?\" he asked.", &["\"Is it safe?\" he asked."]),
        ("The plan failed. (Nobody was surprised.) Work resumed.", &["The plan failed.", "(Nobody was surprised.)", "Work resumed."]),
        ("He said 'enough.' Then he left.", &["He said 'enough.'", "Then he left."]),
        ("It rained [the report says.] We stayed in.", &["It rained [the report says.]", "We stayed in."]),
    ]);
}

#[test]
fn headings_captions_and_lines() {
    check(&[
        ("Storm Hits Coast\nThe storm arrived at dawn.", &["Storm Hits Coast", "The storm arrived at dawn."]),
        ("A fisherman mends his nets on the harbour wall\nBoats stayed in port.", &["A fisherman mends his nets on the harbour wall", "Boats stayed in port."]),
        ("BRIDGE TO CLOSE FOR REPAIRS\nThe bridge will shut in May.", &["BRIDGE TO CLOSE FOR REPAIRS", "The bridge will shut in May."]),
        ("Council meets. NEW RULES AGREED. More follows.", &["Council meets.", "NEW RULES AGREED.", "More follows."]),
    ]);
}

#[test]
fn lists() {
    check(&[
        ("1. Eggs 2. Milk 3. Bread", &["1. Eggs", "2. Milk", "3. Bread"]),
        ("1) Eggs. 2) Milk.", &["1) Eggs.", "2) Milk."]),
        ("• Eggs • Milk", &["• Eggs", "• Milk"]),
        ("a. Eggs b. Milk", &["a. Eggs", "b. Milk"]),
        ("- Eggs\n- Milk", &["- Eggs", "- Milk"]),
        ("He scored 2. Then 3 more came.", &["He scored 2.", "Then 3 more came."]),
    ]);
}

#[test]
fn urls_and_emails() {
    check(&[
        ("Write to news.desk@example.org. We reply.", &["Write to news.desk@example.org.", "We reply."]),
        ("Details at https://example.org/a.b/c.html today.", &["Details at https://example.org/a.b/c.html today."]),
        ("Visit www.example.co.uk. It is new.", &["Visit www.example.co.uk.", "It is new."]),
    ]);
}

#[test]
fn terminal_marks() {
    check(&[
        ("Really?! Yes.", &["Really?!", "Yes."]),
        ("She works at Yahoo! in Paris.", &["She works at Yahoo! in Paris."]),
        ("Stop! Thief!", &["Stop!", "Thief!"]),
        ("no capital after. the text goes on", &["no capital after. the text goes on"]),
    ]);
}
