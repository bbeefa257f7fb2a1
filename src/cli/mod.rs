/*!
The command line (binary only: declared from `main.rs`, never from the
library).

Two steps, as in ripgrep and fd: [`args`] holds the raw flags (clap derive,
no I/O), [`build`] turns them into a library [`claimscan::Config`] (loads
lexicons, compiles automata, checks values), and [`run`] dispatches.
*/

mod args;
mod build;
mod crosscheck;
mod panel;
mod progress;
mod report;

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
        Command::Eval(eval) => run_eval(eval),
        Command::Crosscheck(a) => crosscheck::run(a),
        Command::Panel(a) => panel::run(a),
        Command::Schema(a) => run_schema(a),
        Command::Report(a) => report::run(a),
    }
}

fn run_scan(scan: args::Scan) -> Result<ExitCode> {
    let config = build::config(&scan)?;
    let paths = build::paths(&scan)?;
    let sink = claimscan::sink::JsonlSink;
    let quiet = scan.opts.quiet;
    let progress = progress::Progress::new(quiet, &paths);
    let mut report = |msg: &str| {
        if !quiet {
            progress.println(msg);
        }
    };
    let mut tick = |s: &claimscan::sink::Summary| progress.update(s);
    let want_panel = scan.panel;
    let run = |out: &mut dyn Write,
               report: &mut dyn FnMut(&str),
               tick: &mut dyn FnMut(&claimscan::sink::Summary)|
     -> Result<claimscan::sink::Summary> {
        if !want_panel {
            return Ok(claimscan::pipeline::run_with(
                &config, &paths, &sink, out, report, None, tick,
            )?);
        }
        // The panel is built from exactly the claim records written.
        let mut tee = claimscan::panel::Tee::new(out);
        let summary = claimscan::pipeline::run_with(
            &config, &paths, &sink, &mut tee, report, None, tick,
        )?;
        let (builder, out) = tee.finish();
        let panel = builder.finish();
        claimscan::panel::write_all(&panel, out)
            .context("cannot write the panel records")?;
        out.flush()?;
        report(&format!("panel: {} records", panel.len()));
        Ok(summary)
    };
    let table_format = match scan.format {
        args::Format::Jsonl => None,
        args::Format::Csv => Some(claimscan::sink::table::TableFormat::Csv),
        args::Format::Parquet => {
            Some(claimscan::sink::table::TableFormat::Parquet)
        }
    };
    let summary = match (&scan.output, table_format) {
        (_, Some(_)) if scan.resume.is_some() => {
            anyhow::bail!("--resume works with --format jsonl only")
        }
        (None, Some(_)) => anyhow::bail!(
            "--format csv and parquet write one table per record type: give a folder with -o DIR"
        ),
        (Some(dir), Some(f)) => {
            let mut names = claimscan::sink::table::SCAN_TABLES.to_vec();
            if scan.panel {
                names.push("panel");
            }
            let mut tables =
                claimscan::sink::table::TableWriter::create(dir, f, &names)
                    .with_context(|| {
                        format!("cannot create tables in {}", dir.display())
                    })?;
            let summary = run(&mut tables, &mut report, &mut tick)?;
            let rows = tables.rows();
            tables.finish().with_context(|| {
                format!("cannot write tables in {}", dir.display())
            })?;
            if !quiet {
                let rows: Vec<String> =
                    rows.iter().map(|(t, n)| format!("{t} {n}")).collect();
                progress.println(&format!(
                    "rows written to {}: {}",
                    dir.display(),
                    rows.join(", ")
                ));
            }
            summary
        }
        (Some(path), None) if scan.resume.is_some() => {
            let journal = scan.resume.as_deref().expect("checked");
            run_resumable(
                &config,
                &paths,
                &sink,
                path,
                journal,
                &mut report,
                &mut tick,
            )?
        }
        (None, None) => {
            let stdout = std::io::stdout();
            let mut out =
                std::io::BufWriter::with_capacity(1 << 20, stdout.lock());
            run(&mut out, &mut report, &mut tick)?
        }
        (Some(path), None) => {
            let mut file = build::AtomicFile::create(path)?;
            let summary = run(file.writer(), &mut report, &mut tick)?;
            file.commit()
                .with_context(|| format!("cannot write {}", path.display()))?;
            summary
        }
    };
    progress.finish();
    eprintln!("{summary}");
    std::io::stderr().flush().ok();
    Ok(if summary.clean() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

fn run_schema(a: args::SchemaArgs) -> Result<ExitCode> {
    use claimscan::sink::table;
    let tables: Vec<&table::Table> = match &a.table {
        Some(t) => vec![table::table(t).with_context(|| {
            format!("unknown table {t:?} (expected mentions, claims, docs, errors or panel)")
        })?],
        None => table::TABLES.iter().collect(),
    };
    match a.format {
        args::SchemaFormat::JsonSchema => {
            if a.table.is_some() || a.records {
                anyhow::bail!(
                    "the JSON Schema covers every record type; --table and --records go with --format arrow or spark-ddl"
                );
            }
            print!("{}", claimscan::sink::jsonl::SCHEMA);
        }
        args::SchemaFormat::Arrow => {
            if a.records {
                anyhow::bail!("--records goes with --format spark-ddl");
            }
            if a.table.is_some() {
                print!("{}", tables[0].arrow_text());
            } else {
                print!("{}", table::arrow_schemas_text());
            }
        }
        args::SchemaFormat::SparkDdl => {
            if a.records {
                println!("{}", table::SPARK_RECORDS_DDL);
            } else if a.table.is_some() {
                println!("{}", tables[0].spark_ddl());
            } else {
                for t in tables {
                    println!("{}\t{}", t.name, t.spark_ddl());
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A `--resume` run: skips the inputs the journal lists, truncates the
/// output to the length the journal last recorded (dropping records of an
/// input that was cut off), and appends.
fn run_resumable(
    config: &claimscan::Config,
    paths: &[std::path::PathBuf],
    sink: &dyn claimscan::sink::Sink,
    out_path: &std::path::Path,
    journal_path: &std::path::Path,
    report: &mut dyn FnMut(&str),
    tick: &mut dyn FnMut(&claimscan::sink::Summary),
) -> Result<claimscan::sink::Summary> {
    use std::fs::OpenOptions;
    let old = match std::fs::read_to_string(journal_path) {
        Ok(s) => s,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => {
            return Err(e).with_context(|| {
                format!(
                    "cannot read --resume journal {}",
                    journal_path.display()
                )
            });
        }
    };
    // Only complete lines count: a line cut by a crash is dropped.
    let complete = match old.rfind('\n') {
        Some(p) => &old[..=p],
        None => "",
    };
    let mut committed = 0u64;
    let mut done = std::collections::HashSet::new();
    for (i, line) in complete.lines().enumerate() {
        let (off, key) = line.split_once('\t').with_context(|| {
            format!(
                "{}:{}: not a claimscan --resume journal line",
                journal_path.display(),
                i + 1
            )
        })?;
        committed = off.parse().with_context(|| {
            format!("{}:{}: bad offset", journal_path.display(), i + 1)
        })?;
        done.insert(key.to_string());
    }
    let out = if done.is_empty() {
        std::fs::File::create(out_path)
    } else {
        OpenOptions::new().write(true).open(out_path)
    }
    .with_context(|| format!("cannot open {}", out_path.display()))?;
    let len = out.metadata()?.len();
    if len < committed {
        anyhow::bail!(
            "{} has {len} bytes but the journal {} records {committed}: not the output of this journal",
            out_path.display(),
            journal_path.display()
        );
    }
    out.set_len(committed)?;
    let mut out = std::io::BufWriter::with_capacity(1 << 20, out);
    std::io::Seek::seek(&mut out, std::io::SeekFrom::End(0))?;
    std::fs::write(journal_path, complete).with_context(|| {
        format!("cannot write --resume journal {}", journal_path.display())
    })?;
    let mut jf = OpenOptions::new().append(true).open(journal_path)?;
    if !done.is_empty() {
        report(&format!(
            "resuming: {} inputs already done, output kept up to byte {committed}",
            done.len()
        ));
    }
    let summary = claimscan::pipeline::run_with(
        config,
        paths,
        sink,
        &mut out,
        report,
        Some(claimscan::pipeline::Journal {
            file: &mut jf,
            offset: committed,
            done,
        }),
        tick,
    )?;
    out.flush()?;
    out.get_ref().sync_all().ok();
    Ok(summary)
}

fn run_eval(args: args::Eval) -> Result<ExitCode> {
    use claimscan::eval::{self, Options, Records, Threshold};
    let read = |p: &std::path::Path| {
        std::fs::read_to_string(p)
            .with_context(|| format!("cannot read {}", p.display()))
    };
    let gold_path = args.gold.display().to_string();
    let gold = Records::parse(&read(&args.gold)?, &gold_path)?;
    let mut thresholds = Vec::new();
    for s in &args.min_f1 {
        thresholds.push(
            Threshold::parse(s, |kind, min| Threshold::F1 { kind, min })
                .map_err(anyhow::Error::msg)?,
        );
    }
    for s in &args.min_overlap_f1 {
        thresholds.push(
            Threshold::parse(s, |kind, min| Threshold::OverlapF1 {
                kind,
                min,
            })
            .map_err(anyhow::Error::msg)?,
        );
    }
    for s in &args.min_value_accuracy {
        thresholds.push(
            Threshold::parse(s, |kind, min| Threshold::ValueAccuracy {
                kind,
                min,
            })
            .map_err(anyhow::Error::msg)?,
        );
    }
    let mut opts = Options::default();
    for k in &args.kinds {
        opts.kinds.push(
            claimscan::record::Kind::parse(k.trim())
                .with_context(|| format!("unknown kind {k:?}"))?,
        );
    }
    let pred = match &args.pred {
        Some(p) => Records::parse(&read(p)?, &p.display().to_string())?,
        None => {
            let scan = args::Scan {
                paths: args.paths.clone(),
                output: None,
                format: args::Format::Jsonl,
                opts: args::ScanOptions {
                    manifest: None,
                    threads: args.threads,
                    kinds: Vec::new(),
                    skills: Vec::new(),
                    no_claims: false,
                    readme: false,
                    no_builtin_skills: false,
                    doc_date: args.doc_date.clone(),
                    doc_dates: args.doc_dates.clone(),
                    max_file_size: None,
                    input_format: None,
                    field: Vec::new(),
                    quiet: true,
                },
                shard: None,
                panel: false,
                resume: None,
                emit_text: None,
                stream_threshold: None,
            };
            let config = build::config(&scan)?;
            let mut buf = Vec::new();
            let summary = claimscan::run(
                &config,
                &args.paths,
                &claimscan::sink::JsonlSink,
                &mut buf,
                &mut |m| eprintln!("claimscan: {m}"),
            )?;
            eprintln!("{summary}");
            Records::parse(&String::from_utf8_lossy(&buf), "scan")?
        }
    };
    let report = eval::evaluate(&gold, &pred, &opts);
    let failures: Vec<String> =
        thresholds.iter().filter_map(|t| t.check(&report).err()).collect();
    let mut stdout = std::io::stdout().lock();
    if args.json {
        let mut v = serde_json::to_value(&report)?;
        v["thresholds_failed"] = serde_json::json!(failures);
        writeln!(stdout, "{}", serde_json::to_string_pretty(&v)?)?;
    } else {
        write!(stdout, "{}", eval::render_table(&report))?;
    }
    if args.diff {
        let roots: Vec<std::path::PathBuf> = match &args.docs {
            Some(d) => vec![d.clone()],
            None => args.paths.clone(),
        };
        let text = |doc: &str| -> Option<String> {
            roots.iter().find_map(|r| {
                let p = if r.is_dir() {
                    r.join(doc)
                } else if r.to_string_lossy() == doc {
                    r.clone()
                } else {
                    return None;
                };
                std::fs::read(&p)
                    .ok()
                    .map(|b| String::from_utf8_lossy(&b).into_owned())
            })
        };
        write!(stdout, "{}", eval::render_diff(&report, &text))?;
    }
    for f in &failures {
        eprintln!("claimscan eval: threshold not met: {f}");
    }
    Ok(if failures.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}
