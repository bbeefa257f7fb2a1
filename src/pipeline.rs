/*!
The run: the only module that knows every stage.

```text
walk (own thread) ─▶ batch ─▶ par_iter: read → extract → encode ─▶ write in order
```

The walk runs on its own thread, ahead of the workers, and inputs are
processed in batches of at most [`BATCH_DOCS`] documents or
[`BATCH_BYTES`] bytes: workers read, extract and encode each document of a
batch in parallel, and while they work on the next batch the calling thread
writes the previous one's encoded bytes in input order. Memory therefore stays bounded by one
batch (and the largest document in it), not by the corpus, and the output
is byte-identical for any thread count. A document larger than
[`segment::PARALLEL_THRESHOLD`] is itself split into chunks that are
extracted in parallel.
*/

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Instant;

use rayon::prelude::*;

use crate::config::Config;
use crate::error::Error;
use crate::reader;
use crate::reader::frame::{self, Unit};
use crate::record::{Analysis, Document, InputError, Mention, Severity, Walk};
use crate::segment;
use crate::sink::{Sink, Summary};
use crate::source::{self, WalkOptions};

/// Most units (documents, records, parts) in one batch.
pub const BATCH_DOCS: usize = 128;

/// Most bytes (by file or record size) in one batch.
pub const BATCH_BYTES: u64 = 8 << 20;

/// What a worker hands back for one unit.
#[derive(Default)]
struct Done {
    bytes: Vec<u8>,
    summary: Summary,
    messages: Vec<String>,
    /// The input this unit finished (for the `--resume` journal).
    finished: Option<std::sync::Arc<str>>,
    /// The document's text for `--emit-text`: (id, text, append).
    text: Option<(String, String, bool)>,
    /// A document over [`segment::SPLIT_THRESHOLD`], decoded but not yet
    /// analysed: the writer analyses it in pieces and writes each
    /// piece's records before the next is made.
    big: Option<Box<Document>>,
}

/// Most bytes of units queued between the walk thread and the batches.
/// With the batch being formed and the batch being extracted (each at
/// most [`BATCH_BYTES`] plus one unit), this bounds the input held in
/// memory whatever the file sizes.
pub const IN_FLIGHT_BYTES: u64 = 2 * BATCH_BYTES;

/// A byte budget for the queue: the walk thread waits while the units it
/// has queued and no batch has taken yet exceed the limit (one unit is
/// always let through, whatever its size). Batches take units without
/// waiting, so the queue always drains and nothing can deadlock.
struct Budget {
    used: std::sync::Mutex<(u64, bool)>,
    freed: std::sync::Condvar,
    limit: u64,
}

impl Budget {
    fn new(limit: u64) -> Budget {
        Budget {
            used: std::sync::Mutex::new((0, false)),
            freed: std::sync::Condvar::new(),
            limit,
        }
    }

    fn acquire(&self, n: u64) {
        let mut g = self.used.lock().unwrap_or_else(|e| e.into_inner());
        while g.0 > 0 && g.0 + n > self.limit && !g.1 {
            g = self.freed.wait(g).unwrap_or_else(|e| e.into_inner());
        }
        g.0 += n;
    }

    fn release(&self, n: u64) {
        let mut g = self.used.lock().unwrap_or_else(|e| e.into_inner());
        g.0 = g.0.saturating_sub(n);
        self.freed.notify_all();
    }

    fn close(&self) {
        let mut g = self.used.lock().unwrap_or_else(|e| e.into_inner());
        g.1 = true;
        self.freed.notify_all();
    }
}

/// Where a resumable run records the inputs it has finished: one line per
/// input, `OFFSET TAB KEY`, where OFFSET is the output's length once every
/// record of that input was written. Lines are appended after the output
/// is flushed, so the journal never claims records that are not on disk.
pub struct Journal<'a> {
    /// The journal file.
    pub file: &'a mut dyn Write,
    /// Bytes already in the output before this run.
    pub offset: u64,
    /// Inputs an earlier run finished: skipped.
    pub done: std::collections::HashSet<String>,
}

