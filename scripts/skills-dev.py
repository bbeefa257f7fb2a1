#!/usr/bin/env python3
"""The blind skills development set: excerpts, annotator packets, gold.

Usage:
    python3 scripts/skills-dev.py excerpts OUT_DIR [--shared ../shared]
    python3 scripts/skills-dev.py packets OUT_DIR [--shared ../shared]
    python3 scripts/skills-dev.py check ANNOTATIONS.jsonl [--texts DIR] [--shared ../shared]
    python3 scripts/skills-dev.py build ADJUDICATED.jsonl [--shared ../shared]
    python3 scripts/skills-dev.py materialize OUT_DIR [--shared ../shared]
    python3 scripts/skills-dev.py score [--bin B] [--split dev|test|both] [--diff] [--json]

The excerpts come from the third-party corpora in ../shared/corpus and are
NOT copied into this repository (their licences do not allow it).
`fixtures/skills-dev/excerpts.tsv` names each excerpt by corpus file and
locator (a line range, or a Reuters NEWID) with the SHA-256 of its text, so
anyone with the corpus rebuilds exactly the same texts; `gold.jsonl` holds the
adjudicated skill mentions as contract records with code-point offsets into
those texts (no corpus text beyond the short skill names).

excerpts     picks the excerpts (deterministic: seed 20261207), writes
             OUT_DIR/<id>.txt, OUT_DIR/excerpts.tsv and OUT_DIR/terms.tsv
             (the selection vocabulary's hits per excerpt); the excerpts.tsv
             is then copied to fixtures/skills-dev/. Its first column's split
             (`dev` or `test`, seed 20261208) is fixed here, before any
             annotation or tuning.
packets      writes one annotator packet: GUIDELINES.md and FORMAT.md from
             fixtures/skills-dev/ and OUT_DIR/<id>.txt for every excerpt,
             dev and test alike (the packet does not say which is which).
check        validates an annotation file in the write format of FORMAT.md:
             every `text` is found at its `occurrence`, every excerpt is
             covered, `unit` is an ESCO concept URI or an O*NET commodity
             code that exists in the shared corpus, or null.
build        checks the adjudicated annotations and turns them into
             fixtures/skills-dev/gold.jsonl: contract `skill` mention records
             with code-point `start`/`end` (text == excerpt[start:end]) and
             the excerpt's `split`; fails on the first annotation it cannot
             place.
materialize  writes the excerpt texts (checked against their SHA-256) to
             OUT_DIR/{dev,test}/<id>.txt, for `claimscan scan`.
score        scans the excerpts with a claimscan binary (--bin, default
             target/release/claimscan) and prints `claimscan eval` of the
             skill mentions for the dev and the test part; --diff lists the
             dev part's errors only (the test part's are never shown: it is
             not looked at while tuning).

How the excerpts are drawn (earnings text is thin on skills, so the windows
are chosen by the density of a broad technology and workforce vocabulary,
TERMS below, written for this script and unrelated to claimscan's lexicon):

- ECTSum *train* transcripts and MAEC calls (one sentence per line): for each
  document, the line window of 1,000 to 1,500 characters with the highest
  vocabulary score (each distinct term counts up to three hits); one document
  per ticker across both corpora, the best-scoring one. 22 windows of each
  corpus are sampled from the 44 best-scoring documents, and 3 more of each
  are sampled from the 9 best of the remaining documents by a score that
  favours words that are skills only in some contexts (AMBIGUOUS: Oracle,
  Windows, Java, design, mobile, Lean, Excel, Office, Teams).
- Reuters-21578 `earn` stories, whole (title, blank line, body as wrapped on
  the wire), of at most 2,700 characters: the 9 densest by the same score,
  one per company, and the densest remaining one with an AMBIGUOUS word.
- Never a document listed in corpus/RESERVED.txt, and never a document of a
  ticker that has a reserved document in ECTSum or MAEC (companies reuse
  their prepared remarks from quarter to quarter).
- The test part is a third of the excerpts of each corpus (largest
  remainder, ties by seed), sampled with a second seed.

Standard library only.
"""

