/*!
Raw command-line arguments, as close to the flags as possible: no I/O and
no validation beyond what clap does. See [`super::build`] for the step that
turns them into a configuration.
*/

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// Turns archives of earnings coverage into datasets of typed mentions.
#[derive(Debug, Parser)]
#[command(name = "claimscan", version, about, long_about = None)]
pub struct Args {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract mentions and claims from files and folders, as JSON Lines
    /// (or CSV and Parquet tables).
    ///
    /// Folders are walked recursively (sorted by name; hidden entries
    /// skipped). Inside folders, text (.txt, .md), HTML (.html, .htm),
    /// JSON lines (.jsonl, .ndjson), WARC (.warc), Reuters-21578 SGML
    /// (.sgm), any of them gzipped (.gz), and files without an extension
    /// are read; files named on the command line are always read. `-`
    /// reads standard input (format sniffed, or --input-format).
    ///
    /// Records: `mention`, `claim`, `error`, and one `doc` record per
    /// document (after its other records) with its metadata.
    ///
    /// Exit status: 0 when every input was read cleanly, 1 when some input
    /// was lost or degraded (each has an `error` record and a message on
    /// stderr), 2 on usage or output errors.
    Scan(Scan),

    /// Score predicted records against gold records (for CI).
    ///
    /// Predictions come from a JSONL file (--pred) or from scanning PATHs
    /// (as `claimscan scan PATH...` would). Mentions are scored per kind
    /// (precision, recall, F1 with exact and overlapping spans, value
    /// accuracy); claims by span match and per-field accuracy. Only
    /// documents and kinds present in the gold file are scored.
    ///
    /// Exit status: 0 when every threshold holds, 1 when one falls short
    /// (each is printed), 2 on bad input (malformed lines are reported with
    /// their line number).
    Eval(Eval),

    /// Judge coverage against its source: does the story say what the call
    /// said?
    ///
    /// For each claim of a coverage document that states a figure, the
    /// source is searched for the same measure (concept and qualifiers),
    /// period and guidance flag, and the claim gets a `verdict` record:
    /// `supported`, `contradicted` or `absent`, with the evidence and a
    /// short reason. Pairs come from --source (one source, any number of
    /// coverage files) or --pairs (a TSV of source TAB coverage paths,
    /// relative to the TSV's folder; `#` starts a comment).
    ///
    /// Exit status: 0 when no verdict is `contradicted`, 1 when one is (for
    /// CI), 2 on bad input or usage.
    Crosscheck(Crosscheck),

    /// One value per company, concept and period, from claim records.
    ///
    /// Reads the JSON lines of `claimscan scan` (files, or standard input
    /// when none is given or for `-`), takes the `claim` records (other
    /// types are skipped) and groups them by (subject, concept,
    /// qualifiers, period, forward): subjects are compared lower-cased,
    /// without punctuation, a leading "The" or legal suffixes (Inc, Corp,
    /// AB, plc, N.V., ...); claims of concept `other` or without one are
    /// left out. Each key some claim states a level for gets one `panel`
    /// record: the level most documents state, the claims that state one,
    /// whether they agree (within rounding), the distinct levels when they
    /// do not, and the stated changes. Records come out sorted by key.
    ///
    /// Exit status: 0 on success, 2 on unreadable input (a line that is
    /// not JSON, with its file and line number) or usage errors.
    Panel(Panel),

    /// Print the schema of the output: the JSON Schema of every record
    /// type (kept in docs/schema.json), or the CSV/Parquet tables' Arrow
    /// schemas or Spark DDL. What each field means is written down in
    /// docs/records.md.
    Schema(SchemaArgs),

    /// Write a static HTML review page of the extraction: each document's
    /// text with its mentions highlighted by kind and its claims beside
    /// their sentences, with an overview, filters and search.
    ///
    /// `claimscan report -o DIR PATH...` scans as `scan` does;
    /// `claimscan report -o DIR --records RUN.jsonl [--docs DIR]` shows an
    /// earlier run (each document's text is read from an `--emit-text`
    /// folder or the files the `doc` records name). DIR/index.html is
    /// self-contained (inline CSS and JavaScript, nothing fetched); above
    /// --inline-max documents, each gets its own page DIR/docs/NNNN.html
    /// and the index lists them, paginated.
    ///
    /// Exit status: 0 when every input was read cleanly, 1 when some input
    /// was lost or degraded (the report is written all the same), 2 on
    /// usage or output errors.
    Report(Report),
}

