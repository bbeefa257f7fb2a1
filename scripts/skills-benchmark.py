#!/usr/bin/env python3
"""Score claimscan's skill mentions on the Skill-Extraction benchmark.

    python3 scripts/skills-benchmark.py [--bin target/release/claimscan]
        [--corpus ../shared/corpus] [--json]

Stdlib only. The benchmark (corpus/skill-extraction-benchmark: Decorte et
al. 2022 and 2023) has job-ad sentences with skill spans linked to ESCO
v1.1 preferred labels (TECH and HOUSE, validation and test parts) and
sentences with ESCO labels but no spans (TECHWOLF, test only). We write
every sentence as one JSON-lines document, run `claimscan scan --kinds
skill`, and report:

- span P/R/F1, exact (same start and end) and overlap (the spans share a
  character), against every annotated span, "LABEL NOT PRESENT" and
  "UNDERSPECIFIED" included (they are skill spans without an ESCO
  concept). The benchmark gives spans as text; we place each at its
  first free occurrence in its sentence.
- ESCO label P/R/F1 (micro, over sentences) of the set of ESCO concepts we
  predict per sentence against the gold set, and R-Precision@5 (RP@5, the
  papers' metric: relevant labels among the first min(5, |gold|)
  predictions, divided by min(5, |gold|), averaged over sentences with a
  gold label). claimscan does not rank: its predictions are in text order,
  and there are rarely more than five, so RP@5 here is close to recall.
  A mention's ESCO label is the `label` column of data/skills-lexicon.tsv
  for entries whose id is an ESCO URI or whose source is ESCO v1.1.

Comparability: the papers rank all 13,896 ESCO labels per sentence with
trained models, and score implicit mentions ("work in a way that is
patient-centred" -> "apply person-centred care") that a lexicon cannot
find. Our figures are for a literal matcher; read them as a floor.

Tune on the validation parts only; report the test parts separately.
"""

import argparse
import collections
import csv
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
NO_LABEL = {"LABEL NOT PRESENT", "UNDERSPECIFIED"}

PARTS = [
    ("TECH", "validation", "tech_validation_annotations.csv"),
    ("HOUSE", "validation", "house_validation_annotations.csv"),
    ("TECH", "test", "tech_test_annotations.csv"),
    ("HOUSE", "test", "house_test_annotations.csv"),
    ("TECHWOLF", "test", "techwolf_test_annotations.csv"),
]


def read_part(path):
    """Sentences in file order, each with its spans and gold labels."""
    sents = collections.OrderedDict()
    with open(path, encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            s = sents.setdefault(r["sentence"], {"spans": [], "labels": []})
            span = (r.get("span") or "").strip()
            if span:
                s["spans"].append(span)
            lab = r["label"].strip()
            if lab and lab not in NO_LABEL and lab not in s["labels"]:
                s["labels"].append(lab)
    return sents


def place(sentence, spans):
    """Character offsets of each span text, at its first free occurrence."""
    out = []
    used = set()
    for sp in spans:
        start = 0
        while True:
            k = sentence.find(sp, start)
            if k < 0:
                k = sentence.lower().find(sp.lower(), start)
            if k < 0:
                break
            if (k, k + len(sp)) not in used:
                used.add((k, k + len(sp)))
                out.append((k, k + len(sp)))
                break
            start = k + 1
    return out


def read_lexicon(path):
    """(value, unit) -> ESCO label, for entries tied to ESCO."""
    labels = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            p = line.rstrip("\n").split("\t")
            p += [""] * (6 - len(p))
            canonical, _, ident, _, source, label = p[:6]
            esco = ident.startswith("http://data.europa.eu/esco/") or source == "esco-1.1"
            if esco and label:
                labels.setdefault((canonical, ident or None), label)
    return labels


def run(binary, sents):
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "sentences.jsonl")
        with open(src, "w", encoding="utf-8") as f:
            for i, s in enumerate(sents):
                f.write(json.dumps({"id": str(i), "text": s}) + "\n")
        out = subprocess.run(
            [binary, "scan", src, "--kinds", "skill", "--no-claims", "-q"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    pred = collections.defaultdict(list)
    for line in out.splitlines():
        r = json.loads(line)
        if r.get("type") == "mention" and r.get("kind") == "skill":
            pred[int(r["doc"])].append(r)
    for v in pred.values():
        v.sort(key=lambda r: r["start"])
    return pred


def prf(tp, npred, ngold):
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(100 * p, 1), "r": round(100 * r, 1), "f1": round(100 * f, 1)}


def score(sents, pred, labels):
    keys = list(sents)
    exact = overlap_p = overlap_g = npred = ngold = 0
    ltp = lpred = lgold = 0
    rp = []
    has_spans = any(sents[k]["spans"] for k in keys)
    for i, k in enumerate(keys):
        s = sents[k]
        ps = [(m["start"], m["end"]) for m in pred.get(i, [])]
        if has_spans:
            gs = place(k, s["spans"])
            npred += len(ps)
            ngold += len(gs)
            exact += len(set(ps) & set(gs))
            overlap_p += sum(any(a < d and c < b for c, d in gs) for a, b in ps)
            overlap_g += sum(any(a < d and c < b for a, b in ps) for c, d in gs)
        ranked = []
        for m in pred.get(i, []):
            lab = labels.get((m["value"], m["unit"]))
            if lab and lab not in ranked:
                ranked.append(lab)
        gold = set(s["labels"])
        lpred += len(ranked)
        lgold += len(gold)
        ltp += len(set(ranked) & gold)
        if gold:
            k5 = min(5, len(gold))
            rp.append(len(set(ranked[:5]) & gold) / k5)
    out = {"sentences": len(keys)}
    if has_spans:
        out["spans"] = ngold
        out["span_exact"] = prf(exact, npred, ngold)
        p = overlap_p / npred if npred else 0.0
        r = overlap_g / ngold if ngold else 0.0
        out["span_overlap"] = {
            "p": round(100 * p, 1),
            "r": round(100 * r, 1),
            "f1": round(100 * (2 * p * r / (p + r) if p + r else 0.0), 1),
        }
    out["esco_labels"] = prf(ltp, lpred, lgold)
    out["rp@5"] = round(100 * sum(rp) / len(rp), 1) if rp else None
    out["sentences_with_label"] = len(rp)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "claimscan"))
    ap.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "corpus"))
    ap.add_argument("--lexicon", default=os.path.join(ROOT, "data", "skills-lexicon.tsv"))
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    labels = read_lexicon(args.lexicon)
    bench = os.path.join(args.corpus, "skill-extraction-benchmark")
    results = []
    for name, part, fname in PARTS:
        sents = read_part(os.path.join(bench, fname))
        pred = run(args.bin, list(sents))
        r = score(sents, pred, labels)
        r.update(dataset=name, part=part)
        results.append(r)
    if args.json:
        print(json.dumps(results, indent=1))
        return
    print("| dataset | part | sentences | spans | span exact P/R/F1 | span overlap P/R/F1 | ESCO label P/R/F1 | RP@5 |")
    print("|---|---|---|---|---|---|---|---|")
    for r in results:
        def fmt(d):
            return f"{d['p']}/{d['r']}/{d['f1']}" if d else "–"
        print(
            f"| {r['dataset']} | {r['part']} | {r['sentences']} | {r.get('spans', '–')} | "
            f"{fmt(r.get('span_exact'))} | {fmt(r.get('span_overlap'))} | "
            f"{fmt(r['esco_labels'])} | {r['rp@5']} |"
        )


if __name__ == "__main__":
    sys.exit(main())
