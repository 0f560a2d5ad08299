"""The documentation's code examples run, and its command lines are real commands."""

from __future__ import annotations

import contextlib
import io
import os
import re
from pathlib import Path

import pytest

from conftest import ROOT

# A python block and, right after it, the output the documentation promises it prints.
BLOCK = re.compile(r"```python\n(.*?)```\nPrints:\n```text\n(.*?)```", re.DOTALL)
EMBEDDING = BLOCK.findall((ROOT / "docs" / "embedding.md").read_text(encoding="utf-8"))


def test_embedding_has_the_promised_examples() -> None:
    text = (ROOT / "docs" / "embedding.md").read_text(encoding="utf-8")
    assert len(EMBEDDING) >= 5
    # Every python block has its "Prints:" (a block without one would silently not be checked).
    assert text.count("```python") == len(EMBEDDING)


@pytest.mark.parametrize(("code", "expected"), EMBEDDING, ids=[f"block{i}" for i in range(len(EMBEDDING))])
def test_embedding_example_prints_what_the_docs_say(code: str, expected: str) -> None:
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(compile(code, "docs/embedding.md", "exec"), {"__name__": "docs_example"})  # noqa: S102 - our own docs
        assert out.getvalue() == expected
    finally:
        os.chdir(cwd)


def test_readme_starts_with_the_two_setup_commands() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = text.split("```")[1]
    assert "make demo" in first_block and "make test" in first_block
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
