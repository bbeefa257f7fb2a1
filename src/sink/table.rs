/*!
Flat, typed tables: CSV and Parquet output, and their published schemas.

The JSON-lines records are the contract; the tables are a flat view of
them, one table per record type, defined once here ([`TABLES`]) and used
for the writers, `claimscan schema --format arrow|spark-ddl`, and the
round-trip tests:

| table | record type | file |
|---|---|---|
| `mentions` | `mention` | `mentions.csv` / `mentions.parquet` |
| `claims` | `claim` | `claims.csv` / `claims.parquet` |
| `docs` | `doc` | `docs.csv` / `docs.parquet` |
| `errors` | `error` | `errors.csv` / `errors.parquet` |
| `panel` | `panel` | `panel.csv` / `panel.parquet` (`claimscan panel`, `scan --panel`) |

Nested fields are flattened with `_` (`value.unit` → `value_unit`,
`check.agrees` → `check_agrees`). A mention's `value` is a number for
percent, count and money and a string for date and skill, so it has two
typed columns, `value_number` and `value_text` (one of them null). Offsets,
record numbers and sizes are 64-bit integers, values are doubles,
`forward` is a boolean, a claim's `mentions` and the `qualifiers` are
lists of strings (JSON arrays in CSV), a doc's `extra` and a panel's
`sources`, `values` and `changes` are JSON text in a string. Missing
values are nulls (empty fields in CSV).

[`TableWriter`] is an [`std::io::Write`] that takes the pipeline's JSON
lines and appends each record to its table, so every format carries
exactly the same records; files are written under temporary names and
renamed into place when the run ends. [`TableBatches`] takes the same
lines and keeps each table as Arrow record batches in memory, with the
Parquet files' schemas (the Python package's `claimscan.tables` hands them
to pyarrow).
*/

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use arrow_array::builder::{ListBuilder, StringBuilder};
use arrow_array::{
    ArrayRef, BooleanArray, Float64Array, Int64Array, RecordBatch, StringArray,
};
use arrow_schema::{DataType, Field, Schema};
use serde_json::Value;

/// A column's type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Type {
    /// UTF-8 text (objects and arrays as JSON text).
    Str,
    /// 64-bit integer.
    Int,
    /// 64-bit float.
    Float,
    /// Boolean.
    Bool,
    /// A list of strings.
    StrList,
}

/// One column of a table.
#[derive(Clone, Copy, Debug)]
pub struct Column {
    /// The column name.
    pub name: &'static str,
    /// Its type.
    pub ty: Type,
    /// The JSON path of its value in the record.
    pub path: &'static [&'static str],
    /// True when every record has a value.
    pub required: bool,
}

/// One table.
#[derive(Clone, Copy, Debug)]
pub struct Table {
    /// The table (and file) name.
    pub name: &'static str,
    /// The record type it holds.
    pub record: &'static str,
    /// Its columns.
    pub columns: &'static [Column],
}

const fn col(
    name: &'static str,
    ty: Type,
    path: &'static [&'static str],
    required: bool,
) -> Column {
    Column { name, ty, path, required }
}

use Type::{Bool, Float, Int, Str, StrList};