/// Runs the pipeline over `paths`, writing records to `out` with `sink`.
/// Per-input problems are reported (records, stderr lines through
/// `report`) and counted; only output failures stop the run.
pub fn run(
    config: &Config,
    paths: &[PathBuf],
    sink: &dyn Sink,
    out: &mut dyn Write,
    report: &mut dyn FnMut(&str),
) -> Result<Summary, Error> {
    run_with(config, paths, sink, out, report, None, &mut |_| {})
}

/// [`run`], with a `--resume` journal and a progress callback (called
/// after each batch is written, with the running summary).
pub fn run_with(
    config: &Config,
    paths: &[PathBuf],
    sink: &dyn Sink,
    out: &mut dyn Write,
    report: &mut dyn FnMut(&str),
    mut journal: Option<Journal<'_>>,
    progress: &mut dyn FnMut(&Summary),
) -> Result<Summary, Error> {
    let started = Instant::now();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(config.threads)
        .build()
        .map_err(|e| Error::Threads(e.to_string()))?;
    let opts = WalkOptions { readme: config.readme, ..WalkOptions::default() };
    let budget = Budget::new(IN_FLIGHT_BYTES);
    let mut total = Summary::default();
    let mut written = journal.as_ref().map_or(0, |j| j.offset);
    let done_before = journal.as_mut().map(|j| std::mem::take(&mut j.done));
    let done_before = &done_before;
    std::thread::scope(|threads| -> Result<(), Error> {
        // The walk and the framing of containers run ahead on their own
        // thread (directory reads, stat calls and stream cutting are
        // sequential work), bounded by the channel.
        let (walk_tx, walk_rx) = mpsc::sync_channel::<Unit>(4 * BATCH_DOCS);
        let opts = &opts;
        let budget = &budget;
        threads.spawn(move || {
            let mut resumed = 0u64;
            for item in
                source::walk(paths, opts).filter(|w| in_shard(w, config.shard))
            {
                if done_before
                    .as_ref()
                    .is_some_and(|d| d.contains(&Walk::key(&item)))
                {
                    resumed += 1;
                    continue;
                }
                let mut open = true;
                frame::frame(item, &config.read, &mut |u| {
                    // Large units (parts of huge files, big records) wait
                    // for room, so memory stays bounded by bytes too.
                    budget.acquire(u.weight());
                    open = open && walk_tx.send(u).is_ok();
                    open
                });
                if !open {
                    return;
                }
            }
            if resumed > 0 {
                let _ = walk_tx.send(Unit::Resumed(resumed));
            }
        });
        // Batch N+1 is extracted on the pool while this thread writes
        // batch N, so workers never wait for the writer.
        pool.in_place_scope(|scope| -> Result<(), Error> {
            let (done_tx, done_rx) = mpsc::channel::<Vec<Done>>();
            let start = |batch: Vec<Unit>| {
                let tx = done_tx.clone();
                scope.spawn(move |_| {
                    // `process` contains its own panics; this guard makes
                    // sure the writer is never left waiting for a batch.
                    let done = std::panic::catch_unwind(
                        std::panic::AssertUnwindSafe(|| {
                            batch
                                .par_iter()
                                .map(|u| process(config, sink, u))
                                .collect::<Vec<Done>>()
                        }),
                    )
                    .unwrap_or_else(|_| {
                        batch.iter().map(|u| lost(sink, u)).collect()
                    });
                    let _ = tx.send(done);
                });
            };
            let mut in_flight = false;
            let first = next_batch(&walk_rx, budget);
            if !first.is_empty() {
                start(first);
                in_flight = true;
            }
            let mut result = Ok(());
            while in_flight {
                let done = done_rx.recv().expect("a batch in flight reports");
                in_flight = false;
                if result.is_ok() {
                    let next = next_batch(&walk_rx, budget);
                    if !next.is_empty() {
                        start(next);
                        in_flight = true;
                    }
                }
                let mut finished = Vec::new();
                for mut d in done {
                    let mut w = Written {
                        out: &mut *out,
                        result: &mut result,
                        written: &mut written,
                        report: &mut *report,
                        total: &mut total,
                    };
                    if let Some(doc) = d.big.take() {
                        in_pieces(config, sink, &pool, *doc, &mut |p| {
                            w.write(config, &p)
                        });
                    }
                    w.write(config, &d);
                    if let Some(k) = d.finished {
                        finished.push((written, k));
                    }
                }
                if let Some(j) = journal.as_mut()
                    && result.is_ok()
                    && !finished.is_empty()
                {
                    result = out.flush().map_err(Error::from).and_then(|_| {
                        let mut lines = String::new();
                        for (off, key) in &finished {
                            lines.push_str(&format!("{off}\t{key}\n"));
                        }
                        j.file.write_all(lines.as_bytes())?;
                        j.file.flush().map_err(Error::from)
                    });
                }
                total.elapsed = started.elapsed();
                progress(&total);
            }
            drop(walk_rx);
            // Unblock the walk thread if it waits for room.
            budget.close();
            result
        })
    })?;
    out.flush()?;
    total.elapsed = started.elapsed();
    Ok(total)
}