import argparse
import collections
import csv
import html
import json
import os
import random
import re
import shutil
import sys

import excerpt_common
from excerpt_common import read_lines, reserved, reuters_date, sha

SEED = 20261207
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
FIX = os.path.join(ROOT, "fixtures", "skills-dev")

ECT_DIR = "ectsum/final/train/ects"
MAEC_DIR = "maec/MAEC_Dataset"
# Per transcript corpus: windows picked by density, then by ambiguity.
N_DENSE, N_AMBIG = 22, 3
N_REUTERS_DENSE, N_REUTERS_AMBIG = 9, 1
WINDOW_MIN, WINDOW_MAX = 1000, 1500
REUTERS_MAX = 2700

# The selection vocabulary: technology fields, tools, products, workforce
# words. Case-insensitive words, then case-sensitive acronyms. It only ranks
# windows; it says nothing about what the annotators mark.
TERMS_CI = (
    r"artificial intelligence|machine learning|deep learning|neural networks?|"
    r"natural language|computer vision|generative|software|cloud|data|"
    r"analytics|digital\w*|automat\w+|platforms?|cyber\w*|engineer\w*|"
    r"developers?|programming|coding|skill\w*|talent|training|hiring|"
    r"recruit\w*|upskill\w*|reskill\w*|technolog\w+|algorithms?|e-?commerce|"
    r"online|apps?|mobile|internet|robot\w*|blockchain|virtual reality|"
    r"augmented reality|databases?|javascript|java|python|linux|excel|windows|"
    r"oracle|salesforce|microsoft|azure|amazon web services|google cloud|"
    r"workday|servicenow|kubernetes|devops|agile|lean|six sigma|design|"
    r"simulation|telematics|lidar|internet of things|edge computing|quantum|"
    r"encryption|computers?|sensors?|drones?"
)
TERMS_CS = r"AI|ML|IoT|SaaS|PaaS|IaaS|SAP|5G|ERP|CRM|AWS|APIs?|SQL|IT|AR|VR|CAD"
TERMS = re.compile(rf"(?i:\b(?:{TERMS_CI})\b)|\b(?:{TERMS_CS})\b")

# Words that name a skill only in some contexts; weight 3 for the rare ones.
AMBIGUOUS = re.compile(
    r"\b(?:Oracle|Windows|Java|Lean|LEAN|Excel|excel|[Dd]esign\w*|[Mm]obile|"
    r"Office|Teams)\b"
)
AMBIGUOUS_RARE = {"oracle", "windows", "java", "lean", "excel"}


def die(msg):
    print(f"skills-dev: {msg}", file=sys.stderr)
    sys.exit(2)


def ticker(rel):
    """ECTSum `TICKER_qN_YYYY.txt`, MAEC `YYYYMMDD_TICKER/text.txt`."""
    if rel.startswith("maec/"):
        return rel.split("/")[2].split("_", 1)[1]
    return os.path.basename(rel).split("_q")[0]


# ---------------------------------------------------------------- texts

REUTERS = re.compile(r"<REUTERS[^>]*NEWID=\"(\d+)\">(.*?)</REUTERS>", re.S)


def reuters_story(block):
    """Title, body and date, as scripts/claims-dev.py reads them."""
    def grab(tag):
        m = re.search(rf"<{tag}>(.*?)</{tag}>", block, re.S)
        return m.group(1) if m else ""

    body = re.sub(r"\s*Reuter\s*$", "", html.unescape(grab("BODY"))).rstrip()
    body = "".join(ch for ch in body if ch == "\n" or ch >= " ")
    title = html.unescape(grab("TITLE")).strip()
    return title, body, grab("DATE").strip()


def reuters_earn(shared):
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


def story_text(title, body):
    return f"{title}\n\n{body}\n"


