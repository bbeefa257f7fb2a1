/*!
The library's run configuration: what to extract, how many threads, and
what to assume about documents. Built once by [`ConfigBuilder`] (which
compiles the automata) and then shared read-only by every worker.

The binary's command-line flags are turned into a `Config` by `src/cli/`;
the library never sees clap types.
*/

use crate::extract::{ExtractorSet, KindSet, Lexicon};
use crate::record::DocContext;

/// Everything a run needs, immutable once built.
#[derive(Debug)]
pub struct Config {
    /// The compiled extractors.
    pub extractors: ExtractorSet,
    /// Worker threads (at least 1).
    pub threads: usize,
    /// Context applied to every document (e.g. a date given with
    /// `--doc-date`).
    pub doc_context: DocContext,
    /// Files larger than this many bytes are reported and skipped.
    pub max_file_size: Option<u64>,
    /// Per-document dates, by document id (override `doc_context.date`);
    /// see [`Config::doc_date`] for how ids are matched.
    pub doc_dates: std::collections::HashMap<String, (i32, u32, u32)>,
    /// Assemble claims (on by default).
    pub claims: bool,
    /// Scan only shard K of N (1-based) of the inputs.
    pub shard: Option<(u64, u64)>,
    /// How inputs are read (format, JSON fields, size limits).
    pub read: crate::reader::ReadOptions,
    /// Write each document's text (what offsets refer to) here.
    pub emit_text: Option<std::path::PathBuf>,
    /// Read README files inside folders (skipped by default).
    pub readme: bool,
}

impl Config {
    /// The date `doc_dates` gives a document: by its id, else by the path
    /// of the file it came from, else by a shorter tail of either path
    /// (`sub/a.txt`, then `a.txt`). So a dates file may name documents by
    /// id, by the path they were scanned under (`docs/a.txt`) or by file
    /// name, whatever folder was scanned.
    pub fn doc_date(
        &self,
        id: &str,
        source: Option<&str>,
    ) -> Option<(i32, u32, u32)> {
        if self.doc_dates.is_empty() {
            return None;
        }
        for key in [Some(id), source].into_iter().flatten() {
            let key = normalize_doc_key(key);
            let mut tail = key.as_str();
            loop {
                if let Some(&d) = self.doc_dates.get(tail) {
                    return Some(d);
                }
                match tail.split_once('/') {
                    Some((_, rest)) if !rest.is_empty() => tail = rest,
                    _ => break,
                }
            }
        }
        None
    }
}

/// A document id or path as a `doc_dates` key: `/` separators, no
/// leading `./`.
pub fn normalize_doc_key(key: &str) -> String {
    let key = key.replace('\\', "/");
    let mut k = key.as_str();
    while let Some(rest) = k.strip_prefix("./") {
        k = rest;
    }
    k.to_string()
}

/// Parses a date given as `YYYY-MM-DD` (`--doc-date`, the dates of
/// `--doc-dates`, the Python package's `doc_date`). The error is the
/// message the command line prints after `bad --doc-date "…": `.
pub fn parse_date(s: &str) -> Result<(i32, u32, u32), String> {
    let parts: Vec<&str> = s.split('-').collect();
    if parts.len() != 3 {
        return Err("expected YYYY-MM-DD".into());
    }
    let int = |e: std::num::ParseIntError| e.to_string();
    let y: i32 = parts[0].parse().map_err(int)?;
    let m: u32 = parts[1].parse().map_err(int)?;
    let d: u32 = parts[2].parse().map_err(int)?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return Err("month or day out of range".into());
    }
    if !(1..=9999).contains(&y) {
        return Err("year out of range (1 to 9999)".into());
    }
    Ok((y, m, d))
}

/// Parses the names given to `--kinds` (each trimmed): every kind when
/// there are none. The error is the command line's message.
pub fn parse_kinds<S: AsRef<str>>(names: &[S]) -> Result<KindSet, String> {
    if names.is_empty() {
        return Ok(KindSet::all());
    }
    let mut kinds = KindSet::none();
    for k in names {
        let k = k.as_ref();
        let kind = crate::record::Kind::parse(k.trim()).ok_or_else(|| {
            format!(
                "unknown kind {k:?} (known: percent, count, money, date, skill)"
            )
        })?;
        kinds.set(kind, true);
    }
    Ok(kinds)
}

