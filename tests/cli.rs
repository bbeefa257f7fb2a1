//! Command-line behaviour: input handling, bad input, exit codes, flags.

use crate::util::{Dir, claimscan, records};

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn stdin_is_one_document() {
    let out = claimscan(
        &["scan", "--no-claims", "-"],
        None,
        Some(b"Revenue rose 12% to $50 million."),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let recs = records(&out.stdout);
    assert_eq!(recs.len(), 2);
    assert!(recs.iter().all(|r| r["doc"] == "-"));
    assert_eq!(recs[1]["value"], 50_000_000);
    assert_eq!(recs[1]["unit"], "USD");
}

#[test]
fn summary_line_counts_kinds() {
    let d = Dir::new();
    d.create("a.txt", "Up 5% in Q3 2025 to $3 million; Python skills.");
    let out = claimscan(&["scan", d.path().to_str().unwrap()], None, None);
    let err = stderr(&out);
    assert!(err.contains("1 documents found, 1 read, 0 errors"), "{err}");
    assert!(err.contains("percent=1 count=0 money=1 date=1 skill=1"), "{err}");
    assert!(err.contains("MB/s"), "{err}");
}

/// A folder with good files and every kind of bad input we can build in a
/// test: the good ones are fully extracted, each bad one has an error
/// record and a message, and the exit status is 1.
#[test]
fn bad_inputs_are_reported_and_the_run_carries_on() {
    let d = Dir::new();
    let good = "Clients rose 43% year-over-year to 855,000 in September 2025.";
    d.create("a_good.txt", good);
    d.create("b_binary.txt", b"PK\x03\x04\0\0binary\0stuff");
    d.create("c_latin1.txt", b"Revenue rose 5% to \xa3250,000 in caf\xe9s.");
    d.create("d_empty.txt", "");
    d.create("e_good.md", "# Note\n\nMargins grew 150 basis points.");
    d.create("f_skip.json", "{\"not\": \"read\"}");
    std::os::unix::fs::symlink(d.path(), d.path().join("g_loop")).unwrap();
    let out = claimscan(&["scan", d.path().to_str().unwrap()], None, None);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let recs = records(&out.stdout);
    let errors: Vec<_> =
        recs.iter().filter(|r| r["type"] == "error").collect();
    let msg = |doc: &str| {
        errors
            .iter()
            .find(|r| r["doc"].as_str().is_some_and(|d| d.starts_with(doc)))
            .map(|r| r["message"].as_str().unwrap().to_string())
            .unwrap_or_else(|| panic!("no error record for {doc}: {errors:?}"))
    };
    assert!(msg("b_binary.txt").contains("binary file"));
    assert!(msg("c_latin1.txt").contains("invalid UTF-8"));
    assert!(msg("g_loop").contains("symbolic link loop"));
    let err = stderr(&out);
    assert!(err.contains("b_binary.txt: binary file"), "{err}");
    assert!(
        err.contains(
            "6 documents found, 4 read, 2 errors, 2 warnings, 1 skipped"
        ),
        "{err}"
    );
    // The good documents are extracted exactly as on their own.
    let alone =
        claimscan(&["scan", "--no-claims", "-"], None, Some(good.as_bytes()));
    let alone: Vec<_> = records(&alone.stdout)
        .iter()
        .map(|r| (r["text"].clone(), r["value"].clone()))
        .collect();
    let within: Vec<_> = recs
        .iter()
        .filter(|r| r["doc"] == "a_good.txt" && r["type"] == "mention")
        .map(|r| (r["text"].clone(), r["value"].clone()))
        .collect();
    assert_eq!(alone, within);
    assert_eq!(alone.len(), 3);
    // The lossy document is still extracted.
    assert!(
        recs.iter()
            .any(|r| r["doc"] == "c_latin1.txt" && r["kind"] == "percent")
    );
    assert!(recs.iter().any(|r| r["doc"] == "e_good.md" && r["unit"] == "bp"));
}

#[test]
fn missing_path_is_an_error_record() {
    let out = claimscan(&["scan", "/nonexistent/claimscan/input"], None, None);
    assert_eq!(out.status.code(), Some(1));
    let recs = records(&out.stdout);
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0]["type"], "error");
    assert!(recs[0]["message"].as_str().unwrap().contains("cannot open"));
}

