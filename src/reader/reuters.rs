/*!
Reuters-21578 SGML: one document per `<REUTERS>` element.

The id is the element's `NEWID` attribute. The text is the story's
`<TITLE>`, a blank line, then the `<DATELINE>` and `<BODY>` as written
(newswire line breaks kept); SGML entities (`&lt;`, `&amp;`, `&#3;` …) are
decoded and control characters dropped. `<DATE>` becomes the document date
(`26-FEB-1987 15:01:01.79` → `1987-02-26`), and `TOPICS`, `PLACES`,
`ORGS`, `COMPANIES` and the `LEWISSPLIT` are kept as metadata. A story
with no title and no body (some `TYPE="UNPROC"` ones) is a document with
empty text, not an error.

Framing ([`Frames`]) only cuts the stream at `<REUTERS` and `</REUTERS>`;
decoding ([`decode`]) runs on the workers.
*/

use std::io::BufRead;

use crate::record::{Document, Format, Meta};

/// Cuts a stream into `<REUTERS>…</REUTERS>` elements.
pub struct Frames<R> {
    inner: R,
    /// Elements seen so far (the next one's number is `count + 1`).
    pub count: u64,
    max: usize,
    done: bool,
    carry: Option<Vec<u8>>,
}

/// One framed element, or a framing problem.
pub type Frame = Result<(u64, Vec<u8>), (u64, String)>;

impl<R: BufRead> Frames<R> {
    /// Frames `inner`; elements larger than `max` bytes are errors.
    pub fn new(inner: R, max: usize) -> Frames<R> {
        Frames { inner, count: 0, max, done: false, carry: None }
    }
}

impl<R: BufRead> Iterator for Frames<R> {
    type Item = Frame;

    fn next(&mut self) -> Option<Frame> {
        if self.done {
            return None;
        }
        let mut line = Vec::new();
        // An element that started on the line that ended the previous
        // (unclosed) one.
        let mut elem: Option<Vec<u8>> = self.carry.take();
        let mut too_big = false;
        loop {
            if let Some(e) = &elem
                && let Some(p) = memchr::memmem::find(e, b"</REUTERS>")
            {
                let mut e = elem.take().expect("checked");
                e.truncate(p + 10);
                self.count += 1;
                return Some(if too_big {
                    Err((
                        self.count,
                        format!("element larger than {} bytes", self.max),
                    ))
                } else {
                    Ok((self.count, e))
                });
            }
            line.clear();
            match super::read_line_bounded(
                &mut self.inner,
                &mut line,
                self.max,
            ) {
                Err(e) => {
                    self.done = true;
                    self.count += 1;
                    let n = self.count;
                    return Some(Err((n, super::describe_io(&e, false))));
                }
                Ok((0, _)) => {
                    self.done = true;
                    return elem.map(|_| {
                        self.count += 1;
                        Err((
                            self.count,
                            "truncated: end of file inside a <REUTERS> element"
                                .to_string(),
                        ))
                    });
                }
                Ok(_) => {}
            }
            let start = memchr::memmem::find(&line, b"<REUTERS");
            match (elem.as_mut(), start) {
                (None, None) => {}
                (None, Some(p)) => elem = Some(line[p..].to_vec()),
                (Some(_), Some(p)) => {
                    // A new element before the old one closed: report the
                    // old one, keep the new one for the next call.
                    self.carry = Some(line[p..].to_vec());
                    self.count += 1;
                    return Some(Err((
                        self.count,
                        "malformed: <REUTERS> element not closed before the next one"
                            .to_string(),
                    )));
                }
                (Some(e), None) => {
                    if e.len() + line.len() > self.max {
                        too_big = true;
                        // Keep only what can hold the closing tag.
                        e.clear();
                    }
                    e.extend_from_slice(&line);
                }
            }
        }
    }
}

/// The content of the first `<tag>…</tag>` (or `<tag attrs>…</tag>`) in
/// `s`.
fn element<'s>(s: &'s str, tag: &str) -> Option<&'s str> {
    let open = format!("<{tag}");
    let close = format!("</{tag}>");
    let mut from = 0;
    let a = loop {
        let p = from + s[from..].find(&open)?;
        let after = p + open.len();
        match s.as_bytes().get(after) {
            Some(b'>') => break after + 1,
            Some(c) if c.is_ascii_whitespace() => {
                break after + s[after..].find('>')? + 1;
            }
            _ => from = after,
        }
    };
    let b = s[a..].find(&close).map(|p| a + p).unwrap_or(s.len());
    Some(&s[a..b])
}

/// The value of `name="..."` in the opening tag.
fn attribute<'s>(tag: &'s str, name: &str) -> Option<&'s str> {
    let key = format!(" {name}=\"");
    let a = tag.find(&key)? + key.len();
    let b = tag[a..].find('"')? + a;
    Some(&tag[a..b])
}

/// `<D>a</D><D>b</D>` → `a,b`.
fn list(s: Option<&str>) -> Option<String> {
    let s = s?;
    let items: Vec<&str> = s
        .split("<D>")
        .filter_map(|p| p.split("</D>").next())
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    (!items.is_empty()).then(|| items.join(","))
}

/// Decodes SGML entities and drops control characters (but not newlines
/// or tabs).
fn clean(s: &str) -> String {
    let decoded = if s.contains('&') {
        htmlize::unescape(s).into_owned()
    } else {
        s.to_string()
    };
    decoded
        .chars()
        .filter(|&c| !c.is_control() || c == '\n' || c == '\t')
        .collect()
}

