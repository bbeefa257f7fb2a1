/*!
Framing: the walk's inputs → units of work for the workers.

Runs on the walk thread, ahead of the workers. A single-document file
whose format the name tells passes through untouched (a worker reads it);
a container (JSON lines, WARC, Reuters SGML) is streamed here and cut into
raw records that the workers decode; a very large plain-text file is cut
into parts at line breaks; standard input and files whose name says
nothing are sniffed first. Every input ends with a [`Unit::Done`] marker so
the writer knows when all of an input's records are out (`--resume`).
*/

use std::fs::File;
use std::io::{BufRead, Read};
use std::path::PathBuf;
use std::sync::Arc;

use super::{ReadOptions, describe_io, open_stream};
use crate::record::{Format, InputError, Location, Severity, Source, Walk};

/// A raw record of a container.
#[derive(Debug)]
pub enum Raw {
    /// One JSON line.
    Jsonl(Vec<u8>),
    /// One WARC record.
    Warc(super::warc::Record),
    /// One `<REUTERS>` element.
    Reuters(Vec<u8>),
}

impl Raw {
    fn len(&self) -> usize {
        match self {
            Raw::Jsonl(b) | Raw::Reuters(b) => b.len(),
            Raw::Warc(r) => r.block.len(),
        }
    }
}

/// One unit of work.
#[derive(Debug)]
pub enum Unit {
    /// A single-document file for a worker to read.
    File(Source, Format),
    /// A single document already read (stdin, sniffed input).
    Bytes(Source, Format, Vec<u8>),
    /// A record of a container: its file, number and bytes.
    Record(Arc<Origin>, u64, Raw),
    /// A part of a very large text file.
    Part(Arc<Origin>, Part),
    /// A problem (counted as one lost document).
    Error(InputError),
    /// An input or record skipped by type.
    Skipped,
    /// A folder's README, skipped.
    Readme,
    /// Everything from this input has been handed out.
    Done(Arc<str>),
    /// This many inputs were skipped as done by an earlier run.
    Resumed(u64),
}

/// The file a record came from.
#[derive(Debug)]
pub struct Origin {
    /// The path as shown in records (`-` for stdin).
    pub name: String,
    /// The file, when there is one.
    pub path: Option<PathBuf>,
    /// The document id for formats with one document (parts).
    pub doc_id: String,
}

/// A part of a large text document.
#[derive(Debug)]
pub struct Part {
    /// Byte and code-point offsets of this part in the document.
    pub base: (usize, usize),
    /// The text of this part.
    pub text: String,
    /// True when more parts follow.
    pub more: bool,
    /// Whether invalid UTF-8 was replaced in this part.
    pub lossy: bool,
    /// Bytes of the file this part covers.
    pub bytes: u64,
}

impl Unit {
    /// Bytes this unit will cost a worker (for batching).
    pub fn weight(&self) -> u64 {
        match self {
            Unit::File(s, _) => s.size.unwrap_or(0),
            Unit::Bytes(_, _, b) => b.len() as u64,
            Unit::Record(_, _, r) => r.len() as u64,
            Unit::Part(_, p) => p.text.len() as u64,
            _ => 0,
        }
    }
}

/// An error record for a document or record.
pub fn record_error(
    doc: Option<&str>,
    path: Option<&std::path::Path>,
    record: Option<u64>,
    message: String,
) -> InputError {
    InputError {
        doc: doc.map(str::to_string),
        path: path.map(std::path::Path::to_path_buf),
        record,
        message,
        severity: Severity::Error,
    }
}

