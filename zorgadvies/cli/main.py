"""The ``zorgadvies`` command line: parse, call the API, render, map errors to exit codes.

Exit codes: 0 success, 2 bad input (a one-line message on stderr, no traceback), 1 an unexpected
internal error.
"""

from __future__ import annotations

import importlib
import json
import contextvars
import os
import sys
from collections.abc import Sequence
from typing import Any

import attrs
import click

from .. import __version__
from ..api import advisor
from ..asknext import ASK_FIRST_BELOW, answered_share, ask_next
from ..atleast import plain
from .lang import explicit_language, install_click_translations, lang_option, localise, messages_lang_option
from .util import errors_to_exit, forgiving_streams, rules_option, write_output
from ..errors import ZorgadviesError
from ..facts import DEFAULT_MAX_FACTS_MB, DEFAULT_SIZE_THRESHOLD, MAX_INPUT_ENV, input_schema
from ..audit import audit_lines, facts_digest, read_key
from ..history import save_assessment
from ..report_schema import report_schema
from ..tracking import diff_reports, render_diff_text
from ..whatif import apply_changes, parse_assignments
from ..render.graph import GRAPH_FORMATS, annotated_graph, render_graph
from ..render.text import render_text
from ..terminal import emit
from ..messages import t


#: Commands that live in their own module, imported only when used: a CLI call then pays only for
#: what it runs (the report renderer, the interview and the rule tooling are not free to import).
LAZY_COMMANDS = {
    "explain": "audit",
    "path": "audit",
    "replay": "audit",
    "rules": "rules",
    "new-rule": "rules",
    "report": "report",
    "interview": "interview",
    "vragen": "vragen",
    "vragenlijst": "vragenlijst",
    "diff": "tracking",
    "history": "tracking",
    "batch": "tracking",
    "serve": "serve",
}


class _LazyGroup(click.Group):
    def main(self, args: Sequence[str] | None = None, *rest: Any, **kwargs: Any) -> Any:
        forgiving_streams()  # before anything is printed, --help and --version included
        install_click_translations()
        argv = list(sys.argv[1:] if args is None else args)
        # One run, one language: the --lang of the command line (wherever it stands, so that
        # `assess --help --lang en` and parse errors follow it too) is set in a copy of the context,
        # which ends with the run (CliRunner calls main many times in one process).
        return contextvars.copy_context().run(self._main_in_language, argv, *rest, **kwargs)

    def _main_in_language(self, args: list[str], *rest: Any, **kwargs: Any) -> Any:
        explicit_language(args)
        return super().main(args, *rest, **kwargs)

    def make_context(self, info_name: str | None, args: list[str], parent: click.Context | None = None, **extra: Any) -> click.Context:
        localise(self)
        return super().make_context(info_name, args, parent, **extra)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        for name in self.list_commands(ctx):
            self.get_command(ctx, name)  # loads and localises the short help of each command
        super().format_commands(ctx, formatter)

    def get_help(self, ctx: click.Context) -> str:
        localise(self, ctx)
        return super().get_help(ctx)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(LAZY_COMMANDS))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in LAZY_COMMANDS:
            importlib.import_module(f"zorgadvies.cli.{LAZY_COMMANDS[cmd_name]}").register(self)
        command = self.commands.get(cmd_name)
        if command is not None:
            _localise_tree(command)
        return command


def _localise_tree(command: click.Command) -> None:
    """The help of ``command`` and, for a group such as ``rules``, of its subcommands."""
    localise(command)
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            localise(sub)


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]}, help="cli.main")
@click.version_option(__version__, prog_name="zorgadvies")
@click.option(
    "--max-input-mb",
    type=click.FloatRange(min=0, min_open=True, max=4096),
    default=None,
    help="cli.main.max_input_mb",
)
@lang_option
def main(max_input_mb: float | None, lang: str) -> None:
    if max_input_mb is not None:
        os.environ[MAX_INPUT_ENV] = str(max_input_mb)  # read by facts.max_facts_bytes, also in batch workers


