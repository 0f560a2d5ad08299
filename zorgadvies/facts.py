"""The fact model: what we know about one organisation, validated against the questionnaire.

A facts file (YAML or JSON) has three parts: ``organisation``, ``people`` and ``answers``. Loading
normalises every value (``true`` -> ``ja``, DISC letters -> colours, ...) so that the engine only ever
sees typed, canonical values: durable-rules compares loosely (``True == 1 == "true"``), so we must
not give it the chance.
"""

from __future__ import annotations

import datetime
import os
import re

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from .atleast import KEY as AT_LEAST_KEY
from .atleast import Answer, AtLeast, plain
from .errors import InputError, did_you_mean
from .knowledge import SPECIAL_ANSWERS, KnowledgeBase, Question
from .schema import Checker
from .yamlio import MAX_DEPTH, Document, load_document
from .messages import t

__all__ = [
    "ASSESSMENT_KEYS",
    "Assessment",
    "DEFAULT_SIZE_THRESHOLD",
    "DISC_COLOURS",
    "ROLES",
    "SECTORS",
    "Disc",
    "Facts",
    "Organisation",
    "Dispute",
    "Person",
    "Respondent",
    "combine_answers",
    "derived_facts",
    "input_schema",
    "load_facts",
]

SECTORS = (
    "ziekenhuis",
    "ouderenzorg",
    "ggz",
    "gehandicaptenzorg",
    "thuiszorg",
    "eerstelijn",
    "welzijn",
    "overig",
)
_SECTOR_ALIASES = {"vvt": "ouderenzorg", "ouderenzorg/vvt": "ouderenzorg", "ouderenzorg_vvt": "ouderenzorg"}

ROLES = (
    "hoofd_innovatie",
    "hoofd_implementatie",
    "bestuurder",
    "manager",
    "marketing_communicatie",
    "kwaliteit",
    "ict",
    "zorgprofessional",
    "adviseur",
)

#: role id -> (Dutch, English) name, as the interview and the web pages show it.
ROLE_LABELS: dict[str, tuple[str, str]] = {
    "hoofd_innovatie": ("Hoofd Innovatie", "Head of Innovation"),
    "hoofd_implementatie": ("Hoofd Implementatie", "Head of Implementation"),
    "bestuurder": ("Bestuurder", "Board member / director"),
    "manager": ("Manager", "Manager"),
    "marketing_communicatie": ("Marketing en communicatie", "Marketing and communication"),
    "kwaliteit": ("Kwaliteit", "Quality"),
    "ict": ("ICT", "IT"),
    "zorgprofessional": ("Zorgprofessional", "Care professional"),
    "adviseur": ("Adviseur", "Adviser"),
}
__all__.append("ROLE_LABELS")

#: DISC colours in the fixed order of the model (D, I, S, C); this order also breaks score ties.
DISC_COLOURS = ("rood", "geel", "groen", "blauw")
_DISC_LETTERS = {"D": "rood", "I": "geel", "S": "groen", "C": "blauw"}
_DISC_ALIASES = {"red": "rood", "yellow": "geel", "green": "groen", "blue": "blauw"}

#: Employees at or above this number make an organisation ``groot``. 250 is the EU's boundary between
#: small-and-medium and large enterprises; seed 004 contrasts small and large organisations without
#: a number, so the threshold is configurable (``assess(..., size_threshold=N)``, ``--size-threshold``).
DEFAULT_SIZE_THRESHOLD = 250

_BOOLEAN_INPUT = {"ja": "ja", "nee": "nee", "yes": "ja", "no": "nee", True: "ja", False: "nee"}
_SPECIAL_INPUT = {"onbekend": "onbekend", "unknown": "onbekend", "nvt": "nvt", "n.v.t.": "nvt", "n/a": "nvt"}


@attrs.frozen
class Disc:
    """A DISC profile as colours, strongest first; ``scores`` when a DISC report was given."""

    colours: tuple[str, ...]
    scores: Mapping[str, float] | None = None

    @property
    def primary(self) -> str:
        return self.colours[0]


@attrs.frozen
class Person:
    name: str
    roles: tuple[str, ...]
    disc: Disc | None = None


@attrs.frozen
class Organisation:
    name: str
    sector: str | None
    employees: int | None
    size_class: str | None  # "klein" | "groot" | None when employees is unknown


