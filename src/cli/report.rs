//! `claimscan report`: scans (or reads an earlier run's records), then
//! writes the HTML review page with [`claimscan::report`].
//!
//! A scan goes through the same pipeline and sink as `claimscan scan`,
//! into memory, and the page is built from those JSON lines: what the page
//! shows is exactly what the records say. Document texts come from the
//! run's `--emit-text` output, written to a temporary folder that is
//! removed afterwards.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};

use claimscan::report::{Run, TextSource, html};

use super::{args, build};

/// A temporary folder, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> Result<TempDir> {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let p = std::env::temp_dir()
            .join(format!("claimscan-report-{}-{nanos}", std::process::id()));
        std::fs::create_dir_all(&p)
            .with_context(|| format!("cannot create {}", p.display()))?;
        Ok(TempDir(p))
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn read(p: &Path) -> Result<String> {
    let b = std::fs::read(p)
        .with_context(|| format!("cannot read {}", p.display()))?;
    Ok(String::from_utf8_lossy(&b).into_owned())
}

/// Runs the command.
pub fn run(a: args::Report) -> Result<ExitCode> {
    let mut clean = true;
    let texts: TextSource;
    let _tmp: Option<TempDir>;
    let subtitle: String;
    let mut run = if let Some(records) = &a.records {
        texts = TextSource { docs: a.docs.clone() };
        _tmp = None;
        subtitle = format!("records of {}", records.display());
        Run::from_jsonl(&read(records)?)
    } else {
        let tmp = TempDir::new()?;
        let scan = args::Scan {
            paths: a.paths.clone(),
            output: None,
            format: args::Format::Jsonl,
            opts: a.opts.clone(),
            shard: None,
            resume: None,
            emit_text: Some(tmp.0.clone()),
            stream_threshold: None,
            panel: false,
        };
        let config = build::config(&scan)?;
        let paths = build::paths(&scan)?;
        let mut buf = Vec::new();
        let quiet = a.opts.quiet;
        let summary = claimscan::run(
            &config,
            &paths,
            &claimscan::sink::JsonlSink,
            &mut buf,
            &mut |m| {
                if !quiet {
                    eprintln!("claimscan: {m}");
                }
            },
        )?;
        eprintln!("{summary}");
        clean = summary.clean();
        texts = TextSource { docs: Some(tmp.0.clone()) };
        _tmp = Some(tmp);
        let names: Vec<String> =
            paths.iter().map(|p| p.display().to_string()).collect();
        subtitle = format!("scan of {}", names.join(" "));
        Run::from_jsonl(&String::from_utf8_lossy(&buf))
    };
    for v in &a.verdicts {
        run.add_verdicts(&read(v)?)
            .map_err(anyhow::Error::msg)
            .with_context(|| format!("bad verdicts in {}", v.display()))?;
    }
    let opts = html::Options { inline_max: a.inline_max, subtitle };
    let written = html::write(&run, &a.output, &opts, &|d| texts.text(d))
        .with_context(|| {
            format!("cannot write the report in {}", a.output.display())
        })?;
    if !run.bad_lines.is_empty() {
        eprintln!(
            "claimscan report: {} lines were not records (first: line {})",
            run.bad_lines.len(),
            run.bad_lines[0]
        );
    }
    if !written.without_text.is_empty() {
        eprintln!(
            "claimscan report: no text found for {} documents (first: {}); their mentions are listed without context{}",
            written.without_text.len(),
            written.without_text[0],
            if a.records.is_some() && a.docs.is_none() {
                " (give --docs DIR: an --emit-text folder or the scanned folder)"
            } else {
                ""
            }
        );
    }
    if written.mismatched > 0 {
        eprintln!(
            "claimscan report: {} mentions do not match the text at their offsets: is it the text the run read?",
            written.mismatched
        );
    }
    eprintln!(
        "claimscan report: {} documents, {} pages in {}",
        run.docs.len(),
        written.pages,
        a.output.join("index.html").display()
    );
    Ok(if clean { ExitCode::SUCCESS } else { ExitCode::from(1) })
}
