/*!
A claim's metric → a standard concept (`revenue`, `eps`, `gross_margin`, …)
and the qualifiers that make the measure specific (`adjusted`, `gaap`,
`organic`, `constant_currency`, `segment:<name>`).

The concepts and their phrases are one table, `data/concepts.tsv`. A
metric phrase maps to the concept of its head: among the table's phrases
found in the lower-cased metric (hyphens read as spaces), the one that ends
last before the first preposition no phrase covers ("revenue from new
customers" → `revenue`), the longest of those ("same store sales" beats
"sales"). One Aho-Corasick pass: linear in the metric's length.

Context rules on the head: a per-share word before earnings is EPS ("Shr
profit"); debt "to" something is leverage; the cost "of" a revenue is cost
of revenue; a ratio ("ratio of", "as a percent of") is never the measure
after it; a wire row's one word ("Net", "Pretax", "Operating") names its
measure when nothing else does; an amount a measure "includes" or
"excludes" is an item of its own (`charges` unless a phrase names it).

Qualifiers come from the metric, and from the claim's clause when the
metric has none ("EPS was $0.83 on an adjusted basis"), except a cue right
before another measure ("120% of adjusted net income"). Excluding acquired
businesses is `organic`; excluding costs is `adjusted`. The segment is
what is left of the words before the head once determiners, period words,
qualifiers and the company's name are dropped, when one of them is named
(capitalized, a line of business, before "segment"/"business", or any noun
before a revenue or profit line), as written in lower case ("North America
revenue" → `segment:north america`); else a named place after the head
("revenue in Latin America").
*/

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::record::{Claim, Kind, Mention};

/// The concept table, compiled into the binary.
pub const TABLE: &str = include_str!("../../data/concepts.tsv");

/// The concept for a metric that names none of the table's phrases.
pub const OTHER: &str = "other";

struct Table {
    ids: Vec<&'static str>,
    /// Per pattern: its concept (index into `ids`).
    concept: Vec<usize>,
    automaton: AhoCorasick,
}

static CONCEPTS: LazyLock<Table> = LazyLock::new(|| {
    let mut ids = Vec::new();
    let mut patterns = Vec::new();
    let mut concept = Vec::new();
    // Every phrase the table lists, so that a made plural never shadows a
    // listed one ("shrs" is a share count, not a plural of "shr").
    let listed: std::collections::HashSet<String> = TABLE
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .flat_map(|(_, p)| p.split('|'))
        .map(normalize)
        .collect();
    for line in TABLE.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let Some((id, phrases)) = line.split_once('\t') else { continue };
        for p in phrases.split('|').filter(|p| !p.is_empty()) {
            let p = normalize(p);
            // The plural of a phrase's last word names the same measure
            // ("gross margins", "monthly dividends").
            let plural = format!("{}s ", p.trim_end());
            if !p.ends_with("s ") && !listed.contains(&plural) {
                patterns.push(plural);
                concept.push(ids.len());
            }
            patterns.push(p);
            concept.push(ids.len());
        }
        ids.push(id);
    }
    let automaton = AhoCorasickBuilder::new()
        .match_kind(MatchKind::Standard)
        .build(&patterns)
        .expect("the concept table compiles");
    Table { ids, concept, automaton }
});

/// Every concept id of the table, in its order.
pub fn ids() -> Vec<&'static str> {
    CONCEPTS.ids.clone()
}

/// Lower case, hyphens and slashes as spaces, apostrophes dropped, one
/// space between words; padded with a space at each end so phrases match
/// whole words.
fn normalize(s: &str) -> String {
    if s.is_ascii() {
        return normalize_ascii(s.as_bytes());
    }
    let mut out = String::with_capacity(s.len() + 2);
    out.push(' ');
    let mut space = true;
    for c in s.chars() {
        let c = match c {
            '-' | '/' | '–' | ',' | '(' | ')' | '"' | ':' | ';' => ' ',
            '\'' | '’' => continue,
            c => c,
        };
        if c.is_whitespace() {
            if !space {
                out.push(' ');
                space = true;
            }
        } else {
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                out.extend(c.to_lowercase());
            }
            space = false;
        }
    }
    if !space {
        out.push(' ');
    }
    out
}

/// [`normalize`] of ASCII text, byte by byte.
fn normalize_ascii(s: &[u8]) -> String {
    let mut out = Vec::with_capacity(s.len() + 2);
    out.push(b' ');
    let mut space = true;
    for &b in s {
        match b {
            b'\'' => continue,
            b'-' | b'/' | b',' | b'(' | b')' | b'"' | b':' | b';' => {
                if !space {
                    out.push(b' ');
                    space = true;
                }
            }
            b if b.is_ascii_whitespace() || b == 0x0b => {
                if !space {
                    out.push(b' ');
                    space = true;
                }
            }
            b => {
                out.push(b.to_ascii_lowercase());
                space = false;
            }
        }
    }
    if !space {
        out.push(b' ');
    }
    String::from_utf8(out).unwrap_or_default()
}

/// Lower-case words that name a line of business or a market.
const SEGMENT_WORDS: &[&str] = &[
    "services",
    "service",
    "products",
    "product",
    "subscription",
    "subscriptions",
    "hardware",
    "software",
    "international",
    "domestic",
    "commercial",
    "consumer",
    "enterprise",
    "retail",
    "wholesale",
    "digital",
    "online",
    "cloud",
    "licence",
    "license",
    "maintenance",
    "advertising",
    "europe",
    "asia",
    "americas",
    "china",
    "japan",
    "india",
    "emea",
    "apac",
    "latam",
    "canada",
    "mexico",
    "brazil",
    "fee",
    "fees",
    "systemwide",
    "franchise",
    "company-operated",
    "industrial",
    "residential",
    "aerospace",
    "defense",
    "automotive",
    "healthcare",
    "energy",
    "mobile",
    "wireless",
    "wireline",
    "broadband",
    "video",
    "merchandise",
    "apparel",
    "footwear",
    "pharma",
    "devices",
];

/// Prepositions that end a metric's head phrase ("revenue *from* new
/// customers") unless a table phrase covers them ("cost *of* revenue").
static CUT_AUTOMATON: LazyLock<AhoCorasick> =
    LazyLock::new(|| AhoCorasick::new(CUT).expect("the prepositions compile"));

const CUT: &[&str] = &[
    " of ",
    " from ",
    " in ",
    " for ",
    " at ",
    " on ",
    " to ",
    " by ",
    " with ",
    " across ",
    " within ",
    " among ",
    " attributable ",
];

