/*!
WARC files (ISO 28500; Common Crawl's news crawl), plain or gzipped (one
gzip member per record, as Common Crawl writes them, or one for the whole
file).

Documents are the `response` records whose HTTP payload is HTML (status
2xx; `Transfer-Encoding: chunked` and `Content-Encoding: gzip`/`deflate`
undone), `resource` records of HTML, and `conversion` records of plain
text (WET files). The id is `WARC-Target-URI`; the date is the page's own
publication date, else `WARC-Date`. Other records (`warcinfo`, `request`,
`metadata`, images, redirects) are skipped and counted.

Framing ([`Frames`]) reads the record headers and `Content-Length` bytes of
block; a truncated block or a header that is not WARC is an error naming
the record number, and framing resynchronizes at the next `WARC/` line.
*/

use std::io::{BufRead, Read};

use crate::record::{Document, Format, Meta};

/// One framed record.
#[derive(Clone, Debug)]
pub struct Record {
    /// Its 1-based number in the file.
    pub n: u64,
    /// WARC headers, names lower-cased.
    pub headers: Vec<(String, String)>,
    /// The block (for responses: the HTTP message).
    pub block: Vec<u8>,
}

impl Record {
    /// A header's value.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }
}

/// What framing yields: a record worth decoding, a record skipped by type,
/// or a problem (with the record number).
#[derive(Debug)]
pub enum Frame {
    /// A record that may hold a document.
    Record(Record),
    /// A record skipped by type (warcinfo, request, metadata …).
    Skipped,
    /// A framing problem.
    Error(u64, String),
}

/// Cuts a WARC stream into records.
pub struct Frames<R> {
    inner: R,
    count: u64,
    max: usize,
    done: bool,
    pending: Option<Frame>,
}

impl<R: BufRead> Frames<R> {
    /// Frames `inner`; blocks larger than `max` bytes are errors.
    pub fn new(inner: R, max: usize) -> Frames<R> {
        Frames { inner, count: 0, max, done: false, pending: None }
    }

    fn line(&mut self, buf: &mut Vec<u8>) -> Result<usize, String> {
        buf.clear();
        super::read_line_bounded(&mut self.inner, buf, 64 << 10)
            .map(|(n, _)| n)
            .map_err(|e| super::describe_io(&e, false))
    }
}

impl<R: BufRead> Iterator for Frames<R> {
    type Item = Frame;

    fn next(&mut self) -> Option<Frame> {
        if let Some(p) = self.pending.take() {
            return Some(p);
        }
        if self.done {
            return None;
        }
        let mut line = Vec::new();
        // Find the version line, skipping blank lines; anything else is
        // garbage that we report once and skip to the next record.
        let mut garbage = false;
        loop {
            match self.line(&mut line) {
                Err(e) => {
                    self.done = true;
                    self.count += 1;
                    return Some(Frame::Error(self.count, e));
                }
                Ok(0) => {
                    self.done = true;
                    if garbage {
                        self.count += 1;
                        return Some(Frame::Error(
                            self.count,
                            "malformed: data that is not a WARC record at the end of the file"
                                .into(),
                        ));
                    }
                    return None;
                }
                Ok(_) => {}
            }
            if line.starts_with(b"WARC/") {
                if garbage {
                    // Report the garbage; the record at this line is read
                    // by the next call.
                    self.count += 1;
                    let n = self.count;
                    return self.record(line).map(|next| {
                        self.pending = Some(next);
                        Frame::Error(
                            n,
                            "malformed: data that is not a WARC record (skipped to the next record)"
                                .into(),
                        )
                    });
                }
                break;
            }
            if !line.iter().all(|b| b.is_ascii_whitespace()) {
                garbage = true;
            }
        }
        self.record(line)
    }
}

