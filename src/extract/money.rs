/*!
Money: `$1.2 billion`, `US$4.7bn`, `USD 34.6 million`, `€3m`, `£250,000`,
`1.23 dlrs`, `5 cents a share`, `$(0.12)`, `-$5 million`, `30 MUSD`,
`10,000 Swiss francs`, `a 12-cent dividend`.

This module reads the currency around a number: a symbol or ISO code
before it, or a currency word after it. The value is in units of the
currency (`5 cents` → `0.05` USD) and the unit is the ISO 4217 code.

Every way of writing a currency that we read is in one of the tables
below (`SYMBOLS`, `DOLLAR_PREFIXES`, `CODES`, `WORDS`,
`NATIONAL`, `MINOR_WORDS`); adding a currency means adding rows there.
*/

use super::text::{char_before, eat_word_ci, skip_spaces};

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

/// Currency signs, read before the amount ("€3m") and after it ("20€",
/// "100 元").
const SYMBOLS: &[(char, &str)] = &[
    ('€', "EUR"),
    ('£', "GBP"),
    ('¥', "JPY"),
    ('元', "CNY"),
    ('₹', "INR"),
    ('₩', "KRW"),
    ('₽', "RUB"),
    ('₺', "TRY"),
    ('₪', "ILS"),
    ('₴', "UAH"),
    ('₦', "NGN"),
    ('₫', "VND"),
    ('₡', "CRC"),
    ('₾', "GEL"),
    ('₭', "LAK"),
    ('₸', "KZT"),
    ('฿', "THB"),
];

/// ISO 4217 codes we accept in upper case before or after a number, and
/// `RMB` (read as `CNY`). Codes that are also common English words or
/// names in upper case ("ALL", "TOP", "CUP", "PEN", "MAD", "PHP", "AMD")
/// are left out: "TOP 10" is not money.
const CODES: &[&str] = &[
    "USD", "EUR", "GBP", "JPY", "CNY", "RMB", "CAD", "AUD", "INR", "CHF",
    "HKD", "SEK", "NOK", "DKK", "BRL", "MXN", "ZAR", "SGD", "KRW", "NZD",
    "TWD", "RUB", "TRY", "PLN", "ILS", "AED", "SAR", "QAR", "KWD", "BHD",
    "OMR", "JOD", "EGP", "LBP", "MYR", "THB", "IDR", "VND", "PKR", "BDT",
    "LKR", "NGN", "KES", "GHS", "UAH", "CZK", "HUF", "RON", "BGN", "HRK",
    "ISK", "CLP", "COP", "ARS", "KZT", "MNT", "TND", "DZD", "IQD", "IRR",
];

/// Codes also read in lower case ("10 usd", "40 rmb"); the others are too
/// close to words in lower case ("try", "ron", "isk").
const LOWER_CODES: &[&str] = &[
    "usd", "eur", "gbp", "jpy", "cny", "rmb", "chf", "cad", "aud", "inr",
    "hkd", "sgd",
];

/// Two-letter abbreviations read like codes: "Rs 20", "RM42", "20Rs".
const SHORT_CODES: &[(&str, &str)] = &[("Rs", "INR"), ("RM", "MYR")];

/// The code for a code as written (upper or lower case; `RMB` is `CNY`).
fn code_of(c: &str) -> &'static str {
    if c.eq_ignore_ascii_case("RMB") {
        return "CNY";
    }
    CODES
        .iter()
        .find(|&&k| k.eq_ignore_ascii_case(c))
        .copied()
        .unwrap_or("USD")
}

/// A code at `i`: a word of three letters in [`CODES`] (or, in lower case,
/// [`LOWER_CODES`]), or one in [`SHORT_CODES`]; optionally glued to a
/// scale letter, as Nordic and German reports write millions and
/// thousands ("MUSD", "MEUR", "kEUR"). Returns its end, code and scale.
fn code_at(s: &str, i: usize) -> Option<(usize, &'static str, Option<i32>)> {
    if let Some((e, code)) = plain_code_at(s, i) {
        return Some((e, code, None));
    }
    let scale = match s.as_bytes().get(i) {
        Some(b'M') => 6,
        Some(b'k' | b'K') => 3,
        _ => return None,
    };
    // Only an upper-case code takes a scale letter: "MUSD", not "Musd".
    let (e, code) = plain_code_at(s, i + 1)?;
    s.as_bytes()[i + 1].is_ascii_uppercase().then_some((e, code, Some(scale)))
}