#: The keys of a facts file's ``assessment:`` block, in output order.
ASSESSMENT_KEYS = ("date", "consultant", "client_contact", "round")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@attrs.frozen
class Assessment:
    """Who assessed when: the ``assessment:`` block (all optional; ``date`` as YYYY-MM-DD)."""

    date: str | None = None
    consultant: str | None = None
    client_contact: str | None = None
    round: str | None = None

    def to_dict(self) -> dict[str, str]:
        return {key: value for key in ASSESSMENT_KEYS if (value := getattr(self, key)) is not None}


@attrs.frozen
class Respondent:
    """One person's answers, when a facts file holds several respondents."""

    name: str
    role: str | None
    answers: Mapping[str, Answer]


@attrs.frozen
class Dispute:
    """A question the respondents answered differently, and what the combination made of it."""

    question: str
    answers: Mapping[str, Answer]  # respondent name -> answer
    combined: Answer
    consensus: bool = False  # True when the file's own `answers:` settled it

    def to_dict(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "answers": {k: plain(v) for k, v in self.answers.items()},
            "combined": plain(self.combined),
            "consensus": self.consensus,
        }


@attrs.frozen
class Facts:
    """Validated facts about one organisation.

    ``answers`` maps question ids to a canonical value: ``ja``/``nee``, a choice id, an integer,
    ``onbekend``/``nvt``, or an at-least answer (:class:`~zorgadvies.atleast.AtLeast`). ``people`` is
    ``None`` when the facts file says nothing about people, and a tuple (possibly empty) when it
    does. Either way the list names the people the consultant knows about, not everyone (open
    world): only ``people_complete`` (the file's top-level ``people_complete: true``) says that it
    names everyone who holds a key role.
    """

    organisation: Organisation
    people: tuple[Person, ...] | None
    answers: Mapping[str, Answer]
    size_threshold: int = DEFAULT_SIZE_THRESHOLD
    source: str | None = None
    respondents: tuple[Respondent, ...] = ()
    disputes: Mapping[str, Dispute] = attrs.field(factory=dict)
    consensus: Mapping[str, Answer] = attrs.field(factory=dict)  # the file's own `answers:`
    people_complete: bool = False
    assessment: Assessment | None = None
    notes: Mapping[str, str] = attrs.field(factory=dict)  # `toelichting:` question id -> note
    targets: Mapping[str, int] = attrs.field(factory=dict)  # `doelen:` pillar id -> target stage

    def holders(self, role: str) -> tuple[Person, ...]:
        return tuple(p for p in self.people or () if role in p.roles)

    def to_dict(self) -> dict[str, Any]:
        """The facts in input format (canonical values), e.g. to save an interview."""
        org: dict[str, Any] = {"name": self.organisation.name}
        if self.organisation.sector:
            org["sector"] = self.organisation.sector
        if self.organisation.employees is not None:
            org["employees"] = self.organisation.employees
        result: dict[str, Any] = {"organisation": org}
        if self.assessment is not None:
            result["assessment"] = self.assessment.to_dict()
        if self.targets:
            result["doelen"] = dict(self.targets)
        if self.people_complete:
            result["people_complete"] = True
        if self.people is not None:
            result["people"] = [
                {"name": p.name, "roles": list(p.roles)}
                | ({"disc": dict(p.disc.scores) if p.disc.scores else list(p.disc.colours)} if p.disc else {})
                for p in self.people
            ]
        if self.respondents:
            result["respondents"] = [
                {"name": r.name} | ({"role": r.role} if r.role else {}) | {"answers": {k: plain(v) for k, v in sorted(r.answers.items())}}
                for r in self.respondents
            ]
            result["answers"] = {k: plain(v) for k, v in sorted(self.consensus.items())}
        else:
            result["answers"] = {k: plain(v) for k, v in sorted(self.answers.items())}
        if self.notes:
            result["toelichting"] = dict(sorted(self.notes.items()))
        return result


def _size_class(employees: int | None, threshold: int) -> str | None:
    if employees is None:
        return None
    return "groot" if employees >= threshold else "klein"


