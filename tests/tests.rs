/*!
Integration tests: one test binary (ripgrep's layout), one module per area.
If you are adding a test of the whole tool, it probably goes in one of
these; extractor micro-cases go in `src/extract/tests.rs` instead.
*/

// Helpers: temp folders and a runner for the built binary.
mod util;

// Command-line behaviour: flags, exit codes, error records, bad input.
mod cli;

// The blind claims dev set: the frozen test part keeps its figures.
mod claims_dev;

// `claimscan crosscheck`: verdicts, pairs, exit codes, eval of verdicts.
mod crosscheck;

// `claimscan eval`: scoring, thresholds, exit codes, our gold set.
mod eval;

// Golden end-to-end cases: fixtures/e2e/<case>/input → expected.jsonl.
mod golden;

/// Readers, metadata, hostile input, resume.
mod inputs;

// Output invariants: typed records, offsets, ids, thread-count determinism.
mod json;

// `claimscan panel` and `scan --panel`: fixture panel, tables, scan's own.
mod panel;

// docs/records.md describes every field of docs/schema.json.
mod records_doc;

/// CSV and Parquet tables, schemas, progress, filter mode.
mod tables;

// `claimscan report`: the page's markup contract, escaping, pages.
mod report;

// `claimscan report` in headless Chromium: the rendered DOM, no fetches.
mod report_browser;

// Property tests: any input gives valid JSONL with exact offsets, no panic.
mod prop;

// Poison documents (issue #11): every shape scans cleanly, same bytes at
// -j1 and -j2; the generator is shared with benches/ and examples/.
mod poison;
mod poison_gen;
