/*!
Stage 2: bytes → [`Document`]s.

An input is a file (or stdin) in one of five [`Format`]s, possibly
gzip-compressed:

| format | documents | id (`doc`) | metadata |
|---|---|---|---|
| [`text`] (`.txt`, `.md`) | one | the path | – |
| [`html`] (`.html`, `.htm`) | one: the article's main text | the path | title, date, url from the page |
| [`jsonl`] (`.jsonl`, `.ndjson`) | one per line | the `id` field | `title`, `date`, `company`, `url` fields |
| [`warc`] (`.warc`) | one per HTML `response` (or `resource`, `conversion`) record | `WARC-Target-URI` | the page's, else `WARC-Date` |
| [`reuters`] (`.sgm`) | one per `<REUTERS>` element | `NEWID` | `<TITLE>`, `<DATE>`, topics, places |

The format comes from `--input-format`, else the extension (under a `.gz`),
else the first bytes ([`sniff`]). gzip is recognized by its magic bytes
whatever the name, and every read is bounded by `--max-file-size`
(decompressed bytes), so a decompression bomb costs one error record.

Single-document formats are read whole by a worker; container formats
(JSON lines, WARC, Reuters SGML) are *framed* by one thread that streams the
file and hands raw records to the workers, which decode them. Memory is
therefore bounded by a batch of records, not by the file.
*/

pub mod frame;
pub mod html;
pub mod jsonl;
pub mod reuters;
pub mod text;
pub mod warc;

use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

use crate::record::InputError;

// The document records live in `crate::record`; they are re-exported here
// so that `claimscan::reader::Document` and the other old paths of the
// public API keep working.
pub use crate::record::{Document, Format, Meta};

// Which extension means which format is the reader's knowledge, so this
// method stays with the reader rather than with the type.
impl Format {
    /// The format a file name implies, looking through a `.gz` suffix;
    /// `None` when the name says nothing (sniff the content).
    pub fn from_path(path: &Path) -> Option<Format> {
        let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
        let name = name.strip_suffix(".gz").unwrap_or(&name);
        let ext = name.rsplit_once('.')?.1;
        Some(match ext {
            "txt" | "text" | "md" | "markdown" => Format::Text,
            "html" | "htm" | "xhtml" | "shtml" => Format::Html,
            "jsonl" | "ndjson" | "jsonlines" => Format::Jsonl,
            "warc" => Format::Warc,
            "sgm" | "sgml" => Format::Reuters,
            _ => return None,
        })
    }
}

/// Guesses the format from the first bytes of (decompressed) content.
pub fn sniff(head: &[u8]) -> Format {
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    let t = &head[start..];
    let lower: Vec<u8> =
        t.iter().take(1024).map(|b| b.to_ascii_lowercase()).collect();
    if t.starts_with(b"WARC/") {
        Format::Warc
    } else if lower.starts_with(b"<!doctype lewis")
        || lower.starts_with(b"<reuters")
    {
        Format::Reuters
    } else if t.starts_with(b"{") {
        Format::Jsonl
    } else if lower.starts_with(b"<!doctype html")
        || lower.starts_with(b"<html")
        || lower.starts_with(b"<?xml")
            && memchr::memmem::find(&lower, b"<html").is_some()
        || (lower.starts_with(b"<")
            && [&b"<head"[..], b"<body", b"<p>", b"<div", b"<meta"]
                .iter()
                .any(|tag| memchr::memmem::find(&lower, tag).is_some()))
    {
        Format::Html
    } else {
        Format::Text
    }
}

/// The gzip magic bytes.
pub fn is_gzip(head: &[u8]) -> bool {
    head.starts_with(&[0x1f, 0x8b])
}

/// How inputs are read.
#[derive(Clone, Debug)]
pub struct ReadOptions {
    /// Force a format (otherwise: extension, then content).
    pub format: Option<Format>,
    /// Field names of JSON-lines documents.
    pub fields: jsonl::Fields,
    /// Largest document (and largest decompressed file of a
    /// single-document format) in bytes.
    pub max_size: u64,
    /// Plain-text files larger than this are read in parts of about
    /// [`PART_BYTES`], so memory stays bounded.
    pub stream_threshold: u64,
}

/// The default largest document: 1 GiB.
pub const DEFAULT_MAX_SIZE: u64 = 1 << 30;

/// Plain-text files above this size are streamed in parts.
pub const DEFAULT_STREAM_THRESHOLD: u64 = 32 << 20;

/// The size of one part of a streamed file.
pub const PART_BYTES: usize = 4 << 20;

