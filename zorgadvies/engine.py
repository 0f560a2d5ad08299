"""The only module that talks to durable-rules.

It compiles rule packs into durable-rules rulesets, runs one isolated session per assessment and
stratum, and returns what fired together with the facts each firing matched. Everything specific to
durable-rules (its JSON condition syntax, its hard limits, its swallowed exceptions, its threads)
stays in this file, so that the engine can be replaced without touching anything else.

How a rule becomes engine rules
-------------------------------
A rule's ``when`` is brought into disjunctive normal form twice: once as written (each conjunction
is an engine rule that makes the rule *fire*) and once negated (each conjunction is an engine rule
that makes it *fail*: its subjects are known and do not satisfy the condition). A rule whose
subjects are unknown matches neither and stays *unknown*; no negation-as-failure is needed, which
matters because durable-rules' ``none``/``$not`` are order-dependent (ENGINE-NOTES.md).

One fact per session
--------------------
Each session receives exactly one fact holding every known subject as a property (``value``, plus
``<name>__n`` for the rank used by comparisons; unknown subjects are simply absent and ``nvt`` has
no rank). An ordered choice also gets ``<name>__min``: its rank, or the lower bound of an at-least
answer; an at-least answer has no value or ``__n`` but ``<name>__atl`` (its bound) as well. A
condition that holds for every rank from some ``m`` upwards (``at_least``; a failed ``at_most``)
becomes one test ``__min >= m`` that decides exact and at-least answers alike; other conditions
keep their test and gain ``__atl >= m`` where every value an at-least answer allows satisfies them. Every engine rule is a single pattern over that fact. This avoids joins altogether, and
with them a crash we measured: ``delete_state`` on a session that holds a partly matched join, or
whose only fact matched nothing, segfaults or corrupts the heap (free(): invalid pointer). A
catch-all rule per ruleset makes sure the fact is always handled, so every session can be deleted.

Limits (measured, see docs/architecture.md)
--------------------------------------------
durable-rules refuses a fact that satisfies more than 64 alpha conditions at one level (error 303)
or has more than 254 properties (error 302), refuses 257+ rules sharing one condition (error 108)
and hangs at ~512+ equality values on one attribute. The compiler therefore splits each stratum
into *shards*: rulesets with at most :data:`MAX_BRANCHES_PER_SHARD` condition branches and at most
:data:`MAX_SUBJECTS_PER_SHARD` subjects. A pack of any size becomes a list of small rulesets that
each stay far from every limit.
"""

from __future__ import annotations

import copy
import itertools
import os
import threading
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs
from durable import engine as _durable

from .atleast import AtLeast
from .errors import EngineError
from .logic import Cond, Literal, dnf
from .rulepack import Rule, RulePack
from .messages import t

__all__ = ["Engine", "Firing", "MAX_BRANCHES_PER_SHARD", "MAX_SUBJECTS_PER_SHARD", "compile_rule", "reasons"]

#: Condition branches (an ``in`` of three values is three) per ruleset: well under the 64 alpha
#: conditions one fact may satisfy, with room for the catch-all rule.
MAX_BRANCHES_PER_SHARD = 48
#: Subjects per ruleset: each is up to three properties of the session's fact (limit: 254).
MAX_SUBJECTS_PER_SHARD = 80

FactValue = tuple[object, "int | None"]

# The C engine is not thread-safe (separate sessions on separate threads segfaulted) and never
# releases the GIL, so serialising every call costs no parallelism and removes the crashes. It also
# guarantees that at most one session per ruleset is alive at any time, which makes the engine's
# 32-bit session-id hashes unable to collide.
_LOCK = threading.RLock()
_SIDS = itertools.count(1)
_NAMES = itertools.count(1)
_CATCH_ALL = "zz"


def _reset_after_fork() -> None:  # pragma: no cover - exercised in a forked child
    global _LOCK
    _LOCK = threading.RLock()


os.register_at_fork(after_in_child=_reset_after_fork)