/// Decodes a unit that carries its bytes (everything but
/// [`Unit::File`], which a worker reads from disk first): `Ok(None)` for a
/// record that holds no document. Markers and errors decode to `Ok(None)`
/// and `Err` respectively.
pub fn decode(
    unit: &Unit,
    opts: &ReadOptions,
) -> Result<Option<super::Document>, InputError> {
    match unit {
        Unit::Bytes(src, format, bytes) => {
            super::decode_single(&src.doc_id, bytes.clone(), *format)
                .map(|mut d| {
                    d.meta.source = Some(src.path().map_or("-".into(), |p| {
                        p.to_string_lossy().into_owned()
                    }));
                    Some(d)
                })
                .map_err(|m| {
                    record_error(Some(&src.doc_id), src.path(), None, m)
                })
        }
        Unit::Record(origin, n, raw) => {
            let source = origin.name.as_str();
            let decoded = match raw {
                Raw::Jsonl(b) => {
                    super::jsonl::decode(b, source, *n, &opts.fields).map(Some)
                }
                Raw::Reuters(b) => {
                    super::reuters::decode(b, source, *n).map(Some)
                }
                Raw::Warc(r) => super::warc::decode(r, source, opts.max_size),
            };
            decoded.map_err(|m| {
                record_error(
                    Some(&origin.doc_id),
                    origin.path.as_deref(),
                    Some(*n),
                    m,
                )
            })
        }
        Unit::Part(origin, p) => {
            let mut d =
                super::Document::new(origin.doc_id.clone(), p.text.clone());
            d.bytes = p.bytes;
            d.base = p.base;
            d.more = p.more;
            d.meta.source = Some(origin.name.clone());
            d.meta.format = Some(Format::Text);
            if p.lossy {
                d.warnings.push(InputError::warning(
                    &origin.doc_id,
                    format!(
                        "invalid UTF-8 in the part at byte {}; decoded with U+FFFD replacements",
                        p.base.0
                    ),
                ));
            }
            Ok(Some(d))
        }
        Unit::File(src, format) => {
            read_file(src, *format, opts.max_size).map(Some)
        }
        Unit::Error(e) => Err(e.clone()),
        Unit::Skipped | Unit::Readme | Unit::Done(_) | Unit::Resumed(_) => {
            Ok(None)
        }
    }
}

/// Reads a single-document file: in one go (most files are small, so no
/// buffering layers), bounded by `max`, decompressed if it is gzip.
fn read_file(
    src: &Source,
    format: Format,
    max: u64,
) -> Result<super::Document, InputError> {
    let fail =
        |m: String| record_error(Some(&src.doc_id), src.path(), None, m);
    if let Some(size) = src.size
        && size > max
    {
        return Err(fail(format!(
            "file is {size} bytes, larger than --max-file-size {max}"
        )));
    }
    let path = src.path().expect("file units have a path");
    let mut file =
        File::open(path).map_err(|e| fail(format!("cannot open: {e}")))?;
    let mut bytes =
        Vec::with_capacity(src.size.unwrap_or(0).min(max) as usize + 1);
    (&mut file)
        .take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| fail(describe_io(&e, false)))?;
    if bytes.len() as u64 > max {
        return Err(fail(format!(
            "file is larger than --max-file-size {max}"
        )));
    }
    let bytes = if super::is_gzip(&bytes) {
        let (mut r, gz) = open_stream(&bytes[..], max)
            .map_err(|e| fail(describe_io(&e, true)))?;
        super::read_all(&mut r, gz).map_err(fail)?
    } else {
        bytes
    };
    let mut doc =
        super::decode_single(&src.doc_id, bytes, format).map_err(fail)?;
    doc.meta.source = Some(path.to_string_lossy().into_owned());
    Ok(doc)
}

/// Reads documents from bytes in memory, as `claimscan scan` would read a
/// file holding them (gzip, sniffing, framing and decoding included):
/// every document or problem, in order. `name` is the file name shown in
/// records and used as the id of a single-document input. For library
/// users and the fuzz targets.
pub fn read_bytes(
    name: &str,
    bytes: &[u8],
    opts: &ReadOptions,
) -> Vec<Result<super::Document, InputError>> {
    let src = Source {
        location: Location::Stdin,
        doc_id: name.to_string(),
        size: Some(bytes.len() as u64),
    };
    let mut units = Vec::new();
    stream_from(src, Box::new(bytes), opts.format, opts, &mut |u| {
        units.push(u);
        true
    });
    units.iter().filter_map(|u| decode(u, opts).transpose()).collect()
}

fn error(src: &Source, record: Option<u64>, message: String) -> InputError {
    record_error(Some(&src.doc_id), src.path(), record, message)
}

