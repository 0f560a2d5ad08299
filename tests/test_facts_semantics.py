"""Facts: the size boundary and the combination of respondents, on cases that separate semantics."""

from __future__ import annotations

from typing import Any

import pytest

import yaml

from zorgadvies.api import Advisor
from zorgadvies.facts import DEFAULT_SIZE_THRESHOLD, derived_facts

from conftest import ROOT

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
        data = {"organisation": {"name": "T", "sector": "ouderenzorg", "employees": employees}, "people": [], "answers": {"rol_implementatie_vorm": "geen_vaste_vorm"}}
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