/// Every table.
pub const TABLES: &[Table] = &[
    Table {
        name: "mentions",
        record: "mention",
        columns: &[
            col("doc", Str, &["doc"], true),
            col("id", Str, &["id"], true),
            col("kind", Str, &["kind"], true),
            col("text", Str, &["text"], true),
            col("start", Int, &["start"], true),
            col("end", Int, &["end"], true),
            col("value_number", Float, &["value"], false),
            col("value_text", Str, &["value"], false),
            col("unit", Str, &["unit"], false),
            col("period", Str, &["period"], false),
        ],
    },
    Table {
        name: "claims",
        record: "claim",
        columns: &[
            col("doc", Str, &["doc"], true),
            col("id", Str, &["id"], true),
            col("start", Int, &["start"], true),
            col("end", Int, &["end"], true),
            col("text", Str, &["text"], true),
            col("metric", Str, &["metric"], true),
            col("subject", Str, &["subject"], false),
            col("value_value", Float, &["value", "value"], false),
            col("value_unit", Str, &["value", "unit"], false),
            col("value_kind", Str, &["value", "kind"], false),
            col("high_value", Float, &["high", "value"], false),
            col("high_unit", Str, &["high", "unit"], false),
            col("high_kind", Str, &["high", "kind"], false),
            col("change_value", Float, &["change", "value"], false),
            col("change_unit", Str, &["change", "unit"], false),
            col("direction", Str, &["direction"], false),
            col("from_value", Float, &["from", "value"], false),
            col("from_unit", Str, &["from", "unit"], false),
            col("from_kind", Str, &["from", "kind"], false),
            col("to_value", Float, &["to", "value"], false),
            col("to_unit", Str, &["to", "unit"], false),
            col("to_kind", Str, &["to", "kind"], false),
            col("basis", Str, &["basis"], false),
            col("period", Str, &["period"], false),
            col("speaker", Str, &["speaker"], false),
            col("forward", Bool, &["forward"], true),
            col("mentions", StrList, &["mentions"], true),
            col("check_computed", Float, &["check", "computed"], false),
            col("check_stated", Float, &["check", "stated"], false),
            col("check_agrees", Bool, &["check", "agrees"], false),
            col("concept", Str, &["concept"], false),
            col("qualifiers", StrList, &["qualifiers"], true),
        ],
    },
    Table {
        name: "docs",
        record: "doc",
        columns: &[
            col("doc", Str, &["doc"], true),
            col("source", Str, &["source"], false),
            col("format", Str, &["format"], false),
            col("record", Int, &["record"], false),
            col("title", Str, &["title"], false),
            col("date", Str, &["date"], false),
            col("company", Str, &["company"], false),
            col("url", Str, &["url"], false),
            col("chars", Int, &["chars"], true),
            col("bytes", Int, &["bytes"], true),
            col("extra", Str, &["extra"], false),
        ],
    },
    Table {
        name: "errors",
        record: "error",
        columns: &[
            col("doc", Str, &["doc"], false),
            col("path", Str, &["path"], false),
            col("record", Int, &["record"], false),
            col("message", Str, &["message"], true),
            col("severity", Str, &["severity"], true),
        ],
    },
    Table {
        name: "panel",
        record: "panel",
        columns: &[
            col("subject", Str, &["subject"], false),
            col("concept", Str, &["concept"], true),
            col("qualifiers", StrList, &["qualifiers"], true),
            col("period", Str, &["period"], false),
            col("forward", Bool, &["forward"], true),
            col("value_value", Float, &["value", "value"], true),
            col("value_unit", Str, &["value", "unit"], false),
            col("value_high", Float, &["value", "high"], false),
            col("sources", Str, &["sources"], true),
            col("agree", Bool, &["agree"], true),
            col("values", Str, &["values"], true),
            col("changes", Str, &["changes"], true),
        ],
    },
];

/// The tables `claimscan scan` writes (without `--panel`).
pub const SCAN_TABLES: &[&str] = &["mentions", "claims", "docs", "errors"];

/// The table holding records of `record` type.
pub fn table(name: &str) -> Option<&'static Table> {
    TABLES.iter().find(|t| t.name == name || t.record == name)
}

/// One cell.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Null.
    Null,
    /// Text.
    Str(String),
    /// Integer.
    Int(i64),
    /// Float.
    Float(f64),
    /// Boolean.
    Bool(bool),
    /// List of strings.
    List(Vec<String>),
}

impl Column {
    /// This column's cell for a record.
    pub fn cell(&self, record: &Value) -> Cell {
        let mut v = record;
        for k in self.path {
            match v.get(k) {
                Some(x) => v = x,
                None => return Cell::Null,
            }
        }
        match (self.ty, v) {
            (_, Value::Null) => Cell::Null,
            (Type::Str, Value::String(s)) => Cell::Str(s.clone()),
            (Type::Str, Value::Object(_) | Value::Array(_)) => {
                Cell::Str(v.to_string())
            }
            (Type::Int, Value::Number(n)) => {
                n.as_i64().map_or(Cell::Null, Cell::Int)
            }
            (Type::Float, Value::Number(n)) => {
                n.as_f64().map_or(Cell::Null, Cell::Float)
            }
            (Type::Bool, Value::Bool(b)) => Cell::Bool(*b),
            (Type::StrList, Value::Array(a)) => Cell::List(
                a.iter()
                    .map(|x| {
                        x.as_str()
                            .map_or_else(|| x.to_string(), str::to_string)
                    })
                    .collect(),
            ),
            _ => Cell::Null,
        }
    }
}

