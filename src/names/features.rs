//! The features of the name model: one function set used both by the trainer
//! (`examples/train_names.rs`) and by the [`NameTagger`](super::NameTagger), so the two
//! can never disagree.
//!
//! Every feature is a 32-bit hash of a template number and the values it looks at;
//! nothing allocates per feature. Per-token values (the lower-cased word, its shape,
//! prefixes and suffixes) are hashed once per document in [`DocFeatures::new`].
//!
//! Labels are BILOU over three kinds: person, organisation, place. Other names
//! (nationalities, events: CoNLL's "misc") are learned as outside any name.

use super::clusters::{prefix, Clusters};
use super::gazetteer::{class_key, phrase_key_of, LISTS, PHRASE_SEED};
pub use super::gazetteer::{Gazetteer, MAX_ENTRY_TOKENS};
use crate::{Document, EntityKind};

/// Kinds the model tells apart, in label order: person, organisation, place.
pub const KINDS: usize = 3;

/// Number of labels: `O` and B/I/L/U for each kind.
pub const LABELS: usize = 1 + 4 * KINDS;

/// The `O` (outside any name) label.
pub const OUTSIDE: u8 = 0;

/// Position of a token inside a name, in label order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// First token of a longer name.
    Begin = 0,
    /// Inner token.
    Inside = 1,
    /// Last token of a longer name.
    Last = 2,
    /// A one-token name.
    Unit = 3,
}

/// The label for `part` of a name of kind `kind` (0 person, 1 organisation, 2 place).
///
/// ```
/// use precis::names::features::{label, kind_of, Part};
/// assert_eq!(kind_of(label(2, Part::Unit)), Some(2));
/// assert_eq!(kind_of(0), None);
/// ```
pub const fn label(kind: usize, part: Part) -> u8 {
    (1 + kind * 4 + part as usize) as u8
}

/// The kind (0..KINDS) of a label, `None` for `O`.
pub const fn kind_of(label: u8) -> Option<usize> {
    if label == OUTSIDE {
        None
    } else {
        Some((label as usize - 1) / 4)
    }
}

/// The part of a name a label stands for, `None` for `O`.
pub fn part_of(label: u8) -> Option<Part> {
    match label {
        OUTSIDE => None,
        l => Some([Part::Begin, Part::Inside, Part::Last, Part::Unit][(l as usize - 1) % 4]),
    }
}

/// The reported kind of a model kind.
pub fn entity_kind(kind: usize) -> Option<EntityKind> {
    match kind {
        0 => Some(EntityKind::Person),
        1 => Some(EntityKind::Organization),
        2 => Some(EntityKind::Place),
        _ => None,
    }
}

/// True when `next` may follow `prev` in a BILOU sequence.
///
/// ```
/// use precis::names::features::{allowed, label, Part, OUTSIDE};
/// assert!(allowed(OUTSIDE, label(0, Part::Begin)));
/// assert!(!allowed(OUTSIDE, label(0, Part::Inside)));
/// assert!(allowed(label(1, Part::Begin), label(1, Part::Last)));
/// assert!(!allowed(label(1, Part::Begin), label(2, Part::Last)));
/// ```
#[inline]
pub const fn allowed(prev: u8, next: u8) -> bool {
    ALLOWED[prev as usize % LABELS][next as usize % LABELS]
}

const fn allowed_slow(prev: usize, next: usize) -> bool {
    // parts: 0 begin, 1 inside, 2 last, 3 unit; label 0 is outside
    let open = prev != 0 && (prev - 1) % 4 <= 1;
    if next == 0 || (next - 1) % 4 == 0 || (next - 1) % 4 == 3 {
        !open
    } else {
        open && (prev - 1) / 4 == (next - 1) / 4
    }
}

const ALLOWED: [[bool; LABELS]; LABELS] = {
    let mut t = [[false; LABELS]; LABELS];
    let mut p = 0;
    while p < LABELS {
        let mut n = 0;
        while n < LABELS {
            t[p][n] = allowed_slow(p, n);
            n += 1;
        }
        p += 1;
    }
    t
};

const K: u64 = 0x517c_c1b7_2722_0a95;

