//! # Précis
//!
//! Précis reads a news article — pasted as plain text, or as HTML from the clipboard —
//! and returns an [`Analysis`]: the sentences, an extractive summary, the people,
//! organisations and places it names, the quotes with who said them, and the stretches
//! of page furniture (menus, share prompts, related headlines) it set aside.
//!
//! ```
//! let text = "Prof Steve Tsang teaches at Soas University of London.\n\
//!             “It is difficult to see Nokia buying it,” he said.\n\
//!             Share this article";
//! let analysis = precis::analyze(text);
//! let tsang = analysis.entities.iter().find(|e| e.name == "Steve Tsang").unwrap();
//! assert_eq!(tsang.kind, precis::EntityKind::Person);
//! let quote = &analysis.quotes[0];
//! assert_eq!(&text[quote.start..quote.end], "It is difficult to see Nokia buying it,");
//! assert_eq!(quote.speaker.as_ref().unwrap().name, "Steve Tsang");
//! assert_eq!(analysis.ignored.len(), 1); // "Share this article"
//! ```
//!
//! ## How it works
//!
//! The data flows one way, and every stage keeps UTF-8 byte offsets into the text, so a
//! user interface can highlight anything it reports:
//!
//! 1. [`text::html`] turns HTML into text, one block per line (only for HTML input).
//! 2. [`text::ArticleFinder`] judges each line article text or page furniture.
//! 3. [`text::SentenceSplitter`] and [`text::tokens()`] segment the kept lines into a [`Document`].
//! 4. [`names::NameTagger`] finds name mentions, [`names::EntityMerger`] joins them into entities.
//! 5. [`quotes::QuoteFinder`] finds quotes, [`quotes::QuoteAttributor`] gives them speakers.
//! 6. [`summary::SentenceScorer`] rates sentences, [`summary::Selector`] picks the summary.
//!
//! [`analyze`] runs it all with defaults; an [`Analyzer`] holds the stages for reuse and
//! options such as the summary length and the input limit.
//!
//! Offsets are bytes. JavaScript counts UTF-16 code units: [`Analysis::to_utf16`]
//! converts, and the wasm bindings do so before returning.
//!
//! ## Using it
//!
//! - **From Rust**: [`analyze`] or [`analyze_html`] for one text; an [`Analyzer`] built once
//!   with [`Options`] (summary length, input limit) for many. Every field of the [`Analysis`]
//!   is a byte range into the text, so `&text[span.start..span.end]` is always valid.
//! - **From the command line**: `precis analyze [FILE] [--html] [--sentences N]` prints the
//!   Analysis as JSON; `precis analyze --jsonl` is the batch contract (one object a line in and out).
//! - **From JavaScript**: the `wasm` module (compiled for `wasm32` only) exports `analyze`,
//!   `analyzeHtml`, `htmlToText` and `version` through wasm-bindgen; the npm package
//!   `precis-wasm` (`scripts/package.sh`) wraps them with a worker bridge, and the
//!   `<precis-summary>` element puts the result in any web page.
//!
//! ```
//! // Several texts, one Analyzer: build the stages once.
//! let analyzer = precis::Analyzer::new(precis::Options { summary_sentences: Some(1), ..Default::default() });
//! let text = "Ada Quill won the Tarrow marathon on Sunday. \
//!             She had trained for two years. \
//!             “I never thought I would finish,” she said.";
//! let a = analyzer.analyze(text);
//! assert_eq!(a.summary.len(), 1);
//! let said = &a.quotes[0];
//! assert_eq!(said.speaker.as_ref().unwrap().name, "Ada Quill");   // resolved from "she"
//! assert_eq!(&text[said.speaker.as_ref().unwrap().start..said.speaker.as_ref().unwrap().end], "she");
//! ```
//!
//! ## Guarantees
//!
//! No input makes it panic, time grows linearly with the text, and every offset is on a
//! `char` boundary. A text over [`MAX_INPUT_BYTES`] is analysed up to a line break before the
//! limit; the rest is reported in [`Analysis::ignored`] (`too-long`) with a notice. HTML over
//! [`MAX_HTML_BYTES`] is refused with [`Error::TooLarge`].

