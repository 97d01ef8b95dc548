//! Exact-match sets of words for lookups on every token: a hash set built once from a
//! word list, in place of a scan of the list (tens of string comparisons a token).
//!
//! The hash is a multiply-rotate hash (as in rustc's FxHash), not std's SipHash: these
//! sets hold fixed word lists, so there is no flooding to defend against, and SipHash
//! would cost more than the scan it replaces on words of a few bytes.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// A fast, deterministic hasher for short keys.
#[derive(Default, Clone, Copy)]
pub(crate) struct WordHasher(u64);

impl WordHasher {
    #[inline]
    fn add(&mut self, v: u64) {
        self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for WordHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut b = [0u8; 8];
            b[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(b));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// Builds [`WordHasher`]s.
pub(crate) type WordHash = BuildHasherDefault<WordHasher>;

/// A map keyed by fixed words, hashed with [`WordHasher`].
pub(crate) type WordTable<V> = HashMap<&'static str, V, WordHash>;

/// A map keyed by the input's own text (words, lines, shapes). Hashed with foldhash,
/// several times faster than std's SipHash on keys of a few bytes; its seed comes from
/// addresses (and, natively, the clock), so a text written to make one table's keys
/// collide does not carry to another run. Nothing is read out of these maps in their
/// iteration order, so the analysis is the same on every run.
pub(crate) type TextMap<K, V> = HashMap<K, V, foldhash::fast::RandomState>;

/// A set of the input's own text; see [`TextMap`].
pub(crate) type TextSet<K> = HashSet<K, foldhash::fast::RandomState>;

/// A word list, looked up by exact (case-sensitive) match.
pub(crate) struct WordList {
    words: &'static [&'static str],
    set: OnceLock<HashSet<&'static str, WordHash>>,
}

impl WordList {
    /// The set of `words`, built on first use.
    pub(crate) const fn new(words: &'static [&'static str]) -> WordList {
        WordList { words, set: OnceLock::new() }
    }

    /// The words, as given.
    pub(crate) const fn words(&self) -> &'static [&'static str] {
        self.words
    }

    /// Whether `word` is one of the words, byte for byte.
    #[inline]
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.set.get_or_init(|| self.words.iter().copied().collect()).contains(word)
    }
}

/// Calls `f` with `word` in lower case: on the stack for a short ASCII word (the mapping
/// is then byte by byte), through [`str::to_lowercase`] otherwise.
pub(crate) fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 32];
    if word.is_ascii() && word.len() <= buf.len() {
        let lower = &mut buf[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        // ASCII bytes are UTF-8
        f(std::str::from_utf8(lower).unwrap_or_default())
    } else {
        f(&word.to_lowercase())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_exactly() {
        static W: WordList = WordList::new(&["said", "told", "according to"]);
        assert!(W.contains("said") && W.contains("according to"));
        assert!(!W.contains("Said") && !W.contains("sai") && !W.contains(""));
    }

    #[test]
    fn lowers_like_to_lowercase() {
        for w in ["Mr.", "PROF", "", "Ünal", "İstanbul", "\u{212A}elvin", "averyveryverylongwordofmorethan32bytes"] {
            assert_eq!(with_lower(w, str::to_string), w.to_lowercase(), "{w:?}");
        }
    }
}
