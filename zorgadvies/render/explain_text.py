"""Text rendering of explanations, paths and replays (presentation only)."""

from __future__ import annotations

from typing import Any

from ..audit import ReplayResult
from ..explain import Explanation, RuleTrace
from ..knowledge import KnowledgeBase
from ..whatif import PathResult
from .labels import bounds_text, stage_names

__all__ = ["render_explanation", "render_path", "render_replay"]

_T: dict[str, dict[str, Any]] = {
    "nl": {
        "outcome": {"fires": "afgegaan", "fails": "niet afgegaan (voorwaarde onwaar)", "unknown": "onbeslist (antwoord ontbreekt)"},
        "matched": "gematchte feiten",
        "failed": "onwaar",
        "unknown": "nog onbekend",
        "sources": "bronnen",
        "would": "zou afgaan met",
        "verified": "bevestigd door de engine",
        "not_verified": "NIET bevestigd door de engine",
        "no_suggestion": "geen antwoordwijziging volstaat (de regel hangt af van organisatie- of rolgegevens of een stadium)",
        "why": "Waarom",
        "why_not": "Waarom niet (criteria van het volgende stadium)",
        "chain": "Voorafgaande stappen in de afhankelijkheidsgraaf",
        "fired": "van toepassing",
        "not_fired": "niet van toepassing",
        "rank": "rang",
        "answer": "antwoord",
        "needed": "nodig",
        "now": "nu",
        "no_rules": "geen regels",
    },
    "en": {
        "outcome": {"fires": "fired", "fails": "did not fire (a condition is false)", "unknown": "undecided (an answer is missing)"},
        "matched": "matched facts",
        "failed": "false",
        "unknown": "still unknown",
        "sources": "sources",
        "would": "would fire with",
        "verified": "confirmed by the engine",
        "not_verified": "NOT confirmed by the engine",
        "no_suggestion": "no change of answers suffices (the rule depends on organisation or role facts or on a stage)",
        "why": "Why",
        "why_not": "Why not (criteria of the next stage)",
        "chain": "Prerequisites in the dependency graph",
        "fired": "applies",
        "not_fired": "does not apply",
        "rank": "rank",
        "answer": "answer",
        "needed": "needed",
        "now": "now",
        "no_rules": "no rules",
    },
}


def _trace(trace: RuleTrace, lang: str) -> list[str]:
    t = _T[lang]
    en = lang == "en"
    lines = [f"  [{trace.rule}] {trace.title_en if en else trace.title} — {t['outcome'][trace.outcome]}"]
    for fact in trace.matched:
        lines.append(f"      ✓ {fact.text_en if en else fact.text} [{fact.subject}] = {fact.label_en if en else fact.label}")
    for cond in trace.failed:
        f = cond.fact
        lines.append(f"      ✗ {f.text_en if en else f.text} [{f.subject}]")
        lines.append(f"          {t['needed']}: {cond.requirement_en if en else cond.requirement}; {t['answer']}: {f.label_en if en else f.label}")
    for cond in trace.unknown:
        f = cond.fact
        lines.append(f"      ? {f.text_en if en else f.text} [{f.subject}]")
        lines.append(f"          {t['needed']}: {cond.requirement_en if en else cond.requirement}; {t['unknown']}")
    if trace.outcome != "fires":
        if trace.would_fire_with:
            changes = ", ".join(f"{c.question}={c.value}" for c in trace.would_fire_with)
            check = t["verified"] if trace.verified else t["not_verified"]
            lines.append(f"      → {t['would']}: {changes} ({check})")
        elif trace.would_fire_with is None:
            lines.append(f"      → {t['no_suggestion']}")
    for source in trace.sources:
        document, section, summary = (source.document_en, source.section_en, source.summary_en) if en else (source.document, source.section, source.summary)
        lines.append(f"      {t['sources']}: {source.ref} — {document}, § {section}")
        lines.append(f"          {summary}")
    return lines


def render_explanation(expl: Explanation, lang: str = "nl") -> str:
    t = _T[lang]
    en = lang == "en"
    lines = [f"{expl.id}: {expl.title_en if en else expl.title}", expl.summary_en if en else expl.summary, ""]
    lines.append(f"{t['why']}:" if expl.applies or expl.kind == "pillar" else f"{t['why']} {t['not_fired']}:")
    for trace in expl.rules:
        lines.extend(_trace(trace, lang))
    if not expl.rules:
        lines.append(f"  ({t['no_rules']})")
    if expl.why_not:
        lines.append("")
        lines.append(f"{t['why_not']}:")
        for trace in expl.why_not:
            lines.extend(_trace(trace, lang))
    if expl.chain:
        lines.append("")
        lines.append(f"{t['chain']}:")
        for link in expl.chain:
            state = f"{t['fired']}, {t['rank']} {link.rank}" if link.fired else t["not_fired"]
            lines.append(f"  - {link.id} ({state}): {link.reason}")
    return "\n".join(lines) + "\n"


