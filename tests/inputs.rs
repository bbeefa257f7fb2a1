//! Real archives and hostile input (issue #5): every kind of bad input
//! built in a temp folder beside good documents; each problem has a
//! message naming the file (and line or record), an `error` record and a
//! count; the good documents are still fully extracted; the summary
//! accounts for every document. Also: very large files read in parts,
//! decompression bombs, and a run killed part-way and resumed.

use std::io::Write;
use std::path::Path;

use crate::util::{Dir, all_records, claimscan, root};

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(
        Vec::new(),
        flate2::Compression::default(),
    );
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

const GOOD: &str =
    "Clients rose 43% year-over-year to 855,000 in September 2025.";

fn warc_record(ty: &str, uri: &str, block: &str) -> String {
    format!(
        "WARC/1.0\r\nWARC-Type: {ty}\r\nWARC-Date: 2025-10-29T08:15:02Z\r\nWARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n{block}\r\n\r\n",
        block.len()
    )
}

fn html_response(body: &str) -> String {
    format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body><p>{body}</p></body></html>"
    )
}

/// The mentions (text, value) of `doc` in `recs`.
fn mentions_of(
    recs: &[serde_json::Value],
    doc: &str,
) -> Vec<(serde_json::Value, serde_json::Value)> {
    recs.iter()
        .filter(|r| r["type"] == "mention" && r["doc"] == doc)
        .map(|r| (r["text"].clone(), r["value"].clone()))
        .collect()
}

