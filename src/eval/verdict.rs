//! Scoring `verdict` records (`claimscan crosscheck`) against gold ones.
//!
//! Each gold verdict with a label is matched to the predicted verdict of
//! the same document whose figures overlap its figures most (figure spans
//! in code points); a gold verdict without one counts as predicted
//! `none`. Predicted verdicts that match no gold verdict but overlap a
//! gold verdict's span (a line the gold covers, labelled or not) count
//! against the precision of their label; others are not scored (the gold
//! need not cover every line).

use std::collections::BTreeMap;

use serde::Serialize;

use super::Prf;

/// The labels, in report order; `none` is a gold verdict nothing matched.
pub const LABELS: [&str; 3] = ["supported", "contradicted", "absent"];

/// One verdict record as scored.
#[derive(Clone, Debug, PartialEq)]
pub struct VerdictRec {
    /// The coverage document.
    pub doc: String,
    /// The claim's span (code points).
    pub start: usize,
    /// End of the span.
    pub end: usize,
    /// The label; `None` in gold for a line whose digits are only dates.
    pub label: Option<String>,
    /// The figures' spans (code points).
    pub figures: Vec<(usize, usize)>,
}

/// Verdict scores.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct VerdictScore {
    /// Gold verdicts with a label.
    pub gold: usize,
    /// Share of them whose matched verdict has the same label.
    pub accuracy: f64,
    /// Gold label → predicted label (or `none`) → count.
    pub confusion: BTreeMap<String, BTreeMap<String, usize>>,
    /// Per label.
    pub labels: BTreeMap<String, Prf>,
    /// Predicted verdicts on gold-covered spans that match no gold verdict,
    /// per label.
    pub extra: BTreeMap<String, usize>,
}

fn overlap(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

/// Scores predicted verdicts against gold verdicts.
pub fn score(gold: &[VerdictRec], pred: &[VerdictRec]) -> VerdictScore {
    let mut by_doc: BTreeMap<&str, Vec<(usize, &VerdictRec)>> =
        BTreeMap::new();
    for (i, v) in pred.iter().enumerate() {
        by_doc.entry(v.doc.as_str()).or_default().push((i, v));
    }
    let mut used = vec![false; pred.len()];
    let mut s = VerdictScore::default();
    for l in LABELS {
        let row = s.confusion.entry(l.to_string()).or_default();
        for p in LABELS.iter().chain(&["none"]) {
            row.insert(p.to_string(), 0);
        }
        s.extra.insert(l.to_string(), 0);
    }
    for g in gold {
        let Some(label) = &g.label else { continue };
        let mut best: Option<(usize, usize)> = None;
        for &(i, v) in by_doc.get(g.doc.as_str()).into_iter().flatten() {
            let ov: usize = g
                .figures
                .iter()
                .flat_map(|&gf| {
                    v.figures.iter().map(move |&vf| overlap(gf, vf))
                })
                .sum();
            if ov > 0 && best.is_none_or(|(_, b)| ov > b) {
                best = Some((i, ov));
            }
        }
        let got = match best {
            Some((i, _)) => {
                used[i] = true;
                pred[i].label.clone().unwrap_or_else(|| "none".into())
            }
            None => "none".into(),
        };
        s.gold += 1;
        *s.confusion
            .entry(label.clone())
            .or_default()
            .entry(got)
            .or_default() += 1;
    }
    for (i, v) in pred.iter().enumerate() {
        if used[i] {
            continue;
        }
        let covered = gold.iter().any(|g| {
            g.doc == v.doc && overlap((g.start, g.end), (v.start, v.end)) > 0
        });
        if covered && let Some(l) = &v.label {
            *s.extra.entry(l.clone()).or_default() += 1;
        }
    }
    let right: usize = LABELS
        .iter()
        .map(|l| {
            s.confusion.get(*l).and_then(|r| r.get(*l)).copied().unwrap_or(0)
        })
        .sum();
    s.accuracy = if s.gold == 0 { 0.0 } else { right as f64 / s.gold as f64 };
    for l in LABELS {
        let tp = s.confusion[l][l];
        let predicted: usize =
            LABELS.iter().map(|g| s.confusion[*g][l]).sum::<usize>()
                + s.extra[l];
        let actual: usize = s.confusion[l].values().sum();
        s.labels.insert(l.to_string(), Prf::new(tp, actual, predicted));
    }
    s
}

/// The score as a small table.
pub fn render(s: &VerdictScore) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "verdicts: {} gold with a label; label accuracy {:.3}",
        s.gold, s.accuracy
    );
    let _ = writeln!(
        out,
        "  gold \\ predicted   supported contradicted absent none"
    );
    for l in LABELS {
        let r = &s.confusion[l];
        let _ = writeln!(
            out,
            "  {l:<18} {:>9} {:>12} {:>6} {:>4}",
            r["supported"], r["contradicted"], r["absent"], r["none"]
        );
    }
    let _ = writeln!(
        out,
        "  unmatched verdicts on gold lines: supported {}, contradicted {}, absent {}",
        s.extra["supported"], s.extra["contradicted"], s.extra["absent"]
    );
    for l in LABELS {
        let p = &s.labels[l];
        let _ = writeln!(
            out,
            "  {l:<13} precision {:.3} recall {:.3} F1 {:.3}",
            p.precision, p.recall, p.f1
        );
    }
    out
}
