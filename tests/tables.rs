//! Datasets out (issue #6): the same run as JSON lines, CSV and Parquet
//! carries the same records; the Arrow and Spark schemas match the files;
//! the progress bar shows on a terminal only; filter mode works with an
//! empty environment.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;

use crate::util::{Dir, all_records, claimscan, root};

/// Flattens one JSON-lines record the way the tables document it:
/// nested objects joined with `_`, a mention's `value` split into
/// `value_number`/`value_text`, `extra` kept as JSON text. Written here
/// independently of the writer, from the documented rules.
fn flatten(r: &Value) -> BTreeMap<String, Value> {
    let mut out = BTreeMap::new();
    let ty = r["type"].as_str().unwrap();
    for (k, v) in r.as_object().unwrap() {
        // Absent and null are the same in a table (and a null nested
        // object has no columns of its own).
        if k == "type" || v.is_null() {
            continue;
        }
        match (ty, k.as_str(), v) {
            ("mention", "value", Value::Number(_)) => {
                out.insert("value_number".into(), v.clone());
                out.insert("value_text".into(), Value::Null);
            }
            ("mention", "value", _) => {
                out.insert("value_number".into(), Value::Null);
                out.insert("value_text".into(), v.clone());
            }
            ("doc", "extra", _) => {
                out.insert("extra".into(), Value::String(v.to_string()));
            }
            (_, _, Value::Object(o)) => {
                for (k2, v2) in o {
                    out.insert(format!("{k}_{k2}"), v2.clone());
                }
            }
            _ => {
                out.insert(k.clone(), v.clone());
            }
        }
    }
    out
}

/// Compares two JSON scalars as a dataset would: numbers by value.
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            (x.as_f64().unwrap() - y.as_f64().unwrap()).abs() < 1e-9
        }
        _ => a == b,
    }
}

/// Reads every Parquet table of `dir` back into rows of JSON values.
pub fn read_parquet(
    dir: &Path,
    table: &str,
) -> (Vec<BTreeMap<String, Value>>, String) {
    use arrow_array::Array;
    use arrow_array::cast::AsArray;
    use arrow_schema::DataType;
    let f = std::fs::File::open(dir.join(format!("{table}.parquet"))).unwrap();
    let builder =
        parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(f).unwrap();
    let schema = builder.schema().clone();
    let mut rows = Vec::new();
    for batch in builder.build().unwrap() {
        let batch = batch.unwrap();
        for i in 0..batch.num_rows() {
            let mut row = BTreeMap::new();
            for (j, field) in schema.fields().iter().enumerate() {
                let col = batch.column(j);
                let v = if col.is_null(i) {
                    Value::Null
                } else {
                    match field.data_type() {
                        DataType::Utf8 => Value::String(col.as_string::<i32>().value(i).to_string()),
                        DataType::Int64 => col
                            .as_primitive::<arrow_array::types::Int64Type>()
                            .value(i)
                            .into(),
                        DataType::Float64 => serde_json::Number::from_f64(
                            col.as_primitive::<arrow_array::types::Float64Type>().value(i),
                        )
                        .map_or(Value::Null, Value::Number),
                        DataType::Boolean => col.as_boolean().value(i).into(),
                        DataType::List(_) => {
                            let l = col.as_list::<i32>().value(i);
                            Value::Array(
                                l.as_string::<i32>()
                                    .iter()
                                    .map(|s| Value::String(s.unwrap().to_string()))
                                    .collect(),
                            )
                        }
                        t => panic!("unexpected type {t}"),
                    }
                };
                row.insert(field.name().clone(), v);
            }
            rows.push(row);
        }
    }
    let text: String = schema
        .fields()
        .iter()
        .map(|f| {
            format!(
                "{}: {}{}\n",
                f.name(),
                f.data_type(),
                if f.is_nullable() { "" } else { " not null" }
            )
        })
        .collect();
    (rows, text)
}