/// Mixes `v` into hash `h` (the FxHash step).
#[inline]
pub fn mix(h: u64, v: u64) -> u64 {
    (h.rotate_left(5) ^ v).wrapping_mul(K)
}

/// Folds a 64-bit hash into a well-mixed 32-bit feature or key.
#[inline]
pub(crate) fn finish(h: u64) -> u32 {
    let h = h ^ (h >> 29);
    let h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    (h ^ (h >> 32)) as u32
}

/// Hash of `word` lower-cased, without allocating.
///
/// ```
/// use precis::names::features::hash_lower;
/// assert_eq!(hash_lower("Paris"), hash_lower("PARIS"));
/// assert_ne!(hash_lower("Paris"), hash_lower("Pari"));
/// ```
pub fn hash_lower(word: &str) -> u64 {
    let mut h = 0x2545_f491_4f6c_dd1d;
    for c in word.chars() {
        h = mix_lower(h, c);
    }
    mix(h, 0xff)
}

/// Mixes `c` lower-cased into `h`.
#[inline]
fn mix_lower(h: u64, c: char) -> u64 {
    if c.is_ascii() {
        mix(h, c.to_ascii_lowercase() as u64)
    } else {
        c.to_lowercase().fold(h, |h, l| mix(h, l as u64))
    }
}

/// Letter classes of a token, as bit flags.
pub mod flag {
    /// Starts with an upper-case letter.
    pub const CAP: u8 = 1;
    /// Has letters, all upper case.
    pub const ALL_CAPS: u8 = 2;
    /// Has letters, all lower case.
    pub const LOWER: u8 = 4;
    /// Has a digit.
    pub const DIGIT: u8 = 8;
    /// Has no letter and no digit.
    pub const PUNCT: u8 = 16;
    /// First token of its sentence.
    pub const FIRST: u8 = 32;
    /// In a sentence with no lower-case word (a headline in capitals).
    pub const CAPS_LINE: u8 = 64;
}

/// Hashed facts about one token.
#[derive(Debug, Clone, Copy, Default)]
pub struct TokenInfo {
    /// The word lower-cased.
    pub lower: u64,
    /// The word as written.
    pub raw: u64,
    /// Shape, one class per character, at most 8: `Xxxxx`, `XX`, `X.X.`, `dd-dd`.
    pub shape: u64,
    /// Shape with repeated classes folded: `Xx`, `X`, `X.X.`, `d-d`.
    pub short_shape: u64,
    /// Lower-cased prefixes of 1 to 4 characters.
    pub prefix: [u64; 4],
    /// Lower-cased suffixes of 1 to 4 characters.
    pub suffix: [u64; 4],
    /// [`flag`] bits.
    pub flags: u8,
    /// Length in characters, capped at 15.
    pub len: u8,
    /// Word class from the gazetteer's table (see [`class_key`]); 0 when the word has none.
    pub class: u8,
    /// Brown cluster path from the [cluster table](super::clusters); 0 when the word has none.
    pub cluster: u32,
}

fn char_class(c: char) -> u64 {
    if c.is_uppercase() {
        'X' as u64
    } else if c.is_lowercase() || c.is_alphabetic() {
        'x' as u64
    } else if c.is_numeric() {
        'd' as u64
    } else {
        c as u64
    }
}

impl TokenInfo {
    /// Hashes the facts of `word`.
    ///
    /// ```
    /// use precis::names::features::{flag, TokenInfo};
    /// let t = TokenInfo::new("Paris");
    /// assert_eq!((t.flags & flag::CAP, t.len), (flag::CAP, 5));
    /// assert_eq!(t.lower, TokenInfo::new("PARIS").lower);
    /// ```
    pub fn new(word: &str) -> TokenInfo {
        if word.is_ascii() {
            Self::new_ascii(word.as_bytes())
        } else {
            Self::new_any(word)
        }
    }

