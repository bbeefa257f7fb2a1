/*!
Dates and fiscal periods, with TIMEX3-style values.

| text | value |
| --- | --- |
| `Nov. 5, 2025`, `5 November 2025`, `2025-11-05`, `11/05/2025` | `2025-11-05` |
| `November 5` | `XXXX-11-05` (the document's year when it has a date) |
| `September 2025` / `in September` | `2025-09` / `XXXX-09` |
| `in 2024` | `2024` |
| `Q3`, `third quarter`, `third-quarter` | `XXXX-Q3` |
| `Q3 2025`, `3Q25`, `the third quarter of 2025`, `Q3'25` | `2025-Q3` |
| `Q3 FY24`, `fiscal first quarter 2022`, `FY25 Q2` | `FY2024-Q3`, `FY2022-Q1`, `FY2025-Q2` |
| `first half of 2025`, `H2 2024`, `1H25` | `2025-H1`, `2024-H2`, `2025-H1` |
| `fiscal 2025`, `FY25`, `fiscal year 2025` | `FY2025` |

Relative expressions (`last year`, `today`, `on Tuesday`, `next quarter`)
are resolved against the document's date ([`DocContext::date`]); without
one they are still reported, with TIMEX3's underspecified values (`XXXX`,
`XXXX-QX`, `XXXX-XX-XX`, `XXXX-WXX-2`).

Each form is parsed forward from a trigger: a keyword hit (month, ordinal,
`Q3`, `H1`, `FY`, `fiscal`, relative word) or a digit. Overlaps keep the
leftmost, longest candidate.
*/

use super::count;
use super::keyword::{
    Anchor, GENERIC_PERIODS, Hit, REFS, Trigger, month_number,
};
use super::text::{
    WordSet, eat_word, eat_word_ci, in_set, prev_word, skip_spaces, word_end,
    word_set, word_start,
};
use crate::record::{DocContext, Kind, Mention, Value};

/// Finds every date in `text`.
pub fn find(text: &str, hits: &[Hit], ctx: &DocContext) -> Vec<Mention> {
    let mut cands: Vec<(usize, usize, String)> = Vec::new();
    for hit in hits {
        let c = match hit.trigger {
            Trigger::Month(m) => month_first(text, hit, m, ctx),
            Trigger::Ordinal(n) => ordinal_period(text, hit, n, ctx),
            Trigger::Quarter(n) => marker_period(text, hit, 'Q', n, ctx),
            Trigger::Half(n) => marker_period(text, hit, 'H', n, ctx),
            Trigger::QuarterWord => numbered_quarter(text, hit, ctx),
            Trigger::FiscalYear => fy(text, hit),
            Trigger::Fiscal => fiscal(text, hit),
            Trigger::Day(d) => Some(match ctx.date {
                Some(dd) => {
                    let (y, m, d) = add_days(dd, i64::from(d));
                    (hit.start, hit.end, format!("{y:04}-{m:02}-{d:02}"))
                }
                // Without a document date the day is unknown but still a
                // date: TIMEX3's underspecified form.
                None => (hit.start, hit.end, "XXXX-XX-XX".to_string()),
            }),
            Trigger::Relative(r) => relative(text, hit, r, ctx),
            Trigger::Weekday(w) => weekday(text, hit, w, ctx),
            Trigger::Generic(i) => generic(text, hit, i, ctx),
            Trigger::Ref(i) => reference(text, hit, i),
            Trigger::Season(n) => season(text, hit, n, ctx),
            Trigger::Ago => ago(text, hit, ctx),
            Trigger::Century => century(text, hit, ctx),
            Trigger::Decade(n) => Some((hit.start, hit.end, format!("19{n}"))),
            Trigger::NumberWord => spoken_year_date(text, hit),
            Trigger::YearAgo => None,
        };
        cands.extend(c);
    }
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let Some(p) = super::text::next_digit(b, i) else {
            break;
        };
        let mut q = p;
        while q < b.len() && b[q].is_ascii_digit() {
            q += 1;
        }
        // Digits after "1." or "1," continue a number ("CHF 1.4q" is not
        // a fourth quarter).
        let mid_number = p >= 2
            && matches!(b[p - 1], b'.' | b',')
            && b[p - 2].is_ascii_digit();
        if !mid_number
            && (word_start(text, p)
                || b.get(p.wrapping_sub(1)) == Some(&b'\''))
        {
            cands.extend(digit_date(text, p, q, ctx));
        }
        i = q;
    }
    // Leftmost, then longest.
    cands.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let mut out: Vec<Mention> = Vec::with_capacity(cands.len());
    let mut last_end = 0;
    let mut ante = Antecedents::default();
    for (start, end, value) in cands {
        if start < last_end {
            continue;
        }
        let start = with_modifier(text, start, last_end);
        last_end = end;
        let d = deferred(&value);
        // A quarter found from the one in context ("the latest period")
        // is that quarter, and stays the one in context.
        let was_deferred = d.is_some()
            && !matches!(d, Some(Deferred::Discussed(_)))
            && !matches!(d, Some(Deferred::Generic(i, _))
                if GENERIC_PERIODS[i].3 == Anchor::Discussed);
        let value = match d {
            Some(d) => ante.resolve(d, start, ctx),
            None => value,
        };
        ante.note(text, start, end, &value, was_deferred, ctx);
        out.push(Mention {
            kind: Kind::Date,
            start,
            end,
            value: Value::Text(value),
            unit: None,
        });
    }
    out
}

/// "now", "recently", "in the past": TIMEX3's `PRESENT_REF`, `PAST_REF`,
/// `FUTURE_REF`. "the past" before a count or a unit ("the past 10 years",
/// "the past two weeks") is a duration, not a date.
fn reference(s: &str, hit: &Hit, i: u32) -> Option<Cand> {
    let (word, value) = REFS[i as usize];
    if word == "the past" {
        let k = skip_spaces(s, hit.end, 1);
        let next = super::text::word_at(s, k).to_ascii_lowercase();
        let unit = next.strip_suffix('s').unwrap_or(&next);
        if s.as_bytes().get(k).is_some_and(u8::is_ascii_digit)
            || super::number::parse_words(s, k).is_some()
            || matches!(
                unit,
                "year"
                    | "month"
                    | "week"
                    | "day"
                    | "decade"
                    | "quarter"
                    | "hour"
                    | "minute"
                    | "century"
                    | "few"
                    | "couple"
            )
        {
            return None;
        }
    }
    Some((hit.start, hit.end, value.to_string()))
}

