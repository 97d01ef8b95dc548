//! Finds mentions of people, organisations and places in the sentences of a [`Document`].
//!
//! An averaged-perceptron tagger over BILOU labels, decoded with a small beam
//! ([`Beam`], [`DECODE`]), reads each document twice:
//! the first reading tags every sentence on its own; the second adds, for each word,
//! the kinds the first reading gave it elsewhere in the document, so that a name
//! tagged once in a clear context ("Mr Tsang said") is tagged the same way in a
//! headline in capitals or at the start of a sentence (Ratinov & Roth 2009).
//! The weights, the gazetteer and the word clusters are made by `examples/train_names.rs` and compiled in.

use super::features::{allowed, entity_kind, is_plain, kind_of, label_features, part_of, static_features, no_votes, vote_features, DocFeatures, Gazetteer, Part, LABELS, OUTSIDE};
use super::clusters::Clusters;
use super::model::{Model, Weights};
use crate::{Document, EntityKind, Span};
use std::ops::Range;
use std::sync::OnceLock;

/// One mention of a name, before mentions are merged into entities.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// Where the name is, without titles.
    pub span: Span,
    /// What the tagger thinks it is.
    pub kind: EntityKind,
    /// Index of its first token in [`Document::tokens`].
    pub first_token: usize,
    /// One past the index of its last token.
    pub end_token: usize,
}

/// Tags names in a document.
///
/// ```
/// let doc = precis::Document::new("Prof Steve Tsang of Soas University of London spoke in Paris on Monday.");
/// let names: Vec<&str> = precis::names::NameTagger::default().tag(&doc).iter().map(|m| m.span.slice(doc.text)).collect();
/// assert!(names.contains(&"Steve Tsang"));
/// assert!(names.contains(&"Paris"));
/// ```
#[derive(Debug, Clone, Default)]
pub struct NameTagger {
    _private: (),
}

static MODEL_BYTES: &[u8] = include_bytes!("model.bin");
static GAZETTEER_BYTES: &[u8] = include_bytes!("gazetteer.bin");
static CLUSTER_BYTES: &[u8] = include_bytes!("clusters.bin");

/// The compiled-in word clusters, unpacked on first use.
pub fn clusters() -> &'static Clusters {
    static CLUSTERS: OnceLock<Clusters> = OnceLock::new();
    CLUSTERS.get_or_init(|| Clusters::from_bytes(CLUSTER_BYTES).unwrap_or_default())
}

/// The compiled-in gazetteer, unpacked on first use.
pub fn gazetteer() -> &'static Gazetteer {
    static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
    GAZETTEER.get_or_init(|| Gazetteer::from_bytes(GAZETTEER_BYTES).unwrap_or_default())
}

/// The compiled-in model, unpacked on first use.
pub fn model() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| Model::from_bytes(MODEL_BYTES).unwrap_or_else(|| Model::empty(0, 1.0)))
}

/// How the beam decoder searches a sentence.
///
/// Each hypothesis is a labelling of the sentence so far; at each token every
/// hypothesis is extended by every label BILOU allows after its last, and the best
/// `width` extensions are kept, those with the same last two labels (which score
/// every later token alike) merged into the better one, and none that trails the best
/// by more than `margin` (in model weight units). Width 1 is a greedy reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Beam {
    /// Hypotheses kept per token.
    pub width: usize,
    /// How far (in weight units) a hypothesis may trail the best and still be kept.
    pub margin: i32,
    /// Score tokens that [`is_plain`] calls plain even when no hypothesis has a
    /// name open there (the trainer does, so that it learns their weights too).
    pub score_plain: bool,
}