@attrs.frozen
class Firing:
    """One conclusion of the engine: ``rule`` fired (``outcome == "fires"``) or failed.

    ``matched`` holds the (subject, value) pairs of the facts the engine matched; ``conditions`` the
    literals of the conjunction that matched (for a failure: the conditions found false).
    """

    rule: str
    outcome: str  # "fires" | "fails"
    matched: tuple[tuple[str, object], ...]
    conditions: tuple[Cond, ...]


def reasons(firings: Iterable[Firing], rule_id: str) -> tuple[tuple[str, object], ...]:
    """Every fact matched by every conjunction of ``rule_id`` that fired, in firing order.

    A rule with either/or conditions fires once per alternative that holds; an explanation names
    all of them, not only the first (issue 9 point 7d).
    """
    return tuple(dict.fromkeys(pair for f in firings if f.rule == rule_id and f.outcome == "fires" for pair in f.matched))


class _Host(_durable.Host):  # type: ignore[misc]  # durable-rules has no type information
    """A Host without its two background timer threads.

    The stock Host polls every ruleset from timer threads for timers and queued actions, which we
    never use; with them disabled no thread crash was seen (ENGINE-NOTES.md).
    """

    def _run(self) -> None:
        return None


def _prop(subject: str) -> str:
    # durable-rules reads "a.b" as a nested attribute; our subjects are flat names.
    return subject.replace(".", "__")


def _rank_prop(subject: str) -> str:
    return _prop(subject) + "__n"


def _min_prop(subject: str) -> str:
    return _prop(subject) + "__min"


def _atl_prop(subject: str) -> str:
    return _prop(subject) + "__atl"


def _suffix_from(ranks: set[int], top: int) -> int | None:
    """The lowest m such that every rank m..top is in ``ranks`` (None when top is not)."""
    m = None
    for rank in range(top, -1, -1):
        if rank not in ranks:
            break
        m = rank
    return m


@attrs.frozen
class _EngineRule:
    rule: str
    outcome: str
    literals: tuple[Literal, ...]
    pattern: dict[str, Any]
    branches: int

    @property
    def subjects(self) -> set[str]:
        return {cond.subject for cond, _ in self.literals}


@attrs.define
class _Shard:
    name: str
    rules: list[_EngineRule] = attrs.Factory(list)
    subjects: set[str] = attrs.Factory(set)
    branches: int = 0

    def fits(self, erule: _EngineRule) -> bool:
        return (
            self.branches + erule.branches <= MAX_BRANCHES_PER_SHARD
            and len(self.subjects | erule.subjects) <= MAX_SUBJECTS_PER_SHARD
        )

    def add(self, erule: _EngineRule) -> None:
        self.rules.append(erule)
        self.subjects |= erule.subjects
        self.branches += erule.branches


def _either(parts: list[dict[str, Any]]) -> dict[str, Any]:
    return parts[0] if len(parts) == 1 else {"$or": parts}


def _both(parts: list[dict[str, Any]]) -> dict[str, Any]:
    return parts[0] if len(parts) == 1 else {"$and": parts}


def _literal_json(cond: Cond, positive: bool, order: tuple[str, ...] | None = None) -> tuple[dict[str, Any], int]:
    """The durable-rules test for one literal, and how many alternative branches it opens.

    An absent property matches no test (also not ``$neq``), which is exactly "unknown". ``order``
    is the subject's values, lowest first, when it is an ordered choice (at-least answers possible).
    """
    if order:
        top = len(order) - 1
        ranks = {k for k, v in enumerate(order) if cond.holds(v, k) == positive}
        nvt = cond.holds("nvt", None) == positive
        m = _suffix_from(ranks, top)
        if m is not None and ranks == set(range(m, top + 1)):
            # Upward closed: one rank test decides exact answers and at-least answers alike.
            test: dict[str, Any] = {"$gte": {_min_prop(cond.subject): m}}
            return ({"$or": [test, {_prop(cond.subject): "nvt"}]}, 2) if nvt else (test, 1)
        exact, branches = _exact_json(cond, positive)
        if m is None:
            return exact, branches
        return {"$or": [exact, {"$gte": {_atl_prop(cond.subject): m}}]}, branches + 1
    return _exact_json(cond, positive)


