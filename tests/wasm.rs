//! The JavaScript bindings, run in headless Chromium (`wasm-pack test --headless --chrome`).
//!
//! What only a browser test can catch: that the values crossing into JavaScript have the
//! documented shape, and that their offsets are UTF-16 code units, so that JavaScript's own
//! `String.prototype.slice` cuts out exactly the quote, the speaker and the cue, also when
//! curly quotes (3 UTF-8 bytes, 1 UTF-16 unit) and emoji (4 bytes, 2 units) come before them.
#![cfg(target_arch = "wasm32")]

use js_sys::JsString;
use precis::wasm::{analyze, analyze_html, html_to_text};
use serde_json::Value;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The analysis as JSON, read back through serde-wasm-bindgen.
fn json(value: Result<JsValue, wasm_bindgen::JsError>) -> Value {
    let value = value.unwrap_or_else(|_| panic!("the binding returned an error"));
    serde_wasm_bindgen::from_value(value).expect("the analysis is plain JSON data")
}

/// `text.slice(start, end)` as JavaScript computes it.
fn js_slice(text: &str, span: &Value) -> String {
    let start = span["start"].as_u64().expect("start") as u32;
    let end = span["end"].as_u64().expect("end") as u32;
    String::from(JsString::from(text).slice(start, end))
}

/// Every span in the analysis, for the checks that hold for all of them.
fn all_spans(a: &Value) -> Vec<Value> {
    let mut spans = Vec::new();
    for key in ["sentences", "summary", "ignored"] {
        spans.extend(a[key].as_array().unwrap().iter().cloned());
    }
    for e in a["entities"].as_array().unwrap() {
        spans.extend(e["mentions"].as_array().unwrap().iter().cloned());
    }
    for q in a["quotes"].as_array().unwrap() {
        spans.push(q.clone());
        for key in ["speaker", "cue"] {
            if q[key].is_object() {
                spans.push(q[key].clone());
            }
        }
    }
    spans
}

/// Spans lie inside the text, in order, and never split a surrogate pair (an emoji).
fn assert_spans_sound(text: &str, a: &Value) {
    let units: Vec<u16> = text.encode_utf16().collect();
    for span in all_spans(a) {
        let (start, end) = (span["start"].as_u64().unwrap() as usize, span["end"].as_u64().unwrap() as usize);
        assert!(start <= end && end <= units.len(), "span {start}..{end} outside a text of {} units", units.len());
        for at in [start, end] {
            let low_surrogate = units.get(at).is_some_and(|u| (0xDC00..0xE000).contains(u));
            assert!(!low_surrogate, "offset {at} splits a surrogate pair in {text:?}");
        }
    }
}

#[wasm_bindgen_test]
fn quote_speaker_and_cue_offsets_are_utf16() {
    // (text, quoted words, words naming the speaker, speaker's name, cue)
    let cases = [
        ("“We won 🏆 today,” said Marie Dubois.", "We won 🏆 today,", "Marie Dubois", "Marie Dubois", "said"),
        (
            "🎉🎉 Crowds cheered in Lyon. “It is a good day,” Marie Dubois said.",
            "It is a good day,",
            "Marie Dubois",
            "Marie Dubois",
            "said",
        ),
        (
            "Café owners 🍷 in Lyon met on Friday. Marie Dubois runs one. “Prices went up ☕ again,” she said.",
            "Prices went up ☕ again,",
            "she",
            "Marie Dubois",
            "said",
        ),
    ];
    for (text, quoted, naming, name, cue) in cases {
        let a = json(analyze(text, None));
        assert_spans_sound(text, &a);
        let quotes = a["quotes"].as_array().unwrap();
        assert_eq!(quotes.len(), 1, "one quote in {text:?}: {a}");
        let q = &quotes[0];
        assert_eq!(q["kind"], "direct");
        assert_eq!(js_slice(text, q), quoted, "quote in {text:?}");
        assert_eq!(q["speaker"]["name"], name, "speaker in {text:?}");
        assert_eq!(js_slice(text, &q["speaker"]), naming, "speaker words in {text:?}");
        assert_eq!(js_slice(text, &q["cue"]), cue, "cue in {text:?}");
    }
}

#[wasm_bindgen_test]
fn entity_mentions_slice_to_the_names() {
    let text = "🎉 Marie Dubois 🎉 spoke in Lyon. Later “Dubois” was cheered, and Dubois left.";
    let a = json(analyze(text, None));
    assert_spans_sound(text, &a);
    let dubois = a["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == "Marie Dubois")
        .unwrap_or_else(|| panic!("Marie Dubois found in {a}"));
    assert_eq!(dubois["kind"], "person");
    let mentions: Vec<String> = dubois["mentions"].as_array().unwrap().iter().map(|m| js_slice(text, m)).collect();
    assert_eq!(mentions.first().map(String::as_str), Some("Marie Dubois"));
    assert!(mentions.len() >= 2, "the surname joins the full name: {mentions:?}");
    assert!(mentions[1..].iter().all(|m| m == "Dubois"), "{mentions:?}");
}

#[wasm_bindgen_test]
fn summary_length_option_is_honoured() {
    let text = "Crowds cheered in Lyon on Saturday. The band played on the square. \
                The mayor thanked the volunteers. Later the crowd went home.";
    for n in [1u32, 2, 3] {
        let a = json(analyze(text, Some(n)));
        assert_eq!(a["summary"].as_array().unwrap().len(), n as usize, "sentences = {n}");
    }
    let sentences = json(analyze(text, None))["sentences"].as_array().unwrap().len();
    assert_eq!(sentences, 4);
}

#[wasm_bindgen_test]
fn odd_inputs_give_empty_or_sound_results() {
    for text in ["", " ", "“", "🏆", "\u{FEFF}\u{200D}👩‍👩‍👧", "a\u{0301}\u{0301}.", "\r\n\r\n", "”“”“"] {
        let a = json(analyze(text, None));
        assert_spans_sound(text, &a);
        assert!(a["entities"].is_array() && a["quotes"].is_array(), "{text:?}: {a}");
    }
}

#[wasm_bindgen_test]
fn analyze_html_offsets_refer_to_the_derived_text() {
    let html = "<p>“Yes 👍,” said <b>Marie Dubois</b>.</p><script>alert(1)</script>";
    let a = json(analyze_html(html, None));
    let text = a["text"].as_str().expect("an html analysis carries its text").to_string();
    assert_eq!(text, "“Yes 👍,” said Marie Dubois.");
    assert_spans_sound(&text, &a);
    let q = &a["quotes"][0];
    assert_eq!(js_slice(&text, q), "Yes 👍,");
    assert_eq!(js_slice(&text, &q["speaker"]), "Marie Dubois");
    assert_eq!(js_slice(&text, &q["cue"]), "said");
    // Plain-text analyses carry no text: the caller has it.
    assert!(json(analyze("Plain text.", None)).get("text").is_none());
}

#[wasm_bindgen_test]
fn html_to_text_keeps_words_and_drops_code() {
    let cases = [
        ("<p>Tom &amp; Jerry &#8220;ran&#8221;.</p><p>Next &lt;b&gt;</p>", "Tom & Jerry “ran”.\nNext <b>"),
        ("<div>A<script>alert(1)</script><style>p{}</style>B</div>", "AB"),
        ("a<br>b", "a\nb"),
        ("<a href=\"javascript:alert(1)\">link</a><img src=x onerror=alert(1)>", "link"),
        ("", ""),
    ];
    for (html, text) in cases {
        assert_eq!(html_to_text(html), text, "{html:?}");
    }
}