/// The decoder the tagger uses: 4 hypotheses, a margin of 25, plain tokens unscored
/// where no name is open. On eng.testa through the scorer (width/margin: F1), a model
/// trained with whole-sentence updates needed a wider beam: 4/25 92.30, 4/40 92.69,
/// 6/40 92.99, 8/40 92.96, 16/40 92.96; the shipped model, trained with max-violation
/// updates (see the trainer), does not: 4/25 93.00, 8/40 93.01. So the narrow one, for
/// 5% fewer instructions over the whole analysis than 8/40.
///
/// ```
/// use precis::names::tagger::DECODE;
/// assert_eq!((DECODE.width, DECODE.margin), (4, 25));
/// ```
pub const DECODE: Beam = Beam { width: 4, margin: 25, score_plain: false };

/// Reusable buffers for decoding; `S` is the partial sum of the weights in use ([`Weights::Sum`]).
#[derive(Debug)]
pub struct Scratch<S = [i32; LABELS]> {
    /// Per token, the sum of its label-independent weights, once computed.
    base: Vec<Option<S>>,
    /// The second reading's sums (the base plus the vote features) of one sentence.
    second: Vec<Option<S>>,
    /// The features of one token, to be summed.
    features: Vec<u32>,
    beam: BeamBuffers,
}

impl<S> Default for Scratch<S> {
    fn default() -> Self {
        Scratch { base: Vec::new(), second: Vec::new(), features: Vec::new(), beam: BeamBuffers::default() }
    }
}

/// One hypothesis: its score, its last two labels and its last node in the history.
#[derive(Debug, Clone, Copy)]
struct Hypothesis {
    score: i32,
    prev: u8,
    prev2: u8,
    node: u32,
}

/// An extension of hypothesis `from` by `label`.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    score: i32,
    label: u8,
    from: u16,
}

/// The beam's buffers, kept between sentences so that decoding allocates nothing once warm.
#[derive(Debug, Default)]
pub struct BeamBuffers {
    hypotheses: Vec<Hypothesis>,
    next: Vec<Hypothesis>,
    candidates: Vec<Candidate>,
    /// Every kept extension: (label, the node it extends; `u32::MAX` for none).
    history: Vec<(u8, u32)>,
    features: Vec<u32>,
}

/// Per label, the labels that may follow it, in label order, and how many there are.
const FOLLOWERS: [([u8; LABELS], u8); LABELS] = {
    let mut t = [([0u8; LABELS], 0u8); LABELS];
    let mut p = 0;
    while p < LABELS {
        let mut n = 0;
        while n < LABELS {
            if allowed(p as u8, n as u8) {
                t[p].0[t[p].1 as usize] = n as u8;
                t[p].1 += 1;
            }
            n += 1;
        }
        p += 1;
    }
    t
};

/// True for a label that leaves no name open (`O`, `L`, `U`).
#[inline]
fn closed(l: u8) -> bool {
    !matches!(part_of(l), Some(Part::Begin | Part::Inside))
}

