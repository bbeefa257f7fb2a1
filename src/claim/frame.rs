/*!
Clause → frames: one frame per comparison.

Each figure in a clause gets a role from the words next to it:

| role | cue | example |
|---|---|---|
| change | after a change word, or before a change noun | "rose **43%**", "a **7%** decline", "up **60 basis points**" |
| to | after `to` in a clause with a change | "increased 6% **to $423 million**" |
| from | after `from`, or a comparison word | "from **$399 million**", "compared to **36.9%**", "vs **78 cts**" |
| level | after a level word, or right after the metric | "was **$412.5 million**", "Shr **68 cts**" |

Figures fill a frame left to right; a role that is already filled starts a
new frame for the same metric, which keeps the level ("..., down 3% from
the prior year and up 12% sequentially" → two frames sharing the value).
A clause that has no metric of its own continues the frame before it.
*/

use super::clause::{Clause, Sentence, TokKind};
use super::phrases::{self, Phrase, Word};
use crate::record::{Direction, Kind, Level, Mention};

/// What a figure states.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// The level reached.
    Level,
    /// The later level of a comparison.
    To,
    /// The earlier level.
    From,
    /// The size of the change.
    Change,
}

/// One comparison (or one level) of a metric.
#[derive(Clone, Debug, Default)]
pub struct Frame {
    /// Metric token span in the sentence (`a..b`), if found.
    pub metric: Option<(usize, usize)>,
    /// Words the metric borrows from a later list item ("GAAP" + "operating
    /// income" in "GAAP and adjusted operating income").
    pub tail: Option<String>,
    /// Level (mention index).
    pub value: Option<usize>,
    /// Whether the value came from a `to` figure.
    pub value_is_to: bool,
    /// The upper end of a range whose lower end is `value`.
    pub high: Option<usize>,
    /// Earlier level.
    pub from: Option<usize>,
    /// Change size.
    pub change: Option<usize>,
    /// Direction.
    pub direction: Option<Direction>,
    /// Basis.
    pub basis: Option<&'static str>,
    /// The basis came from "same timeframe".
    pub same_basis: bool,
    /// Forward.
    pub forward: bool,
    /// Token span of the clause(s) the frame covers.
    pub start: usize,
    /// End token.
    pub end: usize,
    /// First figure's token (where the frame's own phrases start).
    pub first_fig: usize,
    /// The level was shared from the frame before.
    pub shared_value: bool,
    /// "or 16.3% of revenues" after the level: its share, a parallel
    /// claim of the same metric.
    pub value_share: Option<usize>,
    /// The share after the earlier level.
    pub from_share: Option<usize>,
}

/// Phrase hits mapped to token indices: `(first token, end token, class)`.
pub type Hits = Vec<(usize, usize, Phrase)>;

/// Maps the sentence's phrase hits to tokens.
pub fn phrase_hits(s: &Sentence) -> Hits {
    phrases::phrases(&s.lower)
        .into_iter()
        .map(|(a, b, p)| (s.tok_holding(s.base + a), s.tok_at(s.base + b), p))
        .collect()
}

fn is_fig(s: &Sentence, i: usize) -> Option<usize> {
    match s.toks.get(i)?.kind {
        TokKind::Fig(m) => Some(m),
        _ => None,
    }
}

/// The nearest word before `i` (within the clause) that is not a hedge,
/// with its index.
fn prev_word<'s>(
    s: &'s Sentence,
    lo: usize,
    i: usize,
) -> Option<(usize, &'s str)> {
    let mut j = i;
    let mut steps = 0;
    while j > lo && steps < 4 {
        j -= 1;
        steps += 1;
        match s.toks[j].kind {
            TokKind::Word => {
                let w = s.word(j);
                if phrases::is_hedge(w)
                    && !matches!(w, "to" | "by" | "of" | "and" | "or" | "than")
                {
                    continue;
                }
                return Some((j, w));
            }
            TokKind::Punct(b':') => return Some((j, ":")),
            TokKind::Punct(b'(') => return Some((j, "(")),
            TokKind::Punct(b',') => return Some((j, ",")),
            TokKind::Punct(b'-') => return Some((j, "-")),
            TokKind::Date(_) => continue,
            _ => return None,
        }
    }
    None
}

