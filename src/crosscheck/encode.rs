//! `verdict` records of `claimscan crosscheck`, as JSON lines (fields in
//! the order of `docs/records.md`).

use serde::Serialize;
use serde_json::Value as Json;

use super::figure::Figure;
use super::{Evidence, Side, Verdict};
use crate::record::CharIndex;
use crate::sink::jsonl::json_number as number;

#[derive(Serialize)]
struct Amount<'a> {
    value: Json,
    unit: Option<&'a str>,
}

fn amount(f: &Figure) -> Amount<'_> {
    Amount { value: number(f.value), unit: f.unit.as_deref() }
}

#[derive(Serialize)]
struct FigureRecord<'a> {
    field: &'static str,
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    start: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end: Option<usize>,
    stated: Amount<'a>,
    found: Option<Amount<'a>>,
    label: &'static str,
}

#[derive(Serialize)]
struct EvidenceRecord<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    claim: Option<&'a str>,
}

#[derive(Serialize)]
struct VerdictRecord<'a> {
    #[serde(rename = "type")]
    ty: &'static str,
    doc: &'a str,
    id: String,
    start: usize,
    end: usize,
    text: &'a str,
    claim: Option<&'a str>,
    source: &'a str,
    label: &'static str,
    metric: &'a str,
    period: Option<&'a str>,
    forward: bool,
    figures: Vec<FigureRecord<'a>>,
    evidence: Vec<EvidenceRecord<'a>>,
    why: &'a str,
}

/// Appends one `verdict` record per verdict to `out`.
pub fn encode(
    source: &Side<'_>,
    coverage: &Side<'_>,
    verdicts: &[Verdict],
    out: &mut Vec<u8>,
) {
    let cov = &coverage.doc.doc;
    let src = &source.doc.doc;
    let mut ix = CharIndex::new(&cov.text);
    let mut src_ix = CharIndex::new(&src.text);
    for v in verdicts {
        let c = coverage.claim(v.claim);
        let r = &coverage.refs[v.claim];
        let figures = v
            .figures
            .iter()
            .map(|f| {
                let span = f.stated.span.map(|(s, e)| {
                    (
                        cov.base.1 + ix.char_offset(s),
                        cov.base.1 + ix.char_offset(e),
                    )
                });
                FigureRecord {
                    field: f.stated.field,
                    text: &f.stated.text,
                    start: span.map(|s| s.0),
                    end: span.map(|s| s.1),
                    stated: amount(&f.stated),
                    found: f.found.as_ref().map(amount),
                    label: f.label.as_str(),
                }
            })
            .collect();
        let evidence = v
            .evidence
            .iter()
            .map(|&e| match e {
                Evidence::Claim(si) => {
                    let sr = &source.refs[si];
                    let sc = source.claim(si);
                    EvidenceRecord {
                        start: sr.start,
                        end: sr.end,
                        text: src.text.get(sc.start..sc.end).unwrap_or(""),
                        claim: Some(&sr.id),
                    }
                }
                Evidence::Text(s, e) => EvidenceRecord {
                    start: src.base.1 + src_ix.char_offset(s),
                    end: src.base.1 + src_ix.char_offset(e),
                    text: src.text.get(s..e).unwrap_or(""),
                    claim: None,
                },
            })
            .collect();
        let rec = VerdictRecord {
            ty: "verdict",
            doc: &cov.id,
            id: format!("{}#verdict", r.id),
            start: r.start,
            end: r.end,
            text: cov.text.get(c.start..c.end).unwrap_or(""),
            // A figure the claim stage made no claim of names the claim
            // crosscheck read off its sentence (`DOC#figure@START-END`,
            // written with `--claims`).
            claim: Some(r.id.as_str()),
            source: &src.id,
            label: v.label.as_str(),
            metric: &c.metric,
            period: c.period.as_deref(),
            forward: c.forward,
            figures,
            evidence,
            why: &v.why,
        };
        serde_json::to_writer(&mut *out, &rec)
            .expect("writing to a Vec cannot fail");
        out.push(b'\n');
    }
}
