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
from ..interview import INNOVATION_ROLES, AnswerError, Interview, Step, default_path, is_back, is_help
from ..quickscan import QUICK_LIMIT, QuickInterview
from ..render.labels import stage_names, stage_text

_T = {
    "nl": {
        "intro": "zorgadvies interview — een feitenbestand opbouwen, vraag voor vraag.",
        "keys": "Typ ? voor uitleg bij een vraag, onbekend als u het antwoord niet weet, nvt als de vraag niet "
        "van toepassing is en terug om de vorige vraag opnieuw te beantwoorden. Een toelichting (waarop het "
        "antwoord berust, bijvoorbeeld een document) typt u achter het antwoord na een #: ja # notulen MT 3 maart. "
        "Elk antwoord wordt meteen opgeslagen; u kunt altijd stoppen met Ctrl-C en later verdergaan.",
        "saving": "Antwoorden worden opgeslagen in {file}.",
        "saving_default": "Antwoorden worden opgeslagen in {file}.",
        "resumed": "Verder met {file}: {answered} vragen van de vragenlijst zijn al beantwoord.",
        "exists": "bestaat al; ga verder met --resume {file} of kies een ander bestand met --out",
        "answer": "Antwoord",
        "choice_hint": "1-{n}, onbekend, nvt, ?",
        "bool_hint": "ja/nee, onbekend, nvt, ?",
        "int_hint": "getal, onbekend, nvt, ?",
        "sector_hint": "1-{n}, onbekend, ?",
        "employees_hint": "getal, onbekend, ?",
        "person_first_hint": "Enter = niemand, onbekend = weet niet, ?",
        "person_hint": "Enter = geen personen meer",
        "roles_hint": "nummers, bv. 1, 5",
        "disc_hint": "Enter = onbekend, ? = uitleg",
        "date_hint": "Enter = {today}, - = geen datum",
        "text_hint": "Enter = overslaan",
        "stage_hint": "1-{n} of naam, Enter = geen doel, ?",
        "noted": "  Toelichting opgeslagen.",
        "target_done": "doel {stage}",
        "lead_assessment": "Deze gegevens komen op het voorblad van het rapport. Druk op Enter om een vraag over te slaan.",
        "lead_targets": "Welk stadium wil de organisatie per pijler bereiken? Het doel staat in het radardiagram en "
        "in het rapport naast het huidige stadium. Enter: geen doel voor die pijler.",
        "back": "Terug naar de vorige vraag.",
        "no_holders": "Niemand in de lijst heeft de rol Hoofd Innovatie of Hoofd Implementatie; of die rollen er zijn, vragen we apart.",
        "people_unknown": "De mensen en rollen blijven onbekend.",
        "interrupted": "Onderbroken. Alles tot nu toe is opgeslagen in {file}.",
        "continue": "Verder gaan:  {cmd}",
        "nothing_saved": "Onderbroken vóór de naam van de organisatie; er is niets opgeslagen.",
        "done": "Klaar: {answered} vragen beantwoord{unknown}; de andere {skipped} konden de uitkomst niet meer "
        "veranderen.",
        "done_all": "Klaar: alle {answered} vragen beantwoord{unknown}.",
        "unknown_count": " ({n} met onbekend)",
        "undetermined": "Een stadium is onbepaald zolang vragen die het beslechten onbekend zijn; het volledige "
        "advies noemt ze. Weet u die antwoorden later, vul ze dan in het bestand in.",
        "saved": "Opgeslagen in {file}.",
        "summary": "Ontwikkelstadium per pijler",
        "full": "Het volledige advies — waarom elk stadium, wat nodig is voor het volgende en {n} aanbevelingen:",
        "lead_people": "Noem wie een rol heeft bij innovatie, implementatie of marketing, in elk geval wie "
        "Hoofd Innovatie of Hoofd Implementatie is. Voor die twee rollen volgt het DISC-profiel: als kleuren, "
        "sterkste eerst (groen, blauw), als letters (SC) of als de vier scores D I S C (20 35 80 60).",
        "lead_questions": "Vragen die de uitkomst niet meer kunnen veranderen, worden overgeslagen; het aantal "
        "na ≈ is daarom een bovengrens die onderweg kleiner wordt.",
    },
    "en": {
        "intro": "zorgadvies interview — building a facts file, question by question.",
        "keys": "Type ? for an explanation of a question, unknown if you do not know the answer, n/a if the "
        "question does not apply and back to answer the previous question again. A note (what the answer "
        "rests on, for example a document) goes after the answer, behind a #: yes # minutes board 3 March. "
        "Every answer is saved at once; you can stop at any time with Ctrl-C and continue later.",
        "saving": "Answers are saved in {file}.",
        "saving_default": "Answers are saved in {file}.",
        "resumed": "Continuing {file}: {answered} questions of the questionnaire are already answered.",
        "exists": "already exists; continue it with --resume {file} or choose another file with --out",
        "answer": "Answer",
        "choice_hint": "1-{n}, unknown, n/a, ?",
        "bool_hint": "yes/no, unknown, n/a, ?",
        "int_hint": "number, unknown, n/a, ?",
        "sector_hint": "1-{n}, unknown, ?",
        "employees_hint": "number, unknown, ?",
        "person_first_hint": "Enter = nobody, unknown = do not know, ?",
        "person_hint": "Enter = no more people",
        "roles_hint": "numbers, e.g. 1, 5",
        "disc_hint": "Enter = unknown, ? = explanation",
        "date_hint": "Enter = {today}, - = no date",
        "text_hint": "Enter = skip",
        "stage_hint": "1-{n} or name, Enter = no target, ?",
        "noted": "  Note saved.",
        "target_done": "target {stage}",
        "lead_assessment": "These details go on the cover of the report. Press Enter to skip a question.",
        "lead_targets": "Which stage does the organisation want to reach per pillar? The target is drawn in the radar "
        "chart and shown in the report beside the current stage. Enter: no target for that pillar.",
        "back": "Back to the previous question.",
        "no_holders": "Nobody in the list holds the role Head of Innovation or Head of Implementation; whether those roles exist is asked separately.",
        "people_unknown": "People and roles stay unknown.",
        "interrupted": "Interrupted. Everything so far is saved in {file}.",
        "continue": "To continue:  {cmd}",
        "nothing_saved": "Interrupted before the organisation's name; nothing was saved.",
        "done": "Done: {answered} questions answered{unknown}; the other {skipped} could no longer change the outcome.",
        "done_all": "Done: all {answered} questions answered{unknown}.",
        "unknown_count": " ({n} as unknown)",
        "undetermined": "A stage stays undetermined while questions that settle it are unknown; the full advice "
        "names them. Fill them in in the file when you know the answers.",
        "saved": "Saved in {file}.",
        "summary": "Development stage per pillar",
        "full": "The full advice — why each stage, what the next one needs and {n} recommendations:",
        "lead_people": "Name who has a role in innovation, implementation or marketing, at least whoever is "
        "Head of Innovation or Head of Implementation. For those two roles the DISC profile follows: as colours, "
        "strongest first (green, blue), as letters (SC) or as the four scores D I S C (20 35 80 60).",
        "lead_questions": "Questions that can no longer change the outcome are skipped; the number after ≈ is "
        "therefore an upper bound that shrinks as you go.",
    },
}


