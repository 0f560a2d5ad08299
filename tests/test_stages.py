"""The stage bounds of docs/stages.md on profiles that separate the semantics.

Every case goes through the engine with real answers on the Innovatie pillar, whose stage-2 gates
each test their own questions (inn_marketingstrategie; inn_experimenten with inn_visie;
inn_selectiecriteria), so each gate of a stage can be made to fire, fail or stay unknown on its own.
HIGH answers satisfy every criterion that tests them, LOW answers fail every one.
"""

from __future__ import annotations

from typing import Any

import attrs
import pytest

from zorgadvies.api import Advisor
from zorgadvies.engine import Firing
from zorgadvies.logic import conditions
from zorgadvies.report import PillarResult
from zorgadvies.stages import rule_outcomes

PILLAR = "innovatie"
C = "stages/innovatie/"
MARKETING, GERICHT, SELECTIE = C + "2-eerste-koppeling-marketingdoelen", C + "2-gerichte-experimenten", C + "2-selectie-op-criteria"
HIGH = {
    "inn_breedte": "ook_zorgaanpak_sociaal", "inn_deskundigheid": "geborgd", "inn_directietafel": "ja", "inn_draagvlak": "ingebed_dagelijks",
    "inn_experimenten": "continu_meten_leren", "inn_feedback": "medewerkers_en_clienten", "inn_marketingstrategie": "continu_verbonden",
    "inn_ontwikkelproces": "vastomlijnd", "inn_organisatiedoelen": "klantreis_zorgkwaliteit", "inn_selectiecriteria": "ja",
    "inn_verantwoordelijkheid": "team_met_afdelingen", "inn_visie": "langetermijndoelen", "inn_wendbaarheid": "snel_responsief",
}
LOW = {
    "inn_marketingstrategie": "geen_onderdeel", "inn_selectiecriteria": "nee", "inn_experimenten": "ad_hoc_uitproberen", "inn_visie": "geen",
    "inn_wendbaarheid": "traag",
}
STAGE2 = ("inn_marketingstrategie", "inn_experimenten", "inn_visie", "inn_selectiecriteria")


def high(*questions: str) -> dict[str, str]:
    return {q: HIGH[q] for q in questions}


def low(*questions: str) -> dict[str, str]:
    return {q: LOW[q] for q in questions}


def pillar(adv: Advisor, answers: dict[str, Any]) -> PillarResult:
    return adv.assess({"organisation": {"name": "T"}, "answers": answers}).pillar(PILLAR)


def bounds(result: PillarResult) -> tuple[int | None, int, int, int | None]:
    return result.stage, result.stage_min, result.stage_max, result.at_least


def missing(result: PillarResult) -> dict[str, str]:
    return {m.rule: m.status for m in result.missing}


def test_the_pillar_is_as_this_module_assumes(adv: Advisor) -> None:
    # A guard for the cases below: the stage-2 gates and the questions they test.
    got = {r.id: sorted({c.subject for c in conditions(r.when)}) for r in adv.pack.criteria(PILLAR, 2)}
    assert got == {MARKETING: ["inn_marketingstrategie"], GERICHT: ["inn_experimenten", "inn_visie"], SELECTIE: ["inn_selectiecriteria"]}


def test_next_stage_met_failed_and_unknown_at_once_is_established_below_it(adv: Advisor) -> None:
    # Stage 2: marketing fires, selectie fails, gericht unknown. One failure is enough.
    result = pillar(adv, high("inn_marketingstrategie") | low("inn_selectiecriteria"))
    assert bounds(result) == (1, 1, 1, None)
    assert (result.stage_name, result.stage_name_en) == (adv.kb.stage(1).nl, adv.kb.stage(1).en)
    assert (result.stage_estimate.stage, result.stage_estimate.basis) == (1, "criteria")
    # The fired gate is not missing; the failed one names its false condition and the answer given.
    assert missing(result) == {GERICHT: "unknown", SELECTIE: "fails"}
    failed = next(m for m in result.missing if m.status == "fails")
    assert [(c.subject, c.answer) for c in failed.conditions] == [("inn_selectiecriteria", "nee")]
    unknown = next(m for m in result.missing if m.status == "unknown")
    assert [c.subject for c in unknown.conditions] == ["inn_experimenten", "inn_visie"]
    # Established: nothing to settle, and nothing above the bounds counts as higher evidence.
    assert result.settle == () and result.higher_evidence == ()