def _exact_json(cond: Cond, positive: bool) -> tuple[dict[str, Any], int]:
    op, value, prop = cond.op, cond.value, _prop(cond.subject)
    if op in ("is", "is_not"):
        return ({prop: value} if (op == "is") == positive else {"$neq": {prop: value}}), 1
    if op in ("in", "not_in"):
        values = list(value)  # type: ignore[call-overload]
        if (op == "in") == positive:
            return _either([{prop: v} for v in values]), len(values)
        return _both([{"$neq": {prop: v}} for v in values]), 1
    rank = _rank_prop(cond.subject)
    if positive:
        return {"$gte" if op == "at_least" else "$lte": {rank: value}}, 1
    # Known and not satisfying: below (above) the bound, or not applicable (nvt has no rank).
    return {"$or": [{"$lt" if op == "at_least" else "$gt": {rank: value}}, {prop: "nvt"}]}, 2


def compile_rule(rule: Rule, orders: Mapping[str, tuple[str, ...]] | None = None) -> list[_EngineRule]:
    """The engine rules of ``rule``: one per conjunction of its normal form and of its negation.

    ``orders`` maps the subjects that are ordered choices to their values, lowest first.
    """
    orders = orders or {}
    result = []
    for outcome, positive in (("fires", True), ("fails", False)):
        for conjunction in dnf(rule.when, positive):
            tests, branches = [], 1
            for cond, pos in conjunction:
                test, alternatives = _literal_json(cond, pos, orders.get(cond.subject) if cond.kind == "question" else None)
                tests.append(test)
                branches *= alternatives
            result.append(_EngineRule(rule.id, outcome, conjunction, _both(tests), branches))
    return result