impl<R: BufRead> Frames<R> {
    /// Reads a record whose version line is `_version`.
    fn record(&mut self, _version: Vec<u8>) -> Option<Frame> {
        self.count += 1;
        let n = self.count;
        let mut headers = Vec::new();
        let mut line = Vec::new();
        loop {
            match self.line(&mut line) {
                Err(e) => {
                    self.done = true;
                    return Some(Frame::Error(n, e));
                }
                Ok(0) => {
                    self.done = true;
                    return Some(Frame::Error(
                        n,
                        "truncated: end of file in the record headers".into(),
                    ));
                }
                Ok(_) => {}
            }
            let l = String::from_utf8_lossy(&line);
            let l = l.trim_end_matches(['\r', '\n']);
            if l.is_empty() {
                break;
            }
            if let Some((k, v)) = l.split_once(':') {
                headers.push((
                    k.trim().to_ascii_lowercase(),
                    v.trim().to_string(),
                ));
            }
        }
        let get = |k: &str| {
            headers.iter().find(|(h, _)| h == k).map(|(_, v)| v.clone())
        };
        let Some(len) =
            get("content-length").and_then(|v| v.parse::<u64>().ok())
        else {
            return Some(Frame::Error(
                n,
                "malformed: record without a valid Content-Length".into(),
            ));
        };
        let ty = get("warc-type").unwrap_or_default().to_ascii_lowercase();
        let wanted =
            matches!(ty.as_str(), "response" | "resource" | "conversion");
        if !wanted || len > self.max as u64 {
            // Skip the block without keeping it.
            let skipped = std::io::copy(
                &mut (&mut self.inner).take(len),
                &mut std::io::sink(),
            );
            return Some(match skipped {
                Ok(k) if k < len => {
                    self.done = true;
                    Frame::Error(
                        n,
                        format!(
                            "truncated: block of {len} bytes ends after {k}"
                        ),
                    )
                }
                Err(e) => {
                    self.done = true;
                    Frame::Error(n, super::describe_io(&e, false))
                }
                Ok(_) if !wanted => Frame::Skipped,
                Ok(_) => Frame::Error(
                    n,
                    format!(
                        "record of {len} bytes is larger than --max-file-size {}",
                        self.max
                    ),
                ),
            });
        }
        let mut block = Vec::with_capacity(len as usize);
        match (&mut self.inner).take(len).read_to_end(&mut block) {
            Err(e) => {
                self.done = true;
                return Some(Frame::Error(n, super::describe_io(&e, false)));
            }
            Ok(k) if (k as u64) < len => {
                self.done = true;
                return Some(Frame::Error(
                    n,
                    format!("truncated: block of {len} bytes ends after {k}"),
                ));
            }
            Ok(_) => {}
        }
        Some(Frame::Record(Record { n, headers, block }))
    }
}

/// Header names (lower-cased) and values.
type Headers = Vec<(String, String)>;

/// Splits an HTTP message into its status, lower-cased headers and body.
fn http(block: &[u8]) -> Option<(u16, Headers, &[u8])> {
    let end =
        memchr::memmem::find(block, b"\r\n\r\n").map(|p| (p, p + 4)).or_else(
            || memchr::memmem::find(block, b"\n\n").map(|p| (p, p + 2)),
        )?;
    let head = String::from_utf8_lossy(&block[..end.0]);
    let mut lines = head.lines();
    let status = lines
        .next()?
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    Some((status, headers, &block[end.1..]))
}

/// Undoes `Transfer-Encoding: chunked`.
fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    loop {
        let nl = memchr::memchr(b'\n', body)?;
        let size_str = std::str::from_utf8(&body[..nl]).ok()?;
        let size_str = size_str.split(';').next()?.trim();
        let size = usize::from_str_radix(size_str, 16).ok()?;
        body = &body[nl + 1..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(body.get(..size)?);
        body = &body[size..];
        body = body
            .strip_prefix(b"\r\n")
            .or(body.strip_prefix(b"\n"))
            .unwrap_or(body);
    }
}

/// Windows-1252 bytes 0x80–0x9F (0 where undefined).
const CP1252: [u16; 32] = [
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030,
    0x0160, 0x2039, 0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D,
    0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E,
    0x0178,
];

