"""Plain-text rendering of a Report for the terminal, in Dutch (default) or English."""

from __future__ import annotations

from typing import Any

from ..knowledge import KnowledgeBase
from ..report import ConditionStatus, PillarResult, Report
from .labels import OPERATOR_WORDS, bounds_text, stage_names

__all__ = ["render_text"]

_T: dict[str, dict[str, Any]] = {
    "nl": {
        "title": "Zorgadvies",
        "employees": "medewerkers",
        "size": {"klein": "kleine organisatie", "groot": "grote organisatie"},
        "kb": "Kennisbank",
        "profile": "Ontwikkelstadium per pijler",
        "undetermined": "onbepaald",
        "at_least": "minstens",
        "why": "Waarom dit stadium",
        "need": "Nodig voor",
        "settle": "Beantwoord om het stadium vast te stellen",
        "facts": "feiten",
        "sources": "bron",
        "now": "nu",
        "unknown": "onbekend",
        "top": "Dit stadium is het hoogste: er is geen volgend stadium.",
        "needs": "nodig",
        "legend": "✓ voldaan   ✗ niet voldaan   ? nog onbekend",
        "recs": "Aanbevelingen (belangrijkste eerst)",
        "requires": "na",
        "more": "… en nog {n} aanbevelingen (toon alles met --all)",
        "reflect": "Vragen om over na te denken",
        "none": "geen",
        "phases": {"onderzoek": "Onderzoek", "richt": "Richt", "plan": "Plan", "doe": "Doe"},
        "respondents": "Respondenten",
        "disputes": "Vragen waarover de respondenten het oneens zijn (⚠)",
        "combined": "gecombineerd",
        "consensus": "vastgesteld in het gesprek (answers:)",
        "disputed": "⚠ rust op betwiste antwoorden",
        "focus": "Nu aan de slag",
        "ask": "Vraag nu door (de antwoorden die het oordeel het meest veranderen)",
        "ask_more": "… de volledige lijst per gesprekspartner: zorgadvies vragen BESTAND",
        "conflict": "⚠ zelfinschatting {placed} valt buiten wat de antwoorden toelaten (minstens {low}, hoogstens {high}); de antwoorden gaan voor. Tegengesproken door: {rules}",
        "higher": "Al voldaan voor {stage} ({n}), maar dat stadium staat nog niet vast (zie hieronder wat nog onbekend is)",
        "on_estimate": "(rust op een geschat stadium)",
        "bars": "█ zeker   ▒ mogelijk   ░ uitgesloten",
    },
    "en": {
        "title": "Care advice",
        "employees": "employees",
        "size": {"klein": "small organisation", "groot": "large organisation"},
        "kb": "Knowledge base",
        "profile": "Development stage per pillar",
        "undetermined": "undetermined",
        "at_least": "at least",
        "why": "Why this stage",
        "need": "Needed for",
        "settle": "Answer to settle the stage",
        "facts": "facts",
        "sources": "source",
        "now": "now",
        "unknown": "unknown",
        "top": "This is the highest stage: there is no next stage.",
        "needs": "needed",
        "legend": "✓ met   ✗ not met   ? still unknown",
        "recs": "Recommendations (most important first)",
        "requires": "after",
        "more": "… and {n} more recommendations (show all with --all)",
        "reflect": "Questions to reflect on",
        "none": "none",
        "phases": {"onderzoek": "Research", "richt": "Direct", "plan": "Plan", "doe": "Do"},
        "respondents": "Respondents",
        "disputes": "Questions the respondents disagree on (⚠)",
        "combined": "combined",
        "consensus": "agreed in the discussion (answers:)",
        "disputed": "⚠ rests on disputed answers",
        "focus": "Get started",
        "ask": "Ask next (the answers that would change the verdict most)",
        "ask_more": "… the full list by whom to ask: zorgadvies vragen FILE",
        "conflict": "⚠ self-placement {placed} lies outside what the answers allow (at least {low}, at most {high}); the answers prevail. Contradicted by: {rules}",
        "higher": "Already met for {stage} ({n}), but that stage is not established yet (see below what is still unknown)",
        "on_estimate": "(rests on an estimated stage)",
        "bars": "█ certain   ▒ possible   ░ ruled out",
    },
}


