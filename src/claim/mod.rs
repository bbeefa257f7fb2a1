/*!
Stage 5: mentions → [`Claim`]s, what a sentence states about a metric.

The claim stage is a small clause grammar, one file a step:

1. `clause.rs`: a sentence becomes tokens (words, figures, dates,
   punctuation) and is cut into clauses at coordination ("and", "while",
   "as well as", ";", a relative "which"); a piece without a figure joins
   the clause it belongs to.
2. `metric.rs`: each clause's metric is the noun phrase before its anchor
   (the first change, level or comparison word), without determiners,
   possessive names and trailing period phrases; or, failing that, the
   phrase after its figure ("$142 million of operating cash flow").
3. `frame.rs`: each figure gets a role from the words beside it (level,
   change, from, to); figures fill a frame left to right, and a role
   already filled starts a new frame for the same metric, so one sentence
   gives one claim per comparison. A clause with no metric of its own
   continues the frame before it (shared subject, shared level).
4. This module: frames become [`Claim`]s with their basis (the phrase
   tables of [`phrases`], shared across coordinated clauses), period (a
   date in the clause, the sentence, a table header line, the document's
   main period), guidance (`forward`, only when a guidance cue governs the
   figure), subject, speaker and the consistency [`Check`]. "...,
   respectively" sentences pair the n metrics with the n figures of each
   role.

Every word list is one table in [`phrases`]. Every step is linear in the
sentence's length, and sentences are bounded ([`MAX_SENTENCE`]).
*/

mod assemble;
mod clause;
pub mod concept;
mod context;
mod frame;
mod metric;
pub mod phrases;
#[cfg(test)]
mod tests;

pub use assemble::{MAX_SENTENCE, analyze};

// The claim records live in `crate::record`; they are re-exported here so
// that `claimscan::claim::Claim` and the other old paths of the public API
// keep working.
pub use crate::record::{Analysis, Change, Check, Claim, Direction, Level};
