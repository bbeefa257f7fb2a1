/*!
The metric of a clause: the noun phrase a figure is about.

The usual place is before the clause's anchor (its first change word,
level word or figure): "**Gross margin** was 38.1%". We take the words
back from the anchor up to a word that cannot be in a noun phrase (a
reporting verb, a pronoun, a conjunction, punctuation), cut a trailing
period or basis phrase ("in the first quarter", "year-over-year") and
leading determiners and possessive names ("our", "Brightlane's").

When nothing is left, the metric is after the figure: "we generated $142
million **of operating cash flow**", "a 7% decline **in bookings**".
Every scan is bounded (a dozen words), so this is linear in the clause.
*/

use super::clause::{Clause, Sentence, TokKind};
use super::frame::Hits;
use super::phrases::{self, Phrase, Word};
use crate::record::Mention;

/// The longest metric we take, in words.
const MAX_WORDS: usize = 10;

/// Prepositions allowed inside a metric ("cost of sales", "revenue per
/// visit in the centers").
fn inner_prep(w: &str) -> bool {
    matches!(w, "of" | "in" | "per" | "for" | "on" | "from" | "at")
}

/// The token that anchors the clause: its first change, level or object
/// word, comparison word or figure.
fn anchor(s: &Sentence, c: &Clause) -> Option<usize> {
    (c.start..c.end).find(|&j| match s.toks[j].kind {
        TokKind::Fig(_) => true,
        TokKind::Word => {
            let w = s.word(j);
            match phrases::word(w) {
                Word::Change(_)
                | Word::Level
                | Word::Object
                | Word::Compare => {
                    // "of" and "at" anchor only between a noun and a figure
                    // ("revenue of $5 million", not "the ratio of X").
                    !matches!(w, "of" | "at" | "up" | "down")
                        || (j > c.start && s.toks[j - 1].kind == TokKind::Word)
                            && !matches!(w, "up" | "down")
                            && fig_follows(s, j + 1)
                        || (matches!(w, "up" | "down")
                            && s.toks.get(j + 1).is_some_and(|t| {
                                matches!(t.kind, TokKind::Fig(_))
                                    || s.word(j + 1) == "from"
                                    || phrases::is_hedge(s.word(j + 1))
                            }))
                }
                _ => false,
            }
        }
        TokKind::Punct(b':') => true,
        _ => false,
    })
}

/// The prepositions that open a period phrase ("in the third quarter",
/// "versus 2019").
fn period_prep(w: &str) -> bool {
    matches!(
        w,
        "in" | "for"
            | "during"
            | "through"
            | "at"
            | "on"
            | "over"
            | "of"
            | "versus"
            | "vs"
            | "vs."
    )
}

/// Whether a figure follows at `j`, after at most two hedges.
fn fig_follows(s: &Sentence, mut j: usize) -> bool {
    for _ in 0..3 {
        match s.toks.get(j).map(|t| t.kind) {
            Some(TokKind::Fig(_)) => return true,
            Some(TokKind::Word) if phrases::is_hedge(s.word(j)) => j += 1,
            _ => return false,
        }
    }
    false
}

/// Cuts a trailing period, basis or hedge phrase from the words `a..b`.
fn trim_trailing(s: &Sentence, hits: &Hits, a: usize, mut b: usize) -> usize {
    loop {
        let before = b;
        // Trailing hedges and adverbs.
        while b > a
            && s.toks[b - 1].kind == TokKind::Word
            && matches!(
                s.word(b - 1),
                "also"
                    | "again"
                    | "both"
                    | "each"
                    | "all"
                    | "alone"
                    | "together"
                    | "combined"
                    | "overall"
                    | "respectively"
                    | "itself"
                    | "slightly"
                    | "just"
                    | "only"
                    | "still"
                    | "further"
                    | "significantly"
                    | "organically"
                    | "reported"
                    | "total"
            )
            && b - 1 > a
        {
            b -= 1;
        }
        // A trailing phrase of the basis/no-period tables.
        if let Some(h) = hits.iter().find(|h| {
            h.1 == b
                && h.0 > a
                && matches!(
                    h.2,
                    Phrase::Yoy
                        | Phrase::Qoq
                        | Phrase::Sequential
                        | Phrase::NoPeriod
                        | Phrase::SameBasis
                )
        }) {
            b = h.0;
        }
        // A trailing date, with the determiner and preposition before it
        // ("for the third quarter of 2017", "in fiscal 2016").
        if b > a && matches!(s.toks[b - 1].kind, TokKind::Date(_)) {
            while b > a && matches!(s.toks[b - 1].kind, TokKind::Date(_)) {
                b -= 1;
            }
            while b > a + 1
                && matches!(s.word(b - 1), "the" | "this" | "last" | "our")
            {
                b -= 1;
            }
            while b > a + 1
                && (period_prep(s.word(b - 1)) || s.word(b - 1) == "as")
            {
                b -= 1;
            }
        }
        // "... in the first quarter", "for the quarter", "this year":
        // back to a preposition or determiner when the phrase holds a
        // period word or a date.
        let mut j = b;
        let mut period = false;
        while j > a && b - j < 8 {
            let t = s.toks[j - 1];
            if let TokKind::Date(_) = t.kind {
                period = true;
            } else if t.kind == TokKind::Word {
                let w = s.word(j - 1);
                if phrases::is_period_word(w) {
                    period = true;
                } else if !period
                    && !matches!(
                        w,
                        "the"
                            | "this"
                            | "last"
                            | "of"
                            | "to"
                            | "ended"
                            | "ending"
                            | "fiscal"
                            | "calendar"
                            | "full"
                            | "same"
                            | "current"
                            | "prior"
                            | "previous"
                            | "first"
                            | "second"
                            | "third"
                            | "fourth"
                    )
                {
                    // Not a trailing period phrase: "said on Wednesday
                    // that clients" keeps "clients".
                    break;
                }
                if period
                    && (period_prep(w) || matches!(w, "this" | "last" | "the"))
                    && j - 1 > a
                {
                    // "the" only when nothing but a period follows.
                    b = j - 1;
                    if !matches!(w, "the") {
                        break;
                    }
                }
            } else {
                break;
            }
            j -= 1;
        }
        // Trailing punctuation.
        while b > a && matches!(s.toks[b - 1].kind, TokKind::Punct(_)) {
            b -= 1;
        }
        if b == before {
            return b;
        }
    }
}

