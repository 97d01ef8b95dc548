//! What the scorer knows about each sentence: its place, length, how central it is to
//! the article and to its opening lines, how much of it the article comes back to, the
//! names and numbers it carries, quotes, and the summary budget it is scored for. The same code serves the shipped scorer
//! and the training program (`examples/train_summary.rs`), so both see identical features.

use super::shape;
use crate::names::entities::Entities;
use crate::Document;
use crate::words::WordList;
use std::borrow::Cow;
use crate::words::TextMap;

/// Number of features that describe the sentence itself.
pub const BASE_FEATURES: usize = 25;

/// Number of features per sentence: the base features, the budget share (summary
/// sentences over summary-worthy sentences), and every base feature times that share, so
/// the model can weigh place against coverage differently for short and long summaries.
pub const FEATURES: usize = 2 * BASE_FEATURES + 1;

/// Names of the base features, in order; row `BASE_FEATURES` is the budget share and
/// row `BASE_FEATURES + 1 + i` is base feature `i` times the share.
pub const FEATURE_NAMES: [&str; BASE_FEATURES] = [
    "first", "second", "third", "pos_inv", "rel_pos", "block_first", "block_inv", "log_len", "short", "long",
    "rel_len", "centrality", "sim_lead", "sim_title", "word_mass", "name_density", "top_names", "number_density",
    "has_quote", "starts_quote", "dangling", "attribution", "question", "worthy", "recurring",
];

/// Index of the budget-share feature.
pub const SHARE: usize = BASE_FEATURES;

/// Index of the base feature telling whether the sentence may stand in a summary at all.
pub const WORTHY: usize = 23;

/// Index of `pos_inv`: 1 / (1 + the sentence's rank among summary-worthy sentences).
pub const POS_INV: usize = 3;

/// Index of `log_len`: ln(1 + the sentence's word count).
pub const LOG_LEN: usize = 7;

/// Index of `centrality`: idf-weighted cosine of the sentence with the rest of the article.
pub const CENTRALITY: usize = 11;

/// Index of `question`: the sentence ends with a question mark.
pub const QUESTION: usize = 22;

/// Index of `recurring`: the share of the sentence's content words that another sentence
/// of the article (its title included) also holds.
pub const RECURRING: usize = 24;

/// Words too common to say what a sentence is about (sorted, to read).
pub(crate) const STOP: &[&str] = &[
    "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been", "being", "but", "by",
    "can", "could", "did", "do", "does", "for", "from", "had", "has", "have", "he", "her", "him", "his", "how", "i",
    "if", "in", "into", "is", "it", "its", "just", "may", "me", "might", "more", "my", "n't", "no", "not", "of", "on",
    "only", "or", "other", "our", "out", "over", "s", "said", "says", "she", "should", "so", "some", "such", "t",
    "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those", "to", "up", "us",
    "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would",
    "you", "your",
];

const ATTRIBUTION: &[&str] = &["said", "says", "told", "according", "added", "explained", "stated"];

/// The content words of every sentence as sorted, de-duplicated ids (ids are local to one document).
///
/// ```
/// let doc = precis::Document::new("The cat sat on the mat. A cat is here.");
/// let bags = precis::summary::features::word_bags(&doc);
/// assert_eq!(bags.len(), 2);
/// assert!(bags[0].iter().any(|w| bags[1].contains(w))); // "cat"
/// ```
pub fn word_bags(doc: &Document) -> Vec<Vec<u32>> {
    word_bags_of(doc, 0..doc.sentences.len())
}

/// What both the [`SentenceScorer`](super::SentenceScorer) and the
/// [`Selector`](super::Selector) read of every sentence of a document, worked out once for
/// the two: the sentence's [`word_bags`] and whether it is
/// [summary-worthy](shape::is_summary_worthy).
///
/// ```
/// let doc = precis::Document::new("Floods hit the valley town. Rescuers reached the town by boat.");
/// let facts = precis::summary::features::SentenceFacts::of(&doc);
/// assert_eq!(facts.bags().len(), 2);
/// assert!(facts.worthy().iter().all(|&w| w));
/// ```
#[derive(Debug, Clone, Default)]
pub struct SentenceFacts {
    bags: Vec<Vec<u32>>,
    worthy: Vec<bool>,
}