/// Decodes Latin-1 / Windows-1252 bytes.
pub fn decode_cp1252(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9f => {
                char::from_u32(u32::from(CP1252[usize::from(b - 0x80)]))
                    .filter(|&c| c != '\0')
                    .unwrap_or('\u{fffd}')
            }
            _ => char::from(b),
        })
        .collect()
}

/// The charset named in a Content-Type value or an HTML head.
pub(crate) fn charset(
    content_type: Option<&str>,
    body: &[u8],
) -> Option<String> {
    let find = |s: &str| {
        let l = s.to_ascii_lowercase();
        let p = l.find("charset=")? + 8;
        let v: String = l[p..]
            .trim_start_matches(['"', '\''])
            .chars()
            .take_while(|c| {
                c.is_ascii_alphanumeric() || *c == '-' || *c == '_'
            })
            .collect();
        (!v.is_empty()).then_some(v)
    };
    content_type.and_then(find).or_else(|| {
        find(&String::from_utf8_lossy(&body[..body.len().min(2048)]))
    })
}

/// True for the charsets decoded as Windows-1252 (a superset of Latin-1,
/// as browsers do).
pub(crate) fn is_latin1(charset: &str) -> bool {
    matches!(
        charset,
        "iso-8859-1"
            | "latin1"
            | "latin-1"
            | "windows-1252"
            | "cp1252"
            | "us-ascii"
            | "ascii"
            | "iso-8859-15"
    )
}

