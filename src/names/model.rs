//! The trained weights of the name model and their compact file format.
//!
//! Features are hashed into `2^bits` rows of [`LABELS`] weights. The file keeps only
//! rows with a non-zero weight: for each, the gap from the previous row's index
//! (LEB128), a 3-byte mask of its non-zero labels, then those weights as `i8` in units
//! of the model's step, or the escape byte -128 and an `i16` for the few large ones.
//! [`Model::from_bytes`] unpacks it into a table of the used rows and an index of
//! hashed rows, so scoring a feature is two reads.

use super::features::LABELS;

/// Quantised weights, one row of [`LABELS`] weights per hashed feature, in units of `step`.
///
/// Most hashed rows are empty, so rows are stored once each in `table` and `index` maps a
/// hashed row to its place there (0 being the shared all-zero row). A row is kept packed
/// three weights to a `u64` (see [`pack`]), so that scoring a feature takes five
/// additions rather than thirteen.
#[derive(Debug, Clone)]
pub struct Model {
    mask: usize,
    index: Vec<u16>,
    table: Vec<Packed>,
    step: f32,
}

/// Words of a packed row.
pub const WORDS: usize = LABELS.div_ceil(3);

/// A row of weights packed three to a word: label `l` is worth `w << (21 * (l % 3))` in
/// word `l / 3`. Packing is linear, so the sum of packed rows is the packed sum of the
/// rows, and [`unpack`] recovers each label's sum exactly while it stays within
/// ±2^20 (the trainer keeps weights within ±8,000, and no token has 128 features).
pub type Packed = [u64; WORDS];

/// Packs a row of weights; see [`Packed`].
///
/// ```
/// use precis::names::model::{pack, unpack};
/// let mut row = [0i32; precis::names::features::LABELS];
/// row[0] = -5;
/// row[1] = 30_000;
/// row[2] = -1;
/// row[12] = 7;
/// let p = pack(&row);
/// let mut sum = p;
/// for (s, x) in sum.iter_mut().zip(p) {
///     *s = s.wrapping_add(x);
/// }
/// assert_eq!(unpack(&sum)[..3], [-10, 60_000, -2]);
/// assert_eq!(unpack(&sum)[12], 14);
/// ```
pub fn pack(row: &[i32; LABELS]) -> Packed {
    let mut p = [0u64; WORDS];
    for (l, &w) in row.iter().enumerate() {
        p[l / 3] = p[l / 3].wrapping_add(((w as i64) << (21 * (l % 3))) as u64);
    }
    p
}

/// The label sums of a packed sum; see [`Packed`].
pub fn unpack(p: &Packed) -> [i32; LABELS] {
    let mut out = [0i32; LABELS];
    for (j, &word) in p.iter().enumerate() {
        let mut v = word as i64;
        for k in 0..3 {
            let l = j * 3 + k;
            let lane = if k == 2 { v } else { (v << 43) >> 43 };
            if l < LABELS {
                out[l] = lane as i32;
            }
            v = v.wrapping_sub(lane) >> 21;
        }
    }
    out
}

const MAGIC: &[u8; 4] = b"PNM3";

/// The code that says "the weight follows as two bytes".
const ESCAPE: i8 = i8::MIN;

/// Reads a LEB128 number at `pos`, moving `pos` past it; `None` past the end.
pub(crate) fn read_varint(bytes: &[u8], pos: &mut usize) -> Option<u64> {
    let mut v = 0u64;
    for shift in (0..64).step_by(7) {
        let b = *bytes.get(*pos)?;
        *pos += 1;
        v |= ((b & 0x7f) as u64) << shift;
        if b & 0x80 == 0 {
            return Some(v);
        }
    }
    None
}