/// Parses the name given to `--input-format` (text, html, jsonl, warc or
/// reuters, and a few aliases). The error is the command line's message.
pub fn parse_input_format(s: &str) -> Result<crate::record::Format, String> {
    crate::record::Format::from_name(s).ok_or_else(|| {
        format!("unknown input format {s:?} (expected text, html, jsonl, warc or reuters)")
    })
}

/// Builds a [`Config`].
#[derive(Clone, Debug)]
pub struct ConfigBuilder {
    kinds: KindSet,
    lexicon: Option<Lexicon>,
    threads: Option<usize>,
    doc_context: DocContext,
    max_file_size: Option<u64>,
    doc_dates: std::collections::HashMap<String, (i32, u32, u32)>,
    claims: bool,
    shard: Option<(u64, u64)>,
    read: crate::reader::ReadOptions,
    emit_text: Option<std::path::PathBuf>,
    readme: bool,
}

impl Default for ConfigBuilder {
    fn default() -> ConfigBuilder {
        ConfigBuilder::new()
    }
}

impl ConfigBuilder {
    /// Every kind, the built-in lexicon, one thread per core.
    pub fn new() -> ConfigBuilder {
        ConfigBuilder {
            kinds: KindSet::all(),
            lexicon: None,
            threads: None,
            doc_context: DocContext::default(),
            max_file_size: None,
            doc_dates: Default::default(),
            claims: true,
            shard: None,
            read: crate::reader::ReadOptions::default(),
            emit_text: None,
            readme: false,
        }
    }

    /// Which kinds to extract.
    pub fn kinds(mut self, kinds: KindSet) -> ConfigBuilder {
        self.kinds = kinds;
        self
    }

    /// The skills lexicon (default: the built-in one).
    pub fn lexicon(mut self, lexicon: Lexicon) -> ConfigBuilder {
        self.lexicon = Some(lexicon);
        self
    }

    /// Worker threads; `None` means `RAYON_NUM_THREADS` or one per core.
    pub fn threads(mut self, threads: Option<usize>) -> ConfigBuilder {
        self.threads = threads;
        self
    }

    /// Context for every document.
    pub fn doc_context(mut self, ctx: DocContext) -> ConfigBuilder {
        self.doc_context = ctx;
        self
    }

    /// Largest file to read, in bytes.
    pub fn max_file_size(mut self, max: Option<u64>) -> ConfigBuilder {
        self.max_file_size = max;
        self
    }

    /// Per-document dates, by document id.
    pub fn doc_dates(
        mut self,
        dates: std::collections::HashMap<String, (i32, u32, u32)>,
    ) -> ConfigBuilder {
        self.doc_dates = dates;
        self
    }

    /// Whether to assemble claims.
    pub fn claims(mut self, on: bool) -> ConfigBuilder {
        self.claims = on;
        self
    }

    /// Scan only shard K of N (1-based).
    pub fn shard(mut self, shard: Option<(u64, u64)>) -> ConfigBuilder {
        self.shard = shard;
        self
    }

    /// How inputs are read: format, JSON fields, limits. `max_file_size`,
    /// when set, overrides `read.max_size`.
    pub fn read(mut self, read: crate::reader::ReadOptions) -> ConfigBuilder {
        self.read = read;
        self
    }

    /// Write each document's text into this folder.
    pub fn emit_text(
        mut self,
        dir: Option<std::path::PathBuf>,
    ) -> ConfigBuilder {
        self.emit_text = dir;
        self
    }

    /// Read README files inside folders (by default a folder's README is
    /// skipped and counted: it describes the data and is not data).
    pub fn readme(mut self, on: bool) -> ConfigBuilder {
        self.readme = on;
        self
    }

    /// Compiles the extractors.
    pub fn build(self) -> Config {
        let lexicon = self.lexicon.unwrap_or_else(Lexicon::builtin);
        let threads = self
            .threads
            .or_else(|| std::env::var("RAYON_NUM_THREADS").ok()?.parse().ok())
            .filter(|&n| n > 0)
            .unwrap_or_else(|| {
                std::thread::available_parallelism().map_or(1, |n| n.get())
            });
        Config {
            extractors: ExtractorSet::new(self.kinds, &lexicon),
            threads,
            doc_context: self.doc_context,
            max_file_size: self.max_file_size,
            doc_dates: self.doc_dates,
            claims: self.claims,
            shard: self.shard,
            read: crate::reader::ReadOptions {
                max_size: self.max_file_size.unwrap_or(self.read.max_size),
                ..self.read
            },
            emit_text: self.emit_text,
            readme: self.readme,
        }
    }
}
