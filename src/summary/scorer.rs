//! Rates how much each sentence belongs in a summary.
//!
//! Two learned parts, blended by the summary's length and the share of the article it takes
//! ([`long_summary_gate`]). A few sentences of a news story want its lead: the
//! [`LeadFilter`] takes the opening sentences in text order but passes over those that
//! carry little of the article (low centrality), are very short, or ask a question;
//! its thresholds are chosen on dev data by `examples/train_summary.rs`, which found that
//! on CNN stories this beats every linear model it tried over the same features (their
//! cross-validated ROUGE stayed at LEAD-3's). A summary of 40% of an article wants
//! coverage: a [`Linear`] model over all [`features`] (place, length, centrality to the
//! article, its opening and its title, names, numbers, quotes, lean-on-context cues),
//! trained by logistic regression against greedy-oracle ROUGE labels. Both are stored in
//! `weights.rs`.

use super::features::{self, SentenceFacts, FEATURES};
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

/// The short-summary rule: prefer earlier sentences, and any sentence that passes the
/// filter over any that fails it; between sentences close in place, prefer the one more
/// central to the article and whose words the article comes back to (news highlights
/// repeat what a story keeps returning to).
///
/// ```
/// use precis::summary::scorer::LeadFilter;
/// let filter = LeadFilter { min_centrality: 0.04, min_words: 8.0, skip_questions: true, centrality_weight: 0.0, recurrence_weight: 0.0 };
/// let doc = precis::Document::new("Floods hit the valley town of Brill on Friday night. Why? Rescuers reached the valley town of Brill by boat on Saturday.");
/// let rows = precis::summary::features::extract(&doc, &Default::default(), 1);
/// assert!(filter.passes(&rows[0]) && !filter.passes(&rows[1]) && filter.passes(&rows[2]));
/// assert!(filter.score(&rows[0]) > filter.score(&rows[2]) && filter.score(&rows[2]) > filter.score(&rows[1]));
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LeadFilter {
    /// Least centrality (idf cosine with the rest of the article) a sentence needs.
    pub min_centrality: f32,
    /// Fewest words a sentence needs.
    pub min_words: f32,
    /// Whether a question is passed over.
    pub skip_questions: bool,
    /// Score added per unit of centrality (in [0, 1]).
    pub centrality_weight: f32,
    /// Score added per unit of the share of the sentence's words found elsewhere in the
    /// article (`recurring`, in [0, 1]).
    pub recurrence_weight: f32,
}

impl LeadFilter {
    /// True when the sentence of this feature row may stand in a short summary.
    pub fn passes(&self, row: &[f32; FEATURES]) -> bool {
        let words = row[features::LOG_LEN].exp() - 1.0;
        row[features::CENTRALITY] >= self.min_centrality
            && words + 0.5 >= self.min_words
            && !(self.skip_questions && row[features::QUESTION] > 0.5)
    }

    /// 1 / (1 + rank among summary-worthy sentences), plus 1 when the sentence passes,
    /// plus the weighted centrality and recurrence: the weights the trainer picks are
    /// small beside the first ranks' gaps (1, 1/2, 1/3…), so the rule still follows the
    /// lead and the selector's redundancy and dangling penalties (in units of the scores'
    /// spread) keep their meaning; they decide between later, closer ranks.
    pub fn score(&self, row: &[f32; FEATURES]) -> f32 {
        row[features::POS_INV]
            + self.passes(row) as u8 as f32
            + self.centrality_weight * row[features::CENTRALITY]
            + self.recurrence_weight * row[features::RECURRING]
    }
}