/// Reads a CSV table back, typing cells by the Arrow schema the tool
/// publishes for it.
pub fn read_csv(
    dir: &Path,
    table: &str,
    schema: &str,
) -> Vec<BTreeMap<String, Value>> {
    let types: BTreeMap<&str, &str> = schema
        .lines()
        .map(|l| {
            let (n, t) = l.split_once(": ").unwrap();
            (n, t.trim_end_matches(" not null"))
        })
        .collect();
    let mut rd =
        csv::Reader::from_path(dir.join(format!("{table}.csv"))).unwrap();
    let headers: Vec<String> =
        rd.headers().unwrap().iter().map(str::to_string).collect();
    let mut rows = Vec::new();
    for rec in rd.records() {
        let rec = rec.unwrap();
        let mut row = BTreeMap::new();
        for (h, cell) in headers.iter().zip(rec.iter()) {
            let v = if cell.is_empty() {
                Value::Null
            } else {
                match types[h.as_str()] {
                    "Int64" => cell.parse::<i64>().unwrap().into(),
                    "Float64" => {
                        serde_json::Number::from_f64(cell.parse().unwrap())
                            .map_or(Value::Null, Value::Number)
                    }
                    "Boolean" => (cell == "true").into(),
                    t if t.starts_with("List") => {
                        serde_json::from_str(cell).unwrap()
                    }
                    _ => Value::String(cell.to_string()),
                }
            };
            row.insert(h.clone(), v);
        }
        rows.push(row);
    }
    rows
}

