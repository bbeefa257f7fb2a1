//! `claimscan report`: the page's markup contract against the records
//! (every mention one `<mark data-kind data-id>`, every claim one
//! `data-claim` element), hostile text and file names, reports from an
//! earlier run's records, one page per document, verdicts.
//!
//! The same pages rendered by a real browser: `report_browser.rs`.

use std::collections::BTreeMap;
use std::path::Path;

use dom_query::Document;
use serde_json::Value;

use crate::util::{Dir, all_records, claimscan, root};

pub fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The made-up articles of `fixtures/report/`.
pub fn fixture() -> std::path::PathBuf {
    root().join("fixtures/report")
}

/// Text with everything a page must not turn into markup.
pub const HOSTILE: &str = "Revenue <script>alert(1)</script> rose 5% to $10 million \
\"><img src=x onerror=\"document.body.dataset.pwned=1\"> in Q3 2025.\n\
</script><script>document.title='PWNED'</script> <!-- & &amp; &lt;b&gt; ' \"\n\
Margin rose 2% to 31%\u{2028}in 2024 \u{2029} end.\n";

/// A file name with markup in it (not valid on every file system, so it
/// is made in a temporary folder, never committed).
pub const HOSTILE_NAME: &str = "a<b>\"c'&\u{2028}.txt";

/// Runs `claimscan scan` on `args` in `cwd` and returns every record.
pub fn scan(args: &[&str], cwd: &Path) -> Vec<Value> {
    let mut a = vec!["scan"];
    a.extend_from_slice(args);
    let out = claimscan(&a, Some(cwd), None);
    assert!(out.status.success(), "{}", stderr(&out));
    all_records(&out.stdout)
}

/// How many elements carry each value of `attr`, over `pages`.
pub fn attr_counts(pages: &[String], attr: &str) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for html in pages {
        let doc = Document::from(html.as_str());
        for n in doc.select(&format!("[{attr}]")).nodes() {
            let v = n.attr(attr).expect("selected by it").to_string();
            *out.entry(v).or_insert(0) += 1;
        }
    }
    out
}

/// Checks the markup contract of `pages` against `records`: every
/// mention is exactly one element with its kind and id (and, where it is
/// in the text, its text), every claim exactly one `data-claim` element,
/// and nothing else carries those attributes.
pub fn check_contract(pages: &[String], records: &[Value]) {
    let ids = attr_counts(pages, "data-id");
    let claims = attr_counts(pages, "data-claim");
    let mut want_ids = BTreeMap::new();
    let mut want_claims = BTreeMap::new();
    for r in records {
        match r["type"].as_str() {
            Some("mention") => {
                want_ids.insert(r["id"].as_str().unwrap().to_string(), 1);
            }
            Some("claim") => {
                want_claims.insert(r["id"].as_str().unwrap().to_string(), 1);
            }
            _ => {}
        }
    }
    assert!(!want_ids.is_empty());
    assert_eq!(ids, want_ids, "data-id elements vs mention records");
    assert_eq!(claims, want_claims, "data-claim elements vs claim records");
    let mut seen = 0;
    for html in pages {
        let doc = Document::from(html.as_str());
        for n in doc.select("[data-id]").nodes() {
            let id = n.attr("data-id").unwrap().to_string();
            let r = records.iter().find(|r| r["id"] == id.as_str()).unwrap();
            assert_eq!(n.node_name().unwrap().as_ref(), "mark", "{id}");
            assert_eq!(
                n.attr("data-kind").unwrap().as_ref(),
                r["kind"],
                "{id}"
            );
            // Nested marks: the text of the element is the mention's.
            assert_eq!(n.text().as_ref(), r["text"], "{id}");
            seen += 1;
        }
    }
    assert_eq!(seen, want_ids.len());
}

/// Reads every HTML page of a report folder, index first.
pub fn pages(dir: &Path) -> Vec<String> {
    let mut out =
        vec![std::fs::read_to_string(dir.join("index.html")).unwrap()];
    if let Ok(rd) = std::fs::read_dir(dir.join("docs")) {
        let mut names: Vec<_> = rd.flatten().map(|e| e.path()).collect();
        names.sort();
        for p in names {
            out.push(std::fs::read_to_string(p).unwrap());
        }
    }
    out
}