def excerpt_text(shared, source, locator, cache=None):
    """The excerpt's text and document date ('' when unknown)."""
    if source.startswith("reuters21578/"):
        if cache is None or source not in cache:
            stories = {newid: block for rel, newid, block in reuters_earn(shared)
                       if rel == source}
            if cache is None:
                cache = {}
            cache[source] = stories
        block = cache[source].get(locator)
        if block is None:
            die(f"no earn story {source} NEWID {locator}")
        title, body, date = reuters_story(block)
        return story_text(title, body), reuters_date(date)
    lines = read_lines(os.path.join(shared, "corpus", source))
    a, b = (int(x) for x in locator[1:].split("-"))
    text = "\n".join(lines[a - 1 : b]) + "\n"
    date = ""
    m = re.search(r"MAEC_Dataset/(\d{4})(\d{2})(\d{2})_", source)
    if m:
        date = f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
    return text, date


# ---------------------------------------------------------------- excerpts

def term_counts(text):
    return collections.Counter(m.group(0).lower() for m in TERMS.finditer(text))


def density(counts):
    return sum(min(v, 3) for v in counts.values())


def ambiguity(text):
    return ambiguity_of({m.group(0) for m in AMBIGUOUS.finditer(text)})


def ambiguity_of(found):
    words = {w.lower() for w in found}
    words = {"design" if w.startswith("design") else w for w in words}
    return sum(3 if w in AMBIGUOUS_RARE else 1 for w in words)


def best_window(lines, key):
    """The window of WINDOW_MIN..WINDOW_MAX characters (whole lines) with
    the highest key(term counts, ambiguous words), first one on ties:
    (score, start, count). Lines are scored once; windows add them up."""
    per_line = [(term_counts(l), {m.group(0) for m in AMBIGUOUS.finditer(l)})
                for l in lines]
    best = None
    for i in range(len(lines)):
        size, j = 0, i
        while j < len(lines) and (j == i or size + len(lines[j]) + 1 <= WINDOW_MAX):
            size += len(lines[j]) + 1
            j += 1
        if size < WINDOW_MIN or size > WINDOW_MAX or not lines[i].strip():
            continue
        counts, amb = collections.Counter(), set()
        for c, w in per_line[i:j]:
            counts.update(c)
            amb |= w
        score = key(counts, amb)
        if best is None or score > best[0]:
            best = (score, i, j - i)
    return best


def transcript_docs(shared):
    corpus = os.path.join(shared, "corpus")
    ect = sorted(f"{ECT_DIR}/{n}" for n in os.listdir(os.path.join(corpus, ECT_DIR))
                 if n.endswith(".txt"))
    maec = sorted(f"{MAEC_DIR}/{n}/text.txt"
                  for n in os.listdir(os.path.join(corpus, MAEC_DIR)))
    return ect, maec


def transcript_picks(rng, shared, docs, skip_tickers, res_files, prefix):
    """N_DENSE windows sampled from the 2*N_DENSE densest documents (one per
    ticker), then N_AMBIG from the 3*N_AMBIG best of the rest by ambiguity."""
    dense, ambig = [], []
    for rel in docs:
        if rel in res_files or ticker(rel) in skip_tickers:
            continue
        lines = read_lines(os.path.join(shared, "corpus", rel))
        d = best_window(lines, lambda c, w: density(c))
        if d is None or d[0] == 0:
            continue
        dense.append((d[0], rel, d[1], d[2]))
        a = best_window(lines, lambda c, w: (ambiguity_of(w), density(c)))
        if a is not None and a[0][0] >= 3:
            ambig.append((a[0], rel, a[1], a[2]))
    picks, used = [], set(skip_tickers)

    def top(cands, n):
        out = []
        for c in sorted(cands, key=lambda c: (c[0], c[1]), reverse=True):
            if ticker(c[1]) in used or ticker(c[1]) in {ticker(o[1]) for o in out}:
                continue
            out.append(c)
            if len(out) == n:
                break
        return out

    for c in rng.sample(top(dense, 2 * N_DENSE), N_DENSE):
        picks.append((c[1], f"L{c[2] + 1}-{c[2] + c[3]}", "dense"))
        used.add(ticker(c[1]))
    for c in rng.sample(top(ambig, 3 * N_AMBIG), N_AMBIG):
        picks.append((c[1], f"L{c[2] + 1}-{c[2] + c[3]}", "ambiguous"))
        used.add(ticker(c[1]))
    return picks, used