    /// [`TokenInfo::new`] for a word of ASCII characters only, a byte at a time in one
    /// pass: the same hashes, as the classes of ASCII characters are A-Z upper case,
    /// a-z lower case (and the only letters), 0-9 numeric.
    fn new_ascii(word: &[u8]) -> TokenInfo {
        let mut info = TokenInfo::default();
        let mut lower_h = 0x2545_f491_4f6c_dd1du64;
        let mut raw = 0x9e37_79b9_7f4a_7c15u64;
        let (mut shape, mut short) = (7u64, 11u64);
        let (mut upper, mut lower, mut digit) = (0usize, 0usize, false);
        let mut last_class = 0;
        let mut pre = 0x1234_5678u64;
        for (i, &b) in word.iter().enumerate() {
            let low = b.to_ascii_lowercase() as u64;
            lower_h = mix(lower_h, low);
            raw = mix(raw, b as u64);
            let class = match b {
                b'A'..=b'Z' => {
                    upper += 1;
                    'X' as u64
                }
                b'a'..=b'z' => {
                    lower += 1;
                    'x' as u64
                }
                b'0'..=b'9' => {
                    digit = true;
                    'd' as u64
                }
                _ => b as u64,
            };
            if i < 8 {
                shape = mix(shape, class);
            }
            if class != last_class {
                short = mix(short, class);
                last_class = class;
            }
            if i < 4 {
                pre = mix(pre, low);
                info.prefix[i] = pre;
            }
        }
        let n = word.len();
        if word.first().is_some_and(u8::is_ascii_uppercase) {
            info.flags |= flag::CAP;
        }
        let mut suf = 0x8765_4321u64;
        for (i, &b) in word.iter().rev().take(4).enumerate() {
            suf = mix(suf, b.to_ascii_lowercase() as u64);
            info.suffix[i] = suf;
        }
        info.lower = mix(lower_h, 0xff);
        let counts = Counts { chars: n, upper, lower, digit, letters: upper + lower > 0 };
        info.finish(&counts, suf, raw, shape, short)
    }

    /// [`TokenInfo::new`] for any word.
    fn new_any(word: &str) -> TokenInfo {
        let mut info = TokenInfo { lower: hash_lower(word), ..TokenInfo::default() };
        let mut raw = 0x9e37_79b9_7f4a_7c15u64;
        let (mut shape, mut short) = (7u64, 11u64);
        let (mut upper, mut lower, mut digit, mut n) = (0usize, 0usize, false, 0usize);
        let mut last_class = 0;
        let mut pre = 0x1234_5678u64;
        for (i, c) in word.chars().enumerate() {
            raw = mix(raw, c as u64);
            let class = char_class(c);
            if i < 8 {
                shape = mix(shape, class);
            }
            if class != last_class {
                short = mix(short, class);
                last_class = class;
            }
            if c.is_uppercase() {
                upper += 1;
                if i == 0 {
                    info.flags |= flag::CAP;
                }
            } else if c.is_lowercase() {
                lower += 1;
            } else if c.is_numeric() {
                digit = true;
            }
            if i < 4 {
                pre = mix_lower(pre, c);
                info.prefix[i] = pre;
            }
            n = i + 1;
        }
        let mut suf = 0x8765_4321u64;
        for (i, c) in word.chars().rev().take(4).enumerate() {
            suf = mix_lower(suf, c);
            info.suffix[i] = suf;
        }
        // a letter without case (CJK, Arabic…) keeps a word from counting as punctuation
        let letters = upper + lower > 0 || word.chars().any(char::is_alphabetic);
        let counts = Counts { chars: n, upper, lower, digit, letters };
        info.finish(&counts, suf, raw, shape, short)
    }

    /// The end both builders share: affix hashes of a word shorter than four characters
    /// padded with its last one, the case flags, and the shape hashes closed with the length.
    fn finish(mut self, counts: &Counts, suf: u64, raw: u64, shape: u64, short: u64) -> TokenInfo {
        let n = counts.chars;
        for k in n.min(4)..4 {
            self.prefix[k] = self.prefix[k.saturating_sub(1).min(n.saturating_sub(1))];
            self.suffix[k] = if n == 0 { suf } else { self.suffix[n.min(4) - 1] };
        }
        if counts.upper > 0 && counts.lower == 0 {
            self.flags |= flag::ALL_CAPS;
        }
        if counts.lower > 0 && counts.upper == 0 {
            self.flags |= flag::LOWER;
        }
        if counts.digit {
            self.flags |= flag::DIGIT;
        }
        if !counts.letters && !counts.digit {
            self.flags |= flag::PUNCT;
        }
        self.raw = raw;
        self.shape = mix(shape, n.min(9) as u64);
        self.short_shape = short;
        self.len = n.min(15) as u8;
        self
    }
}