#[test]
fn max_file_size_skips_big_files() {
    let d = Dir::new();
    let p = d.create("big.txt", "x".repeat(5000));
    let out = claimscan(
        &["scan", "--max-file-size", "1000", p.to_str().unwrap()],
        None,
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let recs = records(&out.stdout);
    assert!(
        recs[0]["message"]
            .as_str()
            .unwrap()
            .contains("larger than --max-file-size")
    );
}

#[test]
fn output_file_is_written_atomically() {
    let d = Dir::new();
    let input = d.create("in.txt", "Sales fell 3% to $1.2 billion.");
    let dest = d.path().join("out.jsonl");
    let out = claimscan(
        &["scan", "-o", dest.to_str().unwrap(), input.to_str().unwrap()],
        None,
        None,
    );
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    let written = std::fs::read(&dest).unwrap();
    let direct = claimscan(&["scan", input.to_str().unwrap()], None, None);
    assert_eq!(written, direct.stdout);
    let leftovers: Vec<_> = std::fs::read_dir(d.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn kinds_flag_filters_and_rejects_unknown_kinds() {
    let text = b"Up 5% to $3 million in Q3 with 400 stores.";
    let out =
        claimscan(&["scan", "--kinds", "money,count", "-"], None, Some(text));
    let kinds: Vec<_> = records(&out.stdout)
        .iter()
        .map(|r| r["kind"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(kinds, ["money", "count"]);
    let bad = claimscan(
        &["scan", "--kinds", "money,weather", "-"],
        None,
        Some(text),
    );
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("unknown kind \"weather\""));
}

#[test]
fn user_skills_lexicon_adds_or_replaces() {
    let d = Dir::new();
    let lex = d.create("skills.csv", "canonical,aliases,id\n\"Prompt wrangling\",\"prompt herding|prompt-wrangling\",X-1\n");
    let text = b"Demand for prompt herding and Python rose.";
    let out = claimscan(
        &["scan", "--skills", lex.to_str().unwrap(), "-"],
        None,
        Some(text),
    );
    let got: Vec<_> = records(&out.stdout)
        .iter()
        .map(|r| (r["value"].clone(), r["unit"].clone()))
        .collect();
    assert_eq!(
        got,
        [
            ("Prompt wrangling".into(), "X-1".into()),
            (
                "Python".into(),
                "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d"
                    .into()
            )
        ]
    );
    let only = claimscan(
        &[
            "scan",
            "--no-builtin-skills",
            "--skills",
            lex.to_str().unwrap(),
            "-",
        ],
        None,
        Some(text),
    );
    assert_eq!(records(&only.stdout).len(), 1);
    let broken = d.create("bad.tsv", "Thing\t\t\tshouty\n");
    let out = claimscan(
        &["scan", "--skills", broken.to_str().unwrap(), "-"],
        None,
        Some(text),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("bad.tsv:1: unknown flag"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn doc_date_anchors_years_and_relative_dates() {
    let text = b"On November 3 the company said revenue last year was flat.";
    let out = claimscan(
        &["scan", "--doc-date", "2025-11-05", "-"],
        None,
        Some(text),
    );
    let vals: Vec<_> = records(&out.stdout)
        .iter()
        .filter(|r| r["type"] == "mention")
        .map(|r| r["value"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(vals, ["2025-11-03", "2024"]);
    let out = claimscan(&["scan", "-"], None, Some(text));
    let vals: Vec<_> = records(&out.stdout)
        .iter()
        .filter(|r| r["type"] == "mention")
        .map(|r| r["value"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(vals, ["XXXX-11-03", "XXXX"]);
}

#[test]
fn closed_pipe_is_not_an_error() {
    // `claimscan scan ... | head -1`: we emulate the reader closing early.
    let d = Dir::new();
    for i in 0..200 {
        d.create(
            &format!("f{i:03}.txt"),
            "Up 5% to $3 million in Q3. ".repeat(200),
        );
    }
    let mut child =
        std::process::Command::new(env!("CARGO_BIN_EXE_claimscan"))
            .args(["scan", "-q", d.path().to_str().unwrap()])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
    let mut first = [0u8; 16];
    use std::io::Read;
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // stdout is dropped here: the pipe is closed.
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0));
}

/// `-o /dev/null` (or a FIFO) is written in place, never renamed over: a
/// rename would replace the device with a regular file.
#[test]
fn output_to_a_device_is_not_replaced() {
    let d = Dir::new();
    let input = d.create("in.txt", "Sales fell 3% to $1.2 billion.");
    let fifo = d.path().join("pipe");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("mkfifo unavailable; skipping");
        return;
    }
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read(fifo).unwrap())
    };
    let out = claimscan(
        &["scan", "-q", "-o", fifo.to_str().unwrap(), input.to_str().unwrap()],
        None,
        None,
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let got = reader.join().unwrap();
    let recs = crate::util::records(&got);
    assert_eq!(recs.iter().filter(|r| r["type"] == "mention").count(), 2);
    assert_eq!(recs.iter().filter(|r| r["type"] == "claim").count(), 1);
    use std::os::unix::fs::FileTypeExt;
    assert!(
        std::fs::metadata(&fifo).unwrap().file_type().is_fifo(),
        "the FIFO was replaced"
    );
}

/// `--shard K/N` for N = 1..4: the shards together give exactly the records
/// of one run, each exactly once; `--manifest` lists inputs.
#[test]
fn shards_partition_the_run() {
    let corpus = crate::util::root().join("corpus");
    let all = claimscan(&["scan", "-q", corpus.to_str().unwrap()], None, None);
    let mut want: Vec<String> = String::from_utf8(all.stdout)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect();
    want.sort();
    for n in 1..=4 {
        let mut got: Vec<String> = Vec::new();
        for k in 1..=n {
            let shard = format!("{k}/{n}");
            let out = claimscan(
                &["scan", "-q", "--shard", &shard, corpus.to_str().unwrap()],
                None,
                None,
            );
            assert!(out.status.success());
            got.extend(
                String::from_utf8(out.stdout)
                    .unwrap()
                    .lines()
                    .map(str::to_string),
            );
        }
        got.sort();
        assert_eq!(got, want, "{n} shards");
    }
    let bad = claimscan(
        &["scan", "--shard", "5/4", corpus.to_str().unwrap()],
        None,
        None,
    );
    assert_eq!(bad.status.code(), Some(2));
    // A manifest of two files gives their records.
    let d = Dir::new();
    let a = d.create("a.txt", "Up 5%.");
    let b = d.create("b.txt", "Down 3%.");
    let m = d.create(
        "list.txt",
        format!("# inputs\n{}\n\n{}\n", a.display(), b.display()),
    );
    let out = claimscan(
        &["scan", "-q", "--manifest", m.to_str().unwrap()],
        None,
        None,
    );
    let recs = records(&out.stdout);
    assert_eq!(recs.iter().filter(|r| r["kind"] == "percent").count(), 2);
}

/// `--doc-dates` as people write it: a header row, extra columns, and
/// documents named by file name or by the path they were scanned under.
#[test]
fn doc_dates_file_with_header_extra_columns_and_paths() {
    let d = Dir::new();
    d.create("docs/a.txt", "Revenue last year was flat.");
    d.create("docs/sub/b.txt", "Revenue last year was flat.");
    d.create("docs/c.txt", "Revenue last year was flat.");
    d.create(
        "dates.tsv",
        "doc\tdate\tsource\n\
         a.txt\t2025-11-05\twire\n\
         docs/sub/b.txt\t2021-03-01\tblog\n\
         ./docs/c.txt\t2019-06-30T08:00:00\tcall\n",
    );
    let out = claimscan(
        &["scan", "--no-claims", "--doc-dates", "dates.tsv", "docs"],
        Some(d.path()),
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let vals: Vec<(String, String)> = records(&out.stdout)
        .iter()
        .filter(|r| r["type"] == "mention")
        .map(|r| {
            (
                r["doc"].as_str().unwrap().to_string(),
                r["value"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let want = [("a.txt", "2024"), ("c.txt", "2018"), ("sub/b.txt", "2020")];
    let want: Vec<(String, String)> =
        want.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
    assert_eq!(vals, want);
    // A bad date after the first row is still an error, with its line.
    d.create("bad.tsv", "doc\tdate\na.txt\t2025-13-01\n");
    let out = claimscan(
        &["scan", "--doc-dates", "bad.tsv", "docs"],
        Some(d.path()),
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("bad.tsv:2: bad date"), "{}", stderr(&out));
}

/// A folder's README is not data: skipped and counted by default, read
/// with `--readme`; a README named on the command line is read.
#[test]
fn folder_readme_is_skipped_and_counted() {
    let d = Dir::new();
    d.create("corpus/README.md", "Stories from Q2 2025, 5% of them blogs.");
    d.create("corpus/sub/readme.TXT", "Notes for Q3.");
    d.create("corpus/a.txt", "Revenue rose 5% in Q2 2025.");
    let corpus = d.path().join("corpus");
    let out = claimscan(&["scan", corpus.to_str().unwrap()], None, None);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("1 documents found, 1 read"), "{err}");
    assert!(err.contains("skipped 2 READMEs"), "{err}");
    assert!(records(&out.stdout).iter().all(|r| r["doc"] == "a.txt"), "{err}");
    let out =
        claimscan(&["scan", "--readme", corpus.to_str().unwrap()], None, None);
    let err = stderr(&out);
    assert!(err.contains("3 documents found, 3 read"), "{err}");
    assert!(!err.contains("README"), "{err}");
    let readme = corpus.join("README.md");
    let out = claimscan(&["scan", readme.to_str().unwrap()], None, None);
    let err = stderr(&out);
    assert!(err.contains("1 documents found, 1 read"), "{err}");
}