#[test]
fn bad_input_matrix() {
    let d = Dir::new();
    // Good documents in every format.
    d.create("a_good.txt", GOOD);
    d.create(
        "b_good.html",
        format!("<html><body><nav>Home</nav><p>{GOOD}</p></body></html>"),
    );
    d.create("c_good.txt.gz", gzip(GOOD.as_bytes()));
    // JSON lines: good, malformed, no text, good, blank.
    d.create(
        "d_dump.jsonl",
        format!(
            "{{\"id\":\"j1\",\"text\":\"{GOOD}\"}}\n{{\"id\":\"j2\",\"text\":\"cut off\n{{\"id\":\"j3\",\"title\":\"no text\"}}\n{{\"id\":\"j4\",\"text\":\"{GOOD}\"}}\n\n"
        ),
    );
    // WARC: a good record, garbage, a good record, a truncated record.
    let good_rec =
        warc_record("response", "https://x.example/1", &html_response(GOOD));
    let good_rec2 =
        warc_record("response", "https://x.example/2", &html_response(GOOD));
    let cut =
        warc_record("response", "https://x.example/3", &html_response(GOOD));
    d.create(
        "e_crawl.warc",
        format!(
            "{good_rec}this is not a record\r\n{good_rec2}{}",
            &cut[..cut.len() - 30]
        ),
    );
    // Truncated gzip (of a good text).
    let gz = gzip(GOOD.repeat(50).as_bytes());
    d.create("f_truncated.txt.gz", &gz[..gz.len() / 2]);
    // Reuters SGML with an element cut off at the end.
    d.create(
        "g_reuters.sgm",
        format!(
            "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n<REUTERS NEWID=\"7\">\n<DATE>26-FEB-1987 15:01:01.79</DATE>\n<TEXT><TITLE>ACME NET</TITLE><BODY>{GOOD}\n</BODY></TEXT>\n</REUTERS>\n<REUTERS NEWID=\"8\">\n<TEXT><BODY>never closed\n"
        ),
    );
    d.create("h_binary.txt", b"PK\x03\x04\0\0binary\0stuff");
    d.create("i_latin1.txt", b"Revenue rose 5% to \xa3250,000 in caf\xe9s.");
    d.create("j_empty.txt", "");
    // A gzip bomb: 2 MB of text from a few KB, over --max-file-size.
    d.create("k_bomb.txt.gz", gzip("revenue ".repeat(250_000).as_bytes()));
    d.create("l_big.txt", "x".repeat(300_000));
    std::os::unix::fs::symlink(d.path(), d.path().join("m_loop")).unwrap();
    // An unreadable file: mode 000 for ordinary users; as root (who may
    // read anything) a link to /proc/self/mem, which fails to read.
    let unreadable = d.path().join("n_unreadable.txt");
    if unsafe_is_root() {
        std::os::unix::fs::symlink("/proc/self/mem", &unreadable).unwrap();
    } else {
        std::fs::write(&unreadable, GOOD).unwrap();
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(
            &unreadable,
            std::fs::Permissions::from_mode(0o000),
        )
        .unwrap();
    }
    let out = claimscan(
        &["scan", "--max-file-size", "200000", d.path().to_str().unwrap()],
        None,
        None,
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let recs = all_records(&out.stdout);
    let errors: Vec<&serde_json::Value> =
        recs.iter().filter(|r| r["type"] == "error").collect();
    let find = |path_part: &str, msg: &str| {
        errors
            .iter()
            .find(|r| {
                r["path"].as_str().is_some_and(|p| p.contains(path_part))
                    && r["message"].as_str().unwrap().contains(msg)
            })
            .unwrap_or_else(|| {
                panic!("no error for {path_part} with {msg:?}: {errors:#?}")
            })
    };
    // Every problem: an error record with the path (and line/record), a
    // message on stderr.
    assert_eq!(find("d_dump.jsonl", "invalid JSON")["record"], 2);
    assert_eq!(find("d_dump.jsonl", "no \"text\" field")["record"], 3);
    assert_eq!(find("e_crawl.warc", "not a WARC record")["record"], 2);
    assert_eq!(find("e_crawl.warc", "truncated")["record"], 4);
    find("f_truncated.txt.gz", "truncated gzip");
    find("g_reuters.sgm", "truncated");
    find("h_binary.txt", "binary file");
    assert_eq!(find("i_latin1.txt", "invalid UTF-8")["severity"], "warning");
    assert_eq!(find("j_empty.txt", "empty file")["severity"], "warning");
    find("k_bomb.txt.gz", "--max-file-size");
    find("l_big.txt", "larger than --max-file-size");
    find("m_loop", "symbolic link loop");
    find("n_unreadable.txt", "");
    for (file, what) in [
        ("d_dump.jsonl:2: invalid JSON", "line number"),
        ("e_crawl.warc:4: truncated", "record number"),
        ("f_truncated.txt.gz: truncated gzip", "gzip"),
        ("h_binary.txt: binary file", "binary"),
        ("n_unreadable.txt: cannot", "unreadable"),
    ] {
        assert!(err.contains(file), "stderr lacks {what} ({file}): {err}");
    }
    // The good documents are fully extracted, exactly as on their own.
    let alone =
        claimscan(&["scan", "--no-claims", "-"], None, Some(GOOD.as_bytes()));
    let alone = mentions_of(&all_records(&alone.stdout), "-");
    assert_eq!(alone.len(), 3);
    for doc in [
        "a_good.txt",
        "b_good.html",
        "c_good.txt.gz",
        "j1",
        "j4",
        "https://x.example/1",
        "https://x.example/2",
    ] {
        assert_eq!(mentions_of(&recs, doc), alone, "{doc}");
        assert!(
            recs.iter().any(|r| r["type"] == "doc" && r["doc"] == doc),
            "no doc record for {doc}"
        );
    }
    // Reuters: the body after the title and a blank line.
    assert!(!mentions_of(&recs, "7").is_empty());
    // The degraded document is still extracted.
    assert!(
        recs.iter()
            .any(|r| r["doc"] == "i_latin1.txt" && r["kind"] == "percent")
    );
    // The summary accounts for every document: found = read + errors.
    let docs = recs.iter().filter(|r| r["type"] == "doc").count();
    let lost = errors.iter().filter(|r| r["severity"] == "error").count();
    let summary = err.lines().last().unwrap();
    assert!(
        summary.contains(&format!(
            "{} documents found, {docs} read, {lost} errors, 2 warnings",
            docs + lost
        )),
        "{summary}"
    );
}

/// True when the tests run as root (file modes do not stop root).
fn unsafe_is_root() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .map(|s| {
            s.lines()
                .find(|l| l.starts_with("Uid:"))
                .is_some_and(|l| l.split_whitespace().nth(1) == Some("0"))
        })
        .unwrap_or(false)
}

