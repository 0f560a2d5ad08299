"""Tooling for rule authors: list, show, validate, test and measure the coverage of rule packs,
and scaffold a new rule.

This is the library behind ``zorgadvies rules ...`` and ``zorgadvies new-rule`` (docs/rule-authoring.md).
It never decides anything itself: a rule is read by :mod:`zorgadvies.rulepack`, run by
:mod:`zorgadvies.engine` through :mod:`zorgadvies.casecheck`, and the dependency graph is checked as
:mod:`zorgadvies.graph` does. What it adds is *completeness*: :func:`validate` reports every error of
every file in one run instead of stopping at the first one, as loading a pack does.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs
import networkx as nx

from . import engine as _engine
from . import rulepack as _rulepack
from .api import Advisor, ordered_values
from .casecheck import CaseResult, run_case
from .engine import MAX_BRANCHES_PER_SHARD, Engine
from .errors import (
    EngineError,
    KnowledgeError,
    RulePackError,
    ZorgadviesError,
    did_you_mean,
)
from .facts import DEFAULT_SIZE_THRESHOLD, FACT_LABELS, ROLE_QUESTIONS, load_facts
from .graph import build_graph
from .knowledge import PILLAR_IDS, KnowledgeBase, Question, load_knowledge
from .logic import All, Cond, Formula, conditions
from .paths import RULES_DIR
from .rulepack import Case, Conclusion, Rule, RulePack, load_rules
from .stages import SELF_PLACEMENT_PREFIX, rule_outcomes
from .yamlio import load_document
from .messages import t

__all__ = [
    "CaseRun",
    "Coverage",
    "TestRun",
    "Validation",
    "conclusion_text",
    "coverage",
    "default_rules_dir",
    "describe_condition",
    "display_path",
    "doc_path",
    "find_rule",
    "list_rows",
    "new_rule",
    "parse_conclusion",
    "render_coverage",
    "render_rule",
    "run_tests",
    "validate",
]

# --------------------------------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------------------------------


def display_path(file: str | Path | None, base: Path | None = None) -> str:
    """``file`` relative to ``base`` (default: the working directory) when it lies below it."""
    if not file:
        return ""
    path = Path(file)
    base = Path.cwd() if base is None else base
    try:
        return path.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return str(path)


def _relocated(error: ZorgadviesError) -> ZorgadviesError:
    """The same error with its file shown relative to the working directory."""
    return type(error)(
        error.message, file=display_path(error.file) or None, line=error.line, field=error.field, hint=error.hint
    )


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _all_rules(pack: RulePack) -> list[Rule]:
    """Active and retired rules, sorted by id."""
    return sorted(pack.rules + pack.retired, key=lambda r: r.id)


def conclusion_text(then: Conclusion) -> str:
    """The short form of a conclusion: ``criterion P/N``, ``recommend X`` or ``reflect Y``."""
    if then.kind == "criterion":
        return f"criterion {then.pillar}/{then.stage}"
    return f"{then.kind} {then.target}"


# --------------------------------------------------------------------------------------------------
# list and show
# --------------------------------------------------------------------------------------------------


def list_rows(pack: RulePack) -> list[dict[str, Any]]:
    """One row per rule (retired rules included), sorted by id, ready for text or JSON."""
    rows = []
    for rule in _all_rules(pack):
        then: dict[str, Any] = {"kind": rule.then.kind}
        if rule.then.kind == "criterion":
            then |= {"pillar": rule.then.pillar, "stage": rule.then.stage}
        else:
            then["target"] = rule.then.target
        rows.append(
            {
                "id": rule.id,
                "status": rule.status,
                "basis": rule.basis,
                "conclusion": conclusion_text(rule.then),
                "then": then,
                "title": rule.title,
                "title_en": rule.title_en,
                "file": display_path(rule.file),
            }
        )
    return rows


def find_rule(pack: RulePack, rule_id: str) -> Rule:
    """The rule with ``rule_id`` (or, when unambiguous, with that last path part).

    Raises
    ------
    RulePackError
        When no rule matches, with the closest id as a did-you-mean.
    """
    rules = {r.id: r for r in _all_rules(pack)}
    if rule_id in rules:
        return rules[rule_id]
    by_name = [r for r in rules.values() if r.id.rsplit("/", 1)[-1] == rule_id]
    if len(by_name) == 1:
        return by_name[0]
    hint = did_you_mean(rule_id, rules)
    if hint is None:
        name = did_you_mean(rule_id, {r.rsplit("/", 1)[-1] for r in rules})
        matches = [r for r in rules if name and r.rsplit("/", 1)[-1] == name]
        hint = matches[0] if len(matches) == 1 else None
    if len(by_name) > 1:
        message = f"'{rule_id}' is the name of several rules ({', '.join(r.id for r in by_name)}): give the whole id"
    else:
        message = f"unknown rule '{rule_id}' (see 'zorgadvies rules list')"
    raise RulePackError(message, hint=hint)


_WORDS: dict[str, dict[str, Any]] = {
    "nl": {
        "ops": {"is": "is", "is_not": "is niet", "in": "is een van", "not_in": "is geen van", "at_least": "is minstens", "at_most": "is hoogstens"},
        "all": "alle van", "any": "een van", "when": "Wanneer", "then": "Dan", "sources": "Bronnen",
        "cases": "Testgevallen", "no_cases": "geen testgevallen", "description": "Beschrijving",
        "status": "status", "modified": "gewijzigd", "file": "bestand", "doc": "documentatie",
        "stage_of": "stadium van", "criterion": "criterium", "recommend": "aanbeveling",
        "reflect": "reflectievraag", "phase": "fase", "stage": "stadium", "serves": "dient",
        "variant": "variant", "basis": "basis", "quote": "bron",
    },
    "en": {
        "ops": {"is": "is", "is_not": "is not", "in": "is one of", "not_in": "is none of", "at_least": "is at least", "at_most": "is at most"},
        "all": "all of", "any": "any of", "when": "When", "then": "Then", "sources": "Sources",
        "cases": "Cases", "no_cases": "no cases", "description": "Description",
        "status": "status", "modified": "modified", "file": "file", "doc": "documentation",
        "stage_of": "stage of", "criterion": "criterion", "recommend": "recommendation",
        "reflect": "reflection question", "phase": "phase", "stage": "stage", "serves": "serves",
        "variant": "variant", "basis": "basis", "quote": "source",
    },
}

def _value_words(kb: KnowledgeBase, cond: Cond, value: object, lang: str) -> str:
    if cond.kind == "stage" and isinstance(value, int):
        return f"{value} ({kb.stage(value).name(lang)})"
    question = kb.questions.get(cond.subject) if cond.kind == "question" else None
    label = question.label(value, lang) if question else str(value)
    return f"'{value}'" if label == str(value) else f"'{value}' ({label})"


def describe_condition(kb: KnowledgeBase, cond: Cond, lang: str = "nl") -> str:
    """One condition in words: the question text (or fact, or pillar), the operator, the values."""
    words = _WORDS[lang]
    if cond.kind == "question":
        question = kb.questions[cond.subject]
        subject = f"{question.text(lang)} [{cond.subject}]"
    elif cond.kind == "fact":
        labels = FACT_LABELS.get(cond.subject)
        subject = f"{labels[0 if lang == 'nl' else 1]} [fact: {cond.subject}]" if labels else f"[fact: {cond.subject}]"
    else:
        pillar = cond.subject.split(".", 1)[1]
        subject = f"{words['stage_of']} {kb.pillar(pillar).name(lang)} [stage: {pillar}]"
    shown = cond.shown if cond.shown is not None else cond.value
    values = shown if isinstance(shown, tuple) else (shown,)
    return f"{subject} {words['ops'][cond.op]} {', '.join(_value_words(kb, cond, v, lang) for v in values)}"


def _formula_lines(kb: KnowledgeBase, formula: Formula, lang: str, indent: int) -> list[str]:
    pad = "  " * indent
    if isinstance(formula, Cond):
        return [f"{pad}- {describe_condition(kb, formula, lang)}"]
    lines = []
    for item in formula.items:
        if isinstance(item, Cond):
            lines += _formula_lines(kb, item, lang, indent)
        else:
            lines.append(f"{pad}- {_WORDS[lang]['all' if isinstance(item, All) else 'any']}:")
            lines += _formula_lines(kb, item, lang, indent + 1)
    return lines


def _section_words(kb: KnowledgeBase, ref: str, lang: str) -> str:
    section = kb.sections[ref]
    document = kb.document(section.document)
    doc_title = document.title if lang == "nl" else document.title_en
    sec_title = section.title if lang == "nl" else section.title_en
    return f"{ref} — {doc_title} › {sec_title}"


def _then_lines(kb: KnowledgeBase, then: Conclusion, lang: str) -> list[str]:
    words = _WORDS[lang]
    if then.kind == "criterion":
        pillar = kb.pillar(then.pillar)  # type: ignore[arg-type]
        stage = kb.stage(then.stage)  # type: ignore[arg-type]
        cell = pillar.cells[then.stage][0 if lang == "nl" else 1]  # type: ignore[index]
        return [f"  {words['criterion']}: {pillar.name(lang)}, {words['stage']} {then.stage} ({stage.name(lang)})", f"    {cell}"]
    if then.kind == "recommend":
        rec = kb.recommendations[then.target]  # type: ignore[index]
        lines = [
            f"  {words['recommend']} {rec.id}: {rec.title if lang == 'nl' else rec.title_en}",
            f"    {rec.body if lang == 'nl' else rec.body_en}",
            f"    {words['phase']}: {rec.phase}; {words['serves']}: {', '.join(rec.serves)}"
            + (f"; {words['variant']}: {rec.variant}" if rec.variant else ""),
        ]
        return lines
    ref = kb.reflections[then.target]  # type: ignore[index]
    return [f"  {words['reflect']} {ref.id} ({ref.field}): {ref.nl if lang == 'nl' else ref.en}"]


def _case_facts(case: Case) -> str:
    parts = []
    answers = case.facts.get("answers") or {}
    if answers:
        parts.append(", ".join(f"{k}={v}" for k, v in answers.items()))
    organisation = {k: v for k, v in (case.facts.get("organisation") or {}).items() if k != "name"}
    if organisation:
        parts.append("organisation: " + ", ".join(f"{k}={v}" for k, v in organisation.items()))
    if case.facts.get("people"):
        parts.append(f"people: {json.dumps(case.facts['people'], ensure_ascii=False)}")
    if case.stages:
        parts.append("stages: " + ", ".join(f"{k}={v}" for k, v in case.stages.items()))
    return "; ".join(parts) or "(no answers)"


def doc_path(rule: Rule) -> Path:
    """Where a rule's documentation lives: ``NAME.md`` beside ``NAME.yaml``."""
    return Path(rule.file).with_suffix(".md")