/// Where the writer puts what workers hand back.
struct Written<'a> {
    out: &'a mut dyn Write,
    result: &'a mut Result<(), Error>,
    written: &'a mut u64,
    report: &'a mut dyn FnMut(&str),
    total: &'a mut Summary,
}

impl Written<'_> {
    /// Writes one unit's records (once the output has failed, only
    /// counts them) and reports its messages.
    fn write(&mut self, config: &Config, d: &Done) -> bool {
        if self.result.is_ok() {
            *self.result = self.out.write_all(&d.bytes).map_err(Error::from);
            *self.written += d.bytes.len() as u64;
            if let (Some(dir), Some((id, text, append))) =
                (&config.emit_text, &d.text)
                && self.result.is_ok()
            {
                *self.result =
                    write_text(dir, id, text, *append).map_err(Error::from);
            }
        }
        for m in &d.messages {
            (self.report)(m);
        }
        self.total.add(&d.summary);
        self.result.is_ok()
    }
}

/// Analyses a document over [`segment::SPLIT_THRESHOLD`] in pieces of
/// about [`segment::PIECE_BYTES`] cut at line breaks, sentence ends or
/// white space ([`segment::pieces`]), as many at a time as there are
/// threads, handing each piece's records to `write` in order: memory is
/// bounded by a few pieces' records, whatever the document's size or
/// shape. Each piece is a part of the document (offsets are the
/// document's; its `doc` record comes with the last piece), and claims are
/// assembled per piece, as for the parts of a streamed file. The output
/// does not depend on the thread count.
fn in_pieces(
    config: &Config,
    sink: &dyn Sink,
    pool: &rayon::ThreadPool,
    mut doc: Document,
    write: &mut dyn FnMut(Done) -> bool,
) {
    let text = std::mem::take(&mut doc.text);
    let warnings = std::mem::take(&mut doc.warnings);
    let pieces = segment::pieces(&text, segment::PIECE_BYTES);
    let n = pieces.len();
    // Bytes of the input each piece stands for: its text, and the rest
    // (markup, JSON) with the last piece, so the doc record and the
    // summary count the document's bytes once.
    let mut bytes_left = doc.bytes;
    let mut chars = doc.base.1;
    let mut subs = Vec::with_capacity(n);
    for (k, &(off, piece)) in pieces.iter().enumerate() {
        let last = k + 1 == n;
        let bytes = if last {
            bytes_left
        } else {
            (piece.len() as u64).min(bytes_left)
        };
        bytes_left -= bytes;
        subs.push((off, chars, bytes, last));
        chars += piece.chars().count();
    }
    let width = config.threads.max(1);
    for (w, window) in subs.chunks(width).enumerate() {
        let done: Vec<Done> = pool.install(|| {
            window
                .par_iter()
                .enumerate()
                .map(|(i, &(off, chars, bytes, last))| {
                    let k = w * width + i;
                    let piece = Document {
                        id: doc.id.clone(),
                        text: pieces[k].1.to_string(),
                        bytes,
                        context: doc.context,
                        warnings: if k == 0 {
                            warnings.clone()
                        } else {
                            Vec::new()
                        },
                        meta: doc.meta.clone(),
                        base: (doc.base.0 + off, chars),
                        more: doc.more || !last,
                    };
                    analyze(config, sink, piece)
                })
                .collect()
        });
        for d in done {
            let lost = d.summary.failed > 0;
            if !write(d) || lost {
                return;
            }
        }
    }
}

