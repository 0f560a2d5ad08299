"""The questionnaire workbook: written, filled in with openpyxl as a respondent would, read back and
compared with the same answers in YAML; tampered and malformed workbooks are refused."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from openpyxl import load_workbook

from zorgadvies.api import advisor
from zorgadvies.cli import main
from zorgadvies.errors import InputError
from zorgadvies.workbook import ANSWER_COL, NOTE_COL, answer_labels, questionnaire_workbook, read_workbook

from conftest import ROOT

# These tests compare English message text; the default language is Dutch (zorgadvies/messages.py).
pytestmark = pytest.mark.usefixtures("english")

ADV = advisor()
KB = ADV.kb
DEMO = yaml.safe_load((ROOT / "examples" / "thuiszorg-de-linde.yaml").read_text(encoding="utf-8"))
runner = CliRunner()


def _fill(path: Path, name: str, answers: dict, notes: dict | None = None, role: str | None = None) -> Path:
    """What a respondent does in Excel: type a name, pick answers from the drop-downs, add notes."""
    book = load_workbook(path)
    sheet, info = book["Vragenlijst"], book["Gegevens"]
    info["B3"] = name
    if role:
        info["B4"] = role
    for row in range(2, sheet.max_row + 1):
        qid = sheet.cell(row=row, column=1).value
        if qid in answers:
            sheet.cell(row=row, column=ANSWER_COL, value=answer_labels(KB.questions[qid])[answers[qid]])
        if notes and qid in notes:
            sheet.cell(row=row, column=NOTE_COL, value=notes[qid])
    out = path.with_name(f"{name}.xlsx")
    book.save(out)
    return out


@pytest.fixture()
def blank(tmp_path: Path) -> Path:
    path = tmp_path / "leeg.xlsx"
    result = runner.invoke(main, ["vragenlijst", "--organisation", DEMO["organisation"]["name"], "-o", str(path)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return path


def test_workbook_layout(blank: Path) -> None:
    book = load_workbook(blank)
    assert book.sheetnames == ["Vragenlijst", "Gegevens", "Keuzes"] and book["Keuzes"].sheet_state == "hidden"
    sheet = book["Vragenlijst"]
    assert [c.value for c in sheet[1]] == ["Code", "Nr.", "Onderwerp", "Vraag", "Uitleg", "Antwoord", "Toelichting"]
    assert [sheet.cell(row=r, column=1).value for r in range(2, sheet.max_row + 1)] == list(KB.questions)  # interview order
    assert sheet.protection.sheet and book.security.lockStructure
    assert not sheet.cell(row=2, column=ANSWER_COL).protection.locked and sheet.cell(row=2, column=4).protection.locked
    # Every answer cell has a list validation whose list holds exactly the Dutch answer texts.
    validations = {str(dv.sqref): dv.formula1 for dv in sheet.data_validations.dataValidation}
    assert len(validations) == len(KB.questions)
    row = 2 + list(KB.questions).index("mp_inzet")
    formula = validations[f"F{row}"]
    column = formula.split("!")[1].split(":")[0].replace("$", "").rstrip("0123456789")
    listed = [c.value for c in book["Keuzes"][column] if c.value is not None]
    assert listed == list(answer_labels(KB.questions["mp_inzet"]).values())
    assert sheet.cell(row=row, column=4).value == KB.questions["mp_inzet"].nl


def test_round_trip_equals_the_same_answers_in_yaml(blank: Path, tmp_path: Path) -> None:
    answers = DEMO["answers"]
    split = list(answers)[::2]
    anna = {q: answers[q] for q in answers}
    henk = {q: answers[q] for q in split} | {"mp_inzet": "ad_hoc_communicatie"}
    folder = tmp_path / "ronde"
    folder.mkdir()
    for name, given in (("Anna", anna), ("Henk", henk)):
        filled = _fill(blank, name, given, notes={"mp_inzet": f"{name} zegt: zie jaarplan"})
        filled.rename(folder / filled.name)
    base = {k: v for k, v in DEMO.items() if k not in ("answers", "toelichting")}
    (folder / "organisatie.yaml").write_text(yaml.safe_dump(base, allow_unicode=True), encoding="utf-8")
    from_books = ADV.assess(folder)
    same_in_yaml = dict(base) | {
        "respondents": [{"name": "Anna", "answers": anna}, {"name": "Henk", "answers": henk}],
        "toelichting": {"mp_inzet": "Anna: Anna zegt: zie jaarplan | Henk: Henk zegt: zie jaarplan"},
    }
    assert from_books.to_json() == ADV.assess(same_in_yaml).to_json()
    # The CLI reads the folder too, and a single workbook as one respondent.
    result = runner.invoke(main, ["assess", str(folder), "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 0 and json.loads(result.output)["respondents"]["names"] == ["Anna", "Henk"]
    single = ADV.assess(folder / "Anna.xlsx")
    assert single.respondents["names"] == ["Anna"]


def _tamper(blank: Path, change) -> Path:
    book = load_workbook(blank)
    book["Gegevens"]["B3"] = "Anna"
    change(book)
    out = blank.with_name("t.xlsx")
    book.save(out)
    return out


@pytest.mark.parametrize(
    ("change", "where", "reason"),
    [
        (lambda b: setattr(b["Vragenlijst"], "title", "Blad1"), "Vragenlijst!A1", "sheet is missing"),
        (lambda b: b["Vragenlijst"].cell(row=1, column=6, value="Answer"), "Vragenlijst!F1", "expected 'Antwoord'"),
        (lambda b: b["Vragenlijst"].cell(row=3, column=1, value="mp_inzet"), "Vragenlijst!A3", "rows were moved"),
        (lambda b: b["Vragenlijst"].delete_rows(5), "Vragenlijst!A", "rows were added or removed"),
        (lambda b: b["Vragenlijst"].cell(row=8, column=ANSWER_COL, value="Heel goed"), "Vragenlijst!F8", "not one of the answers"),
        (lambda b: b["Gegevens"].__setitem__("B3", None), "Gegevens!B3", "name is empty"),
        (lambda b: b["Gegevens"].__setitem__("B4", "directeur"), "Gegevens!B4", "unknown role"),
    ],
)
def test_tampered_workbooks_are_refused_with_sheet_cell_and_reason(blank: Path, change, where: str, reason: str) -> None:
    with pytest.raises(InputError) as info:
        read_workbook(_tamper(blank, change), KB)
    message = str(info.value)
    assert where in message and reason in message, message


def test_foreign_files_and_mixed_organisations_are_refused(blank: Path, tmp_path: Path) -> None:
    fake = tmp_path / "x.xlsx"
    fake.write_text("not a workbook", encoding="utf-8")
    result = runner.invoke(main, ["assess", str(fake)])
    assert result.exit_code == 2 and "not an Excel workbook" in result.output and result.output.count("\n") == 1
    other = load_workbook(_fill(blank, "Bea", {}))
    other["Gegevens"]["B1"] = "Een andere organisatie"
    folder = tmp_path / "gemengd"
    folder.mkdir()
    other.save(folder / "Bea.xlsx")
    _fill(blank, "Anna", {}).rename(folder / "Anna.xlsx")
    with pytest.raises(InputError, match="Gegevens!B1: this workbook is for 'Een andere organisatie'"):
        ADV.assess(folder)


def test_blank_workbook_bytes_are_deterministic() -> None:
    first, second = questionnaire_workbook(KB, "X"), questionnaire_workbook(KB, "X")
    assert load_workbook(io.BytesIO(first))["Gegevens"]["B1"].value == "X"
    assert first == second
    # openpyxl writes the wall clock into dcterms:modified on save; two calls in the
    # same second would hide that, so the stamp itself is checked.
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        core = archive.read("docProps/core.xml").decode()
    assert "2000-01-01T00:00:00Z</dcterms:modified>" in core


def test_batch_out_xlsx_has_a_sheet_per_view(tmp_path: Path) -> None:
    import csv

    folder = tmp_path / "orgs"
    folder.mkdir()
    for path in [*sorted((ROOT / "examples").glob("*.yaml"))[:2], ROOT / "examples" / "thuiszorg-de-linde.yaml"]:
        (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    evil = dict(DEMO) | {"organisation": DEMO["organisation"] | {"name": "=HYPERLINK(\"http://x\")"}}
    (folder / "evil.yaml").write_text(yaml.safe_dump(evil, allow_unicode=True), encoding="utf-8")
    out, csv_out = tmp_path / "r.xlsx", tmp_path / "r.csv"
    args = ["batch", str(folder), "--peer", DEMO["organisation"]["name"], "--min-group", "2", "--jobs", "1"]
    assert runner.invoke(main, [*args, "--out", str(out)]).exit_code in (0, 2)
    assert runner.invoke(main, [*args, "--out", str(csv_out)]).exit_code in (0, 2)
    book = load_workbook(out)
    assert book.sheetnames == ["Organisaties", "Peers", "Positie"]
    rows = [[("" if c is None else str(c)) for c in row] for row in book["Organisaties"].iter_rows(values_only=True)]
    expected = list(csv.reader(io.StringIO(csv_out.read_text(encoding="utf-8"))))
    assert [r[1:] for r in rows] == [[("'" + v if v.startswith("=") else v) for v in r[1:]] for r in expected]
    cells = [c for row in book["Organisaties"].iter_rows() for c in row]
    assert all(c.data_type != "f" for c in cells)  # no formulas, whatever the names say
    assert [c.value for c in book["Peers"][1]][:5] == ["Pijler", "1", "2", "3", "4"] and book["Peers"].max_row == 7


def test_batch_reads_a_sub_folder_of_workbooks_as_one_organisation(blank: Path, tmp_path: Path) -> None:
    """``batch DIR``: DIR/<org>.yaml is one organisation, and so is DIR/<org>/ with one workbook per
    respondent (plus optionally its facts file for the organisation part), end to end through the CLI."""
    answers = DEMO["answers"]
    anna = dict(answers)
    henk = {q: answers[q] for q in list(answers)[1::2]} | {"kf_focus": "nvt"}
    batch_dir = tmp_path / "ronde-2026"
    linde = batch_dir / "de-linde"
    linde.mkdir(parents=True)
    for name, given in (("Anna", anna), ("Henk", henk)):
        _fill(blank, name, given, notes={"mp_inzet": "zie jaarplan"}).rename(linde / f"{name}.xlsx")
    base = {k: v for k, v in DEMO.items() if k not in ("answers", "toelichting")}
    (linde / "organisatie.yaml").write_text(yaml.safe_dump(base, allow_unicode=True), encoding="utf-8")
    heidezoom = ROOT / "examples" / "ouderenzorg-heidezoom.yaml"
    (batch_dir / heidezoom.name).write_text(heidezoom.read_text(encoding="utf-8"), encoding="utf-8")
    (batch_dir / "archief").mkdir()  # a sub-folder without workbooks is not an organisation
    (batch_dir / "archief" / "oud.yaml").write_text(heidezoom.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "resultaten.json"
    result = runner.invoke(main, ["batch", str(batch_dir), "--out", str(out), "--jobs", "1"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    rows = json.loads(out.read_text(encoding="utf-8"))["organisations"]
    assert [Path(r["source"]).name for r in rows] == ["de-linde", "ouderenzorg-heidezoom.yaml"]

    # The same answers given in YAML, as two respondents, assess to the same summary.
    from zorgadvies.batch import summarise

    same_in_yaml = dict(base) | {
        "respondents": [{"name": "Anna", "answers": anna}, {"name": "Henk", "answers": henk}],
        "toelichting": {"mp_inzet": "Anna: zie jaarplan | Henk: zie jaarplan"},
    }
    expected = summarise(ADV.assess(same_in_yaml))
    assert rows[0]["error"] is None and rows[0]["name"] == DEMO["organisation"]["name"]
    assert rows[0]["stages"] == expected["stages"] and rows[0]["top"] == expected["top"]
    assert rows[0]["recommendations"] == expected["recommendations"]
    assert ADV.assess(same_in_yaml).to_json() == ADV.assess(linde).to_json()


def test_batch_refuses_a_tampered_workbook_with_sheet_cell_and_reason(blank: Path, tmp_path: Path) -> None:
    batch_dir = tmp_path / "ronde"
    good, bad = batch_dir / "a-goed", batch_dir / "b-kapot"
    good.mkdir(parents=True)
    bad.mkdir()
    _fill(blank, "Anna", {"mp_inzet": "ad_hoc_communicatie"}).rename(good / "Anna.xlsx")
    tampered = _tamper(blank, lambda b: b["Vragenlijst"].cell(row=8, column=ANSWER_COL, value="Heel goed"))
    tampered.rename(bad / "Bea.xlsx")
    out = tmp_path / "r.csv"
    result = runner.invoke(main, ["batch", str(batch_dir), "--out", str(out), "--jobs", "1"])
    assert result.exit_code == 2  # one organisation failed; the other is still written
    errors = [line for line in result.output.splitlines() if "Bea.xlsx" in line]
    assert len(errors) == 1 and "Vragenlijst!F8" in errors[0] and "not one of the answers" in errors[0], result.output
    assert "Traceback" not in result.output
    rows = out.read_text(encoding="utf-8").splitlines()
    assert len(rows) == 3 and "a-goed" in rows[1] and "b-kapot" in rows[2]


def test_batch_passes_over_an_unreadable_sub_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # chmod 000 does not stop root (CI), so the folder's listing is made to fail as it would for a user.
    batch_dir = tmp_path / "ronde"
    (batch_dir / "lost+found").mkdir(parents=True)
    heidezoom = ROOT / "examples" / "ouderenzorg-heidezoom.yaml"
    (batch_dir / heidezoom.name).write_text(heidezoom.read_text(encoding="utf-8"), encoding="utf-8")
    real_iterdir = Path.iterdir

    def iterdir(self: Path):  # type: ignore[no-untyped-def]
        if self.name == "lost+found":
            raise PermissionError(13, "Permission denied", str(self))
        return real_iterdir(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    out = tmp_path / "r.json"
    result = runner.invoke(main, ["batch", str(batch_dir), "--out", str(out), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert [Path(r["source"]).name for r in json.loads(out.read_text(encoding="utf-8"))["organisations"]] == [heidezoom.name]
