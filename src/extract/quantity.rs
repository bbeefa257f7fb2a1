/*!
One scan over every number in a text, in digits or in words, deciding for
each whether it is money, a percentage or a count.

For each number we read, in order: a sign or opening parenthesis and a
currency marker before it ([`money::prefix`]); the literal
([`number::parse_literal`] or [`number::parse_words`]); a scale word
([`number::parse_scale`]); and a percent suffix ([`percent::suffix`]) or
currency word ([`money::suffix`]) after it. Ranges then share what only one
end states: "$10 to $12 billion" carries the scale back to `$10`, "10 to 12
percent" the percent sign, "$10-12 billion" the currency forward. Last,
[`count::exclusion`] removes numbers that are not counts.

Numbers inside a date or a skill span are skipped: the date extractor has
already claimed "Nov. 5, 2025" and "Q3", and "GPT-4" is a skill.
*/

use super::keyword::{Hit, Trigger};
use super::number::{self, Decimal};
use super::text::{char_before, prev_word};
use super::{count, money, percent};
use crate::record::{Kind, Mention, Value};

/// A number with what surrounds it, before its kind is decided.
#[derive(Clone, Debug)]
struct Tok {
    start: usize,
    end: usize,
    lit_start: usize,
    lit_end: usize,
    value: Decimal,
    negative: bool,
    scale: Option<i32>,
    scale_end: usize,
    currency: Option<&'static str>,
    cents: bool,
    pct: Option<&'static str>,
    words: bool,
    only_one: bool,
    small: bool,
}

/// Finds every percent, money and count mention in `s`.
pub fn find(
    s: &str,
    hits: &[Hit],
    dates: &[Mention],
    skills: &[Mention],
) -> Vec<Mention> {
    let mut blocked: Vec<(usize, usize)> =
        dates.iter().chain(skills).map(|m| (m.start, m.end)).collect();
    blocked.sort_unstable();
    let inside = |p: usize| -> bool {
        let k = blocked.partition_point(|&(st, _)| st <= p);
        k > 0
            && blocked[..k]
                .iter()
                .rev()
                .take(4)
                .any(|&(st, en)| st <= p && p < en)
    };

    let mut toks: Vec<Tok> = Vec::new();
    let b = s.as_bytes();
    let mut words =
        hits.iter().filter(|h| h.trigger == Trigger::NumberWord).peekable();
    let mut i = 0;
    let mut words_end = 0;
    let mut lines = Lines::default();
    while i < b.len() {
        let Some(p) = super::text::next_digit(b, i) else {
            break;
        };
        // Number words that come before this digit.
        while let Some(h) = words.next_if(|h| h.start < p) {
            push_words(s, h, &inside, &mut words_end, &mut toks);
        }
        let mut lit = number::parse_literal(s, p);
        i = lit.end.max(p + 1);
        // Skip digits glued to letters ("Q3", "A320", "B2B") and decimals
        // continuing a previous token, except after a currency code
        // ("USD34.6m").
        if p > 0
            && (b[p - 1].is_ascii_alphabetic() || b[p - 1] == b'_')
            && money::prefix(s, p).is_none()
        {
            while i < b.len() && b[i].is_ascii_alphanumeric() {
                i += 1;
            }
            continue;
        }
        if p > 0 && b[p - 1] == b'.' {
            if p >= 2 && b[p - 2] == b'$' {
                // "$.50": a decimal without its leading zero.
                lit = number::parse_literal(s, p - 1);
            } else if p >= 2 && b[p - 2].is_ascii_digit() {
                continue;
            }
        }
        if inside(p) {
            continue;
        }
        // A currency sign read as the previous number's ("10 $ 30 $") is
        // not also this one's.
        let floor = toks.last().map_or(0, |t| t.end);
        if let Some(t) = digit_tok(s, lit, floor, &mut lines) {
            i = i.max(t.end);
            toks.push(t);
        }
    }
    for h in words {
        push_words(s, h, &inside, &mut words_end, &mut toks);
    }
    toks.sort_by_key(|t| t.start);
    join_minor(s, &mut toks);
    carry_ranges(s, &mut toks);
    infer_currency(s, &mut toks);
    // Spans must not overlap (a currency sign between two numbers can be
    // read as the end of one and the start of the other): the first wins.
    let mut out: Vec<Mention> = Vec::with_capacity(toks.len());
    for m in toks.iter().filter_map(|t| classify(s, t)) {
        if out.last().is_some_and(|l| m.start < l.end) {
            continue;
        }
        out.push(m);
    }
    out
}

