//! What the article finder knows about each line: numbers describing how the line
//! looks (length, punctuation, case, function words, furniture phrases) and how the
//! whole text looks (how much of it is short or furniture-like).
//!
//! The same code computes the features for training (`examples/train_article.rs`) and
//! for use, so the two cannot drift apart.

use crate::text::line_patterns::{furniture_phrase, has_date, has_link};
use crate::Span;
use std::collections::HashMap;

/// Number of features describing one line on its own ([`LineLook::features`]).
pub const LOCAL_FEATURES: usize = 37;

/// Which furniture phrase a line contains, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phrase {
    /// "Share this", "Sign up", "Read more", "Advertisement".
    Prompt,
    /// "©", "All rights reserved", "Privacy policy", cookie notices, delayed quotes.
    Boilerplate,
    /// "By Jane Doe", "Updated 3 hours ago", "Photo: Reuters".
    Byline,
}

/// Common short words of English and the main European languages: prose is full of
/// them, menus and headlines are not.
const FUNCTION_WORDS: &[&str] = &[
    "a", "about", "after", "al", "als", "also", "an", "and", "are", "as", "at", "auf", "be", "been", "but", "by",
    "can", "che", "com", "con", "could", "da", "das", "de", "del", "dem", "den", "der", "des", "di", "die", "do",
    "dos", "du", "e", "ein", "eine", "el", "em", "en", "es", "est", "et", "for", "from", "had", "has", "have", "he",
    "her", "his", "i", "il", "im", "in", "into", "is", "ist", "it", "its", "la", "las", "le", "les", "los", "mit",
    "na", "nicht", "no", "not", "não", "o", "of", "on", "or", "os", "our", "para", "per", "por", "que", "qui", "se",
    "she", "sich", "so", "than", "that", "the", "their", "them", "there", "they", "this", "to", "un", "una", "und",
    "une", "up", "von", "was", "we", "were", "which", "who", "will", "with", "would", "y", "you", "zu", "à", "è", "é",
];

/// A line's text and the facts about it that the features are built from.
#[derive(Debug, Clone)]
pub struct LineLook {
    /// Words (white-space separated).
    pub words: usize,
    /// The furniture phrase found, if any (only looked for in lines of up to 40 words).
    pub phrase: Option<Phrase>,
    /// Ends with a sentence stop (possibly followed by closing quotes or brackets).
    pub ends_stop: bool,
    /// Ends with an ellipsis, as a cut-off headline does.
    pub cut_off: bool,
    /// Ends with an ellipsis glued to the last word and does not open with a quote mark:
    /// a teaser cut off by the page ("New footpath opens along the…"), not a quote trailing off.
    pub cut_teaser: bool,
    features: [f32; LOCAL_FEATURES],
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '”' | '’' | '\'' | ')' | ']' | '»' | '*')
}

impl LineLook {
    /// Looks at one trimmed, non-empty line; `repeats` is how many other lines of the text are identical.
    pub fn new(line: &str, repeats: usize) -> LineLook {
        let words = line.split_whitespace().count();
        let core = line.trim_end_matches(is_closer);
        let last = core.chars().last().unwrap_or(' ');
        let cut_off = core.ends_with('…') || core.ends_with("...");
        let ends_stop = !cut_off && matches!(last, '.' | '?' | '!' | '。' | '！' | '？');
        let (mut letters, mut upper, mut digits, mut nonspace) = (0usize, 0usize, 0usize, 0usize);
        for c in line.chars() {
            if c.is_alphabetic() {
                letters += 1;
                if c.is_uppercase() {
                    upper += 1;
                }
            } else if c.is_ascii_digit() {
                digits += 1;
            }
            if !c.is_whitespace() {
                nonspace += 1;
            }
        }
        let (mut titled, mut alpha_words, mut function, mut commas) = (0usize, 0usize, 0usize, 0usize);
        for w in line.split_whitespace() {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            if let Some(c) = w.chars().next() {
                if c.is_alphabetic() {
                    alpha_words += 1;
                    if c.is_uppercase() {
                        titled += 1;
                    }
                }
            }
            if w.len() <= 6 {
                let mut buf = [0u8; 6];
                buf[..w.len()].copy_from_slice(w.as_bytes());
                buf.make_ascii_lowercase();
                if FUNCTION_WORDS.binary_search_by(|f| f.as_bytes().cmp(&buf[..w.len()])).is_ok() {
                    function += 1;
                }
            }
        }
        for c in line.chars() {
            if c == ',' {
                commas += 1;
            }
        }
        let phrase = if words <= 40 { furniture_phrase(line) } else { None };
        // cheap byte tests first: most lines have no digit or no dot/at sign, and need no scan
        let bytes = line.as_bytes();
        let is_dated = bytes.iter().any(u8::is_ascii_digit) && has_date(line);
        let linked = bytes.iter().any(|&c| c == b'.' || c == b'@' || c == b'/') && has_link(line);
        let first = line.chars().next().unwrap_or(' ');
        let wf = words.max(1) as f32;
        let upper_ratio = if letters > 0 { upper as f32 / letters as f32 } else { 0.0 };
        let separators = line.matches(" | ").count() + line.matches('•').count() + line.matches(" · ").count() + line.matches(" / ").count();
        let tokenized = line.contains(" , ") || line.ends_with(" .") || line.contains(" 's ");
        let b = |x: bool| if x { 1.0 } else { 0.0 };
        let features = [
            ((1 + words) as f32).ln() / 3.0,
            b(words >= 8),
            b(words >= 15),
            b(words >= 30),
            b(ends_stop),
            b(last == ':'),
            b(cut_off),
            upper_ratio,
            b(letters >= 4 && upper_ratio > 0.8),
            if alpha_words > 0 { titled as f32 / alpha_words as f32 } else { 0.0 },
            if nonspace > 0 { digits as f32 / nonspace as f32 } else { 0.0 },
            function as f32 / wf,
            (commas as f32 / wf).min(1.0),
            b(separators >= 1),
            b(phrase == Some(Phrase::Prompt)),
            b(phrase == Some(Phrase::Boilerplate)),
            b(phrase == Some(Phrase::Byline)),
            b(is_dated),
            b(linked),
            b(matches!(first, '•' | '-' | '*' | '–' | '·' | '►' | '▶' | '>')),
            b(repeats > 0),
            b(first.is_lowercase()),
            b(line.contains(['"', '“', '”', '«', '»'])),
            b(letters == 0),
            b(words <= 2),
            b(words <= 4),
            b(line.contains('@') || line.contains('#')),
            b(line.ends_with(['»', '›', '>', '→'])),
            if nonspace > 0 { letters as f32 / nonspace as f32 } else { 0.0 },
            b(tokenized),
            b(words <= 4 && !ends_stop && upper_ratio > 0.0 && titled == alpha_words),
            b(ends_stop && words >= 6 && function >= 2),
            b(first.is_ascii_digit() && words <= 12),
            b(line.chars().count() > 400),
            b(repeats >= 2),
            b(line.contains(['$', '€', '£', '%'])),
            b(has_glued_title(line)),
        ];
        let cut_teaser = cut_off
            && !core.trim_end_matches(['…', '.']).ends_with(char::is_whitespace)
            && !line.starts_with(['"', '“', '‘', '\'', '«', '„']);
        LineLook { words, phrase, ends_stop, cut_off, cut_teaser, features }
    }