/// A code without a scale letter at `i` (a number may follow it:
/// "EUR3m").
fn plain_code_at(s: &str, i: usize) -> Option<(usize, &'static str)> {
    let b = s.as_bytes();
    if let Some(w) = b.get(i..i + 3)
        && !b.get(i + 3).is_some_and(u8::is_ascii_alphabetic)
    {
        if w.iter().all(u8::is_ascii_uppercase)
            && let Some(code) = CODES.iter().find(|c| c.as_bytes() == w)
        {
            return Some((i + 3, code_of(code)));
        }
        if let Some(code) = LOWER_CODES.iter().find(|c| c.as_bytes() == w) {
            return Some((i + 3, code_of(code)));
        }
    }
    SHORT_CODES.iter().find_map(|&(w, code)| {
        let e = i + w.len();
        (b.get(i..e) == Some(w.as_bytes())
            && !b.get(e).is_some_and(u8::is_ascii_alphabetic))
        .then_some((e, code))
    })
}

/// A currency found before a number: where it starts and its code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Prefix {
    /// Byte offset where the currency marker starts.
    pub start: usize,
    /// ISO 4217 code.
    pub code: &'static str,
    /// A scale the marker carries ("MUSD 60" is 60 million), as a power
    /// of ten.
    pub scale: Option<i32>,
}

/// Looks for a currency marker that ends at `i` (one space allowed between
/// a code and the number: "USD 34.6", "US$ 4.7").
pub fn prefix(s: &str, i: usize) -> Option<Prefix> {
    let b = s.as_bytes();
    let mut j = i;
    if j > 0 && b[j - 1] == b' ' {
        j -= 1;
    }
    let plain = |start: usize, code: &'static str| {
        Some(Prefix { start, code, scale: None })
    };
    if j > 0 && b[j - 1] == b'$' {
        let d = j - 1;
        for &(p, code) in DOLLAR_PREFIXES {
            if d >= p.len()
                && &b[d - p.len()..d] == p.as_bytes()
                && super::text::word_start(s, d - p.len())
            {
                return plain(d - p.len(), code);
            }
        }
        return plain(d, "USD");
    }
    if let Some(c) = char_before(s, j) {
        if let Some(&(_, code)) = SYMBOLS.iter().find(|&&(sym, _)| sym == c) {
            return plain(j - c.len_utf8(), code);
        }
        if c == '.' && s[..j].ends_with("Rs.") {
            return plain(j - 3, "INR");
        }
    }
    // A code as a word: "USD 34.6 million", "EUR3m", "Rs 20", "MAUD 60".
    let (w0, w) = super::text::word_before(s, j);
    if (2..=4).contains(&w.len())
        && super::text::word_start(s, w0)
        && let Some((e, code, scale)) = code_at(s, w0)
        && e == j
    {
        return Some(Prefix { start: w0, code, scale });
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
    /// True for "cents", "cts", "¢", "pence": the amount is a hundredth.
    pub cents: bool,
    /// A scale the currency carries ("30 MUSD"), as a power of ten.
    pub scale: Option<i32>,
}

/// When a currency word counts after an amount.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Gate {
    /// Always: "20 euros", "42 ringgit".
    Always,
    /// Only after a scale word: "5 marks" and "2 francs" are too often
    /// other things; "5 million marks" is money.
    Scaled,
}

use Gate::{Always, Scaled};

/// Currency words after an amount, lower case: (word, code, cents, gate).
/// A word that is only a currency in a country's name ("dinars",
/// "riyals") is in [`NATIONAL`], since alone it names no one currency.
const WORDS: &[(&str, &str, bool, Gate)] = &[
    ("dollars", "USD", false, Always),
    ("dollar", "USD", false, Always),
    ("dlrs", "USD", false, Always),
    ("dlr", "USD", false, Always),
    ("bucks", "USD", false, Always),
    ("cents", "USD", true, Always),
    ("cent", "USD", true, Always),
    ("cts", "USD", true, Always),
    ("penny", "USD", true, Always),
    ("pennies", "USD", true, Always),
    ("pence", "GBP", true, Always),
    ("euros", "EUR", false, Always),
    ("euro", "EUR", false, Always),
    ("stg", "GBP", false, Always),
    ("sterling", "GBP", false, Always),
    ("pounds", "GBP", false, Always),
    ("yen", "JPY", false, Always),
    ("yuan", "CNY", false, Always),
    ("renminbi", "CNY", false, Always),
    ("rupees", "INR", false, Always),
    ("rupee", "INR", false, Always),
    ("pesos", "MXN", false, Always),
    ("pesetas", "ESP", false, Always),
    ("markka", "FIM", false, Always),
    ("markkaa", "FIM", false, Always),
    ("ringgit", "MYR", false, Always),
    ("ringgits", "MYR", false, Always),
    ("shekels", "ILS", false, Always),
    ("shekel", "ILS", false, Always),
    ("tugriks", "MNT", false, Always),
    ("tugrik", "MNT", false, Always),
    ("hryvnia", "UAH", false, Always),
    ("hryvnias", "UAH", false, Always),
    ("roubles", "RUB", false, Always),
    ("rubles", "RUB", false, Always),
    ("zlotys", "PLN", false, Always),
    ("zloty", "PLN", false, Always),
    ("baht", "THB", false, Always),
    ("rupiah", "IDR", false, Always),
    ("reais", "BRL", false, Always),
    ("kronor", "SEK", false, Always),
    ("francs", "CHF", false, Scaled),
    ("marks", "DEM", false, Scaled),
    ("guilders", "NLG", false, Scaled),
    ("lire", "ITL", false, Scaled),
    ("lira", "TRY", false, Scaled),
    ("won", "KRW", false, Scaled),
    ("rand", "ZAR", false, Scaled),
];

