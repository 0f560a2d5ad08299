"""Loading facts, field by field: spellings, refusals, at-least answers, the combination of
respondents, derived facts and the input schema (issue 14: facts.py's surviving mutants).

Errors are checked by what a user acts on: the error class, the field, the file and line, the
suggested value, and the offending value in the message. The wording itself lives in the message
table (zorgadvies/messages.py) and is not repeated here.

The knowledge base gains two integer questions (the built-in questionnaire has none, but the
knowledge format allows them): one bounded 1..10, one unbounded.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest

from zorgadvies import load_knowledge
from zorgadvies.atleast import AtLeast
from zorgadvies.errors import InputError
from zorgadvies.facts import Respondent, combine_answers, derived_facts, input_schema, load_facts
from zorgadvies.knowledge import KnowledgeBase, Question

BASE = load_knowledge()


def _integer(qid: str, low: int | None, high: int | None) -> Question:
    return Question(id=qid, type="integer", nl=f"Hoeveel {qid}?", en=f"How many {qid}?", help_nl="", help_en="", informs=(), sources=(), minimum=low, maximum=high)


KB: KnowledgeBase = attrs.evolve(BASE, questions={**BASE.questions, "aantal_teams": _integer("aantal_teams", 1, 10), "aantal_vrij": _integer("aantal_vrij", None, None)})

BOOL, ORDERED, UNORDERED = "inn_directietafel", "mp_inzet", "rol_adoptie_eigenaar"
AD_HOC, GEPLAND, BREDER, PROACTIEF = KB.questions[ORDERED].value_ids


def _load(answers: dict[str, Any] | None = None, **top: Any) -> Any:
    data: dict[str, Any] = {"organisation": {"name": "T"}}
    if answers is not None:
        data["answers"] = answers
    return load_facts(data | top, KB)


def _refused(data: dict[str, Any] | str, tmp_path: Path | None = None) -> InputError:
    with pytest.raises(InputError) as caught:
        if isinstance(data, str):
            assert tmp_path is not None
            path = tmp_path / "facts.yaml"
            path.write_text(data, encoding="utf-8")
            load_facts(path, KB)
        else:
            load_facts(data, KB)
    return caught.value


def _answer_refused(qid: str, value: Any) -> InputError:
    return _refused({"organisation": {"name": "T"}, "answers": {qid: value}})


# --- spellings ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("qid", "written", "canonical"),
    [
        (BOOL, "ja", "ja"), (BOOL, " JA ", "ja"), (BOOL, "yes", "ja"), (BOOL, "Yes", "ja"), (BOOL, True, "ja"),
        (BOOL, "nee", "nee"), (BOOL, "No", "nee"), (BOOL, False, "nee"),
        (BOOL, None, "onbekend"), (BOOL, "onbekend", "onbekend"), (BOOL, " Unknown", "onbekend"),
        (BOOL, "nvt", "nvt"), (BOOL, "n.v.t.", "nvt"), (BOOL, "N/A", "nvt"), (BOOL, "n/a ", "nvt"),
        (ORDERED, GEPLAND, GEPLAND), (ORDERED, "N.V.T.", "nvt"), (ORDERED, "unknown", "onbekend"), (ORDERED, None, "onbekend"),
        (UNORDERED, "lijnmanagement", "lijnmanagement"), (UNORDERED, "n/a", "nvt"),
        ("aantal_teams", 1, 1), ("aantal_teams", 10, 10), ("aantal_teams", "nvt", "nvt"), ("aantal_teams", "Unknown", "onbekend"),
        ("aantal_vrij", -5, -5), ("aantal_vrij", 10**6, 10**6),
    ],
)
def test_every_accepted_spelling_loads_as_its_canonical_value(qid: str, written: Any, canonical: Any) -> None:
    facts = _load({qid: written})
    assert facts.answers == {qid: canonical}
    assert type(facts.answers[qid]) is type(canonical)  # True must not become 1, nor "ja" True
    derived = derived_facts(facts)
    assert derived.get(qid) == (None if canonical == "onbekend" else canonical)  # onbekend is no fact


# --- refusals -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("qid", "value", "hint"),
    [
        (BOOL, "jaa", "ja"),
        (BOOL, "neee", "nee"),
        (BOOL, "onbekent", "onbekend"),
        (BOOL, "nvtt", "nvt"),
        (BOOL, "misschien", None),
        (BOOL, 1, None),  # 1 == True in Python, but a number is no yes/no answer
        (BOOL, 0, None),
        (BOOL, ["ja"], None),
        ("aantal_teams", True, None),
        ("aantal_teams", "5", None),
        ("aantal_teams", 2.5, None),
        (ORDERED, "geplande_comunicatie", GEPLAND),
        (ORDERED, 3, None),
        (ORDERED, "ja", None),
        (UNORDERED, "lijnmanagment", "lijnmanagement"),
    ],
)
def test_a_wrong_answer_names_its_field_the_value_and_the_likely_intended_one(qid: str, value: Any, hint: str | None) -> None:
    err = _answer_refused(qid, value)
    assert err.field == f"answers.{qid}"
    assert err.hint == hint
    assert repr(value) in str(err) or str(value) in str(err)


@pytest.mark.parametrize(("value", "bound"), [(0, "1"), (-3, "1"), (11, "10"), (1000, "10")])
def test_a_number_outside_its_bounds_names_the_bound(value: int, bound: str) -> None:
    err = _answer_refused("aantal_teams", value)
    assert err.field == "answers.aantal_teams" and err.hint is None
    assert str(value) in err.message and bound in err.message


def test_a_refusal_in_a_file_names_the_file_and_the_line(tmp_path: Path) -> None:
    err = _refused("organisation:\n  name: T\nanswers:\n  mp_inzet: ad_hoc_communicatie\n  inn_directietafel: jaa\n", tmp_path)
    assert (err.file, err.line, err.field, err.hint) == (str(tmp_path / "facts.yaml"), 5, "answers.inn_directietafel", "ja")
    err = _refused("organisation:\n  name: T\nrespondents:\n  - name: A\n    answers: {}\n  - name: A\n    answers: {}\n", tmp_path)
    assert (err.field, err.line) == ("respondents.1.name", 6)
    assert "A" in err.message


def test_an_unknown_question_gets_the_nearest_id() -> None:
    err = _answer_refused("mp_inzett", GEPLAND)
    assert (err.field, err.hint) == ("answers.mp_inzett", ORDERED)


# --- at-least answers -----------------------------------------------------------------------


@pytest.mark.parametrize("bound", [AD_HOC, GEPLAND, BREDER, PROACTIEF])
def test_an_at_least_answer_may_be_any_value_from_its_bound_up(bound: str) -> None:
    order = KB.questions[ORDERED].value_ids
    facts = _load({ORDERED: {"minstens": bound}})
    assert facts.answers[ORDERED] == AtLeast(bound, order[order.index(bound):])
    assert facts.to_dict()["answers"][ORDERED] == {"minstens": bound}


@pytest.mark.parametrize(
    ("qid", "value", "field", "hint", "shown"),
    [
        (BOOL, {"minstens": "ja"}, f"answers.{BOOL}", None, BOOL),  # not an ordered choice
        (UNORDERED, {"minstens": "lijnmanagement"}, f"answers.{UNORDERED}", None, UNORDERED),
        ("aantal_teams", {"minstens": 2}, "answers.aantal_teams", None, "aantal_teams"),
        (ORDERED, {"minstens": GEPLAND, "extra": 1}, f"answers.{ORDERED}", None, "extra"),
        (ORDERED, {"minimum": GEPLAND}, f"answers.{ORDERED}", None, "minimum"),
        (ORDERED, {"minstns": GEPLAND}, f"answers.{ORDERED}", "minstens", "minstns"),
        (ORDERED, {}, f"answers.{ORDERED}", None, "minstens"),
        (ORDERED, {"minstens": "geplande_comunicatie"}, f"answers.{ORDERED}.minstens", GEPLAND, "geplande_comunicatie"),
        (ORDERED, {"minstens": 2}, f"answers.{ORDERED}.minstens", None, "2"),
        (ORDERED, {"minstens": None}, f"answers.{ORDERED}.minstens", None, "None"),
    ],
)
def test_a_bad_at_least_answer_names_the_field_and_what_is_wrong(qid: str, value: Any, field: str, hint: str | None, shown: str) -> None:
    err = _answer_refused(qid, value)
    assert (err.field, err.hint) == (field, hint)
    assert shown in err.message


# --- the document ---------------------------------------------------------------------------


@pytest.mark.parametrize(("written", "sector"), [("VVT", "ouderenzorg"), ("ouderenzorg/vvt", "ouderenzorg"), ("Ouderenzorg_VVT", "ouderenzorg"), (" GGZ ", "ggz"), ("onbekend", None), ("ziekenhuis", "ziekenhuis")])
def test_sector_spellings(written: str, sector: str | None) -> None:
    facts = load_facts({"organisation": {"name": "T", "sector": written}}, KB)
    assert facts.organisation.sector == sector
    assert derived_facts(facts).get("organisation.sector") == sector


@pytest.mark.parametrize(
    ("organisation", "field", "hint"),
    [
        ({"name": "T", "sector": "ziekenhuiz"}, "organisation.sector", "ziekenhuis"),
        ({"name": "T", "sector": 3}, "organisation.sector", None),
        ({"name": "T", "employees": -1}, "organisation.employees", None),
        ({"name": "T", "employees": 10_000_001}, "organisation.employees", None),
        ({"name": "T", "employees": "veel"}, "organisation.employees", None),
        ({"name": " "}, "organisation.name", None),
        ({"name": "T", "sectr": "ggz"}, "organisation.sectr", "sector"),
    ],
)
def test_a_bad_organisation_field_is_named(organisation: dict[str, Any], field: str, hint: str | None) -> None:
    err = _refused({"organisation": organisation})
    assert (err.field, err.hint) == (field, hint)


def test_employees_at_the_edges_and_unknown() -> None:
    assert load_facts({"organisation": {"name": "T", "employees": 0}}, KB).organisation.employees == 0
    big = load_facts({"organisation": {"name": "T", "employees": 10_000_000}}, KB)
    assert (big.organisation.employees, big.organisation.size_class) == (10_000_000, "groot")
    unknown = load_facts({"organisation": {"name": "T", "employees": "onbekend", "sector": "onbekend"}}, KB)
    assert (unknown.organisation.employees, unknown.organisation.size_class, unknown.organisation.sector) == (None, None, None)
    assert not any(k.startswith("organisation.") for k in derived_facts(unknown))
    assert derived_facts(big)["organisation.employees"] == 10_000_000


def test_the_top_level_is_checked() -> None:
    err = _refused({"organisation": {"name": "T"}, "answer": {}})
    assert (err.field, err.hint) == ("answer", "answers")
    assert "organisation" in str(_refused({"answers": {}}))
    assert _load(None).answers == {} and _load({}).answers == {}
    facts = load_facts({"organisation": {"name": "T"}, "answers": None}, KB)
    assert (facts.answers, facts.respondents, facts.disputes, facts.consensus, facts.source) == ({}, (), {}, {}, None)


def test_people_roles_keep_their_order_without_repeats_and_are_checked() -> None:
    facts = _load({}, people=[{"name": "P", "roles": ["manager", "bestuurder", "manager"]}, {"name": "Q", "roles": [], "disc": None}])
    assert [(p.name, p.roles, p.disc) for p in facts.people] == [("P", ("manager", "bestuurder"), None), ("Q", (), None)]
    assert _load({}).people is None and _load({}, people=[]).people == ()
    err = _refused({"organisation": {"name": "T"}, "people": [{"name": "P", "roles": ["manager", "managr"]}]})
    assert (err.field, err.hint) == ("people.0.roles.1", "manager")
    err = _refused({"organisation": {"name": "T"}, "people": [{"name": "P", "roles": ["manager"], "kleur": "rood"}]})
    assert err.field == "people.0.kleur"
    err = _refused({"organisation": {"name": "T"}, "people": [{"name": "", "roles": []}]})
    assert err.field == "people.0.name"


@pytest.mark.parametrize(("value", "field", "hint"), [("yes", "people_complete", "true"), (1, "people_complete", "true"), (None, "people_complete", "true")])
def test_people_complete_is_true_or_false(value: Any, field: str, hint: str) -> None:
    err = _refused({"organisation": {"name": "T"}, "people": [], "people_complete": value})
    assert (err.field, err.hint) == (field, hint)
    assert repr(value) in err.message


def test_people_complete_needs_the_list_and_defaults_to_false() -> None:
    err = _refused({"organisation": {"name": "T"}, "people_complete": True})
    assert (err.field, err.hint) == ("people_complete", "people: []")
    assert _load({}, people=[], people_complete=True).people_complete is True
    assert _load({}, people=[], people_complete=False).people_complete is False
    assert _load({}, people=[]).people_complete is False
    assert load_facts({"organisation": {"name": "T"}, "people_complete": False}, KB).people_complete is False


def test_respondents_are_checked_field_by_field() -> None:
    base = {"organisation": {"name": "T"}}
    err = _refused(base | {"respondents": [{"name": "A", "role": "managr", "answers": {}}]})
    assert (err.field, err.hint) == ("respondents.0.role", "manager")
    err = _refused(base | {"respondents": [{"name": "A", "answers": {}}, {"name": "B", "answers": {BOOL: "jaa"}}]})
    assert (err.field, err.hint) == (f"respondents.1.answers.{BOOL}", "ja")
    err = _refused(base | {"respondents": [{"name": "A", "answers": {}, "rol": "manager"}]})
    assert (err.field, err.hint) == ("respondents.0.rol", "role")
    err = _refused(base | {"respondents": [{"name": "A", "answers": {}}, {"name": "A", "answers": {}}]})
    assert err.field == "respondents.1.name" and "'A'" in err.message
    facts = load_facts(base | {"respondents": [{"name": "A", "role": "manager", "answers": None}, {"name": "B", "role": None, "answers": {BOOL: "yes"}}]}, KB)
    assert [(r.name, r.role, dict(r.answers)) for r in facts.respondents] == [("A", "manager", {}), ("B", None, {BOOL: "ja"})]


def test_the_consensus_is_kept_only_beside_respondents_and_answers_are_sorted() -> None:
    single = _load({UNORDERED: "lijnmanagement", BOOL: "ja", ORDERED: GEPLAND})
    assert list(single.answers) == sorted(single.answers) and single.consensus == {}
    data = {
        "organisation": {"name": "T"},
        "respondents": [{"name": "A", "answers": {ORDERED: GEPLAND, BOOL: "ja"}}, {"name": "B", "answers": {ORDERED: PROACTIEF}}],
        "answers": {UNORDERED: "lijnmanagement", ORDERED: BREDER},
    }
    facts = load_facts(data, KB)
    assert facts.consensus == {ORDERED: BREDER, UNORDERED: "lijnmanagement"} and list(facts.consensus) == sorted(facts.consensus)
    assert facts.answers == {BOOL: "ja", ORDERED: BREDER, UNORDERED: "lijnmanagement"} and list(facts.answers) == sorted(facts.answers)
    assert facts.disputes[ORDERED].consensus is True and facts.disputes[ORDERED].combined == BREDER
    assert facts.to_dict()["answers"] == {ORDERED: BREDER, UNORDERED: "lijnmanagement"}


def test_a_file_is_the_source_and_the_threshold_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_text("organisation: {name: T, employees: 120}\n", encoding="utf-8")
    facts = load_facts(path, KB, size_threshold=120)
    assert (facts.source, facts.size_threshold, facts.organisation.size_class) == (str(path), 120, "groot")
    assert load_facts({"organisation": {"name": "T", "employees": 119}}, KB, size_threshold=120).organisation.size_class == "klein"
    for bad in (0, -1, True, 2.5, "250"):
        with pytest.raises(InputError) as caught:
            load_facts({"organisation": {"name": "T"}}, KB, size_threshold=bad)  # type: ignore[arg-type]
        assert repr(bad) in caught.value.message


@pytest.mark.parametrize(("date", "ok"), [("2026-01-15", True), ("2024-02-29", True), ("2026-02-30", False), ("15-01-2026", False), ("2026-1-5", False), ("2026-01-15x", False)])
def test_the_assessment_date_is_a_real_date(date: str, ok: bool) -> None:
    data = {"organisation": {"name": "T"}, "assessment": {"date": date, "consultant": "C"}}
    if ok:
        assert load_facts(data, KB).assessment.to_dict() == {"date": date, "consultant": "C"}
    else:
        err = _refused(data)
        assert (err.field, err.hint) == ("assessment.date", "2026-01-15") and date in err.message


def test_the_assessment_block_is_optional_and_checked(tmp_path: Path) -> None:
    assert _load({}).assessment is None and _load({}, assessment=None).assessment is None
    assert _load({}, assessment={"round": "nulmeting"}).assessment.to_dict() == {"round": "nulmeting"}
    err = _refused({"organisation": {"name": "T"}, "assessment": {"consultent": "C"}})
    assert (err.field, err.hint) == ("assessment.consultent", "consultant")
    # An unquoted YAML date is read as a date and kept as YYYY-MM-DD.
    path = tmp_path / "f.yaml"
    path.write_text("organisation: {name: T}\nassessment: {date: 2026-03-04}\n", encoding="utf-8")
    assert load_facts(path, KB).assessment.date == "2026-03-04"


def test_notes_and_targets() -> None:
    facts = _load({}, toelichting={ORDERED: "zie jaarplan", BOOL: "notulen"}, doelen={"merk": "Georganiseerd ", "innovatie": 1, "marketingpraktijk": 4})
    assert list(facts.notes.items()) == [(BOOL, "notulen"), (ORDERED, "zie jaarplan")]
    pillar_order = [p.id for p in KB.pillars]
    assert dict(facts.targets) == {"merk": 3, "innovatie": 1, "marketingpraktijk": 4}
    assert list(facts.targets) == [p for p in pillar_order if p in facts.targets]
    for doelen, field, hint in (({"merk": 5}, "doelen.merk", None), ({"merk": 0}, "doelen.merk", None), ({"merkk": 2}, "doelen.merkk", "merk"), ({"merk": "hoog"}, "doelen.merk", None)):
        err = _refused({"organisation": {"name": "T"}, "doelen": doelen})
        assert (err.field, err.hint) == (field, hint)
    err = _refused({"organisation": {"name": "T"}, "toelichting": {"mp_inzett": "x"}})
    assert (err.field, err.hint) == ("toelichting.mp_inzett", ORDERED) and "mp_inzett" in err.message
    err = _refused({"organisation": {"name": "T"}, "toelichting": {ORDERED: ""}})
    assert err.field == f"toelichting.{ORDERED}"


# --- combining respondents ------------------------------------------------------------------


def _combine(qid: str, *answers: Any, consensus: dict[str, Any] | None = None) -> tuple[Any, Any]:
    respondents = [Respondent(f"R{i}", None, {qid: a}) for i, a in enumerate(answers)]
    combined, disputes = combine_answers(respondents, consensus or {}, KB)
    return combined.get(qid), disputes.get(qid)


def test_numbers_take_the_lower_median_by_value_not_by_text() -> None:
    # As text "10" < "3" < "5"; by value 3 < 5 < 10.
    assert _combine("aantal_teams", 10, 3, 5)[0] == 5
    assert _combine("aantal_teams", 10, 3)[0] == 3
    assert _combine("aantal_teams", 2, 2, 9) == (2, _combine("aantal_teams", 2, 2, 9)[1])
    value, dispute = _combine("aantal_teams", 4, 4)
    assert (value, dispute) == (4, None)


def test_an_at_least_answer_counts_at_its_bound_and_below_an_exact_answer_there() -> None:
    order = KB.questions[ORDERED].value_ids
    at_least = AtLeast(GEPLAND, order[1:])
    assert _combine(ORDERED, GEPLAND, at_least)[0] == at_least  # lower median: the one that says less
    assert _combine(ORDERED, at_least, GEPLAND)[0] == at_least
    assert _combine(ORDERED, GEPLAND, at_least, PROACTIEF)[0] == GEPLAND
    assert _combine(ORDERED, AtLeast(BREDER, order[2:]), GEPLAND, AD_HOC)[0] == GEPLAND
    # An at-least answer from the lowest value still ranks (rank 0), above nothing.
    lowest = AtLeast(AD_HOC, order)
    assert _combine(ORDERED, lowest, PROACTIEF)[0] == lowest


def test_unordered_answers_take_the_most_frequent_and_a_tie_is_unknown() -> None:
    assert _combine(UNORDERED, "bij_indiener", "lijnmanagement", "lijnmanagement")[0] == "lijnmanagement"
    assert _combine(UNORDERED, "lijnmanagement", "bij_indiener", "bij_indiener", "nvt")[0] == "bij_indiener"
    value, dispute = _combine(UNORDERED, "lijnmanagement", "bij_indiener")
    assert value == "onbekend" and dispute.combined == "onbekend" and dispute.consensus is False
    assert _combine(UNORDERED, "nvt", "nvt") == ("nvt", None)
    assert _combine(UNORDERED, "onbekend", "onbekend") == ("onbekend", None)


def test_nvt_mixed_with_ordered_answers_is_counted_not_ranked() -> None:
    # nvt has no rank: with it among the answers, the most frequent answer wins.
    assert _combine(ORDERED, "nvt", PROACTIEF, PROACTIEF, AD_HOC)[0] == PROACTIEF
    assert _combine(ORDERED, "nvt", "nvt", AD_HOC)[0] == "nvt"
    assert _combine(ORDERED, "nvt", AD_HOC)[0] == "onbekend"
    assert _combine("aantal_teams", "nvt", 3, 3, 9)[0] == 3


def test_disputes_list_who_said_what_by_name_and_questions_in_order() -> None:
    respondents = [
        Respondent("Zoë", None, {ORDERED: PROACTIEF, BOOL: "ja"}),
        Respondent("Anna", None, {ORDERED: AD_HOC, BOOL: "nee", UNORDERED: "onbekend"}),
        Respondent("Bas", None, {ORDERED: "onbekend", BOOL: "ja"}),
    ]
    combined, disputes = combine_answers(respondents, {"aantal_teams": 4}, KB)
    assert list(disputes) == sorted([ORDERED, BOOL])
    assert list(disputes[ORDERED].answers.items()) == [("Anna", AD_HOC), ("Zoë", PROACTIEF)]
    assert list(disputes[BOOL].answers) == ["Anna", "Bas", "Zoë"]
    assert combined == {BOOL: "ja", ORDERED: AD_HOC, UNORDERED: "onbekend", "aantal_teams": 4}
    assert "aantal_teams" not in disputes  # a consensus nobody disputes is no dispute
    assert disputes[ORDERED].to_dict() == {"question": ORDERED, "answers": {"Anna": AD_HOC, "Zoë": PROACTIEF}, "combined": AD_HOC, "consensus": False}


# --- derived facts --------------------------------------------------------------------------


def _roles(people: list[dict[str, Any]] | None, answers: dict[str, str] | None = None, complete: bool = False) -> dict[str, Any]:
    data: dict[str, Any] = {"organisation": {"name": "T"}, "answers": answers or {}}
    if people is not None:
        data["people"] = people
    if complete:
        data["people_complete"] = True
    return {k: v for k, v in derived_facts(load_facts(data, KB)).items() if k.startswith("roles.")}


def test_role_facts_follow_the_people_and_the_questions() -> None:
    hi, himp = "hoofd_innovatie", "hoofd_implementatie"
    assert _roles(None) == {}
    assert _roles([{"name": "P", "roles": [hi], "disc": "rood"}]) == {f"roles.{hi}.present": "ja", f"roles.{hi}.disc": "rood"}
    # Two holders with the same primary colour give it; different colours give none.
    same = [{"name": "P", "roles": [hi], "disc": "geel"}, {"name": "Q", "roles": [hi], "disc": ["geel", "rood"]}]
    assert _roles(same)[f"roles.{hi}.disc"] == "geel"
    differ = [{"name": "P", "roles": [hi], "disc": "geel"}, {"name": "Q", "roles": [hi], "disc": "blauw"}]
    assert f"roles.{hi}.disc" not in _roles(differ)
    # A stated absence is a fact, with no colour (nvt), and says the roles are not one person.
    absent = _roles(None, {"rol_hoofd_innovatie_aanwezig": "nee"})
    assert absent == {f"roles.{hi}.present": "nee", f"roles.{hi}.disc": "nvt", "roles.zelfde_persoon": "nee"}
    complete = _roles([], complete=True)
    assert complete == {f"roles.{hi}.present": "nee", f"roles.{hi}.disc": "nvt", f"roles.{himp}.present": "nee", f"roles.{himp}.disc": "nvt", "roles.zelfde_persoon": "nee"}
    both = _roles([{"name": "P", "roles": [hi, himp]}])
    assert both == {f"roles.{hi}.present": "ja", f"roles.{himp}.present": "ja", "roles.zelfde_persoon": "ja"}
    two = _roles([{"name": "P", "roles": [hi]}, {"name": "Q", "roles": [himp]}])
    assert "roles.zelfde_persoon" not in two  # P may hold the other role too: the list is not complete
    assert _roles([{"name": "P", "roles": [hi]}, {"name": "Q", "roles": [himp]}], complete=True)["roles.zelfde_persoon"] == "nee"
    # The role question says ja without a listed holder: present, colour unknown.
    assert _roles(None, {"rol_hoofd_implementatie_aanwezig": "ja"}) == {f"roles.{himp}.present": "ja"}


def test_derived_facts_are_sorted_and_skip_only_the_unknown() -> None:
    facts = load_facts({"organisation": {"name": "T", "sector": "ggz", "employees": 30}, "answers": {ORDERED: "nvt", BOOL: "onbekend", UNORDERED: "bij_indiener"}}, KB)
    derived = derived_facts(facts)
    assert derived == {ORDERED: "nvt", "organisation.employees": 30, "organisation.sector": "ggz", "organisation.size_class": "klein", UNORDERED: "bij_indiener"}
    assert list(derived) == sorted(derived)


# --- the input schema -----------------------------------------------------------------------


def _valid(schema: dict[str, Any], document: dict[str, Any]) -> bool:
    return jsonschema.Draft202012Validator(schema).is_valid(document)


def test_the_input_schema_says_what_each_answer_may_be() -> None:
    schema = input_schema(KB)
    jsonschema.Draft202012Validator.check_schema(schema)

    def ok(answers: dict[str, Any]) -> bool:
        return _valid(schema, {"organisation": {"name": "T"}, "answers": answers}) and _valid(schema, {"organisation": {"name": "T"}, "respondents": [{"name": "A", "answers": answers}]})

    for value, accepted in ((1, True), (10, True), (0, False), (11, False), ("nvt", True), ("onbekend", True), ("x", False), (2.5, False)):
        assert ok({"aantal_teams": value}) is accepted, value
    assert ok({"aantal_vrij": -7}) and ok({"aantal_vrij": 10**6})
    for value, accepted in (("ja", True), (True, True), (False, True), ("nee", True), ("nvt", True), ("misschien", False), ({"minstens": "ja"}, False)):
        assert ok({BOOL: value}) is accepted, value
    for value, accepted in ((GEPLAND, True), ("nvt", True), ({"minstens": BREDER}, True), ({"minstens": "x"}, False), ({"minstens": BREDER, "x": 1}, False), ({}, False), ("x", False)):
        assert ok({ORDERED: value}) is accepted, value
    for value, accepted in (("lijnmanagement", True), ("onbekend", True), ({"minstens": "lijnmanagement"}, False)):
        assert ok({UNORDERED: value}) is accepted, value
    assert not ok({"mp_inzett": GEPLAND})
    props = schema["properties"]["answers"]["properties"]
    assert props["aantal_teams"]["description"] == "Hoeveel aantal_teams?"
    assert all(props[q]["description"] == KB.questions[q].nl for q in (BOOL, ORDERED, UNORDERED))
    assert list(props) == sorted(KB.questions)


@pytest.mark.parametrize(
    ("part", "accepted"),
    [
        ({"organisation": {"name": "T", "employees": 0, "sector": "onbekend"}}, True),
        ({"organisation": {"name": "T", "employees": -1}}, False),
        ({"organisation": {"name": "T", "employees": "onbekend"}}, True),
        ({"organisation": {"name": ""}}, False),
        ({"organisation": {"name": "T", "sector": "zorg"}}, False),
        ({"people": [{"name": "P", "roles": ["manager"], "disc": "SI"}]}, True),
        ({"people": [{"name": "P", "roles": ["manager"], "disc": "SX"}]}, False),
        ({"people": [{"name": "P", "roles": ["manager"], "disc": ["rood", "geel"]}]}, True),
        ({"people": [{"name": "P", "roles": ["manager"], "disc": []}]}, False),
        ({"people": [{"name": "P", "roles": ["manager"], "disc": {"D": 10, "I": 20, "S": 30, "C": 100}}]}, True),
        ({"people": [{"name": "P", "roles": ["manager"], "disc": {"rood": 10, "geel": 20, "groen": 30, "blauw": 101}}]}, False),
        ({"people": [{"name": "P", "roles": ["manager"], "disc": {"rood": 10, "geel": 20, "groen": 30}}]}, False),
        ({"people": [{"name": "P", "roles": ["baas"]}]}, False),
        ({"people": [{"roles": []}]}, False),
        ({"people_complete": True, "people": []}, True),
        ({"people_complete": "ja"}, False),
        ({"doelen": {"merk": 4, "innovatie": "georganiseerd"}}, True),
        ({"doelen": {"merk": 5}}, False),
        ({"doelen": {"merk": 0}}, False),
        ({"doelen": {"merkk": 2}}, False),
        ({"assessment": {"date": "2026-01-15", "round": "nulmeting"}}, True),
        ({"assessment": {"date": "15-01-2026"}}, False),
        ({"assessment": {"consultant": ""}}, False),
        ({"toelichting": {ORDERED: "jaarplan"}}, True),
        ({"toelichting": {ORDERED: ""}}, False),
        ({"toelichting": {"mp_inzett": "x"}}, False),
        ({"respondents": [{"name": "A", "role": "manager", "answers": {}}]}, True),
        ({"respondents": [{"name": "A", "role": "baas", "answers": {}}]}, False),
        ({"respondents": [{"name": "A"}]}, False),
        ({"extra": 1}, False),
    ],
)
def test_the_input_schema_agrees_with_the_loader(part: dict[str, Any], accepted: bool) -> None:
    document = {"organisation": {"name": "T"}} | part
    assert _valid(input_schema(KB), document) is accepted
    try:
        load_facts(document, KB)
        loaded = True
    except InputError:
        loaded = False
    assert loaded is accepted


# --- sources: workbooks, folders, limits, mappings -------------------------------------------


def _workbook(path: Path, respondent: str) -> Path:
    import io

    from openpyxl import load_workbook

    from zorgadvies.workbook import INFO_SHEET, questionnaire_workbook

    book = load_workbook(io.BytesIO(questionnaire_workbook(KB, "Org")))
    book[INFO_SHEET]["B3"] = respondent
    book.save(path)
    return path


def test_a_folder_of_workbooks_with_a_facts_file_is_one_organisation(tmp_path: Path) -> None:
    _workbook(tmp_path / "a.xlsx", "Anna")
    _workbook(tmp_path / "b.XLSX", "Bas")
    (tmp_path / "~$a.xlsx").write_bytes(b"an office lock file, not a workbook")
    (tmp_path / ".b.xlsx").write_bytes(b"hidden")
    (tmp_path / ".hidden.yaml").write_text("[not, the, facts]\n", encoding="utf-8")
    (tmp_path / "org.yaml").write_text("organisation: {name: Org, sector: ggz}\n", encoding="utf-8")
    facts = load_facts(tmp_path, KB)
    assert [r.name for r in facts.respondents] == ["Anna", "Bas"]
    assert (facts.organisation.name, facts.organisation.sector, facts.source) == ("Org", "ggz", str(tmp_path))
    single = load_facts(tmp_path / "b.XLSX", KB)
    assert [r.name for r in single.respondents] == ["Bas"] and single.organisation.sector is None


def test_a_folder_that_is_not_one_organisation_is_refused_naming_it(tmp_path: Path) -> None:
    (tmp_path / "org.yaml").write_text("organisation: {name: Org}\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_facts(tmp_path, KB)
    assert caught.value.file == str(tmp_path) and "xlsx" in caught.value.message
    _workbook(tmp_path / "a.xlsx", "Anna")
    (tmp_path / "other.json").write_text("{}", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_facts(tmp_path, KB)
    assert caught.value.file == str(tmp_path) and "2" in caught.value.message
    (tmp_path / "other.json").unlink()
    (tmp_path / "org.yaml").write_text("- a list\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_facts(tmp_path, KB)
    assert caught.value.file == str(tmp_path / "org.yaml")


@pytest.mark.parametrize(("setting", "limit"), [(None, 5 * 2**20), ("", 5 * 2**20), ("1", 2**20), ("0.5", 2**19), ("4096", 4096 * 2**20)])
def test_the_facts_size_limit(monkeypatch: pytest.MonkeyPatch, setting: str | None, limit: int) -> None:
    from zorgadvies.facts import MAX_INPUT_ENV, max_facts_bytes

    if setting is None:
        monkeypatch.delenv(MAX_INPUT_ENV, raising=False)
    else:
        monkeypatch.setenv(MAX_INPUT_ENV, setting)
    assert max_facts_bytes() == limit


@pytest.mark.parametrize("setting", ["abc", "0", "-1", "4097", "nan", "409700000000000000000000"])
def test_a_bad_size_limit_names_the_variable(monkeypatch: pytest.MonkeyPatch, setting: str) -> None:
    from zorgadvies.facts import MAX_INPUT_ENV, max_facts_bytes

    monkeypatch.setenv(MAX_INPUT_ENV, setting)
    with pytest.raises(InputError) as caught:
        max_facts_bytes()
    assert caught.value.field == f"${MAX_INPUT_ENV}" and repr(setting[:20]) in caught.value.message
    assert len(setting) <= 20 or setting not in caught.value.message  # a long value is cut short


def test_a_file_over_the_limit_is_refused_and_one_under_it_read(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from zorgadvies.facts import MAX_INPUT_ENV

    path = tmp_path / "f.yaml"
    path.write_text("organisation: {name: T}\n# " + "x" * 1200 + "\n", encoding="utf-8")
    monkeypatch.setenv(MAX_INPUT_ENV, str(2000 / 2**20))
    assert load_facts(path, KB).organisation.name == "T"
    monkeypatch.setenv(MAX_INPUT_ENV, str(1000 / 2**20))
    with pytest.raises(InputError) as caught:
        load_facts(path, KB)
    assert caught.value.file == str(path) and MAX_INPUT_ENV in caught.value.message


def test_a_mapping_from_a_program_is_copied_into_plain_data() -> None:
    from types import MappingProxyType

    from zorgadvies.yamlio import MAX_DEPTH

    data = MappingProxyType({"organisation": MappingProxyType({"name": "T"}), "people": ({"name": "P", "roles": ("manager",)},), "answers": {BOOL: "ja"}})
    facts = load_facts(data, KB)
    assert facts.people[0].roles == ("manager",) and facts.answers == {BOOL: "ja"}
    deep: dict[str, Any] = {"organisation": {"name": "T"}}
    node = deep
    for _ in range(MAX_DEPTH + 1):
        node["x"] = {}
        node = node["x"]
    with pytest.raises(InputError) as caught:
        load_facts(deep, KB)
    assert str(MAX_DEPTH) in caught.value.message
    loop: dict[str, Any] = {"organisation": {"name": "T"}}
    loop["answers"] = loop
    with pytest.raises(InputError):
        load_facts(loop, KB)
    with pytest.raises(InputError) as caught:
        load_facts(42, KB)  # type: ignore[arg-type]
    assert "int" in caught.value.message


def test_an_assessment_from_a_program_may_give_a_date_object_and_other_fields_must_be_text() -> None:
    import datetime

    facts = _load({}, assessment={"date": datetime.date(2026, 3, 4), "consultant": "C"})
    assert facts.assessment.to_dict() == {"date": "2026-03-04", "consultant": "C"}
    for block, field in (("gisteren", "assessment"), (["2026-03-04"], "assessment"), ({"consultant": 5}, "assessment.consultant"), ({"round": ""}, "assessment.round")):
        err = _refused({"organisation": {"name": "T"}, "assessment": block})
        assert err.field == field, block


def test_the_depth_limit_of_a_mapping_is_exact() -> None:
    from zorgadvies.yamlio import MAX_DEPTH

    def nested(levels: int) -> dict[str, Any]:
        # The top mapping is depth 0; the innermost value sits at depth ``levels``.
        data: dict[str, Any] = {"organisation": {"name": "T"}}
        node = data
        for _ in range(levels - 1):
            node["x"] = {}
            node = node["x"]
        node["x"] = 1
        return data

    def listed(levels: int) -> dict[str, Any]:
        value: Any = 1
        for _ in range(levels - 1):
            value = [value]
        return {"organisation": {"name": "T"}, "x": value}

    # At the limit the data is read, and refused only for its unknown field; one deeper is too deep.
    for build in (nested, listed):
        assert _refused(build(MAX_DEPTH)).field == "x"
        too_deep = _refused(build(MAX_DEPTH + 1))
        assert too_deep.field is None and str(MAX_DEPTH) in too_deep.message


def test_an_at_least_answer_from_the_lowest_value_sorts_below_that_value() -> None:
    order = KB.questions[ORDERED].value_ids
    lowest = AtLeast(AD_HOC, order)
    assert _combine(ORDERED, AD_HOC, lowest)[0] == lowest
    assert _combine(ORDERED, lowest, AD_HOC)[0] == lowest


def test_a_folder_of_workbooks_alone_or_with_a_yml_or_broken_facts_file(tmp_path: Path) -> None:
    _workbook(tmp_path / "a.xlsx", "Anna")
    alone = load_facts(tmp_path, KB)
    assert (alone.organisation.name, [r.name for r in alone.respondents]) == ("Org", ["Anna"])
    (tmp_path / "org.yml").write_text("organisation: {name: Org, employees: 300}\n", encoding="utf-8")
    assert load_facts(tmp_path, KB).organisation.size_class == "groot"
    (tmp_path / "org.yml").write_text("organisation: {name: Org, sector: ziekenhuiz}\n", encoding="utf-8")
    err = _refused_path(tmp_path)
    assert (err.field, err.hint) == ("organisation.sector", "ziekenhuis")
    (tmp_path / "org.yml").write_text("organisation: [\n", encoding="utf-8")
    err = _refused_path(tmp_path)
    assert err.file == str(tmp_path / "org.yml")
    (tmp_path / "org.yml").write_text("- a list\n", encoding="utf-8")
    err = _refused_path(tmp_path)
    assert err.file == str(tmp_path / "org.yml") and err.message


def _refused_path(path: Path) -> InputError:
    with pytest.raises(InputError) as caught:
        load_facts(path, KB)
    return caught.value


@pytest.mark.parametrize("key", ["doelen", "toelichting"])
def test_targets_and_notes_must_be_mappings(key: str) -> None:
    err = _refused({"organisation": {"name": "T"}, key: ["merk"]})
    assert err.field == key
    err = _refused({"organisation": {"name": "T"}, "doelen": {"merkk": 2}})
    assert "merkk" in err.message


def test_answers_must_be_a_mapping_named_by_where_they_are() -> None:
    assert _refused({"organisation": {"name": "T"}, "answers": ["ja"]}).field == "answers"
    err = _refused({"organisation": {"name": "T"}, "respondents": [{"name": "A", "answers": "ja"}]})
    assert err.field == "respondents.0.answers"


def test_a_file_that_is_not_a_mapping_is_refused_as_a_whole(tmp_path: Path) -> None:
    err = _refused("- organisation\n- answers\n", tmp_path)
    assert (err.file, err.field) == (str(tmp_path / "facts.yaml"), None)


@pytest.mark.parametrize(
    ("part", "field"),
    [
        ({"organisation": "T"}, "organisation"),
        ({"people": {"name": "P"}}, "people"),
        ({"people": ["P"]}, "people.0"),
        ({"people": [{"name": "P", "roles": "manager"}]}, "people.0.roles"),
        ({"respondents": {"name": "A"}}, "respondents"),
        ({"respondents": ["A"]}, "respondents.0"),
        ({"respondents": [{"name": "", "answers": {}}]}, "respondents.0.name"),
    ],
)
def test_a_block_of_the_wrong_shape_is_named_by_its_path(part: dict[str, Any], field: str) -> None:
    assert _refused({"organisation": {"name": "T"}} | part).field == field


def test_people_complete_without_a_list_says_why() -> None:
    err = _refused({"organisation": {"name": "T"}, "people_complete": True})
    assert err.message and err.field == "people_complete"
