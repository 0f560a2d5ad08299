"""What to ask next: the unanswered questions whose answer would change the verdict most.

Measured, not guessed (docs/ask-next.md): for every candidate question and every value it can
take, the assessment is run again through the engine with that one answer added, and what changes
is counted: a pillar's stage bounds or estimate, a recommendation that becomes certain either way,
a conflict that appears or is settled. A question's score is the mean number of such changes over
its values; what it ``decides`` is every change any of its values brings. Candidates are only the
questions the still-undecided rules test (:func:`zorgadvies.interview.live_questions`), since an
answer to any other question cannot change a conclusion.

Whom to ask is knowledge: ``knowledge/audiences.yaml`` gives every question a default audience.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from .api import Advisor
from .errors import KnowledgeError, did_you_mean
from .facts import Facts
from .knowledge import KnowledgeBase, Question
from .logic import conditions
from .report import AskNext, Decision, PillarResult
from .schema import Checker
from .stages import SELF_PLACEMENT_PREFIX, rule_outcomes
from .yamlio import load_document
from .messages import t as tr

__all__ = [
    "ASK_FIRST_BELOW",
    "AUDIENCES",
    "Audiences",
    "answer_label",
    "answered_share",
    "ask_next",
    "audiences",
    "candidates",
    "guide_data",
    "load_audiences",
    "render_guide",
    "told",
]

#: Whom a question can be put to, in the order the conversation guide lists them.
AUDIENCES = ("bestuur", "innovatie", "implementatie", "communicatie", "zorgmedewerkers")

#: Below this share of answered questions, the text output puts what to ask next first (issue 13).
ASK_FIRST_BELOW = 0.5

#: What a change counts for in a question's score: the verdict on a pillar and a contradiction in
#: it weigh more than one recommendation (a pillar's stage decides the transition advice too).
WEIGHTS = {"pillar": 2, "conflict": 2, "recommendation": 1}

#: How many questions the report keeps (``zorgadvies vragen`` shows them all).
REPORT_LIMIT = 10


@attrs.frozen
class Audiences:
    """Per audience its names (nl, en); per question its audience; the default for the rest."""

    names: Mapping[str, tuple[str, str]]
    of_question: Mapping[str, str]
    default: str

    def of(self, question: str) -> str:
        return self.of_question.get(question, self.default)


def load_audiences(kb: KnowledgeBase) -> Audiences:
    """Read and check ``knowledge/audiences.yaml``: known audiences and questions, each once."""
    doc = load_document(Path(kb.root) / "audiences.yaml", make_error=KnowledgeError)
    check = Checker(doc, KnowledgeError)
    raw = check.mapping(doc.data, "")
    check.keys(raw, "", ["default", "audiences"])
    default = check.choice(raw["default"], "default", AUDIENCES)
    names: dict[str, tuple[str, str]] = {}
    of_question: dict[str, str] = {}
    for i, item in enumerate(check.sequence(raw["audiences"], "audiences")):
        path = f"audiences.{i}"
        entry = check.mapping(item, path)
        check.keys(entry, path, ["id", "nl", "en", "questions"])
        audience = check.choice(entry["id"], f"{path}.id", AUDIENCES)
        if audience in names:
            raise check.fail(f"{path}.id", tr("asknext.audience_listed_twice", audience=audience))
        names[audience] = (check.text(entry["nl"], f"{path}.nl"), check.text(entry["en"], f"{path}.en"))
        for j, qid in enumerate(check.text_list(entry["questions"], f"{path}.questions")):
            where = f"{path}.questions.{j}"
            if qid not in kb.questions:
                raise check.fail(where, tr("common.unknown_question_id", qid=qid), did_you_mean(qid, kb.questions))
            if qid in of_question:
                raise check.fail(where, tr("asknext.question_already_asked", qid=qid, of_question=of_question[qid]))
            of_question[qid] = audience
    missing = [a for a in AUDIENCES if a not in names]
    if missing:
        raise check.fail("audiences", tr("asknext.no_entry_for_audience", missing=missing[0]))
    return Audiences(names, of_question, default)


_READ: dict[int, tuple[KnowledgeBase, Audiences]] = {}


def audiences(kb: KnowledgeBase) -> Audiences:
    """The audiences of ``kb``, read once per knowledge base object."""
    entry = _READ.get(id(kb))
    if entry is None or entry[0] is not kb:  # the kb is kept in the entry, so its id stays its own
        entry = _READ[id(kb)] = (kb, load_audiences(kb))
    return entry[1]


# -- measuring ------------------------------------------------------------------------------------

Bounds = tuple[int, int, "int | None"]  # lowest stage, highest stage, estimate


def _bounds(pillar: PillarResult) -> Bounds:
    """(lowest, highest) stage the criteria allow, and the estimate."""
    return pillar.stage_min, pillar.stage_max, pillar.stage_estimate.stage


def _conflicts(pillars: Sequence[PillarResult]) -> frozenset[tuple[str, str]]:
    """(pillar, question) of every self-placement that contradicts the criteria."""
    return frozenset((p.id, c.question) for p in pillars for c in p.conflicts)


@attrs.frozen
class _State:
    """What an answer can change: bounds per pillar, state per recommendation, the conflicts."""

    pillars: Mapping[str, Bounds]
    advice: Mapping[str, str]  # recommendation id -> "wel" | "niet" | "open"
    conflicts: frozenset[tuple[str, str]]


def _recommend_rules(adv: Advisor) -> dict[str, tuple[str, ...]]:
    """Recommendation id -> the rules that can give it (directly, or as the check of a choice)."""
    result: dict[str, list[str]] = {}
    for rule in adv.pack.rules:
        if rule.then.kind == "recommend":
            result.setdefault(str(rule.then.target), []).append(rule.id)
            if rule.chosen_otherwise is not None:
                result.setdefault(rule.chosen_otherwise[1], []).append(rule.id)
    return {rec: tuple(rules) for rec, rules in sorted(result.items())}


def _state(adv: Advisor, facts: Facts, recommend: Mapping[str, Sequence[str]]) -> _State:
    """The recommendation states follow the report: given after moot_when and chosen_otherwise
    (``wel``), still possible while a rule that can give it is unknown (``open``), else ``niet``."""
    staged, firings, pillars = adv.run(facts)
    outcome = rule_outcomes(firings)
    given = adv.advice_targets(firings, staged)
    advice = {}
    for rec, rules in recommend.items():
        advice[rec] = "wel" if rec in given else ("open" if any(r not in outcome for r in rules) else "niet")
    return _State({p.id: _bounds(p) for p in pillars}, advice, _conflicts(pillars))


def _values(question: Question, adv: Advisor) -> list[str | int]:
    """The answers to try: every value; for an integer, each threshold a rule tests and its neighbours."""
    if question.type != "integer":
        return list(question.value_ids)
    points: set[int] = set()
    for rule in adv.pack.rules:
        for cond in conditions(rule.when):
            if cond.subject == question.id and isinstance(cond.value, int):
                points.update((cond.value - 1, cond.value, cond.value + 1))
    low = question.minimum if question.minimum is not None else min(points, default=0)
    high = question.maximum if question.maximum is not None else max(points, default=0)
    return [p for p in sorted(points) if low <= p <= high]


def _range(low: int, high: int, estimate: int | None, lang: str) -> str:
    text = str(low) if low == high else f"{low}–{high}"
    if estimate is not None and low != high:
        text += f" ({'schatting' if lang == 'nl' else 'estimate'} {estimate})"
    return text


_WORDS = {
    "nl": {"wel": "wel", "niet": "niet", "open": "nog open", "conflict": "conflict", "geen": "geen conflict",
           "stage": "stadium", "now": "nu", "rec": "aanbeveling", "in": "conflict bij", "else": "anders ongewijzigd"},
    "en": {"wel": "yes", "niet": "no", "open": "still open", "conflict": "conflict", "geen": "no conflict",
           "stage": "stage", "now": "now", "rec": "recommendation", "in": "conflict in", "else": "otherwise unchanged"},
}


def _outcome(kind: str, item: str, state: _State, lang: str) -> str:
    if kind == "pillar":
        return _range(*state.pillars[item], lang)
    if kind == "recommendation":
        return _WORDS[lang][state.advice[item]]
    return _WORDS[lang]["conflict" if _has_conflict(state.conflicts, item) else "geen"]


_YES_NO = {"nl": {"ja": "ja", "nee": "nee"}, "en": {"ja": "yes", "nee": "no"}}


def answer_label(kb: KnowledgeBase, question: Question, value: object, lang: str) -> str:
    """A short human label of one answer, as the conversation guide names it (never the answer id).

    A self-placement answer is its stage's name; a choice is its label without the examples in it
    (parentheses, "bijv. ...": never a cut that could drop a "niet"), in full where two answers
    would then read the same; ``ja``/``nee`` and
    integers are themselves.
    """
    if question.type == "boolean":
        return _YES_NO[lang].get(str(value), str(value))
    if question.id.startswith(SELF_PLACEMENT_PREFIX):
        rank = question.rank(str(value))
        if rank is not None:
            stage = kb.stage(rank + 1)
            return stage.nl if lang == "nl" else stage.en
    short = {v: _without_examples(question.label(v, lang)) for v in question.value_ids}
    if value in short and list(short.values()).count(short[value]) == 1:
        return short[value]
    return question.label(value, lang)  # two answers would read the same: say it in full


def _without_examples(text: str) -> str:
    """The label without its examples: parentheses and "bijv. ..." up to the next clause mark."""
    # An aside stands apart: not a word's own "(her)ontwerpen" or "medewerker(s)".
    text = re.sub(r"\s+\([^)]*\)(?=[\s,.;:]|$)", "", text)
    text = re.sub(r",?\s+(?:bijv|bv|e\.g)\.[^;:.]*", "", text)
    return text.strip()


def _describe(adv: Advisor, question: Question, kind: str, item: str, before: _State, after: Mapping[object, _State]) -> Decision:
    """One thing a question decides: per outcome the answers (their labels) that lead to it (nl, en)."""
    texts = []
    for lang in ("nl", "en"):
        words = _WORDS[lang]
        now = _outcome(kind, item, before, lang)
        grouped: dict[str, list[str]] = {}
        for value, state in after.items():
            grouped.setdefault(_outcome(kind, item, state, lang), []).append(answer_label(adv.kb, question, value, lang))
        parts = [f"{' / '.join(f'‘{v}’' for v in values)} → {result}" for result, values in grouped.items() if result != now]
        if now in grouped:
            parts.append(words["else"])
        if kind == "pillar":
            head = f"{words['stage']} {adv.kb.pillar(item).name(lang)} ({words['now']} {now})"
        elif kind == "recommendation":
            text = adv.kb.recommendations[item]
            head = f"{words['rec']} '{text.title if lang == 'nl' else text.title_en}' ({words['now']} {now})"
        else:
            head = f"{words['in']} {adv.kb.pillar(item.split(':')[0]).name(lang)} ({words['now']} {now})"
        texts.append(f"{head}: {'; '.join(parts)}")
    return Decision(kind, item, texts[0], texts[1])


def _has_conflict(conflicts: frozenset[tuple[str, str]], item: str) -> bool:
    pillar, _, question = item.partition(":")
    return (pillar, question) in conflicts


def _changes(before: _State, after: _State) -> list[tuple[str, str]]:
    changed = [("pillar", p) for p in before.pillars if after.pillars[p] != before.pillars[p]]
    changed += [("recommendation", r) for r in before.advice if after.advice[r] != before.advice[r]]
    changed += [("conflict", f"{p}:{q}") for p, q in sorted(before.conflicts ^ after.conflicts)]
    return changed


def answered_share(kb: KnowledgeBase, facts: Facts) -> float:
    """The share of the questionnaire answered with something other than ``onbekend``."""
    answered = sum(1 for q, v in facts.answers.items() if v != "onbekend" and q in kb.questions)
    return answered / len(kb.questions) if kb.questions else 1.0


def candidates(adv: Advisor, facts: Facts) -> list[str]:
    """Unanswered questions that an undecided rule tests, in questionnaire order."""
    from .interview import live_questions  # the interview's notion of "can still change something"

    live = live_questions(adv, facts)  # includes the self-placement of a pillar not established
    answered = {q for q, v in facts.answers.items() if v != "onbekend"}
    return [q for q in adv.kb.questions if q in live and q not in answered]


def told(kb: KnowledgeBase, facts: Facts) -> dict[str, int]:
    """Per question: how many things the organisation already told are about its topics.

    A told thing is a known answer (not ``onbekend``), or a person the people list names with a
    role (topic ``rollen``); it is about a question's topics when it shares a pillar or theme with
    the question's ``informs``. Questions about nothing told are left out (weight 0).
    """
    said = [kb.questions[q].informs for q, v in sorted(facts.answers.items()) if v != "onbekend" and q in kb.questions]
    said += [("rollen",) for person in facts.people or () if person.roles]
    weights = {}
    for qid, question in kb.questions.items():
        weight = sum(1 for topics in said if not set(topics).isdisjoint(question.informs))
        if weight:
            weights[qid] = weight
    return weights


def _weight(told_count: int) -> float:
    """How much what was told weighs: 1 for one told thing, +1 per doubling (0 for none).

    Diminishing, so that with many answers the measured effect still counts and a theme with many
    questions (and so many answers) does not outweigh it by its size alone.
    """
    return 1 + math.log2(told_count) if told_count > 0 else 0.0


def ask_next(adv: Advisor, facts: Facts, *, limit: int | None = REPORT_LIMIT) -> tuple[AskNext, ...]:
    """The questions to ask next, most effect first (at most ``limit``; None: all that change anything).

    Order (docs/ask-next.md#order), each step breaking the ties of the one before:

    1. questions about something the organisation already told (:func:`told`) before the rest:
       the next conversation goes on from the last;
    2. questions that test criteria or advice before a self-placement (``zelf_<pillar>``), which is
       never a criterion: it only moves an estimate, and the advice it decides rests on that;
    3. the measured score weighed by what was told about the question's topics (score x
       (1 + log2 told)), then the score alone, high first;
    4. the number of things decided, then questionnaire order.

    Costs one engine run per candidate answer (docs/ask-next.md).
    """
    recommend = _recommend_rules(adv)
    before = _state(adv, facts, recommend)
    who = audiences(adv.kb)
    order = {q: n for n, q in enumerate(adv.kb.questions)}
    found = []
    for qid in candidates(adv, facts):
        question = adv.kb.questions[qid]
        after: dict[object, _State] = {}
        total = 0
        decided: dict[tuple[str, str], None] = {}
        for value in _values(question, adv):
            state = _state(adv, attrs.evolve(facts, answers={**facts.answers, qid: value}), recommend)
            after[value] = state
            changes = _changes(before, state)
            total += sum(WEIGHTS[kind] for kind, _ in changes)
            decided.update(dict.fromkeys(changes))
        if not decided or not after:
            continue
        kinds = {"pillar": 0, "conflict": 1, "recommendation": 2}
        decides = tuple(
            _describe(adv, question, kind, item, before, after)
            for kind, item in sorted(decided, key=lambda k: (kinds[k[0]], k[1]))
        )
        score = round(total / len(after), 3)
        found.append(AskNext(qid, question.nl, question.en, who.of(qid), score, decides))
    weights = told(adv.kb, facts)

    def key(item: AskNext) -> tuple[bool, bool, float, float, int, int]:
        weighed = _weight(weights.get(item.question, 0)) * item.score
        placement = item.question.startswith(SELF_PLACEMENT_PREFIX)
        return not weighed, placement, -weighed, -item.score, -len(item.decides), order[item.question]

    found.sort(key=key)
    return tuple(found if limit is None else found[:limit])


def guide_data(items: Sequence[AskNext], kb: KnowledgeBase) -> list[dict[str, Any]]:
    """The questions grouped by audience, in :data:`AUDIENCES` order (for the conversation guide)."""
    who = audiences(kb)
    return [
        {"ask": a, "name": who.names[a], "questions": [i for i in items if i.ask == a]}
        for a in AUDIENCES
        if any(i.ask == a for i in items)
    ]


_GUIDE = {
    "nl": {
        "title": "Gespreksleidraad — {name}",
        "intro": "{n} vragen waarvan het antwoord het oordeel verandert, per gesprekspartner; de belangrijkste eerst (score: gemiddeld aantal veranderingen).",
        "none": "Er is geen vraag meer waarvan het antwoord een stadium, een aanbeveling of een conflict verandert.",
        "score": "score",
    },
    "en": {
        "title": "Conversation guide — {name}",
        "intro": "{n} questions whose answer changes the verdict, by whom to ask; most effect first (score: mean number of changes).",
        "none": "No question is left whose answer changes a stage, a recommendation or a conflict.",
        "score": "score",
    },
}


def render_guide(items: Sequence[AskNext], kb: KnowledgeBase, name: str, lang: str = "nl") -> str:
    """The questions to ask as a conversation guide: grouped by whom to ask, each with what it decides."""
    t = _GUIDE[lang]
    idx = 0 if lang == "nl" else 1
    lines = [t["title"].format(name=name), ""]
    if not items:
        return "\n".join([*lines, t["none"]]) + "\n"
    lines.append(t["intro"].format(n=len(items)))
    number = 0
    for group in guide_data(items, kb):
        lines += ["", f"## {group['name'][idx]}"]
        for item in group["questions"]:
            number += 1
            question = kb.questions[item.question]
            lines.append(f"{number:>3}. {question.text(lang)}  [{item.question}; {t['score']} {item.score:g}]")
            for decision in item.decides:
                lines.append(f"       → {decision.what if lang == 'nl' else decision.what_en}")
    return "\n".join(lines) + "\n"