impl Table {
    /// The Arrow schema of this table.
    pub fn arrow_schema(&self) -> Schema {
        Schema::new(
            self.columns
                .iter()
                .map(|c| Field::new(c.name, arrow_type(c.ty), !c.required))
                .collect::<Vec<_>>(),
        )
    }

    /// This table's Arrow schema, one `name: Type[ not null]` line per
    /// field.
    pub fn arrow_text(&self) -> String {
        self.arrow_schema()
            .fields()
            .iter()
            .map(|f| {
                format!(
                    "{}: {}{}\n",
                    f.name(),
                    f.data_type(),
                    if f.is_nullable() { "" } else { " not null" }
                )
            })
            .collect()
    }

    /// The Spark SQL DDL of this table (`name TYPE, ...`).
    pub fn spark_ddl(&self) -> String {
        self.columns
            .iter()
            .map(|c| {
                let ty = match c.ty {
                    Type::Str => "STRING",
                    Type::Int => "BIGINT",
                    Type::Float => "DOUBLE",
                    Type::Bool => "BOOLEAN",
                    Type::StrList => "ARRAY<STRING>",
                };
                let nn = if c.required { " NOT NULL" } else { "" };
                format!("`{}` {ty}{nn}", c.name)
            })
            .collect::<Vec<_>>()
            .join(", ")
    }
}

fn arrow_type(t: Type) -> DataType {
    match t {
        Type::Str => DataType::Utf8,
        Type::Int => DataType::Int64,
        Type::Float => DataType::Float64,
        Type::Bool => DataType::Boolean,
        Type::StrList => {
            DataType::List(Arc::new(Field::new("item", DataType::Utf8, true)))
        }
    }
}

/// The Spark DDL of the JSON-lines records themselves (every record type
/// in one schema: parse any output line with it, then filter on `type`).
/// A mention's `value` (number or string) and a claim's `value` (an
/// object) share the name, so `value` is a STRING holding the number, the
/// string, or the object's JSON; parse a claim's with
/// `from_json(value, 'value DOUBLE, unit STRING, kind STRING')` (a
/// panel's: `'value DOUBLE, unit STRING, high DOUBLE'`).
pub const SPARK_RECORDS_DDL: &str = "`type` STRING, `doc` STRING, `id` STRING, `kind` STRING, `text` STRING, `start` BIGINT, `end` BIGINT, `value` STRING, `unit` STRING, `period` STRING, `metric` STRING, `subject` STRING, `high` STRUCT<`value`: DOUBLE, `unit`: STRING, `kind`: STRING>, `change` STRUCT<`value`: DOUBLE, `unit`: STRING>, `direction` STRING, `from` STRUCT<`value`: DOUBLE, `unit`: STRING, `kind`: STRING>, `to` STRUCT<`value`: DOUBLE, `unit`: STRING, `kind`: STRING>, `basis` STRING, `speaker` STRING, `forward` BOOLEAN, `mentions` ARRAY<STRING>, `check` STRUCT<`computed`: DOUBLE, `stated`: DOUBLE, `agrees`: BOOLEAN>, `concept` STRING, `qualifiers` ARRAY<STRING>, `path` STRING, `record` BIGINT, `message` STRING, `severity` STRING, `source` STRING, `format` STRING, `title` STRING, `date` STRING, `company` STRING, `url` STRING, `chars` BIGINT, `bytes` BIGINT, `extra` MAP<STRING, STRING>, `sources` ARRAY<STRUCT<`claim`: STRING, `doc`: STRING>>, `agree` BOOLEAN, `values` ARRAY<STRUCT<`value`: DOUBLE, `unit`: STRING, `high`: DOUBLE, `claims`: ARRAY<STRING>>>, `changes` ARRAY<STRUCT<`value`: DOUBLE, `unit`: STRING, `basis`: STRING, `direction`: STRING, `claim`: STRING>>";

/// Table output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableFormat {
    /// CSV with a header row.
    Csv,
    /// Parquet (snappy).
    Parquet,
}

/// Rows buffered before a Parquet record batch is written.
const BATCH_ROWS: usize = 64 * 1024;

