//! People, organisations and places: the [`NameTagger`] finds mentions in sentences,
//! the [`EntityMerger`] joins mentions of the same thing under one canonical name.
//! [`features`] and [`model`] are the parts of the learned tagger that its trainer
//! (`examples/train_names.rs`) shares.

pub mod clusters;
pub mod entities;
pub mod features;
pub mod gazetteer;
pub mod model;
pub mod tagger;

pub use entities::EntityMerger;
pub use tagger::{Mention, NameTagger};
use crate::words::{with_lower, WordList};

/// Titles and honorifics that precede a name but are not part of it.
pub const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "president", "senator", "sen",
    "rep", "representative", "gov", "governor", "minister", "secretary", "chancellor", "king", "queen", "prince",
    "princess", "pope", "rev", "reverend", "father", "judge", "justice", "gen", "general", "col", "colonel", "capt",
    "captain", "lt", "sgt", "sergeant", "officer", "mayor", "chairman", "chairwoman", "ceo", "coach", "detective",
    "inspector", "chief", "premier", "commissioner", "ambassador", "speaker", "vice", "deputy", "sheikh", "emir",
    "archbishop", "bishop", "cardinal", "mrs.", "mr.", "dr.", "prof.", "st", "saint", "sister", "brother", "uncle",
    "aunt", "admiral", "major", "lieutenant", "corporal", "private", "agent", "attorney", "councillor", "cllr",
];

/// True when `word` (any case, with or without a final dot) is a title.
///
/// ```
/// assert!(precis::names::is_title("Prof"));
/// assert!(precis::names::is_title("Mr."));
/// assert!(!precis::names::is_title("Steve"));
/// ```
pub fn is_title(word: &str) -> bool {
    static SET: WordList = WordList::new(TITLES);
    with_lower(word.trim_end_matches('.'), |w| SET.contains(w))
}
