//! Lists of known names (places; first names; surnames), kept as short hashes of their
//! lower-cased token sequences, so the compiled-in lists carry no text; and in the same
//! table, under keys of their own ([`class_key`]), word classes: clusters of words that
//! keep the same company in unlabelled news text ("Huawei" beside "Nokia"), which tell
//! the model something of words its labelled data never had.
//!
//! A key keeps the low `key_bits` bits of the phrase hash (24 in the shipped file: a
//! false hit on about one lookup in a thousand, which the model learns to live with).
//! The file stores each list as its sorted keys' gaps in Golomb–Rice code, about
//! twelve bits a name where a byte-aligned code takes three bytes that gzip cannot shrink.

use super::features::{finish, mix};
use super::model::{read_varint, write_varint};

/// One of the gazetteer's lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    /// Countries, states, continents, large cities.
    Place = 0,
    /// Common first names.
    FirstName = 1,
    /// Common surnames.
    Surname = 2,
}

/// Number of lists.
pub const LISTS: usize = 3;

impl List {
    /// The list's bit in the bits [`Gazetteer::get`] returns.
    ///
    /// ```
    /// use precis::names::gazetteer::List;
    /// assert_eq!(List::Place.bit() | List::Surname.bit(), 0b101);
    /// ```
    pub const fn bit(self) -> u8 {
        1 << self as u8
    }
}

/// Longest gazetteer entry, in tokens.
pub const MAX_ENTRY_TOKENS: usize = 4;

/// The hash a phrase key starts from; [`phrase_key`] mixes in each token.
pub const PHRASE_SEED: u64 = 0x6a09_e667_f3bc_c908;

/// The gazetteer key of a token sequence, from the [`hash_lower`](super::features::hash_lower) of each token.
pub fn phrase_key(lowers: impl IntoIterator<Item = u64>) -> u32 {
    phrase_key_of(lowers.into_iter().fold(PHRASE_SEED, mix))
}

/// The key of a phrase hash built by mixing token hashes into [`PHRASE_SEED`].
#[inline]
pub fn phrase_key_of(h: u64) -> u32 {
    finish(h) | 1
}

/// The key under which the table keeps the word class of a word (by its
/// [`hash_lower`](super::features::hash_lower)); the value is the class, 1 to 255.
#[inline]
pub fn class_key(lower: u64) -> u32 {
    phrase_key_of(mix(0x3c6e_f372_fe94_f82b, lower))
}

/// Hashed phrases, each with the bits of the lists that hold it.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    key_mask: u32,
    keys: Vec<u32>,
    kinds: Vec<u8>,
    /// Open-addressing table over `keys` (0 = empty slot; keys are odd), for one-probe lookups.
    slots: Vec<u32>,
    slot_kinds: Vec<u8>,
}

#[inline]
fn slot_of(key: u32, size: usize) -> usize {
    (key.wrapping_mul(0x9e37_79b9) >> 8) as usize & (size - 1)
}

const MAGIC: &[u8; 4] = b"PNG3";

/// Bits written least significant first.
#[derive(Default)]
struct BitWriter {
    bytes: Vec<u8>,
    used: u32,
}

impl BitWriter {
    fn push(&mut self, bit: bool) {
        if self.used % 8 == 0 {
            self.bytes.push(0);
        }
        if bit {
            if let Some(b) = self.bytes.last_mut() {
                *b |= 1 << (self.used % 8);
            }
        }
        self.used += 1;
    }
}

struct BitReader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl BitReader<'_> {
    fn next(&mut self) -> Option<bool> {
        let b = *self.bytes.get(self.at / 8)?;
        let bit = b >> (self.at % 8) & 1 == 1;
        self.at += 1;
        Some(bit)
    }
}