def _value(kb: KnowledgeBase, subject: str, value: object, lang: str) -> str:
    if isinstance(value, (tuple, list)):
        return ", ".join(_value(kb, subject, v, lang) for v in value)
    question = kb.questions.get(subject)
    if value is None:
        return str(_T[lang]["unknown"])
    return question.label(value, lang) if question else str(value)


def _subject(kb: KnowledgeBase, subject: str, lang: str) -> str:
    question = kb.questions.get(subject)
    return f"{question.text(lang)} [{subject}]" if question else subject


def _condition(kb: KnowledgeBase, cond: ConditionStatus, lang: str) -> str:
    t = _T[lang]
    need = f"{OPERATOR_WORDS[lang][cond.op]}'{_value(kb, cond.subject, cond.value, lang)}'"
    now = _value(kb, cond.subject, cond.answer, lang)
    return f"{_subject(kb, cond.subject, lang)} — {t['now']}: {now}; {t['needs']}: {need}"


def _stage_label(kb: KnowledgeBase, pillar: PillarResult, lang: str) -> str:
    est = pillar.stage_estimate
    return bounds_text(pillar.stage, pillar.stage_min, pillar.stage_max, est.stage, est.basis, stage_names(kb), lang)


def _bar(pillar: PillarResult) -> str:
    """Certain stages solid, stages still possible shaded, stages ruled out open."""
    return "█" * pillar.stage_min + "▒" * (pillar.stage_max - pillar.stage_min) + "░" * (4 - pillar.stage_max)


def _ask_lines(report: Report, kb: KnowledgeBase, lang: str, shown: int = 5) -> list[str]:
    t = _T[lang]
    lines = ["", t["ask"]]
    for item in (report.ask_next or ())[:shown]:
        lines.append(f"  ? {_subject(kb, item.question, lang)}  ({item.ask})")
        for decision in item.decides[:3]:
            lines.append(f"      → {decision.what if lang == 'nl' else decision.what_en}")
    lines.append(f"  {t['ask_more']}")
    return lines


