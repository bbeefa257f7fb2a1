#!/usr/bin/env python3
"""Run claimscan over a Spark cluster: JSONL documents or a folder of text files in,
Parquet tables (mentions, claims, docs, errors) or raw JSONL records out.

    spark-submit --files /path/to/claimscan contrib/spark/claimscan_spark.py \
        --input hdfs:///corpus/docs/*.jsonl --output hdfs:///out/claimscan

The tool runs as a Unix filter (`claimscan scan -q --input-format jsonl -`), one process
per Spark partition, fed through stdin; see contrib/spark/README.md.

What this driver takes care of (pitfalls G1-G13 in the project's distributed recipe):

* The binary is found with SparkFiles.get() on each executor when --tool is a bare name
  shipped with `spark-submit --files` (its place differs between local and cluster mode);
  an absolute --tool path is used as is on every node.
* A non-zero exit of the tool fails the task (and so the job), with the tool's exit status,
  the last lines of its stderr and its first error record in the message. Exit 1 (an input
  line lost: malformed JSON, no text field) is accepted only with --allow-input-errors,
  which keeps the error records in the output.
* The child gets the executor's environment plus --threads (default: spark.task.cpus), so
  concurrent tasks do not oversubscribe the cores.
* Empty partitions start no process.
* Records are parsed with the explicit schema the tool prints
  (`claimscan schema --format spark-ddl --records`) in FAILFAST mode: no schema inference
  (which would run the tool twice) and no silently nulled rows. The parsed records are
  persisted once and split into one table per record type, with the flat columns of the
  tool's own Parquet output (`claimscan schema --format spark-ddl --table NAME`).
* JSONL input: the `record` field of doc and error records (the line number in the tool's
  stdin) is renumbered to the line number in the whole input, in Spark's partition order, and
  placeholder ids of documents without an id (`-:LINE`) with it, so that the output equals
  one `claimscan scan --input-format jsonl -` run over the concatenated input. This costs one
  extra pass that counts each partition's lines; --no-renumber skips it.
* Text-folder input: one document per file, id = the path relative to the input folder, and
  its doc record says where it came from (source = the file, format = text, bytes = its UTF-8
  size), as in a `claimscan scan FOLDER` run.
"""
import argparse
import collections
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import threading

TABLES = {"mentions": "mention", "claims": "claim", "docs": "doc", "errors": "error"}
DEFAULT_TOOL_ARGS = ["scan", "-q", "--input-format", "jsonl", "-"]


class ToolFailed(RuntimeError):
    pass


# --------------------------------------------------------------------------------------
# Executor side: run the tool over one partition.
# --------------------------------------------------------------------------------------


def resolve_tool(tool):
    """Absolute path of the binary on this node: an absolute --tool as is, else the copy
    shipped with --files / addFile (SparkFiles), else a program on PATH."""
    if os.path.isabs(tool):
        return tool
    try:
        from pyspark import SparkFiles

        shipped = SparkFiles.get(tool)
        if os.path.exists(shipped):
            if not os.access(shipped, os.X_OK):  # some file systems drop the exec bit
                os.chmod(shipped, os.stat(shipped).st_mode | 0o755)
            return shipped
    except Exception:  # no SparkContext/SparkFiles here: fall back to PATH
        pass
    found = shutil.which(tool)
    if found:
        return found
    raise ToolFailed(
        f"claimscan binary {tool!r} not found: ship it with `spark-submit --files /path/to/{tool}` "
        "(or SparkContext.addFile), or give --tool an absolute path that exists on every node"
    )


