"""Why and why-not, for a pillar's stage, a recommendation, a reflection question or a rule.

Everything an explanation says comes from the assessment's own trace (rule ids, the facts the
engine matched, the conditions it found false) and from the knowledge base's metadata (question
texts, section titles). Nothing is restated in code. "What would make it fire" is computed with
:func:`zorgadvies.whatif.suggest` and confirmed by running the engine again.
"""

from __future__ import annotations

from typing import Any

import attrs

from .api import Advisor
from .errors import InputError, did_you_mean
from .engine import reasons
from .facts import FACT_LABELS, Facts
from .logic import Cond, Truth, conditions, evaluate
from .render.labels import OPERATOR_WORDS, bounds_text, stage_names
from .report import Report
from .rulepack import Rule
from .stages import rule_outcomes
from .whatif import Change, outcome_after, suggest
from .messages import t as tr

__all__ = ["Explanation", "RuleTrace", "explain"]


@attrs.frozen
class FactLine:
    subject: str
    text: str
    text_en: str
    answer: object | None
    label: str
    label_en: str

    def to_dict(self) -> dict[str, Any]:
        return {"subject": self.subject, "question": self.text, "question_en": self.text_en, "answer": self.answer, "label": self.label, "label_en": self.label_en}


@attrs.frozen
class SourceLine:
    ref: str
    document: str
    section: str
    summary: str
    document_en: str
    section_en: str
    summary_en: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "ref": self.ref, "document": self.document, "section": self.section, "summary": self.summary,
            "document_en": self.document_en, "section_en": self.section_en, "summary_en": self.summary_en,
        }


@attrs.frozen
class CondLine:
    """A condition (as written in the rule, and as a reader says it) with the fact it tests."""

    condition: str
    requirement: str
    requirement_en: str
    fact: FactLine

    def to_dict(self) -> dict[str, Any]:
        return {"condition": self.condition, "requirement": self.requirement, "requirement_en": self.requirement_en, **self.fact.to_dict()}


@attrs.frozen
class RuleTrace:
    """One rule's part in an explanation: its outcome and the evidence for it."""

    rule: str
    title: str
    title_en: str
    outcome: str  # fires | fails | unknown
    matched: tuple[FactLine, ...]
    failed: tuple[CondLine, ...]
    unknown: tuple[CondLine, ...]
    sources: tuple[SourceLine, ...]
    would_fire_with: tuple[Change, ...] | None = None
    verified: bool | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "title": self.title,
            "title_en": self.title_en,
            "outcome": self.outcome,
            "matched": [f.to_dict() for f in self.matched],
            "failed": [c.to_dict() for c in self.failed],
            "unknown": [c.to_dict() for c in self.unknown],
            "sources": [s.to_dict() for s in self.sources],
            "would_fire_with": None if self.would_fire_with is None else [c.to_dict() for c in self.would_fire_with],
            "verified": self.verified,
        }


@attrs.frozen
class ChainLink:
    id: str
    title: str
    fired: bool
    rank: int | None
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "fired": self.fired, "rank": self.rank, "reason": self.reason}


@attrs.frozen
class Explanation:
    id: str
    kind: str  # pillar | recommendation | reflection | rule
    title: str
    title_en: str
    applies: bool
    summary: str
    summary_en: str
    rules: tuple[RuleTrace, ...]
    chain: tuple[ChainLink, ...] = ()
    why_not: tuple[RuleTrace, ...] = ()  # for a pillar: the criteria of the next stage

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "title": self.title,
            "title_en": self.title_en,
            "applies": self.applies,
            "summary": self.summary,
            "summary_en": self.summary_en,
            "rules": [r.to_dict() for r in self.rules],
            "prerequisites": [c.to_dict() for c in self.chain],
            "why_not": [r.to_dict() for r in self.why_not],
        }


