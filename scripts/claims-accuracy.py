#!/usr/bin/env python3
"""Measure claimscan's claim accuracy on two third-party corpora.

Usage:
    python3 scripts/claims-accuracy.py [--bin PATH] [--gold TSV]
                                       [--corpus DIR] [--examples N]
    python3 scripts/claims-accuracy.py --print-sample N   # sample ids only

Prints a Markdown report to stdout. Two measurements:

1. ECTSum bullets (field accuracy). The gold is docs/ectsum-claims-gold.tsv:
   hand annotations of Reuters summary bullets from the ECTSum test split
   (CORPUS/ectsum/final/test/gt_summaries/*.txt, one bullet per line). Each
   row names a bullet by `file<TAB>line` (1-based). The bullet text is not in
   the TSV. Columns: file, line, claim (1 = the bullet states a metric claim,
   0 = it does not), metric, value, value_unit, change, change_unit,
   direction, period, note.
   The bullets were picked like this (`--print-sample N` repeats it): list
   every line of every summary file (files sorted by name, lines in order),
   keep the lines with at least one digit, then
   random.Random(20261128).sample(pool, N). The script checks that the TSV
   rows are that sample, in that order.
   The sampled files are copied to a temporary folder and scanned there. A
   tool claim belongs to a bullet when its [start, end) span lies inside the
   bullet's line. When a line has several claims, the one whose metric head
   (last word) equals the gold head is scored; otherwise the first by offset.
   Fields:
     metric       lower case, whitespace collapsed, exact equality; "metric
                  head" = the last word equal (trailing punctuation stripped)
     value        gold empty -> right iff the tool's value is null; else the
                  numbers agree within 1e-6 relative and the units are equal
                  (gold unit "count" -> the tool's value kind is "count"; the
                  counted noun is not scored)
     change       as value, against the tool's change {value, unit}
     direction    equality, empty == null
     period       equality of the TIMEX3-style string, empty == null
   Over all claim bullets, a bullet with no tool claim is wrong on every
   field. Bullets annotated claim=0 are reported apart (how often the tool
   emits a claim there).

2. KPI-EDGAR (metric <-> value links). CORPUS/kpi-edgar/kpi_edgar.jsonl, the
   sentences whose `split` is "test" (the dataset's own split). Each sentence
   is detokenized and written to a temporary folder as one document. Gold
   links come from `manual_annotations`: a value token labelled
   cy/py/py1/increase/decrease/increase_py/decrease_py with suffix _S links
   to the tokens labelled thereof_S, kpi_S or kpi_coref_S (if none, the
   suffix is shortened by one level: cy_1_1 -> kpi_1; for a sub-KPI link the
   enclosing KPI's name is accepted too: cy_1_1 -> thereof_1_1 or kpi_1;
   the report counts those matches). A predicted link is
   made from every tool claim: (metric, value or to) as "cy", (metric, from)
   as "py", (metric, change) as "increase" when the direction is up and
   "decrease" when it is down. A predicted link matches a gold link (one to
   one, greedy in output order) when
     - the metric text covers >= 50% of the gold KPI's content tokens
       (lower case, alphanumeric tokens, a small stop-word list removed);
     - its number equals the gold value's number within 1e-6 relative
       (absolute values; parenthesised negatives are read as negative and
       then compared by magnitude). The gold number is the labelled token,
       multiplied by a scale word right after it ("92 million" -> 9.2e7);
       when the sentence says "in thousands"/"in millions"/"in billions" the
       bare token times 1e3/1e6/1e9 is also accepted;
     - its slot fits the gold relation: cy <- value/to; py and py1 <- from;
       increase and increase_py <- change with direction up; decrease and
       decrease_py <- change with direction down.
   A second, looser figure ignores the relation type (KPI + number only).
   A third, diagnostic figure reads the relation from the claim's period
   instead of its slot: a value/to or change whose period has a year is
   typed cy / py / py1 (or increase / increase_py) by its distance from the
   filing's `current_year`, which the tool is not given; a period without a
   year falls back to the slot rule.

Exit status: 0 on success; 2 when the corpus (or a needed part of it) or the
binary is missing. Standard library only.
"""

import argparse
import collections
import datetime
import hashlib
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEED = 20261128
FIELDS = ["metric", "metric head", "value", "change", "direction", "period"]


def die(msg, code=2):
    print(f"claims-accuracy: {msg}", file=sys.stderr)
    sys.exit(code)


# ---------------------------------------------------------------------------
# Running the binary
# ---------------------------------------------------------------------------

