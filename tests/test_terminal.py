"""Terminal output: wrapped to the width of a pseudo-terminal (60 and 80 columns), 80 columns when
not a terminal, marks in colour unless NO_COLOR, long output through $PAGER, and `report` without -o
on a terminal writing a file named after the organisation."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest
from click.testing import CliRunner

from zorgadvies.cli import main
from zorgadvies.terminal import wrap_text

from conftest import ROOT

DEMO = str(ROOT / "examples" / "thuiszorg-de-linde.yaml")
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _in_pty(args: list[str], columns: int, rows: int = 500, env: dict[str, str] | None = None, cwd: Path | None = None) -> str:
    """Run zorgadvies with stdout on a pseudo-terminal of the given size; what it wrote."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    full_env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "PAGER", "COLUMNS", "LINES")}
    full_env |= {"TERM": "xterm", "ZORGADVIES_CACHE": "0"} | (env or {})
    proc = subprocess.Popen([sys.executable, "-m", "zorgadvies", *args], stdin=slave, stdout=slave, stderr=slave, env=full_env, cwd=cwd or ROOT)
    os.close(slave)
    chunks = []
    while True:
        ready, _, _ = select.select([master], [], [], 120)
        if not ready:
            proc.kill()
            raise AssertionError("no output for 120 s")
        try:
            data = os.read(master, 65536)
        except OSError:  # the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=60)
    os.close(master)
    return b"".join(chunks).decode("utf-8", "replace").replace("\r\n", "\n")


def test_wrap_keeps_every_word_and_the_hanging_indent() -> None:
    text = "    12. " + " ".join(["woord"] * 40) + "\n  ✓ " + "x" * 150
    wrapped = wrap_text(text, 60)
    assert all(len(line) <= 60 for line in wrapped.splitlines())
    assert wrapped.split() == text.split() or "".join(wrapped.split()) == "".join(text.split())
    second = wrapped.splitlines()[1]
    assert second.startswith(" " * 8) and not second.startswith(" " * 9)  # under the text, not the number


@pytest.mark.parametrize("columns", [60, 80])
def test_assess_fits_the_terminal_and_colours_the_marks(columns: int) -> None:
    out = _in_pty(["assess", DEMO], columns)
    plain = ANSI.sub("", out)
    lines = plain.splitlines()
    assert len(lines) > 40 and "Thuiszorg De Linde" in plain
    assert max(len(line) for line in lines) <= columns, max(lines, key=len)
    assert re.search(r"\x1b\[32m(\x1b\[1m)?✓", out) and re.search(r"\x1b\[31m(\x1b\[1m)?✗", out)


def test_no_color_is_honoured() -> None:
    out = _in_pty(["assess", DEMO], 80, env={"NO_COLOR": "1"})
    assert "\x1b[" not in out and "✓" in out


def test_long_output_goes_through_the_pager() -> None:
    out = _in_pty(["assess", DEMO], 80, rows=20, env={"PAGER": "sed 's/^/PAGED|/'"})
    lines = [line for line in out.splitlines() if line.strip()]
    assert lines and all(line.startswith("PAGED|") for line in lines), lines[:3]
    short = _in_pty(["assess", DEMO, "--brief", "--format", "json"], 80, rows=20, env={"PAGER": "sed 's/^/PAGED|/'"})
    assert "PAGED|" not in short  # JSON is for programs: never paged


def test_not_a_terminal_is_80_columns_without_colour() -> None:
    result = CliRunner().invoke(main, ["assess", DEMO], catch_exceptions=False)
    assert result.exit_code == 0 and "\x1b[" not in result.output
    assert max(len(line) for line in result.output.splitlines()) <= 80


def test_report_without_output_on_a_terminal_writes_a_named_file(tmp_path: Path) -> None:
    out = _in_pty(["report", DEMO], 80, cwd=tmp_path)
    assert "rapport-thuiszorg-de-linde.html" in out and "<html" not in out
    assert (tmp_path / "rapport-thuiszorg-de-linde.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    _in_pty(["report", DEMO], 80, cwd=tmp_path)
    assert (tmp_path / "rapport-thuiszorg-de-linde-2.html").exists()  # never over an existing file
