//! The trained weights of the name model and their compact file format.
//!
//! Features are hashed into `2^bits` rows of [`LABELS`] weights. The file keeps only
//! rows with a non-zero weight: for each, the gap from the previous row's index
//! (LEB128), a 3-byte mask of its non-zero labels, then those weights as `i8` in units
//! of the model's step, or the escape byte -128 and an `i16` for the few large ones.
//! [`Model::from_bytes`] unpacks it into a table of the used rows and an index of
//! hashed rows, so scoring a feature is two reads.

use super::features::LABELS;

/// Quantised weights, one row of [`LABELS`] `i16` per hashed feature, in units of `step`.
///
/// Most hashed rows are empty, so rows are stored once each in `table` and `index` maps a
/// hashed row to its place there (0 being the shared all-zero row).
#[derive(Debug, Clone)]
pub struct Model {
    mask: usize,
    index: Vec<u32>,
    table: Vec<i16>,
    step: f32,
}

const MAGIC: &[u8; 4] = b"PNM3";

/// The code that says "the weight follows as two bytes".
const ESCAPE: i8 = i8::MIN;

fn read_varint(bytes: &[u8], pos: &mut usize) -> Option<u64> {
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

fn write_varint(out: &mut Vec<u8>, mut v: u64) {
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
        Model { mask: rows - 1, index: vec![0; rows], table: vec![0; LABELS], step }
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
    pub fn row(&self, index: usize) -> &[i16] {
        let at = self.index[index & self.mask] as usize * LABELS;
        &self.table[at..at + LABELS]
    }

    /// Number of rows with a non-zero weight.
    pub fn used_rows(&self) -> usize {
        self.index.iter().filter(|&&i| i != 0).count()
    }

    fn row_mut(&mut self, index: usize) -> &mut [i16] {
        let slot = index & self.mask;
        if self.index[slot] == 0 {
            self.index[slot] = (self.table.len() / LABELS) as u32;
            self.table.extend_from_slice(&[0; LABELS]);
        }
        let at = self.index[slot] as usize * LABELS;
        &mut self.table[at..at + LABELS]
    }

    /// Sets the weights of row `index`, in units of [`Model::step`].
    pub fn set_row(&mut self, index: usize, weights: &[i16; LABELS]) {
        if weights.iter().any(|&w| w != 0) || self.index[index & self.mask] != 0 {
            self.row_mut(index).copy_from_slice(weights);
        }
    }

    /// Reads a model written by [`Model::to_bytes`]; `None` if the bytes are not one.
    ///
    /// ```
    /// use precis::names::model::{Model, Weights};
    /// let mut m = Model::empty(4, 0.5);
    /// let mut row = [0i16; 17];
    /// row[3] = -7;
    /// row[4] = 900; // past one byte
    /// m.set_row(5, &row);
    /// let back = Model::from_bytes(&m.to_bytes()).unwrap();
    /// assert_eq!(back.row(5), &row[..]);
    /// let mut scores = [0i32; 17];
    /// back.add(5, &mut scores);
    /// assert_eq!((scores[3], scores[4]), (-7, 900));
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
        if n > model.rows() as u64 {
            return None;
        }
        model.table.reserve(n as usize * LABELS);
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
            model.set_row(index as usize, &row);
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

/// Something that scores features: adds the weights of `feature` for every label.
pub trait Weights {
    /// Adds the weights of `feature` to `scores`.
    fn add(&self, feature: u32, scores: &mut [i32; LABELS]);
}

impl Weights for Model {
    #[inline]
    fn add(&self, feature: u32, scores: &mut [i32; LABELS]) {
        let row = self.row(feature as usize);
        for (s, &w) in scores.iter_mut().zip(row) {
            *s += w as i32;
        }
    }
}
