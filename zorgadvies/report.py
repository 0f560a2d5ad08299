"""The result model: a Report and what it is made of.

Everything here is a frozen attrs class with a ``to_dict`` that gives plain, JSON-ready data in a
fixed key order, so that the same input always gives byte-identical JSON.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import attrs

from .atleast import plain

__all__ = [
    "SCHEMA_VERSION",
    "ESTIMATE_BASES",
    "AskNext",
    "ConditionStatus",
    "Conflict",
    "Decision",
    "Evidence",
    "FocusItem",
    "PillarResult",
    "Recommendation",
    "ReflectionQuestion",
    "Report",
    "Requirement",
    "StageEstimate",
]

#: Version of the JSON report format. Raise the minor part for added fields, the major for changes.
SCHEMA_VERSION = "1.2"  # 1.1: respondents and disputed flags; 1.2: stage bounds, estimates, conflicts, focus, ask_next (CHANGELOG.md)


def _facts(pairs: tuple[tuple[str, object], ...]) -> dict[str, object]:
    return {subject: plain(value) for subject, value in pairs}


@attrs.frozen
class Evidence:
    """A rule that fired, the facts it matched and the source sections it rests on."""

    rule: str
    title: str
    title_en: str
    facts: tuple[tuple[str, object], ...]
    sources: tuple[str, ...]
    stage: int | None = None

    def to_dict(self) -> dict[str, Any]:
        result: dict[str, Any] = {"rule": self.rule}
        if self.stage is not None:
            result["stage"] = self.stage
        result |= {"title": self.title, "title_en": self.title_en, "facts": _facts(self.facts), "sources": list(self.sources)}
        return result


@attrs.frozen
class ConditionStatus:
    """One condition of a rule that is not (yet) satisfied, with the answer given (None: unknown)."""

    subject: str
    op: str
    value: object
    answer: object | None

    def to_dict(self) -> dict[str, Any]:
        value = list(self.value) if isinstance(self.value, tuple) else self.value
        return {"subject": self.subject, "op": self.op, "value": value, "answer": plain(self.answer)}


@attrs.frozen
class Requirement:
    """A criterion rule of the next stage that does not fire, and why."""

    rule: str
    title: str
    title_en: str
    status: str  # "fails" | "unknown"
    conditions: tuple[ConditionStatus, ...]
    sources: tuple[str, ...]

    @property
    def questions(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c.subject for c in self.conditions))

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "title": self.title,
            "title_en": self.title_en,
            "status": self.status,
            "questions": list(self.questions),
            "conditions": [c.to_dict() for c in self.conditions],
            "sources": list(self.sources),
        }


#: Where a stage estimate comes from (docs/stages.md): the criteria, the self-placement inside the
#: bounds, or nothing to go on.
ESTIMATE_BASES = ("criteria", "zelfinschatting", "onbepaald")


@attrs.frozen
class StageEstimate:
    """The best estimate of a pillar's stage and what it rests on (``basis``, see ESTIMATE_BASES).

    ``criteria`` with ``PillarResult.stage`` set is the established stage; ``criteria`` without it
    is the highest stage inside the bounds reached by an unbroken chain of stages with a met
    criterion each (docs/stages.md); ``zelfinschatting`` is the
    organisation's own placement inside the bounds; ``onbepaald`` has no stage.
    """

    stage: int | None
    basis: str

    def to_dict(self) -> dict[str, Any]:
        return {"stage": self.stage, "basis": self.basis}


@attrs.frozen
class Conflict:
    """A self-placement outside the bounds the criteria leave; the bounds win.

    ``rules`` are the criterion rules that contradict it: those that fail at or below the placed
    stage (placed too high) or those that fire above it (placed too low).
    """

    question: str
    answer: object
    stage_min: int
    stage_max: int
    rules: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "answer": plain(self.answer),
            "stage_min": self.stage_min,
            "stage_max": self.stage_max,
            "rules": list(self.rules),
        }


@attrs.frozen
class PillarResult:
    """The stage of one pillar: ``stage`` is None when the evidence does not settle it.

    ``stage_min``..``stage_max`` are the bounds the criteria leave (stage 1 is the floor);
    ``stage`` is set when they meet. ``at_least`` (kept for 1.1 readers) is ``stage_min`` when
    ``stage`` is None. ``stage_estimate`` is the best estimate and its basis; ``self_placement`` the
    combined ``zelf_<pillar>`` answer (1..4); ``conflicts`` self-placements outside the bounds;
    ``higher_evidence`` criteria of stages above ``stage_min`` that are met while a lower stage is
    still unknown. ``missing`` lists what the next stage (``missing_stage``) still needs;
    ``settle`` the questions whose answers would narrow the bounds.
    """

    id: str
    name: str
    name_en: str
    stage: int | None
    stage_name: str | None
    stage_name_en: str | None
    at_least: int | None
    evidence: tuple[Evidence, ...]
    missing_stage: int | None
    missing: tuple[Requirement, ...]
    settle: tuple[str, ...]
    disputed: tuple[str, ...] = ()  # questions the respondents disagree on that this stage rests on
    stage_min: int = 1
    stage_max: int = 4
    stage_estimate: StageEstimate = StageEstimate(None, "onbepaald")
    self_placement: int | None = None
    conflicts: tuple[Conflict, ...] = ()
    higher_evidence: tuple[Evidence, ...] = ()

    @property
    def established(self) -> bool:
        return self.stage is not None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "name_en": self.name_en,
            "stage": self.stage,
            "stage_name": self.stage_name,
            "stage_name_en": self.stage_name_en,
            "stage_min": self.stage_min,
            "stage_max": self.stage_max,
            "at_least": self.at_least,
            "stage_estimate": self.stage_estimate.to_dict(),
            "self_placement": self.self_placement,
            "conflicts": [c.to_dict() for c in self.conflicts],
            "higher_evidence": [e.to_dict() for e in self.higher_evidence],
            "evidence": [e.to_dict() for e in self.evidence],
            "missing": {
                "stage": self.missing_stage,
                "requirements": [r.to_dict() for r in self.missing],
                "questions": sorted({q for r in self.missing for q in r.questions}),
            },
            "settle": list(self.settle),
            "disputed": list(self.disputed),
        }


@attrs.frozen
class Recommendation:
    """A recommendation that applies, in rank order; ``requires`` are its fired prerequisites."""

    id: str
    rank: int
    title: str
    title_en: str
    body: str
    body_en: str
    phase: str
    serves: tuple[str, ...]
    requires: tuple[str, ...]
    unblocks: tuple[str, ...]
    rule: str
    facts: tuple[tuple[str, object], ...]
    sources: tuple[str, ...]
    also_rules: tuple[str, ...] = ()
    disputed: tuple[str, ...] = ()  # matched answers the respondents disagree on
    on_estimate: bool = False  # transition advice resting on an estimated, not established, stage

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "rank": self.rank,
            "title": self.title,
            "title_en": self.title_en,
            "body": self.body,
            "body_en": self.body_en,
            "phase": self.phase,
            "serves": list(self.serves),
            "requires": list(self.requires),
            "unblocks": list(self.unblocks),
            "rule": self.rule,
            "also_rules": list(self.also_rules),
            "facts": _facts(self.facts),
            "sources": list(self.sources),
            "disputed": list(self.disputed),
            "on_estimate": self.on_estimate,
        }


@attrs.frozen
class ReflectionQuestion:
    id: str
    field: str
    text: str
    text_en: str
    rule: str
    facts: tuple[tuple[str, object], ...]
    sources: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "field": self.field,
            "text": self.text,
            "text_en": self.text_en,
            "rule": self.rule,
            "facts": _facts(self.facts),
            "sources": list(self.sources),
        }


@attrs.frozen
class FocusItem:
    """A recommendation in focus ("Nu aan de slag"): its id, its rank in the full list and why."""

    id: str
    rank: int
    reason: str
    reason_en: str

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "rank": self.rank, "reason": self.reason, "reason_en": self.reason_en}


@attrs.frozen
class Decision:
    """Something an answer would decide: a pillar's bounds, a recommendation or a conflict."""

    kind: str  # "pillar" | "recommendation" | "conflict"
    id: str
    what: str
    what_en: str

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "id": self.id, "what": self.what, "what_en": self.what_en}


