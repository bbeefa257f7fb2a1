/*!
The `claimscan._claimscan` extension module: the Python package's bridge to
the `claimscan` library. Nothing here extracts anything; it turns Python
arguments into a library [`Config`] (with the command line's checks and
messages, from `claimscan::config`), runs the library's pipeline with the
GIL released, and hands back what the pipeline wrote:

- [`Scan`]: the JSON lines of `claimscan scan`, streamed in chunks from a
  pipeline running on its own thread (the Python side parses each line);
- [`tables`]: the Parquet tables as Arrow record batches
  ([`claimscan::sink::table::TableBatches`]), handed to pyarrow through the
  Arrow C data interface;
- [`extract`]: the records of one string
  ([`claimscan::pipeline::encode_document`]);
- [`crosscheck`]: verdict records ([`claimscan::crosscheck::judge_pair_or_error`]).

`python/claimscan/__init__.py` wraps these in the documented API.
*/

use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, RecvTimeoutError, SyncSender};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use arrow_pyarrow::IntoPyArrow;
use claimscan::config::{Config, ConfigBuilder};
use claimscan::extract::Lexicon;
use claimscan::record::{DocContext, Document};
use claimscan::sink::table::{SCAN_TABLES, TableBatches};
use claimscan::sink::{JsonlSink, Summary};
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict};

/// The options `scan`, `tables` and `extract` share, as Python gave them.
struct Options {
    kinds: Vec<String>,
    claims: bool,
    threads: Option<i64>,
    doc_date: Option<String>,
    input_format: Option<String>,
    skills: Vec<PathBuf>,
}

/// Builds the library configuration, failing with the command line's
/// message (`claimscan scan` prints the same after `claimscan: error: `).
fn config(o: &Options) -> Result<Config, String> {
    let kinds = claimscan::config::parse_kinds(&o.kinds)?;
    let mut lexicon = Lexicon::builtin();
    for path in &o.skills {
        lexicon.extend(Lexicon::from_path(path).map_err(|e| e.to_string())?);
    }
    let mut ctx = DocContext::default();
    if let Some(d) = &o.doc_date {
        ctx.date = Some(
            claimscan::config::parse_date(d)
                .map_err(|e| format!("bad --doc-date {d:?}: {e}"))?,
        );
    }
    let threads = match o.threads {
        Some(n) if n < 1 => return Err("--threads must be at least 1".into()),
        Some(n) => Some(n as usize),
        None => None,
    };
    let read = claimscan::reader::ReadOptions {
        format: match &o.input_format {
            // The command line's message, clap's prefix included.
            Some(f) => Some(claimscan::config::parse_input_format(f).map_err(
                |e| {
                    format!(
                        "invalid value '{f}' for '--input-format <FORMAT>': {e}"
                    )
                },
            )?),
            None => None,
        },
        ..Default::default()
    };
    Ok(ConfigBuilder::new()
        .kinds(kinds)
        .lexicon(lexicon)
        .threads(threads)
        .doc_context(ctx)
        .read(read)
        .claims(o.claims)
        .build())
}

fn value_error(msg: String) -> PyErr {
    PyValueError::new_err(msg)
}

/// Runs the scan (and the panel after it, when asked) into `out`.
fn run(
    config: &Config,
    paths: &[PathBuf],
    panel: bool,
    out: &mut dyn Write,
) -> Result<Summary, String> {
    let mut quiet = |_: &str| {};
    if !panel {
        return claimscan::pipeline::run(
            config, paths, &JsonlSink, out, &mut quiet,
        )
        .map_err(|e| e.to_string());
    }
    // As `claimscan scan --panel`: the panel is built from exactly the
    // claim records written.
    let mut tee = claimscan::panel::Tee::new(out);
    let summary = claimscan::pipeline::run(
        config, paths, &JsonlSink, &mut tee, &mut quiet,
    )
    .map_err(|e| e.to_string())?;
    let (builder, out) = tee.finish();
    claimscan::panel::write_all(&builder.finish(), out)
        .and_then(|()| out.flush())
        .map_err(|e| format!("cannot write the panel records: {e}"))?;
    Ok(summary)
}