/// Writes sorted odd keys: their count, the Rice parameter and byte count of the code,
/// then the Rice-coded gaps between them (without their low bit, always 1).
pub(super) fn write_keys(out: &mut Vec<u8>, keys: &[u32]) {
    let span = keys.last().map_or(0, |&k| (k >> 1) as u64 + 1);
    let mean_gap = span / keys.len().max(1) as u64;
    let rice = (63 - mean_gap.max(1).leading_zeros()).min(31);
    let mut bits = BitWriter::default();
    let mut last = 0u32;
    for (n, &k) in keys.iter().enumerate() {
        let k = k >> 1;
        let gap = if n == 0 { k } else { k - last - 1 };
        last = k;
        for _ in 0..gap >> rice {
            bits.push(true);
        }
        bits.push(false);
        for b in 0..rice {
            bits.push(gap >> b & 1 == 1);
        }
    }
    write_varint(out, keys.len() as u64);
    out.push(rice as u8);
    write_varint(out, bits.bytes.len() as u64);
    out.extend_from_slice(&bits.bytes);
}

/// Reads [`write_keys`] at `pos` (moved past them), keys of `key_bits` bits; `None` if
/// the bytes are damaged. Each key must be followed by at least one byte of values.
pub(super) fn read_keys(bytes: &[u8], pos: &mut usize, key_bits: u32) -> Option<Vec<u32>> {
    let n = read_varint(bytes, pos)?;
    let rice = *bytes.get(*pos)? as u32;
    *pos += 1;
    let len = read_varint(bytes, pos)? as usize;
    let end = pos.checked_add(len)?;
    // each entry takes at least one bit of code and one byte of values
    if rice > 31 || n > 8 * len as u64 || n > bytes.len() as u64 {
        return None;
    }
    let mut code = BitReader { bytes: bytes.get(*pos..end)?, at: 0 };
    let mut keys = Vec::with_capacity(n as usize);
    let mut key = 0u64;
    for k in 0..n {
        let mut gap = 0u64;
        while code.next()? {
            gap += 1;
        }
        gap <<= rice;
        for b in 0..rice {
            gap |= (code.next()? as u64) << b;
        }
        key = if k == 0 { gap } else { key.checked_add(gap)?.checked_add(1)? };
        if key >= 1 << (key_bits - 1) {
            return None;
        }
        keys.push((key as u32) << 1 | 1);
    }
    *pos = end;
    Some(keys)
}

impl Gazetteer {
    /// A gazetteer of `(phrase key, list bits)` entries, keeping `key_bits` (8 to 32)
    /// bits of each key.
    ///
    /// ```
    /// use precis::names::gazetteer::{phrase_key, Gazetteer, List};
    /// use precis::names::features::hash_lower;
    /// let key = phrase_key(["new", "york"].map(hash_lower));
    /// let g = Gazetteer::new(vec![(key, List::Place.bit())], 24);
    /// assert_eq!(g.get(key), List::Place.bit());
    /// assert_eq!(Gazetteer::from_bytes(&g.to_bytes()).unwrap().get(key), List::Place.bit());
    /// assert_eq!(g.get(phrase_key(["york"].map(hash_lower))), 0);
    /// ```
    pub fn new(entries: Vec<(u32, u8)>, key_bits: u32) -> Gazetteer {
        let key_mask = if key_bits >= 32 { u32::MAX } else { (1u32 << key_bits.max(8)) - 1 };
        let mut entries: Vec<(u32, u8)> = entries.into_iter().map(|(k, b)| ((k & key_mask) | 1, b)).collect();
        entries.sort_unstable();
        let mut g = Gazetteer { key_mask, ..Gazetteer::default() };
        for (k, bits) in entries {
            if g.keys.last() == Some(&k) {
                if let Some(b) = g.kinds.last_mut() {
                    *b |= bits;
                }
            } else {
                g.keys.push(k);
                g.kinds.push(bits);
            }
        }
        g.index();
        g
    }

