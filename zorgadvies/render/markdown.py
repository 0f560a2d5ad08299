"""The report as GitHub-flavoured Markdown, in Dutch (default) or English.

Laid out by the Jinja2 template ``templates/report.md.j2`` from the view model of :mod:`.context`
(client report by default, the audit trail with ``RenderOptions(audit=True)``). The radar cannot be
drawn in Markdown itself. Written to a file (``zorgadvies report --format markdown -o rapport.md``),
it goes beside it as ``rapport-radar.svg`` and the Markdown links it by relative name (GitHub,
GitLab and most viewers show it). Printed to stdout there is nowhere to put a second file, so the
SVG is embedded as a ``data:`` URI instead (pandoc and most editors show those; GitHub does not).
The order of the advice is a "begin na" table. See docs/reports.md.

This module also holds the label table and the small formatting helpers that the view model
shares, so both reports say the same things in the same words.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import quote

from ..knowledge import PLAIN_ANSWER_LABELS, KnowledgeBase, Section
from ..report import ConditionStatus, PillarResult, Report
from .charts import radar_svg
from .labels import stage_names, stage_text
from .options import RenderOptions
from .templating import Markup, md_escape, render_template

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
        "radar_caption": "Het profiel over de zes pijlers. Een open rondje met een stippellijn: het stadium is nog niet vastgesteld en ligt ergens op die lijn; een ruit: de schatting.",
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
        # -- client report (templates) --
        "range": "{low} of {high}",
        "bounds_text": "onbepaald: minstens {low}, hoogstens {high}",
        "basis": {"criteria": "op grond van de criteria", "zelfinschatting": "eigen inschatting", "onbepaald": "onbepaald"},
        "conflict": "De eigen inschatting ({placed}) past niet bij de antwoorden, die op {bounds} wijzen; de antwoorden gaan voor.",
        "ask_next": "Vraag hierna",
        "target": "Doel",
        "target_line": "Doel: {name} ({n})",
        "target_met": "bereikt",
        "previous_line": "Vorige meting: {name} ({n})",
        "projected": "Na de routekaart (verwacht): {name} ({n}), als de aanbevelingen voor deze pijler zijn uitgevoerd.",
        "note": "Toelichting",
        "notes": "Toelichtingen bij de antwoorden",
        "ask_next_intro": "De vragen waarvan het antwoord het oordeel het meest verandert, met wie ze kan beantwoorden.",
        "afgeleid": "afgeleid (onze gevolgtrekking, niet letterlijk in de bron)",
        "range_long": "minstens {low}, hoogstens {high}",
        "estimate_text": "geschat: {stage} ({number}), {basis}",
        "estimate_note": "Geschat stadium",
        "intro_default": "Dit rapport beschrijft waar uw organisatie staat in het organiseren van innovatie en marketing, langs de zes pijlers van het Zorgmarketing Ontwikkelmodel, en wat de volgende stappen zijn. Het rust op de antwoorden die u en uw collega's gaven.",
        "management_summary": "Managementsamenvatting",
        "date": "Datum",
        "consultant": "Adviseur",
        "contact": "Contactpersoon",
        "round": "Ronde",
        "focus": "Nu aan de slag",
        "focus_intro": "De aanbevelingen om nu mee te beginnen, en waarom.",
        "strongest": "Sterkste pijler",
        "weakest": "Zwakste pijler",
        "all_level": "Alle pijlers staan op hetzelfde niveau.",
        "levels_open": "Welke pijler het sterkst is, is nog niet te zeggen: {n} van de {total} pijlers hebben nog geen stadium of schatting.",
        "next_stage": "Volgende stadium",
        "open_criteria": "nog {n} punten",
        "open_criteria_1": "nog 1 punt",
        "highest": "hoogste stadium bereikt",
        "where": "Waar u staat",
        "where_at_least": "Minstens dit stadium",
        "seen": "Wat we zagen",
        "towards": "Op weg naar {stage}",
        "to_discuss": "Nog te bespreken",
        "pillar_recs": "Aanbevelingen voor deze pijler",
        "roadmap": "Routekaart",
        "roadmap_intro": "Alle aanbevelingen in volgorde van prioriteit. Het label noemt de fase van de innovatieroute (Onderzoek, Richt, Plan, Doe); 'begin na' noemt wat eerst klaar moet zijn.",
        "begin_after": "Begin na",
        "begin_now": "kan direct beginnen",
        "step": "Stap",
        "steps": "Stappen",
        "steps_intro": "Aanbevelingen die op elkaar voortbouwen, per stap: een stap kan beginnen zodra wat op de kaart onder 'begin na' staat klaar is.",
        "free_intro": "Deze aanbevelingen hangen niet van andere af en kunnen op elk moment beginnen:",
        "begin_after_table": "Begin na: de volgorde in een tabel",
        "recommendation": "Aanbeveling",
        "sources_client": "Bronnen",
        "sources_client_intro": "De nummers tussen haken verwijzen naar deze onderdelen van de brondocumenten.",
        "audit": "Verantwoording",
        "audit_intro": "Voor de adviseur en de auditor: de regels, de antwoorden waarop ze rusten, de bronnen en de versie van de kennisbank.",
        "audit_recs": "Aanbevelingen: regels en antwoorden",
        "on_estimate": "rust op een schatting",
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
        "radar_caption": "The profile across the six pillars. An open circle with a dashed line: the stage is not established and lies somewhere on that line; a diamond: the estimate.",
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
        # -- client report (templates) --
        "range": "{low} or {high}",
        "bounds_text": "undetermined: at least {low}, at most {high}",
        "basis": {"criteria": "from the criteria", "zelfinschatting": "self-assessment", "onbepaald": "undetermined"},
        "conflict": "The self-assessment ({placed}) does not fit the answers, which point to {bounds}; the answers prevail.",
        "ask_next": "Ask next",
        "target": "Target",
        "target_line": "Target: {name} ({n})",
        "target_met": "reached",
        "previous_line": "Previous assessment: {name} ({n})",
        "projected": "After the roadmap (expected): {name} ({n}), once the recommendations for this pillar are carried out.",
        "note": "Note",
        "notes": "Notes on the answers",
        "ask_next_intro": "The questions whose answer changes the verdict most, with who can answer them.",
        "afgeleid": "inferred (our conclusion, not literally in the source)",
        "range_long": "at least {low}, at most {high}",
        "estimate_text": "estimated: {stage} ({number}), {basis}",
        "estimate_note": "Estimated stage",
        "intro_default": "This report describes where your organisation stands in organising innovation and marketing, along the six pillars of the Care Marketing Development Model, and what the next steps are. It rests on the answers you and your colleagues gave.",
        "management_summary": "Management summary",
        "date": "Date",
        "consultant": "Consultant",
        "contact": "Contact",
        "round": "Round",
        "focus": "Start now",
        "focus_intro": "The recommendations to start with now, and why.",
        "strongest": "Strongest pillar",
        "weakest": "Weakest pillar",
        "all_level": "All pillars are at the same level.",
        "levels_open": "Which pillar is strongest cannot be said yet: {n} of the {total} pillars have no stage or estimate yet.",
        "next_stage": "Next stage",
        "open_criteria": "{n} points to go",
        "open_criteria_1": "1 point to go",
        "highest": "highest stage reached",
        "where": "Where you stand",
        "where_at_least": "At least this stage",
        "seen": "What we saw",
        "towards": "Towards {stage}",
        "to_discuss": "Still to discuss",
        "pillar_recs": "Recommendations for this pillar",
        "roadmap": "Roadmap",
        "roadmap_intro": "All recommendations in order of priority. The tag names the phase of the innovation route (Research, Direct, Plan, Do); 'begin after' names what must be done first.",
        "begin_after": "Begin after",
        "begin_now": "can start right away",
        "step": "Step",
        "steps": "Steps",
        "steps_intro": "Recommendations that build on each other, step by step: a step can begin once what its card lists under 'begin after' is done.",
        "free_intro": "These recommendations depend on no other and can begin at any time:",
        "begin_after_table": "Begin after: the order as a table",
        "recommendation": "Recommendation",
        "sources_client": "Sources",
        "sources_client_intro": "The numbers in brackets refer to these parts of the source documents.",
        "audit": "Audit trail",
        "audit_intro": "For the consultant and the auditor: the rules, the answers they rest on, the sources and the version of the knowledge base.",
        "audit_recs": "Recommendations: rules and answers",
        "on_estimate": "rests on an estimate",
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
    if question:
        return question.label(value, lang)
    if subject == "organisation.size_class" and lang == "en" and value in LABELS[lang]["size"]:  # Dutch keeps its id
        return str(LABELS[lang]["size"][value])
    # A derived fact (a role present, ...) holds ja/nee like a yes/no question.
    return PLAIN_ANSWER_LABELS[value][0 if lang == "nl" else 1] if isinstance(value, str) and value in PLAIN_ANSWER_LABELS else str(value)


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
    """(stage text, stage number text) with the bounds when the stage is not established.

    ('Georganiseerd', '3'); ('onbepaald: minstens Geïnitieerd, hoogstens Gedefinieerd', '1 of 2');
    ('onbepaald (minstens Geïnitieerd)', '≥ 1') when nothing above the floor is ruled out.
    """
    if pillar.stage is not None:
        return kb.stage(pillar.stage).name(lang), str(pillar.stage)
    t = LABELS[lang]
    low, high = pillar.stage_min, pillar.stage_max
    if high < 4 and high > low:
        text = str(t["bounds_text"]).format(low=kb.stage(low).name(lang), high=kb.stage(high).name(lang))
        number = str(t["range"]).format(low=low, high=high) if high == low + 1 else f"{low}–{high}"
        return text, number
    text = stage_text(None, low, stage_names(kb), lang)
    return text, f"≥ {low}"


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


def md(text: object) -> str:
    """Escape text for Markdown, so that knowledge-base text is shown literally."""
    return md_escape(text)


def _data_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def markdown_images(report: Report, kb: KnowledgeBase, lang: str, stem: str, options: RenderOptions | None = None) -> dict[str, str]:
    """File name -> SVG for the chart of a Markdown report written as ``stem``.md (the radar).

    The order of the recommendations is a table in the Markdown itself (``Begin na``), so no
    dependency picture is written beside it.
    """
    previous = options.previous if options else None
    return {chart_file_names(stem)["radar"]: radar_svg(report, kb, lang, previous=previous)}


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


def render_markdown(
    report: Report,
    kb: KnowledgeBase,
    lang: str = "nl",
    *,
    image_stem: str | None = None,
    options: RenderOptions | None = None,
) -> str:
    """The report as GitHub-flavoured Markdown, laid out by ``templates/report.md.j2``.

    Parameters
    ----------
    image_stem:
        When given, the radar is linked as ``<image_stem>-radar.svg`` (write it with
        :func:`markdown_images`); when None it is embedded as a ``data:`` URI, so that the
        Markdown stands on its own.
    options:
        Audience (``audit``), template folder and introduction text; see :class:`RenderOptions`.
    """
    from .context import report_context  # context imports the helpers above

    options = options or RenderOptions()
    context = report_context(report, kb, lang, options)
    if image_stem is not None:
        src = quote(chart_file_names(image_stem)["radar"])
    else:
        src = _data_uri(radar_svg(report, kb, lang, previous=options.previous))
    context["radar_src"] = Markup(src)
    text = render_template("markdown", "report.md.j2", context, options.template_dir)
    # Blank lines from template control flow: at most one in a row, one newline at the end.
    return re.sub(r"\n{3,}", "\n\n", text).rstrip("\n") + "\n"
