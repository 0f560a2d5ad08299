"""Helpers shared by the CLI modules: error mapping, safe output, common options."""

from __future__ import annotations

import functools
import io
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

import click

from ..errors import ZorgadviesError
from ..safeio import atomic_write, terminal_safe

__all__ = ["STDOUT", "errors_to_exit", "forgiving_streams", "rules_option", "say", "write_binary", "write_output"]

F = TypeVar("F", bound=Callable[..., Any])

#: An output path that means "print to stdout".
STDOUT = "-"


def forgiving_streams() -> None:
    """Make stdout and stderr replace what their encoding cannot hold instead of raising.

    ``PYTHONIOENCODING=cp1252`` (a Windows console or a redirect there) cannot encode every
    character a report holds; a command must still finish. Files written with ``-o`` are always
    UTF-8 and lose nothing.
    """
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and stream.errors == "strict":
            try:
                stream.reconfigure(errors="replace")
            except (ValueError, OSError):  # a closed or detached stream: nothing to protect
                pass


def say(text: str, *, err: bool = False, nl: bool = True) -> None:
    """Echo ``text`` with data control characters neutralised (see safeio.terminal_safe)."""
    click.echo(terminal_safe(text), err=err, nl=nl)


def errors_to_exit(func: F) -> F:
    """Turn a ZorgadviesError into one line on stderr and exit code 2."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ZorgadviesError as exc:
            say(f"zorgadvies: {exc}", err=True)
            sys.exit(2)

    return wrapper  # type: ignore[return-value]


def write_output(text: str, output: str | None, *, inputs: Iterable[str | Path | None] = ()) -> None:
    """Print (``output`` None or ``-``), or write ``output`` safely (see zorgadvies.safeio).

    ``inputs`` are the files the command read: an output that is one of them is refused.
    """
    if output is None or output == STDOUT:
        say(text, nl=False)
        return
    atomic_write(terminal_safe(text), output, inputs=inputs)


def write_binary(data: bytes, output: str | None, *, inputs: Iterable[str | Path | None] = ()) -> None:
    """Binary output (PDF, xlsx): to stdout (``output`` None or ``-``), or safely to ``output``."""
    if output is None or output == STDOUT:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    atomic_write(data, output, inputs=inputs)


rules_option = click.option(
    "--rules",
    "rules",
    multiple=True,
    type=click.Path(file_okay=False),
    help="cli.opt.rules",
)
