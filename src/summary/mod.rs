//! The summary: the [`SentenceScorer`] rates every sentence, the [`Selector`] picks the
//! best few without repeating itself and returns them in text order.

pub mod scorer;
pub mod selector;

pub use scorer::SentenceScorer;
pub use selector::Selector;