#![warn(missing_docs)]

mod analysis;
mod decimal;
mod document;
mod words;
mod error;
pub mod names;
pub mod quotes;
pub mod summary;
pub mod text;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use analysis::{Analysis, Entity, EntityKind, Ignored, IgnoredReason, OffsetError, Quote, QuoteKind, Span, Speaker};
pub use document::{Document, Sentence};
pub use error::Error;

/// The largest text analysed in full, in bytes (2 MiB). Past it, the text is analysed up to
/// the last line break before the limit and the rest is reported as ignored (`too-long`),
/// with a notice.
///
/// ```
/// // The same rule with a small limit ([`Options::max_bytes`]): the second line is set aside.
/// let opts = precis::Options { max_bytes: 40, ..Default::default() };
/// let text = "The ferry runs again from Monday.\nIts timetable is longer than the limit.";
/// let a = precis::Analyzer::new(opts).analyze(text);
/// let cut = a.ignored.last().unwrap();
/// assert_eq!(cut.reason, precis::IgnoredReason::TooLong);
/// assert_eq!(&text[cut.start..cut.end], "Its timetable is longer than the limit.");
/// assert_eq!(a.notices.len(), 1);
/// ```
pub const MAX_INPUT_BYTES: usize = 2 * 1024 * 1024;

/// The largest HTML input accepted, in bytes (16 MiB); its text must still fit [`MAX_INPUT_BYTES`].
pub const MAX_HTML_BYTES: usize = 16 * 1024 * 1024;

/// Settings for an [`Analyzer`].
///
/// ```
/// let opts = precis::Options { summary_sentences: Some(1), ..Default::default() };
/// let a = precis::Analyzer::new(opts).analyze("One thing happened today in town. Another thing happened later on.");
/// assert_eq!(a.summary.len(), 1);
/// ```
#[derive(Debug, Clone)]
pub struct Options {
    /// Summary length in sentences; `None` picks one from the article's length.
    pub summary_sentences: Option<usize>,
    /// Bytes analysed at most; see [`MAX_INPUT_BYTES`].
    pub max_bytes: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options { summary_sentences: None, max_bytes: MAX_INPUT_BYTES }
    }
}

/// Runs every stage with one set of options; build once, analyse many texts.
///
/// ```
/// let analyzer = precis::Analyzer::default();
/// for text in ["A first short text about Paris.", "A second one about Berlin."] {
///     assert_eq!(analyzer.analyze(text).sentences.len(), 1);
/// }
/// ```
#[derive(Debug, Clone, Default)]
pub struct Analyzer {
    options: Options,
    finder: text::ArticleFinder,
    splitter: text::SentenceSplitter,
    tagger: names::NameTagger,
    merger: names::EntityMerger,
    quote_finder: quotes::QuoteFinder,
    attributor: quotes::QuoteAttributor,
    scorer: summary::SentenceScorer,
    selector: summary::Selector,
}

impl Analyzer {
    /// An analyzer with these options and the default stages.
    pub fn new(options: Options) -> Analyzer {
        Analyzer { options, ..Analyzer::default() }
    }

    /// The options in use.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Analyses plain text.
    ///
    /// ```
    /// let text = "Kai Moreno runs the Tarrow bakery.\nShare this article";
    /// let a = precis::Analyzer::default().analyze(text);
    /// assert_eq!(a.sentences.len(), 1);
    /// assert_eq!(a.entities[0].name, "Kai Moreno");
    /// assert_eq!(a.ignored[0].reason, precis::IgnoredReason::Prompt);
    /// ```
    pub fn analyze(&self, text: &str) -> Analysis {
        self.analyze_with_hints(text, None)
    }