def reuters_company(title):
    m = re.search(r"<([A-Z.]+)>", title)
    return m.group(1) if m else " ".join(title.split()[:2])


def reuters_picks(shared, res_stories):
    cands = []
    for rel, newid, block in reuters_earn(shared):
        if (rel, newid) in res_stories:
            continue
        title, body, _ = reuters_story(block)
        text = story_text(title, body)
        if len(text) > REUTERS_MAX or not body:
            continue
        c = term_counts(text)
        cands.append((density(c), sum(c.values()) / len(text), ambiguity(text),
                      rel, newid, reuters_company(title)))
    cands.sort(key=lambda c: (c[0], c[1], c[3], int(c[4])), reverse=True)
    picks, companies = [], set()
    for c in cands:
        if len(picks) == N_REUTERS_DENSE:
            break
        if c[5] not in companies:
            picks.append((c[3], c[4], "dense"))
            companies.add(c[5])
    rest = [c for c in cands if c[5] not in companies and c[2] >= 1]
    rest.sort(key=lambda c: (c[2], c[0], c[1], c[3], int(c[4])), reverse=True)
    for c in rest[:N_REUTERS_AMBIG]:
        picks.append((c[3], c[4], "ambiguous"))
    return picks


def test_ids(by_source):
    """A third of each corpus's excerpts (largest remainder), second seed."""
    rng = random.Random(SEED + 1)
    total = sum(len(v) for v in by_source.values())
    want = total // 3
    quota = {k: len(v) // 3 for k, v in by_source.items()}
    frac = sorted(by_source, key=lambda k: (len(by_source[k]) % 3, rng.random()),
                  reverse=True)
    for k in frac[: want - sum(quota.values())]:
        quota[k] += 1
    test = set()
    for k in sorted(by_source):
        test.update(rng.sample(sorted(by_source[k]), quota[k]))
    return test


def cmd_excerpts(args):
    shared = args.shared
    res_files, res_stories = reserved(shared)
    skip = {ticker(r) for r in res_files if r.startswith(("ectsum/", "maec/"))}
    rng = random.Random(SEED)
    ect, maec = transcript_docs(shared)
    e_picks, used = transcript_picks(rng, shared, ect, skip, res_files, "E")
    m_picks, _ = transcript_picks(rng, shared, maec, used, res_files, "M")
    r_picks = reuters_picks(shared, res_stories)
    rows = []
    for prefix, picks in (("E", e_picks), ("M", m_picks), ("R", r_picks)):
        # Ids follow corpus order, so they say nothing about how a window
        # was picked.
        for i, (source, locator, how) in enumerate(sorted(
                picks, key=lambda p: (p[0], int(re.sub(r"\D.*", "", p[1].lstrip("L")))))):
            rows.append((f"{prefix}{i + 1:02d}", source, locator, how))
    by_source = collections.defaultdict(list)
    for xid, *_ in rows:
        by_source[xid[0]].append(xid)
    test = test_ids(by_source)
    os.makedirs(args.out, exist_ok=True)
    tsv = ["#split\tid\tsource\tlocator\tdoc_date\tsha256"]
    terms = ["#id\tpick\tchars\tterm_hits\tdistinct_terms\tambiguous_words\tterms"]
    cache = {}
    for xid, source, locator, how in rows:
        text, date = excerpt_text(shared, source, locator, cache)
        with open(os.path.join(args.out, f"{xid}.txt"), "w", encoding="utf-8") as f:
            f.write(text)
        split = "test" if xid in test else "dev"
        tsv.append(f"{split}\t{xid}\t{source}\t{locator}\t{date}\t{sha(text)}")
        c = term_counts(text)
        amb = sorted({m.group(0) for m in AMBIGUOUS.finditer(text)})
        terms.append(f"{xid}\t{how}\t{len(text)}\t{sum(c.values())}\t{len(c)}\t"
                     f"{','.join(amb)}\t"
                     + ",".join(f"{k}:{v}" for k, v in c.most_common()))
    with open(os.path.join(args.out, "excerpts.tsv"), "w", encoding="utf-8") as f:
        f.write("\n".join(tsv) + "\n")
    with open(os.path.join(args.out, "terms.tsv"), "w", encoding="utf-8") as f:
        f.write("\n".join(terms) + "\n")
    print(f"{len(rows)} excerpts ({len(test)} test) in {args.out}")


# ---------------------------------------------------------------- reading

def read_excerpts(path=None):
    return excerpt_common.read_excerpts(path or os.path.join(FIX, "excerpts.tsv"))


def load_texts(shared):
    texts, cache = {}, {}
    for r in read_excerpts():
        text, _ = excerpt_text(shared, r["source"], r["locator"], cache)
        if sha(text) != r["sha256"]:
            die(f"{r['id']}: the corpus text differs from the recorded SHA-256")
        texts[r["id"]] = (r, text)
    return texts


def texts_from_dir(path):
    """Excerpt texts from a packet or materialized folder, checked against
    excerpts.tsv."""
    texts = {}
    for r in read_excerpts():
        for cand in (os.path.join(path, f"{r['id']}.txt"),
                     os.path.join(path, r["split"], f"{r['id']}.txt")):
            if os.path.exists(cand):
                with open(cand, encoding="utf-8", newline="") as f:
                    text = f.read()
                if sha(text) != r["sha256"]:
                    die(f"{cand}: differs from the recorded SHA-256")
                texts[r["id"]] = (r, text)
                break
        else:
            die(f"no {r['id']}.txt under {path}")
    return texts


def cmd_materialize(args):
    texts = load_texts(args.shared)
    for xid, (r, text) in sorted(texts.items()):
        d = os.path.join(args.out, r["split"])
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, f"{xid}.txt"), "w", encoding="utf-8") as f:
            f.write(text)
    print(f"{len(texts)} excerpts in {args.out}/{{dev,test}}")


