-- claimscan through Spark SQL script transformation (TRANSFORM ... USING): no Python, no Hive.
-- JSONL documents in, the four tables out as Parquet, with the flat columns of the tool's own
-- Parquet output (`claimscan schema --format spark-ddl --table NAME`).
--
--   spark-sql --master 'local[2]' --files /path/to/claimscan \
--     -d input=file:///data/docs.jsonl -d output=file:///data/out -d partitions=8 \
--     -f contrib/spark/transform.sql
--
-- The records' schema below is `claimscan schema --format spark-ddl --records` written out
-- (test_spark.py checks that it still is). It is not passed with -d: spark-sql replaces a
-- variable whose value contains "url" with "*********(redacted)".
--
-- The binary shipped with --files is found by its bare name: TRANSFORM runs the command with
-- the executor's environment, whose PATH Spark extends with the SparkFiles folder. A non-zero
-- exit (e.g. a malformed JSON line: exit 1) fails the query, with the tool's stderr in the error.
-- `--threads 1`: one tool thread per task (raise it together with spark.task.cpus).
-- `record` in docs/errors is the line number within each task's input (Spark SQL has no
-- partition offsets here, the Python driver claimscan_spark.py renumbers it).
-- The records are cached once (CACHE TABLE is eager), so the tool runs once for all four tables
-- (DROP VIEW frees the cache, and makes the script safe to run again in the same session).

CREATE OR REPLACE TEMPORARY VIEW claimscan_docs USING text OPTIONS (path '${input}');
DROP VIEW IF EXISTS claimscan_records;

CACHE TABLE claimscan_records AS
SELECT from_json(line, '`type` STRING, `doc` STRING, `id` STRING, `kind` STRING, `text` STRING, `start` BIGINT, `end` BIGINT, `value` STRING, `unit` STRING, `period` STRING, `metric` STRING, `subject` STRING, `high` STRUCT<`value`: DOUBLE, `unit`: STRING, `kind`: STRING>, `change` STRUCT<`value`: DOUBLE, `unit`: STRING>, `direction` STRING, `from` STRUCT<`value`: DOUBLE, `unit`: STRING, `kind`: STRING>, `to` STRUCT<`value`: DOUBLE, `unit`: STRING, `kind`: STRING>, `basis` STRING, `speaker` STRING, `forward` BOOLEAN, `mentions` ARRAY<STRING>, `check` STRUCT<`computed`: DOUBLE, `stated`: DOUBLE, `agrees`: BOOLEAN>, `concept` STRING, `qualifiers` ARRAY<STRING>, `path` STRING, `record` BIGINT, `message` STRING, `severity` STRING, `source` STRING, `format` STRING, `title` STRING, `date` STRING, `company` STRING, `url` STRING, `chars` BIGINT, `bytes` BIGINT, `extra` MAP<STRING, STRING>, `sources` ARRAY<STRUCT<`claim`: STRING, `doc`: STRING>>, `agree` BOOLEAN, `values` ARRAY<STRUCT<`value`: DOUBLE, `unit`: STRING, `high`: DOUBLE, `claims`: ARRAY<STRING>>>, `changes` ARRAY<STRUCT<`value`: DOUBLE, `unit`: STRING, `basis`: STRING, `direction`: STRING, `claim`: STRING>>', map('mode', 'FAILFAST')) AS r
FROM (
  SELECT TRANSFORM (value)
    USING 'claimscan scan -q --threads 1 --input-format jsonl -'
    AS (line STRING)
  FROM (SELECT /*+ REPARTITION(${partitions}) */ value FROM claimscan_docs)
);

INSERT OVERWRITE DIRECTORY '${output}/claims.parquet' USING parquet
SELECT r.doc, r.id, r.`start`, r.`end`, r.text, r.metric, r.subject,
       v.value AS value_value, v.unit AS value_unit, v.kind AS value_kind,
       r.high.value AS high_value, r.high.unit AS high_unit, r.high.kind AS high_kind,
       r.change.value AS change_value, r.change.unit AS change_unit,
       r.direction,
       r.`from`.value AS from_value, r.`from`.unit AS from_unit, r.`from`.kind AS from_kind,
       r.`to`.value AS to_value, r.`to`.unit AS to_unit, r.`to`.kind AS to_kind,
       r.basis, r.period, r.speaker, r.forward, r.mentions,
       r.`check`.computed AS check_computed, r.`check`.stated AS check_stated, r.`check`.agrees AS check_agrees,
       r.concept, r.qualifiers
FROM (SELECT r, from_json(r.value, 'value DOUBLE, unit STRING, kind STRING') AS v
      FROM claimscan_records WHERE r.type = 'claim');

INSERT OVERWRITE DIRECTORY '${output}/mentions.parquet' USING parquet
SELECT r.doc, r.id, r.kind, r.text, r.`start`, r.`end`,
       CASE WHEN r.kind IN ('percent', 'count', 'money') THEN CAST(r.value AS DOUBLE) END AS value_number,
       CASE WHEN r.kind NOT IN ('percent', 'count', 'money') THEN r.value END AS value_text,
       r.unit, r.period
FROM claimscan_records WHERE r.type = 'mention';

INSERT OVERWRITE DIRECTORY '${output}/docs.parquet' USING parquet
SELECT r.doc, r.source, r.format, r.record, r.title, r.date, r.company, r.url, r.chars, r.bytes,
       to_json(r.extra) AS extra
FROM claimscan_records WHERE r.type = 'doc';

INSERT OVERWRITE DIRECTORY '${output}/errors.parquet' USING parquet
SELECT r.doc, r.path, r.record, r.message, r.severity
FROM claimscan_records WHERE r.type = 'error';

DROP VIEW claimscan_records;