#[test]
fn every_mention_and_claim_is_one_element() {
    let d = Dir::new();
    let out_dir = d.path().join("out");
    let fx = fixture();
    let out = claimscan(
        &["report", "-q", "-o", out_dir.to_str().unwrap(), "news"],
        Some(&fx),
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let records = scan(&["news"], &fx);
    let html = pages(&out_dir);
    assert_eq!(html.len(), 1, "two documents fit on the index");
    check_contract(&html, &records);
    // Claims in plain words, with their check.
    let page = Document::from(html[0].as_str());
    let text = page.select("li.claim").text().to_string();
    assert!(
        text.contains("Active shippers on the platform: down 4%, 63,750 → 61,200, year over year"),
        "{text}"
    );
    assert!(
        text.contains("members: up 12%, 1.2 million → 1.3 million"),
        "{text}"
    );
    let bad = page.select("li.claim[data-check=fails]");
    assert_eq!(bad.length(), 1);
    assert!(bad.text().contains("does not agree"), "{}", bad.text());
    // The overview: a chart, the legend, the top lists.
    assert!(page.select("svg.chart rect").length() >= 5);
    assert!(page.select(".legend input[type=checkbox]").length() == 5);
    assert!(page.select(".card").text().contains("Python"));
    // Nothing from elsewhere: no URLs in src or href.
    for n in page.select("[src], [href]").nodes() {
        let v = n.attr("src").or_else(|| n.attr("href")).unwrap();
        assert!(!v.contains("//"), "outside URL {v}");
    }
}

#[test]
fn document_text_and_file_names_are_escaped() {
    let d = Dir::new();
    d.create(&format!("in/{HOSTILE_NAME}"), HOSTILE);
    let out_dir = d.path().join("out");
    let out =
        claimscan(&["report", "-q", "-o", "out", "in"], Some(d.path()), None);
    assert!(out.status.success(), "{}", stderr(&out));
    let html = std::fs::read_to_string(out_dir.join("index.html")).unwrap();
    // Our two scripts (the data and the code), nothing else.
    assert_eq!(html.matches("<script").count(), 2, "{html}");
    assert_eq!(html.matches("</script").count(), 2);
    assert!(!html.contains("<img") && !html.contains("<!--"));
    assert!(!data_json(&html).contains(['\u{2028}', '<', '>', '&', '\'']));
    let page = Document::from(html.as_str());
    assert_eq!(page.select("img").length(), 0);
    assert_eq!(page.select("script").length(), 2);
    for n in page.select("*").nodes() {
        for a in n.attrs() {
            assert!(
                !a.name.local.starts_with("on"),
                "event handler {}",
                a.name.local
            );
        }
    }
    // The text and the name come through as text.
    let sec = page.select("section.doc");
    assert_eq!(sec.attr("data-doc").unwrap().as_ref(), HOSTILE_NAME);
    let txt = sec.select(".txt").text().to_string();
    for needle in [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=",
        "</script><script>document.title='PWNED'</script>",
        "<!-- & &amp; &lt;b&gt; ' \"",
    ] {
        assert!(txt.contains(needle), "{needle:?} not in {txt:?}");
    }
    // The embedded JSON reads back to the same id.
    let data: Value = serde_json::from_str(&data_json(&html)).unwrap();
    assert_eq!(data["docs"][0]["id"], HOSTILE_NAME);
    let records = scan(&["in"], d.path());
    check_contract(&[html], &records);
}

/// The text of the `cs-data` script element.
pub fn data_json(html: &str) -> String {
    let start =
        html.find("id=\"cs-data\">").unwrap() + "id=\"cs-data\">".len();
    let end = start + html[start..].find("</script>").unwrap();
    html[start..end].to_string()
}

#[test]
fn a_report_from_records_matches_a_report_from_a_scan() {
    let d = Dir::new();
    let fx = fixture();
    let run = d.path().join("run.jsonl");
    let text = d.path().join("text");
    let out = claimscan(
        &[
            "scan",
            "-o",
            run.to_str().unwrap(),
            "--emit-text",
            text.to_str().unwrap(),
            "news",
        ],
        Some(&fx),
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let records = all_records(&std::fs::read(&run).unwrap());
    let direct = d.path().join("direct");
    let out = claimscan(
        &["report", "-q", "-o", direct.to_str().unwrap(), "news"],
        Some(&fx),
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let want = pages(&direct);
    // From the --emit-text folder, from the scanned folder, and from the
    // `source` of the doc records (relative to where the scan ran).
    for (name, docs, cwd) in [
        ("emitted", Some(text.as_path()), d.path()),
        ("scanned", Some(fx.join("news")).as_deref(), d.path()),
        ("sources", None, fx.as_path()),
    ] {
        let dir = d.path().join(name);
        let mut args = vec![
            "report".to_string(),
            "-o".into(),
            dir.to_str().unwrap().into(),
            "--records".into(),
            run.to_str().unwrap().into(),
        ];
        if let Some(p) = docs {
            args.push("--docs".into());
            args.push(p.to_str().unwrap().into());
        }
        let a: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = claimscan(&a, Some(cwd), None);
        assert!(out.status.success(), "{name}: {}", stderr(&out));
        assert!(
            !stderr(&out).contains("no text found"),
            "{name}: {}",
            stderr(&out)
        );
        let got = pages(&dir);
        check_contract(&got, &records);
        // The same documents, marks and cards (the header names the
        // input, so compare from the filters on).
        let from = |s: &str| {
            s[s.find("<nav class=\"filters\"").unwrap()..].to_string()
        };
        assert_eq!(from(&got[0]), from(&want[0]), "{name}");
    }
    // Without any text, mentions are still each one element.
    let dir = d.path().join("notext");
    let out = claimscan(
        &[
            "report",
            "-o",
            dir.to_str().unwrap(),
            "--records",
            run.to_str().unwrap(),
        ],
        Some(d.path()),
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("no text found for 2 documents"),
        "{}",
        stderr(&out)
    );
    check_contract(&pages(&dir), &records);
}

#[test]
fn many_documents_get_a_page_each_and_a_paginated_index() {
    let d = Dir::new();
    for i in 0..7 {
        d.create(
            &format!("in/doc{i}.txt"),
            format!("Doc {i}: revenue rose {}% to ${i}.5 million in Q{} 2025 <b>.\n", i + 1, i % 4 + 1),
        );
    }
    let out = claimscan(
        &["report", "-q", "--inline-max", "5", "-o", "out", "in"],
        Some(d.path()),
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let html = pages(&d.path().join("out"));
    assert_eq!(html.len(), 8, "index and one page per document");
    assert!(d.path().join("out/docs/0007.html").exists());
    // The index has the list, not the documents.
    assert_eq!(attr_counts(&html[..1], "data-id").len(), 0);
    let data: Value = serde_json::from_str(&data_json(&html[0])).unwrap();
    assert_eq!(data["docs"].as_array().unwrap().len(), 7);
    assert_eq!(data["docs"][6]["href"], "docs/0007.html");
    check_contract(&html, &scan(&["in"], d.path()));
    // A smaller report in the same folder drops the old pages.
    std::fs::remove_file(d.path().join("in/doc6.txt")).unwrap();
    std::fs::remove_file(d.path().join("in/doc5.txt")).unwrap();
    let out = claimscan(
        &["report", "-q", "--inline-max", "5", "-o", "out", "in"],
        Some(d.path()),
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(pages(&d.path().join("out")).len(), 1);
}

#[test]
fn verdicts_are_shown_beside_their_claims() {
    let d = Dir::new();
    d.create(
        "call.txt",
        "Second quarter revenue was $412.5 million, up 9% from last year.\n\
         Adjusted EPS was $0.42, compared to $0.35 last year.\n",
    );
    d.create(
        "story.txt",
        "q2 revenue rose 9 percent to $412.5 million.\n\
         q2 adjusted earnings per share 24 cents.\n",
    );
    let out = claimscan(
        &["crosscheck", "-o", "v.jsonl", "--source", "call.txt", "story.txt"],
        Some(d.path()),
        None,
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let out = claimscan(
        &["report", "-o", "out", "--verdicts", "v.jsonl", "story.txt"],
        Some(d.path()),
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let html =
        std::fs::read_to_string(d.path().join("out/index.html")).unwrap();
    let page = Document::from(html.as_str());
    let ok =
        page.select("li.claim[data-label=supported] .verdict.v-supported");
    assert_eq!(ok.length(), 1, "{html}");
    let bad = page
        .select("li.claim[data-label=contradicted] .verdict.v-contradicted");
    assert_eq!(bad.length(), 1);
    assert!(bad.text().contains("$0.42"), "{}", bad.text());
    assert!(
        bad.select("blockquote").text().contains("Adjusted EPS was $0.42")
    );
}