def test_next_stage_partly_met_and_unknown_stays_open_with_an_estimate(adv: Advisor) -> None:
    # Two of three stage-2 gates fire and none fails: stage 2 is possible, so no stage yet.
    result = pillar(adv, high("inn_marketingstrategie", "inn_selectiecriteria"))
    assert bounds(result) == (None, 1, 4, 1)
    assert result.stage_name is None and result.stage_name_en is None
    assert missing(result) == {GERICHT: "unknown"}
    # The open questions of the next stage come first, and no answered question is among them.
    assert result.settle[:2] == ("inn_experimenten", "inn_visie")
    assert not {"inn_marketingstrategie", "inn_selectiecriteria"} & set(result.settle)
    assert len(result.settle) == len(set(result.settle))
    # Two met gates of stage 2 are evidence above the floor: an estimate of 2 on the criteria.
    assert [e.rule for e in result.higher_evidence] == [MARKETING, SELECTIE]
    assert (result.stage_estimate.stage, result.stage_estimate.basis) == (2, "criteria")


def test_one_failing_gate_and_every_gate_failing_give_the_same_stage(adv: Advisor) -> None:
    one = pillar(adv, high(*STAGE2) | low("inn_visie"))
    every = pillar(adv, low("inn_marketingstrategie", "inn_selectiecriteria", "inn_experimenten", "inn_visie"))
    assert bounds(one) == bounds(every) == (1, 1, 1, None)
    assert missing(one) == {GERICHT: "fails"}
    assert missing(every) == {MARKETING: "fails", GERICHT: "fails", SELECTIE: "fails"}
    # The stage-1 criterion fired in both (inn_experimenten answered): it is the evidence.
    assert [e.rule for e in one.evidence] == [e.rule for e in every.evidence] == [C + "1-innovatie-bekend"]


def test_nothing_answered_is_the_floor_without_an_estimate(adv: Advisor) -> None:
    result = pillar(adv, {})
    assert bounds(result) == (None, 1, 4, 1)
    assert result.evidence == () and result.higher_evidence == () and result.stage_name is None
    assert (result.stage_estimate.stage, result.stage_estimate.basis) == (None, "onbepaald")
    assert missing(result) == {MARKETING: "unknown", GERICHT: "unknown", SELECTIE: "unknown"}


def test_all_criteria_met_is_stage_four_with_nothing_missing(adv: Advisor) -> None:
    result = pillar(adv, dict(HIGH))
    assert bounds(result) == (4, 4, 4, None)
    assert (result.missing, result.settle, result.higher_evidence, result.conflicts) == ((), (), (), ())
    assert result.stage_name == adv.kb.stage(4).nl
    # Evidence: every criterion of stages 1..4, in stage order, each with the facts it matched.
    assert [e.rule for e in result.evidence] == [r.id for n in range(1, 5) for r in adv.pack.criteria(PILLAR, n)]
    assert all(e.facts for e in result.evidence)


def test_a_higher_stage_never_counts_without_the_one_below(adv: Advisor) -> None:
    # Everything at the top except selectiecriteria: stage 2 fails, so stages 3 and 4 (whose gates
    # all fire) count for nothing, not even as higher evidence.
    result = pillar(adv, dict(HIGH) | low("inn_selectiecriteria"))
    assert bounds(result) == (1, 1, 1, None)
    assert {e.stage for e in result.evidence} == {1} and result.higher_evidence == ()


def test_an_open_stage_between_a_met_and_a_failed_one(adv: Advisor) -> None:
    # Stage 2 met, stage 3 unknown, stage 4 fails (inn_wendbaarheid): between 2 and 3.
    result = pillar(adv, high(*STAGE2) | low("inn_wendbaarheid"))
    assert bounds(result) == (None, 2, 3, 2)
    # Only stage 3's open questions settle it; stage 4's (feedback, breedte) lie above the bounds.
    assert set(result.settle) == {"inn_organisatiedoelen", "inn_draagvlak", "inn_ontwikkelproces", "inn_directietafel"}
    assert not {"inn_feedback", "inn_breedte"} & set(result.settle)
    assert {m.rule for m in result.missing} == {r.id for r in adv.pack.criteria(PILLAR, 3)}
    assert (result.stage_estimate.stage, result.stage_estimate.basis) == (2, "criteria")


@pytest.mark.parametrize(("placed", "stage"), [("gedefinieerd", 2), ("georganiseerd", 3)])
def test_a_self_placement_inside_the_bounds_is_the_estimate(adv: Advisor, placed: str, stage: int) -> None:
    result = pillar(adv, high(*STAGE2) | low("inn_wendbaarheid") | {"zelf_innovatie": placed})
    assert bounds(result) == (None, 2, 3, 2)
    assert result.self_placement == stage and result.conflicts == ()
    assert (result.stage_estimate.stage, result.stage_estimate.basis) == (stage, "zelfinschatting")


