/*!
The rules that turn a sentence's mentions into claims. See the module
documentation of [`crate::claim`] for the overview.
*/

use std::sync::LazyLock;

use regex::Regex;

use super::{Change, Check, Claim, Direction, Level};
use crate::extract::{DocContext, Kind, Mention};
use crate::segment::{sentence, transcript};

/// What the claim stage found in one document.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Analysis {
    /// The claims, in document order.
    pub claims: Vec<Claim>,
    /// Skill mentions (by index) linked to the period of their sentence.
    pub skill_periods: Vec<(usize, String)>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum AnchorKind {
    /// A change verb or adverb: rose, fell, up, down, flat.
    Verb(Direction),
    /// A change noun: increase, decline, growth ("a 7% increase in ...").
    Noun(Direction),
    /// A level verb: was, totaled, reached; or "of" after a metric noun.
    Level,
    /// A verb whose object names the metric: "operates 38 terminals",
    /// "generated $142 million of operating cash flow".
    Object,
}

#[derive(Clone, Copy, Debug)]
struct Anchor {
    start: usize,
    end: usize,
    kind: AnchorKind,
}

fn anchor_kind(w: &str) -> Option<AnchorKind> {
    use AnchorKind::*;
    use Direction::*;
    Some(match w {
        "rose" | "rise" | "rises" | "rising" | "risen" | "grew" | "grow"
        | "grows" | "growing" | "grown" | "increased" | "increases"
        | "increasing" | "jumped" | "jumps" | "jumping" | "climbed"
        | "climbs" | "climbing" | "gained" | "gains" | "gaining"
        | "advanced" | "surged" | "surging" | "soared" | "expanded"
        | "expanding" | "expands" | "improved" | "improving" | "improves"
        | "up" | "higher" | "doubled" | "accelerated" | "boosted"
        | "widened" => Verb(Up),
        "fell" | "fall" | "falls" | "falling" | "fallen" | "declined"
        | "declines" | "declining" | "decreased" | "decreases"
        | "decreasing" | "dropped" | "drops" | "dropping" | "slipped"
        | "slid" | "sank" | "tumbled" | "plunged" | "contracted"
        | "contracting" | "shrank" | "down" | "lower" | "eased" | "slowed"
        | "narrowed" | "declining," => Verb(Down),
        "flat" | "unchanged" | "steady" | "stable" => Verb(Flat),
        "increase" | "growth" | "gain" | "jump" | "improvement"
        | "expansion" | "uptick" => Noun(Up),
        "decrease" | "decline" | "drop" | "contraction" | "reduction" => {
            Noun(Down)
        }
        "was" | "were" | "is" | "are" | "totaled" | "totalled"
        | "totaling" | "totalling" | "reached" | "hit" | "came" | "stood"
        | "amounted" | "ended" | "of" | "at" | "be" | "reaching"
        | "represented" | "represents" | "accounted" => Level,
        "operates" | "operated" | "employs" | "employed" | "shipped"
        | "ships" | "served" | "serves" | "placed" | "installed" | "moved"
        | "generated" | "paid" | "sold" | "sell" | "sells" | "hired"
        | "tracks" | "added" | "opened" | "closed" | "signed" | "booked"
        | "processed" | "handled" => Object,
        _ => return None,
    })
}

/// Nouns that end a metric phrase when followed by "of VALUE": "revenue
/// of $1.2 billion".
const METRIC_HEADS: &[&str] = &[
    "revenue",
    "revenues",
    "sales",
    "income",
    "earnings",
    "profit",
    "loss",
    "ebitda",
    "eps",
    "share",
    "margin",
    "margins",
    "bookings",
    "backlog",
    "flow",
    "expenses",
    "costs",
    "volume",
    "clients",
    "customers",
    "users",
    "subscribers",
    "headcount",
    "guidance",
    "dividend",
    "capex",
    "expenditures",
    "spending",
    "gmv",
    "arr",
    "rate",
    "orders",
    "shipments",
    "deliveries",
    "units",
];

/// Words that start a new clause (the metric begins after them).
const CLAUSE_WORDS: &[&str] = &[
    "with",
    "while",
    "and",
    "but",
    "as",
    "whereas",
    "after",
    "said",
    "says",
    "that",
    "which",
    "when",
    "although",
    "though",
    "since",
    "because",
    "where",
    "expects",
    "expected",
    "sees",
    "forecasts",
    "projects",
    "anticipates",
    "targets",
    "reported",
    "reports",
    "posted",
    "delivered",
    "noted",
    "added",
    "announced",
    "versus",
    "vs",
    "compared",
    "against",
    "expect",
    "see",
    "project",
    "anticipate",
    "now",
    "raising",
    "raised",
    "lowering",
    "lowered",
    "includes",
    "include",
    "we",
    "it",
    "they",
];

/// Words dropped from the start of a metric.
const LEADING: &[&str] = &[
    "the",
    "its",
    "our",
    "their",
    "his",
    "her",
    "a",
    "an",
    "also",
    "qtrly",
    "quarterly",
    "fy",
    "annual",
    "full-year",
    "compname",
    "both",
    "company's",
    "company’s",
    "group's",
    "firm's",
    "this",
    "that",
    "these",
    "those",
];

const FORWARD: &[&str] = &[
    "expect",
    "sees ",
    "see ",
    "seeing ",
    "guidance",
    "outlook",
    "forecast",
    "target",
    "on track to",
    "anticipate",
    "project",
    "plan to",
    "plans to",
    "aims to",
    "aim to",
    "guide",
    "guiding",
    "will be",
    "will grow",
    "will rise",
    "to reach",
    "should be",
];

const YOY: &[&str] = &[
    "year-over-year",
    "year over year",
    "year-on-year",
    "year on year",
    "from a year earlier",
    "from a year ago",
    "a year earlier",
    "a year ago",
    "y/y",
    "yoy",
    "from the year-ago",
    "the year-ago",
    "the same quarter last year",
    "the same period last year",
    "the prior year",
    "the prior-year",
    "the previous year",
    "last year's",
    "versus last year",
    "vs. last year",
    "compared to last year",
    "compared with last year",
];

const QOQ: &[&str] = &[
    "quarter-over-quarter",
    "quarter over quarter",
    "quarter-on-quarter",
    "q/q",
    "qoq",
];

const SEQ: &[&str] = &[
    "sequentially",
    "sequential",
    "from the previous quarter",
    "from the prior quarter",
    "from last quarter",
];

/// What a cue phrase says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Cue {
    Basis(&'static str),
    Forward,
    Attribution,
}

/// One automaton for every cue phrase (ASCII case-insensitive), so a
/// sentence is scanned once.
static CUES: LazyLock<(aho_corasick::AhoCorasick, Vec<Cue>)> = LazyLock::new(
    || {
        let mut pats: Vec<&str> = Vec::new();
        let mut cues = Vec::new();
        for (list, cue) in [
            (YOY, Cue::Basis("yoy")),
            (QOQ, Cue::Basis("qoq")),
            (SEQ, Cue::Basis("sequential")),
            (FORWARD, Cue::Forward),
            (
                &["said", "says", "according to", "told", "noted", "added"][..],
                Cue::Attribution,
            ),
        ] {
            for p in list {
                pats.push(p);
                cues.push(cue);
            }
        }
        let ac = aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(&pats)
            .expect("cue automaton");
        (ac, cues)
    },
);

/// The cues found in `s` (in order).
fn cues(s: &str) -> Vec<Cue> {
    let (ac, kinds) = &*CUES;
    ac.find_iter(s).map(|m| kinds[m.pattern().as_usize()]).collect()
}

fn basis_of(s: &str) -> Option<&'static str> {
    cues(s).into_iter().find_map(|c| match c {
        Cue::Basis(b) => Some(b),
        _ => None,
    })
}