/// Writes one document's text for `--emit-text`: the file name is the
/// document id with every byte outside `[A-Za-z0-9._-]` percent-encoded,
/// plus `.txt`.
fn write_text(
    dir: &Path,
    id: &str,
    text: &str,
    append: bool,
) -> std::io::Result<()> {
    let path = dir.join(text_file_name(id));
    let mut f = std::fs::OpenOptions::new()
        .create(true)
        .write(true)
        .append(append)
        .truncate(!append)
        .open(path)?;
    f.write_all(text.as_bytes())
}

/// The `--emit-text` file name of a document id.
pub fn text_file_name(id: &str) -> String {
    let mut name = String::with_capacity(id.len() + 4);
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-') {
            name.push(b as char);
        } else {
            name.push_str(&format!("%{b:02X}"));
        }
    }
    if name.starts_with('.') {
        name.replace_range(..1, "%2E");
    }
    if name.len() > 240 {
        // Keep names within file-system limits, still unique by hash.
        let h = id.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
        name.truncate(200);
        while !name.is_char_boundary(name.len()) {
            name.pop();
        }
        name.push_str(&format!("~{h:016x}"));
    }
    name.push_str(".txt");
    name
}

/// True when an input belongs to the shard: FNV-1a of its path, mod N.
/// Every input (including errors and skipped files) belongs to exactly one
/// shard, so the shards' outputs and summaries add up to one run's.
fn in_shard(item: &Walk, shard: Option<(u64, u64)>) -> bool {
    let Some((k, n)) = shard else { return true };
    let key = Walk::key(item);
    let h = key.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    h % n == k - 1
}

/// Takes the next batch: up to [`BATCH_DOCS`] units or [`BATCH_BYTES`]
/// bytes. Empty when the walk is over.
fn next_batch(rx: &mpsc::Receiver<Unit>, budget: &Budget) -> Vec<Unit> {
    let mut batch = Vec::new();
    let mut bytes = 0u64;
    // Markers (end of input, skipped, resumed) cost nothing and do not
    // count towards the batch's size.
    let mut docs = 0;
    while docs < BATCH_DOCS && bytes < BATCH_BYTES {
        let Ok(item) = rx.recv() else { break };
        if !matches!(
            item,
            Unit::Done(_) | Unit::Skipped | Unit::Readme | Unit::Resumed(_)
        ) {
            docs += 1;
        }
        let w = item.weight();
        // Out of the queue: the walk thread may queue more.
        budget.release(w);
        bytes += w;
        batch.push(item);
    }
    batch
}

/// Reads (or decodes), extracts and encodes one unit.
fn process(config: &Config, sink: &dyn Sink, unit: &Unit) -> Done {
    let mut done = Done::default();
    let decoded: Result<Option<Document>, InputError> = match unit {
        Unit::Skipped => {
            done.summary.skipped = 1;
            return done;
        }
        Unit::Readme => {
            done.summary.readmes = 1;
            return done;
        }
        Unit::Resumed(n) => {
            done.summary.resumed = *n;
            return done;
        }
        Unit::Done(key) => {
            done.finished = Some(key.clone());
            return done;
        }
        Unit::Error(e) => {
            fail(sink, e, &mut done);
            return done;
        }
        other => frame::decode(other, &config.read),
    };
    let mut doc = match decoded {
        Err(e) => {
            fail(sink, &e, &mut done);
            return done;
        }
        Ok(None) => {
            done.summary.skipped = 1;
            return done;
        }
        Ok(Some(d)) => d,
    };
    for w in &mut doc.warnings {
        if w.path.is_none() {
            w.path = doc
                .meta
                .source
                .as_deref()
                .filter(|s| *s != "-")
                .map(PathBuf::from);
        }
        if w.record.is_none() {
            w.record = doc.meta.record;
        }
    }
    set_context(config, &mut doc);
    if doc.text.len() > segment::SPLIT_THRESHOLD {
        done.big = Some(Box::new(doc));
        return done;
    }
    analyze(config, sink, doc)
}