/// Expands one walk item into units, handing each to `emit` (which
/// returns false when the run is over).
pub fn frame(
    item: Walk,
    opts: &ReadOptions,
    emit: &mut dyn FnMut(Unit) -> bool,
) {
    let key: Arc<str> = item.key().into();
    let src = match item {
        Walk::Skipped(_) => {
            emit(Unit::Skipped);
            emit(Unit::Done(key));
            return;
        }
        Walk::Readme(_) => {
            emit(Unit::Readme);
            emit(Unit::Done(key));
            return;
        }
        Walk::Error(e) => {
            emit(Unit::Error(e));
            emit(Unit::Done(key));
            return;
        }
        Walk::Source(s) => s,
    };
    let named = opts.format.or_else(|| src.path().and_then(Format::from_path));
    let gz_name = src.path().is_some_and(|p| {
        p.to_string_lossy().to_ascii_lowercase().ends_with(".gz")
    });
    // Text that may not fit comfortably in memory is streamed in parts
    // (compressed text may grow tenfold).
    let huge_text = |f: Format| {
        f == Format::Text
            && src.size.is_some_and(|s| {
                s > opts.stream_threshold
                    || (gz_name && s > opts.stream_threshold / 8)
            })
    };
    match (named, &src.location) {
        (Some(f), Location::File(_)) if !f.is_container() && !huge_text(f) => {
            emit(Unit::File(src, f));
        }
        _ => stream(src, named, opts, emit),
    }
    emit(Unit::Done(key));
}

/// Opens, sniffs and streams an input on this thread.
fn stream(
    src: Source,
    named: Option<Format>,
    opts: &ReadOptions,
    emit: &mut dyn FnMut(Unit) -> bool,
) {
    let raw: Box<dyn Read> = match &src.location {
        Location::Stdin => Box::new(std::io::stdin()),
        Location::File(p) => match File::open(p) {
            Ok(f) => Box::new(f),
            Err(e) => {
                emit(Unit::Error(error(
                    &src,
                    None,
                    format!("cannot open: {e}"),
                )));
                return;
            }
        },
    };
    stream_from(src, raw, named, opts, emit);
}

/// Sniffs and streams `raw`, the bytes of `src`.
fn stream_from<'r>(
    src: Source,
    raw: Box<dyn Read + 'r>,
    named: Option<Format>,
    opts: &ReadOptions,
    emit: &mut dyn FnMut(Unit) -> bool,
) {
    // Containers are bounded per record, not per file.
    let (mut r, gz) = match open_stream(raw, u64::MAX) {
        Ok(x) => x,
        Err(e) => {
            emit(Unit::Error(error(&src, None, describe_io(&e, false))));
            return;
        }
    };
    let format = match named {
        Some(f) => f,
        None => match r.fill_buf() {
            Ok(head) => super::sniff(head),
            Err(e) => {
                emit(Unit::Error(error(&src, None, describe_io(&e, gz))));
                return;
            }
        },
    };
    let name = match src.path() {
        Some(p) => p.to_string_lossy().into_owned(),
        None if src.doc_id.is_empty() => "-".to_string(),
        None => src.doc_id.clone(),
    };
    let origin = Arc::new(Origin {
        name: name.clone(),
        path: src.path().map(|p| p.to_path_buf()),
        doc_id: src.doc_id.clone(),
    });
    let max = usize::try_from(opts.max_size).unwrap_or(usize::MAX);
    match format {
        Format::Jsonl => {
            let mut n = 0u64;
            loop {
                let mut line = Vec::new();
                let got = super::read_line_bounded(&mut r, &mut line, max);
                n += 1;
                match got {
                    Err(e) => {
                        emit(Unit::Error(error(
                            &src,
                            Some(n),
                            describe_io(&e, gz),
                        )));
                        return;
                    }
                    Ok((0, _)) => return,
                    Ok((_, true)) => {
                        let u = Unit::Error(error(
                            &src,
                            Some(n),
                            format!(
                                "line longer than --max-file-size {max} bytes, skipped"
                            ),
                        ));
                        if !emit(u) {
                            return;
                        }
                    }
                    Ok(_) => {
                        if line.iter().all(|b| b.is_ascii_whitespace()) {
                            continue;
                        }
                        if !emit(Unit::Record(
                            origin.clone(),
                            n,
                            Raw::Jsonl(line),
                        )) {
                            return;
                        }
                    }
                }
            }
        }
        Format::Warc => {
            for f in super::warc::Frames::new(r, max) {
                let u = match f {
                    super::warc::Frame::Record(rec) => {
                        Unit::Record(origin.clone(), rec.n, Raw::Warc(rec))
                    }
                    super::warc::Frame::Skipped => Unit::Skipped,
                    super::warc::Frame::Error(n, m) => {
                        let m = if gz && m.contains("truncated") {
                            format!("{m} (truncated gzip?)")
                        } else {
                            m
                        };
                        Unit::Error(error(&src, Some(n), m))
                    }
                };
                if !emit(u) {
                    return;
                }
            }
        }
        Format::Reuters => {
            for f in super::reuters::Frames::new(r, max) {
                let u = match f {
                    Ok((n, bytes)) => {
                        Unit::Record(origin.clone(), n, Raw::Reuters(bytes))
                    }
                    Err((n, m)) => Unit::Error(error(&src, Some(n), m)),
                };
                if !emit(u) {
                    return;
                }
            }
        }
        Format::Text | Format::Html => {
            // Compressed text may grow tenfold: stream it in parts too.
            let big = src.size.is_some_and(|s| {
                s > opts.stream_threshold
                    || (gz && s > opts.stream_threshold / 8)
            });
            if format == Format::Text && big {
                parts(&src, origin, r, opts, emit);
                return;
            }
            let mut limited = super::Limited::new(r, opts.max_size);
            let mut bytes = Vec::new();
            match limited.read_to_end(&mut bytes) {
                Ok(_) => {
                    emit(Unit::Bytes(src, format, bytes));
                }
                Err(e) => {
                    emit(Unit::Error(error(&src, None, describe_io(&e, gz))));
                }
            }
        }
    }
}

