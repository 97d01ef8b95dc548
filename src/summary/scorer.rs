//! Rates how much each sentence belongs in a summary.
//!
//! The score is a linear model over [`features`](super::features): place in the article
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

/// Scores sentences with a learned linear model.
///
/// ```
/// let doc = precis::Document::new("The council closed the bridge on Tuesday after engineers found cracks in it. It was built in 1901. Residents said the bridge closure would add an hour to journeys.");
/// let scores = precis::summary::SentenceScorer::default().score(&doc, &Default::default());
/// assert_eq!(scores.len(), 3);
/// assert!(scores[0] > scores[1]);
/// ```
#[derive(Debug, Clone)]
pub struct SentenceScorer {
    mean: [f32; FEATURES],
    scale: [f32; FEATURES],
    weights: [f32; FEATURES],
}

impl Default for SentenceScorer {
    fn default() -> Self {
        SentenceScorer::with_weights(weights::MEAN, weights::SCALE, weights::WEIGHTS)
    }
}

impl SentenceScorer {
    /// A scorer with explicit weights: the score is `Σ weights[i] · (x[i] − mean[i]) / scale[i]`.
    /// A zero or non-finite scale is treated as 1.
    pub fn with_weights(mean: [f32; FEATURES], scale: [f32; FEATURES], weights: [f32; FEATURES]) -> SentenceScorer {
        SentenceScorer { mean, scale, weights }
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
        let mut z = 0.0;
        for i in 0..FEATURES {
            let scale = if self.scale[i].is_finite() && self.scale[i] > 1e-6 { self.scale[i] } else { 1.0 };
            z += self.weights[i] * (row[i] - self.mean[i]) / scale;
        }
        if z.is_finite() {
            z
        } else {
            0.0
        }
    }
}
