"""Facts: the size boundary and the combination of respondents, on cases that separate semantics."""

from __future__ import annotations

from typing import Any

import pytest

import yaml

from zorgadvies.api import Advisor
from zorgadvies.errors import InputError
from zorgadvies.facts import DEFAULT_SIZE_THRESHOLD, derived_facts

from conftest import ROOT

# These tests compare English message text; the default language is Dutch (zorgadvies/messages.py).
pytestmark = pytest.mark.usefixtures("english")

# mp_inzet is ordered ad_hoc_communicatie < geplande_communicatie < breder_dan_communicatie <
# proactief_strategisch; alphabetically 'breder' sorts first, so text order and rank order differ.
AD_HOC, GEPLAND, BREDER, PROACTIEF = "ad_hoc_communicatie", "geplande_communicatie", "breder_dan_communicatie", "proactief_strategisch"


def _org(employees: Any) -> dict[str, Any]:
    return {"organisation": {"name": "T", "employees": employees}, "answers": {}}


@pytest.mark.parametrize(("employees", "expected"), [(0, "klein"), (249, "klein"), (250, "groot"), (251, "groot")])
def test_the_default_size_boundary_is_250_inclusive(adv: Advisor, employees: int, expected: str) -> None:
    assert DEFAULT_SIZE_THRESHOLD == 250
    facts = adv.load(_org(employees))
    assert facts.organisation.size_class == expected
    assert derived_facts(facts)["organisation.size_class"] == expected
    assert adv.assess(facts).organisation["size_class"] == expected


@pytest.mark.parametrize(("employees", "threshold", "expected"), [(99, 100, "klein"), (100, 100, "groot"), (101, 100, "groot"), (1, 1, "groot"), (300, 301, "klein")])
def test_a_configured_threshold_moves_the_boundary(adv: Advisor, employees: int, threshold: int, expected: str) -> None:
    assert adv.load(_org(employees), size_threshold=threshold).organisation.size_class == expected


def test_the_size_class_decides_which_variant_of_advice_fires(adv: Advisor) -> None:
    def ids(employees: int) -> set[str]:
        data = {"organisation": {"name": "T", "sector": "ouderenzorg", "employees": employees}, "people": [], "people_complete": True, "answers": {"rol_implementatie_vorm": "geen_vaste_vorm"}}
        return {r.id for r in adv.assess(data).recommendations}

    below, at = ids(249), ids(250)
    assert "inrichting-innovatie-klein" in below and "inrichting-innovatie-groot" not in below
    assert "inrichting-innovatie-groot" in at and "inrichting-innovatie-klein" not in at


def test_unknown_employees_have_no_size_class(adv: Advisor) -> None:
    facts = adv.load(_org("onbekend"))
    assert facts.organisation.size_class is None
    assert "organisation.size_class" not in derived_facts(facts)


def _combined(adv: Advisor, *answers: str, consensus: dict[str, str] | None = None) -> tuple[object, Any]:
    data = {
        "organisation": {"name": "R"},
        "respondents": [{"name": f"R{i}", "answers": {"mp_inzet": a}} for i, a in enumerate(answers)],
        "answers": consensus or {},
    }
    facts = adv.load(data)
    return facts.answers.get("mp_inzet"), facts.disputes.get("mp_inzet")


def test_the_median_is_taken_by_rank_not_by_text(adv: Advisor) -> None:
    # By rank: gepland < breder < proactief, median breder. By text: breder < gepland < proactief.
    for order in [(BREDER, PROACTIEF, GEPLAND), (GEPLAND, BREDER, PROACTIEF), (PROACTIEF, GEPLAND, BREDER)]:
        assert _combined(adv, *order)[0] == BREDER


def test_an_even_number_of_answers_takes_the_lower_median(adv: Advisor) -> None:
    assert _combined(adv, PROACTIEF, AD_HOC, BREDER, GEPLAND)[0] == GEPLAND
    assert _combined(adv, BREDER, GEPLAND)[0] == GEPLAND
    assert _combined(adv, PROACTIEF, BREDER)[0] == BREDER


