"""CLI commands for auditors and consultants: explain, path and replay."""

from __future__ import annotations

import json

import click

from ..api import advisor
from ..audit import read_key
from ..audit import replay as replay_log
from .util import errors_to_exit, rules_option, write_output
from ..explain import explain as explain_item
from ..facts import DEFAULT_SIZE_THRESHOLD
from ..terminal import emit
from ..render.explain_text import render_explanation, render_path, render_replay
from ..whatif import apply_changes, parse_assignments, path_to_stage

_format = click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
_lang = click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True)
_threshold = click.option("--size-threshold", type=click.IntRange(min=1), default=DEFAULT_SIZE_THRESHOLD, show_default=True)
_set = click.option("--set", "assignments", multiple=True, metavar="QUESTION=VALUE", help="Change an answer first (repeatable).")


def _dump(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


@click.command()
@click.argument("file", type=click.Path(dir_okay=False))
@click.argument("item_id", metavar="ID")
@_format
@_lang
@_threshold
@_set
@rules_option
@errors_to_exit
def explain(file: str, item_id: str, fmt: str, lang: str, size_threshold: int, assignments: tuple[str, ...], rules: tuple[str, ...]) -> None:
    """Explain why (or why not) ID applies to the organisation in FILE.

    ID is a pillar (innovatie), a recommendation (visie-formuleren), a reflection question or a rule.
    """
    adv = advisor(rules)
    facts = adv.load(file, size_threshold=size_threshold)
    if assignments:
        facts = apply_changes(adv, facts, parse_assignments(assignments, adv))
    result = explain_item(adv, facts, item_id)
    if fmt == "json":
        write_output(_dump(result.to_dict()), None)
    else:
        emit(render_explanation(result, lang))


@click.command()
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--pillar", required=True, help="Pillar id, e.g. innovatie.")
@click.option("--target", required=True, type=click.IntRange(1, 4), help="Stage to reach (1-4).")
@_format
@_lang
@_threshold
@rules_option
@errors_to_exit
def path(file: str, pillar: str, target: int, fmt: str, lang: str, size_threshold: int, rules: tuple[str, ...]) -> None:
    """The fewest answers that bring PILLAR to stage TARGET, and the recommendations on the way."""
    adv = advisor(rules)
    result = path_to_stage(adv, adv.load(file, size_threshold=size_threshold), pillar, target)
    if fmt == "json":
        write_output(_dump(result.to_dict()), None)
    else:
        emit(render_path(result, adv.kb, lang))


@click.command()
@click.argument("log", type=click.Path(dir_okay=False))
@click.option("--audit-key", type=click.Path(dir_okay=False), help="Verify the log's HMAC-SHA256 signature with the key in this file.")
@_format
@_lang
@rules_option
@errors_to_exit
def replay(log: str, audit_key: str | None, fmt: str, lang: str, rules: tuple[str, ...]) -> None:
    """Re-run the assessment recorded in an audit LOG and confirm the result (exit 1 if it differs).

    Every digest in the log is checked first; with --audit-key also its signature. A log that
    fails a check is refused (exit 2). See docs/auditor-guide.md for what each mode proves.
    """
    key = read_key(audit_key) if audit_key else None
    result = replay_log(advisor(rules), log, key=key)
    if fmt == "json":
        write_output(_dump(result.to_dict()), None)
    else:
        emit(render_replay(result, lang))
    if not result.identical:
        raise SystemExit(1)


def register(group: click.Group) -> None:
    """Add this module's commands to ``group``."""
    for command in (explain, path, replay):
        group.add_command(command)