/// Reads a written number at a keyword hit, unless the hit is inside the
/// previous written number ("three" in "forty-three").
fn push_words(
    s: &str,
    h: &Hit,
    inside: &impl Fn(usize) -> bool,
    words_end: &mut usize,
    toks: &mut Vec<Tok>,
) {
    if h.start < *words_end || inside(h.start) {
        return;
    }
    if let Some(t) = word_tok(s, h) {
        *words_end = t.lit_end;
        toks.push(t);
    } else if let Some(w) = number::parse_words(s, h.start) {
        *words_end = w.end;
    }
}

/// Where the lines of the text start, found by a cursor that moves
/// forward with the scan (numbers come in order), so that finding the line
/// of every number stays linear on a text with no line breaks; and the
/// header of the last Markdown table seen, so that every row does not walk
/// up to it.
#[derive(Default)]
struct Lines {
    /// Bytes before this have been looked at.
    upto: usize,
    /// The start of the line `upto` is in.
    start: usize,
    /// The last table row looked up and its header's start.
    table: Option<(usize, usize)>,
}

impl Lines {
    /// The start of the line holding byte `p`.
    fn start_of(&mut self, b: &[u8], p: usize) -> usize {
        if p < self.upto {
            return memchr::memrchr(b'\n', &b[..p]).map_or(0, |i| i + 1);
        }
        if let Some(i) = memchr::memrchr(b'\n', &b[self.upto..p]) {
            self.start = self.upto + i + 1;
        }
        self.upto = p;
        self.start
    }
}

/// Reads what surrounds a digit literal.
fn digit_tok(
    s: &str,
    lit: number::Literal,
    floor: usize,
    lines: &mut Lines,
) -> Option<Tok> {
    let b = s.as_bytes();
    let mut start = lit.start;
    let mut negative = false;
    let mut paren = false;
    let mut currency = None;
    let mut code_scale = None;
    // Before: "(", "-", currency, in any order of the usual forms:
    // "-$5", "$-5", "$(0.12)", "($0.12)", "−€3".
    for _ in 0..3 {
        if start > 0 && b[start - 1] == b'(' && !paren {
            paren = true;
            start -= 1;
            continue;
        }
        if !negative
            && let Some(c) = char_before(s, start)
            && (c == '-' || c == '−')
        {
            let k = start - c.len_utf8();
            let before = char_before(s, k);
            let sign_ok = match before {
                None => true,
                Some(x) => x.is_whitespace() || "([:=".contains(x),
            };
            if sign_ok {
                negative = true;
                start = k;
                continue;
            }
        }
        if currency.is_none()
            && let Some(pf) = money::prefix(s, start)
            && pf.start >= floor
        {
            currency = Some(pf.code);
            code_scale = pf.scale;
            start = pf.start;
            continue;
        }
        break;
    }
    let mut end = lit.end;
    let mut scale = None;
    if let Some(sc) = number::parse_scale(s, end) {
        // "3 M" is not a scale after a space; parse_scale knows.
        scale = Some(sc.pow);
        end = sc.end;
    }
    let mut scale_end = end;
    let mut pct = None;
    let mut cents = false;
    if currency.is_none() {
        let u = unit_suffix(s, end, scale.is_some(), 0);
        (end, pct, cents) = (u.end, u.pct, u.cents);
        currency = u.currency;
        code_scale = u.scale;
        if u.scale_after {
            scale_end = end;
        }
    }
    if scale.is_none() {
        scale = code_scale;
    }
    // A bare number in a Markdown table column headed "$ millions" is
    // money in millions.
    if currency.is_none()
        && pct.is_none()
        && let Some((code, pow)) = table_money(s, lit.start, lines)
    {
        currency = Some(code);
        if scale.is_none() {
            scale = Some(pow);
        }
    }
    // Parentheses mean a negative amount only when they close after the
    // number: "$(0.12)", "($0.12)", "(2.3)" in a money column. Otherwise
    // ("(2025)", "(1)") they are not part of the mention.
    if paren && b.get(end) == Some(&b')') && currency.is_some() {
        negative = true;
        end += 1;
        // "$(2.3) million": the scale may follow the parenthesis.
        if scale.is_none()
            && let Some(sc) = number::parse_scale(s, end)
        {
            scale = Some(sc.pow);
            end = sc.end;
        }
    } else {
        while start < lit.start && b[start] == b'(' {
            start += 1;
        }
    }
    Some(Tok {
        start,
        end,
        lit_start: lit.start,
        lit_end: lit.end,
        value: lit.value,
        negative,
        scale,
        scale_end,
        currency,
        cents,
        pct,
        words: false,
        only_one: false,
        small: lit.int_digits <= 3 && !lit.grouped,
    })
}

