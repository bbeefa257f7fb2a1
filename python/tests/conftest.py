"""Shared helpers: the repository root and the `claimscan` binary the
Python results are compared with (CLAIMSCAN_BIN, else target/debug or
target/release under the repository; the tests that need it are skipped,
saying so, when there is none)."""

import json
import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]


def _find_bin():
    env = os.environ.get("CLAIMSCAN_BIN")
    if env:
        return env
    for profile in ("debug", "release"):
        p = ROOT / "target" / profile / "claimscan"
        if p.exists():
            return str(p)
    return None


@pytest.fixture(scope="session")
def cli():
    """Runs the claimscan binary; returns (exit code, stdout bytes, stderr text)."""
    exe = _find_bin()
    if exe is None:
        pytest.skip("no claimscan binary (set CLAIMSCAN_BIN or run cargo build)")

    def run(*args, cwd=ROOT):
        p = subprocess.run([exe, *args], cwd=cwd, capture_output=True)
        return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")

    return run


@pytest.fixture
def in_root(monkeypatch):
    """Runs the test from the repository root, as the CLI comparisons do."""
    monkeypatch.chdir(ROOT)
    return ROOT


def jsonl(data):
    return [json.loads(line) for line in data.splitlines()]
