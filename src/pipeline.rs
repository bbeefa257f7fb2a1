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
use std::path::PathBuf;
use std::sync::mpsc;
use std::time::Instant;

use rayon::prelude::*;

use crate::config::Config;
use crate::error::{Error, InputError};
use crate::extract::Mention;
use crate::reader::{self, Document};
use crate::segment;
use crate::sink::{Sink, Summary};
use crate::source::{self, Walk, WalkOptions};

/// Most documents in one batch.
pub const BATCH_DOCS: usize = 128;

/// Most bytes (by file size) in one batch.
pub const BATCH_BYTES: u64 = 32 << 20;

/// What a worker hands back for one input.
struct Done {
    bytes: Vec<u8>,
    summary: Summary,
    messages: Vec<String>,
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
    let started = Instant::now();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(config.threads)
        .build()
        .map_err(|e| Error::Threads(e.to_string()))?;
    let opts = WalkOptions::default();
    let mut total = Summary::default();
    std::thread::scope(|threads| -> Result<(), Error> {
        // The walk runs ahead on its own thread (directory reads and stat
        // calls are sequential work), bounded by the channel.
        let (walk_tx, walk_rx) = mpsc::sync_channel::<Walk>(4 * BATCH_DOCS);
        let opts = &opts;
        threads.spawn(move || {
            for item in
                source::walk(paths, opts).filter(|w| in_shard(w, config.shard))
            {
                if walk_tx.send(item).is_err() {
                    break;
                }
            }
        });
        // Batch N+1 is extracted on the pool while this thread writes
        // batch N, so workers never wait for the writer.
        pool.in_place_scope(|scope| -> Result<(), Error> {
            let (done_tx, done_rx) = mpsc::channel::<Vec<Done>>();
            let start = |batch: Vec<Walk>| {
                let tx = done_tx.clone();
                scope.spawn(move |_| {
                    // `process` contains its own panics; this guard makes
                    // sure the writer is never left waiting for a batch.
                    let done = std::panic::catch_unwind(
                        std::panic::AssertUnwindSafe(|| {
                            batch
                                .par_iter()
                                .map(|w| process(config, sink, w))
                                .collect::<Vec<Done>>()
                        }),
                    )
                    .unwrap_or_else(|_| {
                        batch.iter().map(|w| lost(sink, w)).collect()
                    });
                    let _ = tx.send(done);
                });
            };
            let mut in_flight = false;
            let first = next_batch(&walk_rx);
            if !first.is_empty() {
                start(first);
                in_flight = true;
            }
            let mut result = Ok(());
            while in_flight {
                let done = done_rx.recv().expect("a batch in flight reports");
                in_flight = false;
                if result.is_ok() {
                    let next = next_batch(&walk_rx);
                    if !next.is_empty() {
                        start(next);
                        in_flight = true;
                    }
                }
                for d in done {
                    if result.is_ok() {
                        result = out.write_all(&d.bytes).map_err(Error::from);
                    }
                    for m in &d.messages {
                        report(m);
                    }
                    total.add(&d.summary);
                }
            }
            drop(walk_rx);
            result
        })
    })?;
    out.flush()?;
    total.elapsed = started.elapsed();
    Ok(total)
}

/// True when an input belongs to the shard: FNV-1a of its path, mod N.
/// Every input (including errors and skipped files) belongs to exactly one
/// shard, so the shards' outputs and summaries add up to one run's.
fn in_shard(item: &Walk, shard: Option<(u64, u64)>) -> bool {
    let Some((k, n)) = shard else { return true };
    let key = match item {
        Walk::Source(s) => match s.path() {
            Some(p) => p.to_string_lossy().into_owned(),
            None => s.doc_id.clone(),
        },
        Walk::Error(e) => e
            .path
            .as_ref()
            .map(|p| p.to_string_lossy().into_owned())
            .or_else(|| e.doc.clone())
            .unwrap_or_default(),
        Walk::Skipped(p) => p.to_string_lossy().into_owned(),
    };
    let h = key.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    h % n == k - 1
}