/// A value that depends on the dates before it, written by the parsers as
/// `@<what>|<fallback>`: a generic period anchored on the period in context
/// (`@g<index in GENERIC_PERIODS>`), the period in context a year before
/// (`@bY`, from "last year" as a comparison's side), "the 1988 quarter"
/// (`@q<year>`), or the quarter the text is about (`@d`, from "this
/// quarter"). The fallback is the value without context.
enum Deferred<'a> {
    Generic(usize, &'a str),
    YearBefore(char, &'a str),
    QuarterOf(i32, &'a str),
    Discussed(&'a str),
}

fn deferred(v: &str) -> Option<Deferred<'_>> {
    let rest = v.strip_prefix('@')?;
    let (head, fallback) = rest.split_once('|')?;
    if let Some(i) = head.strip_prefix('g') {
        return Some(Deferred::Generic(i.parse().ok()?, fallback));
    }
    if let Some(u) = head.strip_prefix('b') {
        return Some(Deferred::YearBefore(u.chars().next()?, fallback));
    }
    if head == "d" {
        return Some(Deferred::Discussed(fallback));
    }
    let y = head.strip_prefix('q')?.parse().ok()?;
    Some(Deferred::QuarterOf(y, fallback))
}

/// The periods named so far, for the dates that refer back to them.
#[derive(Default)]
struct Antecedents {
    /// The last quarter named with its year (end offset, year, quarter),
    /// unless it was named as the comparison ("up from the second quarter
    /// of 2024", already the year-earlier one).
    quarter: Option<(usize, i32, u32)>,
    /// The last quarter named, comparisons included ("that quarter").
    any_quarter: Option<(i32, u32)>,
    /// The last quarter named with its year that had ended by the
    /// document date, not as a comparison: the one a report is about
    /// ("fourth-quarter results" in October are still to come).
    reported: Option<(i32, u32)>,
    /// The last date with a year: (year, month, quarter) as far as given.
    named: Option<(i32, Option<u32>, Option<u32>)>,
}

/// Words that make a period the comparison's side: "the year-ago third
/// quarter".
const YEAR_BEFORE_WORDS: &[&str] = &[
    "year-ago",
    "year-earlier",
    "year ago",
    "year earlier",
    "prior-year",
    "prior year",
];

impl Antecedents {
    /// "Net rose to $5 million in the third quarter from $4 million a year
    /// earlier": the quarter a year before. Only with a document date
    /// (without one, "a year earlier" stays `XXXX` as our own gold has it),
    /// and for a year-long phrase ("a year ago") only close to the quarter.
    fn year_before(
        &self,
        unit: char,
        fallback: &str,
        start: usize,
        ctx: &DocContext,
    ) -> String {
        match self.quarter {
            Some((qe, qy, q))
                if ctx.date.is_some()
                    && (unit == 'Q' || start.saturating_sub(qe) < 400) =>
            {
                format!("{:04}-Q{q}", qy - 1)
            }
            _ => fallback.to_string(),
        }
    }

    /// "the latest period", "this quarter": the quarter the text is about,
    /// else `fallback` (the document date's).
    fn discussed(&self, fallback: &str) -> String {
        match self.reported {
            Some((y, q)) => format!("{y:04}-Q{q}"),
            None => fallback.to_string(),
        }
    }

    fn note(
        &mut self,
        text: &str,
        start: usize,
        end: usize,
        value: &str,
        was_deferred: bool,
        ctx: &DocContext,
    ) {
        let b = value.as_bytes();
        if b.len() < 4 || !b[..4].iter().all(u8::is_ascii_digit) {
            return;
        }
        let Ok(y) = value[..4].parse::<i32>() else {
            return;
        };
        if let Some(q) = year_quarter(value) {
            let span = text[start..end].to_ascii_lowercase();
            if !was_deferred
                && !compared_before(text, start)
                && !YEAR_BEFORE_WORDS.iter().any(|w| span.contains(w))
            {
                self.quarter = Some((end, q.0, q.1));
                // Its last month has ended by the document date.
                let ended =
                    ctx.date.is_none_or(|(y, m, _)| (q.0, q.1 * 3) < (y, m));
                if ended {
                    self.reported = Some(q);
                }
            }
            self.any_quarter = Some(q);
            self.named = Some((q.0, None, Some(q.1)));
            return;
        }
        let m = value
            .get(5..7)
            .filter(|_| b.get(4) == Some(&b'-'))
            .and_then(|m| m.parse::<u32>().ok())
            .filter(|m| (1..=12).contains(m));
        self.named = Some((y, m, m.map(|m| (m - 1) / 3 + 1)));
    }

    fn resolve(
        &self,
        d: Deferred<'_>,
        start: usize,
        ctx: &DocContext,
    ) -> String {
        match d {
            Deferred::QuarterOf(y, fallback) => match self.quarter {
                Some((_, _, q)) => format!("{y:04}-Q{q}"),
                None => fallback.to_string(),
            },
            Deferred::YearBefore(unit, fallback) => {
                self.year_before(unit, fallback, start, ctx)
            }
            Deferred::Discussed(fallback) => self.discussed(fallback),
            Deferred::Generic(i, fallback) => {
                let (_, unit, off, anchor) = GENERIC_PERIODS[i];
                match anchor {
                    Anchor::Discussed => self.discussed(fallback),
                    Anchor::YearBefore => {
                        self.year_before(unit, fallback, start, ctx)
                    }
                    Anchor::Named => {
                        let Some((y, m, q)) = self.named else {
                            return fallback.to_string();
                        };
                        // "that quarter" is the last quarter named, even
                        // a comparison's.
                        let (y, q) = match (unit, self.any_quarter) {
                            ('Q', Some((qy, qq))) => (qy, Some(qq)),
                            _ => (y, q),
                        };
                        match unit {
                            'Y' => format!("{:04}", y + off),
                            'Q' => match q {
                                Some(q) => {
                                    let n = q as i32 - 1 + off;
                                    format!(
                                        "{:04}-Q{}",
                                        y + n.div_euclid(4),
                                        n.rem_euclid(4) + 1
                                    )
                                }
                                None => format!("{y:04}-QX"),
                            },
                            _ => match m {
                                Some(m) => {
                                    let n = m as i32 - 1 + off;
                                    format!(
                                        "{:04}-{:02}",
                                        y + n.div_euclid(12),
                                        n.rem_euclid(12) + 1
                                    )
                                }
                                None => format!("{y:04}-XX"),
                            },
                        }
                    }
                    Anchor::Doc => fallback.to_string(),
                }
            }
        }
    }
}

type Cand = (usize, usize, String);

/// `2025-Q3` as (2025, 3).
fn year_quarter(v: &str) -> Option<(i32, u32)> {
    let (y, q) = v.split_once("-Q")?;
    if y.len() != 4 || q.len() != 1 {
        return None;
    }
    Some((y.parse().ok()?, q.parse().ok()?))
}

/// True when `from`, `versus`, `compared with` (optionally `the`) comes
/// right before `i`.
fn compared_before(s: &str, i: usize) -> bool {
    let (st, w) = prev_word(s, i);
    let (_, w) =
        if w.eq_ignore_ascii_case("the") { prev_word(s, st) } else { (st, w) };
    matches!(
        w.to_ascii_lowercase().as_str(),
        "from" | "versus" | "vs" | "with" | "over" | "than"
    )
}

/// Phrases before a date that TIMEX3 spans include (the part is its
/// `mod`, the value stays the date's).
const PART_OF: &[&str] =
    &["the end of ", "the beginning of ", "the start of ", "the middle of "];

/// Extends a date's start over a modifier that TIMEX3 spans include:
/// "early December", "late last week", "earlier this year", "the mid
/// 1990s", "mid-1996" (not before `floor`, the previous date's end).
fn with_modifier(s: &str, start: usize, floor: usize) -> usize {
    if s[..start].ends_with("mid-") || s[..start].ends_with("Mid-") {
        return start - 4;
    }
    // "the end of 1990", "the beginning of October".
    let head = &s[..start];
    for m in PART_OF {
        if head.len() >= m.len() + floor
            && head.is_char_boundary(head.len() - m.len())
            && head[head.len() - m.len()..].eq_ignore_ascii_case(m)
            && word_start(s, head.len() - m.len())
        {
            return head.len() - m.len();
        }
    }
    let (st, w) = prev_word(s, start);
    if st < floor || st == start {
        return start;
    }
    let w = w.to_ascii_lowercase();
    // "around Nov. 1", "around year end": TIMEX3's APPROX, inside the span.
    if w == "around" {
        return st;
    }
    if !matches!(w.as_str(), "early" | "late" | "mid" | "earlier" | "later") {
        return start;
    }
    // "the early 1980s", "the early summer".
    let (st2, w2) = prev_word(s, st);
    if w2.eq_ignore_ascii_case("the")
        && st2 >= floor
        && !matches!(w.as_str(), "earlier" | "later")
    {
        return st2;
    }
    st
}

/// Words before a day or a month that put it ahead of the document date:
/// "will meet on Thursday", "set to resume Monday", "by August".
fn future_cue(s: &str, start: usize) -> bool {
    future_cue_with(s, start, true)
}

/// [`future_cue`], with "by" counted or not: "lifted by the launch on
/// October 2" is no deadline. "by" is a deadline only right before the date
/// or its part ("by December", "by the end of June"), not as an agent
/// ("cited by the police in December"); a cue inside a compound
/// ("lower-than-expected") is none.
fn future_cue_with(s: &str, start: usize, by: bool) -> bool {
    let mut i = start;
    let mut adjacent = true;
    for _ in 0..8 {
        let (mut st, mut w) = prev_word(s, i);
        if w.is_empty() {
            // Stop at the sentence's start, but not at an initial or a
            // title: "will succeed Daniel P. Davison Feb. 1".
            let j = super::text::skip_spaces_back(s, i);
            if j == 0 || s.as_bytes()[j - 1] != b'.' {
                return false;
            }
            (st, w) = super::text::word_before(s, j - 1);
            if !abbreviation(w) {
                return false;
            }
        }
        let w = w.to_ascii_lowercase();
        let compound = st > 0 && s.as_bytes()[st - 1] == b'-';
        if !compound
            && matches!(
                w.as_str(),
                "will"
                    | "next"
                    | "scheduled"
                    | "expected"
                    | "plans"
                    | "planned"
                    | "upcoming"
                    | "until"
                    | "ll"
                    | "shall"
                    | "tomorrow"
                    | "effective"
            )
            || by && adjacent && w == "by"
            || w == "to" && {
                let (_, w2) = prev_word(s, st);
                matches!(
                    w2.to_ascii_lowercase().as_str(),
                    "set" | "due" | "is" | "are" | "going" | "scheduled"
                )
            }
        {
            return true;
        }
        // Past tense or a past marker ends the search.
        if matches!(
            w.as_str(),
            "said" | "was" | "were" | "had" | "did" | "last"
        ) {
            return false;
        }
        adjacent &= matches!(
            w.as_str(),
            "the" | "end" | "of" | "early" | "late" | "mid" | "middle"
        );
        i = st;
    }
    false
}

/// True for a word that a period after it does not end a sentence for:
/// an initial ("P.") or a title ("Mr.").
fn abbreviation(w: &str) -> bool {
    w.len() == 1 && w.as_bytes()[0].is_ascii_uppercase()
        || matches!(w, "Mr" | "Mrs" | "Ms" | "Dr" | "St" | "Jr" | "Sr")
}

/// "last summer", "this fall", "the summer", "summer 2024": TIMEX3's
/// `2024-SU` (SP, SU, FA, WI). A bare season needs a determiner or a year:
/// "fall" is a verb too.
fn season(s: &str, hit: &Hit, n: u32, ctx: &DocContext) -> Option<Cand> {
    const CODES: [&str; 4] = ["SP", "SU", "FA", "WI"];
    let code = CODES[n as usize];
    // "summer 1998", "the summer of 1998".
    let mut k = skip_spaces(s, hit.end, 1);
    if let Some(e) = eat_word_ci(s, k, "of") {
        k = skip_spaces(s, e, 1);
    }
    let year =
        year4(s, k).or_else(|| spoken_year(s, k)).filter(|_| k > hit.end);
    let (st, w) = prev_word(s, hit.start);
    let w = w.to_ascii_lowercase();
    let (y, m, _) = ctx.date.unwrap_or((0, 0, 0));
    let dated = ctx.date.is_some();
    // The season the document date falls in (winter spans December to
    // February and takes December's year).
    let now = match m {
        3..=5 => 0,
        6..=8 => 1,
        9..=11 => 2,
        _ => 3,
    };
    let now_year = if m <= 2 { y - 1 } else { y };
    let (start, value_year) = match w.as_str() {
        _ if year.is_some() => {
            let start =
                if matches!(w.as_str(), "the" | "this" | "last" | "next") {
                    st
                } else {
                    hit.start
                };
            (start, year.map(|(_, y)| y))
        }
        "last" | "past" => {
            let y = if n < now { now_year } else { now_year - 1 };
            (st, Some(y).filter(|_| dated))
        }
        "next" | "coming" => {
            let y = if n > now { now_year } else { now_year + 1 };
            (st, Some(y).filter(|_| dated))
        }
        "this" | "the" | "in" | "early" | "late" | "during" | "mid" => {
            // "the fall of the Berlin Wall" is not a season.
            if n == 2
                && eat_word_ci(s, skip_spaces(s, hit.end, 1), "of").is_some()
            {
                return None;
            }
            let start = if matches!(w.as_str(), "this" | "the") {
                st
            } else {
                hit.start
            };
            (start, Some(now_year).filter(|_| dated))
        }
        _ => return None,
    };
    let end = year.map_or(hit.end, |(e, _)| e);
    Some((start, end, format!("{}-{code}", year_text(value_year))))
}

/// The word or number before `i` (letters, digits, `-`), after spaces.
fn prev_token(s: &str, i: usize) -> (usize, &str) {
    let b = s.as_bytes();
    let j = super::text::skip_spaces_back(s, i);
    let mut k = j;
    while k > 0 && (b[k - 1].is_ascii_alphanumeric() || b[k - 1] == b'-') {
        k -= 1;
    }
    (k, &s[k..j])
}

/// "four years ago", "10 days ago", "six weeks ago", "a decade ago",
/// "nearly four years ago", "several years ago" (PAST_REF).
fn ago(s: &str, hit: &Hit, ctx: &DocContext) -> Option<Cand> {
    let (us, unit) = prev_word(s, hit.start);
    if us == hit.start {
        return None;
    }
    let unit = unit.to_ascii_lowercase();
    let unit = unit.strip_suffix('s').unwrap_or(&unit);
    let (ns, num) = prev_token(s, us);
    if num.is_empty() {
        return None;
    }
    let lower = num.to_ascii_lowercase();
    let n: Option<i64> = match lower.as_str() {
        "a" | "an" | "one" => Some(1),
        "several" | "few" | "many" | "some" => None,
        w => w.parse().ok().or_else(|| {
            super::number::parse_words(s, ns)
                .filter(|x| x.end == ns + num.len())
                .map(|x| x.value.to_f64() as i64)
        }),
    };
    let vague = n.is_none();
    if vague && !matches!(lower.as_str(), "several" | "few" | "many" | "some")
    {
        return None;
    }
    let mut start = ns;
    // "a few years ago", "nearly four years ago".
    let (ps, pw) = prev_word(s, start);
    if lower == "few" && pw.eq_ignore_ascii_case("a") {
        start = ps;
    }
    let (ps, pw) = prev_word(s, start);
    if matches!(
        pw.to_ascii_lowercase().as_str(),
        "nearly" | "almost" | "about" | "some" | "roughly" | "just"
    ) {
        start = ps;
    }
    if vague {
        if !matches!(unit, "year" | "month" | "week" | "day" | "decade") {
            return None;
        }
        return Some((start, hit.end, "PAST_REF".to_string()));
    }
    let n = n?;
    if n <= 0 || n > 2000 {
        return None;
    }
    let Some(date) = ctx.date else {
        let v = match unit {
            "year" | "decade" => "XXXX",
            "month" => "XXXX-XX",
            "week" => "XXXX-WXX",
            "day" => "XXXX-XX-XX",
            _ => return None,
        };
        return Some((start, hit.end, v.to_string()));
    };
    let (y, m, _) = date;
    let value = match unit {
        "year" => format!("{:04}", i64::from(y) - n),
        "decade" => format!("{:04}", i64::from(y) - 10 * n),
        "month" => {
            let mm = i64::from(m) - 1 - n;
            format!(
                "{:04}-{:02}",
                i64::from(y) + mm.div_euclid(12),
                mm.rem_euclid(12) + 1
            )
        }
        "week" => {
            let (wy, w) = iso_week(add_days(date, -7 * n));
            format!("{wy:04}-W{w:02}")
        }
        "day" => {
            let (y, m, d) = add_days(date, -n);
            format!("{y:04}-{m:02}-{d:02}")
        }
        _ => return None,
    };
    Some((start, hit.end, value))
}

/// A year said in words, as transcripts of broadcasts write it: "nineteen
/// ninety-six" → 1996.
fn spoken_year(s: &str, i: usize) -> Option<(usize, i32)> {
    let e = eat_word_ci(s, i, "nineteen")?;
    let k = skip_spaces(s, e, 1);
    if k == e {
        return None;
    }
    let (e, t) = super::number::tens_word(s, k)?;
    let b = s.as_bytes();
    let sep =
        if b.get(e) == Some(&b'-') { e + 1 } else { skip_spaces(s, e, 1) };
    match super::number::unit_word(s, sep) {
        Some((e2, u)) if (1..10).contains(&u) && sep > e => {
            Some((e2, 1900 + (t + u) as i32))
        }
        _ => Some((e, 1900 + t as i32)),
    }
}

/// "nineteen ninety-six" as a date, and "the year two thousand".
fn spoken_year_date(s: &str, hit: &Hit) -> Option<Cand> {
    if let Some((e, y)) = spoken_year(s, hit.start) {
        return Some((hit.start, e, format!("{y:04}")));
    }
    let e = eat_word_ci(s, hit.start, "two")?;
    let e = eat_word_ci(s, skip_spaces(s, e, 1), "thousand")?;
    let (ys, yw) = prev_word(s, hit.start);
    let (ts, tw) = prev_word(s, ys);
    if !yw.eq_ignore_ascii_case("year") || !tw.eq_ignore_ascii_case("the") {
        return None;
    }
    Some((ts, e, "2000".to_string()))
}

/// "the 20th century" → `19`, "the 11th century" → `10`, "this century",
/// "the last century".
fn century(s: &str, hit: &Hit, ctx: &DocContext) -> Option<Cand> {
    let (st, w) = prev_token(s, hit.start);
    if w.is_empty() {
        return None;
    }
    let lw = w.to_ascii_lowercase();
    let n: i32 = if let Some(d) = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|suf| lw.strip_suffix(suf))
        .and_then(|d| d.parse().ok())
    {
        d
    } else {
        let ord = [
            "eleventh",
            "twelfth",
            "thirteenth",
            "fourteenth",
            "fifteenth",
            "sixteenth",
            "seventeenth",
            "eighteenth",
            "nineteenth",
            "twentieth",
        ];
        match ord.iter().position(|o| *o == lw) {
            Some(i) => i as i32 + 11,
            None if lw == "twenty-first" => 21,
            None => {
                let off = match lw.as_str() {
                    "this" => 0,
                    "last" => -1,
                    "next" => 1,
                    _ => return None,
                };
                let (y, _, _) = ctx.date?;
                let (ts, tw) = prev_word(s, st);
                let start =
                    if tw.eq_ignore_ascii_case("the") { ts } else { st };
                return Some((
                    start,
                    hit.end,
                    format!("{:02}", y / 100 + off),
                ));
            }
        }
    };
    if !(1..=30).contains(&n) {
        return None;
    }
    let (ts, tw) = prev_word(s, st);
    let start = if tw.eq_ignore_ascii_case("the") { ts } else { st };
    Some((start, hit.end, format!("{:02}", n - 1)))
}

/// Words after which a bare month or year reads as a date.
const DATE_PREPS: &[&str] = &[
    "in",
    "since",
    "until",
    "till",
    "by",
    "through",
    "thru",
    "of",
    "early",
    "mid",
    "late",
    "during",
    "from",
    "to",
    "last",
    "next",
    "this",
    "before",
    "after",
    "end",
    "between",
    "and",
    "on",
    "for",
    "fiscal",
    "calendar",
    "year",
    "as",
    "ended",
    "ending",
    "throughout",
    "into",
    "spring",
    "summer",
    "fall",
    "autumn",
    "winter",
    "beginning",
    "start",
    "around",
];

static DATE_PREP_SET: WordSet = WordSet::new(|| word_set(DATE_PREPS));

fn is_date_prep(w: &str) -> bool {
    in_set(&DATE_PREP_SET, w)
}

/// Reads 1 or 2 digits at `i` as a number without further digits.
fn small_int(s: &str, i: usize, max_digits: usize) -> Option<(usize, u32)> {
    let b = s.as_bytes();
    let mut j = i;
    let mut v = 0u32;
    while j < b.len() && b[j].is_ascii_digit() && j - i < max_digits {
        v = v * 10 + u32::from(b[j] - b'0');
        j += 1;
    }
    if j == i || b.get(j).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    Some((j, v))
}

/// `n` digits at `i` that end a word, as a number.
fn digits_at(s: &str, i: usize, n: usize) -> Option<(usize, i32)> {
    let b = s.as_bytes();
    let d = b.get(i..i + n)?;
    if !d.iter().all(u8::is_ascii_digit)
        || b.get(i + n).is_some_and(|c| c.is_ascii_alphanumeric())
    {
        return None;
    }
    Some((i + n, s[i..i + n].parse().ok()?))
}

/// A four-digit year (1900 to 2099) at `i` that ends there.
fn year4(s: &str, i: usize) -> Option<(usize, i32)> {
    digits_at(s, i, 4).filter(|&(_, y)| (1900..=2099).contains(&y))
}

/// Two digits read as a year of this century ("25" → 2025).
fn year2(s: &str, i: usize) -> Option<(usize, i32)> {
    digits_at(s, i, 2).map(|(e, y)| (e, 2000 + y))
}

/// An apostrophe year: `'25` or `’25`.
fn apostrophe_year(s: &str, i: usize) -> Option<(usize, i32)> {
    let j = if s[i..].starts_with('\'') {
        i + 1
    } else if s[i..].starts_with('’') {
        i + '’'.len_utf8()
    } else {
        return None;
    };
    year2(s, j)
}

/// Any year form: `2025`, `'25`.
fn any_year(s: &str, i: usize) -> Option<(usize, i32)> {
    year4(s, i).or_else(|| apostrophe_year(s, i))
}

/// After a quarter or half: `2025`, `'25`, `of 2025`, `of fiscal 2025`,
/// `fiscal 2025`, `FY25`, `of the 2025 fiscal year`. Returns the end, the
/// year and whether the year is fiscal.
fn trailing_year(s: &str, i: usize) -> Option<(usize, i32, bool)> {
    let b = s.as_bytes();
    let mut j = i;
    if b.get(j) == Some(&b',') {
        j += 1;
    }
    let j = skip_spaces(s, j, 2);
    if j == i && !(b.get(i) == Some(&b'\'') || s[i..].starts_with('’')) {
        // Attached forms only for apostrophes ("Q3'25") and "FY".
        if let Some(r) = fy_year(s, i) {
            return Some((r.0, r.1, true));
        }
        return None;
    }
    if let Some((e, y)) = any_year(s, j) {
        return Some((e, y, false));
    }
    if let Some((e, y)) = fy_year(s, j) {
        return Some((e, y, true));
    }
    let mut k = j;
    if let Some(e) = eat_word_ci(s, k, "of") {
        k = skip_spaces(s, e, 1);
        if let Some(e) = eat_word_ci(s, k, "the") {
            k = skip_spaces(s, e, 1);
        }
        if let Some((e, y)) = any_year(s, k) {
            // "of the 2025 fiscal year"
            let f = skip_spaces(s, e, 1);
            if let Some(f2) = eat_word_ci(s, f, "fiscal") {
                let f3 = skip_spaces(s, f2, 1);
                if let Some(f4) = eat_word_ci(s, f3, "year") {
                    return Some((f4, y, true));
                }
            }
            return Some((e, y, false));
        }
        if let Some((e, y)) = fy_year(s, k) {
            return Some((e, y, true));
        }
    }
    if let Some(e) = eat_word_ci(s, k, "fiscal") {
        let mut f = skip_spaces(s, e, 1);
        if let Some(e2) = eat_word_ci(s, f, "year") {
            f = skip_spaces(s, e2, 1);
        }
        if let Some((e, y)) = any_year(s, f) {
            return Some((e, y, true));
        }
    }
    None
}

/// `FY25`, `FY2025`, `FY 2025`, `FY'25`, `FY-25` at `i`.
fn fy_year(s: &str, i: usize) -> Option<(usize, i32)> {
    let b = s.as_bytes();
    if i + 2 > b.len() || !b[i..i + 2].eq_ignore_ascii_case(b"fy") {
        return None;
    }
    let mut j = i + 2;
    if matches!(b.get(j), Some(b' ') | Some(b'-')) {
        j += 1;
    }
    year4(s, j).or_else(|| apostrophe_year(s, j)).or_else(|| year2(s, j))
}

fn year_text(y: Option<i32>) -> String {
    match y {
        Some(y) => format!("{y:04}"),
        None => "XXXX".to_string(),
    }
}

/// The year a period of the document's year most likely falls in, when the
/// text leaves it out: the document's year, or the one before when the
/// period lies well after the document date.
fn anchor_year(ctx: &DocContext, month: u32) -> Option<i32> {
    let (y, m, _) = ctx.date?;
    Some(if month > m + 2 { y - 1 } else { y })
}

/// A period value: `2025-Q3`, `FY2025-Q3`, `XXXX-H1`, `FYXXXX-Q1`.
fn period_value(
    ctx: &DocContext,
    marker: char,
    n: u32,
    year: Option<i32>,
    fiscal: bool,
) -> String {
    if fiscal {
        return format!("FY{}-{marker}{n}", year_text(year));
    }
    let year = year.or_else(|| {
        let last_month = if marker == 'Q' { n * 3 } else { n * 6 };
        anchor_year(ctx, last_month.saturating_sub(2))
    });
    format!("{}-{marker}{n}", year_text(year))
}

/// A year with a possessive right before `i`: "2019's ", "2019’s ".
fn possessive_year(s: &str, i: usize) -> Option<(usize, i32)> {
    let head = &s[..i];
    let t = head.strip_suffix(' ')?;
    let t = t.strip_suffix("'s").or_else(|| t.strip_suffix("’s"))?;
    let st = t.len().checked_sub(4)?;
    if !t.is_char_boundary(st)
        || (st > 0 && t.as_bytes()[st - 1].is_ascii_alphanumeric())
    {
        return None;
    }
    let (_, y) = year4(s, st)?;
    Some((st, y))
}

/// True when the word before `i` is `fiscal` (or `fiscal-year`); returns
/// where it starts.
fn fiscal_before(s: &str, i: usize) -> Option<usize> {
    let (st, w) = prev_word(s, i);
    if w.eq_ignore_ascii_case("fiscal") {
        return Some(st);
    }
    if w.eq_ignore_ascii_case("year") {
        let b = s.as_bytes();
        let k = if st > 0 && b[st - 1] == b'-' { st - 1 } else { st };
        let (st2, w2) = prev_word(s, k);
        if w2.eq_ignore_ascii_case("fiscal") {
            return Some(st2);
        }
    }
    None
}

fn month_first(s: &str, hit: &Hit, m: u32, ctx: &DocContext) -> Option<Cand> {
    let word = &s[hit.start..hit.end];
    // Lower-case month names ("dec 31, 2020" in lower-cased summaries)
    // count only with a day and a year, or a year, after them: "march" and
    // "may" are verbs too.
    let lower = !word.as_bytes()[0].is_ascii_uppercase();
    // "MAY" in capitals is fine; "MAy" is not a month.
    let full = word.len() > 4 || matches!(m, 5..=7) && word.len() >= 3;
    let mut i = hit.end;
    let mut dotted = false;
    if (!full || word.eq_ignore_ascii_case("sept"))
        && s.as_bytes().get(i) == Some(&b'.')
    {
        i += 1;
        dotted = true;
    }
    let j = skip_spaces(s, i, 1);
    let b = s.as_bytes();
    if j > i
        && let Some((e, d)) = small_int(s, j, 2)
        && (1..=31).contains(&d)
    {
        let mut e = e;
        for suf in ["st", "nd", "rd", "th"] {
            if let Some(x) = eat_word_ci(s, e, suf) {
                e = x;
                break;
            }
        }
        let bad_follow = match b.get(e) {
            // "10:30" is a time; "April 25: the court ruled" is a date.
            Some(b':') => b.get(e + 1).is_some_and(u8::is_ascii_digit),
            Some(b'%') => true,
            Some(b'.') | Some(b',') => {
                b.get(e + 1).is_some_and(u8::is_ascii_digit)
            }
            Some(c) => c.is_ascii_alphanumeric(),
            None => false,
        };
        if !bad_follow && super::number::parse_scale(s, e).is_none() {
            // Optional year: ", 2025" or " 2025".
            let mut k = e;
            if b.get(k) == Some(&b',') {
                k += 1;
            }
            let k2 = skip_spaces(s, k, 1);
            if let Some((ye, y)) = year4(s, k2).filter(|_| k2 > e) {
                return Some((hit.start, ye, format!("{y:04}-{m:02}-{d:02}")));
            }
            if lower {
                return None;
            }
            let y = year_text(day_year(s, hit.start, ctx, m, d));
            return Some((hit.start, e, format!("{y}-{m:02}-{d:02}")));
        }
    }
    // "September 2025", "Sept. 2025", "September, 2025".
    let mut k = i;
    if b.get(k) == Some(&b',') {
        k += 1;
    }
    let k2 = skip_spaces(s, k, 1);
    if k2 > i
        && let Some((ye, y)) = year4(s, k2)
        && !(lower && m == 5)
    {
        return Some((hit.start, ye, format!("{y:04}-{m:02}")));
    }
    // "January nineteen ninety-seven".
    if k2 > i
        && !lower
        && let Some((ye, y)) = spoken_year(s, k2)
    {
        return Some((hit.start, ye, format!("{y:04}-{m:02}")));
    }
    // "May of 2019".
    if k2 > i
        && let Some(of) = eat_word_ci(s, k2, "of")
    {
        let k3 = skip_spaces(s, of, 1);
        if k3 > of
            && let Some((ye, y)) = year4(s, k3)
        {
            return Some((hit.start, ye, format!("{y:04}-{m:02}")));
        }
    }
    if lower {
        return None;
    }
    // The month alone.
    let (_, pw) = prev_word(s, hit.start);
    let prep = is_date_prep(pw)
        || s[..hit.start].ends_with("mid-")
        || s[..hit.start].ends_with("Mid-");
    let ambiguous = m == 5 || (!full && !dotted);
    if ambiguous && !prep {
        return None;
    }
    if !full && !dotted && !prep {
        return None;
    }
    let end = if dotted { i } else { hit.end };
    // "January this year", "June last year".
    let k = skip_spaces(s, end, 1);
    if k > end {
        for (w, off) in [("this", 0), ("last", -1), ("next", 1)] {
            if let Some(e1) = eat_word_ci(s, k, w) {
                let k2 = skip_spaces(s, e1, 1);
                if let Some(e2) =
                    eat_word_ci(s, k2, "year").filter(|_| k2 > e1)
                {
                    let y = ctx.date.map(|(y, _, _)| y + off);
                    return Some((
                        hit.start,
                        e2,
                        format!("{}-{m:02}", year_text(y)),
                    ));
                }
            }
        }
    }
    let y = if future_cue(s, hit.start) {
        ctx.date.map(|(y, dm, _)| if m < dm { y + 1 } else { y })
    } else {
        nearest_year(ctx, m, 15)
    };
    Some((hit.start, end, format!("{}-{m:02}", year_text(y))))
}

/// The year of a day named without one at `start`: the next such day
/// after a word that looks ahead ("will succeed him Feb. 1", "effective
/// June 1"), the last one after "ended" or "since", else the nearest.
fn day_year(
    s: &str,
    start: usize,
    ctx: &DocContext,
    m: u32,
    d: u32,
) -> Option<i32> {
    let (y, dm, dd) = ctx.date?;
    let (_, pw) = prev_word(s, start);
    let pw = pw.to_ascii_lowercase();
    let after = (m, d) > (dm, dd);
    if matches!(pw.as_str(), "ended" | "since") {
        return Some(if after { y - 1 } else { y });
    }
    if future_cue_with(s, start, false) {
        return Some(if (m, d) < (dm, dd) { y + 1 } else { y });
    }
    nearest_year(ctx, m, d)
}

/// The year that puts month `m`, day `d` nearest the document date (news
/// speaks of last December and of next month's meeting alike), with the
/// past preferred.
fn nearest_year(ctx: &DocContext, m: u32, d: u32) -> Option<i32> {
    let doc = ctx.date?;
    let here = days_from_civil(doc);
    // News mostly looks back: a date ahead counts three times its distance.
    (doc.0 - 1..=doc.0 + 1).min_by_key(|&y| {
        let delta = days_from_civil((y, m, d.min(28))) - here;
        if delta > 0 { 3 * delta } else { -delta }
    })
}

/// `third quarter`, `fiscal first quarter 2022`, `second half of 2025`,
/// `fourth-quarter`.
fn ordinal_period(
    s: &str,
    hit: &Hit,
    n: u32,
    ctx: &DocContext,
) -> Option<Cand> {
    let b = s.as_bytes();
    let mut i = hit.end;
    if b.get(i) == Some(&b'-') {
        i += 1;
    } else {
        i = skip_spaces(s, i, 1);
        if i == hit.end {
            return None;
        }
    }
    let (marker, e) = if let Some(e) =
        eat_word_ci(s, i, "quarter").or_else(|| eat_word_ci(s, i, "qtr"))
    {
        // "a second quarter-point cut" is 25 basis points, not a period.
        if s.as_bytes().get(e) == Some(&b'-')
            && eat_word_ci(s, e + 1, "point").is_some()
        {
            return None;
        }
        ('Q', e)
    } else if let Some(e) = eat_word_ci(s, i, "half") {
        if n > 2 {
            return None;
        }
        ('H', e)
    } else {
        return None;
    };
    let mut start = hit.start;
    let mut fiscal = false;
    if let Some(st) = fiscal_before(s, hit.start) {
        start = st;
        fiscal = true;
    }
    let (end, mut year, fy) = match trailing_year(s, e) {
        Some((end, y, f)) => (end, Some(y), f),
        None => (e, None, false),
    };
    // "2019's third quarter", "fiscal 2016's fourth quarter".
    if year.is_none()
        && let Some((st, y)) = possessive_year(s, start)
    {
        start = st;
        year = Some(y);
        if let Some(st2) = fiscal_before(s, st) {
            start = st2;
            fiscal = true;
        }
    }
    // "the 1988 second quarter", "the year-ago third quarter", "next
    // year's first quarter".
    if year.is_none()
        && let Some((st, lead)) = quarter_lead(s, start)
    {
        start = st;
        year = match lead {
            Lead::Year(y) => Some(y),
            Lead::DocYear(off) => ctx.date.map(|(y, _, _)| y + off),
            Lead::YearBefore => {
                // The year before the one the quarter alone would get.
                let last_month = if marker == 'Q' { n * 3 } else { n * 6 };
                anchor_year(ctx, last_month.saturating_sub(2)).map(|y| y - 1)
            }
        };
        if year.is_none() {
            return Some((start, end, format!("XXXX-{marker}{n}")));
        }
    }
    // TIMEX3 spans take the article: "the third quarter"; not before an
    // adjective, whose article is its noun's ("the third-quarter
    // results").
    let (ds, dw) = prev_word(s, start);
    let adjective = b.get(hit.end) == Some(&b'-');
    if ds < start && dw.eq_ignore_ascii_case("the") && !adjective {
        start = ds;
    }
    let value = period_value(ctx, marker, n, year, fiscal || fy);
    Some((start, end, value))
}

/// What comes before an ordinal quarter and names its year.
enum Lead {
    /// "the 1988 second quarter".
    Year(i32),
    /// "this year's" (0), "next year's" (1), "last year's" (-1): the
    /// document's year and the offset.
    DocYear(i32),
    /// "the year-earlier", "the comparable year-ago": the year before the
    /// one the quarter alone would have.
    YearBefore,
}

/// The year words before an ordinal quarter at `start`, with where they
/// begin.
fn quarter_lead(s: &str, start: usize) -> Option<(usize, Lead)> {
    let (ts, tok) = prev_token(s, start);
    if tok.is_empty() {
        return None;
    }
    if let Some((_, y)) = year4(s, ts).filter(|_| tok.len() == 4) {
        let (ds, dw) = prev_word(s, ts);
        return dw.eq_ignore_ascii_case("the").then_some((ds, Lead::Year(y)));
    }
    let lower = tok.to_ascii_lowercase();
    if lower == "year-earlier" || lower == "year-ago" {
        let (cs, cw) = prev_word(s, ts);
        let ts = if cw.eq_ignore_ascii_case("comparable") { cs } else { ts };
        return Some((ts, Lead::YearBefore));
    }
    // "this year's", "next year's", "last year's".
    let head = s[..super::text::skip_spaces_back(s, start)]
        .strip_suffix("'s")
        .or_else(|| s[..start].trim_end().strip_suffix("’s"))?;
    let (ys, yw) = super::text::word_before(s, head.len());
    if !yw.eq_ignore_ascii_case("year") {
        return None;
    }
    let (rs, rw) = prev_word(s, ys);
    let off = match rw.to_ascii_lowercase().as_str() {
        "this" => 0,
        "next" => 1,
        "last" => -1,
        _ => return None,
    };
    Some((rs, Lead::DocYear(off)))
}

/// `quarter 3, 2019`, `quarter two FY15`, `quarter one`: the number after
/// the word.
fn numbered_quarter(s: &str, hit: &Hit, ctx: &DocContext) -> Option<Cand> {
    let i = skip_spaces(s, hit.end, 1);
    if i == hit.end {
        return None;
    }
    let b = s.as_bytes();
    let w = if b.get(i).is_some_and(u8::is_ascii_digit) {
        &s[i..i + 1]
    } else {
        super::text::word_at(s, i)
    };
    let n = match w.to_ascii_lowercase().as_str() {
        "1" | "one" => 1,
        "2" | "two" => 2,
        "3" | "three" => 3,
        "4" | "four" => 4,
        _ => return None,
    };
    let e = i + w.len();
    // "quarter 3 million" is not a period.
    if s.as_bytes().get(e).is_some_and(|c| {
        c.is_ascii_alphanumeric()
            || *c == b'.'
                && s.as_bytes().get(e + 1).is_some_and(u8::is_ascii_digit)
    }) {
        return None;
    }
    let (end, year, fy) = match trailing_year(s, e) {
        Some((end, y, f)) => (end, Some(y), f),
        None => (e, None, false),
    };
    let mut start = hit.start;
    let mut fiscal = false;
    if let Some(st) = fiscal_before(s, hit.start) {
        start = st;
        fiscal = true;
    }
    Some((start, end, period_value(ctx, 'Q', n, year, fiscal || fy)))
}

/// `Q3`, `Q3 2025`, `Q3 FY24`, `Q3FY24`, `Q3'25`, `H1 2025`, `fiscal Q2`.
fn marker_period(
    s: &str,
    hit: &Hit,
    marker: char,
    n: u32,
    ctx: &DocContext,
) -> Option<Cand> {
    let e = hit.end;
    let b = s.as_bytes();
    let attached = b.get(e).is_some_and(|c| c.is_ascii_alphanumeric());
    if attached && fy_year(s, e).is_none() {
        return None;
    }
    let mut start = hit.start;
    let mut fiscal = false;
    if let Some(st) = fiscal_before(s, hit.start) {
        start = st;
        fiscal = true;
    }
    let (mut end, mut year, mut fy) = match trailing_year(s, e) {
        Some((end, y, f)) => (end, Some(y), f),
        None => (e, None, false),
    };
    if b.get(e) == Some(&b'-') || b.get(e) == Some(&b'/') {
        if let Some((x, y)) = year4(s, e + 1) {
            end = x;
            year = Some(y);
        } else if let Some((x, y)) = fy_year(s, e + 1) {
            end = x;
            year = Some(y);
            fy = true;
        }
    }
    Some((start, end, period_value(ctx, marker, n, year, fiscal || fy)))
}

/// `FY25`, `FY2025`, `FY 2025`, `FY25 Q3`, `FY2025-Q3`.
fn fy(s: &str, hit: &Hit) -> Option<Cand> {
    // "FY25", and "fy 2021" in lower-cased text; "Fy" is a typo or a name.
    let w = &s[hit.start..hit.end];
    if w != "FY" && w != "fy" {
        return None;
    }
    let (e, y) = fy_year(s, hit.start)?;
    let b = s.as_bytes();
    let k =
        if matches!(b.get(e), Some(b' ') | Some(b'-')) { e + 1 } else { e };
    for (marker, max) in [('Q', 4u32), ('H', 2)] {
        if b.get(k) == Some(&(marker as u8))
            && let Some(&d) = b.get(k + 1)
            && (b'1'..=b'0' + max as u8).contains(&d)
            && word_end(s, k + 2)
        {
            let n = u32::from(d - b'0');
            return Some((hit.start, k + 2, format!("FY{y:04}-{marker}{n}")));
        }
    }
    Some((hit.start, e, format!("FY{y:04}")))
}

/// `fiscal 2025`, `fiscal year 2025`, `fiscal-year 2025`, `fiscal '25`.
fn fiscal(s: &str, hit: &Hit) -> Option<Cand> {
    let b = s.as_bytes();
    let mut i = skip_spaces(s, hit.end, 1);
    if b.get(hit.end) == Some(&b'-') {
        i = hit.end + 1;
    }
    if let Some(e) = eat_word_ci(s, i, "year") {
        i = skip_spaces(s, e, 1);
    }
    if i == hit.end {
        return None;
    }
    let (e, y) = any_year(s, i)?;
    // "fiscal 2026 first quarter", "fiscal 2025 Q3".
    let k = skip_spaces(s, e, 1);
    if k > e {
        // "Fiscal 2020 fourth-quarter net income": the ordinal before the
        // hyphen.
        let w = super::text::word_at(s, k);
        let w = w.split('-').next().unwrap_or(w);
        let n = ["first", "second", "third", "fourth"]
            .iter()
            .position(|o| o.eq_ignore_ascii_case(w))
            .map(|x| x as u32 + 1);
        if let Some(n) = n {
            let mut j = k + w.len();
            j = if s.as_bytes().get(j) == Some(&b'-') {
                j + 1
            } else {
                skip_spaces(s, j, 1)
            };
            if let Some(e2) = eat_word_ci(s, j, "quarter") {
                return Some((hit.start, e2, format!("FY{y:04}-Q{n}")));
            }
            if n <= 2
                && let Some(e2) = eat_word_ci(s, j, "half")
            {
                return Some((hit.start, e2, format!("FY{y:04}-H{n}")));
            }
        }
        let b = s.as_bytes();
        if matches!(b.get(k), Some(b'Q' | b'q'))
            && b.get(k + 1).is_some_and(|c| (b'1'..=b'4').contains(c))
            && word_end(s, k + 2)
        {
            let n = b[k + 1] - b'0';
            return Some((hit.start, k + 2, format!("FY{y:04}-Q{n}")));
        }
    }
    Some((hit.start, e, format!("FY{y:04}")))
}

/// True when the period at `start..end` is the other side of a
/// comparison: followed by a possessive ("last year's $1.55 billion"), or
/// after "compared with", "from", "than" and a figure in its clause ("a
/// loss of $3 million last year").
fn comparison_side(s: &str, start: usize, end: usize) -> bool {
    if s[end..].starts_with("'s") || s[end..].starts_with("’s") {
        return true;
    }
    let from = s[..start]
        .rfind(['.', ';', '\n'])
        .map_or(0, |i| i + 1)
        .max(start.saturating_sub(120));
    let from = (from..start).find(|&i| s.is_char_boundary(i)).unwrap_or(start);
    let clause = s[from..start].to_ascii_lowercase();
    let figure = clause.contains('$') || clause.contains("cents");
    figure
        && ["compared with", "compared to", " from ", " than ", "versus"]
            .iter()
            .any(|w| clause.contains(w))
}

/// `last year`, `this quarter`, `next month` against the document date.
fn relative(s: &str, hit: &Hit, r: i32, ctx: &DocContext) -> Option<Cand> {
    let i = skip_spaces(s, hit.end, 1);
    if i == hit.end {
        return None;
    }
    let Some((y, m, _)) = ctx.date else {
        // No document date: the span is a date, its value underspecified.
        for (w, v) in
            [("year", "XXXX"), ("quarter", "XXXX-QX"), ("month", "XXXX-XX")]
        {
            if let Some(e) = eat_word_ci(s, i, w) {
                return Some((hit.start, e, v.to_string()));
            }
        }
        if let Some(f) = eat_word_ci(s, i, "fiscal") {
            let k = skip_spaces(s, f, 1);
            if let Some(e) = eat_word_ci(s, k, "year").filter(|_| k > f) {
                return Some((hit.start, e, "FYXXXX".to_string()));
            }
        }
        let w = super::text::word_at(s, i);
        if let Some(mo) = month_number(w)
            .filter(|_| w.len() > 3 || w.eq_ignore_ascii_case("may"))
            && w.as_bytes()[0].is_ascii_uppercase()
        {
            return Some((hit.start, i + w.len(), format!("XXXX-{mo:02}")));
        }
        return None;
    };
    if let Some(e) = eat_word_ci(s, i, "year") {
        let value = format!("{:04}", y + r);
        // "up from $3 million last year", "last year's $1.55 billion":
        // the comparison's side, the period in context a year before.
        if r == -1 && comparison_side(s, hit.start, e) {
            return Some((hit.start, e, format!("@bY|{value}")));
        }
        return Some((hit.start, e, value));
    }
    // "the last half of 1989".
    if r == -1
        && let Some(e) = eat_word_ci(s, i, "half")
    {
        let (end, year) = match trailing_year(s, e) {
            Some((end, y, false)) => (end, Some(y)),
            _ => (e, None),
        };
        let (ts, tw) = prev_word(s, hit.start);
        let start =
            if tw.eq_ignore_ascii_case("the") { ts } else { hit.start };
        return Some((start, end, period_value(ctx, 'H', 2, year, false)));
    }
    // "this fiscal year": the fiscal calendar is unknown, hence FY.
    if let Some(f) = eat_word_ci(s, i, "fiscal") {
        let k = skip_spaces(s, f, 1);
        if let Some(e) = eat_word_ci(s, k, "year").filter(|_| k > f) {
            return Some((hit.start, e, format!("FY{:04}", y + r)));
        }
    }
    if let Some(e) = eat_word_ci(s, i, "quarter") {
        let q = (m as i32 - 1) / 3 + r;
        let (yy, qq) = (y + q.div_euclid(4), q.rem_euclid(4) + 1);
        let value = format!("{yy:04}-Q{qq}");
        // "This quarter's loss" after "the third quarter ended Sept. 30"
        // is that quarter.
        if r == 0 {
            return Some((hit.start, e, format!("@d|{value}")));
        }
        return Some((hit.start, e, value));
    }
    let w = super::text::word_at(s, i);
    if let Some(mo) = month_number(w)
        .filter(|_| w.len() > 3 || w.eq_ignore_ascii_case("may"))
        && w.as_bytes()[0].is_ascii_uppercase()
    {
        // "last November": the most recent November before the document
        // month; "next March": the first one after it.
        let yy = match r {
            -1 if mo >= m => y - 1,
            1 if mo <= m => y + 1,
            _ => y,
        };
        return Some((hit.start, i + w.len(), format!("{yy:04}-{mo:02}")));
    }
    if let Some(e) = eat_word_ci(s, i, "month") {
        let mm = m as i32 - 1 + r;
        let (yy, mm) = (y + mm.div_euclid(12), mm.rem_euclid(12) + 1);
        return Some((hit.start, e, format!("{yy:04}-{mm:02}")));
    }
    None
}

/// "the quarter", "the prior year", "a year ago", "the weekend", "that
/// year": resolved against the document date, or against the period in
/// context for the anchors that say so ([`Anchor`]); without a document
/// date they keep TIMEX3's underspecified values (`XXXX`, `XXXX-QX`).
fn generic(s: &str, hit: &Hit, i: u32, ctx: &DocContext) -> Option<Cand> {
    let (_, unit, off, anchor) = GENERIC_PERIODS[i as usize];
    let k = skip_spaces(s, hit.end, 1);
    // "the quarter ended Sept. 30": the date that follows names it.
    if ["ended", "ending", "ends", "through"]
        .iter()
        .any(|w| eat_word_ci(s, k, w).is_some())
    {
        return None;
    }
    // "the full year 2026", "the week of November 10": the date that
    // follows names it.
    if year4(s, k).is_some() || eat_word_ci(s, k, "of").is_some() {
        return None;
    }
    let value = match (unit, ctx.date) {
        ('Y', Some((y, _, _))) => format!("{:04}", y + off),
        ('Y', None) => "XXXX".to_string(),
        // The fiscal calendar is unknown, hence FY.
        ('F', Some((y, _, _))) => format!("FY{:04}", y + off),
        ('F', None) => "FYXXXX".to_string(),
        ('X', Some((y, _, _))) => format!("{:03}", y / 10 + off),
        ('X', None) => "XXX".to_string(),
        ('L', Some((y, _, _))) => {
            // "since year-end" looks back to the last one.
            let (_, pw) = prev_word(s, hit.start);
            let y = if pw.eq_ignore_ascii_case("since") { y - 1 } else { y };
            format!("{y:04}-12-31")
        }
        ('L', None) => "XXXX-12-31".to_string(),
        ('Q', Some((y, m, _))) => {
            // "The quarter" in a news story is the last completed quarter
            // (the one being reported).
            let q = (m as i32 - 1) / 3 - 1 + off;
            format!("{:04}-Q{}", y + q.div_euclid(4), q.rem_euclid(4) + 1)
        }
        ('M', Some((y, m, _))) => format!("{y:04}-{m:02}"),
        ('D', Some(date)) => {
            // "the day before the vote" counts from the vote, not from
            // the document date.
            let next = super::text::word_at(s, k);
            if !next.is_empty()
                && !matches!(
                    next.to_ascii_lowercase().as_str(),
                    "and" | "when" | "in" | "at" | "as" | "but" | "with"
                )
            {
                return None;
            }
            let (y, m, d) = add_days(date, i64::from(off));
            format!("{y:04}-{m:02}-{d:02}")
        }
        ('D', None) => "XXXX-XX-XX".to_string(),
        ('W', Some(date)) => {
            let (wy, w) = iso_week(add_days(date, 7 * i64::from(off)));
            format!("{wy:04}-W{w:02}")
        }
        ('E', Some(date)) => {
            // "over the weekend" is the one just past; "ahead of the
            // weekend", or a document written on one, is this week's.
            let (_, pw) = prev_word(s, hit.start);
            let this = weekday_of(date) >= 5
                || pw.eq_ignore_ascii_case("of")
                    && prev_word(s, prev_word(s, hit.start).0)
                        .1
                        .eq_ignore_ascii_case("ahead")
                || future_cue(s, hit.start);
            let (wy, w) =
                iso_week(if this { date } else { add_days(date, -7) });
            format!("{wy:04}-W{w:02}-WE")
        }
        ('E', None) => "XXXX-WXX-WE".to_string(),
        ('Q', None) => "XXXX-QX".to_string(),
        ('M', _) => "XXXX-XX".to_string(),
        _ => "XXXX-WXX".to_string(),
    };
    let value = match anchor {
        Anchor::Doc => value,
        // Resolved in `find`, once the periods before it are known.
        Anchor::Named => format!("@g{i}|{}", named_fallback(unit)),
        Anchor::YearBefore | Anchor::Discussed => format!("@g{i}|{value}"),
    };
    Some((hit.start, hit.end, value))
}

/// What "that year", "the following month" are without a period before
/// them.
fn named_fallback(unit: char) -> &'static str {
    match unit {
        'Y' => "XXXX",
        'Q' => "XXXX-QX",
        _ => "XXXX-XX",
    }
}

