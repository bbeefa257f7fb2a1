//! Dumps each candidate extractor's main text for every page of
//! article-extraction-benchmark, in the JSON that its `evaluate.py` reads
//! (`{"version": .., "output": {id: {"articleBody": text}}}`), and prints
//! pages per second (one thread, extraction only: the pages are read and
//! gunzipped first).
//!
//! Usage: `html-compare BENCH_DIR OUT_DIR [NAME...]`, then run the
//! benchmark's `evaluate.py` in a folder holding `ground-truth.json` and
//! `output/` = OUT_DIR; `html-compare --file PAGE NAME` times one page.
//! Build it with `CARGO_TARGET_DIR` set to claimscan's target folder to
//! reuse its compiled dependencies. Results: `docs/html-extraction.md`.

use std::io::Read;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args[1] == "--file" {
        // One page, one extractor: time and text length (pathological
        // pages; run it under `timeout`, a stack overflow aborts).
        let raw = std::fs::read(&args[2]).unwrap();
        let t = Instant::now();
        let text = run(&args[3], &raw);
        let secs = t.elapsed().as_secs_f64();
        println!(
            "{}\t{}\t{:.1} MB\t{secs:.3} s\t{} chars",
            args[3],
            args[2],
            raw.len() as f64 / 1e6,
            text.chars().count()
        );
        return;
    }
    let bench = std::path::Path::new(&args[1]);
    let out = std::path::Path::new(&args[2]);
    std::fs::create_dir_all(out).unwrap();
    let names: Vec<&str> = if args.len() > 3 {
        args[3..].iter().map(String::as_str).collect()
    } else {
        vec![
            "claimscan",
            "claimscan_linear",
            "trafilatura",
            "rs_trafilatura",
            "dom_smoothie",
        ]
    };
    let mut pages = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(bench.join("html"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        let id = p.file_name().unwrap().to_str().unwrap();
        let id = id.trim_end_matches(".html.gz").to_string();
        let mut raw = Vec::new();
        flate2::read::GzDecoder::new(std::fs::File::open(&p).unwrap())
            .read_to_end(&mut raw)
            .unwrap();
        pages.push((id, raw));
    }
    for name in names {
        let mut output = serde_json::Map::new();
        let t = Instant::now();
        let mut bytes = 0usize;
        for (id, raw) in &pages {
            bytes += raw.len();
            let text = run(name, raw);
            output.insert(
                id.clone(),
                serde_json::json!({ "articleBody": text }),
            );
        }
        let secs = t.elapsed().as_secs_f64();
        eprintln!(
            "{name}: {} pages in {secs:.2} s = {:.1} pages/s ({:.1} MB/s)",
            pages.len(),
            pages.len() as f64 / secs,
            bytes as f64 / secs / 1e6
        );
        let doc = serde_json::json!({ "version": name, "output": output });
        std::fs::write(
            out.join(format!("{name}.json")),
            serde_json::to_string(&doc).unwrap(),
        )
        .unwrap();
    }
}

/// Main text of one page, decoded as UTF-8 (lossy) except where the
/// extractor sniffs the charset itself.
fn run(name: &str, raw: &[u8]) -> String {
    let html = String::from_utf8_lossy(raw);
    match name {
        // What claimscan uses now (dom_smoothie behind the depth guard),
        // and the hand-written extractor it replaced (now the fallback).
        "claimscan" => claimscan::reader::html::extract(&html).text,
        "claimscan_linear" => {
            claimscan::reader::html::linear::extract(&html).text
        }
        "trafilatura" => {
            let o = trafilatura::Options::default();
            trafilatura::extract(&html, &o)
                .map(|r| r.content_text)
                .unwrap_or_default()
        }
        "trafilatura_fallback" => {
            let o = trafilatura::Options::default().with_fallback(true);
            trafilatura::extract(&html, &o)
                .map(|r| r.content_text)
                .unwrap_or_default()
        }
        "rs_trafilatura" => rs_trafilatura::extract_bytes(raw)
            .map(|r| r.content_text)
            .unwrap_or_default(),
        "dom_smoothie" => {
            let cfg = dom_smoothie::Config {
                text_mode: dom_smoothie::TextMode::Formatted,
                ..Default::default()
            };
            dom_smoothie::Readability::new(html.as_ref(), None, Some(cfg))
                .and_then(|mut r| r.parse())
                .map(|a| a.text_content.to_string())
                .unwrap_or_default()
        }
        _ => panic!("unknown extractor {name}"),
    }
}
