"""Every rule's own cases, through the engine and the reference semantics (one parametrised test)."""

from __future__ import annotations

import pytest

from zorgadvies.api import advisor
from zorgadvies.casecheck import run_case

_ADV = advisor(cases=True)
_CASES = [(rule, case) for rule in _ADV.pack.rules for case in rule.cases]


def test_there_are_cases() -> None:
    assert len(_CASES) >= 2 * len(_ADV.pack.rules)


@pytest.mark.parametrize(("rule", "case"), _CASES, ids=[f"{r.id}::{c.name}" for r, c in _CASES])
def test_rule_case(rule, case) -> None:
    result = run_case(_ADV, rule, case)
    assert result.reference == case.expect, f"the rule's semantics give {result.reference}"
    assert result.engine == case.expect, f"the engine gives {result.engine}"


@pytest.mark.parametrize("rule", _ADV.pack.rules, ids=lambda r: r.id)
def test_every_rule_has_firing_and_failing_cases(rule) -> None:
    expects = {c.expect for c in rule.cases}
    assert {"fires", "fails"} <= expects, f"{rule.id} needs a case that fires and one that fails"