fn next_word<'s>(
    s: &'s Sentence,
    i: usize,
    hi: usize,
) -> Option<(usize, &'s str)> {
    let mut j = i + 1;
    while j < hi && j < i + 4 {
        match s.toks[j].kind {
            TokKind::Word => {
                let w = s.word(j);
                if matches!(
                    w,
                    "year-over-year"
                        | "yoy"
                        | "sequential"
                        | "annual"
                        | "organic"
                        | "quarterly"
                ) {
                    j += 1;
                    continue;
                }
                return Some((j, w));
            }
            TokKind::Punct(b'-') => j += 1,
            _ => return None,
        }
    }
    None
}

/// Whether a hit of class `p` ends right before token `i` (skipping
/// hedges).
fn phrase_before(
    s: &Sentence,
    hits: &Hits,
    lo: usize,
    i: usize,
    p: Phrase,
) -> bool {
    let mut j = i;
    while j > lo
        && s.toks[j - 1].kind == TokKind::Word
        && phrases::is_hedge(s.word(j - 1))
        && !matches!(s.word(j - 1), "to" | "with")
    {
        j -= 1;
    }
    hits.iter().any(|h| h.2 == p && h.1 == j && h.0 >= lo)
}

/// The role of the figure at token `i` of clause `c`.
fn role(
    s: &Sentence,
    c: &Clause,
    hits: &Hits,
    mentions: &[Mention],
    i: usize,
    clause_dir: Option<Direction>,
) -> Option<(Role, Option<Direction>)> {
    let m = &mentions[is_fig(s, i)?];
    let unit = m.unit.as_deref();
    // Comparison phrases first: "compared to X", "up from X".
    if phrase_before(s, hits, c.start, i, Phrase::Compare) {
        let dir = match prev_word(s, c.start, i).map(|p| p.1) {
            Some("from") => {
                let j = prev_word(s, c.start, i).map(|p| p.0).unwrap_or(i);
                match s.word(j.saturating_sub(1)) {
                    "up" => Some(Direction::Up),
                    "down" => Some(Direction::Down),
                    _ => None,
                }
            }
            _ => None,
        };
        return Some((Role::From, dir));
    }
    let mut prev = prev_word(s, c.start, i);
    // "plus or minus $20 million": a tolerance, not a figure of its own.
    if let Some((pj, "minus")) = prev
        && pj >= 2
        && s.word(pj - 1) == "or"
        && s.word(pj - 2) == "plus"
    {
        return None;
    }
    // "up more than 30%", "less than $2 million": a bound, not a
    // comparison; the word before it decides.
    if let Some((pj, "than")) = prev
        && pj > c.start
        && matches!(s.word(pj - 1), "more" | "less" | "fewer" | "greater")
    {
        prev = prev_word(s, c.start, pj - 1);
        // "Clients paying more than $100,000 a year rose 9%": a bound
        // inside the metric's own phrase, not a figure of the claim.
        if prev.is_some_and(|(_, w)| w.len() > 4 && w.ends_with("ing")) {
            return None;
        }
    }
    let next = next_word(s, i, c.end);
    // "a 7% decline", "43% growth", "5% higher"; but "$70.1 million up
    // 2.58%" is a level with its change after.
    let change_follows = next.is_some_and(|(j, w)| {
        matches!(w, "up" | "down" | "higher" | "lower")
            && (is_fig(s, j + 1).is_some()
                || (matches!(s.word(j + 1), "from" | "by")
                    || phrases::is_hedge(s.word(j + 1)))
                    && is_fig(s, j + 2).is_some())
    });
    if let Some((_, w)) = next.filter(|_| !change_follows) {
        match phrases::word(w) {
            Word::ChangeNoun(d) => return Some((Role::Change, Some(d))),
            Word::Change(d)
                if matches!(
                    w,
                    "higher"
                        | "lower"
                        | "increase"
                        | "decrease"
                        | "decline"
                        | "rise"
                        | "drop"
                        | "up"
                        | "down"
                        | "improvement"
                ) =>
            {
                return Some((Role::Change, Some(d)));
            }
            _ => {}
        }
        if matches!(
            w,
            "increase"
                | "decrease"
                | "decline"
                | "reduction"
                | "rise"
                | "drop"
        ) {
            let d = if matches!(w, "increase" | "rise") {
                Direction::Up
            } else {
                Direction::Down
            };
            return Some((Role::Change, Some(d)));
        }
    }
    // "$0.46 per barrel higher than the fourth quarter of 2020", "$1
    // million less than forecast": the difference to a level after
    // "than".
    let after_unit = match next {
        Some((j, "per")) => {
            next_word(s, j, c.end).and_then(|(k, _)| next_word(s, k, c.end))
        }
        n => n,
    };
    if let Some((j, w)) = after_unit
        && s.word(j + 1) == "than"
        && s.toks.get(j + 1).is_some_and(|t| t.kind == TokKind::Word)
    {
        let d = match w {
            "higher" | "more" | "above" | "greater" => Some(Direction::Up),
            "lower" | "less" | "below" | "fewer" => Some(Direction::Down),
            _ => None,
        };
        if d.is_some() {
            return Some((Role::Change, d));
        }
    }
    let Some((pj, pw)) = prev else {
        // A figure right at the clause start continues the clause before
        // (the caller decides).
        return Some((Role::Level, None));
    };
    // "European sales grew at 6%": the rate of the change verb.
    if pw == "at"
        && pj > c.start
        && let Word::Change(d) = phrases::word(s.word(pj - 1))
        && !matches!(s.word(pj - 1), "up" | "down" | "higher" | "lower")
    {
        return Some((Role::Change, Some(d)));
    }
    // "profit 671,000 vs loss 138,000", "compared to net income of $50
    // million": a profit or loss word between the comparison and the
    // figure.
    if phrases::profit_or_loss(pw).is_some() || pw == "of" {
        let mut k = pj;
        let mut steps = 0;
        while let Some((j, w)) = prev_word(s, c.start, k) {
            steps += 1;
            if steps > 3 {
                break;
            }
            if phrases::word(w) == Word::Compare
                || phrase_before(s, hits, c.start, j + 1, Phrase::Compare)
            {
                return Some((Role::From, None));
            }
            if phrases::profit_or_loss(w).is_none()
                && !matches!(w, "net" | "a" | "of")
            {
                break;
            }
            k = j;
        }
    }
    match pw {
        "from" => return Some((Role::From, None)),
        "to" => {
            // "amounted to", "came to": a level.
            let before = prev_word(s, c.start, pj).map(|p| p.1).unwrap_or("");
            if matches!(
                before,
                "amounted"
                    | "came"
                    | "amount"
                    | "equal"
                    | "equivalent"
                    | "up"
                    | "close"
                    | "due"
                    | "closer"
                    | "relative"
                    | "compared"
            ) {
                return Some((Role::Level, None));
            }
            return Some((Role::To, None));
        }
        "by" | "of" => {
            // "increased by 5%", "an increase of 5%", "growth of 5%".
            let before = prev_word(s, c.start, pj).map(|p| p.1).unwrap_or("");
            match phrases::word(before) {
                Word::Change(d) | Word::ChangeNoun(d) => {
                    return Some((Role::Change, Some(d)));
                }
                _ => {}
            }
            if matches!(
                before,
                "increase"
                    | "increases"
                    | "decrease"
                    | "decline"
                    | "declines"
                    | "rise"
                    | "drop"
            ) {
                let d = if matches!(before, "increase" | "increases" | "rise")
                {
                    Direction::Up
                } else {
                    Direction::Down
                };
                return Some((Role::Change, Some(d)));
            }
            // "a drop in net income of $17 million".
            if pw == "of" {
                let mut k = pj;
                while k > c.start && pj - k < 8 {
                    k -= 1;
                    let w = s.word(k);
                    if s.word(k + 1) == "in" {
                        match phrases::word(w) {
                            Word::ChangeNoun(d) | Word::Change(d) => {
                                return Some((Role::Change, Some(d)));
                            }
                            _ => {}
                        }
                    }
                }
            }
            if pw == "by" {
                return Some((Role::Change, clause_dir));
            }
            return Some((Role::Level, None));
        }
        "or" | "(" | "," => {
            // "up $4.4 million, or 23%": a second size of the change.
            if unit == Some("%") && clause_dir.is_some() {
                return Some((Role::Change, clause_dir));
            }
            return Some((Role::Level, None));
        }
        _ => {}
    }
    match phrases::word(pw) {
        Word::Change(d) | Word::ChangeNoun(d) => Some((Role::Change, Some(d))),
        Word::Compare => Some((Role::From, None)),
        Word::Level | Word::Object => Some((Role::Level, None)),
        _ => {
            if matches!(unit, Some("bp" | "pp" | "points" | "point"))
                && clause_dir.is_some()
            {
                return Some((Role::Change, clause_dir));
            }
            if matches!(pw, "increase" | "decrease" | "decline" | "rise") {
                let d = if matches!(pw, "increase" | "rise") {
                    Direction::Up
                } else {
                    Direction::Down
                };
                return Some((Role::Change, Some(d)));
            }
            Some((Role::Level, None))
        }
    }
}

