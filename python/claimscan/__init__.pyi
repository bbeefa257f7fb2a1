"""Type stubs of the claimscan Python package (see __init__.py for the docs)."""

import datetime
import os
from typing import Any, Dict, Iterator, List, Optional, Sequence, Union

import pyarrow

__version__: str

StrPath = Union[str, "os.PathLike[str]"]
Paths = Union[StrPath, Sequence[StrPath]]
Kinds = Union[str, Sequence[str], None]
DocDate = Union[str, datetime.date, None]
Record = Dict[str, Any]

class Records(Iterator[Record]):
    """The records of a running scan, in the order ``claimscan scan`` writes them."""

    def __iter__(self) -> "Records": ...
    def __next__(self) -> Record: ...
    def close(self) -> None:
        """Stops the scan (if it is still running) and waits for its threads."""
    def summary(self) -> Optional[Dict[str, Union[int, float]]]:
        """The run's counts once it has ended, else None."""
    def __enter__(self) -> "Records": ...
    def __exit__(self, *exc: object) -> bool: ...

def scan(
    paths: Paths,
    *,
    kinds: Kinds = None,
    claims: bool = True,
    threads: Optional[int] = None,
    doc_date: DocDate = None,
    input_format: Optional[str] = None,
    skills: Optional[Sequence[StrPath]] = None,
    panel: bool = False,
) -> Records:
    """Scans files and folders as ``claimscan scan PATH...``: an iterator of
    record dicts (mention, claim, doc, error), streamed, the GIL released.
    Bad arguments raise ValueError with the command line's message."""

def extract(
    text: str,
    *,
    doc_date: DocDate = None,
    doc_id: str = "text",
    kinds: Kinds = None,
    claims: bool = True,
) -> List[Record]:
    """The records of one string (mentions, claims, then its doc record);
    offsets index the str."""

def tables(
    paths: Paths,
    *,
    kinds: Kinds = None,
    claims: bool = True,
    threads: Optional[int] = None,
    doc_date: DocDate = None,
    input_format: Optional[str] = None,
    skills: Optional[Sequence[StrPath]] = None,
    panel: bool = False,
) -> Dict[str, pyarrow.Table]:
    """The tables of ``claimscan scan --format parquet`` (mentions, claims,
    docs, errors; panel with panel=True) as pyarrow Tables with the Parquet
    schema, through the Arrow C data interface."""

def crosscheck(
    source: StrPath,
    coverage: Paths,
    *,
    doc_date: DocDate = None,
    threads: Optional[int] = None,
    claims: bool = False,
) -> List[Record]:
    """Verdict records of each coverage file against the source, as
    ``claimscan crosscheck --source SOURCE COVERAGE...``."""
