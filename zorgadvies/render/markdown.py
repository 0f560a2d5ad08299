"""The full report as GitHub-flavoured Markdown, in Dutch (default) or English.

The two charts cannot be drawn in Markdown itself. Written to a file (``zorgadvies report --format
markdown -o rapport.md``), they go beside it as ``rapport-radar.svg`` and ``rapport-graaf.svg`` and
the Markdown links them by relative name (GitHub, GitLab and most viewers show them). Printed to
stdout there is nowhere to put a second file, so the SVGs are embedded as ``data:`` URIs instead
(pandoc and most editors show those; GitHub does not). See docs/reports.md.

This module also holds the label table and the small formatting helpers that the HTML renderer
shares, so both reports say the same things in the same words.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import quote

from ..knowledge import PHASES, KnowledgeBase, Section
from ..report import ConditionStatus, PillarResult, Recommendation, Report
from .charts import graph_svg, radar_svg
from .labels import stage_names, stage_text

__all__ = [
    "LABELS",
    "about",
    "chart_file_names",
    "cited_sources",
    "disputes",
    "condition_parts",
    "fact_pairs",
    "markdown_images",
    "render_markdown",
    "sections_by_document",
    "stage_label",
    "subject_text",
    "summary",
    "value_label",
]

LABELS: dict[str, dict[str, Any]] = {
    "nl": {
        "respondents": "Respondenten",
        "disputes_intro": "Waar de respondenten verschillend antwoordden, staat hieronder wie wat zei en welk antwoord telt (zie docs/respondents.md). Stadia en aanbevelingen die op zo'n antwoord rusten, zijn gemarkeerd met ⚠.",
        "disputed": "⚠ rust op betwiste antwoorden",
        "combined": "gecombineerd",
        "consensus": "vastgesteld in het gesprek",
        "question": "Vraag",
        "answers_given": "Antwoorden",
        "counts": "Telt",
        "title": "Zorgadvies",
        "subtitle": "Innovatie en marketing organiseren, volgens de zes pijlers van het Zorgmarketing Ontwikkelmodel",
        "employees": "medewerkers",
        "size": {"klein": "kleine organisatie", "groot": "grote organisatie"},
        "sectors": {
            "ziekenhuis": "Ziekenhuis",
            "ouderenzorg": "Ouderenzorg (VVT)",
            "ggz": "Geestelijke gezondheidszorg",
            "gehandicaptenzorg": "Gehandicaptenzorg",
            "thuiszorg": "Thuiszorg",
            "eerstelijn": "Eerstelijnszorg",
            "welzijn": "Welzijn",
            "overig": "Overige zorg",
        },
        "kb": "Kennisbank",
        "kb_line": "Kennisbank versie {version}, sha256 {sha}",
        "contents": "Inhoud",
        "summary": "In het kort",
        "summary_text": "{determined} van de zes pijlers hebben een vastgesteld stadium; {recs} aanbevelingen, {first} eerst.",
        "summary_none": "{determined} van de zes pijlers hebben een vastgesteld stadium; er zijn geen aanbevelingen.",
        "profile": "Ontwikkelstadium per pijler",
        "profile_intro": "Per pijler het stadium van het Zorgmarketing Ontwikkelmodel (1 Geïnitieerd tot en met 4 Geoptimaliseerd). Een pijler is onbepaald als de antwoorden het stadium niet vastleggen; dan staat erbij welk stadium in elk geval is bereikt.",
        "pillar": "Pijler",
        "stage": "Stadium",
        "number": "Nr.",
        "radar_alt": "Radardiagram van het ontwikkelstadium van de zes pijlers",
        "radar_caption": "Het profiel over de zes pijlers. Een open rondje: het stadium is onbepaald en ligt minstens op dat niveau.",
        "undetermined": "onbepaald",
        "at_least": "minstens",
        "pillars": "Per pijler: waarom dit stadium en wat er nodig is",
        "legend": "✓ voldaan · ✗ niet voldaan · ? nog onbekend",
        "status": {"met": "voldaan", "fails": "niet voldaan", "unknown": "nog onbekend"},
        "why": "Waarom dit stadium",
        "no_evidence": "Geen van de criteria is vastgesteld.",
        "need": "Nodig voor {stage}",
        "top": "Dit is het hoogste stadium: er is geen volgend stadium.",
        "settle": "Beantwoord om het stadium vast te stellen",
        "based_on": "Op grond van",
        "now": "nu",
        "needs": "nodig",
        "unknown": "onbekend",
        "ops": {"is": "", "is_not": "niet ", "in": "een van ", "not_in": "niet ", "at_least": "minstens ", "at_most": "hoogstens "},
        "source": "Bron",
        "rule": "Regel",
        "also": "ook",
        "recs": "Aanbevelingen",
        "recs_intro": "Belangrijkste eerst, gegroepeerd naar de fasen van de innovatieroute. Het nummer is de prioriteit; een aanbeveling komt nooit vóór iets waar ze op voortbouwt.",
        "no_recs": "Er zijn geen aanbevelingen voor deze organisatie.",
        "after": "Na",
        "unblocks": "Maakt mogelijk",
        "id": "Id",
        "phases": {"onderzoek": "Onderzoek", "richt": "Richt", "plan": "Plan", "doe": "Doe"},
        "phase_intro": {
            "onderzoek": "Achterhalen wat de verandering drijft of tegenhoudt.",
            "richt": "Samen de visie en de veranderstrategie bepalen.",
            "plan": "De strategie omzetten in een plan van aanpak.",
            "doe": "Invoeren en ondersteunen tot het echt is overgenomen.",
        },
        "graph": "Volgorde en afhankelijkheden",
        "graph_intro": "Welke aanbevelingen op elkaar voortbouwen. Een pijl loopt van wat eerst moet naar wat erop volgt; de nummers zijn die van de aanbevelingen hierboven.",
        "graph_alt": "Afhankelijkheidsgraaf van de aanbevelingen",
        "graph_linked": "Aanbevelingen die op elkaar voortbouwen, in kolommen: alles in een kolom kan beginnen zodra de kolommen links ervan klaar zijn.",
        "graph_free": "De overige aanbevelingen hangen niet van elkaar af; het nummer geeft de prioriteit.",
        "reflect": "Vragen om over na te denken",
        "reflect_intro": "Uit de spanningsvelden van sociale innovatie, gekozen op grond van de antwoorden.",
        "fields": {"procesinnovatie": "Procesinnovatie", "technologische_innovatie": "Technologische innovatie"},
        "appendix": "Bijlage: geciteerde bronnen",
        "appendix_intro": "De bronnen waar dit rapport naar verwijst, met de samenvatting van elk geciteerd onderdeel zoals de kennisbank die geeft. De nummers tussen haken in de tekst verwijzen hiernaar.",
        "publisher": "Uitgever",
        "knowledge": "Kennisbank",
        "version": "Versie",
        "none": "geen",
    },
    "en": {
        "respondents": "Respondents",
        "disputes_intro": "Where the respondents answered differently, this shows who said what and which answer counts (see docs/respondents.md). Stages and recommendations that rest on such an answer are marked ⚠.",
        "disputed": "⚠ rests on disputed answers",
        "combined": "combined",
        "consensus": "agreed in the discussion",
        "question": "Question",
        "answers_given": "Answers",
        "counts": "Counts",
        "title": "Care advice",
        "subtitle": "Organising innovation and marketing, along the six pillars of the Care Marketing Development Model",
        "employees": "employees",
        "size": {"klein": "small organisation", "groot": "large organisation"},
        "sectors": {
            "ziekenhuis": "Hospital",
            "ouderenzorg": "Elderly care",
            "ggz": "Mental health care",
            "gehandicaptenzorg": "Disability care",
            "thuiszorg": "Home care",
            "eerstelijn": "Primary care",
            "welzijn": "Social welfare",
            "overig": "Other care",
        },
        "kb": "Knowledge base",
        "kb_line": "Knowledge base version {version}, sha256 {sha}",
        "contents": "Contents",
        "summary": "In brief",
        "summary_text": "{determined} of the six pillars have a determined stage; {recs} recommendations, {first} first.",
        "summary_none": "{determined} of the six pillars have a determined stage; there are no recommendations.",
        "profile": "Development stage per pillar",
        "profile_intro": "For each pillar, its stage in the Care Marketing Development Model (1 Initiated to 4 Optimised). A pillar is undetermined when the answers do not settle its stage; the stage it has certainly reached is shown.",
        "pillar": "Pillar",
        "stage": "Stage",
        "number": "No.",
        "radar_alt": "Radar chart of the development stage of the six pillars",
        "radar_caption": "The profile across the six pillars. An open circle: the stage is undetermined and at least that level.",
        "undetermined": "undetermined",
        "at_least": "at least",
        "pillars": "Per pillar: why this stage and what is needed",
        "legend": "✓ met · ✗ not met · ? still unknown",
        "status": {"met": "met", "fails": "not met", "unknown": "still unknown"},
        "why": "Why this stage",
        "no_evidence": "None of the criteria has been established.",
        "need": "Needed for {stage}",
        "top": "This is the highest stage: there is no next stage.",
        "settle": "Answer to settle the stage",
        "based_on": "Based on",
        "now": "now",
        "needs": "needed",
        "unknown": "unknown",
        "ops": {"is": "", "is_not": "not ", "in": "one of ", "not_in": "not ", "at_least": "at least ", "at_most": "at most "},
        "source": "Source",
        "rule": "Rule",
        "also": "also",
        "recs": "Recommendations",
        "recs_intro": "Most important first, grouped by the phases of the innovation route. The number is the priority; a recommendation never comes before one it builds on.",
        "no_recs": "There are no recommendations for this organisation.",
        "after": "After",
        "unblocks": "Unblocks",
        "id": "Id",
        "phases": {"onderzoek": "Research", "richt": "Direct", "plan": "Plan", "doe": "Do"},
        "phase_intro": {
            "onderzoek": "Find out what drives or holds back the change.",
            "richt": "Set the vision and the change strategy together.",
            "plan": "Turn the strategy into a plan of action.",
            "doe": "Introduce and support until it is truly adopted.",
        },
        "graph": "Order and dependencies",
        "graph_intro": "Which recommendations build on each other. An arrow runs from what comes first to what follows; the numbers are those of the recommendations above.",
        "graph_alt": "Dependency graph of the recommendations",
        "graph_linked": "Recommendations that build on each other, in columns: everything in a column can start once the columns to its left are done.",
        "graph_free": "The other recommendations do not depend on each other; the number gives the priority.",
        "reflect": "Questions to reflect on",
        "reflect_intro": "From the tension fields of social innovation, chosen from the answers.",
        "fields": {"procesinnovatie": "Process innovation", "technologische_innovatie": "Technological innovation"},
        "appendix": "Appendix: sources cited",
        "appendix_intro": "The sources this report refers to, with the summary of each cited section as the knowledge base gives it. The numbers in brackets in the text refer to these.",
        "publisher": "Publisher",
        "knowledge": "Knowledge base",
        "version": "Version",
        "none": "none",
    },
}


# --- shared helpers (also used by the HTML renderer) --------------------------------------------


def about(report: Report, lang: str) -> list[str]:
    """Sector, number of employees and size class, as short phrases."""
    t = LABELS[lang]
    org = report.organisation
    parts = []
    if org.get("sector"):
        parts.append(t["sectors"].get(org["sector"], str(org["sector"])))
    if org.get("employees") is not None:
        parts.append(f"{org['employees']} {t['employees']}")
    if org.get("size_class"):
        parts.append(t["size"].get(org["size_class"], str(org["size_class"])))
    return parts


def summary(report: Report, lang: str) -> str:
    """One sentence: how many stages are settled, how many recommendations and which comes first."""
    t = LABELS[lang]
    determined = sum(1 for p in report.pillars if p.stage is not None)
    if not report.recommendations:
        return str(t["summary_none"]).format(determined=determined)
    first = report.recommendations[0]
    title = first.title if lang == "nl" else first.title_en
    return str(t["summary_text"]).format(determined=determined, recs=len(report.recommendations), first=f"“{title}”")


def value_label(kb: KnowledgeBase, subject: str, value: object, lang: str) -> str:
    """The human label of an answer (a list joined with commas; None is 'unknown')."""
    if isinstance(value, (tuple, list)):
        return ", ".join(value_label(kb, subject, v, lang) for v in value)
    if value is None:
        return str(LABELS[lang]["unknown"])
    question = kb.questions.get(subject)
    return question.label(value, lang) if question else str(value)


def subject_text(kb: KnowledgeBase, subject: str, lang: str) -> str:
    """The question behind a fact, or the fact's own name when it is derived (no question)."""
    question = kb.questions.get(subject)
    return question.text(lang) if question else subject


