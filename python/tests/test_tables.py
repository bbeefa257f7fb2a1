"""tables gives the --format parquet tables, schema and rows."""

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import claimscan


@pytest.mark.parametrize("panel", [False, True])
def test_tables_equal_cli_parquet(cli, in_root, tmp_path, panel):
    args = ["scan", "--quiet", "--format", "parquet", "-o", str(tmp_path / "out"), "corpus"]
    if panel:
        args.insert(1, "--panel")
    code, _, err = cli(*args)
    assert code == 0, err
    got = claimscan.tables("corpus", panel=panel)
    names = ["mentions", "claims", "docs", "errors"] + (["panel"] if panel else [])
    assert list(got) == names
    for name in names:
        t = got[name]
        assert isinstance(t, pa.Table)
        want = pq.read_table(tmp_path / "out" / f"{name}.parquet")
        # Exactly the file's schema: names, types, nullability.
        assert t.schema.equals(want.schema, check_metadata=False), (name, t.schema, want.schema)
        assert t.num_rows == want.num_rows
        assert t.equals(want), name
    assert got["mentions"].num_rows > 1000 and got["claims"].num_rows > 100
    assert got["errors"].num_rows == 0


def test_tables_schema_is_the_published_one():
    # `claimscan schema --format arrow`, the same text the CLI prints.
    text = claimscan._claimscan.arrow_schemas()
    assert "table mentions" in text and "value_number: Float64" in text


def test_pandas_and_polars(in_root):
    polars = pytest.importorskip("polars")
    t = claimscan.tables("corpus", kinds=["percent", "money"])
    df = t["mentions"].to_pandas()
    assert len(df) == t["mentions"].num_rows > 0
    assert set(df["kind"]) == {"percent", "money"}
    assert str(df["start"].dtype) == "int64"
    c = t["claims"].to_pandas()
    assert list(c.columns) == t["claims"].column_names
    pl = polars.from_arrow(t["claims"])
    assert pl.height == t["claims"].num_rows
    assert pl.schema["mentions"] == polars.List(polars.String)
    pm = polars.from_arrow(t["mentions"])
    assert pm["value_number"].dtype == polars.Float64


def test_error_rows(tmp_path, cli):
    (tmp_path / "b.txt").write_bytes(b"\x00\x01")
    t = claimscan.tables([tmp_path / "b.txt", tmp_path / "nope.txt"])
    errs = t["errors"].to_pylist()
    assert len(errs) == 2 and all(e["severity"] == "error" for e in errs)
    assert t["mentions"].num_rows == 0
    assert t["mentions"].schema.field("start").type == pa.int64()