/// Words before the head that are not a segment's name.
fn is_modifier(w: &str) -> bool {
    const WORDS: &[&str] = &[
        "the",
        "a",
        "an",
        "its",
        "our",
        "their",
        "his",
        "her",
        "total",
        "net",
        "quarterly",
        "quarter",
        "quarters",
        "qtr",
        "qtrly",
        "q1",
        "q2",
        "q3",
        "q4",
        "h1",
        "h2",
        "first",
        "second",
        "third",
        "fourth",
        "full",
        "year",
        "years",
        "fy",
        "fiscal",
        "annual",
        "annualized",
        "record",
        "reported",
        "consolidated",
        "overall",
        "company",
        "companys",
        "group",
        "groups",
        "diluted",
        "gaap",
        "non",
        "nongaap",
        "adjusted",
        "adj",
        "organic",
        "core",
        "underlying",
        "comparable",
        "pro",
        "forma",
        "proforma",
        "half",
        "ttm",
        "trailing",
        "twelve",
        "month",
        "months",
        "period",
        "combined",
        "this",
        "that",
        "these",
        "those",
        "same",
        "compname",
        "global",
        "worldwide",
        "cash",
        "operating",
        "constant",
        "currency",
        "new",
        "and",
        "or",
        "all",
        "normalized",
        "recurring",
        "continuing",
        "basic",
        "average",
        "approximately",
        "about",
        "nearly",
        "over",
        "more",
        "than",
        "last",
        "prior",
        "previous",
        "current",
        "next",
        "ending",
        "ended",
        "yoy",
        "sequential",
        "quarterly",
        "ytd",
        "date",
        "nine",
        "six",
        "three",
        "fourth-quarter",
        "results",
        "strong",
        "higher",
        "lower",
        "increased",
        "reduced",
        "improved",
        "better",
        "record-high",
        "excluding",
        "items",
        "special",
        "one",
        "time",
        "shr",
        "per",
        "share",
        "earnings",
        "income",
        "sales",
        "revenue",
        "total's",
        "growth",
        "rate",
        "margin",
        "weighted",
        "dollar",
        "dollars",
        "us",
        "u.s.",
        "sees",
        "expects",
        "see",
        "expect",
        "guidance",
        "outlook",
        "number",
        "amount",
        "level",
        "value",
        "volume",
        "its",
        "mid",
        "gross",
        "partial",
        "discontinued",
        "unit",
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    WORDS.contains(&w)
        || w.chars().all(|c| c.is_ascii_digit() || c == '.' || c == '$')
        || (w.len() == 6 && w.starts_with("fy"))
        || w.ends_with("quarter")
}

/// The concept of [`last_phrase`], with the last text's answer kept per
/// thread (the claims of one clause share their head).
fn last_phrase_id(text: &str) -> Option<&'static str> {
    thread_local! {
        static LAST: std::cell::RefCell<(String, Option<&'static str>)> =
            const { std::cell::RefCell::new((String::new(), None)) };
    }
    LAST.with_borrow_mut(|(last, id)| {
        if last != text || text.is_empty() {
            *id = last_phrase(text).map(|(id, _)| id);
            last.clear();
            last.push_str(text);
        }
        *id
    })
}

/// The concept of the table phrase that ends last in `text` (the one
/// nearest its end), and the word right before that phrase. For text
/// before a figure: "net income was $616 million, or" → `net_income`;
/// "fee revenue declined 19% to" → `revenue` after "fee".
pub fn last_phrase(text: &str) -> Option<(&'static str, String)> {
    let t = &*CONCEPTS;
    let norm = normalize(text);
    let m = t
        .automaton
        .find_overlapping_iter(norm.as_str())
        .max_by_key(|m| (m.end(), m.end() - m.start()))?;
    let prev =
        norm[..m.start()].split(' ').rfind(|w| !w.is_empty()).unwrap_or("");
    Some((t.ids[t.concept[m.pattern().as_usize()]], prev.to_string()))
}

/// Is `w` a word that may stand before a measure's phrase without naming
/// a part of the business ("we generated revenue", "the company's
/// revenue", but not "fee revenue")?
pub fn plain_before(w: &str) -> bool {
    const WORDS: &[&str] = &[
        "",
        "we",
        "our",
        "they",
        "it",
        "was",
        "were",
        "is",
        "are",
        "had",
        "have",
        "has",
        "with",
        "of",
        "in",
        "for",
        "and",
        "to",
        "that",
        "as",
        "on",
        "by",
        "at",
        "from",
        "be",
        "been",
        "which",
        "while",
        "also",
        "i",
        "you",
        "its",
        "their",
        "this",
        "per",
        "share",
        "record",
        "strong",
        "solid",
        "see",
        "saw",
        "expect",
        "expects",
        "delivered",
    ];
    // Verbs and words of guidance that lead into a measure.
    const LEADS: &[&str] = &[
        "target",
        "targets",
        "now",
        "guide",
        "forecast",
        "project",
        "projects",
        "generate",
        "generates",
        "post",
        "posts",
        "report",
        "reports",
        "deliver",
        "delivers",
        "achieve",
        "achieves",
        "raise",
        "raises",
        "lower",
        "lowers",
        "maintain",
        "maintains",
        "reaffirm",
        "reaffirms",
        "reiterate",
        "reiterates",
        "confirm",
        "confirms",
        "anticipate",
        "anticipates",
        "estimate",
        "estimates",
        "higher",
        "improved",
        "such",
        "so",
        "an",
        "a",
        "the",
        "all",
        "when",
        "where",
        "will",
        "would",
        "should",
        "could",
        "can",
        "may",
        "did",
        "do",
        "does",
        "not",
        "than",
        "expected",
    ];
    WORDS.contains(&w)
        || LEADS.contains(&w)
        || is_modifier(w)
        || w.ends_with("ed")
        || w.ends_with("ing")
        || w.ends_with("ly")
}

/// The concept of the table phrase that starts first in `text` (for the
/// words right after a figure: "$0.78 per share" → `eps`).
pub fn first_phrase(text: &str) -> Option<&'static str> {
    let t = &*CONCEPTS;
    let norm = normalize(text);
    t.automaton
        .find_overlapping_iter(norm.as_str())
        .min_by_key(|m| (m.start(), usize::MAX - (m.end() - m.start())))
        .map(|m| t.ids[t.concept[m.pattern().as_usize()]])
}