def run_tool(lines, exe, args, threads, allow_input_errors=False):
    """Feed `lines` (str, no trailing newline needed) to `exe args` on stdin and yield its
    stdout lines. Raises ToolFailed when the exit status is not 0 (or 1 with
    allow_input_errors). Starts no process for an empty iterator."""
    it = iter(lines)
    try:
        first = next(it)
    except StopIteration:
        return
    env = dict(os.environ)
    env["RAYON_NUM_THREADS"] = str(threads)
    cmd = [exe, *args[:1], "--threads", str(threads), *args[1:]] if args[:1] == ["scan"] else [exe, *args]
    proc = subprocess.Popen(
        cmd,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        encoding="utf-8",
        errors="strict",
        bufsize=1 << 16,
    )
    feed_error = []

    def feed():
        try:
            proc.stdin.write(first.rstrip("\n") + "\n")
            for line in it:
                proc.stdin.write(line.rstrip("\n") + "\n")
            proc.stdin.close()
        except BrokenPipeError:  # the tool stopped reading; its exit status says why
            pass
        except BaseException as e:  # noqa: BLE001 - reported after the tool has ended
            feed_error.append(e)
            try:
                proc.stdin.close()
            except BrokenPipeError:
                pass

    stderr_tail = collections.deque(maxlen=20)

    def drain_stderr():
        for line in proc.stderr:
            sys.stderr.write(line)  # the executor's log (the console in local mode)
            stderr_tail.append(line.rstrip("\n"))

    feeder = threading.Thread(target=feed, name="claimscan-stdin", daemon=True)
    drainer = threading.Thread(target=drain_stderr, name="claimscan-stderr", daemon=True)
    feeder.start()
    drainer.start()
    first_error = None
    finished = False
    try:
        for out in proc.stdout:
            out = out.rstrip("\n")
            if first_error is None and out.startswith('{"type":"error"'):
                first_error = out
            yield out
        finished = True
    finally:
        if not finished and proc.poll() is None:  # the consumer stopped early (take(), a failure)
            proc.kill()
        feeder.join()
        drainer.join()
        status = proc.wait()
    if feed_error:
        raise ToolFailed(f"feeding {exe} failed: {feed_error[0]!r}") from feed_error[0]
    if status == 0 or (status == 1 and allow_input_errors):
        return
    msg = f"{exe} exited with status {status}"
    if status == 1:
        msg += " (an input was lost or degraded; --allow-input-errors keeps the error records)"
    if first_error:
        msg += f"; first error record: {first_error}"
    if stderr_tail:
        msg += "; stderr: " + " | ".join(stderr_tail)
    raise ToolFailed(msg)


_RECORD_NO = re.compile(r',"record":(\d+)')


def _placeholder_fix(line, old, new):
    # Only string starts (after `:`, `,` or `[`): an unescaped quote never occurs inside a
    # JSON string, so text fields that happen to contain "-:N#" are left alone.
    line = re.sub(r'(?<=[:,\[])"' + re.escape(old) + r'([#"])', lambda m: f'"{new}{m.group(1)}', line)
    return line


def renumber(lines, offset):
    """Shift the `record` (stdin line number) of doc and error records by `offset`, and the
    `-:LINE` placeholder id of documents without an id with it. Records of a document come
    before its doc record, so they are held until it arrives (one document's records)."""
    if offset == 0:
        yield from lines
        return
    held = []
    for line in lines:
        if line.startswith('{"type":"doc"'):
            rec = json.loads(line)
            n = rec.get("record")
            if isinstance(n, int):
                new = n + offset
                if rec.get("doc") == f"-:{n}":
                    held = [_placeholder_fix(x, f"-:{n}", f"-:{new}") for x in held]
                    line = _placeholder_fix(line, f"-:{n}", f"-:{new}")
                line = _RECORD_NO.sub(f',"record":{new}', line, count=1)
            yield from held
            held.clear()
            yield line
        elif line.startswith('{"type":"error"'):
            held.append(_RECORD_NO.sub(lambda m: f',"record":{int(m.group(1)) + offset}', line, count=1))
        else:
            held.append(line)
    yield from held


