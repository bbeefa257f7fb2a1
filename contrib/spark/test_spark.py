"""Spark routes for claimscan, checked against the real binary (CLAIMSCAN_BIN).

    CLAIMSCAN_BIN=/abs/path/claimscan SPARK_LOCAL_IP=127.0.0.1 python -m pytest -q contrib/spark/test_spark.py

One local[2] SparkSession for the module (its start-up, ~6 s, is paid once); ~200 documents
made here; loopback only. .ci/spark-test runs this with a pinned pyspark.
"""
import json
import os
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import claimscan_spark as cs  # noqa: E402

BIN = os.environ.get("CLAIMSCAN_BIN", "")
FILTER = ["scan", "-q", "--input-format", "jsonl", "-"]
TABLES = {"mentions": "mention", "claims": "claim", "docs": "doc", "errors": "error"}

if not (BIN and os.path.isabs(BIN) and os.access(BIN, os.X_OK)):
    pytest.exit("set CLAIMSCAN_BIN to the absolute path of a built claimscan binary", returncode=2)


# ------------------------------------------------------------------ documents

COMPANIES = ["Brightlane Talent Inc.", "Northwind Staffing", "Kestrel Analytics", "Oduya Logistics",
             "Sørensen & Fils", "Maple Ridge Bancorp"]
METRICS = ["Revenue", "Net income", "Operating margin", "Active clients", "Gross bookings",
           "Free cash flow", "Headcount", "Subscription revenue"]
SENTENCES = [
    "{m} rose {p}% to ${a} million in the third quarter of 2025.",
    "{m} fell {p} percent from {c1:,} to {c2:,}.",
    "{co} reported {m} of ${a}.{d} billion for fiscal 2024, up {p}% year over year.",
    "The company expects {m} between ${a} million and ${b} million next quarter.",
    "{m} grew {bp} basis points sequentially.",
    "We added {n} new clients in September 2025.",
    "Demand for Python, SQL and Kubernetes skills rose {p}% in the first half of 2025.",
    "{m} was flat at ${a} million compared with Q2.",
    "Management did not comment on the outlook.",
    "Shares closed at ${a}.{d} on Nov. 5, 2025.",
    "In Q3 FY24, {m} declined to €{a} million from €{b} million.",
    "Hiring of data engineers increased by {p} pct, the firm said — a record.",
    "Bookings rose {p}%\u2028to ${a} million\u0085in Q4\u2029(unaudited).",
    "About {n} employees, or {p}% of staff, work remotely.",
]


def make_docs(n=200, seed=7):
    rnd = random.Random(seed)
    docs = []
    for i in range(n):
        k = rnd.randint(1, 6)
        parts = []
        for _ in range(k):
            a = rnd.randint(2, 900)
            parts.append(rnd.choice(SENTENCES).format(
                m=rnd.choice(METRICS), co=rnd.choice(COMPANIES), p=rnd.randint(1, 60), a=a,
                b=a + rnd.randint(1, 90), d=rnd.randint(0, 9), c1=rnd.randint(1000, 999000),
                c2=rnd.randint(1000, 999000), bp=rnd.randint(5, 300), n=rnd.randint(2, 5000)))
        sep = "\n" if i % 5 == 0 else " "
        doc = {"id": f"doc-{i:04d}", "text": sep.join(parts)}
        if i % 3 == 0:
            doc["title"] = f"{rnd.choice(COMPANIES)} results"
            doc["date"] = f"2025-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
            doc["company"] = rnd.choice(COMPANIES)
        if i % 50 == 17:
            del doc["id"]  # a document without an id: placeholder `-:LINE`
        docs.append(doc)
    return docs


def lines_of(text):
    # Not str.splitlines(): that also splits at U+2028, U+0085..., which JSON output keeps raw.
    return text.split("\n")[:-1] if text.endswith("\n") else text.split("\n")


def parse(lines):
    return sorted((json.loads(x) for x in lines if x.strip()), key=lambda r: json.dumps(r, sort_keys=True))


