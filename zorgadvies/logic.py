"""Rule conditions as a small boolean formula, with the three-valued semantics of the rule format.

The same formula is evaluated two ways: compiled into durable-rules by :mod:`zorgadvies.engine`, and
directly in Python by :func:`evaluate` (the reference semantics, used by tests, benchmarks and to
explain conditions). Keeping both next to one definition is what lets a property-based test check
that the engine and the documented semantics agree.

Semantics: a subject that is absent (unknown) makes a condition UNKNOWN. ``nvt`` is a known value:
it satisfies ``is: nvt`` and ``is_not``/``not_in`` of other values and fails everything else. An
at-least answer (:class:`zorgadvies.atleast.AtLeast`) makes a condition TRUE when every value it may
be satisfies it, FALSE when none does, and UNKNOWN otherwise.
``all`` is TRUE when every item is, FALSE when any item is; ``any`` the other way round (Kleene).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Mapping
from itertools import product
from typing import Protocol

import attrs

from .atleast import AtLeast

__all__ = [
    "MAX_DNF",
    "OPERATORS",
    "All",
    "Any",
    "Cond",
    "Formula",
    "FormulaTooLarge",
    "Truth",
    "dnf",
    "dnf_size",
    "evaluate",
    "negate_dnf",
]

OPERATORS = ("is", "is_not", "in", "not_in", "at_least", "at_most")


class Truth(enum.Enum):
    TRUE = "fires"
    FALSE = "fails"
    UNKNOWN = "unknown"


@attrs.frozen
class Cond:
    """One condition: ``subject`` (an engine key) compared with ``op`` to ``value``.

    ``value`` is a tuple for ``in``/``not_in``; for ``at_least``/``at_most`` it is the number the
    comparison uses (``rank``), with the value as written kept in ``shown`` for messages.
    """

    kind: str  # "question" | "fact" | "stage"
    subject: str  # the key the fact is stored under
    op: str
    value: object
    shown: object = None
    line: int = 0

    def holds(self, value: object, rank: int | None) -> bool:
        """Whether a known ``value`` (with its comparison ``rank``) satisfies this condition."""
        if self.op == "is":
            return value == self.value
        if self.op == "is_not":
            return value != self.value
        if self.op == "in":
            return value in self.value  # type: ignore[operator]
        if self.op == "not_in":
            return value not in self.value  # type: ignore[operator]
        if rank is None or value == "nvt":
            return False
        if self.op == "at_least":
            return rank >= self.value  # type: ignore[operator]
        return rank <= self.value  # type: ignore[operator]

    def describe(self) -> str:
        shown = self.shown if self.shown is not None else self.value
        if isinstance(shown, tuple):
            shown = "[" + ", ".join(str(v) for v in shown) + "]"
        return f"{self.subject} {self.op} {shown}"


@attrs.frozen
class All:
    items: tuple[Formula, ...]


@attrs.frozen
class Any:
    items: tuple[Formula, ...]


Formula = Cond | All | Any

#: A literal of a normal form: the condition and whether it must hold (True) or fail (False).
Literal = tuple[Cond, bool]


def evaluate(formula: Formula, facts: Mapping[str, tuple[object, int | None]]) -> Truth:
    """Three-valued evaluation over ``facts``: key -> (value, rank); absent keys are unknown."""
    if isinstance(formula, Cond):
        if formula.subject not in facts:
            return Truth.UNKNOWN
        value, rank = facts[formula.subject]
        if isinstance(value, AtLeast):
            # Ranks of an ordered choice are positions: the options are rank, rank + 1, ...
            start = rank or 0
            held = {formula.holds(option, start + i) for i, option in enumerate(value.options)}
            return Truth.UNKNOWN if len(held) != 1 else (Truth.TRUE if held == {True} else Truth.FALSE)
        return Truth.TRUE if formula.holds(value, rank) else Truth.FALSE
    results = [evaluate(item, facts) for item in formula.items]
    decisive, other = (Truth.FALSE, Truth.TRUE) if isinstance(formula, All) else (Truth.TRUE, Truth.FALSE)
    if decisive in results:
        return decisive
    if Truth.UNKNOWN in results:
        return Truth.UNKNOWN
    return other


#: The most conjunctions :func:`dnf` expands. A normal form grows as the product of its ``any``
#: groups (24 pairs under one ``all`` are 16 million conjunctions): it is measured first, by
#: :func:`dnf_size`, and refused above this bound before any memory is spent on it.
MAX_DNF = 4096


class FormulaTooLarge(ValueError):
    """The normal form of a formula would have more than the allowed number of conjunctions."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f"the condition expands to {size} alternatives (at most {limit})")
        self.size = size
        self.limit = limit


def dnf_size(formula: Formula, positive: bool = True) -> int:
    """The number of conjunctions ``dnf(formula, positive)`` has, computed without expanding it."""
    if isinstance(formula, Cond):
        return 1
    sizes = [dnf_size(item, positive) for item in formula.items]
    if isinstance(formula, All) != positive:
        return sum(sizes)
    total = 1
    for size in sizes:
        total = min(total * size, 2**63)  # only compared with small bounds: cap the arithmetic
    return total


def dnf(formula: Formula, positive: bool = True, *, limit: int = MAX_DNF) -> list[tuple[Literal, ...]]:
    """Disjunctive normal form of ``formula`` (or of its negation when ``positive`` is False).

    Each conjunction is a tuple of literals; a negated literal means "the subject is known and the
    condition does not hold" — the three-valued negation, which is what makes a rule *fail*.

    Raises :class:`FormulaTooLarge` when the form would have more than ``limit`` conjunctions.
    """
    size = dnf_size(formula, positive)
    if size > limit:
        raise FormulaTooLarge(size, limit)
    return _dnf(formula, positive)


def _dnf(formula: Formula, positive: bool) -> list[tuple[Literal, ...]]:
    if isinstance(formula, Cond):
        return [((formula, positive),)]
    conjunctive = isinstance(formula, All) == positive  # De Morgan: not(all) == any(not)
    parts = [_dnf(item, positive) for item in formula.items]
    if not conjunctive:
        return [conj for part in parts for conj in part]
    return [tuple(lit for conj in combo for lit in conj) for combo in product(*parts)]


def negate_dnf(formula: Formula) -> list[tuple[Literal, ...]]:
    return dnf(formula, positive=False)


class _HasWhen(Protocol):
    # Read-only, so that frozen classes (zorgadvies.rulepack.Rule) fit.
    @property
    def id(self) -> str: ...

    @property
    def when(self) -> Formula: ...


def reference_outcomes(rules: Iterable[_HasWhen], facts: Mapping[str, tuple[object, int | None]]) -> dict[str, str]:
    """rule id -> "fires" | "fails" by :func:`evaluate` (unknown rules are absent), as the engine's
    :func:`zorgadvies.stages.rule_outcomes` reports them: the plain-Python reference."""
    result = {}
    for rule in rules:
        truth = evaluate(rule.when, facts)
        if truth is not Truth.UNKNOWN:
            result[rule.id] = truth.value
    return result


__all__.append("reference_outcomes")


def conditions(formula: Formula) -> Iterator[Cond]:
    """Every condition in ``formula``, in order of appearance."""
    if isinstance(formula, Cond):
        yield formula
    else:
        for item in formula.items:
            yield from conditions(item)


__all__.append("conditions")
