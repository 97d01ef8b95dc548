//! Rates how much each sentence belongs in a summary.
//!
//! The score mixes the sentence's place in the article (news puts the gist first), its
//! centrality (how much of the article's vocabulary it shares), the names it carries,
//! and penalties for what reads badly out of context: no sentence end (headings,
//! captions), very short or very long sentences, a pronoun or connective first word.

use crate::names::entities::Entities;
use crate::Document;
use std::collections::HashMap;

/// Scores sentences.
///
/// ```
/// let doc = precis::Document::new("The council closed the bridge on Tuesday after engineers found cracks. It was built in 1901. Residents said the bridge closure would add an hour to journeys.");
/// let scores = precis::summary::SentenceScorer::default().score(&doc, &Default::default());
/// assert_eq!(scores.len(), 3);
/// assert!(scores[0] > scores[1]);
/// ```
#[derive(Debug, Clone)]
pub struct SentenceScorer {
    /// Weight of the position prior.
    pub position_weight: f32,
    /// Weight of centrality.
    pub centrality_weight: f32,
}

impl Default for SentenceScorer {
    fn default() -> Self {
        SentenceScorer { position_weight: 1.0, centrality_weight: 1.5 }
    }
}

const STOP: &[&str] = &[
    "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by", "from", "as", "is", "are",
    "was", "were", "be", "been", "it", "its", "that", "this", "he", "she", "they", "his", "her", "their", "has", "have",
    "had", "not", "will", "would", "said", "says", "which", "who", "also", "than", "into", "about", "after", "we", "i",
    "you", "there", "what", "when", "more", "one", "can", "could", "up", "out", "so", "if", "all", "no", "do",
];
const DANGLING: &[&str] = &["he", "she", "it", "they", "this", "these", "those", "but", "however", "also", "and", "his", "her", "their", "its", "such", "that"];

/// Lower-cased content words of a sentence.
pub(crate) fn content_words<'t>(doc: &Document<'t>, s: usize) -> impl Iterator<Item = String> + 't {
    let text = doc.text;
    doc.sentence_tokens(s)
        .to_vec()
        .into_iter()
        .map(move |t| t.slice(text).to_lowercase())
        .filter(|w| w.chars().next().is_some_and(char::is_alphanumeric) && !STOP.contains(&w.as_str()) && w.len() > 1)
}

impl SentenceScorer {
    /// A score for every sentence of `doc`, higher is better.
    pub fn score(&self, doc: &Document, entities: &Entities) -> Vec<f32> {
        let n = doc.sentences.len();
        let mut df: HashMap<String, f32> = HashMap::new();
        let bags: Vec<HashMap<String, f32>> = (0..n)
            .map(|s| {
                let mut bag = HashMap::new();
                for w in content_words(doc, s) {
                    *bag.entry(w).or_insert(0.0) += 1.0;
                }
                for w in bag.keys() {
                    *df.entry(w.clone()).or_insert(0.0) += 1.0;
                }
                bag
            })
            .collect();
        // centrality: the sum of document frequencies of the sentence's words, normalised by length
        let mut names_in = vec![0usize; n];
        for m in &entities.mentions {
            if let Some(s) = doc.sentence_at(m.span.start) {
                names_in[s] += 1;
            }
        }
        (0..n)
            .map(|s| {
                let sent = &doc.sentences[s];
                let words = sent.tokens.len();
                let bag = &bags[s];
                let mass: f32 = bag.keys().map(|w| (df[w] - 1.0).max(0.0)).sum();
                let centrality = mass / (1.0 + (bag.len() as f32)).sqrt() / (1.0 + n as f32).sqrt();
                let position = 1.0 / (1.0 + s as f32 * 0.5);
                let text = sent.span.slice(doc.text);
                let ends = text.trim_end_matches(['”', '"', '’', '\'', ')']).ends_with(['.', '!', '?']);
                let mut score = self.position_weight * position + self.centrality_weight * centrality + 0.05 * names_in[s].min(4) as f32;
                if !ends {
                    score -= 1.0;
                }
                if words < 6 {
                    score -= 0.8;
                } else if words > 60 {
                    score -= 0.3;
                }
                let first = doc.token_text(sent.tokens.start).to_lowercase();
                if DANGLING.contains(&first.as_str()) {
                    score -= 0.3;
                }
                if text.ends_with('?') {
                    score -= 0.2;
                }
                score
            })
            .collect()
    }
}
