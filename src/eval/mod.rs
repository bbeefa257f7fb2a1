/*!
Scoring predicted records against gold records in the same contract.

This is what `claimscan eval` runs, and what CI pipelines use to fail a
build when extraction gets worse. Both sides are JSON Lines of contract
records (`mention`, `claim`, and optionally `doc` lines that declare a
document with no gold records).

# What is scored

- Only documents that appear in the gold file (any record type) are
  scored; predictions for other documents are counted as `ignored`.
- Only mention kinds that appear in the gold file (or are named with
  [`Options::kinds`]) are scored, so a date-only gold set is not penalised
  for the percentages we also find.
- **Mentions**, per kind and overall (micro-averaged): precision, recall and
  F1 with *exact* spans (same start and end) and with *overlapping* spans
  (one-to-one: each gold and each predicted mention is used at most once,
  pairs are taken by largest overlap first). Duplicate records count as
  many times as they appear. **Value accuracy** is measured over the
  overlap-matched pairs whose gold value is not null: numbers must agree to
  a relative 1e-6, strings exactly; unit accuracy likewise.
- **Claims**: a gold and a predicted claim match when their spans overlap
  and they agree on a figure (value, change or from) or on the metric's
  head word (one-to-one, most agreeing fields first, then largest
  overlap): a sentence with two comparisons pairs each with its own.
  Precision, recall, F1 of that matching, then, over matched pairs, the
  accuracy of each field: metric, subject, value, change, direction, from,
  to, basis, period, speaker, forward, and `metric_head`, `from_to`,
  `value_change`. Text fields are compared case-insensitively with white
  space collapsed; numbers to a relative 1e-6 (a gold range, with its
  upper end in `high`, accepts either end or its middle); units for money
  and percent (a count's counted noun is not scored).
*/

mod report;
pub mod verdict;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::Serialize;
use serde_json::Value as Json;

pub use report::{render_diff, render_table};

use crate::record::Kind;

/// A malformed input line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    /// Which file ("gold" or a path).
    pub source: String,
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.source, self.line, self.message)
    }
}

impl std::error::Error for LoadError {}

/// A mention record, as far as scoring needs it.
#[derive(Clone, Debug, PartialEq)]
pub struct MentionRec {
    /// Document id.
    pub doc: String,
    /// Kind name.
    pub kind: String,
    /// Code-point span.
    pub start: usize,
    /// Code-point span end.
    pub end: usize,
    /// Surface text.
    pub text: String,
    /// Normalized value (may be null).
    pub value: Json,
    /// Unit (may be null).
    pub unit: Json,
}

/// A claim record, as far as scoring needs it.
#[derive(Clone, Debug, PartialEq)]
pub struct ClaimRec {
    /// Document id.
    pub doc: String,
    /// Code-point span.
    pub start: usize,
    /// Code-point span end.
    pub end: usize,
    /// The clause text.
    pub text: String,
    /// Every field of the record.
    pub fields: serde_json::Map<String, Json>,
}

/// The records of one file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Records {
    /// Every document named by any record.
    pub docs: BTreeSet<String>,
    /// Mention records.
    pub mentions: Vec<MentionRec>,
    /// Claim records.
    pub claims: Vec<ClaimRec>,
    /// Verdict records (`claimscan crosscheck`).
    pub verdicts: Vec<verdict::VerdictRec>,
}

fn field<'a>(
    o: &'a serde_json::Map<String, Json>,
    k: &str,
) -> Result<&'a Json, String> {
    o.get(k).ok_or_else(|| format!("missing field {k:?}"))
}

fn text_of(o: &serde_json::Map<String, Json>) -> String {
    o.get("text").and_then(Json::as_str).unwrap_or("").to_string()
}

fn as_usize(v: &Json, k: &str) -> Result<usize, String> {
    v.as_u64()
        .map(|n| n as usize)
        .ok_or_else(|| format!("field {k:?} is not a non-negative integer"))
}

fn as_string(v: &Json, k: &str) -> Result<String, String> {
    v.as_str()
        .map(str::to_string)
        .ok_or_else(|| format!("field {k:?} is not a string"))
}