impl Default for ReadOptions {
    fn default() -> ReadOptions {
        ReadOptions {
            format: None,
            fields: jsonl::Fields::default(),
            max_size: DEFAULT_MAX_SIZE,
            stream_threshold: DEFAULT_STREAM_THRESHOLD,
        }
    }
}

/// A reader that fails once more than `left` bytes have been read: the
/// guard against decompression bombs and endless streams.
pub struct Limited<R> {
    inner: R,
    left: u64,
    max: u64,
}

impl<R: Read> Limited<R> {
    /// Wraps `inner`, allowing at most `max` bytes.
    pub fn new(inner: R, max: u64) -> Limited<R> {
        Limited { inner, left: max, max }
    }
}

impl<R: Read> Read for Limited<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.left == 0 {
            // One probe byte tells a file of exactly `max` bytes from a
            // larger one.
            let mut probe = [0u8; 1];
            return match self.inner.read(&mut probe)? {
                0 => Ok(0),
                _ => Err(io::Error::new(
                    io::ErrorKind::FileTooLarge,
                    format!(
                        "more than {} bytes (after decompression); raise --max-file-size to read it",
                        self.max
                    ),
                )),
            };
        }
        let want = buf.len().min(self.left.min(usize::MAX as u64) as usize);
        let n = self.inner.read(&mut buf[..want])?;
        self.left -= n as u64;
        Ok(n)
    }
}

/// Opens bytes for reading: decompresses gzip (all members, as in
/// WARC.gz) when the magic bytes say so and bounds the result by `max`.
/// Returns the reader and whether it was compressed.
pub fn open_stream<'a, R: Read + 'a>(
    inner: R,
    max: u64,
) -> io::Result<(Box<dyn BufRead + 'a>, bool)> {
    let mut buf = BufReader::with_capacity(256 << 10, inner);
    let gz = is_gzip(buf.fill_buf()?);
    let reader: Box<dyn Read + 'a> = if gz {
        Box::new(flate2::bufread::MultiGzDecoder::new(buf))
    } else {
        Box::new(buf)
    };
    Ok((
        Box::new(BufReader::with_capacity(
            256 << 10,
            Limited::new(reader, max),
        )),
        gz,
    ))
}

/// Reads everything from a bounded stream, naming gzip problems plainly.
pub fn read_all(r: &mut dyn BufRead, gz: bool) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    r.read_to_end(&mut bytes).map_err(|e| describe_io(&e, gz))?;
    Ok(bytes)
}

/// A reading error in words.
pub fn describe_io(e: &io::Error, gz: bool) -> String {
    match e.kind() {
        io::ErrorKind::UnexpectedEof if gz => {
            "truncated gzip stream (unexpected end of file)".to_string()
        }
        io::ErrorKind::FileTooLarge => format!("too large: {e}"),
        _ if gz => format!("cannot decompress gzip: {e}"),
        _ => format!("cannot read: {e}"),
    }
}