def run_scan(binary, folder):
    """Scan a folder; return {doc: [records]} and the doc texts' check count."""
    proc = subprocess.run([str(binary), "scan", "-q", str(folder)],
                          capture_output=True, text=True, encoding="utf-8")
    if proc.returncode not in (0, 1):
        die(f"{binary} scan failed ({proc.returncode}): {proc.stderr.strip()[:500]}")
    by_doc = collections.defaultdict(list)
    for line in proc.stdout.splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        by_doc[rec.get("doc") or rec.get("path")].append(rec)
    return by_doc


def binary_id(binary):
    h = hashlib.sha256(Path(binary).read_bytes()).hexdigest()
    try:
        ver = subprocess.run([str(binary), "--version"], capture_output=True,
                             text=True).stdout.strip()
    except OSError:
        ver = "?"
    return ver, h


# ---------------------------------------------------------------------------
# Shared helpers
# ---------------------------------------------------------------------------

def num_eq(a, b, rel=1e-6):
    if a is None or b is None:
        return False
    a, b = float(a), float(b)
    if a == b:
        return True
    return abs(a - b) <= rel * max(abs(a), abs(b))


def norm_ws(s):
    return " ".join((s or "").lower().split())


def head_word(s):
    words = norm_ws(s).split(" ")
    return words[-1].strip(".,;:()'\"") if words and words[-1] else ""


def pct(n, d):
    return "–" if d == 0 else f"{100.0 * n / d:.1f}%"


def prf(tp, npred, ngold):
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def md_cell(s):
    return str(s).replace("|", "\\|").replace("\n", " ")


# ---------------------------------------------------------------------------
# 1. ECTSum bullets
# ---------------------------------------------------------------------------

def ectsum_pool(summ_dir):
    pool = []
    for f in sorted(p for p in summ_dir.iterdir() if p.suffix == ".txt"):
        lines = f.read_text(encoding="utf-8").split("\n")
        for i, line in enumerate(lines, 1):
            if any(c.isdigit() for c in line):
                pool.append((f.name, i))
    return pool


def read_gold_tsv(path):
    rows = []
    with open(path, encoding="utf-8") as fh:
        header = fh.readline().rstrip("\n").split("\t")
        need = ["file", "line", "claim", "metric", "value", "value_unit", "change",
                "change_unit", "direction", "period"]
        missing = [c for c in need if c not in header]
        if missing:
            die(f"{path}: missing columns {missing}")
        for n, line in enumerate(fh, 2):
            if not line.strip():
                continue
            cells = line.rstrip("\n").split("\t")
            cells += [""] * (len(header) - len(cells))
            row = dict(zip(header, cells))
            row["line"] = int(row["line"])
            row["claim"] = row["claim"].strip() != "0"
            for k in ("value", "change"):
                row[k] = float(row[k]) if row[k].strip() else None
            rows.append(row)
    return rows


def field_value_ok(gold_v, gold_u, tool):
    """tool: the claim's value dict (or change dict), or None."""
    if gold_v is None:
        return tool is None
    if not tool or tool.get("value") is None:
        return False
    if not num_eq(gold_v, tool["value"]):
        return False
    if gold_u == "count":
        return tool.get("kind") == "count" or (tool.get("kind") is None and
                                                tool.get("unit") not in ("USD", "%"))
    return (gold_u or None) == (tool.get("unit") or None)


def score_bullet(g, c):
    """Per-field right/wrong for gold row g and tool claim c (or None)."""
    if c is None:
        return {f: False for f in FIELDS}
    return {
        "metric": norm_ws(c.get("metric")) == norm_ws(g["metric"]),
        "metric head": head_word(c.get("metric")) == head_word(g["metric"]),
        "value": field_value_ok(g["value"], g["value_unit"], c.get("value")),
        "change": field_value_ok(g["change"], g["change_unit"], c.get("change")),
        "direction": (c.get("direction") or "") == g["direction"],
        "period": (c.get("period") or "") == g["period"],
    }


def fmt_claim(c):
    if c is None:
        return "(no claim)"
    v = c.get("value")
    ch = c.get("change")
    m = (c.get("metric") or "").split()
    m = " ".join(m[:8]) + (" …" if len(m) > 8 else "")
    parts = [f"metric={m!r}"]
    parts.append("value=" + (f"{v['value']:g} {v.get('unit')}" if v else "null"))
    parts.append("change=" + (f"{ch['value']:g} {ch.get('unit')}" if ch else "null"))
    parts.append(f"dir={c.get('direction')}")
    parts.append(f"period={c.get('period')}")
    return ", ".join(parts)