def cmd_packets(args):
    texts = load_texts(args.shared)
    os.makedirs(args.out, exist_ok=True)
    stale = [n for n in os.listdir(args.out) if n.endswith((".txt", ".md"))]
    if stale:
        die(f"{args.out} is not empty ({len(stale)} .txt/.md files)")
    for name in ("GUIDELINES.md", "FORMAT.md"):
        shutil.copyfile(os.path.join(FIX, name), os.path.join(args.out, name))
    for xid, (r, text) in sorted(texts.items()):
        with open(os.path.join(args.out, f"{xid}.txt"), "w", encoding="utf-8") as f:
            f.write(text)
    chars = sum(len(t) for _, t in texts.values())
    print(f"packet: {len(texts)} excerpts ({chars} characters), GUIDELINES.md, "
          f"FORMAT.md in {args.out}")


# ---------------------------------------------------------------- annotations

def is_word(ch):
    return ch.isalnum()


def occurrences(text, s):
    """Start offsets of `s` in `text`, as FORMAT.md defines them: exact and
    case-sensitive, left to right, non-overlapping, and not inside a longer
    word (no letter or digit just before a match that starts with one, nor
    just after a match that ends with one)."""
    out, i = [], 0
    while True:
        i = text.find(s, i)
        if i < 0:
            return out
        j = i + len(s)
        before_ok = not (is_word(s[0]) and i > 0 and is_word(text[i - 1]))
        after_ok = not (is_word(s[-1]) and j < len(text) and is_word(text[j]))
        if before_ok and after_ok:
            out.append(i)
            i = j
        else:
            i += 1


