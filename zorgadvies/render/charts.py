"""SVG charts for the Markdown and HTML reports: the stage radar and the dependency graph.

Drawn by hand as SVG text: no network, no JavaScript, no plotting library. Every coordinate is
rounded to one decimal and every list is walked in a fixed order, so the same report always gives
byte-identical SVG. Each chart carries a ``<title>`` and a ``<desc>`` that say in words what it
shows (for screen readers and for anyone who cannot see the picture).

``standalone=True`` adds the ``xmlns`` declaration that an ``.svg`` file or a ``data:`` URI needs;
SVG inlined in HTML does without (the HTML parser puts it in the SVG namespace by itself).
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Mapping
from html import escape
from typing import Any

import networkx as nx

from ..knowledge import PHASES, KnowledgeBase
from ..report import PillarResult, Recommendation, Report

__all__ = ["PHASE_COLOURS", "dependency_layers", "graph_svg", "radar_svg"]

_SVG_NS = "http://www.w3.org/2000/svg"

#: Fill and stroke per route phase; the HTML report uses the same colours for its cards.
PHASE_COLOURS = {
    "onderzoek": ("#e6f0fa", "#2a64a8"),
    "richt": ("#e7f4ea", "#2b7a3d"),
    "plan": ("#fdf1dc", "#a86a12"),
    "doe": ("#f1eaf8", "#74489e"),
}
_INK = "#1a1a1a"
_GREY = "#6b6b6b"
_RULE = "#c8c8c8"
_STAGE = "#1d4e89"  # determined stage
_OPEN = "#b34700"  # undetermined ("at least")
_TARGET = "#1b7837"  # target stage (a square)
_PREVIOUS = "#8c8c8c"  # previous assessment (a triangle)
_ESTIMATE = "#6a3d9a"  # an estimate (a diamond, so not told apart by colour alone)


def _legend_dot(x: float, y: float) -> str:
    return f'<circle cx="{_f(x)}" cy="{_f(y)}" r="6" fill="{_STAGE}"/>'


def _legend_open(x: float, y: float) -> str:
    return f'<circle cx="{_f(x)}" cy="{_f(y)}" r="6" fill="#ffffff" stroke="{_OPEN}" stroke-width="3"/>'


def _legend_dash(x: float, y: float) -> str:
    return f'<line x1="{_f(x - 8)}" y1="{_f(y)}" x2="{_f(x + 16)}" y2="{_f(y)}" stroke="{_OPEN}" stroke-width="2.5" stroke-dasharray="6 4"/>'


def _legend_estimate(x: float, y: float) -> str:
    return _diamond(x, y, _ESTIMATE, 6)


def _legend_target(x: float, y: float) -> str:
    return _square(x, y, _TARGET, 5.5)


def _legend_previous(x: float, y: float) -> str:
    return _triangle(x, y, _PREVIOUS, 6.5)


def _square(x: float, y: float, colour: str, size: float = 6.5) -> str:
    return (
        f'<rect class="target" x="{_f(x - size)}" y="{_f(y - size)}" width="{_f(2 * size)}" height="{_f(2 * size)}" '
        f'fill="none" stroke="{colour}" stroke-width="2.5"/>'
    )


def _triangle(x: float, y: float, colour: str, size: float = 7.5) -> str:
    points = f"{_f(x)},{_f(y - size)} {_f(x + size * 0.9)},{_f(y + size * 0.6)} {_f(x - size * 0.9)},{_f(y + size * 0.6)}"
    return f'<polygon class="previous" points="{points}" fill="{colour}" stroke="#ffffff" stroke-width="1"/>'


def _legend_rows(items: list[tuple[Any, str]], width: float) -> list[list[tuple[Any, str]]]:
    """The legend's entries in rows no wider than ``width`` (greedy, in the given order)."""
    rows: list[list[tuple[Any, str]]] = [[]]
    used = 0.0
    for item in items:
        need = 32 + _text_width(item[1], 14) + (24 if rows[-1] else 0)
        if rows[-1] and used + need > width:
            rows.append([])
            used, need = 0.0, 32 + _text_width(item[1], 14)
        rows[-1].append(item)
        used += need
    return rows


def _diamond(x: float, y: float, colour: str, size: float = 7.5) -> str:
    points = f"{_f(x)},{_f(y - size)} {_f(x + size)},{_f(y)} {_f(x)},{_f(y + size)} {_f(x - size)},{_f(y)}"
    return f'<polygon class="estimate" points="{points}" fill="#ffffff" stroke="{colour}" stroke-width="3"/>'


