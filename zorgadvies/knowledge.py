"""The knowledge base: source documents, pillars and stages, and the questionnaire.

Everything here is read from the data files under ``knowledge/`` and checked against a schema on
load, so that a typo in the knowledge base fails loudly with ``file:line`` instead of producing a
quietly wrong assessment.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs

from .atleast import AtLeast
from .errors import KnowledgeError, did_you_mean
from .paths import KNOWLEDGE_DIR
from .schema import Checker
from .yamlio import Document, load_document
from .messages import t

__all__ = [
    "PILLAR_IDS",
    "PLAIN_ANSWER_LABELS",
    "SPECIAL_ANSWERS",
    "THEMES",
    "THEME_LABELS",
    "Choice",
    "Edge",
    "KnowledgeBase",
    "PHASES",
    "Pillar",
    "Question",
    "RecommendationText",
    "ReflectionText",
    "Section",
    "SourceDocument",
    "Stage",
    "load_knowledge",
    "tree_digest",
]

PILLAR_IDS = (
    "marketingpraktijk",
    "klantfocus_strategie",
    "innovatie",
    "merk",
    "metrics_evaluatie",
    "cultuur_leiderschap",
)
#: Answers every question accepts besides its own values.
SPECIAL_ANSWERS = ("onbekend", "nvt")
THEMES = (
    "visie",
    "rollen",
    "infrastructuur",
    "samenwerking",
    "communicatie",
    "cultuur",
    "sociale_innovatie",
    "keten",
    "technologie",
    "overheid",
    "omvang",
)
#: Dutch and English name of every theme (pillars have their names in pillars.yaml).
THEME_LABELS = {
    "visie": ("Visie", "Vision"),
    "rollen": ("Rollen", "Roles"),
    "infrastructuur": ("Infrastructuur", "Infrastructure"),
    "samenwerking": ("Samenwerking", "Collaboration"),
    "communicatie": ("Communicatie", "Communication"),
    "cultuur": ("Cultuur", "Culture"),
    "sociale_innovatie": ("Sociale innovatie", "Social innovation"),
    "keten": ("Zorgketen", "Care chain"),
    "technologie": ("Technologie", "Technology"),
    "overheid": ("Overheid", "Government"),
    "omvang": ("Omvang", "Size"),
}
QUESTION_TYPES = ("boolean", "choice", "integer")
#: The four phases of seed 001's innovation route, in route order.
PHASES = ("onderzoek", "richt", "plan", "doe")
TENSION_FIELDS = ("procesinnovatie", "technologische_innovatie")
BOOLEAN_VALUES = ("ja", "nee")

#: How the answers without a value list read: (Dutch, English). The Dutch is the value itself.
PLAIN_ANSWER_LABELS = {"ja": ("ja", "yes"), "nee": ("nee", "no"), "nvt": ("nvt", "n/a")}
_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@attrs.frozen
class Section:
    """One section of a source document, addressed as ``document#section``."""

    document: str
    id: str
    title: str
    title_en: str
    summary_nl: str
    summary_en: str

    @property
    def ref(self) -> str:
        return f"{self.document}#{self.id}"


@attrs.frozen
class SourceDocument:
    id: str
    seed: str
    title: str
    title_en: str
    publisher: str | None
    authors: tuple[str, ...]
    sections: tuple[Section, ...]
    year: int | None = None  # when the document states it (none of the seeds does)


@attrs.frozen
class Stage:
    number: int
    id: str
    nl: str
    en: str
    summary_nl: str
    summary_en: str
    traits: tuple[tuple[str, str], ...]
    sources: tuple[str, ...]

    def name(self, lang: str = "nl") -> str:
        return self.nl if lang == "nl" else self.en


@attrs.frozen
class Pillar:
    id: str
    nl: str
    en: str
    question_nl: str
    question_en: str
    sources: tuple[str, ...]
    cells: Mapping[int, tuple[str, str]]  # stage number -> (nl, en)

    def name(self, lang: str = "nl") -> str:
        return self.nl if lang == "nl" else self.en