def _parse_disc(value: Any, path: str, check: Checker) -> Disc:
    def colour(item: Any, ipath: str) -> str:
        if isinstance(item, str):
            key = item.strip().lower()
            key = _DISC_ALIASES.get(key, key)
            if item.strip().upper() in _DISC_LETTERS:
                return _DISC_LETTERS[item.strip().upper()]
            if key in DISC_COLOURS:
                return key
        raise check.fail(
            ipath,
            t("facts.unknown_disc_colour_use", item=item),
            hint=did_you_mean(str(item).lower(), DISC_COLOURS),
        )

    if isinstance(value, str):
        text = value.strip()
        if text and text.upper() == text and all(ch in _DISC_LETTERS for ch in text):
            items: list[str] = [_DISC_LETTERS[ch] for ch in text]  # "SI" -> groen, geel
        else:
            items = [colour(part, path) for part in text.replace("/", ",").split(",")]
    elif isinstance(value, list):
        items = [colour(item, f"{path}.{i}") for i, item in enumerate(value)]
    elif isinstance(value, dict):
        scores: dict[str, float] = {}
        for key, score in value.items():
            name = colour(key, f"{path}.{key}")
            if isinstance(score, bool) or not isinstance(score, (int, float)) or not 0 <= score <= 100:
                raise check.fail(f"{path}.{key}", t("facts.disc_score_must_number", score=score))
            if name in scores:
                raise check.fail(f"{path}.{key}", t("facts.disc_colour_given_twice_2", name=name))
            scores[name] = score
        if set(scores) != set(DISC_COLOURS):
            missing = [c for c in DISC_COLOURS if c not in scores]
            raise check.fail(path, t("facts.disc_report_gives_all", missing=', '.join(missing)))
        # Strongest first; a tie keeps the model's order D, I, S, C so the result is deterministic.
        ordered = sorted(DISC_COLOURS, key=lambda c: (-scores[c], DISC_COLOURS.index(c)))
        return Disc(tuple(ordered), {c: scores[c] for c in DISC_COLOURS})
    else:
        raise check.fail(path, t("facts.disc_profile_colour_list"))
    if not items:
        raise check.fail(path, t("facts.disc_profile_empty"))
    if len(set(items)) != len(items):
        raise check.fail(path, t("facts.disc_colour_given_twice"))
    return Disc(tuple(items))


def _parse_answer(question: Question, value: Any, path: str, check: Checker) -> Answer:
    if value is None:
        return "onbekend"
    if isinstance(value, dict):
        return _parse_at_least(question, value, path, check)
    special = _SPECIAL_INPUT.get(value.strip().lower()) if isinstance(value, str) else None
    if special:
        return special
    if question.type == "boolean":
        key = value.strip().lower() if isinstance(value, str) else value
        if not isinstance(key, (str, bool)) or key not in _BOOLEAN_INPUT:
            raise check.fail(
                path,
                t("facts.answer_must_ja_nee", value=value),
                hint=did_you_mean(value, ("ja", "nee", "onbekend", "nvt")),
            )
        return _BOOLEAN_INPUT[key]
    if question.type == "integer":
        if isinstance(value, bool) or not isinstance(value, int):
            raise check.fail(path, t("facts.answer_must_whole_number", value=value))
        if question.minimum is not None and value < question.minimum:
            raise check.fail(path, t("facts.answer_must_at_least", minimum=question.minimum, value=value))
        if question.maximum is not None and value > question.maximum:
            raise check.fail(path, t("facts.answer_must_at_most", maximum=question.maximum, value=value))
        return value
    allowed = question.value_ids
    if not isinstance(value, str) or value not in allowed:
        raise check.fail(
            path,
            t("facts.answer_must_one_onbekend", allowed=', '.join(allowed), value=value),
            hint=did_you_mean(value, allowed),
        )
    return value


def _parse_at_least(question: Question, value: dict[str, Any], path: str, check: Checker) -> AtLeast:
    """``{minstens: value}``: only for an ordered choice, with one of its values."""
    if not (question.type == "choice" and question.ordered):
        raise check.fail(path, t("facts.at_least_answer_needs", AT_LEAST_KEY=AT_LEAST_KEY, id=question.id))
    if set(value) != {AT_LEAST_KEY}:
        extra = sorted(str(k) for k in value if k != AT_LEAST_KEY)
        raise check.fail(path, t("facts.at_least_one_key_not", key=AT_LEAST_KEY, extra=", ".join(extra)) if extra else t("facts.at_least_one_key", key=AT_LEAST_KEY), hint=did_you_mean(extra[0], (AT_LEAST_KEY,)) if extra else None)
    bound = value[AT_LEAST_KEY]
    allowed = question.value_ids
    if not isinstance(bound, str) or bound not in allowed:
        raise check.fail(f"{path}.{AT_LEAST_KEY}", t("facts.must_one", allowed=', '.join(allowed), bound=bound), hint=did_you_mean(bound, allowed))
    # "At least the lowest value" only says the question applies (not nvt); it is kept as said.
    return AtLeast(bound, allowed[allowed.index(bound):])


