//! The sentence splitter alone: spans inside the text, on boundaries, ordered, not overlapping, non-empty.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut last = 0;
    for span in precis::text::SentenceSplitter::default().split(&text) {
        assert!(span.start >= last && span.start < span.end && span.end <= text.len(), "{span:?} after {last}");
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        assert!(!span.slice(&text).trim().is_empty());
        last = span.end;
    }
    for t in precis::text::tokens(&text) {
        assert!(t.start < t.end && text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
    }
});