#[test]
fn stdin_takes_any_format() {
    let jsonl = format!(
        "{{\"id\":\"a\",\"text\":\"{GOOD}\",\"company\":\"Acme\",\"date\":\"2025-10-30\"}}\n{{\"id\":\"b\",\"text\":\"Revenue fell 3% to $9 million.\"}}\n"
    );
    for args in
        [&["scan", "--input-format", "jsonl", "-"][..], &["scan", "-"][..]]
    {
        let out = claimscan(args, None, Some(jsonl.as_bytes()));
        assert!(out.status.success(), "{}", stderr(&out));
        let recs = all_records(&out.stdout);
        let docs: Vec<_> = recs
            .iter()
            .filter(|r| r["type"] == "doc")
            .map(|r| {
                (r["doc"].clone(), r["source"].clone(), r["record"].clone())
            })
            .collect();
        assert_eq!(
            docs,
            [
                ("a".into(), "-".into(), 1.into()),
                ("b".into(), "-".into(), 2.into())
            ]
        );
        // The company is the default subject of claims that name none.
        let claim = recs
            .iter()
            .find(|r| r["type"] == "claim" && r["doc"] == "b")
            .expect("a claim in b");
        assert_eq!(claim["subject"], serde_json::Value::Null);
        let claim = recs
            .iter()
            .find(|r| r["type"] == "claim" && r["doc"] == "a")
            .expect("a claim in a");
        assert_eq!(claim["subject"], "Acme");
    }
    // Gzipped HTML on stdin, sniffed.
    let html = gzip(
        format!("<!doctype html><title>T</title><p>{GOOD}</p>").as_bytes(),
    );
    let out = claimscan(&["scan", "--no-claims", "-"], None, Some(&html));
    assert!(out.status.success(), "{}", stderr(&out));
    let recs = all_records(&out.stdout);
    assert_eq!(mentions_of(&recs, "-").len(), 3);
    let doc = recs.iter().find(|r| r["type"] == "doc").unwrap();
    assert_eq!(
        (doc["format"].as_str(), doc["title"].as_str()),
        (Some("html"), Some("T"))
    );
    // Empty input is a clean, empty run.
    let out =
        claimscan(&["scan", "--input-format", "jsonl", "-"], None, Some(b""));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
}

#[test]
fn document_dates_from_metadata_anchor_years() {
    let jsonl = "{\"id\":\"n\",\"date\":\"2025-11-05\",\"text\":\"The plan was announced on November 3. Revenue rose 5% from last year.\"}\n";
    let out = claimscan(&["scan", "-"], None, Some(jsonl.as_bytes()));
    let recs = all_records(&out.stdout);
    let dates: Vec<_> = recs
        .iter()
        .filter(|r| r["kind"] == "date")
        .map(|r| (r["text"].as_str().unwrap(), r["value"].as_str().unwrap()))
        .collect();
    assert_eq!(dates, [("November 3", "2025-11-03"), ("last year", "2024")]);
}

