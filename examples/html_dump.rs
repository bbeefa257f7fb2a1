//! Dumps claimscan's HTML main text for every page of
//! article-extraction-benchmark in the JSON its `evaluate.py` reads
//! (`{"version": .., "output": {page id: {"articleBody": text}}}`), and
//! prints pages per second on one thread (extraction only: the pages are
//! read and gunzipped first).
//!
//! `cargo run --release --example html_dump -- BENCH_DIR OUT.json [--linear]`
//!
//! Pages go through the reader as a scan reads them (charset sniffing
//! included); `--linear` uses the linear fallback extractor alone, for
//! comparison. `scripts/html-accuracy` runs this and then `evaluate.py`.
//! See: issue #12, `docs/html-extraction.md`.

use std::io::Read;
use std::time::Instant;

use claimscan::reader::{Format, decode_single, html};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(bench), Some(out)) = (args.first(), args.get(1)) else {
        eprintln!("usage: html_dump BENCH_DIR OUT.json [--linear]");
        std::process::exit(2);
    };
    let linear = args.iter().any(|a| a == "--linear");
    let dir = std::path::Path::new(bench).join("html");
    let mut paths: Vec<_> = match std::fs::read_dir(&dir) {
        Ok(d) => d.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => {
            eprintln!("html_dump: {}: {e}", dir.display());
            std::process::exit(2);
        }
    };
    paths.sort();
    let mut pages = Vec::new();
    for p in paths {
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        let Some(id) = name.strip_suffix(".html.gz") else { continue };
        let mut raw = Vec::new();
        flate2::read::GzDecoder::new(std::fs::File::open(&p).unwrap())
            .read_to_end(&mut raw)
            .unwrap();
        pages.push((id.to_string(), raw));
    }
    let bytes: usize = pages.iter().map(|(_, r)| r.len()).sum();
    let t = Instant::now();
    let mut output = serde_json::Map::new();
    for (id, raw) in &pages {
        let text = if linear {
            html::linear::extract(&String::from_utf8_lossy(raw)).text
        } else {
            decode_single(id, raw.clone(), Format::Html)
                .map(|d| d.text)
                .unwrap_or_default()
        };
        output.insert(id.clone(), serde_json::json!({ "articleBody": text }));
    }
    let secs = t.elapsed().as_secs_f64();
    eprintln!(
        "html_dump: {} pages, {:.1} MB in {secs:.2} s: {:.0} pages/s, {:.1} MB/s (one thread)",
        pages.len(),
        bytes as f64 / 1e6,
        pages.len() as f64 / secs,
        bytes as f64 / 1e6 / secs
    );
    let depths: Vec<usize> = pages
        .iter()
        .map(|(_, r)| {
            html::nesting_depth(&String::from_utf8_lossy(r), html::MAX_DEPTH)
        })
        .collect();
    eprintln!(
        "html_dump: deepest page nests {} levels (estimate); {} of {} pages over the bound of {} go to the linear extractor",
        depths.iter().max().unwrap_or(&0),
        depths.iter().filter(|&&d| d > html::MAX_DEPTH).count(),
        pages.len(),
        html::MAX_DEPTH
    );
    let version = if linear { "linear" } else { "dom_smoothie-0.19" };
    let doc = serde_json::json!({ "version": version, "output": output });
    std::fs::write(out, serde_json::to_string(&doc).unwrap()).unwrap();
}
