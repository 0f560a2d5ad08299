"""Helpers shared by the CLI modules: error mapping, atomic output, common options."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from .errors import ZorgadviesError

__all__ = ["errors_to_exit", "rules_option", "write_output"]

F = TypeVar("F", bound=Callable[..., Any])


def errors_to_exit(func: F) -> F:
    """Turn a ZorgadviesError into one line on stderr and exit code 2."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ZorgadviesError as exc:
            click.echo(f"zorgadvies: {exc}", err=True)
            sys.exit(2)

    return wrapper  # type: ignore[return-value]


def write_output(text: str, output: str | None) -> None:
    """Print, or write to ``output`` atomically so that a failure never leaves half a file."""
    if output is None:
        click.echo(text, nl=False)
        return
    target = Path(output)
    tmp = target.with_name(f".{target.name}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ZorgadviesError(f"cannot write ({exc.strerror})", file=str(target)) from None


rules_option = click.option(
    "--rules",
    "rules",
    multiple=True,
    type=click.Path(file_okay=False),
    help="Extra rule-pack folder to load beside the built-in pack (repeatable).",
)


