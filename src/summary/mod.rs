//! The summary: the [`SentenceScorer`] rates every sentence with a learned model over
//! [`features`], the [`Selector`] picks the best few that are fit to stand alone
//! ([`shape`]), without repeating itself, and returns them in text order; a short summary
//! leaves out a sentence's leading adverbial or trailing aside ([`trim`]).

pub mod features;
pub mod scorer;
pub mod selector;
pub mod shape;
pub mod trim;
mod weights;

pub use scorer::SentenceScorer;
pub use selector::Selector;