/// The first direction word of a clause, with its token.
fn clause_direction(
    s: &Sentence,
    c: &Clause,
    hits: &Hits,
) -> Option<(usize, Direction)> {
    for h in hits {
        if h.2 == Phrase::Flat && h.0 >= c.start && h.0 < c.end {
            return Some((h.0, Direction::Flat));
        }
    }
    (c.start..c.end).find_map(|j| match phrases::word(s.word(j)) {
        Word::Change(d) | Word::ChangeNoun(d) => Some((j, d)),
        _ => match s.word(j) {
            "increase" | "increases" | "rise" => Some((j, Direction::Up)),
            "decrease" | "decline" | "declines" | "drop" => {
                Some((j, Direction::Down))
            }
            _ => None,
        },
    })
}

/// Whether a figure can be part of a claim: quantities, not durations or
/// slide numbers.
fn usable(m: &Mention) -> bool {
    match m.kind {
        Kind::Percent | Kind::Money => m.value.as_f64().is_some(),
        Kind::Count => {
            m.value.as_f64().is_some()
                && !m.unit.as_deref().is_some_and(phrases::is_non_metric_count)
        }
        _ => false,
    }
}

/// Splits the frames `from..to` of `out` that carry the share of their
/// level ("$36.2 million or 16.3% of revenues") into two: the level's and
/// a parallel one of the share, with the share of the earlier level as its
/// `from`. `flags` (one per frame) gets the flag of the frame split.
pub fn split_shares(
    out: &mut Vec<Frame>,
    from: usize,
    to: usize,
    mut flags: Option<&mut Vec<bool>>,
) {
    let mut k = from;
    let mut to = to.min(out.len());
    while k < to {
        if let Some(v) = out[k].value_share.take() {
            let fs = out[k].from_share.take();
            let f = &out[k];
            let share = Frame {
                value: Some(v),
                from: fs,
                change: None,
                high: None,
                direction: None,
                shared_value: false,
                value_share: None,
                from_share: None,
                ..f.clone()
            };
            out.insert(k + 1, share);
            if let Some(fl) = flags.as_deref_mut()
                && k < fl.len()
            {
                let b = fl[k];
                fl.insert(k + 1, b);
            }
            k += 1;
            to += 1;
        }
        k += 1;
    }
}