def fact_pairs(kb: KnowledgeBase, facts: Iterable[tuple[str, object]], lang: str) -> list[tuple[str, str, str]]:
    """(subject id, question text, answer label) for each matched fact."""
    return [(s, subject_text(kb, s, lang), value_label(kb, s, v, lang)) for s, v in facts]


def condition_parts(kb: KnowledgeBase, cond: ConditionStatus, lang: str) -> tuple[str, str, str]:
    """(question text, the answer now, what is needed) for one unmet condition."""
    t = LABELS[lang]
    need = f"{t['ops'].get(cond.op, cond.op + ' ')}‘{value_label(kb, cond.subject, cond.value, lang)}’"
    return subject_text(kb, cond.subject, lang), value_label(kb, cond.subject, cond.answer, lang), need


def stage_label(kb: KnowledgeBase, pillar: PillarResult, lang: str) -> tuple[str, str]:
    """(stage text, stage number text): ('Georganiseerd', '3') or ('onbepaald (minstens …)', '≥ 1')."""
    if pillar.stage is not None:
        return kb.stage(pillar.stage).name(lang), str(pillar.stage)
    text = stage_text(None, pillar.at_least, stage_names(kb), lang)
    return text, f"≥ {pillar.at_least}" if pillar.at_least else "?"


