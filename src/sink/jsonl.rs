/*!
JSON Lines output. Every field is explained in `docs/records.md`; this
module doc is the short version.

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
use crate::record::{
    Analysis, CharIndex, Claim, Direction, Document, InputError, Level,
    Mention, Value, count_chars,
};

/// The JSON Schema of every record type (`docs/schema.json`, printed by
/// `claimscan schema`; `tests/json.rs` validates real output against it).
pub const SCHEMA: &str = include_str!("../../docs/schema.json");

/// Writes JSON Lines.
#[derive(Clone, Copy, Debug, Default)]
pub struct JsonlSink;

/// Appends a JSON string (quoted and escaped).
fn push_str(out: &mut Vec<u8>, s: &str) {
    serde_json::to_writer(&mut *out, s).expect("writing to a Vec cannot fail");
}

/// Appends a JSON number: integers without a fraction, other numbers as
/// the shortest float that reads back the same.
fn push_number(out: &mut Vec<u8>, n: f64) {
    if n.fract() == 0.0 && n.abs() < 9.0e15 {
        out.extend_from_slice(itoa::Buffer::new().format(n as i64).as_bytes());
    } else if n.is_finite() {
        serde_json::to_writer(&mut *out, &n)
            .expect("writing to a Vec cannot fail");
    } else {
        out.extend_from_slice(b"null");
    }
}

fn push_usize(out: &mut Vec<u8>, n: usize) {
    out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

/// Appends one mention record. Written by hand rather than through serde
/// because it is the hottest part of the output path; `tests/json.rs`
/// parses it back to check it stays valid.
fn push_mention(
    out: &mut Vec<u8>,
    doc_json: &[u8],
    text: &str,
    m: &Mention,
    start: usize,
    end: usize,
    period: Option<&str>,
) {
    out.extend_from_slice(b"{\"type\":\"mention\",\"doc\":");
    out.extend_from_slice(doc_json);
    // The id is `{doc}#{kind}@{start}-{end}`: the escaped doc string with
    // a suffix that never needs escaping.
    out.extend_from_slice(b",\"id\":");
    out.extend_from_slice(&doc_json[..doc_json.len() - 1]);
    out.push(b'#');
    out.extend_from_slice(m.kind.as_str().as_bytes());
    out.push(b'@');
    push_usize(out, start);
    out.push(b'-');
    push_usize(out, end);
    out.push(b'"');
    out.extend_from_slice(b",\"kind\":\"");
    out.extend_from_slice(m.kind.as_str().as_bytes());
    out.extend_from_slice(b"\",\"text\":");
    push_str(out, text);
    out.extend_from_slice(b",\"start\":");
    push_usize(out, start);
    out.extend_from_slice(b",\"end\":");
    push_usize(out, end);
    out.extend_from_slice(b",\"value\":");
    match &m.value {
        Value::Number(n) => push_number(out, *n),
        Value::Text(t) => push_str(out, t),
    }
    out.extend_from_slice(b",\"unit\":");
    match &m.unit {
        Some(u) => push_str(out, u),
        None => out.extend_from_slice(b"null"),
    }
    if let Some(p) = period {
        out.extend_from_slice(b",\"period\":");
        push_str(out, p);
    }
    out.extend_from_slice(b"}\n");
}

/// A number serialized like mention values: integers without a fraction.
struct JsonNumber(f64);

/// A number as the records write it: integers without a fraction.
pub fn json_number(n: f64) -> serde_json::Value {
    serde_json::to_value(JsonNumber(n)).unwrap_or(serde_json::Value::Null)
}

impl Serialize for JsonNumber {
    fn serialize<S: serde::Serializer>(
        &self,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        let n = self.0;
        if n.fract() == 0.0 && n.abs() < 9.0e15 {
            s.serialize_i64(n as i64)
        } else {
            s.serialize_f64(n)
        }
    }
}

#[derive(Serialize)]
struct LevelRecord<'a> {
    value: JsonNumber,
    unit: Option<&'a str>,
    kind: &'static str,
}

#[derive(Serialize)]
struct ChangeRecord<'a> {
    value: JsonNumber,
    unit: Option<&'a str>,
}

#[derive(Serialize)]
struct CheckRecord {
    computed: JsonNumber,
    stated: JsonNumber,
    agrees: bool,
}

#[derive(Serialize)]
struct ClaimRecord<'a> {
    #[serde(rename = "type")]
    ty: &'static str,
    doc: &'a str,
    id: String,
    start: usize,
    end: usize,
    text: &'a str,
    metric: &'a str,
    subject: Option<&'a str>,
    value: Option<LevelRecord<'a>>,
    high: Option<LevelRecord<'a>>,
    change: Option<ChangeRecord<'a>>,
    direction: Option<&'static str>,
    from: Option<LevelRecord<'a>>,
    to: Option<LevelRecord<'a>>,
    basis: Option<&'static str>,
    period: Option<&'a str>,
    speaker: Option<&'a str>,
    forward: bool,
    mentions: Vec<String>,
    check: Option<CheckRecord>,
    concept: Option<&'static str>,
    qualifiers: &'a [String],
}

#[derive(Serialize)]
struct ErrorRecord<'a> {
    #[serde(rename = "type")]
    ty: &'static str,
    doc: Option<&'a str>,
    path: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    record: Option<u64>,
    message: &'a str,
    severity: &'static str,
}

#[derive(Serialize)]
struct DocRecord<'a> {
    #[serde(rename = "type")]
    ty: &'static str,
    doc: &'a str,
    source: Option<&'a str>,
    format: Option<&'static str>,
    record: Option<u64>,
    title: Option<&'a str>,
    date: Option<&'a str>,
    company: Option<&'a str>,
    url: Option<&'a str>,
    chars: usize,
    bytes: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    extra: Option<serde_json::Map<String, serde_json::Value>>,
}

/// Appends the `doc` record: the document's metadata, so a dataset can be
/// joined back to its source. It comes after the document's other records
/// (for a document read in parts, after the last part's).
fn encode_doc(doc: &Document, out: &mut Vec<u8>) {
    let m = &doc.meta;
    let extra = (!m.extra.is_empty()).then(|| {
        m.extra
            .iter()
            .map(|(k, v)| (k.clone(), serde_json::Value::String(v.clone())))
            .collect()
    });
    let rec = DocRecord {
        ty: "doc",
        doc: &doc.id,
        source: m.source.as_deref(),
        format: m.format.map(|f| f.as_str()),
        record: m.record,
        title: m.title.as_deref(),
        date: m.date.as_deref(),
        company: m.company.as_deref(),
        url: m.url.as_deref(),
        chars: doc.base.1 + doc.text.chars().count(),
        bytes: doc.base.0 as u64 + doc.bytes,
        extra,
    };
    serde_json::to_writer(&mut *out, &rec)
        .expect("writing to a Vec cannot fail");
    out.push(b'\n');
}

/// A claim record's id and code-point span.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClaimRef {
    /// `DOC#claim@START-END`, with `.N` for the N-th further claim of the
    /// same clause.
    pub id: String,
    /// Code-point offsets of the clause in the whole document.
    pub start: usize,
    /// End (exclusive).
    pub end: usize,
}

/// The ids and code-point spans of a document's claims (in document
/// order), as the `claim` records carry them.
pub fn claim_refs(doc: &Document, claims: &[Claim]) -> Vec<ClaimRef> {
    let mut ix = CharIndex::new(&doc.text);
    let base = doc.base.1;
    // Claims of one clause share its span: the second and later get a
    // suffix, so ids stay unique and stable.
    let mut last_span = (usize::MAX, usize::MAX);
    let mut nth = 0usize;
    claims
        .iter()
        .map(|c| {
            if (c.start, c.end) == last_span {
                nth += 1;
            } else {
                last_span = (c.start, c.end);
                nth = 0;
            }
            let start = base + ix.char_offset(c.start);
            let end =
                start + count_chars(&doc.text.as_bytes()[c.start..c.end]);
            let id = if nth == 0 {
                format!("{}#claim@{start}-{end}", doc.id)
            } else {
                format!("{}#claim@{start}-{end}.{nth}", doc.id)
            };
            ClaimRef { id, start, end }
        })
        .collect()
}

/// As [`Sink::encode_document`] of [`JsonlSink`], with `more` claims
/// after the document's own, each with the id and span it is given:
/// `claimscan crosscheck --claims` writes so the claims it read itself off
/// the coverage (figures the claim stage made no claim of), which its
/// verdicts name.
pub fn encode_document_with(
    doc: &Document,
    mentions: &[Mention],
    analysis: &Analysis,
    more: &[(&Claim, &ClaimRef)],
    out: &mut Vec<u8>,
) {
    for w in &doc.warnings {
        JsonlSink.encode_error(w, out);
    }
    let mut ix = CharIndex::new(&doc.text);
    let mut doc_json = Vec::with_capacity(doc.id.len() + 2);
    push_str(&mut doc_json, &doc.id);
    let mut spans = Vec::with_capacity(mentions.len());
    let mut periods = analysis.skill_periods.iter().peekable();
    let base = doc.base.1;
    for (i, m) in mentions.iter().enumerate() {
        let start = base + ix.char_offset(m.start);
        let end = start + count_chars(&doc.text.as_bytes()[m.start..m.end]);
        spans.push((start, end));
        let period = periods.next_if(|p| p.0 == i).map(|p| p.1.as_str());
        push_mention(
            out,
            &doc_json,
            &doc.text[m.start..m.end],
            m,
            start,
            end,
            period,
        );
    }
    let refs = claim_refs(doc, &analysis.claims);
    let own = analysis.claims.iter().zip(refs);
    let more = more.iter().map(|&(c, r)| (c, r.clone()));
    for (c, r) in own.chain(more) {
        let (start, end) = (r.start, r.end);
        let ids: Vec<String> = c
            .mentions
            .iter()
            .map(|&i| {
                format!(
                    "{}#{}@{}-{}",
                    doc.id, mentions[i].kind, spans[i].0, spans[i].1
                )
            })
            .collect();
        fn level(l: &Option<Level>) -> Option<LevelRecord<'_>> {
            l.as_ref().map(|l| LevelRecord {
                value: JsonNumber(l.value),
                unit: l.unit.as_deref(),
                kind: l.kind.as_str(),
            })
        }
        let rec = ClaimRecord {
            ty: "claim",
            doc: &doc.id,
            id: r.id,
            start,
            end,
            text: &doc.text[c.start..c.end],
            metric: &c.metric,
            subject: c.subject.as_deref(),
            value: level(&c.value),
            high: level(&c.high),
            change: c.change.as_ref().map(|ch| ChangeRecord {
                value: JsonNumber(ch.value),
                unit: ch.unit.as_deref(),
            }),
            direction: c.direction.map(Direction::as_str),
            from: level(&c.from),
            to: level(&c.to),
            basis: c.basis,
            period: c.period.as_deref(),
            speaker: c.speaker.as_deref(),
            forward: c.forward,
            mentions: ids,
            check: c.check.as_ref().map(|k| CheckRecord {
                computed: JsonNumber(k.computed),
                stated: JsonNumber(k.stated),
                agrees: k.agrees,
            }),
            concept: c.concept,
            qualifiers: &c.qualifiers,
        };
        serde_json::to_writer(&mut *out, &rec)
            .expect("writing to a Vec cannot fail");
        out.push(b'\n');
    }
    if !doc.more {
        encode_doc(doc, out);
    }
}

impl Sink for JsonlSink {
    fn encode_document(
        &self,
        doc: &Document,
        mentions: &[Mention],
        analysis: &Analysis,
        out: &mut Vec<u8>,
    ) {
        encode_document_with(doc, mentions, analysis, &[], out);
    }

    fn encode_error(&self, err: &InputError, out: &mut Vec<u8>) {
        let rec = ErrorRecord {
            ty: "error",
            doc: err.doc.as_deref(),
            path: err.path.as_ref().map(|p| p.to_string_lossy().into_owned()),
            record: err.record,
            message: &err.message,
            severity: err.severity.as_str(),
        };
        serde_json::to_writer(&mut *out, &rec)
            .expect("writing to a Vec cannot fail");
        out.push(b'\n');
    }
}
