//! [`Document`]: the text after cleaning, split into blocks, sentences and tokens.
//! Every later stage reads it; nothing changes it once built.

use crate::text::{tokens_in, ArticleFinder, BlockHint, SentenceSplitter};
use crate::{Ignored, Span};
use std::ops::Range;

/// A sentence of the article, with the range of its tokens in [`Document::tokens`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Where the sentence is in the text.
    pub span: Span,
    /// Its tokens: indices into [`Document::tokens`].
    pub tokens: Range<usize>,
    /// Index of the block (paragraph or line) it belongs to, in [`Document::blocks`].
    pub block: usize,
}

/// The analysed text, cleaned and segmented.
///
/// ```
/// let doc = precis::Document::new("One line. Two.\nShare this article");
/// assert_eq!(doc.sentences.len(), 2);
/// assert_eq!(doc.ignored.len(), 1);
/// assert_eq!(doc.token_text(0), "One");
/// ```
#[derive(Debug, Clone)]
pub struct Document<'t> {
    /// The whole text; every offset points into it.
    pub text: &'t str,
    /// Stretches judged not to be article text.
    pub ignored: Vec<Ignored>,
    /// Kept blocks (paragraphs or lines) of article text, in order.
    pub blocks: Vec<Span>,
    /// Sentences of the kept blocks, in order.
    pub sentences: Vec<Sentence>,
    /// Tokens of all sentences, in order.
    pub tokens: Vec<Span>,
}

impl<'t> Document<'t> {
    /// Cleans and segments `text` with the default [`ArticleFinder`] and [`SentenceSplitter`].
    pub fn new(text: &'t str) -> Document<'t> {
        Document::with(text, &ArticleFinder::default(), &SentenceSplitter::default())
    }

    /// Cleans and segments `text` with the given stages.
    pub fn with(text: &'t str, finder: &ArticleFinder, splitter: &SentenceSplitter) -> Document<'t> {
        Document::with_hints(text, finder, splitter, None)
    }

    /// [`Document::with`] for text derived from HTML, with the markup's hints for the article finder.
    pub fn with_hints(text: &'t str, finder: &ArticleFinder, splitter: &SentenceSplitter, hints: Option<&[BlockHint]>) -> Document<'t> {
        let (blocks, ignored) = finder.find_with_hints(text, hints);
        let mut sentences = Vec::new();
        let mut tokens = Vec::with_capacity(text.len() / 5);
        for (b, block) in blocks.iter().enumerate() {
            for span in splitter.split_block(text, *block) {
                let first = tokens.len();
                tokens.extend(tokens_in(text, span));
                if tokens.len() > first {
                    sentences.push(Sentence { span, tokens: first..tokens.len(), block: b });
                }
            }
        }
        Document { text, ignored, blocks, sentences, tokens }
    }

    /// The text of token `i`.
    pub fn token_text(&self, i: usize) -> &'t str {
        self.tokens[i].slice(self.text)
    }

    /// The tokens of sentence `s` as spans.
    pub fn sentence_tokens(&self, s: usize) -> &[Span] {
        &self.tokens[self.sentences[s].tokens.clone()]
    }

    /// Index of the sentence holding byte `pos`, if any.
    ///
    /// ```
    /// let doc = precis::Document::new("First one here. Second one.");
    /// assert_eq!(doc.sentence_at(0), Some(0));
    /// assert_eq!(doc.sentence_at(17), Some(1));
    /// assert_eq!(doc.sentence_at(100), None);
    /// ```
    pub fn sentence_at(&self, pos: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= pos);
        (i < self.sentences.len() && self.sentences[i].span.start <= pos).then_some(i)
    }

    /// Index of the first token that ends after `pos`.
    ///
    /// ```
    /// let doc = precis::Document::new("Rain fell on Tarrow.");
    /// assert_eq!(doc.token_text(doc.token_at_or_after(5)), "fell");
    /// assert_eq!(doc.token_text(doc.token_at_or_after(6)), "fell"); // inside it
    /// ```
    pub fn token_at_or_after(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.end <= pos)
    }
}
