/*!
JSON lines: one document per line.

Each line is a JSON object. The document's text, id and metadata come from
configurable fields ([`Fields`]; defaults `id`, `text`, `title`, `date`,
`company`, `url`), and a field name may be a dotted path into nested
objects (`article.body`). Only `text` is required; without an `id` the
document is called `{file}:{line}`. Blank lines are skipped. A line that is
not a JSON object, or has no text, becomes an error record naming the file
and line, and the lines after it are still read.
*/

use serde_json::Value;

use crate::record::{Document, Format, Meta};

/// Which JSON fields hold what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fields {
    /// The document id (string or number).
    pub id: String,
    /// The text (required).
    pub text: String,
    /// The title.
    pub title: String,
    /// The publication date.
    pub date: String,
    /// The company the document is about.
    pub company: String,
    /// The URL.
    pub url: String,
}

impl Default for Fields {
    fn default() -> Fields {
        Fields {
            id: "id".into(),
            text: "text".into(),
            title: "title".into(),
            date: "date".into(),
            company: "company".into(),
            url: "url".into(),
        }
    }
}

impl Fields {
    /// Sets one field from `NAME=FIELD` (NAME: id, text, title, date,
    /// company, url).
    pub fn set(&mut self, spec: &str) -> Result<(), String> {
        let (name, field) = spec.split_once('=').ok_or_else(|| {
            format!("--field {spec:?}: expected NAME=FIELD (e.g. text=body)")
        })?;
        let field = field.trim().to_string();
        if field.is_empty() {
            return Err(format!("--field {spec:?}: empty field name"));
        }
        let slot = match name.trim() {
            "id" => &mut self.id,
            "text" => &mut self.text,
            "title" => &mut self.title,
            "date" => &mut self.date,
            "company" => &mut self.company,
            "url" => &mut self.url,
            other => {
                return Err(format!(
                    "--field {spec:?}: unknown name {other:?} (expected id, text, title, date, company or url)"
                ));
            }
        };
        *slot = field;
        Ok(())
    }
}

/// Looks up a dotted path.
fn get<'v>(obj: &'v Value, path: &str) -> Option<&'v Value> {
    if let Some(v) = obj.get(path) {
        return Some(v);
    }
    let mut cur = obj;
    for part in path.split('.') {
        cur = cur.get(part)?;
    }
    Some(cur)
}

/// A scalar as a string (numbers and booleans written as JSON).
fn scalar(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// Decodes one line (its 1-based number is `line`) of the file `source`.
/// Invalid UTF-8 inside the line is replaced (with a warning); JSON
/// errors are returned with their column.
pub fn decode(
    bytes: &[u8],
    source: &str,
    line: u64,
    fields: &Fields,
) -> Result<Document, String> {
    let (parsed, lossy) = match serde_json::from_slice::<Value>(bytes) {
        Ok(v) => (v, false),
        Err(e) if std::str::from_utf8(bytes).is_err() => {
            let s = String::from_utf8_lossy(bytes);
            match serde_json::from_str::<Value>(&s) {
                Ok(v) => (v, true),
                Err(_) => return Err(format!("invalid JSON: {e}")),
            }
        }
        Err(e) => return Err(format!("invalid JSON: {e}")),
    };
    if !parsed.is_object() {
        return Err("not a JSON object".to_string());
    }
    let text = match get(&parsed, &fields.text) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Null) | None => {
            return Err(format!("no {:?} field (the text)", fields.text));
        }
        Some(_) => {
            return Err(format!("field {:?} is not a string", fields.text));
        }
    };
    // An empty id is no id: it would make every record ambiguous.
    let id = scalar(get(&parsed, &fields.id))
        .filter(|i| !i.trim().is_empty())
        .unwrap_or_else(|| format!("{source}:{line}"));
    let mut doc = Document::new(id, text);
    doc.bytes = bytes.len() as u64;
    doc.meta = Meta {
        source: Some(source.to_string()),
        format: Some(Format::Jsonl),
        record: Some(line),
        title: scalar(get(&parsed, &fields.title)),
        date: scalar(get(&parsed, &fields.date)),
        company: scalar(get(&parsed, &fields.company))
            .filter(|c| !c.trim().is_empty()),
        url: scalar(get(&parsed, &fields.url)),
        extra: Vec::new(),
    };
    if let Some(t) = doc.text.strip_prefix('\u{feff}') {
        doc.text = t.to_string();
    }
    if lossy {
        let id = doc.id.clone();
        doc.warnings.push(crate::record::InputError::warning(
            &id,
            "invalid UTF-8 in the line; decoded with U+FFFD replacements"
                .into(),
        ));
    }
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_and_fallbacks() {
        let f = Fields::default();
        let d = decode(
            br#"{"id":7,"text":"Revenue rose 5%.","date":"2025-10-30","company":"Acme","url":"https://x"}"#,
            "dump.jsonl",
            3,
            &f,
        )
        .unwrap();
        assert_eq!(d.id, "7");
        assert_eq!(d.text, "Revenue rose 5%.");
        assert_eq!(d.meta.company.as_deref(), Some("Acme"));
        assert_eq!(d.meta.record, Some(3));
        let d = decode(br#"{"text":"x"}"#, "dump.jsonl", 9, &f).unwrap();
        assert_eq!(d.id, "dump.jsonl:9");
        // Found by fuzzing (gzip target): an empty id is no id.
        let d =
            decode(br#"{"id":" ","text":"x"}"#, "dump.jsonl", 4, &f).unwrap();
        assert_eq!(d.id, "dump.jsonl:4");
    }

    #[test]
    fn custom_and_nested_fields() {
        let mut f = Fields::default();
        f.set("text=article.body").unwrap();
        f.set("id=article_id").unwrap();
        assert!(f.set("nope=x").is_err());
        assert!(f.set("text").is_err());
        let d = decode(
            br#"{"article_id":"a1","article":{"body":"Sales fell 3%."}}"#,
            "-",
            1,
            &f,
        )
        .unwrap();
        assert_eq!((d.id.as_str(), d.text.as_str()), ("a1", "Sales fell 3%."));
    }

    #[test]
    fn errors_say_what() {
        let f = Fields::default();
        assert!(
            decode(b"{\"text\":", "f", 1, &f)
                .unwrap_err()
                .contains("invalid JSON")
        );
        assert!(
            decode(b"[1,2]", "f", 1, &f)
                .unwrap_err()
                .contains("not a JSON object")
        );
        assert!(
            decode(b"{\"id\":1}", "f", 1, &f)
                .unwrap_err()
                .contains("no \"text\"")
        );
        assert!(
            decode(b"{\"text\":5}", "f", 1, &f)
                .unwrap_err()
                .contains("not a string")
        );
        let d = decode(b"{\"text\":\"caf\xe9 up 5%\"}", "f", 1, &f).unwrap();
        assert_eq!(d.text, "caf\u{fffd} up 5%");
        assert_eq!(d.warnings.len(), 1);
    }
}