def render_rule(kb: KnowledgeBase, rule: Rule, lang: str = "nl") -> str:
    """The whole rule in words: header, sources, conditions, conclusion and cases."""
    words = _WORDS[lang]
    title, other = (rule.title, rule.title_en) if lang == "nl" else (rule.title_en, rule.title)
    lines = [
        rule.id,
        f"  {title}",
        f"  ({other})",
        "",
        f"{words['status']}: {rule.status}    {words['modified']}: {rule.modified}    stratum: {rule.stratum}",
        f"{words['file']}: {display_path(rule.file)}",
    ]
    if doc_path(rule).exists():
        lines.append(f"{words['doc']}: {display_path(doc_path(rule))}")
    lines += ["", f"{words['description']}:", f"  {rule.description if lang == 'nl' else rule.description_en}", ""]
    lines.append(f"{words['sources']}:")
    lines += [f"  {_section_words(kb, ref, lang)}" for ref in rule.sources]
    lines += [f"{words['basis']}: {rule.basis}", f"{words['quote']}: {rule.quote}"]
    top = words["all"] if isinstance(rule.when, All) else words["any"]
    lines += ["", f"{words['when']} ({top}):"]
    lines += _formula_lines(kb, rule.when, lang, 1)
    lines += ["", f"{words['then']}:"]
    lines += _then_lines(kb, rule.then, lang)
    lines.append("")
    if rule.cases:
        lines.append(f"{words['cases']} ({display_path(rule.cases_file)}):")
        for case in rule.cases:
            lines.append(f"  {case.expect:<8} {case.name}  [{_case_facts(case)}]")
    else:
        lines.append(f"{words['cases']}: {words['no_cases']}")
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------------------------------
# validate
# --------------------------------------------------------------------------------------------------