_T: dict[str, dict[str, Any]] = {
    "nl": {
        "radar": "Ontwikkelprofiel over de zes pijlers",
        "radar_desc": "Radardiagram met zes assen, een per pijler, en vier ringen voor de stadia 1 tot en met 4.",
        "determined": "stadium vastgesteld",
        "open": "onbepaald: minstens dit stadium",
        "maybe": "kan tot hier liggen",
        "estimate": "geschat",
        "estimated": "geschat",
        "target": "doel",
        "previous": "vorige meting",
        "undetermined": "onbepaald",
        "at_least": "minstens",
        "graph": "Volgorde van de aanbevelingen",
        "graph_desc": "Elke pijl loopt van een aanbeveling naar een aanbeveling die erop voortbouwt.",
        "arrow": "gaat vooraf aan",
        "step": "Stap",
        "chains": "Aanbevelingen die op elkaar voortbouwen (pijl: eerst → daarna)",
        "free": "Aanbevelingen zonder onderlinge afhankelijkheid, op volgorde van prioriteit",
        "phases": {"onderzoek": "Onderzoek", "richt": "Richt", "plan": "Plan", "doe": "Doe"},
        "phase": "Fase",
        "none": "Geen onderlinge afhankelijkheden.",
    },
    "en": {
        "radar": "Development profile across the six pillars",
        "radar_desc": "Radar chart with six axes, one per pillar, and four rings for stages 1 to 4.",
        "determined": "stage determined",
        "open": "undetermined: at least this stage",
        "maybe": "may reach this far",
        "estimate": "estimated",
        "estimated": "estimated",
        "target": "target",
        "previous": "previous assessment",
        "undetermined": "undetermined",
        "at_least": "at least",
        "graph": "Order of the recommendations",
        "graph_desc": "Each arrow runs from a recommendation to one that builds on it.",
        "arrow": "comes before",
        "step": "Step",
        "chains": "Recommendations that build on each other (arrow: first → then)",
        "free": "Recommendations without mutual dependencies, in order of priority",
        "phases": {"onderzoek": "Research", "richt": "Direct", "plan": "Plan", "doe": "Do"},
        "phase": "Phase",
        "none": "No mutual dependencies.",
    },
}

_FONT = "font-family=\"'Segoe UI', 'Helvetica Neue', Arial, 'Liberation Sans', sans-serif\""


def _f(x: float) -> str:
    """A coordinate, rounded to one decimal, without a trailing ``.0`` and never ``-0``."""
    text = f"{round(x, 1) + 0.0:.1f}"
    text = text[:-2] if text.endswith(".0") else text
    return "0" if text == "-0" else text


def _open(width: float, height: float, ident: str, title: str, desc: str, standalone: bool) -> list[str]:
    ns = f' xmlns="{_SVG_NS}"' if standalone else ""
    return [
        f'<svg{ns} viewBox="0 0 {_f(width)} {_f(height)}" width="{_f(width)}" height="{_f(height)}" '
        f'role="img" aria-labelledby="{ident}-title {ident}-desc" class="chart" {_FONT}>',
        f'<title id="{ident}-title">{escape(title)}</title>',
        f'<desc id="{ident}-desc">{escape(desc)}</desc>',
        f'<rect x="0" y="0" width="{_f(width)}" height="{_f(height)}" fill="#ffffff"/>',
    ]


def _text_lines(x: float, y: float, lines: list[str], *, size: float, anchor: str = "start", weight: str = "normal", fill: str = _INK, leading: float = 1.25) -> str:
    """One ``<text>`` with a ``<tspan>`` per line, the first line's baseline at ``y``."""
    parts = [
        f'<text x="{_f(x)}" y="{_f(y)}" font-size="{_f(size)}" text-anchor="{anchor}" '
        f'font-weight="{weight}" fill="{fill}">'
    ]
    for i, line in enumerate(lines):
        dy = "0" if i == 0 else _f(size * leading)
        parts.append(f'<tspan x="{_f(x)}" dy="{dy}">{escape(line)}</tspan>')
    parts.append("</text>")
    return "".join(parts)


def _text_width(text: str, size: float) -> float:
    """A rough width of ``text`` in a sans-serif face (about 0.55 em per character)."""
    return len(text) * size * 0.55


def _wrap(text: str, width: int, max_lines: int) -> list[str]:
    lines = textwrap.wrap(text, width=width, break_long_words=True, break_on_hyphens=False) or [""]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        lines[-1] = (last[: width - 1].rstrip() if len(last) >= width else last.rstrip()) + "…"
    return lines


