/*!
The report's HTML: `index.html` (overview, filters, the documents or a
paginated list of them) and, for runs of more than
[`Options::inline_max`] documents, one page per document under `docs/`.

Every page is self-contained: CSS and JavaScript inline, no fonts, no
images but inline SVG, and a Content Security Policy (`default-src
'none'`) so that nothing is fetched even if something slipped through.
Document text is data: every text, attribute and file name goes through
[`escape`], and JSON embedded in a `<script>` through
[`json_for_script`].

Markup contract (tests and tools rely on it): every mention is exactly one
`<mark data-kind="KIND" data-id="RECORD_ID">` element, every claim exactly
one element with `data-claim="RECORD_ID"`. Mentions that overlap another
without nesting in it cannot be one element inside the text; they are
listed under the text instead (`data-inline="false"`), so that markup is
never broken and each mention still appears once.
*/

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io;
use std::path::Path;

use serde_json::{Value, json};

use super::{Doc, Mention, Run, words};

const CSS: &str = include_str!("report.css");
const JS: &str = include_str!("report.js");

/// SHA-256 of `data` (FIPS 180-4), for the page's Content Security
/// Policy: the script is allowed by its hash, so that no other inline
/// script or event handler could run even if one slipped through.
fn sha256(data: &[u8]) -> [u8; 32] {
    const K: [u32; 64] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b,
        0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01,
        0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7,
        0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
        0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152,
        0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
        0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
        0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
        0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08,
        0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f,
        0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
        0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ];
    let mut h: [u32; 8] = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f,
        0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    ];
    let mut msg = data.to_vec();
    msg.push(0x80);
    while msg.len() % 64 != 56 {
        msg.push(0);
    }
    msg.extend_from_slice(&((data.len() as u64) * 8).to_be_bytes());
    for block in msg.chunks(64) {
        let mut w = [0u32; 64];
        for (i, c) in block.chunks(4).enumerate() {
            w[i] = u32::from_be_bytes([c[0], c[1], c[2], c[3]]);
        }
        for i in 16..64 {
            let s0 = w[i - 15].rotate_right(7)
                ^ w[i - 15].rotate_right(18)
                ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17)
                ^ w[i - 2].rotate_right(19)
                ^ (w[i - 2] >> 10);
            w[i] = w[i - 16]
                .wrapping_add(s0)
                .wrapping_add(w[i - 7])
                .wrapping_add(s1);
        }
        let mut v = h;
        for i in 0..64 {
            let s1 = v[4].rotate_right(6)
                ^ v[4].rotate_right(11)
                ^ v[4].rotate_right(25);
            let ch = (v[4] & v[5]) ^ (!v[4] & v[6]);
            let t1 = v[7]
                .wrapping_add(s1)
                .wrapping_add(ch)
                .wrapping_add(K[i])
                .wrapping_add(w[i]);
            let s0 = v[0].rotate_right(2)
                ^ v[0].rotate_right(13)
                ^ v[0].rotate_right(22);
            let maj = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
            let t2 = s0.wrapping_add(maj);
            v = [
                t1.wrapping_add(t2),
                v[0],
                v[1],
                v[2],
                v[3].wrapping_add(t1),
                v[4],
                v[5],
                v[6],
            ];
        }
        for (a, b) in h.iter_mut().zip(v) {
            *a = a.wrapping_add(b);
        }
    }
    let mut out = [0u8; 32];
    for (i, x) in h.iter().enumerate() {
        out[4 * i..4 * i + 4].copy_from_slice(&x.to_be_bytes());
    }
    out
}

/// Standard base64 with padding.
fn base64(data: &[u8]) -> String {
    const A: &[u8; 64] =
        b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut s = String::new();
    for c in data.chunks(3) {
        let n = (u32::from(c[0]) << 16)
            | (u32::from(*c.get(1).unwrap_or(&0)) << 8)
            | u32::from(*c.get(2).unwrap_or(&0));
        for k in 0..4 {
            if k <= c.len() {
                s.push(A[(n >> (18 - 6 * k)) as usize & 63] as char);
            } else {
                s.push('=');
            }
        }
    }
    s
}

/// The page's Content Security Policy: nothing may be fetched; only the
/// page's own inline style and its one script (by hash) run.
fn csp() -> String {
    format!(
        "default-src 'none'; style-src 'unsafe-inline'; \
         script-src 'sha256-{}'; img-src data:; base-uri 'none'; \
         form-action 'none'",
        base64(&sha256(JS.as_bytes()))
    )
}