/// What [`TokenInfo`]'s builders counted in a word.
struct Counts {
    /// Characters in the word.
    chars: usize,
    /// Upper-case characters.
    upper: usize,
    /// Lower-case characters.
    lower: usize,
    /// Whether it holds a digit.
    digit: bool,
    /// Whether it holds a letter of any kind.
    letters: bool,
}

/// What a first reading of the document said about each word: how often it was tagged
/// each kind. Used by the second reading (document-level consistency).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Votes {
    /// Counts per kind (person, organisation, place) over tokens with this word.
    pub kinds: [u16; KINDS],
}

/// Per-document facts: token infos and document-wide word statistics.
#[derive(Debug, Clone)]
pub struct DocFeatures {
    /// One per token of the document.
    pub tokens: Vec<TokenInfo>,
    /// Per token, document-level bits: 1 = the word also appears in lower case elsewhere,
    /// 2 = it appears capitalised inside a sentence (not first, not in a capitals line).
    pub doc_bits: Vec<u8>,
    /// Per token, the kinds a first reading gave this word elsewhere in the document.
    pub votes: Vec<Votes>,
    /// Per token, its place in gazetteer matches: bit `4 * list + part` (see [`Part`]).
    pub lists: Vec<u16>,
    /// How many match scores ("3-0", "6-4") the document holds, bucketed (see
    /// `score_bucket`): a report of matches names its clubs after their towns.
    pub scores: u8,
    /// Per capitalised word, the first [`SEEN_AT`] places (plus one; 0 past the last)
    /// where it stands capitalised inside a sentence, for the context of its other occurrences.
    seen_at: Vec<[u32; SEEN_AT]>,
}

/// True for a match score: one to three digits, a hyphen, one to three digits ("3-0",
/// "21-14"); a date ("1996-08-28") has two hyphens and is not one.
fn is_score(t: &[u8]) -> bool {
    // most tokens are words: turned away at their first byte, not scanned for a hyphen
    if !t.first().is_some_and(u8::is_ascii_digit) {
        return false;
    }
    let Some(h) = t.iter().position(|&b| b == b'-') else { return false };
    let digits = |s: &[u8]| (1..=3).contains(&s.len()) && s.iter().all(u8::is_ascii_digit);
    digits(&t[..h]) && digits(&t[h + 1..])
}

/// The bucket of a document's count of match scores: none, one, a few, many.
fn score_bucket(n: usize) -> u8 {
    match n {
        0 => 0,
        1 => 1,
        2..=4 => 2,
        _ => 3,
    }
}

/// How many occurrences of a word the context features look at.
const SEEN_AT: usize = 3;

/// A small open-addressing map from word hash to a value, for per-document statistics.
/// It starts small and doubles when half full: a document has far fewer distinct words
/// than tokens, and a table sized by tokens is mostly empty memory touched at random.
struct WordMap<V: Copy + Default> {
    /// Key (0 for an empty slot) and value, side by side: one cache line per probe.
    slots: Vec<(u64, V)>,
    mask: usize,
    len: usize,
}

impl<V: Copy + Default> WordMap<V> {
    /// A map for at most `n` words, of a first size for far fewer.
    fn with_capacity(n: usize) -> Self {
        let size = (n * 2).next_power_of_two().clamp(16, 1024);
        WordMap { slots: vec![(0, V::default()); size], mask: size - 1, len: 0 }
    }

    #[inline]
    fn home(&self, key: u64) -> usize {
        (key.wrapping_mul(K) >> 20) as usize & self.mask
    }