def text_doc_records(lines, docs_meta):
    """Text-folder mode: rewrite each doc record's provenance to the file it came from.
    `docs_meta` is a deque of (id, source, bytes) in input order, filled by the feeder."""
    for line in lines:
        if line.startswith('{"type":"doc"'):
            rec = json.loads(line)
            while docs_meta and docs_meta[0][0] != rec["doc"]:
                docs_meta.popleft()  # cannot happen for documents we encoded ourselves
            if docs_meta:
                _, source, nbytes = docs_meta.popleft()
                rec.update(source=source, format="text", record=None, bytes=nbytes)
                line = json.dumps(rec, ensure_ascii=False, separators=(",", ":"))
        yield line


def expand_args(tool_args):
    """`{sparkfiles}` in an argument -> this node's SparkFiles folder (files shipped with --files)."""
    if not any("{sparkfiles}" in a for a in tool_args):
        return list(tool_args)
    from pyspark import SparkFiles

    root = SparkFiles.getRootDirectory()
    return [a.replace("{sparkfiles}", root) for a in tool_args]


def partition_runner(tool, tool_args, threads, allow_input_errors, offsets=None):
    def run(index, lines):
        exe = resolve_tool(tool)
        out = run_tool(lines, exe, expand_args(tool_args), threads, allow_input_errors)
        if offsets is not None:
            out = renumber(out, offsets[index])
        return out

    return run


def text_partition_runner(tool, tool_args, threads, allow_input_errors, root):
    def run(index, pairs):
        exe = resolve_tool(tool)
        meta = collections.deque()

        def encode():
            for path, text in pairs:
                doc_id = relative_id(path, root)
                meta.append((doc_id, local_source(path), len(text.encode("utf-8"))))
                yield json.dumps({"id": doc_id, "text": text}, ensure_ascii=False)

        return text_doc_records(run_tool(encode(), exe, expand_args(tool_args), threads, allow_input_errors), meta)

    return run


def relative_id(path, root):
    if root and path.startswith(root + "/"):
        return path[len(root) + 1 :]
    return path


def local_source(path):
    # file:/a/b -> /a/b (what a direct `claimscan scan /a` says); other schemes stay URIs.
    if path.startswith("file:///"):
        return path[len("file://") :]
    if path.startswith("file:/"):
        return path[len("file:") :]
    return path


# --------------------------------------------------------------------------------------
# Driver side.
# --------------------------------------------------------------------------------------


def tool_output(spark, tool, args):
    """Run `tool args` and return stdout: on the driver when the binary is here, else in
    one task on an executor (where --files put it)."""
    exe = None
    try:
        exe = resolve_tool(tool)
    except ToolFailed:
        pass
    if exe:
        p = subprocess.run([exe, *args], capture_output=True, text=True)
        if p.returncode != 0:
            raise ToolFailed(f"`{tool} {' '.join(args)}` exited with status {p.returncode}: {p.stderr.strip()}")
        return p.stdout

    def remote(_):
        p = subprocess.run([resolve_tool(tool), *args], capture_output=True, text=True)
        if p.returncode != 0:
            raise ToolFailed(f"`{tool} {' '.join(args)}` exited with status {p.returncode}: {p.stderr.strip()}")
        return [p.stdout]

    return spark.sparkContext.parallelize([0], 1).mapPartitions(remote).collect()[0]


def qualified_root(spark, path):
    """The input folder as Hadoop names the files under it (e.g. file:/tmp/x)."""
    sc = spark.sparkContext
    jpath = sc._jvm.org.apache.hadoop.fs.Path(path)
    fs = jpath.getFileSystem(sc._jsc.hadoopConfiguration())
    return fs.makeQualified(jpath).toString().rstrip("/")