@attrs.frozen
class Validation:
    """The outcome of :func:`validate`: how many rule files were read and every error found."""

    rules: int
    errors: tuple[ZorgadviesError, ...]

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def summary(self) -> str:
        return f"{_plural(self.rules, 'rule')}, {_plural(len(self.errors), 'error')}"

    def lines(self) -> list[str]:
        """Every error as ``file:line: field: message (did you mean …?)``, paths relative to cwd."""
        return [str(_relocated(e)) for e in self.errors]


@attrs.define
class _Checked:
    """What checking one rule file found out."""

    path: Path
    root: Path
    errors: list[ZorgadviesError] = attrs.Factory(list)
    declared_id: str | None = None
    id_line: int | None = None
    when_line: int | None = None
    criterion: tuple[str, int] | None = None  # (pillar, stage) as written, even when broken
    rule: Rule | None = None


def _attempt(errors: list[ZorgadviesError], func: Any, *args: Any) -> Any:
    try:
        return func(*args)
    except RulePackError as exc:
        errors.append(exc)
        return None


def _case_errors(rule_path: Path, rule_id: str, kb: KnowledgeBase) -> list[ZorgadviesError]:
    """Errors of the cases file beside ``rule_path``: its format, and each case's facts."""
    try:
        cases = _rulepack.read_cases(rule_path, rule_id, kb)
    except RulePackError as exc:
        return [exc]
    if not cases:
        return []
    cases_path = _rulepack.cases_path(rule_path)
    doc = load_document(cases_path, make_error=RulePackError)
    errors: list[ZorgadviesError] = []
    for i, case in enumerate(cases):
        try:
            load_facts(dict(case.facts), kb)
        except ZorgadviesError as exc:
            field = f"cases.{i}" + (f".{exc.field}" if exc.field else "")
            errors.append(
                RulePackError(exc.message, file=str(cases_path), line=doc.line(field), field=field, hint=exc.hint)
            )
    return errors


def _check_file(path: Path, root: Path, kb: KnowledgeBase) -> _Checked:
    """Check one rule file (and its cases) completely: rulepack's own checks, every error collected."""
    result = _Checked(path, root)
    expected_id = path.relative_to(root).with_suffix("").as_posix()
    # What the cross-file checks need (duplicate ids, stage coverage) is read leniently here, so
    # that a file with errors still takes part in them.
    try:
        doc = load_document(path, make_error=RulePackError)
    except RulePackError:
        doc = None
    raw = doc.data if doc is not None and isinstance(doc.data, dict) else {}
    if isinstance(raw.get("id"), str):
        result.declared_id, result.id_line = raw["id"], doc.line("id") if doc else None
    if doc is not None and "when" in raw:
        result.when_line = doc.line("when")
    then = raw.get("then")
    criterion = then.get("criterion") if isinstance(then, dict) else None
    if isinstance(criterion, dict) and isinstance(criterion.get("pillar"), str) and isinstance(criterion.get("stage"), int):
        result.criterion = (criterion["pillar"], criterion["stage"])
    _rulepack.read_rule(path, root, kb, cases=False, errors=result.errors)
    result.errors += _case_errors(path, expected_id, kb)
    if not result.errors:
        result.rule = _attempt(result.errors, _rulepack.read_rule, path, root, kb)
    return result


