//! A claim: what a sentence states about a metric (the `claim` record),
//! and the claim stage's findings for one document.

use super::Kind;

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
    /// The metric's concept id (`revenue`, `eps`, ...; `other` when none
    /// fits; `None` when there is no metric).
    pub concept: Option<&'static str>,
    /// What makes the measure specific, sorted: `adjusted`, `gaap`,
    /// `organic`, `constant_currency`, `segment:<name>`.
    pub qualifiers: Vec<String>,
}

/// What the claim stage found in one document.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Analysis {
    /// The claims, in document order.
    pub claims: Vec<Claim>,
    /// Skill mentions (by index) linked to the period of their sentence.
    pub skill_periods: Vec<(usize, String)>,
    /// Sentences cut because they were longer than
    /// [`crate::claim::MAX_SENTENCE`].
    pub cut_sentences: usize,
}
