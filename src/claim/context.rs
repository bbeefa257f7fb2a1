/*!
Document-level context for claims: the company a document is about, its
main period, the periods a clause names, who said a sentence, and the
consistency check of a stated change against its endpoints.
*/

use std::sync::LazyLock;

use regex::Regex;

use super::{Check, Claim, Direction};
use crate::extract::{Kind, Mention};

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
pub fn main_company(text: &str) -> Option<String> {
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

/// The period a document is mostly about: its most frequent quarter, half
/// or fiscal-year mention with a year (the first one on a tie).
pub fn main_period(mentions: &[Mention]) -> Option<String> {
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

/// `2025-09-30` → `2025-Q3`; other dates → `None`.
pub fn quarter_end(v: &str) -> Option<String> {
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

/// "said Chief Financial Officer Erica Lindqvist" → "Erica Lindqvist,
/// Chief Financial Officer".
pub fn attribution(sent: &str) -> Option<String> {
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

pub fn check(c: &Claim) -> Option<Check> {
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
