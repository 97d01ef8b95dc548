//! Who said what: the [`QuoteFinder`] finds quoted words, the [`QuoteAttributor`] gives
//! each one its speaker, resolved to an entity where it can, and adds reported speech
//! ("X said that …", "according to X, …").
//!
//! The stages inside: [`cues`] knows the words that attribute speech, `speaker` reads the
//! phrase that names a speaker next to a cue, `reported` finds reported speech, and
//! `resolve` turns "he" or "the company" into an entity of the article.

pub mod attributor;
pub mod cues;
pub mod finder;
mod reported;
mod resolve;
mod speaker;

pub use attributor::QuoteAttributor;
pub use cues::{cue_strength, is_cue};
pub use finder::{FoundQuote, QuoteFinder};