/// Labels the tokens `r` of one sentence with the beam `how`, writing them into `labels`.
/// `base(i)` is the label-independent sum of token `i` (with the vote features in a
/// second reading); it is not asked for a plain token ([`is_plain`]) where no
/// hypothesis has a name open, unless `how.score_plain`. The labels written are a well
/// formed BILOU sequence: the last token closes any name.
pub fn beam_sentence<W: Weights>(
    weights: &W,
    doc: &DocFeatures,
    r: Range<usize>,
    how: Beam,
    mut base: impl FnMut(usize) -> W::Sum,
    buf: &mut BeamBuffers,
    labels: &mut [u8],
) {
    if r.is_empty() {
        return;
    }
    let width = how.width.clamp(1, 64);
    buf.history.clear();
    buf.hypotheses.clear();
    buf.hypotheses.push(Hypothesis { score: 0, prev: OUTSIDE, prev2: OUTSIDE, node: u32::MAX });
    for i in r.clone() {
        let last = i + 1 == r.end;
        buf.candidates.clear();
        let skip = !how.score_plain && !last && buf.hypotheses.iter().all(|h| closed(h.prev)) && is_plain(doc, r.clone(), i);
        if skip {
            skip_plain(buf);
            continue;
        }
        let sum = base(i);
        let mut best = i32::MIN;
        for (k, h) in buf.hypotheses.iter().enumerate() {
            buf.features.clear();
            label_features(doc, i, h.prev, h.prev2, &mut buf.features);
            let scores = weights.score_onto(&sum, &buf.features);
            let (list, n) = &FOLLOWERS[h.prev as usize % LABELS];
            for &l in &list[..*n as usize] {
                // the last token of a sentence ends any name
                if !last || closed(l) {
                    let score = h.score.saturating_add(scores[l as usize]);
                    best = best.max(score);
                    buf.candidates.push(Candidate { score, label: l, from: k as u16 });
                }
            }
        }
        // none below the floor is kept: dropped before sorting, which then has few to order
        let floor = best.saturating_sub(how.margin.max(0));
        buf.candidates.retain(|c| c.score >= floor);
        // best first; ties in the order generated (earlier hypotheses, lower labels)
        buf.candidates.sort_by_key(|c| std::cmp::Reverse(c.score));
        buf.next.clear();
        for c in &buf.candidates {
            if buf.next.len() == width || c.score < floor {
                break;
            }
            let h = buf.hypotheses[c.from as usize];
            if buf.next.iter().any(|n| n.prev == c.label && n.prev2 == h.prev) {
                continue; // the same last two labels: the better is kept
            }
            buf.history.push((c.label, h.node));
            buf.next.push(Hypothesis { score: c.score, prev: c.label, prev2: h.prev, node: (buf.history.len() - 1) as u32 });
        }
        std::mem::swap(&mut buf.hypotheses, &mut buf.next);
    }
    // the best hypothesis, read back from its last node
    let mut node = buf.hypotheses.first().map_or(u32::MAX, |h| h.node);
    for i in r.rev() {
        let Some(&(l, parent)) = buf.history.get(node as usize) else { break };
        labels[i] = l;
        node = parent;
    }
}

/// The beam's step over a plain token no hypothesis has a name open at: each hypothesis
/// is extended by `O` at no cost. This is the general step's outcome without its work:
/// the hypotheses are already best first and within the margin of the best, so only the
/// merging of those that now share their last two labels (`O` and the same before) is left.
fn skip_plain(buf: &mut BeamBuffers) {
    buf.next.clear();
    for h in &buf.hypotheses {
        if buf.next.iter().any(|n| n.prev2 == h.prev) {
            continue; // the same last two labels: the better is kept
        }
        buf.history.push((OUTSIDE, h.node));
        buf.next.push(Hypothesis { score: h.score, prev: OUTSIDE, prev2: h.prev, node: (buf.history.len() - 1) as u32 });
    }
    std::mem::swap(&mut buf.hypotheses, &mut buf.next);
}

/// One reading of the sentences: the first from the label-independent sums alone, the
/// second with the vote features of the first reading added.
fn reading<W: Weights>(weights: &W, doc: &DocFeatures, sentences: &[Range<usize>], second: bool, how: Beam, labels: &mut [u8], scratch: &mut Scratch<W::Sum>) {
    let Scratch { base, second: sums, features, beam } = scratch;
    for r in sentences {
        if second && no_votes(doc, r.clone()) {
            continue; // the first reading stands
        }
        if second {
            sums.clear();
            sums.resize(r.len(), None);
        }
        let mut base_of = |i: usize| -> W::Sum {
            let b = *base[i].get_or_insert_with(|| {
                features.clear();
                static_features(doc, r.clone(), i, features);
                weights.partial(features)
            });
            if !second {
                return b;
            }
            *sums[i - r.start].get_or_insert_with(|| {
                features.clear();
                vote_features(doc, r.clone(), i, features);
                weights.add_onto(&b, features)
            })
        };
        beam_sentence(weights, doc, r.clone(), how, &mut base_of, beam, labels);
    }
}

