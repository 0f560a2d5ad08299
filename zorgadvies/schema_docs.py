"""Descriptions for every field of the two JSON Schemas (facts file and report).

A field's meaning is the same wherever its name occurs (``rule`` is always a rule id, ``sources``
always section references), so the descriptions are kept in one table per schema, by field name,
and :func:`describe` puts them on every property that has none. A field without a description is
an error (the test over both schemas finds it), so a new field cannot go undocumented.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["INPUT_FIELDS", "REPORT_FIELDS", "describe"]

REPORT_FIELDS: dict[str, str] = {
    "schema_version": "Version of this report format; see CHANGELOG.md for the compatibility policy",
    "knowledge": "The knowledge base the report rests on",
    "version": "Version of the knowledge base",
    "sha256": "sha256 digest of the knowledge base and rule pack (identifies exactly what was used)",
    "organisation": "The organisation assessed, as the facts file gives it",
    "name": "Name (of the organisation, pillar or respondent)",
    "name_en": "English name",
    "sector": "Care sector (facts file value), null when unknown",
    "employees": "Number of employees, null when unknown",
    "size_class": "klein or groot (employees against size_threshold), null when unknown",
    "size_threshold": "Employees from which an organisation counts as groot",
    "assessment": "The facts file's assessment block (date, consultant, client_contact, round), null when absent",
    "date": "Date of the assessment, YYYY-MM-DD",
    "consultant": "The consultant who led the assessment",
    "client_contact": "Contact person at the organisation",
    "round": "Name of the assessment round",
    "targets": "Target stage per pillar (pillar id -> 1..4), from the facts file's doelen",
    "notes": "Note per answer (question id -> text), from the facts file's toelichting",
    "pillars": "The six pillars of the Zorgmarketing Ontwikkelmodel with their stage",
    "id": "Identifier (pillar, recommendation or reflection question id)",
    "stage": "Stage number 1..4 (null: not established)",
    "stage_name": "Dutch name of the established stage, null when not established",
    "stage_name_en": "English name of the established stage, null when not established",
    "stage_min": "Highest stage whose criteria, and those of every lower stage, are met (1 is the floor)",
    "stage_max": "Highest stage that no failed criterion rules out",
    "at_least": "Kept for compatibility: stage_min when the stage is not established, else null",
    "stage_estimate": "Best estimate of the stage and what it rests on",
    "basis": "What the estimate or advice rests on (criteria, zelfinschatting, onbepaald; vermeld or afgeleid)",
    "self_placement": "The combined self-placement answer for this pillar (1..4), null when not given",
    "conflicts": "Self-placements outside the bounds the criteria leave (the bounds win)",
    "higher_evidence": "Criteria of stages above stage_min that hold while a lower stage is still unknown",
    "evidence": "Criterion rules that fired, with the facts they matched",
    "missing": "What the next stage still needs",
    "requirements": "Criteria of the next stage that do not (yet) hold",
    "status": "fails (a condition is false) or unknown (an answer is missing)",
    "questions": "Question ids involved",
    "conditions": "The conditions of a criterion that are not satisfied",
    "subject": "The fact a condition tests (question id or derived fact)",
    "op": "Comparison operator (is, is_not, in, not_in, at_least, at_most)",
    "value": "The value a condition needs",
    "answer": "The answer given (null: unknown)",
    "settle": "Questions whose answers would settle an undetermined stage",
    "disputed": "Questions the respondents disagree on that this rests on",
    "rule": "Rule id (its path under rules/ without .yaml)",
    "rules": "Rule ids",
    "title": "Title in Dutch",
    "title_en": "Title in English",
    "facts": "The facts the rule matched (subject -> value)",
    "sources": "Source sections cited, as document#section",
    "question": "Question id",
    "ask_next": "Questions whose answer would change the verdict most; null when not computed",
    "text": "Text in Dutch",
    "text_en": "Text in English",
    "ask": "Whom to ask (bestuur, innovatie, implementatie, communicatie, zorgmedewerkers)",
    "score": "Measured effect of the answer on the verdict (higher: more)",
    "decides": "What the answer would decide",
    "kind": "pillar, recommendation or conflict",
    "what": "What is decided, in Dutch",
    "what_en": "What is decided, in English",
    "focus": "At most 7 recommendations to start with, each with the reason (docs/ranking.md)",
    "rank": "Position in the ranking (1 first, docs/ranking.md)",
    "reason": "Why, in Dutch",
    "reason_en": "Why, in English",
    "recommendations": "The recommendations that apply, in rank order",
    "body": "Text of the recommendation in Dutch",
    "body_en": "Text of the recommendation in English",
    "phase": "Phase of the innovation route: onderzoek, richt, plan or doe",
    "serves": "Pillars and themes the recommendation serves",
    "requires": "Applying recommendations this one builds on",
    "unblocks": "Applying recommendations that build on this one",
    "also_rules": "Other rules that give the same recommendation",
    "on_estimate": "True when this transition advice rests on an estimated, not established, stage",
    "reflection_questions": "Reflection questions chosen from the answers",
    "field": "The tension field of social innovation the question belongs to",
    "respondents": "Names and disputes when several respondents answered, else null",
    "names": "Respondent names",
    "answers": "Answers per respondent (name -> value)",
    "combined": "The answer that counts after combining",
    "consensus": "True when the facts file's own answers (the consensus) settled it",
    "minstens": "An at-least answer: the value is this or higher",
    "what_if": "Added by assess --set: the answers changed and what changed as a result",
    "set": "The answers --set changed (question id -> the new value)",
    "changes": "What the changed answers changed: old and new stages per pillar, recommendations added and removed",
}

INPUT_FIELDS: dict[str, str] = {
    "organisation": "The organisation assessed",
    "name": "Name (of the organisation, person or respondent)",
    "sector": "Care sector, or onbekend",
    "employees": "Number of employees (decides the size class), or onbekend",
    "people": "People known to hold roles; open world unless people_complete",
    "roles": "Roles the person holds",
    "disc": "DISC profile: colours, letters or scores",
    "role": "The respondent's role",
    "answers": "Answers: question id -> value (or {minstens: value})",
    "respondents": "Several respondents' answers, combined (docs/respondents.md)",
    "minstens": "An at-least answer: the value is this or higher",
    "rood": "DISC score for rood (dominant)",
    "geel": "DISC score for geel (invloed)",
    "groen": "DISC score for groen (stabiel)",
    "blauw": "DISC score for blauw (consciëntieus)",
    "D": "DISC score for D (rood)",
    "I": "DISC score for I (geel)",
    "S": "DISC score for S (groen)",
    "C": "DISC score for C (blauw)",
}


def describe(schema: Any, table: Mapping[str, str], fallback: Callable[[str], str | None] | None = None) -> Any:
    """A copy of ``schema`` with a description on every property that has none.

    Raises KeyError for a property neither the table nor ``fallback`` knows.
    """
    if isinstance(schema, list):
        return [describe(item, table, fallback) for item in schema]
    if not isinstance(schema, dict):
        return schema
    result = {}
    for key, value in schema.items():
        if key == "properties" and isinstance(value, dict):
            props = {}
            for name, prop in value.items():
                prop = describe(prop, table, fallback)
                if isinstance(prop, dict) and "description" not in prop:
                    text = table.get(name) or (fallback(name) if fallback else None)
                    if text is None:
                        raise KeyError(f"no description for the schema field '{name}'")
                    prop = {"description": text, **prop}
                props[name] = prop
            result[key] = props
        else:
            result[key] = describe(value, table, fallback)
    return result
