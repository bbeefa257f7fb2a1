/*!
Document-level context for claims: the company a document is about, its
main period, the periods a clause names, who said a sentence, and the
consistency check of a stated change against its endpoints.
*/

use std::sync::LazyLock;

use regex::Regex;

use crate::record::{Check, Claim, Direction, Kind, Mention};

static COMPANY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)([A-Z][A-Za-z0-9&'.-]*(?:[ \t]+(?:[A-Z][A-Za-z0-9&'.-]*|&|of|and|OF|AND|de|du|des)){0,4}),?[ \t]+(?:Inc|INC|Corp|CORP|Co|CO|Ltd|LTD|LLC|plc|PLC|Corporation|CORPORATION|Company|Limited|Holdings|S\.A|N\.V|AG|SE)(?-u:\b)\.?",
    )
    .expect("company regex")
});

static POSSESSIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)([A-Z][A-Za-z0-9&-]*(?:[ \t]+[A-Z][A-Za-z0-9&-]*){0,3})['’]s(?-u:\b)")
        .expect("possessive regex")
});

/// "Kestrel Works reported ...", "Bank of New England reported ...": a
/// name as the subject of a reporting verb.
static REPORTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)([A-Z][A-Za-z&-]+(?:[ \t]+(?:[A-Z][A-Za-z&-]+|of|and|de)){0,4})[ \t]+(?:reported|reports|posted|posts|announced|delivered|expects)(?-u:\b)")
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
    // (..., and whether a determiner before the name makes it a team or
    // a segment: "The Agilent CrossLab Group posted", "our Aerospace
    // Systems segment reported"; not for "welcome to the Corvane Systems
    // call").
    type Source<'a> = (&'a Regex, usize, usize, usize, &'a [&'a str], bool);
    let sources: [Source<'_>; 4] = [
        // The fullest form: the name with its legal suffix.
        (&COMPANY, 0, 3, 200, &[], false),
        (&REPORTED, 1, 2, 50, NOT_COMPANY_REPORTED, true),
        (&INTRO, 1, 3, 20, &[], false),
        (&POSSESSIVE, 1, 1, 400, NOT_COMPANY_POSSESSIVE, false),
    ];
    for (re, group, weight, most, not, no_determiner) in sources {
        for c in re.captures_iter(text).take(most) {
            let m = c.get(group).expect("the group exists");
            let first = m.as_str().split_whitespace().next().unwrap_or("");
            let before = text[..m.start()].trim_end_matches([' ', '\t']);
            let determiner = no_determiner
                && ["the", "The", "our", "Our"].iter().any(|d| {
                    before.strip_suffix(d).is_some_and(|r| {
                        before.len() < m.start()
                            && !r.ends_with(|c: char| c.is_alphanumeric())
                    })
                });
            // "Homes delivered increased 7%": a one-word plural the text
            // also writes in lower case ("the number of homes") is a
            // common noun.
            let common = || {
                !m.as_str().contains(char::is_whitespace)
                    && m.as_str().len() >= 3
                    && m.as_str().ends_with('s')
                    && {
                        let lower = m.as_str().to_ascii_lowercase();
                        text.match_indices(lower.as_str()).any(|(i, _)| {
                            let b = text.as_bytes();
                            (i == 0 || !b[i - 1].is_ascii_alphanumeric())
                                && b.get(i + lower.len())
                                    .is_none_or(|c| !c.is_ascii_alphanumeric())
                        })
                    }
            };
            if !not.contains(&first) && !determiner && !common() {
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

/// Words that put the period after them on the comparison side: "from
/// the third quarter of 2019", "compared to Q2 FY15", "last year's
/// second quarter".
fn comparison_before(text: &str, start: usize) -> bool {
    let mut lo = start.saturating_sub(80);
    while !text.is_char_boundary(lo) {
        lo -= 1;
    }
    let mut seg = &text[lo..start];
    // The clause the date is in: after the last ", ", "; " or ". ".
    if let Some(k) = after_last(seg, b",;.", true) {
        seg = &seg[k..];
    }
    // "This compares to $18.5 million in gains ... in the second quarter
    // of 2020": the whole sentence is the comparison point.
    if comparison_sentence(text, start) {
        return true;
    }
    // "in line with second quarter", "flat with the prior quarter": the
    // quarter the figure is level with.
    let tail = seg.trim_end().to_ascii_lowercase();
    let tail = tail.strip_suffix(" the").unwrap_or(&tail);
    if ["in line with", "flat with", "consistent with", "level with"]
        .iter()
        .any(|p| tail.ends_with(p))
    {
        return true;
    }
    let mut words = words_back(seg)
        .filter(|w| !w.bytes().any(|b| b.is_ascii_digit()))
        .take(8)
        .peekable();
    let is = |w: &str, list: &[&str]| {
        list.iter().any(|x| w.eq_ignore_ascii_case(x))
    };
    while let Some(w) = words.next() {
        if is(
            w,
            &[
                "from",
                "versus",
                "vs",
                "over",
                "than",
                "against",
                "year-ago",
                "prior-year",
                // "the 12% pre-pandemic level achieved in the fourth
                // quarter of 2019", "matching the fourth quarter of 2019".
                "pre-pandemic",
                "pre-covid",
                "matching",
            ],
        ) {
            return true;
        }
        // "last year's third quarter", not "this year's".
        if is(w, &["year's", "year’s"]) {
            return words
                .peek()
                .is_some_and(|p| is(p, &["last", "prior", "previous"]));
        }
        if is(w, &["to", "with"]) {
            // "compared to Q2 2019"; "down 39% to Q2 2019" (the figure
            // is skipped: a change measured against that quarter).
            return words.peek().is_some_and(|p| {
                is(p, &["compared", "relative", "comparison"])
                    || (is(w, &["to"])
                        && is(p, &["up", "down", "higher", "lower"]))
            });
        }
        // "Since Q2 2019, we have closed 17 stores": a starting point.
        if is(w, &["since"]) {
            return true;
        }
        if is(w, &["was", "were", "is", "are", "and", "while"]) {
            return false;
        }
    }
    false
}

/// Whether the sentence `start` is in opens with "This compares",
/// "That compared", "This is compared": it states the comparison point of
/// the sentence before.
fn comparison_sentence(text: &str, start: usize) -> bool {
    let mut lo = start.saturating_sub(240);
    while !text.is_char_boundary(lo) {
        lo -= 1;
    }
    let seg = &text[lo..start];
    let from = after_last(seg, b".?!", true);
    let Some(from) = from.or((lo == 0).then_some(0)) else {
        return false;
    };
    let mut w = seg[from..].split_whitespace();
    let (a, b, c) = (w.next(), w.next(), w.next());
    let this = |x: Option<&str>| {
        x.is_some_and(|x| {
            ["this", "that"].iter().any(|t| x.eq_ignore_ascii_case(t))
        })
    };
    let compares = |x: Option<&str>| {
        x.is_some_and(|x| {
            ["compares", "compared"].iter().any(|t| x.eq_ignore_ascii_case(t))
        })
    };
    this(a)
        && (compares(b)
            || (b.is_some_and(|b| b.eq_ignore_ascii_case("is"))
                && compares(c)))
}

/// The offset right after the last break in `seg`: one of `marks`
/// followed by a space (". "), or with `newline` a line break. One
/// backward pass that stops at the first break it meets (the same answer
/// as the largest end of each separator's `rfind`, without a substring
/// search per separator: this runs for every dated mention).
fn after_last(seg: &str, marks: &[u8], newline: bool) -> Option<usize> {
    let b = seg.as_bytes();
    (0..b.len()).rev().find_map(|i| {
        let brk = (newline && b[i] == b'\n')
            || (b[i] == b' ' && i > 0 && marks.contains(&b[i - 1]));
        brk.then_some(i + 1)
    })
}

/// The words of `seg` from its end, without allocating.
fn words_back(seg: &str) -> impl Iterator<Item = &str> {
    seg.rsplit(|c: char| {
        !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-')
    })
    .filter(|w| !w.is_empty())
}

/// Whether the sentence before `start` looks ahead ("expects", "will",
/// "outlook"): a year named there is not the one being reported.
fn forward_before(text: &str, start: usize) -> bool {
    let mut lo = start.saturating_sub(160);
    while !text.is_char_boundary(lo) {
        lo -= 1;
    }
    let mut seg = &text[lo..start];
    if let Some(k) = after_last(seg, b".", false) {
        seg = &seg[k..];
    }
    words_back(seg).any(|w| {
        [
            "will",
            "would",
            "expect",
            "expects",
            "expected",
            "expecting",
            "anticipate",
            "anticipates",
            "anticipating",
            "outlook",
            "guidance",
            "target",
            "forecast",
            "sees",
            "plans",
            "likely",
        ]
        .iter()
        .any(|x| w.eq_ignore_ascii_case(x))
    })
}

/// Whether a date's text states its year ("Q3 2019", "fiscal 2016",
/// "FY15", "9/30/20"), not one the extractor inferred from the document
/// date.
fn states_year(t: &str) -> bool {
    t.as_bytes()
        .windows(2)
        .any(|w| w[0].is_ascii_digit() && w[1].is_ascii_digit())
}

/// Whether a date's text names its period ("the third quarter", "Q3
/// 2025", "fiscal 2016", "September 30") rather than pointing at one ("the
/// quarter", "this year", "a year ago"): only a named period can anchor
/// others.
pub fn names_period(t: &str) -> bool {
    if t.bytes().any(|b| b.is_ascii_digit()) {
        return true;
    }
    ORDINALS.is_match(t)
        // Any word: date spans may start with "the end of".
        || t.split(|c: char| !c.is_ascii_alphabetic()).any(|w| {
            w.len() >= 3
                && super::super::extract::keyword::month_number(w).is_some()
        })
}

/// The counting words of [`names_period`], anywhere in a date's text, in
/// any case (this runs for every dated mention).
static ORDINALS: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build([
            "first", "second", "third", "fourth", "1st", "2nd", "3rd", "4th",
            "one", "two", "three", "four",
        ])
        .expect("the ordinals compile")
});

/// The period a document is mostly about: its most frequent quarter (a
/// quarter named only as the comparison of a year-over-year change counts
/// as the one a year later), with the year its dated mentions give.
///
/// Returns the period and whether its year is stated (by that quarter's
/// own mentions or the year-earlier quarter it is compared with). A
/// document without a date takes the year of its other dated periods.
pub fn main_period(
    text: &str,
    mentions: &[Mention],
    dated: bool,
) -> Option<(String, bool)> {
    // "on a two-year basis", "pre-pandemic levels": a quarter named
    // only as the comparison is two years back, not one.
    let back = 1 + i32::from(TWO_YEAR.is_match(text));
    // (quarter label without year, e.g. "-Q3" or "FY-Q3"; year; count)
    let mut own: Vec<(String, Option<i32>)> = Vec::new();
    let mut compared: Vec<(String, Option<i32>)> = Vec::new();
    let mut loose: Vec<(String, Option<i32>)> = Vec::new();
    let mut ahead: Vec<(String, Option<i32>)> = Vec::new();
    let mut inferred: Vec<(String, i32)> = Vec::new();
    let mut loose_direct = true;
    // Years of other dated mentions, for a quarter named without one.
    let mut other_years: Vec<(i32, usize)> = Vec::new();
    for m in mentions.iter().filter(|m| m.kind == Kind::Date) {
        let Some(v) = m.value.as_text() else { continue };
        if m.is_vague_date() || !names_period(&text[m.start..m.end]) {
            continue;
        }
        let quarter = v.contains("-Q");
        let year_stated = states_year(&text[m.start..m.end]);
        if !quarter && !year_stated {
            continue;
        }
        let is_compared = comparison_before(text, m.start);
        if let Some(y) = v
            .trim_start_matches("FY")
            .get(..4)
            .and_then(|y| y.parse::<i32>().ok())
            && states_year(&text[m.start..m.end])
            && !is_compared
            && !forward_before(text, m.start)
        {
            match other_years.iter_mut().find(|c| c.0 == y) {
                Some(c) => c.1 += 1,
                None => other_years.push((y, 1)),
            }
        }
        let Some((y, q)) = v.split_once("-Q") else { continue };
        if q == "X" || q.len() != 1 {
            continue;
        }
        let fiscal = y.starts_with("FY");
        let year: Option<i32> = if states_year(&text[m.start..m.end]) {
            y.trim_start_matches("FY").parse().ok()
        } else {
            None
        };
        let label = format!("{}-Q{q}", if fiscal { "FY" } else { "" });
        // A quarter named without its year in a dated document ("the first
        // quarter" in a story of April 1987): the year the extractor gave
        // it from the document's date, a vote of its own, so that one note
        // about "the first quarter of 1986" does not outvote four mentions
        // of this year's.
        if !is_compared
            && year.is_none()
            && dated
            && let Ok(y) = y.trim_start_matches("FY").parse::<i32>()
        {
            inferred.push((label.clone(), y));
        }
        if is_compared {
            let mut lo = m.start.saturating_sub(24);
            while !text.is_char_boundary(lo) {
                lo -= 1;
            }
            let lw = text[lo..m.start].trim_end().to_ascii_lowercase();
            let year_ago = [
                "last year's",
                "prior year's",
                "previous year's",
                "last year’s",
                "prior year’s",
                "year-ago",
                "prior-year",
            ]
            .iter()
            .any(|w| lw.ends_with(w));
            if year.is_some() {
                compared.push((label, year.map(|y| y + back)));
            } else if year_ago {
                compared.push((label, None));
            } else {
                // "versus the second quarter", "in line with second
                // quarter": the quarter right after the comparison word is
                // the one before the document's; "from 45.8% in the
                // second quarter" may be the figure's own.
                let direct = [
                    "in line with",
                    "flat with",
                    "from",
                    "versus",
                    "vs",
                    "vs.",
                    "compared to",
                    "compared with",
                    "than",
                    "over",
                    "against",
                ]
                .iter()
                .any(|w| {
                    let t = lw.strip_suffix(" the").unwrap_or(&lw);
                    t.ends_with(w)
                        && t[..t.len() - w.len()]
                            .chars()
                            .next_back()
                            .is_none_or(|c| !c.is_alphanumeric())
                });
                loose_direct &= direct;
                loose.push((label, None));
            }
        } else if forward_before(text, m.start) {
            // "spreads are likely to narrow during the first quarter": a
            // quarter ahead is not the one the document reports.
            ahead.push((label, year));
        } else {
            own.push((label, year));
        }
    }
    // Only a quarter named as a comparison: the same quarter (a
    // comparison of the same quarter a year before is the common one).
    let pool = if !own.is_empty() {
        &own
    } else if !compared.is_empty() {
        &compared
    } else if !loose.is_empty() {
        &loose
    } else {
        &ahead
    };
    let mut counts: Vec<(&str, usize, usize)> = Vec::new();
    for (i, (l, _)) in pool.iter().enumerate() {
        match counts.iter_mut().find(|c| c.0 == l) {
            Some(c) => c.1 += 1,
            None => counts.push((l, 1, i)),
        }
    }
    let best =
        counts.iter().max_by(|a, b| a.1.cmp(&b.1).then(b.2.cmp(&a.2)))?.0;
    // The year: the most frequent among the dated mentions of that quarter.
    let mut years: Vec<(i32, usize)> = Vec::new();
    for (l, y) in pool {
        if l == best
            && let Some(y) = y
        {
            match years.iter_mut().find(|c| c.0 == *y) {
                Some(c) => c.1 += 1,
                None => years.push((*y, 1)),
            }
        }
    }
    // Only quarters named right after a comparison word, not a year back
    // ("in line with second quarter", "from the third quarter"): the
    // document reports the quarter after.
    let next_q;
    let best = if std::ptr::eq(pool, &loose) && loose_direct {
        let n = best.as_bytes()[best.len() - 1] - b'0';
        next_q = format!("{}{}", &best[..best.len() - 1], n % 4 + 1);
        next_q.as_str()
    } else {
        best
    };
    let qn = &best[best.len() - 3..];
    // A fiscal quarter anywhere makes the quarter fiscal; the year comes
    // from the same quarter's dated mentions, then those of the quarter a
    // year before, then any dated period of the document.
    let fiscal = own
        .iter()
        .chain(&compared)
        .any(|(l, _)| l.starts_with("FY") && l.ends_with(qn));
    let same_q = |v: &[(String, Option<i32>)]| {
        let mut years: Vec<(i32, usize)> = Vec::new();
        for (l, y) in v {
            if l.ends_with(qn)
                && let Some(y) = y
            {
                match years.iter_mut().find(|c| c.0 == *y) {
                    Some(c) => c.1 += 1,
                    None => years.push((*y, 1)),
                }
            }
        }
        years.iter().rev().max_by_key(|c| c.1).map(|c| c.0)
    };
    // The most frequent year; the first one on a tie.
    let top =
        |v: &[(i32, usize)]| v.iter().rev().max_by_key(|c| c.1).map(|c| c.0);
    let mut stated =
        top(&years).or_else(|| same_q(&own)).or_else(|| same_q(&compared));
    // The years inferred from the document's date outvote fewer stated
    // ones of the best quarter.
    if let Some(sy) = stated
        && !own.is_empty()
    {
        let mut votes: Vec<(i32, usize)> = years.clone();
        for (l, y) in &inferred {
            if l == best {
                match votes.iter_mut().find(|c| c.0 == *y) {
                    Some(c) => c.1 += 1,
                    None => votes.push((*y, 1)),
                }
            }
        }
        let count =
            |y: i32| votes.iter().find(|c| c.0 == y).map_or(0, |c| c.1);
        if let Some(vy) = top(&votes)
            && count(vy) > count(sy)
        {
            stated = Some(vy);
        }
    }
    // Only a comparison names the quarter ("compared to the third quarter
    // of 2019"): a year after it, unless the document states a later year
    // of its own (a two-year comparison in a 2021 call).
    if own.is_empty()
        && let (Some(cy), Some(oy)) = (stated, top(&other_years))
        && oy > cy
    {
        stated = Some(oy);
    }
    let year = stated.or_else(|| if dated { None } else { top(&other_years) });
    let (fy, q) = ("FY".get(..if fiscal { 2 } else { 0 }).unwrap_or(""), qn);
    let p = match year {
        Some(y) => format!("{fy}{y}{q}"),
        None => format!("{fy}XXXX{q}"),
    };
    Some((p, stated.is_some()))
}

/// Words that make a document's comparisons two-year ones.
static TWO_YEAR: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .build(["two-year", "two year", "pre-pandemic", "pre-covid"])
        .expect("the two-year cues compile")
});