/// Both readings of a document (token ranges of its sentences) with the tagger's
/// decoder [`DECODE`]: the label of every token.
pub fn read_twice<W: Weights>(weights: &W, doc: &mut DocFeatures, sentences: &[Range<usize>], scratch: &mut Scratch<W::Sum>) -> Vec<u8> {
    read_twice_with(weights, doc, sentences, DECODE, scratch)
}

/// Both readings of a document with the decoder `how`. The second reading sees what
/// the first said about each word elsewhere in the document.
pub fn read_twice_with<W: Weights>(weights: &W, doc: &mut DocFeatures, sentences: &[Range<usize>], how: Beam, scratch: &mut Scratch<W::Sum>) -> Vec<u8> {
    let n = doc.tokens.len();
    scratch.base.clear();
    scratch.base.resize(n, None);
    let mut labels = vec![OUTSIDE; n];
    reading(weights, doc, sentences, false, how, &mut labels, scratch);
    doc.set_first_reading(&labels);
    reading(weights, doc, sentences, true, how, &mut labels, scratch);
    labels
}

/// Names (token ranges and model kinds 0..KINDS) in a label sequence.
///
/// ```
/// use precis::names::features::{label, Part, OUTSIDE};
/// use precis::names::tagger::names_in;
/// let labels = [OUTSIDE, label(0, Part::Begin), label(0, Part::Last), label(2, Part::Unit)];
/// assert_eq!(names_in(&labels), [(1..3, 0), (3..4, 2)]);
/// ```
pub fn names_in(labels: &[u8]) -> Vec<(Range<usize>, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, &l) in labels.iter().enumerate() {
        match (part_of(l), kind_of(l)) {
            (Some(Part::Unit), Some(k)) => {
                out.push((i..i + 1, k));
                start = None;
            }
            (Some(Part::Begin), _) => start = Some(i),
            (Some(Part::Last), Some(k)) => {
                if let Some(s) = start.take() {
                    out.push((s..i + 1, k));
                }
            }
            (Some(Part::Inside), _) => {}
            _ => start = None,
        }
    }
    out
}

impl NameTagger {
    /// Finds the name mentions of every sentence of `doc`, in text order.
    pub fn tag(&self, doc: &Document) -> Vec<Mention> {
        self.tag_with(doc, model(), gazetteer(), clusters())
    }

    /// Finds the name mentions of `doc` with other weights than the compiled-in ones
    /// (the trainer measures its models with this).
    pub fn tag_with<W: Weights>(&self, doc: &Document, weights: &W, gazetteer: &Gazetteer, clusters: &Clusters) -> Vec<Mention> {
        let mut feats = DocFeatures::new(doc, gazetteer, clusters);
        let sentences: Vec<Range<usize>> = doc.sentences.iter().map(|s| s.tokens.clone()).collect();
        let labels = read_twice(weights, &mut feats, &sentences, &mut Scratch::default());
        let mut out = Vec::new();
        for (mut r, k) in names_in(&labels) {
            let Some(mut kind) = entity_kind(k) else { continue };
            // "Councillor Agnes": a person's title and the first of their names, which a
            // model that never met the title may take for a body's name; the title makes it
            // a person's, and is no part of the name (CoNLL leaves titles out). A run the
            // model calls a person keeps its title: there "Sir" and "Miss" are often part
            // of the name (testa: trimming those too cost 2 names, this gains on none and
            // loses none)
            let words: Vec<&str> = if kind == EntityKind::Person { Vec::new() } else { r.clone().map(|t| doc.token_text(t)).collect() };
            let titles = personal_titles(&words);
            if titles > 0 {
                r.start += titles;
                kind = EntityKind::Person;
            } else if kind != EntityKind::Person && after_personal_title(doc, r.start) {
                // "President Trump" after "the Trump administration": the document's
                // evidence made a body of him, the title right before says otherwise
                kind = EntityKind::Person;
            }
            // "Federal Reserve Governor Lawrence Lindsey": a body's (or place's) name, a
            // title, a person's name, which the model, seeing one run of capitals, took whole
            let split = if kind != EntityKind::Person && r.len() > 1 { title_split(&words) } else { None };
            match split {
                Some((title, person)) => {
                    out.extend(mention(doc, r.start..r.start + title, kind));
                    out.extend(mention(doc, r.start + person..r.end, EntityKind::Person));
                }
                None => out.extend(mention(doc, r, kind)),
            }
        }
        join_adjacent(doc, &mut out);
        team_rows(doc, &mut out);
        out
    }
}

