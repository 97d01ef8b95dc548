//! Brown word clusters: for each of the most frequent words of a large web corpus, the
//! path of its cluster in a binary merge tree, so that words used alike share a path
//! prefix ("London" and "Paris" share all ten steps, "Germany" the first eight). Path
//! prefixes of a few lengths are features of the name model, which so knows
//! something of words its labelled data never had (Ratinov & Roth 2009: about 2 F1 on
//! CoNLL-2003).
//!
//! PROVENANCE: the clusters are spaCy's `en_lexeme_cluster` table from the PyPI package
//! `spacy-lookups-data==1.0.5` (MIT licence, ExplosionAI), which spaCy learned from web
//! text (Reddit comments), none of it from our evaluation sets. The trainer
//! (`examples/train_names.rs`, `--clusters DIR`) keeps the words spaCy's
//! `en_lexeme_prob` table rates most probable and writes `src/names/clusters.bin`.
//!
//! A path is stored as spaCy stores it: an integer whose lowest bit is the first step
//! down the tree, so a prefix of `k` steps is the low `k` bits. Words are kept as short
//! hashes of their spelling (case matters: "Bush" and "bush" have clusters of their
//! own), Rice-coded as in the [gazetteer](super::gazetteer).

use super::features::{finish, mix};
use super::gazetteer::{read_keys, write_keys};
use super::model::{read_varint, write_varint};

/// Hash of `word` as written, without allocating; equal to
/// [`TokenInfo::raw`](super::features::TokenInfo::raw).
///
/// ```
/// use precis::names::{clusters::hash_raw, features::TokenInfo};
/// assert_eq!(hash_raw("Paris"), TokenInfo::new("Paris").raw);
/// assert_ne!(hash_raw("Paris"), hash_raw("paris"));
/// ```
pub fn hash_raw(word: &str) -> u64 {
    hash_chars(word.chars())
}

/// [`hash_raw`] of a word given as characters.
pub fn hash_chars(chars: impl Iterator<Item = char>) -> u64 {
    // the seed of TokenInfo's raw hash
    chars.fold(0x9e37_79b9_7f4a_7c15, |h, c| mix(h, c as u64))
}

/// The table key of a word, from its [`hash_raw`].
#[inline]
pub fn cluster_key(raw: u64) -> u32 {
    finish(mix(0xbb67_ae85_84ca_a73b, raw)) | 1
}

/// Words' cluster paths, by hashed spelling.
#[derive(Debug, Clone, Default)]
pub struct Clusters {
    key_mask: u32,
    /// Sorted keys and, beside them, the index of each one's path in `paths`.
    keys: Vec<u32>,
    index: Vec<u16>,
    /// Distinct paths, most used first.
    paths: Vec<u32>,
    /// Open-addressing table (0 = empty slot; keys are odd) and each slot's path.
    slots: Vec<u32>,
    slot_paths: Vec<u32>,
}

const MAGIC: &[u8; 4] = b"PBC1";

#[inline]
fn slot_of(key: u32, size: usize) -> usize {
    (key.wrapping_mul(0x9e37_79b9) >> 8) as usize & (size - 1)
}

impl Clusters {
    /// A table of `(key, path)` entries (keys from [`cluster_key`]; paths not 0),
    /// keeping `key_bits` (8 to 32) bits of each key; the first of two equal keys wins.
    ///
    /// ```
    /// use precis::names::clusters::{cluster_key, hash_raw, Clusters};
    /// let c = Clusters::new(vec![(cluster_key(hash_raw("Paris")), 678)], 24);
    /// assert_eq!(c.get(cluster_key(hash_raw("Paris"))), 678);
    /// assert_eq!(Clusters::from_bytes(&c.to_bytes()).unwrap().get(cluster_key(hash_raw("Paris"))), 678);
    /// assert_eq!(c.get(cluster_key(hash_raw("paris"))), 0);
    /// ```
    pub fn new(entries: Vec<(u32, u32)>, key_bits: u32) -> Clusters {
        let key_mask = if key_bits >= 32 { u32::MAX } else { (1u32 << key_bits.max(8)) - 1 };
        let mut entries: Vec<(usize, u32, u32)> =
            entries.into_iter().enumerate().filter(|e| e.1 .1 != 0).map(|(n, (k, p))| (n, (k & key_mask) | 1, p)).collect();
        // by key, the earliest entry first, so that the dedup below keeps it
        entries.sort_unstable_by_key(|&(n, k, _)| (k, n));
        entries.dedup_by_key(|e| e.1);
        // paths by use, most used first (ties by value): small indexes gzip well
        let mut uses: std::collections::HashMap<u32, usize> = std::collections::HashMap::new();
        for e in &entries {
            *uses.entry(e.2).or_default() += 1;
        }
        let mut paths: Vec<(usize, u32)> = uses.into_iter().map(|(p, n)| (n, p)).collect();
        paths.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        paths.truncate(u16::MAX as usize);
        let paths: Vec<u32> = paths.into_iter().map(|(_, p)| p).collect();
        let at: std::collections::HashMap<u32, u16> = paths.iter().enumerate().map(|(i, &p)| (p, i as u16)).collect();
        let (mut keys, mut index) = (Vec::new(), Vec::new());
        for (_, k, p) in entries {
            if let Some(&i) = at.get(&p) {
                keys.push(k);
                index.push(i);
            }
        }
        let mut c = Clusters { key_mask, keys, index, paths, ..Clusters::default() };
        c.build_slots();
        c
    }

