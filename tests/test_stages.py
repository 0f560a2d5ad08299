"""The stage ladder of docs/stages.md on profiles that separate the semantics.

Every case goes through the engine with real answers on the Marketingpraktijk pillar, whose stage-2
criteria each test one question (mp_samenwerking, mp_inzet, mp_strategie), so each criterion of the
next stage can be made to fire, fail or stay unknown on its own. The lowest answer of these ordered
questions fails every criterion that tests it, the highest satisfies all of them.
"""

from __future__ import annotations

from typing import Any

import pytest

from zorgadvies.api import Advisor
from zorgadvies.engine import Firing
from zorgadvies.logic import conditions
from zorgadvies.report import PillarResult
from zorgadvies.stages import rule_outcomes

PILLAR = "marketingpraktijk"
MP = ("mp_inzet", "mp_strategie", "mp_draagvlak", "mp_samenwerking", "mp_regie", "mp_planning", "mp_bedrijfsvoering")
C = "stages/marketingpraktijk/"
STAGE2 = {"mp_samenwerking": C + "2-afdelingen-werken-af-en-toe-samen", "mp_inzet": C + "2-geplande-inzet", "mp_strategie": C + "2-strategie-vastgelegd"}


def top(adv: Advisor, q: str) -> str:
    return adv.kb.questions[q].value_ids[-1]


def bottom(adv: Advisor, q: str) -> str:
    return adv.kb.questions[q].value_ids[0]


def pillar(adv: Advisor, answers: dict[str, Any]) -> PillarResult:
    return adv.assess({"organisation": {"name": "T"}, "answers": answers}).pillar(PILLAR)


def missing(result: PillarResult) -> dict[str, str]:
    return {m.rule: m.status for m in result.missing}


def test_the_rule_pillar_is_as_this_module_assumes(adv: Advisor) -> None:
    # A guard for the cases below: stage 2 has exactly these three one-question criteria.
    got = {r.id: sorted({c.subject for c in conditions(r.when)}) for r in adv.pack.criteria(PILLAR, 2)}
    assert got == {rule: [q] for q, rule in STAGE2.items()}


def test_next_stage_met_failed_and_unknown_at_once_is_determined(adv: Advisor) -> None:
    # Stage 2: inzet fires, samenwerking fails, strategie unknown. One failure is enough.
    result = pillar(adv, {"mp_inzet": top(adv, "mp_inzet"), "mp_samenwerking": bottom(adv, "mp_samenwerking")})
    assert (result.stage, result.at_least, result.missing_stage) == (1, None, 2)
    assert result.stage_name == adv.kb.stage(1).nl and result.stage_name_en == adv.kb.stage(1).en
    # The fired criterion is not missing; the failed one names its false condition and the answer.
    assert missing(result) == {STAGE2["mp_samenwerking"]: "fails", STAGE2["mp_strategie"]: "unknown"}
    failed = next(m for m in result.missing if m.status == "fails")
    assert [(c.subject, c.answer) for c in failed.conditions] == [("mp_samenwerking", bottom(adv, "mp_samenwerking"))]
    unknown = next(m for m in result.missing if m.status == "unknown")
    assert [(c.subject, c.answer) for c in unknown.conditions] == [("mp_strategie", None)]
    # A determined stage has nothing to settle.
    assert result.settle == ()
    assert [e.rule for e in result.evidence] == [C + "1-marketing-in-praktijk"]


def test_next_stage_partly_met_and_unknown_stays_undetermined(adv: Advisor) -> None:
    # Two of three stage-2 criteria fire and none fails: stage 2 is possible, so no stage yet.
    result = pillar(adv, {"mp_inzet": top(adv, "mp_inzet"), "mp_samenwerking": top(adv, "mp_samenwerking")})
    assert (result.stage, result.at_least, result.missing_stage) == (None, 1, 2)
    assert result.stage_name is None and result.stage_name_en is None
    assert missing(result) == {STAGE2["mp_strategie"]: "unknown"}
    # Only the question that is still open settles it, not the ones already answered.
    assert result.settle == ("mp_strategie",)


def test_every_next_criterion_failing_and_one_failing_give_the_same_stage(adv: Advisor) -> None:
    one = pillar(adv, {"mp_inzet": top(adv, "mp_inzet"), "mp_samenwerking": top(adv, "mp_samenwerking"), "mp_strategie": bottom(adv, "mp_strategie")})
    every = pillar(adv, {"mp_inzet": bottom(adv, "mp_inzet")} | {q: bottom(adv, q) for q in ("mp_samenwerking", "mp_strategie")})
    assert one.stage == every.stage == 1
    assert missing(one) == {STAGE2["mp_strategie"]: "fails"}
    assert missing(every) == {rule: "fails" for rule in STAGE2.values()}


def test_stage_one_unknown_is_undetermined_not_stage_zero(adv: Advisor) -> None:
    result = pillar(adv, {})
    assert (result.stage, result.at_least, result.missing_stage) == (None, None, 1)
    assert result.evidence == () and result.stage_name is None
    assert result.settle == ("mp_inzet",)
    assert missing(result) == {C + "1-marketing-in-praktijk": "unknown"}


def test_all_criteria_met_is_stage_four_with_nothing_missing(adv: Advisor) -> None:
    result = pillar(adv, {q: top(adv, q) for q in MP})
    assert (result.stage, result.at_least, result.missing_stage, result.missing, result.settle) == (4, None, None, (), ())
    assert result.stage_name == adv.kb.stage(4).nl
    # Evidence: every criterion of stages 1..4, in stage order, each with the facts it matched.
    expected = [r.id for n in range(1, 5) for r in adv.pack.criteria(PILLAR, n)]
    assert [e.rule for e in result.evidence] == expected
    assert [e.stage for e in result.evidence] == sorted(e.stage for e in result.evidence)
    assert all(e.facts for e in result.evidence)


def test_a_higher_stage_never_counts_without_the_one_below(adv: Advisor) -> None:
    # Everything at the top except samenwerking at the bottom: stage 2 fails, so stages 3 and 4 (whose
    # other criteria fire) do not count.
    answers = {q: top(adv, q) for q in MP} | {"mp_samenwerking": bottom(adv, "mp_samenwerking")}
    result = pillar(adv, answers)
    assert (result.stage, result.missing_stage) == (1, 2)
    assert {e.stage for e in result.evidence} == {1}


def test_unknown_between_known_stages_is_undetermined_with_the_certain_stage(adv: Advisor) -> None:
    # Stages 1 and 2 met, stage 3 unknown (its questions unanswered), stage 4 would fail: undetermined.
    answers = {q: top(adv, q) for q in ("mp_inzet", "mp_strategie", "mp_samenwerking")}
    result = pillar(adv, answers)
    assert (result.stage, result.at_least, result.missing_stage) == (None, 2, 3)
    assert set(result.settle) == {"mp_planning", "mp_draagvlak", "mp_regie"}
    assert len(result.settle) == len(set(result.settle))


def _firing(rule: str, outcome: str) -> Firing:
    return Firing(rule, outcome, (), ())


@pytest.mark.parametrize("order", [("fires", "fails"), ("fails", "fires")])
def test_a_rule_that_fires_is_reported_as_firing_whatever_the_order(order: tuple[str, str]) -> None:
    firings = [_firing("r", order[0]), _firing("r", order[1]), _firing("s", "fails")]
    assert rule_outcomes(firings) == {"r": "fires", "s": "fails"}
