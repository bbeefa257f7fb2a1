/*!
Frames → claims: the document-level pass.

For each sentence: tokens and clauses ([`super::clause`]), frames
([`super::frame`]), then each frame's basis, period, guidance, subject and
speaker. See the module documentation of [`crate::claim`].
*/

use super::clause::{self, Sentence, TokKind};
use super::context;
use super::frame::{self, Frame, Hits};
use super::metric;
use super::phrases::{self, Phrase};
use crate::record::{
    Analysis, Change, Claim, Direction, DocContext, Kind, Level, Mention,
};
use crate::segment::{sentence, transcript};

/// Sentences longer than this (bytes) are cut at their best break before
/// the claim stage reads them: no real sentence is this long, and it keeps
/// every step bounded.
pub const MAX_SENTENCE: usize = 3_000;

/// Clauses longer than this (bytes) do not make a claim's span: its metric
/// and figures do.
pub const MAX_CLAIM_SPAN: usize = 600;

fn is_quantity(k: Kind) -> bool {
    matches!(k, Kind::Percent | Kind::Money | Kind::Count)
}

/// What the whole document tells every claim.
struct Doc<'a> {
    mentions: &'a [Mention],
    subject: Option<String>,
    period: Option<String>,
    year: Option<i32>,
    date: Option<(i32, u32, u32)>,
    currency: String,
    turns: Vec<crate::record::Turn>,
    /// The fiscal year of a wire story whose period end it states ("4TH
    /// QTR JAN 31" in a story of March 1987: `FY1987`), and whether its
    /// quarters are fiscal ones.
    fiscal_year: Option<(String, bool)>,
    /// The one fiscal year the document names ("fiscal 2022"), if it
    /// names exactly one: the period of guidance that states none.
    named_fy: Option<String>,
}

/// The fiscal year the document's date mentions name, when they name one
/// and only one ("FY2022").
fn named_fiscal_year(mentions: &[Mention]) -> Option<String> {
    let mut found: Option<&str> = None;
    for m in mentions.iter().filter(|m| m.kind == Kind::Date) {
        let Some(v) = m.value.as_text() else { continue };
        if v.len() == 6
            && v.starts_with("FY")
            && v[2..].bytes().all(|b| b.is_ascii_digit())
        {
            match found {
                Some(f) if f != v => return None,
                _ => found = Some(v),
            }
        }
    }
    found.map(str::to_string)
}

/// Analyzes one document.
pub fn analyze(
    text: &str,
    mentions: &[Mention],
    ctx: &DocContext,
) -> Analysis {
    let mut out = Analysis::default();
    if !mentions.iter().any(|m| is_quantity(m.kind) || m.kind == Kind::Skill) {
        return out;
    }
    // Companies are named at the top; a bounded head keeps this cheap on
    // long filings.
    let mut head = text.len().min(6_000);
    while !text.is_char_boundary(head) {
        head -= 1;
    }
    let main = context::main_period(text, mentions, ctx.date.is_some());
    let undated = main.as_ref().is_none_or(|m| !m.1);
    let period = main.map(|m| m.0);
    let named_fy = named_fiscal_year(mentions);
    // "FY2020" is a year too: months named without one are in it.
    let year = period
        .as_deref()
        .map(|p| p.strip_prefix("FY").unwrap_or(p))
        .and_then(|p| p.get(..4))
        .and_then(|y| y.parse().ok())
        .or(ctx.date.map(|d| d.0));
    let mut doc = Doc {
        mentions,
        subject: context::main_company(&text[..head]),
        period: None,
        year,
        date: ctx.date,
        currency: main_currency(mentions),
        turns: transcript::turns(text),
        fiscal_year: None,
        named_fy,
    };
    doc.period = period.map(|p| doc.anchor(p, false));
    if undated {
        wire_period(text, ctx, &mut doc);
    }
    let mut header: Option<Option<String>> = None;
    let mut prev_frame: Option<(String, Option<Level>)> = None;
    for (ss, se) in sentence::sentences(text) {
        let parts = bounded(text, mentions, ss, se, &mut out.cut_sentences);
        let cut = parts.len() > 1;
        for (ss, se) in parts {
            let lo = mentions.partition_point(|m| m.start < ss);
            let hi = mentions.partition_point(|m| m.start < se);
            let ms: Vec<usize> =
                (lo..hi).filter(|&i| mentions[i].end <= se).collect();
            if let Some(h) = table_header(&text[ss..se], &doc) {
                header = Some(h);
                continue;
            }
            if ms.is_empty() {
                continue;
            }
            let mut claims = Vec::new();
            if ms.iter().any(|&i| is_quantity(mentions[i].kind))
                && has_word(text, mentions, &ms, ss, se)
            {
                let s = clause::tokenize(text, ss, se, mentions, &ms);
                claims = sentence_claims(
                    &doc,
                    &s,
                    header.as_ref(),
                    &mut prev_frame,
                    cut,
                );
            }
            // Skills in the sentence take its period: a date in the
            // sentence, else the period of its claims.
            let sp = ms
                .iter()
                .filter(|&&i| {
                    mentions[i].kind == Kind::Date
                        && !mentions[i].is_vague_date()
                })
                .find_map(|&i| mentions[i].value.as_text().map(str::to_string))
                .or_else(|| claims.first().and_then(|c| c.period.clone()));
            if let Some(p) = sp {
                for &i in &ms {
                    if mentions[i].kind == Kind::Skill {
                        out.skill_periods.push((i, p.clone()));
                    }
                }
            }
            for c in &mut claims {
                if !c.metric.trim().is_empty() {
                    let (k, _) = super::concept::of_claim(text, mentions, c);
                    c.concept = Some(k.id);
                    c.qualifiers = k.qualifiers;
                    balance_date(text, &doc, c);
                    lower_is_better(text, c);
                }
            }
            out.claims.extend(claims);
        }
    }
    out
}

/// Whether the sentence `ss..se` has a letter or digit outside its
/// mentions: one without ("$381", "95%" on lines of their own, a column
/// of a flattened table) names no metric, so it can give no claim.
fn has_word(
    text: &str,
    mentions: &[Mention],
    ms: &[usize],
    ss: usize,
    se: usize,
) -> bool {
    let alnum = |a: usize, b: usize| {
        text.get(a..b).is_some_and(|t| t.chars().any(char::is_alphanumeric))
    };
    let mut pos = ss;
    for &i in ms {
        let m = &mentions[i];
        if m.start > pos && alnum(pos, m.start) {
            return true;
        }
        pos = pos.max(m.end);
    }
    pos < se && alnum(pos, se)
}

