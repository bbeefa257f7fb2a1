/*!
The command line (binary only: declared from `main.rs`, never from the
library).

Two steps, as in ripgrep and fd: [`args`] holds the raw flags (clap derive,
no I/O), [`build`] turns them into a library [`claimscan::Config`] (loads
lexicons, compiles automata, checks values), and [`run`] dispatches.
*/

mod args;
mod build;

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Parser;

use args::{Args, Command};

/// Parses the command line and runs the chosen command.
pub fn run() -> Result<ExitCode> {
    let args = Args::parse();
    match args.command {
        Command::Scan(scan) => run_scan(scan),
    }
}

fn run_scan(scan: args::Scan) -> Result<ExitCode> {
    let config = build::config(&scan)?;
    let paths = build::paths(&scan);
    let sink = claimscan::sink::JsonlSink;
    let quiet = scan.quiet;
    let mut report = |msg: &str| {
        if !quiet {
            eprintln!("claimscan: {msg}");
        }
    };
    let summary = match &scan.output {
        None => {
            let stdout = std::io::stdout();
            let mut out =
                std::io::BufWriter::with_capacity(1 << 20, stdout.lock());
            claimscan::run(&config, &paths, &sink, &mut out, &mut report)?
        }
        Some(path) => {
            let mut file = build::AtomicFile::create(path)?;
            let summary = claimscan::run(
                &config,
                &paths,
                &sink,
                file.writer(),
                &mut report,
            )?;
            file.commit()
                .with_context(|| format!("cannot write {}", path.display()))?;
            summary
        }
    };
    eprintln!("{summary}");
    std::io::stderr().flush().ok();
    Ok(if summary.clean() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}
