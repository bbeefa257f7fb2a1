/*!
From raw [`super::args::Scan`] flags to a library [`Config`]: loads
lexicons, parses the kinds and the document date, compiles the automata.
Also the atomic output file.
*/

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use claimscan::extract::Lexicon;
use claimscan::record::DocContext;
use claimscan::{Config, ConfigBuilder};

use super::args::Scan;

/// Builds the run configuration.
pub fn config(scan: &Scan) -> Result<Config> {
    let kinds = claimscan::config::parse_kinds(&scan.opts.kinds)
        .map_err(anyhow::Error::msg)?;
    let mut lexicon = if scan.opts.no_builtin_skills {
        Lexicon::empty()
    } else {
        Lexicon::builtin()
    };
    for path in &scan.opts.skills {
        lexicon.extend(Lexicon::from_path(path)?);
    }
    let mut ctx = DocContext::default();
    if let Some(d) = &scan.opts.doc_date {
        ctx.date = Some(
            parse_date(d).with_context(|| format!("bad --doc-date {d:?}"))?,
        );
    }
    if scan.opts.threads == Some(0) {
        bail!("--threads must be at least 1");
    }
    let doc_dates = match &scan.opts.doc_dates {
        Some(p) => read_doc_dates(p)?,
        None => Default::default(),
    };
    Ok(ConfigBuilder::new()
        .kinds(kinds)
        .lexicon(lexicon)
        .threads(scan.opts.threads)
        .doc_context(ctx)
        .doc_dates(doc_dates)
        .max_file_size(scan.opts.max_file_size)
        .read(read_options(scan)?)
        .emit_text(scan.emit_text.clone())
        .claims(!scan.opts.no_claims)
        .readme(scan.opts.readme)
        .shard(match &scan.shard {
            Some(sh) => Some(
                parse_shard(sh)
                    .with_context(|| format!("bad --shard {sh:?}"))?,
            ),
            None => None,
        })
        .build())
}

/// Reads a TSV of document id TAB YYYY-MM-DD. Further columns are
/// ignored; a first row whose second column is not a date is a header
/// (`doc<TAB>date<TAB>...`). A date may carry a time (`2025-11-05T09:30`).
/// Ids are stored as [`claimscan::config::normalize_doc_key`] gives them.
pub fn read_doc_dates(
    path: &Path,
) -> Result<HashMap<String, (i32, u32, u32)>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read {}", path.display()))?;
    let mut out = HashMap::new();
    let mut first = true;
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let mut cols = line.split('\t');
        let doc = cols.next().unwrap_or_default().trim();
        let Some(date) = cols.next().map(str::trim) else {
            bail!("{}:{}: expected doc<TAB>YYYY-MM-DD", path.display(), i + 1);
        };
        let day = date.get(..10).filter(|_| {
            date.len() == 10 || matches!(date.as_bytes()[10], b'T' | b' ')
        });
        let parsed = day.map(parse_date);
        let header = std::mem::replace(&mut first, false);
        let d = match parsed {
            Some(Ok(d)) => d,
            // The header row: its date column is a name, not a date.
            _ if header && !date.starts_with(|c: char| c.is_ascii_digit()) => {
                continue;
            }
            Some(Err(e)) => {
                return Err(e).with_context(|| {
                    format!("{}:{}: bad date {date:?}", path.display(), i + 1)
                });
            }
            None => bail!(
                "{}:{}: bad date {date:?}: expected YYYY-MM-DD",
                path.display(),
                i + 1
            ),
        };
        out.insert(claimscan::config::normalize_doc_key(doc), d);
    }
    Ok(out)
}

