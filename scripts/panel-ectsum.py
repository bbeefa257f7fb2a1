#!/usr/bin/env python3
"""ECTSum: the panel of each call's Reuters summary against the panel of its
transcript, and the time of `claimscan panel` over a whole-corpus scan.

Usage:
    python3 scripts/panel-ectsum.py compare [--shared ../shared] [--bin target/release/claimscan]
                                            [--work /tmp/panel-ectsum] [--jobs 2] [--json FILE]
    python3 scripts/panel-ectsum.py timing  [--shared ../shared] [--bin target/release/claimscan]
                                            [--work /tmp/panel-ectsum] [--runs 3]

compare  Every ECTSum pair (train, val, test; a pair is skipped when either
         file is listed in corpus/RESERVED.txt) is copied to
         WORK/input/<split>/<call>/{summary,transcript}.txt, with the call's
         date in WORK/doc-dates.tsv (the end of the quarter the file name
         gives, plus a month: q3_2021 -> 2021-11-01, q4_2020 -> 2021-02-01),
         so that "q3" in a summary and "third quarter" in a transcript
         resolve to the same period. One `claimscan scan` reads them all;
         then, per pair, the claim records of both files go through one
         `claimscan panel` with their subject set to null (a summary names
         the company "compname" or not at all, the transcript by name; both
         are about the call's company), so the panel's keys are (concept,
         qualifiers, period, forward). A key's sources say which side
         states a level for it, which is exactly the key set of each
         side's own panel. A key both sides state
           agrees     when some level is stated by both (one of its classes
                      holds claims of both files),
           disagrees  when no level is stated by both;
         `strict` counts the keys whose every source, on both sides, states
         the same level (the panel's `agree`).
timing   Scans all of ECTSum and MAEC (a speed run: reserved files are read
         too, nothing is tuned on them) to WORK/all.jsonl, then times
         `claimscan panel -q -o WORK/all-panel.jsonl WORK/all.jsonl` RUNS
         times, and prints input MB, lines, claims, panel records and
         seconds: wall clock (best and median) and CPU (user + system, which
         other jobs on a busy machine do not inflate).

Nothing from the corpus is written into the repository; the texts are
copied to WORK (under /tmp by default) only. Exit status 2 when the shared
corpus is absent.
"""

import argparse
import collections
import concurrent.futures
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def die(msg, code=2):
    print(f"panel-ectsum: {msg}", file=sys.stderr)
    sys.exit(code)


def reserved(shared):
    out = set()
    path = os.path.join(shared, "corpus", "RESERVED.txt")
    if os.path.exists(path):
        for line in open(path, encoding="utf-8"):
            line = line.strip()
            if line and not line.startswith("#"):
                out.add(line.split("\t")[0])
    return out


def call_date(stem):
    """The date a call about the quarter in its file name is held."""
    m = re.search(r"_q([1-4])_(\d{4})$", stem)
    if not m:
        return None
    q, y = int(m.group(1)), int(m.group(2))
    return f"{y + 1}-02-01" if q == 4 else f"{y}-{3 * q + 2:02d}-01"


def corpus_dir(shared, name):
    d = os.path.join(shared, "corpus", name)
    if not os.path.isdir(d):
        die(f"{d} is absent: this script needs the shared corpus "
            f"(give its parent folder with --shared)")
    return d


def binary(path):
    if not os.path.exists(path):
        die(f"{path} not found: run `cargo build --release` first (or give --bin)")
    return path


def pairs(shared):
    root = os.path.join(corpus_dir(shared, "ectsum"), "final")
    skip = reserved(shared)
    out, skipped = [], 0
    for split in sorted(os.listdir(root)):
        ects = os.path.join(root, split, "ects")
        sums = os.path.join(root, split, "gt_summaries")
        if not os.path.isdir(ects) or not os.path.isdir(sums):
            continue
        for name in sorted(os.listdir(sums)):
            if not name.endswith(".txt") or not os.path.exists(os.path.join(ects, name)):
                continue
            rel = [f"ectsum/final/{split}/{d}/{name}" for d in ("ects", "gt_summaries")]
            if any(r in skip for r in rel):
                skipped += 1
                continue
            out.append((split, name[:-4], os.path.join(sums, name), os.path.join(ects, name)))
    return out, skipped


def run_panel(args):
    binpath, path = args
    p = subprocess.run([binpath, "panel", "-q", path], capture_output=True, check=False)
    if p.returncode != 0:
        die(f"claimscan panel {path} failed: {p.stderr.decode(errors='replace')}")
    return [json.loads(l) for l in p.stdout.decode().splitlines() if l.strip()]


