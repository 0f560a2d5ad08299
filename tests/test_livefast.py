"""zorgadvies.livefast: the questions still worth asking without the engine equal those with it.

``fast_live_questions`` (reference evaluator, memoised) must give exactly what
``interview.live_questions`` gives with the engine, for any facts; ``reference_run`` the same
facts, rule outcomes and stages as ``Advisor.run``. Hypothesis generates organisations (sector,
size, people with roles), answers (at-least, onbekend, nvt included) and respondents.
"""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zorgadvies.api import advisor
from zorgadvies.facts import DISC_COLOURS, ROLES, SECTORS
from zorgadvies.interview import live_questions
from zorgadvies.livefast import fast_live_questions, reference_run
from zorgadvies.stages import rule_outcomes

ADV = advisor()
QUESTIONS = sorted(ADV.kb.questions.values(), key=lambda q: q.id)


def _answer(q: Any, draw: Any) -> Any:
    if q.type == "integer":
        low, high = q.minimum if q.minimum is not None else 0, q.maximum if q.maximum is not None else 1000
        return draw(st.sampled_from(["nvt", "onbekend"]) | st.integers(low, high))
    options: list[Any] = list(q.value_ids) + ["nvt", "onbekend"]
    if q.type == "choice" and q.ordered:
        options += [{"minstens": v} for v in q.value_ids]
    return draw(st.sampled_from(options))


@st.composite
def answer_sets(draw: Any) -> dict[str, Any]:
    chosen = draw(st.lists(st.sampled_from(QUESTIONS), unique_by=lambda q: q.id, max_size=len(QUESTIONS)))
    # Now and then one answer for all: whole pillars established (or failing) are rare otherwise.
    uniform = draw(st.sampled_from([None, "first", "last"]))
    answers = {}
    for q in chosen:
        if uniform is not None and q.type != "integer" and q.value_ids:
            answers[q.id] = q.value_ids[0] if uniform == "first" else q.value_ids[-1]
        else:
            answers[q.id] = _answer(q, draw)
    return answers


@st.composite
def facts_data(draw: Any) -> dict[str, Any]:
    org: dict[str, Any] = {"name": "Zorg"}
    if draw(st.booleans()):
        org["sector"] = draw(st.sampled_from(SECTORS))
    if draw(st.booleans()):
        org["employees"] = draw(st.integers(0, 5000))
    data: dict[str, Any] = {"organisation": org, "answers": draw(answer_sets())}
    people = draw(st.lists(st.tuples(st.lists(st.sampled_from(ROLES), min_size=1, max_size=3, unique=True),
                                     st.lists(st.sampled_from(DISC_COLOURS), max_size=2, unique=True)), max_size=4))
    if people:
        data["people"] = [{"name": f"P{i}", "roles": roles} | ({"disc": disc} if disc else {}) for i, (roles, disc) in enumerate(people)]
    respondents = draw(st.lists(answer_sets(), max_size=2))
    if respondents:
        data["respondents"] = [{"name": f"R{i}", "answers": a} for i, a in enumerate(respondents)]
    return data


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(facts_data())
def test_fast_live_questions_equal_the_engines(data: dict[str, Any]) -> None:
    facts = ADV.load(data)
    engine = live_questions(ADV, facts)
    assert fast_live_questions(ADV, facts) == engine
    assert fast_live_questions(ADV, facts) == engine  # and again, from the cache
    staged, firings, pillars = ADV.run(facts)
    ref_staged, ref_firings, ref_pillars = reference_run(ADV, facts)
    assert ref_staged == staged
    assert rule_outcomes(ref_firings) == rule_outcomes(firings)
    assert [(p.stage, p.stage_min, p.stage_max, p.stage_estimate) for p in ref_pillars] == \
        [(p.stage, p.stage_min, p.stage_max, p.stage_estimate) for p in pillars]


def test_the_cache_tells_facts_apart() -> None:
    """Facts with different live questions are different cache entries, also when asked alternately."""
    answers = {q.id: q.value_ids[0] for q in QUESTIONS if q.value_ids}
    one = ADV.load({"organisation": {"name": "Zorg"}, "answers": {}})
    two = ADV.load({"organisation": {"name": "Zorg"}, "answers": answers})
    three = ADV.load({"organisation": {"name": "Zorg"}, "answers": dict(list(answers.items())[: len(answers) // 2])})
    expected = [live_questions(ADV, f) for f in (one, two, three)]
    assert len({frozenset(e) for e in expected}) == 3
    for _ in range(2):
        assert [fast_live_questions(ADV, f) for f in (one, two, three)] == expected