/// The document's date: --doc-dates, else its metadata, else --doc-date.
fn set_context(config: &Config, doc: &mut Document) {
    doc.context = config.doc_context;
    reader::apply_meta_context(doc);
    if doc.context.date.is_none() {
        doc.context.date = config.doc_context.date;
    }
    if let Some(d) = config.doc_date(&doc.id, doc.meta.source.as_deref()) {
        doc.context.date = Some(d);
    }
}

/// One document with its mentions and claims, for commands that judge
/// whole documents (`crosscheck`).
pub struct Analyzed {
    /// The document.
    pub doc: Document,
    /// Its mentions, in order.
    pub mentions: Vec<Mention>,
    /// Its claims.
    pub analysis: crate::claim::Analysis,
}

/// Reads every document of one input in memory, as `claimscan scan`
/// would (format, gzip and framing included), and analyses each: the
/// documents, or the problem of each one that could not be read. The id
/// of a single-document input is `path` as given.
pub fn analyze_path(
    config: &Config,
    path: &Path,
) -> Vec<Result<Analyzed, InputError>> {
    let name = path.to_string_lossy();
    let max = config.max_file_size.unwrap_or(reader::DEFAULT_MAX_SIZE);
    let bytes = match std::fs::metadata(path) {
        Ok(m) if m.is_dir() => Err("is a folder, not a file".to_string()),
        Ok(m) if m.len() > max => {
            Err(format!("larger than the limit of {max} bytes"))
        }
        Ok(_) => std::fs::read(path).map_err(|e| e.to_string()),
        Err(e) => Err(e.to_string()),
    };
    let bytes = match bytes {
        Ok(b) => b,
        Err(m) => {
            return vec![Err(frame::record_error(
                Some(&name),
                Some(path),
                None,
                format!("cannot read: {m}"),
            ))];
        }
    };
    let mut opts = config.read.clone();
    if opts.format.is_none() {
        opts.format = reader::Format::from_path(path);
    }
    frame::read_bytes(&name, &bytes, &opts)
        .into_iter()
        .map(|d| {
            let mut doc = d?;
            if doc.meta.source.as_deref() == Some("-")
                || doc.meta.source.is_none()
            {
                doc.meta.source = Some(name.clone().into_owned());
            }
            set_context(config, &mut doc);
            let mentions = extract_document(config, &doc);
            let mut analysis =
                crate::claim::analyze(&doc.text, &mentions, &doc.context);
            if let Some(company) = &doc.meta.company {
                for c in &mut analysis.claims {
                    if c.subject.is_none() {
                        c.subject = Some(company.clone());
                    }
                }
            }
            Ok(Analyzed { doc, mentions, analysis })
        })
        .collect()
}

/// Extracts one document held in memory as a scan extracts a file holding
/// its text, and appends its records to `out` with `sink`: its mentions
/// and claims, then its `doc` record (or an `error` record if extraction
/// panicked). The document's date is set from `config` as for scanned
/// documents (`doc_dates`, then its metadata, then `doc_context`). Claims
/// are assembled over the whole text, whatever its size (a scan reads
/// texts over [`segment::SPLIT_THRESHOLD`] in pieces). For callers that
/// have text rather than files, such as the Python package's
/// `claimscan.extract`.
///
/// ```
/// use claimscan::record::Document;
/// use claimscan::sink::JsonlSink;
///
/// let config = claimscan::ConfigBuilder::new().threads(Some(1)).build();
/// let mut out = Vec::new();
/// let doc = Document::new("note", "Revenue rose 7% to $50 million.");
/// let summary =
///     claimscan::pipeline::encode_document(&config, &JsonlSink, doc, &mut out);
/// assert_eq!(summary.claims, 1);
/// let text = String::from_utf8(out).unwrap();
/// assert!(text.lines().last().unwrap().starts_with(r#"{"type":"doc","doc":"note""#));
/// ```
pub fn encode_document(
    config: &Config,
    sink: &dyn Sink,
    mut doc: Document,
    out: &mut Vec<u8>,
) -> Summary {
    set_context(config, &mut doc);
    let done = analyze(config, sink, doc);
    out.extend_from_slice(&done.bytes);
    done.summary
}

