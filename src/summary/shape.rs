//! How a sentence reads out of context: whether it may stand in a summary at all
//! (a heading, caption, byline or list number may not), whether it leans on what
//! precedes it ("He added that…"), and where a dateline such as "LONDON (Reuters) --"
//! ends so the summary can start after it.

use crate::text::line_features::dateline_end;
use crate::{Document, Span};

/// First words that make a sentence lean on the one before it.
pub(crate) const DANGLING: &[&str] = &[
    "he", "she", "it", "they", "him", "them", "this", "these", "those", "that", "but", "however", "also", "and",
    "his", "her", "their", "its", "such", "there", "yet", "so", "then", "still", "instead", "meanwhile", "moreover",
    "furthermore", "besides", "nevertheless", "nonetheless", "otherwise", "thus", "hence", "therefore", "or", "nor",
    "both", "another", "later", "here",
];

/// The sentence's text without trailing closing quotes, brackets and spaces.
fn trimmed_end(text: &str) -> &str {
    text.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '”' | '’' | '\'' | ')' | ']' | '»'))
}

/// True when the sentence ends as a sentence does: `.`, `!`, `?` or `…` (before any closing quote).
///
/// ```
/// use precis::summary::shape::has_sentence_end;
/// assert!(has_sentence_end("It rained all day."));
/// assert!(has_sentence_end("“Why not?”"));
/// assert!(!has_sentence_end("Picture: the bridge at dawn"));
/// ```
pub fn has_sentence_end(text: &str) -> bool {
    trimmed_end(text).ends_with(['.', '!', '?', '…'])
}

/// Number of word tokens (tokens that start with a letter or digit) in sentence `s`.
pub fn word_count(doc: &Document, s: usize) -> usize {
    doc.sentence_tokens(s).iter().filter(|t| t.slice(doc.text).starts_with(char::is_alphanumeric)).count()
}

/// True when sentence `s` may appear in a summary: it ends like a sentence, has a few
/// words, and is not a heading written as "Words ." (space before the stop), a byline
/// ("By Jane Smith."), a list number ("3.") or a credit line.
///
/// ```
/// let doc = precis::Document::new("The river burst its banks on Friday night. Flood defences . By Jane Smith. Photo: the river at dawn. By noon the water had gone.");
/// let ok: Vec<bool> = (0..doc.sentences.len()).map(|s| precis::summary::shape::is_summary_worthy(&doc, s)).collect();
/// assert_eq!(ok, [true, false, false, false, true]);
/// ```
pub fn is_summary_worthy(doc: &Document, s: usize) -> bool {
    let Some(sentence) = doc.sentences.get(s) else { return false };
    let text = sentence.span.slice(doc.text).trim();
    if !has_sentence_end(text) {
        return false;
    }
    let end = trimmed_end(text);
    // "Relegation dogfight ." — a heading with a detached stop, common in pasted agency copy
    if end.ends_with('.') && end[..end.len() - 1].ends_with(char::is_whitespace) {
        return false;
    }
    let words = word_count(doc, s);
    if words < 4 {
        return false;
    }
    if is_byline(doc, s, words) || is_credit(text) {
        return false;
    }
    let lower_start = text.get(..text.len().min(24)).unwrap_or("").to_ascii_lowercase();
    !["photo:", "picture:", "image:", "caption:", "video:", "credit:", "read more", "click here", "watch:"]
        .iter()
        .any(|p| lower_start.starts_with(p))
}

/// Phrases that mark a sentence as a note about the article rather than part of it:
/// reporting credits and ownership disclosures.
const CREDIT_PHRASES: &[&str] =
    &["contributed to this report", "contributed to this story", "contributed reporting", "is a parent company of"];

/// True for a note about the article: "Jo Lee contributed to this report.",
/// "Turner Broadcasting is a parent company of CNN.", "Follow @jolee on Twitter."
fn is_credit(text: &str) -> bool {
    // a credit is short; a long sentence that mentions one is news
    if text.len() > 300 {
        return false;
    }
    let lower = text.to_lowercase();
    CREDIT_PHRASES.iter().any(|p| lower.contains(p)) || (lower.starts_with("follow @") && lower.contains(" on twitter"))
}

/// "By Jane Smith." or "By JANE SMITH, Staff Reporter.": "By" and capitalised words only.
fn is_byline(doc: &Document, s: usize, words: usize) -> bool {
    let mut tokens = doc.sentence_tokens(s).iter().map(|t| t.slice(doc.text)).filter(|w| w.starts_with(char::is_alphanumeric));
    tokens.next().is_some_and(|w| w.eq_ignore_ascii_case("by"))
        && words <= 8
        && tokens.all(|w| w.starts_with(char::is_uppercase) || matches!(w, "and" | "of" | "in"))
}

/// True when sentence `s` opens with a word that points back ("He", "But", "This"…),
/// so it reads badly without the sentence before it.
///
/// ```
/// let doc = precis::Document::new("The mayor opened the bridge. He said it cost too much. Traffic resumed at noon.");
/// let d: Vec<bool> = (0..3).map(|s| precis::summary::shape::is_dangling(&doc, s)).collect();
/// assert_eq!(d, [false, true, false]);
/// ```
pub fn is_dangling(doc: &Document, s: usize) -> bool {
    let Some(sentence) = doc.sentences.get(s) else { return false };
    let Some(word) = doc.tokens[sentence.tokens.clone()]
        .iter()
        .map(|t| t.slice(doc.text))
        .find(|w| w.starts_with(char::is_alphanumeric))
    else {
        return false;
    };
    word.len() <= 12 && DANGLING.iter().any(|d| d.eq_ignore_ascii_case(word))
}

/// The part of sentence `s` to show in a summary: the sentence without a leading
/// dateline and agency tag ("PARIS (Reuters) -", "Atlanta (CNN) --", "(CNN)"). Only a
/// sentence that opens its block (paragraph or line) can have one: a dateline opens a
/// story, while inside a paragraph "The Montgomery County (Maryland) Department of
/// Police took…" is a name with a bracket in it.
///
/// ```
/// let text = "Springfield, Ohio (CNN) -- The plant closed on Monday.";
/// let doc = precis::Document::new(text);
/// let span = precis::summary::shape::display_span(&doc, 0);
/// assert_eq!(span.slice(text), "The plant closed on Monday.");
/// ```
pub fn display_span(doc: &Document, s: usize) -> Span {
    let sentence = &doc.sentences[s];
    let span = sentence.span;
    let opens_block = s == 0 || doc.sentences[s - 1].block != sentence.block;
    if !opens_block {
        return span;
    }
    let text = span.slice(doc.text);
    match dateline_end(text) {
        Some(cut) => Span::new(span.start + cut, span.end),
        None => span,
    }
}