def fmt_gold(g):
    v = f"{g['value']:g} {g['value_unit']}" if g["value"] is not None else "–"
    ch = f"{g['change']:g} {g['change_unit']}" if g["change"] is not None else "–"
    return (f"metric={g['metric']!r}, value={v}, change={ch}, "
            f"dir={g['direction'] or '–'}, period={g['period'] or '–'}")


def measure_ectsum(binary, corpus, gold_path, n_examples):
    out = []
    summ = corpus / "ectsum" / "final" / "test" / "gt_summaries"
    if not summ.is_dir():
        die(f"ECTSum summaries not found at {summ} (is the shared corpus present?)")
    rows = read_gold_tsv(gold_path)
    pool = ectsum_pool(summ)
    sample = random.Random(SEED).sample(pool, len(rows))
    order_ok = [(r["file"], r["line"]) for r in rows] == sample
    with tempfile.TemporaryDirectory(prefix="claims-accuracy-ect-") as tmp:
        tmp = Path(tmp)
        texts = {}
        for f in sorted({r["file"] for r in rows}):
            src = summ / f
            if not src.is_file():
                die(f"{src} is missing")
            shutil.copyfile(src, tmp / f)
            texts[f] = src.read_text(encoding="utf-8")
        recs = run_scan(binary, tmp)

    claims_by_doc = collections.defaultdict(list)
    span_errors = 0
    for doc, rs in recs.items():
        for r in rs:
            if r.get("type") == "claim":
                t = texts.get(doc)
                if t is not None and t[r["start"]:r["end"]] != r["text"]:
                    span_errors += 1
                claims_by_doc[doc].append(r)

    results = []
    for g in rows:
        text = texts[g["file"]]
        lines = text.split("\n")
        ls = sum(len(x) + 1 for x in lines[:g["line"] - 1])
        le = ls + len(lines[g["line"] - 1])
        inline = sorted((c for c in claims_by_doc[g["file"]]
                         if c["start"] >= ls and c["end"] <= le),
                        key=lambda c: (c["start"], c["end"]))
        chosen = None
        if inline:
            gh = head_word(g["metric"])
            chosen = next((c for c in inline if gh and head_word(c.get("metric")) == gh),
                          inline[0])
        results.append((g, inline, chosen))

    claim_rows = [x for x in results if x[0]["claim"]]
    none_rows = [x for x in results if not x[0]["claim"]]
    found = [x for x in claim_rows if x[2] is not None]
    multi = sum(1 for x in claim_rows if len(x[1]) > 1)

    out.append("## 1. ECTSum summary bullets: per-field accuracy\n")
    out.append(f"- Gold: `{gold_path.relative_to(REPO) if gold_path.is_relative_to(REPO) else gold_path}`, "
               f"{len(rows)} bullets ({len(claim_rows)} state a metric claim, "
               f"{len(none_rows)} do not), from {len({r['file'] for r in rows})} "
               f"summary files of the test split ({len(pool)} lines with a digit in the pool).")
    out.append(f"- Sample check: the TSV rows {'are' if order_ok else 'are NOT'} "
               f"`random.Random({SEED}).sample(pool, {len(rows)})` in order.")
    if span_errors:
        out.append(f"- WARNING: {span_errors} claim records whose `text` is not "
                   f"`doc[start:end]` (line assignment may be off).")
    out.append(f"- A tool claim was found in {len(found)} of {len(claim_rows)} claim bullets "
               f"({pct(len(found), len(claim_rows))}); {multi} bullets had more than one "
               f"claim in the line (scored: the claim whose metric head matches, else the first).")
    out.append("- Scoring: a tool claim belongs to a bullet when its span lies inside the "
               "bullet's line. Metric: lower case, whitespace collapsed, exact; metric head: "
               "last word equal. Value and change: numbers within 1e-6 relative and units "
               "equal (gold unit `count` means the value kind is count; the counted noun is "
               "not scored); an empty gold field is right only when the tool's is null. "
               "Direction and period: string equality, empty = null. In the first column a "
               "bullet without a tool claim is wrong on every field.")
    out.append("")
    out.append("| field | right, all claim bullets | right, bullets with a claim found |")
    out.append("|---|---|---|")
    scores_all = [score_bullet(g, c) for g, _, c in claim_rows]
    scores_found = [score_bullet(g, c) for g, _, c in found]
    out.append(f"| claim found | {len(found)}/{len(claim_rows)} = {pct(len(found), len(claim_rows))} | – |")
    for f in FIELDS:
        a = sum(s[f] for s in scores_all)
        b = sum(s[f] for s in scores_found)
        out.append(f"| {f} | {a}/{len(claim_rows)} = {pct(a, len(claim_rows))} | "
                   f"{b}/{len(found)} = {pct(b, len(found))} |")
    allright = sum(all(s[f] for f in FIELDS if f != "metric head") for s in scores_all)
    out.append(f"| all of metric, value, change, direction, period | {allright}/{len(claim_rows)} = "
               f"{pct(allright, len(claim_rows))} | "
               f"{allright}/{len(found)} = {pct(allright, len(found))} |")
    out.append("")

    # Split by whether the gold field is filled.
    out.append("Where the gold field is filled vs empty (bullets with a claim found):\n")
    out.append("| field | gold filled: right | gold empty: right (tool also empty) |")
    out.append("|---|---|---|")
    for f, key in (("value", "value"), ("change", "change"),
                   ("direction", "direction"), ("period", "period")):
        filled = [(g, c) for g, _, c in found if g[key] not in (None, "")]
        empty = [(g, c) for g, _, c in found if g[key] in (None, "")]
        a = sum(score_bullet(g, c)[f] for g, c in filled)
        b = sum(score_bullet(g, c)[f] for g, c in empty)
        out.append(f"| {f} | {a}/{len(filled)} = {pct(a, len(filled))} | "
                   f"{b}/{len(empty)} = {pct(b, len(empty))} |")
    out.append("")
    spurious = sum(1 for x in none_rows if x[1])
    out.append(f"Bullets annotated as stating no metric claim: the tool emitted a claim "
               f"on {spurious} of {len(none_rows)}.\n")

    # Error listing.
    errs = [(g, c, s) for (g, _, c), s in zip(claim_rows, scores_all)
            if c is not None and not all(s[f] for f in FIELDS)]
    out.append(f"### Bullets where a claim was found but a field is wrong "
               f"({len(errs)} of {len(found)})\n")
    out.append("Bullet text is not reproduced (licence); see the file and line. "
               "Long tool metrics are cut to 8 words.\n")
    out.append("| bullet | wrong | gold | tool |")
    out.append("|---|---|---|---|")
    for g, c, s in errs[:n_examples]:
        wrong = ", ".join(f for f in FIELDS if not s[f])
        out.append(f"| {g['file']}:{g['line']} | {wrong} | {md_cell(fmt_gold(g))} | "
                   f"{md_cell(fmt_claim(c))} |")
    if len(errs) > n_examples:
        out.append(f"\n({len(errs) - n_examples} more not shown; raise --examples.)")
    out.append("")
    missing = [g for g, _, c in claim_rows if c is None]
    out.append(f"### Claim bullets with no tool claim ({len(missing)} of {len(claim_rows)})\n")
    out.append("As `file:line (gold metric; which gold number it has: value, change or none)`:\n")
    items = []
    for g in missing[:max(n_examples, 0) * 3]:
        v = "value" if g["value"] is not None else ("change" if g["change"] is not None else "none")
        items.append(f"{g['file']}:{g['line']} ({g['metric']}; {v})")
    out.append(", ".join(items) + ("" if len(missing) <= len(items) else
                                   f", … ({len(missing) - len(items)} more)"))
    out.append("")
    return "\n".join(out)


