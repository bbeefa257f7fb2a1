//! A mention: one typed value found in a text (the `mention` record).

use std::fmt;

/// The kinds of mention we extract.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// Percentages, percentage points and basis points.
    Percent,
    /// Plain counts ("855,000 clients").
    Count,
    /// Money amounts.
    Money,
    /// Dates and fiscal periods.
    Date,
    /// Skills from the lexicon.
    Skill,
}

impl Kind {
    /// Every kind, in output order of precedence.
    pub const ALL: [Kind; 5] =
        [Kind::Percent, Kind::Count, Kind::Money, Kind::Date, Kind::Skill];

    /// The name used in the output contract.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Percent => "percent",
            Kind::Count => "count",
            Kind::Money => "money",
            Kind::Date => "date",
            Kind::Skill => "skill",
        }
    }

    /// Parses a contract name.
    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Index into per-kind arrays.
    pub fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A normalized value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// Percent, count and money values.
    Number(f64),
    /// Date values (TIMEX3-style) and canonical skill names.
    Text(String),
}

impl Value {
    /// The number, for numeric kinds.
    pub fn as_f64(&self) -> Option<f64> {
        match *self {
            Value::Number(n) => Some(n),
            Value::Text(_) => None,
        }
    }

    /// The text, for dates and skills.
    pub fn as_text(&self) -> Option<&str> {
        match self {
            Value::Number(_) => None,
            Value::Text(s) => Some(s),
        }
    }
}

/// One typed value found in a text. Offsets are bytes into the text that
/// was extracted from.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// What it is.
    pub kind: Kind,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset after the last byte.
    pub end: usize,
    /// The normalized value.
    pub value: Value,
    /// The unit (ISO currency, `%`/`pp`/`bp`, counted noun, taxonomy id).
    pub unit: Option<String>,
}

impl Mention {
    /// A date that names no period: TIMEX3's `PRESENT_REF`, `PAST_REF`,
    /// `FUTURE_REF` ("now", "recently"). Claims do not take these as
    /// periods.
    pub fn is_vague_date(&self) -> bool {
        self.kind == Kind::Date
            && self.value.as_text().is_some_and(|v| v.ends_with("_REF"))
    }
}