/// Documents listed per page of the index's table.
pub const PAGE_ROWS: usize = 100;

/// How the report is laid out.
#[derive(Clone, Debug)]
pub struct Options {
    /// Up to this many documents are shown on the index page itself;
    /// above, each gets its own page and the index lists them, paginated.
    pub inline_max: usize,
    /// What the report is of, for its header ("scan of corpus/").
    pub subtitle: String,
}

impl Default for Options {
    fn default() -> Options {
        Options { inline_max: 50, subtitle: String::new() }
    }
}

/// What writing a report found.
#[derive(Clone, Debug, Default)]
pub struct Written {
    /// Pages written, `index.html` included.
    pub pages: usize,
    /// Documents whose text could not be found: their mentions are
    /// listed without context.
    pub without_text: Vec<String>,
    /// Mentions whose `text` is not the document text at their offsets
    /// (a sign that the text is not the one the run read).
    pub mismatched: usize,
    /// Mentions listed under the text rather than in it (overlapping
    /// without nesting, or out of range).
    pub off_text: usize,
}

/// Escapes text for HTML content and quoted attribute values: `&`, `<`,
/// `>`, `"` and `'`.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_escaped(&mut out, s);
    out
}

fn push_escaped(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Not markup, but a NUL would be replaced by the parser and
            // then differ from the record's text.
            '\0' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
}

/// JSON that is safe inside `<script type="application/json">`: `<`,
/// `>`, `&`, `'` and the line separators U+2028 and U+2029 written as
/// `\uXXXX` escapes (still the same JSON), so that no `</script`,
/// `<!--` or other markup can appear in it.
pub fn json_for_script(v: &Value) -> String {
    let s = serde_json::to_string(v).expect("a Value always serializes");
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\'' => out.push_str("\\u0027"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// Writes the report into `dir`: `index.html`, and `docs/NNNN.html` per
/// document when there are more than [`Options::inline_max`]. `text`
/// gives each document's text (the one its offsets count in), or `None`.
pub fn write(
    run: &Run,
    dir: &Path,
    opts: &Options,
    text: &dyn Fn(&Doc) -> Option<String>,
) -> io::Result<Written> {
    std::fs::create_dir_all(dir)?;
    let mut w = Written::default();
    let paged = run.docs.len() > opts.inline_max;
    let pages_dir = dir.join("docs");
    // Pages of an earlier, larger report would linger: remove them.
    if let Ok(entries) = std::fs::read_dir(&pages_dir) {
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if let Some(stem) = name.strip_suffix(".html")
                && !stem.is_empty()
                && stem.bytes().all(|b| b.is_ascii_digit())
            {
                std::fs::remove_file(e.path())?;
            }
        }
    }
    // Counted once: every page's legend and every row need them.
    let kind_counts = run.kind_counts();
    let width = run.docs.len().to_string().len().max(4);
    let page_name = |i: usize| format!("{:0width$}.html", i + 1);
    let mut sections = String::new();
    if paged {
        std::fs::create_dir_all(&pages_dir)?;
        let n = run.docs.len();
        for (i, d) in run.docs.iter().enumerate() {
            let t = text(d);
            let mut body = String::new();
            let _ = write!(
                body,
                "<nav class=\"pnav\"><a href=\"../index.html\">← report</a>"
            );
            if i > 0 {
                let _ = write!(
                    body,
                    "<a href=\"{}\">‹ previous</a>",
                    page_name(i - 1)
                );
            }
            if i + 1 < n {
                let _ = write!(
                    body,
                    "<a href=\"{}\">next ›</a>",
                    page_name(i + 1)
                );
            }
            let _ =
                write!(body, "<span>document {} of {n}</span></nav>", i + 1);
            // A document's page counts its own mentions.
            let own: Vec<(String, usize)> = kind_counts
                .iter()
                .map(|(k, _)| {
                    (
                        k.clone(),
                        d.mentions.iter().filter(|m| &m.kind == k).count(),
                    )
                })
                .collect();
            body.push_str(&filters(&own, false, true));
            doc_section(&mut body, run, d, i, t.as_deref(), &mut w);
            let title = doc_title(d);
            let page = page(&title, "doc", &body, &json!({}));
            std::fs::write(pages_dir.join(page_name(i)), page)?;
            w.pages += 1;
        }
    } else {
        for (i, d) in run.docs.iter().enumerate() {
            let t = text(d);
            doc_section(&mut sections, run, d, i, t.as_deref(), &mut w);
        }
    }
    let rows: Vec<Value> = run
        .docs
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let href = if paged {
                format!("docs/{}", page_name(i))
            } else {
                format!("#doc-{}", i + 1)
            };
            doc_row(run, &kind_counts, d, href)
        })
        .collect();
    let kinds: Vec<String> =
        kind_counts.iter().map(|(k, _)| k.clone()).collect();
    let data = json!({
        "kinds": kinds,
        "docs": rows,
        "pageRows": PAGE_ROWS,
    });
    let mut body = String::new();
    body.push_str(&overview(run, opts));
    body.push_str(&filters(&kind_counts, true, true));
    // One page: the list is a table of contents, folded; paged: it is
    // the way to the documents, open.
    let _ = write!(
        body,
        "<details class=\"doclist\"{}><summary>Documents ({})</summary>\
         <div class=\"pager\" id=\"pager-top\"></div>\
         <table id=\"doc-table\"><thead><tr><th>#</th><th>document</th>\
         <th>date</th><th>mentions by kind</th><th>claims</th>\
         <th>checks</th><th>verdicts</th></tr></thead><tbody></tbody></table>\
         <div class=\"pager\" id=\"pager-bottom\"></div></details>",
        if paged { " open" } else { "" },
        words::number(run.docs.len() as f64)
    );
    if !paged {
        body.push_str("<main>");
        body.push_str(&sections);
        body.push_str("</main>");
    }
    let mode = if paged { "index" } else { "single" };
    std::fs::write(
        dir.join("index.html"),
        page("claimscan report", mode, &body, &data),
    )?;
    w.pages += 1;
    Ok(w)
}

