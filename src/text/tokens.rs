//! Words, numbers and punctuation with their byte offsets.
//!
//! The tokens follow news-wire conventions, because the name model is trained on them:
//! a possessive `'s` / `’s` and a contraction's `n't` are tokens of their own, dotted
//! abbreviations (`U.S.`, `a.m.`), initials (`J.`) and known capitalised abbreviations
//! (`Mr.`, `Inc.`, `Jan.`) keep their dots, numbers keep their
//! decimal point and thousands separators (`3.5`, `1,000`), and hyphenated words stay whole.

use crate::Span;

/// Splits text into [`Span`]s of tokens.
///
/// ```
/// use precis::text::tokens;
/// let text = "Huawei’s U.S. unit didn't pay $1,000.50.";
/// let words: Vec<&str> = tokens(text).map(|s| s.slice(text)).collect();
/// assert_eq!(words, ["Huawei", "’s", "U.S.", "unit", "did", "n't", "pay", "$", "1,000.50", "."]);
/// ```
pub fn tokens(text: &str) -> Tokens<'_> {
    Tokens { text, pos: 0, offset: 0 }
}

/// Tokens of `span` inside `text`, with offsets into the whole `text`.
///
/// ```
/// use precis::{Span, text::tokens_in};
/// let text = "One. Two three.";
/// let got: Vec<&str> = tokens_in(text, Span::new(5, 15)).map(|s| s.slice(text)).collect();
/// assert_eq!(got, ["Two", "three", "."]);
/// ```
pub fn tokens_in(text: &str, span: Span) -> Tokens<'_> {
    Tokens { text: &text[span.start..span.end], pos: 0, offset: span.start }
}

/// Iterator returned by [`tokens`] and [`tokens_in`].
#[derive(Debug, Clone)]
pub struct Tokens<'t> {
    text: &'t str,
    pos: usize,
    offset: usize,
}

/// True for characters that make up words.
#[inline]
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || matches!(c, '\u{300}'..='\u{36f}')
}

/// True for straight and curly apostrophes.
#[inline]
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// The end of the run of letters that starts at byte `from` of `s` (`from` itself if none).
fn alphabetic_end(s: &str, from: usize) -> usize {
    let mut j = from;
    while let Some(d) = char_at(s, j) {
        if !d.is_alphabetic() {
            break;
        }
        j += d.len_utf8();
    }
    j
}

/// The end of the run of word characters ([`is_word_char`]) from byte `i` of `s`. An
/// ASCII byte is read as it is, without decoding a char: of ASCII, exactly the letters,
/// the digits and `_` are word characters.
#[inline]
fn word_chars_end(s: &str, mut i: usize) -> usize {
    let b = s.as_bytes();
    while let Some(&x) = b.get(i) {
        if x.is_ascii() {
            if !(x.is_ascii_alphanumeric() || x == b'_') {
                break;
            }
            i += 1;
        } else {
            match char_at(s, i) {
                Some(c) if is_word_char(c) => i += c.len_utf8(),
                _ => break,
            }
        }
    }
    i
}

/// The end of the white space, control characters and zero-width spaces from byte `i` of
/// `s`, which no token holds. Of ASCII, exactly the bytes up to the space and DEL are such.
#[inline]
fn gap_end(s: &str, mut i: usize) -> usize {
    let b = s.as_bytes();
    while let Some(&x) = b.get(i) {
        if x.is_ascii() {
            if !(x <= b' ' || x == 0x7f) {
                break;
            }
            i += 1;
        } else {
            match char_at(s, i) {
                Some(c) if c.is_whitespace() || c.is_control() || c == '\u{200b}' || c == '\u{feff}' => i += c.len_utf8(),
                _ => break,
            }
        }
    }
    i
}

#[inline]
fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|r| r.chars().next())
}

impl<'t> Tokens<'t> {
    /// End of a word that starts at `start` (a word char): letters, digits, inner hyphens,
    /// inner apostrophes, dotted abbreviations and numbers.
    fn word_end(&self, start: usize) -> usize {
        let s = self.text;
        let b = s.as_bytes();
        let mut i = start;
        let first = char_at(s, start).unwrap_or(' ');
        let numeric_start = first.is_ascii_digit();
        loop {
            i = word_chars_end(s, i);
            let Some(c) = char_at(s, i) else { break };
            let next = char_at(s, i + c.len_utf8());
            match c {
                // 1,000 / 3.5 inside numbers
                ',' | '.' if numeric_start && b[i - 1].is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit()) => {
                    i += 1;
                }
                // hyphenated words: well-known, 5-year-old
                '-' | '‑' if next.is_some_and(is_word_char) => {
                    i += c.len_utf8();
                }
                // inner apostrophe: O'Brien, rock'n'roll; not a possessive or n't (split below)
                c if is_apostrophe(c) && next.is_some_and(|n| n.is_alphabetic()) => {
                    let after = i + c.len_utf8();
                    let rest_end = alphabetic_end(s, after);
                    let rest = &s[after..rest_end];
                    if matches!(rest, "s" | "S" | "ll" | "re" | "ve" | "d" | "m" | "LL" | "RE" | "VE" | "D" | "M") {
                        break;
                    }
                    i = after;
                }
                _ => break,
            }
        }
        // split n't off: didn't -> did + n't
        let word = &s[start..i];
        if word.len() > 3 && (word.ends_with("n't") || word.ends_with("n’t") || word.ends_with("N'T")) {
            let cut = if word.ends_with("n’t") { i - "n’t".len() } else { i - 3 };
            if cut > start {
                return cut;
            }
        }
        // known abbreviation, written with a capital: Mr., Inc., Jan.
        if char_at(s, i) == Some('.') && first.is_uppercase() && is_abbreviation(word) {
            return i + 1;
        }
        // dotted abbreviation or initial: U.S., a.m., J.
        if char_at(s, i) == Some('.') && !numeric_start {
            // look for X.Y. pattern continuing
            let mut j = i;
            let mut dots = 0;
            while char_at(s, j) == Some('.') {
                let after = j + 1;
                match char_at(s, after) {
                    Some(n) if n.is_alphabetic() && char_at(s, after + n.len_utf8()) == Some('.') => {
                        j = after + n.len_utf8();
                        dots += 1;
                    }
                    _ => break,
                }
            }
            if dots > 0 && word.chars().count() == 1 {
                return j + 1;
            }
            if word.chars().count() == 1 && first.is_uppercase() {
                return i + 1; // initial "J."
            }
        }
        i
    }
}

