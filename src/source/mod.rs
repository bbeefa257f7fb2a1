/*!
Stage 1: which inputs to read.

[`walk`] turns the paths given on the command line into a stream of
[`Source`]s (or per-path errors) in a deterministic order: folders are
walked recursively with entries sorted by name, so the same tree gives the
same order, and therefore the same output, on every run.
*/

mod walk;

use std::path::PathBuf;

pub use walk::{Walk, WalkOptions, walk};

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