/// A whole page around `body`.
fn page(title: &str, mode: &str, body: &str, data: &Value) -> String {
    let mut out =
        String::with_capacity(body.len() + CSS.len() + JS.len() + 1024);
    out.push_str(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">",
    );
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    let _ = write!(
        out,
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">",
        escape(&csp())
    );
    out.push_str("<meta name=\"referrer\" content=\"no-referrer\">");
    let _ = write!(
        out,
        "<title>{}</title><style>{CSS}</style></head>",
        escape(title)
    );
    let _ = writeln!(out, "<body data-mode=\"{mode}\">");
    out.push_str(body);
    let _ = write!(
        out,
        "\n<script type=\"application/json\" id=\"cs-data\">{}</script>\n<script>{JS}</script>\n</body></html>\n",
        json_for_script(data)
    );
    out
}

fn doc_title(d: &Doc) -> String {
    d.meta_str("title")
        .filter(|t| !t.trim().is_empty())
        .unwrap_or(&d.id)
        .to_string()
}

/// The strongest verdict label of a claim: contradicted, absent,
/// supported.
fn claim_label(run: &Run, id: &str) -> Option<&'static str> {
    let vs = run.verdicts.get(id)?;
    let has = |l: &str| vs.iter().any(|v| v["label"] == l);
    if has("contradicted") {
        Some("contradicted")
    } else if has("absent") {
        Some("absent")
    } else if has("supported") {
        Some("supported")
    } else {
        None
    }
}

/// One row of the document table (embedded JSON).
fn doc_row(
    run: &Run,
    kinds: &[(String, usize)],
    d: &Doc,
    href: String,
) -> Value {
    let counts: Vec<usize> = kinds
        .iter()
        .map(|(k, _)| d.mentions.iter().filter(|m| &m.kind == k).count())
        .collect();
    let mut labels = [0usize; 3];
    let mut check_fail = 0;
    let mut metrics: Vec<String> = Vec::new();
    for c in &d.claims {
        match claim_label(run, &c.id) {
            Some("supported") => labels[0] += 1,
            Some("contradicted") => labels[1] += 1,
            Some("absent") => labels[2] += 1,
            _ => {}
        }
        if matches!(words::check(&c.record), Some((_, false))) {
            check_fail += 1;
        }
        if let Some(m) = c.record.get("metric").and_then(Value::as_str)
            && !metrics.iter().any(|x| x == m)
        {
            metrics.push(m.to_string());
        }
    }
    let mut skills: Vec<String> = Vec::new();
    for m in d.mentions.iter().filter(|m| m.kind == "skill") {
        let s = m.value.as_str().unwrap_or(&m.text).to_string();
        if !skills.contains(&s) {
            skills.push(s);
        }
    }
    json!({
        "id": d.id,
        "title": d.meta_str("title"),
        "date": d.meta_str("date"),
        "href": href,
        "k": counts,
        "c": d.claims.len(),
        "v": labels,
        "x": check_fail,
        "m": short_list(&metrics),
        "s": skills.join(" · "),
        "e": d.errors.len(),
    })
}

