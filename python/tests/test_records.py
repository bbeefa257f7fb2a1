"""scan and extract give the records the command line writes."""

import datetime

import pytest

import claimscan
from conftest import jsonl


def test_scan_equals_cli_on_the_corpus(cli, in_root):
    code, out, err = cli("scan", "--quiet", "corpus")
    assert code == 0, err
    want = jsonl(out)
    got = list(claimscan.scan("corpus"))
    assert len(got) == len(want) > 1000
    assert got == want
    # Key order too: the dicts are the JSON objects as written.
    assert [list(r) for r in got] == [list(r) for r in want]


def test_scan_options_equal_cli_options(cli, in_root):
    code, out, err = cli(
        "scan", "--quiet", "--kinds", "percent,money", "--no-claims",
        "-j", "1", "--doc-date", "2025-11-05", "corpus/news",
    )
    assert code == 0, err
    got = list(claimscan.scan(
        ["corpus/news"], kinds=["percent", "money"], claims=False, threads=1,
        doc_date=datetime.date(2025, 11, 5),
    ))
    assert got == jsonl(out)
    assert {r["type"] for r in got} == {"mention", "doc"}


def test_panel_equals_cli_panel(cli, in_root):
    code, out, err = cli("scan", "--quiet", "--panel", "corpus")
    assert code == 0, err
    assert list(claimscan.scan("corpus", panel=True)) == jsonl(out)


def test_bad_paths_and_unreadable_files_are_error_records(cli, tmp_path, monkeypatch):
    (tmp_path / "good.txt").write_text("Revenue rose 7% to $50 million.\n")
    (tmp_path / "binary.txt").write_bytes(b"abc\x00def")
    monkeypatch.chdir(tmp_path)
    code, out, err = cli("scan", "--quiet", ".", "missing.txt", cwd=tmp_path)
    assert code == 1
    want = jsonl(out)
    got = list(claimscan.scan([".", "missing.txt"]))
    assert got == want
    errors = [r for r in got if r["type"] == "error"]
    assert {e["doc"] for e in errors} == {"binary.txt", "missing.txt"}, errors


def test_extract_equals_a_scan_of_the_same_text(cli, tmp_path):
    text = (
        "Brightlane Talent Inc. said on Nov. 5, 2025 that active clients fell "
        "7% from 855,000 to 794,000 in the third quarter; revenue rose 12% to "
        "$1.2 billion. Python and SQL remain the most requested skills.\n"
    )
    (tmp_path / "note.txt").write_text(text)
    code, out, err = cli("scan", "--quiet", "--doc-date", "2025-11-05", "note.txt", cwd=tmp_path)
    assert code == 0, err
    got = claimscan.extract(text, doc_id="note.txt", doc_date="2025-11-05")
    want = jsonl(out)
    # The same mentions and claims; the doc record has no source file.
    assert [r for r in got if r["type"] != "doc"] == [r for r in want if r["type"] != "doc"]
    assert got[-1]["type"] == "doc" and got[-1]["chars"] == len(text)
    assert {r["kind"] for r in got if r["type"] == "mention"} >= {"percent", "count", "money", "date", "skill"}
    assert any(r["type"] == "claim" for r in got)


NON_ASCII = (
    "Ｑ３ — Société Générale’s revenue rose 7 % to €3.2 billion 😀; "
    "Umsatz stieg um 12% auf 4,5 Mrd. € (vs. ¥120 billion), "
    "«net income» fell 3.5 percent to $120 million in the third quarter of 2025. "
    "Ünïcödé 🚀 developers with Python skills: 1,200 hired.\n"
)


def test_offsets_slice_the_python_str():
    recs = claimscan.extract(NON_ASCII)
    spans = [r for r in recs if r["type"] in ("mention", "claim")]
    assert len(spans) >= 6
    for r in spans:
        assert NON_ASCII[r["start"]:r["end"]] == r["text"], r
    # Code points, not bytes or UTF-16 units: the emoji before counts once.
    m = next(r for r in recs if r["type"] == "mention" and r["text"] == "$120 million")
    assert m["start"] == NON_ASCII.index("$120 million")