/// Flags of `claimscan report`.
#[derive(Debug, clap::Args)]
pub struct Report {
    /// The folder to write the report into (created if missing).
    #[arg(short, long, value_name = "DIR")]
    pub output: PathBuf,

    /// Files or folders to scan, as with `claimscan scan`.
    #[arg(value_name = "PATH", required_unless_present_any = ["records", "manifest"])]
    pub paths: Vec<PathBuf>,

    /// Build the report from an earlier run's records (JSON Lines)
    /// instead of scanning.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["paths", "manifest"])]
    pub records: Option<PathBuf>,

    /// With --records: where the documents' texts are: an --emit-text
    /// folder, or the folder that was scanned. Without it, the files the
    /// `doc` records name as `source` are read.
    #[arg(long, value_name = "DIR", requires = "records")]
    pub docs: Option<PathBuf>,

    /// Crosscheck verdict records (JSON Lines, from `claimscan
    /// crosscheck`) to show beside the claims they judge.
    #[arg(long, value_name = "FILE")]
    pub verdicts: Vec<PathBuf>,

    /// Show up to N documents on the index page itself; above, one page
    /// per document.
    #[arg(long, value_name = "N", default_value_t = 50)]
    pub inline_max: usize,

    /// As `scan`.
    #[command(flatten)]
    pub opts: ScanOptions,
}

/// Flags of `claimscan eval`.
#[derive(Debug, clap::Args)]
pub struct Eval {
    /// Gold records (JSON Lines, the output contract).
    #[arg(long, value_name = "FILE")]
    pub gold: PathBuf,

    /// Predicted records (JSON Lines). Without it, PATHs are scanned.
    #[arg(long, value_name = "FILE", conflicts_with = "paths")]
    pub pred: Option<PathBuf>,

    /// Files or folders to scan for predictions.
    #[arg(value_name = "PATH", required_unless_present = "pred")]
    pub paths: Vec<PathBuf>,

    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,

    /// List every missed, spurious and wrongly valued record, in context.
    #[arg(long)]
    pub diff: bool,

    /// Folder holding the documents, for --diff context with --pred.
    #[arg(long, value_name = "DIR")]
    pub docs: Option<PathBuf>,

    /// Minimum exact-span F1: KIND=X (KIND: percent, count, money, date,
    /// skill, overall, claims). Repeatable.
    #[arg(long, value_name = "KIND=X")]
    pub min_f1: Vec<String>,

    /// Minimum overlap F1: KIND=X. Repeatable.
    #[arg(long, value_name = "KIND=X")]
    pub min_overlap_f1: Vec<String>,

    /// Minimum value accuracy: X (overall) or KIND=X. Repeatable.
    #[arg(long, value_name = "[KIND=]X")]
    pub min_value_accuracy: Vec<String>,

    /// Also score these kinds when the gold has none of them.
    #[arg(long, value_name = "KINDS", value_delimiter = ',')]
    pub kinds: Vec<String>,

    /// When scanning: the date of every document (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub doc_date: Option<String>,

    /// When scanning: per-document dates, a TSV of doc id TAB YYYY-MM-DD.
    #[arg(long, value_name = "FILE")]
    pub doc_dates: Option<PathBuf>,

    /// When scanning: worker threads.
    #[arg(short = 'j', long, value_name = "N")]
    pub threads: Option<usize>,
}

/// Flags of `claimscan crosscheck`.
#[derive(Debug, clap::Args)]
pub struct Crosscheck {
    /// The source (the call's transcript) of every COVERAGE file.
    #[arg(long, value_name = "FILE", conflicts_with = "pairs")]
    pub source: Option<PathBuf>,

    /// Pairs to judge: a TSV of source path TAB coverage path.
    #[arg(long, value_name = "FILE", required_unless_present = "source")]
    pub pairs: Option<PathBuf>,

    /// Coverage documents (stories, summaries) judged against --source.
    #[arg(value_name = "COVERAGE", requires = "source")]
    pub coverage: Vec<PathBuf>,