def test_nvt_among_ordered_answers_is_a_vote_not_a_rank(adv: Advisor) -> None:
    # nvt has no rank, so the answers are counted: the most frequent wins, a tie is unknown.
    assert _combined(adv, "nvt", "nvt", GEPLAND, PROACTIEF)[0] == "nvt"
    assert _combined(adv, "nvt", GEPLAND, GEPLAND, PROACTIEF)[0] == GEPLAND
    value, dispute = _combined(adv, "nvt", GEPLAND, PROACTIEF)
    assert value == "onbekend"
    assert dispute is not None and dispute.answers == {"R0": "nvt", "R1": GEPLAND, "R2": PROACTIEF}


def test_unknown_answers_do_not_vote_and_all_unknown_is_unknown(adv: Advisor) -> None:
    assert _combined(adv, "onbekend", PROACTIEF, "onbekend") == (PROACTIEF, None)
    assert _combined(adv, "onbekend", "onbekend")[0] == "onbekend"
    # Two known answers and an unknown: the median of the two known ones, the unknown one unlisted.
    value, dispute = _combined(adv, "onbekend", PROACTIEF, AD_HOC)
    assert value == AD_HOC and dispute.answers == {"R1": PROACTIEF, "R2": AD_HOC}


def test_a_dispute_records_the_combined_answer_unless_a_consensus_settles_it(adv: Advisor) -> None:
    value, dispute = _combined(adv, AD_HOC, PROACTIEF, BREDER)
    assert value == BREDER and (dispute.combined, dispute.consensus) == (BREDER, False)
    value, dispute = _combined(adv, AD_HOC, PROACTIEF, BREDER, consensus={"mp_inzet": PROACTIEF})
    assert value == PROACTIEF and (dispute.combined, dispute.consensus) == (PROACTIEF, True)


@pytest.mark.parametrize("example", sorted((ROOT / "examples").glob("*.yaml")), ids=lambda p: p.stem)
def test_the_canonical_form_loads_back_to_the_same_facts(adv: Advisor, example: Any) -> None:
    # Facts.to_dict is what the audit log, the interview and what-if store and reload: it must keep
    # everything that decides an assessment (answers, respondents, consensus, people, organisation).
    facts = adv.load(example)
    data = facts.to_dict()
    again = adv.load(data)
    assert again.to_dict() == data
    assert (again.answers, again.disputes, again.people, again.organisation) == (facts.answers, facts.disputes, facts.people, facts.organisation)
    assert adv.assess(again).to_json() == adv.assess(facts).to_json()
    raw = yaml.safe_load(example.read_text(encoding="utf-8"))
    assert data["organisation"]["name"] == raw["organisation"]["name"]
    assert [p["name"] for p in data.get("people", [])] == [p["name"] for p in raw.get("people", [])]
    if "respondents" in raw:
        assert [r["name"] for r in data["respondents"]] == [r["name"] for r in raw["respondents"]]
        assert data["answers"] == dict(sorted(raw.get("answers", {}).items()))  # only the consensus


def _disc(adv: Advisor, disc: Any) -> Any:
    people = [{"name": "A", "roles": ["hoofd_innovatie"], "disc": disc}]
    return adv.load({"organisation": {"name": "T"}, "people": people, "answers": {}}).people[0].disc


FOUR = {"rood": 20, "geel": 85, "groen": 40, "blauw": 10}


@pytest.mark.parametrize(
    ("disc", "colours"),
    [
        ("SI", ("groen", "geel")), ("D", ("rood",)), ("C", ("blauw",)), ("rood", ("rood",)), ("Blue", ("blauw",)),
        ("rood/geel", ("rood", "geel")), ("groen, blauw", ("groen", "blauw")), ("s", ("groen",)), ("i,D", ("geel", "rood")),
        (["geel", "D"], ("geel", "rood")), (["yellow"], ("geel",)),
    ],
)
def test_a_disc_profile_in_every_written_form(adv: Advisor, disc: Any, colours: tuple[str, ...]) -> None:
    parsed = _disc(adv, disc)
    assert parsed.colours == colours and parsed.primary == colours[0] and parsed.scores is None


