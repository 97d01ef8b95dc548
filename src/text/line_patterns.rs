//! What the article finder looks for inside one line: furniture phrases ("Share this",
//! "All rights reserved", "By Jane Doe"), dates and times, links and e-mail addresses.
//!
//! Hand-written byte scanners rather than regular expressions: a regex engine was half of
//! the `.wasm` code. Each recogniser says in its comment which pattern it matches, in regex
//! notation with ASCII classes: `\b` a word boundary, `\w` `[0-9A-Za-z_]`, `\s`
//! `[\t\n\v\f\r ]`, `\d` `[0-9]`; letters match either case unless a comment says otherwise,
//! and only ASCII letters fold. Every scan reads bytes forward from a position at most a
//! few times, so a line costs linear time whatever its content, and never slices a `str`, so
//! no position can fall inside a character.

use crate::text::line_features::Phrase;
use std::sync::OnceLock;

/// regex's ASCII `\w`.
fn is_word(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// regex's ASCII `\s` (with the vertical tab, which `u8::is_ascii_whitespace` leaves out).
fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

fn is_digit(c: u8) -> bool {
    c.is_ascii_digit()
}

/// A line's bytes and the small steps the recognisers are made of.
#[derive(Clone, Copy)]
struct Bytes<'a>(&'a [u8]);

impl Bytes<'_> {
    #[inline]
    fn len(self) -> usize {
        self.0.len()
    }

    #[inline]
    fn at(self, i: usize) -> Option<u8> {
        self.0.get(i).copied()
    }

    #[inline]
    fn is(self, i: usize, class: impl Fn(u8) -> bool) -> bool {
        self.at(i).is_some_and(class)
    }

    /// Whether `\b` holds at `i`: a word byte on exactly one side.
    #[inline]
    fn boundary(self, i: usize) -> bool {
        (i > 0 && self.is(i - 1, is_word)) != self.is(i, is_word)
    }

    /// End of `lit` (lower-case ASCII, or bytes without case) if it stands at `i`, in any ASCII case.
    #[inline]
    fn lit(self, i: usize, lit: &str) -> Option<usize> {
        let end = i.checked_add(lit.len())?;
        let here = self.0.get(i..end)?;
        here.iter().zip(lit.as_bytes()).all(|(a, b)| a.to_ascii_lowercase() == *b).then_some(end)
    }

    /// End of the first of `lits` that stands at `i`.
    fn any_lit(self, i: usize, lits: &[&str]) -> Option<usize> {
        lits.iter().find_map(|l| self.lit(i, l))
    }

    /// End of the run of bytes from `i` in `class`.
    fn skip(self, i: usize, class: impl Fn(u8) -> bool) -> usize {
        let mut j = i;
        while self.is(j, &class) {
            j += 1;
        }
        j
    }

    /// End of the digits from `i` when there are `min..=max` of them and no more.
    fn digits(self, i: usize, min: usize, max: usize) -> Option<usize> {
        let end = self.skip(i, is_digit);
        (min..=max).contains(&(end - i)).then_some(end)
    }
}

/// A trie of phrases over ASCII-lower-cased bytes, built once on first use. A scan walks it
/// from each position of a line while the bytes follow a branch, so each position costs one
/// table look-up when no phrase starts there, and a few steps along one branch when one might.
struct Trie {
    /// The root's child for each byte (0: none), so that the first step, which fails at most
    /// positions, is a single look-up. (Boxed, as the statics holding a trie would otherwise
    /// carry its size into the `.wasm` data.)
    root: Box<[u32; 256]>,
    /// One bit for each hash of the first three lower-cased bytes of a phrase (two-byte
    /// phrases: with any third byte, or none, as 0), so most positions are passed over after
    /// one test; `None` when a phrase of one byte makes every position a candidate.
    starts: Option<Vec<u64>>,
    nodes: Vec<Node>,
}

/// One node of a [`Trie`]: the byte leading to it, its children as a list, and the groups
/// (bit masks) of the phrases ending at it, matched anywhere or as whole words.
#[derive(Clone, Copy, Default)]
struct Node {
    byte: u8,
    first_child: u32,
    next_sibling: u32,
    anywhere: u8,
    whole: u8,
}

impl Trie {
    /// A trie of the phrases of `groups` (group `g` as bit `1 << g`, each phrase with whether
    /// it must stand as whole words) and of `words` (in group 1, anywhere).
    fn build(groups: &[&[(&str, bool)]], words: &[&str]) -> Trie {
        let mut nodes = vec![Node::default()];
        let mut starts = Some(vec![0u64; 1024]);
        let group_phrases = groups.iter().enumerate().flat_map(|(g, phrases)| phrases.iter().map(move |&(p, whole)| (p, 1 << g, whole)));
        for (phrase, group, whole) in group_phrases.chain(words.iter().map(|&w| (w, 1, false))) {
            let phrase = phrase.as_bytes();
            match (phrase, &mut starts) {
                ([a, b, c, ..], Some(bits)) => set_bit(bits, start_hash(u32::from_be_bytes([0, *a, *b, *c]))),
                ([a, b], Some(bits)) => (0..=255).for_each(|c| set_bit(bits, start_hash(u32::from_be_bytes([0, *a, *b, c])))),
                _ => starts = None,
            }
            let mut at = 0;
            for &byte in phrase {
                at = match nodes[at].child(&nodes, byte) {
                    0 => {
                        let new = nodes.len() as u32;
                        nodes.push(Node { byte, next_sibling: nodes[at].first_child, ..Node::default() });
                        nodes[at].first_child = new;
                        new as usize
                    }
                    child => child as usize,
                };
            }
            if whole {
                nodes[at].whole |= group;
            } else {
                nodes[at].anywhere |= group;
            }
        }
        let mut root = Box::new([0; 256]);
        let mut child = nodes[0].first_child;
        while child != 0 {
            root[usize::from(nodes[child as usize].byte)] = child;
            child = nodes[child as usize].next_sibling;
        }
        Trie { root, starts, nodes }
    }