/// A claim's concept and qualifiers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Concept {
    /// The concept id (`other` when none fits).
    pub id: &'static str,
    /// Sorted qualifiers.
    pub qualifiers: Vec<String>,
    /// Every word before the head that is no determiner, period or
    /// qualifier, named or not ("driving system" in "driving system
    /// sales"): a looser reading of the segment, for comparisons that
    /// would rather miss than confuse a part with the whole.
    pub modifier: String,
    /// Whether the metric itself names the concept (a phrase of the
    /// table, `other` ones included), not only the clause around it.
    pub named: bool,
}

/// Maps a metric (with its clause, for qualifiers the metric does not
/// carry, and the claim's subject, which is never a segment) to its
/// concept.
pub fn classify(metric: &str, clause: &str, subject: Option<&str>) -> Concept {
    let t = &*CONCEPTS;
    let norm = normalize(metric);
    let mut spans: Vec<(usize, usize, usize)> = Vec::new();
    for m in t.automaton.find_overlapping_iter(norm.as_str()) {
        // Patterns are padded with spaces: whole words only.
        spans.push((m.start(), m.end(), t.concept[m.pattern().as_usize()]));
    }
    // The first preposition no phrase covers ends the head phrase.
    let mut cut = norm.len();
    for m in CUT_AUTOMATON.find_overlapping_iter(norm.as_str()) {
        let (at, end) = (m.start(), m.end());
        let covered = spans.iter().any(|&(s, e, _)| s <= at && end <= e);
        if !covered && at < cut && spans.iter().any(|&(s, _, _)| s < at) {
            cut = at;
        }
    }
    // "the ratio of loan losses to loans", "A&P as a percent of sales":
    // a ratio is about what stands before it, never the measure after.
    let ratio = RATIO_AUTOMATON.find(norm.as_str()).map(|m| m.start());
    if let Some(r) = ratio {
        cut = cut.min(r);
    }
    let head = spans
        .iter()
        .filter(|&&(s, _, _)| s < cut)
        .max_by_key(|&&(s, e, _)| (e.min(cut + 1), e - s));
    // "revenue per employee" is a ratio, not revenue.
    let head = head.filter(|&&(_, he, _)| !norm[he..].starts_with("per "));
    let Some(&(hs, he, cid)) = head else {
        // "Net", "Oper net", "Pretax", "Operating": a wire table's row
        // names its measure with one word of the table's longer phrases.
        let t = norm.trim_end();
        let bare = BARE
            .iter()
            .find(|b| {
                t.strip_suffix(b.0)
                    .is_some_and(|r| r.is_empty() || r.ends_with(' '))
            })
            .map(|b| b.1)
            .filter(|_| ratio.is_none());
        return Concept {
            id: bare.unwrap_or(OTHER),
            qualifiers: qualifiers(&norm, clause, "", bare),
            modifier: String::new(),
            named: bare.is_some() || ratio.is_some(),
        };
    };
    // "FFO per share", "AFFO per unit": a per-share amount of a measure
    // that is not earnings (funds from operations) is that measure.
    if t.ids[cid] == "eps" && not_eps_measure(&norm[..=hs]) {
        return Concept {
            id: OTHER,
            qualifiers: qualifiers(&norm, clause, "", None),
            modifier: String::new(),
            named: true,
        };
    }
    let mut id = t.ids[cid];
    let before_head = &norm[..hs];
    // "Shr profit", "Oper shr loss": a per-share word before earnings
    // makes it earnings per share.
    if id == "net_income"
        && spans.iter().any(|&(s, _, c)| s < hs && t.ids[c] == "eps")
    {
        id = "eps";
    }
    // "debt to total capitalization", "net debt to EBITDA": a ratio.
    if matches!(id, "debt" | "net_debt") && norm[he..].starts_with("to ") {
        id = "leverage";
    }
    // "cost of product revenue": the cost of a revenue.
    if id == "revenue" && before_head.contains(" cost of ") {
        id = "cost_of_revenue";
    }
    let subject = subject.map(normalize).unwrap_or_default();
    let before: Vec<&str> = before_head
        .split(' ')
        .filter(|w| !w.is_empty())
        .filter(|w| !is_modifier(w))
        .filter(|w| !subject.split(' ').any(|s| s == *w))
        .collect();
    // A segment is named: a word written with a capital (beyond the
    // metric's first word, which may be capitalized only because it opens
    // the sentence), or a word that names a line of business.
    let words: Vec<&str> = metric.split_whitespace().collect();
    let named = |w: &str| {
        SEGMENT_WORDS.contains(&w)
            || words.iter().enumerate().any(|(i, raw)| {
                normalize(raw).trim() == w
                    && raw.chars().next().is_some_and(char::is_uppercase)
                    && (i > 0
                        || words.len() > 1
                            && words[1]
                                .chars()
                                .next()
                                .is_some_and(char::is_uppercase)
                        || raw
                            .chars()
                            .filter(|c| c.is_alphabetic())
                            .all(char::is_uppercase))
            })
    };
    // "land segment volume", "e-commerce business": the words before a
    // segment word name the segment, capitalized or not.
    let suffix = before.iter().position(|w| SEGMENT_SUFFIX.contains(w));
    let before: &[&str] = match suffix {
        Some(k) => &before[..k],
        None => &before,
    };
    // The segment as written ("direct-to-consumer"), else its words.
    let mut modifier =
        raw_words(metric, before).unwrap_or_else(|| before.join(" "));
    // A phrase with a preposition is not a segment's name ("share of").
    if modifier.split(' ').any(|w| CUT.iter().any(|p| p.trim() == w)) {
        modifier.clear();
    }
    // A noun before a revenue or profit line names the line of business
    // it comes from ("licensing revenue", "footwear revenue").
    let line_of_business =
        matches!(
            id,
            "revenue" | "operating_income" | "operating_margin" | "bookings"
        ) && before.iter().all(|w| w.bytes().all(|b| b.is_ascii_alphabetic()));
    let mut segment = if !modifier.is_empty()
        && (suffix.is_some_and(|k| k > 0)
            || line_of_business
            || before.iter().any(|w| named(w)))
    {
        modifier.clone()
    } else {
        String::new()
    };
    if segment.is_empty()
        && let Some(seg) = trailing_segment(metric)
    {
        modifier.clone_from(&seg);
        segment = seg;
    }
    Concept {
        id,
        qualifiers: qualifiers(&norm, clause, &segment, Some(id)),
        modifier,
        named: true,
    }
}