def test_a_self_placement_above_the_bounds_is_a_conflict_naming_the_failing_gates(adv: Advisor) -> None:
    result = pillar(adv, high(*STAGE2) | low("inn_wendbaarheid") | {"zelf_innovatie": "geoptimaliseerd"})
    assert result.self_placement == 4
    [conflict] = result.conflicts
    assert (conflict.question, conflict.answer, conflict.stage_min, conflict.stage_max) == ("zelf_innovatie", "geoptimaliseerd", 2, 3)
    assert conflict.rules == (C + "4-wendbaar-en-responsief",)
    # The bounds win: the estimate ignores the placement.
    assert result.stage_estimate.basis == "criteria"


def test_a_self_placement_below_the_bounds_is_a_conflict_naming_the_met_gates(adv: Advisor) -> None:
    result = pillar(adv, high(*STAGE2) | low("inn_wendbaarheid") | {"zelf_innovatie": "geinitieerd"})
    [conflict] = result.conflicts
    assert conflict.rules == (MARKETING, GERICHT, SELECTIE)
    assert (result.stage_estimate.stage, result.stage_estimate.basis) == (2, "criteria")


def _firing(rule: str, outcome: str) -> Firing:
    return Firing(rule, outcome, (), ())


@pytest.mark.parametrize("order", [("fires", "fails"), ("fails", "fires")])
def test_a_rule_that_fires_is_reported_as_firing_whatever_the_order(order: tuple[str, str]) -> None:
    firings = [_firing("r", order[0]), _firing("r", order[1]), _firing("s", "fails")]
    assert rule_outcomes(firings) == {"r": "fires", "s": "fails"}


def test_an_at_least_answer_that_leaves_a_gate_open_is_still_to_settle(adv: Advisor) -> None:
    # inn_experimenten "at least gerichte_doelen" meets stage 2's gate but leaves stage 3's
    # (gepland_gevolgd_geevalueerd or higher) open: asking it again can narrow the bounds.
    answers = high(*STAGE2) | {"inn_experimenten": {"minstens": "gerichte_doelen"}}
    result = pillar(adv, answers)
    assert (result.stage, result.stage_min) == (None, 2)
    assert "inn_experimenten" in result.settle
    # A plain answer that meets every gate it is tested in leaves nothing to settle about it.
    assert "inn_experimenten" not in pillar(adv, high(*STAGE2)).settle


def test_the_estimate_climbs_no_higher_than_the_bounds(adv: Advisor) -> None:
    # Stage 2 open (two gates met, gericht unknown); stage 3 has a met gate (beoordeeld op
    # organisatiedoelen) and a failed one (breed gedragen), so stage_max is 2. The met gate of
    # stage 3 must not lift the estimate above the bounds.
    answers = high("inn_marketingstrategie", "inn_selectiecriteria", "inn_organisatiedoelen") | {"inn_draagvlak": "solistisch"}
    result = pillar(adv, answers)
    assert bounds(result) == (None, 1, 2, 1)
    assert (result.stage_estimate.stage, result.stage_estimate.basis) == (2, "criteria")
    assert {e.stage for e in result.higher_evidence} == {2}


def test_a_self_placement_of_nvt_is_no_placement(adv: Advisor) -> None:
    result = pillar(adv, high(*STAGE2) | low("inn_wendbaarheid") | {"zelf_innovatie": "nvt"})
    assert result.self_placement is None and result.conflicts == ()
    assert result.stage_estimate.basis == "criteria"


def test_a_gate_met_through_one_alternative_leaves_nothing_to_settle(adv: Advisor, tmp_path: Any) -> None:
    # An extra pack with a stage-3 gate "inn_feedback structural OR mp_regie a fixed role": met through
    # the first alternative, its other question is no longer worth asking, unanswered as it is.
    from zorgadvies.api import Advisor as Fresh

    folder = tmp_path / "pack" / "extra"
    folder.mkdir(parents=True)
    (folder / "3-of-of.yaml").write_text(
        """title: t
title_en: t
id: extra/3-of-of
status: stable
description: d
description_en: d
sources: [innovatiepijler#georganiseerd]
basis: vermeld
quote: "-"
modified: 2026-12-02
when:
  any:
    - {question: inn_feedback, is: medewerkers_en_clienten}
    - {question: mp_regie, is: vaste_functie}
then:
  criterion: {pillar: innovatie, stage: 3}
""",
        encoding="utf-8",
    )
    extra = Fresh([tmp_path / "pack"], cases=False)
    result = extra.assess({"organisation": {"name": "T"}, "answers": high(*STAGE2, "inn_feedback")}).pillar(PILLAR)
    assert (result.stage, result.stage_min) == (None, 2)
    assert "extra/3-of-of" in {e.rule for e in result.higher_evidence}
    assert "mp_regie" not in result.settle
    assert {"inn_organisatiedoelen", "inn_draagvlak"} <= set(result.settle)


