"""The view model of a report: plain data that the HTML and Markdown templates lay out.

:func:`report_context` turns a :class:`~zorgadvies.report.Report` into dicts, lists and strings in
the report's language, with everything a template needs already worked out (stage words, the
strongest and weakest pillar, the focus list, the roadmap's steps, cited sources). Templates only
lay out; they decide nothing. The web front end renders the same templates from the same context.

Fields that other parts of the model add later (``stage_min``/``stage_max``/``stage_estimate`` on a
pillar, ``focus`` on the report; see CONTRACT.md) are read when present and left out when not.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ..knowledge import KnowledgeBase
from ..report import PillarResult, Recommendation, Report
from .charts import PHASE_COLOURS, dependency_layers
from .markdown import (
    LABELS,
    about,
    cited_sources,
    condition_parts,
    disputes,
    fact_pairs,
    sections_by_document,
    stage_label,
    subject_text,
    summary,
)
from .options import RenderOptions

__all__ = ["FOCUS_FALLBACK_SIZE", "report_context"]

#: Without a focus list in the report, the summary shows this many recommendations that can start now.
FOCUS_FALLBACK_SIZE = 5


def _stage_value(pillar: PillarResult) -> tuple[int, bool]:
    """(stage to compare pillars by, whether it is established). Estimates and lower bounds count."""
    if pillar.stage is not None:
        return pillar.stage, True
    estimate = getattr(pillar, "stage_estimate", None)
    if isinstance(estimate, Mapping) and estimate.get("stage"):
        return int(estimate["stage"]), False
    return int(getattr(pillar, "stage_min", None) or pillar.at_least or 1), False


def _bounds(pillar: PillarResult) -> tuple[int | None, int | None]:
    low = getattr(pillar, "stage_min", None)
    high = getattr(pillar, "stage_max", None)
    return (int(low) if low else None, int(high) if high else None)


class _Builder:
    def __init__(self, report: Report, kb: KnowledgeBase, lang: str, options: RenderOptions) -> None:
        self.report, self.kb, self.lang, self.options = report, kb, lang, options
        self.t = LABELS[lang]
        self.numbers = cited_sources(report, kb)
        self.recs = {r.id: r for r in report.recommendations}

    def text(self, nl: str, en: str) -> str:
        return nl if self.lang == "nl" else en

    def cites(self, refs: Iterable[str]) -> list[dict[str, Any]]:
        result = []
        for number in sorted({self.numbers[r] for r in refs}):
            ref = next(r for r, n in self.numbers.items() if n == number)
            section = self.kb.sections.get(ref)
            result.append({"number": number, "ref": ref, "title": self.text(section.title, section.title_en) if section else ref})
        return result

    def facts(self, pairs: Iterable[tuple[str, object]]) -> list[dict[str, str]]:
        return [{"subject": s, "question": q, "answer": a} for s, q, a in fact_pairs(self.kb, pairs, self.lang)]

    def rec_ref(self, rec_id: str) -> dict[str, Any]:
        rec = self.recs[rec_id]
        return {"id": rec.id, "rank": rec.rank, "title": self.text(rec.title, rec.title_en)}

    # -- pillars ------------------------------------------------------------------------------

    def pillar(self, pillar: PillarResult) -> dict[str, Any]:
        kb, lang, t = self.kb, self.lang, self.t
        stage, number = stage_label(kb, pillar, lang)
        value, established = _stage_value(pillar)
        low, high = _bounds(pillar)
        estimate = getattr(pillar, "stage_estimate", None)
        estimate_stage = estimate.get("stage") if isinstance(estimate, Mapping) else None
        if pillar.stage is None and low and high and low != high:
            range_text = str(t["range"]).format(low=low, high=high)
        else:
            range_text = None
        cell_stage = pillar.stage or estimate_stage or pillar.at_least or low
        next_stage = pillar.missing_stage
        requirements = []
        for req in pillar.missing:
            status = "fails" if req.status == "fails" else "unknown"
            conditions = []
            for cond in req.conditions:
                question, now, need = condition_parts(kb, cond, lang)
                conditions.append({"subject": cond.subject, "question": question, "now": now, "need": need})
            requirements.append({
                "rule": req.rule, "title": self.text(req.title, req.title_en), "status": status,
                "status_word": t["status"][status], "conditions": conditions, "cites": self.cites(req.sources),
            })
        return {
            "id": pillar.id,
            "name": kb.pillar(pillar.id).name(lang),
            "stage": pillar.stage,
            "stage_text": stage,
            "number": number,
            "established": established,
            "value": value,
            "range_text": range_text,
            "estimate": estimate_stage,
            "estimate_text": str(t["estimate_text"]).format(stage=kb.stage(int(estimate_stage)).name(lang), number=estimate_stage) if estimate_stage and pillar.stage is None else None,
            "cell_stage": cell_stage,
            "cell_stage_name": kb.stage(cell_stage).name(lang) if cell_stage else None,
            "cell": kb.pillar(pillar.id).cells[cell_stage][0 if lang == "nl" else 1] if cell_stage else None,
            "evidence": [
                {"rule": ev.rule, "title": self.text(ev.title, ev.title_en), "facts": self.facts(ev.facts), "cites": self.cites(ev.sources)}
                for ev in pillar.evidence
            ],
            "next_stage": next_stage,
            "next_stage_name": kb.stage(next_stage).name(lang) if next_stage else None,
            "requirements": requirements,
            "open_count": len(requirements),
            "settle": [{"subject": s, "text": subject_text(kb, s, lang)} for s in pillar.settle],
            "disputed": list(pillar.disputed),
            "recs": [{"id": r.id, "rank": r.rank} for r in self.report.recommendations if pillar.id in r.serves],
        }

    # -- recommendations ----------------------------------------------------------------------

    def recommendation(self, rec: Recommendation, step: int | None) -> dict[str, Any]:
        t = self.t
        fill, stroke = PHASE_COLOURS[rec.phase]
        return {
            "id": rec.id,
            "rank": rec.rank,
            "title": self.text(rec.title, rec.title_en),
            "body": self.text(rec.body, rec.body_en),
            "phase": rec.phase,
            "phase_name": t["phases"][rec.phase],
            "fill": fill,
            "colour": stroke,
            "step": step,
            "requires": [self.rec_ref(r) for r in rec.requires],
            "unblocks": [self.rec_ref(r) for r in rec.unblocks],
            "facts": self.facts(rec.facts),
            "rule": rec.rule,
            "also_rules": list(rec.also_rules),
            "cites": self.cites(rec.sources),
            "disputed": list(rec.disputed),
            "on_estimate": bool(getattr(rec, "on_estimate", False)),
        }

    def focus(self, recs: Mapping[str, dict[str, Any]]) -> tuple[list[dict[str, Any]], bool]:
        """The report's focus list; without one, the first recommendations that can start now."""
        focus = getattr(self.report, "focus", None)
        if focus:
            items = []
            for item in focus:
                data = item if isinstance(item, Mapping) else item.to_dict()
                if data["id"] in recs:
                    reason = data.get("reason") if self.lang == "nl" else data.get("reason_en")
                    items.append({"rec": recs[data["id"]], "reason": reason or ""})
            return items, False
        items = []
        for rec in self.report.recommendations:
            if rec.requires:
                continue
            n = len(rec.unblocks)
            reason = self.t["focus_free"] if n == 0 else (self.t["focus_unblocks_1"] if n == 1 else str(self.t["focus_unblocks"]).format(n=n))
            items.append({"rec": recs[rec.id], "reason": reason})
            if len(items) == FOCUS_FALLBACK_SIZE:
                break
        return items, True

    # -- the whole --------------------------------------------------------------------------------

    def build(self) -> dict[str, Any]:
        report, kb, lang, t = self.report, self.kb, self.lang, self.t
        layers, free = dependency_layers(report)
        step_of = {rec_id: i for i, layer in enumerate(layers, start=1) for rec_id in layer}
        recs = {r.id: self.recommendation(r, step_of.get(r.id)) for r in report.recommendations}
        pillars = [self.pillar(p) for p in report.pillars]
        ordered = sorted(pillars, key=lambda p: p["value"])
        spread = ordered and ordered[0]["value"] != ordered[-1]["value"]
        strongest = max(pillars, key=lambda p: p["value"]) if spread else None
        weakest = min(pillars, key=lambda p: p["value"]) if spread else None
        focus, fallback = self.focus(recs)
        reflection = []
        for field in dict.fromkeys(q.field for q in report.reflection_questions):
            reflection.append({
                "field": t["fields"].get(field, field),
                "questions": [
                    {"text": self.text(q.text, q.text_en), "rule": q.rule, "cites": self.cites(q.sources)}
                    for q in report.reflection_questions if q.field == field
                ],
            })
        sources = []
        for doc_id, entries in sections_by_document(kb, self.numbers):
            doc = kb.document(doc_id) if doc_id is not None else None
            sources.append({
                "title": self.text(doc.title, doc.title_en) if doc else None,
                "byline": ", ".join(p for p in (", ".join(doc.authors), doc.publisher or "") if p) if doc else "",
                "entries": [
                    {
                        "number": number,
                        "ref": ref,
                        "title": self.text(section.title, section.title_en) if section else ref,
                        "summary": self.text(section.summary_nl, section.summary_en) if section else "",
                    }
                    for number, ref, section in entries
                ],
            })
        assessment = dict(report.organisation.get("assessment") or {})
        if getattr(report, "assessment", None):
            assessment |= dict(getattr(report, "assessment"))
        opts = self.options
        return {
            "lang": lang,
            "t": t,
            "audit": opts.audit,
            "logo": opts.logo,
            "accent": opts.accent or "#1d4e89",
            "intro": [p.strip() for p in (opts.intro or str(t["intro_default"])).split("\n\n") if p.strip()],
            "org": {
                "name": report.organisation["name"],
                "about": about(report, lang),
                "date": assessment.get("date"),
                "consultant": assessment.get("consultant"),
                "contact": assessment.get("client_contact"),
                "round": assessment.get("round"),
            },
            "summary": summary(report, lang),
            "knowledge": {"version": report.knowledge_version, "sha256": report.knowledge_sha256},
            "pillars": pillars,
            "strongest": strongest,
            "weakest": weakest,
            "focus": focus,
            "focus_is_fallback": fallback,
            "recs": [recs[r.id] for r in report.recommendations],
            "steps": [[recs[i] for i in sorted(layer, key=lambda i: recs[i]["rank"])] for layer in layers],
            "free": [recs[i] for i in free],
            "reflection": reflection,
            "sources": sources,
            "respondents": list(report.respondents["names"]) if report.respondents else [],
            "disputes": [
                {"text": text, "question": qid, "said": said, "counts": counts}
                for text, qid, said, counts in disputes(report, kb, lang)
            ],
        }


def report_context(report: Report, kb: KnowledgeBase, lang: str = "nl", options: RenderOptions | None = None) -> dict[str, Any]:
    """Everything the report templates show, in ``lang``, as plain data (see the module doc)."""
    if lang not in LABELS:
        raise ValueError(f"unknown report language {lang!r}")
    return _Builder(report, kb, lang, options or RenderOptions()).build()
