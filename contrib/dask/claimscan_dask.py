#!/usr/bin/env python3
"""Run claimscan on a Dask cluster (or a local one).

Two routes:

  jsonl   JSONL documents in (one {"id","text",...} per line, any fsspec path or glob), the tool
          as a filter on each partition (`claimscan scan -q --input-format jsonl -`), JSONL
          records out: OUTPUT/part-00000.jsonl, ... (one per input partition).

          python claimscan_dask.py jsonl --tool /shared/bin/claimscan --input 'docs/*.jsonl' --output out/

  shards  Files listed in a manifest, scanned by the tool itself in N shards
          (`claimscan scan --manifest M --shard K/N`), one task per shard, parts written by the
          tool (JSONL, or Parquet tables with --format parquet): OUTPUT/part-0000K-of-0000N[.jsonl].

          python claimscan_dask.py shards --tool /shared/bin/claimscan --manifest m.txt --shards 8 --output out/

Without --scheduler a LocalCluster on 127.0.0.1 is started (--workers processes, one thread each).
The tool must be at the same absolute path on every worker (shared storage), or be uploaded with
--upload (copied into each worker's local directory; the exec bit is restored there).

As in the Spark driver: a non-zero exit fails the task with the exit status and the tool's
stderr (exit 1 is accepted with --allow-input-errors, keeping the error records), threads per
tool process come from --threads (RAYON_NUM_THREADS is set too), and in the jsonl route the
`record` line numbers of doc/error records are renumbered to the line number in the whole input
(files in the order given/globbed), with the `-:LINE` ids of documents without an id, so the
output equals one `claimscan scan --input-format jsonl -` run over the concatenated input
(--no-renumber skips the extra counting pass).
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import uuid

FILTER_ARGS = ["scan", "-q", "--input-format", "jsonl", "-"]


class ToolFailed(RuntimeError):
    pass


def resolve_tool(tool):
    """The binary on this worker: an existing absolute path, else a copy uploaded with
    Client.upload_file (in the worker's local directory; upload drops the exec bit), else PATH."""
    if os.path.isabs(tool) and os.path.exists(tool):
        return tool
    try:
        from distributed import get_worker

        local = os.path.join(get_worker().local_directory, os.path.basename(tool))
        if os.path.exists(local):
            if not os.access(local, os.X_OK):
                os.chmod(local, 0o755)
            return local
    except (ImportError, ValueError):  # not inside a worker
        pass
    found = shutil.which(tool)
    if found:
        return found
    raise ToolFailed(f"claimscan binary {tool!r} not found on this worker (use a shared absolute path or --upload)")


def tool_env(threads):
    env = dict(os.environ)
    env["RAYON_NUM_THREADS"] = str(threads)
    return env


def check_status(exe, status, stderr, allow_input_errors):
    if status == 0 or (status == 1 and allow_input_errors):
        return
    tail = " | ".join(stderr.strip().splitlines()[-10:])
    hint = " (an input was lost or degraded; --allow-input-errors keeps the error records)" if status == 1 else ""
    raise ToolFailed(f"{exe} exited with status {status}{hint}; stderr: {tail}")


_RECORD_NO = re.compile(r',"record":(\d+)')


def _placeholder_fix(line, old, new):
    return re.sub(r'(?<=[:,\[])"' + re.escape(old) + r'([#"])', lambda m: f'"{new}{m.group(1)}', line)


def renumber(lines, offset):
    """Shift `record` of doc/error records (and `-:LINE` placeholder ids) by offset."""
    if offset == 0:
        return lines
    out, held = [], []
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
            out.extend(held)
            held = []
            out.append(line)
        elif line.startswith('{"type":"error"'):
            held.append(_RECORD_NO.sub(lambda m: f',"record":{int(m.group(1)) + offset}', line, count=1))
        else:
            held.append(line)
    out.extend(held)
    return out


def atomic_write_text(path, text):
    import fsspec

    fs, p = fsspec.core.url_to_fs(path)
    tmp = f"{p}.tmp-{uuid.uuid4().hex}"
    with fs.open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    fs.mv(tmp, p)


def filter_partition(lines, index, offset, output, tool, tool_args, threads, allow_input_errors):
    """Run the tool over one partition (a list of lines) and write OUTPUT/part-INDEX.jsonl.
    Returns the number of records by type."""
    counts = {}
    lines = [x if x.endswith("\n") else x + "\n" for x in lines]
    out = []
    if lines:
        exe = resolve_tool(tool)
        cmd = [exe, "scan", "--threads", str(threads), *tool_args[1:]]
        p = subprocess.run(cmd, input="".join(lines), capture_output=True, encoding="utf-8", env=tool_env(threads))
        check_status(exe, p.returncode, p.stderr, allow_input_errors)
        out = renumber(p.stdout.split("\n")[:-1] if p.stdout.endswith("\n") else p.stdout.split("\n"), offset)
    for line in out:
        t = line[9 : line.index('"', 9)] if line.startswith('{"type":"') else "?"
        counts[t] = counts.get(t, 0) + 1
    atomic_write_text(f"{output.rstrip('/')}/part-{index:05d}.jsonl", "".join(x + "\n" for x in out))
    return counts


def _ship_by_value():
    """Imported as a module (not run as a script), this file is not importable on the workers:
    pickle its functions by value instead."""
    if __name__ != "__main__":
        import cloudpickle

        cloudpickle.register_pickle_by_value(sys.modules[__name__])


def scan_jsonl(inputs, output, tool, tool_args=(), threads=1, blocksize="64MiB", allow_input_errors=False,
               renumber_records=True):
    """The jsonl route on the current Dask client (or the local scheduler). Returns record counts."""
    import dask
    import dask.bag as db
    import fsspec

    _ship_by_value()
    fs, root = fsspec.core.url_to_fs(output)
    fs.makedirs(root, exist_ok=True)
    args = FILTER_ARGS[:-1] + list(tool_args) + FILTER_ARGS[-1:]
    parts = db.read_text(inputs, blocksize=blocksize, linedelimiter="\n").to_delayed()
    offsets = [0] * len(parts)
    if renumber_records and len(parts) > 1:
        sizes = dask.compute(*[dask.delayed(len)(p) for p in parts])
        total = 0
        for i, n in enumerate(sizes):
            offsets[i], total = total, total + n
    tasks = [dask.delayed(filter_partition)(p, i, offsets[i], output, tool, args, threads, allow_input_errors)
             for i, p in enumerate(parts)]
    return merge_counts(dask.compute(*tasks))


def run_shard(k, n, manifest, output, tool, tool_args, threads, fmt, allow_input_errors):
    """Task K of N: `claimscan scan --manifest M --shard K/N`, written to its part atomically."""
    exe = resolve_tool(tool)
    name = f"part-{k:05d}-of-{n:05d}"
    final = os.path.join(output, name + (".jsonl" if fmt == "jsonl" else ""))
    tmp = os.path.join(output, ".tmp", f"{name}.{uuid.uuid4().hex}")
    os.makedirs(os.path.dirname(tmp), exist_ok=True)
    cmd = [exe, "scan", "-q", "--manifest", manifest, "--shard", f"{k}/{n}", "--threads", str(threads),
           "--format", fmt, "-o", tmp, *tool_args]
    p = subprocess.run(cmd, capture_output=True, encoding="utf-8", env=tool_env(threads))
    try:
        check_status(exe, p.returncode, p.stderr, allow_input_errors)
        if fmt != "jsonl" and os.path.isdir(final):
            shutil.rmtree(final)  # a folder cannot be replaced by one rename
        os.replace(tmp, final)
    finally:
        if os.path.isdir(tmp):
            shutil.rmtree(tmp, ignore_errors=True)
        elif os.path.exists(tmp):
            os.unlink(tmp)
    return {"part": final, "status": p.returncode, "summary": (p.stderr.strip().splitlines() or [""])[-1]}


def scan_shards(client, manifest, n, output, tool, tool_args=(), threads=1, fmt="jsonl", allow_input_errors=False):
    """The shards route: one task per shard on `client`. Paths must be visible to every worker."""
    _ship_by_value()
    manifest, output = os.path.abspath(manifest), os.path.abspath(output)
    os.makedirs(output, exist_ok=True)
    futures = client.map(run_shard, range(1, n + 1), n=n, manifest=manifest, output=output, tool=tool,
                         tool_args=list(tool_args), threads=threads, fmt=fmt,
                         allow_input_errors=allow_input_errors, pure=False)
    return client.gather(futures)


def merge_counts(dicts):
    total = {}
    for d in dicts:
        for k, v in d.items():
            total[k] = total.get(k, 0) + v
    return total


def main(argv=None):
    import shlex

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="route", required=True)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--output", required=True)
    common.add_argument("--tool", default="claimscan", help="absolute path on every worker, or a name with --upload/PATH")
    common.add_argument("--upload", action="store_true", help="copy --tool to every worker (Client.upload_file)")
    common.add_argument("--tool-args", default="", help='extra `claimscan scan` options, e.g. "--kinds percent,money"')
    common.add_argument("--threads", type=int, default=1, help="threads per tool process (default 1)")
    common.add_argument("--allow-input-errors", action="store_true", help="accept tool exit status 1")
    common.add_argument("--scheduler", help="address of a running scheduler (default: start a LocalCluster)")
    common.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="LocalCluster worker processes")
    j = sub.add_parser("jsonl", parents=[common], help="JSONL documents -> JSONL records (tool as a filter)")
    j.add_argument("--input", required=True, action="append", help="JSONL path or glob (fsspec); repeatable")
    j.add_argument("--blocksize", default="64MiB", help="bytes per partition (one tool process each)")
    j.add_argument("--no-renumber", action="store_true")
    s = sub.add_parser("shards", parents=[common], help="manifest of files -> N parts written by the tool")
    s.add_argument("--manifest", required=True)
    s.add_argument("--shards", type=int, required=True)
    s.add_argument("--format", choices=["jsonl", "parquet"], default="jsonl")
    a = ap.parse_args(argv)

    from dask.distributed import Client, LocalCluster

    cluster = None
    if a.scheduler:
        client = Client(a.scheduler)
    else:
        cluster = LocalCluster(n_workers=a.workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                               dashboard_address=None)
        client = Client(cluster)
    try:
        tool = a.tool
        if a.upload:
            client.upload_file(tool, load=False)
            tool = os.path.basename(tool)
        tool_args = shlex.split(a.tool_args)
        if a.route == "jsonl":
            counts = scan_jsonl(a.input, a.output, tool, tool_args, a.threads, a.blocksize, a.allow_input_errors,
                                not a.no_renumber)
            print("claimscan-dask: " + " ".join(f"{k}={v}" for k, v in sorted(counts.items())), file=sys.stderr)
        else:
            for r in scan_shards(client, a.manifest, a.shards, a.output, tool, tool_args, a.threads, a.format,
                                 a.allow_input_errors):
                print(f"claimscan-dask: {r['part']} (exit {r['status']}): {r['summary']}", file=sys.stderr)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