# ---------------------------------------------------------------------------
# 2. KPI-EDGAR
# ---------------------------------------------------------------------------

NO_SPACE_BEFORE = (",", ".", ")", ":", ";", "%", "'s", "’s", "?", "!", "]")
NO_SPACE_AFTER = ("(", "$", "[", "€", "£")
VALUE_TYPES = ["cy", "py", "py1", "increase", "decrease", "increase_py", "decrease_py"]
KPI_TYPES = ("thereof", "kpi", "kpi_coref")
SCALE = {"thousand": 1e3, "thousands": 1e3, "million": 1e6, "millions": 1e6,
         "billion": 1e9, "billions": 1e9, "trillion": 1e12}
STOP = {"the", "of", "and", "a", "an", "in", "for", "to", "on", "at", "by", "our",
        "its", "s"}
SLOT_OF = {"cy": "cy", "py": "py", "py1": "py", "increase": "increase",
           "increase_py": "increase", "decrease": "decrease", "decrease_py": "decrease"}


def detok(tokens):
    """Join tokens into text; return text and each token's (start, end)."""
    parts, spans, pos = [], [], 0
    prev = None
    for t in tokens:
        if prev is not None:
            glue = not (t.startswith(NO_SPACE_BEFORE) or prev.endswith(NO_SPACE_AFTER))
            if glue:
                parts.append(" ")
                pos += 1
        spans.append((pos, pos + len(t)))
        parts.append(t)
        pos += len(t)
        prev = t
    return "".join(parts), spans


