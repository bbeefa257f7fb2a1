/*!
Percentages: `43%`, `43 percent`, `43 per cent`, `43 pct`, `-2%`,
`forty-three percent`, and the two units of change that are not
percentages: percentage points (`1.2 percentage points`, `2.5 pp`, unit
`pp`) and basis points (`150 basis points`, `80bp`, unit `bp`).

The number itself is found by [`super::quantity`]; this module reads the
suffix that makes it a percentage.
*/

use super::text::{eat_word_ci, skip_spaces};

/// Suffixes after one space, longest first so that "percentage point" is
/// not read as "percent".
const SPACED: &[(&str, &str)] = &[
    ("percentage points", "pp"),
    ("percentage point", "pp"),
    ("percentage-points", "pp"),
    ("percentage-point", "pp"),
    ("pct points", "pp"),
    ("pct point", "pp"),
    ("basis points", "bp"),
    ("basis point", "bp"),
    ("basis-point", "bp"),
    ("per cent", "%"),
    ("percent", "%"),
    ("pct", "%"),
    ("ppts", "pp"),
    ("ppt", "pp"),
    ("pp", "pp"),
    ("bps", "bp"),
    ("bp", "bp"),
    ("%", "%"),
];

/// Suffixes written against the number: "80bp", "2.5pp", "5-percent".
const ATTACHED: &[(&str, &str)] = &[
    ("%", "%"),
    ("％", "%"),
    ("bps", "bp"),
    ("bp", "bp"),
    ("ppts", "pp"),
    ("ppt", "pp"),
    ("pp", "pp"),
    ("-percentage-point", "pp"),
    ("-percentage point", "pp"),
    ("-basis-point", "bp"),
    ("-basis point", "bp"),
    ("-percent", "%"),
    ("-per-cent", "%"),
];

/// Reads a percent suffix at `i` (right after a number or its scale).
/// Returns the offset after it and the unit (`%`, `pp`, `bp`).
pub fn suffix(s: &str, i: usize) -> Option<(usize, &'static str)> {
    let b = s.as_bytes();
    // Every suffix starts with one of these bytes (0xEF: "％"; spaces: ASCII,
    // no-break, thin): reject the rest at once.
    if !matches!(
        b.get(i),
        Some(b'%' | 0xEF | b'b' | b'p' | b'-' | b' ' | b'\t' | 0xC2 | 0xE2)
    ) {
        return None;
    }
    let spaced_start = matches!(b.get(i), Some(b' ' | b'\t' | 0xC2 | 0xE2));
    for &(w, unit) in
        ATTACHED.iter().take(if spaced_start { 0 } else { ATTACHED.len() })
    {
        if s[i..].starts_with('%') || s[i..].starts_with('％') {
            let e = i + s[i..].chars().next()?.len_utf8();
            // "%28" in a URL is an escape, not a percentage.
            if b.get(e).is_some_and(u8::is_ascii_alphanumeric) {
                return None;
            }
            return Some((e, unit_of(w)));
        }
        if let Some(e) = eat_word_ci(s, i, w) {
            return Some((e, unit));
        }
    }
    let j = skip_spaces(s, i, 1);
    if j == i || !matches!(b.get(j), Some(b'%' | b'p' | b'P' | b'b' | b'B')) {
        return None;
    }
    for &(w, unit) in SPACED {
        if w == "%" {
            if s[j..].starts_with('%') {
                return Some((j + 1, unit));
            }
            continue;
        }
        if let Some(e) = eat_word_ci(s, j, w) {
            // "per cent" must not be "per centre"; eat_word_ci checks the
            // word end. Points must be lower case ("BP" is a company);
            // "PCT" and "PERCENT" are wire style.
            if unit != "%" && s[j..e].bytes().any(|c| c.is_ascii_uppercase()) {
                continue;
            }
            return Some((e, unit));
        }
    }
    None
}

fn unit_of(w: &str) -> &'static str {
    if w.contains("point") || w.starts_with("pp") {
        "pp"
    } else if w.starts_with('b') {
        "bp"
    } else {
        "%"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suffixes() {
        let cases: &[(&str, Option<&str>, usize)] = &[
            ("%", Some("%"), 1),
            (" percent", Some("%"), 8),
            (" per cent", Some("%"), 9),
            (" pct", Some("%"), 4),
            (" percentage points", Some("pp"), 18),
            (" basis points", Some("bp"), 13),
            ("bp", Some("bp"), 2),
            ("bps", Some("bp"), 3),
            ("pp", Some("pp"), 2),
            ("-percent", Some("%"), 8),
            (" percentile", None, 0),
            (" per centre", None, 0),
            (" PP", None, 0),
            (" points", None, 0),
        ];
        for &(s, unit, end) in cases {
            let got = suffix(s, 0);
            assert_eq!(got.map(|g| g.1), unit, "{s:?}");
            if let Some(g) = got {
                assert_eq!(g.0, end, "{s:?}");
            }
        }
    }
}
