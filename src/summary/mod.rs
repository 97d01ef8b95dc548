//! The summary: the [`SentenceScorer`] rates every sentence with a learned model over
//! [`features`], the [`Selector`] picks the best few that are fit to stand alone
//! ([`shape`]), without repeating itself, and returns them in text order.

pub mod features;
pub mod scorer;
pub mod selector;
pub mod shape;
mod weights;

pub use scorer::SentenceScorer;
pub use selector::Selector;
