/*!
Rendering an evaluation: a table for people, and the `--diff` listing of
missed, spurious and wrongly valued records with their context.
*/

use std::fmt::Write;

use super::{Accuracy, KindScore, Report};

fn pct(x: f64) -> String {
    format!("{:5.1}", 100.0 * x)
}

fn acc(a: &Accuracy) -> String {
    match a.accuracy {
        Some(x) => format!("{} ({}/{})", pct(x), a.correct, a.total),
        None => "    -".to_string(),
    }
}

fn row(out: &mut String, name: &str, k: &KindScore) {
    let _ = writeln!(
        out,
        "{name:<9} {:>6} {:>6} | {} {} {} | {} {} {} | {}",
        k.gold,
        k.pred,
        pct(k.exact.precision),
        pct(k.exact.recall),
        pct(k.exact.f1),
        pct(k.overlap.precision),
        pct(k.overlap.recall),
        pct(k.overlap.f1),
        acc(&k.value),
    );
}

/// The readable table printed by `claimscan eval`.
pub fn render_table(r: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "documents scored: {}; predicted records ignored: {}",
        r.documents, r.ignored
    );
    if !r.kinds.is_empty() {
        let _ = writeln!(
            out,
            "{:<9} {:>6} {:>6} | {:^17} | {:^17} | value accuracy",
            "kind", "gold", "pred", "exact P R F1", "overlap P R F1"
        );
        for (k, s) in &r.kinds {
            row(&mut out, k, s);
        }
        row(&mut out, "overall", &r.overall);
    }
    if let Some(v) = &r.verdicts {
        out.push_str(&super::verdict::render(v));
    }
    if let Some(c) = &r.claims {
        let _ = writeln!(
            out,
            "claims: gold {} pred {} matched {} | P {} R {} F1 {}",
            c.gold,
            c.pred,
            c.matched.tp,
            pct(c.matched.precision),
            pct(c.matched.recall),
            pct(c.matched.f1)
        );
        for (f, a) in &c.fields {
            let _ = writeln!(out, "  {f:<10} {}", acc(a));
        }
    }
    out
}

/// Lists every missed, spurious and wrongly valued record. `doc_text`
/// returns a document's text when it is available, for context.
pub fn render_diff(
    r: &Report,
    doc_text: &dyn Fn(&str) -> Option<String>,
) -> String {
    let mut out = String::new();
    let mut items: Vec<_> = r.diff.iter().collect();
    items.sort_by(|a, b| {
        (&a.doc, a.start, a.what).cmp(&(&b.doc, b.start, b.what))
    });
    let mut cache: Option<(String, Option<Vec<char>>)> = None;
    for d in items {
        if cache.as_ref().is_none_or(|(doc, _)| *doc != d.doc) {
            cache = Some((
                d.doc.clone(),
                doc_text(&d.doc).map(|t| t.chars().collect()),
            ));
        }
        let context = match cache.as_ref().and_then(|c| c.1.as_ref()) {
            Some(chars) if d.end <= chars.len() => {
                let lo = d.start.saturating_sub(40);
                let hi = (d.end + 40).min(chars.len());
                let s: String = chars[lo..d.start].iter().collect();
                let m: String = chars[d.start..d.end].iter().collect();
                let e: String = chars[d.end..hi].iter().collect();
                format!("…{}[{}]{}…", s, m, e).replace('\n', " ")
            }
            _ => format!("[{}]", d.text),
        };
        let values = if d.what == "value" {
            format!(" expected {} got {}", d.expected, d.got)
        } else if !d.expected.is_null() {
            format!(" ({})", d.expected)
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "{:<8} {:<7} {}:{}-{}{} {}",
            d.what, d.kind, d.doc, d.start, d.end, values, context
        );
    }
    out
}
