"""The three-valued rule semantics of zorgadvies.logic, one operator and connective at a time."""

from __future__ import annotations

import pytest

from zorgadvies.logic import All, Any, Cond, Truth, conditions, dnf, evaluate, negate_dnf, reference_outcomes

T, F, U = Truth.TRUE, Truth.FALSE, Truth.UNKNOWN


def q(op: str, value: object, subject: str = "q", shown: object = None) -> Cond:
    return Cond("question", subject, op, value, shown)


@pytest.mark.parametrize(
    ("cond", "value", "rank", "holds"),
    [
        (q("is", "ja"), "ja", None, True), (q("is", "ja"), "nee", None, False), (q("is", "nvt"), "nvt", None, True),
        (q("is_not", "ja"), "nee", None, True), (q("is_not", "ja"), "ja", None, False), (q("is_not", "ja"), "nvt", None, True),
        (q("in", ("a", "b")), "b", None, True), (q("in", ("a", "b")), "c", None, False),
        (q("not_in", ("a", "b")), "c", None, True), (q("not_in", ("a", "b")), "a", None, False),
        # at_least/at_most compare ranks; equal counts; nvt and a value without rank never satisfy.
        (q("at_least", 2), "x", 2, True), (q("at_least", 2), "x", 3, True), (q("at_least", 2), "x", 1, False),
        (q("at_most", 2), "x", 2, True), (q("at_most", 2), "x", 1, True), (q("at_most", 2), "x", 3, False),
        (q("at_least", 0), "nvt", 0, False), (q("at_most", 5), "nvt", 0, False), (q("at_most", 5), "x", None, False),
        (q("at_least", 0), "x", None, False),
    ],
)
def test_each_operator(cond: Cond, value: object, rank: int | None, holds: bool) -> None:
    assert cond.holds(value, rank) is holds
    assert evaluate(cond, {"q": (value, rank)}) is (T if holds else F)


def test_an_absent_subject_is_unknown() -> None:
    assert evaluate(q("is", "ja"), {}) is U
    assert evaluate(q("is", "ja"), {"other": ("ja", None)}) is U


A, B = q("is", "ja", "a"), q("is", "ja", "b")
FACT = {"ja": ("ja", None), "nee": ("nee", None)}


@pytest.mark.parametrize(
    ("a", "b", "all_", "any_"),
    [
        ("ja", "ja", T, T), ("ja", "nee", F, T), ("nee", "nee", F, F),
        ("ja", None, U, T), ("nee", None, F, U), (None, None, U, U), (None, "nee", F, U), (None, "ja", U, T),
    ],
)
def test_all_and_any_follow_kleene(a: str | None, b: str | None, all_: Truth, any_: Truth) -> None:
    facts = {k: FACT[v] for k, v in (("a", a), ("b", b)) if v is not None}
    assert evaluate(All((A, B)), facts) is all_
    assert evaluate(Any((A, B)), facts) is any_


def test_dnf_of_nested_formulas() -> None:
    c = q("is", "ja", "c")
    formula = All((A, Any((B, c))))
    assert dnf(formula) == [((A, True), (B, True)), ((A, True), (c, True))]
    # not(A and (B or c)) == not A or (not B and not c)
    assert negate_dnf(formula) == [((A, False),), ((B, False), (c, False))]
    assert dnf(Any((A, B)), positive=False) == [((A, False), (B, False))]
    assert dnf(A) == [((A, True),)]


def test_conditions_in_order_of_appearance() -> None:
    c = q("is", "ja", "c")
    assert list(conditions(Any((All((A, c)), B, A)))) == [A, c, B, A]


def test_describe_shows_the_written_value() -> None:
    assert q("at_least", 2, "mp_inzet", shown="breder_dan_communicatie").describe() == "mp_inzet at_least breder_dan_communicatie"
    assert q("in", ("a", "b")).describe() == "q in [a, b]"
    assert q("is", "ja").describe() == "q is ja"


def test_reference_outcomes_leave_unknown_rules_out() -> None:
    class R:
        def __init__(self, id: str, when: object) -> None:
            self.id, self.when = id, when

    rules = [R("fires", A), R("fails", B), R("unknown", q("is", "ja", "z"))]
    assert reference_outcomes(rules, {"a": ("ja", None), "b": ("nee", None)}) == {"fires": "fires", "fails": "fails"}