    fn build_slots(&mut self) {
        let size = (self.keys.len() * 2).next_power_of_two().max(2);
        self.slots = vec![0; size];
        self.slot_paths = vec![0; size];
        for (&k, &i) in self.keys.iter().zip(&self.index) {
            let mut s = slot_of(k, size);
            while self.slots[s] != 0 {
                s = (s + 1) & (size - 1);
            }
            self.slots[s] = k;
            self.slot_paths[s] = self.paths[i as usize];
        }
    }

    /// The cluster path of a key; 0 when the word has none.
    #[inline]
    pub fn get(&self, key: u32) -> u32 {
        if self.slots.is_empty() {
            return 0;
        }
        let key = (key & self.key_mask) | 1;
        let mask = self.slots.len() - 1;
        let mut i = slot_of(key, self.slots.len());
        loop {
            match self.slots[i] {
                0 => return 0,
                k if k == key => return self.slot_paths[i],
                _ => i = (i + 1) & mask,
            }
        }
    }

    /// The cluster path of `word` as written, else of its lower-case form, else (for a
    /// word in capitals, as in a headline) of its capitalised form; 0 when none has one.
    ///
    /// ```
    /// use precis::names::clusters::{cluster_key, hash_raw, Clusters};
    /// let c = Clusters::new(vec![(cluster_key(hash_raw("London")), 678), (cluster_key(hash_raw("said")), 116)], 24);
    /// assert_eq!((c.path_of("LONDON"), c.path_of("Said"), c.path_of("Lyon")), (678, 116, 0));
    /// ```
    pub fn path_of(&self, word: &str) -> u32 {
        self.path_of_hashed(word, hash_raw(word))
    }

    /// [`Clusters::path_of`] for a word whose [`hash_raw`] is known already (the tagger
    /// has it in [`TokenInfo::raw`](super::features::TokenInfo::raw)).
    ///
    /// ```
    /// use precis::names::clusters::{cluster_key, hash_raw, Clusters};
    /// let c = Clusters::new(vec![(cluster_key(hash_raw("London")), 678)], 24);
    /// assert_eq!(c.path_of_hashed("LONDON", hash_raw("LONDON")), c.path_of("LONDON"));
    /// ```
    pub fn path_of_hashed(&self, word: &str, raw: u64) -> u32 {
        if self.is_empty() {
            return 0;
        }
        let p = self.get(cluster_key(raw));
        if p != 0 {
            return p;
        }
        let lower = hash_chars(word.chars().flat_map(char::to_lowercase));
        let p = self.get(cluster_key(lower));
        if p != 0 || !word.chars().any(char::is_uppercase) {
            return p;
        }
        let title = hash_chars(word.chars().take(1).chain(word.chars().skip(1).flat_map(char::to_lowercase)));
        self.get(cluster_key(title))
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// True when there is no word.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// File form: the key width; the distinct paths (count, then each as a varint); the
    /// keys Rice-coded as the gazetteer codes its keys; then each key's path index, low bytes first and
    /// high bytes after (mostly zeros, which gzip all but removes).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.push(32 - self.key_mask.leading_zeros() as u8);
        write_varint(&mut out, self.paths.len() as u64);
        for &p in &self.paths {
            write_varint(&mut out, p as u64);
        }
        write_keys(&mut out, &self.keys);
        out.extend(self.index.iter().map(|&i| i as u8));
        out.extend(self.index.iter().map(|&i| (i >> 8) as u8));
        out
    }

