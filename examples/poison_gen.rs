//! Writes one poison document (issue #11) to standard output:
//! `cargo run --release --example poison_gen -- KIND BYTES`.
//! `scripts/bench-poison` uses it; the kinds are those of
//! `tests/poison_gen.rs` (`--list` prints their names and extensions).

#[path = "../tests/poison_gen.rs"]
mod poison_gen;

use std::io::Write;

use poison_gen::{Kind, generate};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--list") {
        for k in Kind::ALL {
            println!("{}\t{}\t{}", k.name(), k.extension(), k.has_figures());
        }
        return;
    }
    let (Some(kind), Some(bytes)) = (
        args.first().and_then(|k| Kind::from_name(k)),
        args.get(1).and_then(|b| b.parse::<usize>().ok()),
    ) else {
        eprintln!("usage: poison_gen KIND BYTES | --list");
        std::process::exit(2);
    };
    std::io::stdout()
        .lock()
        .write_all(&generate(kind, bytes))
        .expect("write to stdout");
}
