/*!
Money: `$1.2 billion`, `US$4.7bn`, `USD 34.6 million`, `€3m`, `£250,000`,
`1.23 dlrs`, `5 cents a share`, `$(0.12)`, `-$5 million`.

This module reads the currency around a number: a symbol or ISO code
before it, or a currency word after it. The value is in units of the
currency (`5 cents` → `0.05` USD) and the unit is the ISO 4217 code.
*/

use super::text::{char_before, eat_word, eat_word_ci, skip_spaces};

/// Symbols, with the letters that may stand before a `$`.
const DOLLAR_PREFIXES: &[(&str, &str)] = &[
    ("U.S.", "USD"),
    ("US", "USD"),
    ("USD", "USD"),
    ("C", "CAD"),
    ("CA", "CAD"),
    ("CAD", "CAD"),
    ("A", "AUD"),
    ("AU", "AUD"),
    ("AUD", "AUD"),
    ("NZ", "NZD"),
    ("HK", "HKD"),
    ("S", "SGD"),
    ("SG", "SGD"),
    ("R", "BRL"),
    ("MX", "MXN"),
    ("NT", "TWD"),
];

const SYMBOLS: &[(char, &str)] = &[
    ('€', "EUR"),
    ('£', "GBP"),
    ('¥', "JPY"),
    ('₹', "INR"),
    ('₩', "KRW"),
    ('₽', "RUB"),
    ('₺', "TRY"),
    ('₪', "ILS"),
];

/// ISO codes we accept in upper case before or after a number.
const CODES: &[&str] = &[
    "USD", "EUR", "GBP", "JPY", "CNY", "RMB", "CAD", "AUD", "INR", "CHF",
    "HKD", "SEK", "NOK", "DKK", "BRL", "MXN", "ZAR", "SGD", "KRW", "NZD",
    "TWD", "RUB", "TRY", "PLN", "ILS",
];

fn code_of(c: &str) -> &'static str {
    if c == "RMB" {
        return "CNY";
    }
    CODES.iter().find(|&&k| k == c).copied().unwrap_or("USD")
}

/// A currency found before a number: where it starts and its code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Prefix {
    /// Byte offset where the currency marker starts.
    pub start: usize,
    /// ISO 4217 code.
    pub code: &'static str,
}

/// Looks for a currency marker that ends at `i` (one space allowed between
/// a code and the number: "USD 34.6", "US$ 4.7").
pub fn prefix(s: &str, i: usize) -> Option<Prefix> {
    let b = s.as_bytes();
    let mut j = i;
    if j > 0 && b[j - 1] == b' ' {
        j -= 1;
    }
    if j > 0 && b[j - 1] == b'$' {
        let d = j - 1;
        for &(p, code) in DOLLAR_PREFIXES {
            if d >= p.len()
                && &b[d - p.len()..d] == p.as_bytes()
                && super::text::word_start(s, d - p.len())
            {
                return Some(Prefix { start: d - p.len(), code });
            }
        }
        return Some(Prefix { start: d, code: "USD" });
    }
    if let Some(c) = char_before(s, j) {
        if let Some(&(_, code)) = SYMBOLS.iter().find(|&&(sym, _)| sym == c) {
            return Some(Prefix { start: j - c.len_utf8(), code });
        }
        if c == '.' && s[..j].ends_with("Rs.") {
            return Some(Prefix { start: j - 3, code: "INR" });
        }
    }
    // An ISO code as a word: "USD 34.6 million", "EUR3m".
    if j >= 3 {
        let w = &b[j - 3..j];
        if w.iter().all(u8::is_ascii_uppercase)
            && super::text::word_start(s, j - 3)
            && let Some(code) = CODES.iter().find(|c| c.as_bytes() == w)
        {
            return Some(Prefix { start: j - 3, code: code_of(code) });
        }
        if j >= 2 && &b[j - 2..j] == b"Rs" && super::text::word_start(s, j - 2)
        {
            return Some(Prefix { start: j - 2, code: "INR" });
        }
    }
    None
}

/// A currency after a number: where it ends, its code, and whether the
/// amount is in cents.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Suffix {
    /// Byte offset after the currency word.
    pub end: usize,
    /// ISO 4217 code.
    pub code: &'static str,
    /// True for "cents", "cts", "¢": the amount is a hundredth.
    pub cents: bool,
}