/// The currency and scale of a Markdown table column whose header names
/// them ("Revenue ($ millions)", "EUR bn"), for a number at `p` in one of
/// its cells.
fn table_money(
    s: &str,
    p: usize,
    lines: &mut Lines,
) -> Option<(&'static str, i32)> {
    let b = s.as_bytes();
    let line_start = lines.start_of(b, p);
    let row = &s[line_start..p];
    if !row.trim_start().starts_with('|') {
        return None;
    }
    let col = row.bytes().filter(|&c| c == b'|').count();
    // Walk up to the first row of the table: the header (a row looked up
    // before knows it).
    let mut header = line_start;
    while header > 0 {
        if let Some((row, h)) = lines.table
            && row == header
        {
            header = h;
            break;
        }
        let prev_start =
            memchr::memrchr(b'\n', &b[..header - 1]).map_or(0, |i| i + 1);
        if !s[prev_start..header - 1].trim_start().starts_with('|') {
            break;
        }
        header = prev_start;
    }
    lines.table = Some((line_start, header));
    let header_end =
        memchr::memchr(b'\n', &b[header..]).map_or(b.len(), |i| header + i);
    let cell = s[header..header_end].split('|').nth(col)?.to_ascii_lowercase();
    let code = if cell.contains('$')
        || cell.contains("usd")
        || cell.contains("dollar")
    {
        "USD"
    } else if cell.contains('€') || cell.contains("eur") {
        "EUR"
    } else if cell.contains('£') || cell.contains("gbp") {
        "GBP"
    } else {
        return None;
    };
    let pow = if cell.contains("billion") || cell.contains("bn") {
        9
    } else if cell.contains("million")
        || cell.contains("mln")
        || cell.contains(" m)")
        || cell.contains("mm")
    {
        6
    } else if cell.contains("thousand") || cell.contains("000s") {
        3
    } else {
        0
    };
    Some((code, pow))
}

/// What follows a number and its scale: a percent unit or a currency.
struct UnitSuffix {
    end: usize,
    pct: Option<&'static str>,
    currency: Option<&'static str>,
    cents: bool,
    /// The scale the currency carries ("30 MUSD") or that follows it ("75
    /// USD million").
    scale: Option<i32>,
    /// True when the scale came after the currency.
    scale_after: bool,
}

/// Reads a percent suffix (longer than `min_len` bytes) or else a currency
/// word at `end`.
fn unit_suffix(
    s: &str,
    end: usize,
    scaled: bool,
    min_len: usize,
) -> UnitSuffix {
    if let Some((e, unit)) =
        percent::suffix(s, end).filter(|&(e, _)| e > end + min_len)
    {
        return UnitSuffix {
            end: e,
            pct: Some(unit),
            currency: None,
            cents: false,
            scale: None,
            scale_after: false,
        };
    }
    if let Some(sf) = money::suffix(s, end, scaled) {
        let mut u = UnitSuffix {
            end: sf.end,
            pct: None,
            currency: Some(sf.code),
            cents: sf.cents,
            scale: sf.scale,
            scale_after: false,
        };
        // "75 USD million": the scale after the currency.
        if !scaled
            && !sf.cents
            && sf.scale.is_none()
            && let Some(sc) = number::parse_scale(s, sf.end)
            && sc.end > sf.end + 1
        {
            u.scale = Some(sc.pow);
            u.end = sc.end;
            u.scale_after = true;
        }
        return u;
    }
    UnitSuffix {
        end,
        pct: None,
        currency: None,
        cents: false,
        scale: None,
        scale_after: false,
    }
}

/// Reads a number written in words.
fn word_tok(s: &str, h: &Hit) -> Option<Tok> {
    let w = number::parse_words(s, h.start)?;
    let b = s.as_bytes();
    // "one-time", "two-year": compound adjectives, not numbers.
    if b.get(w.end) == Some(&b'-')
        && b.get(w.end + 1).is_some_and(u8::is_ascii_alphabetic)
        && percent::suffix(s, w.end).is_none()
        && money::suffix(s, w.end, false).is_none()
    {
        return None;
    }
    let mut end = w.end;
    let mut scale = None;
    if let Some(sc) = number::parse_scale(s, end)
        && sc.end > end + 1
    {
        scale = Some(sc.pow);
        end = sc.end;
    }
    let scale_end = end;
    // A written number takes only a spelled-out percent ("forty-three
    // percent", not "three%").
    let u = unit_suffix(s, end, scale.is_some(), 1);
    let (end, pct, currency, cents) = (u.end, u.pct, u.currency, u.cents);
    let scale = scale.or(u.scale);
    Some(Tok {
        start: h.start,
        end,
        lit_start: h.start,
        lit_end: w.end,
        value: w.value,
        negative: false,
        scale,
        scale_end,
        currency,
        cents,
        pct,
        words: true,
        only_one: w.only_one,
        small: true,
    })
}