/// How far a summary of `budget` sentences taking `share` of the article's sentences is
/// from a short summary (0: a few sentences of a story, where news puts the gist first)
/// to a long one (1: 40% or more of it, where covering the article matters more than the
/// lead). Three sentences or fewer always count as short: on CNN dev stories short enough
/// for three sentences to be a quarter of them, the lead rule beat the coverage model
/// (tokenised dev ROUGE-1 42.4 against 41.6).
///
/// ```
/// use precis::summary::scorer::long_summary_gate;
/// assert_eq!(long_summary_gate(0.1, 5), 0.0);
/// assert_eq!(long_summary_gate(0.5, 5), 1.0);
/// assert_eq!(long_summary_gate(0.5, 3), 0.0);
/// ```
pub fn long_summary_gate(share: f32, budget: usize) -> f32 {
    if budget <= SHORT_BUDGET {
        return 0.0;
    }
    let t = ((share - 0.25) / 0.15).clamp(0.0, 1.0);
    t * t * (3.0 - 2.0 * t)
}

/// The most sentences a summary may have and still always follow the short-summary rule.
const SHORT_BUDGET: usize = 3;

/// Scores sentences with the [`LeadFilter`] for short summaries and a learned linear
/// model for long ones, blended by [`long_summary_gate`].
///
/// ```
/// let doc = precis::Document::new("The council closed the bridge on Tuesday after engineers found cracks in it. It was built in 1901. Residents said the bridge closure would add an hour to journeys.");
/// let scores = precis::summary::SentenceScorer::default().score(&doc, &Default::default());
/// assert_eq!(scores.len(), 3);
/// assert!(scores[0] > scores[1]);
/// ```
#[derive(Debug, Clone)]
pub struct SentenceScorer {
    short: LeadFilter,
    long: Linear,
}

impl Default for SentenceScorer {
    fn default() -> Self {
        SentenceScorer::with_models(
            LeadFilter {
                min_centrality: weights::LEAD_MIN_CENTRALITY,
                min_words: weights::LEAD_MIN_WORDS,
                skip_questions: weights::LEAD_SKIP_QUESTIONS,
                centrality_weight: weights::LEAD_CENTRALITY_WEIGHT,
                recurrence_weight: weights::LEAD_RECURRENCE_WEIGHT,
            },
            Linear { mean: weights::LONG_MEAN, scale: weights::LONG_SCALE, weights: weights::LONG_WEIGHTS },
        )
    }
}

impl SentenceScorer {
    /// A scorer with an explicit rule for short summaries and model for long ones.
    pub fn with_models(short: LeadFilter, long: Linear) -> SentenceScorer {
        SentenceScorer { short, long }
    }

    /// A score for every sentence of `doc`, higher is better, for a summary of the default length.
    pub fn score(&self, doc: &Document, entities: &Entities) -> Vec<f32> {
        self.score_for(doc, entities, None)
    }

    /// A score for every sentence of `doc` for a summary of `budget` sentences
    /// (the [`Selector::default_length`] when `None`).
    pub fn score_for(&self, doc: &Document, entities: &Entities, budget: Option<usize>) -> Vec<f32> {
        self.score_with(doc, entities, budget, &SentenceFacts::of(doc))
    }

    /// [`SentenceScorer::score_for`] with the sentences' facts already worked out (`facts`
    /// of `doc`), as the [`Selector`] reads them too.
    pub fn score_with(&self, doc: &Document, entities: &Entities, budget: Option<usize>, facts: &SentenceFacts) -> Vec<f32> {
        let budget = budget.unwrap_or_else(|| Selector::default_length(doc.sentences.len()));
        features::extract_with(doc, entities, budget, facts).iter().map(|row| self.score_row(row, budget)).collect()
    }

    /// The score of one feature row for a summary of `budget` sentences.
    pub fn score_row(&self, row: &[f32; FEATURES], budget: usize) -> f32 {
        let g = long_summary_gate(row[features::SHARE], budget);
        let z = if g <= 0.0 {
            self.short.score(row)
        } else if g >= 1.0 {
            self.long.apply(row)
        } else {
            (1.0 - g) * self.short.score(row) + g * self.long.apply(row)
        };
        if z.is_finite() {
            z
        } else {
            0.0
        }
    }
}
