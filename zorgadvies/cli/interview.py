"""CLI command ``interview``: the terminal front end of :mod:`zorgadvies.interview`.

Everything that decides what to ask lives in :class:`zorgadvies.interview.Interview`; this module only
prints steps, reads answers with ``click.prompt`` and handles Ctrl-C (exit 130, no traceback: every
answer is already saved).
"""

from __future__ import annotations

import os
import shlex
import shutil
import sys
import textwrap
from pathlib import Path
from typing import Any

import click

from ..api import advisor
from .util import errors_to_exit, rules_option, say
from ..safeio import terminal_safe
from ..errors import ZorgadviesError
from ..interview import INNOVATION_ROLES, AnswerError, Interview, Step, Texts, default_path, is_back, is_help
from ..quickscan import QUICK_LIMIT, QuickInterview
from ..render.labels import stage_names, stage_text
from .lang import lang_option

#: The message keys of a part's lead text and of the quick scan's basis of an estimate.
_LEAD_KEYS = {
    "assessment": "interview.cli.lead_assessment",
    "people": "interview.cli.lead_people",
    "questions": "interview.cli.lead_questions",
    "targets": "interview.cli.lead_targets",
}
_BASIS_KEYS = {
    "criteria": "interview.quick.basis_criteria",
    "zelfinschatting": "interview.quick.basis_zelfinschatting",
    "onbepaald": "interview.quick.basis_onbepaald",
}


def register(group: click.Group) -> None:
    """Add this module's commands to group."""
    group.add_command(interview)


def _width() -> int:
    return max(40, min(100, shutil.get_terminal_size((80, 24)).columns) - 1)


def _say(text: str = "", indent: str = "", hang: str | None = None) -> None:
    if not text:
        click.echo()
        return
    say(textwrap.fill(text, _width(), initial_indent=indent, subsequent_indent=hang if hang is not None else indent))


def _line(text: str) -> None:
    """A line with a file name or a command: never wrapped, so it can be copied as it is."""
    say(text)


def _line_editing() -> None:
    """Arrow keys, Home/End and history at every prompt: click.prompt reads with input(), which
    uses GNU readline (or libedit) once the module is imported. Only on a terminal; Windows'
    console has its own line editing."""
    if sys.stdin.isatty():
        try:
            import readline  # noqa: F401 - imported for its side effect on input()
        except ImportError:  # pragma: no cover - Windows, or Python built without readline
            pass


def _command(*parts: str) -> str:
    return " ".join(shlex.quote(p) for p in parts)