def content_tokens(s):
    toks = re.findall(r"[a-z0-9]+", (s or "").lower())
    kept = [t for t in toks if t not in STOP]
    return kept or toks


def parse_number(tok):
    t = tok.strip().replace(",", "").replace("$", "")
    neg = t.startswith("(") and t.endswith(")")
    t = t.strip("()")
    try:
        v = float(t)
    except ValueError:
        return None
    return -v if neg else v


def label_parts(lab):
    """'cy_1_2' -> ('cy', '1_2'); 'kpi_coref_1' -> ('kpi_coref', '1')."""
    m = re.fullmatch(r"([a-z][a-z0-9_]*?)_(\d+(?:_\d+)*)", lab or "")
    if not m:
        return (lab or "").strip(), None
    return m.group(1), m.group(2)


def gold_links(d):
    """Return (links, unparsed) for one sentence record."""
    toks, labs = d["tokens"], d["manual_annotations"]
    kpi_tokens = collections.defaultdict(list)   # suffix -> [token idx]
    values = []
    for i, lab in enumerate(labs):
        if not lab or not lab.strip():
            continue
        base, suf = label_parts(lab)
        if base in KPI_TYPES and suf is not None:
            kpi_tokens[suf].append(i)
        elif base in VALUE_TYPES and suf is not None:
            values.append((i, base, suf))
    links, unparsed = [], 0
    for i, base, suf in values:
        s = suf
        while s is not None and s not in kpi_tokens:
            s = s.rsplit("_", 1)[0] if "_" in s else None
        if s is None:
            continue                      # value without a KPI (e.g. _0)
        v = parse_number(toks[i])
        if v is None:
            unparsed += 1
            continue
        scale = 1.0
        if i + 1 < len(toks) and toks[i + 1].lower() in SCALE:
            scale = SCALE[toks[i + 1].lower()]
        parents = []                      # enclosing KPIs of a sub-KPI (thereof)
        a = s
        while "_" in a:
            a = a.rsplit("_", 1)[0]
            if a in kpi_tokens:
                parents.append(" ".join(toks[j] for j in kpi_tokens[a]))
        links.append({"tok": i, "type": base, "kpi_idx": kpi_tokens[s],
                      "kpi": " ".join(toks[j] for j in kpi_tokens[s]),
                      "parents": parents,
                      "num": v, "scale": scale, "text": toks[i]})
    return links, unparsed


def sentence_scales(text):
    low = text.lower()
    out = []
    for word, f in (("thousands", 1e3), ("millions", 1e6), ("billions", 1e9)):
        if re.search(r"\bin " + word + r"\b", low):
            out.append(f)
    return out


def number_matches(gold, x, doc_scales):
    if x is None:
        return False
    g = abs(gold["num"])
    cands = {g * gold["scale"], g}
    for f in doc_scales:
        cands.add(g * f)
    return any(num_eq(abs(float(x)), c) for c in cands)


def metric_matches(metric, kpi):
    kt = content_tokens(kpi)
    if not kt:
        return False
    mt = set(content_tokens(metric))
    return sum(1 for t in kt if t in mt) / len(kt) >= 0.5


def kpi_matches(metric, g):
    """0 = no match, 1 = the linked KPI span, 2 = only an enclosing KPI."""
    if metric_matches(metric, g["kpi"]):
        return 1
    if any(metric_matches(metric, p) for p in g["parents"]):
        return 2
    return 0


def period_year(claim):
    m = re.match(r"(?:FY)?(\d{4})", claim.get("period") or "")
    return int(m.group(1)) if m else None


def period_type(slot, year, current_year):
    """The gold relation a predicted link implies when its period is read
    against the filing's current year; None when the period gives no year."""
    if year is None:
        return None
    off = current_year - year
    if slot == "cy":
        return {0: "cy", 1: "py", 2: "py1"}.get(off, "other")
    if slot in ("increase", "decrease"):
        return {0: slot, 1: slot + "_py"}.get(off, "other")
    return None


