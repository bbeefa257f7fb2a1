#!/usr/bin/env python3
"""Build claimscan dev sets from the third-party corpora in ../shared/corpus.

Usage:
    python3 scripts/devsets.py OUT_DIR [--shared ../shared] [--sets a,b,...]
                                       [--max-docs N] [--recognizers-strict]

The corpora are NOT copied into this repository: this script reads them from
the shared folder at run time and writes, for each dev set,

    OUT_DIR/<set>/docs/...        one UTF-8 text file (LF) per document
    OUT_DIR/<set>/gold.jsonl      gold records in the format of
                                  docs/records.md:
        {"type": "doc", "doc": ...}          one per document, even without gold
        {"type": "mention", "doc", "kind", "text", "start", "end",
         "value", "unit", "label"}           "label" is the source's own class
                                             (extra field, allowed by the contract)
    OUT_DIR/<set>/README.md       what was converted, how, counts and caveats
    OUT_DIR/<set>/doc-dates.tsv   (date sets only) doc path TAB YYYY-MM-DD, the
                                  document / reference date to pass to the tool
    OUT_DIR/<set>/ignored.jsonl   (some sets) spans in the docs that the source
                                  annotates but that are not gold here (times,
                                  durations, ...), so a scorer may choose not to
                                  count predictions there as false positives

`doc` is the text file's path relative to OUT_DIR/<set>/docs, with "/".
Offsets are half-open, in Unicode code points, and every record is checked
(`text == doc_text[start:end]`) before anything is written.

Sets: recognizers-number, recognizers-percent, recognizers-currency,
recognizers-datetime, duckling, earnings21, timebank, aquaint, skillspan
(default: all).  A set whose corpus folder is missing is skipped with a
message; the exit status is 0 if at least one set was written, else 2.

--max-docs N keeps only the first N documents of every set (small runs).
--recognizers-strict skips every Recognizers-Text case with a NotSupported /
NotSupportedByDesign marker; by default only cases that fail on the reference
.NET implementation ("dotnet" listed) are skipped (see that set's README).

Standard library only.
"""

import argparse
import ast
import collections
import json
import re
import shutil
import sys
import xml.etree.ElementTree as ET
from decimal import Decimal, InvalidOperation
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ALL_SETS = [
    "recognizers-number",
    "recognizers-percent",
    "recognizers-currency",
    "recognizers-datetime",
    "duckling",
    "earnings21",
    "timebank",
    "aquaint",
    "skillspan",
]
KINDS = ["percent", "count", "money", "date", "skill"]


class SkipSet(Exception):
    """Raised by a converter when its input is missing; the set is skipped."""


# ---------------------------------------------------------------------------
# Shared helpers
# ---------------------------------------------------------------------------

def json_number(d):
    """Decimal -> int when integral (and exactly representable), else float."""
    if d is None:
        return None
    if d == d.to_integral_value() and abs(d) < Decimal(2) ** 53:
        return int(d)
    return float(d)


def to_decimal(s):
    """Parse a numeric string ('1,200', '1E-12', '(-504)') to Decimal or None."""
    if s is None:
        return None
    s = str(s).strip().replace(",", "")
    while s.startswith("(") and s.endswith(")"):
        s = s[1:-1].strip()
    try:
        d = Decimal(s)
    except InvalidOperation:
        return None
    return d if d.is_finite() else None


