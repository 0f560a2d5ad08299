"""Known rule defects of issue 9 point 7 (a)-(e); each test failed before its fix."""

from __future__ import annotations

from typing import Any

from zorgadvies.api import advisor


ADV = advisor()


def _assess(answers: dict[str, Any], employees: int | None = None, people: list[dict[str, Any]] | None = None, complete: bool = False) -> Any:
    data: dict[str, Any] = {"organisation": {"name": "x"}, "answers": answers}
    if employees is not None:
        data["organisation"]["employees"] = employees
    if people is not None:
        data["people"] = people
        data["people_complete"] = complete
    return ADV.assess(data)


def _ids(report: Any) -> list[str]:
    return [r.id for r in report.recommendations]


def _rules_of(report: Any, rec_id: str) -> tuple[str, ...]:
    rec = next((r for r in report.recommendations if r.id == rec_id), None)
    return () if rec is None else (rec.rule, *rec.also_rules)


# (d) a rule with either/or conditions explains every reason that holds, not the first -------------

def test_every_reason_of_an_either_or_rule_is_explained() -> None:
    # advies/cases/kennisdiffusie fires when knowledge is shared at most sometimes OR there is no
    # collaboration with peers; both hold here, so both are reasons.
    report = _assess({"kennis_delen": "nooit", "kennis_samenwerking": "nee", "keten_meerdere_diensten": "ja"})
    rec = next(r for r in report.recommendations if r.id == "kennisdiffusie")
    subjects = {s for s, _ in rec.facts}
    assert {"kennis_delen", "kennis_samenwerking"} <= subjects, rec.facts


# (a) small organisation, one person holds both heads' roles -----------------------------------------

BOTH = [{"name": "Anna", "roles": ["hoofd_innovatie", "hoofd_implementatie", "manager"], "disc": ["groen"]}]


def test_a_small_organisation_with_one_person_in_both_roles_gets_the_small_organisation_guidance() -> None:
    ids = _ids(_assess({}, employees=60, people=BOTH))
    assert "rollen-ontvlechten-klein" in ids, ids  # separate time and hats
    assert "inrichting-implementatie-klein" in ids, ids  # temporary multidisciplinary project teams
    assert "rollen-scheiden" not in ids or "advies/rollen/zelfde-persoon-beide-rollen" not in _rules_of(_assess({}, employees=60, people=BOTH), "rollen-scheiden")


def test_a_large_organisation_with_one_person_in_both_roles_gets_the_separation_advice() -> None:
    report = _assess({}, employees=1500, people=BOTH)
    assert "advies/rollen/zelfde-persoon-beide-rollen" in _rules_of(report, "rollen-scheiden")
    assert "rollen-ontvlechten-klein" not in _ids(report)


# (b) large organisation without a Hoofd Implementatie -----------------------------------------------

def test_a_large_organisation_without_a_head_of_implementation_gets_the_permanent_team_advice() -> None:
    ids = _ids(_assess({"rol_hoofd_implementatie_aanwezig": "nee"}, employees=1200))
    assert "inrichting-implementatie-groot" in ids, ids


def test_an_unstated_absence_does_not_trigger_the_permanent_team_advice() -> None:
    ids = _ids(_assess({}, employees=1200, people=[{"name": "A", "roles": ["hoofd_innovatie"]}]))
    assert "inrichting-implementatie-groot" not in ids


# (c) staff who do not believe in the why --------------------------------------------------------------

def test_staff_who_do_not_believe_in_the_why_get_the_start_with_why_advice() -> None:
    ids = _ids(_assess({"soc_geloof_waarom": "weinig"}))
    assert "soc-waarom-eerst" in ids, ids