enum Out {
    Csv(csv::Writer<BufWriter<File>>),
    Parquet(parquet::arrow::ArrowWriter<File>, Vec<Vec<Cell>>),
}

/// One table being written.
struct Open {
    table: &'static Table,
    out: Out,
    tmp: PathBuf,
    dest: PathBuf,
    rows: u64,
}

/// Takes JSON-lines records and writes them into one file per table.
pub struct TableWriter {
    tables: Vec<Open>,
    pending: Vec<u8>,
}

fn io_err(e: impl std::fmt::Display) -> io::Error {
    io::Error::other(e.to_string())
}

impl TableWriter {
    /// Creates `dir` (if needed) and one file per table named in `names`
    /// (table names of [`TABLES`]; records of other types are an error).
    pub fn create(
        dir: &Path,
        format: TableFormat,
        names: &[&str],
    ) -> io::Result<TableWriter> {
        std::fs::create_dir_all(dir)?;
        let ext = match format {
            TableFormat::Csv => "csv",
            TableFormat::Parquet => "parquet",
        };
        let mut tables = Vec::new();
        for t in TABLES.iter().filter(|t| names.contains(&t.name)) {
            let dest = dir.join(format!("{}.{ext}", t.name));
            let tmp = dir.join(format!(
                ".{}.{ext}.tmp-{}",
                t.name,
                std::process::id()
            ));
            let file = File::create(&tmp)?;
            let out = match format {
                TableFormat::Csv => {
                    let mut w = csv::Writer::from_writer(
                        BufWriter::with_capacity(1 << 20, file),
                    );
                    w.write_record(t.columns.iter().map(|c| c.name))
                        .map_err(io_err)?;
                    Out::Csv(w)
                }
                TableFormat::Parquet => {
                    let props =
                        parquet::file::properties::WriterProperties::builder()
                            .set_compression(
                                parquet::basic::Compression::SNAPPY,
                            )
                            .build();
                    let w = parquet::arrow::ArrowWriter::try_new(
                        file,
                        Arc::new(t.arrow_schema()),
                        Some(props),
                    )
                    .map_err(io_err)?;
                    Out::Parquet(w, vec![Vec::new(); t.columns.len()])
                }
            };
            tables.push(Open { table: t, out, tmp, dest, rows: 0 });
        }
        Ok(TableWriter { tables, pending: Vec::new() })
    }

    /// Appends one record (a parsed JSON line) to its table.
    pub fn push(&mut self, record: &Value) -> io::Result<()> {
        let ty = record.get("type").and_then(Value::as_str).unwrap_or("");
        let Some(open) = self.tables.iter_mut().find(|o| o.table.record == ty)
        else {
            return Err(io_err(format!("record of unknown type {ty:?}")));
        };
        open.rows += 1;
        let cells = open.table.columns.iter().map(|c| c.cell(record));
        match &mut open.out {
            Out::Csv(w) => {
                let fields: Vec<String> = cells
                    .map(|c| match c {
                        Cell::Null => String::new(),
                        Cell::Str(s) => s,
                        Cell::Int(i) => i.to_string(),
                        Cell::Float(f) => {
                            if f.fract() == 0.0 && f.abs() < 9.0e15 {
                                (f as i64).to_string()
                            } else {
                                f.to_string()
                            }
                        }
                        Cell::Bool(b) => b.to_string(),
                        Cell::List(l) => serde_json::to_string(&l)
                            .expect("strings serialize"),
                    })
                    .collect();
                w.write_record(&fields).map_err(io_err)?;
            }
            Out::Parquet(w, cols) => {
                for (i, c) in cells.enumerate() {
                    cols[i].push(c);
                }
                if cols[0].len() >= BATCH_ROWS {
                    let batch = to_batch(open.table, cols)?;
                    w.write(&batch).map_err(io_err)?;
                }
            }
        }
        Ok(())
    }

    /// Rows written per table, in [`TABLES`] order.
    pub fn rows(&self) -> Vec<(&'static str, u64)> {
        self.tables.iter().map(|o| (o.table.name, o.rows)).collect()
    }