/// Joins an amount in a currency and its hundredths into one amount:
/// "20 dollars 43 cents", "3 GBP 1 pence", "$20 and 43c", "thirteen
/// dollars and forty-five cents" (the hundredths named), and "15 dollars
/// 50", "US$3 and fourteen" (not named, only where nothing else can be
/// meant: after "and" or after a currency written after the first number,
/// and with nothing after the second but the end of a sentence or clause).
fn join_minor(s: &str, toks: &mut Vec<Tok>) {
    let mut k = 1;
    while k < toks.len() {
        let (a, b) = (&toks[k - 1], &toks[k]);
        match minor_end(s, a, b) {
            Some(end) => {
                let minor = b.value.scale(-2);
                let a = &mut toks[k - 1];
                a.value = a.value.plus(minor);
                a.end = end;
                a.scale_end = end;
                toks.remove(k);
            }
            None => k += 1,
        }
    }
}

/// Where the joined amount of [`join_minor`] ends, if `b` is the
/// hundredths of `a`.
fn minor_end(s: &str, a: &Tok, b: &Tok) -> Option<usize> {
    let whole =
        |t: &Tok| t.value.exp >= 0 && t.scale.is_none() && t.pct.is_none();
    if a.currency.is_none() || a.cents || !whole(a) || !whole(b) || b.negative
    {
        return None;
    }
    // Hundredths: below 100, in at most two digits or in words.
    if b.value.mant >= 100 || (!b.words && b.lit_end - b.lit_start > 2) {
        return None;
    }
    let gap = s.get(a.end..b.start)?;
    let and = gap.trim().eq_ignore_ascii_case("and");
    if !(gap.trim().is_empty() || and) || gap.len() > 6 {
        return None;
    }
    // "between $10 and 20": a range, not $10.20.
    let before = prev_word(s, a.start).1;
    if before.eq_ignore_ascii_case("between")
        || before.eq_ignore_ascii_case("from")
    {
        return None;
    }
    if b.currency.is_some() {
        return b.cents.then_some(b.end);
    }
    if let Some(e) = money::minor_word(s, b.lit_end) {
        return Some(e);
    }
    // Unnamed hundredths.
    let suffixed = a.lit_start == a.start;
    if !(and || suffixed) {
        return None;
    }
    let j = super::text::skip_spaces(s, b.lit_end, 1);
    let ends = match s.as_bytes().get(j) {
        None => true,
        Some(c) => b".,;:!?)\n\r".contains(c),
    } || super::text::eat_word_ci(s, j, "and").is_some();
    ends.then_some(b.lit_end)
}

/// Shares scale, unit and currency between the two ends of a range.
fn carry_ranges(s: &str, toks: &mut [Tok]) {
    for k in 1..toks.len() {
        let (left, right) = toks.split_at_mut(k);
        let a = &mut left[k - 1];
        let b = &mut right[0];
        if b.start < a.end {
            continue;
        }
        let gap = s[a.end..b.start].trim();
        let between = prev_word(s, a.start).1.eq_ignore_ascii_case("between");
        let connector = matches!(gap, "-" | "–" | "—" | "to" | "through")
            || (gap == "and" && between)
            || (gap == "or" && a.words == b.words);
        // Wire copy: "Net 5.3 mln dlrs vs 4.1 mln" — the comparison shares
        // the currency when both sides have a scale.
        let versus = matches!(gap, "vs" | "vs." | "versus")
            && a.scale.is_some()
            && b.scale.is_some();
        if versus
            && a.currency.is_some()
            && b.currency.is_none()
            && b.pct.is_none()
        {
            b.currency = a.currency;
            b.cents = a.cents;
        }
        if !connector {
            continue;
        }
        if b.pct.is_some()
            && a.pct.is_none()
            && a.currency.is_none()
            && a.scale.is_none()
        {
            a.pct = b.pct;
        }
        if b.scale.is_some() && a.scale.is_none() && a.small && a.pct.is_none()
        {
            a.scale = b.scale;
        }
        if a.currency.is_some() && b.currency.is_none() && b.pct.is_none() {
            b.currency = a.currency;
            b.cents = a.cents;
        }
        // "10 to 12 cents" shares the cents; "3.2 million or 25 cents per
        // share" is an amount and its per-share restatement, not a range.
        let cents_ok = !b.cents || (a.scale.is_none() && a.small);
        if b.currency.is_some()
            && a.currency.is_none()
            && a.pct.is_none()
            && cents_ok
        {
            a.currency = b.currency;
            a.cents = b.cents;
        }
    }
}