/// The first few names of a list, for a table cell.
fn short_list(names: &[String]) -> String {
    let mut s = names.iter().take(6).cloned().collect::<Vec<_>>().join(" · ");
    if names.len() > 6 {
        s.push_str(&format!(" · +{} more", names.len() - 6));
    }
    s
}

/// The overview: counts, the chart, top metrics and skills, claims per
/// document, problems.
fn overview(run: &Run, opts: &Options) -> String {
    let mut o = String::new();
    let kinds = run.kind_counts();
    let mentions: usize = kinds.iter().map(|(_, n)| n).sum();
    let claims: usize = run.docs.iter().map(|d| d.claims.len()).sum();
    let verdicts: usize = run.verdicts.values().map(Vec::len).sum();
    let _ = write!(
        o,
        "<header class=\"top\"><h1>claimscan report</h1><p class=\"sub\">{}{} documents · {} mentions · {} claims{}</p></header>",
        if opts.subtitle.is_empty() {
            String::new()
        } else {
            format!("{} · ", escape(&opts.subtitle))
        },
        words::number(run.docs.len() as f64),
        words::number(mentions as f64),
        words::number(claims as f64),
        if verdicts > 0 {
            format!(" · {} verdicts", words::number(verdicts as f64))
        } else {
            String::new()
        }
    );
    o.push_str("<section class=\"overview\">");
    // Mentions per kind: the chart.
    o.push_str("<div class=\"card\"><h3>Mentions by kind</h3>");
    let bars: Vec<(String, usize, String)> = kinds
        .iter()
        .map(|(k, n)| (k.clone(), *n, format!("k-{}", css_kind(k))))
        .collect();
    o.push_str(&bar_chart(&bars));
    o.push_str("</div>");
    // Claims per document: a histogram.
    let bins: [(&str, usize, usize); 6] = [
        ("0", 0, 0),
        ("1", 1, 1),
        ("2", 2, 2),
        ("3–5", 3, 5),
        ("6–10", 6, 10),
        ("11+", 11, usize::MAX),
    ];
    let hist: Vec<(String, usize, String)> = bins
        .iter()
        .map(|(name, lo, hi)| {
            let n = run
                .docs
                .iter()
                .filter(|d| (*lo..=*hi).contains(&d.claims.len()))
                .count();
            (format!("{name} claims"), n, "k-claim".to_string())
        })
        .collect();
    o.push_str("<div class=\"card\"><h3>Claims per document</h3>");
    o.push_str(&bar_chart(&hist));
    o.push_str("</div>");
    // Verdicts and checks.
    let mut labels = [0usize; 3];
    let mut checks = [0usize; 2];
    for d in &run.docs {
        for c in &d.claims {
            match claim_label(run, &c.id) {
                Some("supported") => labels[0] += 1,
                Some("contradicted") => labels[1] += 1,
                Some("absent") => labels[2] += 1,
                _ => {}
            }
            match words::check(&c.record) {
                Some((_, true)) => checks[0] += 1,
                Some((_, false)) => checks[1] += 1,
                None => {}
            }
        }
    }
    o.push_str("<div class=\"card\"><h3>Checks and verdicts</h3>");
    let mut rows = vec![
        ("agree".to_string(), checks[0], "v-supported".to_string()),
        ("disagree".to_string(), checks[1], "v-contradicted".to_string()),
    ];
    if verdicts > 0 {
        rows.push(("supported".into(), labels[0], "v-supported".into()));
        rows.push(("contradicted".into(), labels[1], "v-contradicted".into()));
        rows.push(("absent".into(), labels[2], "v-absent".into()));
    }
    o.push_str(&bar_chart(&rows));
    o.push_str("</div>");
    // Top metrics and skills.
    let mut metrics: HashMap<String, usize> = HashMap::new();
    let mut skills: HashMap<String, usize> = HashMap::new();
    for d in &run.docs {
        for c in &d.claims {
            if let Some(m) = c.record.get("metric").and_then(Value::as_str) {
                *metrics.entry(m.to_lowercase()).or_default() += 1;
            }
        }
        for m in d.mentions.iter().filter(|m| m.kind == "skill") {
            let s = m.value.as_str().unwrap_or(&m.text).to_string();
            *skills.entry(s).or_default() += 1;
        }
    }
    o.push_str(&top_list("Top metrics", metrics, "k-claim"));
    o.push_str(&top_list("Top skills", skills, "k-skill"));
    o.push_str("</section>");
    // Problems.
    let problems: Vec<(String, String)> =
        run.errors
            .iter()
            .cloned()
            .chain(run.docs.iter().flat_map(|d| {
                d.errors.iter().map(|m| (d.id.clone(), m.clone()))
            }))
            .collect();
    if !problems.is_empty() || !run.bad_lines.is_empty() {
        let _ = write!(
            o,
            "<details class=\"problems\"><summary>{} input problems</summary><ul>",
            problems.len() + usize::from(!run.bad_lines.is_empty())
        );
        for (p, m) in problems.iter().take(200) {
            let _ = write!(
                o,
                "<li><code>{}</code>: {}</li>",
                escape(p),
                escape(m)
            );
        }
        if problems.len() > 200 {
            let _ = write!(o, "<li>… and {} more</li>", problems.len() - 200);
        }
        if !run.bad_lines.is_empty() {
            let _ = write!(
                o,
                "<li>{} lines of the records were not records (first: line {})</li>",
                run.bad_lines.len(),
                run.bad_lines[0]
            );
        }
        o.push_str("</ul></details>");
    }
    o
}

