#!/usr/bin/env python3
"""The blind claims development set: excerpts, gold building, scoring input.

Usage:
    python3 scripts/claims-dev.py excerpts OUT_DIR [--round 2|3] [--shared ../shared]
    python3 scripts/claims-dev.py build ADJUDICATED.jsonl [--append] [--shared ../shared]
    python3 scripts/claims-dev.py materialize OUT_DIR [--shared ../shared]

The excerpts come from the third-party corpora in ../shared/corpus and are
NOT copied into this repository (their licences do not allow it).
`fixtures/claims-dev/excerpts.tsv` names each excerpt by corpus file and
locator (a line range, or a Reuters NEWID) with the SHA-256 of its text, so
anyone with the corpus rebuilds exactly the same texts; `gold.jsonl` holds the
adjudicated claims as contract records with code-point offsets into those
texts (no corpus text beyond the short metric phrases).

excerpts     picks the excerpts (deterministic: seed 20261206), writes
             OUT_DIR/<id>.txt and OUT_DIR/excerpts.tsv; the tsv is then
             copied to fixtures/claims-dev/. The first column's split
             (`dev` or `test`) is fixed here, before any tuning.
build        turns annotations (one JSON object per claim, with the exact
             `sentence` quoted from the excerpt) into fixtures/claims-dev/
             gold.jsonl: the quote becomes start/end offsets and is dropped.
score        scans the excerpts with a claimscan binary (--bin, default
             target/release/claimscan) and prints `claimscan eval` for the dev
             and the test part (--split); --diff lists the dev part's errors
             (never the test part's: it is not looked at while tuning).
materialize  writes the excerpt texts (checked against their SHA-256) to
             OUT_DIR/{dev,test}/<id>.txt and OUT_DIR/doc-dates.tsv, for
             `claimscan scan` and `claimscan eval`.

Excerpts are drawn from corpus documents not listed in corpus/RESERVED.txt:
24 windows of ECTSum *train* transcripts, 24 of MAEC calls (one sentence per
line in both; a window starts at a random line that has a digit and runs to
about 1,200 characters), and 24 whole Reuters-21578 `earn` stories of 150 to
1,400 characters (title, blank line, body as wrapped on the wire).
"""

import argparse
import html
import json
import os
import random
import re
import sys

import excerpt_common
from excerpt_common import read_lines, reserved, reuters_date, sha

SEED = 20261206
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
FIX = os.path.join(ROOT, "fixtures", "claims-dev")

CUE = re.compile(
    r"revenue|sales|margin|income|earnings|eps|per share|ebitda|cash flow|"
    r"profit|orders|bookings|backlog|expenses|dividend|customers|subscribers|"
    r"net|shr|revs|growth|grew|increase|decrease|rose|declin",
    re.I,
)


def die(msg):
    print(f"claims-dev: {msg}", file=sys.stderr)
    sys.exit(2)


def line_window(lines, start, limit=1200):
    out, size = [], 0
    for line in lines[start:]:
        if out and size + len(line) + 1 > limit:
            break
        out.append(line)
        size += len(line) + 1
    return out


def pick_window(rng, lines):
    good = [
        i
        for i, l in enumerate(lines)
        if re.search(r"\d", l) and CUE.search(l) and ("%" in l or "$" in l)
    ]
    if len(good) < 4:
        return None
    start = rng.choice(good)
    win = line_window(lines, start)
    if sum(1 for l in win if re.search(r"\d", l)) < 3:
        return None
    return start, len(win)


def transcript_excerpts(rng, shared, rel_dir, names, n, res_files, prefix):
    out = []
    names = list(names)
    rng.shuffle(names)
    for rel in names:
        if len(out) == n:
            break
        if rel in res_files:
            continue
        lines = read_lines(os.path.join(shared, "corpus", rel))
        w = pick_window(rng, lines)
        if w is None:
            continue
        start, count = w
        out.append((prefix, rel, f"L{start + 1}-{start + count}", None))
    return out


REUTERS = re.compile(r"<REUTERS[^>]*NEWID=\"(\d+)\">(.*?)</REUTERS>", re.S)


def reuters_story(block):
    """Title, blank line, dateline + body: as the claimscan reader does."""
    def grab(tag):
        m = re.search(rf"<{tag}>(.*?)</{tag}>", block, re.S)
        return m.group(1) if m else ""

    title = grab("TITLE")
    body = grab("BODY")
    dateline = grab("DATELINE")
    date = grab("DATE").strip()
    text = body
    text = re.sub(r"\s*Reuter\s*$", "", html.unescape(text)).rstrip()
    text = "".join(ch for ch in text if ch == "\n" or ch >= " ")
    title = html.unescape(title).strip()
    dateline = html.unescape(dateline).strip()
    return title, dateline, text, date




