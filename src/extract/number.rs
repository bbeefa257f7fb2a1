/*!
Numbers as they are written in earnings coverage: `855,000`, `4.5`,
`1.2 million`, `794K`, `forty-three`, `three`.

This is the shared layer under the `percent`, `money` and `count`
extractors. It parses a literal into an exact [`Decimal`] (so that
`$1.2 billion` is `1200000000`, not `1199999999.9999998`) and recognizes
the scale words and suffixes that follow it. It decides nothing about what
the number measures; the extractors do.
*/

use super::text::{eat_word_ci, skip_spaces, word_end};

/// An exact decimal: `mant × 10^exp`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Decimal {
    /// The digits, without the decimal point.
    pub mant: u128,
    /// The power of ten.
    pub exp: i32,
}

impl Decimal {
    /// An integer.
    pub fn int(n: u128) -> Decimal {
        Decimal { mant: n, exp: 0 }
    }

    /// Multiplies by a power of ten.
    pub fn scale(self, pow: i32) -> Decimal {
        Decimal { mant: self.mant, exp: self.exp + pow }
    }

    /// The value as the nearest `f64` (correctly rounded).
    pub fn to_f64(self) -> f64 {
        if self.exp >= 0 && self.exp < 20 {
            let m = self.mant.checked_mul(10u128.pow(self.exp as u32));
            if let Some(m) = m {
                return m as f64;
            }
        }
        // Clinger's fast path: both operands exact, one correctly rounded
        // division.
        if self.exp < 0 && self.exp >= -22 && self.mant < (1u128 << 53) {
            return self.mant as f64 / 10f64.powi(-self.exp);
        }
        format!("{}e{}", self.mant, self.exp).parse().unwrap_or(f64::NAN)
    }

    /// Adds two decimals (used for written numbers: "forty" + "three").
    pub fn plus(self, other: Decimal) -> Decimal {
        let e = self.exp.min(other.exp);
        let a = self.mant.saturating_mul(10u128.pow((self.exp - e) as u32));
        let b = other.mant.saturating_mul(10u128.pow((other.exp - e) as u32));
        Decimal { mant: a.saturating_add(b), exp: e }
    }
}

/// A numeric literal in digits.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Literal {
    /// Byte offset of the first digit.
    pub start: usize,
    /// Byte offset after the last digit.
    pub end: usize,
    /// The exact value.
    pub value: Decimal,
    /// Digits before the decimal point.
    pub int_digits: usize,
    /// True when thousands separators were used ("855,000").
    pub grouped: bool,
    /// True when a decimal point was used ("4.5").
    pub fractional: bool,
}

/// Parses the digits starting at `i` (which must be an ASCII digit).
///
/// Thousands separators are accepted only in groups of exactly three
/// digits, so "1,2,3" stops after "1" and "2021, 2022" is two numbers.
pub fn parse_literal(s: &str, i: usize) -> Literal {
    let b = s.as_bytes();
    let mut j = i;
    if b.get(i) == Some(&b'.') {
        // ".50": only the fraction.
        let mut k = i + 1;
        let mut mant: u128 = 0;
        let mut exp = 0;
        while k < b.len() && b[k].is_ascii_digit() && k - i <= 30 {
            mant = mant * 10 + u128::from(b[k] - b'0');
            exp -= 1;
            k += 1;
        }
        return Literal {
            start: i,
            end: k,
            value: Decimal { mant, exp },
            int_digits: 0,
            grouped: false,
            fractional: true,
        };
    }
    let mut mant: u128 = 0;
    let mut digits = 0usize;
    let push = |d: u8, mant: &mut u128, digits: &mut usize| {
        if *digits < 36 {
            *mant = *mant * 10 + u128::from(d - b'0');
        }
        *digits += 1;
    };
    while j < b.len() && b[j].is_ascii_digit() {
        push(b[j], &mut mant, &mut digits);
        j += 1;
    }
    let mut grouped = false;
    // Thousands groups: only when the leading run has 1 to 3 digits.
    if j - i <= 3 {
        while j + 3 < b.len()
            && b[j] == b','
            && b[j + 1].is_ascii_digit()
            && b[j + 2].is_ascii_digit()
            && b[j + 3].is_ascii_digit()
            && !b.get(j + 4).is_some_and(|c| c.is_ascii_digit())
        {
            for k in 1..4 {
                push(b[j + k], &mut mant, &mut digits);
            }
            grouped = true;
            j += 4;
        }
        // Indian grouping: "12,34,567.89", "1,00,000": pairs of digits,
        // then one group of three.
        if !grouped && j - i <= 2 {
            let mut k = j;
            while k + 3 < b.len()
                && b[k] == b','
                && b[k + 1].is_ascii_digit()
                && b[k + 2].is_ascii_digit()
                && b[k + 3] == b','
            {
                k += 3;
            }
            let three = k > j
                && k + 3 < b.len()
                && b[k] == b','
                && b[k + 1..k + 4].iter().all(u8::is_ascii_digit)
                && !b
                    .get(k + 4)
                    .is_some_and(|c| c.is_ascii_digit() || *c == b',');
            if three {
                for &d in &b[j..k + 4] {
                    if d != b',' {
                        push(d, &mut mant, &mut digits);
                    }
                }
                grouped = true;
                j = k + 4;
            }
        }
    }
    let int_digits = digits;
    let mut exp = 0i32;
    let mut fractional = false;
    if j + 1 < b.len() && b[j] == b'.' && b[j + 1].is_ascii_digit() {
        // "1.2.3" is a version number, not a decimal; we stop before it.
        let mut k = j + 1;
        while k < b.len() && b[k].is_ascii_digit() {
            k += 1;
        }
        let version =
            k + 1 < b.len() && b[k] == b'.' && b[k + 1].is_ascii_digit();
        if !version {
            for &d in &b[j + 1..k] {
                if digits < 36 {
                    mant = mant * 10 + u128::from(d - b'0');
                    exp -= 1;
                }
                digits += 1;
            }
            fractional = true;
            j = k;
        }
    }
    if digits > 36 {
        exp += (int_digits.saturating_sub(36)) as i32;
    }
    Literal {
        start: i,
        end: j,
        value: Decimal { mant, exp },
        int_digits,
        grouped,
        fractional,
    }
}