ESCO_URI = re.compile(r"^http://data\.europa\.eu/esco/skill/[0-9a-f-]{36}$")
ONET_CODE = re.compile(r"^\d{8}$")


def taxonomy_ids(shared):
    """Known ESCO concept URIs and O*NET commodity codes, or None when the
    corpus lookup files are absent."""
    corpus = os.path.join(shared, "corpus")
    esco_dir, onet = os.path.join(corpus, "esco"), os.path.join(corpus, "onet",
                                                             "Technology Skills.txt")
    if not os.path.isdir(esco_dir) or not os.path.exists(onet):
        return None
    ids = set()
    for name in os.listdir(esco_dir):
        if not name.endswith(".csv"):
            continue
        with open(os.path.join(esco_dir, name), encoding="utf-8", newline="") as f:
            for row in csv.reader(f):
                for cell in row:
                    for part in cell.split(" | "):
                        if ESCO_URI.match(part.strip()):
                            ids.add(part.strip())
    with open(onet, encoding="utf-8") as f:
        for line in f:
            parts = line.split("\t")
            if len(parts) > 2 and ONET_CODE.match(parts[2]):
                ids.add(parts[2])
    return ids


def read_annotations(path, texts, known_ids):
    """Parsed mentions and a list of problems (empty when the file is good)."""
    problems, mentions, covered = [], [], collections.defaultdict(int)
    seen = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            where = f"line {n}"
            try:
                a = json.loads(line)
            except json.JSONDecodeError as e:
                problems.append(f"{where}: not JSON ({e})")
                continue
            if not isinstance(a, dict):
                problems.append(f"{where}: not a JSON object")
                continue
            xid = a.get("excerpt")
            if xid not in texts:
                problems.append(f"{where}: unknown excerpt {xid!r}")
                continue
            where = f"line {n} ({xid})"
            if set(a) == {"excerpt", "mentions"}:
                if a["mentions"] != 0:
                    problems.append(f"{where}: `mentions` may only be 0")
                covered[xid] += 0
                continue
            extra = set(a) - {"excerpt", "text", "occurrence", "value", "unit", "note"}
            missing = {"text", "occurrence", "value", "unit"} - set(a)
            if extra or missing:
                problems.append(f"{where}: fields {sorted(missing)} missing, "
                                f"{sorted(extra)} unknown")
                continue
            s, occ = a["text"], a["occurrence"]
            if not isinstance(s, str) or not s or s != s.strip():
                problems.append(f"{where}: `text` must be a non-empty string "
                                f"without leading or trailing white space: {s!r}")
                continue
            if not isinstance(occ, int) or isinstance(occ, bool) or occ < 1:
                problems.append(f"{where}: `occurrence` must be an integer >= 1")
                continue
            if not isinstance(a["value"], str) or not a["value"].strip():
                problems.append(f"{where}: `value` must be a non-empty string")
            unit = a["unit"]
            if unit is not None:
                if not isinstance(unit, str) or not (ESCO_URI.match(unit) or ONET_CODE.match(unit)):
                    problems.append(f"{where}: `unit` must be an ESCO skill URI, an "
                                    f"8-digit O*NET commodity code or null: {unit!r}")
                elif known_ids is not None and unit not in known_ids:
                    problems.append(f"{where}: `unit` {unit} is in neither the ESCO "
                                    f"files nor O*NET Technology Skills")
            r, text = texts[xid]
            starts = occurrences(text, s)
            if occ > len(starts):
                problems.append(f"{where}: {s!r} occurs {len(starts)} time(s) as a "
                                f"whole word, not {occ}")
                continue
            start = starts[occ - 1]
            key = (xid, start, start + len(s))
            if key in seen:
                problems.append(f"{where}: the same span as line {seen[key]}")
                continue
            seen[key] = n
            covered[xid] += 1
            mentions.append(dict(excerpt=xid, split=r["split"], text=s,
                                 start=start, end=start + len(s),
                                 value=a["value"], unit=unit, line=n))
    # One mention per span of text: nested or crossing spans are an error
    # (GUIDELINES.md: the longer name wins when it is itself a skill).
    by_doc = collections.defaultdict(list)
    for m in mentions:
        by_doc[m["excerpt"]].append(m)
    for xid, ms in by_doc.items():
        ms.sort(key=lambda m: (m["start"], m["end"]))
        for a, b in zip(ms, ms[1:]):
            if b["start"] < a["end"]:
                problems.append(f"line {b['line']} ({xid}): {b['text']!r} overlaps "
                                f"line {a['line']}'s {a['text']!r}")
    uncovered = sorted(set(texts) - set(covered))
    return mentions, problems, uncovered