    /// Write the verdict records here instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Also write the coverage documents' claim records (the claims the
    /// verdicts name).
    #[arg(long)]
    pub claims: bool,

    /// Judge only the claims the claim stage made. By default each figure
    /// of the coverage that no claim holds is judged too, as a claim read
    /// plainly off its sentence (`DOC#figure@START-END`, its claim record
    /// written with --claims): `supported` or `absent`, `contradicted`
    /// only by its measure's same change the other way.
    #[arg(long, conflicts_with = "all_figures")]
    pub claimed_only: bool,

    /// The default (every figure is judged); kept for scripts that still
    /// pass it.
    #[arg(long, hide = true)]
    pub all_figures: bool,

    /// The date of every document (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub doc_date: Option<String>,

    /// Worker threads (pairs are judged in parallel).
    #[arg(short = 'j', long, value_name = "N")]
    pub threads: Option<usize>,

    /// No per-pair summary on standard error.
    #[arg(short, long)]
    pub quiet: bool,
}

/// Flags of `claimscan panel`.
#[derive(Debug, clap::Args)]
pub struct Panel {
    /// JSON-lines files of records (`claimscan scan` output); `-` or none
    /// is standard input.
    #[arg(value_name = "RECORDS.jsonl")]
    pub paths: Vec<PathBuf>,

    /// Write the panel records to FILE (atomically) instead of standard
    /// output; with --format csv or parquet, FILE is a folder that
    /// receives the `panel` table.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Output format: JSON Lines (the record contract), or a `panel`
    /// table (csv or parquet) in the folder given by -o.
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    pub format: Format,

    /// No summary on standard error.
    #[arg(short, long)]
    pub quiet: bool,
}

/// Output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// JSON Lines, one record per line (the record contract).
    Jsonl,
    /// CSV tables, one per record type, in the folder given by -o.
    Csv,
    /// Parquet tables, one per record type, in the folder given by -o.
    Parquet,
}

/// Schema formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum SchemaFormat {
    /// JSON Schema of the JSON-lines records.
    JsonSchema,
    /// Arrow schemas of the CSV/Parquet tables.
    Arrow,
    /// Spark SQL DDL of the tables (or, with --records, of the JSON-lines
    /// records).
    SparkDdl,
}

/// Flags of `claimscan schema`.
#[derive(Debug, clap::Args)]
pub struct SchemaArgs {
    /// Which schema.
    #[arg(long, value_enum, default_value_t = SchemaFormat::JsonSchema)]
    pub format: SchemaFormat,

    /// One table only: mentions, claims, docs, errors or panel.
    #[arg(long, value_name = "TABLE")]
    pub table: Option<String>,

    /// With --format spark-ddl: the DDL of the JSON-lines records (every
    /// type in one schema, for `spark.read.schema(ddl).json(lines)`).
    #[arg(long, conflicts_with = "table")]
    pub records: bool,
}

/// The options of `scan` that say what to read and extract (and how
/// quietly): shared by `scan` and `report`.
#[derive(Clone, Debug, clap::Args)]
pub struct ScanOptions {
    /// Also scan the paths listed in FILE, one per line (blank lines and
    /// lines starting with `#` are skipped; relative paths are relative to
    /// the current folder).
    #[arg(long, value_name = "FILE")]
    pub manifest: Option<PathBuf>,

    /// Worker threads (default: RAYON_NUM_THREADS, else one per core).
    /// Output is identical for any thread count.
    #[arg(short = 'j', long, value_name = "N")]
    pub threads: Option<usize>,

    /// Kinds to extract, comma-separated: percent, count, money, date,
    /// skill (default: all).
    #[arg(long, value_name = "KINDS", value_delimiter = ',')]
    pub kinds: Vec<String>,

    /// Load a skills lexicon (TSV or CSV: canonical, aliases separated by
    /// `|`, optional id, optional flags `cs`/`ctx`). Repeatable. Added to
    /// the built-in lexicon unless --no-builtin-skills is given.
    #[arg(long, value_name = "FILE")]
    pub skills: Vec<PathBuf>,

    /// Do not assemble claims (mentions only).
    #[arg(long)]
    pub no_claims: bool,

