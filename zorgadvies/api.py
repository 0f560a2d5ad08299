"""The assessment pipeline: facts -> engine -> stages -> (recommendations) -> Report.

An :class:`Advisor` holds one loaded knowledge base, one rule pack and its compiled engine; it is
built once and reused for every assessment (compiling is the expensive part). :func:`assess` keeps
one Advisor per set of extra rule packs.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from .atleast import AtLeast
from .cache import cached
from .engine import Engine, Firing, reasons
from .facts import DEFAULT_SIZE_THRESHOLD, Facts, derived_facts, load_facts
from .knowledge import THEME_LABELS, KnowledgeBase, load_knowledge, tree_digest
from .logic import Truth, evaluate
from .ranking import Closure, focus, rank
from .report import FocusItem, PillarResult, Recommendation, ReflectionQuestion, Report
from .rulepack import RulePack, load_rules
from .stages import classify

if TYPE_CHECKING:  # networkx is only imported when the full graph is asked for
    import networkx as nx

__all__ = ["Advisor", "advice_stage", "advisor", "assess", "rule_folders"]

FactsSource = str | Path | Mapping[str, Any]


def rule_folders(rules: str | Path | Iterable[str | Path]) -> list[str]:
    """``rules`` as a list of folder names: one path (str or Path) is one folder, not its characters."""
    if isinstance(rules, (str, Path)):
        return [str(rules)]
    if isinstance(rules, (bytes, Mapping)) or not isinstance(rules, Iterable):
        raise TypeError(f"rules must be a folder path or a list of them, not {type(rules).__name__}")
    folders = list(rules)
    for folder in folders:
        if not isinstance(folder, (str, Path)):
            raise TypeError(f"each rule pack must be a folder path (str or Path), not {type(folder).__name__}")
    return [str(f) for f in folders]


class Advisor:
    """A ready-to-use knowledge base, rule pack and compiled engine.

    Parameters
    ----------
    rules:
        Folders of extra rule packs, loaded beside the built-in pack.
    knowledge:
        A knowledge base folder other than the built-in one (mainly for tests).
    cases:
        Also load every rule's test cases (for rule tooling and tests; assessments do not need them).
    """

    def __init__(self, rules: str | Path | Iterable[str | Path] = (), *, knowledge: str | Path | None = None, cases: bool = True) -> None:
        self.kb, self.pack, self.closure, self.sha256 = cached(_load, rule_folders(rules), knowledge, cases)
        self.engine = Engine(self.pack, orders=ordered_values(self.kb))
        self.rules = self.pack.by_id()  # looked up for every firing: build the map once
        self._graph: nx.DiGraph | None = None
        # For the focus list: each recommendation's theme (its first `serves`) and theme names.
        self._themes = {r.id: r.serves[0] for r in self.kb.recommendations.values()}
        self._theme_names = {**THEME_LABELS, **{p.id: (p.nl, p.en) for p in self.kb.pillars}}

    @property
    def graph(self) -> nx.DiGraph:
        """The full recommendation dependency graph (networkx), built on first use."""
        if self._graph is None:
            from .graph import build_graph

            self._graph = build_graph(self.kb)
        return self._graph

    def load(self, source: FactsSource, *, size_threshold: int = DEFAULT_SIZE_THRESHOLD) -> Facts:
        return load_facts(source, self.kb, size_threshold=size_threshold)

    def engine_facts(self, facts: Facts) -> dict[str, tuple[object, int | None]]:
        """Subject -> (value, rank) as the engine and the reference evaluator see them."""
        result: dict[str, tuple[object, int | None]] = {}
        for subject, value in derived_facts(facts).items():
            question = self.kb.questions.get(subject)
            if question is not None:
                rank = question.rank(value.value if isinstance(value, AtLeast) else value)
            else:
                rank = value if isinstance(value, int) else None
            result[subject] = (value, rank)
        return result

    def run(
        self, facts: Facts, *, strata: Callable[[dict[str, tuple[object, int | None]], int], list[Firing]] | None = None
    ) -> tuple[dict[str, tuple[object, int | None]], list[Firing], tuple[PillarResult, ...]]:
        """Run every stratum.

        Stratum 0 decides the stage criteria; the stages derived from them become facts
        (``stage.<pillar>``) for stratum 1, the rules that advise per stage: the established stage,
        else the estimate (self-placement inside the bounds, or what the met criteria show); a
        pillar with nothing beyond the floor gets no stage fact (docs/stages.md, "Advice").
        Returns the final fact set, all firings and the pillar results.

        ``strata(facts, stratum)`` runs one stratum instead of the engine (``zorgadvies.livefast``
        uses the reference evaluator).
        """
        run_stratum = strata or self.engine.run
        engine_facts = self.engine_facts(facts)
        firings = run_stratum(engine_facts, 0)
        pillars = classify(self.kb, self.pack, firings, {k: v for k, (v, _) in engine_facts.items()})
        staged = dict(engine_facts)
        for pillar in pillars:
            stage = advice_stage(pillar)
            if stage is not None:
                staged[f"stage.{pillar.id}"] = (stage, stage)
        firings += run_stratum(staged, 1)
        return staged, firings, pillars

    def advice_targets(self, firings: list[Firing], efacts: Mapping[str, tuple[object, int | None]]) -> dict[str, list[Firing]]:
        """Recommendation id -> the firings that give it, after moot_when and chosen_otherwise."""
        rules = self.rules
        by_target: dict[str, list[Firing]] = {}
        for firing in firings:
            rule = rules[firing.rule]
            if firing.outcome == "fires" and rule.then.kind == "recommend":
                # Advice never contradicts a stated fact (issue 13 point 4): not when its aim is
                # already met, and as a check of the choice when the organisation chose otherwise.
                aims = (rule.moot_when, self.pack.moot.get(rule.then.target))  # type: ignore[arg-type]
                if any(aim is not None and evaluate(aim, efacts) is Truth.TRUE for aim in aims):
                    continue
                target = rule.then.target
                if rule.chosen_otherwise is not None and evaluate(rule.chosen_otherwise[0], efacts) is Truth.TRUE:
                    target = rule.chosen_otherwise[1]
                by_target.setdefault(target, []).append(firing)  # type: ignore[arg-type]
        return by_target

    def _recommendations(
        self, firings: list[Firing], efacts: Mapping[str, tuple[object, int | None]], pillars: tuple[PillarResult, ...] = ()
    ) -> tuple[tuple[Recommendation, ...], tuple[FocusItem, ...]]:
        rules = self.rules
        estimated = {f"stage.{p.id}" for p in pillars if p.stage is None}
        by_target = self.advice_targets(firings, efacts)
        ranked = rank(self.closure, by_target)
        result = []
        for position, rec_id in enumerate(ranked.order, start=1):
            text = self.kb.recommendations[rec_id]
            fired = by_target[rec_id]
            first = rules[fired[0].rule]
            result.append(
                Recommendation(
                    id=rec_id,
                    rank=position,
                    title=text.title,
                    title_en=text.title_en,
                    body=text.body,
                    body_en=text.body_en,
                    phase=text.phase,
                    serves=text.serves,
                    requires=ranked.requires[rec_id],
                    unblocks=ranked.unblocks[rec_id],
                    rule=first.id,
                    facts=reasons(fired, first.id),
                    sources=tuple(dict.fromkeys(first.sources + text.sources)),
                    also_rules=tuple(dict.fromkeys(f.rule for f in fired[1:] if f.rule != first.id)),
                    # Rests on an estimate when every firing behind it matched an estimated stage.
                    on_estimate=all(any(s in estimated for s, _ in f.matched) for f in fired),
                    basis="vermeld" if any(rules[f.rule].basis == "vermeld" for f in fired) else "afgeleid",
                )
            )
        return tuple(result), focus(self.closure, ranked, self._themes, self._theme_names)

    def _reflections(self, firings: list[Firing]) -> tuple[ReflectionQuestion, ...]:
        rules = self.rules
        first: dict[str, Firing] = {}
        for firing in firings:
            rule = rules[firing.rule]
            if firing.outcome == "fires" and rule.then.kind == "reflect":
                first.setdefault(rule.then.target, firing)  # type: ignore[arg-type]
        result = []
        for ref_id, text in self.kb.reflections.items():  # knowledge-base order: by tension field
            if ref_id in first:
                rule = rules[first[ref_id].rule]
                result.append(
                    ReflectionQuestion(
                        ref_id, text.field, text.nl, text.en, rule.id, reasons(firings, rule.id),
                        tuple(dict.fromkeys(rule.sources + text.sources)),
                    )
                )
        return tuple(result)

    def assess(
        self, source: FactsSource | Facts, *, size_threshold: int = DEFAULT_SIZE_THRESHOLD, ask_next: bool = False
    ) -> Report:
        """Assess one organisation; see :func:`zorgadvies.assess`."""
        facts = source if isinstance(source, Facts) else self.load(source, size_threshold=size_threshold)
        return self.assess_traced(facts, ask_next=ask_next)[0]

    def assess_traced(self, facts: Facts, *, ask_next: bool = False) -> tuple[Report, list[Firing]]:
        """The Report and every engine firing behind it, in order (for audit logs).

        ``ask_next`` also measures which questions to ask next (docs/ask-next.md): one engine run
        per candidate answer, so it is on request; the report says ``ask_next: null`` otherwise.
        """
        efacts, firings, pillars = self.run(facts)
        recommendations, in_focus = self._recommendations(firings, efacts, pillars)
        respondents = None
        if facts.respondents:
            # Flag what rests on a disputed answer: a stage through its evidence or what its next
            # stage needs, a recommendation through the facts its rule matched.
            disputed = set(facts.disputes)
            pillars = tuple(
                attrs.evolve(p, disputed=tuple(sorted(disputed & ({s for e in p.evidence for s, _ in e.facts} | {q for r in p.missing for q in r.questions}))))
                for p in pillars
            )
            recommendations = tuple(
                attrs.evolve(r, disputed=tuple(sorted(disputed & {s for s, _ in r.facts}))) for r in recommendations
            )
            respondents = {
                "names": [r.name for r in facts.respondents],
                "disputed": [d.to_dict() for d in facts.disputes.values()],
            }
        org = facts.organisation
        report = Report(
            knowledge_version=self.kb.version,
            knowledge_sha256=self.sha256,
            organisation={
                "name": org.name,
                "sector": org.sector,
                "employees": org.employees,
                "size_class": org.size_class,
                "size_threshold": facts.size_threshold,
            },
            pillars=pillars,
            recommendations=recommendations,
            reflection_questions=self._reflections(firings),
            firings=len(firings),
            respondents=respondents,
            focus=in_focus,
            assessment=None if facts.assessment is None else facts.assessment.to_dict(),
            targets=dict(facts.targets),
            notes=dict(facts.notes),
        )
        if ask_next:
            from .asknext import ask_next as measure  # imports this module: only when asked for

            report = attrs.evolve(report, ask_next=measure(self, facts))
        return report, firings


def ordered_values(kb: KnowledgeBase) -> dict[str, tuple[str, ...]]:
    """Ordered-choice question id -> its values, lowest first (what an at-least answer may be)."""
    return {q.id: q.value_ids for q in kb.questions.values() if q.type == "choice" and q.ordered}


def advice_stage(pillar: PillarResult) -> int | None:
    """The stage the advice stratum sees for ``pillar``: established, else estimated, else none."""
    return pillar.stage if pillar.stage is not None else pillar.stage_estimate.stage


def _load(rules: list[str], knowledge: str | Path | None, cases: bool) -> tuple[KnowledgeBase, RulePack, Closure, str]:
    """Everything an Advisor reads from disk; the result is cached (see zorgadvies.cache)."""
    from .graph import build_graph, closure  # networkx is only needed to build and check the graph

    kb = load_knowledge(knowledge)
    pack = load_rules(kb, rules, cases=cases)
    return kb, pack, closure(build_graph(kb)), tree_digest([kb.root, *pack.roots])


_ADVISORS: dict[tuple[tuple[str, ...], bool], Advisor] = {}
_ADVISORS_LOCK = threading.Lock()


def advisor(rules: str | Path | Iterable[str | Path] = (), *, cases: bool = False) -> Advisor:
    """The shared Advisor for the built-in pack plus ``rules`` (built on first use, then reused)."""
    key = (tuple(str(Path(r).resolve()) for r in rule_folders(rules)), cases)
    with _ADVISORS_LOCK:
        if key not in _ADVISORS:
            _ADVISORS[key] = Advisor(key[0], cases=cases)
        return _ADVISORS[key]


def assess(
    source: FactsSource,
    *,
    rules: str | Path | Iterable[str | Path] = (),
    size_threshold: int = DEFAULT_SIZE_THRESHOLD,
    ask_next: bool = False,
) -> Report:
    """Assess one organisation.

    Parameters
    ----------
    source:
        A facts file (YAML or JSON) or a mapping in the same format.
    rules:
        A folder of an extra rule pack, or a list of them, loaded beside the built-in one.
    size_threshold:
        Employees from which an organisation counts as ``groot`` (default 250).
    ask_next:
        Also measure which unanswered questions would change the verdict most (``report.ask_next``);
        costs one engine run per candidate answer (about 1 s for a sparse facts file, see
        docs/ask-next.md), so it is off unless asked for.

    Returns
    -------
    Report
        Stages per pillar with their evidence; ``report.to_json()`` is the JSON form.

    Raises
    ------
    ZorgadviesError
        For bad input (:class:`InputError`) or a broken rule pack (:class:`RulePackError`).
    """
    return advisor(rules).assess(source, size_threshold=size_threshold, ask_next=ask_next)