@attrs.frozen
class Choice:
    id: str
    nl: str
    en: str


@attrs.frozen
class Question:
    """One question of the questionnaire.

    ``values`` holds the allowed answers of a ``choice`` (lowest first when ``ordered``); a
    ``boolean`` is answered ``ja``/``nee``; an ``integer`` lies in ``[minimum, maximum]``.
    Every question also accepts :data:`SPECIAL_ANSWERS`.
    """

    id: str
    type: str
    nl: str
    en: str
    help_nl: str
    help_en: str
    informs: tuple[str, ...]
    sources: tuple[str, ...]
    values: tuple[Choice, ...] = ()
    ordered: bool = False
    minimum: int | None = None
    maximum: int | None = None
    file: str = ""
    line: int = 0

    @property
    def value_ids(self) -> tuple[str, ...]:
        if self.type == "boolean":
            return BOOLEAN_VALUES
        return tuple(c.id for c in self.values)

    @property
    def comparable(self) -> bool:
        """Whether ``at_least``/``at_most`` make sense for this question."""
        return self.type == "integer" or (self.type == "choice" and self.ordered)

    def rank(self, value: str | int) -> int | None:
        """The number a comparison uses: the integer itself, or the position of an ordered choice."""
        if self.type == "integer" and isinstance(value, int):
            return value
        if self.type == "choice" and self.ordered and value in self.value_ids:
            return self.value_ids.index(str(value))
        return None

    def text(self, lang: str = "nl") -> str:
        return self.nl if lang == "nl" else self.en

    def label(self, value: object, lang: str = "nl") -> str:
        """The human label of an answer value (an at-least answer reads "minstens <label>")."""
        if isinstance(value, AtLeast):
            return ("minstens " if lang == "nl" else "at least ") + self.label(value.value, lang)
        for choice in self.values:
            if choice.id == value:
                return choice.nl if lang == "nl" else choice.en
        if isinstance(value, str) and value in PLAIN_ANSWER_LABELS:
            return PLAIN_ANSWER_LABELS[value][0 if lang == "nl" else 1]
        return str(value)


@attrs.frozen
class RecommendationText:
    """A recommendation as the knowledge base states it (whether it applies is for the rules)."""

    id: str
    title: str
    title_en: str
    body: str
    body_en: str
    phase: str
    serves: tuple[str, ...]
    sources: tuple[str, ...]
    variant: str | None = None
    file: str = ""
    line: int = 0
    #: The facts that say the aim is already met (issue 13 point 4), as written; the rule pack
    #: type-checks and compiles them (rulepack.load_rules), with ``moot_path`` for its messages.
    moot_when: Any = attrs.field(default=None, eq=False)
    moot_path: str = ""


@attrs.frozen
class Edge:
    """``before`` comes before ``after`` in the dependency graph, for ``reason``."""

    before: str
    after: str
    reason: str
    reason_en: str
    sources: tuple[str, ...]
    file: str = ""
    line: int = 0


@attrs.frozen
class ReflectionText:
    id: str
    field: str
    nl: str
    en: str
    sources: tuple[str, ...]


@attrs.frozen
class KnowledgeBase:
    """Everything under ``knowledge/``, validated and cross-referenced."""

    version: str
    root: Path
    documents: tuple[SourceDocument, ...]
    sections: Mapping[str, Section]
    stages: tuple[Stage, ...]
    pillars: tuple[Pillar, ...]
    questions: Mapping[str, Question]
    recommendations: Mapping[str, RecommendationText] = attrs.field(factory=dict)
    edges: tuple[Edge, ...] = ()
    reflections: Mapping[str, ReflectionText] = attrs.field(factory=dict)

    def pillar(self, pillar_id: str) -> Pillar:
        return next(p for p in self.pillars if p.id == pillar_id)

    def stage(self, number: int) -> Stage:
        return self.stages[number - 1]

    def document(self, document_id: str) -> SourceDocument:
        return next(d for d in self.documents if d.id == document_id)