class _Front:
    def __init__(self, iv: Interview, lang: str, rules: tuple[str, ...]) -> None:
        self.iv = iv
        self.quick = isinstance(iv, QuickInterview)
        self.lang = lang
        self.t = Texts(lang)
        self.rules = rules
        self.part: str | None = None
        self.accepted = 0  # answers accepted in this session
        self.roles_shown = False
        self.stages_shown = False

    def extra_args(self, *, quick: bool | None = None) -> list[str]:
        args = ["--quick"] if (self.quick if quick is None else quick) else []
        args += [] if self.lang == "nl" else ["--lang", self.lang]
        for folder in self.rules:
            args += ["--rules", folder]
        return args

    def show(self, step: Step) -> None:
        iv = self.iv
        if step.part != self.part:
            self.part = step.part
            title = iv.part_title(step.part)
            _say()
            say(f"== {title} ==")
            lead = self.t[_LEAD_KEYS[step.part]] if step.part in _LEAD_KEYS else None
            if lead:
                _say(lead)
        if step.heading:
            _say()
            say(f"── {step.heading} " + "─" * max(3, min(60, _width()) - len(step.heading) - 4))
        if step.is_question:
            position, total = step.progress or (0, 0)
            prefix = f"[{position + 1}/≈{total}] "
            _say()
            _say(f"{prefix}{step.text}  ({step.key})", hang=" " * len(prefix))
        elif step.options:
            _say()
        if step.kind == "stage":
            if not self.stages_shown:  # the four stages once; the prompt says "1-4 or name" after that
                self.stages_shown = True
                _say(" · ".join(f"{n} {o.label}".replace(" ", "\u00a0") for n, o in enumerate(step.options, start=1)), indent="  ")
            return
        if step.kind == "roles" and self.roles_shown:
            # The full list was shown for the first person; after that one line is enough.
            # No-break spaces keep each label in one piece when the line wraps.
            items = (f"{n} {o.label}".replace(" ", "\u00a0") for n, o in enumerate(step.options, start=1))
            _say(" · ".join(items), indent="  ")
            return
        if step.kind == "roles":
            self.roles_shown = True
        if step.options:
            digits = len(str(len(step.options)))
            for n, option in enumerate(step.options, start=1):
                label = f"  {n:>{digits}}) "
                _say(f"{label}{option.label}", hang=" " * len(label))

    def prompt_text(self, step: Step) -> str:
        t = self.t
        n = len(step.options)
        hint: str | None
        if step.is_question:
            hint = {"choice": t["interview.cli.choice_hint"], "boolean": t["interview.cli.bool_hint"]}.get(step.kind, t["interview.cli.int_hint"]).format(n=n)
            return f"{t['interview.cli.answer']} ({hint})"
        if step.kind == "date":
            hint = t["interview.cli.date_hint"].format(today=self.iv.today.isoformat())
        elif step.kind == "person":
            hint = t["interview.cli.person_first_hint"] if step.allows_special else t["interview.cli.person_hint"]
        elif step.kind == "stage" or step.key == "organisation.sector":
            hint = t["interview.cli.stage_hint" if step.kind == "stage" else "interview.cli.sector_hint"].format(n=n)
        elif step.part == "assessment":
            hint = t["interview.cli.text_hint"]
        else:
            key = {"integer": "interview.cli.employees_hint", "roles": "interview.cli.roles_hint", "disc": "interview.cli.disc_hint"}.get(step.kind)
            hint = t[key] if key else None
        return f"{step.text} ({hint})" if hint else step.text

    def help(self, step: Step) -> None:
        _say(step.help, indent="  ")

    def ask(self, step: Step) -> bool:
        """Ask until an answer is accepted; False when the user went back instead."""
        while True:
            raw = click.prompt(terminal_safe(self.prompt_text(step)), default="", show_default=False, prompt_suffix=": ")
            if is_help(raw):
                self.help(step)
                continue
            if is_back(raw) and step.key != "organisation.name":
                if self.iv.back():
                    _say(self.t["interview.cli.back"])
                    return False
                _say(f"  ! {self.iv.t['interview.no_back']}")
                continue
            people_before = self.iv.people_state
            noted = self.iv.notes.get(step.key)
            try:
                value = self.iv.answer(step, raw)
            except AnswerError as exc:
                _say(f"  ! {exc}", hang="    ")
                continue
            self.accepted += 1
            if step.is_question and self.iv.notes.get(step.key) not in (None, noted):
                _say(self.t["interview.cli.noted"])
            if step.kind == "person" and people_before != "done" and self.iv.people_state == "done":
                if value == "onbekend":
                    _say(self.t["interview.cli.people_unknown"])
                elif not any(self.iv.facts().holders(r) for r in INNOVATION_ROLES):
                    _say(self.t["interview.cli.no_holders"])
            return True

    def summary(self, shown: str) -> None:
        if self.quick:
            self.quick_summary(shown)
            return
        iv, t = self.iv, self.t
        answered = len(iv.answered())
        skipped = len(iv.kb.questions) - answered
        unknown = sum(1 for v in iv.facts().answers.values() if v == "onbekend")
        counts = {"answered": answered, "skipped": skipped, "unknown": t["interview.cli.unknown_count"].format(n=unknown) if unknown else ""}
        _say()
        _say(t["interview.cli.done"].format(**counts) if skipped else t["interview.cli.done_all"].format(**counts))
        _line(t["interview.cli.saved"].format(file=shown))
        _say()
        say(t["interview.cli.summary"])
        pillars = iv.pillars()
        width = max(len(iv.kb.pillar(p.id).name(self.lang)) for p in pillars)
        for pillar in pillars:
            level = pillar.stage or pillar.at_least or 0
            bar = "█" * level + "░" * (4 - level)
            target = iv.targets.get(pillar.id)
            aim = "  → " + t["interview.cli.target_done"].format(stage=stage_text(target, None, stage_names(iv.kb), self.lang)) if target else ""
            say(f"  {iv.kb.pillar(pillar.id).name(self.lang):<{width}}  {bar}  {iv.stage_label(pillar)}{aim}")
        if any(p.stage is None for p in pillars):
            _say(t["interview.cli.undetermined"], indent="  ")
        report = iv.adv.assess(iv.facts())
        _say()
        _say(t["interview.cli.full"].format(n=len(report.recommendations)))
        say("  " + _command("zorgadvies", "assess", shown, *self.extra_args()))

    def quick_summary(self, shown: str) -> None:
        """Estimates for the six pillars, the focus list and how to continue."""
        iv, t = self.iv, self.t
        unknown = sum(1 for v in iv.facts().answers.values() if v == "onbekend")
        _say()
        _say(t["interview.quick.done"].format(answered=len(iv.answered()), unknown=t["interview.cli.unknown_count"].format(n=unknown) if unknown else ""))
        _line(t["interview.cli.saved"].format(file=shown))
        _say()
        click.echo(t["interview.cli.summary"])
        report = iv.adv.assess(iv.facts())
        width = max(len(iv.kb.pillar(p.id).name(self.lang)) for p in report.pillars)
        for pillar in report.pillars:
            name = iv.kb.pillar(pillar.id).name(self.lang)
            estimate = pillar.stage_estimate
            if pillar.stage is not None:
                text = iv.stage_label(pillar)
            elif estimate.stage is not None:
                stage = iv.kb.stage(estimate.stage).name(self.lang)
                text = f"{t['interview.quick.estimate']} {stage} ({estimate.stage}), {t[_BASIS_KEYS[estimate.basis]]}; "
                text += t["interview.quick.bounds"].format(low=pillar.stage_min, high=pillar.stage_max)
            else:
                text = f"{t[_BASIS_KEYS['onbepaald']]}; " + t["interview.quick.bounds"].format(low=pillar.stage_min, high=pillar.stage_max)
            level = pillar.stage or estimate.stage or 0
            click.echo(f"  {name:<{width}}  {'█' * level + '░' * (4 - level)}  {text}")
        if report.focus:
            _say()
            click.echo(t["interview.quick.focus"])
            titles = {r.id: (r.title if self.lang == "nl" else r.title_en) for r in report.recommendations}
            for item in report.focus:
                _say(f"  {item.rank:>3}. {titles[item.id]}", hang="       ")
        _say()
        _say(t["interview.quick.more"])
        click.echo("  " + _command("zorgadvies", "interview", "--resume", shown, *self.extra_args(quick=False)))
        _say(t["interview.quick.full"].format(n=len(report.recommendations)))
        click.echo("  " + _command("zorgadvies", "assess", shown, *self.extra_args(quick=False)))