def pred_links(claim):
    """(slot, metric, number, period year) for each filled slot of a claim."""
    out = []
    y = period_year(claim)
    m = claim.get("metric") or ""
    v = claim.get("value") or {}
    to = claim.get("to") or {}
    fr = claim.get("from") or {}
    ch = claim.get("change") or {}
    nums = set()
    for src in (v, to):
        if src.get("value") is not None and src["value"] not in nums:
            nums.add(src["value"])
            out.append(("cy", m, src["value"], y))
    if fr.get("value") is not None:
        out.append(("py", m, fr["value"], None))
    if ch.get("value") is not None and claim.get("direction") in ("up", "down"):
        out.append(("increase" if claim["direction"] == "up" else "decrease", m,
                    ch["value"], y))
    return out


def measure_kpi_edgar(binary, corpus, n_examples):
    out = []
    base = corpus / "kpi-edgar"
    path = base / "kpi_edgar.jsonl"
    if not path.is_file():
        die(f"KPI-EDGAR not found at {path} (is the shared corpus present?)")
    recs = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    has_split = any(r.get("split") == "test" for r in recs)
    sents = [r for r in recs if r.get("split") == "test"] if has_split else recs

    docs = []
    with tempfile.TemporaryDirectory(prefix="claims-accuracy-kpi-") as tmp:
        tmp = Path(tmp)
        for n, d in enumerate(sents):
            text, spans = detok(d["tokens"])
            name = f"s{n:04d}.txt"
            (tmp / name).write_text(text + "\n", encoding="utf-8")
            docs.append((name, d, text, spans))
        by_doc = run_scan(binary, tmp)

    ngold = collections.Counter()
    npred = collections.Counter()
    tp_gold = collections.Counter()       # by gold relation type
    tp_pred = collections.Counter()       # by predicted slot
    loose_tp = 0
    period_tp = 0
    via_parent = 0
    unparsed_total = 0
    n_claims = 0
    sents_with_claim = 0
    # diagnostics for the gold links that were missed
    miss_cat = collections.Counter()
    missed_examples, fp_examples = [], []
    fp_cat = collections.Counter()

    for name, d, text, spans in docs:
        links, unparsed = gold_links(d)
        unparsed_total += unparsed
        claims = [r for r in by_doc.get(name, []) if r.get("type") == "claim"]
        mentions = [r for r in by_doc.get(name, []) if r.get("type") == "mention"]
        n_claims += len(claims)
        sents_with_claim += bool(claims)
        scales = sentence_scales(text)
        for g in links:
            ngold[g["type"]] += 1
        preds = [p for c in claims for p in pred_links(c)]
        for p in preds:
            npred[p[0]] += 1

        # strict matching (type must fit), one to one, greedy
        used = set()
        for slot, metric, x, _ in preds:
            hit = None
            for k, g in enumerate(links):
                if k in used or SLOT_OF[g["type"]] != slot:
                    continue
                how = kpi_matches(metric, g) if number_matches(g, x, scales) else 0
                if how:
                    hit = k
                    break
            if hit is not None:
                used.add(hit)
                via_parent += how == 2
                tp_gold[links[hit]["type"]] += 1
                tp_pred[slot] += 1
            else:
                val_gold = [g for g in links if number_matches(g, x, scales)]
                if not val_gold:
                    cat = "number is not a gold value"
                elif any(kpi_matches(metric, g) for g in val_gold):
                    cat = "gold value and KPI, wrong relation slot"
                else:
                    cat = "gold value, metric does not match its KPI"
                fp_cat[cat] += 1
                if len(fp_examples) < 400:
                    fp_examples.append((name, cat, slot, metric, x))

        # loose matching (type ignored)
        used_l = set()
        for slot, metric, x, _ in preds:
            for k, g in enumerate(links):
                if k not in used_l and number_matches(g, x, scales) and \
                        kpi_matches(metric, g):
                    used_l.add(k)
                    loose_tp += 1
                    break

        # period-aware typing: the relation implied by the claim's period
        # against the filing's current year, else by the slot
        cur = int(d.get("current_year") or 0)
        used_p = set()
        for slot, metric, x, y in preds:
            want = period_type(slot, y, cur) if cur else None
            for k, g in enumerate(links):
                fits = (SLOT_OF[g["type"]] == slot) if want is None else (g["type"] == want)
                if k not in used_p and fits and number_matches(g, x, scales) and \
                        kpi_matches(metric, g):
                    used_p.add(k)
                    period_tp += 1
                    break

        for k, g in enumerate(links):
            if k in used:
                continue
            gs, ge = spans[g["tok"]]
            mention_here = any(m["start"] <= gs and m["end"] >= ge for m in mentions)
            val_in_claim = [c for c in claims
                            if any(number_matches(g, x, scales)
                                   for _, _, x, _ in pred_links(c))]
            if not claims:
                cat = "no claim in the sentence"
            elif not mention_here:
                cat = "value not extracted as a mention"
            elif not val_in_claim:
                cat = "value extracted but in no claim slot"
            elif any(kpi_matches(c.get("metric"), g) for c in val_in_claim):
                cat = "value and KPI right, wrong slot (relation type)"
            else:
                cat = "value in a claim, metric does not match the KPI"
            miss_cat[cat] += 1
            missed_examples.append((name, g, cat, val_in_claim[:1]))

    G = sum(ngold.values())
    P = sum(npred.values())
    T = sum(tp_gold.values())
    p, r, f = prf(T, P, G)
    lp, lr, lf = prf(loose_tp, P, G)
    pp, pr, pf = prf(period_tp, P, G)
    out.append("## 2. KPI-EDGAR: metric ↔ value links\n")
    out.append(f"- Data: `kpi-edgar/kpi_edgar.jsonl`, "
               + (f"the dataset's own **test** split: {len(sents)} sentences from "
                  f"{len({d['filing'] for d in sents})} filings."
                  if has_split else f"no split marked, so all {len(sents)} sentences."))
    out.append(f"- Gold links (value token → KPI name): {G}; {unparsed_total} labelled value "
               f"tokens could not be read as a number and were left out.")
    out.append(f"- Tool: {n_claims} claims in {sents_with_claim} of {len(sents)} sentences; "
               f"{P} predicted links. {via_parent} of the typed matches matched only the "
               f"enclosing KPI of a sub-KPI (`thereof`) link.")
    out.append("- Matching: each claim gives up to three predicted links: (metric, `value` or "
               "`to`) typed cy, (metric, `from`) typed py, and (metric, `change`) typed increase "
               "if the direction is up or decrease if it is down. A predicted link matches one "
               "unmatched gold link (greedy, in output order) when (1) the claim's metric "
               "contains at least 50% of the gold KPI name's content tokens (lower-case "
               "alphanumeric tokens without a few function words); for a sub-KPI (`thereof`) "
               "link the enclosing KPI's name is accepted too; (2) the numbers agree within "
               "1e-6 relative, by magnitude. The gold number is the labelled token times a scale "
               "word right after it (\"92 million\"); if the sentence says \"in "
               "thousands/millions/billions\", the bare token ×1e3/1e6/1e9 is also accepted; "
               "(3) the type fits: cy ← cy; py and py1 ← py; increase and increase_py ← "
               "increase; decrease and decrease_py ← decrease. The \"type ignored\" row drops "
               "(3). The diagnostic row types a value/change by its claim's period year "
               "relative to the filing's `current_year` (cy, py, py1; increase vs "
               "increase_py), which the tool is not given.")
    out.append("- Sentences are rebuilt from the tokens (no space before `, . ) : ; %`, none "
               "after `( $`), written one per file and scanned as a folder.")
    out.append("")
    out.append("| | precision | recall | F1 | TP | predicted | gold |")
    out.append("|---|---|---|---|---|---|---|")
    out.append(f"| **all relations (typed)** | {p:.1%} | {r:.1%} | {f:.1%} | {T} | {P} | {G} |")
    out.append(f"| all, relation type ignored | {lp:.1%} | {lr:.1%} | {lf:.1%} | {loose_tp} | {P} | {G} |")
    out.append(f"| all, relation type from the claim's period (diagnostic) | {pp:.1%} | {pr:.1%} | "
               f"{pf:.1%} | {period_tp} | {P} | {G} |")
    for slot, gtypes in (("cy", ["cy"]), ("py", ["py", "py1"]),
                         ("increase", ["increase", "increase_py"]),
                         ("decrease", ["decrease", "decrease_py"])):
        g_n = sum(ngold[t] for t in gtypes)
        t_n = tp_pred[slot]
        sp, sr, sf = prf(t_n, npred[slot], g_n)
        out.append(f"| {'/'.join(gtypes)} ← {slot} slot | {sp:.1%} | {sr:.1%} | {sf:.1%} | "
                   f"{t_n} | {npred[slot]} | {g_n} |")
    out.append("")
    out.append("Recall by gold relation type:\n")
    out.append("| gold type | gold | found | recall |")
    out.append("|---|---|---|---|")
    for t in VALUE_TYPES:
        if ngold[t]:
            out.append(f"| {t} | {ngold[t]} | {tp_gold[t]} | {pct(tp_gold[t], ngold[t])} |")
    out.append("")
    out.append("Missed gold links, by first failing step:\n")
    out.append("| cause | links |")
    out.append("|---|---|")
    for cat, n in miss_cat.most_common():
        out.append(f"| {cat} | {n} |")
    out.append("")
    out.append("Unmatched predicted links:\n")
    out.append("| cause | links |")
    out.append("|---|---|")
    for cat, n in fp_cat.most_common():
        out.append(f"| {cat} | {n} |")
    out.append("")
    out.append("Context: the best result published with the dataset is 22.7 relation F1 "
               "(Deußer et al., ICMLA 2022, arXiv:2210.09163), scored with the authors' own "
               "adjusted metric. The figures here use a different matching rule (above) and a "
               "rule-based tool that was not trained on the dataset; they are not a "
               "like-for-like comparison.\n")

    per_cat = max(3, n_examples // max(1, len(miss_cat)))
    out.append(f"### Examples of missed gold links (up to {per_cat} per cause)\n")
    out.append("| doc | gold type | gold KPI | gold value | cause | tool claim with that number |")
    out.append("|---|---|---|---|---|---|")
    shown = collections.Counter()
    for name, g, cat, cl in missed_examples:
        if shown[cat] >= per_cat:
            continue
        shown[cat] += 1
        out.append(f"| {name} | {g['type']} | {md_cell(g['kpi'])} | {md_cell(g['text'])} | {cat} | "
                   f"{md_cell(fmt_claim(cl[0])) if cl else '–'} |")
    out.append("")
    per_cat = max(3, n_examples // max(1, len(fp_cat)))
    out.append(f"### Examples of unmatched predicted links (up to {per_cat} per cause)\n")
    out.append("| doc | cause | slot | tool metric | number |")
    out.append("|---|---|---|---|---|")
    shown = collections.Counter()
    for name, cat, slot, metric, x in fp_examples:
        if shown[cat] >= per_cat:
            continue
        shown[cat] += 1
        out.append(f"| {name} | {cat} | {slot} | {md_cell(metric)} | {x:g} |")
    out.append("")
    out.append("Docs `sNNNN.txt` are the test-split sentences in file order, numbered from 0.\n")
    return "\n".join(out)


# ---------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog=__doc__.split("\n\n", 1)[1])
    ap.add_argument("--bin", default="target/release/claimscan",
                    help="the claimscan binary (a relative path is taken from the repo root)")
    ap.add_argument("--gold", default="docs/ectsum-claims-gold.tsv",
                    help="ECTSum annotation TSV (relative: from the repo root)")
    ap.add_argument("--corpus", default=str(REPO.parent / "shared" / "corpus"),
                    help="the shared corpus folder (default: ../shared/corpus next to the repo)")
    ap.add_argument("--examples", type=int, default=40,
                    help="rows in each error listing (default 40)")
    ap.add_argument("--print-sample", type=int, metavar="N",
                    help="print the first N sampled ECTSum bullet ids (file, line) and exit")
    args = ap.parse_args()

    corpus = Path(args.corpus)
    if not corpus.is_dir():
        die(f"the shared corpus is not present at {corpus}; nothing to measure "
            f"(pass --corpus DIR)")
    if args.print_sample:
        summ = corpus / "ectsum" / "final" / "test" / "gt_summaries"
        if not summ.is_dir():
            die(f"ECTSum summaries not found at {summ}")
        for f, i in random.Random(SEED).sample(ectsum_pool(summ), args.print_sample):
            print(f"{f}\t{i}")
        return 0

    binary = Path(args.bin)
    if not binary.is_absolute():
        binary = REPO / binary
    if not binary.is_file():
        die(f"binary not found: {binary} (build it, or pass --bin PATH)")
    gold = Path(args.gold)
    if not gold.is_absolute():
        gold = REPO / gold
    if not gold.is_file():
        die(f"annotation file not found: {gold}")

    ver, sha = binary_id(binary)
    report = ["# Claim accuracy: ECTSum bullets and KPI-EDGAR links\n",
              f"- Binary: `{binary}` ({ver}, sha256 `{sha[:16]}…`)",
              f"- Run: {datetime.date.today().isoformat()}, corpus `{corpus}`",
              ""]
    report.append(measure_ectsum(binary, corpus, gold, args.examples))
    report.append(measure_kpi_edgar(binary, corpus, args.examples))
    print("\n".join(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