/// A wire story that states where its period ends ("4TH QTR JAN 31 NET",
/// "Qtr ended Jan 31", "Period ended February 28", "YEAR ENDING DEC 31"):
/// a quarter that does not end a calendar quarter is a fiscal one, named by
/// the year its fiscal year ends in. Without a headline quarter, the first
/// block's quarter follows from the block after it ("1st half" → the
/// second quarter).
fn wire_period(text: &str, ctx: &DocContext, doc: &mut Doc) {
    let mut head = text.len().min(2_000);
    while !text.is_char_boundary(head) {
        head -= 1;
    }
    let Some((y, m, d)) = ctx.date else { return };
    let Some((em, ed)) = context::period_end(&text[..head]) else {
        year_story(&text[..head], (y, m), doc);
        return;
    };
    let ey = if (em, ed) <= (m, d) { y } else { y - 1 };
    let quarter = doc
        .period
        .as_deref()
        .and_then(|p| p.rsplit_once("-Q"))
        .and_then(|(_, q)| q.parse::<u32>().ok())
        .or_else(|| {
            text[..head].lines().skip(1).find_map(|l| match block(l)? {
                Block::Half => Some(2),
                Block::NineMonths => Some(3),
                Block::Year => Some(4),
                _ => None,
            })
        });
    match quarter {
        Some(n) if n * 3 == em => {
            doc.period = Some(format!("{ey}-Q{n}"));
            doc.fiscal_year = Some((format!("FY{ey}"), false));
        }
        Some(n) if (1..=4).contains(&n) => {
            let fy = ey + ((em - 1) + 3 * (4 - n)) as i32 / 12;
            doc.period = Some(format!("FY{fy}-Q{n}"));
            doc.fiscal_year = Some((format!("FY{fy}"), true));
        }
        _ => {
            let first = text[..head].lines().next().unwrap_or("");
            if first.to_ascii_lowercase().contains("year") {
                doc.period = Some(format!("FY{ey}"));
                doc.fiscal_year = Some((format!("FY{ey}"), em != 12));
            }
        }
    }
}

/// A wire story whose headline names a year and no shorter period
/// ("KOMATSU LTD YEAR 1986", "KMS INDUSTRIES INC YEAR NET") is about a
/// fiscal year: the one its headline states, else the one that ended last
/// (a story of March 1987 reports 1986).
fn year_story(head: &str, (y, m): (i32, u32), doc: &mut Doc) {
    if doc.period.is_some() {
        return;
    }
    let title = head.lines().next().unwrap_or("");
    // A wire headline is written in capitals.
    if title.bytes().any(|b| b.is_ascii_lowercase()) {
        return;
    }
    let words: Vec<&str> = title
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let shorter = ["QTR", "QUARTER", "MTHS", "MONTHS", "HALF", "1ST", "2ND"];
    if !words.contains(&"YEAR") || words.iter().any(|w| shorter.contains(w)) {
        return;
    }
    let stated = words.iter().filter(|w| w.len() == 4).find_map(|w| {
        w.parse::<i32>().ok().filter(|v| (1900..=y).contains(v))
    });
    let fy = stated.unwrap_or(if m <= 4 { y - 1 } else { y });
    doc.period = Some(format!("FY{fy}"));
    doc.fiscal_year = Some((format!("FY{fy}"), false));
}

/// Cuts a sentence longer than [`MAX_SENTENCE`] at its best breaks: the
/// last "; ", else ", ", else white space before the bound, never inside
/// a mention ("413,623", "$1.2 million").
fn bounded(
    text: &str,
    mentions: &[Mention],
    ss: usize,
    se: usize,
    cut: &mut usize,
) -> Vec<(usize, usize)> {
    if se - ss <= MAX_SENTENCE {
        return vec![(ss, se)];
    }
    *cut += 1;
    // Whether a break at `p` falls inside a mention.
    let inside = |p: usize| {
        let k = mentions.partition_point(|m| m.start < p);
        k > 0 && mentions[k - 1].end > p
    };
    let mut out = Vec::new();
    let mut s = ss;
    while se - s > MAX_SENTENCE {
        let mut lim = s + MAX_SENTENCE;
        while !text.is_char_boundary(lim) {
            lim -= 1;
        }
        let w = &text.as_bytes()[s..lim];
        let half = w.len() / 2;
        let find = |pat: &[u8]| {
            let mut hi = w.len();
            while hi > half + pat.len() {
                let i = memchr::memmem::rfind(&w[half..hi], pat)?;
                let p = s + half + i + pat.len();
                if !inside(p) {
                    return Some(p);
                }
                hi = half + i;
            }
            None
        };
        let brk = find(b"; ")
            .or_else(|| find(b", "))
            .or_else(|| find(b" "))
            .unwrap_or(lim);
        out.push((s, brk));
        s = brk;
    }
    out.push((s, se));
    out
}

/// The currency most money mentions use (USD when there are none).
fn main_currency(mentions: &[Mention]) -> String {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for m in mentions.iter().filter(|m| m.kind == Kind::Money) {
        if let Some(u) = m.unit.as_deref() {
            match counts.iter_mut().find(|c| c.0 == u) {
                Some(c) => c.1 += 1,
                None => counts.push((u, 1)),
            }
        }
    }
    counts.iter().max_by_key(|c| c.1).map_or("USD", |c| c.0).to_string()
}

/// A line of a wire table that only names the period of the lines below:
/// "Year", "Nine mths", "4th qtr". `Some(None)` is a period the contract
/// has no value for (nine months).
fn table_header(line: &str, doc: &Doc) -> Option<Option<String>> {
    let kind = block(line)?;
    let year = doc
        .period
        .as_deref()
        .and_then(|p| p.trim_start_matches("FY").get(..4))
        .filter(|y| y.bytes().all(|b| b.is_ascii_digit()));
    let fiscal = doc.fiscal_year.as_ref();
    Some(match kind {
        Block::Year => match fiscal {
            Some((fy, _)) => Some(fy.clone()),
            None => year.map(|y| format!("FY{y}")),
        },
        Block::NineMonths | Block::Unvalued => None,
        Block::Half => match fiscal {
            Some((fy, true)) => Some(format!("{fy}-H1")),
            _ => year.map(|y| format!("{y}-H1")),
        },
        Block::Quarter => doc.period.clone(),
    })
}

/// What a wire table's block header names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Block {
    /// "Year", "12 mths".
    Year,
    /// "Six mths", "1st half".
    Half,
    /// "Nine mths".
    NineMonths,
    /// "Year to date", "3 mths": a period the contract has no value for.
    Unvalued,
    /// "Qtr", "4th qtr".
    Quarter,
}

/// The block a header line of a wire table opens, if it is one.
fn block(line: &str) -> Option<Block> {
    let t = line.trim().trim_end_matches(':').to_ascii_lowercase();
    if t.len() > 24
        || t.bytes().any(|b| b.is_ascii_digit() && !(b'1'..=b'4').contains(&b))
    {
        return None;
    }
    Some(match t.as_str() {
        "year" | "full year" | "fiscal year" | "12 mths" | "twelve mths" => {
            Block::Year
        }
        "nine mths" | "nine months" | "9 mths" | "nine mths to date" => {
            Block::NineMonths
        }
        "year to date" | "ytd" | "three mths" | "3 mths" => Block::Unvalued,
        "six mths" | "six months" | "6 mths" | "first half" | "1st half"
        | "half" => Block::Half,
        "qtr" | "quarter" | "4th qtr" | "3rd qtr" | "2nd qtr" | "1st qtr"
        | "fourth qtr" | "third qtr" | "second qtr" | "first qtr" => {
            Block::Quarter
        }
        _ => return None,
    })
}

