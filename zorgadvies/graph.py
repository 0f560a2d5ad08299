"""The recommendation dependency graph (networkx) and the reference ranking.

The graph is knowledge (edges "A comes before B" in ``knowledge/edges/``); the ranking is code, and
is written down in docs/ranking.md. Assessments rank with :func:`zorgadvies.ranking.rank` over the
:class:`~zorgadvies.ranking.Closure` that :func:`closure` computes here once; :func:`rank` below is
the same algorithm written with networkx, kept as the reference the tests compare against:

1. a recommendation never ranks above a fired prerequisite (also an indirect one: A -> B -> C with
   only A and C fired still puts A first);
2. among those free to go next, the one that unblocks most fired recommendations comes first;
3. then the earlier phase of the innovation route (onderzoek, richt, plan, doe);
4. then the id, so that the order is total and deterministic.

This is networkx's ``lexicographical_topological_sort`` over the fired recommendations, with an
edge wherever the full graph has a path, keyed by (-unblocks, phase, id).
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from .errors import KnowledgeError
from .knowledge import PHASES, KnowledgeBase
from .ranking import Closure
from .messages import t

__all__ = ["Ranked", "build_graph", "closure", "rank"]


def build_graph(kb: KnowledgeBase) -> nx.DiGraph:
    """All recommendations as nodes, all edges from ``knowledge/edges/``; refuses a cycle."""
    graph = nx.DiGraph()
    for rec in kb.recommendations.values():
        graph.add_node(rec.id, title=rec.title, title_en=rec.title_en, phase=rec.phase)
    for edge in kb.edges:
        graph.add_edge(edge.before, edge.after, reason=edge.reason, reason_en=edge.reason_en, sources=list(edge.sources))
    if not nx.is_directed_acyclic_graph(graph):
        cycle = nx.find_cycle(graph)
        path = " -> ".join([cycle[0][0], *(v for _, v in cycle)])
        first = next(e for e in kb.edges if (e.before, e.after) == cycle[0])
        raise KnowledgeError(t("graph.dependency_graph_has_cycle", path=path), file=first.file, line=first.line)
    return graph


def closure(graph: nx.DiGraph) -> Closure:
    """Every recommendation's phase and descendants: all an assessment needs of the graph."""
    return Closure(
        phase={n: graph.nodes[n]["phase"] for n in sorted(graph.nodes)},
        descendants={n: frozenset(nx.descendants(graph, n)) for n in sorted(graph.nodes)},
    )


class Ranked:
    """The ranking of a set of fired recommendations: order, requires and unblocks per id."""

    def __init__(self, order: list[str], requires: dict[str, tuple[str, ...]], unblocks: dict[str, tuple[str, ...]]) -> None:
        self.order = order
        self.requires = requires
        self.unblocks = unblocks


def rank(graph: nx.DiGraph, fired: Iterable[str]) -> Ranked:
    """Order ``fired`` recommendations as described in the module docstring."""
    fired_set = set(fired)
    closure = nx.DiGraph()
    closure.add_nodes_from(sorted(fired_set))
    for node in sorted(fired_set):
        for later in sorted(nx.descendants(graph, node) & fired_set):
            closure.add_edge(node, later)
    # Direct prerequisites among the fired: the transitive reduction of the closure.
    reduced = nx.transitive_reduction(closure) if closure.number_of_edges() else closure
    requires = {n: tuple(sorted(reduced.predecessors(n))) for n in closure}
    unblocks = {n: tuple(sorted(reduced.successors(n))) for n in closure}

    def key(node: str) -> tuple[int, int, str]:
        return (-len(nx.descendants(closure, node)), PHASES.index(graph.nodes[node]["phase"]), node)

    order = list(nx.lexicographical_topological_sort(closure, key=key))
    return Ranked(order, requires, unblocks)