/// Chunks of the pipeline's output sent to the Python thread: about this
/// many bytes of whole JSON lines each.
const CHUNK: usize = 256 << 10;

/// The pipeline's output, cut into chunks of whole lines and sent over a
/// bounded channel. When the receiver is gone (the iterator was closed or
/// dropped), writes fail as a closed pipe does and the run stops after
/// its current batch.
struct Sender {
    tx: SyncSender<Vec<u8>>,
    buf: Vec<u8>,
    /// The receiver went away: the caller stopped early.
    closed: bool,
}

impl Sender {
    fn send(&mut self) -> io::Result<()> {
        if self.buf.is_empty() {
            return Ok(());
        }
        let chunk =
            std::mem::replace(&mut self.buf, Vec::with_capacity(CHUNK));
        self.tx.send(chunk).map_err(|_| {
            self.closed = true;
            io::Error::from(io::ErrorKind::BrokenPipe)
        })
    }
}

impl Write for Sender {
    fn write(&mut self, b: &[u8]) -> io::Result<usize> {
        // The pipeline writes each document's records whole, so a chunk
        // sent here always ends at a line break.
        self.buf.extend_from_slice(b);
        if self.buf.len() >= CHUNK && self.buf.ends_with(b"\n") {
            self.send()?;
        }
        Ok(b.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.buf.ends_with(b"\n") { self.send() } else { Ok(()) }
    }
}

/// What a scan's iterator holds.
struct State {
    rx: Option<Receiver<Vec<u8>>>,
    run: Option<JoinHandle<Result<Summary, String>>>,
    summary: Option<Summary>,
}

impl State {
    /// Stops the run (if still going) and waits for its threads.
    fn close(&mut self) -> Result<(), String> {
        self.rx = None;
        match self.run.take().map(|h| h.join()) {
            None => Ok(()),
            Some(Ok(Ok(s))) => {
                self.summary = Some(s);
                Ok(())
            }
            Some(Ok(Err(e))) => Err(e),
            Some(Err(_)) => Err("the scan's thread panicked".into()),
        }
    }
}

/// A running scan: iterating gives `bytes` chunks of JSON lines (whole
/// lines), in the order `claimscan scan` writes them. The pipeline runs on
/// its own threads without the GIL; a chunk waits in a short queue until
/// it is taken, so an unread iterator holds the run back (it never runs
/// ahead by more than a few MB). `close()` (or dropping the iterator)
/// stops the run and joins its threads.
#[pyclass(module = "claimscan._claimscan")]
struct Scan {
    state: Mutex<State>,
}

impl Scan {
    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn close_released(&self, py: Python<'_>) -> PyResult<()> {
        let mut state = std::mem::replace(
            &mut *self.lock(),
            State { rx: None, run: None, summary: None },
        );
        let r = py.detach(|| {
            let r = state.close();
            (r, state)
        });
        let (r, state) = r;
        *self.lock() = state;
        r.map_err(PyRuntimeError::new_err)
    }
}

#[pymethods]
impl Scan {
    #[new]
    #[pyo3(signature = (paths, kinds, claims, threads, doc_date, input_format, skills, panel))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        paths: Vec<PathBuf>,
        kinds: Vec<String>,
        claims: bool,
        threads: Option<i64>,
        doc_date: Option<String>,
        input_format: Option<String>,
        skills: Vec<PathBuf>,
        panel: bool,
    ) -> PyResult<Scan> {
        let o =
            Options { kinds, claims, threads, doc_date, input_format, skills };
        let config = config(&o).map_err(value_error)?;
        if panel && !claims {
            return Err(value_error(
                "the argument '--panel' cannot be used with '--no-claims'"
                    .into(),
            ));
        }
        let (tx, rx) = std::sync::mpsc::sync_channel(8);
        let run = std::thread::Builder::new()
            .name("claimscan-scan".into())
            .spawn(move || {
                let mut out = Sender {
                    tx,
                    buf: Vec::with_capacity(CHUNK),
                    closed: false,
                };
                let r = run(&config, &paths, panel, &mut out);
                // A closed receiver is the caller stopping early.
                if out.closed { Ok(Summary::default()) } else { r }
            })
            .map_err(|e| PyRuntimeError::new_err(e.to_string()))?;
        Ok(Scan {
            state: Mutex::new(State {
                rx: Some(rx),
                run: Some(run),
                summary: None,
            }),
        })
    }

    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&self, py: Python<'_>) -> PyResult<Option<Py<PyBytes>>> {
        let Some(mut rx) = self.lock().rx.take() else {
            return Ok(None);
        };
        loop {
            // Wait without the GIL, waking now and then for Ctrl-C.
            let (got, back) = py.detach(move || {
                (rx.recv_timeout(Duration::from_millis(100)), rx)
            });
            rx = back;
            match got {
                Ok(chunk) => {
                    self.lock().rx = Some(rx);
                    return Ok(Some(PyBytes::new(py, &chunk).unbind()));
                }
                Err(RecvTimeoutError::Timeout) => {
                    if let Err(e) = py.check_signals() {
                        drop(rx);
                        let _ = self.close_released(py);
                        return Err(e);
                    }
                }
                Err(RecvTimeoutError::Disconnected) => {
                    drop(rx);
                    self.close_released(py)?;
                    return Ok(None);
                }
            }
        }
    }

    /// Stops the run if it is still going and waits for its threads.
    fn close(&self, py: Python<'_>) -> PyResult<()> {
        self.close_released(py)
    }

    /// The run's counts once it has ended (`None` before): documents
    /// found, read, failed, warnings, skipped, bytes, mentions, claims.
    fn summary(&self, py: Python<'_>) -> PyResult<Option<Py<PyDict>>> {
        let state = self.lock();
        let Some(s) = &state.summary else { return Ok(None) };
        let d = PyDict::new(py);
        d.set_item("found", s.found)?;
        d.set_item("read", s.read)?;
        d.set_item("errors", s.failed)?;
        d.set_item("warnings", s.warnings)?;
        d.set_item("skipped", s.skipped)?;
        d.set_item("bytes", s.bytes)?;
        d.set_item("mentions", s.total_mentions())?;
        d.set_item("claims", s.claims)?;
        d.set_item("seconds", s.elapsed.as_secs_f64())?;
        Ok(Some(d.unbind()))
    }
}