impl Doc<'_> {
    /// Fills an unknown year: from the document's date (the latest such
    /// quarter that has ended, or the next one for guidance), else its main
    /// period's year.
    /// The fiscal year the document reports on ("FY2020" in a call about
    /// 2020-Q4), from its main period, else its date.
    fn full_year(&self) -> Option<String> {
        let from_period = self.period.as_deref().and_then(|p| {
            let y = p.trim_start_matches("FY").get(..4)?;
            y.bytes().all(|b| b.is_ascii_digit()).then(|| y.to_string())
        });
        from_period
            .or_else(|| self.year.map(|y| y.to_string()))
            .map(|y| format!("FY{y}"))
    }

    fn anchor(&self, p: String, forward: bool) -> String {
        // A bare year as the period of a figure is a fiscal year.
        if p.len() == 4 && p.bytes().all(|b| b.is_ascii_digit()) {
            return format!("FY{p}");
        }
        let Some(rest) = p.strip_prefix("XXXX") else { return p };
        // "at September 30": the latest such day by the document's date.
        if rest.len() == 6
            && let Some((y, m, d)) = self.date
            && let (Some(mm), Some(dd)) = (
                rest.get(1..3).and_then(|x| x.parse::<u32>().ok()),
                rest.get(4..6).and_then(|x| x.parse::<u32>().ok()),
            )
        {
            let year = if (mm, dd) <= (m, d) { y } else { y - 1 };
            return format!("{year}{rest}");
        }
        if let Some((y, m, _)) = self.date
            && let Some(q) =
                rest.strip_prefix("-Q").and_then(|q| q.parse::<u32>().ok())
        {
            let end = q * 3;
            // A quarter reported more than five months after the calendar
            // one ended is a fiscal quarter of a year the text does not
            // give ("3RD QTR" in a story of June).
            let lag = if end < m { m - end } else { m + 12 - end };
            if !forward && lag > 5 {
                return p;
            }
            let year = if forward {
                if end >= m { y } else { y + 1 }
            } else if end < m {
                y
            } else {
                y - 1
            };
            return format!("{year}{rest}");
        }
        match self.year {
            // In a fourth quarter's call, January and February are the
            // months after it ("in January, the board raised the
            // dividend"), in the next year.
            Some(y)
                if self
                    .period
                    .as_deref()
                    .is_some_and(|d| d.ends_with("-Q4"))
                    && matches!(rest.get(..3), Some("-01" | "-02")) =>
            {
                format!("{}{rest}", y + 1)
            }
            Some(y) => format!("{y}{rest}"),
            // A month in an undated document that names one fiscal year
            // ("for fiscal 2020 ... we ended June with"): that year.
            None if self.date.is_none()
                && rest.len() >= 3
                && rest.as_bytes()[1].is_ascii_digit() =>
            {
                match self.named_fy.as_deref().and_then(|f| f.get(2..6)) {
                    Some(y) => format!("{y}{rest}"),
                    None => p,
                }
            }
            None => p,
        }
    }
}

fn level_of(doc: &Doc, mi: usize, money_metric: bool) -> Option<Level> {
    let m = &doc.mentions[mi];
    let mut l = frame::level(m)?;
    // "Net 2,432,179 vs 2,236,471": a plain number of a money metric is
    // money in the document's currency.
    if money_metric && l.kind == Kind::Count && l.unit.is_none() {
        l.kind = Kind::Money;
        l.unit = Some(doc.currency.clone());
    }
    Some(l)
}