    /// The groups (bits) with a phrase in `l`, and for each position where one starts, what
    /// `more` adds given the groups found there; the scan stops once a bit of `stop` is found.
    #[inline]
    fn groups_in(&self, l: Bytes, stop: u8, mut more: impl FnMut(usize, u8) -> u8) -> u8 {
        let lower = |k: usize| u32::from(l.at(k).map_or(0, |c| c.to_ascii_lowercase()));
        let mut window = lower(0) << 8 | lower(1); // the bytes at i, i + 1, i + 2, lower-cased
        let mut found = 0;
        for i in 0..l.len() {
            window = (window << 8 | lower(i + 2)) & 0xFF_FFFF;
            if let Some(bits) = &self.starts {
                let hash = start_hash(window);
                if bits[hash >> 6] & 1 << (hash & 63) == 0 {
                    continue;
                }
            }
            let here = self.groups_at(l, i);
            found |= here | more(i, here);
            if found & stop != 0 {
                break;
            }
        }
        found
    }

    /// The groups (bits) with a phrase starting at `i`, a position in `l`.
    fn groups_at(&self, l: Bytes, i: usize) -> u8 {
        let mut at = self.step(0, l.0[i]);
        let starts_word = l.boundary(i);
        let mut found = 0;
        let mut j = i + 1;
        while at != 0 {
            let node = &self.nodes[at as usize];
            found |= node.anywhere;
            if node.whole != 0 && starts_word && l.boundary(j) {
                found |= node.whole;
            }
            at = match l.at(j) {
                Some(byte) => self.step(at, byte),
                None => 0,
            };
            j += 1;
        }
        found
    }

    /// The child of node `at` for the lower-cased `byte`, 0 if none.
    #[inline]
    fn step(&self, at: u32, byte: u8) -> u32 {
        let byte = byte.to_ascii_lowercase();
        if at == 0 {
            self.root[usize::from(byte)]
        } else {
            self.nodes[at as usize].child(&self.nodes, byte)
        }
    }
}

/// A 16-bit hash of three bytes (the low three of `bytes`), for [`Trie::starts`].
#[inline]
fn start_hash(bytes: u32) -> usize {
    (bytes.wrapping_mul(0x9E37_79B1) >> 16) as usize
}

fn set_bit(bits: &mut [u64], k: usize) {
    bits[k >> 6] |= 1 << (k & 63);
}

impl Node {
    fn child(&self, nodes: &[Node], byte: u8) -> u32 {
        let mut child = self.first_child;
        while child != 0 && nodes[child as usize].byte != byte {
            child = nodes[child as usize].next_sibling;
        }
        child
    }
}