    /// Read a folder's README files (README, README.md, README.txt, any
    /// case) as documents. By default they are skipped and counted in the
    /// summary: they describe the data and are not data.
    #[arg(long)]
    pub readme: bool,

    /// Do not use the built-in skills lexicon.
    #[arg(long)]
    pub no_builtin_skills: bool,

    /// The date of every document (YYYY-MM-DD): anchors dates that leave
    /// the year out and resolves relative dates ("last year", "Tuesday").
    #[arg(long, value_name = "DATE")]
    pub doc_date: Option<String>,

    /// Per-document dates: a TSV of doc id TAB YYYY-MM-DD (overrides
    /// --doc-date for the documents it lists).
    #[arg(long, value_name = "FILE")]
    pub doc_dates: Option<PathBuf>,

    /// Skip (and report) documents larger than this many bytes: files
    /// of single-document formats (counted after decompression, so a
    /// gzip bomb is stopped), JSON lines, WARC records and SGML elements.
    /// Default 1 GiB. Plain-text files above 32 MiB are read in parts
    /// with bounded memory.
    #[arg(long, value_name = "BYTES")]
    pub max_file_size: Option<u64>,

    /// Input format: text, html, jsonl, warc or reuters (Reuters-21578
    /// SGML). Default: from the extension (looking through .gz), else
    /// sniffed from the content. gzip is always recognized.
    #[arg(long, value_name = "FORMAT", value_parser = parse_input_format)]
    pub input_format: Option<claimscan::record::Format>,

    /// JSON-lines field names: NAME=FIELD, NAME one of id, text, title,
    /// date, company, url (defaults: the same names); FIELD may be a
    /// dotted path (article.body). Repeatable.
    #[arg(long, value_name = "NAME=FIELD")]
    pub field: Vec<String>,

    /// Do not print per-file messages or the progress bar on stderr (the
    /// final summary is still printed). The progress bar is only shown
    /// when stderr is a terminal.
    #[arg(short, long)]
    pub quiet: bool,
}

/// Flags of `claimscan scan`.
#[derive(Debug, clap::Args)]
pub struct Scan {
    /// Files or folders to scan; `-` is standard input.
    #[arg(required_unless_present = "manifest", value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Input, extraction and message options (shared with `report`).
    #[command(flatten)]
    pub opts: ScanOptions,

    /// Scan only shard K of N (1-based): a deterministic 1/N of the inputs,
    /// chosen by a hash of each input's path, so that the N shards together
    /// give exactly the records of one run.
    #[arg(long, value_name = "K/N")]
    pub shard: Option<String>,

    /// Write records to FILE (atomically: a temporary file renamed at the
    /// end) instead of standard output; with --format csv or parquet, FILE
    /// is a folder that receives mentions, claims, docs and errors tables.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Output format. JSON Lines is the record contract (and, corrected by
    /// hand, a valid gold file for `claimscan eval`); csv and parquet write
    /// flat typed tables into the folder given by -o (see `claimscan
    /// schema --format arrow`).
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    pub format: Format,

    /// After the scan's records, write `panel` records built from its
    /// claims (as `claimscan panel` would from the output); with --format
    /// csv or parquet, also a `panel` table.
    #[arg(long, conflicts_with_all = ["no_claims", "resume"])]
    pub panel: bool,

    /// Resumable run: record finished inputs in FILE as they are written,
    /// and on a later run with the same FILE skip them and append to the
    /// output (-o, required) after truncating any partial records. The
    /// resumed output is identical to an uninterrupted run's.
    #[arg(long, value_name = "FILE", requires = "output")]
    pub resume: Option<PathBuf>,

    /// Plain-text files above this many bytes are read in parts (default
    /// 32 MiB). For tests of the streaming path.
    #[arg(long, value_name = "BYTES", hide = true)]
    pub stream_threshold: Option<u64>,

    /// Write each document's text (what the offsets refer to: for HTML,
    /// the extracted main text) to DIR/<id>.txt, the id percent-encoded.
    #[arg(long, value_name = "DIR")]
    pub emit_text: Option<PathBuf>,
}

fn parse_input_format(s: &str) -> Result<claimscan::record::Format, String> {
    claimscan::config::parse_input_format(s)
}
