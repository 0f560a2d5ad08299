"""The ``zorgadvies`` command line: parse, call the API, render, map errors to exit codes.

Exit codes: 0 success, 2 bad input (a one-line message on stderr, no traceback), 1 an unexpected
internal error.
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from . import __version__
from .api import advisor
from .errors import ZorgadviesError
from .facts import DEFAULT_SIZE_THRESHOLD, input_schema
from .render.text import render_text

F = TypeVar("F", bound=Callable[..., Any])


def _errors_to_exit(func: F) -> F:
    """Turn a ZorgadviesError into one line on stderr and exit code 2."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ZorgadviesError as exc:
            click.echo(f"zorgadvies: {exc}", err=True)
            sys.exit(2)

    return wrapper  # type: ignore[return-value]


def _write(text: str, output: str | None) -> None:
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


_rules_option = click.option(
    "--rules",
    "rules",
    multiple=True,
    type=click.Path(file_okay=False),
    help="Extra rule-pack folder to load beside the built-in pack (repeatable).",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="zorgadvies")
def main() -> None:
    """Explainable advice for care organisations on organising innovation and marketing."""


@main.command()
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True, help="Language of the text output.")
@click.option("--size-threshold", type=click.IntRange(min=1), default=DEFAULT_SIZE_THRESHOLD, show_default=True, help="Employees from which an organisation is 'groot'.")
@click.option("--brief", is_flag=True, help="Text output without the evidence per pillar.")
@_rules_option
@_errors_to_exit
def assess(file: str, fmt: str, lang: str, size_threshold: int, brief: bool, rules: tuple[str, ...]) -> None:
    """Assess the organisation described in FILE (YAML or JSON)."""
    adv = advisor(rules)
    report = adv.assess(file, size_threshold=size_threshold)
    if fmt == "json":
        _write(report.to_json(), None)
    else:
        _write(render_text(report, adv.kb, lang, detail=not brief), None)


@main.command()
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write to this file instead of printing.")
@_errors_to_exit
def schema(output: str | None) -> None:
    """Print the JSON Schema of a facts file."""
    text = json.dumps(input_schema(advisor().kb), ensure_ascii=False, indent=2) + "\n"
    _write(text, output)


def _register_commands() -> None:
    # Each group of commands lives in its own module; cli.py only wires them up.
    from . import cli_interview, cli_report, cli_tracking

    for module in (cli_report, cli_interview, cli_tracking):
        module.register(main)


_register_commands()


if __name__ == "__main__":  # pragma: no cover
    main()