/// Fixed sets of phrases looked for in a line, each phrase either anywhere or as whole words
/// (`\b…\b`), in any ASCII case; phrases are lower case (or bytes without case). A line is
/// scanned once for all the sets together, through a [`Trie`] built on first use.
pub(crate) struct PhraseSet {
    /// Up to eight sets of phrases, each with whether it must stand as whole words.
    groups: &'static [&'static [(&'static str, bool)]],
    trie: OnceLock<Trie>,
}

impl PhraseSet {
    /// The sets `groups` (at most eight), told apart by [`PhraseSet::groups_in`] as bits 1, 2, 4…
    pub(crate) const fn new(groups: &'static [&'static [(&'static str, bool)]]) -> PhraseSet {
        assert!(groups.len() <= 8, "too many groups");
        PhraseSet { groups, trie: OnceLock::new() }
    }

    fn trie(&self) -> &Trie {
        self.trie.get_or_init(|| {
Trie::build(self.groups, &[])
        })
    }

    /// Whether one of the phrases occurs in `text`.
    pub(crate) fn occurs_in(&self, text: &str) -> bool {
        self.trie().groups_in(Bytes(text.as_bytes()), u8::MAX, |_, _| 0) != 0
    }
}

/// A fixed set of words, matched whole and in any ASCII case.
pub(crate) struct WordSet {
    words: &'static [&'static str],
    trie: OnceLock<Trie>,
}

impl WordSet {
    /// The set of `words`, lower case (or bytes without case).
    pub(crate) const fn new(words: &'static [&'static str]) -> WordSet {
        WordSet { words, trie: OnceLock::new() }
    }

    /// Whether `word` is one of the words.
    pub(crate) fn contains(&self, word: &str) -> bool {
        let trie = self.trie.get_or_init(|| Trie::build(&[], self.words));
        let mut at = 0;
        for &byte in word.as_bytes() {
            at = trie.step(at, byte);
            if at == 0 {
                return false;
            }
        }
        at != 0 && trie.nodes[at as usize].anywhere != 0
    }
}

/// Share, follow, subscribe and other calls to act, in English and a few other languages;
/// whole words where the phrase is ASCII (a word boundary means nothing to the others).
const PROMPTS: &[(&str, bool)] = &[
    ("add comment", true), ("advertisement", true), ("all comments", true), ("artículos relacionados", false),
    ("auch interessant", true), ("back to top", true), ("by clicking", true), ("click here", true),
    ("click to", true), ("clicking here", true), ("clique", true), ("cliquez", true), ("compartilhar", true),
    ("compartilhe", true), ("compartir", true), ("condividi", true), ("continue reading", true),
    ("download now", true), ("download our app", true), ("download the app", true), ("email alerts", true),
    ("email this", true), ("follow us", true), ("free trial", true), ("get our", true), ("get the app", true),
    ("get the latest", true), ("in your inbox", true), ("join the conversation", true), ("leave a comment", true),
    ("lee también", false), ("leggi anche", true), ("leia mais", true), ("leia também", false),
    ("lesen sie auch", true), ("lire aussi", true), ("load more", true), ("log in", true), ("log out", true),
    ("login", true), ("logout", true), ("mehr zum thema", true), ("more on this story", true), ("most popular", true),
    ("most read", true), ("most shared", true), ("most viewed", true), ("news alerts", true), ("newsletter", true),
    ("next article", true), ("next post", true), ("next story", true), ("noticias relacionadas", true),
    ("open in app", true), ("partager", true), ("permalink", true), ("previous article", true),
    ("previous post", true), ("previous story", true), ("print this", true), ("read more", true),
    ("recommended", true), ("register now", true), ("related articles", true), ("related content", true),
    ("related coverage", true), ("related stories", true), ("related topics", true), ("reply", true),
    ("report abuse", true), ("saiba mais", true), ("scroll to", true), ("see all", true), ("see also", true),
    ("share article", true), ("share on", true), ("share story", true), ("share the", true), ("share this", true),
    ("share via", true), ("show comments", true), ("show more", true), ("sign in", true), ("sign up", true),
    ("skip to content", true), ("skip to main content", true), ("sponsored", true), ("subscribe", true),
    ("take our quiz", true), ("tap here", true), ("te puede interesar", true), ("to your inbox", true),
    ("trending now", true), ("try our quiz", true), ("unsubscribe", true), ("veja também", false), ("view all", true),
    ("view comments", true), ("voir aussi", true), ("weitere artikel", true), ("you may also like", true),
    // related lists and newsletter boxes
    ("more stories", true), ("pode gostar", true), ("popular posts", true), ("read next", true), ("recent posts", true),
    ("related news", true), ("related posts", true), ("top stories", true), ("you may like", true),
    ("you might also like", true), ("you might like", true), ("your inbox", true),
    ("поделиться", false), ("также может быть интересно", false), ("читайте также", false), ("タグ", false),
    ("関連記事", false),
];

/// Copyright, cookies, legal and site links, delayed market data.
const BOILERPLATE: &[(&str, bool)] = &[
    ("&copy;", false), ("about us", false), ("accessibility", true), ("ad choices", false),
    ("all rights reserved", false), ("careers", false), ("contact us", false), ("cookie", true), ("cookies", true),
    ("copyright", true), ("datenschutz", false), ("do not sell", false), ("faq", true), ("impressum", false),
    ("imprint", true), ("legal notice", false), ("market data", false), ("may not be published", false),
    ("may not be redistributed", false), ("may not be reproduced", false), ("may not be rewritten", false),
    ("powered by", false), ("privacy notice", false), ("privacy policy", false), ("privacy settings", false),
    ("quote are delayed", false), ("quote delayed", false), ("quote is delayed", false),
    ("quotes are delayed", false), ("quotes delayed", false), ("quotes is delayed", false), ("site map", false),
    ("sitemap", false), ("subject to copyright", false), ("terms and conditions", false), ("terms and sale", false),
    ("terms and service", false), ("terms and use", false), ("terms of conditions", false), ("terms of sale", false),
    ("terms of service", false), ("terms of use", false), ("©", false),
];

/// Picture agencies named anywhere, as whole words.
const AGENCIES: &[(&str, bool)] = &[("getty images", true), ("istock", true), ("shutterstock", true)];

/// Bits of [`Trie::groups_in`] and [`marks_at`]: which kind of furniture a line shows, and
/// where a pattern of [`marks_at`] may start.
const PROMPT: u8 = 1;
const LEGAL: u8 = 2;
const CREDIT: u8 = 4;
const MARKS: u8 = 8;

/// How each pattern of [`marks_at`] starts, so that it is only tried where one of these stands.
const MARK_STARTS: &[(&str, bool)] = &[
    ("(afp", false), ("(ap", false), ("(c)", false), ("(epa", false), ("(getty", false), ("(reuters", false),
    ("/ ", false), ("comment", false), ("credit", false), ("delayed ", false), ("image", false), ("photo", false),
    ("picture", false),
];

/// The furniture phrases, in the order of the bits above.
static FURNITURE: PhraseSet = PhraseSet::new(&[PROMPTS, BOILERPLATE, AGENCIES, MARK_STARTS]);

/// The furniture phrase `line` contains, if any; a prompt wins over boilerplate, which wins
/// over a byline. The phrases and the other patterns found inside a line are looked for in
/// one pass, which stops at the first prompt.
///
/// ```
/// use precis::text::line_features::Phrase;
/// use precis::text::line_patterns::furniture_phrase;
/// assert_eq!(furniture_phrase("Sign up for our newsletter"), Some(Phrase::Prompt));
/// assert_eq!(furniture_phrase("By Jane Doe, Reuters"), Some(Phrase::Byline));
/// assert_eq!(furniture_phrase("The bridge will close in May."), None);
/// ```
pub fn furniture_phrase(line: &str) -> Option<Phrase> {
    let l = Bytes(line.as_bytes());
    if prompt_at_ends(l) {
        return Some(Phrase::Prompt);
    }
    let found = FURNITURE.trie().groups_in(l, PROMPT, |i, here| if here & MARKS != 0 { marks_at(l, i) } else { 0 });
    if found & PROMPT != 0 {
        Some(Phrase::Prompt)
    } else if found & LEGAL != 0 {
        Some(Phrase::Boilerplate)
    } else if found & CREDIT != 0 || name_then_credit(l) || credit_at_start(l) {
        Some(Phrase::Byline)
    } else {
        None
    }
}

/// Prompts found by where they stand: `^share\b`, `\bshare$`, `\b\d+ comments?$` and
/// `^(watch|listen):\b` (so only when a word follows the colon at once).
fn prompt_at_ends(l: Bytes) -> bool {
    let n = l.len();
    l.lit(0, "share").is_some_and(|e| l.boundary(e))
        || (n >= 5 && l.lit(n - 5, "share").is_some() && l.boundary(n - 5))
        || count_of_comments_at_end(l)
        || l.any_lit(0, &["watch:", "listen:"]).is_some_and(|e| l.is(e, is_word))
}

/// The kinds of furniture (bits) shown by a pattern starting at `i` other than a fixed phrase:
/// a comment count (prompt), a copyright year or delayed quotes (boilerplate), a picture credit.
fn marks_at(l: Bytes, i: usize) -> u8 {
    let mut found = 0;
    if comment_count(l, i) {
        found |= PROMPT;
    }
    if copyright_or_delay(l, i) {
        found |= LEGAL;
    }
    if credit_at(l, i) {
        found |= CREDIT;
    }
    found
}

/// `\bcomments?\s*\(\d+\)\b` at `i`: the boundary after `)` needs a word byte straight after it.
fn comment_count(l: Bytes, i: usize) -> bool {
    let Some(mut j) = l.lit(i, "comment").filter(|_| l.boundary(i)) else { return false };
    if l.is(j, |c| c.eq_ignore_ascii_case(&b's')) {
        j += 1;
    }
    j = l.skip(j, is_space);
    if l.at(j) != Some(b'(') {
        return false;
    }
    let close = l.skip(j + 1, is_digit);
    close > j + 1 && l.at(close) == Some(b')') && l.is(close + 1, is_word)
}

/// `\b\d+ comments?$`.
fn count_of_comments_at_end(l: Bytes) -> bool {
    let n = l.len();
    [" comments", " comment"].iter().any(|suffix| {
        let Some(at) = n.checked_sub(suffix.len()).filter(|&at| l.lit(at, suffix).is_some()) else { return false };
        let mut start = at;
        while start > 0 && l.is(start - 1, is_digit) {
            start -= 1;
        }
        start < at && l.boundary(start)
    })
}

/// `\(c\) ?\d{4}` or `delayed (at least )?\d+ minutes` at `i`.
fn copyright_or_delay(l: Bytes, i: usize) -> bool {
    match l.0[i] {
        b'(' => l.lit(i, "(c)").is_some_and(|e| {
            let e = if l.at(e) == Some(b' ') { e + 1 } else { e };
            (e..e + 4).all(|k| l.is(k, is_digit))
        }),
        b'd' | b'D' => l.lit(i, "delayed ").is_some_and(|e| {
            let e = l.lit(e, "at least ").unwrap_or(e);
            let d = l.skip(e, is_digit);
            d > e && l.lit(d, " minutes").is_some()
        }),
        _ => false,
    }
}

/// A name and then a credit or a handle, case-sensitive:
/// `^[A-Z][a-z'-]+(\s+[A-Z][a-z'.-]+){1,3}\s+((-|–|\||/)\s+[\w ,:.]*\d|@\w+)`
/// ("Jane Doe - May 3, 2024", "Jane Doe @janedoe").
fn name_then_credit(l: Bytes) -> bool {
    if !l.is(0, |c| c.is_ascii_uppercase()) {
        return false;
    }
    let mut end = l.skip(1, |c| c.is_ascii_lowercase() || matches!(c, b'\'' | b'-'));
    if end < 2 {
        return false;
    }
    let mut more_names = 0;
    loop {
        let next = l.skip(end, is_space);
        if next == end {
            return false;
        }
        if more_names >= 1 && credit_after_name(l, next) {
            return true;
        }
        if more_names == 3 || !l.is(next, |c| c.is_ascii_uppercase()) {
            return false;
        }
        end = l.skip(next + 1, |c| c.is_ascii_lowercase() || matches!(c, b'\'' | b'.' | b'-'));
        if end < next + 2 {
            return false;
        }
        more_names += 1;
    }
}

/// `(-|–|\||/)\s+[\w ,:.]*\d|@\w+` at `i`.
fn credit_after_name(l: Bytes, i: usize) -> bool {
    let after_dash = if l.is(i, |c| matches!(c, b'-' | b'|' | b'/')) { Some(i + 1) } else { l.lit(i, "–") };
    match after_dash {
        Some(s) => {
            let t = l.skip(s, is_space);
            let end = l.skip(t, |c| is_word(c) || matches!(c, b' ' | b',' | b':' | b'.'));
            t > s && (t..end).any(|k| l.is(k, is_digit))
        }
        None => l.at(i) == Some(b'@') && l.is(i + 1, is_word),
    }
}

/// Bylines, datelines and picture credits found by how the line starts (the rest,
/// found anywhere in the line, are [`AGENCIES`] and [`credit_at`]):
/// ```text
/// ^( (by|von|par|por|door|av)\s+[a-z][\w.'-]+(\s+[a-z][\w.'-]+){0,3}\s*(,|$|\||and\b|\d|-|–|/|publi)
///  | (updated|published|posted|last updated|first published|last modified)\b
///  | \d{1,2}\s+(hours?|minutes?|mins?|days?|weeks?)\s+ago\b
///  | (image|photo|picture|video|illustration)( caption)?\s*:
///  | (photo|image|picture)s?\s+(by|courtesy|credit)
///  | (getty images|reuters|afp|ap photo|shutterstock)\b
///  | \d+\s+min(ute)?s? read\b )
/// | \((ap|afp|reuters|getty|epa)( photo)?[/ )]  | (photo|image|picture|credit)s?:
/// | / (ap|afp|reuters|getty images)\b  | \b(getty images|shutterstock|istock)\b
/// ```
fn credit_at_start(l: Bytes) -> bool {
    by_names(l)
        || l.any_lit(0, &["updated", "published", "posted", "last updated", "first published", "last modified"])
            .is_some_and(|e| l.boundary(e))
        || time_ago(l)
        || ["image", "photo", "picture", "video", "illustration"].iter().any(|w| {
            l.lit(0, w).is_some_and(|e| {
                let colon = |k: usize| l.at(l.skip(k, is_space)) == Some(b':');
                colon(e) || l.lit(e, " caption").is_some_and(colon)
            })
        })
        || ["photo", "image", "picture"].iter().any(|w| {
            l.lit(0, w).is_some_and(|e| {
                let e = if l.is(e, |c| c.eq_ignore_ascii_case(&b's')) { e + 1 } else { e };
                let s = l.skip(e, is_space);
                s > e && l.any_lit(s, &["by", "courtesy", "credit"]).is_some()
            })
        })
        || l.any_lit(0, &["getty images", "reuters", "afp", "ap photo", "shutterstock"]).is_some_and(|e| l.boundary(e))
        || minutes_read(l)
}

/// `^(by|von|par|por|door|av)\s+[a-z][\w.'-]+(\s+[a-z][\w.'-]+){0,3}\s*(,|$|\||and\b|\d|-|–|/|publi)`.
/// A name may end anywhere inside its run of name bytes where an ending follows at once
/// ("By Ann Lee-Smith" ends at "-"), or after the run and its spaces.
fn by_names(l: Bytes) -> bool {
    let Some(by) = l.any_lit(0, &["by", "von", "par", "por", "door", "av"]) else { return false };
    let mut start = l.skip(by, is_space);
    if start == by {
        return false;
    }
    for _ in 0..4 {
        if !l.is(start, |c| c.is_ascii_alphabetic()) {
            return false;
        }
        let end = l.skip(start + 1, |c| is_word(c) || matches!(c, b'.' | b'\'' | b'-'));
        if end < start + 2 {
            return false;
        }
        if (start + 2..=end).any(|k| byline_ending(l, k)) {
            return true;
        }
        let next = l.skip(end, is_space);
        if byline_ending(l, next) {
            return true;
        }
        if next == end {
            return false;
        }
        start = next;
    }
    false
}

/// `(,|$|\||and\b|\d|-|–|/|publi)` at `i`.
fn byline_ending(l: Bytes, i: usize) -> bool {
    i == l.len()
        || l.is(i, |c| matches!(c, b',' | b'|' | b'-' | b'/') || is_digit(c))
        || l.lit(i, "–").is_some()
        || l.lit(i, "and").is_some_and(|e| l.boundary(e))
        || l.lit(i, "publi").is_some()
}

/// `^\d{1,2}\s+(hours?|minutes?|mins?|days?|weeks?)\s+ago\b`.
fn time_ago(l: Bytes) -> bool {
    let Some(d) = l.digits(0, 1, 2) else { return false };
    let s = l.skip(d, is_space);
    s > d
        && ["hour", "hours", "minute", "minutes", "min", "mins", "day", "days", "week", "weeks"].iter().any(|unit| {
            l.lit(s, unit).is_some_and(|e| {
                let a = l.skip(e, is_space);
                a > e && l.lit(a, "ago").is_some_and(|g| l.boundary(g))
            })
        })
}

/// `^\d+\s+min(ute)?s? read\b`.
fn minutes_read(l: Bytes) -> bool {
    let d = l.skip(0, is_digit);
    let s = l.skip(d, is_space);
    d > 0
        && s > d
        && ["min read", "mins read", "minute read", "minutes read"].iter().any(|p| l.lit(s, p).is_some_and(|e| l.boundary(e)))
}

/// `\((ap|afp|reuters|getty|epa)( photo)?[/ )]`, `(photo|image|picture|credit)s?:` or
/// `/ (ap|afp|reuters|getty images)\b` at `i`.
fn credit_at(l: Bytes, i: usize) -> bool {
    match l.0[i] {
        b'(' => ["ap", "afp", "reuters", "getty", "epa"]
            .iter()
            .any(|a| l.lit(i + 1, a).is_some_and(|e| l.is(e, |c| matches!(c, b'/' | b' ' | b')')))),
        b'/' => l.lit(i, "/ ").is_some_and(|s| {
            ["ap", "afp", "reuters", "getty images"].iter().any(|a| l.lit(s, a).is_some_and(|e| l.boundary(e)))
        }),
        b'p' | b'P' | b'i' | b'I' | b'c' | b'C' => ["photo", "image", "picture", "credit"].iter().any(|w| {
            l.lit(i, w).is_some_and(|e| {
                l.at(e) == Some(b':') || (l.is(e, |c| c.eq_ignore_ascii_case(&b's')) && l.at(e + 1) == Some(b':'))
            })
        }),
        _ => false,
    }
}

/// Month names as their first three letters ("sept" is "sep" and more letters).
const MONTHS: [&[u8; 3]; 12] = [b"jan", b"feb", b"mar", b"apr", b"may", b"jun", b"jul", b"aug", b"sep", b"oct", b"nov", b"dec"];

/// Whether a month name stands at `i`, in any ASCII case: three bytes lower-cased once
/// and compared whole with each name (a line with digits is tried at each word's start).
fn month_at(l: Bytes, i: usize) -> bool {
    let Some(&[a, b, c]) = l.0.get(i..i.saturating_add(3)) else { return false };
    let three = [a.to_ascii_lowercase(), b.to_ascii_lowercase(), c.to_ascii_lowercase()];
    MONTHS.iter().any(|m| **m == three)
}

/// Whether `line` holds a date or a clock time:
/// ```text
/// \b(jan|…|dec)[a-z]*\.?\s+\d{1,2}\b | \b\d{1,2}\s+(jan|…|dec)[a-z]*\b | \b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b
/// | \b\d{4}-\d{2}-\d{2}\b | \b\d{1,2}:\d{2}\s*([ap]\.?m\.?|et|gmt|utc|bst|cet|pt|est|edt)?\b
/// ```
///
/// ```
/// use precis::text::line_patterns::has_date;
/// assert!(has_date("Published Sept. 4 2024"));
/// assert!(has_date("Updated 10:30pm"));
/// assert!(!has_date("Chapter 12"));
/// ```
pub fn has_date(line: &str) -> bool {
    let l = Bytes(line.as_bytes());
    // every alternative starts with a word byte just after a boundary: a month with a letter, the rest with a digit
    let mut after_word = false;
    l.0.iter().enumerate().any(|(i, &c)| {
        let starts_word = !after_word && is_word(c);
        after_word = is_word(c);
        starts_word
            && if is_digit(c) {
                day_then_month(l, i) || numeric_date(l, i) || iso_date(l, i) || clock_time(l, i)
            } else {
                // a month name: only these letters start one
                matches!(c.to_ascii_lowercase(), b'j' | b'f' | b'm' | b'a' | b's' | b'o' | b'n' | b'd') && month_then_day(l, i)
            }
    })
}

fn month_then_day(l: Bytes, i: usize) -> bool {
    if !month_at(l, i) {
        return false;
    }
    let mut e = l.skip(i + 3, |c| c.is_ascii_alphabetic());
    if l.at(e) == Some(b'.') {
        e += 1;
    }
    let s = l.skip(e, is_space);
    s > e && l.digits(s, 1, 2).is_some_and(|d| !l.is(d, is_word))
}

fn day_then_month(l: Bytes, i: usize) -> bool {
    let Some(d) = l.digits(i, 1, 2) else { return false };
    let s = l.skip(d, is_space);
    s > d && month_at(l, s) && !l.is(l.skip(s + 3, |c| c.is_ascii_alphabetic()), is_word)
}

fn numeric_date(l: Bytes, i: usize) -> bool {
    let sep = |k: usize| l.is(k, |c| matches!(c, b'.' | b'/' | b'-'));
    let Some(a) = l.digits(i, 1, 2).filter(|&a| sep(a)) else { return false };
    let Some(b) = l.digits(a + 1, 1, 2).filter(|&b| sep(b)) else { return false };
    l.digits(b + 1, 2, 4).is_some_and(|c| !l.is(c, is_word))
}

fn iso_date(l: Bytes, i: usize) -> bool {
    let dash = |k: usize| l.at(k) == Some(b'-');
    let Some(y) = l.digits(i, 4, 4).filter(|&y| dash(y)) else { return false };
    let Some(m) = l.digits(y + 1, 2, 2).filter(|&m| dash(m)) else { return false };
    l.digits(m + 1, 2, 2).is_some_and(|d| !l.is(d, is_word))
}

fn clock_time(l: Bytes, i: usize) -> bool {
    let Some(h) = l.digits(i, 1, 2).filter(|&h| l.at(h) == Some(b':')) else { return false };
    if !(h + 1..h + 3).all(|k| l.is(k, is_digit)) {
        return false;
    }
    let m = h + 3;
    // a boundary straight after the minutes, or a zone or am/pm glued to them and then one
    !l.is(m, is_word)
        || [
            "am", "a.m", "am.", "a.m.", "pm", "p.m", "pm.", "p.m.", "et", "gmt", "utc", "bst", "cet", "pt", "est", "edt",
        ]
        .iter()
        .any(|z| l.lit(m, z).is_some_and(|e| l.boundary(e)))
}

/// Whether `line` holds a web address or an e-mail address:
/// `https?://|www\.|\b[\w.+-]+@[\w-]+\.[\w.]+\b|\.(com|org|net|co\.uk|html?)\b`.
///
/// ```
/// use precis::text::line_patterns::has_link;
/// assert!(has_link("Write to news@example.org"));
/// assert!(has_link("More at example.com"));
/// assert!(!has_link("It rose 3.5 per cent."));
/// ```
pub fn has_link(line: &str) -> bool {
    let l = Bytes(line.as_bytes());
    (0..l.len()).any(|i| match l.0[i] {
        b'h' | b'H' => l.any_lit(i, &["http://", "https://"]).is_some(),
        b'w' | b'W' => l.lit(i, "www.").is_some(),
        b'.' => [".com", ".org", ".net", ".co.uk", ".htm", ".html"].iter().any(|t| l.lit(i, t).is_some_and(|e| l.boundary(e))),
        b'@' => email_at(l, i),
        _ => false,
    })
}

/// Whether the `@` at `at` is inside an e-mail address: a word byte among the `[\w.+-]`
/// just before it (where the address can start on a boundary), a `[\w-]+` label and a dot
/// after it, and a word byte in the `[\w.]` after the dot (where it can end on a boundary).
fn email_at(l: Bytes, at: usize) -> bool {
    let mut k = at;
    let mut local = false;
    while k > 0 && l.is(k - 1, |c| is_word(c) || matches!(c, b'.' | b'+' | b'-')) {
        k -= 1;
        if l.is(k, is_word) {
            local = true;
            break;
        }
    }
    let label_end = l.skip(at + 1, |c| is_word(c) || c == b'-');
    if !local || label_end == at + 1 || l.at(label_end) != Some(b'.') {
        return false;
    }
    let mut k = label_end + 1;
    while l.is(k, |c| is_word(c) || c == b'.') {
        if l.is(k, is_word) {
            return true;
        }
        k += 1;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrase_sets() {
        static SET: PhraseSet = PhraseSet::new(&[
            &[("ad-", false), ("cookie", true), ("log in", true), ("©", false)],
            &[("cookies", true), ("in", true), ("x", false), ("log", false)],
        ]);
        let groups = |text: &str| SET.trie().groups_in(Bytes(text.as_bytes()), 0, |_, _| 0);
        let cases: &[(&str, u8)] = &[
            ("site-ad-slot", 1),
            ("AD-SLOT", 1),
            ("ad-ad-", 1),
            ("aad-", 1),
            ("Cookie", 1),
            ("cookies", 2),
            ("COOKIES!", 2),
            ("a cookie.", 1),
            ("_cookie", 0),
            ("écookie", 1),
            ("cookieé", 1),
            ("cookie_", 0),
            ("LOG IN", 3),
            ("log  in", 2),
            ("blog in", 2),
            ("log into", 2),
            ("log i", 2),
            ("lo", 0),
            ("é©", 1),
            ("©é", 1),
            ("x", 2),
            ("aX", 2),
            ("Xa", 2),
            ("", 0),
            ("c", 0),
        ];
        for (text, want) in cases {
            assert_eq!(groups(text), *want, "{text:?}");
            assert_eq!(SET.occurs_in(text), *want != 0, "{text:?}");
        }
    }

    #[test]
    fn phrase_sets_are_lower_case() {
        for set in [&FURNITURE, &crate::text::line_features::COMMENT_WORDS] {
            for (phrase, _) in set.groups.iter().copied().flatten() {
                assert!(!phrase.is_empty() && !phrase.bytes().any(|c| c.is_ascii_uppercase()), "{phrase:?}");
            }
        }
    }

    #[test]
    fn furniture_phrases() {
        use Phrase::*;
        let cases: &[(&str, Option<Phrase>)] = &[
            ("Share this article", Some(Prompt)),
            ("SHARE ON FACEBOOK", Some(Prompt)),
            ("Share", Some(Prompt)),
            ("Click to share", Some(Prompt)),
            ("shared values matter", None),
            ("Timeshare owners met on Monday.", None),
            ("Recommended for you", Some(Prompt)),
            ("Skip to main content", Some(Prompt)),
            ("Login", Some(Prompt)),
            ("Blogin is not a word", None),
            ("Comments (12)", None),
            ("Comments (12)x", Some(Prompt)),
            ("Reader comments (3)More", Some(Prompt)),
            ("There are 14 comments", Some(Prompt)),
            ("There are a14 comments", None),
            ("Watch:Highlights", Some(Prompt)),
            ("Watch: highlights", None),
            ("© 2024 The Gazette", Some(Boilerplate)),
            ("(c) 2024 The Gazette", Some(Boilerplate)),
            ("(C)2024", Some(Boilerplate)),
            ("(c) 24", None),
            ("Cookie settings", Some(Boilerplate)),
            ("Cookiecutter sharks are small.", None),
            ("Stock quotes are delayed.", Some(Boilerplate)),
            ("Data delayed at least 20 minutes", Some(Boilerplate)),
            ("Data delayed 15 minutes", Some(Boilerplate)),
            ("Data delayed by minutes", None),
            ("Microcareers fair", Some(Boilerplate)),
            ("FAQs", None),
            ("Jane Doe - May 3, 2024", Some(Byline)),
            ("Jane Doe | Updated 5 June", Some(Byline)),
            ("Jane Doe @janedoe", Some(Byline)),
            ("Jane Doe - spring edition", None),
            ("Jane - May 3", None),
            ("jane doe - May 3", None),
            ("By Jane Doe", Some(Byline)),
            ("by the river, a house", Some(Byline)),
            ("By Ann Lee-Smith and others", Some(Byline)),
            ("By Grand", Some(Byline)),
            ("By Brandon", Some(Byline)),
            ("By Brandon Lee, staff writer", Some(Byline)),
            ("Bystanders watched the fire", None),
            ("Updated 3 hours ago", Some(Byline)),
            ("Updatedness is not a word", None),
            ("5 hours ago", Some(Byline)),
            ("123 hours ago", None),
            ("Photo caption: the pier", Some(Byline)),
            ("Photos by Jane Doe", Some(Byline)),
            ("Reuters", Some(Byline)),
            ("4 min read", Some(Byline)),
            ("The pier (AP Photo/Jane Doe)", Some(Byline)),
            ("Telephoto: a lens", Some(Byline)),
            ("Photograph of the pier", None),
            ("Pictures / AP", Some(Byline)),
            ("The council met on Tuesday to discuss the bridge.", None),
            ("", None),
            ("é©ü", Some(Boilerplate)),
            // a prompt outranks boilerplate and a byline found earlier in the line
            ("All rights reserved. Sign up", Some(Prompt)),
            ("Photo: Getty Images. Privacy policy", Some(Boilerplate)),
            ("© 2024 Comments (3)x", Some(Prompt)),
            ("Privacy policy (AP Photo/Jane Doe)", Some(Boilerplate)),
            ("«Share this»", Some(Prompt)),
            ("Newsletterß", Some(Prompt)),
            ("Newsletters", None),
            ("The story in brief… read more", Some(Prompt)),
            ("SKIP TO MAIN CONTENT", Some(Prompt)),
            ("Datenschutz", Some(Boilerplate)),
            ("Mehr Datenschutzhinweise", Some(Boilerplate)),
            ("Читайте также", None), // only ASCII letters fold

            ("Всё читайте также", Some(Prompt)),
            ("Look: picture by the pier", None),
        ];
        for (line, want) in cases {
            assert_eq!(furniture_phrase(line), *want, "{line:?}");
        }
    }

    #[test]
    fn dates() {
        let cases: &[(&str, bool)] = &[
            ("Jan 5", true),
            ("SEPTEMBER\t30, 2024", true),
            ("Sept. 4", true),
            ("May 5th", false),
            ("Mayday 12", true),
            ("xJan 5", false),
            ("5 March 2024", true),
            ("05 mars", true),
            ("123 March", false),
            ("5 Marches2", false),
            ("1/2/24", true),
            ("01.02.2024", true),
            ("1-2-123456", false),
            ("2024-01-02", true),
            ("2024-01-023", false),
            ("a2024-01-02", false),
            ("10:30", true),
            ("10:30pm", true),
            ("10:30p.m. ", true),
            ("10:30 ET", true),
            ("10:30GMT", true),
            ("10:30xyz", false),
            ("10:305", false),
            ("110:30", false),
            ("JAN 5", true),
            ("Ja 5", false),
            ("5 Dec", true),
            ("5 De", false),
            ("Dec", false),
            ("é5 mai 2024", false),
            ("«Mar 3»", true),
            ("Chapter 12", false),
            ("It rose 3.5 per cent", false),
        ];
        for (line, want) in cases {
            assert_eq!(has_date(line), *want, "{line:?}");
        }
    }

    #[test]
    fn links() {
        let cases: &[(&str, bool)] = &[
            ("https://example.org/a", true),
            ("HTTP://EXAMPLE", true),
            ("visit WWW.example", true),
            ("news@example.org", true),
            ("first.last+tag@mail-host.co", true),
            ("-.@host.uk", false),
            ("a@b.", false),
            ("a@.io", false),
            ("@home.now", false),
            ("example.com", true),
            ("example.community", false),
            ("page.HTML", true),
            ("bbc.co.uk", true),
            ("It rose 3.5 per cent.", false),
        ];
        for (line, want) in cases {
            assert_eq!(has_link(line), *want, "{line:?}");
        }
    }

    #[test]
    fn long_lines_scan_in_linear_time() {
        // a quadratic scan would take minutes on these
        for unit in ["a", "1", "@", ".", "a@", "Jan ", "comment", "By ", "(c)", "a.", " -"] {
            let line = unit.repeat(200_000);
            let _ = (furniture_phrase(&line), has_date(&line), has_link(&line));
        }
    }
}
