"""CLI command: vragenlijst (registered on the main group by zorgadvies.cli)."""

from __future__ import annotations

import sys

import click

from ..api import advisor
from .lang import messages_lang_option
from .util import errors_to_exit, rules_option, write_binary
from ..errors import ZorgadviesError
from ..workbook import questionnaire_workbook
from ..messages import t


def register(group: click.Group) -> None:
    """Add this module's commands to group."""
    group.add_command(vragenlijst)


@click.command(help="cli.vragenlijst")
@messages_lang_option
@click.option("--format", "fmt", type=click.Choice(["xlsx"]), default="xlsx", show_default=True, help="cli.vragenlijst.format")
@click.option("--organisation", default="", help="cli.vragenlijst.organisation")
@click.option("--output", "-o", type=click.Path(dir_okay=False), required=True, help="cli.vragenlijst.output")
@rules_option
@errors_to_exit
def vragenlijst(fmt: str, organisation: str, output: str, rules: tuple[str, ...]) -> None:
    del fmt  # one format today; the option names it for when there are more
    if not output.lower().endswith(".xlsx"):
        raise ZorgadviesError(t("cli_vragenlijst.workbook_name_must_end"), file=output)
    adv = advisor(rules)
    write_binary(questionnaire_workbook(adv.kb, organisation), output)
    click.echo(f"{output}: {len(adv.kb.questions)} vragen", err=not sys.stdout.isatty())
