//! Cue words: the verbs and nouns that attribute speech ("said", "told", "tweeted",
//! "according"), with a strength in 0..=1.
//!
//! Two sources: a short hand-written list of speech verbs (strength 1), and a lexicon
//! learned from annotated news (`cues.tsv`, written by `examples/train_quotes.rs`), where
//! the strength is the share of a word's uses that were annotated as an attribution cue.

use crate::words::{WordList, WordTable};
use std::sync::OnceLock;

/// Speech verbs in the forms news text uses; always cues.
pub const CUE_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tells",
    "telling",
    "added",
    "adds",
    "adding",
    "warned",
    "warns",
    "wrote",
    "writes",
    "tweeted",
    "tweets",
    "argued",
    "argues",
    "explained",
    "explains",
    "claimed",
    "claims",
    "insisted",
    "insists",
    "noted",
    "notes",
    "stated",
    "states",
    "asked",
    "asks",
    "replied",
    "replies",
    "continued",
    "continues",
    "declared",
    "declares",
    "announced",
    "announces",
    "admitted",
    "admits",
    "acknowledged",
    "acknowledges",
    "suggested",
    "suggests",
    "recalled",
    "recalls",
    "stressed",
    "stresses",
    "emphasized",
    "emphasised",
    "observed",
    "remarked",
    "commented",
    "confirmed",
    "confirms",
    "denied",
    "denies",
    "predicted",
    "predicts",
    "promised",
    "vowed",
    "vows",
    "urged",
    "urges",
    "cautioned",
    "conceded",
    "concedes",
    "contended",
    "maintained",
    "maintains",
    "posted",
    "responded",
    "responds",
    "shouted",
    "yelled",
    "joked",
    "quipped",
    "boasted",
    "complained",
    "agreed",
    "testified",
    "according",
    "exclaimed",
    "lamented",
    "countered",
    "retorted",
];

/// The learned lexicon: `word<TAB>strength` lines.
const LEARNED: &str = include_str!("cues.tsv");

/// Every cue word's strength: the learned lexicon, with the speech verbs of [`CUE_VERBS`]
/// at 1 over whatever was learned for them, so a word costs one lookup.
fn strengths() -> &'static WordTable<f32> {
    static TABLE: OnceLock<WordTable<f32>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let learned = LEARNED.lines().filter_map(|l| {
            let (w, s) = l.split_once('\t')?;
            Some((w, crate::decimal::parse_f32(s.trim())?))
        });
        learned.chain(CUE_VERBS.iter().map(|&w| (w, 1.0))).collect()
    })
}

/// Lower-cases an ASCII word into `buf`; `None` for words that cannot be cues.
fn lower<'b>(word: &str, buf: &'b mut [u8; 24]) -> Option<&'b str> {
    let b = word.as_bytes();
    if b.is_empty() || b.len() > buf.len() || !b.iter().all(u8::is_ascii_alphabetic) {
        return None;
    }
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..b.len()]).ok()
}

/// How strongly `word` (any case) signals attributed speech: 1 for the speech verbs of
/// [`CUE_VERBS`], the learned share for other words, 0 for the rest.
///
/// ```
/// use precis::quotes::cue_strength;
/// assert_eq!(cue_strength("Said"), 1.0);
/// assert_eq!(cue_strength("bread"), 0.0);
/// ```
pub fn cue_strength(word: &str) -> f32 {
    let mut buf = [0u8; 24];
    let Some(w) = lower(word, &mut buf) else {
        return 0.0;
    };
    strengths().get(w).copied().unwrap_or(0.0)
}

/// True when `word`, as written in running text, is a cue of speech: a lower-case speech
/// verb, or a learned cue word used as a cue in most of its uses. Capitalised words are
/// names here ("the United States", "Says Who"), not cues.
///
/// ```
/// assert!(precis::quotes::is_cue("tweeted"));
/// assert!(!precis::quotes::is_cue("bread"));
/// assert!(!precis::quotes::is_cue("States"));
/// ```
pub fn is_cue(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_lowercase()) && cue_strength(word) >= 0.6
}

/// Learned cue words that are not verbs of speech or thought: they sit in annotated cue
/// spans ("also said", "was furious that", "allegations of") but introduce no clause.
const NOT_REPORTING: &[&str] = &[
    // read as reported speech, right in under a quarter of PolNeAR dev's cases: nouns
    // ("in 25 states", "a note") and verbs of seeming, not saying
    "states",
    "note",
    "seems",
    "seem",
    "seemed",
    "appears",
    "appeared",
    "considered",
    "sounded",
    "repeated",
    // signing a bill or an order is an act, not a statement of what it says
    "signed",
    "embrace",
    "assumed",
    "about",
    "also",
    "afterward",
    "aware",
    "bitter",
    "confident",
    "eager",
    "enthusiastic",
    "favorable",
    "frequent",
    "fun",
    "furious",
    "guilty",
    "harsh",
    "hopeful",
    "nervous",
    "obvious",
    "quick",
    "reluctant",
    "skeptical",
    "supportive",
    "unaware",
    "unhappy",
    "upon",
    "vocal",
    "wary",
    "went",
    "passion",
    "sentiment",
    "notion",
    "consensus",
    "criticism",
    "accusations",
    "allegations",
    "assertion",
    "assumption",
    "complaints",
    "concern",
    "description",
    "determination",
    "disbelief",
    "rejection",
    "refusal",
    "speculation",
    "statement",
    "suggestion",
    "warnings",
    "petition",
    "proponent",
    "telephone",
    "known",
    "designed",
    "passed",
    "drew",
    "stuck",
    "touched",
    "covered",
    "hired",
    "imposed",
    "laid",
    "titled",
    "reads",
    "positioned",
    "adopted",
    "allows",
    "cast",
    "knocked",
];

/// The least strength of a cue that marks reported speech without quote marks: tuned on
/// PolNeAR dev, where a reading from a weaker cue is right too seldom to be worth showing.
const MIN_REPORTING: f32 = 0.22;

/// Every word [`is_reporting_cue`] is true for.
pub(crate) fn reporting_cues() -> impl Iterator<Item = &'static str> {
    strengths().keys().copied().filter(|w| is_reporting_cue(w))
}

/// True for the cues strong enough to mark reported speech without quote marks.
pub(crate) fn is_reporting_cue(word: &str) -> bool {
    static NOT: WordList = WordList::new(NOT_REPORTING);
    // the strength first: most words are no cue at all
    cue_strength(word) >= MIN_REPORTING && word.bytes().all(|b| b.is_ascii_lowercase()) && !NOT.contains(word)
}