def cited_sources(report: Report, kb: KnowledgeBase) -> dict[str, int]:
    """Every source section the report cites, numbered in knowledge-base order (document, section)."""
    refs: set[str] = set()
    for pillar in report.pillars:
        for ev in pillar.evidence:
            refs.update(ev.sources)
        for req in pillar.missing:
            refs.update(req.sources)
    for rec in report.recommendations:
        refs.update(rec.sources)
    for q in report.reflection_questions:
        refs.update(q.sources)
    ordered = [ref for ref in kb.sections if ref in refs]
    ordered += sorted(refs - set(ordered))  # not in this knowledge base: still listed, at the end
    return {ref: i for i, ref in enumerate(ordered, start=1)}


def sections_by_document(kb: KnowledgeBase, numbers: Mapping[str, int]) -> list[tuple[str | None, list[tuple[int, str, Section | None]]]]:
    """The cited sections grouped by document id (None for unknown references), in number order."""
    groups: dict[str | None, list[tuple[int, str, Section | None]]] = {}
    for ref, number in numbers.items():
        section = kb.sections.get(ref)
        groups.setdefault(section.document if section else None, []).append((number, ref, section))
    return list(groups.items())


def chart_file_names(stem: str) -> dict[str, str]:
    """The file names of the two charts written beside a Markdown report named ``stem``.md."""
    return {"radar": f"{stem}-radar.svg", "graph": f"{stem}-graaf.svg"}