/// The claims of one sentence.
fn sentence_claims(
    doc: &Doc,
    s: &Sentence,
    header: Option<&Option<String>>,
    prev: &mut Option<(String, Option<Level>)>,
    cut: bool,
) -> Vec<Claim> {
    let hits = frame::phrase_hits(s);
    let clauses = clause::clauses(s);
    let mut frames: Vec<Frame> = Vec::new();
    let mut contrast_at: Vec<bool> = Vec::new();
    if s.lower.contains("respectively")
        && respectively(s, &hits, doc.mentions, &mut frames)
    {
        contrast_at.resize(frames.len(), false);
    } else {
        for c in &clauses {
            let carry = if c.hard { None } else { frames.last().cloned() };
            let before = frames.len();
            frame::clause_frames(
                s,
                c,
                &hits,
                doc.mentions,
                carry.as_ref(),
                &mut frames,
            );
            contrast_at.extend(std::iter::repeat_n(
                c.contrast,
                frames.len() - before,
            ));
        }
    }
    let n = frames.len();
    frame::split_shares(&mut frames, 0, n, Some(&mut contrast_at));
    // A part of a cut sentence (no real sentence is that long: a flattened
    // table, a list run together) states what its comparisons state; a
    // label beside a figure there is a table cell, not a claim.
    frames.retain(|f| {
        f.change.is_some() || f.from.is_some() || (f.value.is_some() && !cut)
    });
    if frames.is_empty() {
        return Vec::new();
    }
    // Bases: each frame's own phrases, from its first figure to the next
    // frame's.
    let n = frames.len();
    let sentence_bases: Vec<(usize, Phrase)> = hits
        .iter()
        .filter(|h| {
            matches!(h.2, Phrase::Yoy | Phrase::Qoq | Phrase::Sequential)
        })
        .map(|h| (h.0, h.2))
        .collect();
    for k in 0..n {
        let lo = if k == 0 || frames[k].start != frames[k - 1].start {
            frames[k].start
        } else {
            frames[k].first_fig
        };
        let hi = if k + 1 < n && frames[k + 1].start == frames[k].start {
            frames[k + 1].first_fig
        } else {
            frames[k].end
        };
        for h in &hits {
            if h.0 >= lo && h.0 < hi {
                match h.2 {
                    Phrase::Yoy if frames[k].basis.is_none() => {
                        frames[k].basis = Some("yoy")
                    }
                    Phrase::Qoq if frames[k].basis.is_none() => {
                        frames[k].basis = Some("qoq")
                    }
                    Phrase::Sequential if frames[k].basis.is_none() => {
                        frames[k].basis = Some("sequential")
                    }
                    Phrase::SameBasis => frames[k].same_basis = true,
                    _ => {}
                }
            }
        }
    }
    // A basis stated once governs the coordinated clauses without one.
    let distinct: Vec<Phrase> = {
        let mut v: Vec<Phrase> = sentence_bases.iter().map(|b| b.1).collect();
        v.dedup();
        v
    };
    for k in 0..n {
        if frames[k].basis.is_some()
            || (frames[k].change.is_none() && frames[k].from.is_none())
        {
            continue;
        }
        if frames[k].same_basis && k > 0 {
            frames[k].basis = frames[k - 1].basis;
            continue;
        }
        // "... or 43% compared to the second quarter of 2020": a named
        // period on the comparison side sets the basis instead.
        if contrast_at[k]
            || compared_date(doc, s, &frames[k])
                .is_some_and(|d| d.bytes().take(4).all(|b| b.is_ascii_digit()))
        {
            continue;
        }
        if distinct.len() == 1 {
            frames[k].basis = Some(match distinct[0] {
                Phrase::Yoy => "yoy",
                Phrase::Qoq => "qoq",
                _ => "sequential",
            });
        }
    }
    // Guidance cues before a frame's first figure govern it, unless a
    // reported (past-tense) verb stands between.
    let forward_cues: Vec<(usize, usize)> = hits
        .iter()
        .filter(|h| h.2 == Phrase::Forward)
        .map(|h| (h.0, h.1))
        .collect();
    let no_period = hits.iter().any(|h| h.2 == Phrase::NoPeriod);
    let full_year_at: Vec<usize> = hits
        .iter()
        // Not "our first full year", "a full year of ownership".
        .filter(|h| {
            h.2 == Phrase::FullYear
                && (h.0 == 0
                    || !matches!(
                        s.word(h.0 - 1),
                        "first"
                            | "second"
                            | "third"
                            | "fourth"
                            | "fifth"
                            | "a"
                            | "one"
                            | "each"
                            | "every"
                            | "per"
                    ))
        })
        .map(|h| h.0)
        .collect();
    // A balance at a period's last day: "ended the quarter with", "at
    // quarter end", "we ended June with".
    let ended_quarter_with = QUARTER_END.is_match(&s.lower)
        || (0..s.toks.len()).any(|j| {
            matches!(s.word(j), "ended" | "exited" | "closed")
                && matches!(
                    s.toks.get(j + 1).map(|t| t.kind),
                    Some(TokKind::Date(_))
                )
                && s.word(j + 2) == "with"
        });
    let s_period = sentence_period(doc, s);
    let speaker = speaker(doc, s);
    let mut out = Vec::with_capacity(n);
    for f in &frames {
        let forward = forward_cues.iter().any(|&(_, b)| {
            b <= f.first_fig
                && !(b..f.first_fig).any(|j| is_reported_verb(s.word(j)))
        }) || (f.forward && f.shared_value);
        let metric_text = match f.metric {
            Some(m) => match &f.tail {
                Some(t) => format!("{} {t}", metric::text(s, m)),
                None => metric::text(s, m),
            },
            None => match prev.as_ref() {
                // "It was up 5%": the metric of the sentence before.
                Some(p) if starts_with_pronoun(s) => p.0.clone(),
                _ => continue,
            },
        };
        let head =
            metric_text.rsplit(' ').next().unwrap_or("").to_ascii_lowercase();
        let lower_metric = metric_text.to_ascii_lowercase();
        // "net leverage stood at 2.3 times": a ratio is no amount, whatever
        // its first word.
        let ratio = lower_metric.split(' ').any(|w| {
            matches!(
                w,
                "leverage" | "ratio" | "multiple" | "coverage" | "times"
            )
        });
        let money_metric = !ratio
            && (phrases::is_money_metric(&head)
                || lower_metric
                    .split(' ')
                    .next()
                    .is_some_and(phrases::is_money_metric));
        let (a, b) = claim_span(s, f);
        let mut c = Claim {
            start: s.toks[a].start,
            end: s.toks[b - 1].end,
            metric: metric_text,
            subject: doc.subject.clone(),
            forward,
            speaker: speaker.clone(),
            ..Claim::default()
        };
        c.value = f.value.and_then(|m| level_of(doc, m, money_metric));
        c.high = f.high.and_then(|m| level_of(doc, m, money_metric));
        // "was negative $5.8 million", "minus 2%": a level below zero.
        if let (Some(v), Some(mi)) = (c.value.as_mut(), f.value)
            && let Some(t) = s.fig_tok(doc.mentions[mi].start, mi)
            && t > 0
            && matches!(s.word(t - 1), "negative" | "minus")
        {
            v.value = -v.value.abs();
        }
        // "12.1 mln dlrs, or 85 cts a share": the per-share figure is a
        // metric of its own.
        if let Some(v) = f.value.or(f.change)
            && per_share_after(s, doc.mentions, v)
            && !c.metric.to_ascii_lowercase().contains("share")
            && !c.metric.to_ascii_lowercase().contains("eps")
            && !c.metric.to_ascii_lowercase().starts_with("shr")
        {
            c.metric.push_str(" per share");
        }
        if let Some(fm) = f.from {
            c.from = level_of(doc, fm, money_metric);
            c.to = c.value.clone();
            // "€3m, versus a loss of $(0.12) per share": levels of another
            // kind or currency are no comparison.
            let (mf, mv) =
                (&doc.mentions[fm], f.value.map(|v| &doc.mentions[v]));
            let bare = |m: &Mention| m.kind == Kind::Count && m.unit.is_none();
            if let Some(mv) = mv
                && !bare(mf)
                && !bare(mv)
                && (mf.kind != mv.kind
                    || mf.kind != Kind::Count && mf.unit != mv.unit)
            {
                c.from = None;
                c.to = None;
            } else if let Some(mv) = mv
                && bare(mf)
                && mv.kind == Kind::Count
                && mv.unit.is_some()
                && let Some(from) = c.from.as_mut()
            {
                // "814 homes compared to 601": the earlier level counts
                // the same thing.
                from.kind = Kind::Count;
                from.unit = mv.unit.clone();
            }
        }
        if c.to.is_none() {
            c.from = None;
            // "rose to $5 million from ..." without a level is still a
            // from; a lone "from X" with no level is kept as the earlier
            // level only with a change ("fell 7% from 855,000").
            if let Some(fm) = f.from
                && (f.change.is_some() || f.direction.is_some())
            {
                c.from = level_of(doc, fm, money_metric);
            }
        }
        if let Some(k) = f.change {
            let m = &doc.mentions[k];
            if let Some(v) = m.value.as_f64() {
                // "improved by 3.7 points", "up 1 point": percentage points.
                let points = m.kind == Kind::Count
                    && (matches!(m.unit.as_deref(), Some("points" | "point"))
                        || s.fig_tok(m.start, k).is_some_and(|t| {
                            matches!(s.word(t + 1), "point" | "points")
                        }));
                let unit = match m.kind {
                    Kind::Count if points => Some("pp".to_string()),
                    Kind::Count => None,
                    _ => m.unit.clone(),
                };
                c.change = Some(Change { value: v.abs(), unit });
            }
        }
        // "net loss of $51 million compared to net income of $50 million":
        // a loss against a profit is a negative level of the profit.
        if let (Some(fm), Some(vm), Some(from), Some(to)) =
            (f.from, f.value, c.from.as_mut(), c.to.as_mut())
        {
            match (
                profit_or_loss(s, doc.mentions, fm),
                profit_or_loss(s, doc.mentions, vm),
            ) {
                (Some(true), Some(false)) => from.value = -from.value.abs(),
                (Some(false), Some(true)) => to.value = -to.value.abs(),
                _ => {}
            }
            if let (Some(v), Some(t)) = (c.value.as_mut(), c.to.as_ref()) {
                v.value = t.value;
            }
        }
        // Both levels stated: they decide the direction ("the combined
        // ratio improved to 94.4% from 95.6%" is down), else the word.
        c.direction = match derive_direction(&c) {
            Some(d) if d != Direction::Flat && c.from.is_some() => Some(d),
            d => f.direction.or(d),
        };
        c.basis = f.basis;
        if f.change.is_none() && f.from.is_none() && c.direction.is_none() {
            // A bare level compares with nothing.
            c.basis = None;
        }
        // Periods. "Full year catastrophes totaled ...": the document's
        // year when the clause names no period of its own.
        let own = own_period(doc, s, f).or_else(|| {
            full_year_at
                .iter()
                .any(|&j| j >= f.start && j < f.end)
                .then(|| doc.full_year())
                .flatten()
        });
        c.period = if no_period && own.is_none() {
            None
        } else {
            own.or_else(|| s_period.clone())
                .or_else(|| header.cloned().flatten())
                .or_else(|| {
                    if header.is_some_and(Option::is_none) {
                        None
                    } else {
                        doc.period.clone()
                    }
                })
        }
        .map(|p| doc.anchor(p, forward))
        // "We ended the quarter with $48 million of cash": a balance at
        // the quarter's last day.
        .map(|p| match period_end_day(&p, doc.year) {
            Some(d) if ended_quarter_with => d,
            _ => p,
        });
        // Guidance that names no period is for the one fiscal year the
        // document names ("guidance ... for fiscal 2022").
        if c.period.is_none() && forward && !no_period {
            c.period.clone_from(&doc.named_fy);
        }
        // A named quarter on the comparison side: the previous quarter is
        // qoq, the same quarter a year before yoy.
        if c.basis.is_none()
            && let Some(cd) = compared_date(doc, s, f)
        {
            c.basis = compared_basis(&cd, c.period.as_deref());
            if c.period.is_none() && c.basis == Some("yoy") {
                c.period = shift_year(&cd);
            }
        }
        for m in [f.value, f.from, f.change].into_iter().flatten() {
            c.mentions.push(m);
        }
        c.mentions.sort_unstable();
        c.mentions.dedup();
        c.check = context::check(&c);
        *prev = Some((c.metric.clone(), c.value.clone()));
        out.push(c);
    }
    out
}