static COMPANY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)([A-Z][A-Za-z0-9&'.-]*(?:[ \t]+(?:[A-Z][A-Za-z0-9&'.-]*|&|of|and)){0,4}),?[ \t]+(?:Inc|INC|Corp|CORP|Co|CO|Ltd|LTD|LLC|plc|PLC|Corporation|CORPORATION|Company|Limited|Holdings|S\.A|N\.V|AG|SE)(?-u:\b)\.?",
    )
    .expect("company regex")
});

static POSSESSIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)([A-Z][A-Za-z0-9&-]*(?:[ \t]+[A-Z][A-Za-z0-9&-]*){0,3})['’]s(?-u:\b)")
        .expect("possessive regex")
});

/// "Kestrel Works reported ...": a name as the subject of a reporting verb.
static REPORTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)([A-Z][A-Za-z&-]+(?:[ \t]+[A-Z][A-Za-z&-]+){0,2})[ \t]+(?:reported|reports|posted|posts|announced|delivered|expects)(?-u:\b)")
        .expect("reported regex")
});

/// "welcome to the Corvane Systems third quarter 2025 earnings call".
static INTRO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i:welcome to)[ \t]+(?:the[ \t]+)?([A-Z][\w&'’-]*(?:[ \t]+[A-Z][\w&'’-]*){0,3}?)['’]?s?[ \t]+(?:Q[1-4]|[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|[Ff]iscal|FY|[Ff]ull|\d{4}|[Ee]arnings)")
        .expect("intro regex")
});

static ATTRIBUTION: LazyLock<Regex> = LazyLock::new(|| {
    let title = r"(?:(?:[Cc]hief|[Ee]xecutive|[Ff]inancial|[Oo]perating|[Oo]fficer|[Pp]resident|[Cc]hairman|[Cc]hairwoman|[Cc]hair|[Dd]irector|[Hh]ead|[Vv]ice|[Ss]enior|[Gg]eneral|[Mm]anager|[Aa]nalyst|[Tt]reasurer|[Ff]inance|[Ii]nvestor|[Rr]elations|[Oo]f|CEO|CFO|COO|CTO|EVP|SVP)[ \t]+)+";
    Regex::new(&format!(
        r"(?:(?:said|says|according to|told [^,.]{{1,40}}?)[ \t]+(?P<t1>{title})?(?P<n1>[A-Z][\w'’.-]+(?:[ \t]+[A-Z][\w'’-]+){{1,2}})(?:,[ \t]+(?:the[ \t]+company['’]s[ \t]+)?(?P<t4>[a-z][a-z \t]{{2,50}}?)(?:[ \t]+of[ \t]+[A-Z][\w&-]*)?[.,;]|[.,;]|$))|(?:(?P<t2>{title})(?P<n2>[A-Z][\w'’.-]+(?:[ \t]+[A-Z][\w'’-]+){{1,2}})[ \t]+(?:said|says|noted|added|told))|(?:(?P<n3>[A-Z][\w'’.-]+(?:[ \t]+[A-Z][\w'’-]+){{1,2}}),[ \t]+(?:the[ \t]+company['’]s[ \t]+|[A-Z]\w+['’]s[ \t]+)?(?P<t3>[A-Za-z][A-Za-z \t]{{2,60}}?),[ \t]+(?:said|says|told|noted|added))"
    ))
    .expect("attribution regex")
});

fn strip_suffix(name: &str) -> &str {
    name.trim_end_matches([',', ' '])
}

/// The company the document names most: names with a corporate suffix,
/// then possessives.
fn main_company(text: &str) -> Option<String> {
    let mut counts: Vec<(String, usize, usize)> = Vec::new();
    let mut bump = |name: &str, pos: usize, weight: usize| {
        let name = strip_suffix(name).to_string();
        if name.split_whitespace().count() == 0 || name.len() < 2 {
            return;
        }
        match counts.iter_mut().find(|c| c.0 == name) {
            Some(c) => c.1 += weight,
            None => counts.push((name, weight, pos)),
        }
    };
    // (pattern, capture group, weight, most matches read, first words
    // that disqualify a name).
    const NOT_COMPANY_REPORTED: &[&str] = &[
        "CFO",
        "CEO",
        "COO",
        "Chief",
        "President",
        "The",
        "It",
        "Analysts",
        "Management",
    ];
    const NOT_COMPANY_POSSESSIVE: &[&str] = &[
        "It", "The", "That", "This", "What", "Let", "There", "Here", "Today",
        "Year", "Company", "Quarter", "Q",
    ];
    let sources: [(&Regex, usize, usize, usize, &[&str]); 4] = [
        // The fullest form: the name with its legal suffix.
        (&COMPANY, 0, 3, 200, &[]),
        (&REPORTED, 1, 2, 50, NOT_COMPANY_REPORTED),
        (&INTRO, 1, 3, 20, &[]),
        (&POSSESSIVE, 1, 1, 400, NOT_COMPANY_POSSESSIVE),
    ];
    for (re, group, weight, most, not) in sources {
        for c in re.captures_iter(text).take(most) {
            let m = c.get(group).expect("the group exists");
            let first = m.as_str().split_whitespace().next().unwrap_or("");
            if !not.contains(&first) {
                bump(m.as_str(), m.start(), weight);
            }
        }
    }
    // Merge short forms into the longest name that starts with them
    // ("Brightlane" into "Brightlane Talent").
    let snapshot = counts.clone();
    for c in &mut counts {
        for o in &snapshot {
            if o.0 != c.0
                && c.0.starts_with(&o.0)
                && c.0.as_bytes().get(o.0.len()) == Some(&b' ')
            {
                c.1 += o.1;
            }
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
    counts.into_iter().find(|c| c.1 >= 2).map(|c| c.0)
}

fn is_period_value(v: &str) -> bool {
    v.contains("-Q")
        || v.contains("-H")
        || v.starts_with("FY")
        || (v.len() == 4 && v.bytes().all(|c| c.is_ascii_digit()))
}

/// The period a document is mostly about: its most frequent quarter, half
/// or fiscal-year mention with a year (the first one on a tie).
fn main_period(mentions: &[Mention]) -> Option<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for m in mentions.iter().filter(|m| m.kind == Kind::Date) {
        let Some(v) = m.value.as_text() else { continue };
        if !(v.contains("-Q") || v.contains("-H")) || v == "XXXX-QX" {
            continue;
        }
        match counts.iter_mut().find(|c| c.0 == v) {
            Some(c) => c.1 += 1,
            None => counts.push((v.to_string(), 1)),
        }
    }
    // A period with a year wins over one without ("3RD QTR" in a wire
    // story dated Oct 21, 2025 is anchored by the caller).
    let best = |dated: bool| {
        counts
            .iter()
            .filter(|c| c.0.contains("XXXX") != dated)
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0).reverse()))
            .map(|c| c.0.clone())
    };
    best(true).or_else(|| best(false))
}

fn level_of(m: &Mention) -> Option<Level> {
    let v = m.value.as_f64()?;
    Some(Level { value: v, unit: m.unit.clone(), kind: m.kind })
}

fn is_quantity(k: Kind) -> bool {
    matches!(k, Kind::Percent | Kind::Money | Kind::Count)
}

/// ASCII words of `s` with their byte offsets (lower-cased by the caller).
fn words(lower: &str, base: usize) -> Vec<(usize, usize)> {
    let b = lower.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_alphabetic() {
            let s = i;
            while i < b.len()
                && (b[i].is_ascii_alphanumeric()
                    || b[i] == b'\''
                    || (b[i] == b'-'
                        && b.get(i + 1).is_some_and(u8::is_ascii_alphabetic)))
            {
                i += 1;
            }
            out.push((base + s, base + i));
        } else {
            i += 1;
        }
    }
    out
}