def _from_document(doc: Document, kb: KnowledgeBase, size_threshold: int) -> Facts:
    check = Checker(doc, InputError)
    top = check.mapping(doc.data, "")
    check.keys(top, "", ["organisation"], ["assessment", "people", "people_complete", "answers", "respondents", "toelichting", "doelen"])

    org = check.mapping(top["organisation"], "organisation")
    check.keys(org, "organisation", ["name"], ["sector", "employees"])
    name = check.text(org["name"], "organisation.name")
    # `onbekend` is accepted here too (an interview may save before these are known).
    sector = None if org.get("sector") == "onbekend" else org.get("sector")
    if sector is not None:
        if isinstance(sector, str):
            sector = _SECTOR_ALIASES.get(sector.strip().lower(), sector.strip().lower())
        sector = check.choice(sector, "organisation.sector", SECTORS)
    employees = None if org.get("employees") == "onbekend" else org.get("employees")
    if employees is not None:
        employees = check.integer(employees, "organisation.employees", 0, 10_000_000)

    people: tuple[Person, ...] | None = None
    if "people" in top:
        people_list = []
        for i, raw in enumerate(check.sequence(top["people"], "people")):
            path = f"people.{i}"
            raw = check.mapping(raw, path)
            check.keys(raw, path, ["name", "roles"], ["disc"])
            roles = check.text_list(raw["roles"], f"{path}.roles")
            for j, role in enumerate(roles):
                check.choice(role, f"{path}.roles.{j}", ROLES)
            disc = _parse_disc(raw["disc"], f"{path}.disc", check) if raw.get("disc") is not None else None
            people_list.append(Person(check.text(raw["name"], f"{path}.name"), tuple(dict.fromkeys(roles)), disc))
        people = tuple(people_list)

    people_complete = top.get("people_complete", False)
    if people_complete is not True and people_complete is not False:
        raise check.fail("people_complete", t("facts.must_true_false", people_complete=people_complete), hint="true")
    if people_complete and people is None:
        raise check.fail("people_complete", t("facts.says_people_list_complete"), hint="people: []")

    answers = _parse_answers(top.get("answers", {}) or {}, "answers", kb, check)
    respondents: list[Respondent] = []
    if "respondents" in top:
        for i, raw in enumerate(check.sequence(top["respondents"], "respondents")):
            path = f"respondents.{i}"
            raw = check.mapping(raw, path)
            check.keys(raw, path, ["name", "answers"], ["role"])
            respondent_role = check.choice(raw["role"], f"{path}.role", ROLES) if raw.get("role") is not None else None
            respondent = Respondent(
                check.text(raw["name"], f"{path}.name"), respondent_role, _parse_answers(raw["answers"] or {}, f"{path}.answers", kb, check)
            )
            if respondent.name in (r.name for r in respondents):
                raise check.fail(f"{path}.name", t("facts.respondent_listed_twice", name=respondent.name))
            respondents.append(respondent)
    combined, disputes = combine_answers(respondents, answers, kb)

    organisation = Organisation(name, sector, employees, _size_class(employees, size_threshold))
    assessment = _parse_assessment(top["assessment"], check) if top.get("assessment") is not None else None
    notes = _parse_notes(top.get("toelichting") or {}, kb, check)
    targets = _parse_targets(top.get("doelen") or {}, kb, check)
    return Facts(
        organisation,
        people,
        dict(sorted(combined.items())),
        size_threshold,
        doc.file,
        tuple(respondents),
        disputes,
        dict(sorted(answers.items())) if respondents else {},
        people_complete,
        assessment,
        notes,
        targets,
    )


def _parse_assessment(raw: Any, check: Checker) -> Assessment:
    block = check.mapping(raw, "assessment")
    check.keys(block, "assessment", [], list(ASSESSMENT_KEYS))
    values: dict[str, str] = {}
    for key in ASSESSMENT_KEYS:
        if block.get(key) is not None:
            values[key] = check.text(str(block[key]) if key == "date" else block[key], f"assessment.{key}")
    date = values.get("date")
    if date is not None:
        try:
            valid = bool(_DATE.fullmatch(date)) and datetime.date.fromisoformat(date) is not None
        except ValueError:
            valid = False
        if not valid:
            raise check.fail("assessment.date", t("facts.date_write_as_yyyy", date=date), hint="2026-01-15")
    return Assessment(**values)


