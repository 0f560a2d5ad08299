"""Assess many organisations at once, and compare one organisation with the group.

Input is a folder of facts files (every ``*.yaml``, ``*.yml`` and ``*.json``, sorted by name) or a CSV
file with one organisation per row (:func:`read_csv`, format in docs/tracking.md). In a folder, a
sub-folder that holds filled-in questionnaire workbooks (``*.xlsx``) is one organisation whose
respondents are those workbooks, read as ``zorgadvies assess SUBFOLDER`` reads them (optionally with
one facts file beside them for the organisation part; see zorgadvies.workbook and
docs/tracking.md). Each organisation
is assessed on its own, in worker processes when there is more than one job; a bad file or row gives
an error result and the rest go on. Results keep the input order whatever order they complete in,
so the output of a batch is the same for any number of jobs.

The peer view (:func:`peer_view`) gives the distribution of stages per pillar over the batch and
where one organisation stands; it is only given for a group of at least ``min_group``
organisations, so that no single organisation can be picked out of it.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import multiprocessing
import os
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

import attrs

from .errors import InputError, ZorgadviesError, did_you_mean
from .facts import DEFAULT_SIZE_THRESHOLD
from .yamlio import read_bounded
from .knowledge import PILLAR_IDS, KnowledgeBase
from .messages import t as tr

__all__ = [
    "BatchItem",
    "BatchResult",
    "DEFAULT_MIN_GROUP",
    "FACTS_SUFFIXES",
    "collect_inputs",
    "default_jobs",
    "peer_view",
    "read_csv",
    "render_peers_text",
    "results_to_csv",
    "results_to_json",
    "run_batch",
    "spreadsheet_safe",
    "summarise",
]

FACTS_SUFFIXES = (".yaml", ".yml", ".json")
WORKBOOK_SUFFIX = ".xlsx"
#: Smallest group for which the peer view is shown.
DEFAULT_MIN_GROUP = 5
TOP_N = 3


@attrs.frozen
class BatchItem:
    """One organisation to assess: a facts file or a mapping (a CSV row), and how to name it.

    ``source`` names it in messages (``path`` or ``file.csv:7``). ``error`` is set when the item
    could not even be read (a malformed CSV row); it is then reported without being assessed.
    """

    source: str
    data: str | Mapping[str, Any] | None
    name: str | None = None
    error: str | None = None


@attrs.frozen
class BatchResult:
    """The outcome for one item: ``summary`` (see :func:`summarise`) or a one-line ``error``.

    ``internal`` marks an unexpected failure (a bug), as opposed to bad input.
    """

    source: str
    summary: Mapping[str, Any] | None
    error: str | None = None
    name: str | None = None
    internal: bool = False

    @property
    def ok(self) -> bool:
        return self.error is None


def summarise(report: Any) -> dict[str, Any]:
    """The part of a Report a batch keeps: organisation, stages, recommendation count and top 3."""
    org = report.organisation
    return {
        "name": org["name"],
        "sector": org.get("sector"),
        "employees": org.get("employees"),
        "size_class": org.get("size_class"),
        "stages": {p.id: p.stage for p in report.pillars},
        "at_least": {p.id: p.at_least for p in report.pillars},
        "recommendations": len(report.recommendations),
        "top": [r.id for r in report.recommendations[:TOP_N]],
        "knowledge": {"version": report.knowledge_version, "sha256": report.knowledge_sha256},
    }


def _message(exc: ZorgadviesError, source: str) -> str:
    """One line that starts with where the problem is (``file:line: message``)."""
    return str(exc) if exc.file else f"{source}: {exc}"


def _assess_item(
    data: str | Mapping[str, Any], source: str, rules: tuple[str, ...], size_threshold: int
) -> tuple[dict[str, Any] | None, str | None, bool]:
    """Worker: assess one item. Returns (summary, error, internal); never raises."""
    import zorgadvies

    try:
        report = zorgadvies.assess(data, rules=rules, size_threshold=size_threshold)
        return summarise(report), None, False
    except ZorgadviesError as exc:
        return None, _message(exc, source), False
    except Exception as exc:  # noqa: BLE001 - one bad item must not stop the batch
        return None, tr("batch.internal_error", source=source, error=f"{type(exc).__name__}: {' '.join(str(exc).split())}"), True


def _assess_chunk(
    chunk: list[tuple[str | Mapping[str, Any], str]], rules: tuple[str, ...], size_threshold: int
) -> list[tuple[dict[str, Any] | None, str | None, bool]]:
    """Worker: assess a chunk of items, in order."""
    return [_assess_item(data, source, rules, size_threshold) for data, source in chunk]


def _warm(rules: tuple[str, ...]) -> None:
    """Worker start-up: build the shared Advisor once, before the first item arrives."""
    from .api import advisor

    advisor(rules)


def _context() -> Any:
    """fork on Linux: the workers inherit the built Advisor and start at once. Forking is safe
    here because the engine runs no background threads and resets its lock in the child (see
    engine.py); elsewhere spawn, the platform's safe default."""
    if sys.platform == "linux":
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def run_batch(
    items: Sequence[BatchItem],
    *,
    jobs: int | None = None,
    rules: str | Path | Iterable[str | Path] = (),
    size_threshold: int = DEFAULT_SIZE_THRESHOLD,
    progress: Callable[[int], None] | None = None,
) -> list[BatchResult]:
    """Assess every item; results in input order.

    ``jobs`` worker processes (default: every core; never more than there are items). With one job
    everything runs in this process. ``progress`` is called with 1 after each item completes.
    """
    from .api import rule_folders

    rules_key = tuple(str(Path(r).resolve()) for r in rule_folders(rules))
    results: list[BatchResult | None] = [None] * len(items)
    todo: list[int] = []
    payloads: dict[int, str | Mapping[str, Any]] = {}
    for i, item in enumerate(items):
        if item.error is not None or item.data is None:
            results[i] = BatchResult(item.source, None, item.error or tr("batch.nothing_to_assess", source=item.source), item.name)
            if progress:
                progress(1)
        else:
            todo.append(i)
            payloads[i] = item.data

    def store(i: int, outcome: tuple[dict[str, Any] | None, str | None, bool]) -> None:
        summary, error, internal = outcome
        name = summary["name"] if summary else items[i].name
        results[i] = BatchResult(items[i].source, summary, error, name, internal)
        if progress:
            progress(1)

    workers = min(jobs or default_jobs(), len(todo))
    if workers <= 1:
        for i in todo:
            store(i, _assess_item(payloads[i], items[i].source, rules_key, size_threshold))
    else:
        # Chunks, not one task per item: the per-task round trip costs about as much as an
        # assessment. Four chunks per worker keep the progress bar moving.
        size = max(1, min(50, len(todo) // (workers * 4)))
        chunks = [todo[k : k + size] for k in range(0, len(todo), size)]
        with ProcessPoolExecutor(max_workers=workers, mp_context=_context(), initializer=_warm, initargs=(rules_key,)) as pool:
            futures = {
                pool.submit(_assess_chunk, [(payloads[i], items[i].source) for i in chunk], rules_key, size_threshold): chunk
                for chunk in chunks
            }
            from concurrent.futures import as_completed

            for future in as_completed(futures):
                chunk = futures[future]
                try:
                    outcomes = future.result()
                except BrokenProcessPool:
                    outcomes = [(None, tr("batch.worker_stopped", source=items[i].source), True) for i in chunk]
                for i, outcome in zip(chunk, outcomes):
                    store(i, outcome)
    return [r for r in results if r is not None]


# --------------------------------------------------------------------------------------------
# Input


def collect_inputs(path: str | Path, kb: KnowledgeBase | None = None, *, exclude: Iterable[str | Path] = ()) -> list[BatchItem]:
    """The items in ``path``: a folder of facts files or a CSV file (which needs ``kb``).

    In a folder, each facts file is one organisation, and so is each sub-folder that holds at least
    one questionnaire workbook (``*.xlsx``): its workbooks are the respondents, beside at most one
    facts file with the organisation part. Other sub-folders are skipped. Files and folders whose
    name starts with a dot are skipped, and so are the paths in ``exclude`` (the batch's own
    output, so that a second run does not read the first run's result). Items are in order of name.

    Raises
    ------
    InputError
        When ``path`` is neither, is empty, or the CSV header is unusable.
    """
    root = Path(path)
    if root.is_dir():
        skip = {Path(p).resolve() for p in exclude}
        files = sorted(
            (
                p
                for p in root.iterdir()
                if not p.name.startswith(".")
                and p.resolve() not in skip
                and ((p.is_file() and p.suffix.lower() in FACTS_SUFFIXES) or _is_workbook_folder(p))
            ),
            key=lambda p: p.name,
        )
        if not files:
            raise InputError(tr("batch.folder_holds_no_facts"), file=str(root))
        return [BatchItem(str(p), str(p)) for p in files]
    if not root.exists():
        raise InputError(tr("batch.no_such_file_folder"), file=str(root))
    if root.suffix.lower() != ".csv":
        raise InputError(tr("batch.give_folder_facts_files"), file=str(root))
    if kb is None:
        from .knowledge import load_knowledge

        kb = load_knowledge()
    return read_csv(root, kb)


def _is_workbook_folder(path: Path) -> bool:
    """A sub-folder of a batch folder that is one organisation: it holds a workbook (``*.xlsx``)."""
    if not path.is_dir() or path.is_symlink():
        return False
    try:
        return any(p.suffix.lower() == WORKBOOK_SUFFIX and not p.name.startswith((".", "~$")) and p.is_file() for p in path.iterdir())
    except OSError:  # an unreadable folder (lost+found, chmod 000) is not one of the organisations
        return False


_ORG_COLUMNS = ("name", "sector", "employees")


#: The largest CSV file read (a row is about a kilobyte: room for tens of thousands).
MAX_CSV_BYTES = 64 * 2**20


def _decode(path: Path) -> str:
    raw = read_bounded(path, MAX_CSV_BYTES, make_error=InputError, what=tr("batch.what_csv"))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError(
            tr("batch.utf_8_text_excel"), file=str(path), line=line
        ) from None


def _delimiter(header_line: str) -> str:
    # Excel with Dutch settings writes ';', most other tools ','; a tab-separated export also works.
    counts = {d: header_line.count(d) for d in (",", ";", "\t")}
    return max(counts, key=lambda d: (counts[d], d == ","))


def read_csv(path: str | Path, kb: KnowledgeBase) -> list[BatchItem]:
    """One item per data row of a CSV file: columns ``name``, ``sector``, ``employees``, then
    question ids. An empty cell is an unanswered question. A row that cannot be read becomes an item
    with an ``error``; a bad header raises.

    Raises
    ------
    InputError
        For a file that is not UTF-8, has no header, lacks ``name`` or has an unknown column.
    """
    path = Path(path)
    name = str(path)
    text = _decode(path)
    if not text.strip():
        raise InputError(tr("batch.file_empty"), file=name)
    first = text.lstrip("\r\n").splitlines()[0]
    delimiter = _delimiter(first)
    # Physical lines (universal newlines, kept), so that a row that cannot be parsed is skipped
    # and reading starts again after it: one bad row never hides or stops the rows after it.
    lines = io.StringIO(text, newline="").readlines()
    header: list[str] | None = None
    header_line = 0
    items: list[BatchItem] = []
    pos = 0  # index of the first line the current reader reads
    while pos < len(lines):
        reader = csv.reader(itertools.islice(lines, pos, None), delimiter=delimiter, strict=True)
        previous = 0
        try:
            for row in reader:
                start, previous = pos + previous + 1, reader.line_num
                if not any(cell.strip() for cell in row):
                    continue
                if header is None:
                    header, header_line = [cell.strip() for cell in row], start
                    _check_header(header, kb, name, header_line)
                    continue
                items.append(_row_item(row, header, kb, f"{name}:{start}"))
            break
        except csv.Error as exc:
            start = pos + previous + 1
            if header is None:
                raise InputError(tr("batch.malformed_csv_header", exc=_csv_problem(exc)), file=name, line=start) from None
            source = f"{name}:{start}"
            items.append(BatchItem(source, None, None, tr("batch.malformed_csv_row", source=source, problem=_csv_problem(exc))))
            # Go on at the physical line after the bad record's first line: an unterminated quote
            # reaches the end of the file, and every row it swallowed is read again.
            pos = start
    if header is None:
        raise InputError(tr("batch.file_empty"), file=name)
    if not items:
        raise InputError(tr("batch.file_has_header_but"), file=name, line=header_line)
    return items


def _csv_problem(exc: csv.Error) -> str:
    text = str(exc)
    if "field larger than field limit" in text:
        return tr("batch.cell_too_long", kb=csv.field_size_limit() // 1024)
    if "unexpected end of data" in text or "EOF" in text:
        return tr("batch.quote_not_closed")
    return text


def _check_header(header: list[str], kb: KnowledgeBase, file: str, line: int) -> None:
    seen: set[str] = set()
    for column, title in enumerate(header, start=1):
        if not title:
            continue  # an unnamed column may only hold empty cells (checked per row)
        if title in seen:
            raise InputError(tr("batch.column_appears_twice", title=title), file=file, line=line)
        seen.add(title)
        if title not in _ORG_COLUMNS and title not in kb.questions:
            hint = did_you_mean(title, [*_ORG_COLUMNS, *kb.questions])
            raise InputError(
                tr("batch.column_neither_name_sector", column=column, title=title), file=file, line=line, hint=hint
            )
    if "name" not in seen:
        raise InputError(tr("batch.header_needs_name_column"), file=file, line=line)


def _row_item(row: list[str], header: list[str], kb: KnowledgeBase, source: str) -> BatchItem:
    cells = {title: (row[i].strip() if i < len(row) else "") for i, title in enumerate(header) if title}
    org_name = cells.get("name") or None
    extra = [i + 1 for i in range(len(row)) if (i >= len(header) or not header[i]) and row[i].strip()]
    if extra:
        return BatchItem(source, None, org_name, tr("batch.cell_without_column", source=source, column=extra[0]))
    if org_name is None:
        return BatchItem(source, None, None, tr("batch.name_cell_empty", source=source))
    organisation: dict[str, Any] = {}
    if org_name is not None:
        organisation["name"] = org_name
    if cells.get("sector"):
        organisation["sector"] = cells["sector"]
    if cells.get("employees"):
        organisation["employees"] = _number(cells["employees"])
    answers: dict[str, Any] = {}
    for title, value in cells.items():
        if title in _ORG_COLUMNS or not value:
            continue
        question = kb.questions[title]
        answers[title] = _number(value) if question.type == "integer" else value
    return BatchItem(source, {"organisation": organisation, "answers": answers}, org_name)


def _number(text: str) -> int | str:
    """A whole number when the cell holds one; else the text, so validation names what is wrong."""
    try:
        return int(text)
    except ValueError:
        return text


# --------------------------------------------------------------------------------------------
# Output


def _csv_columns() -> list[str]:
    return [
        "source",
        "name",
        "sector",
        "employees",
        "size_class",
        *PILLAR_IDS,
        "recommendations",
        *(f"top_{i}" for i in range(1, TOP_N + 1)),
        "error",
    ]


def _stage_cell(stage: int | None) -> str:
    return "?" if stage is None else str(stage)


#: A cell that starts with one of these is a formula to a spreadsheet (OWASP, "CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: object) -> object:
    """A text cell that a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


class _SafeWriter:
    """csv.writer whose every text cell goes through :func:`spreadsheet_safe`."""

    def __init__(self, out: io.StringIO) -> None:
        self._writer = csv.writer(out, lineterminator="\n")

    def writerow(self, row: Iterable[object]) -> None:
        self._writer.writerow([spreadsheet_safe(cell) for cell in row])


def results_to_csv(results: Sequence[BatchResult]) -> str:
    """One row per item, in input order; a failed item has only source, name and error.

    Text cells that start with ``= + - @``, a tab or a carriage return are prefixed with ``'`` so
    that a spreadsheet shows them instead of running them (docs/tracking.md).
    """
    out = io.StringIO()
    writer = _SafeWriter(out)
    writer.writerow(_csv_columns())
    for result in results:
        s = result.summary
        if s is None:
            blanks = [""] * (3 + len(PILLAR_IDS) + 1 + TOP_N)
            writer.writerow([result.source, result.name or "", *blanks, result.error])
            continue
        top = list(s["top"]) + [""] * (TOP_N - len(s["top"]))
        writer.writerow(
            [
                result.source,
                s["name"],
                s["sector"] or "",
                "" if s["employees"] is None else s["employees"],
                s["size_class"] or "",
                *(_stage_cell(s["stages"].get(pid)) if pid in s["stages"] else "" for pid in PILLAR_IDS),
                s["recommendations"],
                *top,
                "",
            ]
        )
    return out.getvalue()


def _result_dict(result: BatchResult) -> dict[str, Any]:
    s = result.summary
    if s is None:
        return {
            "source": result.source,
            "name": result.name,
            "sector": None,
            "employees": None,
            "size_class": None,
            "stages": None,
            "recommendations": None,
            "top": [],
            "error": result.error,
        }
    return {
        "source": result.source,
        "name": s["name"],
        "sector": s["sector"],
        "employees": s["employees"],
        "size_class": s["size_class"],
        "stages": dict(s["stages"]),
        "recommendations": s["recommendations"],
        "top": list(s["top"]),
        "error": None,
    }


def results_to_json(results: Sequence[BatchResult], peers: Mapping[str, Any]) -> str:
    """``{"knowledge", "organisations": [...], "peers"}``; organisations in input order."""
    knowledge = next((r.summary["knowledge"] for r in results if r.summary is not None), None)
    data = {
        "knowledge": knowledge,
        "organisations": [_result_dict(r) for r in results],
        "peers": dict(peers),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# --------------------------------------------------------------------------------------------
# Peer view


def peer_view(
    results: Sequence[BatchResult],
    peer: str | None = None,
    *,
    min_group: int = DEFAULT_MIN_GROUP,
    pillar_names: Mapping[str, tuple[str, str]] | None = None,
) -> dict[str, Any]:
    """The distribution of stages per pillar over the assessed organisations, and ``peer``'s place.

    The group is every organisation in the batch that was assessed. Below ``min_group`` only the
    group size is given (``shown`` false). ``position`` (when ``peer`` is given and found) counts the
    *other* organisations below, at and above the peer's stage per pillar; organisations whose
    stage is undetermined are counted apart. ``peer_error`` says why a position is missing.

    Raises
    ------
    ValueError
        When ``min_group`` is below 1.
    """
    if min_group < 1:
        raise ValueError("min_group must be at least 1")
    group = [r for r in results if r.summary is not None]
    view: dict[str, Any] = {"group_size": len(group), "min_group": min_group, "shown": len(group) >= min_group}
    def same(name: object) -> bool:
        # As `zorgadvies history` does: case and surrounding spaces do not matter.
        return isinstance(name, str) and peer is not None and name.casefold().strip() == peer.casefold().strip()

    found = [r for r in group if same(r.summary["name"])] if peer is not None else []  # type: ignore[index]
    view["peer"] = peer
    if peer is not None and not found:
        failed = any(same(r.name) for r in results if r.summary is None)
        if failed:
            view["peer_error"] = "not_assessed"
        else:
            view["peer_error"] = "not_found"
            view["peer_hint"] = did_you_mean(peer, sorted({r.summary["name"] for r in group}))  # type: ignore[index]
    elif len(found) > 1:
        view["peer_error"] = "ambiguous"
    if not view["shown"]:
        view["pillars"] = None
        view["position"] = None
        return view
    me = found[0].summary if len(found) == 1 else None
    pillars = []
    position = []
    for pid in PILLAR_IDS:
        stages = [r.summary["stages"].get(pid) for r in group]  # type: ignore[index]
        counts = {str(n): sum(1 for s in stages if s == n) for n in (1, 2, 3, 4)}
        counts["undetermined"] = sum(1 for s in stages if s is None)
        names = (pillar_names or {}).get(pid, (pid, pid))
        pillars.append({"id": pid, "name": names[0], "name_en": names[1], "counts": counts})
        if me is not None:
            own = me["stages"].get(pid)
            others = [r.summary["stages"].get(pid) for r in group if r is not found[0]]  # type: ignore[index]
            known = [s for s in others if s is not None]
            entry: dict[str, Any] = {"id": pid, "stage": own}
            if own is None:
                entry |= {"below": None, "same": None, "above": None}
            else:
                entry |= {
                    "below": sum(1 for s in known if s < own),
                    "same": sum(1 for s in known if s == own),
                    "above": sum(1 for s in known if s > own),
                }
            entry["undetermined"] = len(others) - len(known)
            position.append(entry)
    view["pillars"] = pillars
    view["position"] = {"name": me["name"], "pillars": position} if me is not None else None
    return view


_T: dict[str, dict[str, Any]] = {
    "nl": {
        "title": "Vergelijking met de groep — {name}",
        "group": "De groep: {n} beoordeelde organisaties in deze batch.",
        "small": (
            "De groep telt {n} organisatie(s); een vergelijking wordt pas getoond vanaf {min}, zodat geen enkele "
            "organisatie herkenbaar is. Vergroot de groep of verlaag --min-group bewust."
        ),
        "head": ("Pijler", "Eigen", "lager / gelijk / hoger", "organisaties per stadium"),
        "undet_own": "onbepaald",
        "undet_others": "{k} onbepaald",
        "note": "De aantallen per stadium tellen de hele groep, {name} inbegrepen; lager / gelijk / hoger telt alleen de andere organisaties. '?' = onbepaald.",
        "note_all": "De aantallen per stadium tellen de hele groep. '?' = onbepaald.",
        "not_found": "'{name}' staat niet in deze batch.",
        "not_assessed": "'{name}' kon niet worden beoordeeld (zie de fout hierboven).",
        "ambiguous": "'{name}' komt meer dan eens voor in deze batch; geef elke organisatie een eigen naam.",
        "hint": " Bedoelt u '{hint}'?",
    },
    "en": {
        "title": "Peer comparison — {name}",
        "group": "The group: {n} assessed organisations in this batch.",
        "small": (
            "The group holds {n} organisation(s); the comparison is only shown from {min} upward, so that no single "
            "organisation can be singled out. Enlarge the group or lower --min-group on purpose."
        ),
        "head": ("Pillar", "Own", "lower / same / higher", "organisations per stage"),
        "undet_own": "undetermined",
        "undet_others": "{k} undetermined",
        "note": "The numbers per stage count the whole group, {name} included; lower / same / higher counts only the other organisations. '?' = undetermined.",
        "note_all": "The numbers per stage count the whole group. '?' = undetermined.",
        "not_found": "'{name}' is not in this batch.",
        "not_assessed": "'{name}' could not be assessed (see the error above).",
        "ambiguous": "'{name}' appears more than once in this batch; give each organisation its own name.",
        "hint": " Did you mean '{hint}'?",
    },
}


def render_peers_text(view: Mapping[str, Any], lang: str = "nl") -> str:
    """The peer view as terminal text (for ``--peer``)."""
    t = _T[lang]
    peer = view.get("peer") or ""
    lines = [t["title"].format(name=peer)]
    error = view.get("peer_error")
    if error:
        message = t[error].format(name=peer)
        if view.get("peer_hint"):
            message += t["hint"].format(hint=view["peer_hint"])
        lines.append(message)
    if not view["shown"]:
        lines.append(t["small"].format(n=view["group_size"], min=view["min_group"]))
        return "\n".join(lines) + "\n"
    lines.append(t["group"].format(n=view["group_size"]))
    lines.append("")
    position = {p["id"]: p for p in view["position"]["pillars"]} if view.get("position") else {}
    names = [(p["name"] if lang == "nl" else p["name_en"]) for p in view["pillars"]]
    width = max(len(n) for n in names + [t["head"][0]])
    lines.append(f"  {'':<{width}}  {t['head'][3]}")
    head = f"  {t['head'][0]:<{width}}  " + "  ".join(f"{k:>3}" for k in ("1", "2", "3", "4", "?"))
    if position:
        head += f"   {t['head'][1]:<6}  {t['head'][2]}"
    lines.append(head)
    for pillar, name in zip(view["pillars"], names):
        c = pillar["counts"]
        row = f"  {name:<{width}}  " + "  ".join(f"{c[k]:>3}" for k in ("1", "2", "3", "4", "undetermined"))
        pos = position.get(pillar["id"])
        if pos is not None:
            if pos["stage"] is None:
                row += f"   {'?':<6}  {t['undet_own']}"
            else:
                row += f"   {pos['stage']:<6}  {pos['below']} / {pos['same']} / {pos['above']}"
                if pos["undetermined"]:
                    row += f"  ({t['undet_others'].format(k=pos['undetermined'])})"
        lines.append(row.rstrip())
    lines.append("")
    lines.append(t["note"].format(name=view["position"]["name"]) if position else t["note_all"])
    return "\n".join(lines) + "\n"