def report_check(path, texts, known_ids):
    mentions, problems, uncovered = read_annotations(path, texts, known_ids)
    for p in problems:
        print(f"{path}: {p}", file=sys.stderr)
    if uncovered:
        print(f"{path}: {len(uncovered)} excerpt(s) without a line: "
              f"{' '.join(uncovered)}", file=sys.stderr)
    return mentions, problems, uncovered


def cmd_check(args):
    texts = texts_from_dir(args.texts) if args.texts else load_texts(args.shared)
    known = taxonomy_ids(args.shared)
    if known is None:
        print("skills-dev: no ESCO/O*NET files: unit ids checked for form only",
              file=sys.stderr)
    mentions, problems, uncovered = report_check(args.annotations, texts, known)
    docs = {m["excerpt"] for m in mentions}
    with_id = sum(1 for m in mentions if m["unit"])
    print(f"{args.annotations}: {len(mentions)} mentions in {len(docs)} excerpts "
          f"({with_id} with a taxonomy id), {len(problems)} problem(s), "
          f"{len(uncovered)} excerpt(s) not covered")
    sys.exit(1 if problems or uncovered else 0)


def cmd_build(args):
    texts = load_texts(args.shared)
    known = taxonomy_ids(args.shared)
    mentions, problems, uncovered = report_check(args.annotations, texts, known)
    if problems or uncovered:
        die(f"{args.annotations}: {len(problems)} problem(s), {len(uncovered)} "
            f"excerpt(s) not covered: nothing written")
    out = []
    for m in mentions:
        r, text = texts[m["excerpt"]]
        if text[m["start"] : m["end"]] != m["text"]:
            die(f"line {m['line']}: {m['text']!r} is not at {m['start']}:{m['end']}")
        out.append({"type": "mention", "doc": f"{m['excerpt']}.txt",
                    "split": m["split"], "kind": "skill", "text": m["text"],
                    "start": m["start"], "end": m["end"], "value": m["value"],
                    "unit": m["unit"]})
    out.sort(key=lambda c: (c["doc"], c["start"]))
    path = os.path.join(FIX, "gold.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for xid, (r, _) in sorted(texts.items()):
            f.write(json.dumps({"type": "doc", "doc": f"{xid}.txt",
                                "split": r["split"]}) + "\n")
        for c in out:
            f.write(json.dumps(c, ensure_ascii=False) + "\n")
    for split in ("dev", "test"):
        n = sum(1 for c in out if c["split"] == split)
        docs = sum(1 for r, _ in texts.values() if r["split"] == split)
        print(f"{split}: {n} skill mentions in {docs} excerpts")
    print(f"-> {path}")


def match_spans(gold, pred):
    """The one-to-one overlap matching of `claimscan eval`: pairs by largest
    overlap first, ties to the earlier gold, then the earlier prediction.
    `gold` and `pred` are (start, end) lists; returns (gi, pi) pairs."""
    cands = []
    for gi, (gs, ge) in enumerate(gold):
        for pi, (ps, pe) in enumerate(pred):
            lo, hi = max(gs, ps), min(ge, pe)
            if hi > lo or (gs, ge) == (ps, pe):
                cands.append((-(max(hi - lo, 0)), gi, pi))
    cands.sort()
    gu, pu, out = set(), set(), []
    for _, gi, pi in cands:
        if gi not in gu and pi not in pu:
            gu.add(gi)
            pu.add(pi)
            out.append((gi, pi))
    return sorted(out)


def id_accuracy(golds, preds):
    """Among overlap-matched skill mentions whose gold `unit` is an id (ESCO
    URI or O*NET code), how many predictions carry the same `unit`.
    Returns (right, total)."""
    by_doc = {}
    for g in golds:
        by_doc.setdefault(g["doc"], ([], []))[0].append(g)
    for p in preds:
        if p["doc"] in by_doc:
            by_doc[p["doc"]][1].append(p)
    right = total = 0
    for gs, ps in by_doc.values():
        pairs = match_spans([(g["start"], g["end"]) for g in gs],
                            [(p["start"], p["end"]) for p in ps])
        for gi, pi in pairs:
            if gs[gi].get("unit"):
                total += 1
                right += ps[pi].get("unit") == gs[gi]["unit"]
    return right, total


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
                        f.write(json.dumps(g, ensure_ascii=False) + "\n")
            pred = os.path.join(tmp, f"pred-{split}.jsonl")
            subprocess.run([binary, "scan", "-q", "--no-claims", "-o", pred, d], check=True)
            cmd = [binary, "eval", "--gold", gold, "--pred", pred, "--kinds", "skill"]
            if args.json:
                cmd.append("--json")
            if args.diff and split == "dev":
                cmd += ["--diff", "--docs", d]
            n = sum(1 for g in gold_all if g.get("split") == split and g["type"] == "mention")
            print(f"## {split} part ({n} gold skill mentions)")
            sys.stdout.flush()
            sys.stdout.flush()
            subprocess.run(cmd, check=False)
            sys.stdout.flush()
            golds = [g for g in gold_all
                     if g.get("split") == split and g["type"] == "mention"]
            preds = [json.loads(l) for l in open(pred, encoding="utf-8")]
            preds = [p for p in preds
                     if p.get("type") == "mention" and p.get("kind") == "skill"]
            right, total = id_accuracy(golds, preds)
            if args.json:
                print(json.dumps({"split": split, "id_accuracy": {
                    "correct": right, "total": total,
                    "accuracy": right / total if total else None}}))
            else:
                acc = f"{100 * right / total:.1f}" if total else "-"
                print(f"id accuracy (matched mentions whose gold has a unit): "
                      f"{acc} ({right}/{total})")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    shared = os.path.join(ROOT, "..", "shared")
    for name in ("excerpts", "packets", "materialize"):
        p = sub.add_parser(name)
        p.add_argument("out")
        p.add_argument("--shared", default=shared)
    p = sub.add_parser("check")
    p.add_argument("annotations")
    p.add_argument("--texts", help="read the excerpts from this folder (a packet) "
                   "instead of the corpus")
    p.add_argument("--shared", default=shared)
    p = sub.add_parser("build")
    p.add_argument("annotations")
    p.add_argument("--shared", default=shared)
    p = sub.add_parser("score")
    p.add_argument("--bin")
    p.add_argument("--split", default="both", choices=["dev", "test", "both"])
    p.add_argument("--json", action="store_true")
    p.add_argument("--diff", action="store_true",
                   help="dev part only: the test part's errors are never shown")
    p.add_argument("--shared", default=shared)
    args = ap.parse_args()
    needs_corpus = not (args.cmd == "check" and args.texts)
    if needs_corpus and not os.path.isdir(os.path.join(args.shared, "corpus")):
        die(f"the shared corpus is not at {args.shared}/corpus")
    {"excerpts": cmd_excerpts, "packets": cmd_packets, "check": cmd_check,
     "build": cmd_build, "materialize": cmd_materialize, "score": cmd_score}[args.cmd](args)


if __name__ == "__main__":
    main()