def _parse_notes(raw: Any, kb: KnowledgeBase, check: Checker) -> dict[str, str]:
    notes: dict[str, str] = {}
    for qid, text in check.mapping(raw, "toelichting").items():
        path = f"toelichting.{qid}"
        if qid not in kb.questions:
            raise check.fail(path, t("common.unknown_question_id", qid=qid), hint=did_you_mean(str(qid), kb.questions))
        notes[qid] = check.text(text, path)
    return dict(sorted(notes.items()))


def _parse_targets(raw: Any, kb: KnowledgeBase, check: Checker) -> dict[str, int]:
    by_name = {s.id: s.number for s in kb.stages}
    targets: dict[str, int] = {}
    pillar_ids = [p.id for p in kb.pillars]
    for pillar_id, value in check.mapping(raw, "doelen").items():
        path = f"doelen.{pillar_id}"
        if pillar_id not in pillar_ids:
            raise check.fail(path, t("common.unknown_pillar", pillar=pillar_id), hint=did_you_mean(str(pillar_id), pillar_ids))
        if isinstance(value, str) and value.strip().lower() in by_name:
            targets[pillar_id] = by_name[value.strip().lower()]
        else:
            targets[pillar_id] = check.integer(value, path, 1, len(kb.stages))
    return {p: targets[p] for p in pillar_ids if p in targets}


def _parse_answers(raw: Any, prefix: str, kb: KnowledgeBase, check: Checker) -> dict[str, Answer]:
    answers: dict[str, Answer] = {}
    for qid, value in check.mapping(raw, prefix).items():
        path = f"{prefix}.{qid}"
        question = kb.questions.get(qid)
        if question is None:
            raise check.fail(path, t("common.unknown_question_id", qid=qid), hint=did_you_mean(qid, kb.questions))
        answers[qid] = _parse_answer(question, value, path, check)
    return answers