    /// The line's own features.
    pub fn features(&self) -> &[f32; LOCAL_FEATURES] {
        &self.features
    }
}

/// Whether a headline runs into the next text without a space ("Local Team WinsThe team…",
/// "Is It Over?Experts say"), as teaser cards of related stories do when pasted.
fn has_glued_title(line: &str) -> bool {
    line.split_whitespace().any(|token| {
        let mut run = 0usize; // letters of the current word part
        let mut prev = ' ';
        for c in token.chars() {
            if c.is_uppercase() && run >= 4 && (prev.is_lowercase() || matches!(prev, '?' | '!' | '.')) {
                return true;
            }
            if c.is_alphabetic() {
                run += 1;
            } else if !matches!(c, '?' | '!' | '.') {
                run = 0;
            }
            prev = c;
        }
        false
    })
}

/// Looks at every line of a text, counting repeated lines. Linear in the text's size.
///
/// ```
/// let text = "Home\nThe town voted on Monday.\nHome";
/// let lines: Vec<_> = precis::text::article::lines(text).collect();
/// let looks = precis::text::line_features::look_at_lines(text, &lines);
/// assert_eq!(looks.len(), 3);
/// assert!(looks[1].ends_stop);
/// ```
pub fn look_at_lines(text: &str, lines: &[Span]) -> Vec<LineLook> {
    let mut counts: HashMap<&str, usize> = HashMap::with_capacity(lines.len());
    for l in lines {
        *counts.entry(l.slice(text)).or_default() += 1;
    }
    lines.iter().map(|l| LineLook::new(l.slice(text), counts[l.slice(text)] - 1)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_words_are_sorted_for_binary_search() {
        assert!(FUNCTION_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn glued_titles() {
        let cases: &[(&str, bool)] = &[
            ("Local Team Wins FinalThe team beat its rivals.", true),
            ("Is It Over?Experts say no.", true),
            ("McDonald and YouTube and iPhone are names.", false),
            ("The U.S. economy grew.", false),
        ];
        for (line, want) in cases {
            assert_eq!(has_glued_title(line), *want, "{line:?}");
        }
    }

    #[test]
    fn phrases() {
        let cases: &[(&str, Option<Phrase>)] = &[
            ("Share this article", Some(Phrase::Prompt)),
            ("Sign up for our daily newsletter", Some(Phrase::Prompt)),
            ("© 2024 Example Media. All rights reserved.", Some(Phrase::Boilerplate)),
            ("Quotes delayed at least 15 minutes.", Some(Phrase::Boilerplate)),
            ("By Jane Doe", Some(Phrase::Byline)),
            ("Updated 3 hours ago", Some(Phrase::Byline)),
            ("The council met on Tuesday to discuss the bridge.", None),
        ];
        for (line, want) in cases {
            assert_eq!(LineLook::new(line, 0).phrase, *want, "{line:?}");
        }
    }
}