/// A weekday in news text refers to the most recent such day on or before
/// the document date ("said on Tuesday"), or to the next one after it when
/// the sentence looks ahead ("will meet on Thursday", "next Monday").
/// "each Thursday" and "every Monday" repeat and are not dates.
fn weekday(s: &str, hit: &Hit, w: u32, ctx: &DocContext) -> Option<Cand> {
    if !s.as_bytes()[hit.start].is_ascii_uppercase() {
        return None;
    }
    let (ps, pw) = prev_word(s, hit.start);
    let pw = pw.to_ascii_lowercase();
    if matches!(pw.as_str(), "each" | "every") {
        return None;
    }
    // "Saturday, April 25": the date that follows names the day.
    let mut k = hit.end;
    if s.as_bytes().get(k) == Some(&b',') {
        k += 1;
    }
    let k = skip_spaces(s, k, 1);
    let word = super::text::word_at(s, k);
    if k > hit.end
        && let Some(m) = month_number(word)
    {
        let month =
            Hit { start: k, end: k + word.len(), trigger: Trigger::Month(m) };
        if let Some((_, e, v)) = month_first(s, &month, m, ctx)
            && v.len() == 10
        {
            return Some((hit.start, e, v));
        }
    }
    let Some(date) = ctx.date else {
        // TIMEX3's form for "a Tuesday": XXXX-WXX-2.
        return Some((hit.start, hit.end, format!("XXXX-WXX-{}", w + 1)));
    };
    let today = weekday_of(date);
    let back = -i64::from((today + 7 - w) % 7);
    let (start, days) = if pw == "next" || pw == "this" && w > today {
        (ps, i64::from((w + 7 - today - 1) % 7 + 1))
    } else if pw == "coming" {
        // "this coming Sunday".
        let (ts, tw) = prev_word(s, ps);
        let start = if tw.eq_ignore_ascii_case("this") { ts } else { ps };
        (start, i64::from((w + 7 - today - 1) % 7 + 1))
    } else if pw == "previous" {
        // "from the previous Friday": the one before the last.
        let (ts, tw) = prev_word(s, ps);
        let start = if tw.eq_ignore_ascii_case("the") { ts } else { ps };
        (start, if back == 0 { -7 } else { back - 7 })
    } else if pw == "last" {
        (ps, -i64::from((today + 7 - w - 1) % 7 + 1))
    } else if future_cue(s, hit.start) && w != today {
        (hit.start, i64::from((w + 7 - today) % 7))
    } else {
        (hit.start, back)
    };
    let (y, m, d) = add_days(date, days);
    Some((start, hit.end, format!("{y:04}-{m:02}-{d:02}")))
}

