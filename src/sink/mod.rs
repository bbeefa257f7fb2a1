/*!
Stage 6: records out.

A [`Sink`] turns one document's mentions (or one input error) into output
bytes. Encoding runs on the worker threads, in parallel; the pipeline then
writes each document's bytes in input order, so the output does not depend
on the thread count. [`Summary`] accumulates the counts that the binary
prints at the end.
*/

pub mod jsonl;
mod summary;
pub mod table;

pub use jsonl::JsonlSink;
pub use summary::Summary;

use crate::record::{Analysis, Document, InputError, Mention};

/// Encodes records. Implementations must be stateless (`Sync`): they are
/// called from every worker at once.
pub trait Sink: Sync {
    /// Appends the records of one document to `out`.
    fn encode_document(
        &self,
        doc: &Document,
        mentions: &[Mention],
        analysis: &Analysis,
        out: &mut Vec<u8>,
    );

    /// Appends the record of one input error (or warning) to `out`.
    fn encode_error(&self, err: &InputError, out: &mut Vec<u8>);
}