/// Result rows of club matches ("Gloria Bistrita ( Romania ) 2 Valletta ( Malta ) 1"):
/// two names, each followed by a bracketed place and a one-digit score, are teams, and
/// the same words elsewhere in the document ("Gloria Bistrita win 4-2 on aggregate")
/// name the same team. The model, meeting clubs named after towns and people, took
/// most of them for persons or split them into a body and a place ("AEK | Larnaca"): in
/// the one such document of CoNLL train (on the second held-out fold), 100 of 144 names
/// right before, 120 after. Athletes' rows ("Greg Norman ( Australia ) 71") carry
/// scores of two digits or none after the first bracket; the pattern meets no other
/// document of CoNLL train or testa.
fn team_rows(doc: &Document, mentions: &mut Vec<Mention>) {
    let word = |t: usize| doc.token_text(t);
    let capital = |t: usize| word(t).starts_with(|c: char| c.is_uppercase());
    let n = doc.tokens.len();
    // "( Place ) 2": the bracket's place, closing bracket and score as (open, close)
    let brackets: Vec<(usize, usize)> = mentions
        .iter()
        .filter(|m| m.kind == EntityKind::Place && m.first_token > 0 && m.end_token + 1 < n)
        .filter(|m| word(m.first_token - 1) == "(" && word(m.end_token) == ")")
        .filter(|m| word(m.end_token + 1).len() == 1 && word(m.end_token + 1).chars().all(|c| c.is_ascii_digit()))
        .map(|m| (m.first_token - 1, m.end_token))
        .collect();
    let mut teams: Vec<Range<usize>> = Vec::new();
    for pair in brackets.windows(2) {
        let ((open1, close1), (open2, _)) = (pair[0], pair[1]);
        let second = close1 + 2..open2;
        if second.is_empty() || second.len() > 4 || !second.clone().all(capital) {
            continue;
        }
        // the first team's words start its line at the earliest ("In Tirana : Flamurtari Vlore")
        let line = doc.sentences.partition_point(|s| s.tokens.end <= open1);
        let from = doc.sentences.get(line).map_or(open1, |s| s.tokens.start).max(open1.saturating_sub(4));
        let first = (from..open1).rev().take_while(|&t| capital(t)).last().unwrap_or(open1)..open1;
        teams.extend([first, second].into_iter().filter(|r| !r.is_empty()));
    }
    if teams.is_empty() {
        return;
    }
    let same_words = |a: &Range<usize>, b: &Range<usize>| a.len() == b.len() && a.clone().zip(b.clone()).all(|(x, y)| word(x) == word(y));
    // elsewhere only where the model saw a name, and none reaching past the team's words
    let fits = |r: &Range<usize>| {
        let mut touching = mentions.iter().filter(|m| m.first_token < r.end && m.end_token > r.start).peekable();
        (touching.peek().is_some() || teams.contains(r)) && touching.all(|m| m.first_token >= r.start && m.end_token <= r.end)
    };
    let mut found: Vec<Range<usize>> = Vec::new();
    let mut t = 0;
    while t < n {
        let at = teams.iter().map(|r| t..t + r.len()).filter(|r| r.end <= n && teams.iter().any(|team| same_words(team, r)) && fits(r)).max_by_key(Range::len);
        match at {
            Some(r) => {
                t = r.end;
                found.push(r);
            }
            None => t += 1,
        }
    }
    mentions.retain(|m| !found.iter().any(|r| m.first_token < r.end && m.end_token > r.start));
    mentions.extend(found.into_iter().map(|r| Mention {
        span: Span::new(doc.tokens[r.start].start, doc.tokens[r.end - 1].end),
        kind: EntityKind::Organization,
        first_token: r.start,
        end_token: r.end,
    }));
    mentions.sort_by_key(|m| m.first_token);
}

