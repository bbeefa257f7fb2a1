//! Poison documents (issue #11): every kind of `poison_gen` at a modest
//! size through the real binary. A scan must finish cleanly (no `error`
//! records, exit 0), find the figures that are there, give the same bytes
//! with one thread and with two, keep offsets exact, and say so when an
//! HTML page yields no text. No timing assertions: speed and memory are
//! measured by `benches/poison.rs` and `scripts/bench-poison`.
//!
//! See: issue #11 ("Linear time and bounded memory for every input").

use crate::poison_gen::{Kind, generate};
use crate::util::{Dir, all_records, claimscan};

/// Runs `scan` with `-j1` and `-j2` on one file and checks that both
/// give the same bytes; returns the exit code and the records.
fn scan_both(
    dir: &Dir,
    name: &str,
    extra: &[&str],
) -> (i32, Vec<serde_json::Value>) {
    let mut outs = Vec::new();
    for j in ["1", "2"] {
        let mut args = vec!["scan", "-q", "-j", j];
        args.extend_from_slice(extra);
        args.push(name);
        let out = claimscan(&args, Some(dir.path()), None);
        outs.push(out);
    }
    assert_eq!(
        outs[0].status.code(),
        outs[1].status.code(),
        "{name}: exit status differs with -j1 and -j2"
    );
    assert!(
        outs[0].stdout == outs[1].stdout,
        "{name}: output differs with -j1 and -j2"
    );
    let code = outs[0].status.code().expect("exit code");
    (code, all_records(&outs[0].stdout))
}

/// Offsets are code points into the text; for plain text the file is the
/// text, so every mention and claim can be checked against it.
fn check_offsets(name: &str, input: &str, records: &[serde_json::Value]) {
    let chars: Vec<char> = input.chars().collect();
    for r in records {
        if r["type"] != "mention" && r["type"] != "claim" {
            continue;
        }
        let (s, e) = (
            r["start"].as_u64().unwrap() as usize,
            r["end"].as_u64().unwrap() as usize,
        );
        assert!(s < e && e <= chars.len(), "{name}: bad span {r}");
        let got: String = chars[s..e].iter().collect();
        assert_eq!(got, r["text"].as_str().unwrap(), "{name}: {r}");
    }
}

/// What every scan of a poison document must satisfy.
fn check_kind(kind: Kind, bytes: usize, extra: &[&str]) {
    let dir = Dir::new();
    let name = format!("{}.{}", kind.name(), kind.extension());
    let input = generate(kind, bytes);
    dir.create(&name, &input);
    let (code, records) = scan_both(&dir, &name, extra);
    let of = |t: &str| records.iter().filter(|r| r["type"] == t).count();
    let errors: Vec<_> =
        records.iter().filter(|r| r["type"] == "error").collect();
    match kind {
        Kind::DivsEmpty => {
            // Not silence: a warning record, and exit 1 (degraded).
            assert_eq!(code, 1, "{name}");
            assert_eq!(errors.len(), 1, "{name}: {errors:?}");
            assert_eq!(errors[0]["severity"], "warning");
            assert!(
                errors[0]["message"].as_str().unwrap().contains("no text"),
                "{name}: {errors:?}"
            );
            assert_eq!(of("doc"), 1, "{name}");
        }
        Kind::NestedJson => {
            // Too deep for a JSON parser: one error record, not a crash.
            assert_eq!(code, 1, "{name}");
            assert_eq!(errors.len(), 1, "{name}: {errors:?}");
            assert_eq!(errors[0]["record"], 1);
            assert_eq!(of("doc"), 0, "{name}");
        }
        _ => {
            assert_eq!(code, 0, "{name}: exit status; errors {errors:?}");
            assert!(errors.is_empty(), "{name}: {errors:?}");
            assert_eq!(of("doc"), 1, "{name}: one doc record");
        }
    }
    if kind.has_figures() {
        let n = of("mention");
        assert!(n >= 10, "{name}: only {n} mentions");
    }
    // Ids are unique (pieces of a big document must not repeat them).
    let mut ids: Vec<&str> =
        records.iter().filter_map(|r| r["id"].as_str()).collect();
    let n = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), n, "{name}: duplicate ids");
    if kind.extension() == "txt" {
        let text = String::from_utf8(input).unwrap();
        check_offsets(&name, &text, &records);
        let doc = records.iter().find(|r| r["type"] == "doc").unwrap();
        assert_eq!(
            doc["chars"].as_u64().unwrap() as usize,
            text.chars().count()
        );
        assert_eq!(doc["bytes"].as_u64().unwrap() as usize, text.len());
    }
}