# --- radar -------------------------------------------------------------------------------------


def _stage_words(kb: KnowledgeBase, pillar: PillarResult, lang: str) -> str:
    t = _T[lang]
    if pillar.stage is not None:
        return f"{pillar.stage} · {kb.stage(pillar.stage).name(lang)}"
    words = f"{t['undetermined']}, {pillar.stage_min}–{pillar.stage_max}"
    if pillar.stage_estimate.stage:
        words += f", {t['estimated']} {pillar.stage_estimate.stage}"
    return words


def radar_svg(
    report: Report,
    kb: KnowledgeBase,
    lang: str = "nl",
    *,
    standalone: bool = True,
    previous: Mapping[str, int | None] | None = None,
) -> str:
    """The stage of each pillar on a six-axis radar with four rings (stages 1–4).

    An undetermined pillar is drawn at its ``stage_min`` with a hollow circle and a dashed line along
    its axis up to ``stage_max``: the stage lies somewhere there. An estimate (``stage_estimate``
    of an undetermined pillar) is a hollow diamond: another shape, not only another colour, so
    that it reads apart from an established stage in grey print and for colour-blind readers.
    A target (``report.targets``) is a green square, the previous assessment (``previous``: pillar
    id -> stage) a grey triangle; each joined by its own line style (dotted, dashed) when all six
    pillars have one.
    """
    t = _T[lang]
    pillars = report.pillars
    legend: list[tuple[Any, str]] = [(_legend_dot, t["determined"])]
    if any(p.stage is None for p in pillars):
        legend += [(_legend_open, t["open"]), (_legend_dash, t["maybe"])]
    if any(p.stage is None and p.stage_estimate.stage for p in pillars):
        legend.append((_legend_estimate, t["estimate"]))
    targets = {p.id: report.targets[p.id] for p in pillars if report.targets.get(p.id)}
    before = {p.id: int(v) for p in pillars if (v := (previous or {}).get(p.id))}
    if targets:
        legend.append((_legend_target, t["target"]))
    if before:
        legend.append((_legend_previous, t["previous"]))
    legend_rows = _legend_rows(legend, 660.0)
    width, base_height = 700.0, 560.0  # with one row of legend markers; each further row adds 30
    height = base_height + 30 * (len(legend_rows) - 1)
    cx, cy, radius = width / 2, 242.0, 165.0
    n = len(pillars)

    def point(i: int, level: float) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * i / n
        r = radius * level / 4
        return cx + r * math.cos(angle), cy + r * math.sin(angle)

    desc_parts = [t["radar_desc"]]
    for p in pillars:
        desc_parts.append(f"{kb.pillar(p.id).name(lang)}: {_stage_words(kb, p, lang)}.")
    out = _open(width, height, "zg-radar", t["radar"], " ".join(desc_parts), standalone)

    # Rings: stage 4 outermost, lightly banded so the stages read as zones.
    for level in (4, 3, 2, 1):
        ring = " ".join(f"{_f(x)},{_f(y)}" for x, y in (point(i, level) for i in range(n)))
        fill = "#f4f6f9" if level % 2 == 0 else "#ffffff"
        out.append(f'<polygon points="{ring}" fill="{fill}" stroke="{_RULE}" stroke-width="1"/>')
    # Axes.
    for i in range(n):
        x, y = point(i, 4)
        out.append(f'<line x1="{_f(cx)}" y1="{_f(cy)}" x2="{_f(x)}" y2="{_f(y)}" stroke="{_RULE}" stroke-width="1" class="axis"/>')
    # Ring numbers along the top axis.
    for level in (1, 2, 3, 4):
        x, y = point(0, level)
        out.append(
            f'<text x="{_f(x + 9)}" y="{_f(y - 4)}" font-size="11" fill="{_GREY}" stroke="#ffffff" '
            f'stroke-width="3" paint-order="stroke">{level}</text>'
        )

    # The previous assessment and the targets, under the profile.
    for marks, kind, dash, colour in ((before, "previous-line", "7 5", _PREVIOUS), (targets, "target-line", "2 4", _TARGET)):
        if len(marks) == n:
            line = " ".join(f"{_f(x)},{_f(y)}" for x, y in (point(i, marks[p.id]) for i, p in enumerate(pillars)))
            out.append(f'<polygon class="{kind}" points="{line}" fill="none" stroke="{colour}" stroke-width="2" stroke-dasharray="{dash}"/>')
    # The profile polygon.
    values = [p.stage if p.stage is not None else p.stage_min for p in pillars]
    shape = " ".join(f"{_f(x)},{_f(y)}" for x, y in (point(i, v) for i, v in enumerate(values)))
    out.append(f'<polygon points="{shape}" fill="{_STAGE}" fill-opacity="0.16" stroke="{_STAGE}" stroke-width="2.5" stroke-linejoin="round"/>')
    for i, (p, v) in enumerate(zip(pillars, values)):
        x, y = point(i, v)
        if p.stage is not None:
            out.append(f'<circle cx="{_f(x)}" cy="{_f(y)}" r="6" fill="{_STAGE}" stroke="#ffffff" stroke-width="1.5"/>')
        else:
            ex, ey = point(i, p.stage_max)
            out.append(
                f'<line x1="{_f(x)}" y1="{_f(y)}" x2="{_f(ex)}" y2="{_f(ey)}" stroke="{_OPEN}" '
                f'stroke-width="2.5" stroke-dasharray="6 4"/>'
            )
            out.append(f'<circle cx="{_f(x)}" cy="{_f(y)}" r="6.5" fill="#ffffff" stroke="{_OPEN}" stroke-width="3"/>')
            if p.stage_estimate.stage:
                out.append(_diamond(*point(i, p.stage_estimate.stage), _ESTIMATE))

    for i, p in enumerate(pillars):
        if p.id in before:
            out.append(_triangle(*point(i, before[p.id]), _PREVIOUS))
        if p.id in targets:
            out.append(_square(*point(i, targets[p.id]), _TARGET))

    # Axis labels: the pillar name (wrapped) and its stage underneath.
    for i, p in enumerate(pillars):
        angle = -math.pi / 2 + 2 * math.pi * i / n
        lx, ly = point(i, 4.55)
        cos = math.cos(angle)
        anchor = "middle" if abs(cos) < 0.2 else ("start" if cos > 0 else "end")
        name = _wrap(kb.pillar(p.id).name(lang), 20, 2)
        lines = len(name) + 1
        size, lead = 16.0, 1.2
        block = size * lead * (lines - 1)
        sin = math.sin(angle)
        if sin < -0.5:  # above the chart: grow upwards
            top = ly - block
        elif sin > 0.5:  # below: grow downwards
            top = ly + size * 0.8
        else:
            top = ly - block / 2 + size * 0.35
        out.append(_text_lines(lx, top, name, size=size, anchor=anchor, weight="600"))
        colour = _STAGE if p.stage is not None else _OPEN
        out.append(_text_lines(lx, top + size * lead * len(name), [_stage_words(kb, p, lang)], size=15, anchor=anchor, fill=colour))

    # Legend: the stage numbers, then a row (or two) of the markers in use.
    y = base_height - 52
    stages = " · ".join(f"{s.number} {s.name(lang)}" for s in kb.stages)
    out.append(_text_lines(cx, y, [stages], size=14, anchor="middle", fill=_GREY))
    for row in legend_rows:
        y += 30
        total = sum(32 + _text_width(label, 14) for _, label in row) + 24 * (len(row) - 1)
        x = cx - total / 2
        for symbol, label in row:
            out.append(symbol(x + 8, y - 5))
            out.append(_text_lines(x + 22 if symbol is not _legend_dash else x + 32, y, [label], size=14))
            x += 32 + _text_width(label, 14) + 24
    out.append("</svg>")
    return "\n".join(out) + "\n"