class SetWriter:
    """Collects the documents and records of one dev set and writes them out.

    Documents are written as they are added; gold records are kept in memory,
    checked against the document text, and written by finish().
    """

    def __init__(self, out_root, name, max_docs=None):
        self.name = name
        self.dir = out_root / name
        self.docs_dir = self.dir / "docs"
        self.max_docs = max_docs
        self.texts = {}                      # doc path -> text (insertion order)
        self.mentions = collections.defaultdict(list)
        self.ignored = collections.defaultdict(list)
        self.doc_dates = {}
        self.notes = collections.Counter()   # free-form counters for README
        self._prepare_dir()

    def _prepare_dir(self):
        if self.dir.exists():
            # Only ever replace a folder this script wrote before.
            if (self.dir / "gold.jsonl").exists() or not any(self.dir.iterdir()):
                shutil.rmtree(self.dir)
            else:
                raise SkipSet(f"{self.dir} exists and was not written by devsets.py; "
                              "not touching it")
        self.docs_dir.mkdir(parents=True)

    def full(self):
        return self.max_docs is not None and len(self.texts) >= self.max_docs

    def add_doc(self, path, text):
        """Write one document. Returns False (and writes nothing) past --max-docs."""
        if path in self.texts:
            raise ValueError(f"{self.name}: duplicate doc path {path}")
        if self.full():
            return False
        if "\r" in text:
            raise ValueError(f"{self.name}: CR in {path}; documents must be LF")
        self.texts[path] = text
        f = self.docs_dir / path
        f.parent.mkdir(parents=True, exist_ok=True)
        with open(f, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        return True

    def add_mention(self, doc, kind, start, end, value=None, unit=None, label=None):
        text = self.texts[doc]
        assert kind in KINDS, kind
        assert 0 <= start < end <= len(text), (doc, start, end, len(text))
        rec = {"type": "mention", "doc": doc, "kind": kind,
               "text": text[start:end], "start": start, "end": end,
               "value": value, "unit": unit}
        if label is not None:
            rec["label"] = label
        self.mentions[doc].append(rec)

    def add_ignored(self, doc, start, end, label):
        text = self.texts[doc]
        assert 0 <= start < end <= len(text)
        self.ignored[doc].append({"type": "ignored", "doc": doc, "text": text[start:end],
                                  "start": start, "end": end, "label": label})

    def kind_counts(self):
        c = collections.Counter(m["kind"] for ms in self.mentions.values() for m in ms)
        return {k: c[k] for k in KINDS if c[k]}

    def valued_counts(self):
        c = collections.Counter(m["kind"] for ms in self.mentions.values()
                                for m in ms if m["value"] is not None)
        return {k: c[k] for k in KINDS if c[k]}

    def summary(self):
        kc = self.kind_counts()
        by_kind = ", ".join(f"{k} {n}" for k, n in kc.items()) or "none"
        return (f"{self.name}: {len(self.texts)} docs, {sum(kc.values())} gold mentions "
                f"({by_kind})")

    def finish(self, readme):
        """Verify every record, then write gold.jsonl, extras and README.md."""
        with open(self.dir / "gold.jsonl", "w", encoding="utf-8", newline="\n") as fh:
            for doc, text in self.texts.items():
                fh.write(json.dumps({"type": "doc", "doc": doc}, ensure_ascii=False) + "\n")
                ms = sorted(self.mentions.get(doc, []),
                            key=lambda m: (m["start"], m["end"], m["kind"]))
                for m in ms:
                    # The contract's invariant, in code points.
                    assert m["text"] == text[m["start"]:m["end"]], m
                    assert m["text"] and m["text"] == m["text"].strip(), m
                    fh.write(json.dumps(m, ensure_ascii=False) + "\n")
        if self.ignored:
            with open(self.dir / "ignored.jsonl", "w", encoding="utf-8", newline="\n") as fh:
                for doc in self.texts:
                    for r in sorted(self.ignored.get(doc, []), key=lambda r: r["start"]):
                        assert r["text"] == self.texts[doc][r["start"]:r["end"]]
                        fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        if self.doc_dates:
            with open(self.dir / "doc-dates.tsv", "w", encoding="utf-8", newline="\n") as fh:
                for doc in self.texts:
                    if doc in self.doc_dates:
                        fh.write(f"{doc}\t{self.doc_dates[doc]}\n")
        kc = self.kind_counts()
        vc = self.valued_counts()
        counts = [
            "## Counts",
            "",
            f"- documents: {len(self.texts)}"
            + (f" (capped by --max-docs {self.max_docs})" if self.max_docs else ""),
            f"- gold mentions: {sum(kc.values())}",
        ]
        for k, n in kc.items():
            counts.append(f"  - {k}: {n} (with a value: {vc.get(k, 0)})")
        if self.doc_dates:
            counts.append(f"- doc-dates.tsv rows: {sum(1 for d in self.texts if d in self.doc_dates)}")
        if self.ignored:
            ic = collections.Counter(r["label"] for rs in self.ignored.values() for r in rs)
            counts.append(f"- ignored.jsonl spans: {sum(ic.values())} ("
                          + ", ".join(f"{k} {n}" for k, n in ic.most_common()) + ")")
        for k, n in sorted(self.notes.items()):
            counts.append(f"- {k}: {n}")
        body = readme.rstrip() + "\n\n" + "\n".join(counts) + "\n\n" + FORMAT_NOTE
        (self.dir / "README.md").write_text(body, encoding="utf-8")


FORMAT_NOTE = """## Files

- `docs/`: one UTF-8 text file per document (LF line ends, no BOM).
- `gold.jsonl`: a `{"type":"doc","doc":...}` line per document, followed by its
  `{"type":"mention",...}` records (contract fields `doc kind text start end
  value unit`, plus `label`, the source's own class). `doc` is the path under
  `docs/`. Offsets are half-open code-point offsets; `text == doc_text[start:end]`
  was asserted for every record. `value: null` means the source gives no usable
  normalized value: score the span, not the value, for those.
- `doc-dates.tsv` (when present): `doc<TAB>YYYY-MM-DD`, the reference date.
- `ignored.jsonl` (when present): annotated spans that are not gold here.

Generated by `scripts/devsets.py` in the claimscan repository; rerun it rather
than editing these files.
"""


# ---------------------------------------------------------------------------
# Recognizers-Text (Microsoft): NumberModel, PercentModel, CurrencyModel,
# DateTimeModel, English specs
# ---------------------------------------------------------------------------

RECOGNIZERS_FILES = {
    "recognizers-number": ("Number/English/NumberModel.json", "count"),
    "recognizers-percent": ("Number/English/PercentModel.json", "percent"),
    "recognizers-currency": ("NumberWithUnit/English/CurrencyModel.json", "money"),
    "recognizers-datetime": ("DateTime/English/DateTimeModel.json", "date"),
}

# Recognizers' currency unit name -> (ISO 4217 code or None, factor to the
# main unit or None when no value should be given).  Used only when the result
# has no "isoCurrency".  Assumptions are listed in the README.
RECOGNIZERS_UNITS = {
    "Dollar": ("USD", 1),                  # "$" / "dollars": assumed US dollars
    "Cent": ("USD", Decimal("0.01")),      # US cents (Reuters-style inputs)
    "Pound": ("GBP", 1),
    "Pence": ("GBP", Decimal("0.01")),
    "Penny": ("GBP", Decimal("0.01")),
    "Rupee": ("INR", 1),                   # the inputs use lakh / Indian grouping
    "Finnish markka": ("FIM", 1),          # historical ISO 4217 codes
    "Peseta": ("ESP", 1),
    "Netherlands guilder": ("NLG", 1),
    "Franc": (None, 1),                    # French? Swiss? Belgian? unknown
    "Bitcoin": (None, 1),                  # no ISO 4217 code
    "Satoshi": (None, None),
    "Sen": (None, None),                   # 1/100 of yen, ringgit, ...
}

RECOGNIZERS_README = {
    "recognizers-number": "NumberModel results (TypeName `number`) become `count` mentions; "
                          "`value` is the resolution value as a number; `unit` is null (the "
                          "spec never names a counted noun, so do not score `unit` here).",
    "recognizers-percent": "PercentModel results (TypeName `percentage`) become `percent` "
                           "mentions; `value` is the resolution with `%` stripped; `unit` `%`. "
                           "Results whose resolution is `null` (a bare word such as "
                           "\"percent\" with no number) are not gold; they are in `ignored.jsonl`.",
    "recognizers-currency": "CurrencyModel results become `money` mentions. `value` is the "
                            "resolution value (the spec already applies the scale: \"$ 280 "
                            "million\" -> 280000000), converted to the main unit for sub-units "
                            "(cents, pence: x0.01). `unit` is the spec's `isoCurrency` when given, "
                            "otherwise mapped from its unit name (table below). Results with a null "
                            "value (a bare currency word such as \"dollar\") are not gold; they "
                            "are in `ignored.jsonl`.",
    "recognizers-datetime": "DateTimeModel results of type `datetimeV2.date` and "
                            "`datetimeV2.daterange` become `date` mentions. `value` is the "
                            "resolution's timex when it is a plain date, month, year, fiscal year "
                            "(`2019-01-04`, `XXXX-10-02`, `2016-09`, `XXXX-08`, `2018`, `FY2018`), "
                            "or a range that is exactly a calendar month, quarter, half or year "
                            "(`(2016-07-01,2016-10-01,P3M)` -> `2016-Q3`), without a `Mod`; otherwise null "
                            "(\"before 2018\", \"end of May\" and other modified values, weeks, "
                            "weekends, seasons, open or arbitrary ranges, `PRESENT_REF`, ...), and "
                            "null when the alternative resolutions disagree. Other result types "
                            "(time, timerange, datetime, datetimerange, duration, set, timezone) "
                            "are not `date` in our sense and are listed in `ignored.jsonl`. The "
                            "case's `Context.ReferenceDateTime` (the date the relative expressions "
                            "were resolved against) is written to `doc-dates.tsv`: pass it as the "
                            "document date. The 4 cases without a Context have absolute values "
                            "or no date results.",
}


def recognizers_units_table():
    rows = ["| spec unit | our unit | factor |", "|---|---|---|"]
    for k, (iso, f) in RECOGNIZERS_UNITS.items():
        rows.append(f"| {k} | {iso or 'null'} | {f if f is not None else 'value null'} |")
    return "\n".join(rows)


def timex_to_ours(tx):
    """Map a Recognizers timex to our TIMEX3-style value, or None."""
    if tx is None:
        return None
    if re.fullmatch(r"(\d{4}|XXXX)-\d\d-\d\d|(\d{4}|XXXX)-\d\d|\d{4}|FY\d{4}", tx):
        return tx
    m = re.fullmatch(r"\((\d{4}|XXXX)-(\d\d)-01,(\d{4}|XXXX)-(\d\d)-01,P(\d+)([MY])\)", tx)
    if not m:
        return None
    y1, m1, y2, m2, n, u = m.group(1), int(m.group(2)), m.group(3), int(m.group(4)), int(m.group(5)), m.group(6)
    months = n * 12 if u == "Y" else n
    # The end must be exactly `months` after the start (years may be XXXX).
    if y1 != "XXXX" and y2 != "XXXX":
        if (int(y2) * 12 + m2) - (int(y1) * 12 + m1) != months:
            return None
    elif (y1 == "XXXX") != (y2 == "XXXX") or (m1 - 1 + months) % 12 != m2 - 1:
        return None
    if months == 12 and m1 == 1:
        return y1 if y1 != "XXXX" else None
    if months == 1:
        return f"{y1}-{m1:02d}"
    if months == 3 and m1 in (1, 4, 7, 10):
        return f"{y1}-Q{(m1 - 1) // 3 + 1}"
    if months == 6 and m1 in (1, 7):
        return f"{y1}-H{1 if m1 == 1 else 2}"
    return None


def recognizers_value(set_name, res):
    """(value, unit, ok) for one Recognizers result; ok=False means not gold."""
    res = res or {}
    if set_name == "recognizers-number":
        d = to_decimal(res.get("value"))
        return json_number(d), None, d is not None
    if set_name == "recognizers-percent":
        v = res.get("value")
        if v in (None, "null"):
            return None, None, False
        d = to_decimal(str(v).rstrip("%"))
        return json_number(d), "%", d is not None
    if set_name == "recognizers-currency":
        d = to_decimal(res.get("value"))
        if d is None:
            return None, None, False
        iso = res.get("isoCurrency")
        if iso:
            return json_number(d), iso, True
        unit = res.get("unit")
        if unit not in RECOGNIZERS_UNITS:
            return None, None, True
        iso, factor = RECOGNIZERS_UNITS[unit]
        return (json_number(d * factor) if factor is not None else None), iso, True
    # datetime
    values = res.get("values") or []
    if any(v.get("Mod") for v in values):
        # "before 2018", "since March", "end of the year": not the plain date.
        return None, None, True
    ours = {timex_to_ours(v.get("timex")) for v in values}
    return (ours.pop() if len(ours) == 1 else None), None, True


def convert_recognizers(w, shared, set_name, strict):
    rel, kind = RECOGNIZERS_FILES[set_name]
    path = shared / "corpus" / "recognizers-text" / "Specs" / rel
    if not path.is_file():
        raise SkipSet(f"missing {path}")
    cases = json.loads(path.read_text(encoding="utf-8-sig"))   # DateTimeModel has a BOM
    seen = set()
    for idx, case in enumerate(cases, 1):
        markers = ", ".join(filter(None, [case.get("NotSupported"), case.get("NotSupportedByDesign")]))
        if markers and (strict or "dotnet" in markers.lower()):
            w.notes["cases skipped: NotSupported" + ("" if strict else " includes dotnet")] += 1
            continue
        key = json.dumps([case["Input"], case.get("Context"), case["Results"]], sort_keys=True)
        if key in seen:
            w.notes["cases skipped: exact duplicate of an earlier case"] += 1
            continue
        seen.add(key)
        text = case["Input"]
        doc = f"case-{idx:04d}.txt"
        if not w.add_doc(doc, text):
            break
        if markers:
            w.notes["cases kept although NotSupported on other platforms (not dotnet)"] += 1
        ref = (case.get("Context") or {}).get("ReferenceDateTime")
        if set_name == "recognizers-datetime" and ref:
            w.doc_dates[doc] = ref[:10]
        for r in case["Results"]:
            type_name = r.get("TypeName") or r.get("Typename") or ""
            start, end = r["Start"], r["End"] + 1            # End is inclusive
            if text[start:end].lower() != r["Text"].lower():
                # Try to locate the text; give up if it is absent or ambiguous.
                hits = [m.start() for m in re.finditer(re.escape(r["Text"]), text, re.I)]
                if len(hits) != 1:
                    w.notes["results skipped: span not found at Start/End nor uniquely in Input"] += 1
                    continue
                start, end = hits[0], hits[0] + len(r["Text"])
                w.notes["results relocated (Start/End did not match Text)"] += 1
            # Never let a gold span start or end with white space.
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if set_name == "recognizers-datetime" and type_name not in (
                    "datetimeV2.date", "datetimeV2.daterange"):
                w.add_ignored(doc, start, end, type_name or "?")
                continue
            value, unit, ok = recognizers_value(set_name, r.get("Resolution"))
            if not ok:
                w.add_ignored(doc, start, end, f"{type_name} (no value)")
                continue
            if set_name == "recognizers-currency" and unit is None:
                w.notes[f"money with unit null (unit name {r['Resolution'].get('unit')!r})"] += 1
            w.add_mention(doc, kind, start, end, value, unit, type_name)
    readme = [
        f"# {set_name}: Microsoft Recognizers-Text, `{rel}`",
        "",
        f"Source: `corpus/recognizers-text/Specs/{rel}` (MIT; commit and details in that "
        "folder's SOURCE.md). One document per test case: the case's `Input`, verbatim, as "
        f"`docs/case-NNNN.txt` (NNNN = the case's 1-based position in the spec file).",
        "",
        RECOGNIZERS_README[set_name],
        "",
        "Spans: the spec's `End` is inclusive, so a result is `[Start, End + 1)`; every span "
        "was checked against `Text` (case-insensitively: the spec lower-cases `Text`). The "
        "gold `text` is the slice of the input, in its original case.",
        "",
        "## Caveats",
        "",
        "- NotSupported: the spec marks cases with the platforms on which they fail. "
        + ("With --recognizers-strict every marked case was skipped."
           if strict else
           "Only cases that fail on the reference .NET implementation (`dotnet` listed, "
           "i.e. the expected output is aspirational) were skipped; cases that fail only "
           "on the Java/JavaScript/Python ports were kept, since .NET produces their "
           "expected output. Use --recognizers-strict to skip every marked case."),
        "- Some cases occur several times in the spec; exact duplicates were dropped.",
        "- The spec annotates what Recognizers-Text extracts, not everything a claimscan "
        "kind covers: e.g. numbers inside dates are not in the number spec and vice versa, so "
        "score each set only for its own kind.",
    ]
    if set_name == "recognizers-currency":
        readme += ["- `Dollar` without an `isoCurrency` is assumed to be USD, cents US cents, "
                   "`Pound`/pence GBP: most inputs are US Reuters sentences. Unit mapping:",
                   "", recognizers_units_table()]
    if set_name == "recognizers-datetime":
        readme += ["- Spans follow Recognizers' conventions (\"between 2007 and 2009\", "
                   "\"within 9 months\" are one daterange); expect boundary disagreements and "
                   "score with overlap as well as exact match.",
                   "- Relative expressions (\"tomorrow\", \"the year\") carry values resolved "
                   "against the reference date in `doc-dates.tsv`."]
    w.finish("\n".join(readme))


# ---------------------------------------------------------------------------
# Duckling (facebook): AmountOfMoney, Numeral, Time test strings
# ---------------------------------------------------------------------------

# Duckling currency name -> (ISO code or None, factor).  Three-letter
# upper-case names are ISO codes already.
DUCKLING_UNITS = {
    "Dollar": ("USD", 1),       # the locale-less "$"/"dollar": assumed USD
    "Cent": ("USD", Decimal("0.01")),
    "Pound": ("GBP", 1),
    "Unnamed": (None, 1),       # "42 bucks"
    "Dinar": (None, 1), "Riyal": (None, 1), "Rial": (None, 1),
}
DUCKLING_LOCALES = ("EN", "EN_US")
DUCKLING_DATE_GRAINS = ("Day", "Week", "Month", "Quarter", "Year")
DUCKLING_REF = {"diffCorpus": "2013-02-15"}   # every other Time section: 2013-02-12


def duckling_money(expected):
    """(value, unit) from 'simple EUR 20' / 'between Dollar (10, 20)' / ..."""
    m = re.fullmatch(r"(simple|between|under|above)\s+(\w+)\s+(.+)", expected.strip())
    if not m:
        return None, None
    how, cur, num = m.groups()
    if re.fullmatch(r"[A-Z]{3}", cur):
        iso, factor = cur, 1
    else:
        iso, factor = DUCKLING_UNITS.get(cur, (None, None))
    if how != "simple" or factor is None:
        return None, iso
    d = to_decimal(num)
    return (json_number(d * factor) if d is not None else None), iso


def duckling_time(expected, text):
    """(is_date, value) for a Time group's expected expression and one input.

    A group is a date when its grain is a day or coarser.  The value is given
    only when it is trivially a date: a single `datetime` (not a holiday,
    whose date needs a calendar) whose year is written out in the input, so it
    does not depend on the reference time; otherwise null.
    """
    m = re.match(r"(\w+)\s", expected)
    if not m:
        return False, None
    form = m.group(1)
    grains = re.findall(r"\)\s+(\w+)", expected)
    grain = grains[-1] if grains else None
    if grain not in DUCKLING_DATE_GRAINS:
        return False, None
    if form != "datetime":              # holidays, intervals: no value
        return True, None
    t = re.search(r"\((-?\d+),\s*(\d+),\s*(\d+),", expected)
    if not t:
        return True, None
    y, mo, d = int(t.group(1)), int(t.group(2)), int(t.group(3))
    if not (1000 <= y <= 9999) or not re.search(rf"(?<!\d){y}(?!\d)", text):
        return True, None
    value = {"Day": f"{y:04d}-{mo:02d}-{d:02d}", "Month": f"{y:04d}-{mo:02d}",
             "Quarter": f"{y:04d}-Q{(mo - 1) // 3 + 1}", "Year": f"{y:04d}"}.get(grain)
    return True, value


def convert_duckling(w, shared):
    path = shared / "corpus" / "duckling-en" / "duckling_en_corpus.jsonl"
    if not path.is_file():
        raise SkipSet(f"missing {path}")
    folders = {"AmountOfMoney": "money", "Numeral": "numeral", "Time": "time"}
    groups = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for gi, g in enumerate(groups, 1):
        dim, section, locale = g["dimension"], g["section"], g["locale"]
        if dim not in folders:
            continue
        if locale not in DUCKLING_LOCALES:
            w.notes[f"strings skipped: regional locale (not EN/EN_US), {dim}"] += len(g["texts"])
            continue
        if section == "latentCorpus":
            w.notes[f"strings skipped: latentCorpus, {dim}"] += len(g["texts"])
            continue
        expected = g["expected"] or ""
        texts = list(dict.fromkeys(g["texts"]))          # drop repeats within a group
        w.notes["strings dropped: repeated within their group"] += len(g["texts"]) - len(texts)
        for ti, raw in enumerate(texts, 1):
            if w.full():
                break
            s, e = len(raw) - len(raw.lstrip()), len(raw.rstrip())
            if s >= e:
                continue
            if section == "negativeCorpus":
                kind, value, unit, label = None, None, None, "negative"
            elif dim == "AmountOfMoney":
                kind, label = "money", expected
                value, unit = duckling_money(expected)
            elif dim == "Numeral":
                kind, label, unit = "count", expected, None
                nm = re.fullmatch(r"NumeralValue\s+(.+)", expected.strip())
                value = json_number(to_decimal(nm.group(1))) if nm else None
            else:
                is_date, value = duckling_time(expected, raw)
                if not is_date:
                    w.notes["strings skipped: Time with an hour/minute/second grain"] += 1
                    continue
                kind, unit, label = "date", None, expected
            folder = folders[dim]
            if dim == "Time" and "Holiday" in expected:
                folder = "time-holiday"
            doc = f"{folder}/{locale}-{gi:04d}-{ti:02d}.txt"
            w.add_doc(doc, raw)
            if dim == "Time":
                w.doc_dates[doc] = DUCKLING_REF.get(section, "2013-02-12")
            if kind:
                w.add_mention(doc, kind, s, e, value, unit, label)
            else:
                w.notes[f"negative strings kept as docs without gold, {dim}"] += 1
    readme = """# duckling: Duckling (facebook) English test strings

Source: `corpus/duckling-en/duckling_en_corpus.jsonl` (BSD; the examples of Duckling's
`Corpus.hs` files; see that folder's SOURCE.md). One document per example string, in
`docs/money/`, `docs/numeral/`, `docs/time/` and `docs/time-holiday/` (named holidays,
"thanksgiving 2013", "diwali 2019"; `<locale>-<group line>-<n>.txt`). The whole
string (minus surrounding white space) is the gold span: Duckling's tests resolve the
whole input to one entity and give no sub-spans.

- AmountOfMoney -> `money`. `simple CUR n` gives `value` n in the main unit (`Cent` x0.01)
  and `unit` the ISO code: three-letter names as they are, `Dollar` -> USD (assumed),
  `Cent` -> USD, `Pound` -> GBP, `Unnamed` ("bucks"), `Dinar`, `Riyal`, `Rial` -> null.
  `between`, `under`, `above` (ranges and bounds, e.g. "at least $1.42") keep the
  whole string as the span with `value` null.
- Numeral -> `count`, `value` the NumeralValue, `unit` null.
- Time -> `date` for groups whose grain is Day, Week, Month, Quarter or Year (single
  dates, holidays, intervals such as "July 13-15", "next 3 days", "end of the month").
  Groups with an Hour/Minute/Second grain (times of day) are not included at all.
  `value` is given only when trivially a date: a single `datetime` (not a holiday) whose
  4-digit year is written in the string ("march 3 2015" -> `2015-03-03`, "October
  2014" -> `2014-10`, "4th qtr 2018" -> `2018-Q4`, "in 2014" -> `2014`); otherwise null
  (relative, year-less, interval, week and holiday expressions).
- `doc-dates.tsv` gives Duckling's reference date for the time docs (Tuesday
  2013-02-12; 2013-02-15 for `diffCorpus`).
- `negativeCorpus` strings of these three dimensions are kept as documents with no
  gold: the tool should find nothing of that kind there ("exactly dollars", "25" as a
  time).

## Caveats

- Only locales EN and EN_US are used (the regional files override EN with other
  currencies and day/month orders); `latentCorpus` (bare "5" as money) is skipped.
- Score each kind only on its own folder: the strings are annotated for one dimension
  ("next 3 days" is a date; its "3" is not gold as a count).
- Inputs are short phrases, not sentences; Duckling accepts approximations ("a couple
  of" = 2, "few" = 3, "a dime" = 0.1 USD) a document scanner need not.
- `label` holds Duckling's expected expression verbatim.
"""
    w.finish(readme)


# ---------------------------------------------------------------------------
# Earnings-21 (Rev.com): entity-tagged earnings-call transcripts
# ---------------------------------------------------------------------------

E21_KIND_CLASSES = {            # kind -> entity classes merged into it
    "money": {"MONEY"},
    "percent": {"PERCENT"},
    "count": {"CARDINAL"},
    "date": {"DATE", "YEAR"},
}
# Calls by companies reporting in other currencies: "$" there is not surely USD.
E21_NON_USD = {
    "4346923": "Cementos Argos (COP/USD)", "4359732": "Kuehne Nagel (CHF)",
    "4359971": "Constellium (EUR/USD)", "4360717": "FEMSA (MXN)",
    "4361631": "Enagas (EUR)", "4363614": "Banco Santander (EUR)",
    "4367535": "Affimed (EUR)", "4368670": "RWE (EUR)",
    "4389907": "Phoenix New Media (RMB)",
}
E21_TRAIL = ".,;:!?…-\u2013\u2014"
_QUAL = (r"(?:(?:about|approximately|approx\.?|roughly|around|nearly|almost|over|under|"
         r"some|just|only|more than|less than|greater than|up to|at least|at most|close to|"
         r"the|another|additional|an additional)\s+)*")
_NUM = r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
_SCALE = {"thousand": 10 ** 3, "million": 10 ** 6, "billion": 10 ** 9, "trillion": 10 ** 12}
E21_PERCENT_RE = re.compile(
    rf"{_QUAL}{_NUM}\s*(%|percent|per cent|percentage points?|basis points?|bps)", re.I)
E21_MONEY_RE = re.compile(
    rf"{_QUAL}(\$|US\$|€|£|CHF ?|RMB ?|EUR ?|USD ?)?{_NUM}"
    rf"(?:\s*(thousand|million|billion|trillion)s?)?(?:\s+(dollars?|euros?))?", re.I)


def e21_percent(span):
    """(value, unit) for a PERCENT span; value None unless the span is simple."""
    low = span.lower()
    unit = "bp" if ("basis point" in low or "bps" in low) else \
        "pp" if "percentage point" in low else "%"
    m = E21_PERCENT_RE.fullmatch(span)
    if not m:
        return None, unit
    return json_number(to_decimal(m.group(1))), unit


def e21_money(span, call_id):
    """(value, unit) for a MONEY span like "$329.3 million"; else (None, unit?)."""
    m = E21_MONEY_RE.fullmatch(span)
    if not m:
        return None, None
    sym, num, scale, word = m.group(1), m.group(2), m.group(3), m.group(4)
    if not sym and not word:
        return None, None
    if sym and word:                     # "$100 million dollars": must agree
        if not (sym.strip() in ("$", "US$", "USD") and word.lower().startswith("dollar")):
            return None, None
        word = None
    marker = (sym or word).strip().lower()
    if marker in ("$", "dollar", "dollars"):
        iso = None if call_id in E21_NON_USD else "USD"
    else:
        iso = {"us$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR", "euro": "EUR",
               "euros": "EUR", "£": "GBP", "chf": "CHF", "rmb": "CNY"}[marker]
    d = to_decimal(num)
    if scale:
        d *= _SCALE[scale.lower()]
    return json_number(d), iso


def read_nlp(path):
    """Rows of an Earnings-21 .nlp file as dicts (handles CRLF)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("|")
    assert header == ["token", "speaker", "ts", "endTs", "punctuation", "case", "tags",
                      "wer_tags"], (path, header)
    rows = []
    for ln in lines[1:]:
        if not ln:
            continue
        p = ln.split("|")
        if len(p) != len(header):
            raise ValueError(f"{path}: bad line {ln!r}")
        rows.append(dict(zip(header, p)))
    return rows


def convert_earnings21(w, shared):
    base = shared / "corpus" / "earnings21" / "transcripts"
    nlp_dir, tag_dir = base / "nlp_references", base / "wer_tags"
    if not nlp_dir.is_dir() or not tag_dir.is_dir():
        raise SkipSet(f"missing {nlp_dir} or {tag_dir}")
    case_fix = {"UC": lambda t: t[:1].upper() + t[1:].lower(), "LC": str.lower,
                "CA": str.upper, "MC": lambda t: t}
    for nlp in sorted(nlp_dir.glob("*.nlp")):
        if w.full():
            break
        call = nlp.stem
        side = json.loads((tag_dir / f"{call}.wer_tag.json").read_text(encoding="utf-8"))
        rows = read_nlp(nlp)
        # 1. Rebuild the text: token + punctuation, joined by spaces; a new line
        #    at every change of speaker. Record each token's code-point span.
        parts, pos, spans = [], 0, []
        for i, r in enumerate(rows):
            if i:
                sep = "\n" if r["speaker"] != rows[i - 1]["speaker"] else " "
                parts.append(sep)
                pos += 1
            tok = r["token"]
            if case_fix.get(r["case"], lambda t: t)(tok) != tok:
                w.notes["tokens whose case column disagrees with the token (kept as written)"] += 1
            spans.append((pos, pos + len(tok)))
            parts.append(tok + r["punctuation"])
            pos += len(tok) + len(r["punctuation"])
        text = "".join(parts) + "\n"
        doc = f"{call}.txt"
        w.add_doc(doc, text)
        # 2. Entity classes and ids of each token, from wer_tags + the sidecar.
        tok_ids = []
        for r in rows:
            ids = {}
            for i in ast.literal_eval(r["wer_tags"]):
                if i in side:
                    ids[i] = side[i]["entity_type"]
                else:
                    w.notes["wer_tags ids missing from the sidecar (ignored)"] += 1
            tok_ids.append(ids)
        # 3. Per kind, merge runs of adjacent tokens carrying one of its classes.
        #    A run continues across a token's punctuation only when both tokens
        #    share an entity id (so "2019, 2020" stays two dates, while one
        #    DATE entity "Tuesday, November 3" stays whole), and never across a
        #    change of speaker.
        found = {}
        for kind, classes in E21_KIND_CLASSES.items():
            runs, cur = [], None
            for k, ids in enumerate(tok_ids):
                mine = {i for i, c in ids.items() if c in classes}
                if mine and cur is not None:
                    prev = k - 1
                    joined = (rows[prev]["speaker"] == rows[k]["speaker"]
                              and (not rows[prev]["punctuation"] or cur[2] & mine))
                    if joined:
                        cur = (cur[0], k, mine)
                        continue
                    runs.append(cur)
                    cur = None
                if mine:
                    if cur is not None:
                        runs.append(cur)
                    cur = (k, k, mine)
                elif cur is not None:
                    runs.append(cur)
                    cur = None
            if cur is not None:
                runs.append(cur)
            out = []
            for a, b, _ in runs:
                start, end = spans[a][0], spans[b][1]
                while end > start and (text[end - 1] in E21_TRAIL or text[end - 1].isspace()):
                    end -= 1
                if end > start:
                    labels = sorted({c for k in range(a, b + 1) for c in tok_ids[k].values()
                                     if c in classes})
                    out.append((start, end, "+".join(labels)))
            found[kind] = out
        # 4. A CARDINAL inside a money/percent/date span ("$1.2 billion" has the
        #    CARDINAL "1.2") is not a separate count: drop it.
        others = [(s, e) for k in ("money", "percent", "date") for s, e, _ in found[k]]
        kept = []
        for s, e, lab in found["count"]:
            if any(s < oe and os_ < e for os_, oe in others):
                w.notes["CARDINAL spans dropped: inside a money/percent/date span"] += 1
            else:
                kept.append((s, e, lab))
        found["count"] = kept
        for kind, items in found.items():
            for s, e, lab in items:
                value, unit = None, None
                if kind == "percent":
                    value, unit = e21_percent(text[s:e])
                elif kind == "money":
                    value, unit = e21_money(text[s:e], call)
                w.add_mention(doc, kind, s, e, value, unit, lab)
    readme = f"""# earnings21: Earnings-21 (Rev.com) earnings-call transcripts

Source: `corpus/earnings21/transcripts/nlp_references/*.nlp` and `wer_tags/*.wer_tag.json`
(CC BY-SA 4.0; see that folder's SOURCE.md). One document per call, `docs/<call id>.txt`.

How:
- Text: each `.nlp` row's `token` + `punctuation`, joined by single spaces, with a new line
  (instead of a space) where the speaker changes, and a final new line. Tokens are kept
  as written: the `case` column already agrees with the tokens' casing almost everywhere,
  and where it does not (count below) it is visibly misaligned (e.g. "I appreciate" marked
  UC/CA, "GE" marked LC), so applying it would damage the text.
- Entities: `wer_tags` ids resolved through the sidecar JSON (the `tags` column is stale
  and partial and is not used). Classes map to kinds: MONEY -> money, PERCENT -> percent,
  CARDINAL -> count, DATE and YEAR -> date (a YEAR inside or next to a DATE joins it).
  Adjacent tokens of the kind's classes are merged into one span (Earnings-21 splits
  "$329.3 million" into two MONEY entities), except across a token's punctuation when the
  two tokens share no entity id, and never across a speaker change. Trailing punctuation
  (`{E21_TRAIL}`) is stripped from spans.
- A CARDINAL span that overlaps a money, percent or date span is dropped (Earnings-21 also
  tags the "1.2" of "$1.2 billion" and the "2020" of "fiscal 2020" as CARDINAL).
- Values: null (the source has none), except simple spans: PERCENT "0.9%", "12 percent",
  "about 10%", "50 basis points" -> the number (`unit` `%`, `pp` or `bp`; `unit` is set from
  the wording even when the value is null); MONEY "$329.3 million", "$600,000", "CHF2.58",
  "€5 billion", "40 million dollars", "$23 million dollars" -> the amount, `unit` the ISO code. "$" is taken as USD
  except in the calls of companies reporting in other currencies, where the amount is given
  with `unit` null: {", ".join(f"{k} {v}" for k, v in E21_NON_USD.items())}. Ranges,
  spelled-out numbers and other wordings get `value` null.
- `label`: the Earnings-21 class(es) of the span (e.g. `DATE+YEAR`).

## Caveats

- The labels come from an OntoNotes-style NER pass for entity-WER analysis; whether
  annotators checked them is not documented: treat as silver-to-gold.
- Spans include qualifiers ("approximately 10%", "more than 75", "the third quarter Fiscal
  2020"), and DATE covers periods and relative expressions ("the last few years",
  "today"): score with overlap as well as exact match.
- Numbers are mostly digits but some are spelled out ("two"); ORDINAL, QUANTITY, TIME and
  RANGE are not converted, so their numbers are not gold counts.
- CARDINAL is the count kind here, but it also covers bare numbers in speech ("press * 0",
  "page 5"); the calls are from 2020 (fiscal quarter in `earnings21-file-metadata.csv`), and
  no call date is given, so there is no doc-dates.tsv.
"""
    w.finish(readme)


# ---------------------------------------------------------------------------
# TempEval-3 TimeBank and AQUAINT (TBAQ-cleaned): TIMEX3 of type DATE
# ---------------------------------------------------------------------------

def timeml_text(text_el):
    """Flatten a TimeML <TEXT> element: (text, [(attrs, start, end), ...] of TIMEX3)."""
    buf, timexes = [], []
    length = 0

    def walk(el):
        nonlocal length
        if el.text:
            buf.append(el.text)
            length += len(el.text)
        for ch in el:
            start = length
            walk(ch)
            if ch.tag == "TIMEX3":
                timexes.append((dict(ch.attrib), start, length))
            if ch.tail:
                buf.append(ch.tail)
                length += len(ch.tail)

    walk(text_el)
    return "".join(buf), timexes


def convert_tempeval(w, shared, sub):
    folder = shared / "corpus" / "tempeval3" / "TBAQ-cleaned" / sub
    if not folder.is_dir():
        raise SkipSet(f"missing {folder}")
    types = collections.Counter()
    for f in sorted(folder.glob("*.tml")):
        if w.full():
            break
        root = ET.parse(f).getroot()
        text_el = root.find("TEXT")
        if text_el is None:
            w.notes["files skipped: no <TEXT>"] += 1
            continue
        text, timexes = timeml_text(text_el)
        doc = f"{f.stem}.txt"
        w.add_doc(doc, text)
        dct = root.find("DCT/TIMEX3")
        if dct is not None and re.match(r"\d{4}-\d\d-\d\d", dct.get("value", "")):
            w.doc_dates[doc] = dct.get("value")[:10]
        else:
            w.notes["docs without a usable DCT"] += 1
        for attrs, s, e in timexes:
            ttype = attrs.get("type", "?")
            types[ttype] += 1
            if ttype != "DATE":
                continue
            # TIMEX3 content never starts/ends with blanks in practice; be safe.
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if s >= e:
                w.notes["DATE TIMEX3 skipped: empty"] += 1
                continue
            w.add_mention(doc, "date", s, e, attrs.get("value"), None,
                          "TIMEX3 DATE" + (f" mod={attrs['mod']}" if attrs.get("mod") else ""))
    for t, n in types.items():
        w.notes[f"TIMEX3 in <TEXT> of type {t}" + ("" if t == "DATE" else " (not converted)")] = n
    name = "TimeBank" if sub == "TimeBank" else "AQUAINT"
    readme = f"""# {w.name}: TempEval-3 {name} (TBAQ-cleaned TimeML)

Source: `corpus/tempeval3/TBAQ-cleaned/{sub}/*.tml` (shared-task data, research use; see that
folder's SOURCE.md). TE3-platinum is held out and was not read. One document per `.tml`
file, `docs/<file stem>.txt`.

How:
- The document text is the content of the `<TEXT>` element exactly, with the markup
  (TIMEX3, EVENT, SIGNAL) removed and XML entities decoded by the XML parser; it starts
  and ends with the new lines that surround the content in the file. Headers outside
  `<TEXT>` (DOCID, DCT, TITLE, EXTRAINFO) are not in the document.
- Every `<TIMEX3 type="DATE">` inside `<TEXT>` is a `date` mention with the TIMEX3's own
  span and `value` the `value` attribute as is (`1989-12-31`, `1989-Q3`, `FY1989`,
  `PAST_REF`, `XXXX-XX-XX`, ...). TIME, DURATION and SET are not converted (counts below).
  `label` records a `mod` attribute (APPROX, END, ...) when present.
- `doc-dates.tsv`: the document creation time (the DCT TIMEX3's value, first 10 chars).

## Caveats

- TimeML values are resolved against the DCT ("year-end" -> `1989-12-31`, "Friday" ->
  `1998-08-07`): pass the DCT as the document date when scoring values.
- Some values are outside claimscan's value set (`PAST_REF`, `PRESENT_REF`, weeks
  `1998-W32`, seasons, decades `199`, underspecified `XXXX`): score their spans, and
  compare values only where both sides use the contract's forms.
- Spans include determiners ("the third quarter"); qualifiers such as "about" or "end of"
  are usually outside the span and recorded in `mod`: score with overlap as well as exact.
"""
    w.finish(readme)


# ---------------------------------------------------------------------------
# SkillSpan: skill and knowledge spans in job postings (dev split)
# ---------------------------------------------------------------------------

def bio_spans(tags):
    """[(first, last)] token index spans from a BIO tag list (I- after O starts a span)."""
    spans, start = [], None
    for i, t in enumerate(tags + ["O"]):
        if t.startswith("B-") or (t.startswith("I-") and start is None) or t == "O":
            if start is not None:
                spans.append((start, i - 1))
                start = None
            if t != "O":
                start = i
    return spans


def convert_skillspan(w, shared):
    folder = shared / "corpus" / "skillspan"
    files = [("house", folder / "skillspan_house_dev.conll"),
             ("tech", folder / "skillspan_tech_dev.conll")]
    for _, f in files:
        if not f.is_file():
            raise SkipSet(f"missing {f}")
    for subset, f in files:
        raw = f.read_text(encoding="utf-8").replace("\r\n", "\n")
        # Sentences are separated by one blank line, postings by two or more.
        for pi, posting in enumerate(re.split(r"\n[ \t]*\n(?:[ \t]*\n)+", raw.strip("\n")), 1):
            if w.full():
                break
            lines_out, spans_out, pos = [], [], 0
            for sent in re.split(r"\n[ \t]*\n", posting):
                toks, skill_tags, know_tags = [], [], []
                for line in sent.split("\n"):
                    if not line.strip():
                        continue
                    tok, st, kt = line.split("\t")
                    tok = tok.strip()
                    if not tok:
                        w.notes["blank tokens dropped"] += 1
                        continue
                    toks.append(tok)
                    skill_tags.append(st)
                    know_tags.append(kt)
                if not toks:
                    continue
                offs, p = [], pos
                for t in toks:
                    offs.append((p, p + len(t)))
                    p += len(t) + 1
                for label, tags in (("Skill", skill_tags), ("Knowledge", know_tags)):
                    for a, b in bio_spans(tags):
                        spans_out.append((offs[a][0], offs[b][1], label))
                    w.notes[f"I- tags without a preceding B- ({label}; start a span)"] += sum(
                        1 for i, t in enumerate(tags)
                        if t.startswith("I-") and (i == 0 or tags[i - 1] == "O"))
                line_text = " ".join(toks)
                lines_out.append(line_text)
                pos += len(line_text) + 1
            if not lines_out:
                continue
            doc = f"{subset}/{pi:04d}.txt"
            w.add_doc(doc, "\n".join(lines_out) + "\n")
            w.notes[f"sentences ({subset})"] += len(lines_out)
            seen = {}
            for s, e, label in spans_out:
                if (s, e) in seen:          # same span in both layers: one mention
                    seen[(s, e)]["label"] = "Skill+Knowledge"
                    w.notes["spans tagged both Skill and Knowledge (one mention)"] += 1
                    continue
                w.add_mention(doc, "skill", s, e, None, None, label)
                seen[(s, e)] = w.mentions[doc][-1]
    lab = collections.Counter(m["label"] for ms in w.mentions.values() for m in ms)
    readme = f"""# skillspan: SkillSpan (Zhang et al., NAACL 2022), dev split

Source: `corpus/skillspan/skillspan_house_dev.conll` and `skillspan_tech_dev.conll` (MIT;
see that folder's SOURCE.md). Only the **dev** split is used (train and test are not
read). One document per job posting, `docs/house/NNNN.txt` and `docs/tech/NNNN.txt`.

How:
- Tokens joined by single spaces, one sentence per line (blank line in the CoNLL = new
  sentence; two or more blank lines = new posting). Leading/trailing blanks in a token
  are removed.
- Both BIO layers become `skill` mentions, `value` and `unit` null: `label` `Skill`
  (long verb phrases, "influence cross functional teams"), `Knowledge` (mostly nouns and
  tools, "javascript", "Python"), or `Skill+Knowledge` when both layers tag the same
  span (one mention). Spans of the two layers can overlap otherwise. Label counts:
  {", ".join(f"{k} {n}" for k, n in lab.most_common())}.

## Caveats

- Skill names are not canonicalised: `value` is null. Compare spans, not names.
- "Skill" spans are long phrases a lexicon matcher will not reproduce; for claimscan's
  lexicon-style skills the `Knowledge` label is the fairer reference (filter on `label`).
- The text is de-identified (`<ORGANIZATION>`, `<ADDRESS>`, ... placeholders) and
  pre-tokenised ("Node.js nice to have ."), so punctuation is space-separated.
- Posting boundaries are taken from the double blank lines; in the tech file some
  postings appear split into several documents.
"""
    w.finish(readme)


# ---------------------------------------------------------------------------
# Driver
# ---------------------------------------------------------------------------

def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Materialize claimscan dev sets from ../shared/corpus into OUT_DIR.")
    ap.add_argument("out_dir", metavar="OUT_DIR", help="output folder (outside the repository)")
    ap.add_argument("--shared", default=str(REPO.parent / "shared"),
                    help="the shared folder holding corpus/ (default: ../shared next to the repo)")
    ap.add_argument("--sets", default=",".join(ALL_SETS),
                    help="comma-separated sets (default: all): " + ", ".join(ALL_SETS))
    ap.add_argument("--max-docs", type=int, default=None, metavar="N",
                    help="keep only the first N documents of each set")
    ap.add_argument("--recognizers-strict", action="store_true",
                    help="skip every Recognizers-Text case marked NotSupported (default: "
                         "only those failing on .NET)")
    args = ap.parse_args(argv)

    sets = [s.strip() for s in args.sets.split(",") if s.strip()]
    unknown = [s for s in sets if s not in ALL_SETS]
    if unknown:
        ap.error(f"unknown set(s): {', '.join(unknown)}; known: {', '.join(ALL_SETS)}")
    if args.max_docs is not None and args.max_docs < 1:
        ap.error("--max-docs must be at least 1")
    out = Path(args.out_dir).resolve()
    if out == REPO or REPO in out.parents:
        ap.error(f"OUT_DIR {out} is inside the repository {REPO}; the corpus data must "
                 "not be copied into the repo. Choose a folder outside it.")
    shared = Path(args.shared).resolve()
    if not (shared / "corpus").is_dir():
        print(f"devsets: {shared / 'corpus'} is missing; no set can be built.", file=sys.stderr)
        return 2

    converters = {
        "recognizers-number": lambda w: convert_recognizers(w, shared, "recognizers-number", args.recognizers_strict),
        "recognizers-percent": lambda w: convert_recognizers(w, shared, "recognizers-percent", args.recognizers_strict),
        "recognizers-currency": lambda w: convert_recognizers(w, shared, "recognizers-currency", args.recognizers_strict),
        "recognizers-datetime": lambda w: convert_recognizers(w, shared, "recognizers-datetime", args.recognizers_strict),
        "duckling": lambda w: convert_duckling(w, shared),
        "earnings21": lambda w: convert_earnings21(w, shared),
        "timebank": lambda w: convert_tempeval(w, shared, "TimeBank"),
        "aquaint": lambda w: convert_tempeval(w, shared, "AQUAINT"),
        "skillspan": lambda w: convert_skillspan(w, shared),
    }
    out.mkdir(parents=True, exist_ok=True)
    written = 0
    for name in sets:
        w = None
        try:
            w = SetWriter(out, name, args.max_docs)
            converters[name](w)
        except SkipSet as e:
            print(f"{name}: skipped ({e})", file=sys.stderr)
            if w is not None:             # remove the half-written folder we created
                shutil.rmtree(w.dir)
            continue
        print(w.summary())
        written += 1
    return 0 if written else 2


if __name__ == "__main__":
    sys.exit(main())