impl Records {
    /// Parses JSON Lines. Blank lines are skipped; record types other than
    /// `mention`, `claim` and `doc` (e.g. `error`) only declare their
    /// document.
    pub fn parse(text: &str, source: &str) -> Result<Records, LoadError> {
        let mut r = Records::default();
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let err = |message: String| LoadError {
                source: source.to_string(),
                line: i + 1,
                message,
            };
            let v: Json = serde_json::from_str(line)
                .map_err(|e| err(format!("not JSON: {e}")))?;
            let o = v
                .as_object()
                .ok_or_else(|| err("not a JSON object".into()))?;
            let ty = field(o, "type")
                .and_then(|t| as_string(t, "type"))
                .map_err(err)?;
            let doc = o
                .get("doc")
                .and_then(Json::as_str)
                .map(str::to_string)
                .or_else(|| {
                    o.get("path").and_then(Json::as_str).map(str::to_string)
                });
            match ty.as_str() {
                "mention" => {
                    let rec = (|| -> Result<MentionRec, String> {
                        let doc = as_string(field(o, "doc")?, "doc")?;
                        let kind = as_string(field(o, "kind")?, "kind")?;
                        let start = as_usize(field(o, "start")?, "start")?;
                        let end = as_usize(field(o, "end")?, "end")?;
                        if end < start {
                            return Err(format!(
                                "end {end} is before start {start}"
                            ));
                        }
                        Ok(MentionRec {
                            doc,
                            kind,
                            start,
                            end,
                            text: text_of(o),
                            value: o
                                .get("value")
                                .cloned()
                                .unwrap_or(Json::Null),
                            unit: o.get("unit").cloned().unwrap_or(Json::Null),
                        })
                    })()
                    .map_err(err)?;
                    r.docs.insert(rec.doc.clone());
                    r.mentions.push(rec);
                }
                "claim" => {
                    let rec = (|| -> Result<ClaimRec, String> {
                        let doc = as_string(field(o, "doc")?, "doc")?;
                        let start = as_usize(field(o, "start")?, "start")?;
                        let end = as_usize(field(o, "end")?, "end")?;
                        Ok(ClaimRec {
                            doc,
                            start,
                            end,
                            text: text_of(o),
                            fields: o.clone(),
                        })
                    })()
                    .map_err(err)?;
                    r.docs.insert(rec.doc.clone());
                    r.claims.push(rec);
                }
                "verdict" => {
                    let rec = (|| -> Result<verdict::VerdictRec, String> {
                        let doc = as_string(field(o, "doc")?, "doc")?;
                        let start = as_usize(field(o, "start")?, "start")?;
                        let end = as_usize(field(o, "end")?, "end")?;
                        let label = match o.get("label") {
                            None | Some(Json::Null) => None,
                            Some(l) => Some(as_string(l, "label")?),
                        };
                        let mut figures = Vec::new();
                        for f in o
                            .get("figures")
                            .and_then(Json::as_array)
                            .into_iter()
                            .flatten()
                        {
                            if let (Some(s), Some(e)) = (
                                f.get("start").and_then(Json::as_u64),
                                f.get("end").and_then(Json::as_u64),
                            ) {
                                figures.push((s as usize, e as usize));
                            }
                        }
                        Ok(verdict::VerdictRec {
                            doc,
                            start,
                            end,
                            label,
                            figures,
                        })
                    })()
                    .map_err(err)?;
                    r.docs.insert(rec.doc.clone());
                    r.verdicts.push(rec);
                }
                _ => {
                    if let Some(d) = doc {
                        r.docs.insert(d);
                    }
                }
            }
        }
        Ok(r)
    }
}

/// Precision, recall, F1 from counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Prf {
    /// Matched pairs.
    pub tp: usize,
    /// tp / predicted (1 when nothing was predicted).
    pub precision: f64,
    /// tp / gold (1 when there is no gold).
    pub recall: f64,
    /// Harmonic mean (0 when both are 0).
    pub f1: f64,
}

impl Prf {
    /// From matched, gold and predicted counts.
    pub fn new(tp: usize, gold: usize, pred: usize) -> Prf {
        let precision = if pred == 0 { 1.0 } else { tp as f64 / pred as f64 };
        let recall = if gold == 0 { 1.0 } else { tp as f64 / gold as f64 };
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        Prf { tp, precision, recall, f1 }
    }
}

/// An accuracy with its counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Accuracy {
    /// Correct.
    pub correct: usize,
    /// Compared.
    pub total: usize,
    /// correct / total, or null when nothing was compared.
    pub accuracy: Option<f64>,
}