/// Currencies named with their country, lower case: (adjective, nouns,
/// code). "10,000 Swiss francs", "42 Kuwaiti dinars", "10 US dollar".
const NATIONAL: &[(&str, &[&str], &str)] = &[
    ("u.s.", &["dollars", "dollar", "dlrs"], "USD"),
    ("us", &["dollars", "dollar", "dlrs"], "USD"),
    ("canadian", &["dollars", "dollar", "dlrs"], "CAD"),
    ("australian", &["dollars", "dollar", "dlrs"], "AUD"),
    ("hong kong", &["dollars", "dollar", "dlrs"], "HKD"),
    ("new zealand", &["dollars", "dollar", "dlrs"], "NZD"),
    ("singapore", &["dollars", "dollar"], "SGD"),
    ("taiwan", &["dollars", "dollar"], "TWD"),
    ("swiss", &["francs", "franc"], "CHF"),
    ("french", &["francs", "franc"], "FRF"),
    ("belgian", &["francs", "franc"], "BEF"),
    ("dutch", &["guilders", "guilder"], "NLG"),
    ("finnish", &["markka", "markkaa"], "FIM"),
    ("german", &["marks", "mark"], "DEM"),
    ("italian", &["lire", "lira"], "ITL"),
    ("turkish", &["lira", "liras"], "TRY"),
    ("spanish", &["pesetas", "peseta"], "ESP"),
    ("chinese", &["yuan", "renminbi"], "CNY"),
    ("japanese", &["yen"], "JPY"),
    ("british", &["pounds", "pound"], "GBP"),
    ("egyptian", &["pounds", "pound"], "EGP"),
    ("lebanese", &["pounds", "pound"], "LBP"),
    ("kuwaiti", &["dinars", "dinar"], "KWD"),
    ("bahraini", &["dinars", "dinar"], "BHD"),
    ("jordanian", &["dinars", "dinar"], "JOD"),
    ("iraqi", &["dinars", "dinar"], "IQD"),
    ("saudi", &["riyals", "riyal"], "SAR"),
    ("qatari", &["riyals", "riyal"], "QAR"),
    ("omani", &["rials", "rial"], "OMR"),
    ("iranian", &["rials", "rial"], "IRR"),
    ("malaysian", &["ringgits", "ringgit"], "MYR"),
    ("malaysia", &["ringgits", "ringgit"], "MYR"),
    ("mexican", &["pesos", "peso"], "MXN"),
    ("indian", &["rupees", "rupee"], "INR"),
    ("south african", &["rand"], "ZAR"),
    ("brazilian", &["reais", "real"], "BRL"),
    ("swedish", &["kronor", "krona"], "SEK"),
    ("norwegian", &["kroner", "krone"], "NOK"),
    ("danish", &["kroner", "krone"], "DKK"),
    ("russian", &["roubles", "rubles", "rouble", "ruble"], "RUB"),
    ("south korean", &["won"], "KRW"),
    ("korean", &["won"], "KRW"),
    ("polish", &["zlotys", "zloty"], "PLN"),
    ("israeli", &["shekels", "shekel"], "ILS"),
];

/// Words for the hundredth part of a currency, read after the second
/// number of a compound amount ("20 ringgit and 43 sen", "3 GBP 1 pence");
/// the currency is the first number's.
pub const MINOR_WORDS: &[&str] = &[
    "cents", "cent", "cts", "c", "pence", "p", "sen", "sens", "kopiykas",
    "kopecks", "kopeks", "paise",
];