/// Decodes one element (number `n` in file `source`).
pub fn decode(bytes: &[u8], source: &str, n: u64) -> Result<Document, String> {
    let (raw, warning) = super::text::decode_lossy(bytes.to_vec())?;
    let open_end = raw.find('>').ok_or("malformed: no '>' in <REUTERS")?;
    let open = &raw[..open_end];
    let id = attribute(open, "NEWID")
        .map(str::trim)
        .filter(|i| !i.is_empty())
        .map(str::to_string)
        .unwrap_or_else(|| format!("{source}:{n}"));
    let title = element(&raw, "TITLE").map(|t| clean(t).trim().to_string());
    let dateline =
        element(&raw, "DATELINE").map(|t| clean(t).trim().to_string());
    let body = element(&raw, "BODY").map(clean);
    let mut text = String::new();
    if let Some(t) = title.as_deref().filter(|t| !t.is_empty()) {
        text.push_str(t);
    }
    let mut rest = String::new();
    if let Some(d) = dateline.as_deref().filter(|d| !d.is_empty()) {
        rest.push_str(d);
        rest.push(' ');
    }
    if let Some(b) = &body {
        rest.push_str(b.trim_end());
    } else if let Some(t) = element(&raw, "TEXT") {
        // TYPE="UNPROC" stories have bare text inside <TEXT>.
        if title.is_none() {
            rest.push_str(clean(t).trim());
        }
    }
    let rest = rest.trim();
    if !rest.is_empty() {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str(rest);
    }
    let mut doc = Document::new(id, text);
    doc.bytes = bytes.len() as u64;
    let mut extra = Vec::new();
    for (key, tag) in [
        ("topics", "TOPICS"),
        ("places", "PLACES"),
        ("orgs", "ORGS"),
        ("companies", "COMPANIES"),
    ] {
        if let Some(v) = list(element(&raw, tag)) {
            extra.push((key.to_string(), v));
        }
    }
    if let Some(s) = attribute(open, "LEWISSPLIT") {
        extra.push(("lewissplit".into(), s.to_string()));
    }
    doc.meta = Meta {
        source: Some(source.to_string()),
        format: Some(Format::Reuters),
        record: Some(n),
        title: title.filter(|t| !t.is_empty()),
        date: element(&raw, "DATE").map(|d| d.trim().to_string()),
        company: None,
        url: None,
        extra,
    };
    if let Some(w) = warning {
        let id = doc.id.clone();
        doc.warnings.push(crate::record::InputError::warning(&id, w));
    }
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n<REUTERS TOPICS=\"YES\" LEWISSPLIT=\"TRAIN\" NEWID=\"12\">\n<DATE>26-FEB-1987 15:01:01.79</DATE>\n<TOPICS><D>earn</D></TOPICS>\n<PLACES><D>usa</D></PLACES>\n<TEXT>&#2;\n<TITLE>&lt;ACME&gt; 4TH QTR NET</TITLE>\n<DATELINE>    NEW YORK, Feb 26 - </DATELINE><BODY>Shr 1.23 dlrs vs 98 cts\n    Net 12.4 mln vs 9.8 mln\n Reuter\n&#3;</BODY></TEXT>\n</REUTERS>\n<REUTERS NEWID=\"13\"><DATE>1-MAR-1987</DATE><TEXT TYPE=\"BRIEF\"><TITLE>BRIEF ONLY</TITLE></TEXT></REUTERS>\n<REUTERS NEWID=\"14\"><TEXT TYPE=\"UNPROC\">&#2;\nFED WEEKLY REPORT\n Net free reserves...644 vs...1,337\n</TEXT></REUTERS>\n";

    #[test]
    fn frames_and_decodes() {
        let frames: Vec<Frame> =
            Frames::new(SAMPLE.as_bytes(), 1 << 20).collect();
        assert_eq!(frames.len(), 3);
        let (n, bytes) = frames[0].clone().unwrap();
        let d = decode(&bytes, "reut.sgm", n).unwrap();
        assert_eq!(d.id, "12");
        assert_eq!(
            d.text,
            "<ACME> 4TH QTR NET\n\nNEW YORK, Feb 26 - Shr 1.23 dlrs vs 98 cts\n    Net 12.4 mln vs 9.8 mln\n Reuter"
        );
        assert_eq!(d.meta.date.as_deref(), Some("26-FEB-1987 15:01:01.79"));
        assert_eq!(d.meta.title.as_deref(), Some("<ACME> 4TH QTR NET"));
        assert!(d.meta.extra.contains(&("topics".into(), "earn".into())));
        let (n, bytes) = frames[1].clone().unwrap();
        let d = decode(&bytes, "reut.sgm", n).unwrap();
        assert_eq!((d.id.as_str(), d.text.as_str()), ("13", "BRIEF ONLY"));
        let (n, bytes) = frames[2].clone().unwrap();
        let d = decode(&bytes, "reut.sgm", n).unwrap();
        assert_eq!(
            d.text,
            "FED WEEKLY REPORT\n Net free reserves...644 vs...1,337"
        );
    }

    #[test]
    fn truncated_and_malformed() {
        let cut = &SAMPLE[..SAMPLE.len() - 150];
        let frames: Vec<Frame> =
            Frames::new(cut.as_bytes(), 1 << 20).collect();
        assert!(frames[0].is_ok());
        assert!(frames[1].as_ref().unwrap_err().1.contains("truncated"));
        let two = "<REUTERS NEWID=\"1\"><TEXT>\nno end\n<REUTERS NEWID=\"2\"><TEXT><BODY>x</BODY></TEXT></REUTERS>\n";
        let frames: Vec<Frame> =
            Frames::new(two.as_bytes(), 1 << 20).collect();
        assert!(frames[0].as_ref().unwrap_err().1.contains("not closed"));
        let big: Vec<Frame> = Frames::new(SAMPLE.as_bytes(), 64).collect();
        assert!(big[0].as_ref().unwrap_err().1.contains("larger than"));
    }
}