/// Nouns whose amounts are money ("net income of 11 million").
const MONEY_METRICS: &[&str] = &[
    "revenue",
    "sales",
    "income",
    "profit",
    "loss",
    "earnings",
    "ebitda",
    "ebit",
    "cash",
    "capex",
    "capital expenditure",
    "expense",
    "cost",
    "debt",
    "dividend",
    "proceeds",
    "backlog",
    "bookings",
    "spending",
    "investment",
    "liquidity",
    "buyback",
    "repurchase",
    "charge",
    "impairment",
    "savings",
    "borrowings",
    "price",
    "valuation",
];

/// A scaled number with no currency and no counted noun, in a line that
/// names a money metric shortly before it ("adjusted net income of 11
/// million, or $0.11 per share"), is money in the text's main currency.
fn infer_currency(s: &str, toks: &mut [Tok]) {
    let main = {
        let mut counts: Vec<(&'static str, usize)> = Vec::new();
        for t in toks.iter() {
            if let Some(c) = t.currency {
                match counts.iter_mut().find(|(k, _)| *k == c) {
                    Some(e) => e.1 += 1,
                    None => counts.push((c, 1)),
                }
            }
        }
        counts.iter().max_by_key(|e| e.1).map(|e| e.0)
    };
    let Some(main) = main else { return };
    let b = s.as_bytes();
    for t in toks.iter_mut() {
        if t.currency.is_some()
            || t.pct.is_some()
            || t.scale.is_none_or(|p| p < 6)
            || count::unit_noun(s, t.scale_end).is_some()
        {
            continue;
        }
        let mut lo = t.start.saturating_sub(48);
        while !s.is_char_boundary(lo) {
            lo += 1;
        }
        if let Some(nl) = memchr::memrchr(b'\n', &b[lo..t.start]) {
            lo += nl + 1;
        }
        let window = s[lo..t.start].to_ascii_lowercase();
        if MONEY_METRICS.iter().any(|m| window.contains(m)) {
            t.currency = Some(main);
        }
    }
}

/// Decides the kind of a number and builds its mention.
fn classify(s: &str, t: &Tok) -> Option<Mention> {
    let mut v = t.value;
    if let Some(p) = t.scale {
        v = v.scale(p);
    }
    let signed = |d: Decimal| {
        let x = d.to_f64();
        if t.negative { -x } else { x }
    };
    if let Some(code) = t.currency {
        if t.cents {
            v = v.scale(-2);
        }
        // The span must hold the number itself; a currency carried from
        // the other end of a range leaves this one's span as written.
        return Some(Mention {
            kind: Kind::Money,
            start: t.start,
            end: t.end,
            value: Value::Number(signed(v)),
            unit: Some(code.to_string()),
        });
    }
    if let Some(unit) = t.pct {
        return Some(Mention {
            kind: Kind::Percent,
            start: t.start,
            end: t.end,
            value: Value::Number(signed(v)),
            unit: Some(unit.to_string()),
        });
    }
    if !t.words {
        if let Some(why) =
            count::exclusion(s, t.lit_start, t.lit_end, t.scale_end)
        {
            let _ = why;
            return None;
        }
    }
    let noun = count::unit_noun(s, t.scale_end);
    // "the past 12 months", "three months ended": a duration, not a count.
    if let Some((a, b)) = noun
        && count::is_time_unit(&s[a..b])
    {
        return None;
    }
    // A written number is a count from two up ("two of our segments", "the
    // three of them"); "one" and "zero" only with a noun or scale, since
    // they are mostly pronouns and idioms ("one of the", "from zero").
    if t.words && t.scale.is_none() && noun.is_none() && t.value.to_f64() < 2.0
    {
        return None;
    }
    if t.only_one && t.scale.is_none() {
        return None;
    }
    // A sign is part of a count only when written: "-5" is rare in prose.
    let (start, end) =
        (if t.negative { t.start } else { t.lit_start }, t.scale_end);
    let start = start.min(t.lit_start);
    Some(Mention {
        kind: Kind::Count,
        start,
        end,
        value: Value::Number(signed(v)),
        unit: noun.map(|(a, b)| s[a..b].to_string()),
    })
}