/// Words that make a metric a ratio of what stands before them.
const RATIO_OF: &[&str] = &[
    " as a percentage of ",
    " as a percent of ",
    " as percentage of ",
    " as a share of ",
    " ratio of ",
    " percentage of ",
    " proportion of ",
];

/// [`RATIO_OF`] as one automaton: the leftmost match is the first ratio
/// phrase, in one pass over the metric.
static RATIO_AUTOMATON: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostFirst)
        .build(RATIO_OF)
        .expect("the ratio phrases compile")
});

/// One-word measures of wire tables, read only when the metric names
/// no phrase of the table ("Net 1,063,000 vs 639,000").
const BARE: &[(&str, &str)] = &[
    ("net", "net_income"),
    ("pre tax", "pretax_income"),
    ("operating", "operating_income"),
    ("pretax", "pretax_income"),
    ("interest", "interest_expense"),
];

/// Words after a segment's name ("the marine segment", "our intelligence
/// business"), dropped from the name.
const SEGMENT_SUFFIX: &[&str] = &[
    "segment",
    "segments",
    "division",
    "divisions",
    "business",
    "businesses",
    "region",
    "unit",
    "units",
    "operations",
];

/// The words of `metric` as written (lower case, hyphens kept) whose
/// normalized pieces are all among `keep`: the first run of them.
fn raw_words(metric: &str, keep: &[&str]) -> Option<String> {
    let mut out: Vec<String> = Vec::new();
    for raw in metric.split_whitespace() {
        let w = raw
            .trim_matches(|c: char| !(c.is_alphanumeric() || c == '&'))
            .to_lowercase();
        let n = normalize(&w);
        let pieces: Vec<&str> =
            n.split(' ').filter(|p| !p.is_empty()).collect();
        let inside =
            !pieces.is_empty() && pieces.iter().all(|p| keep.contains(p));
        if inside {
            out.push(w);
        } else if !out.is_empty() {
            break;
        }
    }
    (!out.is_empty()).then(|| out.join(" "))
}

/// "revenue in North America", "revenue from our intelligence business",
/// "lots in our Northern region": a segment named after the measure.
fn trailing_segment(metric: &str) -> Option<String> {
    let lower = metric.to_ascii_lowercase();
    let (at, len) = [" in ", " from ", " within ", " at "]
        .iter()
        .filter_map(|p| lower.find(p).map(|k| (k, p.len())))
        .min()?;
    let tail = metric.get(at + len..)?;
    let mut words: Vec<&str> = tail
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| matches!(c, ',' | '.' | ';' | ':')))
        .filter(|w| !w.is_empty())
        .collect();
    if words.first().is_some_and(|w| {
        ["our", "the", "its", "their"]
            .contains(&w.to_ascii_lowercase().as_str())
    }) {
        words.remove(0);
    }
    let suffixed = words.last().is_some_and(|w| {
        SEGMENT_SUFFIX.contains(&w.to_ascii_lowercase().as_str())
    });
    if suffixed {
        words.pop();
    }
    if words.is_empty() || words.len() > 4 {
        return None;
    }
    let name = words.join(" ").to_lowercase();
    if name.bytes().any(|b| b.is_ascii_digit())
        || name.split(' ').any(|w| NOT_SEGMENT.contains(&w))
        || words.iter().any(|w| {
            w.chars().next().is_some_and(char::is_lowercase) && is_modifier(w)
        })
    {
        return None;
    }
    let capital = words.iter().all(|w| {
        w.chars().next().is_some_and(char::is_uppercase)
            || ["and", "of", "&"].contains(w)
    });
    let known = words
        .iter()
        .all(|w| SEGMENT_WORDS.contains(&w.to_lowercase().as_str()));
    (suffixed || capital || known).then_some(name)
}

/// A claim's concept and qualifiers, from its metric and the text around
/// it, and whether the concept was only guessed from the clause (the
/// metric phrase names no measure: "qtrly", "foreign currency
/// translation"). Beyond [`classify`]: a money figure followed by "per
/// share" is earnings per share when the metric is earnings ("net income
/// from continuing operations was $0.65 per share"), and a sentence that
/// opens on a named part of the business ("In Space and Airborne Systems,
/// revenue increased 3%") gives the claim that segment.
pub fn of_claim(
    text: &str,
    mentions: &[Mention],
    c: &Claim,
) -> (Concept, bool) {
    let clause = text.get(c.start..c.end).unwrap_or("");
    let mut concept = classify(&c.metric, clause, c.subject.as_deref());
    let mut guessed = false;
    if concept.id == OTHER && !concept.named {
        // The words before the claim's first figure, from the start of
        // its sentence ("Consolidated gross profit was $185 million,
        // that's down 4%": the clause alone names no measure).
        let upto = first_figure(c, mentions).unwrap_or(c.end).min(c.end);
        let from = sentence_start(text, c.start.min(upto));
        if let Some(head) = text.get(from..upto)
            && let Some(id) = last_phrase_id(head)
            && id != OTHER
        {
            concept.id = id;
            guessed = true;
        }
    }
    // "Our industrial market grew 5%", "Services grew 10%", "our 11%
    // growth for the year": the percent growth of a business line, or
    // growth alone, is its sales'.
    if concept.id == OTHER
        && !concept.named
        && !guessed
        && c.change.as_ref().is_some_and(|k| k.unit.as_deref() == Some("%"))
        && c.value.is_none()
        && c.metric.rsplit(' ').next().is_some_and(|h| {
            BUSINESS_HEADS.contains(&h.to_ascii_lowercase().as_str())
        })
    {
        concept.id = "revenue";
    }
    if let Some(id) = included_item(text, mentions, c) {
        concept.id = id;
        concept.qualifiers.retain(|q| q.starts_with("segment:"));
        return (concept, guessed);
    }
    let per_share_after = |end: usize| {
        let mut hi = text.len().min(end + 30);
        while !text.is_char_boundary(hi) {
            hi -= 1;
        }
        let after = text.get(end..hi).unwrap_or("").to_ascii_lowercase();
        PER_SHARE.iter().any(|p| after.starts_with(p))
    };
    // "$3.40 to $3.48 per share": a range's upper end carries the words.
    let per_share = c.mentions.iter().any(|&i| {
        mentions.get(i).is_some_and(|m| {
            m.kind == Kind::Money
                && (per_share_after(m.end)
                    || mentions.get(i + 1).is_some_and(|n| {
                        n.kind == Kind::Money
                            && text.get(m.end..n.start).is_some_and(|gap| {
                                matches!(gap, " to " | "-" | "–" | " - ")
                            })
                            && per_share_after(n.end)
                    }))
        })
    });
    if per_share && matches!(concept.id, "net_income" | "other") {
        let lower = format!("{} {clause}", c.metric).to_ascii_lowercase();
        if ["earn", "income", "loss", "profit", "eps"]
            .iter()
            .any(|w| lower.contains(w))
            && !NOT_EARNINGS.iter().any(|w| lower.contains(w))
        {
            concept.id = "eps";
        }
    }
    if !concept.qualifiers.iter().any(|q| q.starts_with("segment:"))
        && let Some(seg) = opening_segment(text, c.start)
    {
        concept.qualifiers.push(format!("segment:{seg}"));
        concept.qualifiers.sort();
        concept.modifier = seg;
    }
    (concept, guessed)
}