/// Frames of one clause, appended to `out`. `carry` is the frame the
/// clause may continue (the last of the clause before).
pub fn clause_frames(
    s: &Sentence,
    c: &Clause,
    hits: &Hits,
    mentions: &[Mention],
    carry: Option<&Frame>,
    out: &mut Vec<Frame>,
) {
    let dir = clause_direction(s, c, hits);
    // ", compared to a loss of $3 million", ", from $0.71 per share": a
    // clause that opens with its comparison states the earlier level of
    // the frame before, whatever noun it repeats.
    let mut first = c.start;
    while first < c.end && matches!(s.toks[first].kind, TokKind::Punct(_)) {
        first += 1;
    }
    // ", an increase of 360,000 tons or 8%": an apposition that sizes
    // the change of the level before.
    let change_apposition = matches!(s.word(first), "a" | "an")
        && (matches!(
            phrases::word(s.word(first + 1)),
            Word::Change(_) | Word::ChangeNoun(_)
        ) || matches!(
            s.word(first + 1),
            "increase" | "decrease" | "decline" | "rise"
        ))
        && s.word(first + 2) == "of";
    // ", representing 186% of adjusted net income": the share the level
    // before is of something else.
    let share_apposition = matches!(s.word(first), "representing" | "or")
        && is_fig(s, first + 1).is_some()
        && s.word(first + 2) == "of";
    let opens_comparison = carry.is_some()
        && (matches!(s.word(first), "from" | "vs" | "versus" | "against")
            || change_apposition
            || share_apposition
            || hits.iter().any(|h| h.2 == Phrase::Compare && h.0 == first));
    let metric = if opens_comparison {
        None
    } else {
        super::metric::metric(s, c, hits, mentions)
    };
    // A clause with no metric of its own continues the frame before: its
    // figures fill that frame's empty roles first.
    let continues = metric.is_none() && carry.is_some();
    let mut cur: Option<Frame> = if continues { out.pop() } else { None };
    if let Some(f) = cur.as_mut() {
        f.end = c.end;
    }
    let first_new = out.len();
    for i in c.start..c.end {
        let Some(mi) = is_fig(s, i) else { continue };
        // "the combined ratio improved by 3.7 points": points of a ratio
        // in a clause that says which way it went are a change.
        let ratio_points = dir.is_some()
            && mentions[mi].kind == Kind::Count
            && matches!(
                mentions[mi].unit.as_deref(),
                Some("points" | "point")
            );
        if !usable(&mentions[mi]) && !ratio_points {
            continue;
        }
        // "three of our five segments": a part of a whole, no level.
        if mentions[mi].kind == Kind::Count
            && (matches!(s.word(i + 1), "of")
                && matches!(s.word(i + 2), "our" | "the" | "its" | "their")
                || i > 0 && matches!(s.word(i - 1), "our" | "its" | "their"))
        {
            continue;
        }
        let Some((mut r, mut d)) =
            role(s, c, hits, mentions, i, dir.map(|x| x.1))
        else {
            continue;
        };
        // "About two points of the decline came from ...": points that
        // are no change are no figure of a claim.
        if ratio_points && !usable(&mentions[mi]) && r != Role::Change {
            continue;
        }
        // "operating profit was $2.8 billion, adding $600 million": a
        // change of the level before.
        if continues
            && r == Role::Level
            && prev_word(s, c.start, i).is_some_and(|p| p.1 == "adding")
            && carry.is_some_and(|p| p.value.is_some() && p.change.is_none())
        {
            r = Role::Change;
            d = Some(Direction::Up);
        }
        // "$36.2 million or 16.3% of revenues compared to $41.7 million or
        // 17.2% of revenues": the share of a level is a parallel claim.
        if let Some(f) = cur.as_mut()
            && mentions[mi].unit.as_deref() == Some("%")
            && prev_word(s, c.start, i)
                .is_some_and(|p| matches!(p.1, "or" | "representing"))
            && next_word(s, i, c.end).is_some_and(|n| n.1 == "of")
            && let Some(p) = is_fig(s, i.wrapping_sub(2)).or_else(|| {
                // ", or 2.6% of revenue,": the comma before "or".
                (i >= 3 && s.toks[i - 2].kind == TokKind::Punct(b','))
                    .then(|| is_fig(s, i - 3))
                    .flatten()
            })
            && mentions[p].kind != Kind::Percent
        {
            if f.value == Some(p) && f.value_share.is_none() {
                f.value_share = Some(mi);
                continue;
            }
            if f.from == Some(p) && f.from_share.is_none() {
                f.from_share = Some(mi);
                continue;
            }
        }
        // "$201.3 million, or 63% of revenue, compared with 68% a year
        // earlier": the earlier level of the share.
        if r == Role::From
            && let Some(f) = cur.as_mut()
            && let Some(vs) = f.value_share
            && f.from_share.is_none()
            && mentions[vs].unit == mentions[mi].unit
            && f.value.is_some_and(|v| mentions[v].unit != mentions[mi].unit)
        {
            f.from_share = Some(mi);
            continue;
        }
        // A level in a clause that only continues a comparison: "up 5%
        // to $10" handled above; "12%" alone after "rose 43%," is a
        // change like the one before ("30% in local currencies").
        let at_start = prev_word(s, c.start, i).is_none();
        if at_start
            && continues
            && dir.is_none()
            && let Some(p) = carry
            && p.change.is_some()
            && p.value.is_none_or(|v| mentions[v].unit != mentions[mi].unit)
            && mentions[mi].unit
                == p.change.and_then(|k| mentions[k].unit.clone())
        {
            r = Role::Change;
        }
        // "... compared to $550,000 in the third quarter and $600,000 in
        // the fourth quarter of 2016": a bare figure after a comparison is
        // a second earlier level of the same value.
        if at_start
            && continues
            && dir.is_none()
            && r == Role::Level
            && let Some(p) = carry
            && p.value.is_some()
            && let Some(pf) = p.from
            && mentions[pf].kind == mentions[mi].kind
            && mentions[pf].unit == mentions[mi].unit
        {
            r = Role::From;
        }
        let frame = cur.get_or_insert_with(|| {
            let mut f = Frame {
                start: c.start,
                end: c.end,
                first_fig: i,
                ..Frame::default()
            };
            if continues && let Some(p) = carry {
                f.metric = p.metric;
                f.tail = p.tail.clone();
                f.forward = p.forward;
                if r != Role::Level && r != Role::To {
                    f.value = p.value;
                    f.value_is_to = false;
                    f.shared_value = p.value.is_some();
                }
            } else {
                f.metric = metric;
            }
            f
        });
        // "$1.82 billion to $1.83 billion", "5% to 7%": a range.
        // "up $4.9 million to $31.1 million" is a change and a level.
        let after_money_change =
            is_fig(s, i.wrapping_sub(2)).is_some_and(|p| {
                frame.change == Some(p) && mentions[p].kind == Kind::Money
            });
        if range_end(s, mentions, i)
            && !after_money_change
            && (frame.value.is_some() || frame.change.is_some())
            && frame.high.is_none()
        {
            frame.high = Some(mi);
            continue;
        }
        let filled = match r {
            Role::Level | Role::To => {
                frame.value.is_some() && !frame.shared_value
            }
            Role::From => frame.from.is_some(),
            // "flat sequentially, but an increase of 10% year-over-year":
            // a change of the other direction is another comparison.
            Role::Change => {
                frame.change.is_some()
                    || d.is_some()
                        && frame.direction.is_some()
                        && frame.direction != d
            }
        };
        // A second size of the same change ("$4.4 million, or 23%"): the
        // percent wins.
        if r == Role::Change && filled && frame.change.is_some() {
            let old = frame.change.and_then(|k| mentions[k].unit.clone());
            let new = mentions[mi].unit.as_deref();
            if old.as_deref() != Some("%") && new == Some("%") {
                frame.change = Some(mi);
                continue;
            }
        }
        let mut elided_dir = None;
        if filled {
            let done = cur.take().expect("frame exists");
            // "down 4% sequentially and 6% year-over-year": the second
            // change keeps the verb of the first.
            if r == Role::Change
                && d.is_none()
                && dir.is_none()
                && prev_word(s, c.start, i).is_none()
            {
                elided_dir = done.direction;
            }
            let mut f = Frame {
                metric: done.metric,
                tail: done.tail.clone(),
                start: c.start,
                end: c.end,
                first_fig: i,
                forward: done.forward,
                ..Frame::default()
            };
            if r != Role::Level && r != Role::To && done.value.is_some() {
                f.value = done.value;
                f.shared_value = true;
            }
            out.push(done);
            cur = Some(f);
        }
        let frame = cur.as_mut().expect("frame exists");
        match r {
            Role::Level => {
                frame.value = Some(mi);
                frame.shared_value = false;
            }
            Role::To => {
                frame.value = Some(mi);
                frame.value_is_to = true;
                frame.shared_value = false;
            }
            Role::From => frame.from = Some(mi),
            Role::Change => frame.change = Some(mi),
        }
        if d.is_some() && (frame.direction.is_none() || r == Role::Change) {
            frame.direction = d;
        } else if frame.direction.is_none() {
            frame.direction = elided_dir;
        }
    }
    if let Some(f) = cur {
        out.push(f);
    }
    // The parallel share claims; the last frame's once the sentence is
    // done ([`split_shares`]): the next clause may continue it ("$2.3
    // million, or 2.6% of revenue, versus $4.7 million, or 5.1%").
    split_shares(out, first_new, out.len().saturating_sub(1), None);
    // "X growth was 5.4%", "the increase in Y would have been over 3%": a
    // percent level of a change noun is the change (the guidelines'
    // "X growth was N%").
    for f in &mut out[first_new..] {
        if let (Some(v), Some((a, b)), None, None) =
            (f.value, f.metric, f.change, f.from)
            && matches!(mentions[v].unit.as_deref(), Some("%" | "bp" | "pp"))
            && f.tail.is_none()
            && let Some(d) = (a..b).find_map(|j| match s.word(j) {
                "growth" | "increase" | "rise" | "gain" => Some(Direction::Up),
                "decline" | "decrease" | "drop" | "reduction" => {
                    Some(Direction::Down)
                }
                _ => None,
            })
        {
            f.change = Some(v);
            f.value = None;
            f.value_is_to = false;
            f.direction = f.direction.or(Some(d));
        }
    }
    // Directions: the clause's direction word for frames without one.
    for f in &mut out[first_new..] {
        if f.direction.is_none()
            && let Some((j, d)) = dir
            && (f.change.is_some()
                || f.from.is_some()
                || f.value_is_to
                || d == Direction::Flat)
            // Both levels stated and the word after them ("..., and
            // reflects the continued improvement"): the levels decide.
            && !(f.from.is_some() && f.value.is_some() && j > f.first_fig)
        {
            f.direction = Some(d);
        }
    }
}