def _stray_files(root: Path) -> list[ZorgadviesError]:
    """Files the loader would silently pass over: cases without a rule, ``.yml`` instead of ``.yaml``."""
    errors: list[ZorgadviesError] = []
    for path in sorted(root.rglob("*.cases.yaml")):
        rule_path = path.with_name(path.name[: -len(".cases.yaml")] + ".yaml")
        if not rule_path.exists():
            siblings = [p.stem for p in path.parent.glob("*.yaml") if not p.name.endswith(".cases.yaml")]
            near = did_you_mean(rule_path.stem, siblings)
            errors.append(
                RulePackError(
                    t("ruletools.cases_without_rule_there", name=rule_path.name),
                    file=str(path),
                    line=1,
                    hint=f"{near}.cases.yaml" if near else None,
                )
            )
    for path in sorted(root.rglob("*.yml")):
        errors.append(
            RulePackError(
                t("ruletools.never_loaded_rule_case"),
                file=str(path),
                hint=path.with_suffix(".yaml").name,
            )
        )
    return errors


def _case_expectations(rule: Rule) -> list[ZorgadviesError]:
    expects = {case.expect for case in rule.cases}
    missing = [e for e in ("fires", "fails") if e not in expects]
    if not missing:
        return []
    wanted = " and ".join(f"'expect: {e}'" for e in missing)
    if rule.cases_file is None:
        name = Path(rule.file).stem + ".cases.yaml"
        return [RulePackError(t("ruletools.rule_has_no_cases", name=name, wanted=wanted), file=rule.file, line=1, field="cases")]
    line = load_document(rule.cases_file, make_error=RulePackError).line("cases")
    return [RulePackError(t("ruletools.every_rule_needs_case", wanted=wanted), file=rule.cases_file, line=line, field="cases")]


def _engine_errors(checked: _Checked, rule: Rule, orders: Mapping[str, tuple[str, ...]]) -> list[ZorgadviesError]:
    for erule in _engine.compile_rule(rule, orders):
        if erule.branches > MAX_BRANCHES_PER_SHARD:
            return [
                RulePackError(
                    t("ruletools.one_alternative_this_rule", branches=erule.branches, MAX_BRANCHES_PER_SHARD=MAX_BRANCHES_PER_SHARD),
                    file=rule.file,
                    line=checked.when_line or rule.line,
                    field="when",
                )
            ]
    return []


def _stage_coverage(checked: Sequence[_Checked], roots: Sequence[Path]) -> list[ZorgadviesError]:
    """Every pillar needs a gating (vermeld) criterion for every stage (as rulepack checks), all gaps at once."""
    present = {
        (c.rule.then.pillar, c.rule.then.stage)
        for c in checked
        if c.rule and c.rule.status != "deprecated" and c.rule.then.kind == "criterion" and c.rule.basis == "vermeld"
    }
    # A broken file that means to be a criterion counts: its own error already says what to fix.
    present |= {c.criterion for c in checked if c.rule is None and c.criterion is not None}
    if not present:
        return []
    errors: list[ZorgadviesError] = []
    for pillar in PILLAR_IDS:
        missing = [str(stage) for stage in range(1, 5) if (pillar, stage) not in present]
        if missing:
            stages = f"stage {missing[0]}" if len(missing) == 1 else f"stages {', '.join(missing)}"
            errors.append(
                RulePackError(
                    t("ruletools.pillar_has_no_active", pillar=pillar, stages=stages), file=str(roots[0]) if roots else None
                )
            )
    return errors


def _graph_errors(kb: KnowledgeBase) -> list[ZorgadviesError]:
    """Cycles in the dependency graph: one error per cycle (graph.build_graph stops at the first)."""
    try:
        build_graph(kb)
        return []
    except KnowledgeError as exc:
        first = exc
    graph = nx.DiGraph((e.before, e.after) for e in kb.edges)
    located = {(e.before, e.after): e for e in kb.edges}
    errors: list[ZorgadviesError] = []
    components = sorted(sorted(c) for c in nx.strongly_connected_components(graph) if len(c) > 1)
    for component in components:
        cycle = nx.find_cycle(graph.subgraph(component), source=component[0])
        edges = [located[(u, v)] for u, v in cycle]
        path = " -> ".join([cycle[0][0], *(v for _, v in cycle)])
        # Reported at the edge written last: in practice the one just added.
        last = max(edges, key=lambda e: (e.file, e.line))
        others = ", ".join(f"{display_path(e.file)}:{e.line}" for e in edges if e is not last)
        errors.append(
            KnowledgeError(
                t("ruletools.dependency_graph_has_cycle", path=path, others=others),
                file=last.file,
                line=last.line,
            )
        )
    return errors or [first]


def _sort_key(error: ZorgadviesError) -> tuple[str, int]:
    return (error.file or "", error.line or 0)