/// Heads of a business line whose percent change, stated without a
/// measure, is a change of its sales.
const BUSINESS_HEADS: &[&str] = &[
    "market",
    "markets",
    "business",
    "businesses",
    "segment",
    "category",
    "products",
    "services",
    "consumables",
    "division",
    "franchise",
    "brands",
    "portfolio",
    "growth",
];

/// Verbs by which a measure names an amount inside it.
const INCLUDES: &[&str] = &[
    " includes ",
    " include ",
    " included ",
    " excludes ",
    " exclude ",
    " excluded ",
    " adjustment for ",
];

/// "1986 net includes a charge of 1.2 mln dlrs", "adjusted EPS of $1.19
/// includes an adjustment for a $4.4 million remeasurement": an amount a
/// measure includes or excludes is an item of its own. Its concept is
/// that of the phrase naming it (the last one between the verb and the
/// figure, else the first one after the figure), and a one-off item
/// (`charges`) when no phrase names it or the phrase is the measure that
/// contains it.
fn included_item(
    text: &str,
    mentions: &[Mention],
    c: &Claim,
) -> Option<&'static str> {
    // Only an amount of money is an item; a change ("includes an organic
    // decline of 7%") stays the measure's.
    if c.value.as_ref().is_none_or(|v| v.kind != Kind::Money) {
        return None;
    }
    let fig = first_figure(c, mentions)?;
    let from = sentence_start(text, c.start.min(fig));
    let before = text.get(from..fig)?;
    let lower = before.to_ascii_lowercase();
    let (at, len) = INCLUDES
        .iter()
        .filter_map(|v| lower.rfind(v).map(|k| (k, v.len())))
        .max()?;
    // The verb governs the figure: a few words between them, no comma.
    let between = &before[at + len..];
    if between.contains(',') || between.split_whitespace().count() > 6 {
        return None;
    }
    let fig_end = c
        .mentions
        .iter()
        .filter_map(|&i| mentions.get(i))
        .find(|m| m.start == fig)
        .map_or(fig, |m| m.end);
    let mut hi = (fig_end + 48).min(text.len());
    while !text.is_char_boundary(hi) {
        hi -= 1;
    }
    let after = text.get(fig_end..hi).unwrap_or("");
    let after = &after[..after.find(['.', ';', ',']).unwrap_or(after.len())];
    let named =
        last_phrase(between).map(|(id, _)| id).or_else(|| first_phrase(after));
    Some(match named {
        Some(id)
            if !matches!(
                id,
                "net_income" | "eps" | "ebitda" | "operating_income"
            ) =>
        {
            id
        }
        _ => "charges",
    })
}

/// "In Space and Airborne Systems, ..." / "For the Americas segment, ...":
/// the name a sentence opens on, when the clause at `at` is in that
/// sentence (within 200 bytes of its start).
pub fn opening_segment(text: &str, at: usize) -> Option<String> {
    let mut hi = (at + 200).min(text.len());
    while !text.is_char_boundary(hi) {
        hi -= 1;
    }
    let start = sentence_start(text, at);
    let sentence = text[start..hi].trim_start();
    let rest = ["In ", "For ", "At ", "Within ", "Across "]
        .iter()
        .find_map(|p| sentence.strip_prefix(p))?;
    let name = &rest[..rest.find(',')?];
    let mut words: Vec<&str> = name.split_whitespace().collect();
    // "Within our global workforce development segment,": a segment word
    // names a part of the business however its name is written.
    if words.first().is_some_and(|w| ["our", "the"].contains(w)) {
        words.remove(0);
    }
    let suffixed = words.len() > 1
        && words.last().is_some_and(|w| SEGMENT_SUFFIX.contains(w));
    if suffixed {
        words.pop();
        let lower = words.join(" ").to_lowercase();
        if words.len() > 5
            || lower.split(' ').any(|w| NOT_SEGMENT.contains(&w))
            || lower.bytes().any(|b| b.is_ascii_digit())
        {
            return None;
        }
        return Some(lower);
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.is_empty() || words.len() > 6 {
        return None;
    }
    // A period or a generic phrase is not a segment ("In the quarter",
    // "In Q3", "For the full year").
    let lower = name.to_ascii_lowercase();
    if NOT_SEGMENT.iter().any(|w| lower.contains(w)) {
        return None;
    }
    let named = |w: &&str| {
        w.chars().next().is_some_and(char::is_uppercase)
            || ["and", "of", "the", "&"].contains(w)
    };
    if !words.iter().all(named) {
        return None;
    }
    Some(lower)
}

/// Words of an opening phrase that is not a part of the business.
const NOT_SEGMENT: &[&str] = &[
    "quarter",
    "year",
    "q1",
    "q2",
    "q3",
    "q4",
    "month",
    "period",
    "total",
    "addition",
    "summary",
    "short",
    "fact",
    "terms",
    "general",
    "particular",
    "contrast",
    "comparison",
    "response",
    "line",
    "light",
    "fiscal",
    "20",
    "19",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "the first",
    "the second",
    "the third",
    "the fourth",
    "our",
    "this",
    "that",
    "these",
    "those",
    "each",
    "both",
    "all",
];

/// Words right after a money figure that make it a per-share amount.
pub const PER_SHARE: &[&str] = &[
    " per share",
    " per diluted share",
    " per common share",
    " a share",
    " per basic",
    " per diluted common share",
    " per fully diluted",
    " per weighted",
    " per unit",
    " a diluted share",
];

/// Measures reported per share that are not earnings (padded: whole
/// words of a normalized metric).
const NOT_EPS_MEASURES: &[&str] =
    &[" ffo ", " affo ", " funds from operations ", " core ffo "];

/// True when a normalized metric names a measure of [`NOT_EPS_MEASURES`].
fn not_eps_measure(norm: &str) -> bool {
    NOT_EPS_MEASURES.iter().any(|w| norm.contains(w))
}

/// Words before a per-share amount that make it something other than
/// earnings (a buyback's average price, a dividend, book value).
pub const NOT_EARNINGS: &[&str] = &[
    "price",
    "dividend",
    "buy",
    "repurchas",
    "paid",
    "book value",
    "cost",
    "distribution",
    "cash flow",
    "impact",
    "charge",
    "benefit",
];

/// Where the sentence holding byte `at` starts (at most 200 bytes back):
/// after a line break, or a full stop, semicolon, "!" or "?" followed by
/// a space (a decimal point is not an end).
pub fn sentence_start(text: &str, at: usize) -> usize {
    let mut lo = at.saturating_sub(200);
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    let b = text.as_bytes();
    let mut i = at;
    while i > lo {
        let c = b[i - 1];
        let next_space = b.get(i).is_none_or(|n| n.is_ascii_whitespace());
        if c == b'\n' || (matches!(c, b'.' | b';' | b'!' | b'?') && next_space)
        {
            return i;
        }
        i -= 1;
    }
    lo
}

/// Byte offset of a claim's first figure.
pub fn first_figure(c: &Claim, mentions: &[Mention]) -> Option<usize> {
    c.mentions
        .iter()
        .filter_map(|&i| mentions.get(i))
        .filter(|m| m.kind != Kind::Date)
        .map(|m| m.start)
        .min()
}

/// What a cue says about the measure (see [`CUES`]).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Cue {
    Adjusted,
    NonGaap,
    Gaap,
    Organic,
    ConstantCurrency,
    /// "excluding": adjusted, unless it excludes currency or
    /// acquisitions.
    Excluding,
    /// "excluding foreign", "excluding fx": not adjusted (the
    /// exclusion is currency).
    ExcludingFx,
    /// "excluding currency", "excluding foreign currency": constant
    /// currency, and not adjusted.
    ExcludingCurrency,
    /// "acquisitions", "businesses acquired": with "excluding", organic.
    Acquisitions,
    /// "costs", "charges": what an exclusion of acquisition costs
    /// removes is an item (adjusted), not the acquired business.
    Items,
}