/// Dates that start with a digit: `2025-11-05`, `11/05/2025`, `5 November
/// 2025`, `3Q25`, `1H 2025`, and years (`in 2024`).
fn digit_date(s: &str, p: usize, q: usize, ctx: &DocContext) -> Option<Cand> {
    let b = s.as_bytes();
    let run = q - p;
    // ISO and year-first: 2025-11-05, 2025/11/05.
    if run == 4
        && let Some(&sep) = b.get(q)
        && (sep == b'-' || sep == b'/')
        && let Some((e1, mo)) = small_int(s, q + 1, 2)
        && e1 == q + 3
        && b.get(e1) == Some(&sep)
        && let Some((e2, d)) = small_int(s, e1 + 1, 2)
        && e2 == e1 + 3
        && (1..=12).contains(&mo)
        && (1..=31).contains(&d)
        && !b.get(e2).is_some_and(|c| c.is_ascii_alphanumeric())
    {
        let y = &s[p..q];
        return Some((p, e2, format!("{y}-{mo:02}-{d:02}")));
    }
    // US month/day/year: 11/05/2025, 11/5/25, 11-05-2025.
    if run <= 2
        && let Some(&sep) = b.get(q)
        && (sep == b'/' || sep == b'-')
        && let Some((e1, d)) = small_int(s, q + 1, 2)
        && b.get(e1) == Some(&sep)
    {
        let mo: u32 = s[p..q].parse().ok()?;
        let year = year4(s, e1 + 1)
            .or_else(|| if sep == b'/' { year2(s, e1 + 1) } else { None });
        if let Some((e2, y)) = year
            && (1..=12).contains(&mo)
            && (1..=31).contains(&d)
            && b.get(e2) != Some(&b'/')
        {
            return Some((p, e2, format!("{y:04}-{mo:02}-{d:02}")));
        }
    }
    // 3Q25, 3Q 2025, 1H25, 2H.
    if run == 1
        && let Some(&mk) = b.get(q).map(|c| c.to_ascii_uppercase()).as_ref()
        && (mk == b'Q' || mk == b'H')
    {
        let n = u32::from(b[p] - b'0');
        let max = if mk == b'Q' { 4 } else { 2 };
        if (1..=max).contains(&n) {
            let marker = mk as char;
            let e = q + 1;
            if let Some((ye, y)) = year2(s, e).or_else(|| year4(s, e)) {
                return Some((
                    p,
                    ye,
                    period_value(ctx, marker, n, Some(y), false),
                ));
            }
            if word_end(s, e) || fy_year(s, e).is_some() {
                let (end, year, fy) = match trailing_year(s, e) {
                    Some((end, y, f)) => (end, Some(y), f),
                    None => (e, None, false),
                };
                return Some((p, end, period_value(ctx, marker, n, year, fy)));
            }
        }
    }
    // 5 November 2025, 5th of November.
    if run <= 2 {
        let d: u32 = s[p..q].parse().ok()?;
        let mut e = q;
        for suf in ["st", "nd", "rd", "th"] {
            if let Some(x) = eat_word_ci(s, e, suf) {
                e = x;
                break;
            }
        }
        let k = skip_spaces(s, e, 1);
        let k = match eat_word(s, k, "of") {
            Some(x) => skip_spaces(s, x, 1),
            None => k,
        };
        if k > e && (1..=31).contains(&d) {
            let w = super::text::word_at(s, k);
            if let Some(m) = month_number(w)
                && w.as_bytes()[0].is_ascii_uppercase()
            {
                let mut me = k + w.len();
                let dotted = b.get(me) == Some(&b'.');
                if dotted {
                    me += 1;
                }
                let ys = skip_spaces(s, me, 1);
                if ys > me
                    && let Some((ye, y)) = year4(s, ys)
                {
                    return Some((p, ye, format!("{y:04}-{m:02}-{d:02}")));
                }
                // "5 Nov" alone is too often something else; "5 Nov." or
                // "5 November" is a date.
                if w.len() <= 3 && !w.eq_ignore_ascii_case("may") && !dotted {
                    return None;
                }
                let y = year_text(day_year(s, p, ctx, m, d));
                return Some((p, k + w.len(), format!("{y}-{m:02}-{d:02}")));
            }
        }
    }
    // A decade: "the 1970s", "the 1990s" → `197`, `199`.
    if run == 4
        && b.get(q) == Some(&b's')
        && word_end(s, q + 1)
        && b[q - 1] == b'0'
        && (p == 0 || !matches!(b[p - 1], b'$' | b'.' | b','))
        && let Some((_, y)) = year4(s, p).or_else(|| {
            // year4 wants the year to end the word: read it by hand.
            s[p..q]
                .parse()
                .ok()
                .filter(|y| (1000..=2099).contains(y))
                .map(|y| (q, y))
        })
    {
        let (ts, tw) = prev_word(s, p);
        let start = if tw.eq_ignore_ascii_case("the") { ts } else { p };
        return Some((start, q + 1, format!("{:03}", y / 10)));
    }
    // The second year of "1957-58".
    if run == 2
        && p >= 5
        && b[p - 1] == b'-'
        && b[p - 5..p - 1].iter().all(u8::is_ascii_digit)
        && (p == 5 || !b[p - 6].is_ascii_alphanumeric())
        && word_end(s, q)
        && let Some((_, y)) = year4(s, p - 5)
    {
        let yy: i32 = s[p..q].parse().ok()?;
        if yy > y % 100 {
            return Some((p, q, format!("{:04}", y - y % 100 + yy)));
        }
    }
    // A bare year.
    if run == 4 {
        let (e, y) = year4(s, p)?;
        // "the 2025 fiscal year".
        let k = skip_spaces(s, e, 1);
        if k > e
            && let Some(f) = eat_word_ci(s, k, "fiscal")
        {
            let k2 = skip_spaces(s, f, 1);
            if let Some(e2) = eat_word_ci(s, k2, "year") {
                return Some((p, e2, format!("FY{y:04}")));
            }
        }
        // "the 1988 period", "the 1988 quarter": that year's part of the
        // quarter in context.
        let (ts, tw) = prev_word(s, p);
        if k > e
            && tw.eq_ignore_ascii_case("the")
            && let Some(e2) = eat_word_ci(s, k, "period")
                .or_else(|| eat_word_ci(s, k, "quarter"))
        {
            return Some((ts, e2, format!("@q{y:04}|{y:04}")));
        }
        if !bare_year_ok(s, p, e) {
            return None;
        }
        return Some((p, e, format!("{y:04}")));
    }
    None
}