/// A claim's span is its clause; a clause longer than [`MAX_CLAIM_SPAN`]
/// (a flattened table, a run-on list) gives each claim only its metric and
/// figures, so the output stays proportional to the input.
fn claim_span(s: &Sentence, f: &Frame) -> (usize, usize) {
    let (a, b) = (f.start, f.end);
    if s.toks[b - 1].end - s.toks[a].start <= MAX_CLAIM_SPAN {
        return (a, b);
    }
    let figs: Vec<usize> =
        [f.value, f.from, f.change, f.high].into_iter().flatten().collect();
    let lo = f.metric.map_or(f.first_fig, |m| m.0.min(f.first_fig));
    let mut hi = f.first_fig + 1;
    let mut found = 0;
    for j in f.first_fig..b {
        if let TokKind::Fig(m) = s.toks[j].kind
            && figs.contains(&m)
        {
            hi = j + 1;
            found += 1;
            if found == figs.len() {
                break;
            }
        }
    }
    (lo.max(a), hi.min(b).max(lo + 1))
}

/// Whether the figure (mention index) is followed by "a share", "per
/// share", "per diluted share".
fn per_share_after(s: &Sentence, mentions: &[Mention], mi: usize) -> bool {
    let Some(j) = s.fig_tok(mentions[mi].start, mi) else {
        return false;
    };
    matches!(
        (s.word(j + 1), s.word(j + 2), s.word(j + 3)),
        ("a" | "per", "share", _)
            | ("per", "diluted" | "basic" | "fully", "share")
            | ("per", "fully", _)
            | ("a", "diluted", "share")
    )
}

fn starts_with_pronoun(s: &Sentence) -> bool {
    matches!(s.word(0), "it" | "this" | "that" | "which")
}

fn is_reported_verb(w: &str) -> bool {
    matches!(
        w,
        "was"
            | "were"
            | "rose"
            | "grew"
            | "fell"
            | "increased"
            | "decreased"
            | "declined"
            | "came"
            | "totaled"
            | "reached"
            | "reported"
            | "posted"
            | "delivered"
            | "achieved"
            | "generated"
            | "ended"
            | "improved"
            | "expanded"
            | "had"
            | "recorded"
            | "exceeded"
            | "beat"
            | "finished"
    )
}

/// Whether the figure (mention `mi`) is stated as a loss (`Some(true)`) or
/// a profit (`Some(false)`) by the words right before it: "loss of",
/// "vs loss", "net income of", "profit".
fn profit_or_loss(
    s: &Sentence,
    mentions: &[Mention],
    mi: usize,
) -> Option<bool> {
    let t = s.fig_tok(mentions[mi].start, mi)?;
    let lo = t.saturating_sub(4);
    (lo..t).rev().find_map(|j| phrases::profit_or_loss(s.word(j)))
}

fn derive_direction(c: &Claim) -> Option<Direction> {
    let (f, t) = (c.from.as_ref()?, c.to.as_ref()?);
    Some(if t.value > f.value {
        Direction::Up
    } else if t.value < f.value {
        Direction::Down
    } else {
        Direction::Flat
    })
}