def tree_digest(roots: Iterable[Path]) -> str:
    """SHA-256 over the relative paths and bytes of every data file below ``roots``.

    Paths are taken relative to each root and sorted, so the digest is the same in a checkout, an
    installed wheel and on any operating system.
    """
    digest = hashlib.sha256()
    for root in roots:
        files = sorted(p for p in Path(root).rglob("*") if p.is_file() and p.suffix in (".yaml", ".yml"))
        for path in files:
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(b"\0")
            digest.update(path.read_bytes())
            digest.update(b"\0")
    return digest.hexdigest()


def _texts(check: Checker, data: dict[str, Any], path: str, *names: str) -> list[str]:
    return [check.text(data.get(n), f"{path}.{n}" if path else n) for n in names]


def _load(path: Path) -> tuple[Document, Checker]:
    doc = load_document(path, make_error=KnowledgeError)
    return doc, Checker(doc, KnowledgeError)


def _load_sources(root: Path) -> tuple[tuple[SourceDocument, ...], dict[str, Section]]:
    doc, check = _load(root / "sources.yaml")
    top = check.mapping(doc.data, "")
    check.keys(top, "", ["documents"])
    documents = []
    sections: dict[str, Section] = {}
    for i, raw in enumerate(check.sequence(top["documents"], "documents")):
        path = f"documents.{i}"
        raw = check.mapping(raw, path)
        check.keys(
            raw, path, ["id", "seed", "title", "title_en", "publisher", "sections"], ["authors", "year"]
        )
        doc_id = check.text(raw["id"], f"{path}.id")
        if not _SLUG.match(doc_id):
            raise check.fail(f"{path}.id", t("knowledge.document_id_must_lowercase", doc_id=doc_id))
        publisher = raw["publisher"]
        if publisher is not None:
            check.text(publisher, f"{path}.publisher")
        doc_sections = []
        for j, sraw in enumerate(check.sequence(raw["sections"], f"{path}.sections")):
            spath = f"{path}.sections.{j}"
            sraw = check.mapping(sraw, spath)
            check.keys(sraw, spath, ["id", "title", "title_en", "summary_nl", "summary_en"])
            sid, title, title_en, snl, sen = _texts(
                check, sraw, spath, "id", "title", "title_en", "summary_nl", "summary_en"
            )
            if not _SLUG.match(sid):
                raise check.fail(f"{spath}.id", t("knowledge.section_id_must_lowercase", sid=sid))
            section = Section(doc_id, sid, title, title_en, snl, sen)
            if section.ref in sections:
                raise check.fail(f"{spath}.id", t("knowledge.duplicate_section", ref=section.ref))
            sections[section.ref] = section
            doc_sections.append(section)
        documents.append(
            SourceDocument(
                id=doc_id,
                seed=check.text(raw["seed"], f"{path}.seed"),
                title=check.text(raw["title"], f"{path}.title"),
                title_en=check.text(raw["title_en"], f"{path}.title_en"),
                publisher=publisher,
                authors=check.text_list(raw.get("authors", []), f"{path}.authors"),
                sections=tuple(doc_sections),
                year=check.integer(raw["year"], f"{path}.year", 1900, 2100) if raw.get("year") is not None else None,
            )
        )
    return tuple(documents), sections


def _check_sources(check: Checker, value: Any, path: str, sections: Mapping[str, Section]) -> tuple[str, ...]:
    refs = check.text_list(value, path)
    if not refs:
        raise check.fail(path, t("knowledge.must_cite_at_least"))
    for i, ref in enumerate(refs):
        if ref not in sections:
            raise check.fail(f"{path}.{i}", t("knowledge.unknown_source_section", ref=ref), hint=_near(ref, sections))
    return refs


def _near(value: str, choices: Iterable[str]) -> str | None:
    from .errors import did_you_mean

    return did_you_mean(value, choices)


