"""The questionnaire as an Excel workbook, and filled-in workbooks read back as respondents.

:func:`questionnaire_workbook` writes a workbook a respondent fills in with nothing but a spreadsheet
program: sheet ``Vragenlijst`` has one row per question in interview order (the question, its help
text, the answer as a drop-down of the Dutch answer texts, a notes column); sheet ``Gegevens`` holds
the organisation and asks the respondent's name; a hidden sheet ``Keuzes`` holds the drop-down
lists. The sheets are protected (only the answer, notes and name cells can be edited) and so is the
workbook's structure; the protection has no password, so it guards against slips, not against
intent: :func:`read_workbook` therefore checks everything again and refuses a workbook whose
structure was changed, naming the sheet, the cell and the reason.

Several workbooks of one organisation (one per respondent) become one facts mapping with
``respondents:`` (:func:`facts_from_workbooks`), combined like any other respondents
(docs/respondents.md). The notes become ``toelichting:`` (``Naam: note`` per respondent).
"""

from __future__ import annotations

import datetime
import io
import re
import zipfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from .errors import InputError
from .knowledge import KnowledgeBase, Question
from .messages import t

__all__ = [
    "ANSWER_SHEET",
    "INFO_SHEET",
    "SPECIAL_LABELS",
    "answer_labels",
    "facts_from_workbooks",
    "questionnaire_workbook",
    "read_workbook",
]

ANSWER_SHEET = "Vragenlijst"
INFO_SHEET = "Gegevens"
CHOICE_SHEET = "Keuzes"
HEADER = ("Code", "Nr.", "Onderwerp", "Vraag", "Uitleg", "Antwoord", "Toelichting")
ANSWER_COL, NOTE_COL = 6, 7  # F and G
#: The Dutch answer texts of the two answers every question allows.
SPECIAL_LABELS = {"onbekend": "Weet ik niet", "nvt": "Niet van toepassing"}
_BOOLEAN = {"ja": "Ja", "nee": "Nee"}
_INFO_ROWS = ("Organisatie", "Kennisbank", "Uw naam", "Uw rol (optioneel)")
_MAX_BYTES = 5 * 1024 * 1024
_MAX_UNPACKED = 50 * 1024 * 1024


def answer_labels(question: Question) -> dict[str, str]:
    """Answer value -> Dutch answer text, in drop-down order (the special answers last)."""
    if question.type == "boolean":
        labels = dict(_BOOLEAN)
    else:
        labels = {c.id: c.nl for c in question.values}
    return labels | SPECIAL_LABELS


def _topic(kb: KnowledgeBase, question: Question) -> str:
    names = [kb.pillar(p).nl for p in question.informs if p in {x.id for x in kb.pillars}]
    return ", ".join(names)