/// Extracts, analyses and encodes one decoded document (or piece).
fn analyze(config: &Config, sink: &dyn Sink, doc: Document) -> Done {
    let mut done = Done::default();
    // A bug in an extractor must cost one document, not the run: the
    // panic becomes an error record.
    let caught =
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let mentions = extract_document(config, &doc);
            let mut analysis = if config.claims {
                crate::claim::analyze(&doc.text, &mentions, &doc.context)
            } else {
                Analysis::default()
            };
            if let Some(company) = &doc.meta.company {
                for c in &mut analysis.claims {
                    if c.subject.is_none() {
                        c.subject = Some(company.clone());
                    }
                }
            }
            let mut bytes = Vec::new();
            sink.encode_document(&doc, &mentions, &analysis, &mut bytes);
            (mentions, analysis, bytes)
        }));
    let Ok((mentions, analysis, bytes)) = caught else {
        let e = InputError {
            doc: Some(doc.id.clone()),
            path: doc.meta.source.as_deref().filter(|s| *s != "-").map(PathBuf::from),
            record: doc.meta.record,
            message: "internal error: extraction panicked (please report this input)".into(),
            severity: Severity::Error,
        };
        fail(sink, &e, &mut done);
        return done;
    };
    done.bytes = bytes;
    done.summary.claims = analysis.claims.len() as u64;
    done.summary.cut_sentences = analysis.cut_sentences as u64;
    done.summary.bytes = doc.bytes;
    if !doc.more {
        // A document is counted once, with its last part.
        done.summary.found = 1;
        done.summary.read = 1;
    }
    done.summary.warnings = u64::from(!doc.warnings.is_empty());
    for w in &doc.warnings {
        done.messages.push(w.to_string());
    }
    for m in &mentions {
        done.summary.mentions[m.kind.index()] += 1;
    }
    if config.emit_text.is_some() {
        done.text = Some((doc.id.clone(), doc.text.clone(), doc.base.0 > 0));
    }
    done
}

/// The record of a unit lost to a panic outside the per-document guard:
/// reported and counted, never silently dropped.
fn lost(sink: &dyn Sink, unit: &Unit) -> Done {
    let mut done = Done::default();
    let (doc, path, record) = match unit {
        Unit::File(s, _) | Unit::Bytes(s, _, _) => {
            (Some(s.doc_id.clone()), s.path().map(|p| p.to_path_buf()), None)
        }
        Unit::Record(o, n, _) => {
            (Some(o.doc_id.clone()), o.path.clone(), Some(*n))
        }
        Unit::Part(o, _) => (Some(o.doc_id.clone()), o.path.clone(), None),
        Unit::Error(e) => (e.doc.clone(), e.path.clone(), e.record),
        Unit::Done(k) => {
            done.finished = Some(k.clone());
            return done;
        }
        Unit::Skipped | Unit::Readme | Unit::Resumed(_) => return done,
    };
    let e = InputError {
        doc,
        path,
        record,
        message:
            "internal error: processing panicked (please report this input)"
                .into(),
        severity: Severity::Error,
    };
    fail(sink, &e, &mut done);
    done
}

fn fail(sink: &dyn Sink, e: &InputError, done: &mut Done) {
    done.summary.found = 1;
    done.summary.failed = 1;
    sink.encode_error(e, &mut done.bytes);
    done.messages.push(e.to_string());
}

/// Extracts one document, in chunks when it is very large.
pub fn extract_document(config: &Config, doc: &Document) -> Vec<Mention> {
    let set = &config.extractors;
    if doc.text.len() <= segment::PARALLEL_THRESHOLD {
        return set.extract(&doc.text, &doc.context);
    }
    let parts = segment::chunks(&doc.text, segment::CHUNK_BYTES);
    let per: Vec<Vec<Mention>> = parts
        .par_iter()
        .map(|&(off, chunk)| {
            let mut ms = set.extract(chunk, &doc.context);
            for m in &mut ms {
                m.start += off;
                m.end += off;
            }
            ms
        })
        .collect();
    per.into_iter().flatten().collect()
}
