"""The result model: a Report and what it is made of.

Everything here is a frozen attrs class with a ``to_dict`` that gives plain, JSON-ready data in a
fixed key order, so that the same input always gives byte-identical JSON.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import attrs

__all__ = [
    "SCHEMA_VERSION",
    "ConditionStatus",
    "Evidence",
    "PillarResult",
    "Recommendation",
    "ReflectionQuestion",
    "Report",
    "Requirement",
]

#: Version of the JSON report format. Raise the minor part for added fields, the major for changes.
SCHEMA_VERSION = "1.1"  # 1.1: respondents and disputed flags


def _facts(pairs: tuple[tuple[str, object], ...]) -> dict[str, object]:
    return {subject: value for subject, value in pairs}


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
        return {"subject": self.subject, "op": self.op, "value": value, "answer": self.answer}


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


@attrs.frozen
class PillarResult:
    """The stage of one pillar: ``stage`` is None when the evidence does not settle it.

    ``at_least`` is the stage that is certain when ``stage`` is None; ``missing`` lists what the
    next stage (``missing_stage``) still needs; ``settle`` the questions whose answers would
    determine an undetermined stage.
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

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "name_en": self.name_en,
            "stage": self.stage,
            "stage_name": self.stage_name,
            "stage_name_en": self.stage_name_en,
            "at_least": self.at_least,
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
    basis: str = "vermeld"  # "vermeld" when a rule that gave it rests on a stated source sentence, else "afgeleid"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "rank": self.rank,
            "title": self.title,
            "title_en": self.title_en,
            "body": self.body,
            "body_en": self.body_en,
            "phase": self.phase,
            "basis": self.basis,
            "serves": list(self.serves),
            "requires": list(self.requires),
            "unblocks": list(self.unblocks),
            "rule": self.rule,
            "also_rules": list(self.also_rules),
            "facts": _facts(self.facts),
            "sources": list(self.sources),
            "disputed": list(self.disputed),
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

    def pillar(self, pillar_id: str) -> PillarResult:
        return next(p for p in self.pillars if p.id == pillar_id)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": self.schema_version,
            "knowledge": {"version": self.knowledge_version, "sha256": self.knowledge_sha256},
            "organisation": dict(self.organisation),
            "pillars": [p.to_dict() for p in self.pillars],
            "recommendations": [r.to_dict() for r in self.recommendations],
            "reflection_questions": [q.to_dict() for q in self.reflection_questions],
            "respondents": None if self.respondents is None else dict(self.respondents),
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"