impl Accuracy {
    fn add(&mut self, ok: bool) {
        self.total += 1;
        self.correct += usize::from(ok);
        self.accuracy = Some(self.correct as f64 / self.total as f64);
    }
}

/// Scores for one mention kind (or all of them).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct KindScore {
    /// Gold mentions.
    pub gold: usize,
    /// Predicted mentions.
    pub pred: usize,
    /// Exact-span matching.
    pub exact: Prf,
    /// Overlapping-span matching (one-to-one).
    pub overlap: Prf,
    /// Value accuracy over overlap-matched pairs with a gold value.
    pub value: Accuracy,
    /// Unit accuracy over overlap-matched pairs with a gold value.
    pub unit: Accuracy,
}

/// Claim scores.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ClaimScore {
    /// Gold claims.
    pub gold: usize,
    /// Predicted claims.
    pub pred: usize,
    /// Overlap matching of claim spans.
    pub matched: Prf,
    /// Field accuracy over matched pairs.
    pub fields: BTreeMap<String, Accuracy>,
}

/// One missed or spurious record, for `--diff`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DiffItem {
    /// "missed" (gold, not predicted) or "spurious" (predicted, not gold)
    /// or "value" (matched, wrong value).
    pub what: &'static str,
    /// Document.
    pub doc: String,
    /// Kind ("claim" for claims).
    pub kind: String,
    /// Span.
    pub start: usize,
    /// Span end.
    pub end: usize,
    /// Surface text.
    pub text: String,
    /// Gold value (for "value" items) or the record's value.
    pub expected: Json,
    /// Predicted value (for "value" items).
    pub got: Json,
}

/// The whole evaluation.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Report {
    /// Documents scored.
    pub documents: usize,
    /// Predicted records ignored (documents or kinds not in the gold).
    pub ignored: usize,
    /// Per kind.
    pub kinds: BTreeMap<String, KindScore>,
    /// All scored kinds together.
    pub overall: KindScore,
    /// Claims, when the gold has any.
    pub claims: Option<ClaimScore>,
    /// Verdicts, when the gold has any.
    pub verdicts: Option<verdict::VerdictScore>,
    /// Misses and spurious records.
    #[serde(skip)]
    pub diff: Vec<DiffItem>,
}

/// What to score.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Kinds to score even when the gold has none of them.
    pub kinds: Vec<Kind>,
}

fn num_eq(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1.0)
}

fn norm_text(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// Compares two JSON values: numbers to a relative 1e-6, strings
/// case-insensitively with white space collapsed when `loose`, objects
/// field by field.
pub fn values_agree(a: &Json, b: &Json, loose: bool) -> bool {
    match (a, b) {
        (Json::Number(x), Json::Number(y)) => num_eq(
            x.as_f64().unwrap_or(f64::NAN),
            y.as_f64().unwrap_or(f64::NAN),
        ),
        (Json::String(x), Json::String(y)) => {
            if loose {
                norm_text(x) == norm_text(y)
            } else {
                x == y
            }
        }
        (Json::Object(x), Json::Object(y)) => {
            let keys: BTreeSet<&String> = x.keys().chain(y.keys()).collect();
            keys.into_iter().all(|k| {
                values_agree(
                    x.get(k).unwrap_or(&Json::Null),
                    y.get(k).unwrap_or(&Json::Null),
                    loose,
                )
            })
        }
        _ => a == b,
    }
}

/// One-to-one matching of spans by largest overlap first (ties: earlier
/// gold, then earlier prediction). Returns (gold index, pred index) pairs.
fn match_spans(
    gold: &[(usize, usize)],
    pred: &[(usize, usize)],
    exact: bool,
) -> Vec<(usize, usize)> {
    let mut cands: Vec<(usize, usize, usize)> = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        for (pi, p) in pred.iter().enumerate() {
            if exact {
                if g == p {
                    cands.push((usize::MAX, gi, pi));
                }
                continue;
            }
            let lo = g.0.max(p.0);
            let hi = g.1.min(p.1);
            // Empty spans overlap only an identical empty span.
            if hi > lo || (g == p) {
                cands.push((hi.saturating_sub(lo), gi, pi));
            }
        }
    }
    cands
        .sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    take_pairs(cands.into_iter().map(|c| (c.1, c.2)), gold.len(), pred.len())
}