/// Decodes a framed record into a document; `Ok(None)` for records that
/// hold no document (not HTML, not 2xx).
pub fn decode(
    rec: &Record,
    source: &str,
    max: u64,
) -> Result<Option<Document>, String> {
    let ty = rec.header("warc-type").unwrap_or("").to_ascii_lowercase();
    let uri = rec
        .header("warc-target-uri")
        .map(|u| u.trim_matches(['<', '>']).trim().to_string())
        .filter(|u| !u.is_empty());
    let warc_date = rec.header("warc-date").map(str::to_string);
    let (format, body, ctype): (Format, Vec<u8>, Option<String>) = match ty
        .as_str()
    {
        "response" => {
            let ct =
                rec.header("content-type").unwrap_or("").to_ascii_lowercase();
            if !ct.is_empty() && !ct.contains("http") {
                return Ok(None);
            }
            let (status, headers, body) = http(&rec.block)
                .ok_or("malformed: HTTP response without a header end")?;
            let h = |k: &str| {
                headers
                    .iter()
                    .find(|(n, _)| n == k)
                    .map(|(_, v)| v.to_ascii_lowercase())
            };
            let ctype = h("content-type");
            if !(200..300).contains(&status)
                || !ctype
                    .as_deref()
                    .is_some_and(|c| c.contains("html") || c.contains("xhtml"))
            {
                return Ok(None);
            }
            let mut body = body.to_vec();
            if h("transfer-encoding").is_some_and(|t| t.contains("chunked")) {
                // Crawlers often store the payload already de-chunked while
                // keeping the header; only undo chunking that parses.
                if let Some(b) = dechunk(&body) {
                    body = b;
                }
            }
            match h("content-encoding").as_deref() {
                Some("gzip") | Some("x-gzip") => {
                    let mut out = Vec::new();
                    super::Limited::new(
                        flate2::read::MultiGzDecoder::new(&body[..]),
                        max,
                    )
                    .read_to_end(&mut out)
                    .map_err(|e| super::describe_io(&e, true))?;
                    body = out;
                }
                Some("deflate") => {
                    let mut out = Vec::new();
                    super::Limited::new(
                        flate2::read::ZlibDecoder::new(&body[..]),
                        max,
                    )
                    .read_to_end(&mut out)
                    .map_err(|e| format!("cannot inflate: {e}"))?;
                    body = out;
                }
                _ => {}
            }
            (Format::Html, body, ctype)
        }
        "resource" | "conversion" => {
            let ct =
                rec.header("content-type").unwrap_or("").to_ascii_lowercase();
            let format = if ct.contains("html") {
                Format::Html
            } else if ct.starts_with("text/plain") || ty == "conversion" {
                Format::Text
            } else {
                return Ok(None);
            };
            (format, rec.block.clone(), Some(ct))
        }
        _ => return Ok(None),
    };
    let id = uri.clone().unwrap_or_else(|| format!("{source}:{}", rec.n));
    let mut doc = super::decode_declared(&id, body, format, ctype.as_deref())?;
    let page_date = doc.meta.date.take();
    doc.meta = Meta {
        source: Some(source.to_string()),
        format: Some(Format::Warc),
        record: Some(rec.n),
        title: doc.meta.title.take(),
        date: page_date
            .filter(|d| super::parse_date(d).is_some())
            .or(warc_date),
        company: None,
        url: uri,
        extra: Vec::new(),
    };
    Ok(Some(doc))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(ty: &str, uri: &str, block: &str) -> String {
        format!(
            "WARC/1.0\r\nWARC-Type: {ty}\r\nWARC-Date: 2025-10-29T08:15:02Z\r\nWARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n{block}\r\n\r\n",
            block.len()
        )
    }

    fn frames(s: &[u8]) -> Vec<Frame> {
        Frames::new(s, 1 << 20).collect()
    }

    #[test]
    fn html_responses_become_documents() {
        let page = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body><p>Revenue rose 5% to $2 million.</p></body></html>";
        let img =
            "HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\n\r\n\u{1}\u{2}";
        let warc = format!(
            "{}{}{}",
            record("warcinfo", "", "software: test"),
            record("response", "https://a.example/x", page),
            record("response", "https://a.example/i.jpg", img),
        );
        let fs = frames(warc.as_bytes());
        assert_eq!(fs.len(), 3);
        assert!(matches!(fs[0], Frame::Skipped));
        let Frame::Record(r) = &fs[1] else { panic!("{:?}", fs[1]) };
        let d = decode(r, "c.warc", 1 << 20).unwrap().unwrap();
        assert_eq!(d.id, "https://a.example/x");
        assert_eq!(d.text, "Revenue rose 5% to $2 million.");
        assert_eq!(d.meta.date.as_deref(), Some("2025-10-29T08:15:02Z"));
        assert_eq!(d.meta.record, Some(2));
        let Frame::Record(r) = &fs[2] else { panic!() };
        assert!(decode(r, "c.warc", 1 << 20).unwrap().is_none());
    }

    #[test]
    fn truncation_and_garbage_are_reported() {
        let page =
            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>ok</p>";
        let good = record("response", "u1", page);
        let cut = &good[..good.len() - 10];
        let fs = frames(cut.as_bytes());
        assert!(
            matches!(&fs[0], Frame::Error(1, m) if m.contains("truncated"))
        );
        let messy = format!("garbage line\n{good}{good}");
        let fs = frames(messy.as_bytes());
        assert!(
            matches!(&fs[0], Frame::Error(1, m) if m.contains("not a WARC record")),
            "{fs:?}"
        );
        assert!(matches!(&fs[1], Frame::Record(r) if r.n == 2), "{fs:?}");
        assert!(matches!(&fs[2], Frame::Record(r) if r.n == 3), "{fs:?}");
        let nolen = "WARC/1.0\r\nWARC-Type: response\r\n\r\n";
        let fs = frames(nolen.as_bytes());
        assert!(
            matches!(&fs[0], Frame::Error(_, m) if m.contains("Content-Length"))
        );
    }

    #[test]
    fn chunked_and_latin1() {
        assert_eq!(
            dechunk(b"4\r\nWiki\r\n5\r\npedia\r\n0\r\n\r\n").unwrap(),
            b"Wikipedia"
        );
        assert_eq!(decode_cp1252(b"caf\xe9 \x80"), "caf\u{e9} \u{20ac}");
    }
}