# --- Markdown ---------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")


def md(text: object) -> str:
    """Escape text for Markdown, so that knowledge-base text is shown literally."""
    escaped = _MD_SPECIAL.sub(r"\\\1", str(text))
    escaped = _ENTITY.sub(r"\\&", escaped)
    return " ".join(escaped.split())


def _code(text: str) -> str:
    return f"`{text}`" if "`" not in text else f"`` {text} ``"


def _cite(refs: Iterable[str], numbers: Mapping[str, int]) -> str:
    return ", ".join(f"[\\[{n}\\]](#bron-{n})" for n in sorted({numbers[r] for r in refs}))


def _data_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def markdown_images(report: Report, kb: KnowledgeBase, lang: str, stem: str) -> dict[str, str]:
    """File name -> SVG for the charts of a Markdown report written as ``stem``.md."""
    names = chart_file_names(stem)
    files = {names["radar"]: radar_svg(report, kb, lang)}
    if report.recommendations:
        files[names["graph"]] = graph_svg(report, kb, lang)
    return files


def _pillar_section(kb: KnowledgeBase, pillar: PillarResult, lang: str, numbers: Mapping[str, int]) -> list[str]:
    t = LABELS[lang]
    name = kb.pillar(pillar.id).name(lang)
    stage, number = stage_label(kb, pillar, lang)
    lines = [f"### {md(name)} — {md(stage)}" + (f" ({number})" if pillar.stage is not None else ""), ""]
    if pillar.stage is not None:
        lines += [f"> {md(kb.pillar(pillar.id).cells[pillar.stage][0 if lang == 'nl' else 1])}", ""]
    lines += [f"**{t['why']}**", ""]
    if not pillar.evidence:
        lines += [t["no_evidence"], ""]
    for ev in pillar.evidence:
        lines.append(f"- ✓ {md(ev.title if lang == 'nl' else ev.title_en)} — {t['rule'].lower()} {_code(ev.rule)}")
        for subject, question, answer in fact_pairs(kb, ev.facts, lang):
            lines.append(f"  - {md(question)} {_code(subject)}: *{md(answer)}*")
        lines.append(f"  - {t['source']}: {_cite(ev.sources, numbers)}")
    lines.append("")
    if pillar.missing_stage is None:
        lines += [t["top"], ""]
    elif pillar.missing:
        target = f"{kb.stage(pillar.missing_stage).name(lang)} ({pillar.missing_stage})"
        lines += [f"**{md(t['need'].format(stage=target))}**", ""]
        for req in pillar.missing:
            mark = "✗" if req.status == "fails" else "?"
            lines.append(f"- {mark} {md(req.title if lang == 'nl' else req.title_en)} — {t['rule'].lower()} {_code(req.rule)}")
            for cond in req.conditions:
                question, now, need = condition_parts(kb, cond, lang)
                lines.append(f"  - {md(question)} {_code(cond.subject)} — {t['now']}: *{md(now)}*; {t['needs']}: *{md(need)}*")
            lines.append(f"  - {t['source']}: {_cite(req.sources, numbers)}")
        lines.append("")
    if pillar.settle:
        lines += [f"**{t['settle']}**", ""]
        lines += [f"- {md(subject_text(kb, s, lang))} {_code(s)}" for s in pillar.settle]
        lines.append("")
    return lines