/// A scale word after a number: "million", "bn", "K".
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scale {
    /// Byte offset after the scale word.
    pub end: usize,
    /// Power of ten.
    pub pow: i32,
}

/// Spelled-out and abbreviated scales. Abbreviations attached to the
/// number ("794K", "€3m", "$7B") are accepted; after a space only the
/// unambiguous ones are ("1.2 mln", "4.7 bn", "2.5 MM").
const SCALES: &[(&str, i32, bool, bool)] = &[
    // (word, power, case-sensitive, allowed after a space)
    ("thousand", 3, false, true),
    ("million", 6, false, true),
    ("billion", 9, false, true),
    ("trillion", 12, false, true),
    ("thousands", 3, false, true),
    ("millions", 6, false, true),
    ("billions", 9, false, true),
    ("mln", 6, false, true),
    ("mn", 6, false, true),
    ("bln", 9, false, true),
    ("bn", 9, false, true),
    ("tn", 12, false, true),
    ("trn", 12, false, true),
    ("crore", 7, false, true),
    ("crores", 7, false, true),
    ("lakh", 5, false, true),
    ("lakhs", 5, false, true),
    ("MM", 6, true, true),
    ("K", 3, true, false),
    ("k", 3, true, false),
    ("M", 6, true, false),
    ("m", 6, true, false),
    ("B", 9, true, false),
    ("T", 12, true, false),
];

/// Reads a scale word at `i` (after the number), allowing one space before
/// the spelled-out forms.
pub fn parse_scale(s: &str, i: usize) -> Option<Scale> {
    let b = s.as_bytes();
    // "$1.2-billion deal": a hyphen before a spelled-out scale.
    let hyphen = b.get(i) == Some(&b'-')
        && b.get(i + 1).is_some_and(u8::is_ascii_alphabetic);
    let after_space = if hyphen { i + 1 } else { skip_spaces(s, i, 1) };
    let spaced = after_space != i;
    // Every scale word starts with one of these letters.
    if !matches!(
        b.get(after_space),
        Some(
            b't' | b'T'
                | b'm'
                | b'M'
                | b'b'
                | b'B'
                | b'k'
                | b'K'
                | b'c'
                | b'l'
        )
    ) {
        return None;
    }
    for &(word, pow, cs, space_ok) in SCALES {
        if spaced && !space_ok {
            continue;
        }
        let end = if cs {
            super::text::eat_word(s, after_space, word)
        } else {
            eat_word_ci(s, after_space, word)
        };
        if let Some(end) = end {
            // "M" in "3M company" or "5m" meaning metres is too rare in
            // this field to matter; "5 MM" and "5MM" are both millions.
            return Some(Scale { end, pow });
        }
    }
    None
}

/// Values of the number words we read.
const UNITS: &[(&str, u32)] = &[
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
];

const TENS: &[(&str, u32)] = &[
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

/// All words that can start a written number, for the keyword automaton.
pub fn number_words() -> impl Iterator<Item = &'static str> {
    UNITS.iter().chain(TENS.iter()).map(|&(w, _)| w)
}

/// The letters of the ASCII word at `i` and its value in `table`.
fn table_word(
    s: &str,
    i: usize,
    table: &[(&str, u32)],
) -> Option<(usize, u32)> {
    let b = s.as_bytes();
    let mut j = i;
    while j < b.len() && b[j].is_ascii_alphabetic() {
        j += 1;
    }
    if j == i || j - i > 9 || !word_end(s, j) {
        return None;
    }
    let w = &b[i..j];
    table
        .iter()
        .find(|(t, _)| t.as_bytes().eq_ignore_ascii_case(w))
        .map(|&(_, v)| (j, v))
}

/// A unit word ("one" to "nineteen") at `i`: its end and value.
pub(super) fn unit_word(s: &str, i: usize) -> Option<(usize, u32)> {
    table_word(s, i, UNITS)
}