/// Scans back from `b` over noun-phrase words; returns the start.
fn scan_back(s: &Sentence, a: usize, b: usize) -> usize {
    let mut j = b;
    let mut words = 0;
    while j > a && words < MAX_WORDS {
        let t = s.toks[j - 1];
        match t.kind {
            TokKind::Word => {
                let w = s.word(j - 1);
                // A number that is no figure ("623" cut from "413,623")
                // ends a metric.
                if words > 0
                    && w.as_bytes().first().is_some_and(u8::is_ascii_digit)
                {
                    break;
                }
                let class = phrases::word(w);
                // "ratio of loan loss to total loans", "debt to
                // capitalization": a ratio's "to" is inside the metric.
                let ratio_to = w == "to"
                    && j >= 2
                    && (j.saturating_sub(7)..j - 1).any(|k| {
                        matches!(s.word(k), "ratio" | "debt" | "loan")
                    });
                let stop = match class {
                    _ if ratio_to => false,
                    Word::Stop | Word::Conjunction => !inner_prep(w),
                    Word::Object | Word::Compare => true,
                    Word::Level => {
                        !matches!(w, "of" | "at" | "total") || j - 1 == a
                    }
                    Word::Change(_) => {
                        !matches!(
                            w,
                            "higher"
                                | "lower"
                                | "increased"
                                | "reduced"
                                | "expanded"
                                | "improved"
                                | "raised"
                                | "grow,"
                        ) || j == b
                    }
                    _ => false,
                };
                if stop && !(inner_prep(w) && j < b) {
                    break;
                }
                // "efficiency on collections resulted in free cash flow of
                // $219 million": a verb of result ends the metric.
                if j < b && result_verb(w, s.word(j)) {
                    break;
                }
                if inner_prep(w) && j == b {
                    break;
                }
                words += 1;
            }
            TokKind::Punct(b'-')
            | TokKind::Punct(b'.')
            | TokKind::Punct(b'(')
            | TokKind::Punct(b')') => {
                if j - 1 > a
                    && s.toks[j - 2].end == t.start
                    && t.end == s.toks[j].start
                {
                    // A joined hyphen: "non-GAAP" split oddly.
                } else {
                    break;
                }
            }
            TokKind::Date(_) => {
                // "fourth-quarter revenue": a date in front is not part of
                // the metric, and ends it.
                break;
            }
            _ => break,
        }
        j -= 1;
    }
    j
}

/// "resulted in", "amounted to", "led to": a verb and its preposition
/// that put the metric after them.
fn result_verb(w: &str, next: &str) -> bool {
    matches!(
        (w, next),
        ("resulted" | "resulting" | "results", "in")
            | ("amounted" | "amounting" | "led" | "leading", "to")
            | ("translated" | "translating", "into" | "to")
    )
}

/// "the segment contributed $88 million of gross profit", "we generated
/// $142 million of operating cash flow": a verb that yields an amount of
/// the metric named after the figure.
fn yields_amount(w: &str) -> bool {
    matches!(
        w,
        "contributed"
            | "contributes"
            | "generated"
            | "generates"
            | "produced"
            | "produces"
            | "delivered"
            | "delivers"
            | "added"
            | "adds"
            | "incurred"
            | "incurs"
    )
}

