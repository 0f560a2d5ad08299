"""What to ask next, fast: :func:`zorgadvies.interview.live_questions` without the engine, memoised.

A respondent's questionnaire on the web (``zorgadvies serve``) decides the next question on every
answer, for up to hundreds of respondents at once. The engine run behind
:func:`~zorgadvies.interview.live_questions` costs 10-15 ms; deciding what can still change a
conclusion needs only each rule's outcome (fires, fails, unknown) and the pillar stages, which the
reference evaluator of the rule semantics (:func:`zorgadvies.logic.reference_outcomes`, the one
the engine is checked against) gives in well under a millisecond. :func:`reference_run` is that
evaluation in the shape of :meth:`zorgadvies.api.Advisor.run`; :func:`fast_live_questions` runs
the unchanged ``live_questions`` logic on it and remembers the result per (knowledge and rules
digest, facts): a pure function of the two, so a process-local cache is safe with several workers.

``tests/test_livefast.py`` checks, over random answer sets (hypothesis), that the result equals
the engine-based ``live_questions``.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections import OrderedDict

from .api import Advisor
from .engine import Firing
from .facts import Facts
from .interview import live_questions
from .logic import reference_outcomes
from .report import PillarResult
from .rulepack import Rule

__all__ = ["CACHE_SIZE", "fast_live_questions", "reference_run"]

#: Facts sets remembered per process (a key is a digest; a value about a hundred question ids).
CACHE_SIZE = 2048

_cache: OrderedDict[tuple[str, bytes], frozenset[str]] = OrderedDict()
_lock = threading.Lock()
_strata_memo: dict[tuple[str, int], tuple[tuple[Rule, ...], tuple[Rule, ...]]] = {}


def reference_run(adv: Advisor, facts: Facts) -> tuple[dict[str, tuple[object, int | None]], list[Firing], tuple[PillarResult, ...]]:
    """:meth:`Advisor.run` with the reference evaluator in place of the engine: the same facts, outcomes and stages.

    The firings carry each rule's outcome only (no matched facts, no conditions): enough for the
    stages and for what to ask, not for a report's evidence.
    """
    strata = _strata(adv)

    def run_stratum(efacts: dict[str, tuple[object, int | None]], stratum: int) -> list[Firing]:
        rules = strata[0] if stratum == 0 else strata[1]
        return [Firing(rule, outcome, (), ()) for rule, outcome in sorted(reference_outcomes(rules, efacts).items())]

    return adv.run(facts, strata=run_stratum)


def _strata(adv: Advisor) -> tuple[tuple[Rule, ...], tuple[Rule, ...]]:
    """The rules of stratum 0 and of stratum 1 (``Rule.stratum`` walks the condition each time)."""
    key = (adv.sha256, id(adv.pack))
    found = _strata_memo.get(key)
    if found is None:
        found = _strata_memo[key] = (
            tuple(r for r in adv.pack.rules if r.stratum == 0),
            tuple(r for r in adv.pack.rules if r.stratum != 0),
        )
    return found


def _digest(facts: Facts) -> bytes:
    text = json.dumps(facts.to_dict(), sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=20).digest()


def fast_live_questions(adv: Advisor, facts: Facts) -> set[str]:
    """:func:`zorgadvies.interview.live_questions` (the same set), by :func:`reference_run`, memoised."""
    key = (adv.sha256, _digest(facts))
    with _lock:
        found = _cache.get(key)
        if found is not None:
            _cache.move_to_end(key)
            return set(found)
    live = frozenset(live_questions(adv, facts, run=lambda f: reference_run(adv, f)))
    with _lock:
        _cache[key] = live
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return set(live)
