"""The engine stays correct beyond durable-rules' hard limits: a generated pack of 1,200 rules.

Few subjects for many rules means far more rules per subject than one durable-rules ruleset can
hold (64 alpha matches per fact, 256 rules per shared condition), so the engine must shard. The
rules and the fact sets are generated; the reference is the plain-Python semantics.
"""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from zorgadvies.engine import MAX_BRANCHES_PER_SHARD, Engine
from zorgadvies.logic import All, Any, Cond, reference_outcomes
from zorgadvies.rulepack import RulePack
from zorgadvies.stages import rule_outcomes

from conftest import synthetic_rule


def _random_condition(rng: random.Random, subject: str) -> Cond:
    op = rng.choice(["is", "is_not", "in", "not_in", "at_least", "at_most"])
    values = [f"v{i}" for i in range(6)]
    if op in ("at_least", "at_most"):
        return Cond("question", subject, op, rng.randrange(6))
    if op in ("in", "not_in"):
        return Cond("question", subject, op, tuple(rng.sample(values, rng.randint(1, 3))))
    return Cond("question", subject, op, rng.choice(values + ["nvt"]))


def _random_formula(rng: random.Random, subjects: list[str], depth: int = 0):
    if depth >= 2 or rng.random() < 0.4:
        return _random_condition(rng, rng.choice(subjects))
    items = tuple(_random_formula(rng, subjects, depth + 1) for _ in range(rng.randint(1, 3)))
    return All(items) if rng.random() < 0.6 else Any(items)


def _synthetic_pack(n_rules: int, seed: int) -> RulePack:
    rng = random.Random(seed)
    # Few subjects for many rules: far more rules per subject than one durable-rules ruleset can
    # hold (64 alpha matches per fact, 256 rules per shared condition), so sharding must kick in.
    subjects = [f"s{i}" for i in range(12)]
    rules = tuple(
        synthetic_rule(f"synthetic/r{i:04d}", _random_formula(rng, subjects), stage=1)
        for i in range(n_rules)
    )
    return RulePack(rules, (), ())


SYNTHETIC = _synthetic_pack(1200, seed=7)
SYNTHETIC_ENGINE = Engine(SYNTHETIC)


def test_synthetic_pack_is_split_into_shards_within_limits() -> None:
    assert SYNTHETIC_ENGINE.shard_count > 10
    for shard in SYNTHETIC_ENGINE.strata[0]:
        assert shard.branches <= MAX_BRANCHES_PER_SHARD


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.sampled_from([f"s{i}" for i in range(12)]), st.sampled_from([f"v{i}" for i in range(6)] + ["nvt"])))
def test_synthetic_1200_rule_pack_matches_reference(values) -> None:
    facts = {k: (v, None if v == "nvt" else int(v[1:])) for k, v in values.items()}
    firings = SYNTHETIC_ENGINE.run(facts, 0)
    assert rule_outcomes(firings) == reference_outcomes(SYNTHETIC.rules, facts)


def test_an_exception_inside_an_action_is_surfaced_not_swallowed() -> None:
    # durable-rules catches exceptions raised in actions and stores them in the session state
    # (upstream #305); the engine must turn that into an EngineError instead of returning a result.
    import pytest

    from zorgadvies.errors import EngineError

    class Faulty(Engine):
        def _action(self, erule):  # type: ignore[no-untyped-def]
            def action(c):  # type: ignore[no-untyped-def]
                raise RuntimeError("boom")

            return action

    engine = Faulty(_synthetic_pack(5, seed=1))
    facts = {f"s{i}": (f"v{i % 6}", i % 6) for i in range(12)}
    with pytest.raises(EngineError, match="boom"):
        engine.run(facts)