/// Cuts leading determiners, possessive names, prepositions and hedges.
fn trim_leading(s: &Sentence, mut a: usize, b: usize) -> usize {
    // "Brightlane Talent’s AI-linked demand": a capitalized name of up to
    // four words with a possessive goes whole.
    let capital = |j: usize| {
        s.toks[j].kind == TokKind::Word
            && s.text.as_bytes()[s.toks[j].start - s.base].is_ascii_uppercase()
    };
    if let Some(k) = (a..b.min(a + 4)).take_while(|&j| capital(j)).find(|&j| {
        let w = s.word(j);
        w.ends_with("'s") || w.ends_with("’s") || w.ends_with("s'")
    }) && k + 1 < b
    {
        a = k + 1;
    }
    while a < b {
        let w = s.word(a);
        let t = s.toks[a];
        let possessive = t.kind == TokKind::Word
            && (w.ends_with("'s") || w.ends_with("’s") || w.ends_with("s'"))
            && s.text.as_bytes()[t.start - s.base].is_ascii_uppercase();
        // "a drop in net income": the change noun and its "in" go.
        if matches!(phrases::word(w), Word::ChangeNoun(_) | Word::Change(_))
            && s.word(a + 1) == "in"
            && a + 2 < b
        {
            a += 2;
            continue;
        }
        // Headline period markers: "qtrly revenue", "fy adjusted EPS".
        let marker = matches!(
            w,
            "qtrly"
                | "qtr"
                | "fy"
                | "q1"
                | "q2"
                | "q3"
                | "q4"
                | "ytd"
                | "h1"
                | "h2"
        ) && a + 1 < b;
        let lead = marker
            || matches!(
                phrases::word(w),
                Word::Determiner | Word::Hedge | Word::Stop
            )
            || inner_prep(w)
            || matches!(w, "total" if false)
            || possessive
            || t.kind != TokKind::Word
            || phrases::is_period_word(w)
                && !matches!(w, "prior")
                && a + 1 < b
                && phrases::is_period_word(s.word(a + 1))
                    .then_some(())
                    .is_some();
        if !lead {
            break;
        }
        a += 1;
    }
    a
}

/// A metric span `a..b` (tokens), or `None` when the words are no metric.
fn accept(s: &Sentence, a: usize, b: usize) -> Option<(usize, usize)> {
    if a >= b {
        return None;
    }
    let n_words = (a..b).filter(|&j| s.toks[j].kind == TokKind::Word).count();
    if n_words == 0 {
        return None;
    }
    if n_words == 1 && phrases::is_empty_metric(s.word(a)) {
        return None;
    }
    // Numbers that are no figures are no metric.
    if (a..b).all(|j| {
        s.toks[j].kind != TokKind::Word
            || s.word(j).as_bytes().first().is_some_and(u8::is_ascii_digit)
    }) {
        return None;
    }
    if (a..b).all(|j| {
        phrases::is_period_word(s.word(j)) || s.toks[j].kind != TokKind::Word
    }) {
        return None;
    }
    Some((a, b))
}

/// The metric after the figure at `f`: "$142 million of operating cash
/// flow", "a 7% decline in bookings", "14 new stores".
fn after(
    s: &Sentence,
    c: &Clause,
    hits: &Hits,
    f: usize,
) -> Option<(usize, usize)> {
    let mut j = f + 1;
    // Skip a change noun: "a 7% decline in X".
    while j < c.end
        && matches!(
            phrases::word(s.word(j)),
            Word::ChangeNoun(_) | Word::Change(_)
        )
    {
        j += 1;
    }
    let a = if matches!(s.word(j), "of" | "in" | "for") {
        j + 1
    } else if j == f + 1
        && s.toks.get(j).is_some_and(|t| t.kind == TokKind::Word)
    {
        // "We own 4,942 unsold finished lots".
        j
    } else {
        return None;
    };
    let mut b = a;
    while b < c.end && b - a < MAX_WORDS && s.toks[b].kind == TokKind::Word {
        let w = s.word(b);
        if matches!(
            phrases::word(w),
            Word::Stop
                | Word::Conjunction
                | Word::Change(_)
                | Word::Level
                | Word::Object
                | Word::Compare
        ) && !matches!(w, "of")
        {
            break;
        }
        // "855,000 clients used ChatGPT": the counted noun, not the verb.
        if b > a && w.ends_with("ed") {
            break;
        }
        b += 1;
    }
    let mut b = trim_trailing(s, hits, a, b);
    // "of gross profit in the second quarter": no dangling preposition.
    while b > a
        && inner_prep(s.word(b - 1))
        && s.toks.get(b).is_some_and(|t| matches!(t.kind, TokKind::Date(_)))
    {
        b -= 1;
    }
    let a = trim_leading(s, a, b);
    accept(s, a, b)
}