/// A four-digit number reads as a year unless money, a percent, a scale or
/// a counted noun says otherwise ("$2025", "2025 stores").
fn bare_year_ok(s: &str, p: usize, e: usize) -> bool {
    let b = s.as_bytes();
    if p > 0 && matches!(b[p - 1], b'$' | b'#' | b'.' | b',' | b'-' | b'/') {
        // "-2025" may be a range end ("2024-2025"), allowed below.
        let range = b[p - 1] == b'-'
            && p >= 5
            && b[p - 5..p - 1].iter().all(u8::is_ascii_digit);
        if !range {
            return false;
        }
    }
    let prev = super::text::char_before(s, p);
    if matches!(prev, Some('€' | '£' | '¥' | '₹')) {
        return false;
    }
    if matches!(b.get(e), Some(b'%') | Some(b',') | Some(b'.'))
        && b.get(e + 1).is_some_and(u8::is_ascii_digit)
    {
        return false;
    }
    if b.get(e) == Some(&b'%') || super::number::parse_scale(s, e).is_some() {
        return false;
    }
    if super::percent::suffix(s, e).is_some() {
        return false;
    }
    let (_, pw) = prev_word(s, p);
    if is_date_prep(pw) {
        return true;
    }
    match count::unit_noun(s, e) {
        None => true,
        // "2025 sales", "2024 results": the year modifies a reported
        // figure. "1999 stores" is a count.
        Some((a, b)) => {
            YEAR_NOUNS.iter().any(|w| w.eq_ignore_ascii_case(&s[a..b]))
        }
    }
}

