//! `claimscan crosscheck`: verdicts, evidence, pairs files, exit codes, and
//! `claimscan eval` on verdict records.

use crate::util::{Dir, claimscan, records};

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const CALL: &str = "Third quarter revenue was $452.2 million, up 2.5% from last year.\n\
Adjusted EPS was $0.83, compared to $0.75 last year.\n\
For fiscal 2022, we expect revenue of $1.82 billion to $1.83 billion.\n\
Operating income was $61.4 million.\n";

/// A summary in the lower-case wire style: one supported line, one planted
/// error (transposed digits), one wrong range end, one measure the call
/// does not state.
const STORY: &str = "q3 revenue rose 2.5 percent to $452.2 million.\n\
q3 adjusted earnings per share 38 cents.\n\
sees fy 2022 revenue $1.82 billion to $1.88 billion.\n\
q3 free cash flow $40 million.\n";

fn label_of<'a>(verdicts: &'a [serde_json::Value], needle: &str) -> &'a str {
    verdicts
        .iter()
        .find(|v| v["text"].as_str().unwrap().contains(needle))
        .unwrap_or_else(|| panic!("no verdict on {needle:?}: {verdicts:?}"))["label"]
        .as_str()
        .unwrap()
}

#[test]
fn a_story_is_judged_against_its_call() {
    let d = Dir::new();
    d.create("call.txt", CALL);
    d.create("story.txt", STORY);
    let out = claimscan(
        &["crosscheck", "--source", "call.txt", "story.txt"],
        Some(d.path()),
        None,
    );
    // A contradiction makes the exit status 1, for CI.
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let v = records(&out.stdout);
    assert!(v.iter().all(|r| r["type"] == "verdict"
        && r["doc"] == "story.txt"
        && r["source"] == "call.txt"));
    assert_eq!(label_of(&v, "$452.2 million"), "supported");
    assert_eq!(label_of(&v, "38 cents"), "contradicted");
    assert_eq!(label_of(&v, "$1.88 billion"), "contradicted");
    assert_eq!(label_of(&v, "free cash flow"), "absent");
    // Evidence points into the call, with its claim id and text.
    let s = v.iter().find(|r| r["label"] == "supported").unwrap();
    let ev = &s["evidence"][0];
    assert!(ev["text"].as_str().unwrap().contains("$452.2 million"), "{ev}");
    assert!(ev["claim"].as_str().unwrap().starts_with("call.txt#claim@"));
    let chars: Vec<char> = CALL.chars().collect();
    let (a, b) = (
        ev["start"].as_u64().unwrap() as usize,
        ev["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(
        chars[a..b].iter().collect::<String>(),
        ev["text"].as_str().unwrap()
    );
    // Each figure: its span in the story, what was stated and found.
    let c = v
        .iter()
        .find(|r| r["text"].as_str().unwrap().contains("38 cents"))
        .unwrap();
    let f = &c["figures"][0];
    let story: Vec<char> = STORY.chars().collect();
    let (a, b) = (
        f["start"].as_u64().unwrap() as usize,
        f["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(
        story[a..b].iter().collect::<String>(),
        f["text"].as_str().unwrap()
    );
    assert_eq!(f["stated"]["value"], 0.38);
    assert_eq!(f["found"]["value"], 0.83);
    // The reason names both figures.
    let why = c["why"].as_str().unwrap();
    assert!(why.contains("38 cents") && why.contains("$0.83"), "{why}");
    // The per-pair summary.
    assert!(stderr(&out).contains("story.txt vs call.txt: 4 claims with figures: 1 supported, 2 contradicted, 1 absent"), "{}", stderr(&out));
}

#[test]
fn pairs_file_paths_are_relative_to_it_and_output_is_deterministic() {
    let d = Dir::new();
    d.create("calls/a.txt", CALL);
    d.create(
        "stories/a.txt",
        "q3 revenue rose 2.5 percent to $452.2 million.\n",
    );
    d.create(
        "pairs.tsv",
        "# source\tcoverage\ncalls/a.txt\tstories/a.txt\n\n",
    );
    let pairs = d.path().join("pairs.tsv");
    let run = |j: &str| {
        claimscan(
            &["crosscheck", "-q", "-j", j, "--pairs", pairs.to_str().unwrap()],
            None,
            None,
        )
    };
    let one = run("1");
    assert_eq!(one.status.code(), Some(0), "{}", stderr(&one));
    assert!(
        stderr(&one).is_empty(),
        "-q keeps stderr quiet: {}",
        stderr(&one)
    );
    let v = records(&one.stdout);
    assert_eq!(v.len(), 1);
    assert_eq!(v[0]["doc"], "stories/a.txt");
    assert_eq!(v[0]["source"], "calls/a.txt");
    assert_eq!(v[0]["label"], "supported");
    assert_eq!(run("2").stdout, one.stdout);
}

#[test]
fn figures_no_claim_holds_are_judged_and_name_their_claim_record() {
    let d = Dir::new();
    d.create(
        "call.txt",
        "All in, our reported net sales declined 4% from the prior year.\n",
    );
    // The claim stage makes no claim of this line's figures.
    d.create(
        "story.txt",
        "qtrly net sales as reported (gaap) $1,118 million, up 4%.\n",
    );
    let run = |extra: &[&str]| {
        let mut args = vec!["crosscheck", "-q", "--source", "call.txt"];
        args.extend_from_slice(extra);
        args.push("story.txt");
        claimscan(&args, Some(d.path()), None)
    };
    let out = run(&["--claims"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let all = records(&out.stdout);
    let v: Vec<_> = all.iter().filter(|r| r["type"] == "verdict").collect();
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0]["label"], "contradicted");
    // Its claim is crosscheck's own, written with the claim stage's.
    let id = v[0]["claim"].as_str().unwrap();
    assert!(id.starts_with("story.txt#figure@"), "{id}");
    assert_eq!(v[0]["id"], format!("{id}#verdict"));
    let c = all
        .iter()
        .find(|r| r["type"] == "claim" && r["id"] == id)
        .unwrap_or_else(|| panic!("no claim record {id}: {all:?}"));
    assert_eq!(c["concept"], "revenue");
    assert_eq!(c["change"]["value"], 4);
    // --claimed-only: the claim stage's claims only, so no verdict here.
    let only = run(&["--claimed-only"]);
    assert_eq!(only.status.code(), Some(0), "{}", stderr(&only));
    assert!(records(&only.stdout).is_empty());
}

#[test]
fn bad_input_exits_2_with_a_reason() {
    let d = Dir::new();
    d.create("story.txt", STORY);
    let out = claimscan(
        &["crosscheck", "--source", "missing.txt", "story.txt"],
        Some(d.path()),
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("missing.txt"), "{}", stderr(&out));
    // The unreadable file's pair is an `error` record in the stream, and the
    // other pairs are judged.
    d.create("call.txt", CALL);
    let out = claimscan(
        &["crosscheck", "--source", "call.txt", "missing.txt", "story.txt"],
        Some(d.path()),
        None,
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let v = records(&out.stdout);
    assert_eq!(v[0]["type"], "error", "{v:?}");
    assert_eq!(v[0]["path"], "missing.txt");
    assert!(v[0]["message"].as_str().unwrap().starts_with("cannot read"));
    assert!(v.len() > 1 && v[1..].iter().all(|r| r["type"] == "verdict"));
    assert!(v[1..].iter().all(|r| r["doc"] == "story.txt"), "{v:?}");
    d.create("pairs.tsv", "only-one-column\n");
    let out = claimscan(
        &["crosscheck", "--pairs", "pairs.tsv"],
        Some(d.path()),
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("pairs.tsv:1"), "{}", stderr(&out));
    let out = claimscan(&["crosscheck"], Some(d.path()), None);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn eval_scores_verdicts_and_gates_on_contradicted_f1() {
    let d = Dir::new();
    d.create("call.txt", CALL);
    d.create("story.txt", STORY);
    let out = claimscan(
        &[
            "crosscheck",
            "--source",
            "call.txt",
            "story.txt",
            "-o",
            "pred.jsonl",
        ],
        Some(d.path()),
        None,
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    // Gold: the four lines as a careful reader labels them (figure spans in
    // code points of the story).
    let line_figure = |needle: &str, label: &str| {
        let at = STORY.find(needle).unwrap();
        let start = STORY[..at].chars().count();
        let end = start + needle.chars().count();
        let line_start = STORY[..at].rfind('\n').map_or(0, |i| i + 1);
        let line_end = at + STORY[at..].find('\n').unwrap();
        format!(
            "{{\"type\":\"verdict\",\"doc\":\"story.txt\",\"start\":{},\"end\":{},\"label\":\"{label}\",\"figures\":[{{\"start\":{start},\"end\":{end}}}]}}\n",
            STORY[..line_start].chars().count(),
            STORY[..line_end].chars().count(),
        )
    };
    let gold = [
        line_figure("$452.2 million", "supported"),
        line_figure("38 cents", "contradicted"),
        line_figure("$1.88 billion", "contradicted"),
        line_figure("$40 million", "absent"),
    ]
    .concat();
    d.create("gold.jsonl", gold.as_str());
    let ok = claimscan(
        &[
            "eval",
            "--gold",
            "gold.jsonl",
            "--pred",
            "pred.jsonl",
            "--min-f1",
            "contradicted=0.9",
            "--min-f1",
            "verdicts=0.9",
        ],
        Some(d.path()),
        None,
    );
    let text = String::from_utf8_lossy(&ok.stdout);
    assert_eq!(ok.status.code(), Some(0), "{text}{}", stderr(&ok));
    assert!(text.contains("label accuracy 1.000"), "{text}");
    // A gold set that disagrees fails the gate.
    let wrong = gold.replace("\"contradicted\"", "\"supported\"");
    d.create("gold2.jsonl", wrong.as_str());
    let bad = claimscan(
        &[
            "eval",
            "--gold",
            "gold2.jsonl",
            "--pred",
            "pred.jsonl",
            "--min-f1",
            "supported=0.9",
        ],
        Some(d.path()),
        None,
    );
    assert_eq!(bad.status.code(), Some(1));
    assert!(stderr(&bad).contains("F1 of supported"), "{}", stderr(&bad));
}
