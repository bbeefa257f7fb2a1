//! `claimscan crosscheck`: reads the pairs, judges them in parallel, writes
//! verdict records in pair order.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use rayon::prelude::*;

use claimscan::config::ConfigBuilder;
use claimscan::crosscheck;
use claimscan::pipeline::Analyzed;
use claimscan::record::{DocContext, InputError};

use super::args;

/// One pair: (source path, its id), (coverage path, its id).
type Pair = ((PathBuf, String), (PathBuf, String));

/// Reads a pairs TSV: paths relative to its folder, ids as written.
fn read_pairs(path: &Path) -> Result<Vec<Pair>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read {}", path.display()))?;
    let dir = path.parent().unwrap_or(Path::new(""));
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(s), Some(c)) = (cols.next(), cols.next()) else {
            bail!(
                "{}:{}: expected source TAB coverage, got {line:?}",
                path.display(),
                i + 1
            );
        };
        let (s, c) = (s.trim(), c.trim());
        if s.is_empty() || c.is_empty() {
            bail!("{}:{}: an empty path", path.display(), i + 1);
        }
        out.push(((dir.join(s), s.to_string()), (dir.join(c), c.to_string())));
    }
    Ok(out)
}

/// Runs the command.
pub fn run(a: args::Crosscheck) -> Result<ExitCode> {
    let mut ctx = DocContext::default();
    if let Some(d) = &a.doc_date {
        ctx.date = Some(
            super::build::parse_date(d)
                .with_context(|| format!("bad --doc-date {d:?}"))?,
        );
    }
    if a.threads == Some(0) {
        bail!("--threads must be at least 1");
    }
    let config =
        ConfigBuilder::new().doc_context(ctx).threads(a.threads).build();
    let pairs: Vec<Pair> = match (&a.source, &a.pairs) {
        (Some(src), None) => {
            if a.coverage.is_empty() {
                bail!("--source needs at least one COVERAGE file");
            }
            let s = (src.clone(), src.to_string_lossy().into_owned());
            a.coverage
                .iter()
                .map(|c| {
                    (s.clone(), (c.clone(), c.to_string_lossy().into_owned()))
                })
                .collect()
        }
        (None, Some(p)) => read_pairs(p)?,
        _ => bail!("give --source FILE COVERAGE... or --pairs FILE"),
    };
    // Each distinct file is read and analysed once.
    let mut files: Vec<(PathBuf, String)> = Vec::new();
    let mut index: HashMap<PathBuf, usize> = HashMap::new();
    for (s, c) in &pairs {
        for f in [s, c] {
            index.entry(f.0.clone()).or_insert_with(|| {
                files.push(f.clone());
                files.len() - 1
            });
        }
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(config.threads)
        .build()
        .context("cannot start worker threads")?;
    let analysed: Vec<Result<Vec<Analyzed>, InputError>> =
        pool.install(|| {
            files
                .par_iter()
                .map(|(path, id)| crosscheck::analyze_file(&config, path, id))
                .collect()
        });
    let judged: Vec<(Vec<u8>, String, bool, bool)> = pool.install(|| {
        pairs
            .par_iter()
            .map(|(s, c)| {
                let judged = crosscheck::judge_pair_or_error(
                    &analysed[index[&s.0]],
                    &s.0,
                    &s.1,
                    &analysed[index[&c.0]],
                    a.claims,
                    !a.claimed_only,
                );
                match judged.outcome {
                    Ok(counts) => {
                        let line = format!(
                            "{} vs {}: {} claims with figures: {} supported, {} contradicted, {} absent",
                            c.1,
                            s.1,
                            counts.iter().sum::<usize>(),
                            counts[0],
                            counts[1],
                            counts[2]
                        );
                        (judged.bytes, line, counts[1] > 0, false)
                    }
                    // A pair that cannot be judged wrote an `error` record
                    // in its place, and the run goes on.
                    Err(e) => {
                        (judged.bytes, format!("crosscheck: {e}"), false, true)
                    }
                }
            })
            .collect()
    });
    let write = |out: &mut dyn Write| -> Result<(bool, bool)> {
        let (mut contradicted, mut failed) = (false, false);
        for (bytes, line, c, f) in &judged {
            out.write_all(bytes)?;
            if !a.quiet || *f {
                eprintln!("{line}");
            }
            contradicted |= c;
            failed |= f;
        }
        out.flush()?;
        Ok((contradicted, failed))
    };
    let (contradicted, failed) = match &a.output {
        Some(path) => {
            let mut file = super::build::AtomicFile::create(path)?;
            let r = write(file.writer())?;
            file.commit()
                .with_context(|| format!("cannot write {}", path.display()))?;
            r
        }
        None => {
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            write(&mut out)?
        }
    };
    Ok(if failed {
        ExitCode::from(2)
    } else if contradicted {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