def side(doc):
    return "summary" if doc.endswith("/summary.txt") else "transcript"


def compare(a):
    binpath = binary(a.bin)
    ps, skipped = pairs(a.shared)
    work = a.work
    inp = os.path.join(work, "input")
    shutil.rmtree(inp, ignore_errors=True)
    os.makedirs(inp)
    dates = []
    for split, stem, summ, trans in ps:
        d = os.path.join(inp, split, stem)
        os.makedirs(d)
        shutil.copyfile(summ, os.path.join(d, "summary.txt"))
        shutil.copyfile(trans, os.path.join(d, "transcript.txt"))
        date = call_date(stem)
        if date:
            for f in ("summary.txt", "transcript.txt"):
                dates.append(f"{split}/{stem}/{f}\t{date}\n")
    with open(os.path.join(work, "doc-dates.tsv"), "w", encoding="utf-8") as f:
        f.writelines(dates)
    scan = os.path.join(work, "claims.jsonl")
    t0 = time.time()
    subprocess.run([binpath, "scan", "-q", "--doc-dates", os.path.join(work, "doc-dates.tsv"),
                    "-o", scan, inp], check=True)
    t_scan = time.time() - t0
    # Claims per pair, subject nulled.
    per_pair = collections.defaultdict(list)
    claims = collections.Counter()
    with open(scan, encoding="utf-8") as f:
        for line in f:
            if not line.startswith('{"type":"claim"'):
                continue
            r = json.loads(line)
            key = r["doc"].rsplit("/", 1)[0]
            claims[side(r["doc"])] += 1
            r["subject"] = None
            per_pair[key].append(json.dumps(r, ensure_ascii=False))
    pdir = os.path.join(work, "pairs")
    shutil.rmtree(pdir, ignore_errors=True)
    os.makedirs(pdir)
    jobs = []
    for split, stem, _, _ in ps:
        key = f"{split}/{stem}"
        path = os.path.join(pdir, f"{split}__{stem}.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(per_pair.get(key, [])) + "\n")
        jobs.append((binpath, path))
    t0 = time.time()
    with concurrent.futures.ThreadPoolExecutor(max_workers=a.jobs) as ex:
        panels = list(ex.map(run_panel, jobs))
    t_panel = time.time() - t0

    total = collections.Counter()
    by_concept = collections.defaultdict(collections.Counter)
    examples = collections.defaultdict(list)
    for (split, stem, _, _), recs in zip(ps, panels):
        for r in recs:
            sides = {side(s["doc"]) for s in r["sources"]}
            if sides == {"summary"}:
                label = "summary_only"
            elif sides == {"transcript"}:
                label = "transcript_only"
            else:
                if r["agree"]:
                    label = "agree"
                    total["strict"] += 1
                    by_concept[r["concept"]]["strict"] += 1
                else:
                    shared = any(
                        len({side(c.split("#", 1)[0]) for c in v["claims"]}) == 2
                        for v in r["values"]
                    )
                    label = "agree" if shared else "disagree"
                if label == "disagree" and len(examples[r["concept"]]) < 2:
                    examples[r["concept"]].append(
                        (f"{split}/{stem}", r["qualifiers"], r["period"], r["forward"],
                         [(v["value"], v["high"], v["unit"], sorted({side(c.split('#', 1)[0]) for c in v["claims"]}))
                          for v in r["values"]]))
            total[label] += 1
            by_concept[r["concept"]][label] += 1
    pairs_with_summary_keys = sum(
        1 for recs in panels if any(side(s["doc"]) == "summary" for r in recs for s in r["sources"]))
    both = total["agree"] + total["disagree"]
    s_keys = both + total["summary_only"]
    t_keys = both + total["transcript_only"]
    report = {
        "pairs": len(ps),
        "pairs_skipped_reserved": skipped,
        "pairs_with_a_summary_key": pairs_with_summary_keys,
        "claims": dict(claims),
        "summary_keys": s_keys,
        "transcript_keys": t_keys,
        "both": both,
        "agree": total["agree"],
        "strict_agree": total["strict"],
        "disagree": total["disagree"],
        "summary_only": total["summary_only"],
        "transcript_only": total["transcript_only"],
        "seconds_scan": round(t_scan, 1),
        "seconds_panel_all_pairs": round(t_panel, 1),
        "by_concept": {c: dict(v) for c, v in by_concept.items()},
    }
    pct = lambda n, d: f"{100 * n / d:.1f}%" if d else "-"
    print(f"pairs: {len(ps)} ({skipped} skipped: reserved)")
    print(f"claims: summary {claims['summary']}, transcript {claims['transcript']}")
    print(f"keys: summary {s_keys}, transcript {t_keys}, on both sides {both}")
    print(f"  agree            {total['agree']:6d}  ({pct(total['agree'], both)} of keys on both sides;"
          f" strict, every source the same level: {total['strict']})")
    print(f"  disagree         {total['disagree']:6d}  ({pct(total['disagree'], both)})")
    print(f"  summary only     {total['summary_only']:6d}  ({pct(total['summary_only'], s_keys)} of summary keys)")
    print(f"  transcript only  {total['transcript_only']:6d}")
    print()
    print("| concept | summary keys | on both | agree | disagree | summary only | transcript only |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    rows = sorted(by_concept.items(),
                  key=lambda kv: (-(kv[1]["agree"] + kv[1]["disagree"] + kv[1]["summary_only"]), kv[0]))
    for c, v in rows[: a.top]:
        b = v["agree"] + v["disagree"]
        print(f"| `{c}` | {b + v['summary_only']} | {b} | {v['agree']} | {v['disagree']} |"
              f" {v['summary_only']} | {v['transcript_only']} |")
    print()
    print("disagreements, first two of the top concepts (pair, qualifiers, period, forward, [(value, high, unit, sides)]):")
    for c, _ in rows[: a.top]:
        for ex in examples.get(c, []):
            print(f"  {c}: {ex}")
    print(f"\nscan {t_scan:.1f} s; {len(ps)} panel runs {t_panel:.1f} s")
    if a.json:
        with open(a.json, "w", encoding="utf-8") as f:
            json.dump(report, f, indent=1, sort_keys=True)


def timing(a):
    binpath = binary(a.bin)
    ects = corpus_dir(a.shared, "ectsum")
    maec = corpus_dir(a.shared, "maec")
    os.makedirs(a.work, exist_ok=True)
    scan = os.path.join(a.work, "all.jsonl")
    if not os.path.exists(scan) or a.rescan:
        t0 = time.time()
        subprocess.run([binpath, "scan", "-q", "-o", scan, ects, maec], check=True)
        print(f"scan of ectsum + maec: {time.time() - t0:.1f} s")
    size = os.path.getsize(scan)
    lines = claims = 0
    with open(scan, "rb") as f:
        for line in f:
            lines += 1
            if line.startswith(b'{"type":"claim"'):
                claims += 1
    out = os.path.join(a.work, "all-panel.jsonl")
    secs, cpu = [], []
    for _ in range(a.runs):
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        subprocess.run([binpath, "panel", "-q", "-o", out, scan], check=True)
        secs.append(time.perf_counter() - t0)
        r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime)
    records = sum(1 for _ in open(out, "rb"))
    agree = sum(1 for l in open(out, encoding="utf-8") if '"agree":true' in l)
    print(f"input {size / 1e6:.1f} MB, {lines} lines, {claims} claims -> {records} panel records"
          f" ({agree} agree, {records - agree} disagree)")
    print(f"claimscan panel: best {min(secs):.2f} s, median {statistics.median(secs):.2f} s"
          f" over {a.runs} runs ({size / 1e6 / min(secs):.0f} MB/s);"
          f" CPU (user + system) best {min(cpu):.2f} s ({size / 1e6 / min(cpu):.0f} MB/s)")
    print(f"load average: {' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("command", choices=["compare", "timing"])
    p.add_argument("--shared", default=os.path.join(os.path.dirname(ROOT), "shared"))
    p.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "claimscan"))
    p.add_argument("--work", default="/tmp/panel-ectsum")
    p.add_argument("--jobs", type=int, default=2)
    p.add_argument("--top", type=int, default=15)
    p.add_argument("--json", help="compare: also write the figures as JSON here")
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--rescan", action="store_true", help="timing: scan again even if WORK/all.jsonl exists")
    a = p.parse_args()
    if not os.path.isdir(os.path.join(a.shared, "corpus")):
        die(f"{os.path.join(a.shared, 'corpus')} is absent: this script needs the shared corpus "
            f"(../shared/corpus next to the repository, or --shared DIR)")
    os.makedirs(a.work, exist_ok=True)
    compare(a) if a.command == "compare" else timing(a)


if __name__ == "__main__":
    main()
