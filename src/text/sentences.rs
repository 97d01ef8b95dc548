//! Sentence boundaries inside a block of article text.
//!
//! A boundary is a run of `.`, `?`, `!` or `…`, then any closing quotes or brackets,
//! then white space, then something that can start a sentence. A full stop is not a
//! boundary after a known abbreviation (`Mr.`, `Prof.`, `No. 10`, `Jan. 5`), an initial
//! (`E. Smith`) or a dotted abbreviation (`U.S. Government`) unless the next word is one
//! that usually starts a sentence (`U.S. How about you?`). A line break always ends a
//! sentence: blocks are split on lines before this stage sees them.

use crate::Span;

/// Finds sentence spans.
///
/// ```
/// use precis::text::SentenceSplitter;
/// let text = "Mr. Smith went to Washington. He met Prof. Tsang at 5 p.m. on Jan. 5.";
/// let got: Vec<&str> = SentenceSplitter::default().split(text).map(|s| s.slice(text)).collect();
/// assert_eq!(got, ["Mr. Smith went to Washington.", "He met Prof. Tsang at 5 p.m. on Jan. 5."]);
/// ```
#[derive(Debug, Clone, Default)]
pub struct SentenceSplitter {
    _private: (),
}

/// Abbreviations that are never followed by a sentence end (titles and the like).
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "rev", "gen", "sen", "rep", "gov", "lt", "col", "capt", "sgt",
    "mt", "ft", "hon", "pres", "supt", "det", "insp", "messrs", "mme", "mlle", "cmdr", "adm", "maj", "brig", "cpl",
    "pte", "vs", "v", "fr", "atty", "rt", "cllr",
];
/// Abbreviations that do not end a sentence before a number.
const BEFORE_NUMBER: &[&str] = &[
    "no", "nos", "vol", "art", "fig", "p", "pp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "ch", "sec", "para", "n°", "nr", "tel", "approx", "ca",
];
/// Abbreviations that end a sentence only when a typical sentence opener follows.
const AMBIGUOUS: &[&str] = &[
    "inc", "ltd", "corp", "co", "plc", "llc", "bros", "etc", "al", "e.g", "i.e", "approx", "dept", "est", "govt", "univ",
    "assn", "ave", "blvd", "rd", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun", "a.m", "p.m",
];
/// Capitalised words that usually open a sentence, used to decide after ambiguous stops.
const OPENERS: &[&str] = &[
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "his", "her", "their", "its", "our", "this",
    "that", "these", "those", "there", "but", "and", "or", "so", "yet", "however", "in", "on", "at", "for", "as",
    "if", "when", "while", "after", "before", "since", "although", "mr", "mrs", "ms", "dr", "how", "what", "why",
    "who", "where", "which", "did", "do", "does", "is", "are", "was", "were", "it's", "then", "meanwhile", "also",
    "some", "many", "most", "one", "two", "no", "not", "all", "last", "next", "earlier", "later", "now", "today",
    "yesterday", "according", "both", "each", "other", "such", "my", "your", "with", "by", "from", "to", "under",
];

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '”' | '’' | '\'' | ')' | ']' | '»' | '›' | '}')
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '?' | '!' | '…' | '‼' | '⁇' | '⁈' | '⁉')
}

fn is_opener(c: char) -> bool {
    matches!(c, '"' | '“' | '‘' | '\'' | '(' | '[' | '«' | '‹' | '¿' | '¡' | '•' | '⁃' | '-' | '–' | '—' | '*')
}

impl SentenceSplitter {
    /// A splitter with the default rules.
    pub fn new() -> SentenceSplitter {
        SentenceSplitter::default()
    }

    /// Sentences of the whole `text`, each line treated as its own block.
    pub fn split<'a>(&'a self, text: &'a str) -> impl Iterator<Item = Span> + 'a {
        crate::text::article::lines(text).flat_map(move |line| self.split_block(text, line))
    }

