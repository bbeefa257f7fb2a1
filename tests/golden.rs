//! Golden end-to-end tests. Each folder `fixtures/e2e/<case>/` holds an
//! `input/` tree and `expected.jsonl`, the hand-checked output of
//! `claimscan scan input` (plus the flags in an optional one-line `args`
//! file). Cases for markup readers also hold `must-contain.txt` (sentences
//! the extracted text must contain) and `must-not-contain.txt`
//! (boilerplate it must not), checked against `--emit-text`. Records are compared as parsed JSON, line by
//! line; the whole files are printed on a mismatch.
//!
//! To regenerate after a deliberate change, run
//! `GOLDEN_UPDATE=1 cargo test --test integration golden` and review the
//! diff before committing: a golden file is a claim that its records are
//! right.

use crate::eqnice;
use crate::util::{claimscan, root};

fn cases() -> Vec<std::path::PathBuf> {
    let mut v: Vec<_> = std::fs::read_dir(root().join("fixtures/e2e"))
        .expect("fixtures/e2e exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("input").is_dir())
        .collect();
    v.sort();
    v
}

#[test]
fn golden_cases() {
    let cases = cases();
    assert!(cases.len() >= 4, "expected at least 4 golden cases");
    for case in cases {
        let extra =
            std::fs::read_to_string(case.join("args")).unwrap_or_default();
        let mut args = vec!["scan", "-q"];
        args.extend(extra.split_whitespace());
        args.push("input");
        let out = claimscan(&args, Some(&case), None);
        assert!(
            out.status.success(),
            "{}: {}",
            case.display(),
            String::from_utf8_lossy(&out.stderr)
        );
        let got = String::from_utf8(out.stdout).unwrap();
        let path = case.join("expected.jsonl");
        if std::env::var_os("GOLDEN_UPDATE").is_some()
            && std::env::var_os("CI").is_none()
        {
            std::fs::write(&path, &got).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "{}: {e} (run with GOLDEN_UPDATE=1 to create)",
                path.display()
            )
        });
        let parse = |s: &str| -> Vec<serde_json::Value> {
            s.lines().map(|l| serde_json::from_str(l).unwrap()).collect()
        };
        if parse(&expected) != parse(&got) {
            eqnice!(
                format!("{}\n{expected}", case.display()),
                format!("{}\n{got}", case.display())
            );
        }
    }
}

/// Collapses white space (the fixtures' sentences are written on one
/// line; the extracted text keeps the source's line breaks).
fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn extracted_text_keeps_the_article_and_drops_boilerplate() {
    let mut checked = 0;
    for case in cases() {
        let Ok(must) = std::fs::read_to_string(case.join("must-contain.txt"))
        else {
            continue;
        };
        let must_not =
            std::fs::read_to_string(case.join("must-not-contain.txt"))
                .expect("must-not-contain.txt beside must-contain.txt");
        let dir = tempfile::tempdir().unwrap();
        let extra =
            std::fs::read_to_string(case.join("args")).unwrap_or_default();
        let mut args =
            vec!["scan", "-q", "--emit-text", dir.path().to_str().unwrap()];
        args.extend(extra.split_whitespace());
        args.push("input");
        let out = claimscan(&args, Some(&case), None);
        assert!(out.status.success(), "{}", case.display());
        let mut text = String::new();
        let mut files: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        assert!(!files.is_empty(), "{}: no text written", case.display());
        for f in &files {
            text.push_str(&norm(&std::fs::read_to_string(f).unwrap()));
            text.push('\n');
        }
        for line in must.lines().map(norm).filter(|l| !l.is_empty()) {
            assert!(
                text.contains(&line),
                "{}: extracted text lacks {line:?}\n{text}",
                case.display()
            );
            checked += 1;
        }
        for line in must_not.lines().map(str::trim).filter(|l| !l.is_empty()) {
            assert!(
                !text.contains(line),
                "{}: extracted text has boilerplate {line:?}\n{text}",
                case.display()
            );
            checked += 1;
        }
        // Offsets refer to the emitted text: every mention's text is at
        // its offsets in it.
        for r in crate::util::records(&out.stdout) {
            if r["type"] != "mention" {
                continue;
            }
            let f = dir.path().join(claimscan::pipeline::text_file_name(
                r["doc"].as_str().unwrap(),
            ));
            let doc = std::fs::read_to_string(&f).unwrap();
            let s = r["start"].as_u64().unwrap() as usize;
            let e = r["end"].as_u64().unwrap() as usize;
            let got: String = doc.chars().skip(s).take(e - s).collect();
            assert_eq!(got, r["text"].as_str().unwrap(), "{}", f.display());
        }
    }
    assert!(checked > 100, "{checked} expectations checked");
}
