"""Compare two assessments of one organisation: stage changes, resolved and new recommendations.

Either side is a :class:`~zorgadvies.report.Report` or its JSON form (``Report.to_dict()``, as
``zorgadvies assess --format json`` prints it). :func:`load_side` reads a file that holds either a
facts file (assessed on the fly) or such a JSON report, telling them apart by content.

Everything here works on the plain report mappings, so that a report saved a year ago compares as
well as one made a second ago; only the knowledge base's stage names are looked up when a report
does not carry them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs

from .errors import InputError
from .report import SCHEMA_VERSION, Report
from .render.labels import stage_text
from .yamlio import load_document
from .messages import t as tr

__all__ = [
    "PillarChange",
    "RecommendationRef",
    "ReportDiff",
    "Side",
    "change_words",
    "diff_reports",
    "is_report",
    "radar_stages",
    "load_side",
    "render_diff_text",
    "report_mapping",
    "stage_names",
]


def is_report(data: object) -> bool:
    """True when ``data`` looks like a JSON report: a mapping with ``schema_version`` and ``pillars``."""
    return isinstance(data, Mapping) and "schema_version" in data and "pillars" in data


def report_mapping(report: Report | Mapping[str, Any], *, file: str | None = None) -> dict[str, Any]:
    """The report as a plain mapping, checked enough that the comparison can rely on its shape.

    Raises
    ------
    InputError
        When a mapping is not a report of a schema version this zorgadvies reads.
    """
    if isinstance(report, Report):
        return report.to_dict()
    if not is_report(report):
        raise InputError(tr("tracking.zorgadvies_report_has_no"), file=file)
    data = dict(report)
    version = str(data["schema_version"])
    if version.split(".")[0] != SCHEMA_VERSION.split(".")[0]:
        raise InputError(
            tr("tracking.report_format_cannot_read", version=version, value=SCHEMA_VERSION.split('.')[0]),
            file=file,
            field="schema_version",
        )

    def fail(field: str, message: str) -> InputError:
        return InputError(message, file=file, field=field)

    if not isinstance(data["pillars"], list):
        raise fail("pillars", tr("tracking.must_list"))
    for i, pillar in enumerate(data["pillars"]):
        if not isinstance(pillar, Mapping) or not isinstance(pillar.get("id"), str):
            raise fail(f"pillars.{i}", tr("tracking.each_pillar_needs_id"))
        for key in ("stage", "at_least"):
            value = pillar.get(key)
            if value is not None and (isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 4):
                raise fail(f"pillars.{i}.{key}", tr("tracking.must_stage_from_1", value=value))
    recs = data.get("recommendations", [])
    if not isinstance(recs, list):
        raise fail("recommendations", tr("tracking.must_list"))
    for i, rec in enumerate(recs):
        if not isinstance(rec, Mapping) or not isinstance(rec.get("id"), str):
            raise fail(f"recommendations.{i}", tr("tracking.each_recommendation_needs_id"))
    knowledge = data.get("knowledge")
    if not isinstance(knowledge, Mapping):
        raise fail("knowledge", tr("tracking.must_mapping_with_version"))
    org = data.get("organisation")
    if not isinstance(org, Mapping):
        raise fail("organisation", tr("tracking.must_mapping"))
    return data


@attrs.frozen
class Side:
    """One side of a comparison: where it came from and the report as a plain mapping."""

    source: str
    kind: str  # "facts" | "report"
    report: Mapping[str, Any]


def load_side(path: str | Path, *, rules: Iterable[str | Path] = (), size_threshold: int | None = None) -> Side:
    """Read ``path``: a JSON report is taken as it is, anything else is assessed as a facts file."""
    doc = load_document(path, make_error=InputError)
    if is_report(doc.data):
        return Side(str(path), "report", report_mapping(doc.data, file=str(path)))
    from .api import advisor  # compiling the engine is only needed for a facts file
    from .facts import DEFAULT_SIZE_THRESHOLD

    threshold = DEFAULT_SIZE_THRESHOLD if size_threshold is None else size_threshold
    return Side(str(path), "facts", advisor(rules).assess(path, size_threshold=threshold).to_dict())


@attrs.frozen
class PillarChange:
    """The stage of one pillar before and after. ``change`` says how it moved:

    ``up``, ``down`` or ``same`` when both stages are known; ``determined`` (was undetermined, now
    known), ``undetermined`` (was known, now undetermined); ``unclear`` (undetermined on both sides,
    with a different certain minimum); ``added`` / ``removed`` when only one report has the pillar.
    """

    id: str
    name: str
    name_en: str
    old_stage: int | None
    old_at_least: int | None
    new_stage: int | None
    new_at_least: int | None
    in_old: bool = True
    in_new: bool = True

    @property
    def change(self) -> str:
        if not self.in_old:
            return "added"
        if not self.in_new:
            return "removed"
        old, new = self.old_stage, self.new_stage
        if old is not None and new is not None:
            return "up" if new > old else "down" if new < old else "same"
        if old is None and new is not None:
            return "determined"
        if old is not None:
            return "undetermined"
        return "same" if self.old_at_least == self.new_at_least else "unclear"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "name_en": self.name_en,
            "old": {"stage": self.old_stage, "at_least": self.old_at_least} if self.in_old else None,
            "new": {"stage": self.new_stage, "at_least": self.new_at_least} if self.in_new else None,
            "change": self.change,
        }


@attrs.frozen
class RecommendationRef:
    id: str
    rank: int | None
    title: str
    title_en: str

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "rank": self.rank, "title": self.title, "title_en": self.title_en}


@attrs.frozen
class ReportDiff:
    """What changed between two reports. ``resolved`` are ranked as in OLD, ``new`` as in NEW."""

    old_source: str | None
    new_source: str | None
    old_organisation: str
    new_organisation: str
    old_knowledge: Mapping[str, Any]
    new_knowledge: Mapping[str, Any]
    pillars: tuple[PillarChange, ...]
    resolved: tuple[RecommendationRef, ...]
    new: tuple[RecommendationRef, ...]
    kept: tuple[str, ...]
    stage_names: Mapping[int, tuple[str, str]] = attrs.field(factory=dict)

    @property
    def knowledge_changed(self) -> bool:
        return (self.old_knowledge.get("version"), self.old_knowledge.get("sha256")) != (
            self.new_knowledge.get("version"),
            self.new_knowledge.get("sha256"),
        )

    @property
    def same_organisation(self) -> bool:
        return self.old_organisation == self.new_organisation

    @property
    def warnings(self) -> tuple[str, ...]:
        """Warning codes: ``knowledge_changed``, ``different_organisation``."""
        codes = []
        if self.knowledge_changed:
            codes.append("knowledge_changed")
        if not self.same_organisation:
            codes.append("different_organisation")
        return tuple(codes)

    def to_dict(self) -> dict[str, Any]:
        def side(source: str | None, org: str, knowledge: Mapping[str, Any]) -> dict[str, Any]:
            return {
                "source": source,
                "organisation": org,
                "knowledge": {"version": knowledge.get("version"), "sha256": knowledge.get("sha256")},
            }

        return {
            "old": side(self.old_source, self.old_organisation, self.old_knowledge),
            "new": side(self.new_source, self.new_organisation, self.new_knowledge),
            "warnings": list(self.warnings),
            "pillars": [p.to_dict() for p in self.pillars],
            "recommendations": {
                "resolved": [r.to_dict() for r in self.resolved],
                "new": [r.to_dict() for r in self.new],
                "kept": list(self.kept),
            },
        }


def _refs(recs: Iterable[Mapping[str, Any]]) -> dict[str, RecommendationRef]:
    result: dict[str, RecommendationRef] = {}
    for rec in recs:
        rank = rec.get("rank")
        result.setdefault(
            rec["id"],
            RecommendationRef(
                rec["id"],
                rank if isinstance(rank, int) and not isinstance(rank, bool) else None,
                str(rec.get("title") or rec["id"]),
                str(rec.get("title_en") or rec.get("title") or rec["id"]),
            ),
        )
    return result


def stage_names(*reports: Mapping[str, Any]) -> dict[int, tuple[str, str]]:
    """Stage number -> (Dutch, English) name, from the reports or else the built-in knowledge base."""
    names: dict[int, tuple[str, str]] = {}
    for report in reports:
        for pillar in report.get("pillars", []):
            stage = pillar.get("stage")
            if stage is not None and pillar.get("stage_name"):
                names.setdefault(stage, (pillar["stage_name"], pillar.get("stage_name_en") or pillar["stage_name"]))
    if len(names) < 4:
        from .knowledge import load_knowledge

        for stage in load_knowledge().stages:
            names.setdefault(stage.number, (stage.nl, stage.en))
    return dict(sorted(names.items()))


def diff_reports(
    old: Report | Mapping[str, Any],
    new: Report | Mapping[str, Any],
    *,
    old_source: str | None = None,
    new_source: str | None = None,
) -> ReportDiff:
    """Compare two reports of (normally) the same organisation.

    Pillars come in NEW's order (a pillar only OLD has comes last); resolved recommendations in
    OLD's rank order, new ones in NEW's.
    """
    a = report_mapping(old, file=old_source)
    b = report_mapping(new, file=new_source)
    old_pillars = {p["id"]: p for p in a["pillars"]}
    new_pillars = {p["id"]: p for p in b["pillars"]}
    order = list(new_pillars) + [pid for pid in old_pillars if pid not in new_pillars]
    changes = []
    for pid in order:
        po, pn = old_pillars.get(pid), new_pillars.get(pid)
        named = pn or po
        assert named is not None
        changes.append(
            PillarChange(
                id=pid,
                name=str(named.get("name") or pid),
                name_en=str(named.get("name_en") or named.get("name") or pid),
                old_stage=po.get("stage") if po else None,
                old_at_least=po.get("at_least") if po else None,
                new_stage=pn.get("stage") if pn else None,
                new_at_least=pn.get("at_least") if pn else None,
                in_old=po is not None,
                in_new=pn is not None,
            )
        )
    old_recs = _refs(a.get("recommendations", []))
    new_recs = _refs(b.get("recommendations", []))

    def by_rank(refs: Iterable[RecommendationRef]) -> tuple[RecommendationRef, ...]:
        return tuple(sorted(refs, key=lambda r: (r.rank is None, r.rank or 0, r.id)))

    return ReportDiff(
        old_source=old_source,
        new_source=new_source,
        old_organisation=str(a["organisation"].get("name", "")),
        new_organisation=str(b["organisation"].get("name", "")),
        old_knowledge=dict(a["knowledge"]),
        new_knowledge=dict(b["knowledge"]),
        pillars=tuple(changes),
        resolved=by_rank(r for rid, r in old_recs.items() if rid not in new_recs),
        new=by_rank(r for rid, r in new_recs.items() if rid not in old_recs),
        kept=tuple(r.id for r in by_rank(r for rid, r in new_recs.items() if rid in old_recs)),
        stage_names=stage_names(a, b),
    )


_T: dict[str, dict[str, Any]] = {
    "nl": {
        "title": "Vergelijking",
        "old": "oud",
        "new": "nieuw",
        "kb": "kennisbank",
        "facts": "feitenbestand",
        "report": "rapport",
        "knowledge": "Let op: de kennisbank verschilt ({old} → {new}); vergelijk met zorg: de regels zijn veranderd.",
        "other_org": "Let op: de twee rapporten gaan over verschillende organisaties ({old} / {new}).",
        "stages": "Ontwikkelstadium per pijler",
        "undetermined": "onbepaald",
        "at_least": "minstens",
        "absent": "—",
        "change": {
            "up": "▲ hoger",
            "down": "▼ lager",
            "same": "= gelijk",
            "determined": "nu bepaald",
            "undetermined": "nu onbepaald",
            "unclear": "onbepaald",
            "added": "nieuwe pijler",
            "removed": "pijler vervallen",
        },
        "resolved": "Opgelost: aanbevelingen die in oud stonden en in nieuw niet meer ({n})",
        "new_recs": "Nieuw: aanbevelingen die in nieuw staan en in oud niet ({n})",
        "none": "  geen",
        "was": "was nr.",
        "kept": "Ongewijzigd van toepassing: {n} aanbeveling(en) staan in beide.",
    },
    "en": {
        "title": "Comparison",
        "old": "old",
        "new": "new",
        "kb": "knowledge base",
        "facts": "facts file",
        "report": "report",
        "knowledge": "Warning: the knowledge base differs ({old} → {new}); compare with care: the rules changed.",
        "other_org": "Warning: the two reports are about different organisations ({old} / {new}).",
        "stages": "Development stage per pillar",
        "undetermined": "undetermined",
        "at_least": "at least",
        "absent": "—",
        "change": {
            "up": "▲ higher",
            "down": "▼ lower",
            "same": "= same",
            "determined": "now determined",
            "undetermined": "now undetermined",
            "unclear": "undetermined",
            "added": "new pillar",
            "removed": "pillar dropped",
        },
        "resolved": "Resolved: recommendations in old that are no longer in new ({n})",
        "new_recs": "New: recommendations in new that were not in old ({n})",
        "none": "  none",
        "was": "was no.",
        "kept": "Still applying: {n} recommendation(s) appear in both.",
    },
}




def _knowledge_label(knowledge: Mapping[str, Any]) -> str:
    version = knowledge.get("version") or "?"
    sha = str(knowledge.get("sha256") or "")
    return f"{version} (sha256 {sha[:12]}…)" if sha else str(version)


def change_words(lang: str = "nl") -> dict[str, str]:
    """How each :attr:`PillarChange.change` code reads (``up`` -> ``▲ hoger``), as the comparison says it."""
    return dict(_T[lang]["change"])


def radar_stages(report: Mapping[str, Any]) -> dict[str, int | None]:
    """Stage per pillar of a saved report as the radar draws a previous assessment: the stage, or
    where it was not established its lower bound."""
    return {p["id"]: p.get("stage") or p.get("stage_min") or p.get("at_least") for p in report.get("pillars", [])}


def render_diff_text(diff: ReportDiff, lang: str = "nl", *, kinds: tuple[str, str] | None = None) -> str:
    """The comparison as terminal text. ``kinds`` ("facts"/"report" per side) annotates the sources."""
    t = _T[lang]
    names = diff.stage_names
    lines = []
    org = diff.new_organisation if diff.same_organisation else f"{diff.old_organisation} / {diff.new_organisation}"
    lines.append(f"{t['title']} — {org}")
    for label, source, knowledge, kind in (
        (t["old"], diff.old_source, diff.old_knowledge, kinds[0] if kinds else None),
        (t["new"], diff.new_source, diff.new_knowledge, kinds[1] if kinds else None),
    ):
        where = f"{source} ({t[kind]}), " if source and kind else f"{source}, " if source else ""
        lines.append(f"  {label + ':':<7}{where}{t['kb']} {_knowledge_label(knowledge)}")
    if diff.knowledge_changed:
        old_v, new_v = diff.old_knowledge.get("version"), diff.new_knowledge.get("version")
        if old_v == new_v:
            old_v = f"{old_v}, sha256 {str(diff.old_knowledge.get('sha256'))[:12]}…"
            new_v = f"{new_v}, sha256 {str(diff.new_knowledge.get('sha256'))[:12]}…"
        lines.append("")
        lines.append(t["knowledge"].format(old=old_v, new=new_v))
    if not diff.same_organisation:
        if not diff.knowledge_changed:
            lines.append("")
        lines.append(t["other_org"].format(old=diff.old_organisation, new=diff.new_organisation))

    lines.append("")
    lines.append(t["stages"])
    rows = []
    for p in diff.pillars:
        old = stage_text(p.old_stage, p.old_at_least, names, lang) if p.in_old else t["absent"]
        new = stage_text(p.new_stage, p.new_at_least, names, lang) if p.in_new else t["absent"]
        rows.append((p.name if lang == "nl" else p.name_en, old, new, t["change"][p.change]))
    if rows:
        w_name = max(len(r[0]) for r in rows)
        w_old = max(len(r[1]) for r in rows)
        w_new = max(len(r[2]) for r in rows)
        for name, old, new, change in rows:
            lines.append(f"  {name:<{w_name}}  {old:<{w_old}} → {new:<{w_new}}  {change}")

    lines.append("")
    lines.append(t["resolved"].format(n=len(diff.resolved)))
    for ref in diff.resolved:
        title = ref.title if lang == "nl" else ref.title_en
        was = f"  ({t['was']} {ref.rank})" if ref.rank is not None else ""
        lines.append(f"  - {title} [{ref.id}]{was}")
    if not diff.resolved:
        lines.append(t["none"])
    lines.append("")
    lines.append(t["new_recs"].format(n=len(diff.new)))
    for ref in diff.new:
        title = ref.title if lang == "nl" else ref.title_en
        rank = f"{ref.rank:>3}." if ref.rank is not None else "   -"
        lines.append(f"  {rank} {title} [{ref.id}]")
    if not diff.new:
        lines.append(t["none"])
    lines.append("")
    lines.append(t["kept"].format(n=len(diff.kept)))
    return "\n".join(lines) + "\n"