/// Whether the date token at `j` sits on the comparison side of its
/// clause ("from $598.8 million in 2024", "compared to the second quarter
/// of 2020").
fn on_comparison_side(s: &Sentence, f: &Frame, j: usize) -> bool {
    let lo = f.start;
    let mut k = j;
    while k > lo && j - k < 10 {
        k -= 1;
        match s.toks[k].kind {
            TokKind::Word => {
                let w = s.word(k);
                // "compared to the third quarter", "in comparison with".
                if matches!(w, "to" | "with")
                    && k > 0
                    && matches!(
                        s.word(k - 1),
                        "compared" | "relative" | "comparison" | "comparable"
                    )
                {
                    return true;
                }
                // "down 39% to Q2 2019": a change measured against it.
                if w == "to"
                    && k > 1
                    && matches!(s.toks[k - 1].kind, TokKind::Fig(m)
                        if f.change == Some(m)
                            || matches!(s.word(k - 2), "up" | "down" | "higher" | "lower"))
                {
                    return true;
                }
                // "Since Q2 2019, we have closed 17 stores".
                if w == "since" {
                    return true;
                }
                // "in line with second quarter", "flat with the prior
                // quarter": the level it is compared with.
                if w == "with"
                    && k > 0
                    && (matches!(
                        s.word(k - 1),
                        "flat" | "consistent" | "level"
                    ) || s.word(k - 1) == "line"
                        && k > 1
                        && s.word(k - 2) == "in")
                {
                    return true;
                }
                if matches!(
                    w,
                    "from"
                        | "versus"
                        | "vs"
                        | "vs."
                        | "than"
                        | "against"
                        | "compared"
                        | "over"
                        | "year-ago"
                        | "prior-year"
                        | "exceeded"
                        | "exceeding"
                        | "matching"
                        | "surpassed"
                ) {
                    return true;
                }
                if matches!(
                    phrases::word(w),
                    phrases::Word::Change(_) | phrases::Word::Level
                ) && !matches!(w, "of" | "at")
                {
                    return false;
                }
            }
            TokKind::Fig(_) => {
                // The figure the date belongs to is an earlier level: "down
                // from 12.8 mln dlrs in 1986".
                return f
                    .from
                    .is_some_and(|m| s.toks[k].kind == TokKind::Fig(m))
                    || compared_figure(s, k);
            }
            _ => {}
        }
    }
    false
}

/// Whether the figure at token `k` follows a comparison word ("from",
/// "vs", "versus", "against", "than", "compared to/with"), or is the second
/// size of such a figure ("$41.7 million or 17.2% of revenues for Q2").
fn compared_figure(s: &Sentence, k: usize) -> bool {
    compared_figure_at(s, k, true)
}

fn compared_figure_at(s: &Sentence, k: usize, follow_or: bool) -> bool {
    let mut j = k;
    let mut steps = 0;
    while j > 0 && steps < 3 {
        j -= 1;
        steps += 1;
        if s.toks[j].kind != TokKind::Word {
            return false;
        }
        match s.word(j) {
            "from" | "vs" | "vs." | "versus" | "against" | "than"
            | "matching" | "exceeded" | "exceeding" | "surpassed" => {
                return true;
            }
            "or" if follow_or && steps == 1 && j > 0 => {
                return matches!(s.toks[j - 1].kind, TokKind::Fig(_))
                    && compared_figure_at(s, j - 1, false);
            }
            "to" | "with" => {
                return j > 0
                    && matches!(s.word(j - 1), "compared" | "relative");
            }
            w if phrases::is_hedge(w) => {}
            _ => return false,
        }
    }
    false
}

fn period_value(doc: &Doc, j: usize, s: &Sentence) -> Option<String> {
    let TokKind::Date(mi) = s.toks[j].kind else { return None };
    let v = doc.mentions[mi].value.as_text()?;
    if v.ends_with('X') || v.contains('W') {
        return None;
    }
    // "for the quarter", "the full year": the period the document is
    // about, when it names one; a year pointed at keeps its own year only
    // when it is not the current one ("last year").
    if !context::names_period(s.span_text(j, j + 1)) {
        if v.contains("-Q") || v.contains("-H") {
            return doc.period.clone();
        }
        if v.len() == 4 {
            let main_year = doc.period.as_deref().and_then(|p| {
                p.trim_start_matches("FY")
                    .get(..4)
                    .filter(|y| !y.starts_with('X'))
            });
            return match (main_year, doc.date) {
                (Some(y), Some((dy, _, _))) if v == dy.to_string() => {
                    Some(y.to_string())
                }
                (Some(y), None) => Some(y.to_string()),
                _ => Some(v.to_string()),
            };
        }
        return None;
    }
    if v.contains("-Q") || v.contains("-H") || v.starts_with("FY") {
        return Some(v.to_string());
    }
    // A balance-sheet date keeps its day: "at September 30", "as of
    // December 31, 2017"; "the quarter ended September 30" is the quarter.
    let at = j > 0
        && (matches!(s.word(j - 1), "at" | "on")
            || (s.word(j - 1) == "of" && j > 1 && s.word(j - 2) == "as"));
    if v.len() == 10 && at {
        return Some(v.to_string());
    }
    if let Some(q) = context::quarter_end(v) {
        return Some(q);
    }
    // "the quarter ending September": the quarter that ends in that month
    // (calendar quarters; another month is left as the month).
    if v.len() == 7
        && j > 1
        && matches!(s.word(j - 1), "ending" | "ended")
        && matches!(s.word(j - 2), "quarter" | "qtr")
        && let Some(q) = match &v[5..] {
            "03" => Some(1),
            "06" => Some(2),
            "09" => Some(3),
            "12" => Some(4),
            _ => None,
        }
    {
        return Some(format!("{}-Q{q}", &v[..4]));
    }
    if v.len() < 10 {
        // A bare year far from the document's is not a period ("founded in
        // 1987").
        if v.len() == 4
            && let (Ok(y), Some(dy)) = (v.parse::<i32>(), doc.year)
            && (y - dy).abs() > 1
        {
            return None;
        }
        return Some(v.to_string());
    }
    Some(v.to_string())
}

/// The frame's own period: a date in its clause, not on the comparison
/// side. A quarter or half wins over a year or a day.
fn own_period(doc: &Doc, s: &Sentence, f: &Frame) -> Option<String> {
    let mut best: Option<String> = None;
    for j in f.start..f.end {
        if !matches!(s.toks[j].kind, TokKind::Date(_))
            || on_comparison_side(s, f, j)
        {
            continue;
        }
        if let Some(v) = period_value(doc, j, s) {
            let strong =
                v.contains("-Q") || v.contains("-H") || v.starts_with("FY");
            if strong {
                return Some(v);
            }
            best.get_or_insert(v);
        }
    }
    best
}

/// The sentence's period: its first quarter, half or fiscal period not on
/// a comparison side, else a year or month.
fn sentence_period(doc: &Doc, s: &Sentence) -> Option<String> {
    let whole = Frame { start: 0, end: s.toks.len(), ..Frame::default() };
    own_period(doc, s, &whole)
}

fn compared_date(doc: &Doc, s: &Sentence, f: &Frame) -> Option<String> {
    (f.start..f.end)
        .filter(|&j| {
            matches!(s.toks[j].kind, TokKind::Date(_))
                && on_comparison_side(s, f, j)
        })
        .find_map(|j| {
            let TokKind::Date(mi) = s.toks[j].kind else { return None };
            let v = doc.mentions[mi].value.as_text()?;
            Some(doc.anchor(v.to_string(), false))
        })
}

fn quarter_of(p: &str) -> Option<(Option<i32>, u32)> {
    let (y, q) = p.split_once("-Q")?;
    let q: u32 = q.parse().ok()?;
    Some((y.trim_start_matches("FY").parse().ok(), q))
}

