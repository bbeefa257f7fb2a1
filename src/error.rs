/*!
Errors. A run distinguishes two kinds of failure:

- per-input problems (a file that cannot be read, a binary file, invalid
  UTF-8): they become `error` records in the output and a count in the
  summary, and the run carries on ([`InputError`], a record, defined in
  [`crate::record`]);
- fatal problems (the output cannot be written, the thread pool cannot
  start): the run stops ([`Error`]).
*/

use std::fmt;
use std::io;

// The `error` record lives in `crate::record`; it is re-exported here so
// that `claimscan::error::InputError` keeps working.
pub use crate::record::{InputError, Severity};

/// A fatal error that stops a run.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// Writing the output failed.
    Output(io::Error),
    /// The thread pool could not be built.
    Threads(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Output(e) => write!(f, "output error: {e}"),
            Error::Threads(e) => write!(f, "thread pool error: {e}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Output(e) => Some(e),
            Error::Threads(_) => None,
        }
    }
}

impl From<io::Error> for Error {
    fn from(e: io::Error) -> Error {
        Error::Output(e)
    }
}