/// A kind name safe in a class name.
fn css_kind(k: &str) -> String {
    k.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect()
}

/// A horizontal bar chart in inline SVG: one bar per (label, count,
/// class).
fn bar_chart(bars: &[(String, usize, String)]) -> String {
    let max = bars.iter().map(|b| b.1).max().unwrap_or(0).max(1);
    let (label_w, bar_w, row_h) = (96.0, 100.0, 20.0);
    let h = row_h * bars.len() as f64 + 4.0;
    let mut s = String::new();
    let _ = write!(
        s,
        "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 240 {h}\" width=\"240\" height=\"{h}\" xmlns=\"http://www.w3.org/2000/svg\">"
    );
    for (i, (label, n, class)) in bars.iter().enumerate() {
        let y = 2.0 + row_h * i as f64;
        let w = (bar_w * *n as f64 / max as f64).max(if *n > 0 {
            2.0
        } else {
            0.0
        });
        let _ = write!(
            s,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\
             <rect class=\"{}\" x=\"{}\" y=\"{}\" width=\"{w:.1}\" height=\"{}\" rx=\"3\"><title>{}: {}</title></rect>\
             <text class=\"n\" x=\"{}\" y=\"{}\">{}</text>",
            label_w - 6.0,
            y + 14.0,
            escape(label),
            escape(class),
            label_w,
            y + 3.0,
            row_h - 6.0,
            escape(label),
            n,
            label_w + w + 5.0,
            y + 14.0,
            words::number(*n as f64)
        );
    }
    s.push_str("</svg>");
    s
}

/// A card listing the ten most frequent names, with bars.
fn top_list(
    title: &str,
    counts: HashMap<String, usize>,
    class: &str,
) -> String {
    let mut v: Vec<(String, usize)> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v.truncate(8);
    let max = v.first().map_or(1, |x| x.1).max(1);
    let mut s = format!("<div class=\"card\"><h3>{}</h3>", escape(title));
    if v.is_empty() {
        s.push_str("<p class=\"none\">none</p>");
    }
    s.push_str("<ol class=\"top\">");
    for (name, n) in &v {
        let _ = write!(
            s,
            "<li><span class=\"bar {class}\" style=\"width:{}%\"></span><span class=\"name\">{}</span><span class=\"n\">{n}</span></li>",
            (100 * n / max).max(2),
            escape(name)
        );
    }
    s.push_str("</ol></div>");
    s
}