fn compared_basis(cd: &str, own: Option<&str>) -> Option<&'static str> {
    let year_of = |p: &str| -> Option<i32> {
        p.trim_start_matches("FY").get(..4)?.parse().ok()
    };
    // "down from 12.8 mln dlrs in 1986" in a 1987 story; "1.28% at
    // December 31, 2016" against December 31, 2017: a year before.
    if quarter_of(cd).is_none() {
        let cy = year_of(cd)?;
        let same_day = cd.len() == 10;
        return match own {
            Some(o) if same_day => (o.len() == 10
                && o.get(4..) == cd.get(4..)
                && year_of(o) == Some(cy + 1))
            .then_some("yoy"),
            Some(o) => (year_of(o) == Some(cy + 1)).then_some("yoy"),
            None => None,
        };
    }
    let (cy, cq) = quarter_of(cd)?;
    match own.and_then(quarter_of) {
        Some((oy, oq)) => {
            if oq == cq && (oy.zip(cy).is_none_or(|(a, b)| a == b + 1)) {
                Some("yoy")
            } else if (oq == cq + 1 && oy.zip(cy).is_none_or(|(a, b)| a == b))
                || (oq == 1
                    && cq == 4
                    && oy.zip(cy).is_none_or(|(a, b)| a == b + 1))
            {
                Some("qoq")
            } else {
                None
            }
        }
        None => cy.map(|_| "yoy"),
    }
}

/// Concepts that are balances at a day, not flows over a period.
/// "The combined ratio improved by 3.7 points": for a ratio where lower
/// is better, improving is going down and deteriorating going up. Only
/// when the words give the direction (both levels decide it otherwise).
fn lower_is_better(text: &str, c: &mut Claim) {
    if c.from.is_some() || c.direction.is_none() {
        return;
    }
    let m = c.metric.to_ascii_lowercase();
    let lower_better = [
        "combined ratio",
        "loss ratio",
        "expense ratio",
        "efficiency ratio",
        "cost ratio",
        "leverage",
        "churn",
    ]
    .iter()
    .any(|k| m.contains(k));
    if !lower_better {
        return;
    }
    let clause = text.get(c.start..c.end).unwrap_or("").to_ascii_lowercase();
    let improved = clause.contains("improv") || clause.contains("better");
    let worse = clause.contains("deteriorat") || clause.contains("worsen");
    c.direction = match (c.direction, improved, worse) {
        (Some(Direction::Up), true, false) => Some(Direction::Down),
        (Some(Direction::Down), false, true) => Some(Direction::Up),
        (d, _, _) => d,
    };
}

/// A metric of what is held at a moment that no balance concept names:
/// a bank's loans, deposits or assets, a builder's lots ("total loans",
/// "lots owned in our Northern region", "balance sheet total"). Only its
/// bare level is a balance: "deposits grew 9% in the first quarter" and
/// "we sold 1,200 lots" stay the quarter's.
fn held_at_a_moment(metric: &str) -> bool {
    let m = metric.to_ascii_lowercase();
    m.contains("balance sheet")
        || m.split(|c: char| !c.is_ascii_alphabetic()).any(|w| {
            matches!(
                w,
                "loans" | "deposits" | "assets" | "lots" | "liabilities"
            )
        }) && !m.split_whitespace().any(|w| {
            matches!(w, "sold" | "sales" | "closed" | "delivered" | "growth")
        })
}

const BALANCES: &[&str] = &[
    "cash",
    "debt",
    "net_debt",
    "leverage",
    "inventory",
    "equity",
    "book_value_per_share",
];

/// "net leverage stood at 2.3 times", "we ended June with $269 million of
/// cash": a balance (cash, debt, leverage, inventory, equity) is dated by
/// the last day of its quarter, or of the month it "ended".
fn balance_date(text: &str, doc: &Doc, c: &mut Claim) {
    let held = || {
        c.change.is_none()
            && c.direction.is_none()
            && held_at_a_moment(&c.metric)
            && !text.get(c.start..c.end).is_some_and(|t| {
                t.split(|ch: char| !ch.is_ascii_alphabetic()).any(|w| {
                    matches!(
                        w,
                        "sold"
                            | "sell"
                            | "closed"
                            | "delivered"
                            | "bought"
                            | "acquired"
                            | "added"
                            | "originated"
                    )
                })
            })
    };
    if !c.concept.is_some_and(|k| BALANCES.contains(&k)) && !held() {
        return;
    }
    let Some(p) = c.period.as_deref() else { return };
    let from = super::concept::sentence_start(text, c.start);
    let Some(sentence) = text.get(from..c.end) else { return };
    let lower = sentence.to_ascii_lowercase();
    // A balance in a quarter is the balance at its end.
    if p.contains("-Q") {
        if let Some(d) = quarter_end_day(p) {
            c.period = Some(d);
        }
        return;
    }
    // "ended June with": the month's last day.
    let (y, mm) = match p.split_once('-') {
        Some((y, mm)) if mm.len() == 2 => (y, mm),
        _ => return,
    };
    let Ok(month) = mm.parse::<u32>() else { return };
    let named = lower.split_whitespace().collect::<Vec<_>>();
    let ended = named.windows(2).any(|w| {
        matches!(w[0], "ended" | "end" | "exited")
            && crate::extract::keyword::month_number(
                w[1].trim_matches(|c: char| !c.is_ascii_alphabetic()),
            ) == Some(month)
    });
    if !ended {
        return;
    }
    let year = if y.starts_with('X') {
        match doc.year {
            Some(v) => v,
            None => return,
        }
    } else {
        match y.parse::<i32>() {
            Ok(v) => v,
            Err(_) => return,
        }
    };
    if let Some(d) = period_end_day(&format!("{year}-{mm}"), None) {
        c.period = Some(d);
    }
}

/// Phrases that put a figure at the last day of the period.
static QUARTER_END: std::sync::LazyLock<aho_corasick::AhoCorasick> =
    std::sync::LazyLock::new(|| {
        aho_corasick::AhoCorasick::new([
            "ended the quarter with",
            "exited the quarter with",
            "at quarter end",
            "at quarter-end",
            "at the end of the quarter",
            "as of quarter end",
            "as of quarter-end",
            "as of the end of the quarter",
        ])
        .expect("static patterns")
    });

/// The last day of a quarter ("2025-Q3" → "2025-09-30") or of a month
/// ("2025-06", or "XXXX-06" in a document of `year`).
fn period_end_day(p: &str, year: Option<i32>) -> Option<String> {
    if let Some(d) = quarter_end_day(p) {
        return Some(d);
    }
    let (y, m) = p.split_once('-')?;
    let m: u32 = m.parse().ok().filter(|m| (1..=12).contains(m))?;
    let y = match (y, year) {
        ("XXXX", Some(doc)) => doc.to_string(),
        ("XXXX", None) => "XXXX".to_string(),
        (y, _) if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) => {
            y.to_string()
        }
        _ => return None,
    };
    let leap = y
        .parse::<i32>()
        .is_ok_and(|y| (y % 4 == 0 && y % 100 != 0) || y % 400 == 0);
    let last = match m {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    Some(format!("{y}-{m:02}-{last}"))
}