/// Whether the figure at token `i` ends a range: "X to Y", "X - Y", "X
/// and Y" after "between", with X a figure of the same kind right before.
fn range_end(s: &Sentence, mentions: &[Mention], i: usize) -> bool {
    let Some(m) = is_fig(s, i) else { return false };
    if i < 2 {
        return false;
    }
    let joiner = match s.toks[i - 1].kind {
        TokKind::Word => matches!(s.word(i - 1), "to" | "and"),
        TokKind::Punct(b'-') => true,
        _ => false,
    };
    let Some(p) = is_fig(s, i - 2) else { return false };
    let (a, b) = (&mentions[p], &mentions[m]);
    if !joiner || a.kind != b.kind {
        return false;
    }
    // "rose 5% to $10 million" differ in kind; "from 5% to 7%" is a
    // comparison, not a range.
    let before = i.checked_sub(3).map_or("", |k| s.word(k));
    if s.word(i - 1) == "and" && before != "between" {
        return false;
    }
    before != "from"
        && a.value.as_f64().zip(b.value.as_f64()).is_some_and(|(x, y)| x < y)
}

/// A level from a mention, with its kind.
pub fn level(m: &Mention) -> Option<Level> {
    let v = m.value.as_f64()?;
    Some(Level { value: v, unit: m.unit.clone(), kind: m.kind })
}