/// Takes the next batch from the walk: up to [`BATCH_DOCS`] inputs or
/// [`BATCH_BYTES`] bytes. Empty when the walk is over.
fn next_batch(rx: &mpsc::Receiver<Walk>) -> Vec<Walk> {
    let mut batch = Vec::new();
    let mut bytes = 0u64;
    while batch.len() < BATCH_DOCS && bytes < BATCH_BYTES {
        let Ok(item) = rx.recv() else { break };
        if let Walk::Source(s) = &item {
            bytes += s.size.unwrap_or(0);
        }
        batch.push(item);
    }
    batch
}

/// Reads, extracts and encodes one input.
fn process(config: &Config, sink: &dyn Sink, item: &Walk) -> Done {
    let mut done = Done {
        bytes: Vec::new(),
        summary: Summary::default(),
        messages: Vec::new(),
    };
    match item {
        Walk::Skipped(_) => done.summary.skipped = 1,
        Walk::Error(e) => fail(sink, e, &mut done),
        Walk::Source(src) => {
            done.summary.found = 1;
            match reader::read(src, config.max_file_size) {
                Err(e) => fail(sink, &e, &mut done),
                Ok(mut doc) => {
                    if doc.context == Default::default() {
                        doc.context = config.doc_context;
                    }
                    if let Some(&d) = config.doc_dates.get(&doc.id) {
                        doc.context.date = Some(d);
                    }
                    // A bug in an extractor must cost one document, not
                    // the run: the panic becomes an error record.
                    let caught = std::panic::catch_unwind(
                        std::panic::AssertUnwindSafe(|| {
                            let mentions = extract_document(config, &doc);
                            let analysis = if config.claims {
                                crate::claim::analyze(
                                    &doc.text,
                                    &mentions,
                                    &doc.context,
                                )
                            } else {
                                crate::claim::Analysis::default()
                            };
                            let mut bytes = Vec::new();
                            sink.encode_document(
                                &doc, &mentions, &analysis, &mut bytes,
                            );
                            (mentions, analysis, bytes)
                        }),
                    );
                    let Ok((mentions, analysis, bytes)) = caught else {
                        let e = InputError {
                            doc: Some(doc.id.clone()),
                            path: src.path().map(|p| p.to_path_buf()),
                            message: "internal error: extraction panicked (please report this input)".into(),
                            severity: crate::error::Severity::Error,
                        };
                        fail(sink, &e, &mut done);
                        return done;
                    };
                    done.bytes = bytes;
                    done.summary.claims = analysis.claims.len() as u64;
                    done.summary.read = 1;
                    done.summary.bytes = doc.bytes;
                    done.summary.warnings =
                        u64::from(!doc.warnings.is_empty());
                    for w in &doc.warnings {
                        done.messages.push(w.to_string());
                    }
                    for m in &mentions {
                        done.summary.mentions[m.kind.index()] += 1;
                    }
                }
            }
        }
    }
    done
}

/// The record of an input lost to a panic outside the per-document guard:
/// reported and counted, never silently dropped.
fn lost(sink: &dyn Sink, item: &Walk) -> Done {
    let mut done = Done {
        bytes: Vec::new(),
        summary: Summary::default(),
        messages: Vec::new(),
    };
    let (doc, path) = match item {
        Walk::Source(s) => {
            (Some(s.doc_id.clone()), s.path().map(|p| p.to_path_buf()))
        }
        Walk::Error(e) => (e.doc.clone(), e.path.clone()),
        Walk::Skipped(p) => (None, Some(p.clone())),
    };
    let e = InputError {
        doc,
        path,
        message:
            "internal error: processing panicked (please report this input)"
                .into(),
        severity: crate::error::Severity::Error,
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
