"""Several respondents: the documented combination, disputes, and the flags on stages and advice."""

from __future__ import annotations

import html
import json

import pytest
from click.testing import CliRunner

import zorgadvies
from zorgadvies.cli import main

from conftest import ROOT

# These tests compare English message text; the default language is Dutch (zorgadvies/messages.py).
pytestmark = pytest.mark.usefixtures("english")

EXAMPLE = ROOT / "examples" / "eerstelijn-venendal-respondenten.yaml"


def _facts(*respondents, consensus=None):
    return {
        "organisation": {"name": "R"},
        "respondents": [{"name": f"R{i}", "answers": a} for i, a in enumerate(respondents)],
        "answers": consensus or {},
    }


def _answers(data):
    adv = zorgadvies.api.advisor()
    facts = adv.load(data)
    return facts.answers, facts.disputes


def test_agreement_is_no_dispute() -> None:
    answers, disputes = _answers(_facts({"inn_directietafel": "ja"}, {"inn_directietafel": "ja"}))
    assert answers["inn_directietafel"] == "ja" and disputes == {}


def test_ordered_answers_take_the_lower_median() -> None:
    three = _facts({"mp_inzet": "ad_hoc_communicatie"}, {"mp_inzet": "proactief_strategisch"}, {"mp_inzet": "breder_dan_communicatie"})
    assert _answers(three)[0]["mp_inzet"] == "breder_dan_communicatie"
    two = _facts({"mp_inzet": "geplande_communicatie"}, {"mp_inzet": "proactief_strategisch"})
    answers, disputes = _answers(two)
    assert answers["mp_inzet"] == "geplande_communicatie"
    assert disputes["mp_inzet"].answers == {"R0": "geplande_communicatie", "R1": "proactief_strategisch"}


def test_yes_no_takes_the_majority_and_a_tie_is_unknown() -> None:
    assert _answers(_facts({"inn_directietafel": "ja"}, {"inn_directietafel": "nee"}, {"inn_directietafel": "ja"}))[0]["inn_directietafel"] == "ja"
    answers, disputes = _answers(_facts({"inn_directietafel": "ja"}, {"inn_directietafel": "nee"}))
    assert answers["inn_directietafel"] == "onbekend" and "inn_directietafel" in disputes


def test_unknown_is_no_vote_and_consensus_wins() -> None:
    answers, disputes = _answers(_facts({"inn_directietafel": "onbekend"}, {"inn_directietafel": "nee"}))
    assert answers["inn_directietafel"] == "nee" and disputes == {}
    answers, disputes = _answers(_facts({"inn_directietafel": "ja"}, {"inn_directietafel": "nee"}, consensus={"inn_directietafel": "ja"}))
    assert answers["inn_directietafel"] == "ja" and disputes["inn_directietafel"].combined == "ja"


def test_the_example_flags_what_rests_on_disputed_answers() -> None:
    report = zorgadvies.assess(EXAMPLE)
    disputed = {d["question"] for d in report.respondents["disputed"]}
    assert disputed
    flagged = [p for p in report.pillars if p.disputed]
    assert flagged
    for pillar in report.pillars:
        used = {s for e in pillar.evidence for s, _ in e.facts} | {q for r in pillar.missing for q in r.questions}
        assert set(pillar.disputed) == used & disputed


def test_a_recommendation_on_a_disputed_answer_is_flagged() -> None:
    data = _facts({"visie_aanwezig": "nee"}, {"visie_aanwezig": "nee"}, {"visie_aanwezig": "ja"})
    report = zorgadvies.assess(data)
    rec = next(r for r in report.recommendations if r.id == "visie-formuleren")
    assert rec.disputed == ("visie_aanwezig",)


def test_text_output_lists_the_disputes() -> None:
    result = CliRunner().invoke(main, ["assess", str(EXAMPLE), "--brief"])
    assert result.exit_code == 0
    assert "⚠" in result.output and "Praktijkmanager" in result.output


def test_single_set_of_answers_has_no_respondents() -> None:
    data = json.loads(zorgadvies.assess(ROOT / "examples" / "thuiszorg-de-linde.yaml").to_json())
    assert data["respondents"] is None
    assert all(p["disputed"] == [] for p in data["pillars"])


def test_a_respondent_with_an_unknown_question_names_the_field(tmp_path) -> None:
    path = tmp_path / "f.yaml"
    path.write_text("organisation: {name: X}\nrespondents:\n  - name: A\n    answers: {mp_inzett: x}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["assess", str(path)])
    assert result.exit_code == 2
    assert "respondents.0.answers.mp_inzett" in result.stderr and "did you mean 'mp_inzet'" in result.stderr


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_reports_show_who_said_what_and_what_rests_on_it(fmt: str) -> None:
    # The audit version: the client body names no question ids (issue 11), the audit trail does.
    result = CliRunner().invoke(main, ["report", str(EXAMPLE), "--format", fmt, "--audit"])
    assert result.exit_code == 0, result.output
    out = result.output if fmt == "markdown" else html.unescape(result.output)
    report = zorgadvies.assess(EXAMPLE)
    kb = zorgadvies.load_knowledge()
    assert report.respondents is not None
    names = report.to_dict()["respondents"]["names"]
    assert len(names) == 3 and f"Respondenten: {', '.join(names)}" in out
    disputed = report.to_dict()["respondents"]["disputed"]
    assert disputed, "the example has disputes"
    for dispute in disputed:
        question = kb.questions[dispute["question"]]
        assert f"{question.nl}" in out and dispute["question"] in out
        # Every respondent's own answer, in words, and the answer that counts.
        for who, answer in dispute["answers"].items():
            assert f"{who}: {question.label(answer, 'nl')}" in out
        assert question.label(dispute["combined"], "nl") in out
    # Each stage that rests on a disputed answer is flagged with that question.
    flagged = [p for p in report.pillars if p.disputed]
    assert flagged
    for pillar in flagged:
        line = next(line for line in out.splitlines() if pillar.name in line and "betwiste" in line)
        assert all(q in line for q in pillar.disputed)
    for pillar in report.pillars:
        if not pillar.disputed:
            assert not any(pillar.name in line and "betwiste" in line for line in out.splitlines())


def test_a_consensus_is_marked_as_such() -> None:
    adv = zorgadvies.api.advisor()
    facts = adv.load(_facts({"inn_directietafel": "ja"}, {"inn_directietafel": "nee"}, consensus={"inn_directietafel": "ja"}))
    assert facts.disputes["inn_directietafel"].consensus is True
    facts = adv.load(_facts({"inn_directietafel": "ja"}, {"inn_directietafel": "nee"}))
    assert facts.disputes["inn_directietafel"].consensus is False


def test_sector_and_employees_may_be_unknown() -> None:
    report = zorgadvies.assess({"organisation": {"name": "X", "sector": "onbekend", "employees": "onbekend"}})
    assert report.organisation["sector"] is None and report.organisation["size_class"] is None
