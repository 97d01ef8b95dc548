//! From pasted input to clean, segmented text: HTML to text, the article finder,
//! the sentence splitter and the tokenizer. Each keeps byte offsets into its input.

pub mod article;
pub mod html;
pub mod line_features;
pub mod line_patterns;
pub mod sentences;
pub mod tokens;

pub use article::ArticleFinder;
pub use html::{html_to_text, BlockHint, HtmlText};
pub use sentences::SentenceSplitter;
pub use tokens::{tokens, tokens_in, Tokens};

/// The largest char boundary of `text` at or before `at` (the text's length when `at` is past it).
///
/// ```
/// assert_eq!(precis::text::floor_boundary("né", 2), 1);
/// assert_eq!(precis::text::floor_boundary("né", 9), 3);
/// ```
pub fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}