#[test]
fn large_text_files_are_read_in_parts_with_the_same_mentions() {
    let d = Dir::new();
    let mut text = String::new();
    let mut i = 0;
    while text.len() < 3_000_000 {
        text.push_str(&format!(
            "Paragraph {i}: revenue rose {}% to ${}.{} million in the quarter; café clients reached {},000.\n\n",
            i % 90 + 1,
            i % 700 + 1,
            i % 10,
            i % 900 + 1
        ));
        i += 1;
    }
    let f = d.create("big.txt", &text);
    let whole =
        claimscan(&["scan", "--no-claims", f.to_str().unwrap()], None, None);
    let parts = claimscan(
        &[
            "scan",
            "--no-claims",
            "--stream-threshold",
            "1000000",
            "-j",
            "2",
            f.to_str().unwrap(),
        ],
        None,
        None,
    );
    assert!(parts.status.success(), "{}", stderr(&parts));
    let w = all_records(&whole.stdout);
    let p = all_records(&parts.stdout);
    assert!(w.len() > 10_000);
    assert_eq!(w.len(), p.len());
    assert!(w == p, "streamed records differ from the whole-file read");
    let doc = p.iter().find(|r| r["type"] == "doc").unwrap();
    assert_eq!(doc["chars"], text.chars().count());
    assert!(stderr(&parts).contains("1 documents found, 1 read"));
}

/// Kills a `--resume` run part-way, resumes it, and checks the output is
/// byte-identical to an uninterrupted run's.
#[test]
fn resume_after_kill_gives_identical_output() {
    let d = Dir::new();
    let docs = d.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    for i in 0..600 {
        let body = format!(
            "Note {i}. Revenue rose {}% year-over-year to ${} million in the third quarter of 2025, and active clients fell {}% from 855,000 to 794,000.\n",
            i % 40 + 1,
            i + 10,
            i % 9 + 1
        )
        .repeat(20);
        std::fs::write(docs.join(format!("n{i:04}.txt")), body).unwrap();
    }
    // JSON lines in the mix: a container resumes as a whole.
    let mut jl = String::new();
    for i in 0..50 {
        jl.push_str(&format!(
            "{{\"id\":\"j{i}\",\"text\":\"Sales grew {i}% to $3 million.\"}}\n"
        ));
    }
    std::fs::write(docs.join("zz.jsonl"), jl).unwrap();
    let full = d.path().join("full.jsonl");
    let out = claimscan(
        &[
            "scan",
            "-q",
            "-j",
            "1",
            "-o",
            full.to_str().unwrap(),
            docs.to_str().unwrap(),
        ],
        None,
        None,
    );
    assert!(out.status.success());
    let expected = std::fs::read(&full).unwrap();

    let part = d.path().join("part.jsonl");
    let journal = d.path().join("journal.tsv");
    let args = [
        "scan",
        "-q",
        "-j",
        "1",
        "--resume",
        journal.to_str().unwrap(),
        "-o",
        part.to_str().unwrap(),
        docs.to_str().unwrap(),
    ];
    let mut child =
        std::process::Command::new(env!("CARGO_BIN_EXE_claimscan"))
            .args(args)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
    // Kill it once a few batches are in the journal.
    let started = std::time::Instant::now();
    loop {
        let lines = std::fs::read_to_string(&journal)
            .map(|s| s.lines().count())
            .unwrap_or(0);
        if lines >= 200 {
            break;
        }
        if let Ok(Some(_)) = child.try_wait() {
            panic!(
                "the run finished before it could be killed ({lines} journal lines)"
            );
        }
        assert!(started.elapsed().as_secs() < 120, "the run did not progress");
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let cut = std::fs::read(&part).unwrap();
    assert!(
        cut.len() < expected.len(),
        "the kill came too late to test anything"
    );
    // Simulate a torn record at the end, as a crash mid-write leaves.
    std::fs::OpenOptions::new()
        .append(true)
        .open(&part)
        .unwrap()
        .write_all(b"{\"type\":\"mention\",\"doc\":\"n0")
        .unwrap();
    let out = claimscan(&args, None, None);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("inputs done earlier (resumed)"), "{err}");
    let resumed = std::fs::read(&part).unwrap();
    assert!(
        resumed == expected,
        "resumed output differs from an uninterrupted run"
    );
    // Resuming a finished run changes nothing.
    let out = claimscan(&args, None, None);
    assert!(out.status.success());
    assert!(std::fs::read(&part).unwrap() == expected);
}

