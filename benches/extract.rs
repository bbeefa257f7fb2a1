//! Extraction throughput over the bundled corpus, one group per kind and
//! one for all kinds together, in bytes per second.
//!
//! Each benchmark first checks the mention count it expects to find (so a
//! change that makes extraction faster by finding nothing shows up as a
//! failure, not a win), then times `ExtractorSet::extract`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

use claimscan::extract::{ExtractorSet, KindSet, Lexicon};
use claimscan::record::{DocContext, Kind};

fn corpus() -> Vec<String> {
    let mut out = Vec::new();
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");
    for e in walkdir::WalkDir::new(root).sort_by_file_name() {
        let e = e.unwrap();
        if e.file_type().is_file()
            && e.path().extension().is_some_and(|x| x == "txt" || x == "md")
        {
            out.push(std::fs::read_to_string(e.path()).unwrap());
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let docs = corpus();
    let bytes: usize = docs.iter().map(String::len).sum();
    let lex = Lexicon::builtin();
    let ctx = DocContext::default();
    let mut sets: Vec<(&str, ExtractorSet)> =
        vec![("all", ExtractorSet::new(KindSet::all(), &lex))];
    for k in Kind::ALL {
        let mut ks = KindSet::none();
        ks.set(k, true);
        sets.push((k.as_str(), ExtractorSet::new(ks, &lex)));
    }
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(bytes as u64));
    for (name, set) in &sets {
        let found: usize =
            docs.iter().map(|d| set.extract(d, &ctx).len()).sum();
        assert!(found > 50, "{name}: only {found} mentions in corpus/");
        group.bench_function(*name, |b| {
            b.iter(|| {
                let mut n = 0;
                for d in &docs {
                    n += set.extract(black_box(d), &ctx).len();
                }
                assert_eq!(n, found);
                n
            })
        });
    }
    group.finish();
}

/// Reader throughput: HTML main-text extraction, JSON-lines decoding and
/// WARC framing+decoding over the reader fixtures, in input bytes per
/// second.
fn readers(c: &mut Criterion) {
    use claimscan::reader::{ReadOptions, frame::read_bytes};
    use claimscan::record::Format;
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/e2e");
    let load = |p: &str| std::fs::read(format!("{root}/{p}")).unwrap();
    let cases = [
        ("html", Format::Html, load("html_news/input/acme-q3-results.html")),
        ("jsonl", Format::Jsonl, load("jsonl_dump/input/news-api-dump.jsonl")),
        ("warc", Format::Warc, load("warc_crawl/input/crawl-sample.warc")),
        (
            "reuters",
            Format::Reuters,
            load("reuters_sgml/input/reut-sample.sgm"),
        ),
    ];
    let mut group = c.benchmark_group("read");
    for (name, format, bytes) in &cases {
        let opts =
            ReadOptions { format: Some(*format), ..ReadOptions::default() };
        let docs = read_bytes("bench", bytes, &opts);
        let n = docs.iter().filter(|d| d.is_ok()).count();
        assert!(n >= 1, "{name}: no documents read");
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function(*name, |b| {
            b.iter(|| {
                let docs = read_bytes("bench", black_box(bytes), &opts);
                assert_eq!(docs.len(), n);
                docs
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench, readers);
criterion_main!(benches);
