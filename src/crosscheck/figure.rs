/*!
Figures of a claim, and when two figures agree.

Two figures agree when one is the other rounded: the tolerance is half a
unit in the last place of the less precise one, as written ("2.5 percent"
is good to 0.05, "$1.82 billion" to $5 million, "83 cents" to half a
cent). Scales and spellings are already normalized by the extractors
($1,729 million and $1.729 billion are both 1.729e9). Percentage points and
basis points compare as points.
*/

use crate::record::{Claim, Direction, Kind, Level, Mention};

/// Which field of a claim a figure fills.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// The level reached (`value`, the upper end `high`, or `to`).
    Level,
    /// The earlier level (`from`).
    From,
    /// The change.
    Change,
}

/// One figure of a claim.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    /// The contract's field name: `value`, `change`, `from` or `to`.
    pub field: &'static str,
    /// What it is compared with.
    pub role: Field,
    /// The number (points for `pp` and `bp`).
    pub value: f64,
    /// The unit as the claim has it.
    pub unit: Option<String>,
    /// What kind of quantity (a change's kind follows its unit).
    pub kind: Kind,
    /// Half a unit in the last place written.
    pub half_ulp: f64,
    /// The figure as written, for `why`.
    pub text: String,
    /// For a change: its direction.
    pub direction: Option<Direction>,
    /// Byte span in the document, when the mention was found.
    pub span: Option<(usize, usize)>,
    /// The upper end of a range (whose lower end is the figure before).
    pub high: bool,
}