    /// Reads [`Clusters::to_bytes`]; `None` if the bytes are not a cluster table.
    pub fn from_bytes(bytes: &[u8]) -> Option<Clusters> {
        if bytes.get(..4)? != MAGIC {
            return None;
        }
        let key_bits = *bytes.get(4)? as u32;
        if !(8..=32).contains(&key_bits) {
            return None;
        }
        let mut pos = 5;
        let n_paths = read_varint(bytes, &mut pos)? as usize;
        if n_paths > bytes.len() {
            return None;
        }
        let mut paths = Vec::with_capacity(n_paths);
        for _ in 0..n_paths {
            paths.push(u32::try_from(read_varint(bytes, &mut pos)?).ok()?);
        }
        let keys = read_keys(bytes, &mut pos, key_bits)?;
        let n = keys.len();
        let low = bytes.get(pos..pos.checked_add(n)?)?;
        let high = bytes.get(pos + n..pos.checked_add(2 * n)?)?;
        let index: Vec<u16> = low.iter().zip(high).map(|(&l, &h)| l as u16 | (h as u16) << 8).collect();
        if index.iter().any(|&i| i as usize >= paths.len()) {
            return None;
        }
        let key_mask = if key_bits >= 32 { u32::MAX } else { (1u32 << key_bits) - 1 };
        let mut c = Clusters { key_mask, keys, index, paths, ..Clusters::default() };
        c.build_slots();
        Some(c)
    }
}

/// The first `steps` steps of cluster path `path`, with how many of them the path has
/// (so that a short path is not taken for a longer one ending in zeros); 0 for no path.
///
/// ```
/// use precis::names::clusters::prefix;
/// // London 0b1010100110, Germany 0b1110100110: the same first eight steps, not nine
/// assert_eq!(prefix(0b1010100110, 8), prefix(0b1110100110, 8));
/// assert_ne!(prefix(0b1010100110, 9), prefix(0b1110100110, 9));
/// assert_eq!(prefix(0, 6), 0);
/// ```
#[inline]
pub fn prefix(path: u32, steps: u32) -> u64 {
    if path == 0 {
        return 0;
    }
    let len = 32 - path.leading_zeros();
    let mask = if steps >= 32 { u32::MAX } else { (1u32 << steps) - 1 };
    ((path & mask) as u64) << 6 | len.min(steps) as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Words we wrote, with made-up paths.
    const TABLE: &[(&str, u32)] = &[("London", 678), ("Paris", 678), ("Germany", 934), ("the", 11), ("Bush", 86), ("bush", 3005), ("Zürich", 678), ("said", 116)];

    fn table(key_bits: u32) -> Clusters {
        Clusters::new(TABLE.iter().map(|&(w, p)| (cluster_key(hash_raw(w)), p)).collect(), key_bits)
    }

    #[test]
    fn words_find_their_paths_through_the_file_form() {
        for key_bits in [16, 24, 32] {
            let c = Clusters::from_bytes(&table(key_bits).to_bytes()).expect("own file form");
            assert_eq!(c.len(), TABLE.len());
            // (word, path): as written, by case fallbacks, and missing
            for (w, p) in [("London", 678), ("Paris", 678), ("Bush", 86), ("bush", 3005), ("BUSH", 3005), ("The", 11), ("THE", 11), ("ZÜRICH", 678), ("GERMANY", 934), ("SAID", 116), ("Lyon", 0), ("", 0)] {
                assert_eq!(c.path_of(w), p, "{w} with {key_bits} key bits");
            }
        }
    }

    #[test]
    fn the_first_of_two_entries_for_a_word_wins_and_zero_paths_are_dropped() {
        let k = cluster_key(hash_raw("Paris"));
        let c = Clusters::new(vec![(k, 5), (k, 9), (cluster_key(hash_raw("x")), 0)], 24);
        assert_eq!((c.get(k), c.len()), (5, 1));
    }

    #[test]
    fn prefixes_share_steps_as_the_paths_do() {
        // (path a, path b, steps, same prefix?)
        for (a, b, steps, same) in [(678, 934, 8, true), (678, 934, 9, false), (678, 934, 10, false), (678, 806, 8, false), (11, 11, 20, true), (0b110, 0b10110, 3, true), (0b110, 0b10110, 5, false)] {
            assert_eq!(prefix(a, steps) == prefix(b, steps), same, "{a:b} {b:b} {steps}");
        }
    }

    #[test]
    fn damaged_files_are_refused_or_read_without_panic() {
        let bytes = table(20).to_bytes();
        for cut in 0..bytes.len() {
            let _ = Clusters::from_bytes(&bytes[..cut]);
        }
        for at in 4..bytes.len() {
            for value in [0u8, 0xff, 40] {
                let mut bad = bytes.clone();
                bad[at] = value;
                let _ = Clusters::from_bytes(&bad);
            }
        }
        assert!(Clusters::from_bytes(b"PBC1").is_none());
    }
}
