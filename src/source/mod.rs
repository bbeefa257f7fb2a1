/*!
Stage 1: which inputs to read.

[`walk`] turns the paths given on the command line into a stream of
[`Source`]s (or per-path errors) in a deterministic order: folders are
walked recursively with entries sorted by name, so the same tree gives the
same order, and therefore the same output, on every run.
*/

mod walk;

pub use walk::{WalkOptions, walk};

// The inputs this stage hands to the reader live in `crate::record`; they
// are re-exported here so that `claimscan::source::Source` and the other
// old paths of the public API keep working.
pub use crate::record::{Location, Source, Walk};