def _load_pillars(root: Path, sections: Mapping[str, Section]) -> tuple[tuple[Stage, ...], tuple[Pillar, ...]]:
    doc, check = _load(root / "pillars.yaml")
    top = check.mapping(doc.data, "")
    check.keys(top, "", ["stages", "pillars"])
    stages = []
    for i, raw in enumerate(check.sequence(top["stages"], "stages")):
        path = f"stages.{i}"
        raw = check.mapping(raw, path)
        check.keys(raw, path, ["number", "id", "nl", "en", "summary_nl", "summary_en", "traits", "sources"])
        number = check.integer(raw["number"], f"{path}.number", 1, 4)
        if number != i + 1:
            raise check.fail(f"{path}.number", t("knowledge.stages_must_listed_1", value=i + 1))
        traits = []
        for j, trait in enumerate(check.sequence(raw["traits"], f"{path}.traits")):
            tpath = f"{path}.traits.{j}"
            trait = check.mapping(trait, tpath)
            check.keys(trait, tpath, ["nl", "en"])
            traits.append((check.text(trait["nl"], f"{tpath}.nl"), check.text(trait["en"], f"{tpath}.en")))
        sid, nl, en, snl, sen = _texts(check, raw, path, "id", "nl", "en", "summary_nl", "summary_en")
        stages.append(
            Stage(number, sid, nl, en, snl, sen, tuple(traits), _check_sources(check, raw["sources"], f"{path}.sources", sections))
        )
    if len(stages) != 4:
        raise check.fail("stages", t("knowledge.model_has_exactly_four", n_stages=len(stages)))
    pillars = []
    for i, raw in enumerate(check.sequence(top["pillars"], "pillars")):
        path = f"pillars.{i}"
        raw = check.mapping(raw, path)
        check.keys(raw, path, ["id", "nl", "en", "question_nl", "question_en", "sources", "cells"])
        pid = check.choice(raw["id"], f"{path}.id", PILLAR_IDS)
        cells_raw = check.mapping(raw["cells"], f"{path}.cells")
        cells = {}
        for number in range(1, 5):
            cpath = f"{path}.cells.{number}"
            if str(number) not in cells_raw:
                raise check.fail(f"{path}.cells", t("knowledge.missing_descriptor_stage_add", number=number))
            cell = check.mapping(cells_raw[str(number)], cpath)
            check.keys(cell, cpath, ["nl", "en"])
            cells[number] = (check.text(cell["nl"], f"{cpath}.nl"), check.text(cell["en"], f"{cpath}.en"))
        if set(cells_raw) - {"1", "2", "3", "4"}:
            raise check.fail(f"{path}.cells", t("knowledge.cells_are_numbered_1"))
        _, nl, en, qnl, qen = _texts(check, raw, path, "id", "nl", "en", "question_nl", "question_en")
        pillars.append(
            Pillar(pid, nl, en, qnl, qen, _check_sources(check, raw["sources"], f"{path}.sources", sections), cells)
        )
    if [p.id for p in pillars] != list(PILLAR_IDS):
        raise check.fail("pillars", t("knowledge.six_pillars_must_listed", PILLAR_IDS=', '.join(PILLAR_IDS)))
    return tuple(stages), tuple(pillars)