/// The filter bar: kinds (the legend), document, label, search.
fn filters(
    kinds: &[(String, usize)],
    with_doc: bool,
    with_label: bool,
) -> String {
    let mut s = String::from(
        "<nav class=\"filters\" id=\"filters\"><div class=\"legend\">",
    );
    for (k, n) in kinds {
        let k = escape(k);
        let _ = write!(
            s,
            "<label class=\"chip k-{}\" data-kind=\"{k}\"><input type=\"checkbox\" checked value=\"{k}\"> {k} <span class=\"n\">{}</span></label>",
            css_kind(&k),
            words::number(*n as f64)
        );
    }
    s.push_str("</div><div class=\"inputs\">");
    if with_doc {
        s.push_str("<input id=\"f-doc\" type=\"search\" placeholder=\"document id or title\" aria-label=\"filter by document\">");
    }
    if with_label {
        s.push_str(
            "<select id=\"f-label\" aria-label=\"filter claims\"><option value=\"\">all claims</option>\
             <option value=\"claims\">documents with claims</option>\
             <option value=\"check-fail\">check does not agree</option>\
             <option value=\"supported\">supported</option>\
             <option value=\"contradicted\">contradicted</option>\
             <option value=\"absent\">absent</option></select>",
        );
    }
    s.push_str("<input id=\"f-search\" type=\"search\" placeholder=\"search text, metrics, skills\" aria-label=\"search\"><span id=\"f-count\"></span></div></nav>");
    s
}

/// Positions (in code points) of each code point's first byte, and the
/// text length at the end.
fn char_starts(text: &str) -> Vec<usize> {
    let mut v: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    v.push(text.len());
    v
}

/// One mention as its element.
fn mark_open(out: &mut String, m: &Mention, inline: bool) {
    let _ = write!(
        out,
        "<mark class=\"k-{}\" data-kind=\"{}\" data-id=\"{}\" title=\"{}\"{}>",
        css_kind(&m.kind),
        escape(&m.kind),
        escape(&m.id),
        escape(&words::mention_value(m)),
        if inline { "" } else { " data-inline=\"false\"" }
    );
}

