//! Figures of a coverage document the claim stage made no claim of.
//!
//! Wire summaries are terse and oddly built ("anticipates that local
//! currency sales growth in q1 will be approximately 0% to 1%", "$1,404.1
//! billion in ending aum at quarter-end"), and the claim stage may pass a
//! figure by. Crosscheck still owes it a verdict: each such figure gets a
//! claim of its own, read plainly from its sentence (the words before it,
//! or after it when none come before, as the metric; a date mention of
//! the sentence as the period; guidance words; a direction word before a
//! percent makes it a change; "X to Y" a range). These claims are read
//! loosely, so they may be supported, never contradicted.

use crate::claim::concept::sentence_start;
use crate::record::{Change, Claim, Kind, Level, Mention};

use super::{direction_in, period, sentence_end};

/// Words of a summary sentence that make its figure guidance.
const FORWARD: &[&str] = &[
    "anticipat",
    "expect",
    "sees ",
    "project",
    "forecast",
    "guidance",
    "outlook",
    "will be",
    "could ",
    "plans to",
    "planned",
    "target",
    "estimates ",
];

/// Do the words between a level and the next figure make that figure
/// its comparison point (", compared to inflows of", " versus an expense
/// of")? Short, and (after the last comma) opening on a comparison word.
pub(super) fn comparison_between(between: &str) -> bool {
    // A date of the level may come first ("$24.5 billion for q1 of 2021,
    // compared to"): the words after the last comma.
    let after_comma = between.rsplit(',').next().unwrap_or(between);
    let t = after_comma.trim_start().to_ascii_lowercase();
    between.len() <= 80
        && t.len() <= 50
        && ["compared to", "compared with", "versus", "vs. ", "vs "]
            .iter()
            .any(|w| t.starts_with(w))
}