# --- the estimate rests on more than one stated trait (docs/stages.md#estimate, issue 13) ---------

MANAGER = {"inn_verantwoordelijkheid": "vaste_medewerker", "inn_deskundigheid": "bij_enkelen"}  # afgeleid, stage 2


def estimate(result: PillarResult) -> tuple[int | None, str]:
    return result.stage_estimate.stage, result.stage_estimate.basis


def test_one_met_gate_alone_is_no_estimate(adv: Advisor) -> None:
    # One trait of Gedefinieerd, nothing else known: the bounds stay 1-4 and nothing is estimated,
    # so no transition advice rests on it either.
    result = pillar(adv, high("inn_selectiecriteria"))
    assert (result.stage_min, result.stage_max) == (1, 4)
    assert estimate(result) == (None, "onbepaald")
    assert [e.rule for e in result.higher_evidence] == [SELECTIE]  # the trait itself is still shown


def test_an_afgeleid_criterion_does_not_count_towards_the_two(adv: Advisor) -> None:
    # A gate and one of our own (afgeleid) criteria of stage 2: still one stated trait.
    assert estimate(pillar(adv, high("inn_selectiecriteria") | MANAGER)) == (None, "onbepaald")
    assert estimate(pillar(adv, MANAGER)) == (None, "onbepaald")


def test_two_met_gates_of_the_stage_are_an_estimate(adv: Advisor) -> None:
    assert estimate(pillar(adv, high("inn_selectiecriteria", "inn_marketingstrategie"))) == (2, "criteria")


def test_a_met_gate_and_a_failing_gate_above_are_an_estimate(adv: Advisor) -> None:
    # One trait of stage 2 and a stated "not yet" of stage 3 (draagvlak solistisch fails the
    # 'breed gedragen' gate): two known outcomes pin the pillar between 1 and 2, estimate 2.
    result = pillar(adv, high("inn_selectiecriteria") | {"inn_draagvlak": "solistisch"})
    assert (result.stage_min, result.stage_max) == (1, 2)
    assert estimate(result) == (2, "criteria")


def test_the_gates_below_stage_min_count_for_a_climb_above_it(adv: Advisor) -> None:
    # Stage 2 established by its three gates (at-least answers, so stage 3 stays open), one gate of
    # stage 3 met (breed gedragen), nothing fails: estimate 3, resting on four stated traits. Were
    # only the traits of the climbed stage counted, this one trait would not be enough.
    stage2 = {"inn_selectiecriteria": "ja"} | {q: {"minstens": v} for q, v in
                                                (("inn_marketingstrategie", "eerste_koppeling"), ("inn_experimenten", "gerichte_doelen"), ("inn_visie", "bredere_visie"))}
    assert estimate(pillar(adv, stage2)) == (2, "criteria")
    result = pillar(adv, stage2 | {"inn_draagvlak": {"minstens": "breed_proactief"}})
    assert (result.stage, result.stage_min, result.stage_max) == (None, 2, 4)
    assert [e.rule for e in result.higher_evidence] == [C + "3-breed-gedragen"]
    assert estimate(result) == (3, "criteria")


def test_the_packs_indexes_agree_with_its_rules(adv: Advisor) -> None:
    # all_criteria and when_conditions are built once with the pack; they must say what a walk over
    # the rules says, in pack order, for every pillar and stage (including ones without criteria).
    pack = adv.pack
    for pillar in {r.then.pillar for r in pack.rules if r.then.kind == "criterion"} | {"geen_pijler"}:
        for stage in range(0, 6):
            walked = tuple(r for r in pack.rules if r.then.kind == "criterion" and r.then.pillar == pillar and r.then.stage == stage)
            assert pack.all_criteria(pillar, stage) == walked
    assert sum(len(pack.all_criteria(p, s)) for p in {r.then.pillar for r in pack.rules} for s in range(1, 5) if p) == sum(
        r.then.kind == "criterion" for r in pack.rules
    )
    for rule in pack.rules:
        assert pack.when_conditions(rule) == tuple(conditions(rule.when))
    edited = attrs.evolve(pack.rules[0], when=pack.rules[1].when)  # not the pack's own rule: walked anew
    assert pack.when_conditions(edited) == tuple(conditions(pack.rules[1].when))
