//! Picks summary sentences by score, keeping out near-repeats, and returns them in text order.

use super::scorer::content_words;
use crate::{Document, Span};
use std::collections::HashSet;

/// Chooses the summary sentences.
///
/// ```
/// let doc = precis::Document::new("First point is made here today. Second point is made here too. Third one is different altogether.");
/// let picked = precis::summary::Selector::default().select(&doc, &[3.0, 2.9, 1.0], Some(2));
/// assert_eq!(picked.len(), 2);
/// assert!(picked[0].start < picked[1].start);
/// ```
#[derive(Debug, Clone)]
pub struct Selector {
    /// How much overlap with already chosen sentences costs (0 = none, 1 = all of the score).
    pub redundancy: f32,
}

impl Default for Selector {
    fn default() -> Self {
        Selector { redundancy: 0.7 }
    }
}

impl Selector {
    /// The default summary length for an article of `n` sentences.
    ///
    /// ```
    /// assert_eq!(precis::summary::Selector::default_length(2), 2);
    /// assert_eq!(precis::summary::Selector::default_length(20), 3);
    /// assert_eq!(precis::summary::Selector::default_length(200), 5);
    /// ```
    pub fn default_length(n: usize) -> usize {
        match n {
            0..=3 => n,
            4..=40 => 3,
            41..=80 => 4,
            _ => 5,
        }
    }

    /// Picks `k` sentences (the default length when `None`) by `scores`, in text order.
    pub fn select(&self, doc: &Document, scores: &[f32], k: Option<usize>) -> Vec<Span> {
        let n = doc.sentences.len().min(scores.len());
        let k = k.unwrap_or_else(|| Self::default_length(n)).min(n);
        let bags: Vec<HashSet<String>> = (0..n).map(|s| content_words(doc, s).collect()).collect();
        let mut chosen: Vec<usize> = Vec::with_capacity(k);
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]));
        // only the best few dozen candidates need the redundancy check
        order.truncate((k * 8).max(24));
        while chosen.len() < k {
            let best = order
                .iter()
                .filter(|c| !chosen.contains(c))
                .map(|&c| {
                    let overlap = chosen
                        .iter()
                        .map(|&p| {
                            let inter = bags[c].intersection(&bags[p]).count() as f32;
                            inter / (bags[c].len().min(bags[p].len()).max(1) as f32)
                        })
                        .fold(0.0f32, f32::max);
                    (c, scores[c] - self.redundancy * overlap * scores[c].abs().max(0.5))
                })
                .max_by(|a, b| a.1.total_cmp(&b.1));
            match best {
                Some((c, _)) => chosen.push(c),
                None => break,
            }
        }
        chosen.sort_unstable();
        chosen.into_iter().map(|s| doc.sentences[s].span).collect()
    }
}
