//! `claimscan panel` and `scan --panel` (issue 19): the panel of a
//! hand-checked claims fixture, standard input, bad lines, the `panel`
//! table through Parquet and CSV, and a scan's own panel.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::util::{Dir, all_records, claimscan, root};

fn fixture() -> String {
    root().join("fixtures/panel/claims.jsonl").display().to_string()
}

fn expected() -> Vec<Value> {
    let text =
        std::fs::read_to_string(root().join("fixtures/panel/expected.jsonl"))
            .unwrap();
    all_records(text.as_bytes())
}

#[test]
fn panel_of_the_fixture() {
    let out = claimscan(&["panel", "-q", &fixture()], None, None);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let got = all_records(&out.stdout);
    assert_eq!(got, expected());
    // What the fixture is for, spelled out.
    assert_eq!(got.len(), 3);
    let eps = &got[0];
    assert_eq!(eps["concept"], "eps");
    assert_eq!(eps["subject"], "norrland freight");
    assert_eq!(eps["agree"], true);
    assert_eq!(eps["sources"].as_array().unwrap().len(), 3);
    let rev = &got[1];
    assert_eq!(rev["agree"], false);
    assert_eq!(rev["value"]["value"], 421_530_000);
    let values = rev["values"].as_array().unwrap();
    assert_eq!(values.len(), 2);
    assert_eq!(values[1]["value"], 412_000_000);
    assert_eq!(
        values[1]["claims"],
        serde_json::json!(["wire.txt#claim@0-77"])
    );
    assert_eq!(rev["changes"][0]["direction"], "up");
    assert_eq!(got[2]["forward"], true);
    // Every record fits the published schema.
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("docs/schema.json")).unwrap(),
    )
    .unwrap();
    for r in &got {
        crate::json::validate(r, &schema, &schema)
            .unwrap_or_else(|e| panic!("{e}\n{r}"));
    }
}

#[test]
fn panel_reads_standard_input() {
    let input = std::fs::read(fixture()).unwrap();
    for args in [&["panel", "-q"][..], &["panel", "-q", "-"][..]] {
        let out = claimscan(args, None, Some(&input[..]));
        assert_eq!(out.status.code(), Some(0));
        assert_eq!(all_records(&out.stdout), expected(), "{args:?}");
    }
    // Input order of the files does not change the keys or values.
    let d = Dir::new();
    let text = std::fs::read_to_string(fixture()).unwrap();
    let (a, b) = text.split_at(text.len() / 2);
    let cut = a.rfind('\n').unwrap() + 1;
    let (a, b) = (&text[..cut], format!("{}{b}", &a[cut..]));
    let fa = d.create("a.jsonl", a);
    let fb = d.create("b.jsonl", b);
    let out = claimscan(
        &["panel", "-q", fa.to_str().unwrap(), fb.to_str().unwrap()],
        None,
        None,
    );
    assert_eq!(all_records(&out.stdout), expected());
}

#[test]
fn panel_stops_on_a_line_that_is_not_json() {
    let d = Dir::new();
    let p = d.create(
        "bad.jsonl",
        "{\"type\":\"mention\",\"doc\":\"a\"}\n{\"type\":\"claim\",\n",
    );
    let out = claimscan(&["panel", p.to_str().unwrap()], None, None);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.jsonl:2"), "{err}");
    assert!(out.stdout.is_empty());
    // Tables need a folder.
    let out = claimscan(&["panel", "--format", "csv", &fixture()], None, None);
    assert_eq!(out.status.code(), Some(2));
}

/// A panel record flattened as the `panel` table documents it.
fn flatten(r: &Value) -> BTreeMap<String, Value> {
    let mut row = BTreeMap::new();
    for k in ["subject", "concept", "qualifiers", "period", "forward", "agree"]
    {
        row.insert(k.to_string(), r[k].clone());
    }
    for k in ["value", "unit", "high"] {
        row.insert(format!("value_{k}"), r["value"][k].clone());
    }
    for k in ["sources", "values", "changes"] {
        row.insert(k.to_string(), Value::String(r[k].to_string()));
    }
    row
}

/// Numbers compare as numbers; JSON text columns as parsed JSON.
fn same_row(a: &BTreeMap<String, Value>, b: &BTreeMap<String, Value>) {
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (k, x) in a {
        let y = &b[k];
        match (x, y) {
            (Value::Number(p), Value::Number(q)) => assert!(
                (p.as_f64().unwrap() - q.as_f64().unwrap()).abs() < 1e-9,
                "{k}: {p} vs {q}"
            ),
            (Value::String(p), Value::String(q))
                if ["sources", "values", "changes"].contains(&k.as_str()) =>
            {
                let p: Value = serde_json::from_str(p).unwrap();
                let q: Value = serde_json::from_str(q).unwrap();
                assert_eq!(p, q, "{k}");
            }
            _ => assert_eq!(x, y, "{k}"),
        }
    }
}