def flat_columns(records_schema, table_schema, record_type):
    """Select expressions that turn the parsed records of one type into the flat table of the
    tool's own Parquet output (same names and types):

    * a column named like a record field is that field (a map, struct or array field stored in a
      STRING column, such as a doc's `extra`, as JSON text);
    * `a_b` is field b of a: of the struct a, or of the JSON object in the STRING a (a claim's
      `value`, which shares its name with a mention's number-or-string `value`);
    * a mention's value_number / value_text are its `value` for percent, count and money, and
      for date and skill.
    """
    from pyspark.sql import functions as F
    from pyspark.sql.types import ArrayType, MapType, StringType, StructField, StructType

    top = {f.name: f.dataType for f in records_schema.fields}
    table_cols = {f.name: f.dataType for f in table_schema.fields}

    def split(name):
        for i, ch in enumerate(name):
            if ch == "_" and i and name[:i] in top:
                yield name[:i], name[i + 1 :]

    def json_children(parent):
        return StructType([StructField(n[len(parent) + 1 :], t) for n, t in table_cols.items()
                           if n.startswith(parent + "_")])

    cols = []
    for field in table_schema.fields:
        name, want = field.name, field.dataType
        expr = None
        if record_type == "mention" and name in ("value_number", "value_text") and "value" in top:
            numeric = F.col("kind").isin("percent", "count", "money")
            expr = F.when(numeric if name == "value_number" else ~numeric, F.col("value"))
        elif name in top:
            expr = F.col(f"`{name}`")
            if isinstance(top[name], (MapType, StructType, ArrayType)) and isinstance(want, StringType):
                expr = F.to_json(expr)
        else:
            for parent, child in split(name):
                dt = top[parent]
                if isinstance(dt, StructType) and child in dt.fieldNames():
                    expr = F.col(f"`{parent}`").getField(child)
                elif isinstance(dt, StringType):
                    expr = F.from_json(F.col(f"`{parent}`"), json_children(parent)).getField(child)
                if expr is not None:
                    break
        if expr is None:
            raise ValueError(f"table column {name!r} has no source in the records schema")
        cols.append(expr.cast(want).alias(name))
    return cols


def parse_args(argv):
    ap = argparse.ArgumentParser(
        description="Run claimscan over Spark: JSONL docs or a folder of text files -> Parquet tables or JSONL records.",
    )
    ap.add_argument("--input", required=True, action="append",
                    help="JSONL file(s), folder or glob (any Hadoop path); repeatable")
    ap.add_argument("--input-format", choices=["jsonl", "text"], default="jsonl",
                    help="jsonl: one document per line ({\"id\",\"text\",...}); text: one document per file of "
                         "the folder(s) (read whole, as UTF-8 plain text)")
    ap.add_argument("--recursive", action="store_true", help="text: also read files in sub-folders")
    ap.add_argument("--output", required=True, help="output folder")
    ap.add_argument("--format", choices=["parquet", "jsonl"], default="parquet",
                    help="parquet: OUTPUT/{mentions,claims,docs,errors}.parquet folders with the tool's flat "
                         "columns; jsonl: OUTPUT/part-* files with the tool's records as they are")
    ap.add_argument("--tables", default=",".join(TABLES),
                    help="parquet: which tables to write (default: all)")
    ap.add_argument("--tool", default="claimscan",
                    help="binary: a bare name shipped with --files (default: claimscan), or an absolute path")
    ap.add_argument("--tool-args", default="",
                    help="extra options for `claimscan scan`, e.g. \"--field text=body --kinds percent,money\"; "
                         "{sparkfiles} stands for the folder of files shipped with --files "
                         "(\"--skills {sparkfiles}/skills.tsv\")")
    ap.add_argument("--threads", type=int, default=0, help="threads per tool process (default: spark.task.cpus)")
    ap.add_argument("--partitions", type=int, default=0,
                    help="minimum number of input partitions (default: Spark's); each one starts a process")
    ap.add_argument("--records-ddl", help="Spark DDL of the records (default: `claimscan schema --format "
                                          "spark-ddl --records`)")
    ap.add_argument("--allow-input-errors", action="store_true",
                    help="accept tool exit status 1 (lost input lines) and keep their error records")
    ap.add_argument("--no-renumber", action="store_true",
                    help="jsonl: keep per-partition line numbers in `record` (skips one counting pass)")
    ap.add_argument("--mode", default="errorifexists", choices=["errorifexists", "overwrite"],
                    help="what to do when the output exists (default: fail)")
    ap.add_argument("--compression", default=None,
                    help="jsonl: Hadoop codec class for the part files (e.g. org.apache.hadoop.io.compress.GzipCodec)")
    a = ap.parse_args(argv)
    unknown = set(a.tables.split(",")) - set(TABLES)
    if unknown:
        ap.error(f"--tables: unknown table(s) {sorted(unknown)}; known: {','.join(TABLES)}")
    return a