#[test]
fn r11_every_poison_kind_scans_cleanly() {
    for kind in Kind::ALL {
        assert_eq!(Kind::from_name(kind.name()), Some(kind));
        check_kind(kind, 96 << 10, &[]);
    }
}

/// Documents over the piece threshold (512 KiB) are analysed in pieces:
/// offsets stay the document's, one doc record, mentions only here (fast
/// in debug builds).
#[test]
fn r11_big_poison_documents_in_pieces() {
    for kind in [
        Kind::FlatTable,
        Kind::ProseLine,
        Kind::Numbers,
        Kind::Token,
        Kind::TinyLines,
        Kind::JsonlHuge,
        Kind::Divs,
    ] {
        check_kind(kind, 700 << 10, &["--no-claims"]);
    }
}

/// A JSON line whose text is over the piece threshold, with claims: the
/// document's metadata (company as the claims' subject, date, title)
/// reaches every piece, and the doc record counts the whole line.
#[test]
fn r11_huge_json_line_keeps_its_metadata() {
    let dir = Dir::new();
    let input = generate(Kind::JsonlHuge, 600 << 10);
    dir.create("huge.jsonl", &input);
    let (code, records) = scan_both(&dir, "huge.jsonl", &[]);
    assert_eq!(code, 0);
    let docs: Vec<_> = records.iter().filter(|r| r["type"] == "doc").collect();
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["doc"], "poison-1");
    assert_eq!(docs[0]["company"], "Acme Inc.");
    assert_eq!(docs[0]["date"], "2025-11-05");
    assert_eq!(docs[0]["bytes"].as_u64().unwrap() as usize, input.len());
    let claims: Vec<_> =
        records.iter().filter(|r| r["type"] == "claim").collect();
    assert!(claims.len() > 100, "{} claims", claims.len());
    let last = claims.last().unwrap()["start"].as_u64().unwrap();
    assert!(last > 500_000, "claims stop at {last}");
    assert!(
        claims
            .iter()
            .all(|c| c["subject"].is_string() && c["doc"] == "poison-1"),
        "every claim has a subject"
    );
}

/// A sentence over the bound is cut and flagged: the run's summary counts
/// the cut sentences, and says nothing of them for ordinary prose.
#[test]
fn r11_cut_sentences_are_flagged_in_the_summary() {
    let dir = Dir::new();
    dir.create("table.txt", generate(Kind::FlatTable, 64 << 10));
    dir.create(
        "prose.txt",
        b"Revenue rose 12% to $4.1 billion. Margins were 31%.\n",
    );
    let out = claimscan(&["scan", "table.txt"], Some(dir.path()), None);
    let err = String::from_utf8_lossy(&out.stderr);
    let n: u64 = err
        .split(" sentences over 3000 bytes cut")
        .next()
        .and_then(|h| h.rsplit('(').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no cut count in the summary: {err}"));
    // 64 KiB of table cells without a sentence end: cut at least once.
    assert!(n >= 1, "{err}");
    let out = claimscan(&["scan", "prose.txt"], Some(dir.path()), None);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("claims 2"), "{err}");
    assert!(!err.contains("cut"), "{err}");
}