    /// Writes what is buffered, closes the files and renames them into
    /// place.
    pub fn finish(mut self) -> io::Result<()> {
        if !self.pending.is_empty() {
            return Err(io_err("output ended inside a record"));
        }
        for o in self.tables.drain(..) {
            match o.out {
                Out::Csv(w) => {
                    let inner = w.into_inner().map_err(io_err)?;
                    let f = inner.into_inner().map_err(io_err)?;
                    f.sync_all()?;
                }
                Out::Parquet(mut w, mut cols) => {
                    if !cols[0].is_empty() {
                        let batch = to_batch(o.table, &mut cols)?;
                        w.write(&batch).map_err(io_err)?;
                    }
                    w.close().map_err(io_err)?;
                }
            }
            std::fs::rename(&o.tmp, &o.dest)?;
        }
        Ok(())
    }
}

impl Drop for TableWriter {
    fn drop(&mut self) {
        // Not finished (an error): leave no temporary files behind.
        for o in &self.tables {
            let _ = std::fs::remove_file(&o.tmp);
        }
    }
}

fn to_batch(t: &Table, cols: &mut [Vec<Cell>]) -> io::Result<RecordBatch> {
    let arrays: Vec<ArrayRef> = t
        .columns
        .iter()
        .zip(cols.iter_mut())
        .map(|(c, cells)| {
            let cells = std::mem::take(cells);
            // One typed column from the cells of its variant (others are
            // nulls).
            macro_rules! column {
                ($array:ident, $variant:ident) => {
                    Arc::new($array::from(
                        cells
                            .into_iter()
                            .map(|x| match x {
                                Cell::$variant(v) => Some(v),
                                _ => None,
                            })
                            .collect::<Vec<_>>(),
                    ))
                };
            }
            let a: ArrayRef = match c.ty {
                Type::Str => column!(StringArray, Str),
                Type::Int => column!(Int64Array, Int),
                Type::Float => column!(Float64Array, Float),
                Type::Bool => column!(BooleanArray, Bool),
                Type::StrList => {
                    let mut b = ListBuilder::new(StringBuilder::new());
                    for x in cells {
                        match x {
                            Cell::List(l) => {
                                for s in l {
                                    b.values().append_value(s);
                                }
                                b.append(true);
                            }
                            _ => b.append(false),
                        }
                    }
                    Arc::new(b.finish())
                }
            };
            a
        })
        .collect();
    RecordBatch::try_new(Arc::new(t.arrow_schema()), arrays).map_err(io_err)
}

/// Feeds the complete lines of `buf` to `push`, parsed, keeping an
/// unfinished last line in `pending` for the next call.
fn push_lines(
    pending: &mut Vec<u8>,
    buf: &[u8],
    push: &mut dyn FnMut(&Value) -> io::Result<()>,
) -> io::Result<()> {
    let mut rest = buf;
    while let Some(nl) = memchr::memchr(b'\n', rest) {
        let line = if pending.is_empty() {
            &rest[..nl]
        } else {
            pending.extend_from_slice(&rest[..nl]);
            &pending[..]
        };
        let v: Value = serde_json::from_slice(line).map_err(io_err)?;
        pending.clear();
        push(&v)?;
        rest = &rest[nl + 1..];
    }
    pending.extend_from_slice(rest);
    Ok(())
}