    /// Sentences of one block `block` of `text` (a line or paragraph), offsets into `text`.
    ///
    /// ```
    /// use precis::{Span, text::SentenceSplitter};
    /// let text = "1. The first item 2. The second item";
    /// let got: Vec<&str> = SentenceSplitter::default().split_block(text, Span::new(0, text.len())).iter().map(|s| s.slice(text)).collect();
    /// assert_eq!(got, ["1. The first item", "2. The second item"]);
    /// ```
    pub fn split_block(&self, text: &str, block: Span) -> Vec<Span> {
        let s = &text[block.start..block.end];
        let markers = list_markers(s);
        let mut next_marker = markers.iter().copied().skip_while(|m| m.0 == 0).peekable();
        let in_marker = |pos: usize| markers.iter().any(|&(a, b)| a <= pos && pos < b);
        let mut out = Vec::new();
        let mut start = 0;
        let char_at = |pos: usize| s[pos..].chars().next();
        let mut pos = 0; // where the next character starts
        while let Some(c) = char_at(pos) {
            let i = pos;
            pos += c.len_utf8();
            // a list item starts a sentence of its own
            while next_marker.peek().is_some_and(|m| m.0 < i) {
                next_marker.next();
            }
            if next_marker.peek().is_some_and(|m| m.0 == i) {
                push_trimmed(&mut out, s, start, i, block.start);
                start = i;
                next_marker.next();
            }
            if c == '\n' || c == '\u{2029}' {
                push_trimmed(&mut out, s, start, i, block.start);
                start = i + c.len_utf8();
                continue;
            }
            if !is_terminal(c) || in_marker(i) {
                // nothing happens before the next line break, terminal (all of them but ASCII
                // ones start with the byte E2) or list marker: go straight there
                let limit = next_marker.peek().map_or(s.len(), |m| m.0.max(pos));
                let bytes = &s.as_bytes()[pos..limit];
                pos += bytes.iter().position(|&b| matches!(b, b'\n' | b'.' | b'?' | b'!' | 0xE2)).unwrap_or(bytes.len());
                continue;
            }
            let prev = s[..i].chars().next_back();
            if c == '.' && s[i..].starts_with(". .") {
                // a spaced ellipsis ". . .": inside a sentence when it stands alone ("is . . . I");
                // after a word's own full stop ("compounds. . . . The") the stop ends the sentence
                // and the ellipsis opens the next one
                let mut end = i + 1;
                while s[end..].starts_with(" .") {
                    end += 2;
                }
                let attached = prev.is_some_and(|p| p.is_alphanumeric() || is_closer(p));
                let rest = s[end..].trim_start_matches(is_closer).trim_start();
                let capital_next = rest.chars().next().is_some_and(|n| n.is_uppercase() || is_opener(n));
                if attached && capital_next && !s[i + 1..end].trim().is_empty() {
                    push_trimmed(&mut out, s, start, i + 1, block.start);
                    start = i + 1;
                } else if !attached && capital_next && s[i..end].matches('.').count() >= 4 {
                    // ". . . ." is an omission and then the sentence's own stop
                    push_trimmed(&mut out, s, start, end, block.start);
                    start = end;
                }
                pos = end;
                continue;
            }
            if prev == Some('[') && s[i..].trim_start_matches(is_terminal).starts_with(']') {
                continue; // an omission "[...]"
            }
            // the run of terminals
            while let Some(d) = char_at(pos).filter(|&d| is_terminal(d)) {
                pos += d.len_utf8();
            }
            // closing quotes and brackets
            while let Some(d) = char_at(pos).filter(|&d| is_closer(d)) {
                pos += d.len_utf8();
            }
            let end = pos;
            let next_ws = s[end..].chars().next();
            if !matches!(next_ws, Some(w) if w.is_whitespace()) {
                continue; // 3.5, U.S.A, example.com, end of block
            }
            let rest = s[end..].trim_start_matches(|w: char| w.is_whitespace() && w != '\n');
            let Some(nc) = rest.chars().next() else { continue };
            if nc == '\n' {
                continue;
            }
            if self.is_boundary(s, i, end, c, rest) {
                push_trimmed(&mut out, s, start, end, block.start);
                start = end;
            }
        }
        push_trimmed(&mut out, s, start, s.len(), block.start);
        out
    }

    fn is_boundary(&self, s: &str, stop: usize, _end: usize, stop_char: char, rest: &str) -> bool {
        let nc = rest.chars().next().unwrap_or(' ');
        let next_word = next_word(rest);
        let next_lower = next_word.to_lowercase();
        let starts_upper = nc.is_uppercase() || nc.is_ascii_digit() || is_opener(nc);
        if !starts_upper {
            return false;
        }
        if stop_char != '.' {
            // "Yahoo! in" handled above by lower case; "?" "!" "…" end sentences before capitals
            return true;
        }
        // the word before the full stop
        let before = &s[..stop];
        let word_start = before
            .char_indices()
            .rev()
            .find(|&(_, c)| !(c.is_alphanumeric() || c == '.' || c == '°'))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let word = &before[word_start..];
        if word.is_empty() {
            return true;
        }
        let lower = word.to_lowercase();
        let opener = OPENERS.contains(&next_lower.trim_end_matches(['.', ',']));
        if TITLES.contains(&lower.as_str()) {
            return false;
        }
        let next_is_number = nc.is_ascii_digit();
        if next_is_number && BEFORE_NUMBER.contains(&lower.as_str()) {
            return false;
        }
        // list markers: "1." "a." at the start of a sentence or after a bullet
        if AMBIGUOUS.contains(&lower.as_str()) {
            // "at 5 a.m. Mr. Smith went": a lower-case time runs on into a name with a title
            if matches!(word, "a.m" | "p.m") && TITLES.contains(&next_lower.as_str()) {
                return false;
            }
            return opener;
        }
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        if word.contains('.') && letters <= 5 && word.chars().all(|c| c.is_alphabetic() || c == '.') {
            // U.S., E.U., a.m.
            return opener;
        }
        if letters == 1 && word.chars().count() == 1 {
            let ch = word.chars().next().unwrap_or(' ');
            if ch.is_uppercase() {
                // an initial ("E. Smith"), except the pronoun "I" before an opener
                return ch == 'I' && opener;
            }
            // "p. 55", list "a. The"
            return false;
        }
        if word.chars().all(|c| c.is_ascii_digit()) && word.len() <= 2 {
            // "1. The first item": a list number at the start of the text is no sentence
            let prefix = before[..word_start].trim_end();
            let bullet = prefix.strip_suffix(['•', '⁃', '-', '*']).is_some_and(|p| p.is_empty() || p.ends_with(char::is_whitespace));
            if prefix.is_empty() || bullet {
                return false;
            }
        }
        true
    }
}

