//! HTML main-text extraction in pages per second (issue #12): the reader
//! path a scan takes (`decode_single` with `Format::Html`: charset
//! sniffing, the depth guard, the library), one thread.
//!
//! Pages: the 181 of article-extraction-benchmark when it is present
//! (`AEB_DIR`, default `../shared/corpus/article-extraction-benchmark`;
//! third-party data, not in the repository), else the HTML pages of our
//! fixtures, and the bench says which. Before timing it checks that most
//! pages give text (a change that gets faster by finding nothing fails).
//! The target is 100 pages per second per core; accuracy is measured by
//! `scripts/html-accuracy`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::io::Read;

use claimscan::reader::{Format, decode_single};

/// The benchmark's pages (gunzipped), or our fixtures' HTML.
fn pages() -> (&'static str, Vec<Vec<u8>>) {
    let dir = std::env::var("AEB_DIR").unwrap_or_else(|_| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/corpus/article-extraction-benchmark"
        )
        .to_string()
    });
    let html = std::path::Path::new(&dir).join("html");
    if let Ok(entries) = std::fs::read_dir(&html) {
        let mut paths: Vec<_> =
            entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        let pages: Vec<Vec<u8>> = paths
            .iter()
            .filter(|p| p.to_string_lossy().ends_with(".html.gz"))
            .map(|p| {
                let mut raw = Vec::new();
                flate2::read::GzDecoder::new(std::fs::File::open(p).unwrap())
                    .read_to_end(&mut raw)
                    .unwrap();
                raw
            })
            .collect();
        if !pages.is_empty() {
            return ("article-extraction-benchmark", pages);
        }
    }
    eprintln!(
        "html bench: no article-extraction-benchmark at {dir}; timing the fixtures' HTML pages"
    );
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/e2e");
    let pages = ["html_news", "html_transcript"]
        .iter()
        .flat_map(|case| {
            let dir = format!("{root}/{case}/input");
            std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path())
        })
        .map(|p| std::fs::read(p).unwrap())
        .collect();
    ("fixtures", pages)
}

fn extract_all(pages: &[Vec<u8>]) -> usize {
    pages
        .iter()
        .filter(|raw| {
            decode_single("bench.html", (*raw).clone(), Format::Html)
                .is_ok_and(|d| !d.text.is_empty())
        })
        .count()
}

fn html(c: &mut Criterion) {
    let (name, pages) = pages();
    let with_text = extract_all(&pages);
    assert!(
        with_text * 10 >= pages.len() * 9,
        "{name}: only {with_text} of {} pages give text",
        pages.len()
    );
    let mut group = c.benchmark_group("html-pages");
    group.sample_size(10);
    group.throughput(Throughput::Elements(pages.len() as u64));
    group.bench_function(name, |b| b.iter(|| extract_all(black_box(&pages))));
    group.finish();
}

criterion_group!(benches, html);
criterion_main!(benches);