def combine_answers(
    respondents: list[Respondent], consensus: Mapping[str, Answer], kb: KnowledgeBase
) -> tuple[dict[str, Answer], dict[str, Dispute]]:
    """Combine several respondents' answers into one answer per question (docs/respondents.md).

    - An answer in the file's own ``answers:`` (the consultant's consensus) wins.
    - Otherwise only known answers count (``onbekend`` is no vote). When they all agree, that is
      the answer. When they differ:
      - an ordered choice or a number takes the lower median: one optimist cannot lift a stage,
        one pessimist cannot sink it; an at-least answer counts at its bound and, at an equal
        bound, below an exact answer (it says less);
      - a yes/no or unordered choice takes the most frequent answer; on a tie it is ``onbekend``,
        because we do not guess.
    - Every question with different known answers is a dispute, reported with who said what.
    """
    combined: dict[str, Answer] = {}
    disputes: dict[str, Dispute] = {}
    questions = sorted({q for r in respondents for q in r.answers})
    for qid in questions:
        given = {r.name: r.answers[qid] for r in respondents if qid in r.answers and r.answers[qid] != "onbekend"}
        if not given:
            combined[qid] = "onbekend"
            continue
        values = list(given.values())
        if len(set(map(str, values))) == 1:
            combined[qid] = values[0]
            continue
        question = kb.questions[qid]
        known = [v for v in values if v != "nvt"]
        if question.comparable and known and len(known) == len(values):
            ordered = sorted(known, key=lambda v: _order_key(question, v))
            value: Answer = ordered[(len(ordered) - 1) // 2]
        else:
            counts: dict[str, int] = {}
            for v in values:
                counts[str(v)] = counts.get(str(v), 0) + 1
            best = max(counts.values())
            winners = [v for v in dict.fromkeys(values) if counts[str(v)] == best]
            value = winners[0] if len(winners) == 1 else "onbekend"
        combined[qid] = value
        disputes[qid] = Dispute(qid, dict(sorted(given.items())), consensus.get(qid, value), qid in consensus)
    combined.update(consensus)
    return combined, dict(sorted(disputes.items()))


def _order_key(question: Question, value: Answer) -> tuple[int, int]:
    if isinstance(value, AtLeast):
        return (question.rank(value.value) or 0, 0)
    return (question.rank(value) or 0, 1)


#: The default limit on a facts file: a real one is a few kilobytes; 5 MB leaves room for long
#: free texts and many respondents, and parses in well under a second.
DEFAULT_MAX_FACTS_MB = 5
#: Environment variable that raises (or lowers) the limit, in MB; the CLI's --max-input-mb sets it.
MAX_INPUT_ENV = "ZORGADVIES_MAX_INPUT_MB"


def max_facts_bytes() -> int:
    """The largest facts file read: ``$ZORGADVIES_MAX_INPUT_MB`` MB, else 5 MB."""
    text = os.environ.get(MAX_INPUT_ENV, "")
    try:
        mb = float(text) if text else DEFAULT_MAX_FACTS_MB
    except ValueError:
        raise InputError(t("facts.must_number_megabytes", text=text[:20]), field=f"${MAX_INPUT_ENV}") from None
    if not 0 < mb <= 4096:
        raise InputError(t("facts.must_between_0_4096", text=text[:20]), field=f"${MAX_INPUT_ENV}")
    return int(mb * 2**20)


__all__ += ["DEFAULT_MAX_FACTS_MB", "MAX_INPUT_ENV", "max_facts_bytes"]


def load_facts(
    source: str | Path | Mapping[str, Any],
    kb: KnowledgeBase,
    *,
    size_threshold: int = DEFAULT_SIZE_THRESHOLD,
) -> Facts:
    """Load facts from a YAML/JSON file or from a mapping already in memory.

    Raises
    ------
    InputError
        With the file, line and field of the first problem.
    """
    if isinstance(size_threshold, bool) or not isinstance(size_threshold, int) or size_threshold < 1:
        raise InputError(t("facts.size_threshold_must_whole", size_threshold=size_threshold))
    if isinstance(source, Mapping):
        doc = Document(_plain(source, 0), {}, None)
    elif isinstance(source, (str, Path)) and _is_workbook_source(Path(source)):
        doc = _workbook_document(Path(source), kb)
    elif isinstance(source, (str, Path)):
        doc = load_document(
            source,
            make_error=InputError,
            max_bytes=max_facts_bytes(),
            what=t("facts.what_facts_file"),
            raise_with=t("facts.raise_with", env=MAX_INPUT_ENV),
        )
    else:
        raise InputError(t("facts.facts_must_file_path", type_name=type(source).__name__))
    return _from_document(doc, kb, size_threshold)


def _is_workbook_source(path: Path) -> bool:
    return path.suffix.lower() == ".xlsx" or path.is_dir()


def _workbook_document(path: Path, kb: KnowledgeBase) -> Document:
    """Filled-in questionnaire workbooks as one facts document (see zorgadvies.workbook).

    ``path`` is one workbook, or a folder of them (one per respondent, ``*.xlsx``), optionally with
    one facts file (``*.yaml``/``*.yml``/``*.json``) that gives everything but the respondents.
    """
    from .workbook import facts_from_workbooks

    if path.is_dir():
        books = sorted(p for p in path.iterdir() if p.suffix.lower() == ".xlsx" and not p.name.startswith((".", "~$")))
        bases = sorted(p for p in path.iterdir() if p.suffix.lower() in (".yaml", ".yml", ".json") and not p.name.startswith("."))
        if not books:
            raise InputError(t("facts.folder_holds_no_questionnaire"), file=str(path))
        if len(bases) > 1:
            raise InputError(t("facts.folder_holds_facts_files", n_bases=len(bases)), file=str(path))
        base = load_document(bases[0], make_error=InputError).data if bases else None
        if base is not None and not isinstance(base, Mapping):
            raise InputError(t("facts.facts_file_mapping"), file=str(bases[0]))
    else:
        books, base = [path], None
    return Document(facts_from_workbooks(books, kb, base=base), {}, str(path))


def _plain(value: Any, depth: int) -> Any:
    """Copy a mapping given by an embedding program into plain dicts and lists (depth-limited)."""
    if depth > MAX_DEPTH:
        raise InputError(t("facts.facts_are_nested_more", MAX_DEPTH=MAX_DEPTH))
    if isinstance(value, Mapping):
        return {str(k): _plain(v, depth + 1) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v, depth + 1) for v in value]
    return value


#: The key roles whose presence rules may test, with the question that states it (open world).
ROLE_QUESTIONS = {
    "hoofd_innovatie": "rol_hoofd_innovatie_aanwezig",
    "hoofd_implementatie": "rol_hoofd_implementatie_aanwezig",
}
__all__.append("ROLE_QUESTIONS")