/// `2016-Q1` → `2016-03-31` (calendar quarters only).
fn quarter_end_day(p: &str) -> Option<String> {
    let (y, q) = p.split_once("-Q")?;
    if y.len() != 4 || !y.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(match q {
        "1" => format!("{y}-03-31"),
        "2" => format!("{y}-06-30"),
        "3" => format!("{y}-09-30"),
        "4" => format!("{y}-12-31"),
        _ => return None,
    })
}

fn shift_year(p: &str) -> Option<String> {
    let (y, rest) = p.split_at(4.min(p.len()));
    let y: i32 = y.parse().ok()?;
    Some(format!("{}{rest}", y + 1))
}

/// The words after which a sentence may name who said it (one pass over
/// the lower-cased sentence before the attribution regex).
static SAYS: std::sync::LazyLock<aho_corasick::AhoCorasick> =
    std::sync::LazyLock::new(|| {
        aho_corasick::AhoCorasick::new([
            "said",
            "says",
            "according to",
            "told",
            "noted",
            "added",
        ])
        .expect("the attribution cues compile")
    });

fn speaker(doc: &Doc, s: &Sentence) -> Option<String> {
    let k = doc.turns.partition_point(|t| t.start <= s.base);
    k.checked_sub(1)
        .map(|k| &doc.turns[k])
        .filter(|t| s.base < t.end)
        .map(|t| t.speaker())
        .or_else(|| {
            if SAYS.is_match(&s.lower) {
                context::attribution(s.text)
            } else {
                None
            }
        })
}

/// "Segment A and segment B sales of $80 million and $45 million rose 9%
/// and 4%, respectively": n metrics (or one metric and n dates) paired
/// with the n figures of each role. False when the counts do not agree.
fn respectively(
    s: &Sentence,
    hits: &Hits,
    mentions: &[Mention],
    out: &mut Vec<Frame>,
) -> bool {
    let n_tok = s.toks.len();
    // Figures, grouped into lists by role: consecutive figures joined by
    // "and", "or" or a comma.
    let whole =
        clause::Clause { start: 0, end: n_tok, hard: true, contrast: false };
    let mut single: Vec<Frame> = Vec::new();
    // Roles from the frame rules, one frame per figure.
    let figs: Vec<usize> = (0..n_tok)
        .filter(|&j| matches!(s.toks[j].kind, TokKind::Fig(_)))
        .collect();
    if figs.len() < 2 {
        return false;
    }
    let mut lists: Vec<Vec<usize>> = Vec::new();
    let mut cur: Vec<usize> = vec![figs[0]];
    for w in figs.windows(2) {
        let between: Vec<&str> = (w[0] + 1..w[1])
            .map(|j| if s.is_punct(j, b',') { "," } else { s.word(j) })
            .collect();
        let joined =
            between.iter().all(|x| matches!(*x, "," | "and" | "or" | ""))
                && !between.is_empty();
        if joined {
            cur.push(w[1]);
        } else {
            lists.push(std::mem::take(&mut cur));
            cur.push(w[1]);
        }
    }
    lists.push(cur);
    let n = lists.iter().map(Vec::len).max().unwrap_or(0);
    if n < 2 || lists.iter().any(|l| l.len() != n && l.len() != 1) {
        return false;
    }
    // The metric phrase: before the first figure's anchor.
    frame::clause_frames(s, &whole, hits, mentions, None, &mut single);
    let Some(first) = single.first() else { return false };
    let Some((mut ma, mb)) = first.metric else { return false };
    // The metric scan stops at "and"; here the list goes on: "Segment A
    // and Segment B sales".
    while ma >= 2
        && (s.word(ma - 1) == "and" || s.is_punct(ma - 1, b','))
        && s.toks[ma - 2].kind == TokKind::Word
        && phrases::word(s.word(ma - 2)) == phrases::Word::Other
    {
        let mut k = ma - 2;
        while k > 0
            && s.toks[k - 1].kind == TokKind::Word
            && phrases::word(s.word(k - 1)) == phrases::Word::Other
            && ma - k < 6
        {
            k -= 1;
        }
        ma = k;
    }
    // Split the metric at "and" / commas into n items.
    let mut items: Vec<(usize, usize)> = Vec::new();
    let mut a = ma;
    for j in ma..mb {
        if s.word(j) == "and" || s.is_punct(j, b',') {
            if j > a {
                items.push((a, j));
            }
            a = j + 1;
        }
    }
    if mb > a {
        items.push((a, mb));
    }
    items.retain(|&(a, b)| {
        (a..b).any(|j| s.toks[j].kind == TokKind::Word && s.word(j) != "and")
    });
    let shared_tail = |k: usize| -> Option<String> {
        // "GAAP and adjusted operating income": the first items borrow the
        // last item's words after its first as many as they have.
        let (la, lb) = *items.last()?;
        let (a, b) = items[k];
        let own = b - a;
        if k + 1 == items.len() || lb - la <= own {
            return None;
        }
        Some(metric::text(s, (la + own, lb)))
    };
    let tails: Vec<Option<String>> =
        (0..items.len()).map(shared_tail).collect();
    let metrics: Vec<(usize, usize)> =
        if items.len() == n { items.clone() } else { vec![(ma, mb); n] };
    // Role of each list: the role its first figure got.
    let role_of = |tok: usize| -> Option<frame::Role> {
        let mi = match s.toks[tok].kind {
            TokKind::Fig(m) => m,
            _ => return None,
        };
        for f in &single {
            if f.change == Some(mi) {
                return Some(frame::Role::Change);
            }
            if f.from == Some(mi) {
                return Some(frame::Role::From);
            }
            if f.value == Some(mi) {
                return Some(if f.value_is_to {
                    frame::Role::To
                } else {
                    frame::Role::Level
                });
            }
        }
        None
    };
    let dir = single.iter().find_map(|f| f.direction);
    for k in 0..n {
        let tail = if tails.len() == n { tails[k].clone() } else { None };
        let mut f = Frame {
            metric: Some(metrics[k]),
            tail,
            start: 0,
            end: n_tok,
            first_fig: figs[0],
            direction: dir,
            ..Frame::default()
        };
        for l in &lists {
            let tok = if l.len() == n { l[k] } else { l[0] };
            let TokKind::Fig(mi) = s.toks[tok].kind else { continue };
            match role_of(l[0]) {
                Some(frame::Role::Level) | Some(frame::Role::To)
                    if f.value.is_none() =>
                {
                    f.value = Some(mi)
                }
                Some(frame::Role::From) => f.from = Some(mi),
                Some(frame::Role::Change) => f.change = Some(mi),
                Some(_) | None => {}
            }
        }
        out.push(f);
    }
    true
}