impl Drop for Scan {
    fn drop(&mut self) {
        // Dropping the receiver stops the run after its current batch;
        // joining makes sure no thread outlives the iterator.
        let mut state = std::mem::replace(
            self.state.get_mut().unwrap_or_else(|e| e.into_inner()),
            State { rx: None, run: None, summary: None },
        );
        if state.run.is_some() {
            Python::attach(|py| {
                let _ = py.detach(move || state.close());
            });
        }
    }
}

/// The Parquet tables of a scan, as (name, pyarrow.Table) pairs.
#[pyfunction]
#[pyo3(signature = (paths, kinds, claims, threads, doc_date, input_format, skills, panel))]
#[allow(clippy::too_many_arguments)]
fn tables<'py>(
    py: Python<'py>,
    paths: Vec<PathBuf>,
    kinds: Vec<String>,
    claims: bool,
    threads: Option<i64>,
    doc_date: Option<String>,
    input_format: Option<String>,
    skills: Vec<PathBuf>,
    panel: bool,
) -> PyResult<Vec<(String, Bound<'py, PyAny>)>> {
    let o = Options { kinds, claims, threads, doc_date, input_format, skills };
    let config = config(&o).map_err(value_error)?;
    if panel && !claims {
        return Err(value_error(
            "the argument '--panel' cannot be used with '--no-claims'".into(),
        ));
    }
    let held = py
        .detach(|| {
            let mut names = SCAN_TABLES.to_vec();
            if panel {
                names.push("panel");
            }
            let mut batches = TableBatches::new(&names);
            run(&config, &paths, panel, &mut batches)?;
            batches.finish().map_err(|e| e.to_string())
        })
        .map_err(PyRuntimeError::new_err)?;
    let mut out = Vec::with_capacity(held.len());
    for (name, schema, batches) in held {
        let table = arrow_pyarrow::Table::try_new(batches, schema)
            .map_err(|e| PyRuntimeError::new_err(e.to_string()))?;
        out.push((name.to_string(), table.into_pyarrow(py)?));
    }
    Ok(out)
}

