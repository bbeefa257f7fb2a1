#!/usr/bin/env python3
"""The blind crosscheck development set: pairs, planted copies, gold, scoring.

Usage:
    python3 scripts/crosscheck-dev.py pairs OUT_DIR [--shared ../shared]
    python3 scripts/crosscheck-dev.py materialize OUT_DIR [--shared ../shared]
    python3 scripts/crosscheck-dev.py score [--bin target/release/claimscan] [--diff] [--claimed-only]

The texts are ECTSum transcripts and their Reuters bullet summaries from
../shared/corpus/ectsum (train and validation splits only). They are NOT
copied into this repository: `fixtures/crosscheck-dev/pairs.tsv` names each
pair by file with the SHA-256 of both texts, `plants.tsv` records each planted
contradiction as an edit of one summary line (the copy is rebuilt from the
original), and `gold.jsonl` holds the adjudicated labels, one object per
claim of a summary line (figures as written, label, evidence line numbers).

pairs        picks the pairs (deterministic: seed 20261207) and writes
             OUT_DIR/<id>/{transcript,summary}.txt with line numbers for the
             annotators, plus OUT_DIR/pairs.tsv (copied to fixtures/). The
             split column (`dev` or `test`) is fixed here, before any tuning.
materialize  writes OUT_DIR/{dev,test}/<id>/{source.txt,coverage.txt} (the
             planted copies as <id>-p/), checked against their SHA-256, and
             OUT_DIR/{dev,test}/pairs.tsv for `claimscan crosscheck --pairs`.
score        runs crosscheck over the materialized pairs and scores the
             verdicts against gold.jsonl for each part with `claimscan eval`
             (confusion matrix, per-label precision and recall), and counts
             the planted contradictions found; --diff lists the dev part's
             errors only (the test part is never looked at while tuning).
build        turns adjudicated annotations (and the planted copies' gold)
             into gold.jsonl, figures located in the summary lines.
"""

import argparse
import hashlib
import json
import os
import random
import re
import subprocess
import sys
import tempfile

SEED = 20261207
TEST_SEED = 7
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
FIX = os.path.join(ROOT, "fixtures", "crosscheck-dev")
N_PAIRS = 48
N_TEST = 16
MAX_SOURCE = 24_000


def die(msg):
    print(f"crosscheck-dev: {msg}", file=sys.stderr)
    sys.exit(2)


