"""Dask routes for claimscan, checked against the real binary (CLAIMSCAN_BIN).

    CLAIMSCAN_BIN=/abs/path/claimscan python -m pytest -q contrib/dask/test_dask.py

A LocalCluster of 2 worker processes on 127.0.0.1 (no dashboard) for the module.
"""
import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import claimscan_dask as cd  # noqa: E402

BIN = os.environ.get("CLAIMSCAN_BIN", "")
if not (BIN and os.path.isabs(BIN) and os.access(BIN, os.X_OK)):
    pytest.exit("set CLAIMSCAN_BIN to the absolute path of a built claimscan binary", returncode=2)

SENTENCES = [
    "{m} rose {p}% to ${a} million in the third quarter of 2025.",
    "{m} fell {p} percent from {c1:,} to {c2:,}.",
    "The company expects {m} between ${a} million and ${b} million next quarter.",
    "Demand for Python and SQL skills grew {p}% in September 2025.",
    "Management did not comment on the outlook.",
    "Bookings rose {p}%\u2028to ${a} million\u0085in Q4\u2029(unaudited).",
    "In Q3 FY24, {m} declined to €{a} million from €{b} million.",
]
METRICS = ["Revenue", "Net income", "Active clients", "Headcount", "Gross bookings"]


def make_texts(n, seed):
    rnd = random.Random(seed)
    out = []
    for _ in range(n):
        parts = []
        for _ in range(rnd.randint(1, 5)):
            a = rnd.randint(2, 900)
            parts.append(rnd.choice(SENTENCES).format(
                m=rnd.choice(METRICS), p=rnd.randint(1, 60), a=a, b=a + rnd.randint(1, 90),
                c1=rnd.randint(1000, 999000), c2=rnd.randint(1000, 999000)))
        out.append(" ".join(parts))
    return out


def lines_of(text):
    # Not str.splitlines(): that also splits at U+2028, U+0085..., which JSON output keeps raw.
    return text.split("\n")[:-1] if text.endswith("\n") else text.split("\n")


def parse(lines):
    return sorted((json.loads(x) for x in lines if x.strip()), key=lambda r: json.dumps(r, sort_keys=True))


def part_lines(folder, pattern="part-*.jsonl"):
    return [x for f in sorted(Path(folder).glob(pattern)) for x in lines_of(f.read_text(encoding="utf-8"))]


@pytest.fixture(scope="module")
def client():
    from dask.distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                           dashboard_address=None)
    c = Client(cluster)
    yield c
    c.close()
    cluster.close()


@pytest.fixture(scope="module")
def docs_file(tmp_path_factory):
    p = tmp_path_factory.mktemp("dask") / "docs.jsonl"
    docs = [{"id": f"d{i:03d}", "text": t} for i, t in enumerate(make_texts(200, 5))]
    del docs[33]["id"]  # no id: placeholder `-:34`
    p.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    return p


def direct(args, stdin=b""):
    p = subprocess.run([BIN, *args], input=stdin, capture_output=True)
    return p.returncode, lines_of(p.stdout.decode())


def test_jsonl_route_equals_direct_run(client, docs_file, tmp_path):
    status, want = direct(["scan", "-q", "--input-format", "jsonl", "-"], docs_file.read_bytes())
    assert status == 0
    counts = cd.scan_jsonl([str(docs_file)], str(tmp_path / "out"), BIN, blocksize=6000)
    got = part_lines(tmp_path / "out")
    assert len(list((tmp_path / "out").glob("part-*.jsonl"))) >= 4
    assert parse(got) == parse(want)
    assert counts["doc"] == 200


def test_malformed_line_fails(client, docs_file, tmp_path):
    bad = tmp_path / "bad.jsonl"
    lines = lines_of(docs_file.read_text(encoding="utf-8"))
    lines.insert(120, "{not json")
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(Exception, match="exited with status 1"):
        cd.scan_jsonl([str(bad)], str(tmp_path / "fail"), BIN, blocksize=6000)
    cd.scan_jsonl([str(bad)], str(tmp_path / "ok"), BIN, blocksize=6000, allow_input_errors=True)
    errors = [r for r in parse(part_lines(tmp_path / "ok")) if r["type"] == "error"]
    assert [e["record"] for e in errors] == [121]


def test_shards_route_equals_direct_run(client, tmp_path):
    files = []
    for i, t in enumerate(make_texts(40, 9)):
        f = tmp_path / "in" / f"{'a' if i % 2 else 'b'}" / f"f{i:02d}.txt"
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text(t + "\n", encoding="utf-8")
        files.append(str(f))
    manifest = tmp_path / "manifest.txt"
    manifest.write_text("\n".join(files) + "\n")
    status, want = direct(["scan", "-q", "--manifest", str(manifest)])
    assert status == 0
    res = cd.scan_shards(client, str(manifest), 4, str(tmp_path / "out"), BIN)
    assert [r["status"] for r in res] == [0, 0, 0, 0]
    got = part_lines(tmp_path / "out", "part-*-of-00004.jsonl")
    assert parse(got) == parse(want)
    assert not any((tmp_path / "out" / ".tmp").iterdir())


def test_uploaded_binary_loses_exec_bit_and_still_runs(client, docs_file, tmp_path):
    copy = tmp_path / "claimscan-uploaded"
    shutil.copy(BIN, copy)
    client.upload_file(str(copy), load=False)
    counts = cd.scan_jsonl([str(docs_file)], str(tmp_path / "up"), copy.name, blocksize=20000)
    assert counts["doc"] == 200