@click.command(help="cli.interview")
@click.option("--out", "out", type=click.Path(dir_okay=False), help="cli.interview.out")
@click.option("--resume", "resume", type=click.Path(dir_okay=False, exists=True), help="cli.interview.resume")
@lang_option
@click.option("--quick", is_flag=True, help="cli.interview.quick")
@rules_option
@errors_to_exit
def interview(out: str | None, resume: str | None, lang: str, quick: bool, rules: tuple[str, ...]) -> None:
    t = Texts(lang)
    _line_editing()
    if out is not None and resume is None and Path(out).exists():
        raise ZorgadviesError(t["interview.cli.exists"].format(file=out), file=out)
    _say(t["interview.cli.intro"])
    _say(t["interview.cli.keys"])
    adv = advisor(rules)
    kind = QuickInterview if quick else Interview
    if resume is not None:
        iv = kind.resume(adv, resume, lang=lang, path=out, meta=True)
        shown = out or resume
        _say()
        _line(t["interview.cli.resumed"].format(file=resume, answered=len(iv.answered())))
        if out is not None:
            _line(t["interview.cli.saving"].format(file=out))
            iv.save()
    else:
        iv = kind(adv, lang=lang, path=out, meta=True)
        shown = out or ""
        if out is not None:
            _line(t["interview.cli.saving"].format(file=out))
    if isinstance(iv, QuickInterview):
        _say(t["interview.quick.intro"].format(n=QUICK_LIMIT))
    front = _Front(iv, lang, rules)
    try:
        while (step := iv.next()) is not None:
            front.show(step)
            if not front.ask(step):
                continue
            if iv.path is None and "name" in iv.organisation:
                iv.path = default_path(iv.organisation["name"])
                shown = os.path.join(".", iv.path.name)
                _line(t["interview.cli.saving_default"].format(file=shown))
                iv.save()
        if front.accepted:
            iv.save()  # the header now says the interview is finished
    except (click.Abort, KeyboardInterrupt, EOFError):
        click.echo()
        if iv.path is not None and "name" in iv.organisation:
            try:
                iv.save()  # in case Ctrl-C came between taking an answer and saving it
            except (ZorgadviesError, KeyboardInterrupt):
                pass
            _line(t["interview.cli.interrupted"].format(file=shown))
            _line(t["interview.cli.continue"].format(cmd=_command("zorgadvies", "interview", "--resume", shown, *front.extra_args())))
        else:
            _say(t["interview.cli.nothing_saved"])
        sys.exit(130)
    front.summary(shown)