class Engine:
    """A rule pack compiled into durable-rules rulesets, ready to run many assessments.

    Parameters
    ----------
    pack:
        The rules to compile. Rules are grouped in strata by :attr:`Rule.stratum`; a caller runs
        stratum 0, derives facts from its firings (the pillar stages), and passes them to stratum 1.
    orders:
        The values, lowest first, of every ordered-choice question: what an at-least answer to it
        may be. Without them at-least answers are not understood (every condition on them stays
        unknown).
    """

    def __init__(self, pack: RulePack, orders: Mapping[str, tuple[str, ...]] | None = None) -> None:
        self.orders = dict(orders or {})
        self._prefix = f"zorgadvies{next(_NAMES)}"
        self._current: list[tuple[_EngineRule, dict[str, Any]]] | None = None
        self._errors: list[BaseException] = []
        strata: dict[int, list[Rule]] = defaultdict(list)
        for rule in sorted(pack.rules, key=lambda r: r.id):
            strata[rule.stratum].append(rule)
        self.strata: dict[int, list[_Shard]] = {}
        definitions: dict[str, dict[str, Any]] = {}
        for stratum, rules in sorted(strata.items()):
            shards: list[_Shard] = []
            for rule in rules:
                for erule in compile_rule(rule, self.orders):
                    if erule.branches > MAX_BRANCHES_PER_SHARD:
                        raise EngineError(
                            t("engine.rule_has_too_many", id=rule.id, branches=erule.branches, MAX_BRANCHES_PER_SHARD=MAX_BRANCHES_PER_SHARD),
                            file=rule.file or None,
                            line=rule.line or None,
                        )
                    if not shards or not shards[-1].fits(erule):
                        shards.append(_Shard(f"{self._prefix}_s{stratum}_{len(shards)}"))
                    shards[-1].add(erule)
            self.strata[stratum] = shards
            for shard in shards:
                definitions[shard.name] = self._definition(shard)
        self._host = _Host()
        with _LOCK:
            try:
                # register_rulesets mutates what it is given (it deletes each "run"): pass a copy.
                self._host.register_rulesets(copy.deepcopy(definitions))
            except Exception as exc:  # the C extension raises bare Exceptions with an error code
                raise EngineError(t("engine.durable_rules_refused_compiled", exc=exc)) from None

    @property
    def shard_count(self) -> int:
        return sum(len(s) for s in self.strata.values())

    def _definition(self, shard: _Shard) -> dict[str, Any]:
        definition: dict[str, Any] = {
            f"r{index}": {"all": [{"m": erule.pattern}], "run": self._action(erule)}
            for index, erule in enumerate(shard.rules)
        }
        definition["catch_all"] = {"all": [{"m": {_CATCH_ALL: 1}}], "run": _ignore}
        return definition

    def _action(self, erule: _EngineRule) -> Any:
        def action(c: Any) -> None:
            # durable-rules swallows exceptions raised here into the session state; record them
            # ourselves as well so that nothing can get lost (upstream issue #305).
            try:
                if self._current is None:
                    raise EngineError(t("engine.engine_action_ran_outside"))
                self._current.append((erule, c._m))
            except BaseException as exc:  # noqa: BLE001 - re-raised by _check after the call
                self._errors.append(exc)
                raise

        return action

    def run(self, facts: Mapping[str, FactValue], stratum: int = 0) -> list[Firing]:
        """Run one stratum over ``facts`` (subject -> (value, rank)) in fresh sessions.

        Returns the firings in a deterministic order (rule id, outcome, conjunction).
        """
        shards = self.strata.get(stratum, [])
        found: list[tuple[_EngineRule, dict[str, Any]]] = []
        with _LOCK:
            self._current, self._errors = found, []
            try:
                for shard in shards:
                    self._run_shard(shard, facts)
            finally:
                self._current = None
        return _collect(found, self.orders)

    def _run_shard(self, shard: _Shard, facts: Mapping[str, FactValue]) -> None:
        sid = str(next(_SIDS))
        fact: dict[str, Any] = {"sid": sid, _CATCH_ALL: 1}
        for subject in sorted(shard.subjects & facts.keys()):
            value, rank = facts[subject]
            if isinstance(value, AtLeast):
                if rank is not None and subject in self.orders:
                    fact[_min_prop(subject)] = fact[_atl_prop(subject)] = rank
                continue
            fact[_prop(subject)] = value
            if rank is not None and value != "nvt":
                fact[_rank_prop(subject)] = rank
                if subject in self.orders:
                    fact[_min_prop(subject)] = rank
        try:
            state = self._host.assert_fact(shard.name, fact)
        except Exception as exc:  # the catch-all rule means "not handled" cannot happen
            raise EngineError(t("engine.durable_rules_failed", name=shard.name, exc=exc)) from None
        try:
            self._check(state, shard.name)
        finally:
            self._host.delete_state(shard.name, sid)

    def _check(self, state: Any, where: str) -> None:
        if self._errors:
            raise EngineError(t("engine.rule_action_failed", where=where, value=self._errors[0]))
        if isinstance(state, dict) and state.get("exception"):
            raise EngineError(t("engine.durable_rules_reported_error", where=where, state=state['exception']))


def _ignore(c: Any) -> None:
    """The catch-all rule's action: nothing to conclude, the fact just has to be handled."""


def _seen(seen: Mapping[str, Any], subject: str, orders: Mapping[str, tuple[str, ...]]) -> object:
    """The value the engine saw for ``subject``: the value, or the at-least answer it stands for."""
    if _prop(subject) in seen:
        return seen[_prop(subject)]
    order = orders[subject]
    bound = int(seen[_atl_prop(subject)])
    return AtLeast(order[bound], order[bound:])


def _collect(found: Sequence[tuple[_EngineRule, dict[str, Any]]], orders: Mapping[str, tuple[str, ...]]) -> list[Firing]:
    firings = []
    for erule, matched in found:
        # The matched fact holds every known subject of the shard; the trace names the ones this
        # conjunction tested, with the values the engine saw.
        seen = matched["m"]
        pairs = tuple(sorted(((s, _seen(seen, s, orders)) for s in erule.subjects), key=lambda p: p[0]))
        firings.append(Firing(erule.rule, erule.outcome, pairs, tuple(c for c, _ in erule.literals)))
    # Engine firing order depends on sharding; the report must not.
    firings.sort(key=lambda f: (f.rule, f.outcome, [c.describe() for c in f.conditions], [(k, str(v)) for k, v in f.matched]))
    return firings
