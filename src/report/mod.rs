/*!
`claimscan report`: a static review page of a run, where a person reads
each document with its mentions highlighted and its claims beside their
sentences, and checks them.

The report is built from records, never from the pipeline's internal
types: `claimscan report PATH...` scans into JSON lines in memory and
reads them back, and `claimscan report --records RUN.jsonl` reads an
earlier run's. Both therefore show exactly what a consumer of the records
sees, ids and code-point offsets included.

```text
JSONL records ─▶ Run::from_jsonl ─▶ Run (documents, mentions, claims, verdicts)
document texts (--emit-text files, sources) ─▶ html::write ─▶ DIR/index.html [+ DIR/docs/NNNN.html]
```

The page is self-contained: inline CSS and JavaScript, a Content Security
Policy that forbids every fetch, and every piece of document text,
attribute, file name and embedded JSON escaped ([`html::escape`],
[`html::json_for_script`]). Document text is data, never markup.
*/

pub mod html;
pub mod words;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde_json::Value;

/// One mention record, as the report needs it.
#[derive(Clone, Debug)]
pub struct Mention {
    /// The record id (`{doc}#{kind}@{start}-{end}`).
    pub id: String,
    /// `percent`, `count`, `money`, `date`, `skill`, or a later kind.
    pub kind: String,
    /// The surface text, as the record gives it.
    pub text: String,
    /// Start, in code points.
    pub start: usize,
    /// End (exclusive), in code points.
    pub end: usize,
    /// The normalized value (number or string).
    pub value: Value,
    /// The unit, or `None`.
    pub unit: Option<String>,
}

/// One claim record: its span and id, and the whole record for the
/// fields shown in plain words ([`words::claim`]).
#[derive(Clone, Debug)]
pub struct Claim {
    /// The record id.
    pub id: String,
    /// Start of the clause, in code points.
    pub start: usize,
    /// End of the clause, in code points.
    pub end: usize,
    /// The record as read.
    pub record: Value,
}

/// One document and its records.
#[derive(Clone, Debug, Default)]
pub struct Doc {
    /// The document id.
    pub id: String,
    /// The `doc` record, when the run wrote one.
    pub meta: Option<Value>,
    /// Its mentions, in record order.
    pub mentions: Vec<Mention>,
    /// Its claims, in record order.
    pub claims: Vec<Claim>,
    /// Messages of its `error` records (warnings included).
    pub errors: Vec<String>,
}

impl Doc {
    /// A string field of the `doc` record.
    pub fn meta_str(&self, field: &str) -> Option<&str> {
        self.meta.as_ref()?.get(field)?.as_str()
    }

    /// The text length the `doc` record states, in code points.
    pub fn chars(&self) -> Option<usize> {
        self.meta.as_ref()?.get("chars")?.as_u64().map(|n| n as usize)
    }
}

/// A run: documents in record order, the problems that belong to no
/// document, and crosscheck verdicts by claim id.
#[derive(Clone, Debug, Default)]
pub struct Run {
    /// Documents, in the order their first record appears.
    pub docs: Vec<Doc>,
    /// `error` records with no document: (path or `-`, message).
    pub errors: Vec<(String, String)>,
    /// Verdict records, by the id of the claim they judge.
    pub verdicts: HashMap<String, Vec<Value>>,
    /// Lines that were not records (bad JSON, no `type`): line numbers.
    pub bad_lines: Vec<usize>,
    /// Position of each document in `docs`, by id.
    index: HashMap<String, usize>,
}

fn usize_field(r: &Value, f: &str) -> Option<usize> {
    r.get(f)?.as_u64().map(|n| n as usize)
}

fn str_field(r: &Value, f: &str) -> Option<String> {
    r.get(f)?.as_str().map(str::to_string)
}

