"""Running a rule's own test cases ("this fires", "this does not") through the engine."""

from __future__ import annotations

import attrs

from .api import Advisor
from .logic import evaluate
from .rulepack import Case, Rule

__all__ = ["CaseResult", "run_case"]


@attrs.frozen
class CaseResult:
    rule: str
    case: str
    expect: str
    engine: str  # what the engine concluded
    reference: str  # what the documented semantics say

    @property
    def passed(self) -> bool:
        return self.expect == self.engine == self.reference


def run_case(advisor: Advisor, rule: Rule, case: Case) -> CaseResult:
    """Assert the case's facts and report the rule's outcome (stages in the case are set directly).

    The rule is judged in the full compiled pack, exactly as in an assessment, and also by the
    reference semantics of :func:`zorgadvies.logic.evaluate`, so that a case checks both the rule
    and the engine.
    """
    facts = advisor.load(dict(case.facts))
    engine_facts = advisor.engine_facts(facts)
    for pillar, stage in case.stages.items():
        engine_facts[f"stage.{pillar}"] = (stage, stage)
    firings = advisor.engine.run(engine_facts, stratum=rule.stratum)
    outcomes = {f.outcome for f in firings if f.rule == rule.id}
    engine = "fires" if "fires" in outcomes else "fails" if "fails" in outcomes else "unknown"
    reference = evaluate(rule.when, engine_facts).value
    return CaseResult(rule.id, case.name, case.expect, engine, reference)
