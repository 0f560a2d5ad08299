"""What-if: changed answers, answers that would make a rule fire, and a path to a target stage.

Everything here is computed by running the engine on changed facts: a suggestion is only offered
as "verified" when the engine, not a table, confirms it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from .api import Advisor
from .errors import InputError, did_you_mean
from .facts import Facts
from .knowledge import Question
from .logic import Cond, dnf
from .report import PillarResult
from .rulepack import Rule
from .stages import rule_outcomes
from .messages import t

__all__ = ["Change", "PathResult", "apply_changes", "parse_assignments", "path_to_stage", "suggest"]

FactMap = Mapping[str, tuple[object, "int | None"]]


@attrs.frozen
class Change:
    """Answer ``question`` with ``value`` (``current`` is the answer now, None when unknown)."""

    question: str
    value: object
    current: object | None

    def to_dict(self) -> dict[str, Any]:
        return {"question": self.question, "value": self.value, "current": self.current}


def parse_assignments(items: Iterable[str], adv: Advisor) -> dict[str, object]:
    """``["q=v", ...]`` from ``--set`` into a mapping; the values are checked when the facts load."""
    result: dict[str, object] = {}
    for item in items:
        question, sep, value = item.partition("=")
        question, value = question.strip(), value.strip()
        if not sep or not question:
            raise InputError(t("whatif.expected_question_value", item=item), file="--set")
        if question not in adv.kb.questions:
            raise InputError(t("common.unknown_question_id", qid=question), file="--set", hint=did_you_mean(question, adv.kb.questions))
        q = adv.kb.questions[question]
        result[question] = int(value) if q.type == "integer" and value.lstrip("-").isdigit() else value
    return result


def apply_changes(adv: Advisor, facts: Facts, answers: Mapping[str, object]) -> Facts:
    """``facts`` with ``answers`` replaced, validated like a facts file (errors name ``--set``)."""
    data = facts.to_dict()
    data["answers"] = {**data["answers"], **answers}
    try:
        return adv.load(data, size_threshold=facts.size_threshold)
    except InputError as exc:
        raise InputError(exc.message, file="--set", field=exc.field, hint=exc.hint) from None


def _candidates(question: Question) -> list[object]:
    if question.type == "integer":
        low = question.minimum if question.minimum is not None else 0
        high = question.maximum if question.maximum is not None else max(low, 10_000)
        return sorted({low, high, *range(low, min(high, low + 200) + 1)})
    return list(question.value_ids)


def _value_for(question: Question, literals: Sequence[Cond], current: object | None) -> object | None:
    """A value satisfying every literal in ``literals`` (all on ``question``), closest to ``current``."""
    fits = [v for v in _candidates(question) if all(c.holds(v, question.rank(v)) for c in literals)]  # type: ignore[arg-type]
    if not fits:
        return None
    here = question.rank(current) if current is not None else None  # type: ignore[arg-type]
    if here is None:
        return fits[0]
    return min(fits, key=lambda v: (abs((question.rank(v) or 0) - here), str(v)))  # type: ignore[arg-type]


def suggest(adv: Advisor, rule: Rule, facts: FactMap, *, keep: Mapping[str, Sequence[Cond]] | None = None) -> list[Change] | None:
    """The fewest answer changes that make ``rule`` fire, or None if answers alone cannot.

    Each conjunction of the rule's normal form is tried; a condition on a derived fact (size,
    roles) or on a stage cannot be changed by an answer, so a conjunction that needs one is skipped.
    ``keep`` lists further conditions per question that a chosen value should also satisfy.
    """
    best: list[Change] | None = None
    for conjunction in dnf(rule.when):
        by_subject: dict[str, list[Cond]] = {}
        for cond, _ in conjunction:
            by_subject.setdefault(cond.subject, []).append(cond)
        changes: list[Change] = []
        possible = True
        for subject, conds in by_subject.items():
            value, rank = facts.get(subject, (None, None))
            if subject in facts and all(c.holds(value, rank) for c in conds):
                continue
            question = adv.kb.questions.get(subject)
            if question is None:
                possible = False
                break
            wanted = list(conds) + list((keep or {}).get(subject, ()))
            chosen = _value_for(question, wanted, value) or _value_for(question, conds, value)
            if chosen is None:
                possible = False
                break
            changes.append(Change(subject, chosen, value))
        if possible and (best is None or len(changes) < len(best)):
            best = changes
    return best


def outcome_after(adv: Advisor, facts: Facts, changes: Sequence[Change]) -> tuple[dict[str, str], Facts]:
    """Rule outcomes (through the engine) after applying ``changes``."""
    changed = apply_changes(adv, facts, {c.question: c.value for c in changes})
    _, firings, _ = adv.run(changed)
    return rule_outcomes(firings), changed


@attrs.frozen
class PathResult:
    pillar: str
    target: int
    stage_before: int | None
    at_least_before: int | None
    stage_after: int | None
    at_least_after: int | None
    changes: tuple[Change, ...]
    reached: bool
    recommendations: tuple[str, ...]
    #: (stage_min, stage_max, estimate, estimate basis) before and after, for the text rendering.
    bounds_before: tuple[int, int, int | None, str] = (1, 4, None, "onbepaald")
    bounds_after: tuple[int, int, int | None, str] = (1, 4, None, "onbepaald")

    def to_dict(self) -> dict[str, Any]:
        return {
            "pillar": self.pillar,
            "target": self.target,
            "before": {"stage": self.stage_before, "at_least": self.at_least_before},
            "after": {"stage": self.stage_after, "at_least": self.at_least_after},
            "reached": self.reached,
            "changes": [c.to_dict() for c in self.changes],
            "recommendations": list(self.recommendations),
        }


def _level(stage: int | None, at_least: int | None) -> int:
    return stage or at_least or 0


def path_to_stage(adv: Advisor, facts: Facts, pillar: str, target: int, *, max_rounds: int = 60) -> PathResult:
    """The answers that take ``pillar`` to at least stage ``target``.

    Greedy through the engine: run the assessment, take the first criterion of stages 2..target
    (in stage and id order) that does not fire, change the fewest answers that make it fire (values
    chosen to also satisfy the other criteria of the path on the same question), and repeat until
    every criterion fires. Every change is required by some criterion; where a criterion offers
    alternatives, the one needing the fewest changes is taken.
    """
    if pillar not in {p.id for p in adv.kb.pillars}:
        raise InputError(t("common.unknown_pillar", pillar=pillar), field="--pillar", hint=did_you_mean(pillar, [p.id for p in adv.kb.pillars]))
    if not 1 <= target <= 4:
        raise InputError(t("whatif.target_stage_must_1", target=target), field="--target")
    # Stage 1 is the floor (docs/stages.md): its criterion is evidence, never a gate, so a path
    # that demanded it would ask for an answer that changes nothing.
    criteria = [r for n in range(2, target + 1) for r in sorted(adv.pack.criteria(pillar, n), key=lambda r: r.id)]
    keep: dict[str, list[Cond]] = {}
    for rule in criteria:
        for conjunction in dnf(rule.when)[:1]:
            for cond, _ in conjunction:
                keep.setdefault(cond.subject, []).append(cond)
    before = adv.assess(facts).pillar(pillar)
    current = facts
    chosen: dict[str, Change] = {}
    for _ in range(max_rounds):
        staged, firings, _ = adv.run(current)
        outcomes = rule_outcomes(firings)
        missing = [r for r in criteria if outcomes.get(r.id) != "fires"]
        if not missing:
            break
        changes = suggest(adv, missing[0], staged, keep=keep)
        if not changes:
            break
        for change in changes:
            original = facts.answers.get(change.question)
            chosen[change.question] = Change(change.question, change.value, None if original in (None, "onbekend") else original)
        current = apply_changes(adv, facts, {q: c.value for q, c in chosen.items()})
    after = adv.assess(current).pillar(pillar)
    final = {q: c for q, c in chosen.items() if c.value != c.current}
    start = _level(before.stage, before.at_least)
    # The transition advice of each step on the way, by the naming of knowledge/recommendations.
    steps = (f"{pillar}-naar-{adv.kb.stage(n).id}" for n in range(max(start, 1) + 1, target + 1))
    route = tuple(step for step in steps if step in adv.kb.recommendations)
    return PathResult(
        pillar=pillar,
        target=target,
        stage_before=before.stage,
        at_least_before=before.at_least,
        stage_after=after.stage,
        at_least_after=after.at_least,
        changes=tuple(sorted(final.values(), key=lambda c: c.question)),
        reached=_level(after.stage, after.at_least) >= target,
        recommendations=route,
        bounds_before=_bounds(before),
        bounds_after=_bounds(after),
    )


def _bounds(pillar: PillarResult) -> tuple[int, int, int | None, str]:
    return pillar.stage_min, pillar.stage_max, pillar.stage_estimate.stage, pillar.stage_estimate.basis