def render_text(
    report: Report,
    kb: KnowledgeBase,
    lang: str = "nl",
    *,
    detail: bool = True,
    top: int | None = None,
    ask_first: bool = False,
) -> str:
    """The report as terminal text.

    ``detail`` adds evidence and requirements per pillar; ``top`` limits the recommendations shown
    to the first ``top`` by rank (still grouped by phase) and says how many more there are.
    ``ask_first`` puts what to ask next (when computed) right under the heading, for sparse facts;
    otherwise it follows the recommendations.
    """
    t = _T[lang]
    org = report.organisation
    lines = []
    about: list[str] = [str(org["sector"])] if org.get("sector") else []
    if org.get("employees") is not None:
        about.append(f"{org['employees']} {t['employees']}")
    if org.get("size_class"):
        about.append(t["size"][org["size_class"]])
    lines.append(f"{t['title']} — {org['name']}" + (f" ({', '.join(about)})" if about else ""))
    lines.append(f"{t['kb']} {report.knowledge_version} (sha256 {report.knowledge_sha256[:12]}…)")
    if ask_first and report.ask_next:
        lines.extend(_ask_lines(report, kb, lang))
    lines.append("")
    lines.append(t["profile"])
    width = max(len(kb.pillar(p.id).name(lang)) for p in report.pillars)
    for pillar in report.pillars:
        name = kb.pillar(pillar.id).name(lang)
        flag = f"  {t['disputed']}: {', '.join(pillar.disputed)}" if pillar.disputed else ""
        lines.append(f"  {name:<{width}}  {_bar(pillar)}  {_stage_label(kb, pillar, lang)}{flag}")
        for conflict in pillar.conflicts:
            placed = f"{kb.stage(pillar.self_placement).name(lang)} ({pillar.self_placement})" if pillar.self_placement else str(conflict.answer)
            lines.append("      " + t["conflict"].format(placed=placed, low=conflict.stage_min, high=conflict.stage_max, rules=", ".join(conflict.rules) or "-"))
    if any(p.stage is None for p in report.pillars):
        lines.append(f"  {t['bars']}")
    if report.respondents:
        lines.append("")
        lines.append(f"{t['respondents']}: {', '.join(report.respondents['names'])}")
        if report.respondents["disputed"]:
            lines.append(t["disputes"])
            for dispute in report.respondents["disputed"]:
                qid = dispute["question"]
                lines.append(f"  ⚠ {_subject(kb, qid, lang)}")
                for who, value in dispute["answers"].items():
                    lines.append(f"      {who}: {_value(kb, qid, value, lang)}")
                how = t["consensus"] if dispute.get("consensus") else t["combined"]
                lines.append(f"      → {how}: {_value(kb, qid, dispute['combined'], lang)}")

    if report.focus:
        lines.append("")
        lines.append(t["focus"])
        titles = {r.id: (r.title if lang == "nl" else r.title_en) for r in report.recommendations}
        for item in report.focus:
            lines.append(f"   {item.rank:>3}. {titles[item.id]} [{item.id}]")
            lines.append(f"        {item.reason if lang == 'nl' else item.reason_en}")
    if report.recommendations:
        shown = report.recommendations if top is None else report.recommendations[:top]
        lines.append("")
        lines.append(t["recs"])
        for phase in ("onderzoek", "richt", "plan", "doe"):
            recs = [r for r in shown if r.phase == phase]
            if not recs:
                continue
            lines.append(f"  {t['phases'][phase]}")
            for rec in recs:
                title = rec.title if lang == "nl" else rec.title_en
                after = f"  ({t['requires']}: {', '.join(rec.requires)})" if rec.requires else ""
                flag = f"  {t['disputed']}: {', '.join(rec.disputed)}" if rec.disputed else ""
                estimated = f" {t['on_estimate']}" if rec.on_estimate else ""
                lines.append(f"   {rec.rank:>3}. {title} [{rec.id}]{estimated}{after}{flag}")
        hidden = len(report.recommendations) - len(shown)
        if hidden:
            lines.append(f"  {t['more'].format(n=hidden)}")
    if report.ask_next and not ask_first:
        lines.extend(_ask_lines(report, kb, lang))
    if report.reflection_questions:
        lines.append("")
        lines.append(t["reflect"])
        for q in report.reflection_questions:
            lines.append(f"  - {q.text if lang == 'nl' else q.text_en}")

    if detail:
        lines.append("")
        lines.append(t["legend"])
        for pillar in report.pillars:
            lines.append("")
            lines.append(f"{kb.pillar(pillar.id).name(lang)} — {_stage_label(kb, pillar, lang)}")
            if pillar.stage is not None:
                lines.append(f"  {kb.pillar(pillar.id).cells[pillar.stage][0 if lang == 'nl' else 1]}")
            if pillar.evidence:
                lines.append(f"  {t['why']}:")
                for ev in pillar.evidence:
                    facts = ", ".join(f"{s} = {_value(kb, s, v, lang)}" for s, v in ev.facts)
                    lines.append(f"    ✓ {ev.title if lang == 'nl' else ev.title_en} [{ev.rule}]")
                    lines.append(f"        {t['facts']}: {facts}; {t['sources']}: {', '.join(ev.sources)}")
            for n in sorted({e.stage for e in pillar.higher_evidence if e.stage is not None}):
                lines.append(f"  {t['higher'].format(stage=kb.stage(n).name(lang), n=n)}:")
                for ev in (e for e in pillar.higher_evidence if e.stage == n):
                    facts = ", ".join(f"{s} = {_value(kb, s, v, lang)}" for s, v in ev.facts)
                    lines.append(f"    ✓ {ev.title if lang == 'nl' else ev.title_en} [{ev.rule}]")
                    lines.append(f"        {t['facts']}: {facts}; {t['sources']}: {', '.join(ev.sources)}")
            if pillar.missing_stage is None:
                lines.append(f"  {t['top']}")
            elif pillar.missing:
                lines.append(f"  {t['need']} {kb.stage(pillar.missing_stage).name(lang)} ({pillar.missing_stage}):")
                for req in pillar.missing:
                    mark = "✗" if req.status == "fails" else "?"
                    lines.append(f"    {mark} {req.title if lang == 'nl' else req.title_en} [{req.rule}]")
                    for cond in req.conditions:
                        lines.append(f"        {_condition(kb, cond, lang)}")
            if pillar.settle:
                lines.append(f"  {t['settle']}: {', '.join(pillar.settle)}")
    return "\n".join(lines) + "\n"
