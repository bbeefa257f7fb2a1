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
    high: Option<serde_json::Value>,
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
    concept: Option<String>,
    qualifiers: Vec<String>,
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
    let mut docs = 0;
    for line in text.lines() {
        if line.starts_with(r#"{"type":"doc""#) {
            // The doc record's length is the text's, in code points.
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let doc = std::fs::read_to_string(
                corpus.join(v["doc"].as_str().unwrap()),
            )
            .unwrap();
            assert_eq!(v["chars"], doc.chars().count(), "{line}");
            assert_eq!(v["format"], "text", "{line}");
            docs += 1;
            continue;
        }
        if line.starts_with(r#"{"type":"claim""#) {
            let c: ClaimRecord = serde_json::from_str(line)
                .unwrap_or_else(|e| panic!("{line}: {e}"));
            let doc = std::fs::read_to_string(corpus.join(&c.doc)).unwrap();
            let slice: String =
                doc.chars().skip(c.start).take(c.end - c.start).collect();
            assert_eq!(slice, c.text, "{line}");
            assert!(!c.metric.is_empty());
            // Every claim with a metric has a concept, and its qualifiers
            // are sorted and from the contract's list.
            assert!(
                c.concept.as_deref().is_some_and(|k| !k.is_empty()),
                "{line}"
            );
            assert!(c.qualifiers.windows(2).all(|w| w[0] < w[1]), "{line}");
            assert!(
                c.qualifiers.iter().all(|q| matches!(
                    q.as_str(),
                    "adjusted" | "gaap" | "organic" | "constant_currency"
                ) || q.starts_with("segment:")),
                "{line}"
            );
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
                        || v.as_bytes()[0].is_ascii_digit()
                        || ["PRESENT_REF", "PAST_REF", "FUTURE_REF"]
                            .contains(&v),
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
    // 13 stories; corpus/README.md is skipped (a folder's README is not
    // data).
    assert!(docs >= 13, "{docs} doc records");
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
    // Revenue's change and level, and the count of clients (a KPI level).
    assert_eq!(claims, 2 * n, "two claims per paragraph");
}

/// A validator for the subset of JSON Schema that docs/schema.json uses:
/// `$ref`, `oneOf`, `type`, `const`, `enum`, `required`, `properties`,
/// `additionalProperties: false`, `items`, `minimum`.
pub fn validate(
    v: &serde_json::Value,
    s: &serde_json::Value,
    root: &serde_json::Value,
) -> Result<(), String> {
    use serde_json::Value as J;
    if let Some(r) = s.get("$ref").and_then(J::as_str) {
        let name = r.trim_start_matches("#/$defs/");
        return validate(v, &root["$defs"][name], root);
    }
    if let Some(alts) = s.get("oneOf").and_then(J::as_array) {
        let ok = alts.iter().filter(|a| validate(v, a, root).is_ok()).count();
        return if ok == 1 {
            Ok(())
        } else {
            Err(format!("{v} matches {ok} of oneOf"))
        };
    }
    if let Some(t) = s.get("type") {
        let types: Vec<&str> = match t {
            J::String(x) => vec![x.as_str()],
            J::Array(xs) => xs.iter().filter_map(J::as_str).collect(),
            _ => vec![],
        };
        let fits = |ty: &str| match ty {
            "string" => v.is_string(),
            "number" => v.is_number(),
            "integer" => v.is_u64() || v.is_i64(),
            "boolean" => v.is_boolean(),
            "object" => v.is_object(),
            "array" => v.is_array(),
            "null" => v.is_null(),
            _ => false,
        };
        if !types.iter().any(|t| fits(t)) {
            return Err(format!("{v} is not {types:?}"));
        }
    }
    if let Some(c) = s.get("const")
        && v != c
    {
        return Err(format!("{v} != {c}"));
    }
    if let Some(e) = s.get("enum").and_then(J::as_array)
        && !e.contains(v)
    {
        return Err(format!("{v} not in {e:?}"));
    }
    if let (Some(min), Some(x)) =
        (s.get("minimum").and_then(J::as_f64), v.as_f64())
        && x < min
    {
        return Err(format!("{x} < {min}"));
    }
    if let Some(o) = v.as_object() {
        for r in s.get("required").and_then(J::as_array).into_iter().flatten()
        {
            let k = r.as_str().unwrap();
            if !o.contains_key(k) {
                return Err(format!("missing {k}"));
            }
        }
        let props = s.get("properties").and_then(J::as_object);
        for (k, x) in o {
            match props.and_then(|p| p.get(k)) {
                Some(ps) => {
                    validate(x, ps, root).map_err(|e| format!("{k}: {e}"))?
                }
                None if s.get("additionalProperties")
                    == Some(&J::Bool(false)) =>
                {
                    return Err(format!("unexpected field {k}"));
                }
                None => {}
            }
        }
    }
    if let (Some(items), Some(a)) = (s.get("items"), v.as_array()) {
        for x in a {
            validate(x, items, root)?;
        }
    }
    Ok(())
}

/// `claimscan schema` prints docs/schema.json, and every record of real
/// runs (corpus, gold documents, bad input) validates against it.
#[test]
fn schema_validates_real_output() {
    let printed = claimscan(&["schema"], None, None);
    let schema: serde_json::Value =
        serde_json::from_slice(&printed.stdout).unwrap();
    let on_disk: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("docs/schema.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(schema, on_disk);
    let d = Dir::new();
    d.create("bin.txt", b"\0\0binary");
    d.create("latin1.txt", b"caf\xe9 up 5%");
    let mut n = 0;
    for p in [
        root().join("corpus"),
        root().join("fixtures"),
        d.path().to_path_buf(),
    ] {
        let out = claimscan(&["scan", "-q", p.to_str().unwrap()], None, None);
        for line in String::from_utf8(out.stdout).unwrap().lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            validate(&v, &schema, &schema)
                .unwrap_or_else(|e| panic!("{e}\n{line}"));
            n += 1;
        }
    }
    assert!(n > 1000, "{n} records validated");
    // The validator rejects what the schema forbids.
    let bad = serde_json::json!({"type":"mention","doc":"a","id":"a#x@0-1","kind":"percent","text":"x","start":0,"end":1,"value":1,"unit":5});
    assert!(validate(&bad, &schema, &schema).is_err());
    let extra = serde_json::json!({"type":"error","doc":null,"path":null,"message":"m","severity":"error","x":1});
    assert!(validate(&extra, &schema, &schema).is_err());
    let kind = serde_json::json!({"type":"mention","doc":"a","id":"i","kind":"weather","text":"x","start":0,"end":1,"value":1,"unit":null});
    assert!(validate(&kind, &schema, &schema).is_err());
}