def _load_questions(root: Path, sections: Mapping[str, Section], order: tuple[str, ...]) -> dict[str, Question]:
    questions: dict[str, Question] = {}
    found = {p.stem: p for p in (root / "questions").glob("*.yaml")}
    if not found:
        raise KnowledgeError(t("knowledge.no_question_files_knowledge"), file=str(root / "questions"))
    for name in order:
        if name not in found:
            raise KnowledgeError(t("knowledge.questionnaire_order_names_but", name=name), file=str(root / "manifest.yaml"), field="questionnaire", hint=did_you_mean(name, found))
    # The manifest's order first, then any other file alphabetically: a new file is never lost.
    files = [found[n] for n in order] + [found[n] for n in sorted(found) if n not in order]
    for file in files:
        doc, check = _load(file)
        for i, raw in enumerate(check.sequence(doc.data, "")):
            path = str(i)
            raw = check.mapping(raw, path)
            check.keys(
                raw,
                path,
                ["id", "type", "nl", "en", "help_nl", "help_en", "informs", "sources"],
                ["values", "ordered", "min", "max"],
            )
            qid = check.text(raw["id"], f"{path}.id")
            if not _ID.match(qid):
                raise check.fail(f"{path}.id", t("knowledge.question_id_must_snake", qid=qid))
            if qid in questions:
                other = questions[qid]
                raise check.fail(f"{path}.id", t("knowledge.duplicate_question_id_first", qid=qid, file=other.file, line=other.line))
            qtype = check.choice(raw["type"], f"{path}.type", QUESTION_TYPES)
            values: list[Choice] = []
            if qtype == "choice":
                if "values" not in raw:
                    raise check.fail(path, t("knowledge.choice_question_needs_values"))
                for j, value in enumerate(check.sequence(raw["values"], f"{path}.values")):
                    vpath = f"{path}.values.{j}"
                    value = check.mapping(value, vpath)
                    check.keys(value, vpath, ["id", "nl", "en"])
                    vid, vnl, ven = _texts(check, value, vpath, "id", "nl", "en")
                    if not _ID.match(vid) or vid in SPECIAL_ANSWERS or vid in (c.id for c in values):
                        raise check.fail(f"{vpath}.id", t("knowledge.value_id_must_new", vid=vid))
                    values.append(Choice(vid, vnl, ven))
                if len(values) < 2:
                    raise check.fail(f"{path}.values", t("knowledge.choice_question_needs_at"))
            else:
                for key in ("values", "ordered"):
                    if key in raw:
                        raise check.fail(f"{path}.{key}", t("knowledge.only_belongs_choice_question", key=key))
            if qtype != "integer":
                for key in ("min", "max"):
                    if key in raw:
                        raise check.fail(f"{path}.{key}", t("knowledge.only_belongs_integer_question", key=key))
            ordered = raw.get("ordered", False)
            if not isinstance(ordered, bool):
                raise check.fail(f"{path}.ordered", t("knowledge.must_true_false"))
            minimum = check.integer(raw["min"], f"{path}.min") if "min" in raw else None
            maximum = check.integer(raw["max"], f"{path}.max") if "max" in raw else None
            informs = check.text_list(raw["informs"], f"{path}.informs")
            for j, target in enumerate(informs):
                check.choice(target, f"{path}.informs.{j}", PILLAR_IDS + THEMES)
            _, nl, en, hnl, hen = _texts(check, raw, path, "id", "nl", "en", "help_nl", "help_en")
            questions[qid] = Question(
                id=qid,
                type=qtype,
                nl=nl,
                en=en,
                help_nl=hnl,
                help_en=hen,
                informs=informs,
                sources=_check_sources(check, raw["sources"], f"{path}.sources", sections),
                values=tuple(values),
                ordered=ordered,
                minimum=minimum,
                maximum=maximum,
                file=str(file),
                line=doc.line(path) or 0,
            )
    return questions


def _load_recommendations(root: Path, sections: Mapping[str, Section]) -> dict[str, RecommendationText]:
    result: dict[str, RecommendationText] = {}
    for file in sorted((root / "recommendations").glob("*.yaml")):
        doc, check = _load(file)
        for i, raw in enumerate(check.sequence(doc.data, "")):
            path = str(i)
            raw = check.mapping(raw, path)
            check.keys(raw, path, ["id", "title", "title_en", "body", "body_en", "phase", "serves", "sources"], ["variant", "moot_when"])
            rid = check.text(raw["id"], f"{path}.id")
            if not _SLUG.match(rid.replace("_", "-")):
                raise check.fail(f"{path}.id", t("knowledge.recommendation_id_must_lowercase", rid=rid))
            if rid in result:
                raise check.fail(f"{path}.id", t("knowledge.duplicate_recommendation_id_first", rid=rid, file=result[rid].file))
            serves = check.text_list(raw["serves"], f"{path}.serves")
            for j, target in enumerate(serves):
                check.choice(target, f"{path}.serves.{j}", PILLAR_IDS + THEMES)
            variant = raw.get("variant")
            if variant is not None:
                check.choice(variant, f"{path}.variant", ("klein", "groot"))
            _, title, title_en, body, body_en = _texts(check, raw, path, "id", "title", "title_en", "body", "body_en")
            result[rid] = RecommendationText(
                id=rid,
                title=title,
                title_en=title_en,
                body=body,
                body_en=body_en,
                phase=check.choice(raw["phase"], f"{path}.phase", PHASES),
                serves=serves,
                sources=_check_sources(check, raw["sources"], f"{path}.sources", sections),
                variant=variant,
                file=str(file),
                line=doc.line(path) or 0,
                moot_when=raw.get("moot_when"),
                moot_path=f"{path}.moot_when",
            )
    return result


