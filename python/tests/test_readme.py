"""The Python examples of README.md and python/README.md run as written,
from the root of the checkout."""

import contextlib
import io
import re

import pytest

from conftest import ROOT


def blocks(path):
    return re.findall(r"```python\n(.*?)```", path.read_text(), re.S)


@pytest.mark.parametrize("readme", ["README.md", "python/README.md"])
def test_readme_example_runs(readme, in_root):
    code = blocks(ROOT / readme)
    assert code, f"no Python example in {readme}"
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        for block in code:
            exec(compile(block, readme, "exec"), {"__name__": "__readme__"})
    assert "percent 7% 7 %" in out.getvalue()
    assert "'mentions':" in out.getvalue()
