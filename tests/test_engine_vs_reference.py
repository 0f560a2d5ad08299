"""The engine agrees with the documented rule semantics on the real pack.

The reference is :func:`zorgadvies.logic.evaluate`, a plain-Python three-valued evaluation of the
same formulas. Hypothesis generates fact sets: answers, at-least answers, unknowns, nvt and stages.
"""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zorgadvies.api import advisor
from zorgadvies.logic import reference_outcomes
from zorgadvies.stages import rule_outcomes

ADV = advisor()
KB = ADV.kb
QUESTIONS = sorted(KB.questions.values(), key=lambda q: q.id)


def _answer(q, draw):
    options = list(q.value_ids) + ["nvt", "onbekend"] if q.type != "integer" else [0, 5, 50, "nvt", "onbekend"]
    if q.type == "choice" and q.ordered:
        options += [{"minstens": v} for v in q.value_ids]
    return draw(st.sampled_from(options))


@st.composite
def answer_sets(draw):
    chosen = draw(st.lists(st.sampled_from(QUESTIONS), unique_by=lambda q: q.id, max_size=len(QUESTIONS)))
    return {q.id: _answer(q, draw) for q in chosen}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answer_sets(), st.dictionaries(st.sampled_from([p.id for p in KB.pillars]), st.integers(1, 4)))
def test_real_pack_engine_matches_reference(answers, stages) -> None:
    facts = ADV.engine_facts(ADV.load({"organisation": {"name": "h"}, "answers": answers}))
    for pillar, stage in stages.items():
        facts[f"stage.{pillar}"] = (stage, stage)
    firings = ADV.engine.run(facts, 0) + ADV.engine.run(facts, 1)
    assert rule_outcomes(firings) == reference_outcomes(ADV.pack.rules, facts)