/// Reads one line (through `\n`) into `buf`, keeping at most `max` bytes
/// of it: the rest of an over-long line is read and discarded, so memory
/// stays bounded. Returns the bytes consumed (0 at the end) and whether
/// the line was cut.
pub fn read_line_bounded(
    r: &mut dyn BufRead,
    buf: &mut Vec<u8>,
    max: usize,
) -> io::Result<(usize, bool)> {
    let mut consumed = 0;
    let mut cut = false;
    loop {
        let avail = match r.fill_buf() {
            Ok(a) => a,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if avail.is_empty() {
            return Ok((consumed, cut));
        }
        let (take, done) = match memchr::memchr(b'\n', avail) {
            Some(p) => (p + 1, true),
            None => (avail.len(), false),
        };
        let room = max.saturating_sub(buf.len());
        if take > room {
            cut = true;
        }
        buf.extend_from_slice(&avail[..take.min(room)]);
        r.consume(take);
        consumed += take;
        if done {
            return Ok((consumed, cut));
        }
    }
}

/// Decodes one single-document input (text or HTML) into a document.
/// `id` is the document id; `format` must not be a container format.
pub fn decode_single(
    id: &str,
    bytes: Vec<u8>,
    format: Format,
) -> Result<Document, String> {
    let mut doc = decode_declared(id, bytes, format, None)?;
    // A page that yields no text (a script-only app, markup with nothing
    // in it, a page made of boilerplate) is not lost, but say so. (WARC
    // records, where redirects and empty responses are routine, do not.)
    if format == Format::Html && doc.bytes > 0 && doc.text.trim().is_empty() {
        doc.warnings.push(InputError::warning(
            id,
            format!("HTML page with no text ({} bytes of markup)", doc.bytes),
        ));
    }
    Ok(doc)
}

/// [`decode_single`], with the Content-Type the bytes came with (a WARC
/// record's HTTP header). Bytes that are not UTF-8 and declare a Latin-1
/// charset (in that header or, for HTML, in the page's head) are decoded
/// as Windows-1252, as browsers do; other invalid UTF-8 is replaced with
/// U+FFFD and a warning.
pub fn decode_declared(
    id: &str,
    bytes: Vec<u8>,
    format: Format,
    content_type: Option<&str>,
) -> Result<Document, String> {
    let n = bytes.len() as u64;
    let head: &[u8] = if format == Format::Html { &bytes } else { &[] };
    let bytes = if std::str::from_utf8(&bytes).is_err()
        && warc::charset(content_type, head)
            .is_some_and(|c| warc::is_latin1(&c))
        && memchr::memchr(0, &bytes).is_none()
    {
        warc::decode_cp1252(&bytes).into_bytes()
    } else {
        bytes
    };
    let mut doc = match format {
        Format::Html => {
            let (raw, warning) = text::decode_lossy(bytes)?;
            let page = html::extract(&raw);
            let mut doc = Document::new(id, page.text);
            doc.meta.title = page.title;
            doc.meta.url = page.url;
            doc.meta.date = page.date;
            doc.meta.format = Some(Format::Html);
            if let Some(w) = warning {
                doc.warnings.push(InputError::warning(id, w));
            }
            doc
        }
        _ => {
            let mut doc = text::from_bytes(id, bytes)?;
            doc.meta.format = Some(Format::Text);
            doc
        }
    };
    doc.bytes = n;
    Ok(doc)
}

/// Applies metadata to a document's context: the date anchors years.
pub fn apply_meta_context(doc: &mut Document) {
    if let Some(d) = doc.meta.date.as_deref().and_then(parse_date) {
        doc.context.date = Some(d);
        doc.meta.date = Some(format!("{:04}-{:02}-{:02}", d.0, d.1, d.2));
    }
}

/// Parses the dates found in metadata: ISO 8601 (`2025-11-05`,
/// `2025-11-05T13:30:00Z`), RFC 2822 (`Wed, 05 Nov 2025 13:30:00 GMT`),
/// and Reuters (`26-FEB-1987 15:01:01.79`).
pub fn parse_date(s: &str) -> Option<(i32, u32, u32)> {
    let s = s.trim();
    let b = s.as_bytes();
    let num = |t: &str| t.parse::<u32>().ok();
    let valid = |y: i32, m: u32, d: u32| {
        ((1000..=9999).contains(&y)
            && (1..=12).contains(&m)
            && (1..=31).contains(&d))
        .then_some((y, m, d))
    };
    // ISO: YYYY-MM-DD, YYYY/MM/DD or YYYYMMDD at the start.
    if b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && (b[4] == b'-' || b[4] == b'/')
        && b[7] == b[4]
    {
        let y = num(&s[..4])? as i32;
        return valid(y, num(s.get(5..7)?)?, num(s.get(8..10)?)?);
    }
    if b.len() >= 8 && b[..8].iter().all(u8::is_ascii_digit) {
        let y = num(&s[..4])? as i32;
        return valid(y, num(&s[4..6])?, num(&s[6..8])?);
    }
    let month = |t: &str| -> Option<u32> {
        let t = t.get(..3)?.to_ascii_lowercase();
        let months = [
            "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
            "oct", "nov", "dec",
        ];
        months.iter().position(|m| *m == t).map(|i| i as u32 + 1)
    };
    // Reuters: DD-MON-YYYY
    let words: Vec<&str> =
        s.split([' ', ',', '-']).filter(|w| !w.is_empty()).collect();
    // Day, month name and a four-digit year in any order of the first
    // four words ("05 Nov 2025", "Nov 5, 2025", "26-FEB-1987").
    let mut day = None;
    let mut mon = None;
    let mut year = None;
    for w in words.iter().take(4) {
        if let Some(m) = month(w).filter(|_| w.len() >= 3) {
            mon.get_or_insert(m);
        } else if w.len() == 4 && w.bytes().all(|c| c.is_ascii_digit()) {
            year.get_or_insert(num(w)? as i32);
        } else if (1..=2).contains(&w.len())
            && w.bytes().all(|c| c.is_ascii_digit())
        {
            day.get_or_insert(num(w)?);
        }
    }
    valid(year?, mon?, day?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_name_and_path() {
        assert_eq!(
            Format::from_path(Path::new("a/b.warc.gz")),
            Some(Format::Warc)
        );
        assert_eq!(
            Format::from_path(Path::new("reut2-000.sgm")),
            Some(Format::Reuters)
        );
        assert_eq!(
            Format::from_path(Path::new("x.JSONL")),
            Some(Format::Jsonl)
        );
        assert_eq!(Format::from_path(Path::new("README")), None);
        assert_eq!(Format::from_path(Path::new("a.gz")), None);
        for f in Format::ALL {
            assert_eq!(Format::from_name(f.as_str()), Some(f));
        }
    }

    #[test]
    fn sniffing() {
        assert_eq!(sniff(b"WARC/1.0\r\n"), Format::Warc);
        assert_eq!(sniff(b"<!DOCTYPE lewis SYSTEM"), Format::Reuters);
        assert_eq!(sniff(b"  {\"id\": 1}"), Format::Jsonl);
        assert_eq!(sniff(b"<!doctype html><p>x"), Format::Html);
        assert_eq!(sniff(b"<div class=a><p>hi</p></div>"), Format::Html);
        assert_eq!(sniff(b"Revenue rose 5% <br> to"), Format::Text);
        assert_eq!(sniff(b""), Format::Text);
    }

    #[test]
    fn dates_in_metadata() {
        assert_eq!(parse_date("2025-11-05"), Some((2025, 11, 5)));
        assert_eq!(parse_date("2025-11-05T13:30:00Z"), Some((2025, 11, 5)));
        assert_eq!(
            parse_date("Wed, 05 Nov 2025 13:30:00 GMT"),
            Some((2025, 11, 5))
        );
        assert_eq!(parse_date("26-FEB-1987 15:01:01.79"), Some((1987, 2, 26)));
        assert_eq!(parse_date("November 5, 2025"), Some((2025, 11, 5)));
        assert_eq!(parse_date("20251105"), Some((2025, 11, 5)));
        assert_eq!(parse_date("2025-13-05"), None);
        assert_eq!(parse_date("soon"), None);
        assert_eq!(parse_date(""), None);
    }

    #[test]
    fn limited_reader_refuses_more() {
        let data = [b'a'; 10];
        let mut ok = Vec::new();
        Limited::new(&data[..], 10).read_to_end(&mut ok).unwrap();
        assert_eq!(ok.len(), 10);
        let mut big = Vec::new();
        let e = Limited::new(&data[..], 9).read_to_end(&mut big).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::FileTooLarge);
    }

    #[test]
    fn latin1_pages_are_decoded_by_their_charset() {
        let page = b"<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\xe9 sales rose 5%.</p></body></html>".to_vec();
        let d = decode_single("p.html", page, Format::Html).unwrap();
        assert_eq!(d.text, "Caf\u{e9} sales rose 5%.");
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn bounded_lines() {
        let mut r: &[u8] = b"short\nthis line is long\nend";
        let mut buf = Vec::new();
        assert_eq!(
            read_line_bounded(&mut r, &mut buf, 8).unwrap(),
            (6, false)
        );
        assert_eq!(buf, b"short\n");
        buf.clear();
        assert_eq!(
            read_line_bounded(&mut r, &mut buf, 8).unwrap(),
            (18, true)
        );
        assert_eq!(buf, b"this lin");
        buf.clear();
        assert_eq!(
            read_line_bounded(&mut r, &mut buf, 8).unwrap(),
            (3, false)
        );
        buf.clear();
        assert_eq!(
            read_line_bounded(&mut r, &mut buf, 8).unwrap(),
            (0, false)
        );
    }

    #[test]
    fn gzip_is_transparent_and_truncation_is_named() {
        use std::io::Write;
        let mut enc = flate2::write::GzEncoder::new(
            Vec::new(),
            flate2::Compression::default(),
        );
        enc.write_all(b"Revenue rose 5%.").unwrap();
        let gz = enc.finish().unwrap();
        let (mut r, is_gz) = open_stream(&gz[..], 1 << 20).unwrap();
        assert!(is_gz);
        assert_eq!(read_all(&mut r, true).unwrap(), b"Revenue rose 5%.");
        let cut = &gz[..gz.len() - 6];
        let (mut r, _) = open_stream(cut, 1 << 20).unwrap();
        let e = read_all(&mut r, true).unwrap_err();
        assert!(e.contains("truncated gzip"), "{e}");
        let (mut r, _) = open_stream(&gz[..], 4).unwrap();
        let e = read_all(&mut r, true).unwrap_err();
        assert!(e.contains("--max-file-size"), "{e}");
    }
}
