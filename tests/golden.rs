//! Golden end-to-end tests. Each folder `fixtures/e2e/<case>/` holds an
//! `input/` tree and `expected.jsonl`, the hand-checked output of
//! `claimscan scan input`. Records are compared as parsed JSON, line by
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
        let out = claimscan(&["scan", "-q", "input"], Some(&case), None);
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