    fn index(&mut self) {
        let size = (self.keys.len() * 2).next_power_of_two().max(2);
        self.slots = vec![0; size];
        self.slot_kinds = vec![0; size];
        for (&k, &b) in self.keys.iter().zip(&self.kinds) {
            let mut i = slot_of(k, size);
            while self.slots[i] != 0 && self.slots[i] != k {
                i = (i + 1) & (size - 1);
            }
            self.slots[i] = k;
            self.slot_kinds[i] |= b;
        }
    }

    /// The list bits of a phrase key; 0 when listed nowhere.
    #[inline]
    pub fn get(&self, key: u32) -> u8 {
        if self.slots.is_empty() {
            return 0;
        }
        let key = (key & self.key_mask) | 1;
        let mask = self.slots.len() - 1;
        let mut i = slot_of(key, self.slots.len());
        loop {
            match self.slots[i] {
                0 => return 0,
                k if k == key => return self.slot_kinds[i],
                _ => i = (i + 1) & mask,
            }
        }
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// True when there is no entry.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// File form: the key width, the entry count, the Rice parameter and byte count of
    /// the keys' code, the Rice-coded gaps between the sorted keys (without their low
    /// bit, always 1), then one byte of bits per key.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.push(32 - self.key_mask.leading_zeros() as u8);
        write_keys(&mut out, &self.keys);
        out.extend_from_slice(&self.kinds);
        out
    }

    /// Reads [`Gazetteer::to_bytes`]; `None` if the bytes are not a gazetteer.
    pub fn from_bytes(bytes: &[u8]) -> Option<Gazetteer> {
        if bytes.get(..4)? != MAGIC {
            return None;
        }
        let key_bits = *bytes.get(4)? as u32;
        if !(8..=32).contains(&key_bits) {
            return None;
        }
        let mut pos = 5;
        let keys = read_keys(bytes, &mut pos, key_bits)?;
        let kinds = bytes.get(pos..pos.checked_add(keys.len())?)?;
        let entries = keys.into_iter().zip(kinds.iter().copied()).collect();
        Some(Gazetteer::new(entries, key_bits))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `n` distinct pseudo-random keys with list bits, from a xorshift generator.
    fn entries(n: usize, seed: u64) -> Vec<(u32, u8)> {
        let mut s = seed | 1;
        (0..n)
            .map(|_| {
                s ^= s << 13;
                s ^= s >> 7;
                s ^= s << 17;
                (s as u32 | 1, (s >> 40) as u8 | 1)
            })
            .collect()
    }

    #[test]
    fn every_entry_survives_the_file_form() {
        // (entries, key bits): empty, one, dense in a narrow key space, sparse in a wide one
        for (n, bits) in [(0, 24), (1, 24), (3000, 12), (5000, 24), (2000, 32), (50, 8)] {
            let g = Gazetteer::new(entries(n, n as u64 + bits as u64), bits);
            let back = Gazetteer::from_bytes(&g.to_bytes()).expect("own file form");
            assert_eq!(back.len(), g.len(), "{n} entries, {bits} bits");
            for (k, _) in entries(n, n as u64 + bits as u64) {
                assert_eq!(back.get(k), g.get(k), "{n} entries, {bits} bits, key {k:x}");
                assert_ne!(back.get(k), 0);
            }
        }
    }

    #[test]
    fn damaged_files_are_refused_or_read_without_panic() {
        let bytes = Gazetteer::new(entries(500, 7), 20).to_bytes();
        for cut in [0, 3, 4, 5, 6, 9, bytes.len() / 2, bytes.len() - 1] {
            let _ = Gazetteer::from_bytes(&bytes[..cut]);
        }
        for (at, value) in [(4, 0u8), (4, 40), (5, 0xff), (6, 31), (6, 200), (7, 0xff), (bytes.len() - 1, 0)] {
            let mut bad = bytes.clone();
            bad[at] = value;
            let _ = Gazetteer::from_bytes(&bad);
        }
        assert!(Gazetteer::from_bytes(b"PNG3").is_none());
        assert!(Gazetteer::from_bytes(b"nope").is_none());
    }
}