/// True when a personal title ("President", "Mr", "Mr .") stands right before token `t`;
/// not "Miss", which opens pageants' names ("Miss Universe Inc.").
pub(crate) fn after_personal_title(doc: &Document, t: usize) -> bool {
    let word = |k: usize| doc.token_text(k);
    if t > 0 && word(t - 1).eq_ignore_ascii_case("miss") {
        return false;
    }
    match t {
        0 => false,
        _ if t >= 2 && word(t - 1) == "." => personal_titles(&[word(t - 2), ".", word(t)]) == 2,
        _ => personal_titles(&[word(t - 1), word(t)]) == 1,
    }
}

/// Joins mentions of one kind that touch (no token between) in one sentence: the decoder
/// sometimes ends a name a word early and starts another ("First Chicago | NBD
/// Corp."), where a name right after another of its kind is one name; CoNLL train has
/// 35 such pairs (places, bodies; no people) among 20,000 names.
fn join_adjacent(doc: &Document, mentions: &mut Vec<Mention>) {
    let starts_sentence = |t: usize| doc.sentences.binary_search_by_key(&t, |s| s.tokens.start).is_ok();
    let mut kept: Vec<Mention> = Vec::with_capacity(mentions.len());
    for m in mentions.drain(..) {
        match kept.last_mut() {
            Some(last) if last.end_token == m.first_token && last.kind == m.kind && !starts_sentence(m.first_token) => {
                last.span = Span::new(last.span.start, m.span.end);
                last.end_token = m.end_token;
            }
            _ => kept.push(m),
        }
    }
    *mentions = kept;
}

/// The mention a tagged token range makes, once trimmed, checked and classed by its head
/// noun; `None` when nothing of a name is left.
fn mention(doc: &Document, mut r: Range<usize>, kind: EntityKind) -> Option<Mention> {
    // a name never starts or ends on a quote mark or other punctuation the model
    // swept in ("” Baker"): trim such tokens, drop what is left with no word
    let wordy = |t: usize| doc.token_text(t).chars().any(char::is_alphanumeric);
    // a final dot belongs to the name only when it touches it ("Corp."), not in "Mich ."
    let own_dot = |t: usize| t > 0 && doc.token_text(t) == "." && doc.tokens[t - 1].end == doc.tokens[t].start;
    while r.start < r.end && !wordy(r.start) {
        r.start += 1;
    }
    while r.end > r.start && !(wordy(r.end - 1) || (r.end - 1 > r.start && own_dot(r.end - 1))) {
        r.end -= 1;
    }
    if r.is_empty() {
        return None;
    }
    // an abbreviated title alone ("Mr.") names no one; "Major" or "King" alone may
    if r.clone().all(|t| is_abbreviated_title(doc.token_text(t)) || doc.token_text(t) == ".") {
        return None;
    }
    // "Texas Open", "World Cup", "Gulf War": events, which are no person, body or place
    if r.len() > 1 && is_event_head(doc.token_text(r.end - 1)) {
        return None;
    }
    let span = Span::new(doc.tokens[r.start].start, doc.tokens[r.end - 1].end);
    // the head noun decides where the model, trained on 1996 wire text, guesses:
    // "Soas University", "Harbour Transport Company" are bodies, never people
    // and "Crane Island", "Hudson River" are places
    let head = doc.token_text(r.end - 1);
    let kind = match () {
        _ if r.len() > 1 && is_organisation_head(head) => EntityKind::Organization,
        _ if r.len() > 1 && is_place_head(head) => EntityKind::Place,
        _ => kind,
    };
    Some(Mention { span, kind, first_token: r.start, end_token: r.end })
}