def test_scan_offsets_slice_the_file_text(tmp_path):
    (tmp_path / "a.txt").write_text(NON_ASCII, encoding="utf-8")
    recs = list(claimscan.scan(tmp_path))
    assert recs[-1]["type"] == "doc"
    for r in recs:
        if r["type"] in ("mention", "claim"):
            assert NON_ASCII[r["start"]:r["end"]] == r["text"], r


@pytest.mark.parametrize(
    "kwargs, cli_args",
    [
        ({"kinds": "percent,dollars"}, ["--kinds", "percent,dollars"]),
        ({"doc_date": "2025-13-01"}, ["--doc-date", "2025-13-01"]),
        ({"doc_date": "Nov 5"}, ["--doc-date", "Nov 5"]),
        ({"threads": 0}, ["-j", "0"]),
        ({"input_format": "xml"}, ["--input-format", "xml"]),
        ({"skills": ["no-such-lexicon.tsv"]}, ["--skills", "no-such-lexicon.tsv"]),
    ],
)
def test_bad_arguments_raise_value_error_with_the_cli_message(cli, in_root, kwargs, cli_args):
    code, _, err = cli("scan", "--quiet", *cli_args, "corpus")
    assert code == 2
    for call in (
        lambda: claimscan.scan("corpus", **kwargs),
        lambda: claimscan.tables("corpus", **kwargs),
    ):
        with pytest.raises(ValueError) as e:
            call()
        # The whole message, as the command prints it after its prefix.
        first = err.splitlines()[0]
        message = first.split("error: ", 1)[1]
        assert str(e.value) == message, (str(e.value), err)
    if "skills" not in kwargs and "threads" not in kwargs and "input_format" not in kwargs:
        with pytest.raises(ValueError) as e:
            claimscan.extract("up 5%", **kwargs)
        assert str(e.value) in err


def test_summary_after_the_run(in_root):
    recs = claimscan.scan("corpus")
    assert recs.summary() is None
    n = sum(1 for _ in recs)
    s = recs.summary()
    assert s["errors"] == 0 and s["read"] == s["found"] > 0
    assert s["mentions"] + s["claims"] + s["read"] == n


CALL = (
    "Third quarter revenue was $452.2 million, up 2.5% from last year.\n"
    "Adjusted EPS was $0.83, compared to $0.75 last year.\n"
    "For fiscal 2022, we expect revenue of $1.82 billion to $1.83 billion.\n"
    "Operating income was $61.4 million.\n"
)
STORY = (
    "q3 revenue rose 2.5 percent to $452.2 million.\n"
    "q3 adjusted earnings per share 38 cents.\n"
    "sees fy 2022 revenue $1.82 billion to $1.88 billion.\n"
    "q3 free cash flow $40 million.\n"
)


def test_crosscheck_equals_cli(cli, tmp_path, monkeypatch):
    (tmp_path / "call.txt").write_text(CALL)
    (tmp_path / "story.txt").write_text(STORY)
    code, out, err = cli("crosscheck", "--source", "call.txt", "story.txt", cwd=tmp_path)
    assert code == 1, err
    monkeypatch.chdir(tmp_path)
    got = claimscan.crosscheck("call.txt", "story.txt")
    assert got == jsonl(out)
    labels = {v["label"] for v in got}
    assert labels == {"supported", "contradicted", "absent"}
    code, out, err = cli("crosscheck", "--claims", "--source", "call.txt", "story.txt", "story.txt", cwd=tmp_path)
    assert claimscan.crosscheck("call.txt", ["story.txt", "story.txt"], claims=True) == jsonl(out)
    # An unreadable file is an error record in place of its pair, and the
    # run goes on, as in the command (which exits 2).
    for source, coverage in (("missing.txt", ["story.txt"]), ("call.txt", ["missing.txt", "story.txt"])):
        code, out, err = cli("crosscheck", "--source", source, *coverage, cwd=tmp_path)
        assert code == 2, err
        got = claimscan.crosscheck(source, coverage)
        assert got == jsonl(out)
        errors = [r for r in got if r["type"] == "error"]
        assert len(errors) == 1 and errors[0]["path"] == "missing.txt", errors
        assert "cannot read" in errors[0]["message"]
    assert [r["type"] for r in got][0] == "error" and len(got) > 1
