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

pub use assemble::{Analysis, MAX_SENTENCE, analyze};

use crate::extract::Kind;

/// A level: a number with its unit and kind.
#[derive(Clone, Debug, PartialEq)]
pub struct Level {
    /// The number (in units of the currency for money).
    pub value: f64,
    /// `%`, `pp`, `bp`, an ISO code, a counted noun, or none.
    pub unit: Option<String>,
    /// The mention kind it came from.
    pub kind: Kind,
}

/// The size of a change (always positive).
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// The size.
    pub value: f64,
    /// Its unit.
    pub unit: Option<String>,
}

/// Direction of a change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// Rose, grew, increased.
    Up,
    /// Fell, declined, dropped.
    Down,
    /// Flat, unchanged.
    Flat,
}

impl Direction {
    /// The contract's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Up => "up",
            Direction::Down => "down",
            Direction::Flat => "flat",
        }
    }
}

/// The consistency of a stated change with its endpoints.
#[derive(Clone, Debug, PartialEq)]
pub struct Check {
    /// The change computed from `from` and `to`, signed, in the stated
    /// change's unit (`%` relative change, `pp` or `bp` differences, or the
    /// amount).
    pub computed: f64,
    /// The stated change, signed by its direction.
    pub stated: f64,
    /// True when they agree within the rounding of the stated figure.
    pub agrees: bool,
}

/// A statement about a metric. Offsets are bytes into the document text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Claim {
    /// Start of the clause.
    pub start: usize,
    /// End of the clause.
    pub end: usize,
    /// The measured noun phrase, as written.
    pub metric: String,
    /// The company or entity.
    pub subject: Option<String>,
    /// The level reached.
    pub value: Option<Level>,
    /// The size of the change.
    pub change: Option<Change>,
    /// Up, down or flat.
    pub direction: Option<Direction>,
    /// The upper end of a range ("$1.82 billion to $1.83 billion"), whose
    /// lower end is `value`.
    pub high: Option<Level>,
    /// The earlier level.
    pub from: Option<Level>,
    /// The later level.
    pub to: Option<Level>,
    /// `yoy`, `qoq` or `sequential`.
    pub basis: Option<&'static str>,
    /// TIMEX3-style period.
    pub period: Option<String>,
    /// Who said it.
    pub speaker: Option<String>,
    /// Guidance, outlook or forecast.
    pub forward: bool,
    /// Indices (into the document's mentions) of the mentions used.
    pub mentions: Vec<usize>,
    /// The consistency check, when change, from and to are all given.
    pub check: Option<Check>,
}