/// Analyzes one document.
pub fn analyze(
    text: &str,
    mentions: &[Mention],
    _ctx: &DocContext,
) -> Analysis {
    let mut out = Analysis::default();
    if !mentions.iter().any(|m| is_quantity(m.kind) || m.kind == Kind::Skill) {
        return out;
    }
    let turns = transcript::turns(text);
    // Companies are named at the top; a bounded head keeps this cheap on
    // long filings.
    let mut head = text.len().min(6_000);
    while !text.is_char_boundary(head) {
        head -= 1;
    }
    let subject = main_company(&text[..head]);
    let doc_period = main_period(mentions);
    // The year the document is about: its main period's, else its first
    // full date's.
    let doc_year: Option<String> = doc_period
        .as_deref()
        .and_then(|p| {
            p.get(..4).filter(|y| y.bytes().all(|c| c.is_ascii_digit()))
        })
        .map(str::to_string)
        .or_else(|| {
            mentions.iter().filter(|m| m.kind == Kind::Date).find_map(|m| {
                let v = m.value.as_text()?;
                (v.len() == 10 && v.as_bytes()[0].is_ascii_digit())
                    .then(|| v[..4].to_string())
            })
        });
    for (ss, se) in sentence::sentences(text) {
        let lo = mentions.partition_point(|m| m.start < ss);
        let hi = mentions.partition_point(|m| m.start < se);
        let ms: Vec<usize> =
            (lo..hi).filter(|&i| mentions[i].end <= se).collect();
        if ms.is_empty() {
            continue;
        }
        let sent = &text[ss..se];
        let lower = sent.to_ascii_lowercase();
        let has_quantity = ms.iter().any(|&i| is_quantity(mentions[i].kind));
        let mut claims = Vec::new();
        if has_quantity {
            claims = sentence_claims(text, ss, se, &lower, mentions, &ms);
        }
        if !claims.is_empty() {
            let s_cues = cues(sent);
            // Turns are in order: the one holding this sentence is the last
            // that starts at or before it.
            let k = turns.partition_point(|t| t.start <= ss);
            let speaker = k
                .checked_sub(1)
                .map(|k| &turns[k])
                .filter(|t| ss < t.end)
                .map(|t| t.speaker())
                .or_else(|| {
                    if s_cues.contains(&Cue::Attribution) {
                        attribution(sent)
                    } else {
                        None
                    }
                });
            let claims_first_start = claims.first().map(|c| c.start);
            let forward = s_cues.contains(&Cue::Forward);
            let s_period = period_in(text, mentions, &ms, ss, se);
            let s_subject = subject.clone();
            let mut prev: Option<(usize, Option<&'static str>)> = None;
            let mut in_with = false;
            let mut prev_claim_end = ss;
            for c in &mut claims {
                // A basis stated in one clause carries to the clauses
                // coordinated with it ("..., with X growing 52% and Y
                // rising 41%"), not across "while" or "but".
                let own = basis_of(&text[c.start..c.end]);
                // "..., with X growing 52% and Y rising 41%": a "with"
                // clause shares the basis, and so does a clause joined to
                // it by "and".
                let gap =
                    prev.map(|(pe, _)| text[pe..c.start].to_ascii_lowercase());
                let gap = gap.as_deref().map(str::trim).unwrap_or("");
                let with = gap.contains("with") && !gap.contains(';');
                let and = in_with && matches!(gap, "and" | "," | ", and");
                let joined = prev.is_some() && (with || and);
                in_with = joined;
                let fronted =
                    claims_first_start.and_then(|f| basis_of(&text[ss..f]));
                c.basis = own.or(fronted).or(if joined {
                    prev.and_then(|p| p.1)
                } else {
                    None
                });
                prev = Some((c.end, c.basis));
                // The claim's own period: dates from the end of the previous
                // claim (a date before the metric counts: "fourth-quarter
                // revenue") to the end of this one; a year far from the
                // document's ("founded in 1987") is not a period.
                let own = period_in(
                    text,
                    mentions,
                    &ms,
                    prev_claim_end.max(ss),
                    c.end,
                )
                .filter(|p| {
                    let far = p.len() == 4
                        && doc_year
                            .as_deref()
                            .and_then(|y| y.parse::<i32>().ok())
                            .zip(p.parse::<i32>().ok())
                            .is_some_and(|(d, y)| (d - y).abs() > 1);
                    !far
                });
                // "from $598.8 million in 2024": the claim is about the
                // year after the comparison.
                let shifted = if own.is_none() {
                    compared_period(text, mentions, &ms, c.start, c.end)
                } else {
                    None
                };
                c.period = own
                    .or(shifted)
                    .or_else(|| s_period.clone())
                    .or_else(|| doc_period.clone())
                    .map(|p| anchor_period(p, doc_year.as_deref()));
                prev_claim_end = c.end;
                c.forward = forward;
                c.subject = s_subject.clone();
                c.speaker = speaker.clone();
                for (i, m) in
                    mentions.iter().enumerate().skip(lo).take(hi - lo)
                {
                    if m.kind == Kind::Date
                        && m.start >= c.start
                        && m.end <= c.end
                        && m.value.as_text().is_some_and(is_period_value)
                    {
                        c.mentions.push(i);
                    }
                }
                c.mentions.sort_unstable();
                c.mentions.dedup();
                c.check = check(c);
            }
        }
        // Skills in the sentence take its period: a date in the sentence,
        // else the period of its claims.
        let sp = ms
            .iter()
            .filter(|&&i| mentions[i].kind == Kind::Date)
            .find_map(|&i| mentions[i].value.as_text().map(str::to_string))
            .or_else(|| claims.first().and_then(|c| c.period.clone()));
        if let Some(p) = sp {
            for &i in &ms {
                if mentions[i].kind == Kind::Skill {
                    out.skill_periods.push((i, p.clone()));
                }
            }
        }
        out.claims.extend(claims);
    }
    out
}

/// The period named in `s..e`: a quarter, half or fiscal year first, else
/// a month or year.
fn period_in(
    text: &str,
    mentions: &[Mention],
    ms: &[usize],
    s: usize,
    e: usize,
) -> Option<String> {
    let dates: Vec<&str> = ms
        .iter()
        .map(|&i| &mentions[i])
        .filter(|m| m.kind == Kind::Date && m.start >= s && m.end <= e)
        .filter(|m| !comparison_side(text, s, m.start))
        .filter_map(|m| m.value.as_text())
        // "the quarter" (XXXX-QX) names no period of its own.
        .filter(|v| !v.ends_with('X') && !v.contains('W'))
        .collect();
    // A quarter, half or fiscal period first; a quarter-end date stands
    // for its quarter ("backlog at Sept 30"); then a month or a year. Other
    // days (a payment date) are not periods.
    dates
        .iter()
        .find(|v| v.contains("-Q") || v.contains("-H") || v.starts_with("FY"))
        .map(|v| v.to_string())
        .or_else(|| dates.iter().find_map(|v| quarter_end(v)))
        .or_else(|| dates.iter().find(|v| v.len() < 10).map(|v| v.to_string()))
}

/// True when the date at `p` belongs to the earlier side of a comparison
/// ("from $598.8 million in 2024", "compared with ... the fourth quarter of
/// 2024", "up from 31,500 at the end of 2025").
fn comparison_side(text: &str, floor: usize, p: usize) -> bool {
    let mut lo = p.saturating_sub(60).max(floor);
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    let before = text[lo..p].to_ascii_lowercase();
    [
        "from ",
        "compared with",
        "compared to",
        "versus",
        " vs",
        "than ",
        "year-ago",
        "prior-year",
        "a year earlier",
    ]
    .iter()
    .any(|w| before.contains(w))
}

/// The period one year after the date on the comparison side of a clause
/// ("compared with 26,050 in 2024" → `2025`).
fn compared_period(
    text: &str,
    mentions: &[Mention],
    ms: &[usize],
    s: usize,
    e: usize,
) -> Option<String> {
    let v = ms
        .iter()
        .map(|&i| &mentions[i])
        .filter(|m| {
            m.kind == Kind::Date
                && m.start >= s
                && m.end <= e
                && comparison_side(text, s, m.start)
        })
        .find_map(|m| m.value.as_text())?;
    let year: i32 = v.get(..4)?.parse().ok()?;
    let rest = &v[4..];
    if !(rest.is_empty() || rest.starts_with("-Q") || rest.starts_with("-H")) {
        return None;
    }
    Some(format!("{}{rest}", year + 1))
}

/// `2025-09-30` → `2025-Q3`; other dates → `None`.
fn quarter_end(v: &str) -> Option<String> {
    let (y, md) = (v.get(..4)?, v.get(4..)?);
    let q = match md {
        "-03-31" => 1,
        "-06-30" => 2,
        "-09-30" => 3,
        "-12-31" => 4,
        _ => return None,
    };
    Some(format!("{y}-Q{q}"))
}

/// Fills an unknown year (`XXXX-Q4`) with the document's year.
fn anchor_period(p: String, doc_year: Option<&str>) -> String {
    match (p.strip_prefix("XXXX"), doc_year) {
        (Some(rest), Some(y)) => format!("{y}{rest}"),
        _ => p,
    }
}

/// "said Chief Financial Officer Erica Lindqvist" → "Erica Lindqvist,
/// Chief Financial Officer".
fn attribution(sent: &str) -> Option<String> {
    let c = ATTRIBUTION.captures(sent)?;
    let (name, title) = if let Some(n) = c.name("n1") {
        (n.as_str(), c.name("t1").or(c.name("t4")))
    } else if let Some(n) = c.name("n2") {
        (n.as_str(), c.name("t2"))
    } else {
        (c.name("n3")?.as_str(), c.name("t3"))
    };
    let first = name.split_whitespace().next().unwrap_or("");
    if matches!(
        first,
        "The"
            | "It"
            | "Analysts"
            | "Revenue"
            | "Shares"
            | "Chief"
            | "Executive"
    ) {
        return None;
    }
    Some(match title.map(|t| t.as_str().trim()).filter(|t| !t.is_empty()) {
        Some(t) => format!("{name}, {t}"),
        None => name.to_string(),
    })
}

/// The claims of one sentence `ss..se`.
fn sentence_claims(
    text: &str,
    ss: usize,
    se: usize,
    lower: &str,
    mentions: &[Mention],
    ms: &[usize],
) -> Vec<Claim> {
    let ws = words(lower, ss);
    let quantities: Vec<usize> = ms
        .iter()
        .copied()
        .filter(|&i| is_quantity(mentions[i].kind))
        .collect();
    // Inside a number or a date (skills may be part of a metric: "clients
    // engaged in AI work").
    let inside = |p: usize| {
        ms.iter().any(|&i| {
            mentions[i].kind != Kind::Skill
                && mentions[i].start <= p
                && p < mentions[i].end
        })
    };
    let word = |k: usize| -> &str { &lower[ws[k].0 - ss..ws[k].1 - ss] };
    // Anchors: change words and level words that have a quantity after
    // them before the next anchor.
    let mut anchors: Vec<Anchor> = Vec::new();
    for (k, &(s, e)) in ws.iter().enumerate() {
        if inside(s) {
            continue;
        }
        let w = word(k);
        let Some(kind) = anchor_kind(w) else { continue };
        if let AnchorKind::Level | AnchorKind::Object = kind {
            if kind == AnchorKind::Level {
                // "of"/"at" anchor only after a metric noun ("revenue of
                // $1.2 billion"); "came in at", "stood at", "ended at" keep
                // the verb.
                if w == "of" || w == "at" {
                    let prev = if k > 0 { word(k - 1) } else { "" };
                    let ok = if w == "of" {
                        METRIC_HEADS.contains(&prev) || prev.ends_with("ings")
                    } else {
                        matches!(prev, "in" | "stood" | "ended" | "came")
                    };
                    if !ok {
                        continue;
                    }
                    if w == "at"
                        && !anchors.is_empty()
                        && anchors.last().is_some_and(|a| {
                            a.kind == AnchorKind::Level && s - a.end < 12
                        })
                    {
                        continue;
                    }
                }
            }
            // A level or object word must be followed closely by a
            // quantity.
            let next_q = quantities
                .iter()
                .map(|&i| mentions[i].start)
                .find(|&p| p >= e);
            if next_q.is_none_or(|p| text[e..p].split_whitespace().count() > 3)
            {
                continue;
            }
        }
        anchors.push(Anchor { start: s, end: e, kind });
    }
    // Keep anchors that govern at least one quantity before the next
    // anchor (or, for nouns, one just before them: "a 7% increase").
    let mut kept: Vec<Anchor> = Vec::new();
    for (i, a) in anchors.iter().enumerate() {
        let next = anchors.get(i + 1).map_or(se, |n| n.start);
        let after = quantities
            .iter()
            .any(|&q| mentions[q].start >= a.end && mentions[q].start < next);
        let before_noun = matches!(a.kind, AnchorKind::Noun(_))
            && quantities.iter().any(|&q| {
                mentions[q].end <= a.start && a.start - mentions[q].end <= 24
            });
        let flat = matches!(a.kind, AnchorKind::Verb(Direction::Flat));
        if after || before_noun || flat {
            kept.push(*a);
        }
    }
    // A change right after a level ("was $201.3 million, up 4.5%") belongs
    // to the level's claim, as does a level right after a change ("rose
    // 12% to ..." has no level anchor, but "increased 5% and was ..." has).
    let mut groups: Vec<Vec<Anchor>> = Vec::new();
    for a in kept {
        if let Some(g) = groups.last_mut() {
            let last = g.last().expect("non-empty group");
            let between = text[last.end..a.start].to_ascii_lowercase();
            let new_metric = words(&between, 0).iter().any(|&(s, e)| {
                let w = &between[s..e];
                !matches!(
                    w,
                    "or" | "an"
                        | "a"
                        | "up"
                        | "down"
                        | "increase"
                        | "of"
                        | "by"
                        | "to"
                        | "from"
                        | "the"
                        | "year"
                        | "over"
                        | "compared"
                        | "with"
                        | "versus"
                        | "vs"
                        | "percent"
                        | "basis"
                        | "points"
                        | "point"
                        | "million"
                        | "billion"
                        | "cents"
                        | "per"
                        | "share"
                ) && !inside(s + last.end)
                    && anchor_kind(w).is_none()
            });
            let merge = !new_metric
                && (matches!(
                    last.kind,
                    AnchorKind::Level | AnchorKind::Object
                ) || matches!(a.kind, AnchorKind::Level)
                    || matches!(a.kind, AnchorKind::Verb(_))
                        && between.trim().starts_with(','))
                || matches!(
                    (last.kind, a.kind),
                    (AnchorKind::Verb(_), AnchorKind::Level)
                ) && !new_metric;
            if merge {
                g.push(a);
                continue;
            }
        }
        groups.push(vec![a]);
    }
    let mut claims = Vec::new();
    let mut prev_end = ss;
    for (gi, g) in groups.iter().enumerate() {
        let first = g[0];
        let last = *g.last().expect("non-empty");
        let next_start = groups.get(gi + 1).map_or(se, |n| n[0].start);
        // Metric: the words before the first anchor, back to a clause
        // boundary.
        let (m_start, m_end, metric) =
            metric_before(text, prev_end, first.start, lower, ss, &inside);
        let mut metric = metric;
        let mut c_start =
            if metric.is_empty() { first.start } else { m_start };
        // Noun anchors: "a 250 basis point increase in gross margin".
        if let AnchorKind::Noun(_) = first.kind {
            let after = &lower[first.end - ss..next_start - ss];
            if let Some(rest) = after.strip_prefix(" in ") {
                let stop = rest.find([',', ';', '.']).unwrap_or(rest.len());
                let phrase = rest[..stop]
                    .split(" to ")
                    .next()
                    .unwrap_or("")
                    .split(" from ")
                    .next()
                    .unwrap_or("");
                let phrase = phrase.trim();
                if !phrase.is_empty() && phrase.split_whitespace().count() <= 6
                {
                    let ps = first.end + 4;
                    metric = text[ps..ps + phrase.len()].to_string();
                }
            }
            // Start the clause at the number before the noun.
            if let Some(&q) = quantities.iter().rev().find(|&&q| {
                mentions[q].end <= first.start
                    && first.start - mentions[q].end <= 24
                    && mentions[q].start >= prev_end
            }) {
                let mut s0 = mentions[q].start;
                let before = lower[..s0 - ss].trim_end();
                if before.ends_with(" a") || before.ends_with(" an") {
                    s0 = ss + before.len()
                        - if before.ends_with(" an") { 2 } else { 1 };
                }
                if metric.is_empty() || c_start > s0 {
                    c_start = c_start.min(s0);
                }
            }
        }
        // "operates 38 terminals", "generated $142 million of operating
        // cash flow": the metric is the object.
        if first.kind == AnchorKind::Object || is_pronoun(&metric) {
            if let Some((ps, phrase)) = object_metric(
                text,
                first.end,
                next_start,
                mentions,
                &quantities,
            ) {
                metric = phrase;
                if first.kind != AnchorKind::Object {
                    let _ = ps;
                }
                if metric_before_is_empty(&c_start, first.start) {
                    c_start = m_start.min(first.start);
                }
            }
        }
        // "Gross margin 74.8%, down 60bp": a level without a verb before
        // the change.
        if metric.trim().is_empty()
            && let Some((ms0, phrase)) = verbless_level(
                text,
                prev_end,
                first.start,
                mentions,
                &quantities,
            )
        {
            metric = phrase;
            c_start = ms0;
        }
        let metric = metric.trim().to_string();
        if metric.is_empty()
            || !metric.bytes().any(|c| c.is_ascii_alphabetic())
        {
            prev_end = last.end;
            continue;
        }
        let _ = m_end;
        // The clause ends before the next group's metric.
        let c_end = if gi + 1 < groups.len() {
            let (ns, _, nm) =
                metric_before(text, last.end, next_start, lower, ss, &inside);
            let cut = if nm.is_empty() { next_start } else { ns };
            clause_end(text, last.end, cut)
        } else {
            se
        };
        let mut claim = Claim {
            start: c_start,
            end: c_end.max(c_start),
            metric,
            ..Default::default()
        };
        fill_numbers(&mut claim, g, text, lower, ss, mentions, &quantities);
        claims.push(claim);
        prev_end = c_end;
    }
    if claims.is_empty()
        && let Some(c) = versus_line(text, ss, se, mentions, &quantities)
    {
        claims.push(c);
    }
    if claims.is_empty()
        && anchors.is_empty()
        && let Some(c) =
            headline_level(text, ss, se, mentions, ms, &quantities)
    {
        claims.push(c);
    }
    claims
}

fn metric_before_is_empty(c_start: &usize, anchor: usize) -> bool {
    *c_start == anchor
}

/// Wire-table lines: "Net profit 6.2 mln dlrs vs 4.9 mln", "Shr 47 cts vs
/// 38 cts": the metric, the current level and the comparison.
fn versus_line(
    text: &str,
    ss: usize,
    se: usize,
    mentions: &[Mention],
    quantities: &[usize],
) -> Option<Claim> {
    let (i, &q1) = quantities
        .iter()
        .enumerate()
        .find(|&(_, &q)| mentions[q].start >= ss)?;
    let &q2 = quantities.get(i + 1)?;
    let (m1, m2) = (&mentions[q1], &mentions[q2]);
    if m2.end > se || m2.start < m1.end {
        return None;
    }
    let gap = text[m1.end..m2.start].trim().to_ascii_lowercase();
    if !matches!(gap.as_str(), "vs" | "vs." | "versus" | "v.") {
        return None;
    }
    let head = text[ss..m1.start].trim();
    let words = head.split_whitespace().count();
    if words == 0
        || words > 6
        || head.bytes().any(|c| c.is_ascii_digit())
        || !head.starts_with(|c: char| c.is_uppercase())
    {
        return None;
    }
    let to = level_of(m1)?;
    let from = level_of(m2)?;
    let metric_start = ss + (text[ss..].len() - text[ss..].trim_start().len());
    Some(Claim {
        start: metric_start,
        end: se,
        metric: head.to_string(),
        value: Some(to.clone()),
        from: Some(from),
        to: Some(to),
        mentions: vec![q1, q2],
        ..Default::default()
    })
}

/// Headline style without a verb: "q3 non-gaap earnings per share $0.83",
/// "sees fy revenue $1.82 billion to $1.83 billion". The words before the
/// first amount, without reporting verbs, company placeholders and period
/// words, are the metric when they end in a metric noun.
fn headline_level(
    text: &str,
    ss: usize,
    se: usize,
    mentions: &[Mention],
    ms: &[usize],
    quantities: &[usize],
) -> Option<Claim> {
    let &q = quantities
        .iter()
        .find(|&&q| mentions[q].start >= ss && mentions[q].end <= se)?;
    let m = &mentions[q];
    let head = &text[ss..m.start];
    if head.contains([',', ';', ':', '(']) {
        return None;
    }
    let in_date = |p: usize| {
        ms.iter().any(|&i| {
            mentions[i].kind == Kind::Date
                && mentions[i].start <= p
                && p < mentions[i].end
        })
    };
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut off = 0;
    for w in head.split_whitespace() {
        let at = head[off..].find(w).map_or(off, |i| off + i);
        off = at + w.len();
        words.push((ss + at, w));
    }
    let skip = |w: &str| {
        matches!(
            w.to_ascii_lowercase().trim_end_matches(['.', '-']),
            "compname"
                | "reports"
                | "reported"
                | "posts"
                | "posted"
                | "sees"
                | "see"
                | "says"
                | "qtrly"
                | "quarterly"
                | "full-year"
                | "annual"
                | "fy"
                | "the"
                | "its"
                | "and"
                | "for"
                | "of"
                | "company"
                | "expects"
                | "backs"
                | "affirms"
                | "reaffirms"
                | "raises"
                | "cuts"
                | "lowers"
                | "sets"
        )
    };
    let kept: Vec<(usize, &str)> =
        words.into_iter().filter(|&(p, w)| !in_date(p) && !skip(w)).collect();
    let (start, _) = *kept.first()?;
    let last = kept.last()?.1.to_ascii_lowercase();
    let last = last.trim_end_matches(['.', ',']);
    if kept.len() > 7
        || !(METRIC_HEADS.contains(&last) || last == "share" || last == "shr")
    {
        return None;
    }
    let metric_end = kept.last().map(|&(p, w)| p + w.len())?;
    let metric = text[start..metric_end].to_string();
    let lower = text[m.end..se].to_ascii_lowercase();
    let gap = lower.trim_start();
    let range = quantities.iter().any(|&o| {
        mentions[o].start >= m.end && mentions[o].kind == m.kind && {
            let between =
                text[m.end..mentions[o].start].trim().to_ascii_lowercase();
            matches!(between.as_str(), "to" | "-" | "–")
        }
    }) && (gap.starts_with("to")
        || gap.starts_with('-')
        || gap.starts_with('–'));
    Some(Claim {
        start,
        end: se,
        metric,
        value: if range { None } else { level_of(m) },
        mentions: vec![q],
        ..Default::default()
    })
}

/// Pronouns and generic subjects that are not metrics.
fn is_pronoun(m: &str) -> bool {
    let l = m.trim().to_ascii_lowercase();
    matches!(
        l.as_str(),
        "we" | "it"
            | "they"
            | "company"
            | "the company"
            | "group"
            | "the group"
            | "firm"
            | "the firm"
            | "i"
            | "you"
    )
}

/// The object of a verb as a metric: the counted noun phrase after a
/// count ("38 terminals", "1.4 million registered freelancers"), or the
/// phrase after "of"/"in" following an amount ("$142 million of operating
/// cash flow", "$48 million in dividends"), or the words before the first
/// number ("raising our revenue outlook to ...").
fn object_metric(
    text: &str,
    from: usize,
    to: usize,
    mentions: &[Mention],
    quantities: &[usize],
) -> Option<(usize, String)> {
    let q = quantities
        .iter()
        .copied()
        .find(|&q| mentions[q].start >= from && mentions[q].start < to)?;
    let m = &mentions[q];
    let gap = &text[from..m.start];
    let gap_words: Vec<&str> = gap
        .split_whitespace()
        .filter(|w| {
            !matches!(
                w.to_ascii_lowercase().as_str(),
                "our"
                    | "its"
                    | "the"
                    | "their"
                    | "a"
                    | "an"
                    | "about"
                    | "roughly"
                    | "approximately"
                    | "nearly"
                    | "some"
                    | "more"
                    | "than"
                    | "over"
            )
        })
        .collect();
    let prep = gap_words.last().map(|w| w.to_ascii_lowercase());
    if gap_words.len() >= 2
        && matches!(prep.as_deref(), Some("to" | "by" | "at"))
    {
        // "raising our revenue outlook to $1.89 billion".
        let phrase = gap_words[..gap_words.len() - 1].join(" ");
        let start = from + gap.find(gap_words[0]).unwrap_or(0);
        return Some((start, phrase));
    }
    let rest = &text[m.end..to];
    let lower = rest.to_ascii_lowercase();
    if m.kind == Kind::Count {
        let unit = m.unit.as_deref()?;
        let end = lower.find(&unit.to_ascii_lowercase())? + unit.len();
        let phrase = rest[..end].trim();
        return (!phrase.is_empty()).then(|| (m.end, phrase.to_string()));
    }
    for p in [" of ", " in "] {
        if let Some(after) = lower.strip_prefix(p) {
            let stop = after.find([',', '.', ';', '(']).unwrap_or(after.len());
            let phrase: Vec<&str> = rest[p.len()..p.len() + stop]
                .split_whitespace()
                .take_while(|w| {
                    !matches!(
                        w.to_ascii_lowercase().as_str(),
                        "and" | "in" | "for" | "from" | "to" | "during" | "or"
                    )
                })
                .take(6)
                .collect();
            if !phrase.is_empty() {
                return Some((m.end, phrase.join(" ")));
            }
        }
    }
    None
}

/// "Gross margin 74.8%, down 60bp y/y": the words and level before a
/// comma that precedes a change word.
fn verbless_level(
    text: &str,
    floor: usize,
    anchor: usize,
    mentions: &[Mention],
    quantities: &[usize],
) -> Option<(usize, String)> {
    let before = text[floor..anchor].trim_end();
    let before = before.strip_suffix(',')?.trim_end();
    let end = floor + before.len();
    let q = quantities
        .iter()
        .copied()
        .find(|&q| mentions[q].end == end && mentions[q].start >= floor)?;
    let head = text[floor..mentions[q].start].trim_end();
    // The words since the last boundary.
    let cut = head.rfind([',', ';', ':', '(', '|', '*']).map_or(0, |i| i + 1);
    let phrase =
        head[cut..].trim().trim_start_matches(['-', '•', '*', ' ']).trim();
    let words = phrase.split_whitespace().count();
    if words == 0 || words > 6 || phrase.bytes().any(|c| c.is_ascii_digit()) {
        return None;
    }
    // `phrase` is a slice of `text`: its offset is exact.
    let start = phrase.as_ptr() as usize - text.as_ptr() as usize;
    Some((start, phrase.to_string()))
}

/// Trims a clause end back over white space and joining words (", with",
/// " and").
fn clause_end(text: &str, from: usize, to: usize) -> usize {
    let mut t = text[from..to].trim_end();
    loop {
        let l = t.to_ascii_lowercase();
        let mut cut = false;
        for w in [
            " with", " and", " while", " but", " as", " whereas", ",", ";",
            " —", " –",
        ] {
            if l.ends_with(w) {
                t = t[..t.len() - w.len()].trim_end();
                cut = true;
            }
        }
        if !cut {
            break;
        }
    }
    from + t.len()
}

/// The metric phrase before an anchor at `anchor` (not before `floor`):
/// returns its span and text.
fn metric_before(
    text: &str,
    floor: usize,
    anchor: usize,
    lower: &str,
    ss: usize,
    inside: &dyn Fn(usize) -> bool,
) -> (usize, usize, String) {
    let seg = &lower[floor - ss..anchor - ss];
    // Cut at the last hard boundary.
    let mut start = 0;
    for (i, c) in seg.char_indices() {
        if matches!(
            c,
            ',' | ';' | ':' | '(' | ')' | '—' | '–' | '"' | '“' | '”'
        ) && !inside(floor + i)
        {
            start = i + c.len_utf8();
        }
    }
    // Then at the last clause word.
    let ws = words(&seg[start..], 0);
    let mut first_word = 0;
    for (k, &(s, e)) in ws.iter().enumerate() {
        if CLAUSE_WORDS.contains(&&seg[start + s..start + e]) {
            first_word = k + 1;
        }
    }
    let mut k = first_word;
    // Drop determiners, possessives and leading date words.
    while k < ws.len() {
        let (s, e) = ws[k];
        let w = &seg[start + s..start + e];
        let abs = floor + start + s;
        let is_possessive = (w.ends_with("'s") || w.ends_with("’s"))
            && text[abs..abs + 1].chars().all(char::is_uppercase)
            && k + 1 < ws.len();
        if LEADING.contains(&w)
            || inside(abs)
            || is_possessive
            || matches!(w, "in" | "for" | "the" | "during" | "on")
        {
            k += 1;
            continue;
        }
        // Capitalized company words before a possessive: "Brightlane
        // Talent's revenue".
        if let Some(p) = ws[k..].iter().position(|&(s2, e2)| {
            let w2 = &seg[start + s2..start + e2];
            w2.ends_with("'s") || w2.ends_with("’s")
        }) && ws[k..k + p + 1].iter().all(|&(s2, _)| {
            text[floor + start + s2..].starts_with(|c: char| c.is_uppercase())
        }) && k + p + 1 < ws.len()
        {
            k += p + 1;
            continue;
        }
        break;
    }
    if k >= ws.len() {
        return (anchor, anchor, String::new());
    }
    // Drop trailing date phrases and adverbs: "revenue in the third
    // quarter", "revenue also".
    let mut end_k = ws.len();
    while end_k > k {
        let (s, e) = ws[end_k - 1];
        let w = &seg[start + s..start + e];
        if matches!(
            w,
            "for"
                | "in"
                | "during"
                | "of"
                | "at"
                | "on"
                | "by"
                | "from"
                | "over"
                | "also"
                | "again"
                | "sharply"
                | "significantly"
                | "strongly"
                | "slightly"
                | "modestly"
                | "further"
                | "just"
                | "only"
                | "has"
                | "have"
                | "had"
                | "will"
                | "would"
                | "to"
                | "should"
                | "could"
                | "may"
                | "nearly"
                | "roughly"
                | "about"
                | "approximately"
                | "steadily"
        ) || inside(floor + start + s)
        {
            end_k -= 1;
            continue;
        }
        break;
    }
    if end_k <= k {
        return (anchor, anchor, String::new());
    }
    // Cut "in the third quarter" and similar trailing prepositional
    // phrases that hold a date.
    let mut cut_k = end_k;
    for j in (k + 1..end_k).rev() {
        let (s, e) = ws[j];
        if matches!(
            &seg[start + s..start + e],
            "in" | "for" | "during" | "over" | "at"
        ) {
            let rest_has_date =
                (j..end_k).any(|x| inside(floor + start + ws[x].0));
            if rest_has_date
                || ws[j..end_k].iter().any(|&(s2, e2)| {
                    matches!(
                        &seg[start + s2..start + e2],
                        "quarter" | "year" | "period" | "half"
                    )
                })
            {
                cut_k = j;
            }
        }
    }
    if cut_k - k > 10 {
        k = cut_k - 10;
    }
    let ms = floor + start + ws[k].0;
    let me = floor + start + ws[cut_k - 1].1;
    (ms, me, text[ms..me].to_string())
}

/// Assigns change, from, to and value from the quantities after the
/// anchors of one claim.
fn fill_numbers(
    c: &mut Claim,
    g: &[Anchor],
    text: &str,
    lower: &str,
    ss: usize,
    mentions: &[Mention],
    quantities: &[usize],
) {
    let first = g[0];
    let dir = g.iter().find_map(|a| match a.kind {
        AnchorKind::Verb(d) | AnchorKind::Noun(d) => Some(d),
        AnchorKind::Level | AnchorKind::Object => None,
    });
    c.direction = dir;
    // Quantities in the claim's span (including one right before a noun
    // anchor).
    let qs: Vec<usize> = quantities
        .iter()
        .copied()
        .filter(|&q| mentions[q].start >= c.start && mentions[q].end <= c.end)
        .collect();
    let prev_word = |p: usize| -> String {
        let before =
            lower[..p - ss].trim_end_matches([' ', '$', '(', '\u{a0}']);
        let w: String = before
            .chars()
            .rev()
            .take_while(|ch| ch.is_ascii_alphabetic() || *ch == '.')
            .collect();
        w.chars().rev().collect()
    };
    for &q in &qs {
        let m = &mentions[q];
        let Some(level) = level_of(m) else { continue };
        let pw = prev_word(m.start);
        let is_change_unit =
            matches!(m.unit.as_deref(), Some("%") | Some("pp") | Some("bp"));
        let before_noun =
            matches!(first.kind, AnchorKind::Noun(_)) && m.end <= first.start;
        let compared_to =
            lower[..m.start - ss].trim_end().ends_with("compared to");
        match pw.as_str() {
            "to" if (dir.is_some() || c.value.is_none()) && !compared_to => {
                if c.to.is_none() {
                    c.to = Some(level.clone());
                    c.value = Some(level);
                    c.mentions.push(q);
                }
            }
            // A comparison names the earlier level, after a change ("rose
            // 5% from $40 million") or after a level ("were $50 million,
            // compared with $40 million").
            "from" | "versus" | "vs" | "vs." | "against" | "with" | "to"
                if (dir.is_some() || c.value.is_some()) && pw != "to"
                    || pw == "to"
                        && lower[..m.start - ss]
                            .trim_end()
                            .ends_with("compared to") =>
            {
                let before = lower[..m.start - ss].trim_end();
                let after_compared = !matches!(pw.as_str(), "with" | "to")
                    || before.ends_with("compared with")
                    || before.ends_with("compared to");
                // "from" after a level without a change word is a source,
                // not an earlier level ("$5 million from operations").
                let after_compared =
                    after_compared && (dir.is_some() || pw != "from");
                if c.from.is_none() && after_compared {
                    c.from = Some(level);
                    c.mentions.push(q);
                }
            }
            "by" if c.change.is_none() => {
                c.change = Some(Change {
                    value: level.value.abs(),
                    unit: level.unit,
                });
                c.mentions.push(q);
            }
            _ => {
                if (is_change_unit || before_noun)
                    && dir.is_some()
                    && c.change.is_none()
                    && (before_noun || m.start >= first.end)
                {
                    // The first percentage after a change word is the
                    // change ("rose 12%"); a level anchor's percentage is a
                    // level ("margin was 41%").
                    let governed_by_level = g.iter().any(|a| {
                        a.kind == AnchorKind::Level
                            && a.end <= m.start
                            && text[a.end..m.start].split_whitespace().count()
                                <= 2
                    }) && !g.iter().any(|a| {
                        matches!(a.kind, AnchorKind::Verb(_))
                            && a.end <= m.start
                            && a.end
                                > g.iter()
                                    .filter(|x| x.kind == AnchorKind::Level)
                                    .map(|x| x.end)
                                    .max()
                                    .unwrap_or(0)
                    });
                    if governed_by_level {
                        if c.value.is_none() {
                            c.value = Some(level);
                            c.mentions.push(q);
                        }
                    } else {
                        c.change = Some(Change {
                            value: level.value.abs(),
                            unit: level.unit,
                        });
                        c.mentions.push(q);
                    }
                } else if c.value.is_none()
                    && !(dir.is_some()
                        && c.change.is_none()
                        && !is_change_unit
                        && pw == "by")
                {
                    // A money or count right after a change verb without
                    // "to" is the change ("rose $5 million"); otherwise a
                    // level.
                    let right_after_verb = g.iter().any(|a| {
                        matches!(a.kind, AnchorKind::Verb(_))
                            && a.end <= m.start
                            && text[a.end..m.start].trim().is_empty()
                    });
                    if right_after_verb
                        && c.change.is_none()
                        && !matches!(first.kind, AnchorKind::Level)
                    {
                        c.change = Some(Change {
                            value: level.value.abs(),
                            unit: level.unit,
                        });
                    } else {
                        c.value = Some(level);
                    }
                    c.mentions.push(q);
                }
            }
        }
    }
    if c.direction == Some(Direction::Flat) {
        c.change = None;
    }
    // "$6.3 billion and $4.7 billion in 2021 and 2020, respectively": the
    // first is the level, the second the earlier one.
    if c.from.is_none()
        && c.change.is_none()
        && lower[c.start - ss..c.end - ss].contains("respectively")
    {
        let pair: Vec<usize> = qs
            .iter()
            .copied()
            .filter(|&q| mentions[q].start >= first.end)
            .collect();
        if let [a, b, ..] = pair[..]
            && mentions[a].kind == mentions[b].kind
            && lower[mentions[a].end - ss..mentions[b].start - ss].trim()
                == "and"
            && let (Some(la), Some(lb)) =
                (level_of(&mentions[a]), level_of(&mentions[b]))
        {
            c.value = Some(la);
            c.from = Some(lb);
            c.mentions.extend([a, b]);
        }
    }
    // `from` and `to` come as a pair (the contract: "where the text gives
    // both"): a level compared with an earlier one is the `to`, and a `to`
    // without a `from` is only the level reached.
    if c.from.is_some() && c.to.is_none() {
        c.to = c.value.clone();
    }
    if c.from.is_none() {
        c.to = None;
    }
    // A range ("$218 million to $224 million", "between 5% and 7%") is no
    // single level.
    if let Some(&q) = c.mentions.iter().find(|&&q| {
        c.value
            .as_ref()
            .is_some_and(|v| mentions[q].value.as_f64() == Some(v.value))
    }) {
        let m = &mentions[q];
        let after = lower.get(m.end - ss..).unwrap_or("");
        let before = lower.get(..m.start - ss).unwrap_or("").trim_end();
        let next_same = quantities.iter().any(|&o| {
            mentions[o].start >= m.end && mentions[o].kind == m.kind && {
                let gap = lower[m.end - ss..mentions[o].start - ss].trim();
                matches!(
                    gap,
                    "to" | "-" | "–" | "and" | "to about" | "to roughly"
                )
            }
        });
        if (next_same || before.ends_with("between"))
            && !after.trim_start().starts_with("from")
            && c.from.is_none()
        {
            c.value = None;
        }
    }
    // A count without a counted noun takes the metric's head noun ("active
    // clients fell to 612,000" → clients).
    let head = c.metric.rsplit(' ').next().unwrap_or("").to_string();
    for l in [&mut c.value, &mut c.from, &mut c.to].into_iter().flatten() {
        if l.kind == Kind::Count
            && l.unit.is_none()
            && head.len() > 3
            && head.ends_with('s')
            && !head.ends_with("ss")
        {
            l.unit = Some(head.to_lowercase());
        }
    }
    if c.from.is_some() && c.to.is_none() {
        // "rose 12% from $40 million": the level is unknown, from is known.
    }
    c.mentions.sort_unstable();
    c.mentions.dedup();
}

/// The change computed from `from` and `to`, and whether the stated change
/// agrees within rounding.
fn check(c: &Claim) -> Option<Check> {
    let (from, to, change, dir) =
        (c.from.as_ref()?, c.to.as_ref()?, c.change.as_ref()?, c.direction?);
    if from.unit != to.unit {
        return None;
    }
    let sign = match dir {
        Direction::Up => 1.0,
        Direction::Down => -1.0,
        Direction::Flat => return None,
    };
    let stated = sign * change.value;
    let computed = match change.unit.as_deref() {
        Some("%") if from.unit.as_deref() != Some("%") => {
            if from.value == 0.0 {
                return None;
            }
            (to.value - from.value) / from.value.abs() * 100.0
        }
        Some("pp") | Some("%") => to.value - from.value,
        Some("bp") => {
            (to.value - from.value)
                * if from.unit.as_deref() == Some("%") { 100.0 } else { 1.0 }
        }
        _ => to.value - from.value,
    };
    // Rounding of the stated figure: half a unit of its last digit, and at
    // least half a point for percentages written as whole numbers.
    let decimals =
        format!("{}", change.value).split('.').nth(1).map_or(0, str::len)
            as i32;
    let tol = (0.5 * 10f64.powi(-decimals))
        .max(if change.unit.as_deref() == Some("%") { 0.5 } else { 0.0 })
        + 1e-9;
    let computed = (computed * 100.0).round() / 100.0;
    Some(Check { computed, stated, agrees: (computed - stated).abs() <= tol })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::ExtractorSet;

    fn claims(text: &str) -> Vec<Claim> {
        let set = ExtractorSet::builtin();
        let ms = set.extract(text, &DocContext::default());
        analyze(text, &ms, &DocContext::default()).claims
    }

    #[test]
    fn coordinated_clauses() {
        let t = "Clients engaged in AI work rose 43% year-over-year, with gross services volume growing 52% and professionals rising 41%.";
        let cs = claims(t);
        let metrics: Vec<&str> =
            cs.iter().map(|c| c.metric.as_str()).collect();
        assert_eq!(
            metrics,
            [
                "Clients engaged in AI work",
                "gross services volume",
                "professionals"
            ]
        );
        assert!(
            cs.iter().all(|c| c.basis == Some("yoy")
                && c.direction == Some(Direction::Up))
        );
        assert_eq!(cs[1].change.as_ref().unwrap().value, 52.0);
    }

    #[test]
    fn from_to_and_check() {
        let cs = claims("Active clients fell 7% from 855,000 to 794,000.");
        assert_eq!(cs.len(), 1);
        let c = &cs[0];
        assert_eq!(c.metric, "Active clients");
        assert_eq!(c.from.as_ref().unwrap().value, 855000.0);
        assert_eq!(c.to.as_ref().unwrap().value, 794000.0);
        let k = c.check.as_ref().unwrap();
        assert!(k.agrees, "{k:?}");
        assert_eq!(k.computed, -7.13);
        let cs = claims("Revenue rose 12% to $50 million from $40 million.");
        let k = cs[0].check.as_ref().unwrap();
        assert!(!k.agrees);
        assert_eq!(k.computed, 25.0);
    }

    #[test]
    fn level_with_change() {
        let cs = claims(
            "Revenue was $201.3 million, up 4.5% from $192.6 million a year earlier.",
        );
        assert_eq!(cs.len(), 1, "{cs:?}");
        let c = &cs[0];
        assert_eq!(c.value.as_ref().unwrap().value, 201_300_000.0);
        assert_eq!(c.change.as_ref().unwrap().value, 4.5);
        assert_eq!(c.from.as_ref().unwrap().value, 192_600_000.0);
        assert_eq!(c.basis, Some("yoy"));
    }

    #[test]
    fn guidance_is_forward() {
        let cs = claims(
            "The company expects fiscal 2025 revenue of $1.82 billion to $1.83 billion.",
        );
        assert_eq!(cs.len(), 1, "{cs:?}");
        assert!(cs[0].forward);
        assert_eq!(cs[0].period.as_deref(), Some("FY2025"));
    }

    #[test]
    fn noun_change() {
        let cs = claims(
            "Brightlane Talent reported a 250 basis point increase in gross margin.",
        );
        assert_eq!(cs.len(), 1, "{cs:?}");
        assert_eq!(cs[0].metric, "gross margin");
        assert_eq!(cs[0].change.as_ref().unwrap().unit.as_deref(), Some("bp"));
    }

    #[test]
    fn speakers_in_news() {
        assert_eq!(
            attribution("Revenue rose 5%, said Chief Financial Officer Erica Lindqvist.").as_deref(),
            Some("Erica Lindqvist, Chief Financial Officer")
        );
        assert_eq!(
            attribution("CFO Erica Gessert said margins rose.").as_deref(),
            Some("Erica Gessert, CFO")
        );
    }

    #[test]
    fn headlines_without_verbs() {
        let cs = claims("q3 non-gaap earnings per share $0.83.");
        assert_eq!(cs.len(), 1);
        assert_eq!(cs[0].metric, "non-gaap earnings per share");
        assert_eq!(cs[0].value.as_ref().unwrap().value, 0.83);
        let cs = claims("sees fy revenue $1.82 billion to $1.83 billion.");
        assert_eq!(cs[0].metric, "revenue");
        assert!(cs[0].value.is_none(), "a range is no single level");
        assert!(cs[0].forward);
        assert!(
            claims("It has 40 offices in 12 countries.").is_empty(),
            "no metric noun"
        );
    }

    #[test]
    fn comparisons_after_levels() {
        let cs = claims(
            "Net sales were $6.3 billion in 2021, compared with $4.7 billion in 2020.",
        );
        assert_eq!(cs.len(), 1);
        assert_eq!(cs[0].from.as_ref().unwrap().value, 4_700_000_000.0);
        assert_eq!(cs[0].to.as_ref().unwrap().value, 6_300_000_000.0);
        let cs = claims(
            "Revenue was $6.3 billion and $4.7 billion in 2021 and 2020, respectively.",
        );
        assert_eq!(cs[0].value.as_ref().unwrap().value, 6_300_000_000.0);
        assert_eq!(cs[0].from.as_ref().unwrap().value, 4_700_000_000.0);
        let cs = claims("Cash was $5 million from operations.");
        assert!(cs[0].from.is_none(), "a source, not an earlier level");
    }
}