def direct(stdin_bytes, args=FILTER):
    p = subprocess.run([BIN, *args], input=stdin_bytes, capture_output=True)
    assert p.returncode == 0, p.stderr.decode()
    return lines_of(p.stdout.decode())


def flatten(rec):
    """The flat row of the tool's Parquet tables (nested fields joined with `_`; a mention's
    value split into value_number / value_text): an independent statement of the rule."""
    out = {}
    for k, v in rec.items():
        if k == "extra":  # a JSON object in a string column; compared parsed
            out[k] = v
        elif isinstance(v, dict):
            for kk, vv in v.items():
                out[f"{k}_{kk}"] = vv
        elif rec.get("type") == "mention" and k == "value":
            num = rec["kind"] in ("percent", "count", "money")
            out["value_number"] = v if num else None
            out["value_text"] = None if num else v
        else:
            out[k] = v
    return out


def row_key(d):
    return json.dumps(d, sort_keys=True, default=str)


def rows_equal_records(rows, records):
    """Compare Spark rows with JSON records of one type, on the rows' columns (absent or
    null struct fields are null in the row)."""
    got = [r.asDict(recursive=True) for r in rows]
    for d in got:
        if isinstance(d.get("extra"), str):
            d["extra"] = json.loads(d["extra"])
    got.sort(key=lambda d: d["id"] if "id" in d else row_key(d))
    want = []
    cols = list(got[0].keys()) if got else []
    for rec in records:
        flat = flatten(rec)
        want.append({c: flat.get(c) for c in cols})
    want.sort(key=lambda d: d["id"] if "id" in d else row_key(d))
    assert len(got) == len(want)
    for g, w in zip(got, want):
        assert g == w


# ------------------------------------------------------------------ fixtures


@pytest.fixture(scope="module")
def spark(tmp_path_factory):
    from pyspark.sql import SparkSession

    s = (SparkSession.builder.master("local[2]").appName("claimscan-spark-test")
         .config("spark.ui.enabled", "false")
         .config("spark.ui.showConsoleProgress", "false")
         .config("spark.driver.host", "127.0.0.1")
         .config("spark.driver.bindAddress", "127.0.0.1")
         .config("spark.sql.shuffle.partitions", "2")
         .config("spark.sql.warehouse.dir", str(tmp_path_factory.mktemp("warehouse")))
         .getOrCreate())
    s.sparkContext.setLogLevel("ERROR")
    s.sparkContext.addFile(BIN)  # what `spark-submit --files BIN` does
    yield s
    s.stop()


@pytest.fixture(scope="module")
def work(tmp_path_factory):
    return tmp_path_factory.mktemp("claimscan-spark")


@pytest.fixture(scope="module")
def docs_file(work):
    p = work / "docs.jsonl"
    p.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in make_docs()), encoding="utf-8")
    return p


@pytest.fixture(scope="module")
def expected(docs_file):
    lines = direct(docs_file.read_bytes())
    recs = parse(lines)
    kinds = {r["type"] for r in recs}
    assert {"mention", "claim", "doc"} <= kinds, kinds
    assert sum(r["type"] == "doc" for r in recs) == 200
    return recs