impl SentenceFacts {
    /// The facts of every sentence of `doc`.
    pub fn of(doc: &Document) -> SentenceFacts {
        SentenceFacts { bags: word_bags(doc), worthy: (0..doc.sentences.len()).map(|s| shape::is_summary_worthy(doc, s)).collect() }
    }

    /// Each sentence's content words, as [`word_bags`] gives them.
    pub fn bags(&self) -> &[Vec<u32>] {
        &self.bags
    }

    /// Whether each sentence may stand in a summary.
    pub fn worthy(&self) -> &[bool] {
        &self.worthy
    }
}

/// The bags of [`word_bags`] for `sentences` only, in their order: ids are local to these
/// sentences, so two bags share an id exactly when they share a word, as in [`word_bags`].
pub(crate) fn word_bags_of(doc: &Document, sentences: impl IntoIterator<Item = usize>) -> Vec<Vec<u32>> {
    let sentences: Vec<usize> = sentences.into_iter().collect();
    // sized for every token up front: growing re-hashes every word so far, each time
    let tokens = sentences.iter().map(|&s| doc.sentences[s].tokens.len()).sum();
    // keys borrow the text where it is already lower case (most words): no copy of each new word
    let mut ids: TextMap<Cow<'_, str>, u32> = TextMap::with_capacity_and_hasher(tokens, Default::default());
    let mut buf = String::new();
    sentences
        .into_iter()
        .map(|s| {
            let mut bag: Vec<u32> = Vec::new();
            for t in doc.sentence_tokens(s) {
                let w = t.slice(doc.text);
                if !w.starts_with(char::is_alphanumeric) {
                    continue;
                }
                lower_into(w, &mut buf);
                if buf.len() < 2 || is_stop(&buf) {
                    continue;
                }
                let next = ids.len() as u32;
                let id = match ids.get(buf.as_str()) {
                    Some(&id) => id,
                    None => {
                        ids.insert(if buf == w { Cow::Borrowed(w) } else { Cow::Owned(buf.clone()) }, next);
                        next
                    }
                };
                bag.push(id);
            }
            bag.sort_unstable();
            bag.dedup();
            bag
        })
        .collect()
}

/// `word` in lower case, into `buf`: byte by byte when it is ASCII (most words), which is
/// what the full Unicode mapping gives there too.
pub(crate) fn lower_into(word: &str, buf: &mut String) {
    buf.clear();
    if word.is_ascii() {
        // copied whole, then lower-cased in place: no char at a time
        buf.push_str(word);
        buf.make_ascii_lowercase();
    } else {
        buf.extend(word.chars().flat_map(char::to_lowercase));
    }
}

/// Whether `word` (lower case) is one of [`STOP`].
pub(crate) fn is_stop(word: &str) -> bool {
    static SET: WordList = WordList::new(STOP);
    SET.contains(word)
}

/// Feature rows for every sentence of `doc`, for a summary of `budget` sentences.
///
/// ```
/// let doc = precis::Document::new("Floods hit the valley town on Friday. Rescuers reached the valley town by boat. Lunch was served.");
/// let rows = precis::summary::features::extract(&doc, &Default::default(), 1);
/// assert_eq!(rows.len(), 3);
/// assert_eq!(rows[0][0], 1.0); // "first"
/// ```
pub fn extract(doc: &Document, entities: &Entities, budget: usize) -> Vec<[f32; FEATURES]> {
    extract_with(doc, entities, budget, &SentenceFacts::of(doc))
}