#[test]
fn panel_table_round_trips_through_parquet_and_csv() {
    let d = Dir::new();
    let want: Vec<_> = expected().iter().map(flatten).collect();
    assert_eq!(want.len(), 3);
    let pq = d.path().join("pq");
    let out = claimscan(
        &[
            "panel",
            "-q",
            "--format",
            "parquet",
            "-o",
            pq.to_str().unwrap(),
            &fixture(),
        ],
        None,
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    // Only the panel table is written.
    let files: Vec<_> = std::fs::read_dir(&pq)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(files, ["panel.parquet"]);
    let (rows, schema) = crate::tables::read_parquet(&pq, "panel");
    let printed = claimscan(
        &["schema", "--format", "arrow", "--table", "panel"],
        None,
        None,
    );
    assert_eq!(schema, String::from_utf8(printed.stdout).unwrap());
    assert_eq!(rows.len(), want.len());
    for (got, want) in rows.iter().zip(&want) {
        same_row(got, want);
    }
    assert_eq!(rows[1]["agree"], false);
    assert_eq!(rows[1]["qualifiers"], serde_json::json!([]));
    assert_eq!(rows[0]["qualifiers"], serde_json::json!(["adjusted"]));

    let csv = d.path().join("csv");
    let out = claimscan(
        &[
            "panel",
            "-q",
            "--format",
            "csv",
            "-o",
            csv.to_str().unwrap(),
            &fixture(),
        ],
        None,
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    let rows = crate::tables::read_csv(&csv, "panel", &schema);
    assert_eq!(rows.len(), want.len());
    for (got, want) in rows.iter().zip(&want) {
        same_row(got, want);
    }
}

const STORY: &str = "Norrland Freight AB reported second-quarter revenue of $421.5 million, up 8% from a year earlier. Adjusted earnings per share were $1.12.\n";
const WIRE: &str = "The Norrland Freight Co. said revenue for the second quarter was $412 million. Adjusted EPS was $1.12.\n";

#[test]
fn scan_panel_appends_the_panel_of_its_claims() {
    let d = Dir::new();
    d.create("in/story.txt", STORY);
    d.create("in/wire.txt", WIRE);
    let input = d.path().join("in");
    let input = input.to_str().unwrap();
    let args = ["scan", "-q", "--doc-date", "2026-07-20", input];
    let plain = claimscan(&args, None, None);
    let with = claimscan(&[&args[..], &["--panel"]].concat(), None, None);
    assert_eq!(with.status.code(), Some(0));
    // The scan's records unchanged, then the panel records.
    assert!(with.stdout.starts_with(&plain.stdout));
    let tail = all_records(&with.stdout[plain.stdout.len()..]);
    assert!(tail.iter().all(|r| r["type"] == "panel"));
    let mut concepts: Vec<&str> =
        tail.iter().map(|r| r["concept"].as_str().unwrap()).collect();
    concepts.sort_unstable();
    assert_eq!(concepts, ["eps", "revenue"]);
    for r in &tail {
        assert_eq!(r["subject"], "norrland freight");
        assert_eq!(r["sources"].as_array().unwrap().len(), 2);
    }
    // The same as `claimscan panel` over the scan's output.
    let panel = claimscan(&["panel", "-q"], None, Some(&plain.stdout[..]));
    assert_eq!(all_records(&panel.stdout), tail);

    // As tables: a panel table beside the others, only with --panel.
    let t = d.path().join("t");
    let out = claimscan(
        &[
            &args[..],
            &["--panel", "--format", "csv", "-o", t.to_str().unwrap()],
        ]
        .concat(),
        None,
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let n =
        std::fs::read_to_string(t.join("panel.csv")).unwrap().lines().count();
    assert_eq!(n, 1 + tail.len());
    assert!(t.join("claims.csv").exists());
    let t2 = d.path().join("t2");
    claimscan(
        &[&args[..], &["--format", "csv", "-o", t2.to_str().unwrap()]]
            .concat(),
        None,
        None,
    );
    assert!(t2.join("claims.csv").exists());
    assert!(!t2.join("panel.csv").exists());
    // --panel needs claims.
    let out = claimscan(
        &[&args[..], &["--panel", "--no-claims"]].concat(),
        None,
        None,
    );
    assert_eq!(out.status.code(), Some(2));
}