/// Takes (gold, pred) pairs in the given order, each side at most once;
/// returns them sorted.
fn take_pairs(
    ordered: impl Iterator<Item = (usize, usize)>,
    n_gold: usize,
    n_pred: usize,
) -> Vec<(usize, usize)> {
    let mut gu = vec![false; n_gold];
    let mut pu = vec![false; n_pred];
    let mut out = Vec::new();
    for (gi, pi) in ordered {
        if !gu[gi] && !pu[pi] {
            gu[gi] = true;
            pu[pi] = true;
            out.push((gi, pi));
        }
    }
    out.sort_unstable();
    out
}

/// The claim fields whose accuracy is reported.
pub const CLAIM_FIELDS: [&str; 11] = [
    "metric",
    "subject",
    "value",
    "change",
    "direction",
    "from",
    "to",
    "basis",
    "period",
    "speaker",
    "forward",
];

/// The gold and predicted mentions of one (kind, document).
type GoldPred<'a> = (Vec<&'a MentionRec>, Vec<&'a MentionRec>);

/// Scores `pred` against `gold`.
pub fn evaluate(gold: &Records, pred: &Records, opts: &Options) -> Report {
    let mut report =
        Report { documents: gold.docs.len(), ..Report::default() };
    if !gold.verdicts.is_empty() {
        report.verdicts = Some(verdict::score(&gold.verdicts, &pred.verdicts));
    }
    let mut kinds: BTreeSet<String> =
        gold.mentions.iter().map(|m| m.kind.clone()).collect();
    kinds.extend(opts.kinds.iter().map(|k| k.as_str().to_string()));

    // Group by (kind, doc).
    let mut groups: BTreeMap<(String, String), GoldPred<'_>> = BTreeMap::new();
    for m in &gold.mentions {
        groups.entry((m.kind.clone(), m.doc.clone())).or_default().0.push(m);
    }
    for m in &pred.mentions {
        if !gold.docs.contains(&m.doc) || !kinds.contains(&m.kind) {
            report.ignored += 1;
            continue;
        }
        groups.entry((m.kind.clone(), m.doc.clone())).or_default().1.push(m);
    }
    let mut per_kind: BTreeMap<String, (KindScore, usize, usize)> = kinds
        .iter()
        .map(|k| (k.clone(), (KindScore::default(), 0, 0)))
        .collect();
    for ((kind, _doc), (g, p)) in &groups {
        let entry = per_kind.entry(kind.clone()).or_default();
        let gs: Vec<(usize, usize)> =
            g.iter().map(|m| (m.start, m.end)).collect();
        let ps: Vec<(usize, usize)> =
            p.iter().map(|m| (m.start, m.end)).collect();
        entry.0.gold += gs.len();
        entry.0.pred += ps.len();
        entry.1 += match_spans(&gs, &ps, true).len();
        let ov = match_spans(&gs, &ps, false);
        entry.2 += ov.len();
        let mut gm = vec![false; gs.len()];
        let mut pm = vec![false; ps.len()];
        for &(gi, pi) in &ov {
            gm[gi] = true;
            pm[pi] = true;
            if !g[gi].value.is_null() {
                let ok = values_agree(&g[gi].value, &p[pi].value, false);
                entry.0.value.add(ok);
                entry.0.unit.add(values_agree(
                    &g[gi].unit,
                    &p[pi].unit,
                    false,
                ));
                if !ok {
                    report.diff.push(diff_item("value", g[gi], Some(p[pi])));
                }
            }
        }
        for (gi, m) in g.iter().enumerate() {
            if !gm[gi] {
                report.diff.push(diff_item("missed", m, None));
            }
        }
        for (pi, m) in p.iter().enumerate() {
            if !pm[pi] {
                report.diff.push(diff_item("spurious", m, None));
            }
        }
    }
    let mut overall = KindScore::default();
    let (mut ex, mut ovl) = (0, 0);
    for (kind, (mut ks, exact_tp, overlap_tp)) in per_kind {
        ks.exact = Prf::new(exact_tp, ks.gold, ks.pred);
        ks.overlap = Prf::new(overlap_tp, ks.gold, ks.pred);
        overall.gold += ks.gold;
        overall.pred += ks.pred;
        ex += exact_tp;
        ovl += overlap_tp;
        for (acc, part) in
            [(&mut overall.value, ks.value), (&mut overall.unit, ks.unit)]
        {
            acc.correct += part.correct;
            acc.total += part.total;
            acc.accuracy =
                (acc.total > 0).then(|| acc.correct as f64 / acc.total as f64);
        }
        report.kinds.insert(kind, ks);
    }
    overall.exact = Prf::new(ex, overall.gold, overall.pred);
    overall.overlap = Prf::new(ovl, overall.gold, overall.pred);
    report.overall = overall;
    if !gold.claims.is_empty() {
        report.claims = Some(score_claims(gold, pred, &mut report));
    }
    report
}