/// [`extract`] with the sentences' facts already worked out (`facts` of `doc`).
pub fn extract_with(doc: &Document, entities: &Entities, budget: usize, facts: &SentenceFacts) -> Vec<[f32; FEATURES]> {
    let n = doc.sentences.len();
    if n == 0 || facts.bags.len() != n || facts.worthy.len() != n {
        return Vec::new();
    }
    let (bags, worthy) = (facts.bags.as_slice(), facts.worthy.as_slice());
    let words: Vec<usize> = (0..n).map(|s| shape::word_count(doc, s)).collect();
    let eligible = worthy.iter().filter(|&&w| w).count().max(1);
    let share = (budget as f32 / eligible as f32).min(1.0);
    let mean_len = words.iter().sum::<usize>() as f32 / n as f32;

    // document frequency and idf over sentences
    let vocab = bags.iter().flat_map(|b| b.iter()).map(|&w| w as usize + 1).max().unwrap_or(0);
    let mut df = vec![0f32; vocab];
    for bag in bags {
        for &w in bag {
            df[w as usize] += 1.0;
        }
    }
    let idf: Vec<f32> = df.iter().map(|&d| (1.0 + n as f32 / d.max(1.0)).ln()).collect();
    // the article's vector, the opening sentences' vector and the title's vector (a first
    // line without a sentence end, as headlines are pasted)
    let mut doc_vec = vec![0f32; vocab];
    for bag in bags {
        for &w in bag {
            doc_vec[w as usize] += idf[w as usize];
        }
    }
    let lead: Vec<usize> = (0..n).filter(|&s| worthy[s]).take(2).collect();
    let mut lead_vec = vec![0f32; vocab];
    for &s in &lead {
        for &w in &bags[s] {
            lead_vec[w as usize] += idf[w as usize];
        }
    }
    let title = (0..n.min(2)).find(|&s| !worthy[s] && words[s] >= 2 && words[s] <= 20 && !shape::has_sentence_end(doc.sentences[s].span.slice(doc.text)));
    let mut title_vec = vec![0f32; vocab];
    if let Some(t) = title {
        for &w in &bags[t] {
            title_vec[w as usize] += idf[w as usize];
        }
    }
    let norm = |v: &[f32]| v.iter().map(|x| x * x).sum::<f32>();
    let (doc_sq, lead_sq, title_sq) = (norm(&doc_vec), norm(&lead_vec), norm(&title_vec));
    // cosine of a sentence with `whole` minus the sentence itself when `inside`
    let cosine = |bag: &[u32], whole: &[f32], whole_sq: f32, inside: bool| -> f32 {
        let (mut dot, mut self_sq) = (0f32, 0f32);
        for &w in bag {
            let x = idf[w as usize];
            dot += x * whole[w as usize];
            self_sq += x * x;
        }
        let (dot, rest_sq) = if inside { (dot - self_sq, whole_sq - 2.0 * dot + self_sq) } else { (dot, whole_sq) };
        if rest_sq <= 1e-6 || self_sq <= 1e-6 {
            0.0
        } else {
            (dot / (rest_sq.sqrt() * self_sq.sqrt())).clamp(0.0, 1.0)
        }
    };

    // names: per sentence, all mentions and mentions of names the article repeats
    let mut mention_count = vec![0usize; entities.list.len()];
    for &e in &entities.entity_of {
        if let Some(c) = mention_count.get_mut(e) {
            *c += 1;
        }
    }
    let mut names_in = vec![0f32; n];
    let mut top_in = vec![0f32; n];
    for (i, m) in entities.mentions.iter().enumerate() {
        if let Some(s) = doc.sentence_at(m.span.start) {
            names_in[s] += 1.0;
            if entities.entity_of.get(i).and_then(|&e| mention_count.get(e)).is_some_and(|&c| c >= 2) {
                top_in[s] += 1.0;
            }
        }
    }

    let mut rows = Vec::with_capacity(n);
    let mut rank = 0usize; // position among summary-worthy sentences
    let mut block_rank = 0usize;
    let mut last_block = usize::MAX;
    for s in 0..n {
        let sentence = &doc.sentences[s];
        let text = sentence.span.slice(doc.text);
        let block_first = sentence.block != last_block;
        if block_first && worthy[s] {
            block_rank += 1;
        }
        last_block = sentence.block;
        let r = if worthy[s] { rank } else { rank + 5 };
        let w = words[s].max(1) as f32;
        let mut numbers = 0f32;
        let mut attribution = 0f32;
        for t in doc.sentence_tokens(s) {
            let tok = t.slice(doc.text);
            if tok.starts_with(|c: char| c.is_ascii_digit()) {
                numbers += 1.0;
            }
            if ATTRIBUTION.iter().any(|a| a.eq_ignore_ascii_case(tok)) {
                attribution = 1.0;
            }
        }
        let trimmed = text.trim();
        let centrality = cosine(&bags[s], &doc_vec, doc_sq, true);
        let sim_lead = cosine(&bags[s], &lead_vec, lead_sq, lead.contains(&s));
        let sim_title = if title.is_some() { cosine(&bags[s], &title_vec, title_sq, title == Some(s)) } else { 0.0 };
        let word_mass = if bags[s].is_empty() {
            0.0
        } else {
            bags[s].iter().map(|&x| (df[x as usize] - 1.0) / n as f32).sum::<f32>() / (bags[s].len() as f32).sqrt()
        };
        let recurring = if bags[s].is_empty() {
            0.0
        } else {
            bags[s].iter().filter(|&&x| df[x as usize] > 1.0).count() as f32 / bags[s].len() as f32
        };
        let pos_inv = 1.0 / (1.0 + r as f32);
        let rel_pos = r as f32 / eligible as f32;
        let log_len = (1.0 + w).ln();
        let base: [f32; BASE_FEATURES] = [
            (r == 0) as u8 as f32,
            (r == 1) as u8 as f32,
            (r == 2) as u8 as f32,
            pos_inv,
            rel_pos.min(1.5),
            (block_first && worthy[s]) as u8 as f32,
            1.0 / block_rank.max(1) as f32,
            log_len,
            (w < 10.0) as u8 as f32,
            (w > 45.0) as u8 as f32,
            (w / mean_len.max(1.0)).min(4.0),
            centrality,
            sim_lead,
            sim_title,
            word_mass.min(5.0),
            (names_in[s] / w).min(1.0),
            top_in[s].min(4.0) / 4.0,
            (numbers / w).min(1.0),
            trimmed.contains(['"', '“', '”']) as u8 as f32,
            trimmed.starts_with(['"', '“', '\'', '‘']) as u8 as f32,
            shape::is_dangling(doc, s) as u8 as f32,
            attribution,
            trimmed.trim_end_matches(['"', '”', '\'', '’', ')']).ends_with('?') as u8 as f32,
            worthy[s] as u8 as f32,
            recurring,
        ];
        let mut row = [0f32; FEATURES];
        row[..BASE_FEATURES].copy_from_slice(&base);
        row[BASE_FEATURES] = share;
        for i in 0..BASE_FEATURES {
            row[BASE_FEATURES + 1 + i] = share * base[i];
        }
        rows.push(row);
        if worthy[s] {
            rank += 1;
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recurring_is_the_share_of_content_words_another_sentence_holds() {
        let doc = Document::new("Floods hit the valley town. Rescuers reached the valley town by boat.");
        let rows = extract(&doc, &Default::default(), 1);
        // "floods", "hit", "valley", "town": two of four recur; "rescuers", "reached", "valley", "town", "boat": two of five
        assert!((rows[0][RECURRING] - 0.5).abs() < 1e-6, "{}", rows[0][RECURRING]);
        assert!((rows[1][RECURRING] - 0.4).abs() < 1e-6, "{}", rows[1][RECURRING]);
        assert_eq!(FEATURE_NAMES[RECURRING], "recurring");
    }

    #[test]
    fn stop_words_are_sorted_and_found() {
        assert!(STOP.windows(2).all(|w| w[0] < w[1]));
        assert!(is_stop("the") && is_stop("n't") && !is_stop("cat"));
    }
}
