/*!
Counts: `855,000`, `1.2 million users`, `794K`, `three new products`.

A number that is neither money nor a percentage is a count unless it is
something else wearing digits: a year or part of a date (the date
extractor takes those first), an ordinal (`3rd`), a list number (`1.` at
the start of a line), an identifier (`10-K`, `COVID-19`, `GPT-4`,
`401(k)`, `S&P 500`, `Item 7`), a phone number or a time of day. This
module holds those exclusions and finds the counted noun (`unit`).
*/

use super::text::{
    WordSet, at_line_start, char_before, in_set, prev_word, skip_spaces,
    skip_spaces_back, word_at, word_set,
};

/// Words that end the search for a counted noun.
static STOP_SET: WordSet = WordSet::new(|| word_set(STOP));
const STOP: &[&str] = &[
    "a",
    "an",
    "the",
    "to",
    "from",
    "in",
    "on",
    "at",
    "of",
    "for",
    "by",
    "with",
    "as",
    "than",
    "and",
    "or",
    "but",
    "nor",
    "that",
    "which",
    "who",
    "was",
    "were",
    "is",
    "are",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "can",
    "per",
    "percent",
    "versus",
    "vs",
    "compared",
    "over",
    "under",
    "into",
    "its",
    "his",
    "hers",
    "this",
    "these",
    "those",
    "thus",
    "plus",
    "less",
    "across",
    "always",
    "perhaps",
    "unless",
    "whereas",
    "besides",
    "yes",
    "us",
    "our",
    "their",
    "it",
    "we",
    "they",
    "up",
    "down",
    "about",
    "around",
    "after",
    "before",
    "since",
    "during",
    "while",
    "when",
    "where",
    "if",
    "so",
    "also",
    "year",
    "quarter",
    "cents",
    "dollars",
    "dlrs",
    "basis",
    "times",
    "does",
    "goes",
    "includes",
    "reflects",
    "represents",
    "remains",
    "marks",
    "compares",
    "shows",
    "looks",
    "seems",
    "continues",
    "expects",
    "sees",
    "reports",
    "posts",
    "beats",
    "misses",
    "tops",
    "narrows",
    "raises",
    "cuts",
    "says",
    "said",
    "rose",
    "fell",
    "increased",
    "decreased",
    "grew",
];

/// Nouns that count without a plural `s`.
static IRREGULAR_SET: WordSet = WordSet::new(|| word_set(IRREGULAR));
const IRREGULAR: &[&str] = &[
    "people",
    "staff",
    "personnel",
    "children",
    "men",
    "women",
    "feet",
    "headcount",
    "workforce",
    "sq",
    "square",
    "head",
    "cattle",
    "equipment",
    // Industry units: barrels of oil equivalent (per day), cubic feet.
    "boe",
    "boed",
    "boepd",
    "bopd",
    "bbl",
    "bbls",
    "mmboe",
    "mcf",
    "mmcf",
    "bcf",
    "mcfe",
    "mmcfe",
    "mw",
    "gw",
    "mwh",
    "gwh",
    "kwh",
];

fn is_plural(w: &str) -> bool {
    let lw = w.as_bytes();
    lw.len() >= 3
        && lw[lw.len() - 1].eq_ignore_ascii_case(&b's')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
        && !w.ends_with("'s")
}

/// True for nouns that make a number a duration ("12 months").
pub fn is_time_unit(noun: &str) -> bool {
    const UNITS: &[&str] = &[
        "days", "weeks", "months", "years", "quarters", "hours", "minutes",
        "seconds", "decades", "yrs", "mos", "wks",
    ];
    UNITS.iter().any(|u| u.eq_ignore_ascii_case(noun))
}

/// Finds the counted noun after a number that ends at `e`: the first
/// plural noun among the next three words, skipping adjectives ("three
/// new products" → `products`), and stopping at function words ("855,000
/// to 794,000" has none). Returns its byte span.
pub fn unit_noun(s: &str, e: usize) -> Option<(usize, usize)> {
    let mut i = skip_spaces(s, e, 1);
    if i == e {
        return None;
    }
    for _ in 0..3 {
        let w = word_at(s, i);
        if w.is_empty() {
            return None;
        }
        if in_set(&STOP_SET, w) {
            return None;
        }
        if is_plural(w) || in_set(&IRREGULAR_SET, w) {
            // An all-caps word is a name or a code, not a noun ("50 ETFs"
            // is fine, "500 USD" is handled as money before we get here).
            if w.len() > 1 && w.bytes().all(|c| c.is_ascii_uppercase()) {
                return None;
            }
            return Some((i, i + w.len()));
        }
        let next = i + w.len();
        let j = skip_spaces(s, next, 1);
        if j == next {
            return None;
        }
        i = j;
    }
    None
}

