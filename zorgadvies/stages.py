"""From criterion firings to stage bounds per pillar (the ladder of docs/stages.md).

Stage 1 is the floor. ``stage_min`` is the highest stage N such that every criterion of stages
2..N fires; ``stage_max`` is the stage below the first stage with a failing criterion (4 when none
fails). The stage is *established* when the two meet. Otherwise the report gives the bounds, the
questions that would narrow them, and a ``stage_estimate`` that is worded as an estimate: the
self-placement inside the bounds, or the stages above ``stage_min`` that each have a met criterion
when at least two stated criteria support that. A self-placement
outside the bounds is a conflict; the bounds win. Adding an answer only narrows the bounds,
because a criterion's outcome only moves from unknown to fires or fails.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .atleast import AtLeast
from .engine import Firing
from .knowledge import KnowledgeBase
from .logic import Cond, Truth, conditions, evaluate
from .report import ConditionStatus, Conflict, Evidence, PillarResult, Requirement, StageEstimate
from .rulepack import Rule, RulePack

__all__ = ["SELF_PLACEMENT_PREFIX", "classify", "rule_outcomes", "self_placement"]

#: The self-placement question of a pillar is this prefix + the pillar id (knowledge/questions/zelfinschatting.yaml).
SELF_PLACEMENT_PREFIX = "zelf_"


def rule_outcomes(firings: Sequence[Firing]) -> dict[str, str]:
    """rule id -> "fires" | "fails" (rules absent here are unknown)."""
    outcome: dict[str, str] = {}
    for firing in firings:
        # A rule cannot both fire and fail (the two normal forms are complementary); should the
        # engine ever claim so, "fires" wins visibly in the evidence rather than being hidden.
        if outcome.get(firing.rule) != "fires":
            outcome[firing.rule] = firing.outcome
    return outcome


def _evidence(rule: Rule, firings: Sequence[Firing]) -> Evidence:
    first = next(f for f in firings if f.rule == rule.id and f.outcome == "fires")
    return Evidence(rule.id, rule.title, rule.title_en, first.matched, rule.sources, stage=rule.then.stage)


def _requirement(kb: KnowledgeBase, rule: Rule, status: str, firings: Sequence[Firing], facts: Mapping[str, object]) -> Requirement:
    if status == "fails":
        conds = [c for f in firings if f.rule == rule.id and f.outcome == "fails" for c in f.conditions]
    else:
        conds = [c for c in conditions(rule.when) if _open(kb, c, facts)]
    unique = list(dict.fromkeys(conds))
    return Requirement(
        rule.id,
        rule.title,
        rule.title_en,
        status,
        tuple(ConditionStatus(c.subject, c.op, c.shown if c.shown is not None else c.value, facts.get(c.subject)) for c in unique),
        rule.sources,
    )


def self_placement(kb: KnowledgeBase, pillar: str, facts: Mapping[str, object]) -> int | None:
    """The stage (1..4) of the ``zelf_<pillar>`` answer, or None when it is not (exactly) known."""
    question = kb.questions.get(SELF_PLACEMENT_PREFIX + pillar)
    value = facts.get(SELF_PLACEMENT_PREFIX + pillar)
    if question is None or not isinstance(value, str):
        return None
    rank = question.rank(value)
    return None if rank is None else rank + 1


#: The fewest stated criteria (gates) with a known outcome that an estimate on the criteria above
#: ``stage_min`` must rest on (docs/stages.md#estimate): one trait is no ground to place a pillar.
ESTIMATE_SUPPORT = 2


def _climb(stage_min: int, stage_max: int, evidenced: Sequence[int]) -> int:
    """From ``stage_min`` up through every following stage inside the bounds with evidence of its own.

    An unbroken chain: one trait of a far stage alone does not count.
    """
    top = stage_min
    while top < stage_max and top + 1 in evidenced:
        top += 1
    return top


def _support(ladder: Mapping[int, Sequence[Rule]], outcome: Mapping[str, str], top: int) -> int:
    """The stated criteria (gates) with a known outcome behind a climb to ``top``.

    Met gates of stages 2 .. ``top`` say the organisation has those traits; failing gates (all
    above ``stage_max``, so above the climb) say it has not reached the stages above. Afgeleid
    criteria may carry the climb through a stage but are our inference, so they do not count here.
    """
    met = sum(1 for n in range(2, top + 1) for r in ladder[n] if outcome.get(r.id) == "fires")
    failing = sum(1 for n in range(2, 5) for r in ladder[n] if outcome.get(r.id) == "fails")
    return met + failing


def _estimate(stage_min: int, stage_max: int, top: int, support: int, placed: int | None) -> StageEstimate:
    """The established stage, else the self-placement inside the bounds, else what the criteria show.

    ``top`` is where the evidence climbs to (:func:`_climb`), ``support`` the gates it rests on
    (:func:`_support`): a climb above ``stage_min`` on fewer than :data:`ESTIMATE_SUPPORT` of them
    stays at ``stage_min``. With nothing beyond the floor the estimate is ``onbepaald`` — the floor
    alone is no estimate.
    """
    if stage_min == stage_max:
        return StageEstimate(stage_min, "criteria")
    if placed is not None and stage_min <= placed <= stage_max:
        return StageEstimate(placed, "zelfinschatting")
    shown = top if support >= ESTIMATE_SUPPORT else stage_min
    if shown > 1:
        return StageEstimate(shown, "criteria")
    return StageEstimate(None, "onbepaald")


def classify(
    kb: KnowledgeBase, pack: RulePack, firings: Sequence[Firing], facts: Mapping[str, object]
) -> tuple[PillarResult, ...]:
    """One :class:`PillarResult` per pillar, in the model's order (docs/stages.md)."""
    outcome = rule_outcomes(firings)
    results = []
    for pillar in kb.pillars:
        ladder = {n: pack.criteria(pillar.id, n) for n in range(1, 5)}

        def status(n: int) -> str:
            states = [outcome.get(r.id, "unknown") for r in ladder[n]]
            if "fails" in states:
                return "fails"
            # A stage without criteria is never met by default: nothing shows it.
            return "fires" if states and all(s == "fires" for s in states) else "unknown"

        statuses = {n: status(n) for n in range(2, 5)}
        # Stage 1 is the floor: every organisation is at least Geïnitieerd, whatever is unknown.
        # Its own criterion (the basic question answered) is evidence, never a gate.
        stage_min = 1
        while stage_min < 4 and statuses[stage_min + 1] == "fires":
            stage_min += 1
        failing = next((n for n in range(2, 5) if statuses[n] == "fails"), None)
        # A stage cannot both be met and fail, so the first failing stage lies above stage_min.
        stage_max = 4 if failing is None else failing - 1
        stage = stage_min if stage_min == stage_max else None
        next_stage = stage_min + 1 if stage_min < 4 else None

        missing: list[Requirement] = []
        if next_stage is not None:
            for rule in ladder[next_stage]:
                state = outcome.get(rule.id, "unknown")
                if state != "fires":
                    missing.append(_requirement(kb, rule, state, firings, facts))
        # What narrows the bounds: an unknown criterion of any stage inside them, next stage first.
        settle: tuple[str, ...] = ()
        if stage is None:
            settle = tuple(
                dict.fromkeys(
                    c.subject
                    for n in range(stage_min + 1, stage_max + 1)
                    for r in ladder[n]
                    if outcome.get(r.id) is None
                    for c in conditions(r.when)
                    if _open(kb, c, facts)
                )
            )
        evidence = tuple(
            _evidence(r, firings) for n in range(1, stage_min + 1) for r in ladder[n] if outcome.get(r.id) == "fires"
        )
        higher = tuple(
            _evidence(r, firings) for n in range(stage_min + 1, stage_max + 1) for r in ladder[n] if outcome.get(r.id) == "fires"
        )
        placed = self_placement(kb, pillar.id, facts)
        conflicts: tuple[Conflict, ...] = ()
        if placed is not None and not stage_min <= placed <= stage_max:
            if placed > stage_max:  # placed too high: the failing criteria of the first failing stage
                against = [r.id for r in ladder[stage_max + 1] if outcome.get(r.id) == "fails"]
            else:  # placed too low: the met criteria of the stages between the placement and stage_min
                against = [r.id for n in range(placed + 1, stage_min + 1) for r in ladder[n]]
            question = SELF_PLACEMENT_PREFIX + pillar.id
            conflicts = (Conflict(question, facts.get(question), stage_min, stage_max, tuple(against)),)
        # Evidence for the estimate (never for the bounds): a met criterion of the stage, a gate or
        # one of our own (afgeleid) criteria, which may inform but never decide (docs/stages.md).
        evidenced = [n for n in range(2, 5) if any(outcome.get(r.id) == "fires" for r in pack.all_criteria(pillar.id, n))]
        top = _climb(stage_min, stage_max, evidenced)
        estimate = _estimate(stage_min, stage_max, top, _support(ladder, outcome, top), placed)
        named = kb.stage(stage) if stage else None
        results.append(
            PillarResult(
                id=pillar.id,
                name=pillar.nl,
                name_en=pillar.en,
                stage=stage,
                stage_name=named.nl if named else None,
                stage_name_en=named.en if named else None,
                at_least=None if stage is not None else stage_min,
                evidence=evidence,
                missing_stage=next_stage,
                missing=tuple(missing),
                settle=settle,
                stage_min=stage_min,
                stage_max=stage_max,
                stage_estimate=estimate,
                self_placement=placed,
                conflicts=conflicts,
                higher_evidence=higher,
            )
        )
    return tuple(results)


def _open(kb: KnowledgeBase, cond: Cond, facts: Mapping[str, object]) -> bool:
    """Whether ``cond`` is still undecided: its subject is unknown, or an at-least answer leaves it open."""
    if cond.subject not in facts:
        return True
    value = facts[cond.subject]
    if not isinstance(value, AtLeast):
        return False
    question = kb.questions.get(cond.subject)
    rank = question.rank(value.value) if question else None
    return evaluate(cond, {cond.subject: (value, rank)}) is Truth.UNKNOWN