/// The figures a claim states, in the contract's field order.
pub fn figures(text: &str, mentions: &[Mention], c: &Claim) -> Vec<Figure> {
    let mut out = Vec::new();
    let level = |field: &'static str, role: Field, l: &Level| {
        figure(text, mentions, c, field, role, l.value, &l.unit, l.kind)
    };
    if let Some(l) = &c.value {
        out.push(level("value", Field::Level, l));
    }
    // A range of changes read as a change and an upper level ("a price
    // increase of 2 to 4 percent"): the upper end is a change too.
    let change_range = c.value.is_none()
        && c.from.is_none()
        && c.to.is_none()
        && c.high.as_ref().is_some_and(|h| {
            h.kind == Kind::Percent
                && c.change.as_ref().is_some_and(|ch| ch.unit == h.unit)
        });
    if let Some(l) = c.high.as_ref().filter(|_| !change_range) {
        let mut f = level("value", Field::Level, l);
        f.high = true;
        out.push(f);
    }
    if let Some(l) = &c.from {
        out.push(level("from", Field::From, l));
    }
    if let Some(l) = &c.to {
        out.push(level("to", Field::Level, l));
    }
    if let Some(ch) = &c.change {
        let kind = match ch.unit.as_deref() {
            Some("%" | "pp" | "bp") => Kind::Percent,
            Some(u)
                if u.len() == 3
                    && u.bytes().all(|b| b.is_ascii_uppercase()) =>
            {
                Kind::Money
            }
            _ => Kind::Count,
        };
        let mut f = figure(
            text,
            mentions,
            c,
            "change",
            Field::Change,
            ch.value,
            &ch.unit,
            kind,
        );
        f.direction = c.direction;
        out.push(f);
    }
    if let Some(l) = c.high.as_ref().filter(|_| change_range) {
        let mut f = level("change", Field::Change, l);
        f.high = true;
        f.direction = c.direction;
        out.push(f);
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn figure(
    text: &str,
    mentions: &[Mention],
    c: &Claim,
    field: &'static str,
    role: Field,
    value: f64,
    unit: &Option<String>,
    kind: Kind,
) -> Figure {
    // The mention that wrote this number: its text gives the precision.
    let m = c
        .mentions
        .iter()
        .filter_map(|&i| mentions.get(i))
        .find(|m| m.value.as_f64().is_some_and(|v| close(v, value)))
        // A range's upper end may not be among the claim's mentions: any
        // mention of that value in the clause.
        .or_else(|| {
            mentions.iter().find(|m| {
                m.start >= c.start
                    && m.end <= c.end
                    && m.kind == kind
                    && m.value.as_f64().is_some_and(|v| close(v, value))
            })
        });
    let (written, span) = match m {
        Some(m) => {
            (text.get(m.start..m.end).unwrap_or(""), Some((m.start, m.end)))
        }
        None => ("", None),
    };
    let half_ulp = precision(written, value);
    let (value, half_ulp) = match unit.as_deref() {
        Some("bp") => (value / 100.0, half_ulp / 100.0),
        _ => (value, half_ulp),
    };
    let text = if written.is_empty() {
        plain(value, unit.as_deref())
    } else {
        written.to_string()
    };
    Figure {
        field,
        role,
        value,
        unit: unit.clone(),
        kind,
        half_ulp,
        text,
        direction: None,
        span,
        high: false,
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// A figure without its written form: the number and its unit.
fn plain(value: f64, unit: Option<&str>) -> String {
    let n = if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    };
    match unit {
        Some("%") => format!("{n}%"),
        Some(u) => format!("{n} {u}"),
        None => n,
    }
}

/// Half a unit in the last place of the number in `written` that gives
/// `value` (after its scale: "$1.82 billion" → 1.82 × 10⁹, "83 cents" →
/// 83 × 10⁻²); when none does, a relative half-unit of the value's
/// significant digits.
pub fn precision(written: &str, value: f64) -> f64 {
    // Unknown writing: good to the value's third significant digit.
    written_precision(written, value).unwrap_or_else(|| {
        0.5 * 10f64.powf(value.abs().max(1e-12).log10().floor() - 2.0)
    })
}

/// Half a unit in the last place of the number in `written` that gives
/// `value`, or `None` when no number there does.
pub fn written_precision(written: &str, value: f64) -> Option<f64> {
    let b = written.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        let mut decimals: Option<i32> = None;
        while i < b.len()
            && (b[i].is_ascii_digit()
                || (b[i] == b','
                    && b.get(i + 1).is_some_and(u8::is_ascii_digit))
                || (b[i] == b'.'
                    && decimals.is_none()
                    && b.get(i + 1).is_some_and(u8::is_ascii_digit)))
        {
            if b[i] == b'.' {
                decimals = Some(0);
            } else if b[i].is_ascii_digit()
                && let Some(d) = decimals.as_mut()
            {
                *d += 1;
            }
            i += 1;
        }
        let token: String =
            written[start..i].chars().filter(|&c| c != ',').collect();
        let Ok(n) = token.parse::<f64>() else { continue };
        if n == 0.0 {
            continue;
        }
        let ratio = value.abs() / n;
        let scale = ratio.log10().round();
        if (ratio - 10f64.powf(scale)).abs() <= 1e-6 * ratio {
            return Some(
                0.5 * 10f64.powf(scale - f64::from(decimals.unwrap_or(0))),
            );
        }
    }
    None
}

/// Why a figure of a claim is not a figure of the claim's measure, if it
/// is not: an analysts' estimate quoted for comparison ("versus the
/// consensus estimate of $7 billion"), a tolerance ("plus or minus
/// $0.05"), a day of a month ("october 28") or a year ("in 2021") the
/// claim stage read as a count. Such figures are neither judged nor used
/// as evidence.
pub fn aside(text: &str, f: &Figure) -> Option<&'static str> {
    let (start, end) = f.span?;
    let mut lo = start.saturating_sub(48);
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    let before = text.get(lo..start)?.to_ascii_lowercase();
    let written = text.get(start..end)?;
    const ESTIMATE: &[&str] = &[
        "estimate of",
        "estimates of",
        "consensus",
        "ibes",
        "analysts",
        "analyst estimate",
        "street estimate",
    ];
    if ESTIMATE.iter().any(|w| before.contains(w)) {
        return Some("an analysts' estimate");
    }
    let tail = before.trim_end();
    if tail.ends_with("plus or minus") || tail.ends_with("+/-") {
        return Some("a tolerance");
    }
    if f.kind == Kind::Count && f.role != Field::Change {
        let digits = written.trim();
        let n = f.value;
        let last = tail.rsplit(|c: char| !c.is_ascii_alphabetic()).next();
        if (1.0..=31.0).contains(&n)
            && n.fract() == 0.0
            && last.is_some_and(|w| {
                // As written in lower case: "May" opens sentences.
                w.bytes().all(|b| b.is_ascii_lowercase())
                    && crate::extract::keyword::month_number(w).is_some()
            })
        {
            return Some("a day of a month");
        }
        if (1990.0..=2040.0).contains(&n)
            && digits.len() == 4
            && digits.bytes().all(|b| b.is_ascii_digit())
        {
            return Some("a year");
        }
    }
    None
}

/// A source mention as a figure in the role of `like` (basis points read
/// as points); `None` for a mention without a number.
pub fn from_mention(text: &str, m: &Mention, like: &Figure) -> Option<Figure> {
    let v = m.value.as_f64()?;
    let written = text.get(m.start..m.end).unwrap_or("");
    let (value, half_ulp) = match m.unit.as_deref() {
        Some("bp") => (v / 100.0, precision(written, v) / 100.0),
        _ => (v, precision(written, v)),
    };
    Some(Figure {
        field: like.field,
        role: like.role,
        value,
        unit: m.unit.clone(),
        kind: m.kind,
        half_ulp,
        text: written.to_string(),
        direction: None,
        span: Some((m.start, m.end)),
        high: like.high,
    })
}