# --- dependency graph --------------------------------------------------------------------------

_BOX_W, _BOX_H = 240.0, 64.0
_COL_GAP, _ROW_GAP = 64.0, 14.0
_MARGIN = 16.0
_TITLE_CHARS = 29


def dependency_layers(report: Report) -> tuple[list[list[str]], list[str]]:
    """The fired recommendations as columns by topological generation, plus the free ones.

    Returns ``(layers, free)``: ``layers`` holds the recommendations that have a prerequisite or are
    one, one list per generation (prerequisites in earlier columns), ordered within a column by the
    mean height of their neighbours in the previous column to keep arrows short; ``free`` holds
    the ones without any dependency among the fired, by rank.
    """
    ranks = {r.id: r.rank for r in report.recommendations}
    graph = nx.DiGraph()
    graph.add_nodes_from(r.id for r in report.recommendations)
    for rec in report.recommendations:
        for before in rec.requires:
            graph.add_edge(before, rec.id)
    free = [r.id for r in report.recommendations if graph.degree(r.id) == 0]
    linked = graph.subgraph([n for n in graph if graph.degree(n) > 0])
    layers = [sorted(gen, key=ranks.__getitem__) for gen in nx.topological_generations(linked)]
    position: dict[str, float] = {}
    for depth, layer in enumerate(layers):
        if depth:
            layer.sort(key=lambda n: (sum(position[p] for p in linked.predecessors(n)) / linked.in_degree(n), ranks[n]))
        position.update((node, float(i)) for i, node in enumerate(layer))
    if len(layers) > 1:  # one backward sweep: sources next to what they unblock
        first = layers[0]
        first.sort(key=lambda n: (sum(position[s] for s in linked.successors(n)) / max(linked.out_degree(n), 1), ranks[n]))
        position.update((node, float(i)) for i, node in enumerate(first))
    return layers, free


