//! What can go wrong, said so that a person can act on it.

use std::fmt;

/// An input Précis will not analyse.
///
/// ```
/// let e = precis::Error::TooLarge { bytes: 20_000_000, limit: 16_777_216 };
/// assert_eq!(e.to_string(), "the input is 20000000 bytes; the limit is 16777216 bytes");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// The input is larger than the limit.
    TooLarge {
        /// Size of the input in bytes.
        bytes: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// A request line could not be read.
    BadRequest {
        /// What is wrong with it.
        reason: String,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::TooLarge { bytes, limit } => write!(f, "the input is {bytes} bytes; the limit is {limit} bytes"),
            Error::BadRequest { reason } => write!(f, "bad request: {reason}"),
        }
    }
}

impl std::error::Error for Error {}