    #[inline]
    fn slot(&mut self, key: u64) -> &mut V {
        let key = key | 1; // 0 marks an empty slot
        let mut i = self.home(key);
        loop {
            let k = self.slots[i].0;
            if k == key {
                return &mut self.slots[i].1;
            }
            if k == 0 {
                if (self.len + 1) * 2 > self.slots.len() {
                    self.grow();
                    return self.slot(key);
                }
                self.len += 1;
                self.slots[i].0 = key;
                return &mut self.slots[i].1;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Doubles the table, every entry moved to its place in the new one.
    #[cold]
    #[inline(never)]
    fn grow(&mut self) {
        let size = self.slots.len() * 2;
        let old = std::mem::replace(&mut self.slots, vec![(0, V::default()); size]);
        self.mask = size - 1;
        for (key, v) in old.into_iter().filter(|&(k, _)| k != 0) {
            let mut i = self.home(key);
            while self.slots[i].0 != 0 {
                i = (i + 1) & self.mask;
            }
            self.slots[i] = (key, v);
        }
    }
}

impl DocFeatures {
    /// Hashes every token of `doc`, looks its phrases up in `gazetteer` and its words
    /// in `clusters`, and gathers document-wide word statistics.
    pub fn new(doc: &Document, gazetteer: &Gazetteer, clusters: &Clusters) -> DocFeatures {
        let mut tokens: Vec<TokenInfo> = doc.tokens.iter().map(|t| TokenInfo::new(t.slice(doc.text))).collect();
        if !clusters.is_empty() {
            for (info, t) in tokens.iter_mut().zip(&doc.tokens) {
                info.cluster = clusters.path_of_hashed(t.slice(doc.text), info.raw);
            }
        }
        for s in &doc.sentences {
            let r = s.tokens.clone();
            if r.is_empty() {
                continue;
            }
            tokens[r.start].flags |= flag::FIRST;
            let has_lower = tokens[r.clone()].iter().any(|t| t.flags & flag::LOWER != 0 && t.len > 1);
            let has_caps = tokens[r.clone()].iter().filter(|t| t.flags & flag::ALL_CAPS != 0 && t.len > 1).count() >= 2;
            if !has_lower && has_caps {
                for t in &mut tokens[r] {
                    t.flags |= flag::CAPS_LINE;
                }
            }
        }
        let mut map: WordMap<u8> = WordMap::with_capacity(tokens.len());
        for t in &tokens {
            let bits = if t.flags & flag::LOWER != 0 {
                1
            } else if t.flags & flag::CAP != 0 && t.flags & (flag::FIRST | flag::CAPS_LINE) == 0 {
                2
            } else {
                0
            };
            *map.slot(t.lower) |= bits;
        }
        let doc_bits = tokens.iter().map(|t| *map.slot(t.lower)).collect();
        let votes = vec![Votes::default(); tokens.len()];
        let mut lists = vec![0u16; tokens.len()];
        if !gazetteer.is_empty() {
            for t in &mut tokens {
                t.class = gazetteer.get(class_key(t.lower));
            }
            for s in &doc.sentences {
                let r = s.tokens.clone();
                for i in r.clone() {
                    // names start with a capital (or sit in a line of capitals)
                    if tokens[i].flags & flag::CAP == 0 {
                        continue;
                    }
                    let mut h = PHRASE_SEED;
                    for len in 1..=MAX_ENTRY_TOKENS.min(r.end - i) {
                        h = mix(h, tokens[i + len - 1].lower);
                        let bits = gazetteer.get(phrase_key_of(h));
                        for k in 0..LISTS {
                            if bits & (1 << k) == 0 {
                                continue;
                            }
                            let at = |part: Part| 1u16 << (4 * k + part as usize);
                            if len == 1 {
                                lists[i] |= at(Part::Unit);
                            } else {
                                lists[i] |= at(Part::Begin);
                                for l in &mut lists[i + 1..i + len - 1] {
                                    *l |= at(Part::Inside);
                                }
                                lists[i + len - 1] |= at(Part::Last);
                            }
                        }
                    }
                }
            }
        }
        // where each capitalised word stands (sentence starts and lines of capitals apart)
        let mut places: WordMap<[u32; SEEN_AT]> = WordMap::with_capacity(tokens.len());
        let mut seen_at = vec![[0u32; SEEN_AT]; tokens.len()];
        let named = |t: &TokenInfo| t.flags & flag::CAP != 0 && t.flags & (flag::FIRST | flag::CAPS_LINE) == 0;
        for (i, t) in tokens.iter().enumerate().filter(|(_, t)| named(t)) {
            let at = places.slot(t.lower);
            // 0 marks a free place: positions are stored plus one
            if let Some(free) = at.iter_mut().find(|p| **p == 0) {
                *free = i as u32 + 1;
            }
        }
        for (i, t) in tokens.iter().enumerate().filter(|(_, t)| t.flags & flag::CAP != 0) {
            seen_at[i] = *places.slot(t.lower);
        }
        let scores = score_bucket(doc.tokens.iter().filter(|t| is_score(t.slice(doc.text).as_bytes())).count());
        DocFeatures { tokens, doc_bits, votes, lists, scores, seen_at }
    }

    /// Records the labels of a first reading: each token's word gets the kinds its
    /// occurrences were tagged with, for [`static_features`] with `second` set.
    pub fn set_first_reading(&mut self, labels: &[u8]) {
        let mut map: WordMap<Votes> = WordMap::with_capacity(self.tokens.len());
        for (t, &l) in self.tokens.iter().zip(labels) {
            if let Some(k) = kind_of(l) {
                if t.flags & flag::PUNCT == 0 && t.flags & flag::LOWER == 0 {
                    let v = map.slot(t.lower);
                    v.kinds[k] = v.kinds[k].saturating_add(1);
                }
            }
        }
        for (i, t) in self.tokens.iter().enumerate() {
            self.votes[i] = if t.flags & (flag::PUNCT | flag::LOWER) == 0 { *map.slot(t.lower) } else { Votes::default() };
        }
    }
}

#[inline]
fn f(template: u64, a: u64) -> u32 {
    finish(mix(mix(0, template), a))
}

#[inline]
fn f2(template: u64, a: u64, b: u64) -> u32 {
    finish(mix(mix(mix(0, template), a), b))
}

#[inline]
fn f3(template: u64, a: u64, b: u64, c: u64) -> u32 {
    finish(mix(mix(mix(mix(0, template), a), b), c))
}

/// The stand-in for a token past the edge of a sentence: every hashed fact the constant `v`.
const fn pad(v: u64) -> TokenInfo {
    TokenInfo { lower: v, raw: v, shape: v, short_shape: v, prefix: [v; 4], suffix: [v; 4], flags: 0, len: 0, class: v as u8, cluster: v as u32 }
}
const PAD_BEFORE: TokenInfo = pad(0xb0);
const PAD_AFTER: TokenInfo = pad(0xe0);

/// Lengths of the cluster path prefixes that are features.
const CLUSTER_STEPS: [u32; 4] = [4, 6, 10, 20];

/// The label-independent features of token `i` in the sentence of tokens `range`,
/// appended to `out`.
pub fn static_features(doc: &DocFeatures, range: std::ops::Range<usize>, i: usize, out: &mut Vec<u32>) {
    let at = |j: isize| -> &TokenInfo {
        let j = i as isize + j;
        if j < range.start as isize {
            &PAD_BEFORE
        } else if j >= range.end as isize {
            &PAD_AFTER
        } else {
            &doc.tokens[j as usize]
        }
    };
    let (p2, p1, w, n1, n2) = (at(-2), at(-1), at(0), at(1), at(2));
    let caps_line = w.flags & flag::CAPS_LINE != 0;
    let first = w.flags & flag::FIRST != 0;
    let bits = doc.doc_bits[i];
    let p = &w.prefix;
    let x = &w.suffix;
    // one batch: a push per feature is a call per feature in a size-optimised build
    out.extend_from_slice(&[
        f(0, 0),
        f(1, w.lower),
        // in a line of capitals the raw form tells nothing the lower form does not
        f2(2, w.raw, caps_line as u64),
        f(3, p1.lower),
        f(4, n1.lower),
        f(5, p2.lower),
        f(6, n2.lower),
        f(7, w.shape),
        f(8, p1.shape),
        f(9, n1.shape),
        f2(10, 0, p[0]),
        f2(11, 0, x[0]),
        f2(10, 1, p[1]),
        f2(11, 1, x[1]),
        f2(10, 2, p[2]),
        f2(11, 2, x[2]),
        f2(10, 3, p[3]),
        f2(11, 3, x[3]),
        f2(12, p1.lower, w.lower),
        f2(13, w.lower, n1.lower),
        f3(14, p1.short_shape, w.short_shape, n1.short_shape),
        f2(15, first as u64, w.short_shape),
        f2(16, caps_line as u64, w.lower),
        f2(17, caps_line as u64, w.short_shape),
        f3(18, bits as u64, (first || caps_line) as u64, w.short_shape),
        f2(19, p1.lower, w.short_shape),
        f2(20, n1.lower, w.short_shape),
        f2(21, (range.end - range.start).min(6) as u64, w.short_shape),
        f3(22, p2.short_shape, p1.short_shape, w.short_shape),
        f3(23, w.short_shape, n1.short_shape, n2.short_shape),
        f2(27, 0, w.class as u64),
        f2(27, 1, p1.class as u64),
        f2(27, 2, n1.class as u64),
        f2(28, w.class as u64, w.short_shape),
        f2(29, p1.class as u64, w.class as u64),
        f2(34, w.class as u64, n1.class as u64),
        f3(35, p1.class as u64, w.class as u64, n1.class as u64),
        // names of towns are names of clubs in a report of matches
        f3(45, doc.scores as u64, doc.lists[i] as u64, w.short_shape),
        f2(46, doc.scores as u64, w.class as u64),
    ]);
    // Brown cluster path prefixes of the word and its neighbours
    for (t, tok) in [(50u64, w), (51, p1), (52, n1)] {
        for steps in CLUSTER_STEPS {
            out.push(f2(t, steps as u64, prefix(tok.cluster, steps)));
        }
    }
    let lists = doc.lists[i];
    if lists != 0 {
        let mut bits = lists;
        while bits != 0 {
            out.push(f2(24, bits.trailing_zeros() as u64, (first || caps_line) as u64));
            bits &= bits - 1;
        }
        out.push(f(25, lists as u64));
    }
    // the words around the same word elsewhere in the document ("Mr Tsang", "Tsang said")
    for &at in doc.seen_at[i].iter().filter(|&&at| at != 0 && at as usize != i + 1) {
        let j = at as usize - 1;
        let before = if j > 0 { doc.tokens[j - 1].lower } else { PAD_BEFORE.lower };
        let after = doc.tokens.get(j + 1).map_or(PAD_AFTER.lower, |t| t.lower);
        out.extend_from_slice(&[f(38, before), f(39, after)]);
    }
    let prev_lists = if i > range.start { doc.lists[i - 1] } else { 0 };
    let next_lists = if i + 1 < range.end { doc.lists[i + 1] } else { 0 };
    if prev_lists | next_lists != 0 {
        out.push(f3(26, prev_lists as u64, next_lists as u64, w.short_shape));
    }
}

/// The features of the second reading of token `i`: what the first reading (see
/// [`DocFeatures::set_first_reading`]) said about its word and its neighbours' words
/// elsewhere in the document, appended to `out`.
pub fn vote_features(doc: &DocFeatures, range: std::ops::Range<usize>, i: usize, out: &mut Vec<u32>) {
    let w = &doc.tokens[i];
    let first = w.flags & flag::FIRST != 0;
    let caps_line = w.flags & flag::CAPS_LINE != 0;
    {
        let v = doc.votes[i];
        let total: u32 = v.kinds.iter().map(|&c| c as u32).sum();
        if total > 0 {
            let (best, &n) = v.kinds.iter().enumerate().max_by_key(|(_, &c)| c).unwrap_or((0, &0));
            let unanimous = n as u32 == total;
            out.extend_from_slice(&[f2(30, best as u64, unanimous as u64), f3(31, best as u64, w.short_shape, (first || caps_line) as u64)]);
            // the neighbours' votes: a word inside a longer name found elsewhere
            for (t, j) in [(32u64, -1isize), (33, 1)] {
                let k = i as isize + j;
                if k >= range.start as isize && (k as usize) < range.end {
                    let v = doc.votes[k as usize];
                    if let Some((b, _)) = v.kinds.iter().enumerate().filter(|(_, &c)| c > 0).max_by_key(|(_, &c)| c) {
                        out.push(f2(t, b as u64, best as u64));
                    }
                }
            }
        }
    }
}

/// True when no token of the sentence `range` has votes from the first reading, so
/// [`vote_features`] adds nothing there and the second reading would repeat the first.
pub fn no_votes(doc: &DocFeatures, range: std::ops::Range<usize>) -> bool {
    doc.votes[range].iter().all(|v| v.kinds.iter().all(|&c| c == 0))
}

/// True when token `i` and both its neighbours in the sentence of tokens `range` are
/// lower-case words or punctuation: a token no name starts at or runs through in
/// practice, which the decoder labels `O` without scoring when no name is open.
///
/// ```
/// use precis::names::features::{is_plain, DocFeatures};
/// use precis::names::tagger::{clusters, gazetteer};
/// let doc = precis::Document::new("the cat sat on the mat near Paris today");
/// let f = DocFeatures::new(&doc, gazetteer(), clusters());
/// let r = doc.sentences[0].tokens.clone();
/// assert!(is_plain(&f, r.clone(), 1)); // "cat": the, cat, sat
/// assert!(!is_plain(&f, r.clone(), 6)); // "near": next to "Paris"
/// assert!(!is_plain(&f, r, 7)); // "Paris"
/// ```
#[inline]
pub fn is_plain(doc: &DocFeatures, range: std::ops::Range<usize>, i: usize) -> bool {
    let plain = |j: usize| doc.tokens[j].flags & (flag::LOWER | flag::PUNCT) != 0;
    plain(i) && (i == range.start || plain(i - 1)) && (i + 1 >= range.end || plain(i + 1))
}

/// The features of token `i` that depend on the labels of the two tokens before it,
/// appended to `out`.
pub fn label_features(doc: &DocFeatures, i: usize, prev: u8, prev2: u8, out: &mut Vec<u32>) {
    let w = &doc.tokens[i];
    // one batch, as in static_features
    out.extend_from_slice(&[
        f(40, prev as u64),
        f2(41, prev as u64, prev2 as u64),
        f2(42, prev as u64, w.lower),
        f2(43, prev as u64, w.short_shape),
        f2(44, prev as u64, w.class as u64),
    ]);
}

#[cfg(test)]
mod tests {
    use super::TokenInfo;

    #[test]
    fn ascii_path_hashes_as_the_general_one() {
        let words = ["", "a", "A", "Paris", "PARIS", "pa", "McDonald's", "U.S.", "X.Y.Z", "1996", "dd-dd", "3rd", ".", ",", "\"", "e-mail", "ABCDEFGHIJKLMNOPQ", "abcdefghij", "Tsang", "i", "$5", "#tag", "@x", "a1B2c3", "Z9"];
        for w in words {
            let (a, b) = (TokenInfo::new_ascii(w.as_bytes()), TokenInfo::new_any(w));
            assert_eq!(format!("{a:?}"), format!("{b:?}"), "{w:?}");
        }
        for b in 0u8..128 {
            let w = (b as char).to_string();
            let (x, y) = (TokenInfo::new_ascii(w.as_bytes()), TokenInfo::new_any(&w));
            assert_eq!(format!("{x:?}"), format!("{y:?}"), "{w:?}");
            let w = format!("Ab{w}9z");
            let (x, y) = (TokenInfo::new_ascii(w.as_bytes()), TokenInfo::new_any(&w));
            assert_eq!(format!("{x:?}"), format!("{y:?}"), "{w:?}");
        }
    }
    #[test]
    fn match_scores_are_told_from_dates_and_ranges() {
        let cases: &[(&str, bool)] = &[
            ("3-0", true),
            ("21-14", true),
            ("100-99", true),
            ("1996-08-28", false),
            ("1000-1", false),
            ("-3", false),
            ("3-", false),
            ("a-b", false),
            ("3-0a", false),
            ("30", false),
            ("", false),
        ];
        for &(t, want) in cases {
            assert_eq!(super::is_score(t.as_bytes()), want, "{t:?}");
        }
        assert_eq!([0, 1, 2, 4, 5, 40].map(super::score_bucket), [0, 1, 2, 2, 3, 3]);
    }

}