/// Claims for the figures of `claims`' document that none of them holds.
/// A figure right before a claim's own, as the low end of its range
/// ("between $450 million and $475 million") or a change right after a
/// claim's level with no measure named between ("net sales of $4.4
/// billion up 6%"), joins that claim instead (a claim with several
/// figures is judged on all of them).
pub fn claims(
    text: &str,
    mentions: &[Mention],
    claims: &mut [Claim],
) -> Vec<Claim> {
    let close = |m: &Mention, x: f64| {
        m.value
            .as_f64()
            .is_some_and(|v| (v - x).abs() <= 1e-9 * v.abs().max(1.0))
    };
    let holder = |claims: &[Claim], i: usize, m: &Mention| {
        claims.iter().position(|c| {
            c.mentions.contains(&i)
                || (c.start <= m.start
                    && m.end <= c.end
                    && ([&c.value, &c.high, &c.from, &c.to].iter().any(|l| {
                        l.as_ref().is_some_and(|l| close(m, l.value))
                    }) || c
                        .change
                        .as_ref()
                        .is_some_and(|ch| close(m, ch.value))))
        })
    };
    let figure = |m: &Mention| match m.kind {
        Kind::Percent | Kind::Money => true,
        Kind::Count => m.unit.is_some(),
        _ => false,
    };
    let mut out = Vec::new();
    let mut skip = None;
    for (i, m) in mentions.iter().enumerate() {
        if Some(i) == skip || !figure(m) || holder(claims, i, m).is_some() {
            continue;
        }
        let Some(v) = m.value.as_f64() else { continue };
        let lo = sentence_start(text, m.start);
        let hi = sentence_end(text, m.end);
        let lead = &text[lo..m.start];
        let lower = text[lo..hi].to_ascii_lowercase();
        let lead_lower = lead.to_ascii_lowercase();
        // The metric: the words before the figure (after the last comma
        // when words come after it), else the words after it up to a
        // comma.
        let part = lead.rsplit([',', ';']).next().unwrap_or(lead);
        let metric = if part
            .split_whitespace()
            .any(|w| w.len() > 2 && w.bytes().all(|b| b.is_ascii_alphabetic()))
        {
            part.trim().to_string()
        } else {
            let rest = text.get(m.end..hi).unwrap_or("");
            rest[..rest.find([',', ';']).unwrap_or(rest.len())]
                .trim()
                .to_string()
        };
        // A range's upper end: the next figure of the kind after "to".
        let next = mentions.get(i + 1).filter(|n| {
            n.kind == m.kind
                && n.unit == m.unit
                && text.get(m.end..n.start).is_some_and(|gap| {
                    matches!(gap.trim(), "to" | "-" | "–" | "and" | "through")
                })
        });
        if let Some(n) = next {
            skip = Some(i + 1);
            // The low end of a claim's range.
            if let Some(k) = holder(claims, i + 1, n)
                && let Some(c) = claims.get_mut(k)
                && c.high.is_none()
                && c.value.as_ref().is_some_and(|l| close(n, l.value))
            {
                c.high = c.value.take();
                c.value = Some(Level {
                    value: v,
                    unit: m.unit.clone(),
                    kind: m.kind,
                });
                c.mentions.push(i);
                continue;
            }
        }
        let level = |v: f64, m: &Mention| Level {
            value: v,
            unit: m.unit.clone(),
            kind: m.kind,
        };
        // A comparison point right after a claim's level ("inflows were
        // $24.5 billion, compared to inflows of $9.8 billion in q4"): the
        // claim's earlier level (`from`), judged with it.
        if next.is_none()
            && let Some((j, p)) = mentions[..i]
                .iter()
                .enumerate()
                .rfind(|(_, p)| p.kind != Kind::Date)
                .filter(|(_, p)| p.end > lo && p.end <= m.start)
            && comparison_between(&text[p.end..m.start])
            && let Some(k) = holder(claims, j, p)
            && let Some(h) = claims.get_mut(k)
            && h.from.is_none()
            && h.high.is_none()
            && h.to.is_none()
            && h.value.as_ref().is_some_and(|l| {
                l.kind == m.kind && l.unit == m.unit && close(p, l.value)
            })
        {
            h.from = Some(level(v, m));
            h.mentions.push(i);
            continue;
        }
        let tail = &lead_lower[lead_lower.len().saturating_sub(40)..];
        let tail = tail.get(..).unwrap_or("");
        let direction = (m.kind == Kind::Percent
            && m.unit.as_deref() == Some("%"))
        .then(|| direction_in(tail))
        .flatten();
        let period = mentions
            .iter()
            .filter(|d| {
                d.kind == Kind::Date
                    && !d.is_vague_date()
                    && d.start >= lo
                    && d.end <= hi
            })
            .filter_map(|d| d.value.as_text())
            .filter(|p| {
                p.starts_with(|c: char| {
                    c.is_ascii_digit() || c == 'X' || c == 'F'
                })
            })
            .map(|p| (p, period::Period::parse(p)))
            .filter(|(_, p)| {
                matches!(
                    p.part,
                    period::Part::Quarter(_)
                        | period::Part::Half(_)
                        | period::Part::Year
                )
            })
            .min_by_key(|(_, p)| matches!(p.part, period::Part::Year))
            .map(|(s, _)| s.to_string());
        let mut c = Claim {
            start: lo + (lead.len() - lead.trim_start().len()),
            end: hi,
            metric,
            period,
            forward: FORWARD.iter().any(|w| lower.contains(w)),
            mentions: vec![i],
            ..Claim::default()
        };
        // The figure before this one in the sentence, when no measure is
        // named between them.
        let prev = mentions[..i]
            .iter()
            .enumerate()
            .rfind(|(_, p)| p.kind != Kind::Date)
            .filter(|(_, p)| p.end > lo && p.end <= m.start)
            .filter(|(_, p)| {
                let between = &text[p.end..m.start];
                let part =
                    between.rsplit([',', ';']).next().unwrap_or(between);
                crate::claim::concept::last_phrase(part).is_none()
            });
        match direction {
            Some(d) => {
                let change = Change { value: v, unit: m.unit.clone() };
                // A change right after a level with no measure between.
                if let Some((j, p)) = prev {
                    if let Some(k) = holder(claims, j, p)
                        && let Some(h) = claims.get_mut(k)
                        && h.change.is_none()
                        && h.from.is_none()
                        && h.value.is_some()
                    {
                        h.change = Some(change);
                        h.direction = Some(d);
                        h.mentions.push(i);
                        continue;
                    }
                    if let Some(o) = out.last_mut().filter(|o: &&mut Claim| {
                        o.mentions.first() == Some(&j)
                    }) && o.change.is_none()
                    {
                        o.change = Some(change);
                        o.direction = Some(d);
                        o.mentions.push(i);
                        o.end = hi;
                        continue;
                    }
                }
                c.change = Some(change);
                c.direction = Some(d);
            }
            None => {
                c.value = Some(level(v, m));
                c.high = next.and_then(|n| Some(level(n.value.as_f64()?, n)));
            }
        }
        if !c.metric.is_empty() {
            out.push(c);
        }
    }
    out
}