/// Appends `v` as LEB128.
pub(crate) fn write_varint(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

impl Model {
    /// A model with `2^bits` rows, all zero, whose weights are counted in units of `step`.
    pub fn empty(bits: u32, step: f32) -> Model {
        let rows = 1usize << bits.min(24);
        Model { mask: rows - 1, index: vec![0; rows], table: vec![[0; WORDS]], step }
    }

    /// Number of hashed rows.
    pub fn rows(&self) -> usize {
        self.mask + 1
    }

    /// The weight unit.
    pub fn step(&self) -> f32 {
        self.step
    }

    /// The row of weights (in units of [`Model::step`]) for a row index.
    pub fn row(&self, index: usize) -> [i16; LABELS] {
        unpack(&self.table[self.index[index & self.mask] as usize]).map(|w| w as i16)
    }

    /// Number of rows with a non-zero weight.
    pub fn used_rows(&self) -> usize {
        self.index.iter().filter(|&&i| i != 0).count()
    }

    fn row_mut(&mut self, index: usize) -> &mut Packed {
        let slot = index & self.mask;
        if self.index[slot] == 0 {
            self.index[slot] = self.table.len() as u16;
            self.table.push([0; WORDS]);
        }
        &mut self.table[self.index[slot] as usize]
    }

    /// Sets the weights of row `index`, in units of [`Model::step`]. A model holds at most
    /// 65,535 non-zero rows; past that, this returns false and changes nothing.
    pub fn set_row(&mut self, index: usize, weights: &[i16; LABELS]) -> bool {
        if weights.iter().any(|&w| w != 0) || self.index[index & self.mask] != 0 {
            if self.index[index & self.mask] == 0 && self.table.len() > u16::MAX as usize {
                return false;
            }
            *self.row_mut(index) = pack(&weights.map(i32::from));
        }
        true
    }

    /// Reads a model written by [`Model::to_bytes`]; `None` if the bytes are not one.
    ///
    /// ```
    /// use precis::names::model::{Model, Weights};
    /// let mut m = Model::empty(4, 0.5);
    /// let mut row = [0i16; precis::names::features::LABELS];
    /// row[3] = -7;
    /// row[4] = 900; // past one byte
    /// assert!(m.set_row(5, &row));
    /// let back = Model::from_bytes(&m.to_bytes()).unwrap();
    /// assert_eq!(back.row(5), row);
    /// let scores = back.score(&[5, 5]);
    /// assert_eq!((scores[3], scores[4]), (-14, 1800));
    /// assert!(Model::from_bytes(b"junk").is_none());
    /// ```
    pub fn from_bytes(bytes: &[u8]) -> Option<Model> {
        if bytes.get(..4)? != MAGIC {
            return None;
        }
        let bits = *bytes.get(4)? as u32;
        let step = f32::from_le_bytes(bytes.get(5..9)?.try_into().ok()?);
        if bits > 24 || !(step > 0.0 && step.is_finite()) {
            return None;
        }
        let mut model = Model::empty(bits, step);
        let mut pos = 9;
        let n = read_varint(bytes, &mut pos)?;
        if n > model.rows().min(u16::MAX as usize) as u64 {
            return None;
        }
        model.table.reserve(n as usize);
        let mut index = 0u64;
        for k in 0..n {
            let gap = read_varint(bytes, &mut pos)?;
            index = if k == 0 { gap } else { index.checked_add(gap)? };
            if index as usize > model.mask {
                return None;
            }
            let m = bytes.get(pos..pos + 3)?;
            let mask = m[0] as u32 | (m[1] as u32) << 8 | (m[2] as u32) << 16;
            pos += 3;
            let mut row = [0i16; LABELS];
            for (l, w) in row.iter_mut().enumerate() {
                if mask & (1 << l) != 0 {
                    let code = *bytes.get(pos)? as i8;
                    pos += 1;
                    *w = if code == ESCAPE {
                        let v = i16::from_le_bytes(bytes.get(pos..pos + 2)?.try_into().ok()?);
                        pos += 2;
                        v
                    } else {
                        code as i16
                    };
                }
            }
            if !model.set_row(index as usize, &row) {
                return None;
            }
        }
        Some(model)
    }

    /// The compact file form of the model.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.push(self.rows().trailing_zeros() as u8);
        out.extend_from_slice(&self.step.to_le_bytes());
        let used: Vec<usize> = (0..self.rows()).filter(|&r| self.row(r).iter().any(|&w| w != 0)).collect();
        write_varint(&mut out, used.len() as u64);
        let mut last = 0;
        for (k, &r) in used.iter().enumerate() {
            write_varint(&mut out, if k == 0 { r } else { r - last } as u64);
            last = r;
            let row = self.row(r);
            let mask: u32 = row.iter().enumerate().filter(|(_, &w)| w != 0).map(|(l, _)| 1u32 << l).sum();
            out.extend_from_slice(&mask.to_le_bytes()[..3]);
            for &w in row.iter().filter(|&&w| w != 0) {
                match i8::try_from(w) {
                    Ok(c) if c != ESCAPE => out.push(c as u8),
                    _ => {
                        out.push(ESCAPE as u8);
                        out.extend_from_slice(&w.to_le_bytes());
                    }
                }
            }
        }
        out
    }
}