/// Titles that, inside a run of capitalised words, end a body's or a place's name and
/// start a person's ("U.N. Ambassador Albright", "Security Council President").
/// Not "Commissioner" ("U.N. High Commissioner for Refugees" is a body), "Justice"
/// ("Department of Justice"), "King" ("Burger King") or "General" ("General Motors").
const INNER_TITLES: &[&str] = &[
    "president", "governor", "gov", "chairman", "chairwoman", "ceo", "director", "cardinal", "ambassador", "minister",
    "senator", "sen", "spokesman", "spokeswoman", "mayor", "coach",
];

/// Where a tagged run of words splits at a title after its first word: (the title's
/// index, the index of the person's first word after it and any further titles; the
/// end when nothing after them starts with a capital). `None` when there is no such
/// title, or no word before it.
///
/// ```
/// use precis::names::tagger::title_split;
/// assert_eq!(title_split(&["Federal", "Reserve", "Governor", "Lawrence", "Lindsey"]), Some((2, 3)));
/// assert_eq!(title_split(&["Acme", "Chairman", "and", "CEO", "Jo", "Bloggs"]), Some((1, 4)));
/// assert_eq!(title_split(&["Security", "Council", "President"]), Some((2, 3)));
/// assert_eq!(title_split(&["President", "Clinton"]), None);
/// assert_eq!(title_split(&["Burger", "King"]), None);
/// ```
pub fn title_split(words: &[&str]) -> Option<(usize, usize)> {
    let inner = |w: &str| {
        let w = w.trim_end_matches('.');
        w.len() <= 11 && INNER_TITLES.iter().any(|t| t.eq_ignore_ascii_case(w))
    };
    let title = (1..words.len()).find(|&i| inner(words[i]))?;
    // past the run of titles ("Chairman and CEO", "Gov ."); a person's name starts with a capital
    let mut person = title + 1;
    for (i, w) in words.iter().enumerate().skip(title + 1) {
        if super::is_title(w) || inner(w) || *w == "." {
            person = i + 1;
        } else if !(*w == "and" || *w == "&") {
            break;
        }
    }
    match words.get(person) {
        Some(w) if !w.starts_with(char::is_uppercase) => Some((title, words.len())),
        _ => Some((title, person)),
    }
}

/// Titles that only ever come before a person's name: never the first word of a body's
/// or a place's ("King's College", "Prince Edward Island", "General Motors", "St Louis",
/// "Bishop Auckland", "Major League" are why the others are not here).
const PERSONAL_TITLES: &[&str] = &[
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "senator", "sen", "rep", "representative",
    "gov", "governor", "chancellor", "pope", "rev", "reverend", "judge", "col", "colonel", "capt", "captain", "lt",
    "sgt", "sergeant", "mayor", "chairman", "chairwoman", "detective", "inspector", "commissioner", "ambassador",
    "sheikh", "emir", "archbishop", "cardinal", "admiral", "lieutenant", "corporal", "councillor", "cllr", "president",
];