def validate(
    extra: Iterable[str | Path] = (), *, builtin: bool = True, knowledge: str | Path | None = None
) -> Validation:
    """Check the built-in pack (unless ``builtin`` is False) and the ``extra`` packs completely.

    Every rule file is checked on its own (schema, questions and facts with their values, sources,
    conclusion, id equals path, the normal-form and engine limits, its cases), then across files
    (duplicate ids, size-variant guards, stage coverage, the compiled engine, cycles in the
    dependency graph). Nothing stops at the first error.
    """
    try:
        kb = load_knowledge(knowledge)
    except KnowledgeError as exc:
        return Validation(0, (exc,))
    roots = ([RULES_DIR] if builtin else []) + [Path(p) for p in extra]
    checked: list[_Checked] = []
    errors: list[ZorgadviesError] = []
    for root in roots:
        if not root.is_dir():
            errors.append(RulePackError(t("rulepack.folder_rules"), file=str(root)))
            continue
        checked += [_check_file(path, root, kb) for path in _rulepack.rule_files(root)]
        errors += _stray_files(root)
    seen: dict[str, _Checked] = {}
    for item in checked:
        errors += item.errors
        if item.declared_id is None:
            continue
        if item.declared_id in seen:
            first = seen[item.declared_id]
            errors.append(
                RulePackError(
                    t("ruletools.duplicate_rule_id_also", declared_id=item.declared_id, first=display_path(first.path), id_line=first.id_line),
                    file=str(item.path),
                    line=item.id_line,
                    field="id",
                )
            )
        else:
            seen[item.declared_id] = item
    active = [c for c in checked if c.rule is not None and c.rule.status != "deprecated"]
    orders = ordered_values(kb)  # compiled as an assessment compiles them (at-least answers included)
    compiled: list[Rule] = []
    for item in active:
        rule = item.rule
        assert rule is not None
        try:
            _rulepack.check_variant(rule, kb)
        except RulePackError as exc:
            errors.append(RulePackError(exc.message, file=exc.file, line=item.when_line or exc.line, field=exc.field))
        errors += _case_expectations(rule)
        limit = _engine_errors(item, rule, orders)
        errors += limit
        if not limit:
            compiled.append(rule)
    errors += _stage_coverage(checked, roots)
    try:
        Engine(RulePack(tuple(compiled), (), tuple(roots)), orders=orders)
    except EngineError as exc:
        errors.append(exc)
    errors += _graph_errors(kb)
    if not errors:
        # A last guard: the packs must also load the way an assessment loads them, which is
        # always beside the built-in pack (so --only still catches an id that collides with it).
        try:
            load_rules(kb, extra, builtin=builtin or knowledge is None)
        except RulePackError as exc:
            errors.append(exc)
    return Validation(len(checked), tuple(sorted(errors, key=_sort_key)))


# --------------------------------------------------------------------------------------------------
# test
# --------------------------------------------------------------------------------------------------


@attrs.frozen
class CaseRun:
    """One case of one rule, run: its result, or the error that kept it from running."""

    rule: Rule
    case: Case
    result: CaseResult | None
    error: str | None = None

    @property
    def passed(self) -> bool:
        return self.result is not None and self.result.passed

    def failure_line(self) -> str:
        where = f"{display_path(self.rule.cases_file)}:{self.case.line}"
        if self.result is None:
            why = f"error: {self.error}"
        else:
            why = f"expected {self.case.expect}, engine {self.result.engine}, reference {self.result.reference}"
        return f"FAILED {self.rule.id}::{self.case.name}: {why} ({where})"


@attrs.frozen
class TestRun:
    runs: tuple[CaseRun, ...]

    __test__ = False  # not a pytest test class

    @property
    def failures(self) -> tuple[CaseRun, ...]:
        return tuple(r for r in self.runs if not r.passed)

    @property
    def summary(self) -> str:
        failed = len(self.failures)
        return f"{len(self.runs) - failed} passed, {failed} failed"


def _below(file: str, roots: Sequence[Path]) -> bool:
    path = Path(file).resolve()
    return any(path.is_relative_to(Path(root).resolve()) for root in roots)


def run_tests(advisor: Advisor, only: Sequence[str | Path] | None = None) -> TestRun:
    """Run every active rule's cases (only the rules below ``only`` when given), in id order."""
    roots = [Path(p) for p in only] if only is not None else None
    runs = []
    for rule in sorted(advisor.pack.rules, key=lambda r: r.id):
        if roots is not None and not _below(rule.file, roots):
            continue
        for case in rule.cases:
            try:
                runs.append(CaseRun(rule, case, run_case(advisor, rule, case)))
            except ZorgadviesError as exc:
                runs.append(CaseRun(rule, case, None, str(exc)))
    return TestRun(tuple(runs))


# --------------------------------------------------------------------------------------------------
# coverage
# --------------------------------------------------------------------------------------------------


@attrs.frozen
class Coverage:
    """Which rules, recommendations, reflection questions and questions the cases and examples reach."""

    rules: tuple[str, ...]
    by_cases: frozenset[str]
    by_examples: frozenset[str]
    recommendations: tuple[str, ...]
    reached_recommendations: frozenset[str]
    reflections: tuple[str, ...]
    reached_reflections: frozenset[str]
    questions: tuple[str, ...]
    used_questions: frozenset[str]
    cases: int
    examples: tuple[str, ...]

    @property
    def unexercised(self) -> list[str]:
        return [r for r in self.rules if r not in self.by_cases and r not in self.by_examples]

    @property
    def unreached_recommendations(self) -> list[str]:
        return [r for r in self.recommendations if r not in self.reached_recommendations]

    @property
    def unreached_reflections(self) -> list[str]:
        return [r for r in self.reflections if r not in self.reached_reflections]

    @property
    def unused_questions(self) -> list[str]:
        return [q for q in self.questions if q not in self.used_questions]

    def to_dict(self) -> dict[str, Any]:
        return {
            "rules": {
                "total": len(self.rules),
                "exercised_by_cases": len(self.by_cases),
                "exercised_by_examples": len(self.by_examples),
                "not_exercised": self.unexercised,
            },
            "recommendations": {
                "total": len(self.recommendations),
                "reached": len(self.reached_recommendations),
                "not_reached": self.unreached_recommendations,
            },
            "reflection_questions": {
                "total": len(self.reflections),
                "reached": len(self.reached_reflections),
                "not_reached": self.unreached_reflections,
            },
            "questions": {
                "total": len(self.questions),
                "used": len(self.used_questions),
                "not_used": self.unused_questions,
            },
            "cases": self.cases,
            "examples": list(self.examples),
        }


