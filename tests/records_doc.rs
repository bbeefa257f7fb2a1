//! `docs/records.md` against `docs/schema.json`: every field of every
//! record type in the schema is described in the document, so the two
//! cannot drift apart silently (issue #18).
//!
//! What counts as "described": the field's name in backticks in the first
//! cell of a row of a table whose header starts with `field`, inside the
//! record type's section (a `## ` heading that starts with the type in
//! backticks, such as ``## `claim` — ...``). A field of a nested object
//! (`check.agrees`) is described by a row for `agrees` in a field table
//! under a `### ` heading that names the parent in backticks (``### The
//! check object: `check` ``), or by a row for `check.agrees` itself.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::util::root;

/// The names in backticks in `s`.
fn backticked(s: &str) -> Vec<String> {
    s.split('`').skip(1).step_by(2).map(str::to_string).collect()
}

/// The documented fields of each record section: (record type, field path).
fn documented(md: &str) -> BTreeSet<(String, String)> {
    let mut out = BTreeSet::new();
    let mut record: Option<String> = None;
    let mut parents: Vec<String> = Vec::new();
    let mut in_field_table = false;
    for line in md.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            record = h
                .trim_start()
                .starts_with('`')
                .then(|| backticked(h).into_iter().next())
                .flatten();
            parents.clear();
            in_field_table = false;
            continue;
        }
        if let Some(h) = line.strip_prefix("### ") {
            parents = backticked(h);
            in_field_table = false;
            continue;
        }
        let Some(row) = line.trim().strip_prefix('|') else {
            in_field_table = false;
            continue;
        };
        let first = row.split('|').next().unwrap_or("").trim();
        if first == "field" {
            in_field_table = true;
            continue;
        }
        let Some(rec) = &record else { continue };
        if !in_field_table || first.starts_with("---") {
            continue;
        }
        for name in backticked(first) {
            if parents.is_empty() || name.contains('.') {
                out.insert((rec.clone(), name));
            } else {
                for p in &parents {
                    out.insert((rec.clone(), format!("{p}.{name}")));
                }
            }
        }
    }
    out
}

/// Follows a local `$ref` (`#/$defs/level`).
fn resolve<'a>(schema: &'a Value, v: &'a Value) -> &'a Value {
    match v.get("$ref").and_then(Value::as_str) {
        Some(r) => {
            let name = r.strip_prefix("#/$defs/").expect("a local $ref");
            resolve(schema, &schema["$defs"][name])
        }
        None => v,
    }
}

/// The field paths an object schema defines: its properties and, one level
/// down, the properties of objects they hold (through `$ref` and `oneOf`).
fn fields(schema: &Value, obj: &Value) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let Some(props) = obj.get("properties").and_then(Value::as_object) else {
        return out;
    };
    for (name, sub) in props {
        out.insert(name.clone());
        let sub = resolve(schema, sub);
        let mut alts = vec![sub];
        if let Some(one) = sub.get("oneOf").and_then(Value::as_array) {
            alts.extend(one.iter().map(|a| resolve(schema, a)));
        }
        for alt in alts {
            if let Some(p) = alt.get("properties").and_then(Value::as_object) {
                out.extend(p.keys().map(|k| format!("{name}.{k}")));
            }
        }
    }
    out
}

/// The record types of the schema, with their field paths.
fn schema_fields() -> Vec<(String, BTreeSet<String>)> {
    let text =
        std::fs::read_to_string(root().join("docs/schema.json")).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    let mut out = Vec::new();
    for alt in schema["oneOf"].as_array().expect("oneOf of record types") {
        let def = resolve(&schema, alt);
        let ty = def["properties"]["type"]["const"]
            .as_str()
            .expect("every record type has a const `type`")
            .to_string();
        out.push((ty, fields(&schema, def)));
    }
    out
}

#[test]
fn every_schema_field_is_documented() {
    let md = std::fs::read_to_string(root().join("docs/records.md")).unwrap();
    let documented = documented(&md);
    let types = schema_fields();
    // The four types written today, so a broken schema reader cannot make
    // this test pass by finding nothing.
    let names: Vec<&str> = types.iter().map(|(t, _)| t.as_str()).collect();
    for t in ["mention", "claim", "doc", "error"] {
        assert!(names.contains(&t), "schema has no {t} record: {names:?}");
    }
    let mut missing = Vec::new();
    for (ty, fields) in &types {
        assert!(fields.contains("check.agrees") || ty != "claim");
        for f in fields {
            if !documented.contains(&(ty.clone(), f.clone())) {
                missing.push(format!("{ty}.{f}"));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "fields in docs/schema.json that docs/records.md does not describe \
         (add a row to the field table of the record's section): {missing:?}"
    );
}

#[test]
fn the_check_sees_a_missing_field() {
    let md = "## `claim` — x\n\n| field | meaning |\n| --- | --- |\n\
              | `metric` | m |\n\n### The check: `check`\n\n\
              | field | meaning |\n| --- | --- |\n| `agrees` | a |\n";
    let d = documented(md);
    assert!(d.contains(&("claim".into(), "metric".into())));
    assert!(d.contains(&("claim".into(), "check.agrees".into())));
    assert!(!d.contains(&("claim".into(), "check".into())));
    assert!(!d.contains(&("claim".into(), "agrees".into())));
}

/// The record documentation ships with the project: nothing a user reads
/// points to a contract outside the repository.
#[test]
fn user_docs_point_inside_the_repository() {
    let r = root();
    let mut files = vec![r.join("README.md"), r.join("CONTRIBUTING.md")];
    let mut dirs = vec![r.join("docs"), r.join("src")];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "md" || x == "rs") {
                files.push(p);
            }
        }
    }
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        assert!(
            !text.contains("shared/contract"),
            "{} points to shared/contract; point to docs/records.md",
            f.display()
        );
    }
}