fn diff_item(
    what: &'static str,
    m: &MentionRec,
    got: Option<&MentionRec>,
) -> DiffItem {
    DiffItem {
        what,
        doc: m.doc.clone(),
        kind: m.kind.clone(),
        start: m.start,
        end: m.end,
        text: m.text.clone(),
        expected: m.value.clone(),
        got: got.map(|g| g.value.clone()).unwrap_or(Json::Null),
    }
}

fn score_claims(
    gold: &Records,
    pred: &Records,
    report: &mut Report,
) -> ClaimScore {
    let mut by_doc: BTreeMap<&str, (Vec<&ClaimRec>, Vec<&ClaimRec>)> =
        BTreeMap::new();
    for c in &gold.claims {
        by_doc.entry(&c.doc).or_default().0.push(c);
    }
    for c in &pred.claims {
        if gold.docs.contains(&c.doc) {
            by_doc.entry(&c.doc).or_default().1.push(c);
        } else {
            report.ignored += 1;
        }
    }
    let mut score = ClaimScore::default();
    for f in CLAIM_FIELDS.iter().chain(DERIVED_FIELDS.iter()) {
        score.fields.insert(f.to_string(), Accuracy::default());
    }
    let mut tp = 0;
    for (g, p) in by_doc.values() {
        score.gold += g.len();
        score.pred += p.len();
        let pairs = match_claims(g, p);
        tp += pairs.len();
        let mut gm = vec![false; g.len()];
        let mut pm = vec![false; p.len()];
        for (gi, pi) in pairs {
            gm[gi] = true;
            pm[pi] = true;
            for (f, ok) in claim_field_scores(g[gi], p[pi]) {
                score.fields.get_mut(f).expect("field listed").add(ok);
            }
            for (f, ok) in concept_scores(g[gi], p[pi]) {
                score.fields.entry(f.to_string()).or_default().add(ok);
            }
        }
        for (i, c) in g.iter().enumerate() {
            if !gm[i] {
                report.diff.push(claim_diff("missed", c));
            }
        }
        for (i, c) in p.iter().enumerate() {
            if !pm[i] {
                report.diff.push(claim_diff("spurious", c));
            }
        }
    }
    score.matched = Prf::new(tp, score.gold, score.pred);
    score
}

/// Fields reported beside the contract's: `metric_head` (the last word of
/// the metric agrees), `from_to` (both ends agree), `value_change` (value
/// and change agree).
pub const DERIVED_FIELDS: [&str; 3] =
    ["metric_head", "from_to", "value_change"];

/// Fields scored only where the gold record has them (gold sets made
/// before issue 19 have no concepts): `concept`, `qualifiers` (the same
/// set), and `qualifier_kinds` (the same set once `segment:<name>` is read
/// as `segment`: the segment is found, its name may be worded otherwise).
pub const CONCEPT_FIELDS: [&str; 3] =
    ["concept", "qualifiers", "qualifier_kinds"];

fn concept_scores(g: &ClaimRec, p: &ClaimRec) -> Vec<(&'static str, bool)> {
    let mut out = Vec::new();
    if let Some(gc) = g.fields.get("concept") {
        let pc = p.fields.get("concept").unwrap_or(&Json::Null);
        out.push((CONCEPT_FIELDS[0], gc == pc));
    }
    if let Some(gq) = g.fields.get("qualifiers") {
        let set = |q: Option<&Json>, kinds: bool| -> BTreeSet<String> {
            q.and_then(Json::as_array)
                .into_iter()
                .flatten()
                .filter_map(Json::as_str)
                .map(|s| {
                    let s = s.trim().to_lowercase();
                    match s.split_once(':') {
                        Some((k, _)) if kinds => k.to_string(),
                        _ => s,
                    }
                })
                .collect()
        };
        let pq = p.fields.get("qualifiers");
        out.push((CONCEPT_FIELDS[1], set(Some(gq), false) == set(pq, false)));
        out.push((CONCEPT_FIELDS[2], set(Some(gq), true) == set(pq, true)));
    }
    out
}