/// Cuts a large text file into parts of about [`super::PART_BYTES`] at line
/// breaks.
fn parts(
    src: &Source,
    origin: Arc<Origin>,
    mut r: Box<dyn BufRead + '_>,
    opts: &ReadOptions,
    emit: &mut dyn FnMut(Unit) -> bool,
) {
    let part = super::PART_BYTES.min(opts.stream_threshold.max(1) as usize);
    let mut base = (0usize, 0usize);
    let mut carry: Vec<u8> = Vec::new();
    let mut first = true;
    loop {
        let mut buf = std::mem::take(&mut carry);
        let want = part.saturating_sub(buf.len());
        let got = (&mut r).take(want as u64).read_to_end(&mut buf);
        let eof = match got {
            Ok(n) => n < want,
            Err(e) => {
                emit(Unit::Error(error(src, None, describe_io(&e, false))));
                return;
            }
        };
        if first {
            first = false;
            if let Some(pos) =
                memchr::memchr(0, &buf[..buf.len().min(64 << 10)])
            {
                emit(Unit::Error(error(
                    src,
                    None,
                    format!("binary file (NUL byte at offset {pos}), skipped"),
                )));
                return;
            }
        }
        if !eof {
            // Cut after the last line break (or, failing that, at a
            // character boundary) and carry the rest over.
            let cut = memchr::memrchr(b'\n', &buf)
                .map(|p| p + 1)
                .unwrap_or_else(|| {
                    let mut c = buf.len();
                    while c > 0 && (buf[c - 1] & 0xC0) == 0x80 {
                        c -= 1;
                    }
                    c.saturating_sub(1).max(1)
                });
            carry = buf.split_off(cut);
        }
        let bytes = buf.len() as u64;
        let (text, lossy) = match String::from_utf8(buf) {
            Ok(s) => (s, false),
            Err(e) => {
                (String::from_utf8_lossy(e.as_bytes()).into_owned(), true)
            }
        };
        let text = if base.0 == 0 {
            text.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(text)
        } else {
            text
        };
        let len = (text.len(), text.chars().count());
        let more = !eof || !carry.is_empty();
        let p = Part { base, text, more, lossy, bytes };
        base = (base.0 + len.0, base.1 + len.1);
        if !emit(Unit::Part(origin.clone(), p)) || !more {
            return;
        }
        if eof && carry.is_empty() {
            return;
        }
    }
}
