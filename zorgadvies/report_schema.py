"""The JSON Schema (draft 2020-12) of the report that ``Report.to_json()`` produces.

Kept beside report.py and checked against every example's report in the tests, so that the schema
and the output cannot drift apart unnoticed. Embedders can validate what they receive against it.
"""

from __future__ import annotations

from typing import Any

from .report import ESTIMATE_BASES, SCHEMA_VERSION
from .schema_docs import REPORT_FIELDS, describe

__all__ = ["report_schema"]

_STR = {"type": "string"}
_STRS = {"type": "array", "items": _STR}
#: An answer: a value, or an at-least answer {"minstens": value} (docs/facts.md).
_ANSWER = {
    "oneOf": [
        {"type": ["string", "integer"]},
        {"type": "object", "required": ["minstens"], "additionalProperties": False, "properties": {"minstens": {"type": ["string", "integer"]}}},
    ]
}
_FACTS = {"type": "object", "additionalProperties": _ANSWER}
_STAGE = {"type": ["integer", "null"], "minimum": 1, "maximum": 4}
_BOUND = {"type": "integer", "minimum": 1, "maximum": 4}


def _obj(required: dict[str, Any], optional: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "type": "object",
        "required": sorted(required),
        "additionalProperties": False,
        "properties": {**required, **(optional or {})},
    }


def report_schema() -> dict[str, Any]:
    evidence = _obj(
        {"rule": _STR, "title": _STR, "title_en": _STR, "facts": _FACTS, "sources": _STRS},
        {"stage": {"type": "integer", "minimum": 1, "maximum": 4}},
    )
    condition = _obj(
        {
            "subject": _STR,
            "op": {"enum": ["is", "is_not", "in", "not_in", "at_least", "at_most"]},
            "value": {},
            "answer": {"oneOf": [{"type": "null"}, _ANSWER]},
        }
    )
    requirement = _obj(
        {
            "rule": _STR,
            "title": _STR,
            "title_en": _STR,
            "status": {"enum": ["fails", "unknown"]},
            "questions": _STRS,
            "conditions": {"type": "array", "items": condition},
            "sources": _STRS,
        }
    )
    pillar = _obj(
        {
            "id": {"enum": ["marketingpraktijk", "klantfocus_strategie", "innovatie", "merk", "metrics_evaluatie", "cultuur_leiderschap"]},
            "name": _STR,
            "name_en": _STR,
            "stage": _STAGE,
            "stage_name": {"type": ["string", "null"]},
            "stage_name_en": {"type": ["string", "null"]},
            "stage_min": _BOUND,
            "stage_max": _BOUND,
            "at_least": _STAGE,
            "stage_estimate": _obj({"stage": _STAGE, "basis": {"enum": list(ESTIMATE_BASES)}}),
            "self_placement": _STAGE,
            "conflicts": {
                "type": "array",
                "items": _obj({"question": _STR, "answer": _ANSWER, "stage_min": _BOUND, "stage_max": _BOUND, "rules": _STRS}),
            },
            "higher_evidence": {"type": "array", "items": evidence},
            "evidence": {"type": "array", "items": evidence},
            "missing": _obj({"stage": _STAGE, "requirements": {"type": "array", "items": requirement}, "questions": _STRS}),
            "settle": _STRS,
            "disputed": _STRS,
        }
    )
    recommendation = _obj(
        {
            "id": _STR,
            "rank": {"type": "integer", "minimum": 1},
            "title": _STR,
            "title_en": _STR,
            "body": _STR,
            "body_en": _STR,
            "phase": {"enum": ["onderzoek", "richt", "plan", "doe"]},
            "basis": {"enum": ["vermeld", "afgeleid"]},
            "serves": _STRS,
            "requires": _STRS,
            "unblocks": _STRS,
            "rule": _STR,
            "also_rules": _STRS,
            "facts": _FACTS,
            "sources": _STRS,
            "disputed": _STRS,
            "on_estimate": {"type": "boolean"},
        }
    )
    reflection = _obj(
        {
            "id": _STR,
            "field": {"enum": ["procesinnovatie", "technologische_innovatie"]},
            "text": _STR,
            "text_en": _STR,
            "rule": _STR,
            "facts": _FACTS,
            "sources": _STRS,
        }
    )
    focus = _obj({"id": _STR, "rank": {"type": "integer", "minimum": 1}, "reason": _STR, "reason_en": _STR})
    decision = _obj({"kind": {"enum": ["pillar", "recommendation", "conflict"]}, "id": _STR, "what": _STR, "what_en": _STR})
    ask = _obj(
        {
            "question": _STR,
            "text": _STR,
            "text_en": _STR,
            "ask": {"enum": ["bestuur", "innovatie", "implementatie", "communicatie", "zorgmedewerkers"]},
            "score": {"type": "number", "minimum": 0},
            "decides": {"type": "array", "minItems": 1, "items": decision},
        }
    )
    schema = _obj(
        {
            "schema_version": {"const": SCHEMA_VERSION},
            "knowledge": _obj({"version": _STR, "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"}}),
            "organisation": _obj(
                {
                    "name": _STR,
                    "sector": {"type": ["string", "null"]},
                    "employees": {"type": ["integer", "null"], "minimum": 0},
                    "size_class": {"enum": ["klein", "groot", None]},
                    "size_threshold": {"type": "integer", "minimum": 1},
                }
            ),
            "assessment": {
                "oneOf": [
                    {"type": "null"},
                    {
                        "type": "object",
                        "additionalProperties": False,
                        "properties": {k: _STR for k in ("date", "consultant", "client_contact", "round")},
                    },
                ]
            },
            "targets": {"type": "object", "additionalProperties": {"type": "integer", "minimum": 1, "maximum": 4}},
            "notes": {"type": "object", "additionalProperties": _STR},
            "pillars": {"type": "array", "minItems": 6, "maxItems": 6, "items": pillar},
            # null when not computed (the library computes it on request, docs/ask-next.md)
            "ask_next": {"oneOf": [{"type": "null"}, {"type": "array", "items": ask}]},
            "focus": {"type": "array", "maxItems": 7, "items": focus},
            "recommendations": {"type": "array", "items": recommendation},
            "reflection_questions": {"type": "array", "items": reflection},
            "respondents": {
                "oneOf": [
                    {"type": "null"},
                    _obj(
                        {
                            "names": _STRS,
                            "disputed": {
                                "type": "array",
                                "items": _obj({"question": _STR, "answers": _FACTS, "combined": _ANSWER, "consensus": {"type": "boolean"}}),
                            },
                        }
                    ),
                ]
            },
        },
        # Added by `assess --set` (what-if): the answers changed and what changed (a diff, as
        # `zorgadvies diff --format json` prints it).
        {"what_if": _obj({"set": _FACTS, "changes": {"type": "object", "required": ["old", "new", "pillars", "recommendations"]}})},
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://zorgadvies.invalid/schema/report.json",
        "title": "zorgadvies report",
        **describe(schema, REPORT_FIELDS),
    }
