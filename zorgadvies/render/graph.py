"""The dependency graph in DOT, GraphML, node-link JSON and Mermaid (presentation only)."""

from __future__ import annotations

import io
import json
from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # networkx is imported when a graph is rendered, not when the CLI starts
    import networkx as nx

__all__ = ["GRAPH_FORMATS", "annotated_graph", "render_graph"]

GRAPH_FORMATS = ("dot", "graphml", "json", "mermaid")


def annotated_graph(graph: nx.DiGraph, fired: Mapping[str, int] | None = None) -> nx.DiGraph:
    """A copy with plain-typed attributes; with ``fired`` (id -> rank) the fired nodes are marked."""
    import networkx as nx

    result = nx.DiGraph()
    for node in sorted(graph.nodes):
        data = graph.nodes[node]
        attrs: dict[str, object] = {"title": data["title"], "title_en": data["title_en"], "phase": data["phase"]}
        if fired is not None:
            attrs["fired"] = node in fired
            if node in fired:
                attrs["rank"] = fired[node]
        result.add_node(node, **attrs)
    for before, after in sorted(graph.edges):
        data = graph.edges[before, after]
        result.add_edge(before, after, reason=data["reason"], reason_en=data["reason_en"], sources=" ".join(data["sources"]))
    return result


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _dot(graph: nx.DiGraph) -> str:
    lines = ["digraph zorgadvies {", "  rankdir=LR;", '  node [shape=box, style="rounded,filled", fillcolor=white, fontname="Helvetica"];']
    for node, data in graph.nodes(data=True):
        label = data["title"] if "rank" not in data else f"{data['rank']}. {data['title']}"
        extra = ', fillcolor="#ffd966", penwidth=2' if data.get("fired") else ""
        lines.append(f"  {_quote(node)} [label={_quote(label)}, tooltip={_quote(node)}{extra}];")
    for before, after, data in graph.edges(data=True):
        lines.append(f"  {_quote(before)} -> {_quote(after)} [tooltip={_quote(data['reason'])}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _mermaid(graph: nx.DiGraph) -> str:
    ids = {node: f"n{i}" for i, node in enumerate(graph.nodes)}
    lines = ["flowchart LR"]
    for node, data in graph.nodes(data=True):
        label = data["title"] if "rank" not in data else f"{data['rank']}. {data['title']}"
        label = label.replace('"', "'")
        lines.append(f'  {ids[node]}["{label}<br/><small>{node}</small>"]')
    for before, after in graph.edges:
        lines.append(f"  {ids[before]} --> {ids[after]}")
    fired = [ids[n] for n, d in graph.nodes(data=True) if d.get("fired")]
    if fired:
        lines.append("  classDef fired fill:#ffd966,stroke:#7f6000,stroke-width:2px")
        lines.append(f"  class {','.join(fired)} fired")
    return "\n".join(lines) + "\n"


def render_graph(graph: nx.DiGraph, fmt: str) -> str:
    """``graph`` (from :func:`annotated_graph`) in ``fmt``; ``json`` is networkx node-link data."""
    if fmt == "dot":
        return _dot(graph)
    if fmt == "mermaid":
        return _mermaid(graph)
    import networkx as nx

    if fmt == "json":
        return json.dumps(nx.node_link_data(graph, edges="edges"), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    if fmt == "graphml":
        buffer = io.BytesIO()
        nx.write_graphml(graph, buffer, encoding="utf-8")
        return buffer.getvalue().decode("utf-8")
    raise ValueError(f"unknown graph format {fmt!r}")