impl Run {
    /// Reads JSON-lines records (`mention`, `claim`, `doc`, `error`,
    /// `verdict`; other types are skipped, as the record contract asks).
    pub fn from_jsonl(text: &str) -> Run {
        let mut run = Run::default();
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            match serde_json::from_str::<Value>(line) {
                Ok(r) => {
                    if !run.add(r) {
                        run.bad_lines.push(i + 1);
                    }
                }
                Err(_) => run.bad_lines.push(i + 1),
            }
        }
        run
    }

    /// Adds verdict records (from `claimscan crosscheck`).
    pub fn add_verdicts(&mut self, text: &str) -> Result<(), String> {
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let r: Value = serde_json::from_str(line)
                .map_err(|e| format!("line {}: {e}", i + 1))?;
            if r["type"] == "verdict" {
                self.add(r);
            }
        }
        Ok(())
    }

    /// Adds one record; false when it is not one the report can read.
    fn add(&mut self, r: Value) -> bool {
        let Some(ty) = r.get("type").and_then(Value::as_str) else {
            return false;
        };
        let doc = r.get("doc").and_then(Value::as_str).map(str::to_string);
        match ty {
            "verdict" => {
                let Some(claim) = str_field(&r, "claim") else {
                    return false;
                };
                let same = self.verdicts.entry(claim).or_default();
                // The same verdict from the records and from --verdicts
                // is shown once.
                if !same.iter().any(|v| v.get("id") == r.get("id")) {
                    same.push(r);
                }
                true
            }
            "mention" => {
                let (Some(doc), Some(id), Some(start), Some(end)) = (
                    doc,
                    str_field(&r, "id"),
                    usize_field(&r, "start"),
                    usize_field(&r, "end"),
                ) else {
                    return false;
                };
                let m = Mention {
                    id,
                    kind: str_field(&r, "kind").unwrap_or_default(),
                    text: str_field(&r, "text").unwrap_or_default(),
                    start,
                    end,
                    value: r.get("value").cloned().unwrap_or(Value::Null),
                    unit: str_field(&r, "unit"),
                };
                self.doc(&doc).mentions.push(m);
                true
            }
            "claim" => {
                let (Some(doc), Some(id), Some(start), Some(end)) = (
                    doc,
                    str_field(&r, "id"),
                    usize_field(&r, "start"),
                    usize_field(&r, "end"),
                ) else {
                    return false;
                };
                let c = Claim { id, start, end, record: r };
                self.doc(&doc).claims.push(c);
                true
            }
            "doc" => {
                let Some(doc) = doc else { return false };
                self.doc(&doc).meta = Some(r);
                true
            }
            "error" => {
                let msg = str_field(&r, "message").unwrap_or_default();
                match doc {
                    Some(d) => self.doc(&d).errors.push(msg),
                    None => {
                        let path = str_field(&r, "path")
                            .unwrap_or_else(|| "-".into());
                        self.errors.push((path, msg));
                    }
                }
                true
            }
            // Later record types: skipped, as the contract asks.
            _ => true,
        }
    }

    /// The document with this id, added when it is new.
    fn doc(&mut self, id: &str) -> &mut Doc {
        let docs = &mut self.docs;
        let n = *self.index.entry(id.to_string()).or_insert_with(|| {
            docs.push(Doc { id: id.to_string(), ..Doc::default() });
            docs.len() - 1
        });
        &mut self.docs[n]
    }

    /// Mentions per kind over the run, most frequent first (ties by
    /// name), and the kinds in legend order: the contract's five, then
    /// any later kind by name.
    pub fn kind_counts(&self) -> Vec<(String, usize)> {
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for d in &self.docs {
            for m in &d.mentions {
                *counts.entry(m.kind.as_str()).or_default() += 1;
            }
        }
        let mut out: Vec<(String, usize)> = KINDS
            .iter()
            .map(|k| (k.to_string(), counts.get(k).copied().unwrap_or(0)))
            .collect();
        let mut extra: Vec<(&str, usize)> = counts
            .iter()
            .filter(|(k, _)| !KINDS.contains(k))
            .map(|(k, n)| (*k, *n))
            .collect();
        extra.sort();
        out.extend(extra.into_iter().map(|(k, n)| (k.to_string(), n)));
        out
    }
}

/// The mention kinds of the record contract, in legend order.
pub const KINDS: [&str; 5] = ["percent", "count", "money", "date", "skill"];

/// Where the text of a document comes from, for a report built from an
/// earlier run's records: the `--emit-text` folder, then the files the
/// `doc` record names.
#[derive(Clone, Debug, Default)]
pub struct TextSource {
    /// A folder of `--emit-text` output, or the folder the run scanned
    /// (document ids are paths relative to it).
    pub docs: Option<PathBuf>,
}

impl TextSource {
    /// The text of `doc` as the run read it (the text its offsets count
    /// in), or `None` when no file gives a text of the recorded length.
    pub fn text(&self, doc: &Doc) -> Option<String> {
        let want = doc.chars();
        let fits = |t: &str| want.is_none_or(|n| t.chars().count() == n);
        if let Some(dir) = &self.docs {
            let p = dir.join(crate::pipeline::text_file_name(&doc.id));
            if let Ok(b) = std::fs::read(&p) {
                let t = String::from_utf8_lossy(&b).into_owned();
                if fits(&t) {
                    return Some(t);
                }
            }
        }
        let mut files: Vec<PathBuf> = Vec::new();
        if let Some(dir) = &self.docs {
            files.push(dir.join(&doc.id));
        }
        if let Some(src) = doc.meta_str("source").filter(|s| *s != "-") {
            files.push(PathBuf::from(src));
            if let Some(dir) = &self.docs {
                files.push(dir.join(src));
            }
        }
        files.iter().filter_map(|p| reread(p, doc)).find(|t| fits(t))
    }
}

/// Reads a source file again as the scan did (format from the `doc`
/// record, gzip, framing, markup removal) and returns the text of `doc`.
fn reread(path: &Path, doc: &Doc) -> Option<String> {
    let meta = std::fs::metadata(path).ok()?;
    if !meta.is_file() {
        return None;
    }
    let bytes = std::fs::read(path).ok()?;
    let opts = crate::reader::ReadOptions {
        format: doc
            .meta_str("format")
            .and_then(crate::record::Format::from_name)
            .or_else(|| crate::reader::Format::from_path(path)),
        ..Default::default()
    };
    let docs: Vec<crate::record::Document> =
        crate::reader::frame::read_bytes(&doc.id, &bytes, &opts)
            .into_iter()
            .filter_map(Result::ok)
            .collect();
    if docs.len() == 1 {
        return docs.into_iter().next().map(|d| d.text);
    }
    let record = doc.meta.as_ref().and_then(|m| m.get("record")?.as_u64());
    docs.into_iter()
        .find(|d| {
            d.id == doc.id || (record.is_some() && d.meta.record == record)
        })
        .map(|d| d.text)
}
