//! Poison-document throughput (issue #11): the whole pipeline
//! (`claimscan::run`, one thread, JSON Lines to a null writer) over each
//! kind of `tests/poison_gen.rs`, in input bytes per second, with claims
//! and without. `scripts/bench-poison` times the release binary at the
//! issue's sizes (peak RSS included); this is the quick, in-process view.
//!
//! Each benchmark first checks that the run finds the mentions a kind
//! carries (so a change that gets faster by finding nothing fails), then
//! times the run.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

#[path = "../tests/poison_gen.rs"]
mod poison_gen;

use claimscan::ConfigBuilder;
use claimscan::sink::JsonlSink;
use poison_gen::{Kind, generate};

/// Size of each document: big enough to be cut into pieces (over 512
/// KiB), small enough for criterion's repeated runs.
const BYTES: usize = 600 << 10;

/// Runs the pipeline on `path`; returns mentions and claims found.
fn scan(config: &claimscan::Config, path: &std::path::Path) -> (u64, u64) {
    let mut out = std::io::sink();
    let summary = claimscan::run(
        config,
        &[path.to_path_buf()],
        &JsonlSink,
        &mut out,
        &mut |_| {},
    )
    .expect("run");
    (summary.mentions.iter().sum(), summary.claims)
}

fn poison(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    for claims in [false, true] {
        let config =
            ConfigBuilder::new().threads(Some(1)).claims(claims).build();
        let mut group = c.benchmark_group(if claims {
            "poison-claims"
        } else {
            "poison-mentions"
        });
        group.sample_size(10);
        for kind in Kind::ALL {
            let bytes = generate(kind, BYTES);
            let path = dir.path().join(format!(
                "{}.{}",
                kind.name(),
                kind.extension()
            ));
            std::fs::write(&path, &bytes).unwrap();
            let found = scan(&config, &path);
            if kind.has_figures() {
                assert!(found.0 >= 10, "{}: {found:?}", kind.name());
            }
            group.throughput(Throughput::Bytes(bytes.len() as u64));
            group.bench_function(kind.name(), |b| {
                b.iter(|| {
                    let got = scan(&config, black_box(&path));
                    assert_eq!(got, found);
                    got
                })
            });
        }
        group.finish();
    }
}

criterion_group!(benches, poison);
criterion_main!(benches);