/// How many of the first words of a tagged run are personal titles (and their dots)
/// before a capitalised word: 0 when none is, or when nothing capitalised follows.
///
/// ```
/// use precis::names::tagger::personal_titles;
/// assert_eq!(personal_titles(&["Councillor", "Agnes"]), 1);
/// assert_eq!(personal_titles(&["Mr", ".", "Okafor"]), 2);
/// assert_eq!(personal_titles(&["Prince", "Edward", "Island"]), 0);
/// assert_eq!(personal_titles(&["Mayor"]), 0);
/// ```
pub fn personal_titles(words: &[&str]) -> usize {
    let personal = |w: &str| {
        let w = w.trim_end_matches('.');
        w.len() <= 12 && PERSONAL_TITLES.iter().any(|t| t.eq_ignore_ascii_case(w))
    };
    let mut n = 0;
    while n < words.len() && (personal(words[n]) || (n > 0 && words[n] == ".")) {
        n += 1;
    }
    match words.get(n) {
        Some(w) if n > 0 && w.starts_with(char::is_uppercase) => n,
        _ => 0,
    }
}

/// Last words that make a multi-word name an organisation, whatever the model says.
const ORGANISATION_HEADS: &[&str] = &[
    "university", "college", "school", "institute", "department", "ministry", "council", "commission", "committee",
    "agency", "authority", "party", "company", "corporation", "corp", "corp.", "inc", "inc.", "ltd", "ltd.",
    "plc", "llc", "group", "association", "federation", "foundation", "court", "office", "board", "trust",
    "society", "hospital", "police", "army", "navy", "parliament", "senate", "congress", "administration", "bureau",
    "organisation", "organization",
];

/// Last words that make a multi-word name a place, whatever the model says.
const PLACE_HEADS: &[&str] = &[
    "island", "islands", "river", "lake", "mountain", "mountains", "valley", "bay", "peninsula", "sea", "ocean",
    "province", "street", "avenue", "road", "square", "harbour", "harbor", "canyon", "desert", "strait",
];

/// Last words that make a multi-word name an event (a tournament, a war, a prize, a law),
/// never a person, body or place: in CoNLL train no name ending in one is. Not "Day"
/// (Doris Day) nor "League" (the Muslim League).
const EVENT_HEADS: &[&str] = &[
    "open", "championship", "championships", "cup", "prix", "trophy", "classic", "masters", "olympics", "war", "prize",
    "agreement", "act", "rally", "tour", "series",
];

/// True when `word` is a head noun that only events have ("Open", "Cup", "War").
///
/// ```
/// assert!(precis::names::tagger::is_event_head("Cup"));
/// assert!(!precis::names::tagger::is_event_head("Island"));
/// ```
pub fn is_event_head(word: &str) -> bool {
    word.len() <= 13 && EVENT_HEADS.contains(&word.to_ascii_lowercase().as_str())
}

/// True when `word` is a head noun that only places have ("Island", "River"). Not "County":
/// "Notts County" and "Ross County" are football clubs.
///
/// ```
/// assert!(precis::names::tagger::is_place_head("Island"));
/// assert!(!precis::names::tagger::is_place_head("Company"));
/// ```
pub fn is_place_head(word: &str) -> bool {
    word.len() <= 10 && PLACE_HEADS.contains(&word.to_ascii_lowercase().as_str())
}

/// True when `word` is a head noun that only bodies have ("University", "Ministry", "Inc.").
///
/// ```
/// assert!(precis::names::tagger::is_organisation_head("University"));
/// assert!(!precis::names::tagger::is_organisation_head("Tsang"));
/// ```
pub fn is_organisation_head(word: &str) -> bool {
    word.len() <= 14 && ORGANISATION_HEADS.contains(&word.to_ascii_lowercase().as_str())
}

/// True when `word` is a title written as an abbreviation ("Mr", "Dr.", "Sen."), a word
/// that never is a name on its own.
///
/// ```
/// assert!(precis::names::tagger::is_abbreviated_title("Mr."));
/// assert!(!precis::names::tagger::is_abbreviated_title("Major"));
/// ```
pub fn is_abbreviated_title(word: &str) -> bool {
    const ABBREVIATED: &[&str] = &["mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "capt", "lt", "sgt", "rev", "cllr"];
    let w = word.trim_end_matches('.');
    w.len() <= 4 && ABBREVIATED.iter().any(|a| a.eq_ignore_ascii_case(w))
}