#[test]
fn reader_fixtures_cover_every_format() {
    // Every reader has a golden case (fixtures/e2e) whose doc records say
    // which format read it.
    let mut seen = std::collections::BTreeSet::new();
    for case in std::fs::read_dir(root().join("fixtures/e2e")).unwrap() {
        let p = case.unwrap().path().join("expected.jsonl");
        let Ok(s) = std::fs::read_to_string(&p) else { continue };
        for l in s.lines() {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            if v["type"] == "doc" {
                let gz =
                    v["source"].as_str().is_some_and(|s| s.ends_with(".gz"));
                seen.insert(format!(
                    "{}{}",
                    v["format"].as_str().unwrap(),
                    if gz { "+gz" } else { "" }
                ));
            }
        }
    }
    for f in ["text", "html", "jsonl", "warc", "reuters", "warc+gz", "text+gz"]
    {
        assert!(seen.contains(f), "no golden case read as {f}: {seen:?}");
    }
    let _ = Path::new(".");
}

/// Inputs that once crashed a fuzz target (`fuzz/regressions/TARGET/`)
/// are scanned in their target's format and must give valid records with
/// exact offsets and no date overlapping a quantity.
#[test]
fn fuzz_regressions_stay_fixed() {
    let dir = root().join("fuzz/regressions");
    let mut n = 0;
    for target in std::fs::read_dir(&dir).unwrap() {
        let target = target.unwrap().path();
        let name = target.file_name().unwrap().to_string_lossy().into_owned();
        // The gzip target sniffs its input; the others name a format.
        let format = match name.as_str() {
            "extract" | "extract_dated" => "text",
            "gzip" => "",
            f => f,
        };
        for f in std::fs::read_dir(&target).unwrap() {
            let f = f.unwrap().path();
            let bytes = std::fs::read(&f).unwrap();
            let args: &[&str] = if format.is_empty() {
                &["scan", "-q", "-"]
            } else {
                &["scan", "-q", "--input-format", format, "-"]
            };
            let out = claimscan(args, None, Some(&bytes));
            assert!(
                out.status.code().is_some_and(|c| c < 2),
                "{}",
                f.display()
            );
            let recs = all_records(&out.stdout);
            let text = String::from_utf8_lossy(&bytes);
            let mut spans: Vec<(u64, u64, String)> = Vec::new();
            for r in &recs {
                if r["type"] == "doc" {
                    assert!(
                        !r["doc"].as_str().unwrap().trim().is_empty(),
                        "{}: empty document id",
                        f.display()
                    );
                }
                if r["type"] != "mention" {
                    continue;
                }
                let (s, e) =
                    (r["start"].as_u64().unwrap(), r["end"].as_u64().unwrap());
                if format == "text" {
                    let got: String = text
                        .chars()
                        .skip(s as usize)
                        .take((e - s) as usize)
                        .collect();
                    assert_eq!(
                        got,
                        r["text"].as_str().unwrap(),
                        "{}",
                        f.display()
                    );
                }
                spans.push((s, e, r["kind"].as_str().unwrap().to_string()));
            }
            for a in spans.iter().filter(|x| x.2 == "date") {
                for q in spans.iter().filter(|x| {
                    matches!(x.2.as_str(), "percent" | "money" | "count")
                }) {
                    assert!(
                        a.1 <= q.0 || q.1 <= a.0,
                        "{}: date {a:?} overlaps {q:?}",
                        f.display()
                    );
                }
            }
            n += 1;
        }
    }
    assert!(n >= 1, "no fuzz regressions found in {}", dir.display());
}