class _Explainer:
    def __init__(self, adv: Advisor, facts: Facts) -> None:
        self.adv = adv
        self.kb = adv.kb
        self.facts = facts
        self.staged, self.firings, self.pillars = adv.run(facts)
        self.outcomes = rule_outcomes(self.firings)
        self.rules = adv.pack.by_id()

    def fact(self, subject: str, answer: object | None) -> FactLine:
        q = self.kb.questions.get(subject)
        if q is not None:
            label = q.label(answer, "nl") if answer is not None else "onbekend"
            label_en = q.label(answer, "en") if answer is not None else "unknown"
            return FactLine(subject, q.nl, q.en, answer, label, label_en)
        if subject.startswith("stage."):
            text, text_en = f"Stadium van de pijler {subject[6:]}", f"Stage of the pillar {subject[6:]}"
        else:
            text, text_en = FACT_LABELS.get(subject, (subject, subject))
        shown = "onbekend" if answer is None else str(answer)
        return FactLine(subject, text, text_en, answer, shown, "unknown" if answer is None else str(answer))

    def source(self, ref: str) -> SourceLine:
        section = self.kb.sections[ref]
        doc = self.kb.document(section.document)
        about = ", ".join(str(x) for x in (doc.publisher, doc.year) if x)
        document, document_en = ((f"{title} ({about})" if about else title) for title in (doc.title, doc.title_en))
        return SourceLine(ref, document, section.title, section.summary_nl, document_en, section.title_en, section.summary_en)

    def cond_line(self, cond: Cond) -> CondLine:
        value = self.staged.get(cond.subject, (None, None))[0]
        shown = cond.shown if cond.shown is not None else cond.value
        values = shown if isinstance(shown, tuple) else (shown,)
        question = self.kb.questions.get(cond.subject)

        def said(lang: str) -> str:
            labels = [question.label(v, lang) if question else str(v) for v in values]
            return OPERATOR_WORDS[lang][cond.op] + ", ".join(f"'{label}'" for label in labels)

        return CondLine(cond.describe(), said("nl"), said("en"), self.fact(cond.subject, value))

    def trace(self, rule: Rule, extra_sources: tuple[str, ...] = (), *, with_suggestion: bool = True) -> RuleTrace:
        outcome = self.outcomes.get(rule.id, "unknown")
        mine = [f for f in self.firings if f.rule == rule.id]
        matched: tuple[FactLine, ...] = ()
        failed: list[CondLine] = []
        if outcome == "fires":
            matched = tuple(self.fact(s, v) for s, v in reasons(mine, rule.id))
        elif outcome == "fails":
            seen: set[Cond] = set()
            for firing in (f for f in mine if f.outcome == "fails"):
                for cond in firing.conditions:
                    if cond not in seen:
                        seen.add(cond)
                        failed.append(self.cond_line(cond))
        unknown = tuple(
            self.cond_line(c) for c in dict.fromkeys(conditions(rule.when)) if c.subject not in self.staged
        ) if outcome != "fires" else ()
        suggestion: tuple[Change, ...] | None = None
        verified: bool | None = None
        if outcome != "fires" and with_suggestion:
            found = suggest(self.adv, rule, self.staged)
            if found is not None:
                suggestion = tuple(found)
                after, _ = outcome_after(self.adv, self.facts, found)
                verified = after.get(rule.id) == "fires"
        sources = tuple(self.source(r) for r in dict.fromkeys(rule.sources + extra_sources))
        return RuleTrace(rule.id, rule.title, rule.title_en, outcome, matched, tuple(failed), unknown, sources, suggestion, verified)

    def pillar(self, pillar_id: str) -> Explanation:
        result = next(p for p in self.pillars if p.id == pillar_id)
        pillar = self.kb.pillar(pillar_id)
        evidence = tuple(self.trace(self.rules[e.rule]) for e in result.evidence + result.higher_evidence)
        why_not = tuple(self.trace(self.rules[r.rule]) for r in result.missing)
        if result.stage is not None:
            stage = self.kb.stage(result.stage)
            if result.stage > 1:
                # Stage 1 is the floor, so the criteria that establish a stage start at 2.
                span = "2" if result.stage == 2 else f"2 t/m {result.stage}"
                span_en = "2" if result.stage == 2 else f"2 to {result.stage}"
                summary = f"{pillar.nl}: {stage.nl} ({result.stage}); alle criteria van stadium {span} zijn vervuld."
                summary_en = f"{pillar.en}: {stage.en} ({result.stage}); every criterion of stage {span_en} is met."
            else:
                summary = f"{pillar.nl}: {stage.nl} (1), de bodem van het model."
                summary_en = f"{pillar.en}: {stage.en} (1), the floor of the model."
            if result.missing_stage:
                summary += f" {self.kb.stage(result.missing_stage).nl} is niet bereikt: zie 'waarom niet'."
                summary_en += f" {self.kb.stage(result.missing_stage).en} is not reached: see 'why not'."
        else:
            # The same words for the bounds and the estimate as the text report (render/labels.py).
            est, names = result.stage_estimate, stage_names(self.kb)
            words = {lang: bounds_text(None, result.stage_min, result.stage_max, est.stage, est.basis, names, lang) for lang in ("nl", "en")}
            summary, summary_en = f"{pillar.nl}: {words['nl']}", f"{pillar.en}: {words['en']}"
            summary += f"; nog te beantwoorden: {', '.join(result.settle) or '-'}."
            summary_en += f"; answer: {', '.join(result.settle) or '-'}."
        for conflict in result.conflicts:
            summary += f" Conflict: de zelfinschatting ({conflict.answer}) valt buiten de grenzen; tegengesproken door {', '.join(conflict.rules)}."
            summary_en += f" Conflict: the self-placement ({conflict.answer}) lies outside the bounds; contradicted by {', '.join(conflict.rules)}."
        return Explanation(pillar_id, "pillar", pillar.nl, pillar.en, result.stage is not None, summary, summary_en, evidence, why_not=why_not)

    def recommendation(self, rec_id: str) -> Explanation:
        text = self.kb.recommendations[rec_id]
        concluding = [r for r in self.adv.pack.rules if r.then.kind == "recommend" and r.then.target == rec_id]
        aim = self.adv.pack.moot.get(rec_id)
        # A recommendation whose aim the facts state as met is never given (issue 13 point 4); then
        # no answer change should be suggested to make it fire.
        moot = aim is not None and evaluate(aim, self.staged) is Truth.TRUE
        traces = tuple(self.trace(r, text.sources, with_suggestion=not moot) for r in concluding)
        report = self.adv.assess(self.facts)
        ranks = {r.id: r.rank for r in report.recommendations}
        applies = rec_id in ranks
        import networkx as nx  # only explanations of recommendations walk the graph

        chain = []
        graph = self.adv.graph
        # Lexicographical: a plain topological sort of a subgraph built from a set follows the
        # set's order, which PYTHONHASHSEED changes (the chain was printed in a different order per run).
        for before in nx.lexicographical_topological_sort(graph.subgraph(nx.ancestors(graph, rec_id) | {rec_id})):
            if before == rec_id:
                continue
            succ = [s for s in graph.successors(before) if s == rec_id or rec_id in nx.descendants(graph, s)]
            reason = graph.edges[before, succ[0]]["reason"] if succ else ""
            chain.append(ChainLink(before, self.kb.recommendations[before].title, before in ranks, ranks.get(before), reason))
        given = next((r for r in report.recommendations if r.id == rec_id), None)
        if given is not None:
            reason_nl, reason_en = self.rank_reason(report, rec_id)
            summary = f"Van toepassing (rang {ranks[rec_id]}): regel {given.rule} is afgegaan. Deze rang omdat: {reason_nl}."
            summary_en = f"Applies (rank {ranks[rec_id]}): rule {given.rule} fired. This rank because: {reason_en}."
        elif moot:
            summary = "Niet gegeven: volgens de antwoorden is het doel van deze aanbeveling al bereikt."
            summary_en = "Not given: according to the answers the aim of this recommendation is already met."
        elif any(t.outcome == "fires" for t in traces):
            summary = "Niet gegeven als advies: de organisatie koos bewust anders; het rapport toetst die keuze."
            summary_en = "Not given as advice: the organisation chose otherwise on purpose; the report checks that choice."
        else:
            summary = "Niet van toepassing: geen van de regels die deze aanbeveling kunnen geven is afgegaan."
            summary_en = "Does not apply: none of the rules that can give this recommendation fired."
        return Explanation(rec_id, "recommendation", text.title, text.title_en, applies, summary, summary_en, traces, tuple(chain))

    def rank_reason(self, report: Report, rec_id: str) -> tuple[str, str]:
        """Why a recommendation has its rank, in words (docs/ranking.md), Dutch and English."""
        import networkx as nx

        fired = {r.id for r in report.recommendations}
        later = len(nx.descendants(self.adv.graph, rec_id) & fired)
        rec = next(r for r in report.recommendations if r.id == rec_id)
        focus = next((f for f in report.focus if f.id == rec_id), None)
        parts_nl = [f"{later} aanbeveling{'en bouwen' if later != 1 else ' bouwt'} hierop voort"]
        parts_en = [f"{later} recommendation{'s build' if later != 1 else ' builds'} on it"]
        if rec.requires:
            parts_nl.append(f"het gaat na {', '.join(rec.requires)}")
            parts_en.append(f"it comes after {', '.join(rec.requires)}")
        if focus is not None:
            parts_nl.append(f"in focus: {focus.reason.rstrip('.')}")
            parts_en.append(f"in focus: {focus.reason_en.rstrip('.')}")
        return "; ".join(parts_nl), "; ".join(parts_en)

    def reflection(self, ref_id: str) -> Explanation:
        text = self.kb.reflections[ref_id]
        concluding = [r for r in self.adv.pack.rules if r.then.kind == "reflect" and r.then.target == ref_id]
        traces = tuple(self.trace(r, text.sources) for r in concluding)
        applies = any(t.outcome == "fires" for t in traces)
        summary = "Wordt als reflectievraag voorgelegd." if applies else "Wordt niet voorgelegd: geen regel is afgegaan."
        summary_en = "Offered as a reflection question." if applies else "Not offered: no rule fired."
        return Explanation(ref_id, "reflection", text.nl, text.en, applies, summary, summary_en, traces)

    def rule(self, rule_id: str) -> Explanation:
        rule = self.rules[rule_id]
        trace = self.trace(rule)
        summary = {"fires": "De regel is afgegaan.", "fails": "De regel is niet afgegaan: een voorwaarde is onwaar.", "unknown": "De regel is onbeslist: een antwoord ontbreekt."}[trace.outcome]
        summary_en = {"fires": "The rule fired.", "fails": "The rule did not fire: a condition is false.", "unknown": "The rule is undecided: an answer is missing."}[trace.outcome]
        return Explanation(rule_id, "rule", rule.title, rule.title_en, trace.outcome == "fires", summary, summary_en, (trace,))


def explain(adv: Advisor, facts: Facts, item_id: str) -> Explanation:
    """Explain ``item_id``: a pillar id, a recommendation id, a reflection-question id or a rule id."""
    explainer = _Explainer(adv, facts)
    if item_id in {p.id for p in adv.kb.pillars}:
        return explainer.pillar(item_id)
    if item_id in adv.kb.recommendations:
        return explainer.recommendation(item_id)
    if item_id in adv.kb.reflections:
        return explainer.reflection(item_id)
    if item_id in explainer.rules:
        return explainer.rule(item_id)
    choices = [p.id for p in adv.kb.pillars] + list(adv.kb.recommendations) + list(adv.kb.reflections) + list(explainer.rules)
    raise InputError(
        tr("explain.no_pillar_recommendation_reflection", item_id=item_id), field="ID", hint=did_you_mean(item_id, choices)
    )
