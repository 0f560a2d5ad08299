"""Ranking fired recommendations over a precomputed closure of the dependency graph.

The graph itself is built and checked with networkx (:mod:`zorgadvies.graph`); what an assessment
needs of it is only "which recommendations come (directly or indirectly) after which", computed once
per knowledge base and kept in :class:`Closure`. Ranking over that closure in plain Python keeps
networkx out of every assessment's import and run time (see docs/performance.md); the algorithm is
the one of docs/ranking.md, and ``tests/test_recommendations.py`` checks on generated graphs that
it orders exactly like networkx's ``lexicographical_topological_sort``.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Mapping

import attrs

from .knowledge import PHASES
from .report import FocusItem

__all__ = ["FOCUS_SIZE", "Closure", "Ranked", "focus", "rank"]


@attrs.frozen
class Closure:
    """For every recommendation: its phase and every recommendation that comes after it."""

    phase: Mapping[str, str]
    descendants: Mapping[str, frozenset[str]]


@attrs.frozen
class Ranked:
    """The order of the fired recommendations, and their direct fired prerequisites and dependants."""

    order: list[str]
    requires: dict[str, tuple[str, ...]]
    unblocks: dict[str, tuple[str, ...]]


def rank(closure: Closure, fired: Iterable[str]) -> Ranked:
    """Order ``fired`` as docs/ranking.md describes.

    1. never before a fired (direct or indirect) prerequisite;
    2. then most fired recommendations unblocked first;
    3. then the phase of the innovation route; 4. then the id.
    """
    nodes = sorted(set(fired))
    after = {n: closure.descendants[n] & set(nodes) for n in nodes}  # fired descendants
    # Direct links among the fired: the transitive reduction of the closure restricted to them.
    unblocks = {n: tuple(sorted(b for b in after[n] if not any(b in after[c] for c in after[n]))) for n in nodes}
    requires: dict[str, list[str]] = {n: [] for n in nodes}
    for n in nodes:
        for b in unblocks[n]:
            requires[b].append(n)
    waiting = {n: len(requires[n]) for n in nodes}

    def key(node: str) -> tuple[int, int, str]:
        return (-len(after[node]), PHASES.index(closure.phase[node]), node)

    heap = [key(n) for n in nodes if waiting[n] == 0]
    heapq.heapify(heap)
    order: list[str] = []
    while heap:
        node = heapq.heappop(heap)[2]
        order.append(node)
        for later in unblocks[node]:
            waiting[later] -= 1
            if waiting[later] == 0:
                heapq.heappush(heap, key(later))
    return Ranked(order, {n: tuple(sorted(r)) for n, r in requires.items()}, unblocks)


#: The most recommendations in the focus list ("Nu aan de slag").
FOCUS_SIZE = 7


def focus(
    closure: Closure,
    ranked: Ranked,
    themes: Mapping[str, str],
    theme_names: Mapping[str, tuple[str, str]],
    *,
    size: int = FOCUS_SIZE,
) -> tuple[FocusItem, ...]:
    """At most ``size`` recommendations to start with, by the focus rule of docs/ranking.md.

    1. Only a recommendation none of whose fired prerequisites is still open (``requires`` empty)
       can start now.
    2. First pass, in rank order: the first startable recommendation of every theme (``themes``:
       id -> its first ``serves`` entry), so that the list spreads over the themes.
    3. Second pass, in rank order: the startable recommendations not yet taken, until ``size``.
    4. Shown in rank order. Rank already puts what unblocks most first, so both passes prefer it.
    """
    position = {rec: n for n, rec in enumerate(ranked.order, start=1)}
    fired = set(ranked.order)
    startable = [rec for rec in ranked.order if not ranked.requires[rec]]
    chosen: list[str] = []
    seen: set[str] = set()
    for rec in startable:
        if len(chosen) < size and themes[rec] not in seen:
            chosen.append(rec)
            seen.add(themes[rec])
    leading = set(chosen)  # the first of their theme
    for rec in startable:
        if len(chosen) < size and rec not in chosen:
            chosen.append(rec)
    items = []
    for rec in sorted(chosen, key=position.__getitem__):
        unblocked = len(closure.descendants[rec] & fired)
        nl_theme, en_theme = theme_names[themes[rec]]
        if unblocked:
            nl = f"Kan nu starten en maakt de weg vrij voor {unblocked} andere aanbeveling{'en' if unblocked > 1 else ''}"
            en = f"Can start now and clears the way for {unblocked} other recommendation{'s' if unblocked > 1 else ''}"
        else:
            nl, en = "Kan nu starten: er gaat geen andere aanbeveling aan vooraf", "Can start now: no other recommendation comes first"
        if rec in leading:
            nl, en = f"{nl}; de eerste stap voor het thema {nl_theme}.", f"{en}; the first step for the theme {en_theme}."
        else:
            nl, en = f"{nl} (thema {nl_theme}).", f"{en} (theme {en_theme})."
        items.append(FocusItem(rec, position[rec], nl, en))
    return tuple(items)
