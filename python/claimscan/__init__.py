"""claimscan: typed mentions and metric claims from earnings coverage.

The Python face of the ``claimscan`` Rust library. Every function runs the
library's own pipeline (the code behind the ``claimscan`` command) with
the GIL released, so the records are the ones ``claimscan scan`` writes:

- :func:`scan` streams the records of files and folders as dicts;
- :func:`extract` gives the records of one string;
- :func:`tables` gives the ``--format parquet`` tables as ``pyarrow.Table``s;
- :func:`crosscheck` judges coverage against its source (verdict dicts).

What every record and field means: ``docs/records.md`` in the repository.
"""

from __future__ import annotations

import datetime as _dt
import json as _json
import os as _os

from . import _claimscan

__all__ = ["scan", "extract", "tables", "crosscheck", "Records", "__version__"]
__version__ = _claimscan.__version__


def _paths(paths):
    if isinstance(paths, (str, bytes, _os.PathLike)):
        paths = [paths]
    return [_os.fsdecode(p) for p in paths]


def _kinds(kinds):
    if kinds is None:
        return []
    if isinstance(kinds, str):
        kinds = kinds.split(",")
    return [str(k) for k in kinds]


def _date(doc_date):
    if doc_date is None or isinstance(doc_date, str):
        return doc_date
    if isinstance(doc_date, _dt.date):
        return doc_date.isoformat()[:10]
    raise TypeError(f"doc_date must be a str or a datetime.date, not {type(doc_date).__name__}")


def _threads(threads):
    if threads is None:
        return None
    if isinstance(threads, bool) or not isinstance(threads, int):
        raise TypeError(f"threads must be an int, not {type(threads).__name__}")
    return threads


def _lines(chunk):
    loads = _json.loads
    return [loads(line) for line in chunk.splitlines()]


class Records:
    """The records of a running scan, in the order ``claimscan scan`` writes
    them. Iterate to get dicts; the scan runs ahead on its own threads (no
    GIL) by at most a few MB of records. Breaking out of the loop, ``del``,
    :meth:`close` or a ``with`` block stops the run and joins its threads.
    """

    def __init__(self, native):
        self._native = native
        self._chunk = iter(())

    def __iter__(self):
        return self

    def __next__(self):
        while True:
            for record in self._chunk:
                return record
            chunk = next(self._native)
            self._chunk = iter(_lines(chunk))

    def close(self):
        """Stops the scan (if it is still running) and waits for its threads."""
        self._chunk = iter(())
        self._native.close()

    def summary(self):
        """The run's counts once it has ended, else ``None``: documents
        ``found``, ``read``, ``errors``, ``warnings``, ``skipped``, ``bytes``,
        ``mentions``, ``claims`` and ``seconds``."""
        return self._native.summary()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False


def scan(
    paths,
    *,
    kinds=None,
    claims=True,
    threads=None,
    doc_date=None,
    input_format=None,
    skills=None,
    panel=False,
):
    """Scans files and folders, as ``claimscan scan PATH...`` does.

    Returns an iterator of dicts, the records the command writes, in the
    same order: ``mention``, ``claim`` and ``doc`` records per document and
    ``error`` records for inputs that could not be read (a missing path, a
    binary file, ...: the run carries on, as on the command line). Records
    are streamed while the scan runs on its own threads with the GIL
    released.

    ``paths``: a path (``str`` or ``os.PathLike``) or a list of them; folders
    are walked recursively in sorted order; ``doc`` ids are paths relative to
    the folder given. ``kinds``: a list (or comma-separated string) of
    ``percent``, ``count``, ``money``, ``date``, ``skill`` (default: all).
    ``claims=False`` is ``--no-claims``. ``threads`` is ``-j`` (default:
    ``RAYON_NUM_THREADS`` or one per core). ``doc_date`` (``"YYYY-MM-DD"``
    or a ``datetime.date``) is ``--doc-date``; ``input_format`` is
    ``--input-format`` (text, html, jsonl, warc, reuters); ``skills`` is a
    list of lexicon files (``--skills``); ``panel=True`` adds the ``panel``
    records after the scan's (``--panel``).

    Bad arguments raise ``ValueError`` with the command line's message.
    """
    native = _claimscan.Scan(
        _paths(paths),
        _kinds(kinds),
        bool(claims),
        _threads(threads),
        _date(doc_date),
        input_format,
        _paths(skills or []),
        bool(panel),
    )
    return Records(native)


def extract(text, *, doc_date=None, doc_id="text", kinds=None, claims=True):
    """The records of one string: its ``mention`` and ``claim`` records,
    then its ``doc`` record, as a scan of a text file holding ``text`` would
    give them (with ``doc`` = ``doc_id``).

    Offsets (``start``, ``end``) index the ``str``: ``text[m["start"]:m["end"]]
    == m["text"]``, whatever the characters. Options as for :func:`scan`.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    return _lines(_claimscan.extract(text, _date(doc_date), str(doc_id), _kinds(kinds), bool(claims)))


def tables(
    paths,
    *,
    kinds=None,
    claims=True,
    threads=None,
    doc_date=None,
    input_format=None,
    skills=None,
    panel=False,
):
    """Scans as :func:`scan` does and returns the tables of ``claimscan scan
    --format parquet`` as ``pyarrow.Table``s, by name: ``mentions``,
    ``claims``, ``docs``, ``errors`` (and ``panel`` with ``panel=True``).

    Each table has exactly the Parquet file's schema (``claimscan schema
    --format arrow``) and rows. The Arrow arrays are built in Rust and handed
    to pyarrow through the Arrow C data interface (no copy, no JSON on the
    Python side). ``t.to_pandas()`` and ``polars.from_arrow(t)`` convert them.
    """
    import pyarrow  # noqa: F401  (fails early with a clear message when missing)

    pairs = _claimscan.tables(
        _paths(paths),
        _kinds(kinds),
        bool(claims),
        _threads(threads),
        _date(doc_date),
        input_format,
        _paths(skills or []),
        bool(panel),
    )
    return dict(pairs)


def crosscheck(source, coverage, *, doc_date=None, threads=None, claims=False):
    """Judges coverage against its source, as ``claimscan crosscheck --source
    SOURCE COVERAGE...`` does: one ``verdict`` dict per claim of the coverage
    that states a figure (``supported``, ``contradicted`` or ``absent``, with
    the evidence and the reason).

    ``source``: the call's transcript (a path). ``coverage``: a path or a list
    of paths (stories, summaries). ``claims=True`` also returns each coverage
    document's records before its verdicts (``--claims``). A pair that cannot
    be judged (a file that cannot be read) gives an ``error`` dict in place of
    its verdicts, as the command writes, and the others go on.
    """
    out = _claimscan.crosscheck(
        _os.fsdecode(source), _paths(coverage), _date(doc_date), _threads(threads), bool(claims)
    )
    return _lines(out)