def reuters_all(shared):
    rdir = os.path.join(shared, "corpus", "reuters21578")
    for name in sorted(os.listdir(rdir)):
        if not name.endswith(".sgm"):
            continue
        with open(os.path.join(rdir, name), encoding="latin-1") as f:
            data = f.read()
        for m in REUTERS.finditer(data):
            block = m.group(2)
            topics = re.search(r"<TOPICS>(.*?)</TOPICS>", block, re.S)
            if not topics or "<D>earn</D>" not in topics.group(1):
                continue
            yield f"reuters21578/{name}", m.group(1), block


def excerpt_text(shared, source, locator):
    if source.startswith("reuters21578/"):
        for rel, newid, block in reuters_all(shared):
            if rel == source and newid == locator:
                title, dateline, body, date = reuters_story(block)
                return f"{title}\n\n{body}\n", reuters_date(date)
        die(f"no story {source} NEWID {locator}")
    lines = read_lines(os.path.join(shared, "corpus", source))
    a, b = (int(x) for x in locator[1:].split("-"))
    text = "\n".join(lines[a - 1 : b]) + "\n"
    date = ""
    m = re.search(r"MAEC_Dataset/(\d{4})(\d{2})(\d{2})_", source)
    if m:
        date = f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
    return text, date


def cmd_excerpts(args):
    shared = args.shared
    res_files, res_stories = reserved(shared)
    if args.round >= 2:
        return excerpts_round2(args, shared, res_files, res_stories)
    rng = random.Random(SEED)
    ect_dir = "ectsum/final/train/ects"
    ect = sorted(
        f"{ect_dir}/{n}"
        for n in os.listdir(os.path.join(shared, "corpus", ect_dir))
    )
    maec_dir = "maec/MAEC_Dataset"
    maec = sorted(
        f"{maec_dir}/{n}/text.txt"
        for n in os.listdir(os.path.join(shared, "corpus", maec_dir))
    )
    picks = transcript_excerpts(rng, shared, "", ect, 24, res_files, "E")
    picks += transcript_excerpts(rng, shared, "", maec, 24, res_files, "M")
    stories = []
    for rel, newid, block in reuters_all(shared):
        if (rel, newid) in res_stories:
            continue
        title, dateline, body, date = reuters_story(block)
        n = len(title) + len(body)
        if 150 <= n <= 1400 and re.search(r"\d", body):
            stories.append((rel, newid))
    for rel, newid in rng.sample(stories, 24):
        picks.append(("R", rel, newid, None))
    # Interleave sources, then fix the test third before any tuning.
    by = {"E": [], "M": [], "R": []}
    for p in picks:
        by[p[0]].append(p)
    rows = []
    for i in range(24):
        for k in "EMR":
            p = by[k][i]
            rows.append((f"{k}{i + 1:02d}", p[1], p[2]))
    ids = [r[0] for r in rows]
    test = set(random.Random(SEED + 1).sample(ids, len(ids) // 3))
    os.makedirs(args.out, exist_ok=True)
    tsv = ["#split\tid\tsource\tlocator\tdoc_date\tsha256"]
    for xid, source, locator in rows:
        text, date = excerpt_text(shared, source, locator)
        with open(os.path.join(args.out, f"{xid}.txt"), "w", encoding="utf-8") as f:
            f.write(text)
        split = "test" if xid in test else "dev"
        tsv.append(f"{split}\t{xid}\t{source}\t{locator}\t{date}\t{sha(text)}")
    with open(os.path.join(args.out, "excerpts.tsv"), "w", encoding="utf-8") as f:
        f.write("\n".join(tsv) + "\n")
    print(f"{len(rows)} excerpts ({len(test)} test) in {args.out}")


def excerpts_round2(args, shared, res_files, res_stories):
    """A later draw (round N: seed SEED + N) of 12 ECTSum, 12 MAEC and 12
    Reuters excerpts, all in the dev part (the test part stays the one
    frozen in round 1): round 2 has ids E25-E36, M25-M36, R25-R36, round 3
    E37-E48 and so on. Documents drawn in earlier rounds are skipped.
    Writes OUT_DIR/<id>.txt and OUT_DIR/excerpts.tsv (rows to append to
    fixtures/claims-dev/excerpts.tsv)."""
    rng = random.Random(SEED + args.round)
    first = 25 + 12 * (args.round - 2)
    # Only the rounds before this one, so that a round's draw stays
    # reproducible after later rounds are appended.
    drawn = {(r["source"], r["locator"] if r["source"].startswith("reuters") else "")
             for r in read_excerpts() if int(r["id"][1:]) < first}
    drawn_files = {s for s, _ in drawn}
    skip = set(res_files) | drawn_files
    ect_dir = "ectsum/final/train/ects"
    ect = sorted(f"{ect_dir}/{n}"
                 for n in os.listdir(os.path.join(shared, "corpus", ect_dir)))
    maec_dir = "maec/MAEC_Dataset"
    maec = sorted(f"{maec_dir}/{n}/text.txt"
                  for n in os.listdir(os.path.join(shared, "corpus", maec_dir)))
    picks = transcript_excerpts(rng, shared, "", ect, 12, skip, "E")
    picks += transcript_excerpts(rng, shared, "", maec, 12, skip, "M")
    stories = []
    for rel, newid, block in reuters_all(shared):
        if (rel, newid) in res_stories or (rel, newid) in drawn:
            continue
        title, dateline, body, date = reuters_story(block)
        n = len(title) + len(body)
        if 150 <= n <= 1400 and re.search(r"\d", body):
            stories.append((rel, newid))
    for rel, newid in rng.sample(stories, 12):
        picks.append(("R", rel, newid, None))
    by = {"E": [], "M": [], "R": []}
    for p in picks:
        by[p[0]].append(p)
    os.makedirs(args.out, exist_ok=True)
    tsv = []
    for i in range(12):
        for k in "EMR":
            p = by[k][i]
            xid = f"{k}{i + first:02d}"
            text, date = excerpt_text(shared, p[1], p[2])
            with open(os.path.join(args.out, f"{xid}.txt"), "w", encoding="utf-8") as f:
                f.write(text)
            tsv.append(f"dev\t{xid}\t{p[1]}\t{p[2]}\t{date}\t{sha(text)}")
    with open(os.path.join(args.out, "excerpts.tsv"), "w", encoding="utf-8") as f:
        f.write("\n".join(tsv) + "\n")
    print(f"{len(tsv)} round-{args.round} excerpts (all dev) in {args.out}")


def read_excerpts(path=None):
    return excerpt_common.read_excerpts(path or os.path.join(FIX, "excerpts.tsv"))


def load_texts(shared):
    texts = {}
    for r in read_excerpts():
        text, _ = excerpt_text(shared, r["source"], r["locator"])
        if sha(text) != r["sha256"]:
            die(f"{r['id']}: the corpus text differs from the recorded SHA-256")
        texts[r["id"]] = (r, text)
    return texts


def cmd_materialize(args):
    texts = load_texts(args.shared)
    dates = []
    for xid, (r, text) in sorted(texts.items()):
        d = os.path.join(args.out, r["split"])
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, f"{xid}.txt"), "w", encoding="utf-8") as f:
            f.write(text)
        if r["date"]:
            dates.append(f"{xid}.txt\t{r['date']}")
    with open(os.path.join(args.out, "doc-dates.tsv"), "w", encoding="utf-8") as f:
        f.write("\n".join(dates) + "\n")
    print(f"{len(texts)} excerpts in {args.out}/{{dev,test}}")