/// Do two figures of the same role agree as numbers (kind, unit, value
/// within rounding)? Directions are compared by the caller.
pub fn agree(a: &Figure, b: &Figure) -> bool {
    (comparable(a, b) || ratio_levels(a, b))
        && (a.value - b.value).abs() <= a.half_ulp.max(b.half_ulp) + 1e-9
}

/// A ratio's level in basis points and the same level in percent ("11
/// basis points of average loans", "0.11% of average total loans"):
/// they agree as numbers (basis points are read as points). Changes
/// stay apart: a 2% rise is not a rise of 2 points.
fn ratio_levels(a: &Figure, b: &Figure) -> bool {
    fn unit(f: &Figure) -> &str {
        f.unit.as_deref().unwrap_or("")
    }
    a.kind == Kind::Percent
        && b.kind == Kind::Percent
        && a.role != Field::Change
        && b.role != Field::Change
        && matches!((unit(a), unit(b)), ("%", "bp") | ("bp", "%"))
}

/// Can two figures be compared at all (kind and unit)?
pub fn comparable(a: &Figure, b: &Figure) -> bool {
    if a.kind != b.kind {
        return false;
    }
    let points = |u: Option<&str>| matches!(u, Some("pp" | "bp"));
    match a.kind {
        Kind::Percent => {
            points(a.unit.as_deref()) == points(b.unit.as_deref())
        }
        Kind::Money => match (a.unit.as_deref(), b.unit.as_deref()) {
            (Some(x), Some(y)) => x == y,
            _ => true,
        },
        // Counted nouns are worded freely ("units", "railcars").
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fig(text: &str, value: f64, kind: Kind, unit: Option<&str>) -> Figure {
        Figure {
            field: "value",
            role: Field::Level,
            value,
            unit: unit.map(String::from),
            kind,
            half_ulp: precision(text, value),
            text: text.into(),
            direction: None,
            span: None,
            high: false,
        }
    }

    #[test]
    fn precision_as_written() {
        let rows: &[(&str, f64, f64)] = &[
            ("2.5 percent", 2.5, 0.05),
            ("2.47%", 2.47, 0.005),
            ("$1.82 billion", 1.82e9, 0.005e9),
            ("$1,729 million", 1.729e9, 0.5e6),
            ("83 cents", 0.83, 0.005),
            ("$0.83", 0.83, 0.005),
            ("28,000 units", 28_000.0, 0.5),
            ("$1.82 billion to $1.83 billion", 1.83e9, 0.005e9),
        ];
        for &(text, value, want) in rows {
            let got = precision(text, value);
            assert!(
                (got - want).abs() < want * 1e-6,
                "{text}: {got} != {want}"
            );
        }
    }

    #[test]
    fn agreement_across_rounding_and_scale() {
        let m = |t, v| fig(t, v, Kind::Money, Some("USD"));
        let p = |t, v| fig(t, v, Kind::Percent, Some("%"));
        assert!(agree(&p("2.47%", 2.47), &p("2.5 percent", 2.5)));
        assert!(agree(
            &m("$1,729 million", 1.729e9),
            &m("$1.729 billion", 1.729e9)
        ));
        assert!(agree(&m("83 cents", 0.83), &m("$0.83", 0.83)));
        assert!(agree(
            &m("$460.3 million", 460.3e6),
            &m("460 million", 460e6)
        ));
        assert!(agree(
            &m("$1.1 billion", 1.1e9),
            &m("$1,114.7 million", 1_114.7e6)
        ));
        assert!(!agree(
            &m("$452.2 million", 452.2e6),
            &m("$45.22 million", 45.22e6)
        ));
        assert!(!agree(
            &m("$452.2 million", 452.2e6),
            &m("$425.2 million", 425.2e6)
        ));
        assert!(!agree(
            &m("$1.83 billion", 1.83e9),
            &m("$1.86 billion", 1.86e9)
        ));
        assert!(!agree(&p("2.5%", 2.5), &m("$2.5", 2.5)));
        let pp = fig("50 basis points", 0.5, Kind::Percent, Some("pp"));
        assert!(agree(
            &pp,
            &fig("0.5 percentage points", 0.5, Kind::Percent, Some("pp"))
        ));
        assert!(!agree(&pp, &p("0.5%", 0.5)));
    }
}
