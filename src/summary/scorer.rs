//! Rates how much each sentence belongs in a summary.
//!
//! The score is a linear model over [`features`]: place in the article
//! and in its paragraph, length, centrality to the article, to its opening sentences and
//! to its title, names, numbers, quotes, and lean-on-context cues, each also weighed by
//! the share of the article the summary may take (a three-sentence summary of a long
//! story wants the lead; a summary of 40% of it wants coverage). The weights are learned
//! by `examples/train_summary.rs` (logistic regression against greedy-oracle ROUGE labels)
//! and stored in `weights.rs`.

use super::features::{self, FEATURES};
use super::weights;
use super::Selector;
use crate::names::entities::Entities;
use crate::Document;

/// One linear model over standardised features: `Σ weights[i] · (x[i] − mean[i]) / scale[i]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Linear {
    /// Mean of each feature over the training sentences.
    pub mean: [f32; FEATURES],
    /// Spread of each feature (a zero or non-finite scale counts as 1).
    pub scale: [f32; FEATURES],
    /// Weight of each standardised feature.
    pub weights: [f32; FEATURES],
}

impl Linear {
    /// The model's value for one feature row.
    pub fn apply(&self, row: &[f32; FEATURES]) -> f32 {
        let mut z = 0.0;
        for (((x, mean), scale), weight) in row.iter().zip(&self.mean).zip(&self.scale).zip(&self.weights) {
            let scale = if scale.is_finite() && *scale > 1e-6 { *scale } else { 1.0 };
            z += weight * (x - mean) / scale;
        }
        z
    }
}

/// How far a summary taking `share` of the article's sentences is from a short summary
/// (0: a few sentences of a long story, where news puts the gist first) to a long one
/// (1: 40% or more of it, where covering the article matters more than the lead).
///
/// ```
/// use precis::summary::scorer::long_summary_gate;
/// assert_eq!(long_summary_gate(0.1), 0.0);
/// assert_eq!(long_summary_gate(0.5), 1.0);
/// ```
pub fn long_summary_gate(share: f32) -> f32 {
    let t = ((share - 0.25) / 0.15).clamp(0.0, 1.0);
    t * t * (3.0 - 2.0 * t)
}

/// Scores sentences with two learned linear models, one for short summaries and one for
/// long ones, blended by [`long_summary_gate`].
///
/// ```
/// let doc = precis::Document::new("The council closed the bridge on Tuesday after engineers found cracks in it. It was built in 1901. Residents said the bridge closure would add an hour to journeys.");
/// let scores = precis::summary::SentenceScorer::default().score(&doc, &Default::default());
/// assert_eq!(scores.len(), 3);
/// assert!(scores[0] > scores[1]);
/// ```
#[derive(Debug, Clone)]
pub struct SentenceScorer {
    short: Linear,
    long: Linear,
}

impl Default for SentenceScorer {
    fn default() -> Self {
        SentenceScorer::with_models(
            Linear { mean: weights::SHORT_MEAN, scale: weights::SHORT_SCALE, weights: weights::SHORT_WEIGHTS },
            Linear { mean: weights::LONG_MEAN, scale: weights::LONG_SCALE, weights: weights::LONG_WEIGHTS },
        )
    }
}

impl SentenceScorer {
    /// A scorer with explicit models for short and long summaries.
    pub fn with_models(short: Linear, long: Linear) -> SentenceScorer {
        SentenceScorer { short, long }
    }

    /// A score for every sentence of `doc`, higher is better, for a summary of the default length.
    pub fn score(&self, doc: &Document, entities: &Entities) -> Vec<f32> {
        self.score_for(doc, entities, None)
    }

    /// A score for every sentence of `doc` for a summary of `budget` sentences
    /// (the [`Selector::default_length`] when `None`).
    pub fn score_for(&self, doc: &Document, entities: &Entities, budget: Option<usize>) -> Vec<f32> {
        let budget = budget.unwrap_or_else(|| Selector::default_length(doc.sentences.len()));
        features::extract(doc, entities, budget).iter().map(|row| self.score_row(row)).collect()
    }

    /// The score of one feature row.
    pub fn score_row(&self, row: &[f32; FEATURES]) -> f32 {
        let g = long_summary_gate(row[features::SHARE]);
        let z = if g <= 0.0 {
            self.short.apply(row)
        } else if g >= 1.0 {
            self.long.apply(row)
        } else {
            (1.0 - g) * self.short.apply(row) + g * self.long.apply(row)
        };
        if z.is_finite() {
            z
        } else {
            0.0
        }
    }
}