def coverage(advisor: Advisor, examples: Iterable[str | Path] = ()) -> Coverage:
    """Run every case and every example and collect what they exercise.

    A rule is exercised by a case of its own that the engine decides (fires or fails) and by an
    example for which it fires or fails; a recommendation or reflection question is reached when a
    rule concluding it fires for a case or an example.
    """
    rules = {r.id: r for r in advisor.pack.rules}
    by_cases: set[str] = set()
    by_examples: set[str] = set()
    fired: set[str] = set()
    cases = 0
    for rule in rules.values():
        for case in rule.cases:
            cases += 1
            try:
                outcome = run_case(advisor, rule, case).engine
            except ZorgadviesError:
                continue  # `rules test` reports it
            if outcome in ("fires", "fails"):
                by_cases.add(rule.id)
            if outcome == "fires":
                fired.add(rule.id)
    names = []
    for example in examples:
        names.append(display_path(example))
        _, firings, _ = advisor.run(advisor.load(example))
        for rule_id, outcome in rule_outcomes(firings).items():
            by_examples.add(rule_id)
            if outcome == "fires":
                fired.add(rule_id)
    targets = {
        kind: {str(rules[r].then.target) for r in fired if r in rules and rules[r].then.kind == kind}
        for kind in ("recommend", "reflect")
    }
    # A check of a deliberate other choice is reached through the rule that would otherwise advise.
    targets["recommend"] |= {rules[r].chosen_otherwise[1] for r in fired if r in rules and rules[r].chosen_otherwise}  # type: ignore[index]
    extra = [f for r in rules.values() for f in (r.moot_when, r.chosen_otherwise[0] if r.chosen_otherwise else None) if f is not None]
    used = {c.subject for r in rules.values() for c in conditions(r.when) if c.kind == "question"}
    used |= {c.subject for f in extra for c in conditions(f) if c.kind == "question"}
    # The role questions are used through the role facts they settle (facts.role_presence).
    used |= {
        question
        for r in rules.values()
        for c in conditions(r.when)
        if c.subject.startswith("roles.")
        for role, question in ROLE_QUESTIONS.items()
        if c.subject.split(".")[1] in (role, "zelfde_persoon")
    }
    # The self-placements are read by the stage classifier (the estimate), not by a rule.
    used |= {q for q in advisor.kb.questions if q.startswith(SELF_PLACEMENT_PREFIX)}
    return Coverage(
        rules=tuple(sorted(rules)),
        by_cases=frozenset(by_cases),
        by_examples=frozenset(by_examples),
        recommendations=tuple(sorted(advisor.kb.recommendations)),
        reached_recommendations=frozenset(targets["recommend"]),
        reflections=tuple(sorted(advisor.kb.reflections)),
        reached_reflections=frozenset(targets["reflect"]),
        questions=tuple(sorted(advisor.kb.questions)),
        used_questions=frozenset(used),
        cases=cases,
        examples=tuple(names),
    )


def render_coverage(result: Coverage, kb: KnowledgeBase) -> str:
    """The coverage as text: the lists of what nothing reaches, then a summary."""

    def block(title: str, items: list[str], label: Mapping[str, str]) -> list[str]:
        lines = [f"{title} ({len(items)}):"]
        lines += [f"  {item}  {label.get(item, '')}".rstrip() for item in items] or ["  (none)"]
        return lines + [""]

    rule_titles: dict[str, str] = {}
    lines = [
        f"Coverage by {_plural(result.cases, 'case')} and {_plural(len(result.examples), 'example')}"
        + (f" ({', '.join(result.examples)})" if result.examples else ""),
        "",
    ]
    lines += block("Rules that no case and no example exercises", result.unexercised, rule_titles)
    lines += block(
        "Recommendations that no case or example reaches",
        result.unreached_recommendations,
        {k: v.title for k, v in kb.recommendations.items()},
    )
    lines += block(
        "Reflection questions that no case or example reaches",
        result.unreached_reflections,
        {k: v.nl for k, v in kb.reflections.items()},
    )
    lines += block("Questions that no rule uses", result.unused_questions, {k: v.nl for k, v in kb.questions.items()})
    lines.append(
        f"{len(result.rules) - len(result.unexercised)}/{len(result.rules)} rules exercised "
        f"({len(result.by_cases)} by cases, {len(result.by_examples)} by examples), "
        f"{len(result.reached_recommendations)}/{len(result.recommendations)} recommendations reached, "
        f"{len(result.reached_reflections)}/{len(result.reflections)} reflection questions reached, "
        f"{len(result.used_questions)}/{len(result.questions)} questions used"
    )
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------------------------------
# new-rule
# --------------------------------------------------------------------------------------------------


