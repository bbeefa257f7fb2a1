//! Output invariants over the bundled corpus and fixtures: every line is a
//! typed record, `text == doc_text[start:end]` in code points, ids are
//! unique and stable, values have the type their kind promises, and the
//! output is byte-identical for any thread count.

use std::collections::HashSet;

use serde::Deserialize;

use crate::util::{Dir, claimscan, root};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MentionRecord {
    #[serde(rename = "type")]
    ty: String,
    doc: String,
    id: String,
    kind: String,
    text: String,
    start: usize,
    end: usize,
    value: serde_json::Value,
    unit: Option<String>,
    /// Skills in a sentence with a period carry it.
    period: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct ClaimRecord {
    #[serde(rename = "type")]
    ty: String,
    doc: String,
    id: String,
    start: usize,
    end: usize,
    text: String,
    metric: String,
    subject: Option<String>,
    value: Option<serde_json::Value>,
    change: Option<serde_json::Value>,
    direction: Option<String>,
    from: Option<serde_json::Value>,
    to: Option<serde_json::Value>,
    basis: Option<String>,
    period: Option<String>,
    speaker: Option<String>,
    forward: bool,
    mentions: Vec<String>,
    check: Option<serde_json::Value>,
}

#[test]
fn corpus_records_satisfy_the_contract() {
    let corpus = root().join("corpus");
    let out = claimscan(&["scan", "-q", corpus.to_str().unwrap()], None, None);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let mut ids = HashSet::new();
    let mut kinds = HashSet::new();
    let mut n = 0;
    let mut claims = 0;
    for line in text.lines() {
        if line.starts_with(r#"{"type":"claim""#) {
            let c: ClaimRecord = serde_json::from_str(line)
                .unwrap_or_else(|e| panic!("{line}: {e}"));
            let doc = std::fs::read_to_string(corpus.join(&c.doc)).unwrap();
            let slice: String =
                doc.chars().skip(c.start).take(c.end - c.start).collect();
            assert_eq!(slice, c.text, "{line}");
            assert!(!c.metric.is_empty());
            assert!(
                matches!(
                    c.direction.as_deref(),
                    None | Some("up" | "down" | "flat")
                ),
                "{line}"
            );
            assert!(
                matches!(
                    c.basis.as_deref(),
                    None | Some("yoy" | "qoq" | "sequential")
                ),
                "{line}"
            );
            for id in &c.mentions {
                assert!(
                    ids.contains(id),
                    "claim refers to unknown mention {id}"
                );
            }
            claims += 1;
            continue;
        }
        let r: MentionRecord = serde_json::from_str(line)
            .unwrap_or_else(|e| panic!("{line}: {e}"));
        assert_eq!(r.ty, "mention");
        let doc = std::fs::read_to_string(corpus.join(&r.doc)).unwrap();
        let chars: Vec<char> = doc.chars().collect();
        let slice: String = chars[r.start..r.end].iter().collect();
        assert_eq!(slice, r.text, "{line}");
        assert!(ids.insert(r.id.clone()), "duplicate id {}", r.id);
        assert_eq!(
            r.id,
            format!("{}#{}@{}-{}", r.doc, r.kind, r.start, r.end)
        );
        match r.kind.as_str() {
            "percent" => {
                assert!(r.value.is_number());
                assert!(
                    matches!(r.unit.as_deref(), Some("%" | "pp" | "bp")),
                    "{line}"
                );
            }
            "money" => {
                assert!(r.value.is_number());
                let u = r.unit.as_deref().unwrap();
                assert!(
                    u.len() == 3 && u.bytes().all(|c| c.is_ascii_uppercase()),
                    "{line}"
                );
            }
            "count" => assert!(r.value.is_number()),
            "date" => {
                let v = r.value.as_str().unwrap();
                assert!(
                    v.starts_with("FY")
                        || v.starts_with("XXXX")
                        || v.as_bytes()[0].is_ascii_digit(),
                    "{line}"
                );
                assert!(r.unit.is_none());
            }
            "skill" => {
                assert!(r.value.is_string());
                if let Some(p) = &r.period {
                    assert!(
                        p.starts_with("FY")
                            || p.starts_with("XXXX")
                            || p.as_bytes()[0].is_ascii_digit(),
                        "{line}"
                    );
                }
            }
            k => panic!("unknown kind {k}"),
        }
        kinds.insert(r.kind);
        n += 1;
    }
    assert_eq!(kinds.len(), 5, "every kind appears in the corpus");
    assert!(claims > 100, "{claims} claims");
    assert!(n > 500, "{n} mentions");
}

#[test]
fn output_is_identical_for_any_thread_count() {
    let corpus = root().join("corpus");
    let fixtures = root().join("fixtures");
    let args = |j: &'static str| vec!["scan", "-q", "--threads", j];
    let run = |j: &'static str| {
        let mut a = args(j);
        a.push(corpus.to_str().unwrap());
        a.push(fixtures.to_str().unwrap());
        claimscan(&a, None, None).stdout
    };
    let one = run("1");
    assert!(!one.is_empty());
    assert_eq!(one, run("4"));
    assert_eq!(one, run("2"));
}

/// A document above the chunking threshold is extracted in parallel
/// chunks; the result must not depend on the thread count either, and must
/// equal the per-paragraph result.
#[test]
fn very_large_document_is_chunked_deterministically() {
    let d = Dir::new();
    let para = "Revenue rose 12% to $4.7 billion in Q3 2025, and 855,000 clients used ChatGPT.\n\n";
    let n = (5 << 20) / para.len() + 1;
    let big = para.repeat(n);
    let p = d.create("big.txt", &big);
    let one =
        claimscan(&["scan", "-q", "-j", "1", p.to_str().unwrap()], None, None)
            .stdout;
    let four =
        claimscan(&["scan", "-q", "-j", "4", p.to_str().unwrap()], None, None)
            .stdout;
    assert_eq!(one, four);
    let text = String::from_utf8(one).unwrap();
    let mentions =
        text.lines().filter(|l| l.starts_with(r#"{"type":"mention""#)).count();
    assert_eq!(mentions, 5 * n, "five mentions per paragraph");
    let claims =
        text.lines().filter(|l| l.starts_with(r#"{"type":"claim""#)).count();
    assert_eq!(claims, n, "one claim per paragraph");
}