/// Labels after which a number is a name, not a count ("Item 7", "Form
/// 10", "Phase 3", "S&P 500").
static LABEL_SET: WordSet = WordSet::new(|| word_set(LABELS));
const LABELS: &[&str] = &[
    "item",
    "items",
    "note",
    "notes",
    "section",
    "rule",
    "form",
    "chapter",
    "page",
    "pages",
    "slide",
    "slides",
    "exhibit",
    "article",
    "schedule",
    "table",
    "figure",
    "part",
    "route",
    "title",
    "phase",
    "version",
    "tier",
    "class",
    "number",
    "series",
    "model",
    "level",
    "gen",
    "generation",
    "russell",
    "ftse",
    "nasdaq",
    "stoxx",
    "fortune",
    "dax",
    "cac",
    "nikkei",
    "global",
    "ibex",
    "asx",
    "nifty",
    "sensex",
    "kospi",
    "covid",
    "line",
    "lines",
    "step",
    "question",
    "questions",
    "channel",
    "highway",
    "interstate",
    "suite",
    "room",
    "floor",
    "box",
    "unit",
    "building",
    "pier",
    "gate",
    "platform",
    "release",
    "ios",
    "android",
    "windows",
    "iphone",
    "galaxy",
    "pixel",
    "boeing",
    "airbus",
    "area",
    "zone",
    "region",
    "district",
    "ward",
    "precinct",
    "block",
    "lot",
    "plot",
    "paragraph",
    "clause",
    "appendix",
    "annex",
    "footnote",
    "iso",
    "en",
    "din",
    "ieee",
    "rfc",
    "flight",
    "no",
    "nos",
];

/// Words after which a number names a model or programme.
static MODEL_SET: WordSet = WordSet::new(|| word_set(MODEL_WORDS));
const MODEL_WORDS: &[&str] = &[
    "program",
    "programme",
    "jet",
    "jets",
    "aircraft",
    "airplane",
    "airplanes",
    "max",
    "freighter",
    "freighters",
    "dreamliner",
    "neo",
    "series",
    "model",
    "platform",
    "chip",
    "chips",
    "processor",
];