/// Reads a currency after a number (and its scale, if `scaled`).
pub fn suffix(s: &str, i: usize, scaled: bool) -> Option<Suffix> {
    if s[i..].starts_with('¢') {
        return Some(Suffix {
            end: i + '¢'.len_utf8(),
            code: "USD",
            cents: true,
        });
    }
    let j = skip_spaces(s, i, 1);
    // "20€", "20 €", "10$": a currency sign after the amount.
    if let Some(c) = s[j..].chars().next() {
        let code = match c {
            '€' => Some("EUR"),
            '£' => Some("GBP"),
            '$' => Some("USD"),
            _ => None,
        };
        let e = j + c.len_utf8();
        // The sign must end the amount, not start the next one ("$(0.12)").
        let ends = s.as_bytes().get(e).is_none_or(|&n| {
            !n.is_ascii_alphanumeric() && !matches!(n, b'(' | b'-' | b'$')
        });
        if let Some(code) = code
            && ends
            && (j == i || c != '$')
        {
            return Some(Suffix { end: e, code, cents: false });
        }
    }
    if j == i {
        // "34.6USD" is rare; accept only codes attached.
        return code_suffix(s, i);
    }
    let next = super::text::word_at(s, j);
    let mut buf = [0u8; 32];
    let lw = super::text::lower(next, &mut buf)?;
    let e = j + next.len();
    // "dollars" in "dollar-based" is not a currency word.
    if s.as_bytes().get(e) == Some(&b'-') {
        return None;
    }
    let plain =
        |code: &'static str| Some(Suffix { end: e, code, cents: false });
    match lw {
        "dollars" | "dollar" | "dlrs" | "dlr" => plain("USD"),
        "cents" | "cent" | "cts" => {
            Some(Suffix { end: e, code: "USD", cents: true })
        }
        "euros" | "euro" => plain("EUR"),
        "stg" | "sterling" => plain("GBP"),
        "pounds" => {
            let k = skip_spaces(s, e, 1);
            let end =
                eat_word_ci(s, k, "sterling").filter(|_| k > e).unwrap_or(e);
            Some(Suffix { end, code: "GBP", cents: false })
        }
        "yen" => plain("JPY"),
        "yuan" | "renminbi" => plain("CNY"),
        "rupees" => plain("INR"),
        "pesos" => plain("MXN"),
        // Alone these are too often other words: "5 marks", "2 francs".
        "francs" if scaled => plain("CHF"),
        "marks" if scaled => plain("DEM"),
        "guilders" if scaled => plain("NLG"),
        "lire" if scaled => plain("ITL"),
        "won" if scaled => plain("KRW"),
        "u" | "us" | "canadian" | "australian" | "hong" | "new" => {
            for &(w, code) in NAMED_DOLLARS {
                if let Some(end) = eat_word_ci(s, j, w) {
                    return Some(Suffix { end, code, cents: false });
                }
            }
            None
        }
        _ => code_suffix(s, j),
    }
}

/// Dollars named with their country.
const NAMED_DOLLARS: &[(&str, &str)] = &[
    ("U.S. dollars", "USD"),
    ("US dollars", "USD"),
    ("Canadian dollars", "CAD"),
    ("Australian dollars", "AUD"),
    ("Hong Kong dollars", "HKD"),
    ("New Zealand dollars", "NZD"),
    ("Canadian dlrs", "CAD"),
    ("Australian dlrs", "AUD"),
];

fn code_suffix(s: &str, j: usize) -> Option<Suffix> {
    let b = s.as_bytes();
    if j + 3 > b.len() || !b[j..j + 3].iter().all(u8::is_ascii_uppercase) {
        return None;
    }
    for code in CODES {
        if let Some(e) = eat_word(s, j, code) {
            return Some(Suffix { end: e, code: code_of(code), cents: false });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes() {
        let cases: &[(&str, Option<(&str, usize)>)] = &[
            ("$", Some(("USD", 0))),
            ("US$", Some(("USD", 0))),
            ("U.S.$", Some(("USD", 0))),
            ("C$", Some(("CAD", 0))),
            ("HK$", Some(("HKD", 0))),
            ("€", Some(("EUR", 0))),
            ("£", Some(("GBP", 0))),
            ("USD ", Some(("USD", 0))),
            ("RMB ", Some(("CNY", 0))),
            ("Rs.", Some(("INR", 0))),
            ("about ", None),
            ("ABC ", None),
            ("AUSD ", None),
        ];
        for &(s, want) in cases {
            let got = prefix(s, s.len()).map(|p| (p.code, p.start));
            assert_eq!(got, want, "{s:?}");
        }
    }

    #[test]
    fn suffixes() {
        let s = " dlrs a share";
        assert_eq!(
            suffix(s, 0, false).map(|x| (x.code, x.end)),
            Some(("USD", 5))
        );
        let s = " cents per share";
        assert!(suffix(s, 0, false).unwrap().cents);
        assert_eq!(suffix(" marks", 0, false), None);
        assert_eq!(suffix(" marks", 0, true).map(|x| x.code), Some("DEM"));
        assert_eq!(suffix(" euros", 0, false).map(|x| x.code), Some("EUR"));
        assert_eq!(suffix(" EUR", 0, false).map(|x| x.code), Some("EUR"));
        assert_eq!(suffix(" dollar-based", 0, false), None);
    }
}