def ship_this_module():
    """Imported as a module (not run by spark-submit), this file is not on the executors'
    path: pickle its functions by value so that no addPyFile is needed."""
    if __name__ != "__main__":
        from pyspark import cloudpickle

        cloudpickle.register_pickle_by_value(sys.modules[__name__])


def build_records(spark, a):
    """The RDD of the tool's output lines (str)."""
    ship_this_module()
    sc = spark.sparkContext
    threads = a.threads or int(sc.getConf().get("spark.task.cpus", "1"))
    tool_args = DEFAULT_TOOL_ARGS[:-1] + shlex.split(a.tool_args) + DEFAULT_TOOL_ARGS[-1:]
    if a.input_format == "text":
        if a.recursive:
            sc._jsc.hadoopConfiguration().set("mapreduce.input.fileinputformat.input.dir.recursive", "true")
        if len(a.input) != 1:
            raise SystemExit("--input-format text takes one --input folder")
        root = qualified_root(spark, a.input[0])
        files = sc.wholeTextFiles(a.input[0], minPartitions=a.partitions or sc.defaultParallelism)
        return files.mapPartitionsWithIndex(
            text_partition_runner(a.tool, tool_args, threads, a.allow_input_errors, root)
        )
    docs = sc.textFile(",".join(a.input), minPartitions=a.partitions or sc.defaultParallelism)
    offsets = None
    if not a.no_renumber and docs.getNumPartitions() > 1:
        counts = docs.mapPartitionsWithIndex(lambda i, it: [(i, sum(1 for _ in it))]).collect()
        offsets, total = [0] * docs.getNumPartitions(), 0
        for i, n in sorted(counts):
            offsets[i] = total
            total += n
    return docs.mapPartitionsWithIndex(
        partition_runner(a.tool, tool_args, threads, a.allow_input_errors, offsets)
    )


def write_tables(spark, a, records):
    from pyspark import StorageLevel
    from pyspark.sql.types import StructType

    ddl = a.records_ddl or tool_output(spark, a.tool, ["schema", "--format", "spark-ddl", "--records"]).strip()
    schema = StructType.fromDDL(ddl)  # pyspark >= 4.0
    df = spark.read.schema(schema).option("mode", "FAILFAST").json(records)
    df = df.persist(StorageLevel.MEMORY_AND_DISK)  # one tool run feeds all tables
    try:
        for table in a.tables.split(","):
            rtype = TABLES[table]
            tddl = tool_output(spark, a.tool, ["schema", "--format", "spark-ddl", "--table", table]).strip()
            cols = flat_columns(df.schema, StructType.fromDDL(tddl), rtype)
            (df.where(df["type"] == rtype).select(*cols)
               .write.mode(a.mode).parquet(f"{a.output.rstrip('/')}/{table}.parquet"))
    finally:
        df.unpersist()


def main(argv=None, spark=None):
    a = parse_args(argv)
    own = spark is None
    if own:
        from pyspark.sql import SparkSession

        spark = SparkSession.builder.appName("claimscan").getOrCreate()
    try:
        records = build_records(spark, a)
        if a.format == "jsonl":
            if a.mode == "overwrite":
                sc = spark.sparkContext
                jpath = sc._jvm.org.apache.hadoop.fs.Path(a.output)
                fs = jpath.getFileSystem(sc._jsc.hadoopConfiguration())
                if fs.exists(jpath):
                    fs.delete(jpath, True)
            if a.compression:
                records.saveAsTextFile(a.output, compressionCodecClass=a.compression)
            else:
                records.saveAsTextFile(a.output)
        else:
            write_tables(spark, a, records)
    finally:
        if own:
            spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