def _recommendation(rec: Recommendation, recs: Mapping[str, Recommendation], kb: KnowledgeBase, lang: str, numbers: Mapping[str, int]) -> list[str]:
    t = LABELS[lang]

    def ref(rec_id: str) -> str:
        other = recs[rec_id]
        return f"{other.rank}. {md(other.title if lang == 'nl' else other.title_en)}"

    lines = [f"#### {rec.rank}. {md(rec.title if lang == 'nl' else rec.title_en)}", ""]
    lines += [md(rec.body if lang == "nl" else rec.body_en), ""]
    if rec.requires:
        lines.append(f"- **{t['after']}:** " + "; ".join(ref(r) for r in rec.requires))
    if rec.unblocks:
        lines.append(f"- **{t['unblocks']}:** " + "; ".join(ref(r) for r in rec.unblocks))
    facts = fact_pairs(kb, rec.facts, lang)
    if facts:
        lines.append(f"- **{t['based_on']}:** " + "; ".join(f"{md(q)} {_code(s)}: *{md(a)}*" for s, q, a in facts))
    rule = _code(rec.rule) + (f" ({t['also']} {', '.join(_code(r) for r in rec.also_rules)})" if rec.also_rules else "")
    lines.append(f"- **{t['rule']}:** {rule} · **{t['id']}:** {_code(rec.id)} · **{t['source']}:** {_cite(rec.sources, numbers)}")
    if rec.disputed:
        lines.append(f"- {t['disputed']}: {', '.join(_code(q) for q in rec.disputed)}")
    lines.append("")
    return lines


def disputes(report: Report, kb: KnowledgeBase, lang: str) -> list[tuple[str, str, list[tuple[str, str]], str]]:
    """Per disputed question: its text, its id, (respondent, answer label) pairs and what counts."""
    t = LABELS[lang]
    result = []
    for dispute in (report.respondents or {}).get("disputed", []):
        question = kb.questions[dispute["question"]]
        said = [(who, question.label(value, lang)) for who, value in dispute["answers"].items()]
        how = t["consensus"] if dispute.get("consensus") else t["combined"]
        result.append((question.text(lang), question.id, said, f"{question.label(dispute['combined'], lang)} ({how})"))
    return result