/// Something that scores features.
pub trait Weights {
    /// A partial sum of weights, in the form cheapest to add more weights onto: the
    /// label-independent features of a token are summed once, and each reading adds
    /// its own few features onto that sum.
    type Sum: Copy + Default + std::fmt::Debug;

    /// The sum of the weights of `features`, for every label.
    fn score(&self, features: &[u32]) -> [i32; LABELS];

    /// The sum of the weights of `features`, to be added onto by [`Weights::score_onto`].
    fn partial(&self, features: &[u32]) -> Self::Sum;

    /// The sum of the weights in `base` and of those of `features`, for every label.
    fn score_onto(&self, base: &Self::Sum, features: &[u32]) -> [i32; LABELS];

    /// The partial sum `base` with the weights of `features` added.
    fn add_onto(&self, base: &Self::Sum, features: &[u32]) -> Self::Sum;
}

impl Model {
    /// Adds the packed rows of `features` onto `sum`.
    #[inline]
    fn add_rows(&self, mut sum: Packed, features: &[u32]) -> Packed {
        // the index reads first, all independent, so the memory system overlaps them
        let mut rows = [0u16; 64];
        // sliced to mask + 1 rows once, so that no read below needs a bounds check
        let (mask, index) = (self.mask, &self.index[..=self.mask]);
        for chunk in features.chunks(64) {
            for (r, &f) in rows.iter_mut().zip(chunk) {
                *r = index[f as usize & mask];
            }
            // five named sums stay in registers, where a loop over an array would not
            let [mut a, mut b, mut c, mut d, mut e] = sum;
            for &r in &rows[..chunk.len()] {
                let [ra, rb, rc, rd, re] = self.table[r as usize];
                a = a.wrapping_add(ra);
                b = b.wrapping_add(rb);
                c = c.wrapping_add(rc);
                d = d.wrapping_add(rd);
                e = e.wrapping_add(re);
            }
            sum = [a, b, c, d, e];
        }
        sum
    }
}

impl Weights for Model {
    /// Packed (see [`Packed`]): a token's features, static and per reading, stay well
    /// under 128, so the packed sum of all of them unpacks exactly.
    type Sum = Packed;

    #[inline]
    fn score(&self, features: &[u32]) -> [i32; LABELS] {
        unpack(&self.add_rows([0; WORDS], features))
    }

    #[inline]
    fn partial(&self, features: &[u32]) -> Packed {
        self.add_rows([0; WORDS], features)
    }

    #[inline]
    fn score_onto(&self, base: &Packed, features: &[u32]) -> [i32; LABELS] {
        unpack(&self.add_rows(*base, features))
    }

    #[inline]
    fn add_onto(&self, base: &Packed, features: &[u32]) -> Packed {
        self.add_rows(*base, features)
    }
}
