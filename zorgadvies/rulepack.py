"""Rule packs: one rule per YAML file, checked against the knowledge base when loaded.

A rule is data (see docs/rule-authoring.md): a header, ``when`` (conditions over answers,
organisation facts and pillar stages) and ``then`` (one conclusion). Loading type-checks every
condition against the questionnaire, so a misspelt question or value fails here, with ``file:line``
and a did-you-mean, and never at assessment time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from .errors import RulePackError, ZorgadviesError, did_you_mean
from .facts import FACT_SUBJECTS
from .knowledge import PILLAR_IDS, SPECIAL_ANSWERS, KnowledgeBase
from .logic import OPERATORS, All, Any as AnyOf, Cond, Formula, conditions, dnf_size
from .paths import RULES_DIR
from .schema import Checker
from .yamlio import load_document
from .messages import t

__all__ = [
    "BASES",
    "HEADER",
    "RULE_ID",
    "Case",
    "Conclusion",
    "Rule",
    "RulePack",
    "RuleReader",
    "cases_path",
    "check_stage_coverage",
    "check_variant",
    "load_rules",
    "read_cases",
    "read_rule",
    "rule_files",
]

STATUSES = ("stable", "experimental", "deprecated")
EXPECTATIONS = ("fires", "fails", "unknown")
#: A rule whose normal form needs more conjunctions than this is refused: each conjunction becomes
#: one engine rule, and a rule that explodes into hundreds is a rule nobody can audit either.
MAX_CONJUNCTIONS = 32
RULE_ID = re.compile(r"^[a-z0-9_]+(/[a-z0-9][a-z0-9_-]*)+$")
HEADER = [
    "title", "title_en", "id", "status", "description", "description_en", "sources", "basis", "quote", "modified", "when", "then",
]
#: ``vermeld``: the source states it (for that pillar and stage, as a general trait of that stage, or
#: seed 000 for Innovatie); ``afgeleid``: our inference. Only ``vermeld`` criteria gate a stage.
BASES = ("vermeld", "afgeleid")
MAX_QUOTE = 400
#: Optional header fields of advice rules (issue 13 point 4): ``moot_when`` names the facts that say the
#: recommendation's aim is already met (it is then not given); ``chosen_otherwise`` names the facts
#: that say the organisation chose differently on purpose, and the recommendation that checks that
#: choice against the documents' reasoning (given instead).
OPTIONAL = ["moot_when", "chosen_otherwise"]
#: What to add when a header field is missing (the generic message names the field only).
#: The message key of the hint for a missing header field (else "add 'KEY:'").
_MISSING_HINTS = {"basis": "rulepack.missing_basis_hint", "quote": "rulepack.missing_quote_hint"}



@attrs.frozen
class Conclusion:
    """What a rule concludes when it fires: a stage criterion, a recommendation or a reflection."""

    kind: str  # "criterion" | "recommend" | "reflect"
    pillar: str | None = None
    stage: int | None = None
    target: str | None = None  # the recommendation or reflection-question id


@attrs.frozen
class Case:
    name: str
    facts: Mapping[str, Any]  # facts-file mapping: organisation, people, answers
    expect: str  # fires | fails | unknown
    line: int = 0
    stages: Mapping[str, int] = attrs.field(factory=dict)  # pillar -> stage, set directly


@attrs.frozen
class Rule:
    id: str
    title: str
    title_en: str
    status: str
    description: str
    description_en: str
    sources: tuple[str, ...]
    modified: str
    when: Formula
    then: Conclusion
    moot_when: Formula | None = None  # facts that say the aim is already met: the advice is not given
    chosen_otherwise: tuple[Formula, str] | None = None  # (facts of a deliberate other choice, check recommendation)
    basis: str = "vermeld"  # "vermeld" | "afgeleid" (BASES); every rule file states it
    quote: str = ""  # the source sentence (short) or a precise reference it rests on
    file: str = ""
    line: int = 0
    when_line: int = 0
    cases: tuple[Case, ...] = ()
    cases_file: str | None = None

    @property
    def stratum(self) -> int:
        """0 for rules over answers and facts; 1 for rules that also test pillar stages."""
        return 1 if any(c.kind == "stage" for c in conditions(self.when)) else 0

    def subjects(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c.subject for c in conditions(self.when)))

    def title_in(self, lang: str) -> str:
        return self.title if lang == "nl" else self.title_en


@attrs.frozen
class RulePack:
    """The active rules (deprecated ones are kept out) plus every rule read, for tooling."""

    rules: tuple[Rule, ...]
    retired: tuple[Rule, ...]
    roots: tuple[Path, ...]
    #: recommendation id -> the facts that say its aim is already met (knowledge ``moot_when``)
    moot: Mapping[str, Formula] = attrs.field(factory=dict)
    # (pillar, stage) -> its criterion rules in pack order: asked for every pillar and stage on every
    # answer of a questionnaire (live_questions, classify), so built once with the pack.
    _criteria: Mapping[tuple[str, int], tuple[Rule, ...]] = attrs.field(
        init=False, repr=False, eq=False, default=attrs.Factory(lambda self: _criteria_index(self.rules), takes_self=True)
    )
    # rule id -> (its when, the conditions in it): live_questions reads them for every rule on every answer.
    _conditions: Mapping[str, tuple[Formula, tuple[Cond, ...]]] = attrs.field(
        init=False, repr=False, eq=False,
        default=attrs.Factory(lambda self: {r.id: (r.when, tuple(conditions(r.when))) for r in self.rules}, takes_self=True),
    )

    def by_id(self) -> dict[str, Rule]:
        return {r.id: r for r in self.rules}

    def criteria(self, pillar: str, stage: int) -> tuple[Rule, ...]:
        """The criteria that gate ``stage`` of ``pillar``: only those the documents state (``vermeld``)."""
        return tuple(r for r in self.all_criteria(pillar, stage) if r.basis == "vermeld")

    def derived_criteria(self, pillar: str, stage: int) -> tuple[Rule, ...]:
        """Our own (``afgeleid``) criteria of a stage: they inform advice and explanations, never the gate."""
        return tuple(r for r in self.all_criteria(pillar, stage) if r.basis == "afgeleid")

    def all_criteria(self, pillar: str, stage: int) -> tuple[Rule, ...]:
        return self._criteria.get((pillar, stage), ())

    def when_conditions(self, rule: Rule) -> tuple[Cond, ...]:
        """The conditions in ``rule.when``, in order (walked once per rule of the pack)."""
        found = self._conditions.get(rule.id)
        if found is not None and found[0] is rule.when:
            return found[1]
        return tuple(conditions(rule.when))  # a rule from elsewhere (a test's, an edited copy)


def _criteria_index(rules: tuple[Rule, ...]) -> dict[tuple[str, int], tuple[Rule, ...]]:
    index: dict[tuple[str, int], list[Rule]] = {}
    for r in rules:
        if r.then.kind == "criterion":
            index.setdefault((r.then.pillar, r.then.stage), []).append(r)  # type: ignore[arg-type]
    return {key: tuple(found) for key, found in index.items()}


def _integer_rank(value: str | int) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _stage_rank(value: str | int) -> int | None:
    rank = _integer_rank(value)
    return rank if rank is not None and 1 <= rank <= 4 else None


class RuleReader:
    def __init__(self, kb: KnowledgeBase, check: Checker) -> None:
        self.kb = kb
        self.check = check

    def formula(self, raw: Any, path: str, depth: int = 0) -> Formula:
        check = self.check
        raw = check.mapping(raw, path)
        if "all" in raw or "any" in raw:
            if len(raw) != 1:
                raise check.fail(path, t("rulepack.group_has_exactly_one"))
            key = next(iter(raw))
            if depth >= 4:
                raise check.fail(path, t("rulepack.groups_nest_at_most"))
            items = check.sequence(raw[key], f"{path}.{key}")
            if not items:
                raise check.fail(f"{path}.{key}", t("rulepack.needs_at_least_one", key=key))
            parts = tuple(self.formula(item, f"{path}.{key}.{i}", depth + 1) for i, item in enumerate(items))
            return All(parts) if key == "all" else AnyOf(parts)
        return self.condition(raw, path)

    def formula_collecting(self, raw: Any, path: str, found: list[ZorgadviesError], depth: int = 0) -> Formula | None:
        """:meth:`formula`, but on failure descend into the groups and record every bad condition."""
        try:
            return self.formula(raw, path, depth)
        except RulePackError as exc:
            first = exc
        before = len(found)
        if isinstance(raw, dict) and len(raw) == 1 and next(iter(raw)) in ("all", "any") and depth < 4:
            key = next(iter(raw))
            if isinstance(raw[key], list):
                for i, item in enumerate(raw[key]):
                    self.formula_collecting(item, f"{path}.{key}.{i}", found, depth + 1)
        if len(found) == before:
            found.append(first)
        return None

    def condition(self, raw: dict[str, Any], path: str) -> Cond:
        check = self.check
        kinds = [k for k in ("question", "fact", "stage") if k in raw]
        ops = [k for k in raw if k in OPERATORS]
        if len(kinds) != 1:
            raise check.fail(path, t("rulepack.condition_names_one_subject"))
        if len(ops) != 1:
            raise check.fail(path, t("rulepack.condition_has_exactly_one", OPERATORS=', '.join(OPERATORS)))
        check.keys(raw, path, [kinds[0], ops[0]])
        kind, op = kinds[0], ops[0]
        line = check.doc.line(path) or 0
        subject = check.text(raw[kind], f"{path}.{kind}")
        value = raw[op]
        vpath = f"{path}.{op}"
        if kind == "question":
            question = self.kb.questions.get(subject)
            if question is None:
                raise check.fail(f"{path}.question", t("rulepack.unknown_question", subject=subject), hint=did_you_mean(subject, self.kb.questions))
            key = subject
            allowed: tuple[Any, ...] | None = (
                None if question.type == "integer" else question.value_ids + SPECIAL_ANSWERS[1:]
            )
            comparable = question.comparable
            rank_of = question.rank
        elif kind == "fact":
            if subject not in FACT_SUBJECTS:
                raise check.fail(f"{path}.fact", t("rulepack.unknown_fact", subject=subject), hint=did_you_mean(subject, FACT_SUBJECTS))
            key = subject
            allowed = FACT_SUBJECTS[subject]
            comparable = allowed is None
            rank_of = _integer_rank
        else:
            check.choice(subject, f"{path}.stage", PILLAR_IDS)
            key = f"stage.{subject}"
            allowed = None
            comparable = True
            rank_of = _stage_rank

        def one(item: Any, ipath: str) -> Any:
            if allowed is None:
                if rank_of(item) is None:
                    limit = "a stage from 1 to 4" if kind == "stage" else "a whole number"
                    raise check.fail(ipath, t("rulepack.must", limit=limit, item=item))
                return item
            if item is True or item is False:
                item = "ja" if item else "nee"
            if item == "onbekend":
                raise check.fail(ipath, t("rulepack.rules_cannot_test_for"))
            if item not in allowed:
                raise check.fail(ipath, t("rulepack.answer", item=item, subject=subject, map=', '.join(map(str, allowed))), hint=did_you_mean(item, allowed))
            return item

        if op in ("in", "not_in"):
            items = check.sequence(value, vpath)
            if not items:
                raise check.fail(vpath, t("rulepack.needs_at_least_one_2", op=op))
            values = tuple(one(item, f"{vpath}.{i}") for i, item in enumerate(items))
            return Cond(kind, key, op, values, line=line)
        if op in ("at_least", "at_most"):
            if not comparable:
                raise check.fail(vpath, t("rulepack.needs_ordered_choice_number", op=op, subject=subject))
            item = one(value, vpath)
            if item == "nvt":
                raise check.fail(vpath, t("rulepack.cannot_compare_with_nvt", op=op))
            return Cond(kind, key, op, rank_of(item), shown=item, line=line)
        return Cond(kind, key, op, one(value, vpath), line=line)

    def chosen_otherwise(self, raw: Any, path: str) -> tuple[Formula, str]:
        """``{when: <conditions>, recommend: <check recommendation>}``."""
        check = self.check
        raw = check.mapping(raw, path)
        check.keys(raw, path, ["when", "recommend"])
        target = check.text(raw["recommend"], f"{path}.recommend")
        if target not in self.kb.recommendations:
            raise check.fail(f"{path}.recommend", t("common.unknown_recommendation", rec=target), hint=did_you_mean(target, self.kb.recommendations))
        return self.formula(raw["when"], f"{path}.when"), target

    def conclusion(self, raw: Any, path: str) -> Conclusion:
        check = self.check
        raw = check.mapping(raw, path)
        check.keys(raw, path, [], ["criterion", "recommend", "reflect"])
        if len(raw) != 1:
            raise check.fail(path, t("rulepack.then_holds_exactly_one"))
        if "recommend" in raw:
            target = check.text(raw["recommend"], f"{path}.recommend")
            if target not in self.kb.recommendations:
                raise check.fail(f"{path}.recommend", t("common.unknown_recommendation", rec=target), hint=did_you_mean(target, self.kb.recommendations))
            return Conclusion("recommend", target=target)
        if "reflect" in raw:
            target = check.text(raw["reflect"], f"{path}.reflect")
            if target not in self.kb.reflections:
                raise check.fail(f"{path}.reflect", t("common.unknown_reflection_question", ref=target), hint=did_you_mean(target, self.kb.reflections))
            return Conclusion("reflect", target=target)
        body = check.mapping(raw["criterion"], f"{path}.criterion")
        check.keys(body, f"{path}.criterion", ["pillar", "stage"])
        pillar = check.choice(body["pillar"], f"{path}.criterion.pillar", PILLAR_IDS)
        stage = check.integer(body["stage"], f"{path}.criterion.stage", 1, 4)
        return Conclusion("criterion", pillar, stage)


def read_rule(
    path: Path, root: Path, kb: KnowledgeBase, cases: bool = True, *, errors: list[ZorgadviesError] | None = None
) -> Rule | None:
    """Read and check one rule file (and, with ``cases``, its cases file).

    Without ``errors`` the first problem is raised as a :class:`RulePackError` (loading a pack fails
    loudly). With ``errors`` every problem of the file is appended to it and None is returned when
    there was any: the same checks, collected, which is what ``zorgadvies rules validate`` shows.
    """
    found: list[ZorgadviesError] = []
    rule = _read_rule(path, root, kb, cases, found)
    if errors is not None:
        errors.extend(found)
        return None if found else rule
    if found:
        raise found[0]
    return rule


def _read_rule(path: Path, root: Path, kb: KnowledgeBase, cases: bool, found: list[ZorgadviesError]) -> Rule | None:
    def attempt(func: Any, *args: Any) -> Any:
        try:
            return func(*args)
        except RulePackError as exc:
            found.append(exc)
            return None

    doc = attempt(lambda: load_document(path, make_error=RulePackError))
    if doc is None:
        return None
    check = Checker(doc, RulePackError)
    raw = attempt(check.mapping, doc.data, "")
    if raw is None:
        return None
    for key in raw:
        if key not in HEADER and key not in OPTIONAL:
            found.append(check.fail(key, t("rulepack.unknown_field", key=key), hint=did_you_mean(key, HEADER + OPTIONAL)))
    for key in HEADER:
        if key not in raw:
            found.append(check.fail("", t("rulepack.missing_field", key=key, hint=t(_MISSING_HINTS.get(key, "rulepack.missing_field_hint"), key=key))))
    expected_id = path.relative_to(root).with_suffix("").as_posix()
    rule_id = attempt(check.text, raw["id"], "id") if "id" in raw else None
    if rule_id is not None:
        if rule_id != expected_id:
            found.append(check.fail("id", t("rulepack.id_must_file_path"), hint=expected_id))
        elif not RULE_ID.match(rule_id):
            found.append(check.fail("id", t("rulepack.rule_ids_are_lowercase")))
    texts = {key: attempt(check.text, raw[key], key) for key in ("title", "title_en", "description", "description_en") if key in raw}
    status = attempt(check.choice, raw["status"], "status", STATUSES) if "status" in raw else None
    modified = attempt(check.text, str(raw["modified"]) if raw.get("modified") is not None else None, "modified") if "modified" in raw else None
    sources = attempt(check.text_list, raw["sources"], "sources") if "sources" in raw else None
    if sources is not None and not sources:
        found.append(check.fail("sources", t("rulepack.rule_cites_at_least")))
    for i, ref in enumerate(sources or ()):
        if ref not in kb.sections:
            found.append(check.fail(f"sources.{i}", t("knowledge.unknown_source_section", ref=ref), hint=did_you_mean(ref, kb.sections)))
    basis = attempt(check.choice, raw["basis"], "basis", BASES) if "basis" in raw else None
    quote = attempt(check.text, raw["quote"], "quote") if "quote" in raw else None
    if quote is not None and len(quote) > MAX_QUOTE:
        found.append(check.fail("quote", t("rulepack.quote_short_at_most", MAX_QUOTE=MAX_QUOTE)))
    reader = RuleReader(kb, check)
    when = reader.formula_collecting(raw["when"], "when", found) if "when" in raw else None
    # Measured, not expanded: a small rule can have an astronomically large normal form.
    if when is not None and max(dnf_size(when), dnf_size(when, positive=False)) > MAX_CONJUNCTIONS:
        found.append(check.fail("when", t("rulepack.too_many_alternatives_more", MAX_CONJUNCTIONS=MAX_CONJUNCTIONS)))
    then = attempt(reader.conclusion, raw["then"], "then") if "then" in raw else None
    moot_when = reader.formula_collecting(raw["moot_when"], "moot_when", found) if "moot_when" in raw else None
    chosen: tuple[Formula, str] | None = None
    if "chosen_otherwise" in raw:
        chosen = attempt(reader.chosen_otherwise, raw["chosen_otherwise"], "chosen_otherwise")
    if ("moot_when" in raw or "chosen_otherwise" in raw) and then is not None and then.kind != "recommend":
        found.append(check.fail("moot_when" if "moot_when" in raw else "chosen_otherwise", t("rulepack.only_rule_that_recommends")))
    rule_cases = attempt(read_cases, path, rule_id, kb) if cases and rule_id is not None else ()
    if found:
        return None
    # No error was found, so every field above was read (the checks add one error per gap).
    assert rule_id is not None and status is not None and sources is not None and modified is not None
    assert when is not None and then is not None and basis is not None and quote is not None
    return Rule(
        id=rule_id,
        title=texts["title"],
        title_en=texts["title_en"],
        status=status,
        description=texts["description"],
        description_en=texts["description_en"],
        sources=sources,
        modified=modified,
        when=when,
        then=then,
        basis=basis,
        quote=quote,
        moot_when=moot_when,
        chosen_otherwise=chosen,
        file=str(path),
        line=1,
        when_line=doc.line("when") or 1,
        cases=rule_cases,
        cases_file=str(cases_path(path)) if cases_path(path).exists() else None,
    )


def cases_path(rule_path: Path) -> Path:
    return rule_path.with_name(rule_path.stem + ".cases.yaml")


def read_cases(rule_path: Path, rule_id: str, kb: KnowledgeBase) -> tuple[Case, ...]:
    path = cases_path(rule_path)
    if not path.exists():
        return ()
    doc = load_document(path, make_error=RulePackError)
    check = Checker(doc, RulePackError)
    raw = check.mapping(doc.data, "")
    check.keys(raw, "", ["rule", "cases"])
    if raw["rule"] != rule_id:
        raise check.fail("rule", t("rulepack.cases_belong_another_rule"), hint=rule_id)
    cases = []
    for i, item in enumerate(check.sequence(raw["cases"], "cases")):
        cpath = f"cases.{i}"
        item = check.mapping(item, cpath)
        check.keys(item, cpath, ["name", "expect"], ["answers", "organisation", "people", "people_complete", "stages"])
        facts: dict[str, Any] = {
            "organisation": {"name": "case"} | check.mapping(item.get("organisation", {}), f"{cpath}.organisation"),
            "answers": check.mapping(item.get("answers", {}) or {}, f"{cpath}.answers"),
        }
        if "people" in item:
            facts["people"] = check.sequence(item["people"], f"{cpath}.people")
        if "people_complete" in item:
            facts["people_complete"] = item["people_complete"]
        for qid in facts["answers"]:
            if qid not in kb.questions:
                raise check.fail(f"{cpath}.answers.{qid}", t("common.unknown_question_id", qid=qid), hint=did_you_mean(qid, kb.questions))
        stages = check.mapping(item.get("stages", {}), f"{cpath}.stages")
        for pillar, stage in stages.items():
            check.choice(pillar, f"{cpath}.stages.{pillar}", PILLAR_IDS)
            check.integer(stage, f"{cpath}.stages.{pillar}", 1, 4)
        cases.append(
            Case(
                stages=dict(stages),
                name=check.text(item["name"], f"{cpath}.name"),
                facts=facts,
                expect=check.choice(item["expect"], f"{cpath}.expect", EXPECTATIONS),
                line=doc.line(cpath) or 0,
            )
        )
    return tuple(cases)


def rule_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.yaml") if not p.name.endswith(".cases.yaml"))


def load_rules(
    kb: KnowledgeBase, extra: Iterable[str | Path] = (), *, builtin: bool = True, cases: bool = True
) -> RulePack:
    """Load the built-in rule pack (unless ``builtin`` is False) and any ``extra`` pack folders.

    ``cases=False`` skips the rules' test cases, which assessments do not need.

    Raises
    ------
    RulePackError
        On the first malformed rule, with ``file:line``; also on duplicate ids across packs.
    """
    roots = ([RULES_DIR] if builtin else []) + [Path(p) for p in extra]
    active: list[Rule] = []
    retired: list[Rule] = []
    seen: dict[str, Rule] = {}
    for root in roots:
        if not root.is_dir():
            raise RulePackError(t("rulepack.folder_rules"), file=str(root))
        for path in rule_files(root):
            rule = read_rule(path, root, kb, cases)
            assert rule is not None  # read_rule raises when it cannot return a rule
            if rule.id in seen:
                raise RulePackError(t("rulepack.duplicate_rule_id_also", id=rule.id, file=seen[rule.id].file), file=str(path), line=1, field="id")
            seen[rule.id] = rule
            (retired if rule.status == "deprecated" else active).append(rule)
    check_stage_coverage(active, roots)
    for rule in active:
        check_variant(rule, kb)
    return RulePack(tuple(active), tuple(retired), tuple(roots), recommendation_moot(kb))


def recommendation_moot(kb: KnowledgeBase) -> dict[str, Formula]:
    """Compile every recommendation's ``moot_when`` with the same checks as a rule's ``when``."""
    result: dict[str, Formula] = {}
    checkers: dict[str, Checker] = {}
    for rid, rec in kb.recommendations.items():
        if rec.moot_when is None:
            continue
        if rec.file not in checkers:
            checkers[rec.file] = Checker(load_document(rec.file, make_error=RulePackError), RulePackError)
        result[rid] = RuleReader(kb, checkers[rec.file]).formula(rec.moot_when, rec.moot_path)
    return result


def check_variant(rule: Rule, kb: KnowledgeBase) -> None:
    """A size-specific recommendation must be guarded by the size class it is meant for.

    Seed 004 gives different advice to small and large organisations; a rule for the small variant
    that could fire for a large organisation would give contradictory advice, so we refuse it at
    load time rather than rely on its test cases.
    """
    if rule.then.kind != "recommend":
        return
    variant = kb.recommendations[rule.then.target].variant  # type: ignore[index]
    if variant is None:
        return
    items = rule.when.items if isinstance(rule.when, All) else (rule.when,)
    guard = Cond("fact", "organisation.size_class", "is", variant)
    if not any(isinstance(item, Cond) and attrs.evolve(item, line=0) == guard for item in items):
        raise RulePackError(
            t("rulepack.recommends_variant_but_does", variant=variant, target=rule.then.target),
            file=rule.file,
            line=rule.when_line or rule.line,
            field="when",
        )


def check_stage_coverage(rules: Sequence[Rule], roots: Sequence[Path]) -> None:
    """Every pillar needs a gating (``vermeld``) criterion for every stage, or its ladder would
    silently skip a stage: a stage with only ``afgeleid`` criteria would be reached by nothing."""
    criteria = {(r.then.pillar, r.then.stage) for r in rules if r.then.kind == "criterion" and r.basis == "vermeld"}
    if not criteria:
        return
    for pillar in PILLAR_IDS:
        for stage in range(1, 5):
            if (pillar, stage) not in criteria:
                raise RulePackError(
                    t("rulepack.pillar_has_no_active", pillar=pillar, stage=stage),
                    file=str(roots[0]) if roots else None,
                )