static PERIOD_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:qtr|quarter|period|year|mths|months|half)(?:[ \t]+|[ \t]*\n\s*)(?:(?:ended|ending|to)[ \t]+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[ \t]+([0-3]?[0-9])\b")
        .expect("period end regex")
});

/// The month and day a wire story's period ends: "4TH QTR JAN 31 NET",
/// "Qtr ended Jan 31", "Period ended February 28", "YEAR ENDING DEC 31".
pub fn period_end(text: &str) -> Option<(u32, u32)> {
    let c = PERIOD_END.captures(text)?;
    let m = crate::extract::keyword::month_number(&c[1])?;
    let d: u32 = c[2].parse().ok()?;
    (1..=31).contains(&d).then_some((m, d))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn main_company_keeps_of_and_de_in_names() {
        let rows: &[(&str, Option<&str>)] = &[
            (
                "BANK OF NEW ENGLAND <BKNE.O> POST NET\n\nBank of New England \
                 Corp reported that first quarter earnings rose.\nEarlier, \
                 Bank of New England reported net income of 39.8 mln dlrs.",
                Some("Bank of New England Corp"),
            ),
            (
                "Credit Commercial de France SA said net rose. Credit \
                 Commercial de France reported a dividend.",
                Some("Credit Commercial de France"),
            ),
            (
                "Kestrel Works Inc. reported revenue of $3 million. Kestrel \
                 Works expects growth.",
                Some("Kestrel Works Inc."),
            ),
            (
                "Agilent reported results. The Agilent Cross Lab Group \
                 posted revenue of $1 billion. Agilent expects growth. \
                 Agilent's margin rose.",
                Some("Agilent"),
            ),
            (
                "Good afternoon, and welcome to the Corvane Systems Q3 FY24 \
                 earnings call. The Corvane Systems team delivered.",
                Some("Corvane Systems"),
            ),
            ("Revenue rose 5% in the quarter.", None),
            // A plural the text also writes in lower case is a noun.
            (
                "Homes delivered increased 7% to 2,564, driven by the \
                 number of homes in backlog.",
                None,
            ),
        ];
        for &(text, want) in rows {
            assert_eq!(main_company(text).as_deref(), want, "{text}");
        }
    }

    #[test]
    fn clause_breaks_are_found_from_the_end() {
        assert_eq!(
            after_last("up 5%, from Q2; versus Q1", b",;.", true),
            Some(16)
        );
        assert_eq!(after_last("revenue\nfrom Q2", b",;.", true), Some(8));
        assert_eq!(after_last("no break here", b",;.", true), None);
        assert_eq!(after_last("a.b. c", b".", false), Some(5));
        assert_eq!(after_last("line\nonly", b".", false), None);
    }
}