@pytest.fixture(scope="module")
def native_dir(work, docs_file):
    """`claimscan scan --format parquet -o DIR` on the same documents."""
    out = work / "native"
    p = subprocess.run([BIN, "scan", "-q", "--input-format", "jsonl", "--format", "parquet", "-o", str(out),
                        str(docs_file)], capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    assert sorted(f.name for f in out.iterdir()) == sorted(f"{t}.parquet" for t in TABLES)
    return out


@pytest.fixture(scope="module")
def records_ddl():
    p = subprocess.run([BIN, "schema", "--format", "spark-ddl", "--records"], capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    return p.stdout.strip()


def table_schema(table):
    from pyspark.sql.types import StructType

    p = subprocess.run([BIN, "schema", "--format", "spark-ddl", "--table", table], capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    return StructType.fromDDL(p.stdout.strip())


def tool_name():
    return os.path.basename(BIN)


# ------------------------------------------------------------------ (a) driver == direct run


def test_driver_jsonl_equals_direct_run(spark, work, docs_file, expected):
    # A lexicon shipped like `--files extra-skills.tsv` and named through {sparkfiles} (a skill
    # that the documents do not mention: the tool exits 2 if it cannot read the file).
    lexicon = work / "extra-skills.tsv"
    lexicon.write_text("Quantum basket weaving\tQBW\tS-TEST\n")
    spark.sparkContext.addFile(str(lexicon))
    out = work / "a-jsonl"
    cs.main(["--input", f"file://{docs_file}", "--output", f"file://{out}", "--format", "jsonl",
             "--tool", tool_name(), "--partitions", "4",
             "--tool-args", "--skills {sparkfiles}/extra-skills.tsv"], spark=spark)
    lines = [x for f in sorted(out.glob("part-*")) for x in lines_of(f.read_text(encoding="utf-8"))]
    assert len(list(out.glob("part-*"))) >= 4
    assert parse(lines) == expected


def test_driver_text_folder_equals_folder_run(spark, work):
    folder = work / "articles"
    (folder / "sub").mkdir(parents=True)
    for i, d in enumerate(make_docs(30, seed=11)):
        sub = "sub/" if i % 4 == 0 else ""
        (folder / f"{sub}a{i:02d}.txt").write_text(d["text"] + "\n", encoding="utf-8")
    (folder / "empty.txt").write_text("")
    out = work / "a-text"
    cs.main(["--input", f"file://{folder}", "--input-format", "text", "--recursive", "--output", f"file://{out}",
             "--format", "jsonl", "--tool", BIN, "--partitions", "3"], spark=spark)
    lines = [x for f in sorted(out.glob("part-*")) for x in lines_of(f.read_text(encoding="utf-8"))]
    p = subprocess.run([BIN, "scan", "-q", str(folder)], capture_output=True, text=True)
    assert p.returncode == 1, p.stderr  # 1: the empty file's warning
    want = parse(lines_of(p.stdout))
    warning = {"type": "error", "doc": "empty.txt", "path": str(folder / "empty.txt"),
               "message": "empty file (0 bytes)", "severity": "warning"}
    assert warning in want  # a folder run warns about an empty file; the text route does not
    assert parse(lines) == [r for r in want if r != warning]
    assert sum(json.loads(x)["type"] == "doc" for x in lines) == 31


def test_empty_partitions_start_no_process(spark):
    cs.ship_this_module()
    run = cs.partition_runner("/nonexistent/claimscan", FILTER, 1, False)
    assert spark.sparkContext.parallelize([], 3).mapPartitionsWithIndex(run).collect() == []


# ------------------------------------------------------------------ (b) SQL TRANSFORM


def sql_statements(path, **vars):
    text = (HERE / path).read_text()
    text = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("--"))
    text = re.sub(r"\$\{(\w+)\}", lambda m: vars[m.group(1)], text)
    return [s.strip() for s in text.split(";") if s.strip()]


def test_sql_transform_gives_the_same_claims(spark, work, docs_file, expected, records_ddl):
    sql = (HERE / "transform.sql").read_text()
    assert f"from_json(line, '{records_ddl}', " in sql, "transform.sql: update the records DDL"
    out = work / "b-sql"
    for stmt in sql_statements("transform.sql", input=f"file://{docs_file}", output=f"file://{out}",
                               partitions="2"):
        spark.sql(stmt)
    claims = spark.read.parquet(f"file://{out}/claims.parquet").collect()
    want = [r for r in expected if r["type"] == "claim"]
    assert len(claims) == len(want) > 50
    # Documents without an id are named by their line in each task's stdin (`-:LINE`): no
    # renumbering in SQL, so those are compared by count only.
    rows_equal_records([r for r in claims if not r.doc.startswith("-:")],
                       [r for r in want if not r["doc"].startswith("-:")])
    # All four tables have the columns and types of the tool's own tables (its table DDL).
    for table in TABLES:
        ours = spark.read.parquet(f"file://{out}/{table}.parquet").schema
        assert [(f.name, f.dataType) for f in ours] == [(f.name, f.dataType) for f in table_schema(table)], table
    # A malformed line fails the query.
    bad = work / "b-bad.jsonl"
    bad.write_text(docs_file.read_text(encoding="utf-8") + "{oops\n", encoding="utf-8")
    with pytest.raises(Exception, match=r"Subprocess exited with status 1"):
        for stmt in sql_statements("transform.sql", input=f"file://{bad}", output=f"file://{work}/b-bad",
                                   partitions="2"):
            spark.sql(stmt)


# ------------------------------------------------------------------ (c) Parquet


def test_driver_parquet_reads_back(spark, work, docs_file, expected):
    out = work / "c-parquet"
    cs.main(["--input", f"file://{docs_file}", "--output", f"file://{out}", "--tool", tool_name(),
             "--partitions", "3"], spark=spark)
    for table, rtype in TABLES.items():
        df = spark.read.parquet(f"file://{out}/{table}.parquet")
        assert [(f.name, f.dataType) for f in df.schema] == [(f.name, f.dataType) for f in table_schema(table)]
        rows_equal_records(df.collect(), [r for r in expected if r["type"] == rtype])


def test_native_parquet_reads_back_in_spark(spark, docs_file, expected, native_dir):
    for table, rtype in TABLES.items():
        native = spark.read.parquet(f"file://{native_dir}/{table}.parquet")
        assert [(f.name, f.dataType) for f in native.schema] == [(f.name, f.dataType) for f in table_schema(table)]
        assert native.count() == sum(r["type"] == rtype for r in expected), table
        if table in ("mentions", "claims"):
            # Same rows, but for documents without an id, named FILE:LINE in batch mode
            # rather than -:LINE (and docs differ in `source`: the file rather than stdin).
            rows_equal_records([r for r in native.collect() if not r.doc.startswith(str(docs_file))],
                               [r for r in expected if r["type"] == rtype and not r["doc"].startswith("-:")])


# ------------------------------------------------------------------ (d) failures are loud


def test_malformed_line_fails_the_job(spark, work, docs_file):
    bad = work / "bad.jsonl"
    lines = lines_of(docs_file.read_text(encoding="utf-8"))
    lines.insert(57, '{"id": "broken", "text": ')
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(Exception, match=r"exited with status 1") as e:
        cs.main(["--input", f"file://{bad}", "--output", f"file://{work}/d-fail", "--format", "jsonl",
                 "--tool", tool_name(), "--partitions", "2"], spark=spark)
    assert "invalid JSON" in str(e.value)

    out = work / "d-allowed"
    cs.main(["--input", f"file://{bad}", "--output", f"file://{out}", "--format", "jsonl", "--tool", tool_name(),
             "--partitions", "2", "--allow-input-errors"], spark=spark)
    recs = [json.loads(x) for f in out.glob("part-*") for x in lines_of(f.read_text(encoding="utf-8"))]
    errors = [r for r in recs if r["type"] == "error"]
    assert len(errors) == 1 and errors[0]["record"] == 58
    assert sum(r["type"] == "doc" for r in recs) == 200


# ------------------------------------------------------------------ (e) empty environment


def test_rdd_pipe_with_empty_environment(spark, docs_file, expected):
    rdd = spark.sparkContext.textFile(f"file://{docs_file}", minPartitions=3)
    cmd = f"{BIN} scan -q --threads 1 --input-format jsonl -"
    out = rdd.pipe(cmd, env={}, checkCode=True).collect()
    got = parse(out)
    # `record` (the stdin line number) is per partition in a bare pipe: compare without it
    # (and without the `-:LINE` placeholder ids that follow it).
    def norm(recs):
        return sorted(row_key({k: v for k, v in r.items() if k != "record"}) for r in recs
                      if not r["doc"].startswith("-:"))
    assert norm(got) == norm(expected)
    assert sum(r["type"] == "doc" for r in got) == 200

    bad = spark.sparkContext.parallelize(['{"id": "x", "text": "ok"}', "not json"], 1)
    with pytest.raises(Exception, match=r"exited with error code 1"):
        bad.pipe(cmd, env={}, checkCode=True).collect()
