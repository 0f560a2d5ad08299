"""CLI commands: tracking (registered on the main group by zorgadvies.cli).

``diff`` compares two assessments, ``history`` shows the saved assessments of one organisation and
``batch`` assesses many organisations at once, with an optional peer comparison.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from typing import Any

from .lang import lang_option
from .util import errors_to_exit, rules_option, say, write_binary, write_output
from ..errors import InputError, did_you_mean
from ..facts import DEFAULT_SIZE_THRESHOLD
from ..messages import t as tr

_FORMAT = click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
_LANG = lang_option
_SIZE = click.option(
    "--size-threshold",
    type=click.IntRange(min=1),
    default=DEFAULT_SIZE_THRESHOLD,
    show_default=True,
    help="cli.opt.size_threshold",
)


@click.command(help="cli.diff")
@click.argument("old", type=click.Path(dir_okay=False))
@click.argument("new", type=click.Path(dir_okay=False))
@_FORMAT
@_LANG
@_SIZE
@rules_option
@errors_to_exit
def diff(old: str, new: str, fmt: str, lang: str, size_threshold: int, rules: tuple[str, ...]) -> None:
    from ..tracking import diff_reports, load_side, render_diff_text

    a = load_side(old, rules=rules, size_threshold=size_threshold)
    b = load_side(new, rules=rules, size_threshold=size_threshold)
    result = diff_reports(a.report, b.report, old_source=old, new_source=new)
    if fmt == "json":
        data = result.to_dict()
        data["old"]["kind"], data["new"]["kind"] = a.kind, b.kind
        write_output(json.dumps(data, ensure_ascii=False, indent=2) + "\n", None)
    else:
        write_output(render_diff_text(result, lang, kinds=(a.kind, b.kind)), None)


_HISTORY_T: dict[str, dict[str, Any]] = {
    "nl": {
        "title": "Geschiedenis — {name} ({n} beoordeling(en))",
        "kb": "kennisbank",
        "recs": "aanbevelingen",
        "trend": "Stadium per pijler, oud → nieuw ('?' = onbepaald)",
        "mixed": "Let op: niet alle beoordelingen gebruiken dezelfde kennisbank; vergelijk met zorg: de regels zijn veranderd.",
        "orgs": "Organisaties in {db}",
        "count": "beoordeling(en)",
        "none_db": "no saved assessments yet in {db} (save one with `zorgadvies assess FILE --save`)",
        "none_org": "no saved assessments of '{name}'",
    },
    "en": {
        "title": "History — {name} ({n} assessment(s))",
        "kb": "knowledge base",
        "recs": "recommendations",
        "trend": "Stage per pillar, old → new ('?' = undetermined)",
        "mixed": "Warning: not every assessment used the same knowledge base; compare with care: the rules changed.",
        "orgs": "Organisations in {db}",
        "count": "assessment(s)",
        "none_db": "no saved assessments yet in {db} (save one with `zorgadvies assess FILE --save`)",
        "none_org": "no saved assessments of '{name}'",
    },
}


@click.command(help="cli.history")
@click.argument("organisation", required=False)
@click.option("--db", "db", type=click.Path(dir_okay=False), help="cli.history.db")
@_FORMAT
@_LANG
@errors_to_exit
def history(organisation: str | None, db: str | None, fmt: str, lang: str) -> None:
    from ..history import HistoryEntry, db_label, db_target, list_organisations, load_history

    t = _HISTORY_T[lang]
    target = db_target(db)
    db_path = db_label(target)  # shown in messages (a URL without its password)
    known = list_organisations(target)
    if organisation is None:
        if fmt == "json":
            data: dict[str, Any] = {"db": str(db_path), "organisations": [{"name": n, "assessments": c} for n, c in known]}
            write_output(json.dumps(data, ensure_ascii=False, indent=2) + "\n", None)
            return
        if not known:
            raise InputError(t["none_db"].format(db=db_path))
        width = max(len(n) for n, _ in known)
        lines = [t["orgs"].format(db=db_path)] + [f"  {n:<{width}}  {c:>3} {t['count']}" for n, c in known]
        write_output("\n".join(lines) + "\n", None)
        return

    def damaged(message: str) -> None:
        say(tr("cli_tracking.warning", message=message), err=True)

    entries: list[HistoryEntry] = load_history(organisation, target, on_damaged=damaged)
    if not entries:
        # Forgive case and surrounding spaces when exactly one saved name matches that way.
        loose = [n for n, _ in known if n.casefold().strip() == organisation.casefold().strip()]
        if len(loose) == 1:
            organisation, entries = loose[0], load_history(loose[0], target, on_damaged=damaged)
    if not entries:
        if not known:
            raise InputError(t["none_db"].format(db=db_path))
        raise InputError(t["none_org"].format(name=organisation), file=db_path, hint=did_you_mean(organisation, [n for n, _ in known]))

    latest = entries[-1].report
    pillars = [(p["id"], p.get("name") or p["id"], p.get("name_en") or p.get("name") or p["id"]) for p in latest.get("pillars", [])]
    for entry in entries:  # a pillar only older reports have still gets its row
        for p in entry.report.get("pillars", []):
            if p["id"] not in {pid for pid, _, _ in pillars}:
                pillars.append((p["id"], p.get("name") or p["id"], p.get("name_en") or p.get("name") or p["id"]))
    trend = {pid: [e.stages.get(pid) if pid in e.stages else None for e in entries] for pid, _, _ in pillars}
    mixed = len({(e.knowledge_version, e.knowledge_sha256) for e in entries}) > 1

    if fmt == "json":
        data = {
            "organisation": organisation,
            "db": str(db_path),
            "assessments": [e.to_dict() for e in entries],
            "trend": trend,
            "knowledge_changed": mixed,
        }
        write_output(json.dumps(data, ensure_ascii=False, indent=2) + "\n", None)
        return

    lines = [t["title"].format(name=organisation, n=len(entries))]
    for number, entry in enumerate(entries, start=1):
        when = entry.saved_at.replace("T", " ").removesuffix("Z")[:16] + " UTC"
        recs = len(entry.report.get("recommendations", []))
        lines.append(f"  {number:>3}. {when}   {t['kb']} {entry.knowledge_version}   {recs} {t['recs']}")
    if mixed:
        lines.append("")
        lines.append(t["mixed"])
    lines.append("")
    lines.append(t["trend"])
    names = [(name if lang == "nl" else name_en) for _, name, name_en in pillars]
    width = max((len(n) for n in names), default=0)
    for (pid, _, _), name in zip(pillars, names):
        steps = " → ".join("?" if s is None else str(s) for s in trend[pid])
        lines.append(f"  {name:<{width}}  {steps}")
    write_output("\n".join(lines) + "\n", None)


_BATCH_T: dict[str, dict[str, Any]] = {
    "nl": {
        "progress": "Beoordelen",
        "summary": "{ok} van {n} organisaties beoordeeld, {failed} mislukt; resultaten in {out}",
    },
    "en": {
        "progress": "Assessing",
        "summary": "{ok} of {n} organisations assessed, {failed} failed; results in {out}",
    },
}


@click.command(help="cli.batch")
@click.argument("source", type=click.Path(exists=True))
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False), help="cli.batch.out")
@click.option("--jobs", type=click.IntRange(min=1), help="cli.batch.jobs")
@click.option("--peer", help="cli.batch.peer")
@click.option(
    "--min-group",
    type=click.IntRange(min=2),
    default=5,
    show_default=True,
    help="cli.batch.min_group",
)
@_LANG
@_SIZE
@rules_option
@errors_to_exit
def batch(
    source: str,
    out: str,
    jobs: int | None,
    peer: str | None,
    min_group: int,
    lang: str,
    size_threshold: int,
    rules: tuple[str, ...],
) -> None:
    from ..batch import collect_inputs, peer_view, render_peers_text, results_to_csv, results_to_json, run_batch
    from ..knowledge import load_knowledge

    suffix = Path(out).suffix.lower()
    if suffix not in (".csv", ".json", ".xlsx"):
        raise click.BadParameter(tr("cli_tracking.output_file_must_end"), param_hint="'--out'")
    t = _BATCH_T[lang]
    kb = load_knowledge()
    items = collect_inputs(source, kb, exclude=[out])
    with click.progressbar(length=len(items), label=t["progress"], file=sys.stderr) as bar:
        results = run_batch(items, jobs=jobs, rules=rules, size_threshold=size_threshold, progress=bar.update)
    for result in results:
        if result.error:
            say(result.error, err=True)

    names = {p.id: (p.nl, p.en) for p in kb.pillars}
    view = peer_view(results, peer, min_group=min_group, pillar_names=names)
    if suffix == ".xlsx":  # a sheet per view (zorgadvies/batch_xlsx.py)
        from ..batch_xlsx import results_to_xlsx
        write_binary(results_to_xlsx(results, view, lang), out, inputs=[source])
    else:
        text = results_to_json(results, view) if suffix == ".json" else results_to_csv(results)
        write_output(text, out, inputs=[source])
    failed = sum(1 for r in results if not r.ok)
    say(t["summary"].format(ok=len(results) - failed, n=len(results), failed=failed, out=out), err=True)
    if peer is not None:
        write_output(render_peers_text(view, lang), None)
    if any(r.internal for r in results):
        sys.exit(1)
    if failed or view.get("peer_error"):
        sys.exit(2)


def register(group: click.Group) -> None:
    """Add this module's commands to group."""
    for command in (diff, history, batch):
        group.add_command(command)