/// Qualifier cues, matched as whole words in the normalized metric or
/// clause (lower case, hyphens as spaces).
const CUES: &[(&str, Cue)] = &[
    ("non gaap", Cue::NonGaap),
    ("nongaap", Cue::NonGaap),
    ("adjusted", Cue::Adjusted),
    ("adj", Cue::Adjusted),
    ("ex items", Cue::Adjusted),
    ("adjusting for", Cue::Adjusted),
    ("underlying", Cue::Adjusted),
    ("pro forma", Cue::Adjusted),
    ("core", Cue::Adjusted),
    ("normalized", Cue::Adjusted),
    ("comparable eps", Cue::Adjusted),
    ("oper shr", Cue::Adjusted),
    // Wire tables: "Oper net", "Oper shr loss" (operating, before
    // extraordinary items).
    ("oper", Cue::Adjusted),
    ("excluding", Cue::Excluding),
    ("excluding currency", Cue::ExcludingCurrency),
    ("excluding foreign", Cue::ExcludingFx),
    ("excluding foreign currency", Cue::ExcludingCurrency),
    ("excluding fx", Cue::ExcludingFx),
    ("gaap", Cue::Gaap),
    ("organic", Cue::Organic),
    ("organically", Cue::Organic),
    ("less acquisitions", Cue::Organic),
    ("less significant acquisitions", Cue::Organic),
    ("acquisitions", Cue::Acquisitions),
    ("acquisition", Cue::Acquisitions),
    ("acquired", Cue::Acquisitions),
    ("costs", Cue::Items),
    ("cost", Cue::Items),
    ("charges", Cue::Items),
    ("expenses", Cue::Items),
    ("related", Cue::Items),
    ("amortization", Cue::Items),
    ("constant currency", Cue::ConstantCurrency),
    ("currency neutral", Cue::ConstantCurrency),
    ("fx neutral", Cue::ConstantCurrency),
    ("local currency", Cue::ConstantCurrency),
    ("in local terms", Cue::ConstantCurrency),
    ("in yen", Cue::ConstantCurrency),
    ("in euro terms", Cue::ConstantCurrency),
];

static CUE_AUTOMATON: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::new(CUES.iter().map(|(p, _)| format!(" {p} ")))
        .expect("the qualifier cues compile")
});

/// One word of every cue that can make a qualifier on its own (not the
/// `Items` and `Acquisitions` cues, which count only beside "excluding").
const CUE_WORDS: &[&str] = &[
    "gaap",
    "nongaap",
    "adjusted",
    "adj",
    "items",
    "adjusting",
    "underlying",
    "forma",
    "core",
    "normalized",
    "comparable",
    "oper",
    "excluding",
    "organic",
    "organically",
    "less",
    "currency",
    "neutral",
    "local",
    "yen",
    "euro",
];

static CUE_WORD_AUTOMATON: LazyLock<AhoCorasick> = LazyLock::new(|| {
    // A DFA (a small one): one transition per byte of every clause.
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .build(CUE_WORDS)
        .expect("the cue words compile")
});

/// Whether the raw `text` may state a qualifier: one of [`CUE_WORDS`]
/// stands in it as a whole word. A cheap test before [`normalize`] and
/// [`cue_hits`]: every cue of the normalized text has one of these words
/// with separators on both sides, and a separator is never an ASCII
/// letter or digit, so a clause without them has no qualifier.
fn may_qualify(text: &str) -> bool {
    let b = text.as_bytes();
    CUE_WORD_AUTOMATON.find_overlapping_iter(text).any(|m| {
        let left = m.start() == 0 || !b[m.start() - 1].is_ascii_alphanumeric();
        let right = m.end() == b.len() || !b[m.end()].is_ascii_alphanumeric();
        left && right
    })
}