#: What the quick scan says differently (zorgadvies interview --quick).
_QUICK: dict[str, dict[str, Any]] = {
    "nl": {
        "intro": "Snelle scan: na de organisatie en de mensen ten hoogste {n} vragen, genoeg voor een schatting "
        "van alle zes pijlers en een eerste advies.",
        "done": "Snelle scan klaar: {answered} vragen beantwoord{unknown}.",
        "estimate": "schatting",
        "basis": {"criteria": "op grond van de criteria", "zelfinschatting": "eigen inschatting", "onbepaald": "onbepaald"},
        "bounds": "minstens {low}, hoogstens {high}",
        "focus": "Nu aan de slag",
        "more": "Het volledige interview gaat verder waar de snelle scan ophield:",
        "full": "Het advies met alle {n} aanbevelingen:",
    },
    "en": {
        "intro": "Quick scan: after the organisation and the people at most {n} questions, enough for an estimate "
        "of all six pillars and a first advice.",
        "done": "Quick scan done: {answered} questions answered{unknown}.",
        "estimate": "estimate",
        "basis": {"criteria": "from the criteria", "zelfinschatting": "self-placement", "onbepaald": "undetermined"},
        "bounds": "at least {low}, at most {high}",
        "focus": "Get started",
        "more": "The full interview continues where the quick scan stopped:",
        "full": "The advice with all {n} recommendations:",
    },
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
        self.t = _T[lang]
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
            lead = self.t.get(f"lead_{step.part}")
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
        if step.is_question:
            hint = {"choice": t["choice_hint"], "boolean": t["bool_hint"]}.get(step.kind, t["int_hint"]).format(n=n)
            return f"{t['answer']} ({hint})"
        if step.kind == "date":
            return f"{step.text} ({t['date_hint'].format(today=self.iv.today.isoformat())})"
        if step.part == "assessment":
            return f"{step.text} ({t['text_hint']})"
        if step.kind == "stage":
            return f"{step.text} ({t['stage_hint'].format(n=n)})"
        if step.key == "organisation.sector":
            return f"{step.text} ({t['sector_hint'].format(n=n)})"
        if step.key == "organisation.employees":
            return f"{step.text} ({t['employees_hint']})"
        if step.kind == "person":
            return f"{step.text} ({t['person_first_hint'] if step.allows_special else t['person_hint']})"
        if step.kind == "roles":
            return f"{step.text} ({t['roles_hint']})"
        if step.kind == "disc":
            return f"{step.text} ({t['disc_hint']})"
        return step.text

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
                    _say(self.t["back"])
                    return False
                _say(f"  ! {self.iv.t['no_back']}")
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
                _say(self.t["noted"])
            if step.kind == "person" and people_before != "done" and self.iv.people_state == "done":
                if value == "onbekend":
                    _say(self.t["people_unknown"])
                elif not any(self.iv.facts().holders(r) for r in INNOVATION_ROLES):
                    _say(self.t["no_holders"])
            return True

    def summary(self, shown: str) -> None:
        if self.quick:
            self.quick_summary(shown)
            return
        iv, t = self.iv, self.t
        answered = len(iv.answered())
        skipped = len(iv.kb.questions) - answered
        unknown = sum(1 for v in iv.facts().answers.values() if v == "onbekend")
        counts = {"answered": answered, "skipped": skipped, "unknown": t["unknown_count"].format(n=unknown) if unknown else ""}
        _say()
        _say(t["done"].format(**counts) if skipped else t["done_all"].format(**counts))
        _line(t["saved"].format(file=shown))
        _say()
        say(t["summary"])
        pillars = iv.pillars()
        width = max(len(iv.kb.pillar(p.id).name(self.lang)) for p in pillars)
        for pillar in pillars:
            level = pillar.stage or pillar.at_least or 0
            bar = "█" * level + "░" * (4 - level)
            target = iv.targets.get(pillar.id)
            aim = "  → " + t["target_done"].format(stage=stage_text(target, None, stage_names(iv.kb), self.lang)) if target else ""
            say(f"  {iv.kb.pillar(pillar.id).name(self.lang):<{width}}  {bar}  {iv.stage_label(pillar)}{aim}")
        if any(p.stage is None for p in pillars):
            _say(t["undetermined"], indent="  ")
        report = iv.adv.assess(iv.facts())
        _say()
        _say(t["full"].format(n=len(report.recommendations)))
        say("  " + _command("zorgadvies", "assess", shown, *self.extra_args()))

    def quick_summary(self, shown: str) -> None:
        """Estimates for the six pillars, the focus list and how to continue."""
        iv, t, q = self.iv, self.t, _QUICK[self.lang]
        unknown = sum(1 for v in iv.facts().answers.values() if v == "onbekend")
        _say()
        _say(q["done"].format(answered=len(iv.answered()), unknown=t["unknown_count"].format(n=unknown) if unknown else ""))
        _line(t["saved"].format(file=shown))
        _say()
        click.echo(t["summary"])
        report = iv.adv.assess(iv.facts())
        width = max(len(iv.kb.pillar(p.id).name(self.lang)) for p in report.pillars)
        for pillar in report.pillars:
            name = iv.kb.pillar(pillar.id).name(self.lang)
            estimate = pillar.stage_estimate
            if pillar.stage is not None:
                text = iv.stage_label(pillar)
            elif estimate.stage is not None:
                stage = iv.kb.stage(estimate.stage).name(self.lang)
                text = f"{q['estimate']} {stage} ({estimate.stage}), {q['basis'][estimate.basis]}; "
                text += q["bounds"].format(low=pillar.stage_min, high=pillar.stage_max)
            else:
                text = f"{q['basis']['onbepaald']}; " + q["bounds"].format(low=pillar.stage_min, high=pillar.stage_max)
            level = pillar.stage or estimate.stage or 0
            click.echo(f"  {name:<{width}}  {'█' * level + '░' * (4 - level)}  {text}")
        if report.focus:
            _say()
            click.echo(q["focus"])
            titles = {r.id: (r.title if self.lang == "nl" else r.title_en) for r in report.recommendations}
            for item in report.focus:
                _say(f"  {item.rank:>3}. {titles[item.id]}", hang="       ")
        _say()
        _say(q["more"])
        click.echo("  " + _command("zorgadvies", "interview", "--resume", shown, *self.extra_args(quick=False)))
        _say(q["full"].format(n=len(report.recommendations)))
        click.echo("  " + _command("zorgadvies", "assess", shown, *self.extra_args(quick=False)))


@click.command()
@click.option("--out", "out", type=click.Path(dir_okay=False), help="Save the facts file here (default: ./interview-<name>.yaml).")
@click.option("--resume", "resume", type=click.Path(dir_okay=False, exists=True), help="Continue an earlier interview saved in this file.")
@click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True, help="Language of the questions.")
@click.option("--quick", is_flag=True, help="Quick scan: at most 15 questions for estimates of all pillars and a first advice.")
@rules_option
@errors_to_exit
def interview(out: str | None, resume: str | None, lang: str, quick: bool, rules: tuple[str, ...]) -> None:
    """Build a facts file by answering questions; saved after every answer.

    Only questions that can still change a conclusion are asked. Answer ? for an explanation,
    onbekend (unknown) or nvt (not applicable); Ctrl-C stops, --resume FILE continues. --quick asks
    only the quick scan (docs/interview.md); the full interview can --resume from its file.
    """
    t = _T[lang]
    _line_editing()
    if out is not None and resume is None and Path(out).exists():
        raise ZorgadviesError(t["exists"].format(file=out), file=out)
    _say(t["intro"])
    _say(t["keys"])
    adv = advisor(rules)
    kind = QuickInterview if quick else Interview
    if resume is not None:
        iv = kind.resume(adv, resume, lang=lang, path=out, meta=True)
        shown = out or resume
        _say()
        _line(t["resumed"].format(file=resume, answered=len(iv.answered())))
        if out is not None:
            _line(t["saving"].format(file=out))
            iv.save()
    else:
        iv = kind(adv, lang=lang, path=out, meta=True)
        shown = out or ""
        if out is not None:
            _line(t["saving"].format(file=out))
    if isinstance(iv, QuickInterview):
        _say(_QUICK[lang]["intro"].format(n=QUICK_LIMIT))
    front = _Front(iv, lang, rules)
    try:
        while (step := iv.next()) is not None:
            front.show(step)
            if not front.ask(step):
                continue
            if iv.path is None and "name" in iv.organisation:
                iv.path = default_path(iv.organisation["name"])
                shown = os.path.join(".", iv.path.name)
                _line(t["saving_default"].format(file=shown))
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
            _line(t["interrupted"].format(file=shown))
            _line(t["continue"].format(cmd=_command("zorgadvies", "interview", "--resume", shown, *front.extra_args())))
        else:
            _say(t["nothing_saved"])
        sys.exit(130)
    front.summary(shown)