/// One document: its header, its text in rows with marks and the claims
/// that start in each row beside it, and mentions that could not be
/// placed in the text.
fn doc_section(
    out: &mut String,
    run: &Run,
    d: &Doc,
    i: usize,
    text: Option<&str>,
    w: &mut Written,
) {
    let title = doc_title(d);
    let _ = write!(
        out,
        "<section class=\"doc\" id=\"doc-{}\" data-doc=\"{}\" data-title=\"{}\"><header><h2>{}</h2><p class=\"meta\">",
        i + 1,
        escape(&d.id),
        escape(d.meta_str("title").unwrap_or("")),
        escape(&title)
    );
    let mut meta: Vec<String> =
        vec![format!("<code>{}</code>", escape(&d.id))];
    for f in ["date", "company", "format", "source", "url"] {
        if let Some(v) = d.meta_str(f)
            && (f != "source" || v != d.id)
        {
            meta.push(format!("{f}: {}", escape(v)));
        }
    }
    meta.push(format!(
        "{} mentions, {} claims",
        d.mentions.len(),
        d.claims.len()
    ));
    out.push_str(&meta.join(" · "));
    out.push_str("</p>");
    for e in &d.errors {
        let _ = write!(out, "<p class=\"warn\">{}</p>", escape(e));
    }
    out.push_str("</header>");

    let Some(text) = text else {
        w.without_text.push(d.id.clone());
        out.push_str("<p class=\"warn\">The document's text was not found: its mentions are listed without context.</p><div class=\"rows\"><div class=\"row\"><div class=\"txt\">");
        for m in &d.mentions {
            mark_open(out, m, false);
            push_escaped(out, &m.text);
            out.push_str("</mark> ");
            w.off_text += 1;
        }
        out.push_str("</div><ul class=\"claims\">");
        for c in &d.claims {
            claim_card(out, run, c, true);
        }
        out.push_str("</ul></div></div></section>");
        return;
    };
    let starts = char_starts(text);
    let n = starts.len() - 1;
    let slice = |a: usize, b: usize| &text[starts[a]..starts[b]];

    // Which mentions fit in the text, sorted so that an enclosing mention
    // comes before the ones it contains.
    let mut order: Vec<&Mention> = Vec::new();
    let mut off: Vec<&Mention> = Vec::new();
    for m in &d.mentions {
        if m.start <= m.end && m.end <= n {
            if slice(m.start, m.end) != m.text {
                w.mismatched += 1;
            }
            order.push(m);
        } else {
            off.push(m);
        }
    }
    order.sort_by(|a, b| {
        a.start
            .cmp(&b.start)
            .then(b.end.cmp(&a.end))
            .then_with(|| a.kind.cmp(&b.kind))
            .then_with(|| a.id.cmp(&b.id))
    });
    // Rows: cut after line breaks and at the start of each claim, never
    // inside a mention.
    let mut spans: Vec<(usize, usize)> = order
        .iter()
        .filter(|m| m.start < m.end)
        .map(|m| (m.start, m.end))
        .collect();
    spans.sort();
    let mut covered: Vec<(usize, usize)> = Vec::new();
    for (a, b) in spans {
        match covered.last_mut() {
            Some(last) if a < last.1 => last.1 = last.1.max(b),
            _ => covered.push((a, b)),
        }
    }
    let inside = |c: usize| {
        let k = covered.partition_point(|s| s.0 < c);
        k > 0 && covered[k - 1].1 > c
    };
    let mut cuts: Vec<usize> = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    for (p, ch) in chars.iter().enumerate() {
        if *ch == '\n' && chars.get(p + 1).is_some_and(|c| *c != '\n') {
            cuts.push(p + 1);
        }
    }
    cuts.extend(d.claims.iter().map(|c| c.start).filter(|&s| s > 0 && s < n));
    cuts.sort_unstable();
    cuts.dedup();
    cuts.retain(|&c| !inside(c));
    let mut bounds = vec![0];
    bounds.extend(cuts);
    bounds.push(n);

    // Claims by the row they start in.
    let mut claims_at: Vec<Vec<usize>> = vec![Vec::new(); bounds.len() - 1];
    for (ci, c) in d.claims.iter().enumerate() {
        let r =
            bounds.partition_point(|&b| b <= c.start.min(n)).saturating_sub(1);
        claims_at[r.min(bounds.len() - 2)].push(ci);
    }

    out.push_str("<div class=\"rows\">");
    let mut next = 0; // next mention in `order`
    for r in 0..bounds.len() - 1 {
        let (lo, hi) = (bounds[r], bounds[r + 1]);
        if lo == hi && claims_at[r].is_empty() {
            continue;
        }
        out.push_str("<div class=\"row\"><div class=\"txt\">");
        let mut pos = lo;
        let mut stack: Vec<usize> = Vec::new();
        while next < order.len() && order[next].start < hi {
            let m = order[next];
            next += 1;
            while let Some(&e) = stack.last() {
                if e > m.start {
                    break;
                }
                push_escaped(out, slice(pos, e));
                pos = e;
                out.push_str("</mark>");
                stack.pop();
            }
            if stack.last().is_some_and(|&e| m.end > e) || m.end > hi {
                off.push(m);
                continue;
            }
            push_escaped(out, slice(pos, m.start));
            pos = m.start;
            mark_open(out, m, true);
            stack.push(m.end);
        }
        while let Some(e) = stack.pop() {
            push_escaped(out, slice(pos, e));
            pos = e;
            out.push_str("</mark>");
        }
        // Blank lines between paragraphs stay in the text (and in
        // textContent) but are not drawn: rows are spaced by the style.
        let rest = slice(pos, hi);
        let body = rest.trim_end_matches(['\n', '\r']);
        push_escaped(out, body);
        if body.len() < rest.len() {
            out.push_str("<span class=\"eol\">");
            push_escaped(out, &rest[body.len()..]);
            out.push_str("</span>");
        }
        out.push_str("</div><ul class=\"claims\">");
        for &ci in &claims_at[r] {
            claim_card(out, run, &d.claims[ci], false);
        }
        out.push_str("</ul></div>");
    }
    // Mentions at the very end of the text (empty, at offset n) were not
    // reached by the loop.
    off.extend(order[next..].iter().copied());
    out.push_str("</div>");
    if !off.is_empty() {
        off.sort_by(|a, b| {
            a.start.cmp(&b.start).then_with(|| a.id.cmp(&b.id))
        });
        out.push_str("<p class=\"offtext\">Overlapping mentions, shown here rather than in the text: ");
        for m in &off {
            mark_open(out, m, false);
            push_escaped(out, &m.text);
            out.push_str("</mark> ");
            w.off_text += 1;
        }
        out.push_str("</p>");
    }
    out.push_str("</section>\n");
}

