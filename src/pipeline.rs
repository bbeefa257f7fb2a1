/*!
The run: the only module that knows every stage.

```text
walk (sequential, lazy) ─▶ batch ─▶ par_iter: read → extract → encode ─▶ write in order
```

The walk is lazy and inputs are processed in batches of at most
[`BATCH_DOCS`] documents or [`BATCH_BYTES`] bytes: workers read, extract
and encode each document of a batch in parallel, then the batch's encoded
bytes are written in input order. Memory therefore stays bounded by one
batch (and the largest document in it), not by the corpus, and the output
is byte-identical for any thread count. A document larger than
[`segment::PARALLEL_THRESHOLD`] is itself split into chunks that are
extracted in parallel.
*/

use std::io::Write;
use std::path::PathBuf;
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
pub const BATCH_DOCS: usize = 256;

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
    let mut items = source::walk(paths, &opts).peekable();
    let mut total = Summary::default();
    let mut batch: Vec<Walk> = Vec::new();
    while items.peek().is_some() {
        batch.clear();
        let mut bytes = 0u64;
        while batch.len() < BATCH_DOCS && bytes < BATCH_BYTES {
            let Some(item) = items.next() else { break };
            if let Walk::Source(s) = &item {
                bytes += s.size.unwrap_or(0);
            }
            batch.push(item);
        }
        let done: Vec<Done> = if config.threads > 1 {
            pool.install(|| {
                batch.par_iter().map(|w| process(config, sink, w)).collect()
            })
        } else {
            batch.iter().map(|w| process(config, sink, w)).collect()
        };
        for d in done {
            out.write_all(&d.bytes)?;
            for m in &d.messages {
                report(m);
            }
            total.add(&d.summary);
        }
    }
    out.flush()?;
    total.elapsed = started.elapsed();
    Ok(total)
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
                    // A bug in an extractor must cost one document, not
                    // the run: the panic becomes an error record.
                    let caught = std::panic::catch_unwind(
                        std::panic::AssertUnwindSafe(|| {
                            extract_document(config, &doc)
                        }),
                    );
                    let Ok(mentions) = caught else {
                        let e = InputError {
                            doc: Some(doc.id.clone()),
                            path: src.path().map(|p| p.to_path_buf()),
                            message: "internal error: extractor panicked (please report this input)".into(),
                            severity: crate::error::Severity::Error,
                        };
                        fail(sink, &e, &mut done);
                        return done;
                    };
                    sink.encode_document(&doc, &mentions, &mut done.bytes);
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