def _load_edges(root: Path, sections: Mapping[str, Section], recs: Mapping[str, RecommendationText]) -> tuple[Edge, ...]:
    edges: list[Edge] = []
    seen: set[tuple[str, str]] = set()
    for file in sorted((root / "edges").glob("*.yaml")):
        doc, check = _load(file)
        for i, raw in enumerate(check.sequence(doc.data, "")):
            path = str(i)
            raw = check.mapping(raw, path)
            check.keys(raw, path, ["before", "after", "reason", "reason_en", "sources"])
            ends = []
            for key in ("before", "after"):
                rid = check.text(raw[key], f"{path}.{key}")
                if rid not in recs:
                    raise check.fail(f"{path}.{key}", t("common.unknown_recommendation", rec=rid), hint=_near(rid, recs))
                ends.append(rid)
            if ends[0] == ends[1]:
                raise check.fail(path, t("knowledge.cannot_come_before_itself", ends=ends[0]))
            if (ends[0], ends[1]) in seen:
                raise check.fail(path, t("knowledge.duplicate_edge", ends=ends[0], ends2=ends[1]))
            seen.add((ends[0], ends[1]))
            edges.append(
                Edge(
                    ends[0],
                    ends[1],
                    check.text(raw["reason"], f"{path}.reason"),
                    check.text(raw["reason_en"], f"{path}.reason_en"),
                    _check_sources(check, raw["sources"], f"{path}.sources", sections),
                    str(file),
                    doc.line(path) or 0,
                )
            )
    return tuple(edges)


def _load_reflections(root: Path, sections: Mapping[str, Section]) -> dict[str, ReflectionText]:
    path_ = root / "reflection.yaml"
    if not path_.exists():
        return {}
    doc, check = _load(path_)
    result: dict[str, ReflectionText] = {}
    for i, raw in enumerate(check.sequence(doc.data, "")):
        path = str(i)
        raw = check.mapping(raw, path)
        check.keys(raw, path, ["id", "field", "nl", "en", "sources"])
        rid = check.text(raw["id"], f"{path}.id")
        if rid in result:
            raise check.fail(f"{path}.id", t("knowledge.duplicate_reflection_question", rid=rid))
        result[rid] = ReflectionText(
            rid,
            check.choice(raw["field"], f"{path}.field", TENSION_FIELDS),
            check.text(raw["nl"], f"{path}.nl"),
            check.text(raw["en"], f"{path}.en"),
            _check_sources(check, raw["sources"], f"{path}.sources", sections),
        )
    return result


def load_knowledge(root: str | Path | None = None) -> KnowledgeBase:
    """Load and validate the knowledge base under ``root`` (default: the built-in one)."""
    root = Path(root) if root is not None else KNOWLEDGE_DIR
    doc, check = _load(root / "manifest.yaml")
    manifest = check.mapping(doc.data, "")
    check.keys(manifest, "", ["version"], ["description", "questionnaire"])
    version = check.text(manifest["version"], "version")
    order = check.text_list(manifest.get("questionnaire", []), "questionnaire")
    documents, sections = _load_sources(root)
    stages, pillars = _load_pillars(root, sections)
    questions = _load_questions(root, sections, order)
    recommendations = _load_recommendations(root, sections)
    return KnowledgeBase(
        recommendations=recommendations,
        edges=_load_edges(root, sections, recommendations),
        reflections=_load_reflections(root, sections),
        version=version,
        root=root,
        documents=documents,
        sections=sections,
        stages=stages,
        pillars=pillars,
        questions=questions,
    )