def default_rules_dir() -> Path | None:
    """The ``rules/`` folder of the checkout zorgadvies runs from, or None in an installed wheel."""
    if RULES_DIR.is_dir() and "_data" not in RULES_DIR.parts:
        return RULES_DIR
    return None


def parse_conclusion(spec: str, kb: KnowledgeBase) -> Conclusion:
    """``recommend:REC``, ``reflect:REF`` or ``criterion:PILLAR/STAGE`` as a checked Conclusion."""
    kind, sep, value = spec.partition(":")
    if not sep or kind not in ("recommend", "reflect", "criterion") or not value:
        raise RulePackError(
            t("ruletools.conclusion_write_recommend_rec", spec=spec),
            field="--conclusion",
        )
    if kind == "recommend":
        if value not in kb.recommendations:
            raise RulePackError(t("common.unknown_recommendation", rec=value), field="--conclusion", hint=did_you_mean(value, kb.recommendations))
        return Conclusion("recommend", target=value)
    if kind == "reflect":
        if value not in kb.reflections:
            raise RulePackError(t("common.unknown_reflection_question", ref=value), field="--conclusion", hint=did_you_mean(value, kb.reflections))
        return Conclusion("reflect", target=value)
    pillar, _, stage = value.partition("/")
    if pillar not in PILLAR_IDS:
        raise RulePackError(t("ruletools.unknown_pillar_one", pillar=pillar, PILLAR_IDS=', '.join(PILLAR_IDS)), field="--conclusion", hint=did_you_mean(pillar, PILLAR_IDS))
    if stage not in ("1", "2", "3", "4"):
        raise RulePackError(t("ruletools.criterion_stage_needs_stage", pillar=pillar, stage=stage), field="--conclusion")
    return Conclusion("criterion", pillar, int(stage))


def _conclusion_refs(kb: KnowledgeBase, then: Conclusion) -> tuple[tuple[str, ...], set[str]]:
    """The source sections and the pillars/themes a conclusion is about."""
    if then.kind == "recommend":
        rec = kb.recommendations[then.target]  # type: ignore[index]
        return rec.sources, set(rec.serves)
    if then.kind == "reflect":
        ref = kb.reflections[then.target]  # type: ignore[index]
        return ref.sources, {"sociale_innovatie"}
    pillar = kb.pillar(then.pillar)  # type: ignore[arg-type]
    stage = kb.stage(then.stage)  # type: ignore[arg-type]
    return tuple(dict.fromkeys(pillar.sources + stage.sources)), {pillar.id}


def _placeholder_question(kb: KnowledgeBase, sources: Sequence[str], topics: set[str]) -> Question:
    """A real question close to the conclusion, to stand in for the condition the author will write."""
    order = {qid: i for i, qid in enumerate(kb.questions)}
    candidates = [q for q in kb.questions.values() if q.type in ("boolean", "choice")]

    def key(q: Question) -> tuple[int, int, bool, int]:
        return (-len(set(q.sources) & set(sources)), -len(set(q.informs) & topics), q.type != "boolean", order[q.id])

    return min(candidates, key=key)


_OUTCOME_WORDS = {"fires": "fires", "fails": "fails", "unknown": "stays unknown"}
_YAML_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}


def _scalar(value: object) -> str:
    text = str(value)
    if isinstance(value, int) or (re.fullmatch(r"[a-z][a-z0-9_]*", text) and text not in _YAML_WORDS):
        return text
    return json.dumps(text, ensure_ascii=False)


def _quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _placeholder_values(question: Question) -> tuple[str, object, object, object]:
    """(operator, value in the rule, a firing answer, a failing answer)."""
    if question.type == "boolean":
        return "is", "ja", "ja", "nee"
    if question.type == "choice":
        top = question.value_ids[-1]
        return "is", top, top, question.value_ids[0]
    low = question.minimum if question.minimum is not None else 0
    return "at_least", low + 1, low + 1, low


