"""Open world for people and roles (issue 13 point 1, docs/facts.md "Open world").

A people list names the people the consultant knows about. A conclusion may rest on a role's
absence only when that absence is stated (a role question, or ``people_complete``). The property:
take an organisation's true, complete people list; a consultant who knows only part of it (some
people, some of their roles), with nothing stated about absences, may reach fewer conclusions but
never one that the complete list contradicts.
"""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zorgadvies.api import advisor
from zorgadvies.facts import ROLE_QUESTIONS, derived_facts, role_presence
from zorgadvies.logic import conditions, reference_outcomes
from zorgadvies.stages import rule_outcomes

ADV = advisor()
KEY_ROLES = tuple(ROLE_QUESTIONS)
OTHER_ROLES = ("bestuurder", "manager", "ict")
COLOURS = ("rood", "geel", "groen", "blauw")
ROLE_RULES = [r for r in ADV.pack.rules if any(c.subject.startswith("roles.") for c in conditions(r.when))]


@st.composite
def people(draw: st.DrawFn) -> list[dict[str, Any]]:
    count = draw(st.integers(0, 4))
    result = []
    for i in range(count):
        roles = draw(st.lists(st.sampled_from(KEY_ROLES + OTHER_ROLES), min_size=1, max_size=3, unique=True))
        # A key role has one holder (seed 004 describes one head each); several holders with
        # different profiles leave the role's colour unknown, tested separately below.
        roles = [r for r in roles if r not in KEY_ROLES or all(r not in p["roles"] for p in result)] or ["manager"]
        person: dict[str, Any] = {"name": f"P{i}", "roles": roles}
        if draw(st.booleans()):
            person["disc"] = [draw(st.sampled_from(COLOURS))]
        result.append(person)
    return result


@st.composite
def partial(draw: st.DrawFn, full: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """What a consultant may know: some of the people, each with some of their roles."""
    known = []
    for person in full:
        if not draw(st.booleans()):
            continue
        roles = [r for r in person["roles"] if draw(st.booleans())] or [person["roles"][0]]
        known.append(person | {"roles": roles})
    return known


def _facts(people_list: list[dict[str, Any]] | None, complete: bool, answers: dict[str, str], employees: int) -> Any:
    data: dict[str, Any] = {"organisation": {"name": "o", "employees": employees}, "answers": answers}
    if people_list is not None:
        data["people"] = people_list
        data["people_complete"] = complete
    return ADV.load(data)


def _subset(small: dict[str, Any], large: dict[str, Any]) -> bool:
    return all(key in large and large[key] == value for key, value in small.items())


ANSWERS = {"rol_implementatie_vorm": "tijdelijke_projectteams", "rol_scheiding": "nee", "rol_innovatie_mandaat": "nee"}


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data(), people(), st.sampled_from([40, 900]))
def test_a_partial_people_list_never_concludes_what_the_complete_list_contradicts(data: st.DataObject, full: list[dict[str, Any]], employees: int) -> None:
    truth = _facts(full, True, ANSWERS, employees)
    known = data.draw(partial(full))
    for seen in (_facts(known, False, ANSWERS, employees), _facts(None, False, ANSWERS, employees)):
        derived, true_derived = derived_facts(seen), derived_facts(truth)
        roles = {k: v for k, v in derived.items() if k.startswith("roles.")}
        assert _subset(roles, true_derived), f"{roles} is not implied by the complete list {true_derived}"
        seen_out = reference_outcomes(ROLE_RULES, ADV.engine_facts(seen))
        true_out = reference_outcomes(ROLE_RULES, ADV.engine_facts(truth))
        assert _subset(seen_out, true_out), "a rule decided on the partial list disagrees with the complete list"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data(), people(), st.sampled_from([40, 900]))
def test_the_engine_agrees_no_role_rule_fires_on_an_unstated_absence(data: st.DataObject, full: list[dict[str, Any]], employees: int) -> None:
    known = data.draw(partial(full))
    seen = _facts(known, False, ANSWERS, employees)
    firings = ADV.engine.run(ADV.engine_facts(seen), 0)
    outcome = rule_outcomes(firings)
    truth = reference_outcomes(ROLE_RULES, ADV.engine_facts(_facts(full, True, ANSWERS, employees)))
    for rule in ROLE_RULES:
        if rule.id in outcome:
            assert truth.get(rule.id) == outcome[rule.id], f"{rule.id} decided on an absence nobody stated"


def test_a_stated_absence_is_a_fact() -> None:
    listed = [{"name": "A", "roles": ["hoofd_innovatie"]}]
    open_list = _facts(listed, False, {}, 40)
    assert role_presence(open_list, "hoofd_implementatie") is None
    assert "roles.hoofd_implementatie.present" not in derived_facts(open_list)
    assert "roles.zelfde_persoon" not in derived_facts(open_list)
    complete = derived_facts(_facts(listed, True, {}, 40))
    assert complete["roles.hoofd_implementatie.present"] == "nee"
    assert complete["roles.hoofd_implementatie.disc"] == "nvt"
    assert complete["roles.zelfde_persoon"] == "nee"
    asked = derived_facts(_facts(listed, False, {"rol_hoofd_implementatie_aanwezig": "nee"}, 40))
    assert asked["roles.hoofd_implementatie.present"] == "nee" and asked["roles.zelfde_persoon"] == "nee"
    said_yes = derived_facts(_facts(None, False, {"rol_hoofd_implementatie_aanwezig": "ja"}, 40))
    assert said_yes["roles.hoofd_implementatie.present"] == "ja"
    assert "roles.hoofd_implementatie.disc" not in said_yes  # present, but nobody's profile is known


def test_several_holders_with_different_profiles_give_no_colour() -> None:
    two = [{"name": "A", "roles": ["hoofd_innovatie"], "disc": ["rood"]}, {"name": "B", "roles": ["hoofd_innovatie"], "disc": ["geel"]}]
    assert "roles.hoofd_innovatie.disc" not in derived_facts(_facts(two, True, {}, 40))
    same = [two[0], two[1] | {"disc": ["rood", "geel"]}]
    assert derived_facts(_facts(same, True, {}, 40))["roles.hoofd_innovatie.disc"] == "rood"


def test_people_complete_needs_a_people_list() -> None:
    import pytest

    from zorgadvies.errors import InputError

    with pytest.raises(InputError, match="people_complete"):
        ADV.load({"organisation": {"name": "o"}, "people_complete": True})
    with pytest.raises(InputError, match="people_complete"):
        ADV.load({"organisation": {"name": "o"}, "people": [], "people_complete": "ja"})