/// Why a number is not a count, or `None` when it is one. `p..q` is the
/// literal's span; `after` is the offset after its scale, if any.
pub fn exclusion(
    s: &str,
    p: usize,
    q: usize,
    after: usize,
) -> Option<&'static str> {
    let b = s.as_bytes();
    let prev = if p > 0 { Some(b[p - 1]) } else { None };
    let next = b.get(after).copied();
    // Part of an identifier: "COVID-19", "GPT-4", "F-150".
    if prev == Some(b'-') && p >= 2 && b[p - 2].is_ascii_alphabetic() {
        return Some("identifier");
    }
    // Second half of a digit pair: "555-0199", "10-12" without a unit.
    if matches!(prev, Some(b'-') | Some(b'/') | Some(b':'))
        && p >= 2
        && b[p - 2].is_ascii_digit()
    {
        return Some("digit group");
    }
    match next {
        // "1st", "5G", "10x", "3Q" (dates take "3Q25" first).
        Some(c) if c.is_ascii_alphabetic() => return Some("attached letters"),
        // "10:30", "1/2", "24/7".
        Some(b':') | Some(b'/')
            if b.get(after + 1).is_some_and(u8::is_ascii_digit) =>
        {
            return Some("time or fraction");
        }
        // "10-K", "5-year", "3-for-1", "555-0199".
        Some(b'-')
            if b.get(after + 1).is_some_and(|c| c.is_ascii_alphanumeric()) =>
        {
            return Some("compound");
        }
        _ => {}
    }
    if s[after..].starts_with("(k)") || s[after..].starts_with("(K)") {
        return Some("identifier");
    }
    // Model and programme numbers: "the 787 program", "737 MAX".
    let w = word_at(s, skip_spaces(s, after, 1));
    if q - p >= 3 && in_set(&MODEL_SET, w) {
        return Some("model number");
    }
    // List numbers: "1." or "2)" at the start of a line.
    if at_line_start(s, p)
        && matches!(next, Some(b'.') | Some(b')'))
        && matches!(b.get(after + 1), None | Some(b' ') | Some(b'\t'))
    {
        return Some("list number");
    }
    // "(1)" enumerations and footnotes.
    if prev == Some(b'(') && next == Some(b')') && q - p <= 2 {
        return Some("enumeration");
    }
    if phone_like(s, p, q) {
        return Some("phone number");
    }
    // Times: "9 a.m.", "4pm ET".
    let j = skip_spaces(s, after, 1);
    for t in ["a.m.", "p.m.", "am ", "pm ", "AM", "PM", "a.m", "p.m"] {
        if s[j..].starts_with(t) {
            return Some("time");
        }
    }
    // Labels and index names before the number.
    let k = skip_spaces_back(s, p);
    if prev == Some(b'#') || char_before(s, k) == Some('#') {
        return Some("label");
    }
    let (ws, w) = prev_word(s, p);
    if !w.is_empty() && in_set(&LABEL_SET, w) {
        // "No. 1": the label may end with a period.
        return Some("label");
    }
    if k >= 1 && b[k - 1] == b'.' {
        let (_, w2) = super::text::word_before(s, k - 1);
        if w2 == "No" || w2 == "no" || w2 == "Nos" {
            return Some("label");
        }
    }
    if s[..k].ends_with("S&P") || s[..ws].ends_with("S&") {
        return Some("index name");
    }
    None
}

/// True when the digits at `p..q` belong to a phone number: groups of
/// 3-3-4 digits ("(800) 555-0199", "800-555-0199", "+1 212 555 0100") or
/// 3-4 ("555-0199").
fn phone_like(s: &str, p: usize, q: usize) -> bool {
    let b = s.as_bytes();
    // Extend over a run of digits and phone punctuation.
    let is_ph = |c: u8| {
        c.is_ascii_digit()
            || matches!(c, b'(' | b')' | b'-' | b'.' | b'+' | b' ')
    };
    let mut lo = p;
    while lo > 0 && is_ph(b[lo - 1]) && p - lo < 16 {
        lo -= 1;
    }
    let mut hi = q;
    while hi < b.len() && is_ph(b[hi]) && hi - q < 16 {
        hi += 1;
    }
    let run = &s[lo..hi];
    let mut groups = [0usize; 12];
    let mut ng = 0;
    for g in run.split(|c: char| !c.is_ascii_digit()).filter(|g| !g.is_empty())
    {
        if ng == groups.len() {
            return false;
        }
        groups[ng] = g.len();
        ng += 1;
    }
    let groups = &groups[..ng];
    let has_dash = run.contains('-') || run.contains(')') || run.contains('+');
    let ends = |w: &[usize]| groups.windows(w.len()).any(|g| g == w);
    (has_dash || run.contains('.'))
        && (ends(&[3, 3, 4])
            || (ends(&[3, 4]) && groups.len() <= 3 && run.contains('-')))
        && !(q - p == 4 && groups.first() == Some(&4))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nouns() {
        let cases: &[(&str, Option<&str>)] = &[
            (" users", Some("users")),
            (" new products", Some("products")),
            (" full-time employees", Some("employees")),
            (" to 794,000", None),
            (" people", Some("people")),
            (" active clients, down", Some("clients")),
            (" was", None),
            ("users", None),
            (" of the stores", None),
        ];
        for &(s, want) in cases {
            let got = unit_noun(s, 0).map(|(a, b)| &s[a..b]);
            assert_eq!(got, want, "{s:?}");
        }
    }

    #[test]
    fn phones() {
        let s = "call (800) 555-0199 now";
        assert!(phone_like(s, 6, 9));
        assert!(phone_like(s, 11, 14));
        assert!(phone_like(s, 15, 19));
        let s = "rose from 855 to 794";
        assert!(!phone_like(s, 10, 13));
        let s = "dial 555-0199.";
        assert!(phone_like(s, 5, 8));
    }
}