def test_disc_scores_order_the_colours_strongest_first_and_ties_by_the_model(adv: Advisor) -> None:
    parsed = _disc(adv, FOUR)
    assert parsed.colours == ("geel", "groen", "rood", "blauw") and dict(parsed.scores) == FOUR
    assert _disc(adv, {"D": 50, "I": 50, "S": 0, "C": 100}).colours == ("blauw", "rood", "geel", "groen")
    assert _disc(adv, {"blue": 0, "green": 0, "yellow": 0, "red": 0}).colours == ("rood", "geel", "groen", "blauw")
    assert _disc(adv, {"rood": 0.5, "geel": 100, "groen": 0, "blauw": 99.5}).colours[:2] == ("geel", "blauw")


@pytest.mark.parametrize(
    ("disc", "field", "message"),
    [
        ("x", "people.0.disc", "unknown DISC colour 'x': use rood, geel, groen or blauw (or the letters D, I, S, C)"),
        ("rood/paars", "people.0.disc", "unknown DISC colour 'paars': use rood, geel, groen or blauw (or the letters D, I, S, C)"),
        (["rood", "groene"], "people.0.disc.1", "unknown DISC colour 'groene': use rood, geel, groen or blauw (or the letters D, I, S, C)"),
        ("rood,rood", "people.0.disc", "a DISC colour is given twice"),
        ("DD", "people.0.disc", "a DISC colour is given twice"),
        ([], "people.0.disc", "the DISC profile is empty"),
        (5, "people.0.disc", "a DISC profile is a colour, a list of colours, letters like 'SI', or the four scores"),
        ({"rood": 10}, "people.0.disc", "a DISC report gives all four scores; missing: geel, groen, blauw"),
        ({"rood": 10, "geel": 1, "blauw": 1}, "people.0.disc", "a DISC report gives all four scores; missing: groen"),
        (FOUR | {"rood": 101}, "people.0.disc.rood", "a DISC score must be a number from 0 to 100, not 101"),
        (FOUR | {"geel": -1}, "people.0.disc.geel", "a DISC score must be a number from 0 to 100, not -1"),
        (FOUR | {"geel": True}, "people.0.disc.geel", "a DISC score must be a number from 0 to 100, not True"),
        (FOUR | {"geel": "hoog"}, "people.0.disc.geel", "a DISC score must be a number from 0 to 100, not 'hoog'"),
        (FOUR | {"D": 5}, "people.0.disc.D", "DISC colour 'rood' is given twice"),
        ({"paars": 5}, "people.0.disc.paars", "unknown DISC colour 'paars': use rood, geel, groen or blauw (or the letters D, I, S, C)"),
    ],
)
def test_a_bad_disc_profile_names_the_field_and_the_problem(adv: Advisor, disc: Any, field: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        _disc(adv, disc)
    assert (caught.value.field, caught.value.message) == (field, message)


def test_the_edges_of_the_score_range_are_accepted(adv: Advisor) -> None:
    assert dict(_disc(adv, {"rood": 0, "geel": 100, "groen": 0.0, "blauw": 100.0}).scores) == {"rood": 0, "geel": 100, "groen": 0.0, "blauw": 100.0}


def test_a_misspelt_colour_gets_a_suggestion(adv: Advisor) -> None:
    with pytest.raises(InputError) as caught:
        _disc(adv, ["groene"])
    assert caught.value.hint is not None and "groen" in caught.value.hint


def test_a_respondent_keeps_a_stated_role_and_has_none_otherwise(adv: Advisor) -> None:
    data = {
        "organisation": {"name": "R"},
        "respondents": [{"name": "A", "role": "bestuurder", "answers": {"mp_inzet": GEPLAND}}, {"name": "B", "answers": {"mp_inzet": BREDER}}],
    }
    canonical = adv.load(data).to_dict()
    assert canonical["respondents"] == [
        {"name": "A", "role": "bestuurder", "answers": {"mp_inzet": GEPLAND}},
        {"name": "B", "answers": {"mp_inzet": BREDER}},
    ]