/// One claim as its card: metric and figures, tags, check, verdicts.
fn claim_card(out: &mut String, run: &Run, c: &super::Claim, with_text: bool) {
    let (metric, figures) = words::claim(&c.record);
    let check = words::check(&c.record);
    let label = claim_label(run, &c.id);
    let mentions: Vec<&str> = c
        .record
        .get("mentions")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let text = c.record.get("text").and_then(Value::as_str).unwrap_or("");
    let _ = write!(
        out,
        "<li class=\"claim\" data-claim=\"{}\" data-mentions=\"{}\" data-check=\"{}\" data-label=\"{}\" title=\"{}\"><p class=\"cl-main\"><b>{}</b>{}{}</p>",
        escape(&c.id),
        escape(&json_for_script(&json!(mentions))),
        match &check {
            Some((_, true)) => "agrees",
            Some((_, false)) => "fails",
            None => "",
        },
        label.unwrap_or(""),
        escape(text),
        escape(&metric),
        if figures.is_empty() { "" } else { ": " },
        escape(&figures)
    );
    let tags = words::claim_tags(&c.record);
    if !tags.is_empty() {
        out.push_str("<p class=\"tags\">");
        for t in tags {
            let _ = write!(out, "<span>{}</span>", escape(&t));
        }
        out.push_str("</p>");
    }
    if with_text {
        let _ = write!(out, "<q>{}</q>", escape(text));
    }
    if let Some((s, ok)) = check {
        let _ = write!(
            out,
            "<p class=\"check {}\">{} {}</p>",
            if ok { "ok" } else { "bad" },
            if ok { "✓" } else { "✗" },
            escape(&s)
        );
    }
    for v in run.verdicts.get(&c.id).map(Vec::as_slice).unwrap_or(&[]) {
        let l = v.get("label").and_then(Value::as_str).unwrap_or("");
        let _ = write!(
            out,
            "<div class=\"verdict v-{}\"><b>{}</b> by <code>{}</code>: {}",
            css_kind(l),
            escape(l),
            escape(v.get("source").and_then(Value::as_str).unwrap_or("?")),
            escape(v.get("why").and_then(Value::as_str).unwrap_or(""))
        );
        if let Some(ev) = v.get("evidence").and_then(Value::as_array) {
            for e in ev {
                if let Some(t) = e.get("text").and_then(Value::as_str) {
                    let _ =
                        write!(out, "<blockquote>{}</blockquote>", escape(t));
                }
            }
        }
        out.push_str("</div>");
    }
    out.push_str("</li>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes() {
        let hex = |b: &[u8]| {
            b.iter().map(|x| format!("{x:02x}")).collect::<String>()
        };
        assert_eq!(
            hex(&sha256(b"abc")),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            hex(&sha256(&[b'a'; 1000])),
            "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3"
        );
        assert_eq!(base64(b"any carnal pleas"), "YW55IGNhcm5hbCBwbGVhcw==");
        assert_eq!(base64(b"any carnal pleasu"), "YW55IGNhcm5hbCBwbGVhc3U=");
        assert_eq!(base64(b"any carnal pleasur"), "YW55IGNhcm5hbCBwbGVhc3Vy");
    }

    #[test]
    fn escapes() {
        assert_eq!(
            escape(r#"<script>alert('x') & "y"</script>"#),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;"
        );
        let v = json!({"t": "</script><!-- \u{2028} ' & >"});
        let s = json_for_script(&v);
        assert!(!s.contains('<') && !s.contains('>') && !s.contains('&'));
        assert!(!s.contains('\u{2028}') && !s.contains('\''));
        assert_eq!(serde_json::from_str::<Value>(&s).unwrap(), v);
    }

    #[test]
    fn nested_and_crossing_mentions() {
        let text = "Q3 2025 revenue rose 12% to $1.2 billion.";
        let m = |kind: &str, s: usize, e: usize| Mention {
            id: format!("d#{kind}@{s}-{e}"),
            kind: kind.into(),
            text: text.chars().skip(s).take(e - s).collect(),
            start: s,
            end: e,
            value: Value::Null,
            unit: None,
        };
        let run = Run::from_jsonl("");
        let d = Doc {
            id: "d".into(),
            mentions: vec![
                m("date", 0, 7),
                m("count", 3, 7),    // nested in the date
                m("percent", 5, 10), // crosses the date
                m("percent", 21, 24),
            ],
            ..Doc::default()
        };
        let mut out = String::new();
        let mut w = Written::default();
        doc_section(&mut out, &run, &d, 0, Some(text), &mut w);
        for mm in &d.mentions {
            assert_eq!(
                out.matches(&format!("data-id=\"{}\"", mm.id)).count(),
                1,
                "{out}"
            );
        }
        assert_eq!(
            out.matches("<mark").count(),
            out.matches("</mark>").count()
        );
        assert_eq!(w.off_text, 1);
        assert!(out.contains(
            "<mark class=\"k-date\" data-kind=\"date\" data-id=\"d#date@0-7\""
        ));
    }
}
