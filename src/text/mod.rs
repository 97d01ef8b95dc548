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
