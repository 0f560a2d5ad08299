"""The engine compiler, conjunction by conjunction, against the reference semantics (issue 14).

tests/test_engine_vs_reference.py compares which rules fire or fail on the real pack; a compiler
fault that another conjunction of the same rule happens to mask passes there. These tests build
small packs that put every operator on an ordered choice (exact, ``nvt``, at-least answers and
unknown), an integer and a stage subject, and check each firing itself: which conjunction of the
normal form fired or failed, and the values the engine says it matched. The expected firings are
derived from :func:`zorgadvies.logic.evaluate` literal by literal, independently of engine.py.

Every engine is compiled inside the test (not at import): a mutation run forks after importing
the tests, and an engine compiled before the fork would not use the mutated compiler.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterable, Mapping

import pytest

from zorgadvies.atleast import AtLeast
from zorgadvies.engine import MAX_BRANCHES_PER_SHARD, MAX_SUBJECTS_PER_SHARD, Engine, Firing, compile_rule, reasons
from zorgadvies.errors import EngineError
from zorgadvies.logic import All, Any, Cond, Formula, Truth, dnf, evaluate
from zorgadvies.rulepack import Rule, RulePack

from conftest import synthetic_rule

ORDER = ("v0", "v1", "v2", "v3")
ORDERS = {"q": ORDER, "p": ORDER}
Facts = dict[str, tuple[object, int | None]]


def _rule(rule_id: str, when: Formula, **extra: object) -> Rule:
    return synthetic_rule(rule_id, when, **extra)


def _pack(formulas: Iterable[Formula]) -> RulePack:
    return RulePack(tuple(_rule(f"t/r{i:03d}", f) for i, f in enumerate(formulas)), (), ())


def _ordered_conditions(subject: str) -> list[Cond]:
    """Every operator on an ordered choice, with every value (and nvt) and every subset for in."""
    values = (*ORDER, "nvt")
    conds = [Cond("question", subject, op, v) for op in ("is", "is_not") for v in values]
    for size in range(1, len(values)):
        for subset in itertools.combinations(values, size):
            conds += [Cond("question", subject, "in", subset), Cond("question", subject, "not_in", subset)]
    conds += [Cond("question", subject, op, rank) for op in ("at_least", "at_most") for rank in range(len(ORDER))]
    return conds


def _states(subject: str) -> list[Facts]:
    """Unknown, every exact value, nvt, and an at-least answer from every value."""
    states: list[Facts] = [{}]
    states += [{subject: (v, k)} for k, v in enumerate(ORDER)]
    states.append({subject: ("nvt", None)})
    states += [{subject: (AtLeast(v, ORDER[k:]), k)} for k, v in enumerate(ORDER)]
    return states


def _expected(rules: Iterable[Rule], facts: Mapping[str, tuple[object, int | None]]) -> list[tuple[object, ...]]:
    """The firings the definition implies: a conjunction holds when each literal evaluates to what
    it asks (TRUE for a positive literal, FALSE for a negated one; unknown never matches)."""
    result = []
    for rule in rules:
        for outcome, positive in (("fires", True), ("fails", False)):
            for conjunction in dnf(rule.when, positive):
                if all(evaluate(c, facts) is (Truth.TRUE if pos else Truth.FALSE) for c, pos in conjunction):
                    subjects = sorted({c.subject for c, _ in conjunction})
                    matched = tuple((s, facts[s][0]) for s in subjects)
                    result.append((rule.id, outcome, tuple(c.describe() for c, _ in conjunction), matched))
    return sorted(result, key=repr)


def _got(firings: list[Firing]) -> list[tuple[object, ...]]:
    return sorted(((f.rule, f.outcome, tuple(c.describe() for c in f.conditions), f.matched) for f in firings), key=repr)


def _check(engine: Engine, pack: RulePack, facts: Facts) -> None:
    firings = engine.run(facts, 0) + engine.run(facts, 1)
    assert _got(firings) == _expected(pack.rules, facts), facts


def test_every_operator_on_an_ordered_choice_matches_the_definition() -> None:
    conds = _ordered_conditions("q")
    pack = _pack(conds)
    engine = Engine(pack, orders=ORDERS)
    assert engine.shard_count > 1  # the pack does not fit one shard: sharding is exercised too
    for facts in _states("q"):
        _check(engine, pack, facts)


def test_the_trace_of_an_at_least_answer_is_the_answer() -> None:
    # What the engine says it matched is the at-least answer itself, not a rank or a bare value.
    pack = _pack([Cond("question", "q", "at_least", 1), Cond("question", "q", "in", ("v2", "v3")), Cond("question", "q", "is", "v0")])
    engine = Engine(pack, orders=ORDERS)
    answer = AtLeast("v2", ("v2", "v3"))
    firings = engine.run({"q": (answer, 2)})
    assert [(f.rule, f.outcome) for f in firings] == [("t/r000", "fires"), ("t/r001", "fires"), ("t/r002", "fails")]
    assert all(f.matched == (("q", answer),) for f in firings)
    assert reasons(firings, "t/r001") == (("q", answer),)
    assert reasons(firings, "t/r002") == ()  # a failure is no reason


def test_at_least_answers_need_the_order() -> None:
    # Without the question's values the engine cannot tell what an at-least answer allows: every
    # condition on it stays unknown (and nothing crashes), while exact answers still decide.
    pack = _pack([Cond("question", "q", "at_least", 0), Cond("question", "q", "is_not", "v0"), Cond("question", "q", "is", "v1")])
    engine = Engine(pack)
    assert engine.run({"q": (AtLeast("v1", ORDER[1:]), 1)}) == []
    assert [(f.rule, f.outcome) for f in engine.run({"q": ("v1", 1)})] == [("t/r000", "fires"), ("t/r001", "fires"), ("t/r002", "fires")]


def test_integer_and_stage_subjects_compare_by_rank() -> None:
    # Not ordered choices: an integer answer's rank is its value, a stage is a stage fact with a
    # dotted subject (stored under another property name, and run in stratum 1).
    conds: list[Formula] = []
    for subject, kind, values in (("n", "question", (0, 5, 50)), ("stage.merk", "stage", (1, 2, 3, 4))):
        for v in values:
            conds += [Cond(kind, subject, op, v) for op in ("is", "is_not", "at_least", "at_most")]
        conds += [Cond(kind, subject, "in", values[:2]), Cond(kind, subject, "not_in", values[1:])]
    pack = _pack(conds)
    engine = Engine(pack, orders=ORDERS)
    assert set(engine.strata) == {0, 1}
    states: list[Facts] = [{}, {"n": ("nvt", None)}, {"stage.merk": ("nvt", None)}]
    states += [{"n": (v, v)} for v in (0, 4, 5, 6, 50, 51)]
    states += [{"stage.merk": (v, v)} for v in (1, 2, 3, 4)]
    states += [{"n": (5, 5), "stage.merk": (3, 3)}]
    for facts in states:
        _check(engine, pack, facts)


def _shapes(rng: random.Random, left: list[Cond], right: list[Cond]) -> list[Formula]:
    """Rules over two ordered subjects in the shapes rules take: both, either, nested."""
    shapes: list[Formula] = []
    for _ in range(24):
        a, b, c = rng.choice(left), rng.choice(right), rng.choice(left)
        shapes += [All((a, b)), Any((a, b)), All((a, Any((b, c)))), Any((All((a, b)), c))]
    return shapes


def test_two_subjects_in_every_shape_match_the_definition() -> None:
    rng = random.Random(14)
    pack = _pack(_shapes(rng, _ordered_conditions("q"), _ordered_conditions("p")))
    engine = Engine(pack, orders=ORDERS)
    for left, right in itertools.product(_states("q"), _states("p")):
        _check(engine, pack, left | right)


# --- shards at their limits -----------------------------------------------------------------


def _branching(n: int, subject: str = "q") -> Cond:
    """A condition that opens exactly ``n`` branches on an unordered subject (``in`` of n values)."""
    return Cond("question", subject, "in", tuple(f"w{i}" for i in range(n)))


def test_branches_multiply_across_a_conjunction() -> None:
    rule = _rule("t/x", All((_branching(3, "a"), _branching(2, "b"), Cond("question", "c", "is", "w0"))))
    # Fires: one conjunction whose alternatives multiply (3 x 2 x 1). Fails: one conjunction per
    # negated literal, each a single test ("not in" is one test of all values, "is" negated one).
    assert [(e.outcome, e.branches) for e in compile_rule(rule)] == [("fires", 6), ("fails", 1), ("fails", 1), ("fails", 1)]
    rule = _rule("t/y", Any((_branching(3, "a"), Cond("question", "c", "at_least", 2))))
    # Failed at_least on an unordered subject: below the bound or nvt (two alternatives), times 1.
    assert [(e.outcome, e.branches) for e in compile_rule(rule)] == [("fires", 3), ("fires", 1), ("fails", 2)]


def test_ordered_choice_branches_count_nvt_and_at_least_alternatives() -> None:
    # An alternative is one test: a listed value, "nvt", a rank test, or "at least from v<m>".
    cases = [
        # rank >= 2 decides exact and at-least answers alike | rank < 2, or nvt
        (Cond("question", "q", "at_least", 2), [("fires", 1), ("fails", 2)]),
        # rank <= 1 (an at-least answer never lies wholly below v1) | rank >= 2 (one upward test), or nvt
        (Cond("question", "q", "at_most", 1), [("fires", 1), ("fails", 2)]),
        # v1 or v2 | none of them (one test), or at least v3
        (Cond("question", "q", "in", ("v1", "v2")), [("fires", 2), ("fails", 2)]),
        # rank >= 2 | none of them (one test)
        (Cond("question", "q", "in", ("v2", "v3")), [("fires", 1), ("fails", 1)]),
        # rank >= 2, or nvt | none of them
        (Cond("question", "q", "in", ("v2", "v3", "nvt")), [("fires", 2), ("fails", 1)]),
        # rank >= 1, or nvt | v0
        (Cond("question", "q", "is_not", "v0"), [("fires", 2), ("fails", 1)]),
        # anything but v3 (an at-least answer below v3 may still be v3) | rank >= 3
        (Cond("question", "q", "is_not", "v3"), [("fires", 1), ("fails", 1)]),
    ]
    for cond, expected in cases:
        assert [(e.outcome, e.branches) for e in compile_rule(_rule("t/x", cond), ORDERS)] == expected, cond.describe()


def _facts_for(pack: RulePack) -> Facts:
    return {s: (f"w{i % 3}", None) for i, s in enumerate(sorted({s for r in pack.rules for s in r.subjects()}))}


def test_a_shard_takes_exactly_the_branch_limit() -> None:
    # A rule "in 7 values" is 7 branches to fire and 1 to fail: six of them fill a shard to exactly
    # the limit, a seventh opens the next shard.
    per_rule = 8
    assert MAX_BRANCHES_PER_SHARD % per_rule == 0
    n = MAX_BRANCHES_PER_SHARD // per_rule
    pack = _pack([_branching(per_rule - 1, f"s{i}") for i in range(n)])
    assert [s.branches for s in Engine(pack).strata[0]] == [MAX_BRANCHES_PER_SHARD]
    pack = _pack([_branching(per_rule - 1, f"s{i}") for i in range(n + 1)])
    engine = Engine(pack)
    assert [s.branches for s in engine.strata[0]] == [MAX_BRANCHES_PER_SHARD, per_rule]
    _check(engine, pack, _facts_for(pack))


def _wide(n: int) -> Formula:
    """A rule over ``n`` subjects that must all be known: its firing conjunction is one branch."""
    return All(tuple(Cond("question", f"s{i:03d}", "is", "w0") for i in range(n)))


def test_a_shard_takes_exactly_the_subject_limit() -> None:
    # The first rule takes 47 branches and one subject (46 to fire, 1 to fail); the firing
    # conjunction of the second (1 branch) brings the shard to 48 branches and, with 79 subjects
    # of its own, to exactly the subject limit. Its 79 failing conjunctions (1 branch each) follow.
    limit = MAX_SUBJECTS_PER_SHARD
    pack = _pack([_branching(MAX_BRANCHES_PER_SHARD - 2, "a"), _wide(limit - 1)])
    engine = Engine(pack)
    assert [(s.branches, len(s.subjects)) for s in engine.strata[0]] == [(MAX_BRANCHES_PER_SHARD, limit), (MAX_BRANCHES_PER_SHARD, 48), (31, 31)]
    facts = {f"s{i:03d}": ("w0", None) for i in range(limit - 1)} | {"a": ("w3", None)}
    _check(engine, pack, facts)
    _check(engine, pack, facts | {"s041": ("w1", None)})
    # One subject more and the firing conjunction no longer fits beside the first rule.
    pack = _pack([_branching(MAX_BRANCHES_PER_SHARD - 2, "a"), _wide(limit)])
    assert [(s.branches, len(s.subjects)) for s in Engine(pack).strata[0]][:2] == [(MAX_BRANCHES_PER_SHARD - 1, 1), (MAX_BRANCHES_PER_SHARD, limit)]


def test_a_rule_at_the_branch_limit_compiles_and_one_beyond_is_refused() -> None:
    at_limit = _pack([_branching(MAX_BRANCHES_PER_SHARD)])
    engine = Engine(at_limit)
    _check(engine, at_limit, {"q": ("w47", None)})
    wide = _rule("t/wide", All((_branching(7, "a"), _branching(7, "b"))), file="rules/t/wide.yaml", line=3)
    with pytest.raises(EngineError) as caught:
        Engine(RulePack((wide,), (), ()))
    assert (caught.value.file, caught.value.line) == ("rules/t/wide.yaml", 3)
    assert "t/wide" in str(caught.value) and "49" in str(caught.value) and str(MAX_BRANCHES_PER_SHARD) in str(caught.value)


# --- failures are errors, never silent ------------------------------------------------------


def test_a_pack_durable_rules_refuses_is_an_engine_error_carrying_its_reason() -> None:
    # A list as the value of "is" is no valid durable-rules test (error 102 at registration).
    with pytest.raises(EngineError) as caught:
        Engine(_pack([Cond("question", "q", "is", ("a",))]))
    assert "102" in str(caught.value)


def test_a_fact_durable_rules_cannot_take_is_an_engine_error_naming_the_ruleset() -> None:
    engine = Engine(_pack([Cond("question", "q", "is", "a")]))
    with pytest.raises(EngineError) as caught:
        engine.run({"q": (object(), None)})
    message = str(caught.value)
    assert engine.strata[0][0].name in message and "serializable" in message
    assert engine.run({"q": ("a", None)})  # the failed session was cleaned up: the engine still works


def test_an_action_outside_an_assessment_is_recorded_and_reported() -> None:
    # The real action, not a stand-in: were it to run with no assessment under way (here forced by
    # clearing the assessment at the start of each ruleset), the run must fail, name the ruleset,
    # and carry the action's own error instead of returning what it collected so far.
    class Lost(Engine):
        def _run_shard(self, shard, facts):  # type: ignore[no-untyped-def]
            self._current = None
            super()._run_shard(shard, facts)

    engine = Lost(_pack([Cond("question", "q", "is", "a")]))
    with pytest.raises(EngineError) as caught:
        engine.run({"q": ("a", None)})
    message = str(caught.value)
    assert engine.strata[0][0].name in message
    (inner,) = engine._errors
    assert isinstance(inner, EngineError) and str(inner) and repr(inner) in message


def test_the_engine_works_in_a_forked_child() -> None:
    # After a fork the child gets a fresh lock (the parent's may be held by another thread).
    from zorgadvies import engine as module

    module._reset_after_fork()
    with module._LOCK:
        pass
    pack = _pack([Cond("question", "q", "is", "a")])
    assert [(f.rule, f.outcome) for f in Engine(pack).run({"q": ("b", None)})] == [("t/r000", "fails")]