impl Iterator for Tokens<'_> {
    type Item = Span;

    fn next(&mut self) -> Option<Span> {
        let s = self.text;
        self.pos = gap_end(s, self.pos);
        let start = self.pos;
        let c = char_at(s, start)?;
        let end = if is_word_char(c) {
            self.word_end(start)
        } else if is_apostrophe(c) {
            // possessive / contraction suffix: 's 'll 're n't handled by word_end; here 's
            let after = start + c.len_utf8();
            let j = alphabetic_end(s, after);
            let rest = &s[after..j];
            if j > after && rest.len() <= 2 && matches!(rest.to_ascii_lowercase().as_str(), "s" | "ll" | "re" | "ve" | "d" | "m") {
                j
            } else {
                after
            }
        } else if c == '.' && s[start..].starts_with("...") {
            let mut j = start;
            while char_at(s, j) == Some('.') {
                j += 1;
            }
            j
        } else if (c == '-' && s[start..].starts_with("--")) || (c == '`' && s[start..].starts_with("``")) {
            start + 2
        } else {
            after_char(s, start)
        };
        self.pos = end;
        Some(Span::new(start + self.offset, end + self.offset))
    }
}

/// Abbreviations that keep their full stop as one token when capitalised, as news-wire
/// tokenisation does ("Mr.", "Inc.", "Jan."): a name that ends in one ends with the dot.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "gov", "sen", "rep", "lt", "col", "capt", "sgt", "rev", "mt",
    "ft", "inc", "corp", "ltd", "co", "bros", "jan", "feb", "aug", "sept", "oct", "nov", "dec", "messrs", "adm", "cmdr",
    "maj", "supt", "det", "insp", "hon",
];

fn is_abbreviation(word: &str) -> bool {
    word.len() <= 6 && ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
}

#[inline]
fn after_char(s: &str, i: usize) -> usize {
    i + char_at(s, i).map_or(1, char::len_utf8)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<&str> {
        tokens(text).map(|s| s.slice(text)).collect()
    }

    #[test]
    fn ascii_fast_paths_agree_with_the_char_tests() {
        for b in 0u8..128 {
            let c = b as char;
            let text = c.to_string();
            assert_eq!(word_chars_end(&text, 0) == 1, is_word_char(c), "{b}");
            let gap = c.is_whitespace() || c.is_control();
            assert_eq!(gap_end(&text, 0) == 1, gap, "{b}");
        }
    }

    #[test]
    fn table() {
        let cases: &[(&str, &[&str])] = &[
            ("Hello, world.", &["Hello", ",", "world", "."]),
            ("Ren’s firm", &["Ren", "’s", "firm"]),
            ("Ren's firm", &["Ren", "'s", "firm"]),
            ("they're here", &["they", "'re", "here"]),
            ("can't won't", &["ca", "n't", "wo", "n't"]),
            ("O'Brien left", &["O'Brien", "left"]),
            ("the U.S. and U.K.", &["the", "U.S.", "and", "U.K."]),
            ("J. R. R. Tolkien", &["J.", "R.", "R.", "Tolkien"]),
            ("at 9 a.m. today", &["at", "9", "a.m.", "today"]),
            ("out-of-date tech", &["out-of-date", "tech"]),
            ("$100,000 or 3.5%", &["$", "100,000", "or", "3.5", "%"]),
            ("wait... what", &["wait", "...", "what"]),
            ("“Hi,” he said", &["“", "Hi", ",", "”", "he", "said"]),
            ("(EE, Vodafone)", &["(", "EE", ",", "Vodafone", ")"]),
            ("end.", &["end", "."]),
            ("Mr. Smith", &["Mr.", "Smith"]),
            ("Acme Corp. and Widget Inc. merged.", &["Acme", "Corp.", "and", "Widget", "Inc.", "merged", "."]),
            ("Acme Inc . said", &["Acme", "Inc", ".", "said"]),
            ("on Jan. 5", &["on", "Jan.", "5"]),
            ("mr. nobody", &["mr", ".", "nobody"]),
            ("Coast.", &["Coast", "."]),
            ("São Paulo", &["São", "Paulo"]),
            ("5G tech", &["5G", "tech"]),
            ("'quoted'", &["'", "quoted", "'"]),
            ("", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(toks(text), *want, "{text:?}");
        }
    }

    #[test]
    fn offsets_cover_only_non_space() {
        let text = " a\u{a0}b\tc\n";
        for s in tokens(text) {
            assert!(!s.slice(text).trim().is_empty());
        }
    }
}