/// The concept of the table phrase that starts right at the beginning of
/// `t` (normalized, with its leading space), within its first few words.
fn phrase_at_start(t: &str) -> Option<&'static str> {
    let mut hi = t.len().min(48);
    while !t.is_char_boundary(hi) {
        hi -= 1;
    }
    let c = &*CONCEPTS;
    c.automaton
        .find_overlapping_iter(&t[..hi])
        .filter(|m| m.start() == 0)
        .max_by_key(|m| m.end())
        .map(|m| c.ids[c.concept[m.pattern().as_usize()]])
}

/// One qualifier cue found in a normalized text, with the concept of the
/// table phrase that starts right after it (for the rule of [`fold`]).
#[derive(Clone, Copy)]
struct CueHit {
    cue: Cue,
    next: Option<&'static str>,
}

/// The qualifier cues of a normalized text: one overlapping Aho-Corasick
/// pass, independent of the claim's concept (so that the claims of one
/// clause can share it).
fn cue_hits(t: &str) -> Vec<CueHit> {
    CUE_AUTOMATON
        .find_overlapping_iter(t)
        .map(|m| {
            let cue = CUES[m.pattern().as_usize()].1;
            let next =
                if matches!(cue, Cue::Adjusted | Cue::NonGaap | Cue::Gaap) {
                    phrase_at_start(&t[m.end() - 1..])
                } else {
                    None
                };
            CueHit { cue, next }
        })
        .collect()
}

/// The qualifiers a normalized text states, in the order `adjusted`,
/// `gaap`, `organic`, `constant_currency`. With `concept`, a GAAP or
/// adjusted cue right before the phrase of another measure qualifies that
/// measure, not this one ("186% of adjusted net income" says nothing of
/// free cash flow).
fn cues(t: &str, concept: Option<&str>) -> Vec<&'static str> {
    fold(&cue_hits(t), concept)
}

/// [`cues`] from the hits of [`cue_hits`].
fn fold(hits: &[CueHit], concept: Option<&str>) -> Vec<&'static str> {
    let (mut adjusted, mut nongaap, mut gaap, mut organic, mut cc) =
        (false, false, false, false, false);
    let (mut excluding, mut excluding_fx) = (false, false);
    let (mut acquisitions, mut items) = (false, false);
    for hit in hits {
        let cue = hit.cue;
        if let Some(own) = concept
            && matches!(cue, Cue::Adjusted | Cue::NonGaap | Cue::Gaap)
            && hit.next.is_some_and(|c| c != own)
        {
            continue;
        }
        match cue {
            Cue::Adjusted => adjusted = true,
            Cue::NonGaap => nongaap = true,
            Cue::Gaap => gaap = true,
            Cue::Organic => organic = true,
            Cue::ConstantCurrency => cc = true,
            Cue::Excluding => excluding = true,
            Cue::ExcludingFx => excluding_fx = true,
            Cue::ExcludingCurrency => {
                excluding_fx = true;
                cc = true;
            }
            Cue::Acquisitions => acquisitions = true,
            Cue::Items => items = true,
        }
    }
    // "excluding the impact of businesses acquired" is organic;
    // "excluding acquisition costs" is adjusted.
    let organic_exclusion = excluding && acquisitions && !items;
    if organic_exclusion {
        organic = true;
    }
    // "excluding" makes the measure adjusted, unless what it excludes is
    // currency or acquired businesses.
    let mut found = Vec::new();
    if nongaap
        || adjusted
        || (excluding && !excluding_fx && !organic_exclusion)
    {
        found.push("adjusted");
    }
    if !nongaap && gaap {
        found.push("gaap");
    }
    if organic {
        found.push("organic");
    }
    if cc {
        found.push("constant_currency");
    }
    found
}

/// [`cues`] of a clause for a claim of `concept`. The claims of one
/// clause follow each other and share it (a table row gives dozens), so
/// the last clause's cue hits are kept per thread: the scan is per
/// clause, only the fold per claim.
fn clause_cues(
    clause: &str,
    concept: Option<&'static str>,
) -> Vec<&'static str> {
    thread_local! {
        static LAST: std::cell::RefCell<(String, Vec<CueHit>)> =
            const { std::cell::RefCell::new((String::new(), Vec::new())) };
    }
    LAST.with_borrow_mut(|(text, hits)| {
        if text != clause || clause.is_empty() {
            *hits = if may_qualify(clause) {
                cue_hits(&normalize(clause))
            } else {
                Vec::new()
            };
            text.clear();
            text.push_str(clause);
        }
        fold(hits, concept)
    })
}