def new_rule(
    rule_id: str,
    conclusion: str,
    directory: str | Path,
    *,
    title: str | None = None,
    kb: KnowledgeBase | None = None,
    today: datetime.date | None = None,
) -> list[Path]:
    """Write ``<directory>/<rule_id>.yaml``, ``.cases.yaml`` and the doc stub ``.md``.

    The rule tests one real question as a placeholder (marked TODO), with cases that fire, fail and
    stay unknown, so that the three files pass ``rules validate`` and ``rules test`` as written.
    Nothing is overwritten: if any of the three files exists, nothing is written.

    Returns
    -------
    list[Path]
        The files written, rule first.
    """
    kb = kb if kb is not None else load_knowledge()
    directory = Path(directory)
    if rule_id.endswith((".yaml", ".yml")):
        raise RulePackError(t("ruletools.give_id_without_yaml", value=rule_id.rsplit('.', 1)[0]), field="ID")
    if not _rulepack.RULE_ID.match(rule_id):
        raise RulePackError(
            t("ruletools.rule_id_folder_name", rule_id=rule_id),
            field="ID",
        )
    builtin = RULES_DIR.resolve()
    resolved = directory.resolve()
    if resolved != builtin and resolved.is_relative_to(builtin):
        below = resolved.relative_to(builtin).as_posix()
        raise RulePackError(
            t("ruletools.lies_inside_built_pack", directory=directory, RULES_DIR=RULES_DIR, below=below, rule_id=rule_id),
            field="--dir",
        )
    then = parse_conclusion(conclusion, kb)
    for root in dict.fromkeys([builtin, resolved]):
        if (root / f"{rule_id}.yaml").exists():
            raise RulePackError(t("ruletools.rule_already_exists", rule_id=rule_id), file=str(root / f"{rule_id}.yaml"))
    rule_path = directory / f"{rule_id}.yaml"
    targets = [rule_path, rule_path.with_name(rule_path.stem + ".cases.yaml"), rule_path.with_suffix(".md")]
    existing = [str(p) for p in targets if p.exists()]
    if existing:
        raise RulePackError(t("ruletools.already_exists_new_rule", existing=', '.join(existing)), file=existing[0])

    sources, topics = _conclusion_refs(kb, then)
    question = _placeholder_question(kb, sources, topics)
    op, value, fires, fails = _placeholder_values(question)
    variant = kb.recommendations[then.target].variant if then.kind == "recommend" else None  # type: ignore[index]
    today = today or datetime.date.today()
    title = title or "TODO: titel van de regel (wat er aan de hand is, in één zin)"
    then_line = {
        "criterion": f"  criterion: {{pillar: {then.pillar}, stage: {then.stage}}}",
        "recommend": f"  recommend: {then.target}",
        "reflect": f"  reflect: {then.target}",
    }[then.kind]
    conditions_ = []
    if variant:
        conditions_.append(f"    - {{fact: organisation.size_class, is: {variant}}}   # required: '{then.target}' is for '{variant}' organisations")
    conditions_.append(f"    - {{question: {question.id}, {op}: {_scalar(value)}}}   # TODO placeholder: {question.nl}")
    rule_text = "\n".join(
        [
            "# TODO: a scaffold from `zorgadvies new-rule`. Replace the titles, the descriptions and the",
            "# placeholder condition below; see docs/rule-authoring.md.",
            f"title: {_quote(title)}",
            f"title_en: {_quote('TODO: English title')}",
            f"id: {rule_id}",
            "status: experimental",
            f"description: {_quote('TODO: waarom deze regel bestaat, in eigen woorden en met de bron erbij.')}",
            f"description_en: {_quote('TODO: why this rule exists, in our own words and citing the source.')}",
            f"sources: [{', '.join(sources)}]   # TODO: keep only the sections this rule rests on",
            "basis: afgeleid   # TODO: 'vermeld' only when the source states it (for a criterion: for this pillar and stage)",
            f"quote: {_quote('TODO: de bronzin waarop de regel rust (kort, letterlijk) of de precieze plek, bijv. ' + sources[0])}",
            f"modified: {today.isoformat()}",
            "when:",
            "  all:",
            *conditions_,
            "then:",
            then_line,
            "",
        ]
    )
    organisation = ""
    if variant:
        employees = DEFAULT_SIZE_THRESHOLD // 4 if variant == "klein" else DEFAULT_SIZE_THRESHOLD * 2
        organisation = f"    organisation: {{employees: {employees}}}   # a '{variant}' organisation\n"
    cases_text = (
        "# TODO: these cases test the placeholder condition; rewrite them for the real one.\n"
        "# Every rule needs at least one case that fires and one that fails (docs/rule-authoring.md).\n"
        f"rule: {rule_id}\n"
        "cases:\n"
        + "".join(
            f"  - name: {_quote(f'TODO placeholder: {question.id} = {answer}, so the rule {_OUTCOME_WORDS[expect]}')}\n"
            f"    answers: {{{question.id}: {_scalar(answer)}}}\n"
            + organisation
            + f"    expect: {expect}\n"
            for answer, expect in ((fires, "fires"), (fails, "fails"), ("onbekend", "unknown"))
        )
    )
    conclusion_words = _then_lines(kb, then, "nl")[0].strip()
    doc_text = "\n".join(
        [
            f"# {title}",
            "",
            f"Rule `{rule_id}` — {conclusion_text(then)}",
            "",
            f"> {conclusion_words}",
            "",
            "## Waarom deze regel",
            "",
            "TODO: leg in eigen woorden uit welke situatie de regel herkent en waarom de bron daar deze",
            "conclusie aan verbindt.",
            "",
            "## Wanneer hij vuurt",
            "",
            f"TODO: beschrijf de voorwaarden. Nu staat er een tijdelijke voorwaarde op `{question.id}`",
            f"({question.nl}).",
            "",
            "## Bronnen",
            "",
            *[f"- {_section_words(kb, ref, 'nl')}" for ref in sources],
            "",
            "## Testgevallen",
            "",
            f"Zie `{Path(targets[1]).name}`; `zorgadvies rules show {rule_id}` toont de regel in woorden.",
            "",
        ]
    )
    written: list[Path] = []
    rule_path.parent.mkdir(parents=True, exist_ok=True)
    try:
        for path, text in zip(targets, (rule_text, cases_text, doc_text)):
            with open(path, "x", encoding="utf-8") as handle:  # "x": never overwrite, even in a race
                handle.write(text)
            written.append(path)
    except FileExistsError as exc:
        for path in written:
            path.unlink()
        raise RulePackError(t("ruletools.already_exists_new_rule_2"), file=exc.filename) from None
    return written

