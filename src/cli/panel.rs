//! `claimscan panel`: reads JSON-lines records, builds the panel of their
//! claims ([`claimscan::panel`]), writes `panel` records or a `panel`
//! table.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};

use claimscan::panel::{self, PanelBuilder};
use claimscan::sink::table::{TableFormat, TableWriter};

use super::args;

/// Feeds every line of `input` to the builder; `name` is for messages.
fn read_into(
    builder: &mut PanelBuilder,
    input: &mut dyn Read,
    name: &str,
) -> Result<u64> {
    let mut r = BufReader::with_capacity(1 << 20, input);
    let mut line = Vec::new();
    let mut n = 0u64;
    loop {
        line.clear();
        let got = r
            .read_until(b'\n', &mut line)
            .with_context(|| format!("cannot read {name}"))?;
        if got == 0 {
            break;
        }
        n += 1;
        if let Err(e) = builder.add_line(&line) {
            bail!("{name}:{n}: not a record: {e}");
        }
    }
    Ok(n)
}

/// Runs the command.
pub fn run(a: args::Panel) -> Result<ExitCode> {
    let table_format = match a.format {
        args::Format::Jsonl => None,
        args::Format::Csv => Some(TableFormat::Csv),
        args::Format::Parquet => Some(TableFormat::Parquet),
    };
    if table_format.is_some() && a.output.is_none() {
        bail!(
            "--format csv and parquet write a `panel` table: give a folder with -o DIR"
        );
    }
    let mut builder = PanelBuilder::new();
    let paths: Vec<PathBuf> = if a.paths.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        a.paths.clone()
    };
    let mut lines = 0u64;
    for p in &paths {
        if p.as_os_str() == "-" {
            lines +=
                read_into(&mut builder, &mut std::io::stdin().lock(), "-")?;
        } else {
            let mut f = std::fs::File::open(p)
                .with_context(|| format!("cannot open {}", p.display()))?;
            lines +=
                read_into(&mut builder, &mut f, &p.display().to_string())?;
        }
    }
    let claims = builder.claims();
    let panel = builder.finish();
    match (&a.output, table_format) {
        (Some(dir), Some(f)) => {
            let mut tables = TableWriter::create(dir, f, &["panel"])
                .with_context(|| {
                    format!(
                        "cannot create the panel table in {}",
                        dir.display()
                    )
                })?;
            panel::write_all(&panel, &mut tables)?;
            tables.finish().with_context(|| {
                format!("cannot write the panel table in {}", dir.display())
            })?;
        }
        (Some(path), None) => {
            let mut file = super::build::AtomicFile::create(path)?;
            panel::write_all(&panel, file.writer())?;
            file.commit()
                .with_context(|| format!("cannot write {}", path.display()))?;
        }
        (None, _) => {
            let stdout = std::io::stdout();
            let mut out =
                std::io::BufWriter::with_capacity(1 << 20, stdout.lock());
            panel::write_all(&panel, &mut out)?;
            out.flush()?;
        }
    }
    if !a.quiet {
        let agree = panel.iter().filter(|p| p.agree()).count();
        eprintln!(
            "panel: {lines} lines, {claims} claims, {} records ({agree} agree, {} disagree)",
            panel.len(),
            panel.len() - agree
        );
    }
    Ok(ExitCode::SUCCESS)
}