fn qualifiers(
    metric: &str,
    clause: &str,
    segment: &str,
    concept: Option<&'static str>,
) -> Vec<String> {
    let mut found = cues(metric, None);
    if found.is_empty() {
        found = clause_cues(clause, concept);
        // A clause that names both is about two measures: it qualifies
        // neither.
        if found.contains(&"adjusted") && found.contains(&"gaap") {
            found.clear();
        }
    }
    let mut q: Vec<String> = found.into_iter().map(String::from).collect();
    if !segment.is_empty() {
        q.push(format!("segment:{segment}"));
    }
    q.sort();
    q.dedup();
    q
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_normalization_is_the_general_one() {
        // The general path on text made non-ASCII by a trailing "é".
        for s in [
            "Non-GAAP EPS (diluted)",
            "  Revenue,\tnet\x0b of  returns; \"core\" ",
            "O'Neil's Q3/Q4: sales\r\n",
            "",
        ] {
            let general = normalize(&format!("{s}é"));
            let ascii = normalize_ascii(s.as_bytes());
            let want = general.trim_end().trim_end_matches('é');
            assert_eq!(ascii.trim_end(), want.trim_end(), "{s:?}");
        }
    }

    #[test]
    fn the_cue_prefilter_passes_every_clause_with_a_qualifier() {
        // Every cue, in the spellings a clause may give it, inside a
        // sentence: whenever the normalized clause yields a qualifier,
        // the raw clause passes `may_qualify`.
        for &(p, _) in CUES {
            let spellings = [
                p.to_string(),
                p.to_uppercase(),
                p.replace(' ', "-"),
                p.replace(' ', "/"),
                format!("({p})"),
                format!("\"{p}\""),
            ];
            for w in spellings {
                for clause in [
                    format!("Revenue, {w}, rose 5% to $3 million"),
                    format!("{w}: EPS was $1.12"),
                    format!("EPS was $1.12 excluding items, {w}"),
                    format!("The margin was 38.1%\n{w}\tbasis"),
                ] {
                    if !cues(&normalize(&clause), None).is_empty() {
                        assert!(may_qualify(&clause), "{clause:?}");
                    }
                }
            }
        }
        assert!(!may_qualify("Operating income rose 5% to $3 million"));
        assert!(!may_qualify("European scores rose; operating costs fell"));
    }

    #[test]
    fn concepts_by_head_phrase() {
        let rows: &[(&str, &str, &[&str])] = &[
            ("revenue", "revenue", &[]),
            ("q3 revenue", "revenue", &[]),
            ("Net sales", "revenue", &[]),
            ("revenue from new customers", "revenue", &[]),
            ("same-store sales", "same_store_sales", &[]),
            ("cost of revenue", "cost_of_revenue", &[]),
            ("non-gaap earnings per share", "eps", &["adjusted"]),
            ("GAAP diluted EPS", "eps", &["gaap"]),
            ("Oper shr", "eps", &["adjusted"]),
            ("loss per share", "eps", &[]),
            ("FFO per share", "other", &[]),
            ("adjusted FFO per diluted share", "other", &["adjusted"]),
            ("funds from operations per share", "other", &[]),
            ("adjusted EBITDA margin", "ebitda_margin", &["adjusted"]),
            ("gross margin", "gross_margin", &[]),
            ("free cash flow", "free_cash_flow", &[]),
            ("operating cash flow", "operating_cash_flow", &[]),
            ("organic revenue growth", "revenue", &["organic"]),
            ("North America revenue", "revenue", &["segment:north america"]),
            ("Cloud revenue", "revenue", &["segment:cloud"]),
            ("total revenue", "revenue", &[]),
            ("fourth-quarter net income", "net_income", &[]),
            ("active clients", "customers", &[]),
            ("the number of active clients", "customers", &[]),
            ("net earned premium", "revenue", &[]),
            ("Persistency", "retention", &[]),
            ("backlog", "backlog", &[]),
            ("Revs", "revenue", &[]),
            ("return on equity", "returns", &[]),
            ("headcount", "employees", &[]),
            ("weather", "other", &[]),
            ("Revenue per employee", "other", &[]),
            ("model costs", "operating_expenses", &[]),
            ("services revenue", "revenue", &["segment:services"]),
            // Wire tables: one word of a longer phrase; "Oper" is
            // operating (before extraordinary items), an adjusted figure.
            ("Net", "net_income", &[]),
            ("Oper net", "net_income", &["adjusted"]),
            ("Pretax", "pretax_income", &[]),
            ("Operating", "operating_income", &[]),
            ("Shr profit", "eps", &[]),
            ("Oper shr loss", "eps", &["adjusted"]),
            ("Avg shrs", "other", &[]),
            // Ratios and costs of a measure are not the measure.
            ("debt to total capitalization", "leverage", &[]),
            ("net debt to capital", "leverage", &[]),
            ("cost of product revenue", "cost_of_revenue", &[]),
            ("ratio of bad loans to total loans", "other", &[]),
            ("marketing as a percent of sales", "other", &[]),
            // Plurals of a phrase's last word.
            ("operating income margins", "operating_margin", &[]),
            ("monthly dividends", "dividend_per_share", &[]),
            // Measures the table names as `other` or as one-off items.
            ("other income", "other", &[]),
            ("noninterest income", "other", &[]),
            ("provision for credit losses", "other", &[]),
            ("restructuring charges", "charges", &[]),
            ("merger expenses", "charges", &[]),
            // Segments: a noun before a revenue line, a segment word, a
            // named place after the measure; written as in the text.
            ("licensing revenue", "revenue", &["segment:licensing"]),
            ("e-commerce business", "revenue", &["segment:e-commerce"]),
            ("land segment volume", "units", &["segment:land"]),
            (
                "revenue in Latin America",
                "revenue",
                &["segment:latin america"],
            ),
            (
                "revenue from our security business",
                "revenue",
                &["segment:security"],
            ),
            ("store count in Brazil", "stores", &["segment:brazil"]),
            ("revenue in the quarter", "revenue", &[]),
        ];
        for &(metric, id, quals) in rows {
            let c = classify(metric, metric, None);
            assert_eq!(c.id, id, "{metric}");
            assert_eq!(c.qualifiers, quals, "{metric}");
        }
    }

    #[test]
    fn qualifiers_from_the_clause() {
        let c = classify("EPS", "EPS was $0.83 on an adjusted basis", None);
        assert_eq!(c.qualifiers, ["adjusted"]);
        let c = classify(
            "EPS",
            "GAAP EPS was $0.20 and adjusted EPS was $0.30",
            None,
        );
        assert!(c.qualifiers.is_empty());
        let c =
            classify("Acme revenue", "Acme revenue rose", Some("Acme Corp"));
        assert!(c.qualifiers.is_empty());
    }

    #[test]
    fn qualifier_cues_in_context() {
        let rows: &[(&str, &str, &[&str])] = &[
            // An exclusion of acquired businesses is organic; of
            // acquisition costs, adjusted.
            (
                "revenue",
                "Excluding the impact of acquired businesses, revenue fell 4%",
                &["organic"],
            ),
            (
                "operating income",
                "operating income excluding acquisition costs rose 5%",
                &["adjusted"],
            ),
            ("total revenue less acquisitions", "", &["organic"]),
            // A cue right before another measure qualifies that one.
            (
                "free cash flow",
                "free cash flow was 120% of adjusted net income",
                &[],
            ),
            (
                "net leverage",
                "net leverage was 2.1 times adjusted EBITDA",
                &[],
            ),
            ("EPS", "EPS was $0.83 on an adjusted basis", &["adjusted"]),
            // Growth in the home currency is constant-currency growth.
            ("sales", "sales rose 12% in yen", &["constant_currency"]),
        ];
        for &(metric, clause, quals) in rows {
            let c = classify(metric, clause, None);
            assert_eq!(c.qualifiers, quals, "{metric} / {clause}");
        }
    }

    #[test]
    fn opening_segments() {
        let t = "Within our consumer lending segment, revenue fell 3%.";
        assert_eq!(
            opening_segment(t, 40).as_deref(),
            Some("consumer lending")
        );
        let t = "In the quarter, revenue fell 3%.";
        assert_eq!(opening_segment(t, 20), None);
        let t = "In Space and Airborne Systems, revenue rose 3%.";
        assert_eq!(
            opening_segment(t, 35).as_deref(),
            Some("space and airborne systems")
        );
    }

    #[test]
    fn every_id_is_unique() {
        let mut ids = ids();
        let n = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), n);
        assert!(n >= 55);
    }
}
