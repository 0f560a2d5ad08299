"""CLI command: vragen (registered on the main group by zorgadvies.cli)."""

from __future__ import annotations

import json

import click

from ..api import advisor
from ..asknext import ask_next, render_guide
from .lang import lang_option
from .util import errors_to_exit, rules_option, write_output
from ..facts import DEFAULT_SIZE_THRESHOLD


def register(group: click.Group) -> None:
    """Add this module's commands to group."""
    group.add_command(vragen)


@click.command(help="cli.vragen")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@lang_option
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="cli.opt.output")
@click.option("--size-threshold", type=click.IntRange(min=1), default=DEFAULT_SIZE_THRESHOLD, show_default=True, help="cli.opt.size_threshold")
@rules_option
@errors_to_exit
def vragen(file: str, fmt: str, lang: str, output: str | None, size_threshold: int, rules: tuple[str, ...]) -> None:
    adv = advisor(rules)
    facts = adv.load(file, size_threshold=size_threshold)
    items = ask_next(adv, facts, limit=None)
    if fmt == "json":
        text = json.dumps([i.to_dict() for i in items], ensure_ascii=False, indent=2) + "\n"
    else:
        text = render_guide(items, adv.kb, facts.organisation.name, lang)
    write_output(text, output)