/// A tens word ("twenty" to "ninety") at `i`: its end and value.
pub(super) fn tens_word(s: &str, i: usize) -> Option<(usize, u32)> {
    table_word(s, i, TENS)
}

/// Parses a number below one thousand written in words: "forty-three",
/// "three hundred and twelve".
fn words_below_thousand(s: &str, i: usize) -> Option<(usize, u32)> {
    let (mut end, mut v) = if let Some((e, t)) = tens_word(s, i) {
        let b = s.as_bytes();
        let sep =
            if b.get(e) == Some(&b'-') { e + 1 } else { skip_spaces(s, e, 1) };
        match unit_word(s, sep) {
            Some((e2, u)) if (1..10).contains(&u) => (e2, t + u),
            _ => (e, t),
        }
    } else {
        unit_word(s, i)?
    };
    let j = skip_spaces(s, end, 1);
    if j != end
        && let Some(e) = eat_word_ci(s, j, "hundred")
    {
        v *= 100;
        end = e;
        let k = skip_spaces(s, end, 1);
        let k2 = eat_word_ci(s, k, "and")
            .map(|e| skip_spaces(s, e, 1))
            .unwrap_or(k);
        if k != end
            && let Some((e3, r)) = words_below_thousand(s, k2)
            && r < 100
        {
            v += r;
            end = e3;
        }
    }
    Some((end, v))
}

/// A number written in words.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Words {
    /// Byte offset after the last number word.
    pub end: usize,
    /// The value.
    pub value: Decimal,
    /// True when the number was only "one" (also a pronoun).
    pub only_one: bool,
}

/// Parses a written number starting at `i`: "forty-three", "two
/// thousand", "three hundred". Scale words such as "million" are left to
/// [`parse_scale`] so that "two million" and "2 million" take one path.
pub fn parse_words(s: &str, i: usize) -> Option<Words> {
    let (mut end, v) = words_below_thousand(s, i)?;
    let mut value = Decimal::int(u128::from(v));
    let j = skip_spaces(s, end, 1);
    if j != end
        && let Some(e) = eat_word_ci(s, j, "thousand")
    {
        value = value.scale(3);
        end = e;
        let k = skip_spaces(s, end, 1);
        if k != end
            && let Some((e2, r)) = words_below_thousand(s, k)
        {
            value = value.plus(Decimal::int(u128::from(r)));
            end = e2;
        }
    }
    if !word_end(s, end) {
        return None;
    }
    Some(Words { end, value, only_one: v == 1 && value.mant == 1 })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literal_forms() {
        let cases: &[(&str, f64, usize)] = &[
            ("855,000", 855000.0, 7),
            ("4.5", 4.5, 3),
            ("1,234,567.89", 1234567.89, 12),
            ("1,2,3", 1.0, 1),
            ("2021, 2022", 2021.0, 4),
            ("12345,678", 12345.0, 5),
            ("1.2.3", 1.0, 1),
            ("0.05", 0.05, 4),
            ("12,34,567.89", 1234567.89, 12),
            ("1,00,000", 100000.0, 8),
            ("1,00,00", 1.0, 1),
        ];
        for &(s, v, end) in cases {
            let l = parse_literal(s, 0);
            assert_eq!(l.value.to_f64(), v, "{s}");
            assert_eq!(l.end, end, "{s}");
        }
    }

    #[test]
    fn exact_scaling() {
        let l = parse_literal("1.2", 0);
        assert_eq!(l.value.scale(9).to_f64(), 1_200_000_000.0);
        let l = parse_literal("1.82", 0);
        assert_eq!(l.value.scale(9).to_f64(), 1_820_000_000.0);
    }

    #[test]
    fn words() {
        let cases: &[(&str, f64)] = &[
            ("forty-three", 43.0),
            ("forty three", 43.0),
            ("three", 3.0),
            ("twelve", 12.0),
            ("three hundred and twelve", 312.0),
            ("two thousand five hundred", 2500.0),
            ("ninety", 90.0),
        ];
        for &(s, v) in cases {
            let w = parse_words(s, 0).unwrap();
            assert_eq!(w.value.to_f64(), v, "{s}");
            assert_eq!(w.end, s.len(), "{s}");
        }
        assert!(parse_words("someone", 0).is_none());
        assert!(parse_words("oneself", 0).is_none());
    }

    #[test]
    fn scales() {
        assert_eq!(parse_scale("K users", 0).map(|s| s.pow), Some(3));
        assert_eq!(parse_scale(" million", 0).map(|s| s.pow), Some(6));
        assert_eq!(parse_scale(" K", 0), None);
        assert_eq!(parse_scale("bn", 0).map(|s| s.pow), Some(9));
        assert_eq!(parse_scale(" Billion", 0).map(|s| s.pow), Some(9));
        assert_eq!(parse_scale("Mbps", 0), None);
        assert_eq!(parse_scale(" MM", 0).map(|s| s.pow), Some(6));
    }
}
