//! Who said what: the [`QuoteFinder`] finds quoted words and reported speech, the
//! [`QuoteAttributor`] gives each one its speaker, resolved to an entity where it can.

pub mod attributor;
pub mod finder;

pub use attributor::QuoteAttributor;
pub use finder::{FoundQuote, QuoteFinder};

/// Verbs and phrases that attribute speech, in the forms news text uses.
pub const CUE_VERBS: &[&str] = &[
    "said", "says", "say", "told", "tells", "added", "adds", "warned", "warns", "wrote", "writes", "tweeted", "tweets",
    "argued", "argues", "explained", "explains", "claimed", "claims", "insisted", "insists", "noted", "notes",
    "stated", "states", "asked", "asks", "replied", "replies", "continued", "continues", "declared", "declares",
    "announced", "announces", "admitted", "admits", "acknowledged", "acknowledges", "suggested", "suggests",
    "recalled", "recalls", "stressed", "stresses", "emphasized", "emphasised", "observed", "remarked", "commented",
    "confirmed", "confirms", "denied", "denies", "predicted", "predicts", "promised", "promises", "vowed", "vows",
    "urged", "urges", "cautioned", "conceded", "concedes", "contended", "maintained", "maintains", "posted", "responded",
    "responds", "shouted", "yelled", "joked", "jokes", "quipped", "boasted", "complained", "complains", "agreed",
    "agrees", "believes", "believed", "thinks", "thought", "reported", "reports", "testified", "pointed",
];

/// True when `word` (any case) is a cue verb.
///
/// ```
/// assert!(precis::quotes::is_cue("Said"));
/// assert!(!precis::quotes::is_cue("bread"));
/// ```
pub fn is_cue(word: &str) -> bool {
    let w = word.to_lowercase();
    CUE_VERBS.contains(&w.as_str())
}
