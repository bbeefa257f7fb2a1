/*!
Stage 5: mentions → [`Claim`]s, what a sentence states about a metric.

For each sentence ([`crate::segment::sentence`]) we find the *anchors* that
state a level or a change — change verbs and nouns (`rose`, `fell`,
`growing`, `a 250 basis point increase`), level verbs (`was`, `totaled`,
`reached`) and `METRIC of VALUE` — and split the sentence into one clause
per anchor, so "clients rose 43% year-over-year, with volume growing 52%
and professionals rising 41%" gives three claims. For each clause
([`analyze`]):

- `metric`: the noun phrase before the anchor, without connectors,
  determiners, possessive company names and leading periods;
- `change` and `direction` from the anchor and the first percentage (or
  amount after `by`); `from`/`to` from `from X to Y`, `to Y from X`,
  `compared with X`, `versus X`; `value` is the level reached;
- `basis` from `year-over-year`, `from a year earlier`, `sequentially`,
  `quarter-over-quarter` in the clause, or shared from the sentence;
- `period` from a quarter, half or fiscal-year mention in the clause or
  sentence, else the document's main period;
- `forward` from guidance words (`expects`, `sees`, `outlook`, `guidance`,
  `forecasts`, `targets`, `on track to`);
- `subject` from a possessive company name in the sentence, else the
  company the document names most;
- `speaker` from the transcript turn ([`crate::segment::transcript`]) or a
  news attribution ("said Chief Financial Officer Erica Lindqvist").

Claims with a change and both `from` and `to` get a `check`: the change
computed from the endpoints and whether the stated one agrees within
rounding.
*/

mod assemble;

pub use assemble::{Analysis, analyze};

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
