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
use super::keyword::{GENERIC_PERIODS, Hit, Trigger, month_number};
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
            Trigger::NumberWord | Trigger::YearAgo => None,
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
    for (start, end, value) in cands {
        if start < last_end {
            continue;
        }
        last_end = end;
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

type Cand = (usize, usize, String);

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
            Some(b':') | Some(b'%') => true,
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
            let y = year_text(nearest_year(ctx, m, d));
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
    let y = year_text(nearest_year(ctx, m, 15));
    Some((hit.start, end, format!("{y}-{m:02}")))
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
    let value = period_value(ctx, marker, n, year, fiscal || fy);
    Some((start, end, value))
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
        let w = super::text::word_at(s, k);
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
        return Some((hit.start, e, format!("{:04}", y + r)));
    }
    if let Some(e) = eat_word_ci(s, i, "quarter") {
        let q = (m as i32 - 1) / 3 + r;
        let (yy, qq) = (y + q.div_euclid(4), q.rem_euclid(4) + 1);
        return Some((hit.start, e, format!("{yy:04}-Q{qq}")));
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

/// "the quarter", "the prior year", "a year ago": resolved against the
/// document date (the quarter the document date falls in, for news); without
/// one they keep TIMEX3's underspecified values (`XXXX`, `XXXX-QX`).
fn generic(s: &str, hit: &Hit, i: u32, ctx: &DocContext) -> Option<Cand> {
    let (_, unit, off) = GENERIC_PERIODS[i as usize];
    // "the quarter ended Sept. 30": the date that follows names it.
    let k = skip_spaces(s, hit.end, 1);
    if ["ended", "ending", "ends", "through"]
        .iter()
        .any(|w| eat_word_ci(s, k, w).is_some())
    {
        return None;
    }
    // "the full year 2026": the year names it.
    if year4(s, k).is_some() {
        return None;
    }
    let value = match (unit, ctx.date) {
        ('Y', Some((y, _, _))) => format!("{:04}", y + off),
        ('Y', None) => "XXXX".to_string(),
        ('Q', Some((y, m, _))) => {
            // "The quarter" in a news story is the last completed quarter
            // (the one being reported).
            let q = (m as i32 - 1) / 3 - 1 + off;
            format!("{:04}-Q{}", y + q.div_euclid(4), q.rem_euclid(4) + 1)
        }
        ('M', Some((y, m, _))) => format!("{y:04}-{m:02}"),
        ('W', Some(date)) => {
            let (wy, w) = iso_week(add_days(date, 7 * i64::from(off)));
            format!("{wy:04}-W{w:02}")
        }
        ('Q', None) => "XXXX-QX".to_string(),
        ('M', _) => "XXXX-XX".to_string(),
        _ => "XXXX-WXX".to_string(),
    };
    Some((hit.start, hit.end, value))
}

/// A weekday in news text refers to the most recent such day on or before
/// the document date ("said on Tuesday").
fn weekday(s: &str, hit: &Hit, w: u32, ctx: &DocContext) -> Option<Cand> {
    if !s.as_bytes()[hit.start].is_ascii_uppercase() {
        return None;
    }
    let Some(date) = ctx.date else {
        // TIMEX3's form for "a Tuesday": XXXX-WXX-2.
        return Some((hit.start, hit.end, format!("XXXX-WXX-{}", w + 1)));
    };
    let today = weekday_of(date);
    let back = (today + 7 - w) % 7;
    let (y, m, d) = add_days(date, -i64::from(back));
    Some((hit.start, hit.end, format!("{y:04}-{m:02}-{d:02}")))
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
                let y = year_text(nearest_year(ctx, m, d));
                return Some((p, k + w.len(), format!("{y}-{m:02}-{d:02}")));
            }
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
