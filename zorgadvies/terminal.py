"""Text for a terminal: wrapped to its width, marks in colour, long output through a pager.

On a terminal the width is the terminal's; elsewhere (a pipe, a file, a CI log) it is 80 columns
and there is neither colour nor pager, so redirected output is plain and stable. Colour follows
https://no-color.org: any non-empty ``NO_COLOR`` turns it off. The pager is ``$PAGER`` (click's
default, ``less -R``, when unset), used only when the text is longer than the screen.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import textwrap
from typing import TextIO

import click

from .safeio import terminal_safe

__all__ = ["DEFAULT_WIDTH", "colour_marks", "emit", "wrap_text"]

DEFAULT_WIDTH = 80
# A line's hanging indent: its leading spaces plus a list marker ("12. ", "- ", "✓ ", ...).
_HANG = re.compile(r"^(\s*(?:\d+\.\s+|[-•✓✗?→⚠]\s+|\[[^\]]*\]\s+)?)")
_MARK = re.compile(r"^(\s*)(✓|✗|\?)(?=\s)", re.M)
_COLOURS = {"✓": "green", "✗": "red", "?": "yellow"}


def wrap_text(text: str, width: int) -> str:
    """Every line no wider than ``width``; a wrapped line continues under its own text."""
    out: list[str] = []
    for line in text.split("\n"):
        if len(line) <= width:
            out.append(line)
            continue
        hang = _HANG.match(line)
        indent = " " * len(hang.group(1)) if hang else ""
        if len(indent) > width // 2:
            indent = " " * (len(line) - len(line.lstrip()))
        out.extend(
            textwrap.wrap(line, width=width, subsequent_indent=indent, break_long_words=True, break_on_hyphens=False)
            or [""]
        )
    return "\n".join(out)


def colour_marks(text: str) -> str:
    """✓ green, ✗ red, ? yellow where they mark a criterion (at the start of a line's text)."""
    return _MARK.sub(lambda m: m.group(1) + click.style(m.group(2), fg=_COLOURS[m.group(2)], bold=True), text)


def _use_colour() -> bool:
    return not os.environ.get("NO_COLOR")


def emit(text: str, stream: TextIO | None = None) -> None:
    """Print ``text`` for a reader: wrapped, coloured and paged on a terminal, plain elsewhere."""
    stream = stream or sys.stdout
    # Data never reaches the terminal raw (docs/security.md): sanitised before our own colour codes.
    text = terminal_safe(text)
    tty = stream.isatty()
    size = shutil.get_terminal_size((DEFAULT_WIDTH, 24)) if tty else os.terminal_size((DEFAULT_WIDTH, 24))
    body = wrap_text(text.rstrip("\n"), max(20, size.columns)) + "\n"
    if not tty:
        stream.write(body)
        stream.flush()
        return
    colour = _use_colour()
    shown = colour_marks(body) if colour else body
    if body.count("\n") > size.lines - 1:
        click.echo_via_pager(shown, color=colour)
    else:
        click.echo(shown, nl=False, color=colour, file=stream)
