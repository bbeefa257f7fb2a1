"""What the blind development sets share (scripts/claims-dev.py,
scripts/skills-dev.py): the excerpt list, the corpus's reserved documents,
text digests and the Reuters date format. Imported from the scripts' own
folder; never run directly."""

import hashlib
import os
import re

MONTHS = "JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split()


def sha(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return f.read().split("\n")


def reserved(shared):
    """The files and (file, NEWID) stories of corpus/RESERVED.txt."""
    path = os.path.join(shared, "corpus", "RESERVED.txt")
    files, stories = set(), set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) == 2:
                stories.add((parts[0], parts[1]))
            else:
                files.add(parts[0])
    return files, stories


def reuters_date(d):
    """`13-APR-1987 ...` -> `1987-04-13` ("" when it is not one)."""
    m = re.match(r"\s*(\d+)-([A-Z]{3})-(\d{4})", d)
    if not m:
        return ""
    return f"{m.group(3)}-{MONTHS.index(m.group(2)) + 1:02d}-{int(m.group(1)):02d}"


def read_excerpts(path):
    """The rows of an excerpts.tsv: split, id, source, locator, date, sha256."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            split, xid, source, locator, date, digest = line.rstrip("\n").split("\t")
            rows.append(dict(split=split, id=xid, source=source,
                             locator=locator, date=date, sha256=digest))
    return rows