/// What `extract`'s configuration was built from: kinds, claims, date.
type ExtractKey = (Vec<String>, bool, Option<String>);

/// The configuration `extract` used last, kept because compiling the
/// extractors costs far more than extracting a sentence.
static EXTRACT_CONFIG: Mutex<Option<(ExtractKey, Arc<Config>)>> =
    Mutex::new(None);

/// The JSON lines of one string's records.
#[pyfunction]
#[pyo3(signature = (text, doc_date, doc_id, kinds, claims))]
fn extract<'py>(
    py: Python<'py>,
    text: String,
    doc_date: Option<String>,
    doc_id: String,
    kinds: Vec<String>,
    claims: bool,
) -> PyResult<Bound<'py, PyBytes>> {
    let bytes = py
        .detach(|| -> Result<Vec<u8>, String> {
            let config = {
                let mut cached =
                    EXTRACT_CONFIG.lock().unwrap_or_else(|e| e.into_inner());
                match &*cached {
                    Some(((k, c, d), config))
                        if *k == kinds && *c == claims && *d == doc_date =>
                    {
                        config.clone()
                    }
                    _ => {
                        let o = Options {
                            kinds: kinds.clone(),
                            claims,
                            threads: Some(1),
                            doc_date: doc_date.clone(),
                            input_format: None,
                            skills: Vec::new(),
                        };
                        let config = Arc::new(config(&o)?);
                        *cached =
                            Some(((kinds, claims, doc_date), config.clone()));
                        config
                    }
                }
            };
            let mut out = Vec::new();
            let mut doc = Document::new(doc_id, text);
            doc.meta.format = Some(claimscan::record::Format::Text);
            claimscan::pipeline::encode_document(
                &config, &JsonlSink, doc, &mut out,
            );
            Ok(out)
        })
        .map_err(value_error)?;
    Ok(PyBytes::new(py, &bytes))
}

/// The JSON lines of the verdicts on each coverage file against `source`.
#[pyfunction]
#[pyo3(signature = (source, coverage, doc_date, threads, claims))]
fn crosscheck<'py>(
    py: Python<'py>,
    source: PathBuf,
    coverage: Vec<PathBuf>,
    doc_date: Option<String>,
    threads: Option<i64>,
    claims: bool,
) -> PyResult<Bound<'py, PyBytes>> {
    let o = Options {
        kinds: Vec::new(),
        claims: true,
        threads,
        doc_date,
        input_format: None,
        skills: Vec::new(),
    };
    let config = config(&o).map_err(value_error)?;
    if coverage.is_empty() {
        return Err(value_error(
            "--source needs at least one COVERAGE file".into(),
        ));
    }
    // As the command: a pair that cannot be judged (an unreadable file, a
    // source with several documents) gives an `error` record in its place.
    let bytes = py.detach(|| -> Vec<u8> {
        use claimscan::crosscheck::{analyze_file, judge_pair_or_error};
        let id = |p: &PathBuf| p.to_string_lossy().into_owned();
        let src_id = id(&source);
        let src = analyze_file(&config, &source, &src_id);
        let mut out = Vec::new();
        for c in &coverage {
            let cov = analyze_file(&config, c, &id(c));
            let judged = judge_pair_or_error(
                &src, &source, &src_id, &cov, claims, true,
            );
            out.extend_from_slice(&judged.bytes);
        }
        out
    });
    Ok(PyBytes::new(py, &bytes))
}

/// The Arrow schema text of every table (as `claimscan schema --format
/// arrow`).
#[pyfunction]
fn arrow_schemas() -> String {
    claimscan::sink::table::arrow_schemas_text()
}

/// The extension module.
#[pymodule]
fn _claimscan(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Scan>()?;
    m.add_function(wrap_pyfunction!(tables, m)?)?;
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(crosscheck, m)?)?;
    m.add_function(wrap_pyfunction!(arrow_schemas, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