/// Reads a currency after a number (and its scale, if `scaled`).
pub fn suffix(s: &str, i: usize, scaled: bool) -> Option<Suffix> {
    let plain = |end: usize, code: &'static str| {
        Some(Suffix { end, code, cents: false, scale: None })
    };
    if s[i..].starts_with('¢') {
        return Some(Suffix {
            end: i + '¢'.len_utf8(),
            code: "USD",
            cents: true,
            scale: None,
        });
    }
    let b = s.as_bytes();
    // "a 12-cent dividend", "a one-yen bid": the currency word joined to
    // the number makes an adjective; it is still an amount.
    if b.get(i) == Some(&b'-')
        && b.get(i + 1).is_some_and(u8::is_ascii_alphabetic)
    {
        let w = super::text::word_at(s, i + 1);
        let w = w.split('-').next().unwrap_or(w);
        return word_suffix(w, i + 1 + w.len(), scaled);
    }
    let j = skip_spaces(s, i, 1);
    // "20€", "20 €", "10$", "10 $", "3.14US$": a currency sign after the
    // amount.
    if let Some(c) = s[j..].chars().next() {
        let mut code = match c {
            '$' => Some(("USD", j + 1)),
            _ => SYMBOLS
                .iter()
                .find(|&&(sym, _)| sym == c)
                .map(|&(_, code)| (code, j + c.len_utf8())),
        };
        if code.is_none() && c.is_ascii_uppercase() {
            code = DOLLAR_PREFIXES.iter().find_map(|&(p, code)| {
                let e = j + p.len();
                (s[j..].starts_with(p) && b.get(e) == Some(&b'$'))
                    .then_some((code, e + 1))
            });
        }
        // The sign must end the amount, not start the next one ("$(0.12)",
        // "10 $20").
        if let Some((code, e)) = code
            && b.get(e).is_none_or(|&n| {
                !n.is_ascii_alphanumeric() && !matches!(n, b'(' | b'-' | b'$')
            })
        {
            return plain(e, code);
        }
    }
    if j == i {
        // "34.6USD", "42MYR", "20Rs": only codes attach.
        return code_suffix(s, i);
    }
    let next = super::text::word_at(s, j);
    let e = j + next.len();
    // "dollars" in "dollar-based" is not a currency word.
    if b.get(e) == Some(&b'-') {
        return None;
    }
    if let Some(sf) = national_suffix(s, j) {
        return Some(sf);
    }
    // "Shr one ct vs two cts": the wire's singular cent, lower case only
    // (not "CT", Connecticut or a scan).
    if next == "ct" {
        return Some(Suffix { end: e, code: "USD", cents: true, scale: None });
    }
    if let Some(sf) = word_suffix(next, e, scaled) {
        return Some(sf);
    }
    code_suffix(s, j)
}

/// A currency word from [`WORDS`] (any case) ending at `e`.
fn word_suffix(w: &str, e: usize, scaled: bool) -> Option<Suffix> {
    let mut buf = [0u8; 32];
    let lw = super::text::lower(w, &mut buf)?;
    let &(_, code, cents, gate) = WORDS.iter().find(|r| r.0 == lw)?;
    if gate == Scaled && !scaled {
        return None;
    }
    Some(Suffix { end: e, code, cents, scale: None })
}

/// A currency named with its country at `j`: "Swiss francs", "pounds
/// sterling".
fn national_suffix(s: &str, j: usize) -> Option<Suffix> {
    if let Some(e) = eat_word_ci(s, j, "pounds") {
        let k = skip_spaces(s, e, 1);
        if let Some(end) = eat_word_ci(s, k, "sterling").filter(|_| k > e) {
            return Some(Suffix {
                end,
                code: "GBP",
                cents: false,
                scale: None,
            });
        }
    }
    let b = s.as_bytes();
    let first = b.get(j)?.to_ascii_lowercase();
    for &(adj, nouns, code) in NATIONAL {
        if adj.as_bytes()[0] != first {
            continue;
        }
        let Some(rest) = b.get(j..j + adj.len()) else { continue };
        if !rest.eq_ignore_ascii_case(adj.as_bytes()) {
            continue;
        }
        let k = skip_spaces(s, j + adj.len(), 1);
        if k == j + adj.len() {
            continue;
        }
        for noun in nouns {
            if let Some(end) = eat_word_ci(s, k, noun) {
                return Some(Suffix { end, code, cents: false, scale: None });
            }
        }
    }
    None
}

fn code_suffix(s: &str, j: usize) -> Option<Suffix> {
    let (end, code, scale) = code_at(s, j)?;
    if !super::text::word_end(s, end) {
        return None;
    }
    Some(Suffix { end, code, cents: false, scale })
}

/// A word for the hundredth part of a currency ([`MINOR_WORDS`]) at `i`,
/// right after a number or after one space; returns its end.
pub fn minor_word(s: &str, i: usize) -> Option<usize> {
    let j = skip_spaces(s, i, 1);
    let w = super::text::word_at(s, j);
    // One letter only when glued: "43c", not "43 c".
    if w.is_empty() || (w.len() == 1 && j != i) {
        return None;
    }
    MINOR_WORDS
        .iter()
        .any(|m| m.eq_ignore_ascii_case(w))
        .then_some(j + w.len())
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
