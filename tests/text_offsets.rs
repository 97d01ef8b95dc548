//! Property-style check on generated input: every offset the text stages report lies on a
//! char boundary inside the text, spans are ordered and do not overlap, and nothing panics.
//! The generator is a small deterministic xorshift over pieces chosen to hit edge cases
//! (multi-byte characters, stops, quotes, markup, entities, blank lines).

use precis::text::{html_to_text, ArticleFinder, SentenceSplitter};
use precis::{Document, Span};

mod common;
use common::Gen;

const PIECES: &[&str] = &[
    "The", "council", "Mr.", "U.S.", "3.5", "$12.50", "e.g.", "No.", "a.m.", "…", "...", ". . .", ".", "?", "!", "?!",
    "“", "”", "\"", "'", "’", "(", ")", "[", "]", "«", "»", " ", " ", " ", "\n", "\n\n", "\r\n", "\t", "é", "ß", "東京",
    "😀", "\u{200b}", "\u{a0}", "\u{2029}", "\u{feff}", "•", "1.", "2)", "a.", "-", "—", "Home", "Share this",
    "©", "https://example.org/a.b", "name@example.org", "WORD", "x", "&amp;", "&#x1F600;", "&", "<", ">", "<p>",
    "</p>", "<br>", "<a href=/>", "</a>", "<script>", "</script>", "<nav>", "</nav>", "<li>", "<!--", "-->",
    "<div hidden>", "</div>", "<h1>", "</h1>", "&#0;", "&nbsp;", "\u{0}", "\u{7f}", "ǅ", "İ", "ﬁ",
];

fn generate(g: &mut Gen) -> String {
    let n = (g.next() % 400) as usize;
    let mut s = String::new();
    for _ in 0..n {
        s.push_str(g.pick(PIECES));
        if g.next() % 3 == 0 {
            s.push(' ');
        }
    }
    s
}

fn check_spans(text: &str, spans: impl IntoIterator<Item = Span>, what: &str) {
    let mut last_end = 0;
    for span in spans {
        assert!(span.start <= span.end && span.end <= text.len(), "{what}: {span:?} outside text of {} bytes", text.len());
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end), "{what}: {span:?} not on char boundaries");
        assert!(span.start >= last_end, "{what}: {span:?} overlaps or is out of order");
        last_end = span.end;
    }
}

fn check_document(text: &str) {
    let doc = Document::with(text, &ArticleFinder::default(), &SentenceSplitter::default());
    check_spans(text, doc.blocks.iter().copied(), "block");
    check_spans(text, doc.sentences.iter().map(|s| s.span), "sentence");
    check_spans(text, doc.tokens.iter().copied(), "token");
    let mut ignored: Vec<Span> = doc.ignored.iter().map(|i| Span::new(i.start, i.end)).collect();
    ignored.sort_by_key(|s| s.start);
    check_spans(text, ignored, "ignored");
    for s in &doc.sentences {
        assert!(s.block < doc.blocks.len());
        let b = doc.blocks[s.block];
        assert!(b.start <= s.span.start && s.span.end <= b.end, "sentence outside its block");
    }
}

#[test]
fn offsets_stay_on_char_boundaries() {
    let mut g = Gen(0x9e37_79b9_7f4a_7c15);
    for _ in 0..400 {
        let text = generate(&mut g);
        check_document(&text);
        let page = html_to_text(&text);
        check_document(&page.text);
        let mut last = None;
        for h in &page.hints {
            assert!(h.start <= page.text.len() && page.text.is_char_boundary(h.start));
            assert!(last.map_or(true, |l| l < h.start));
            last = Some(h.start);
        }
        let (kept, _) = ArticleFinder::default().find_with_hints(&page.text, Some(&page.hints));
        check_spans(&page.text, kept, "kept with hints");
    }
}

#[test]
fn long_and_degenerate_inputs() {
    let long_line = "word ".repeat(200_000);
    let many_lines = "Home\n".repeat(50_000);
    let stops = ".".repeat(100_000);
    let nested = "<div>".repeat(20_000) + "text" + &"</div>".repeat(20_000);
    for text in [long_line.as_str(), many_lines.as_str(), stops.as_str(), "", "\n\n\n", " ", "\u{feff}"] {
        check_document(text);
    }
    let page = html_to_text(&nested);
    assert_eq!(page.text, "text");
}