def role_presence(facts: Facts, role: str) -> str | None:
    """``ja``/``nee`` when stated, None when unknown (docs/facts.md, "Open world").

    ``ja`` when a listed person holds the role or the role question says ja; ``nee`` only on a stated
    absence: the question says nee, or ``people_complete`` and nobody listed holds it. A people list
    that simply does not name a holder says nothing: it names the people the consultant knows about.
    """
    if facts.holders(role):
        return "ja"
    answer = facts.answers.get(ROLE_QUESTIONS[role])
    if answer in ("ja", "nee"):
        return str(answer)
    if facts.people_complete:
        return "nee"
    return None


__all__.append("role_presence")


def derived_facts(facts: Facts) -> dict[str, Answer]:
    """The flat, canonical facts rules may test, keyed by subject name.

    Question answers are keyed by question id; organisation and role facts by a dotted name
    (``organisation.size_class``, ``roles.hoofd_innovatie.disc``). Unknown facts are absent; role
    facts follow the open world of :func:`role_presence`: an absence is a fact only when stated.
    """
    result: dict[str, Answer] = {}
    for qid, value in facts.answers.items():
        if value != "onbekend":
            result[qid] = value
    org = facts.organisation
    if org.sector:
        result["organisation.sector"] = org.sector
    if org.employees is not None:
        result["organisation.employees"] = org.employees
    if org.size_class:
        result["organisation.size_class"] = org.size_class
    presence = {role: role_presence(facts, role) for role in ROLE_QUESTIONS}
    for role, present in presence.items():
        if present is None:
            continue
        result[f"roles.{role}.present"] = present
        # Several holders whose profiles differ give the role no single colour: unknown, not the first.
        colours = {p.disc.primary for p in facts.holders(role) if p.disc}
        if len(colours) == 1:
            result[f"roles.{role}.disc"] = colours.pop()
        elif present == "nee":
            result[f"roles.{role}.disc"] = "nvt"
    # One person with both roles is seen in the list; "not the same person" needs a stated absence of
    # a role, or a complete list (a listed person's roles could otherwise be incomplete).
    if any(set(ROLE_QUESTIONS) <= set(p.roles) for p in facts.people or ()):
        result["roles.zelfde_persoon"] = "ja"
    elif "nee" in presence.values() or facts.people_complete:
        result["roles.zelfde_persoon"] = "nee"
    return dict(sorted(result.items()))


#: Subjects besides questions that rules may test, with their allowed values (None: an integer).
FACT_SUBJECTS: dict[str, tuple[str, ...] | None] = {
    "organisation.sector": SECTORS,
    "organisation.employees": None,
    "organisation.size_class": ("klein", "groot"),
    "roles.hoofd_innovatie.present": ("ja", "nee"),
    "roles.hoofd_implementatie.present": ("ja", "nee"),
    "roles.hoofd_innovatie.disc": DISC_COLOURS + ("nvt",),
    "roles.hoofd_implementatie.disc": DISC_COLOURS + ("nvt",),
    "roles.zelfde_persoon": ("ja", "nee"),
}
__all__.append("FACT_SUBJECTS")

#: How derived facts read in explanations (nl, en).
FACT_LABELS: dict[str, tuple[str, str]] = {
    "organisation.sector": ("Sector van de organisatie", "Sector of the organisation"),
    "organisation.employees": ("Aantal medewerkers", "Number of employees"),
    "organisation.size_class": ("Omvang (klein of groot)", "Size class (small or large)"),
    "roles.hoofd_innovatie.present": ("Is er een Hoofd Innovatie?", "Is there a head of innovation?"),
    "roles.hoofd_implementatie.present": ("Is er een Hoofd Implementatie?", "Is there a head of implementation?"),
    "roles.hoofd_innovatie.disc": ("Primaire DISC-kleur van het Hoofd Innovatie", "Primary DISC colour of the head of innovation"),
    "roles.hoofd_implementatie.disc": ("Primaire DISC-kleur van het Hoofd Implementatie", "Primary DISC colour of the head of implementation"),
    "roles.zelfde_persoon": ("Heeft één persoon beide rollen?", "Does one person hold both roles?"),
}
__all__.append("FACT_LABELS")


