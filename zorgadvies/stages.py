"""From criterion firings to a stage per pillar (the ladder of docs/stages.md).

A pillar reaches stage N when every criterion rule of stages 1..N fires. The stage is *determined*
only when, in addition, the next stage is definitely out of reach (one of its criteria fails);
otherwise the pillar is undetermined (``stage`` None) with the stage that is certain (``at_least``)
and the questions that would settle it. We would rather say "we cannot tell yet" than guess.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .engine import Firing
from .knowledge import KnowledgeBase
from .logic import conditions
from .report import ConditionStatus, Evidence, PillarResult, Requirement
from .rulepack import Rule, RulePack

__all__ = ["classify", "rule_outcomes"]


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


def _requirement(rule: Rule, status: str, firings: Sequence[Firing], facts: Mapping[str, object]) -> Requirement:
    if status == "fails":
        conds = [c for f in firings if f.rule == rule.id and f.outcome == "fails" for c in f.conditions]
    else:
        conds = [c for c in conditions(rule.when) if c.subject not in facts]
    unique = list(dict.fromkeys(conds))
    return Requirement(
        rule.id,
        rule.title,
        rule.title_en,
        status,
        tuple(ConditionStatus(c.subject, c.op, c.shown if c.shown is not None else c.value, facts.get(c.subject)) for c in unique),
        rule.sources,
    )


def classify(
    kb: KnowledgeBase, pack: RulePack, firings: Sequence[Firing], facts: Mapping[str, object]
) -> tuple[PillarResult, ...]:
    """One :class:`PillarResult` per pillar, in the model's order."""
    outcome = rule_outcomes(firings)
    results = []
    for pillar in kb.pillars:
        ladder = {n: pack.criteria(pillar.id, n) for n in range(1, 5)}

        def status(n: int) -> str:
            states = [outcome.get(r.id, "unknown") for r in ladder[n]]
            if "fails" in states:
                return "fails"
            return "fires" if all(s == "fires" for s in states) else "unknown"

        reached = 0
        while reached < 4 and status(reached + 1) == "fires":
            reached += 1
        next_stage = reached + 1 if reached < 4 else None
        determined = reached >= 1 and (next_stage is None or status(next_stage) == "fails")
        stage = reached if determined else None

        missing: list[Requirement] = []
        if next_stage is not None:
            for rule in ladder[next_stage]:
                state = outcome.get(rule.id, "unknown")
                if state != "fires":
                    missing.append(_requirement(rule, state, firings, facts))
        settle: tuple[str, ...] = ()
        if not determined and next_stage is not None:
            settle = tuple(
                dict.fromkeys(q for r in missing if r.status == "unknown" for q in r.questions)
            )
        evidence = tuple(_evidence(r, firings) for n in range(1, reached + 1) for r in ladder[n])
        named = kb.stage(stage) if stage else None
        results.append(
            PillarResult(
                id=pillar.id,
                name=pillar.nl,
                name_en=pillar.en,
                stage=stage,
                stage_name=named.nl if named else None,
                stage_name_en=named.en if named else None,
                at_least=None if determined or reached == 0 else reached,
                evidence=evidence,
                missing_stage=next_stage,
                missing=tuple(missing),
                settle=settle,
            )
        )
    return tuple(results)
