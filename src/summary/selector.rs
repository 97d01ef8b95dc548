//! Picks summary sentences by score, keeping out near-repeats, junk and sentences that
//! lean on a sentence left out, and returns them in text order.

use super::features::SentenceFacts;
use super::shape;
use super::trim;
use crate::{Document, Span};
use std::cell::OnceCell;

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
    /// Score lost by a candidate whose words all appear in one already chosen sentence
    /// (in proportion to the shared share of its words), in standard deviations of the
    /// article's sentence scores.
    pub redundancy: f32,
    /// Score lost by a sentence that opens with a back-pointing word ("He", "But") when
    /// the sentence before it is not in the summary, in standard deviations of the scores.
    /// The article's opening sentence (its first summary-worthy one) never counts as leaning.
    pub dangling: f32,
    /// The same for a summary of at most [`Selector::compress_up_to`] sentences: three
    /// sentences read as a unit, so one that leans on a sentence left out stands out more
    /// (on CNN/DailyMail raw dev, 2.0 instead of 0.6 took two such sentences out and
    /// raised ROUGE-1/2/Lsum by +0.09/+0.05/+0.07; tokenised dev kept its figures, and a
    /// long BBC summary lost ROUGE with it, hence two values).
    pub short_dangling: f32,
    /// Summaries of at most this many sentences are compressed ([`trim::compress`]): a short
    /// summary is read as highlights, a long one (40% of an article) as the article cut down.
    pub compress_up_to: usize,
}

impl Default for Selector {
    fn default() -> Self {
        Selector { redundancy: 0.4, dangling: 0.6, short_dangling: 2.0, compress_up_to: 3 }
    }
}

/// Share of shared words past which a candidate counts as a repeat of a chosen sentence.
const NEAR_REPEAT: f32 = 0.8;

/// Past this many summary sentences the redundancy check (quadratic in the budget) is skipped.
const MAX_CHECKED_BUDGET: usize = 200;

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
    /// Sentences unfit to stand alone (headings, captions, bylines; see
    /// [`shape::is_summary_worthy`]) are never picked, so fewer may come back.
    /// A leading dateline is left out of a sentence's span, and in a summary of at most
    /// [`Selector::compress_up_to`] sentences a leading adverbial or trailing aside may be too.
    pub fn select(&self, doc: &Document, scores: &[f32], k: Option<usize>) -> Vec<Span> {
        self.select_with(doc, scores, k, &SentenceFacts::of(doc))
    }

    /// [`Selector::select`] with the sentences' facts already worked out (`facts` of `doc`),
    /// as the [`SentenceScorer`](super::SentenceScorer) reads them too.
    pub fn select_with(&self, doc: &Document, scores: &[f32], k: Option<usize>, facts: &SentenceFacts) -> Vec<Span> {
        let n = doc.sentences.len().min(scores.len()).min(facts.worthy().len()).min(facts.bags().len());
        let k = k.unwrap_or_else(|| Self::default_length(n)).min(n);
        if k == 0 {
            return Vec::new();
        }
        let score = |s: usize| if scores[s].is_finite() { scores[s] } else { f32::MIN / 4.0 };
        let mut order: Vec<usize> = (0..n).filter(|&s| facts.worthy()[s]).collect();
        // the opening sentence has nothing before it to lean on, whatever its first word
        let opening = order.first().copied();
        let dangling_penalty = if k <= self.compress_up_to { self.short_dangling } else { self.dangling };
        order.sort_by(|&a, &b| score(b).total_cmp(&score(a)).then(a.cmp(&b)));
        let mut chosen: Vec<usize> = Vec::with_capacity(k);
        if k > MAX_CHECKED_BUDGET {
            order.truncate(k);
            chosen = order;
        } else {
            order.truncate((k * 4).max(k + 40));
            // bags of the candidates only, bags[i] for order[i]
            let bags: Vec<&[u32]> = order.iter().map(|&s| facts.bags()[s].as_slice()).collect();
            let dangling: Vec<bool> = order.iter().map(|&s| Some(s) != opening && shape::is_dangling(doc, s)).collect();
            // penalties are in units of the scores' spread, so they mean the same whatever the scale
            let mean = order.iter().map(|&s| score(s)).sum::<f32>() / order.len().max(1) as f32;
            let var = order.iter().map(|&s| (score(s) - mean).powi(2)).sum::<f32>() / order.len().max(1) as f32;
            let unit = if var.is_finite() && var > 1e-12 { var.sqrt() } else { 1.0 };
            let mut overlap = vec![0f32; order.len()];
            let mut taken = vec![false; order.len()];
            while chosen.len() < k {
                let mut best: Option<(usize, f32)> = None;
                for (i, &c) in order.iter().enumerate() {
                    if taken[i] {
                        continue;
                    }
                    let mut value = score(c) - unit * self.redundancy * overlap[i];
                    if overlap[i] >= NEAR_REPEAT {
                        // a near-copy of a chosen sentence comes only when nothing else is left
                        value -= unit * 1e3;
                    }
                    if dangling[i] && !(c > 0 && chosen.contains(&(c - 1))) {
                        value -= unit * dangling_penalty;
                    }
                    if best.map_or(true, |(_, v)| value > v) {
                        best = Some((i, value));
                    }
                }
                let Some((i, _)) = best else { break };
                taken[i] = true;
                let pick = order[i];
                chosen.push(pick);
                for j in 0..order.len() {
                    if !taken[j] {
                        overlap[j] = overlap[j].max(shared_share(bags[j], bags[i]));
                    }
                }
            }
        }
        chosen.sort_unstable();
        let spans: Vec<Span> = chosen.into_iter().map(|s| shape::display_span(doc, s)).collect();
        if k <= self.compress_up_to {
            // the article's counts of the words these sentences hold, all that compress reads
            let texts: Vec<&str> = spans.iter().filter_map(|s| doc.text.get(s.start..s.end)).collect();
            // counted only if some sentence has a trailing aside that may go (most have none)
            let recurrence = OnceCell::new();
            let counts = || recurrence.get_or_init(|| trim::Recurrence::of_words_in(doc.text, &texts));
            spans.into_iter().map(|span| trim::compress_with(doc, &counts, span)).collect()
        } else {
            spans
        }
    }
}

/// Share of the smaller of two sorted word-id sets that the other also holds.
fn shared_share(a: &[u32], b: &[u32]) -> f32 {
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    common as f32 / a.len().min(b.len()).max(1) as f32
}