def render_path(result: PathResult, kb: KnowledgeBase, lang: str = "nl") -> str:
    en = lang == "en"

    names = stage_names(kb)

    def stage(s: int | None, bounds: tuple[int, int, int | None, str]) -> str:
        return bounds_text(s, *bounds, names, lang)

    pillar = kb.pillar(result.pillar).name(lang)
    lines = [
        f"{pillar}: {stage(result.stage_before, result.bounds_before)} → {'target' if en else 'doel'} {kb.stage(result.target).name(lang)} ({result.target})",
    ]
    if not result.changes:
        lines.append("No answers need to change." if en else "Er hoeven geen antwoorden te veranderen.")
    else:
        lines.append(("Answers that reach it" if en else "Antwoorden die dat bereiken") + f" ({len(result.changes)}):")
        for change in result.changes:
            q = kb.questions[change.question]
            now = q.label(change.current, lang) if change.current is not None else ("unknown" if en else "onbekend")
            lines.append(f"  --set {change.question}={change.value}")
            lines.append(f"      {q.text(lang)}  ({'now' if en else 'nu'}: {now} → {q.label(change.value, lang)})")
    lines.append(("After these answers: " if en else "Na deze antwoorden: ") + stage(result.stage_after, result.bounds_after) + ("" if result.reached else (" — target NOT reached" if en else " — doel NIET bereikt")))
    if result.recommendations:
        lines.append("Recommendations on the way:" if en else "Aanbevelingen onderweg:")
        for rid in result.recommendations:
            rec = kb.recommendations[rid]
            lines.append(f"  - {rec.title_en if en else rec.title} [{rid}]")
    return "\n".join(lines) + "\n"


def render_replay(result: ReplayResult, lang: str = "nl") -> str:
    en = lang == "en"
    lines = []
    if result.identical:
        lines.append("Replay: identical result and identical firings." if en else "Herhaling: identiek resultaat en identieke regelafvuringen.")
    else:
        lines.append("Replay: the result DIFFERS from the log." if en else "Herhaling: het resultaat WIJKT AF van het logboek.")
        if not (result.only_in_log or result.only_now or result.stage_changes or result.recommendations_gone or result.recommendations_new):
            lines.append(
                "  The same rules fired; texts or other report fields changed (compare the reports with `zorgadvies diff`)."
                if en
                else "  Dezelfde regels gingen af; teksten of andere velden van het rapport zijn veranderd (vergelijk de rapporten met `zorgadvies diff`)."
            )
    if result.knowledge_changed:
        lines.append(
            (f"Knowledge base changed since the log: {result.logged_knowledge['version']} ({result.logged_knowledge['sha256'][:12]}…) → "
             if en else f"De kennisbank is gewijzigd sinds het logboek: {result.logged_knowledge['version']} ({result.logged_knowledge['sha256'][:12]}…) → ")
            + f"{result.current_knowledge['version']} ({result.current_knowledge['sha256'][:12]}…)"
        )
    signature = result.integrity.get("signature")
    if signature == "verified":
        lines.append("Signature: verified with the given key." if en else "Handtekening: geverifieerd met de opgegeven sleutel.")
    elif signature == "not_checked":
        lines.append(
            "Signature: present but not checked (give --audit-key)." if en else "Handtekening: aanwezig maar niet gecontroleerd (geef --audit-key)."
        )
    elif signature == "absent":
        lines.append(
            "Signature: none; the digests only show the log is undamaged, not who wrote it."
            if en
            else "Handtekening: geen; de controlegetallen tonen alleen dat het logboek onbeschadigd is, niet wie het schreef."
        )
    for pillar, old, new in result.stage_changes:
        lines.append(f"  {'stage' if en else 'stadium'} {pillar}: {old} → {new}")
    for entry in result.only_in_log:
        lines.append(f"  - {'only in the log' if en else 'alleen in logboek'}: {entry['rule']} {entry['outcome']} {entry['facts']}")
    for entry in result.only_now:
        lines.append(f"  + {'only now' if en else 'alleen nu'}: {entry['rule']} {entry['outcome']} {entry['facts']}")
    for rid in result.recommendations_gone:
        lines.append(f"  - {'recommendation no longer given' if en else 'aanbeveling vervalt'}: {rid}")
    for rid in result.recommendations_new:
        lines.append(f"  + {'new recommendation' if en else 'nieuwe aanbeveling'}: {rid}")
    return "\n".join(lines) + "\n"
