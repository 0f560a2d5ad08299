"""CLI command: vragenlijst (registered on the main group by zorgadvies.cli)."""

from __future__ import annotations

import sys

import click

from ..api import advisor
from .util import errors_to_exit, rules_option, write_binary
from ..errors import ZorgadviesError
from ..workbook import questionnaire_workbook


def register(group: click.Group) -> None:
    """Add this module's commands to group."""
    group.add_command(vragenlijst)


@click.command()
@click.option("--format", "fmt", type=click.Choice(["xlsx"]), default="xlsx", show_default=True, help="Format of the questionnaire.")
@click.option("--organisation", default="", help="Name of the organisation, filled in on the sheet 'Gegevens'.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), required=True, help="The workbook to write (.xlsx).")
@rules_option
@errors_to_exit
def vragenlijst(fmt: str, organisation: str, output: str, rules: tuple[str, ...]) -> None:
    """Write the questionnaire as a workbook for one respondent to fill in (Excel, LibreOffice).

    One row per question in interview order, the answer as a drop-down of the Dutch answer texts
    and a column for a note. Give each respondent a copy; read the filled-in workbooks back with
    `zorgadvies assess FOLDER` / `report FOLDER` (one workbook per respondent, plus optionally the
    organisation's facts file) or a single workbook (docs/respondents.md).
    """
    del fmt  # one format today; the option names it for when there are more
    if not output.lower().endswith(".xlsx"):
        raise ZorgadviesError("the workbook's name must end in .xlsx", file=output)
    adv = advisor(rules)
    write_binary(questionnaire_workbook(adv.kb, organisation), output)
    click.echo(f"{output}: {len(adv.kb.questions)} vragen", err=not sys.stdout.isatty())
