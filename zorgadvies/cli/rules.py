"""CLI commands: ``rules list|show|criteria|validate|test|coverage`` and ``new-rule`` (registered by zorgadvies.cli).

Thin on purpose: the work is done by :mod:`zorgadvies.ruletools`; see docs/rule-authoring.md.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .. import ruletools
from ..api import Advisor
from .lang import lang_option, messages_lang_option
from .util import errors_to_exit, rules_option, say, write_output
from ..knowledge import load_knowledge
from ..paths import RULES_DIR
from ..rulepack import load_rules
from ..stagedoc import stage_criteria_markdown
from ..messages import t

__all__ = ["register"]

_FORMAT = click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)


def _packs(rules: tuple[str, ...], directory: str | None) -> list[str]:
    return [*rules, *([directory] if directory else [])]


@click.group("rules", help="cli.rules")
@messages_lang_option
def rules_group() -> None:
    pass


@rules_group.command("list", help="cli.rules.list")
@messages_lang_option
@_FORMAT
@rules_option
@errors_to_exit
def list_command(fmt: str, rules: tuple[str, ...]) -> None:
    rows = ruletools.list_rows(load_rules(load_knowledge(), rules))
    if fmt == "json":
        write_output(json.dumps(rows, ensure_ascii=False, indent=2) + "\n", None)
        return
    width_id = max((len(r["id"]) for r in rows), default=2)
    width_status = max((len(r["status"]) for r in rows), default=6)
    width_then = max((len(r["conclusion"]) for r in rows), default=10)
    lines = [
        f"{r['id']:<{width_id}}  {r['status']:<{width_status}}  {r['conclusion']:<{width_then}}  {r['title']}"
        for r in rows
    ]
    write_output("\n".join(lines) + "\n", None)


@rules_group.command("criteria", help="cli.rules.criteria")
@messages_lang_option
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="cli.rules.criteria.output")
@errors_to_exit
def criteria_command(output: str | None) -> None:
    kb = load_knowledge()
    write_output(stage_criteria_markdown(kb, load_rules(kb, cases=False)), output)


@rules_group.command("show", help="cli.rules.show")
@click.argument("rule_id", metavar="ID")
@lang_option
@rules_option
@errors_to_exit
def show_command(rule_id: str, lang: str, rules: tuple[str, ...]) -> None:
    kb = load_knowledge()
    rule = ruletools.find_rule(load_rules(kb, rules), rule_id)
    write_output(ruletools.render_rule(kb, rule, lang), None)


@rules_group.command("validate", help="cli.rules.validate")
@messages_lang_option
@click.argument("directory", metavar="[DIR]", required=False, type=click.Path(file_okay=False))
@click.option("--only", is_flag=True, help="cli.rules.validate.only")
@click.option("--knowledge", type=click.Path(file_okay=False), help="cli.rules.validate.knowledge")
@rules_option
@errors_to_exit
def validate_command(directory: str | None, only: bool, knowledge: str | None, rules: tuple[str, ...]) -> None:
    packs = _packs(rules, directory)
    if only and not packs:
        raise click.UsageError(t("cli_rules.only_needs_dir_rules"))
    result = ruletools.validate(packs, builtin=not only, knowledge=knowledge)
    for line in result.lines():
        say(line)
    say(result.summary)
    if not result.ok:
        sys.exit(2)


@rules_group.command("test", help="cli.rules.test")
@messages_lang_option
@click.argument("directory", metavar="[DIR]", required=False, type=click.Path(file_okay=False))
@click.option("--only", is_flag=True, help="cli.rules.test.only")
@click.option("-v", "--verbose", is_flag=True, help="cli.rules.test.verbose")
@rules_option
@errors_to_exit
def test_command(directory: str | None, only: bool, verbose: bool, rules: tuple[str, ...]) -> None:
    packs = _packs(rules, directory)
    if only and not packs:
        raise click.UsageError(t("cli_rules.only_needs_dir_rules_2"))
    result = ruletools.run_tests(Advisor(packs), only=packs if only else None)
    for run in result.runs:
        if not run.passed:
            say(run.failure_line())
        elif verbose:
            say(f"PASSED {run.rule.id}::{run.case.name}")
    say(result.summary)
    if result.failures:
        sys.exit(2)


def _examples(paths: tuple[str, ...]) -> list[Path]:
    if not paths:
        default = RULES_DIR.parent / "examples"
        paths = (str(default),) if default.is_dir() else ()
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        found += sorted(path.glob("*.yaml")) + sorted(path.glob("*.json")) if path.is_dir() else [path]
    return found


@rules_group.command("coverage", help="cli.rules.coverage")
@messages_lang_option
@_FORMAT
@click.option(
    "--examples",
    "examples",
    multiple=True,
    type=click.Path(exists=True),
    help="cli.rules.coverage.examples",
)
@rules_option
@errors_to_exit
def coverage_command(fmt: str, examples: tuple[str, ...], rules: tuple[str, ...]) -> None:
    adv = Advisor(rules)
    result = ruletools.coverage(adv, _examples(examples))
    if fmt == "json":
        write_output(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n", None)
    else:
        write_output(ruletools.render_coverage(result, adv.kb), None)


@click.command("new-rule", help="cli.new_rule")
@messages_lang_option
@click.argument("rule_id", metavar="ID")
@click.option(
    "--conclusion",
    required=True,
    metavar="KIND:TARGET",
    help="cli.new_rule.conclusion",
)
@click.option(
    "--dir",
    "directory",
    type=click.Path(file_okay=False),
    help="cli.new_rule.dir",
)
@click.option("--title", help="cli.new_rule.title")
@errors_to_exit
def new_rule_command(rule_id: str, conclusion: str, directory: str | None, title: str | None) -> None:
    if directory is None:
        default = ruletools.default_rules_dir()
        if default is None:
            raise click.UsageError(t("cli_rules.this_zorgadvies_installed_checkout"))
        target = default
    else:
        target = Path(directory)
    written = ruletools.new_rule(rule_id, conclusion, target, title=title)
    for path in written:
        say(t("cli_rules.created", path=ruletools.display_path(path)))
    builtin = target.resolve() == RULES_DIR.resolve()
    pack = "" if builtin else f" {ruletools.display_path(target)}"
    rule, cases, doc = (ruletools.display_path(p) for p in written)
    say("\n" + t("cli_rules.next_steps", rule=rule, cases=cases, doc=doc, rule_id=rule_id, rules=" --rules" + pack if pack else "", pack=pack))


def register(group: click.Group) -> None:
    """Add this module's commands to ``group``."""
    group.add_command(rules_group)
    group.add_command(new_rule_command)