/// Plural nouns that a year modifies rather than counts.
const YEAR_NOUNS: &[&str] = &[
    "sales",
    "results",
    "earnings",
    "revenues",
    "profits",
    "figures",
    "estimates",
    "forecasts",
    "targets",
    "goals",
    "projections",
    "plans",
    "numbers",
    "levels",
    "expectations",
    "comparisons",
    "outlooks",
    "financials",
    "losses",
    "margins",
    "shipments",
    "deliveries",
    "returns",
    "dividends",
    "bonuses",
    "elections",
    "rates",
    "prices",
    "costs",
];

/// Days since 1970-01-01 for a civil date (Howard Hinnant's algorithm).
fn days_from_civil((y, m, d): (i32, u32, u32)) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy =
        (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

fn civil_from_days(z: i64) -> (i32, u32, u32) {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    ((y + i64::from(m <= 2)) as i32, m, d)
}

/// Adds days to a civil date.
pub fn add_days(date: (i32, u32, u32), days: i64) -> (i32, u32, u32) {
    civil_from_days(days_from_civil(date) + days)
}

/// ISO 8601 week-numbering year and week of a date.
fn iso_week(date: (i32, u32, u32)) -> (i32, u32) {
    let wd = i64::from(weekday_of(date));
    // The Thursday of this week decides the year.
    let thursday = civil_from_days(days_from_civil(date) - wd + 3);
    let jan1 = days_from_civil((thursday.0, 1, 1));
    let week = (days_from_civil(thursday) - jan1) / 7 + 1;
    (thursday.0, week as u32)
}

/// Day of the week, 0 = Monday.
fn weekday_of(date: (i32, u32, u32)) -> u32 {
    // 1970-01-01 was a Thursday (3).
    (days_from_civil(date) + 3).rem_euclid(7) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_round_trip() {
        for &d in &[(2025, 11, 5), (2024, 2, 29), (1987, 3, 1), (2000, 1, 1)] {
            assert_eq!(civil_from_days(days_from_civil(d)), d);
        }
        assert_eq!(add_days((2025, 3, 1), -1), (2025, 2, 28));
        assert_eq!(weekday_of((2025, 11, 5)), 2);
        assert_eq!(iso_week((2025, 11, 5)), (2025, 45));
        assert_eq!(iso_week((2021, 1, 3)), (2020, 53));
        assert_eq!(iso_week((2024, 12, 30)), (2025, 1));
    }
}