def _box(rec: Recommendation, x: float, y: float, lang: str) -> str:
    fill, stroke = PHASE_COLOURS[rec.phase]
    title = rec.title if lang == "nl" else rec.title_en
    lines = _wrap(title, _TITLE_CHARS, 3)
    size = 14.0
    text_top = y + _BOX_H / 2 - (len(lines) - 1) * size * 1.2 / 2 + size * 0.35
    phase = _T[lang]["phases"][rec.phase]
    return "".join(
        [
            f'<g class="node" id="zg-node-{escape(rec.id)}"><title>{rec.rank}. {escape(title)} [{escape(rec.id)}] · {escape(phase)}</title>',
            f'<rect x="{_f(x)}" y="{_f(y)}" width="{_f(_BOX_W)}" height="{_f(_BOX_H)}" rx="6" fill="{fill}" stroke="{stroke}" stroke-width="1.5"/>',
            f'<circle cx="{_f(x + 17)}" cy="{_f(y + _BOX_H / 2)}" r="11" fill="{stroke}"/>',
            _text_lines(x + 17, y + _BOX_H / 2 + 4, [str(rec.rank)], size=11, anchor="middle", weight="700", fill="#ffffff"),
            _text_lines(x + 34, text_top, lines, size=size, leading=1.2),
            "</g>",
        ]
    )


def _arrows(edges: list[tuple[str, str]], place: dict[str, tuple[float, float]], column: dict[str, int], verb: str) -> list[str]:
    """Arrows between adjacent columns run orthogonally along a vertical trunk of their own per
    source, spread over the gap, so that a fan-out stays traceable; an arrow that skips columns is
    a smooth curve (it passes behind the boxes in between)."""
    trunks: dict[str, float] = {}
    for depth in sorted(set(column.values())):
        sources = sorted(
            {b for b, a in edges if column[b] == depth and column[a] == depth + 1}, key=lambda n: place[n][1]
        )
        left = place[sources[0]][0] + _BOX_W + 10 if sources else 0.0
        span = _COL_GAP - 20
        for i, node in enumerate(sources):
            trunks[node] = left + span * (i + 1) / (len(sources) + 1)
    out = []
    for before, after in edges:
        x1, y1 = place[before]
        x2, y2 = place[after]
        sx, sy = x1 + _BOX_W, y1 + _BOX_H / 2
        ex, ey = x2 - 2, y2 + _BOX_H / 2
        if column[after] == column[before] + 1 and abs(ey - sy) > 0.5:
            tx = trunks[before]
            r = min(6.0, abs(ey - sy) / 2)
            down = 1 if ey > sy else -1
            d = (
                f"M{_f(sx)},{_f(sy)} H{_f(tx - r)} Q{_f(tx)},{_f(sy)} {_f(tx)},{_f(sy + down * r)} "
                f"V{_f(ey - down * r)} Q{_f(tx)},{_f(ey)} {_f(tx + r)},{_f(ey)} H{_f(ex)}"
            )
        elif abs(ey - sy) <= 0.5:
            d = f"M{_f(sx)},{_f(sy)} H{_f(ex)}"
        else:
            bend = max((ex - sx) / 3, 24)
            d = f"M{_f(sx)},{_f(sy)} C{_f(sx + bend)},{_f(sy)} {_f(ex - bend)},{_f(ey)} {_f(ex)},{_f(ey)}"
        out.append(
            f'<path d="{d}" fill="none" stroke="#555555" stroke-width="1.5" marker-end="url(#zg-arrow)">'
            f"<title>{escape(before)} {verb} {escape(after)}</title></path>"
        )
    return out


