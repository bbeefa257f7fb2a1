//! `verdict` records of `claimscan crosscheck`, as JSON lines.

use serde_json::{Value as Json, json};

use super::figure::Figure;
use super::{Evidence, Side, Verdict};
use crate::record::CharIndex;
use crate::sink::jsonl::json_number as number;

fn figure_json(f: &Figure) -> Json {
    json!({"value": number(f.value), "unit": f.unit})
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
        let c = &coverage.doc.analysis.claims[v.claim];
        let r = &coverage.refs[v.claim];
        let figures: Vec<Json> = v
            .figures
            .iter()
            .map(|f| {
                let mut o = json!({
                    "field": f.stated.field,
                    "text": f.stated.text,
                    "stated": figure_json(&f.stated),
                    "found": f.found.as_ref().map(figure_json),
                    "label": f.label.as_str(),
                });
                if let Some((s, e)) = f.stated.span {
                    let start = cov.base.1 + ix.char_offset(s);
                    let end = cov.base.1 + ix.char_offset(e);
                    o["start"] = json!(start);
                    o["end"] = json!(end);
                }
                o
            })
            .collect();
        let evidence: Vec<Json> = v
            .evidence
            .iter()
            .map(|&e| match e {
                Evidence::Claim(si) => {
                    let sr = &source.refs[si];
                    let sc = &source.doc.analysis.claims[si];
                    json!({
                        "start": sr.start,
                        "end": sr.end,
                        "text": src.text.get(sc.start..sc.end).unwrap_or(""),
                        "claim": sr.id,
                    })
                }
                Evidence::Text(s, e) => {
                    let start = src.base.1 + src_ix.char_offset(s);
                    let end = src.base.1 + src_ix.char_offset(e);
                    json!({
                        "start": start,
                        "end": end,
                        "text": src.text.get(s..e).unwrap_or(""),
                        "claim": null,
                    })
                }
            })
            .collect();
        let rec = json!({
            "type": "verdict",
            "doc": cov.id,
            "id": format!("{}#verdict", r.id),
            "start": r.start,
            "end": r.end,
            "text": cov.text.get(c.start..c.end).unwrap_or(""),
            "claim": r.id,
            "source": src.id,
            "label": v.label.as_str(),
            "metric": c.metric,
            "period": c.period,
            "forward": c.forward,
            "figures": figures,
            "evidence": evidence,
            "why": v.why,
        });
        serde_json::to_writer(&mut *out, &rec)
            .expect("writing to a Vec cannot fail");
        out.push(b'\n');
    }
}