/// Input reading options from the flags.
fn read_options(scan: &Scan) -> Result<claimscan::reader::ReadOptions> {
    let mut fields = claimscan::reader::jsonl::Fields::default();
    for f in &scan.opts.field {
        fields.set(f).map_err(anyhow::Error::msg)?;
    }
    if let Some(dir) = &scan.emit_text {
        std::fs::create_dir_all(dir).with_context(|| {
            format!("cannot create --emit-text folder {}", dir.display())
        })?;
    }
    let defaults = claimscan::reader::ReadOptions::default();
    Ok(claimscan::reader::ReadOptions {
        format: scan.opts.input_format,
        fields,
        stream_threshold: scan
            .stream_threshold
            .unwrap_or(defaults.stream_threshold),
        ..defaults
    })
}

/// The paths to scan: the arguments, then the manifest's lines.
pub fn paths(scan: &Scan) -> Result<Vec<PathBuf>> {
    let mut paths = scan.paths.clone();
    if let Some(m) = &scan.opts.manifest {
        let text = std::fs::read_to_string(m).with_context(|| {
            format!("cannot read manifest {}", m.display())
        })?;
        paths.extend(
            text.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(PathBuf::from),
        );
    }
    Ok(paths)
}

/// Parses `K/N` (1 ≤ K ≤ N).
fn parse_shard(s: &str) -> Result<(u64, u64)> {
    let (k, n) = s.split_once('/').context("expected K/N, e.g. 2/8")?;
    let (k, n): (u64, u64) = (k.trim().parse()?, n.trim().parse()?);
    if n == 0 || k == 0 || k > n {
        bail!("K/N needs 1 <= K <= N");
    }
    Ok((k, n))
}

/// [`claimscan::config::parse_date`], for `anyhow` contexts.
pub fn parse_date(s: &str) -> Result<(i32, u32, u32)> {
    claimscan::config::parse_date(s).map_err(anyhow::Error::msg)
}

/// A file written under a temporary name and renamed into place on
/// [`AtomicFile::commit`], so readers never see half an output. Dropped
/// without a commit, the temporary file is removed.
/// A destination that is not a regular file (`/dev/null`, a FIFO, a
/// terminal) is written directly: renaming over it would replace the
/// device.
pub struct AtomicFile {
    tmp: Option<PathBuf>,
    dest: PathBuf,
    out: Option<BufWriter<File>>,
}

impl AtomicFile {
    /// Creates the temporary file next to `dest`.
    pub fn create(dest: &Path) -> Result<AtomicFile> {
        if let Ok(md) = std::fs::metadata(dest)
            && !md.is_file()
        {
            let f = std::fs::OpenOptions::new()
                .write(true)
                .open(dest)
                .with_context(|| format!("cannot open {}", dest.display()))?;
            return Ok(AtomicFile {
                tmp: None,
                dest: dest.to_path_buf(),
                out: Some(BufWriter::with_capacity(1 << 20, f)),
            });
        }
        let dir = dest
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let name = dest.file_name().with_context(|| {
            format!("{} is not a file name", dest.display())
        })?;
        let tmp = dir.join(format!(
            ".{}.tmp-{}",
            name.to_string_lossy(),
            std::process::id()
        ));
        let f = File::create(&tmp)
            .with_context(|| format!("cannot create {}", tmp.display()))?;
        Ok(AtomicFile {
            tmp: Some(tmp),
            dest: dest.to_path_buf(),
            out: Some(BufWriter::with_capacity(1 << 20, f)),
        })
    }

    /// The writer.
    pub fn writer(&mut self) -> &mut dyn Write {
        self.out.as_mut().expect("not committed yet")
    }

    /// Flushes, syncs and renames into place.
    pub fn commit(mut self) -> Result<()> {
        let out = self.out.take().expect("not committed yet");
        let f = out.into_inner().map_err(|e| e.into_error())?;
        if let Some(tmp) = &self.tmp {
            f.sync_all()?;
            std::fs::rename(tmp, &self.dest)?;
        }
        Ok(())
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if self.out.is_some()
            && let Some(tmp) = &self.tmp
        {
            let _ = std::fs::remove_file(tmp);
        }
    }
}