impl Write for TableWriter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut pending = std::mem::take(&mut self.pending);
        let r = push_lines(&mut pending, buf, &mut |v| self.push(v));
        self.pending = pending;
        r.map(|()| buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// One table held in memory: its rows not yet in a batch, and its batches.
struct Held {
    table: &'static Table,
    schema: Arc<Schema>,
    cols: Vec<Vec<Cell>>,
    batches: Vec<RecordBatch>,
}

/// Takes JSON-lines records, as [`TableWriter`] does, and keeps each
/// table as Arrow record batches in memory instead of writing files. The
/// batches have exactly the schema and the rows of the Parquet files
/// `TableWriter` would write from the same lines ([`Table::arrow_schema`],
/// batches of at most 65,536 rows). For callers that want the tables
/// without files, such as the Python package's `claimscan.tables`.
///
/// ```
/// use std::io::Write;
/// use claimscan::sink::table::TableBatches;
///
/// let mut t = TableBatches::new(&["mentions", "errors"]);
/// t.write_all(b"{\"type\":\"error\",\"message\":\"x\",\"severity\":\"error\"}\n")?;
/// let tables = t.finish()?;
/// assert_eq!(tables[1].0, "errors");
/// assert_eq!(tables[1].2[0].num_rows(), 1);
/// # Ok::<(), std::io::Error>(())
/// ```
pub struct TableBatches {
    tables: Vec<Held>,
    pending: Vec<u8>,
}

/// One finished table: its name, its schema and its batches (none when
/// it has no rows).
pub type HeldTable = (&'static str, Arc<Schema>, Vec<RecordBatch>);

impl TableBatches {
    /// Holds the tables named in `names` (table names of [`TABLES`];
    /// records of other types are an error), in [`TABLES`] order.
    pub fn new(names: &[&str]) -> TableBatches {
        let tables = TABLES
            .iter()
            .filter(|t| names.contains(&t.name))
            .map(|t| Held {
                table: t,
                schema: Arc::new(t.arrow_schema()),
                cols: vec![Vec::new(); t.columns.len()],
                batches: Vec::new(),
            })
            .collect();
        TableBatches { tables, pending: Vec::new() }
    }

    /// Appends one record (a parsed JSON line) to its table.
    pub fn push(&mut self, record: &Value) -> io::Result<()> {
        let ty = record.get("type").and_then(Value::as_str).unwrap_or("");
        let Some(h) = self.tables.iter_mut().find(|h| h.table.record == ty)
        else {
            return Err(io_err(format!("record of unknown type {ty:?}")));
        };
        for (i, c) in h.table.columns.iter().enumerate() {
            h.cols[i].push(c.cell(record));
        }
        if h.cols[0].len() >= BATCH_ROWS {
            let batch = to_batch(h.table, &mut h.cols)?;
            h.batches.push(batch);
        }
        Ok(())
    }

    /// The tables, in [`TABLES`] order.
    pub fn finish(mut self) -> io::Result<Vec<HeldTable>> {
        if !self.pending.is_empty() {
            return Err(io_err("output ended inside a record"));
        }
        let mut out = Vec::with_capacity(self.tables.len());
        for mut h in self.tables.drain(..) {
            if !h.cols[0].is_empty() {
                let batch = to_batch(h.table, &mut h.cols)?;
                h.batches.push(batch);
            }
            out.push((h.table.name, h.schema, h.batches));
        }
        Ok(out)
    }
}

impl Write for TableBatches {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut pending = std::mem::take(&mut self.pending);
        let r = push_lines(&mut pending, buf, &mut |v| self.push(v));
        self.pending = pending;
        r.map(|()| buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The Arrow schemas of every table, printed one field per line under a
/// `table NAME` header.
pub fn arrow_schemas_text() -> String {
    let mut s = String::new();
    for t in TABLES {
        s.push_str(&format!(
            "table {} (record type \"{}\")\n",
            t.name, t.record
        ));
        for line in t.arrow_text().lines() {
            s.push_str(&format!("  {line}\n"));
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_follow_paths_and_types() {
        let m: Value =
            serde_json::json!({"type":"mention","value":43,"unit":"%"});
        let t = table("mention").unwrap();
        let get = |name: &str| {
            t.columns.iter().find(|c| c.name == name).unwrap().cell(&m)
        };
        assert_eq!(get("value_number"), Cell::Float(43.0));
        assert_eq!(get("value_text"), Cell::Null);
        assert_eq!(get("period"), Cell::Null);
        let c: Value = serde_json::json!({"type":"claim","change":{"value":7,"unit":"%"},"mentions":["a","b"],"forward":false});
        let t = table("claims").unwrap();
        let get = |name: &str| {
            t.columns.iter().find(|c| c.name == name).unwrap().cell(&c)
        };
        assert_eq!(get("change_value"), Cell::Float(7.0));
        assert_eq!(get("from_value"), Cell::Null);
        assert_eq!(get("mentions"), Cell::List(vec!["a".into(), "b".into()]));
        assert_eq!(get("forward"), Cell::Bool(false));
    }

    #[test]
    fn ddl_names_every_column() {
        for t in TABLES {
            let ddl = t.spark_ddl();
            for c in t.columns {
                assert!(ddl.contains(&format!("`{}` ", c.name)));
            }
        }
        assert!(
            TABLES[1]
                .spark_ddl()
                .contains("`mentions` ARRAY<STRING> NOT NULL")
        );
    }
}