fn f64_of(v: &Json) -> Option<f64> {
    v.as_f64()
}

/// A level or change field agrees: the numbers within 1e-6 relative (a
/// gold range, with its upper end in `high`, accepts its low end, its
/// high end or its middle), and the units for money and percent (a count's
/// counted noun is not scored).
fn figure_agrees(gold: &Json, pred: &Json, high: Option<f64>) -> bool {
    match (gold, pred) {
        (Json::Null, Json::Null) => true,
        (Json::Object(g), Json::Object(p)) => {
            let (Some(gv), Some(pv)) = (
                g.get("value").and_then(f64_of),
                p.get("value").and_then(f64_of),
            ) else {
                return false;
            };
            let num = num_eq(gv, pv)
                || high.is_some_and(|h| {
                    num_eq(h, pv) || num_eq((gv + h) / 2.0, pv)
                });
            let kind = g.get("kind").and_then(Json::as_str);
            // A count's unit is its counted noun, which is not scored; a
            // change has no kind, and its unit is a code or `%`/`bp`/`pp`.
            let noun_unit = g.get("unit").is_some_and(|u| {
                u.as_str().is_some_and(|u| {
                    !matches!(u, "%" | "bp" | "pp") && u.len() != 3
                })
            });
            let unit_matters = !matches!(kind, Some("count"))
                && (kind.is_some() || !noun_unit);
            let unit = !unit_matters
                || values_agree(
                    g.get("unit").unwrap_or(&Json::Null),
                    p.get("unit").unwrap_or(&Json::Null),
                    true,
                );
            num && unit
        }
        _ => false,
    }
}

fn metric_head(c: &ClaimRec) -> String {
    c.fields
        .get("metric")
        .and_then(Json::as_str)
        .unwrap_or("")
        .split_whitespace()
        .last()
        .unwrap_or("")
        .trim_matches(|ch: char| !ch.is_alphanumeric())
        .to_lowercase()
}

fn claim_field_scores(
    g: &ClaimRec,
    p: &ClaimRec,
) -> Vec<(&'static str, bool)> {
    let get =
        |c: &ClaimRec, k: &str| c.fields.get(k).cloned().unwrap_or(Json::Null);
    let high = g.fields.get("high").and_then(f64_of);
    let mut out = Vec::with_capacity(14);
    for f in CLAIM_FIELDS {
        let ok = match f {
            "value" | "to" => figure_agrees(&get(g, f), &get(p, f), high),
            "change" => figure_agrees(&get(g, f), &get(p, f), high),
            "from" => figure_agrees(&get(g, f), &get(p, f), None),
            "forward" => {
                get(g, f).as_bool().unwrap_or(false)
                    == get(p, f).as_bool().unwrap_or(false)
            }
            _ => values_agree(&get(g, f), &get(p, f), true),
        };
        out.push((f, ok));
    }
    let ok = |k: &str| out.iter().any(|(f, ok)| *f == k && *ok);
    let ft = ok("from") && ok("to");
    let vc = ok("value") && ok("change");
    out.push(("metric_head", metric_head(g) == metric_head(p)));
    out.push(("from_to", ft));
    out.push(("value_change", vc));
    out
}

/// One-to-one matching of gold and predicted claims of one document. A
/// pair must overlap in span and agree on a figure (value, change or from)
/// or on the metric's head word; pairs are taken by the most agreeing
/// fields first, then the largest overlap.
fn match_claims(g: &[&ClaimRec], p: &[&ClaimRec]) -> Vec<(usize, usize)> {
    let mut cands: Vec<(usize, usize, usize, usize)> = Vec::new();
    for (gi, gc) in g.iter().enumerate() {
        for (pi, pc) in p.iter().enumerate() {
            let lo = gc.start.max(pc.start);
            let hi = gc.end.min(pc.end);
            if hi <= lo {
                continue;
            }
            let scores = claim_field_scores(gc, pc);
            let ok = |k: &str| scores.iter().any(|(f, ok)| *f == k && *ok);
            let filled =
                |k: &str| !gc.fields.get(k).unwrap_or(&Json::Null).is_null();
            let figure =
                ["value", "change", "from"].iter().any(|k| filled(k) && ok(k));
            let head = ok("metric_head") && !metric_head(gc).is_empty();
            if !(figure || head) {
                continue;
            }
            let agree = scores.iter().filter(|s| s.1).count()
                + 3 * usize::from(figure)
                + 2 * usize::from(head);
            cands.push((agree, hi - lo, gi, pi));
        }
    }
    cands.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then(b.1.cmp(&a.1))
            .then(a.2.cmp(&b.2))
            .then(a.3.cmp(&b.3))
    });
    take_pairs(cands.into_iter().map(|c| (c.2, c.3)), g.len(), p.len())
}