    /// Analyses text, with the markup's hints when it came from HTML.
    fn analyze_with_hints(&self, text: &str, hints: Option<&[text::BlockHint]>) -> Analysis {
        let (limit, cut) = self.limit(text);
        let doc = Document::with_hints(&text[..limit], &self.finder, &self.splitter, hints);
        let mentions = self.tagger.tag(&doc);
        let entities = self.merger.merge(&doc, mentions);
        let found = self.quote_finder.find(&doc);
        let quotes = self.attributor.attribute(&doc, &found, &entities);
        let facts = summary::features::SentenceFacts::of(&doc);
        let scores = self.scorer.score_with(&doc, &entities, self.options.summary_sentences, &facts);
        let summary = self.selector.select_with(&doc, &scores, self.options.summary_sentences, &facts);
        let mut ignored = doc.ignored;
        let mut notices = Vec::new();
        if cut {
            ignored.push(Ignored { start: limit, end: text.len(), reason: IgnoredReason::TooLong });
            notices.push(format!(
                "The text is {} long; the first {} were analysed and the rest is set aside.",
                human_bytes(text.len()),
                human_bytes(limit)
            ));
        }
        Analysis {
            text: None,
            sentences: doc.sentences.iter().map(|s| s.span).collect(),
            summary,
            entities: entities.list,
            quotes,
            ignored,
            notices,
        }
    }

    /// Analyses HTML; the result carries the derived text its offsets refer to.
    ///
    /// ```
    /// let a = precis::Analyzer::default().analyze_html("<p>The mayor of Paris spoke on Monday.</p>").unwrap();
    /// assert_eq!(a.text.as_deref(), Some("The mayor of Paris spoke on Monday."));
    /// ```
    pub fn analyze_html(&self, html: &str) -> Result<Analysis, Error> {
        if html.len() > MAX_HTML_BYTES {
            return Err(Error::TooLarge { bytes: html.len(), limit: MAX_HTML_BYTES });
        }
        let derived = text::html_to_text(html);
        let mut analysis = self.analyze_with_hints(&derived.text, Some(&derived.hints));
        analysis.text = Some(derived.text);
        Ok(analysis)
    }

    /// Where to stop reading `text`: the whole of it, or the last line break before the limit.
    fn limit(&self, text: &str) -> (usize, bool) {
        if text.len() <= self.options.max_bytes {
            return (text.len(), false);
        }
        let at = crate::text::floor_boundary(text, self.options.max_bytes);
        let at = text[..at].rfind('\n').filter(|&nl| nl > at / 2).map_or(at, |nl| nl + 1);
        (at, true)
    }
}

fn human_bytes(n: usize) -> String {
    if n >= 1024 * 1024 {
        // Tenths of a MB rounded, in integers: formatting an f64 would compile core's float
        // printing (about 14 KB) into the .wasm for this one message.
        let tenths = (n as u64 * 10 + 512 * 1024) / (1024 * 1024);
        format!("{}.{} MB", tenths / 10, tenths % 10)
    } else {
        format!("{} KB", n.div_ceil(1024))
    }
}

/// Analyses plain text with the default settings.
///
/// ```
/// let a = precis::analyze("Angela Merkel met Emmanuel Macron in Berlin on Friday.");
/// assert!(a.entities.iter().any(|e| e.name == "Berlin" && e.kind == precis::EntityKind::Place));
/// ```
pub fn analyze(text: &str) -> Analysis {
    Analyzer::default().analyze(text)
}

/// Analyses HTML with the default settings.
///
/// ```
/// let a = precis::analyze_html("<p>Hi <b>there</b>.</p><script>x()</script>").unwrap();
/// assert_eq!(a.text.as_deref(), Some("Hi there."));
/// ```
pub fn analyze_html(html: &str) -> Result<Analysis, Error> {
    Analyzer::default().analyze_html(html)
}

#[cfg(test)]
mod tests {
    /// The integer rounding says what `{:.1}` of the f64 said before it.
    #[test]
    fn human_bytes_rounds_megabytes_like_float_formatting() {
        let edges = [1 << 20, (1 << 20) + 52_428, (1 << 20) + 52_429, 5 * (1 << 20) - 1, usize::MAX >> 8];
        for n in (1 << 20..64 << 20).step_by(9_973).chain(edges) {
            assert_eq!(super::human_bytes(n), format!("{:.1} MB", n as f64 / (1024.0 * 1024.0)), "{n}");
        }
        assert_eq!(super::human_bytes(1000), "1 KB");
    }
}
