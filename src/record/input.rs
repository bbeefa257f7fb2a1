//! An input to read: what the walk (stage 1) hands to the readers.

use std::path::PathBuf;

use super::InputError;

/// One input to read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// Where the bytes come from.
    pub location: Location,
    /// The document id: the path relative to the root it was found under,
    /// or the path as given for a single file, or `-` for stdin.
    pub doc_id: String,
    /// Size in bytes when known before reading.
    pub size: Option<u64>,
}

/// Where a source's bytes are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Location {
    /// A file.
    File(PathBuf),
    /// Standard input.
    Stdin,
}

impl Source {
    /// The file path, if any.
    pub fn path(&self) -> Option<&std::path::Path> {
        match &self.location {
            Location::File(p) => Some(p),
            Location::Stdin => None,
        }
    }
}

/// One item of the walk.
#[derive(Debug)]
pub enum Walk {
    /// A file (or stdin) to read.
    Source(Source),
    /// A path that could not be walked.
    Error(InputError),
    /// A file skipped because of its type (counted, not read).
    Skipped(PathBuf),
    /// A folder's README, skipped (counted apart, not read).
    Readme(PathBuf),
}

impl Walk {
    /// The input's key for `--shard` and `--resume`: its path, or the
    /// document id where there is none.
    pub fn key(&self) -> String {
        match self {
            Walk::Source(s) => match s.path() {
                Some(p) => p.to_string_lossy().into_owned(),
                None => s.doc_id.clone(),
            },
            Walk::Error(e) => e
                .path
                .as_ref()
                .map(|p| p.to_string_lossy().into_owned())
                .or_else(|| e.doc.clone())
                .unwrap_or_default(),
            Walk::Skipped(p) | Walk::Readme(p) => {
                p.to_string_lossy().into_owned()
            }
        }
    }
}
