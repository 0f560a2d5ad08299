"""The view model of a report: plain data that the HTML and Markdown templates lay out.

:func:`report_context` turns a :class:`~zorgadvies.report.Report` into dicts, lists and strings in
the report's language, with everything a template needs already worked out (stage words, the
strongest and weakest pillar, the focus list, the roadmap's steps, cited sources). Templates only
lay out; they decide nothing. The web front end renders the same templates from the same context.

Stages that are not established show their bounds (``stage_min``..``stage_max``) and, worded apart,
the estimate and its basis; a self-placement outside the bounds is a conflict, told in words.
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

__all__ = ["report_context"]


def _stage_value(pillar: PillarResult) -> tuple[int, bool]:
    """(stage to compare pillars by, whether it is established). Estimates and lower bounds count."""
    if pillar.stage is not None:
        return pillar.stage, True
    return int(pillar.stage_estimate.stage or pillar.stage_min), False


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
        notes = self.report.notes
        return [{"subject": s, "question": q, "answer": a, "note": notes.get(s, "")} for s, q, a in fact_pairs(self.kb, pairs, self.lang)]

    def rec_ref(self, rec_id: str) -> dict[str, Any]:
        rec = self.recs[rec_id]
        return {"id": rec.id, "rank": rec.rank, "title": self.text(rec.title, rec.title_en)}

    # -- pillars ------------------------------------------------------------------------------

    def pillar(self, pillar: PillarResult) -> dict[str, Any]:
        kb, lang, t = self.kb, self.lang, self.t
        stage, number = stage_label(kb, pillar, lang)
        value, established = _stage_value(pillar)
        estimate_stage = pillar.stage_estimate.stage if pillar.stage is None else None
        cell_stage = pillar.stage or estimate_stage or pillar.stage_min
        conflicts = []
        for conflict in pillar.conflicts:
            placed = kb.questions[conflict.question].label(conflict.answer, lang) if conflict.question in kb.questions else str(conflict.answer)
            bounds = kb.stage(conflict.stage_min).name(lang) if conflict.stage_min == conflict.stage_max else str(
                t["bounds_text"]).format(low=kb.stage(conflict.stage_min).name(lang), high=kb.stage(conflict.stage_max).name(lang))
            conflicts.append({"question": conflict.question, "rules": list(conflict.rules), "text": str(t["conflict"]).format(placed=placed, bounds=bounds)})
        next_stage = pillar.missing_stage
        target = self.report.targets.get(pillar.id)
        previous = (self.options.previous or {}).get(pillar.id)
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
            "display": f"{number} · {stage}" if pillar.stage is not None else (stage if number.startswith("≥") else f"{stage} ({number})"),
            "established": established,
            "value": value,
            "stage_min": pillar.stage_min,
            "stage_max": pillar.stage_max,
            "estimate": estimate_stage,
            "estimate_basis": pillar.stage_estimate.basis,
            "estimate_text": str(t["estimate_text"]).format(
                stage=kb.stage(estimate_stage).name(lang), number=estimate_stage, basis=t["basis"][pillar.stage_estimate.basis]
            ) if estimate_stage else None,
            "conflicts": conflicts,
            "short": f"{number} · {stage}" if pillar.stage is not None else (
                str(t["estimate_text"]).format(stage=kb.stage(estimate_stage).name(lang), number=estimate_stage, basis=t["basis"][pillar.stage_estimate.basis])
                if estimate_stage else stage
            ),
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
            "disputed": [{"subject": s, "text": subject_text(kb, s, lang)} for s in pillar.disputed],
            "recs": [{"id": r.id, "rank": r.rank} for r in self.report.recommendations if pillar.id in r.serves],
            "target": target,
            "target_name": kb.stage(target).name(lang) if target else None,
            "target_met": bool(target and pillar.stage_min >= target),
            "previous": previous,
            "previous_name": kb.stage(previous).name(lang) if previous else None,
            # What the roadmap aims at: the next stage, where advice for this pillar applies (an
            # expectation, worded as such; docs/reports.md).
            "projected": next_stage if next_stage and any(pillar.id in r.serves for r in self.report.recommendations) else None,
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
            "on_estimate": rec.on_estimate,
            "inferred": rec.basis == "afgeleid",
        }

    def focus(self, recs: Mapping[str, dict[str, Any]]) -> list[dict[str, Any]]:
        """The report's focus list ("Nu aan de slag"), each with the reason it is in it."""
        return [
            {"rec": recs[item.id], "reason": self.text(item.reason, item.reason_en)}
            for item in self.report.focus
            if item.id in recs
        ]

    def ask_next(self) -> list[dict[str, Any]]:
        return [
            {
                "question": item.question,
                "text": self.text(item.text, item.text_en),
                "ask": item.ask,
                "decides": [self.text(d.what, d.what_en) for d in item.decides],
            }
            for item in self.report.ask_next or ()
        ]

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
        # Without a spread, "all at the same level" is only true when every pillar has a stage or
        # an estimate; pillars at the floor with nothing known are not "at a level" at all.
        unknown = sum(1 for p in report.pillars if p.stage is None and p.stage_estimate.stage is None)
        levels_open = str(t["levels_open"]).format(n=unknown, total=len(pillars)) if not spread and unknown else None
        focus = self.focus(recs)
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
        assessment = dict(report.assessment or {})
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
            "has_targets": bool(report.targets),
            "has_previous": bool(opts.previous),
            "notes": [
                {"subject": qid, "question": subject_text(kb, qid, lang), "note": note} for qid, note in report.notes.items()
            ],
            "strongest": strongest,
            "weakest": weakest,
            "levels_open": levels_open,
            "focus": focus,
            "ask_next": self.ask_next(),
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