def locate(text, quote, hint=0):
    """Code-point offsets of `quote` in `text` (white space tolerant)."""
    i = text.find(quote, hint)
    if i < 0:
        i = text.find(quote)
    if i >= 0:
        return i, i + len(quote)
    pat = r"\s+".join(re.escape(w) for w in quote.split())
    m = re.search(pat, text)
    if m:
        return m.start(), m.end()
    return None


FIELDS = ["metric", "subject", "value", "change", "direction", "from", "to",
          "basis", "period", "speaker", "forward"]
# Annotated later (issue 19); copied when an annotation has them.
OPTIONAL = ["concept", "qualifiers"]


def cmd_build(args):
    texts = load_texts(args.shared)
    out, bad = [], 0
    seen_docs, annotated = set(), set()
    with open(args.annotations, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            a = json.loads(line)
            annotated.add(a.get("excerpt"))
            if "sentence" not in a:
                continue  # {"excerpt": ..., "claims": 0}
            xid = a["excerpt"]
            if xid not in texts:
                die(f"line {n}: unknown excerpt {xid}")
            r, text = texts[xid]
            span = locate(text, a["sentence"])
            if span is None:
                print(f"line {n}: {xid}: sentence not found: {a['sentence'][:60]!r}",
                      file=sys.stderr)
                bad += 1
                continue
            rec = {"type": "claim", "doc": f"{xid}.txt", "split": r["split"],
                   "start": span[0], "end": span[1]}
            for k in FIELDS:
                rec[k] = a.get(k)
            rec["forward"] = bool(rec["forward"])
            for k in OPTIONAL:
                if k in a:
                    rec[k] = a[k]
            if a.get("high") is not None:
                # A range: `value` (or `change`) is its low end.
                rec["high"] = a["high"]
            out.append(rec)
            seen_docs.add(xid)
    if bad:
        die(f"{bad} annotations could not be placed")
    path = os.path.join(FIX, "gold.jsonl")
    if args.append and os.path.exists(path):
        covered = {f"{x}.txt" for x in annotated}
        with open(path, encoding="utf-8") as f:
            for line in f:
                c = json.loads(line)
                if c["type"] == "claim" and c["doc"] not in covered:
                    out.append(c)
    out.sort(key=lambda c: (c["doc"], c["start"]))
    with open(path, "w", encoding="utf-8") as f:
        for xid, (r, _) in sorted(texts.items()):
            f.write(json.dumps({"type": "doc", "doc": f"{xid}.txt",
                                "split": r["split"]}) + "\n")
        for c in out:
            f.write(json.dumps(c, ensure_ascii=False) + "\n")
    print(f"{len(out)} claims in {len(seen_docs)} excerpts -> {path}")


def cmd_score(args):
    import subprocess
    import tempfile
    binary = args.bin or os.path.join(ROOT, "target", "release", "claimscan")
    if not os.path.exists(binary):
        die(f"no binary at {binary} (cargo build --release)")
    texts = load_texts(args.shared)
    gold_all = [json.loads(l) for l in open(os.path.join(FIX, "gold.jsonl"), encoding="utf-8")]
    splits = ["dev", "test"] if args.split == "both" else [args.split]
    with tempfile.TemporaryDirectory() as tmp:
        dates = os.path.join(tmp, "doc-dates.tsv")
        with open(dates, "w", encoding="utf-8") as f:
            for xid, (r, _) in sorted(texts.items()):
                if r["date"]:
                    f.write(f"{xid}.txt\t{r['date']}\n")
        for split in splits:
            d = os.path.join(tmp, split)
            os.makedirs(d)
            for xid, (r, text) in texts.items():
                if r["split"] == split:
                    with open(os.path.join(d, f"{xid}.txt"), "w", encoding="utf-8") as f:
                        f.write(text)
            gold = os.path.join(tmp, f"gold-{split}.jsonl")
            with open(gold, "w", encoding="utf-8") as f:
                for g in gold_all:
                    if g.get("split") == split:
                        f.write(json.dumps(g) + "\n")
            pred = os.path.join(tmp, f"pred-{split}.jsonl")
            subprocess.run([binary, "scan", "-q", "--doc-dates", dates, "-o", pred, d], check=False)
            cmd = [args.eval_bin or binary, "eval", "--gold", gold, "--pred", pred]
            if args.json:
                cmd.append("--json")
            if args.diff and split == "dev":
                cmd += ["--diff", "--docs", d]
            print(f"## {split} part ({sum(1 for g in gold_all if g.get('split') == split and g['type'] == 'claim')} gold claims)")
            sys.stdout.flush()
            subprocess.run(cmd, check=False)


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    for name in ("excerpts", "materialize"):
        p = sub.add_parser(name)
        p.add_argument("out")
        p.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
        if name == "excerpts":
            p.add_argument("--round", type=int, default=1, choices=[1, 2, 3],
                           help="2, 3: later draws of 36 dev excerpts (ids 25-36, 37-48)")
    p = sub.add_parser("score")
    p.add_argument("--bin")
    p.add_argument("--eval-bin", help="score with this binary's eval (to score an older scanner)")
    p.add_argument("--split", default="both", choices=["dev", "test", "both"])
    p.add_argument("--json", action="store_true")
    p.add_argument("--diff", action="store_true", help="dev part only: the test part's errors are never shown")
    p.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    p = sub.add_parser("build")
    p.add_argument("annotations")
    p.add_argument("--append", action="store_true",
                   help="keep gold.jsonl's claims of excerpts these annotations do not cover")
    p.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    args = ap.parse_args()
    if not os.path.isdir(os.path.join(args.shared, "corpus")):
        die(f"the shared corpus is not at {args.shared}/corpus")
    {"excerpts": cmd_excerpts, "materialize": cmd_materialize,
     "build": cmd_build, "score": cmd_score}[args.cmd](args)


if __name__ == "__main__":
    main()