def render_markdown(report: Report, kb: KnowledgeBase, lang: str = "nl", *, image_stem: str | None = None) -> str:
    """The report as GitHub-flavoured Markdown.

    Parameters
    ----------
    image_stem:
        When given, the charts are linked as ``<image_stem>-radar.svg`` and
        ``<image_stem>-graaf.svg`` (write them with :func:`markdown_images`); when None they are
        embedded as ``data:`` URIs, so that the Markdown stands on its own.
    """
    t = LABELS[lang]
    numbers = cited_sources(report, kb)
    recs = {r.id: r for r in report.recommendations}
    if image_stem is not None:
        names = chart_file_names(image_stem)
        radar_src, graph_src = quote(names["radar"]), quote(names["graph"])
    else:
        radar_src = _data_uri(radar_svg(report, kb, lang))
        graph_src = _data_uri(graph_svg(report, kb, lang)) if report.recommendations else ""

    lines = [f"# {t['title']}: {md(report.organisation['name'])}", ""]
    facts_line = " · ".join(md(p) for p in about(report, lang))
    lines += [f"*{md(t['subtitle'])}*", ""]
    if facts_line:
        lines += [f"**{facts_line}**  ", f"{t['kb']} {md(report.knowledge_version)} · sha256 {_code(report.knowledge_sha256[:12])}", ""]
    else:
        lines += [f"{t['kb']} {md(report.knowledge_version)} · sha256 {_code(report.knowledge_sha256[:12])}", ""]
    lines += [f"**{t['summary']}:** " + md(summary(report, lang)), ""]

    # Stage profile.
    lines += [f"## {t['profile']}", "", t["profile_intro"], ""]
    lines += [f"| {t['pillar']} | {t['stage']} | {t['number']} |", "| --- | --- | :---: |"]
    for pillar in report.pillars:
        stage, stage_number = stage_label(kb, pillar, lang)
        flag = f" {t['disputed']}: {', '.join(_code(q) for q in pillar.disputed)}" if pillar.disputed else ""
        lines.append(f"| {md(kb.pillar(pillar.id).name(lang))} | {md(stage)}{flag} | {stage_number} |")
    lines += ["", f"![{t['radar_alt']}]({radar_src})", "", f"*{t['radar_caption']}*", ""]
    if report.respondents:
        lines += [f"## {t['respondents']}: {md(', '.join(report.respondents['names']))}", "", t["disputes_intro"], ""]
        rows = disputes(report, kb, lang)
        if rows:
            lines += [f"| {t['question']} | {t['answers_given']} | {t['counts']} |", "| --- | --- | --- |"]
            for text, qid, said, counts in rows:
                given = "<br>".join(f"{md(who)}: {md(label)}" for who, label in said)
                lines.append(f"| ⚠ {md(text)} ({_code(qid)}) | {given} | {md(counts)} |")
            lines.append("")

    # Per pillar.
    lines += [f"## {t['pillars']}", "", t["legend"], ""]
    for pillar in report.pillars:
        lines += _pillar_section(kb, pillar, lang, numbers)

    # Recommendations by phase.
    lines += [f"## {t['recs']}", ""]
    if not report.recommendations:
        lines += [t["no_recs"], ""]
    else:
        lines += [t["recs_intro"], ""]
        for phase in PHASES:
            in_phase = [r for r in report.recommendations if r.phase == phase]
            if not in_phase:
                continue
            lines += [f"### {t['phases'][phase]}", "", f"*{t['phase_intro'][phase]}*", ""]
            for rec in in_phase:
                lines += _recommendation(rec, recs, kb, lang, numbers)

        lines += [f"## {t['graph']}", "", t["graph_intro"], "", f"![{t['graph_alt']}]({graph_src})", ""]

    if report.reflection_questions:
        lines += [f"## {t['reflect']}", "", t["reflect_intro"], ""]
        fields = list(dict.fromkeys(q.field for q in report.reflection_questions))
        for field in fields:
            lines += [f"### {t['fields'].get(field, field)}", ""]
            for q in report.reflection_questions:
                if q.field == field:
                    lines.append(f"- {md(q.text if lang == 'nl' else q.text_en)} ({t['rule'].lower()} {_code(q.rule)}; {_cite(q.sources, numbers)})")
            lines.append("")

    # Appendix.
    lines += [f"## {t['appendix']}", "", t["appendix_intro"], ""]
    for doc_id, entries in sections_by_document(kb, numbers):
        if doc_id is not None:
            doc = kb.document(doc_id)
            lines += [f"### {md(doc.title if lang == 'nl' else doc.title_en)}", ""]
            who = ", ".join(doc.authors)
            if doc.publisher or who:
                lines += [f"*{md(', '.join(p for p in (who, doc.publisher or '') if p))}*", ""]
        for number, ref, section in entries:
            title = (section.title if lang == "nl" else section.title_en) if section else ref
            lines.append(f'- <a id="bron-{number}"></a>**\\[{number}\\] {md(title)}** ({_code(ref)})')
            if section:
                lines.append(f"  {md(section.summary_nl if lang == 'nl' else section.summary_en)}")
        lines.append("")
    lines += [f"### {t['knowledge']}", "", f"- {t['version']}: {md(report.knowledge_version)}", f"- sha256: {_code(report.knowledge_sha256)}", ""]
    return "\n".join(lines)
