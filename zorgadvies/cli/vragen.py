"""CLI command: vragen (registered on the main group by zorgadvies.cli)."""

from __future__ import annotations

import json

import click

from ..api import advisor
from ..asknext import ask_next, render_guide
from .util import errors_to_exit, rules_option, write_output
from ..facts import DEFAULT_SIZE_THRESHOLD


def register(group: click.Group) -> None:
    """Add this module's commands to group."""
    group.add_command(vragen)


@click.command()
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True, help="Language of the guide.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write to this file instead of printing.")
@click.option("--size-threshold", type=click.IntRange(min=1), default=DEFAULT_SIZE_THRESHOLD, show_default=True, help="Employees from which an organisation is 'groot'.")
@rules_option
@errors_to_exit
def vragen(file: str, fmt: str, lang: str, output: str | None, size_threshold: int, rules: tuple[str, ...]) -> None:
    """Conversation guide for FILE: every question whose answer would change the verdict, by whom to ask.

    Each question is measured with the engine (every possible answer is tried); the most effective
    come first within each group (docs/ask-next.md).
    """
    adv = advisor(rules)
    facts = adv.load(file, size_threshold=size_threshold)
    items = ask_next(adv, facts, limit=None)
    if fmt == "json":
        text = json.dumps([i.to_dict() for i in items], ensure_ascii=False, indent=2) + "\n"
    else:
        text = render_guide(items, adv.kb, facts.organisation.name, lang)
    write_output(text, output)