@attrs.frozen
class AskNext:
    """A question worth asking next, whom to ask, its measured effect and what it would decide."""

    question: str
    text: str
    text_en: str
    ask: str  # bestuur | innovatie | implementatie | communicatie | zorgmedewerkers
    score: float
    decides: tuple[Decision, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "text": self.text,
            "text_en": self.text_en,
            "ask": self.ask,
            "score": self.score,
            "decides": [d.to_dict() for d in self.decides],
        }


@attrs.frozen
class Report:
    """The outcome of one assessment. ``to_json()`` is exactly what ``--format json`` prints."""

    knowledge_version: str
    knowledge_sha256: str
    organisation: Mapping[str, Any]
    pillars: tuple[PillarResult, ...]
    recommendations: tuple[Recommendation, ...] = ()
    reflection_questions: tuple[ReflectionQuestion, ...] = ()
    firings: int = 0
    schema_version: str = SCHEMA_VERSION
    respondents: Mapping[str, Any] | None = None  # names and disputes, when several respondents answered
    focus: tuple[FocusItem, ...] = ()  # at most 7 recommendations to start with (docs/ranking.md)
    ask_next: tuple[AskNext, ...] | None = None  # None: not computed (docs/ask-next.md)

    def pillar(self, pillar_id: str) -> PillarResult:
        return next(p for p in self.pillars if p.id == pillar_id)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": self.schema_version,
            "knowledge": {"version": self.knowledge_version, "sha256": self.knowledge_sha256},
            "organisation": dict(self.organisation),
            "pillars": [p.to_dict() for p in self.pillars],
            "ask_next": None if self.ask_next is None else [a.to_dict() for a in self.ask_next],
            "focus": [f.to_dict() for f in self.focus],
            "recommendations": [r.to_dict() for r in self.recommendations],
            "reflection_questions": [q.to_dict() for q in self.reflection_questions],
            "respondents": None if self.respondents is None else dict(self.respondents),
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"
