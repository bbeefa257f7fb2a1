/*!
Directory traversal with walkdir.

Files named on the command line are always read, whatever their name.
Inside folders we read the formats of [`crate::reader`] (`.txt`, `.text`,
`.md`, `.markdown`, `.html`, `.htm`, `.xhtml`, `.shtml`, `.jsonl`,
`.ndjson`, `.jsonlines`, `.warc`, `.sgm`, `.sgml`, any of them gzipped as
`.gz`) and files without an extension, skip hidden entries, follow
symbolic links (walkdir reports loops as errors instead of recursing
forever), and count the files we skip so the summary can say so.

A folder's README (`README`, `README.md`, `README.txt`, any case) describes
the data and is not data: inside folders it is skipped and counted apart
(its "Q2" would otherwise become a date mention), unless
[`WalkOptions::readme`] asks for it. A README named on the command line is
read like any file.
*/

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::record::{InputError, Location, Severity, Source, Walk};

/// What the walk should read.
#[derive(Clone, Debug)]
pub struct WalkOptions {
    /// Extensions read inside folders (lower case, without the dot).
    pub extensions: Vec<String>,
    /// Read files without an extension inside folders.
    pub no_extension: bool,
    /// Read README files inside folders (skipped by default).
    pub readme: bool,
}

impl Default for WalkOptions {
    fn default() -> WalkOptions {
        WalkOptions {
            extensions: [
                "txt",
                "text",
                "md",
                "markdown",
                "html",
                "htm",
                "xhtml",
                "shtml",
                "jsonl",
                "ndjson",
                "jsonlines",
                "warc",
                "sgm",
                "sgml",
                "gz",
            ]
            .iter()
            .map(|s| s.to_string())
            .collect(),
            no_extension: true,
            readme: false,
        }
    }
}

/// Walks the given paths (`-` is stdin) in order.
pub fn walk<'a>(
    paths: &'a [PathBuf],
    opts: &'a WalkOptions,
) -> impl Iterator<Item = Walk> + 'a {
    paths.iter().flat_map(move |root| walk_root(root, opts))
}

fn walk_root<'a>(
    root: &'a Path,
    opts: &'a WalkOptions,
) -> Box<dyn Iterator<Item = Walk> + 'a> {
    if root.as_os_str() == "-" {
        return Box::new(std::iter::once(Walk::Source(Source {
            location: Location::Stdin,
            doc_id: "-".to_string(),
            size: None,
        })));
    }
    match std::fs::metadata(root) {
        Err(e) => {
            return Box::new(std::iter::once(Walk::Error(InputError {
                doc: Some(root.display().to_string()),
                path: Some(root.to_path_buf()),
                record: None,
                message: format!("cannot open: {e}"),
                severity: Severity::Error,
            })));
        }
        Ok(md) if !md.is_dir() => {
            return Box::new(std::iter::once(Walk::Source(Source {
                location: Location::File(root.to_path_buf()),
                doc_id: root.to_string_lossy().into_owned(),
                size: Some(md.len()),
            })));
        }
        Ok(_) => {}
    }
    let it = WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.')
        })
        .filter_map(move |entry| match entry {
            Err(e) => {
                let path = e.path().map(Path::to_path_buf);
                let reason = if e.loop_ancestor().is_some() {
                    "symbolic link loop".to_string()
                } else {
                    e.io_error()
                        .map(|io| io.to_string())
                        .unwrap_or_else(|| e.to_string())
                };
                Some(Walk::Error(InputError {
                    doc: path.as_ref().map(|p| rel_id(root, p)),
                    path,
                    record: None,
                    message: format!("cannot walk: {reason}"),
                    severity: Severity::Error,
                }))
            }
            Ok(e) if e.file_type().is_dir() => None,
            Ok(e) => {
                let p = e.path();
                if !wanted(p, opts) {
                    return Some(Walk::Skipped(p.to_path_buf()));
                }
                if !opts.readme && is_readme(p) {
                    return Some(Walk::Readme(p.to_path_buf()));
                }
                Some(Walk::Source(Source {
                    location: Location::File(p.to_path_buf()),
                    doc_id: rel_id(root, p),
                    size: e.metadata().ok().map(|m| m.len()),
                }))
            }
        });
    Box::new(it)
}

fn wanted(p: &Path, opts: &WalkOptions) -> bool {
    match p.extension() {
        None => opts.no_extension,
        Some(ext) => {
            let ext = ext.to_string_lossy().to_ascii_lowercase();
            if ext == "gz" {
                // `x.txt.gz` and `x.gz` yes; `x.tar.gz` (or any other
                // unknown inner extension) no.
                let stem = Path::new(p.file_stem().unwrap_or_default());
                return match stem.extension() {
                    None => opts.no_extension,
                    Some(inner) => {
                        let inner =
                            inner.to_string_lossy().to_ascii_lowercase();
                        inner != "gz" && opts.extensions.contains(&inner)
                    }
                };
            }
            opts.extensions.contains(&ext)
        }
    }
}

/// `README`, `README.md`, `README.txt` (any case, gzipped too).
fn is_readme(p: &Path) -> bool {
    let name = p.file_name().unwrap_or_default().to_string_lossy();
    let name = name.to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    matches!(name, "readme" | "readme.md" | "readme.txt")
}

/// The document id of a file found under `root`: its relative path with
/// `/` separators.
fn rel_id(root: &Path, p: &Path) -> String {
    let rel = p.strip_prefix(root).unwrap_or(p);
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}