def questionnaire_workbook(kb: KnowledgeBase, organisation: str = "") -> bytes:
    """The questionnaire workbook (xlsx bytes) for ``organisation`` (may be filled in later)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    sheet = book.active
    sheet.title = ANSWER_SHEET
    info = book.create_sheet(INFO_SHEET)
    choices = book.create_sheet(CHOICE_SHEET)
    choices.sheet_state = "hidden"

    bold = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    editable = PatternFill("solid", fgColor="FFF8DC")
    sheet.append(list(HEADER))
    for cell in sheet[1]:
        cell.font = bold
    for width, letter in zip((22, 5, 20, 50, 60, 45, 40), "ABCDEFG"):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "D2"
    for row, (qid, question) in enumerate(kb.questions.items(), start=2):
        labels = list(answer_labels(question).values())
        column = row - 1  # one column of Keuzes per question
        for i, label in enumerate(labels, start=1):
            choices.cell(row=i, column=column, value=label)
        letter = choices.cell(row=1, column=column).column_letter
        validation = DataValidation(
            type="list",
            formula1=f"={CHOICE_SHEET}!${letter}$1:${letter}${len(labels)}",
            allow_blank=True,
            showErrorMessage=True,
            errorTitle="Ongeldig antwoord",
            error="Kies een antwoord uit de lijst.",
        )
        sheet.add_data_validation(validation)
        sheet.append([qid, row - 1, _topic(kb, question), question.nl, question.help_nl, None, None])
        validation.add(sheet.cell(row=row, column=ANSWER_COL))
        for cell in sheet[row]:
            cell.alignment = wrap
        for col in (ANSWER_COL, NOTE_COL):
            sheet.cell(row=row, column=col).protection = Protection(locked=False)
            sheet.cell(row=row, column=col).fill = editable
    sheet.column_dimensions["A"].hidden = False  # the code stays visible: it is how answers are matched
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False  # respondents may widen columns
    sheet.protection.formatRows = False

    info.column_dimensions["A"].width = 22
    info.column_dimensions["B"].width = 50
    for row, (label, value) in enumerate(zip(_INFO_ROWS, (organisation or None, kb.version, None, None)), start=1):
        info.cell(row=row, column=1, value=label).font = bold
        info.cell(row=row, column=2, value=value)
    for row in (1, 3, 4):
        info.cell(row=row, column=2).protection = Protection(locked=False)
        info.cell(row=row, column=2).fill = editable
    info.protection.sheet = True
    choices.protection.sheet = True
    book.security.lockStructure = True  # no sheets added, removed, renamed or unhidden
    fixed = datetime.datetime(2000, 1, 1)
    book.properties.created = book.properties.modified = fixed
    out = io.BytesIO()
    book.save(out)
    return _fixed_zip_times(out.getvalue())


# openpyxl stamps dcterms:modified with the clock at save time, whatever the
# workbook's properties say; the stamp is replaced so equal input gives equal bytes.
_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def _fixed_zip_times(data: bytes) -> bytes:
    """The same archive with every entry dated 1980-01-01 and a fixed modified stamp: the same workbook, the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "docProps/core.xml":
                body = _MODIFIED.sub(rb"\g<1>2000-01-01T00:00:00Z\g<2>", body)
            dst.writestr(zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0)), body, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _fail(file: str, sheet: str, cell: str, reason: str, hint: str | None = None) -> InputError:
    return InputError(t("workbook.message", sheet=sheet, cell=cell, reason=reason), file=file, hint=hint)