fn claim_diff(what: &'static str, c: &ClaimRec) -> DiffItem {
    DiffItem {
        what,
        doc: c.doc.clone(),
        kind: "claim".into(),
        start: c.start,
        end: c.end,
        text: c.text.clone(),
        expected: c.fields.get("metric").cloned().unwrap_or(Json::Null),
        got: Json::Null,
    }
}

/// A threshold that a report must meet.
#[derive(Clone, Debug, PartialEq)]
pub enum Threshold {
    /// Exact-span F1 of a kind (`overall` for all kinds, `claims` for claim
    /// matching).
    F1 {
        /// Kind name, `overall` or `claims`.
        kind: String,
        /// Minimum.
        min: f64,
    },
    /// Overlap F1 of a kind.
    OverlapF1 {
        /// Kind name, `overall` or `claims`.
        kind: String,
        /// Minimum.
        min: f64,
    },
    /// Value accuracy of a kind (or `overall`).
    ValueAccuracy {
        /// Kind name or `overall`.
        kind: String,
        /// Minimum.
        min: f64,
    },
}

impl Threshold {
    /// Parses `KIND=X` (or a bare `X`, meaning `overall=X`).
    pub fn parse(
        spec: &str,
        make: fn(String, f64) -> Threshold,
    ) -> Result<Threshold, String> {
        let (kind, x) = match spec.split_once('=') {
            Some((k, x)) => (k.trim().to_string(), x.trim()),
            None => ("overall".to_string(), spec.trim()),
        };
        let min: f64 = x
            .parse()
            .map_err(|_| format!("{spec:?}: {x:?} is not a number"))?;
        if !(0.0..=1.0).contains(&min) {
            return Err(format!(
                "{spec:?}: the threshold must be between 0 and 1"
            ));
        }
        let known = kind == "overall"
            || kind == "claims"
            || kind == "verdicts"
            || verdict::LABELS.contains(&kind.as_str())
            || Kind::parse(&kind).is_some();
        if !known {
            return Err(format!(
                "{spec:?}: unknown kind {kind:?} (percent, count, money, date, skill, overall, claims; for verdicts: supported, contradicted, absent, verdicts for label accuracy)"
            ));
        }
        Ok(make(kind, min))
    }

    /// Checks the report; `Err` says what fell short.
    pub fn check(&self, r: &Report) -> Result<(), String> {
        let kind_score = |k: &str| -> Option<&KindScore> {
            if k == "overall" { Some(&r.overall) } else { r.kinds.get(k) }
        };
        let verdict_label = |k: &str| -> Option<f64> {
            let v = r.verdicts.as_ref()?;
            if k == "verdicts" {
                Some(v.accuracy)
            } else {
                v.labels.get(k).map(|p| p.f1)
            }
        };
        let (name, kind, min, got) = match self {
            Threshold::F1 { kind, min }
                if kind == "verdicts"
                    || verdict::LABELS.contains(&kind.as_str()) =>
            {
                ("F1", kind, *min, verdict_label(kind))
            }
            Threshold::F1 { kind, min } => {
                let got = if kind == "claims" {
                    r.claims.as_ref().map(|c| c.matched.f1)
                } else {
                    kind_score(kind).map(|k| k.exact.f1)
                };
                ("F1", kind, *min, got)
            }
            Threshold::OverlapF1 { kind, min } => {
                let got = if kind == "claims" {
                    r.claims.as_ref().map(|c| c.matched.f1)
                } else {
                    kind_score(kind).map(|k| k.overlap.f1)
                };
                ("overlap F1", kind, *min, got)
            }
            Threshold::ValueAccuracy { kind, min } => (
                "value accuracy",
                kind,
                *min,
                kind_score(kind).and_then(|k| k.value.accuracy),
            ),
        };
        match got {
            None => Err(format!(
                "{name} of {kind}: nothing to score (no gold {kind} records)"
            )),
            Some(g) if g + 1e-12 < min => {
                Err(format!("{name} of {kind} is {g:.4}, below {min:.4}"))
            }
            Some(_) => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests;
