//! Claim periods (TIMEX3-style strings) and when two of them name the same
//! time: `2021-Q3`, `FY2021-Q3` and `XXXX-Q3` are one quarter; a quarter
//! is never a year, a half or another quarter.

/// What part of a year a period names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// The whole year.
    Year,
    /// A half (1 or 2).
    Half(u8),
    /// A quarter (1 to 4).
    Quarter(u8),
    /// A month.
    Month(u8),
    /// A day (a balance at a date).
    Day(u8, u8),
    /// Anything else (seasons, weeks, ranges).
    Other,
}

/// A parsed period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Period {
    /// The year when stated.
    pub year: Option<i32>,
    /// Fiscal (`FY`) or calendar.
    pub fiscal: bool,
    /// The part of the year.
    pub part: Part,
}

impl Period {
    /// Reads a claim's period.
    pub fn parse(s: &str) -> Period {
        let (fiscal, s) = match s.strip_prefix("FY") {
            Some(rest) => (true, rest),
            None => (false, s),
        };
        let mut it = s.split('-');
        let year = it.next().and_then(|y| y.parse::<i32>().ok());
        let rest: Vec<&str> = it.collect();
        let num = |t: &str, p: char| {
            t.strip_prefix(p).and_then(|n| n.parse::<u8>().ok())
        };
        let part = match rest.as_slice() {
            [] => Part::Year,
            [q] if num(q, 'Q').is_some() => {
                Part::Quarter(num(q, 'Q').unwrap_or(0))
            }
            [h] if num(h, 'H').is_some() => {
                Part::Half(num(h, 'H').unwrap_or(0))
            }
            [m] if m.len() == 2 && m.parse::<u8>().is_ok() => {
                Part::Month(m.parse().unwrap_or(0))
            }
            [m, d] if m.parse::<u8>().is_ok() && d.parse::<u8>().is_ok() => {
                Part::Day(m.parse().unwrap_or(0), d.parse().unwrap_or(0))
            }
            _ => Part::Other,
        };
        Period { year, fiscal, part }
    }
}

impl Period {
    /// The quarter's number, for a quarter.
    pub fn quarter(&self) -> Option<u8> {
        match self.part {
            Part::Quarter(n) => Some(n),
            _ => None,
        }
    }
}

/// How two periods match.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Match {
    /// Different times.
    No,
    /// Maybe the same (one is unknown, or a day against a longer period).
    Loose,
    /// The same time (a year left out on one side counts as the same).
    Exact,
}

/// Do two claims' periods name the same time?
pub fn compatible(a: Option<&Period>, b: Option<&Period>) -> Match {
    let (a, b) = match (a, b) {
        (None, None) => return Match::Exact,
        (Some(a), Some(b)) => (a, b),
        _ => return Match::Loose,
    };
    let years = match (a.year, b.year) {
        (Some(x), Some(y)) if x == y => Match::Exact,
        // Fiscal and calendar years of one period may be numbered apart.
        (Some(x), Some(y)) if (x - y).abs() == 1 && a.fiscal != b.fiscal => {
            Match::Loose
        }
        // Within one pair a different year is more often a year inferred
        // wrongly than another period: it may support, never contradict.
        (Some(_), Some(_)) => Match::Loose,
        _ => Match::Exact,
    };
    let parts = match (a.part, b.part) {
        (x, y) if x == y => Match::Exact,
        (Part::Other, _) | (_, Part::Other) => Match::Loose,
        (Part::Day(..), _) | (_, Part::Day(..)) => Match::Loose,
        _ => Match::No,
    };
    match (years, parts) {
        (Match::No, _) | (_, Match::No) => Match::No,
        (Match::Exact, Match::Exact) => Match::Exact,
        _ => Match::Loose,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(a: Option<&str>, b: Option<&str>) -> Match {
        let a = a.map(Period::parse);
        let b = b.map(Period::parse);
        compatible(a.as_ref(), b.as_ref())
    }

    #[test]
    fn periods_meet() {
        assert_eq!(m(Some("2021-Q3"), Some("FY2021-Q3")), Match::Exact);
        assert_eq!(m(Some("XXXX-Q3"), Some("2021-Q3")), Match::Exact);
        assert_eq!(m(Some("2021-Q3"), Some("2021-Q2")), Match::No);
        assert_eq!(m(Some("2021-Q3"), Some("FY2021")), Match::No);
        assert_eq!(m(Some("2021-Q3"), Some("2020-Q3")), Match::Loose);
        assert_eq!(m(Some("FY2022-Q1"), Some("2021-Q1")), Match::Loose);
        assert_eq!(m(Some("2021-09-30"), Some("2021-Q3")), Match::Loose);
        assert_eq!(m(None, Some("2021-Q3")), Match::Loose);
        assert_eq!(m(None, None), Match::Exact);
        assert_eq!(m(Some("FY2021"), Some("2021")), Match::Exact);
    }
}