def _open(source: Path | bytes, name: str) -> Any:
    from openpyxl import load_workbook

    if isinstance(source, bytes):
        size = len(source)
    else:
        try:
            size = source.stat().st_size
        except OSError as exc:
            raise InputError(t("workbook.cannot_read_workbook", strerror=exc.strerror), file=name) from None
    if size > _MAX_BYTES:
        raise InputError(t("workbook.workbook_kb_questionnaire_far", value=size // 1024), file=name)
    file = io.BytesIO(source) if isinstance(source, bytes) else source
    try:
        with zipfile.ZipFile(file) as archive:  # a zip bomb is refused before openpyxl unpacks it
            if sum(i.file_size for i in archive.infolist()) > _MAX_UNPACKED:
                raise InputError(t("workbook.workbook_unpacks_more_than"), file=name)
        return load_workbook(io.BytesIO(source) if isinstance(source, bytes) else source, data_only=True)
    except InputError:
        raise
    except Exception as exc:  # openpyxl raises many kinds for a damaged or foreign file
        raise InputError(t("workbook.excel_workbook_xlsx_zorgadvies", type_name=type(exc).__name__), file=name) from None


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def read_workbook(path: str | Path | bytes, kb: KnowledgeBase, *, name: str | None = None) -> dict[str, Any]:
    """One filled-in workbook as ``{organisation, name, role, answers, notes}`` (canonical values).

    ``path`` is a file, or the workbook's bytes (an upload: ``name`` is then what errors call it).
    Refuses, naming the sheet, the cell and the reason, a workbook whose sheets, header, question
    codes or order were changed, or an answer that is not one of the question's answer texts.
    Empty answers are left out (unknown).
    """
    source = path if isinstance(path, bytes) else Path(path)
    name = name or str(source if isinstance(source, Path) else "werkmap.xlsx")
    book = _open(source, name)
    for sheet_name in (ANSWER_SHEET, INFO_SHEET):
        if sheet_name not in book.sheetnames:
            raise _fail(name, sheet_name, "A1", t("workbook.this_sheet_missing_zorgadvies"))
    sheet, info = book[ANSWER_SHEET], book[INFO_SHEET]
    for col, expected in enumerate(HEADER, start=1):
        got = _text(sheet.cell(row=1, column=col).value)
        if got != expected:
            cell = sheet.cell(row=1, column=col).coordinate
            raise _fail(name, ANSWER_SHEET, cell, t("workbook.header_says_expected", got=got, expected=expected))
    for row, label in enumerate(_INFO_ROWS, start=1):
        if _text(info.cell(row=row, column=1).value) != label:
            raise _fail(name, INFO_SHEET, f"A{row}", t("workbook.expected", label=label))
    organisation = _text(info["B1"].value)
    if not organisation:
        raise _fail(name, INFO_SHEET, "B1", t("workbook.organisation_name_empty"))
    respondent = _text(info["B3"].value)
    if not respondent:
        raise _fail(name, INFO_SHEET, "B3", t("workbook.respondent_name_empty"))
    role = _text(info["B4"].value) or None
    if role is not None:
        from .facts import ROLES

        if role.lower() not in ROLES:
            raise _fail(name, INFO_SHEET, "B4", t("workbook.unknown_role_one_empty", role=role, ROLES=', '.join(ROLES)))
        role = role.lower()

    expected_ids = list(kb.questions)
    answers: dict[str, str] = {}
    notes: dict[str, str] = {}
    last = sheet.max_row
    if last - 1 != len(expected_ids):
        raise _fail(name, ANSWER_SHEET, f"A{last}", t("workbook.sheet_has_question_rows", value=last - 1, n_expected_ids=len(expected_ids)))
    for row, qid in enumerate(expected_ids, start=2):
        got = _text(sheet.cell(row=row, column=1).value)
        if got != qid:
            hint = qid if got in kb.questions else None
            raise _fail(name, ANSWER_SHEET, f"A{row}", t("workbook.question_code_where_belongs", got=got, qid=qid), hint)
        question = kb.questions[qid]
        raw = _text(sheet.cell(row=row, column=ANSWER_COL).value)
        if raw:
            by_label = {label.casefold(): value for value, label in answer_labels(question).items()}
            value = by_label.get(raw.casefold())
            if value is None:
                raise _fail(
                    name,
                    ANSWER_SHEET,
                    sheet.cell(row=row, column=ANSWER_COL).coordinate,
                    t("workbook.one_answers_choose_one", raw=raw[:60], qid=qid),
                )
            answers[qid] = value
        note = _text(sheet.cell(row=row, column=NOTE_COL).value)
        if note:
            notes[qid] = note
    return {"organisation": organisation, "name": respondent, "role": role, "answers": answers, "notes": notes}


def facts_from_workbooks(paths: Iterable[str | Path], kb: KnowledgeBase, *, base: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """A facts mapping with one respondent per workbook, all of one organisation.

    ``base`` (a facts mapping, e.g. the consultant's file with sector, size and people) supplies
    everything but the respondents; its organisation name must match the workbooks'.
    """
    read = [(Path(p), read_workbook(p, kb)) for p in paths]
    if not read:
        raise InputError(t("workbook.no_workbooks_given"))
    facts: dict[str, Any] = dict(base) if base else {"organisation": {"name": read[0][1]["organisation"]}}
    org_name = facts["organisation"]["name"]
    respondents: list[dict[str, Any]] = list(facts.get("respondents") or [])
    notes: dict[str, str] = dict(facts.get("toelichting") or {})
    seen = {r["name"] for r in respondents}
    for path, data in read:
        if data["organisation"] != org_name:
            raise _fail(str(path), INFO_SHEET, "B1", t("workbook.this_workbook_for", data=data['organisation'], org_name=org_name))
        if data["name"] in seen:
            raise _fail(str(path), INFO_SHEET, "B3", t("workbook.respondent_has_two_workbooks", data=data['name']))
        seen.add(data["name"])
        entry: dict[str, Any] = {"name": data["name"]}
        if data["role"]:
            entry["role"] = data["role"]
        entry["answers"] = data["answers"]
        respondents.append(entry)
        for qid, note in data["notes"].items():
            notes[qid] = f"{notes[qid]} | {data['name']}: {note}" if qid in notes else f"{data['name']}: {note}"
    facts["respondents"] = respondents
    if notes:
        facts["toelichting"] = dict(sorted(notes.items()))
    return facts