@main.command(help="cli.assess")
@click.argument("file", type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@lang_option
@click.option("--size-threshold", type=click.IntRange(min=1), default=DEFAULT_SIZE_THRESHOLD, show_default=True, help="cli.opt.size_threshold")
@click.option("--brief", is_flag=True, help="cli.assess.brief")
@click.option("--all", "show_all", is_flag=True, help="cli.assess.all")
@click.option("--set", "assignments", multiple=True, metavar="QUESTION=VALUE", help="cli.assess.set")
@click.option("--audit-log", type=click.Path(dir_okay=False), help="cli.assess.audit_log")
@click.option("--audit-key", type=click.Path(dir_okay=False), help="cli.assess.audit_key")
@click.option("--save", is_flag=True, help="cli.assess.save")
@click.option("--db", type=click.Path(dir_okay=False), help="cli.assess.db")
@rules_option
@errors_to_exit
def assess(
    file: str,
    fmt: str,
    lang: str,
    size_threshold: int,
    brief: bool,
    show_all: bool,
    assignments: tuple[str, ...],
    audit_log: str | None,
    audit_key: str | None,
    save: bool,
    db: str | None,
    rules: tuple[str, ...],
) -> None:
    if save and assignments:
        # A what-if is not an assessment of the organisation: it must not enter its history.
        raise ZorgadviesError(t("cli_main.save_cannot_combined_with"), field="--save")
    if audit_key and not audit_log:
        raise ZorgadviesError(t("cli_main.audit_key_signs_audit"), field="--audit-key")
    key = read_key(audit_key) if audit_key else None
    adv = advisor(rules)
    facts = adv.load(file, size_threshold=size_threshold)
    changes = None
    if assignments:
        changed = parse_assignments(assignments, adv)
        before = adv.assess(facts)
        facts = apply_changes(adv, facts, changed)
    report, firings = adv.assess_traced(facts)
    if assignments:
        changes = diff_reports(before, report, old_source=file, new_source="--set")
    # What to ask next is shown, not recorded: the audit log and the history keep the assessment
    # itself, which a replay (without ask_next) reproduces byte for byte.
    shown = attrs.evolve(report, ask_next=ask_next(adv, facts))
    # Everything is computed before anything is written, so a failure leaves no half output.
    if fmt == "json":
        data = shown.to_dict()
        if changes is not None:
            data["what_if"] = {"set": {k: plain(facts.answers.get(k)) for k in sorted(changed)}, "changes": changes.to_dict()}
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    else:
        top = None if show_all else TOP_RECOMMENDATIONS
        text = render_text(shown, adv.kb, lang, detail=not brief, top=top, ask_first=answered_share(adv.kb, facts) < ASK_FIRST_BELOW)
        if changes is not None:
            text = render_diff_text(changes, lang) + "\n" + text
    if audit_log:
        write_output("".join(audit_lines(adv, facts, firings, report, source=file, key=key)), audit_log, inputs=[file, db, audit_key])
    if save:
        save_assessment(report, db, facts_digest=facts_digest(facts))
    if fmt == "text":
        emit(text)  # wrapped, coloured and paged on a terminal (zorgadvies/terminal.py)
    else:
        write_output(text, None)


#: How many recommendations the text output shows unless --all is given.
TOP_RECOMMENDATIONS = 12


@main.command(help="cli.graph")
@messages_lang_option
@click.argument("file", required=False, type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(GRAPH_FORMATS), default="dot", show_default=True)
@click.option("--size-threshold", type=click.IntRange(min=1), default=DEFAULT_SIZE_THRESHOLD, show_default=True)
@rules_option
@errors_to_exit
def graph(file: str | None, fmt: str, size_threshold: int, rules: tuple[str, ...]) -> None:
    adv = advisor(rules)
    fired = None
    if file is not None:
        fired = {r.id: r.rank for r in adv.assess(file, size_threshold=size_threshold).recommendations}
    write_output(render_graph(annotated_graph(adv.graph, fired), fmt), None)


@main.command(help="cli.schema")
@messages_lang_option
@click.option("--kind", type=click.Choice(["input", "output"]), default="input", show_default=True, help="cli.schema.kind")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="cli.opt.output")
@errors_to_exit
def schema(kind: str, output: str | None) -> None:
    data = input_schema(advisor().kb) if kind == "input" else report_schema()
    write_output(json.dumps(data, ensure_ascii=False, indent=2) + "\n", output)


if __name__ == "__main__":  # pragma: no cover
    main()