#[test]
fn jsonl_csv_and_parquet_carry_the_same_records() {
    let d = Dir::new();
    // Real documents of every format plus bad input, so that every table
    // (errors and docs with extra fields included) has rows.
    let bad =
        d.create("zz_bad.jsonl", "{\"id\":1,\"text\":\"ok 5%\"}\nnot json\n");
    let paths = [
        root().join("corpus"),
        root().join("fixtures/e2e/reuters_sgml/input"),
        root().join("fixtures/e2e/jsonl_dump/input"),
        bad,
    ];
    let inp: Vec<&str> = paths.iter().map(|p| p.to_str().unwrap()).collect();
    let mut args = vec!["scan", "-q"];
    args.extend(&inp);
    let jsonl = claimscan(&args, None, None);
    assert_eq!(jsonl.status.code(), Some(1));
    let recs = all_records(&jsonl.stdout);
    for (fmt, dir) in
        [("parquet", d.path().join("pq")), ("csv", d.path().join("csv"))]
    {
        let mut args =
            vec!["scan", "-q", "--format", fmt, "-o", dir.to_str().unwrap()];
        args.extend(&inp);
        let out = claimscan(&args, None, None);
        assert_eq!(
            out.status.code(),
            Some(1),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        for (table, ty) in [
            ("mentions", "mention"),
            ("claims", "claim"),
            ("docs", "doc"),
            ("errors", "error"),
        ] {
            let schema = String::from_utf8(
                claimscan(
                    &["schema", "--format", "arrow", "--table", table],
                    None,
                    None,
                )
                .stdout,
            )
            .unwrap();
            let rows = if fmt == "parquet" {
                let (rows, file_schema) = read_parquet(&dir, table);
                // The file's schema is the published one.
                assert_eq!(file_schema, schema, "{table}");
                rows
            } else {
                read_csv(&dir, table, &schema)
            };
            let expected: Vec<_> =
                recs.iter().filter(|r| r["type"] == ty).map(flatten).collect();
            assert!(!expected.is_empty(), "no {ty} records to compare");
            assert_eq!(rows.len(), expected.len(), "{fmt} {table}");
            for (got, want) in rows.iter().zip(&expected) {
                // Every field of the record has a column; optional fields
                // the record leaves out (a mention's `period`) are null.
                for k in want.keys() {
                    assert!(
                        got.contains_key(k),
                        "{fmt} {table}: no column {k}"
                    );
                }
                for (k, g) in got {
                    let w = want.get(k).unwrap_or(&Value::Null);
                    assert!(
                        same(g, w),
                        "{fmt} {table}.{k}: {g} != {w}\n{got:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn table_formats_need_a_folder() {
    let out =
        claimscan(&["scan", "--format", "parquet", "-"], None, Some(b"x"));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("-o DIR"));
}

#[test]
fn spark_ddl_lists_every_column_of_every_table() {
    let all = String::from_utf8(
        claimscan(&["schema", "--format", "spark-ddl"], None, None).stdout,
    )
    .unwrap();
    let arrow = String::from_utf8(
        claimscan(&["schema", "--format", "arrow"], None, None).stdout,
    )
    .unwrap();
    let mut tables = 0;
    for line in all.lines() {
        let (table, ddl) = line.split_once('\t').unwrap();
        let cols = ddl.split(", `").count();
        let block: Vec<&str> = arrow
            .split("table ")
            .find(|b| b.starts_with(&format!("{table} ")))
            .unwrap()
            .lines()
            .skip(1)
            .collect();
        assert_eq!(cols, block.len(), "{table}");
        tables += 1;
    }
    assert_eq!(tables, 5);
    let records = String::from_utf8(
        claimscan(
            &["schema", "--format", "spark-ddl", "--records"],
            None,
            None,
        )
        .stdout,
    )
    .unwrap();
    // Every field of every record type in the JSON Schema is in the DDL.
    let schema: Value = serde_json::from_str(
        &String::from_utf8(claimscan(&["schema"], None, None).stdout).unwrap(),
    )
    .unwrap();
    for def in ["mention", "claim", "error", "doc", "panel"] {
        for k in schema["$defs"][def]["properties"].as_object().unwrap().keys()
        {
            assert!(
                records.contains(&format!("`{k}` ")),
                "{def}.{k} missing from {records}"
            );
        }
    }
}

#[test]
fn progress_bar_on_a_terminal_only() {
    let bin = env!("CARGO_BIN_EXE_claimscan");
    let corpus = root().join("corpus");
    // `script` gives the program a pseudo-terminal and copies what it
    // writes (stderr included) to stdout.
    let cmd = format!("{bin} scan -o /dev/null {}", corpus.display());
    let tty = std::process::Command::new("script")
        .args(["-qec", &cmd, "/dev/null"])
        .output()
        .expect("script(1) from util-linux");
    let shown = String::from_utf8_lossy(&tty.stdout);
    assert!(
        shown.contains("files done"),
        "no progress bar on a terminal: {shown:?}"
    );
    assert!(shown.contains("documents found"), "{shown:?}");
    // --quiet: no bar even on a terminal.
    let cmd = format!("{bin} scan -q -o /dev/null {}", corpus.display());
    let quiet = std::process::Command::new("script")
        .args(["-qec", &cmd, "/dev/null"])
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&quiet.stdout).contains("files done"));
    // On a pipe: the summary line only.
    let piped = claimscan(
        &["scan", "-o", "/dev/null", corpus.to_str().unwrap()],
        None,
        None,
    );
    let err = String::from_utf8_lossy(&piped.stderr);
    assert!(!err.contains("files done"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn filter_mode_with_an_empty_environment() {
    let docs = "{\"id\":\"a\",\"text\":\"Revenue rose 12% to $4.2 billion.\"}\n{\"id\":\"b\",\"text\":\"Clients fell 7% from 855,000 to 794,000.\"}\n";
    let normal = claimscan(
        &["scan", "--input-format", "jsonl", "-"],
        None,
        Some(docs.as_bytes()),
    );
    for env in [
        vec![],
        vec![("RAYON_NUM_THREADS", "1")],
        vec![("RAYON_NUM_THREADS", "3")],
    ] {
        let mut cmd =
            std::process::Command::new(env!("CARGO_BIN_EXE_claimscan"));
        cmd.args(["scan", "--input-format", "jsonl", "-"]).env_clear();
        for (k, v) in &env {
            cmd.env(k, v);
        }
        let mut child = cmd
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        use std::io::Write;
        child.stdin.take().unwrap().write_all(docs.as_bytes()).unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{env:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(out.stdout, normal.stdout, "{env:?}");
    }
    // Empty input, empty environment: exit 0, no records.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_claimscan"))
        .args(["scan", "--input-format", "jsonl", "-"])
        .env_clear()
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
}

/// The table schemas kept in docs/ are what the binary prints (regenerate
/// them with `claimscan schema --format arrow > docs/tables.arrow.txt`,
/// `--format spark-ddl > docs/tables.spark-ddl.tsv` and `--format
/// spark-ddl --records > docs/records.spark-ddl.txt`).
#[test]
fn schemas_in_docs_match_the_binary() {
    for (file, args) in [
        ("docs/tables.arrow.txt", &["schema", "--format", "arrow"][..]),
        (
            "docs/tables.spark-ddl.tsv",
            &["schema", "--format", "spark-ddl"][..],
        ),
        (
            "docs/records.spark-ddl.txt",
            &["schema", "--format", "spark-ddl", "--records"][..],
        ),
        ("docs/schema.json", &["schema"][..]),
    ] {
        let kept = std::fs::read_to_string(root().join(file)).unwrap();
        let printed =
            String::from_utf8(claimscan(args, None, None).stdout).unwrap();
        assert_eq!(kept, printed, "{file} is stale");
    }
}