/// The metric of a clause, as a token span.
pub fn metric(
    s: &Sentence,
    c: &Clause,
    hits: &Hits,
    _mentions: &[Mention],
) -> Option<(usize, usize)> {
    let anc = anchor(s, c)?;
    // "Our board raised the quarterly dividend by 7.1% to $0.6775": a
    // change verb with a determiner after it is transitive, and its object
    // is the metric.
    let transitive = anc > c.start
        && s.toks[anc].kind == TokKind::Word
        && matches!(phrases::word(s.word(anc)), Word::Change(_))
        && s.word(anc).ends_with("ed")
        && s.toks.get(anc + 1).is_some_and(|t| t.kind == TokKind::Word)
        && matches!(s.word(anc + 1), "the" | "our" | "its" | "their");
    // "The platform saw clients engaged in AI work increase 43%": after an
    // object verb, the noun phrase up to the next anchor is the metric.
    if s.toks[anc].kind == TokKind::Word
        && (transitive || phrases::word(s.word(anc)) == Word::Object)
    {
        let inner = Clause { start: anc + 1, ..*c };
        // "we expect adjusted EBITDA between $725 million and $765
        // million": the noun phrase may end right at the range.
        let before_fig = |next: usize| {
            let mut b = next;
            if matches!(s.toks[next].kind, TokKind::Fig(_)) {
                if b > anc + 1 && matches!(s.word(b - 1), "between" | "around")
                    || transitive
                        && b > anc + 2
                        && matches!(s.word(b - 1), "by" | "to")
                {
                    b -= 1;
                } else {
                    return None;
                }
            }
            Some(b)
        };
        // Not an infinitive: "expects to spend between $450 million and
        // $475 million on capital expenditures" is about what follows.
        if s.word(anc + 1) != "to"
            && let Some(next) = anchor(s, &inner)
            && next > anc + 1
            && let Some(next) = before_fig(next)
            && next > anc + 1
        {
            let b = trim_trailing(s, hits, anc + 1, next);
            let a = trim_leading(s, anc + 1, b);
            if (a..b).all(|j| {
                s.toks[j].kind == TokKind::Word
                    && !matches!(
                        phrases::word(s.word(j)),
                        Word::Stop | Word::Conjunction
                    )
                    || inner_prep(s.word(j))
            }) && let Some(m) = accept(s, a, b)
            {
                return Some(m);
            }
        }
    }
    // "The segment contributed $88 million of gross profit": the metric is
    // what the amount is of.
    if matches!(s.toks[anc].kind, TokKind::Fig(_))
        && anc > c.start
        && yields_amount(s.word(anc - 1))
        && s.word(anc + 1) == "of"
        && let Some(m) = after(s, c, hits, anc)
    {
        return Some(m);
    }
    // A fronted "Sequentially," or "On a GAAP basis," is not the metric.
    let mut b = trim_trailing(s, hits, c.start, anc);
    // "Income tax expense as a percentage of pretax income": X.
    if let Some(k) = (c.start..b).find(|&k| {
        s.word(k) == "as"
            && s.word(k + 1) == "a"
            && matches!(s.word(k + 2), "percentage" | "percent" | "share")
    }) && k > c.start
    {
        b = trim_trailing(s, hits, c.start, k);
    }
    // "Interest expense will be about $60 million", "Capex should come
    // in at": the modal before the verb is no end of the metric.
    while b > c.start + 1
        && matches!(
            s.word(b - 1),
            "will" | "would" | "should" | "could" | "may" | "might" | "can"
        )
    {
        b -= 1;
    }
    // "Operating expense guidance is $440 million to $450 million": the
    // metric is what the guidance is for.
    if b > c.start + 1
        && matches!(s.word(b - 1), "guidance" | "outlook" | "forecast")
        && s.toks[b - 2].kind == TokKind::Word
        && !matches!(
            phrases::word(s.word(b - 2)),
            Word::Stop | Word::Determiner | Word::Conjunction
        )
    {
        b -= 1;
    }
    let a = scan_back(s, c.start, b);
    let a = trim_leading(s, a, b);
    if let Some(m) = accept(s, a, b) {
        // "X growth was N%": keep the change noun.
        return Some(m);
    }
    // Nothing before: the metric follows the first figure.
    let f =
        (anc..c.end).find(|&j| matches!(s.toks[j].kind, TokKind::Fig(_)))?;
    after(s, c, hits, f)
}

/// The metric text: the tokens' original text, with white space collapsed.
pub fn text(s: &Sentence, (a, b): (usize, usize)) -> String {
    let raw = s.span_text(a, b);
    let mut out = String::with_capacity(raw.len());
    for (k, w) in raw.split_whitespace().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}
