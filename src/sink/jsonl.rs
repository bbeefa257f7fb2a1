/*!
JSON Lines output, in the record contract (`records.md`).

# Format

One JSON object per line, UTF-8. Every record has a `type`.

A mention:

```json
{"type":"mention","doc":"news/a.txt","id":"news/a.txt#percent@10-13","kind":"percent","text":"43%","start":10,"end":13,"value":43,"unit":"%"}
```

- `start`, `end`: half-open offsets in Unicode code points into the
  document text, so that `text == doc_text[start:end]` in Python.
- `id`: `{doc}#{kind}@{start}-{end}`, the same on every run and thread
  count (and unique: one mention per kind and span).
- `value`: a number for `percent`, `count`, `money` (integers are written
  without a fraction); a string for `date` (TIMEX3-style) and `skill`
  (canonical name).
- `unit`: `%`/`pp`/`bp`, the counted noun, an ISO 4217 code, or the skill's
  taxonomy id; `null` where none.

An input problem:

```json
{"type":"error","doc":"bad.txt","path":"corpus/bad.txt","message":"binary file (NUL byte at offset 3), skipped","severity":"error"}
```

`severity` is `error` when the document was not extracted and `warning`
when it was, but not exactly as written (invalid UTF-8 replaced).
*/

use serde::Serialize;

use super::Sink;
use crate::error::InputError;
use crate::extract::{CharIndex, Mention, Value};
use crate::reader::Document;

/// Writes JSON Lines.
#[derive(Clone, Copy, Debug, Default)]
pub struct JsonlSink;

#[derive(Serialize)]
#[serde(untagged)]
enum JsonValue<'a> {
    Int(i64),
    Float(f64),
    Text(&'a str),
}

impl<'a> JsonValue<'a> {
    fn of(v: &'a Value) -> JsonValue<'a> {
        match v {
            Value::Number(n) => number(*n),
            Value::Text(s) => JsonValue::Text(s),
        }
    }
}

/// Integers without a fraction, other numbers as the shortest float that
/// reads back the same.
fn number<'a>(n: f64) -> JsonValue<'a> {
    if n.fract() == 0.0 && n.abs() < 9.0e15 {
        JsonValue::Int(n as i64)
    } else {
        JsonValue::Float(n)
    }
}

#[derive(Serialize)]
struct MentionRecord<'a> {
    #[serde(rename = "type")]
    ty: &'static str,
    doc: &'a str,
    id: &'a str,
    kind: &'static str,
    text: &'a str,
    start: usize,
    end: usize,
    value: JsonValue<'a>,
    unit: Option<&'a str>,
}

#[derive(Serialize)]
struct ErrorRecord<'a> {
    #[serde(rename = "type")]
    ty: &'static str,
    doc: Option<&'a str>,
    path: Option<String>,
    message: &'a str,
    severity: &'static str,
}

impl Sink for JsonlSink {
    fn encode_document(&self, doc: &Document, mentions: &[Mention], out: &mut Vec<u8>) {
        for w in &doc.warnings {
            self.encode_error(w, out);
        }
        let mut ix = CharIndex::new(&doc.text);
        let mut id = String::new();
        for m in mentions {
            let start = ix.char_offset(m.start);
            let end = start + crate::extract::count_chars(&doc.text.as_bytes()[m.start..m.end]);
            id.clear();
            use std::fmt::Write;
            let _ = write!(id, "{}#{}@{}-{}", doc.id, m.kind, start, end);
            let rec = MentionRecord {
                ty: "mention",
                doc: &doc.id,
                id: &id,
                kind: m.kind.as_str(),
                text: &doc.text[m.start..m.end],
                start,
                end,
                value: JsonValue::of(&m.value),
                unit: m.unit.as_deref(),
            };
            serde_json::to_writer(&mut *out, &rec).expect("writing to a Vec cannot fail");
            out.push(b'\n');
        }
    }

    fn encode_error(&self, err: &InputError, out: &mut Vec<u8>) {
        let rec = ErrorRecord {
            ty: "error",
            doc: err.doc.as_deref(),
            path: err.path.as_ref().map(|p| p.to_string_lossy().into_owned()),
            message: &err.message,
            severity: err.severity.as_str(),
        };
        serde_json::to_writer(&mut *out, &rec).expect("writing to a Vec cannot fail");
        out.push(b'\n');
    }
}