/// Byte ranges of list markers in `s` ("1.", "2)", "3.)", "a.", "•"), when `s` starts with
/// one: numbered and lettered markers must follow each other in order ("1." then "2.").
fn list_markers(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let starts_bullet = s.starts_with(['•', '⁃']);
    let mut expected: Option<(u32, &str)> = None; // next ordinal and the marker's tail
    let mut pos = 0;
    for (k, token) in s.split_whitespace().enumerate() {
        let at = pos + s[pos..].find(token).unwrap_or(0);
        pos = at + token.len();
        if starts_bullet {
            if token.starts_with(['•', '⁃']) {
                let len = token.chars().next().map_or(1, char::len_utf8);
                out.push((at, at + len));
            }
            continue;
        }
        let Some((ordinal, tail)) = marker_parts(token) else {
            if k == 0 {
                return out; // no list without a first marker
            }
            continue;
        };
        match expected {
            None if k == 0 => {
                out.push((at, pos));
                expected = Some((ordinal + 1, tail));
            }
            Some((want, want_tail)) if ordinal == want && tail == want_tail => {
                out.push((at, pos));
                expected = Some((ordinal + 1, tail));
            }
            _ => {}
        }
        if k == 0 && expected.is_none() {
            return out;
        }
    }
    out
}

/// "12." → (12, "."), "3)" → (3, ")"), "4.)" → (4, ".)"), "b." → (2, "a.").
fn marker_parts(token: &str) -> Option<(u32, &str)> {
    let digits = token.len() - token.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let tail = &token[digits..];
    if (1..=3).contains(&digits) && matches!(tail, "." | ")" | ".)") {
        return token[..digits].parse().ok().map(|n| (n, tail));
    }
    let mut cs = token.chars();
    match (cs.next(), cs.next(), cs.next()) {
        (Some(c @ 'a'..='z'), Some('.'), None) => Some((c as u32 - 'a' as u32 + 1, "a.")),
        _ => None,
    }
}

fn next_word(rest: &str) -> &str {
    let rest = rest.trim_start_matches(is_opener);
    let end = rest.find(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’')).unwrap_or(rest.len());
    &rest[..end]
}

fn push_trimmed(out: &mut Vec<Span>, s: &str, start: usize, end: usize, base: usize) {
    let piece = &s[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        out.push(Span::new(base + start + lead, base + end - trail));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        SentenceSplitter::default().split(text).map(|s| s.slice(text)).collect()
    }

    #[test]
    fn table() {
        let cases: &[(&str, &[&str])] = &[
            ("Hello World. My name is Ada.", &["Hello World.", "My name is Ada."]),
            ("Is it? Yes! Fine.", &["Is it?", "Yes!", "Fine."]),
            ("Call Mr. Brown now.", &["Call Mr. Brown now."]),
            ("He lives at No. 10 Downing Street.", &["He lives at No. 10 Downing Street."]),
            ("My name is Ada E. Lovelace.", &["My name is Ada E. Lovelace."]),
            ("I live in the U.S. How about you?", &["I live in the U.S.", "How about you?"]),
            ("I work for the U.S. Government here.", &["I work for the U.S. Government here."]),
            ("She has $100.00. It is hers.", &["She has $100.00.", "It is hers."]),
            ("“It is over.” She left.", &["“It is over.”", "She left."]),
            ("“It is over,” she said. “Go.”", &["“It is over,” she said.", "“Go.”"]),
            ("Headline without stop\nBody text here.", &["Headline without stop", "Body text here."]),
            ("Visit example.com today. Then rest.", &["Visit example.com today.", "Then rest."]),
            ("Wait... Then nothing.", &["Wait...", "Then nothing."]),
            // terminals and breaks outside ASCII, list markers mid-block, between long stretches of plain text
            ("Really‼ Yes⁉ Maybe… Then the café closed.", &["Really‼", "Yes⁉", "Maybe…", "Then the café closed."]),
            ("Héllo wörld\u{2029}Über allés.", &["Héllo wörld", "Über allés."]),
            ("1. Buy bread 2) no 2. Buy eggs", &["1. Buy bread 2) no", "2. Buy eggs"]),
            ("• First item • Second item", &["• First item", "• Second item"]),
            ("She said . . . I agree. Fine", &["She said . . . I agree.", "Fine"]),
        ];
        for (text, want) in cases {
            assert_eq!(split(text), *want, "{text:?}");
        }
    }
}
