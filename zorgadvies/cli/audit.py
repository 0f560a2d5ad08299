"""CLI commands for auditors and consultants: explain, path and replay."""

from __future__ import annotations

import json

import click

from ..api import advisor
from ..audit import read_key
from ..audit import replay as replay_log
from .lang import lang_option
from .util import errors_to_exit, rules_option, write_output
from ..explain import explain as explain_item
from ..facts import DEFAULT_SIZE_THRESHOLD
from ..terminal import emit
from ..render.explain_text import render_explanation, render_path, render_replay
from ..whatif import apply_changes, parse_assignments, path_to_stage

_format = click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
_lang = lang_option
_threshold = click.option("--size-threshold", type=click.IntRange(min=1), default=DEFAULT_SIZE_THRESHOLD, show_default=True)
_set = click.option("--set", "assignments", multiple=True, metavar="QUESTION=VALUE", help="cli.opt.set")


def _dump(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


@click.command(help="cli.explain")
@click.argument("file", type=click.Path(dir_okay=False))
@click.argument("item_id", metavar="ID")
@_format
@_lang
@_threshold
@_set
@rules_option
@errors_to_exit
def explain(file: str, item_id: str, fmt: str, lang: str, size_threshold: int, assignments: tuple[str, ...], rules: tuple[str, ...]) -> None:
    adv = advisor(rules)
    facts = adv.load(file, size_threshold=size_threshold)
    if assignments:
        facts = apply_changes(adv, facts, parse_assignments(assignments, adv))
    result = explain_item(adv, facts, item_id)
    if fmt == "json":
        write_output(_dump(result.to_dict()), None)
    else:
        emit(render_explanation(result, lang))


@click.command(help="cli.path")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--pillar", required=True, help="cli.path.pillar")
@click.option("--target", required=True, type=click.IntRange(1, 4), help="cli.path.target")
@_format
@_lang
@_threshold
@rules_option
@errors_to_exit
def path(file: str, pillar: str, target: int, fmt: str, lang: str, size_threshold: int, rules: tuple[str, ...]) -> None:
    adv = advisor(rules)
    result = path_to_stage(adv, adv.load(file, size_threshold=size_threshold), pillar, target)
    if fmt == "json":
        write_output(_dump(result.to_dict()), None)
    else:
        emit(render_path(result, adv.kb, lang))


@click.command(help="cli.replay")
@click.argument("log", type=click.Path(dir_okay=False))
@click.option("--audit-key", type=click.Path(dir_okay=False), help="cli.replay.audit_key")
@_format
@_lang
@rules_option
@errors_to_exit
def replay(log: str, audit_key: str | None, fmt: str, lang: str, rules: tuple[str, ...]) -> None:
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