def sha(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def reserved(shared):
    out = set()
    path = os.path.join(shared, "corpus", "RESERVED.txt")
    if not os.path.exists(path):
        return out
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if line and not line.startswith("#"):
            out.add(line.split("\t")[0])
    return out


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def ectsum(shared):
    root = os.path.join(shared, "corpus", "ectsum", "final")
    if not os.path.isdir(root):
        die(f"{root} is absent: the ECTSum corpus is needed for this script")
    return root


def cmd_pairs(args):
    root = ectsum(args.shared)
    res = reserved(args.shared)
    cands = []
    for split in ("train", "val"):
        for name in sorted(os.listdir(os.path.join(root, split, "ects"))):
            rel_src = f"ectsum/final/{split}/ects/{name}"
            rel_sum = f"ectsum/final/{split}/gt_summaries/{name}"
            if rel_src in res or rel_sum in res:
                continue
            src = read(os.path.join(args.shared, "corpus", rel_src))
            summ = read(os.path.join(args.shared, "corpus", rel_sum))
            lines = [l for l in summ.splitlines() if re.search(r"\d", l)]
            if len(src) > MAX_SOURCE or len(lines) < 3:
                continue
            cands.append((rel_src, rel_sum, src, summ))
    rng = random.Random(SEED)
    picked = rng.sample(cands, N_PAIRS)
    test = set(random.Random(TEST_SEED).sample(range(N_PAIRS), N_TEST))
    os.makedirs(args.out, exist_ok=True)
    rows = []
    for i, (rel_src, rel_sum, src, summ) in enumerate(picked):
        pid = "x%02d" % (i + 1)
        split = "test" if i in test else "dev"
        rows.append((split, pid, rel_src, sha(src), rel_sum, sha(summ)))
        d = os.path.join(args.out, pid)
        os.makedirs(d, exist_ok=True)
        for fname, text in (("transcript.txt", src), ("summary.txt", summ)):
            with open(os.path.join(d, fname), "w", encoding="utf-8") as f:
                for n, line in enumerate(text.splitlines(), 1):
                    f.write(f"{n}\t{line}\n")
    with open(os.path.join(args.out, "pairs.tsv"), "w", encoding="utf-8") as f:
        f.write("#split\tid\tsource\tsource_sha256\tcoverage\tcoverage_sha256\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    print(f"{len(rows)} pairs ({N_TEST} test) of {len(cands)} candidates -> {args.out}")


def read_pairs():
    rows = []
    for line in open(os.path.join(FIX, "pairs.tsv"), encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        split, pid, src, src_sha, cov, cov_sha = line.rstrip("\n").split("\t")
        rows.append(dict(split=split, id=pid, source=src, source_sha=src_sha,
                         coverage=cov, coverage_sha=cov_sha))
    return rows


def read_plants():
    path = os.path.join(FIX, "plants.tsv")
    out = {}
    if not os.path.exists(path):
        return out
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        pid, ln, kind, old, new = line.rstrip("\n").split("\t")
        out.setdefault(pid, []).append((int(ln), kind, old, new))
    return out


def planted(summary, edits):
    lines = summary.splitlines()
    for ln, _kind, old, new in edits:
        line = lines[ln - 1]
        if line.count(old) != 1:
            die(f"plant {old!r} is not once in line {ln}: {line!r}")
        lines[ln - 1] = line.replace(old, new)
    return "\n".join(lines) + "\n"


def cmd_materialize(args):
    plants = read_plants()
    for split in ("dev", "test"):
        os.makedirs(os.path.join(args.out, split), exist_ok=True)
        open(os.path.join(args.out, split, "pairs.tsv"), "w").close()
    for p in read_pairs():
        src = read(os.path.join(args.shared, "corpus", p["source"]))
        cov = read(os.path.join(args.shared, "corpus", p["coverage"]))
        if sha(src) != p["source_sha"] or sha(cov) != p["coverage_sha"]:
            die(f"{p['id']}: the corpus text differs from the recorded SHA-256")
        docs = [(p["id"], cov)]
        if p["id"] in plants:
            docs.append((p["id"] + "-p", planted(cov, plants[p["id"]])))
        base = os.path.join(args.out, p["split"])
        for did, text in docs:
            d = os.path.join(base, did)
            os.makedirs(d, exist_ok=True)
            with open(os.path.join(d, "source.txt"), "w", encoding="utf-8") as f:
                f.write(src)
            with open(os.path.join(d, "coverage.txt"), "w", encoding="utf-8") as f:
                f.write(text)
            with open(os.path.join(base, "pairs.tsv"), "a", encoding="utf-8") as f:
                f.write(f"{did}/source.txt\t{did}/coverage.txt\n")
    print(f"materialized into {args.out}")


def cmd_build(args):
    """Adjudicated annotations -> fixtures/crosscheck-dev/gold.jsonl."""
    pairs = {p["id"]: p for p in read_pairs()}
    plants = read_plants()
    texts = {}
    for pid, p in pairs.items():
        cov = read(os.path.join(args.shared, "corpus", p["coverage"]))
        texts[pid] = cov
        if pid in plants:
            texts[pid + "-p"] = planted(cov, plants[pid])
    out = []
    for path in args.files:
        for line in open(path, encoding="utf-8"):
            if not line.strip():
                continue
            o = json.loads(line)
            pid = o["pair"]
            base = pid[:-2] if pid.endswith("-p") else pid
            text = texts[pid]
            lines = text.split("\n")
            ln = o["line"]
            start = sum(len(l) + 1 for l in lines[: ln - 1])
            row = lines[ln - 1]
            figures = []
            for f in o.get("figures") or []:
                at = row.find(f["text"])
                if at < 0:
                    die(f"{pid} line {ln}: figure {f['text']!r} not in {row!r}")
                figures.append(dict(field=f["field"], text=f["text"],
                                    label=f["label"], start=start + at,
                                    end=start + at + len(f["text"]),
                                    evidence=f.get("evidence", [])))
            rec = dict(type="verdict", doc=f"{pid}/coverage.txt",
                       split=pairs[base]["split"], line=ln,
                       start=start, end=start + len(row),
                       metric=o.get("metric"), label=o.get("label"),
                       figures=figures, evidence=o.get("evidence", []))
            if o.get("kind"):
                rec["planted"] = o["kind"]
            out.append(rec)
    out.sort(key=lambda r: (r["doc"], r["line"]))
    with open(os.path.join(FIX, "gold.jsonl"), "w", encoding="utf-8") as f:
        for r in out:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(out)} gold objects -> {FIX}/gold.jsonl")


def overlap(a, b):
    return min(a[1], b[1]) - max(a[0], b[0])


def score_part(gold, pred, diff):
    """Matches each gold claim with a figure to the verdict sharing most
    figure span; returns the confusion matrix and the extra verdicts."""
    labels = ["supported", "contradicted", "absent", "none"]
    conf = {g: {p: 0 for p in labels} for g in labels[:3]}
    by_doc = {}
    for v in pred:
        by_doc.setdefault(v["doc"], []).append(v)
    used = set()
    errors = []
    gold_lines = {}
    for g in gold:
        gold_lines.setdefault(g["doc"], []).append((g["start"], g["end"]))
        if not g["label"]:
            continue
        best, best_ov = None, 0
        for i, v in enumerate(by_doc.get(g["doc"], [])):
            ov = 0
            for gf in g["figures"]:
                for vf in v["figures"]:
                    if "start" in vf:
                        ov += max(0, overlap((gf["start"], gf["end"]), (vf["start"], vf["end"])))
            if ov > best_ov:
                best, best_ov = (g["doc"], i), ov
        got = "none"
        if best is not None:
            used.add(best)
            got = by_doc[best[0]][best[1]]["label"]
        conf[g["label"]][got] += 1
        if got != g["label"]:
            errors.append((g, by_doc[best[0]][best[1]] if best else None))
    extra = {l: 0 for l in labels[:3]}
    for doc, vs in by_doc.items():
        for i, v in enumerate(vs):
            if (doc, i) in used:
                continue
            if any(overlap((v["start"], v["end"]), span) > 0 for span in gold_lines.get(doc, [])):
                extra[v["label"]] += 1
    return conf, extra, errors


def cmd_score(args):
    gold = [json.loads(l) for l in open(os.path.join(FIX, "gold.jsonl"), encoding="utf-8")]
    tmp = tempfile.mkdtemp(prefix="xc-")
    cmd_materialize(argparse.Namespace(out=tmp, shared=args.shared))
    for split in ("dev", "test"):
        out = os.path.join(tmp, f"{split}.jsonl")
        extra = ["--claimed-only"] if args.claimed_only else []
        if args.all_figures:
            extra.append("--all-figures")
        r = subprocess.run([args.bin, "crosscheck", "-q", *extra, "--pairs",
                            os.path.join(tmp, split, "pairs.tsv"), "-o", out])
        if r.returncode not in (0, 1):
            die(f"crosscheck failed on the {split} part")
        pred = [json.loads(l) for l in open(out, encoding="utf-8")]
        g = [x for x in gold if x["split"] == split]
        gold_path = os.path.join(tmp, f"{split}-gold.jsonl")
        with open(gold_path, "w", encoding="utf-8") as f:
            for x in g:
                f.write(json.dumps(x) + "\n")
        print(f"== {split} ({len({x['doc'] for x in g})} coverage documents)")
        sys.stdout.flush()
        subprocess.run([args.bin, "eval", "--gold", gold_path, "--pred", out])
        conf, extra, errors = score_part(g, pred, args.diff)
        planted_rows = [x for x in g if x.get("planted")]
        found = sum(1 for x in planted_rows if not any(e[0] is x for e in errors))
        print(f"   planted contradictions found: {found} of {len(planted_rows)}")
        if args.diff and split == "dev":
            for gl, v in errors:
                print(f"-- {gl['doc']} line {gl['line']} gold {gl['label']} got {v['label'] if v else 'none'}: {gl['metric']}")
                print(f"   gold figures: {[(f['text'], f['label']) for f in gl['figures']]}")
                if v:
                    print(f"   verdict: {v['text']!r} metric={v['metric']!r} period={v['period']} why={v['why']}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    for name in ("pairs", "materialize"):
        p = sub.add_parser(name)
        p.add_argument("out")
        p.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    p = sub.add_parser("build")
    p.add_argument("files", nargs="+")
    p.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    p = sub.add_parser("score")
    p.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "claimscan"))
    p.add_argument("--diff", action="store_true")
    p.add_argument("--claimed-only", action="store_true",
                   help="crosscheck --claimed-only: judge the claim stage's claims only")
    p.add_argument("--all-figures", action="store_true",
                   help="crosscheck --all-figures (now the default; for older binaries)")
    p.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    args = ap.parse_args()
    {"pairs": cmd_pairs, "materialize": cmd_materialize, "build": cmd_build,
     "score": cmd_score}[args.cmd](args)


if __name__ == "__main__":
    main()
