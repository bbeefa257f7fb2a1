//! Shared helpers: a temporary folder per test and a runner for the built
//! `claimscan` binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The project root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A temporary folder, removed when dropped.
pub struct Dir {
    dir: tempfile::TempDir,
}

impl Dir {
    pub fn new() -> Dir {
        Dir { dir: tempfile::tempdir().expect("temp dir") }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Writes a file (creating parent folders) and returns its path.
    pub fn create(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let p = self.dir.path().join(name);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(&p, contents).unwrap();
        p
    }
}

/// Runs `claimscan` with the given arguments and optional stdin.
pub fn claimscan(
    args: &[&str],
    cwd: Option<&Path>,
    stdin: Option<&[u8]>,
) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_claimscan"));
    cmd.args(args);
    if let Some(d) = cwd {
        cmd.current_dir(d);
    }
    cmd.stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() });
    cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("spawn claimscan");
    if let Some(input) = stdin {
        use std::io::Write;
        // The tool may exit before reading (bad flags): ignore EPIPE.
        let _ = child.stdin.take().unwrap().write_all(input);
    }
    child.wait_with_output().expect("wait for claimscan")
}

/// Parses JSON Lines output into values.
pub fn records(stdout: &[u8]) -> Vec<serde_json::Value> {
    all_records(stdout).into_iter().filter(|r| r["type"] != "doc").collect()
}

/// Every record, `doc` records included.
pub fn all_records(stdout: &[u8]) -> Vec<serde_json::Value> {
    let text = std::str::from_utf8(stdout).expect("output is UTF-8");
    text.lines()
        .map(|l| {
            serde_json::from_str(l)
                .unwrap_or_else(|e| panic!("bad JSON line {l:?}: {e}"))
        })
        .collect()
}

/// Like `assert_eq!` for long multi-line strings: prints both in full.
#[macro_export]
macro_rules! eqnice {
    ($expected:expr, $got:expr) => {{
        let expected = &*$expected;
        let got = &*$got;
        if expected != got {
            panic!(
                "\n\n==========\nexpected:\n{}\n==========\ngot:\n{}\n==========\n",
                expected, got
            );
        }
    }};
}