def input_schema(kb: KnowledgeBase) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a facts file for this knowledge base."""
    special = list(SPECIAL_ANSWERS)
    answers: dict[str, Any] = {}
    for qid in sorted(kb.questions):
        q = kb.questions[qid]
        if q.type == "integer":
            number: dict[str, Any] = {"type": "integer"}
            if q.minimum is not None:
                number["minimum"] = q.minimum
            if q.maximum is not None:
                number["maximum"] = q.maximum
            prop: dict[str, Any] = {"anyOf": [number, {"enum": special}]}
        elif q.type == "boolean":
            prop = {"enum": ["ja", "nee", True, False] + special}
        elif q.ordered:
            at_least = {"type": "object", "required": [AT_LEAST_KEY], "additionalProperties": False, "properties": {AT_LEAST_KEY: {"enum": list(q.value_ids)}}}
            prop = {"anyOf": [{"enum": list(q.value_ids) + special}, at_least]}
        else:
            prop = {"enum": list(q.value_ids) + special}
        prop["description"] = q.nl
        answers[qid] = prop
    colour = {"enum": list(DISC_COLOURS)}
    # One organisation's answers and each respondent's answers have the same shape.
    answers_object = {"type": "object", "additionalProperties": False, "properties": answers}
    from .schema_docs import INPUT_FIELDS, describe

    def by_id(name: str) -> str | None:  # questions and pillars describe themselves
        if name in kb.questions:
            return kb.questions[name].nl
        return next((p.nl for p in kb.pillars if p.id == name), None)

    schema: dict[str, Any] = describe({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://zorgadvies.invalid/schema/facts.json",
        "title": "zorgadvies facts file",
        "type": "object",
        "required": ["organisation"],
        "additionalProperties": False,
        "properties": {
            "organisation": {
                "type": "object",
                "required": ["name"],
                "additionalProperties": False,
                "properties": {
                    "name": {"type": "string", "minLength": 1},
                    "sector": {"enum": [*SECTORS, "onbekend"]},
                    "employees": {"anyOf": [{"type": "integer", "minimum": 0}, {"const": "onbekend"}]},
                },
            },
            "assessment": {
                "type": "object",
                "additionalProperties": False,
                "description": "Who assessed when; shown on the report's cover",
                "properties": {
                    "date": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "description": "Date of the assessment, YYYY-MM-DD"},
                    "consultant": {"type": "string", "minLength": 1, "description": "The consultant who led the assessment"},
                    "client_contact": {"type": "string", "minLength": 1, "description": "The contact person at the organisation"},
                    "round": {"type": "string", "minLength": 1, "description": "Name of the assessment round, e.g. 'nulmeting 2026'"},
                },
            },
            "toelichting": {
                "type": "object",
                "additionalProperties": False,
                "description": "A note per answer (question id -> text), e.g. the document that shows it",
                "properties": {qid: {"type": "string", "minLength": 1} for qid in sorted(kb.questions)},
            },
            "doelen": {
                "type": "object",
                "additionalProperties": False,
                "description": "Target stage per pillar (pillar id -> 1..4 or a stage id such as 'georganiseerd')",
                "properties": {
                    p.id: {"anyOf": [{"type": "integer", "minimum": 1, "maximum": len(kb.stages)}, {"enum": [st.id for st in kb.stages]}]}
                    for p in kb.pillars
                },
            },
            "people_complete": {
                "type": "boolean",
                "description": "true: the people list names everyone who holds a key role (open world otherwise)",
            },
            "people": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["name", "roles"],
                    "additionalProperties": False,
                    "properties": {
                        "name": {"type": "string", "minLength": 1},
                        "roles": {"type": "array", "items": {"enum": list(ROLES)}},
                        "disc": {
                            "anyOf": [
                                colour,
                                {"type": "array", "items": colour, "minItems": 1},
                                {"type": "string", "pattern": "^[DISC]{1,4}$"},
                                *(
                                    {
                                        "type": "object",
                                        "required": list(names),
                                        "additionalProperties": False,
                                        "properties": {c: {"type": "number", "minimum": 0, "maximum": 100} for c in names},
                                    }
                                    for names in (DISC_COLOURS, tuple(_DISC_LETTERS))
                                ),
                            ]
                        },
                    },
                },
            },
            "answers": answers_object,
            "respondents": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["name", "answers"],
                    "additionalProperties": False,
                    "properties": {
                        "name": {"type": "string", "minLength": 1},
                        "role": {"enum": list(ROLES)},
                        "answers": answers_object,
                    },
                },
            },
        },
    }, INPUT_FIELDS, by_id)
    return schema