def graph_svg(report: Report, kb: KnowledgeBase, lang: str = "nl", *, standalone: bool = True, part: str = "all") -> str:
    """The fired recommendations and their prerequisites as a layered picture.

    Columns are topological generations (everything in a column can start once the columns to its
    left are done); arrows run from a prerequisite to what it unblocks. Recommendations without any
    dependency among the fired ones need no arrows, so they are laid out as a compact grid
    underneath, in rank order. Boxes are coloured by route phase and numbered by rank.

    ``part`` is ``"all"`` (one picture), ``"linked"`` (only the recommendations with arrows) or
    ``"free"`` (only the grid): the HTML report draws the two parts as separate figures so that
    each can fill a printed page on its own. Both parts have the same width and box size.
    """
    if part not in ("all", "linked", "free"):
        raise ValueError(f"part must be 'all', 'linked' or 'free', not {part!r}")
    t = _T[lang]
    recs = {r.id: r for r in report.recommendations}
    layers, free = dependency_layers(report)
    if part == "free":
        layers = []
    elif part == "linked":
        free = []
    columns = max(len(layers), 4)
    width = 2 * _MARGIN + columns * _BOX_W + (columns - 1) * _COL_GAP
    pitch = _BOX_H + _ROW_GAP

    body: list[str] = []
    y = _MARGIN + 14
    # Legend: the four phases.
    x = _MARGIN
    body.append(_text_lines(x, y, [f"{t['phase']}:"], size=13, weight="600"))
    x += 56
    for phase in PHASES:
        fill, stroke = PHASE_COLOURS[phase]
        body.append(f'<rect x="{_f(x)}" y="{_f(y - 11)}" width="16" height="14" rx="3" fill="{fill}" stroke="{stroke}" stroke-width="1.5"/>')
        body.append(_text_lines(x + 22, y, [t["phases"][phase]], size=13))
        x += 36 + 8 * len(t["phases"][phase]) + 18
    y += 22

    place: dict[str, tuple[float, float]] = {}
    if layers:
        y += 14
        body.append(_text_lines(_MARGIN, y, [t["chains"]], size=14, weight="600"))
        y += 22
        for depth in range(len(layers)):
            cx = _MARGIN + depth * (_BOX_W + _COL_GAP) + _BOX_W / 2
            body.append(_text_lines(cx, y, [f"{t['step']} {depth + 1}"], size=12, anchor="middle", fill=_GREY))
        y += 10
        top = y
        for depth, layer in enumerate(layers):
            for row, node in enumerate(layer):
                place[node] = (_MARGIN + depth * (_BOX_W + _COL_GAP), top + row * pitch)
        # Arrows first, so that boxes sit on top of any arrow that passes behind them.
        column = {node: depth for depth, layer in enumerate(layers) for node in layer}
        edges = sorted((b, rec.id) for rec in report.recommendations for b in rec.requires)
        body.extend(_arrows(edges, place, column, t["arrow"]))
        for node, (bx, by) in place.items():
            body.append(_box(recs[node], bx, by, lang))
        y = top + max(len(layer) for layer in layers) * pitch
    if free:
        y += 14
        body.append(_text_lines(_MARGIN, y, [t["free"]], size=14, weight="600"))
        y += 14
        for i, node in enumerate(free):
            col, row = i % columns, i // columns
            body.append(_box(recs[node], _MARGIN + col * (_BOX_W + _COL_GAP), y + row * pitch, lang))
        y += math.ceil(len(free) / columns) * pitch
    height = y + _MARGIN - _ROW_GAP

    def name(rec_id: str) -> str:
        return f"{recs[rec_id].rank}. {recs[rec_id].title if lang == 'nl' else recs[rec_id].title_en}"

    desc = [t["graph_desc"]] if part != "free" else []
    if layers:
        desc += [f"{name(b)} {t['arrow']} {name(a)}." for a in place for b in recs[a].requires]
    elif part != "free":
        desc.append(t["none"])
    if free:
        desc.append(f"{t['free']}: " + "; ".join(name(n) for n in free) + ".")
    ident = "zg-free" if part == "free" else "zg-graph"
    out = _open(width, height, ident, t["graph"] if part != "free" else t["free"], " ".join(desc), standalone)
    if layers:
        out.append(
            '<defs><marker id="zg-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
            'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#555555"/></marker></defs>'
        )
    out.extend(body)
    out.append("</svg>")
    return "\n".join(out) + "\n"
