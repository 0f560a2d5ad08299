"""diff, history, batch and the peer view: as a consultant runs them and as a program calls them."""

from __future__ import annotations

import csv
import io
import json
import shutil
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

import zorgadvies
from zorgadvies.batch import BatchItem, BatchResult, collect_inputs, peer_view, read_csv, run_batch
from zorgadvies.cli import main
from zorgadvies.errors import InputError, ZorgadviesError
from zorgadvies.store import HEAD
from zorgadvies.history import default_db_path, list_organisations, load_history, save_assessment
from zorgadvies.knowledge import PILLAR_IDS
from zorgadvies.tracking import diff_reports, render_diff_text

from conftest import EXAMPLES, ROOT

# These tests compare English message text; the default language is Dutch (zorgadvies/messages.py).
pytestmark = pytest.mark.usefixtures("english")

runner = CliRunner()
LINDE = ROOT / "examples" / "thuiszorg-de-linde.yaml"
POLDERLAND = ROOT / "examples" / "ggz-polderland.yaml"
METRICS = ("met_meten", "met_kpis", "met_monitoring", "met_analyse", "met_bijsturen", "met_evaluatie", "met_sturing")


def run(*args: object):
    return runner.invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def linde_later(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """De Linde a year on: Polderland's marketing practice, a vision, and metrics no longer known."""
    data = yaml.safe_load(LINDE.read_text(encoding="utf-8"))
    other = yaml.safe_load(POLDERLAND.read_text(encoding="utf-8"))["answers"]
    for qid in data["answers"]:
        if qid.startswith("mp_"):
            data["answers"][qid] = other[qid]
    data["answers"]["visie_aanwezig"] = "ja"
    for qid in METRICS:
        data["answers"][qid] = "onbekend"
    path = tmp_path_factory.mktemp("later") / "linde-2027.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def write_report(path: Path, source: Path, **knowledge: str) -> Path:
    data = zorgadvies.assess(source).to_dict()
    data["knowledge"] |= knowledge
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


# --------------------------------------------------------------------------------------------
# diff


def test_diff_of_two_facts_files_shows_stage_change_and_recommendations(linde_later: Path) -> None:
    old, new = zorgadvies.assess(LINDE), zorgadvies.assess(linde_later)
    result = run("diff", LINDE, linde_later)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Vergelijking — Thuiszorg De Linde" in out
    mp = next(line for line in out.splitlines() if line.strip().startswith("Marketingpraktijk"))
    assert "Geïnitieerd (1)" in mp and "→ Gedefinieerd (2)" in mp and "▲ hoger" in mp
    metrics = next(line for line in out.splitlines() if line.strip().startswith("Metrics en evaluatie"))
    assert "→ onbepaald" in metrics and "nu onbepaald" in metrics
    assert "Let op" not in out  # same knowledge base, same organisation

    old_ids = [r.id for r in old.recommendations]
    new_ids = [r.id for r in new.recommendations]
    resolved = [i for i in old_ids if i not in new_ids]
    added = [i for i in new_ids if i not in old_ids]
    assert "marketingpraktijk-naar-gedefinieerd" in resolved
    assert "marketingpraktijk-naar-georganiseerd" in added
    resolved_block = out.split("Opgelost")[1].split("Nieuw:")[0]
    new_block = out.split("Nieuw:")[1]
    for rec_id in resolved:
        assert f"[{rec_id}]" in resolved_block
    for rec_id in added:
        assert f"[{rec_id}]" in new_block
    assert f"({len(resolved)})" in out.split("Opgelost")[1].splitlines()[0]
    kept = len(set(old_ids) & set(new_ids))
    assert f"{kept} aanbeveling(en) staan in beide" in out


def test_diff_api_matches_reports(linde_later: Path) -> None:
    old, new = zorgadvies.assess(LINDE), zorgadvies.assess(linde_later)
    diff = diff_reports(old, new)
    changes = {p.id: p.change for p in diff.pillars}
    assert changes["marketingpraktijk"] == "up"
    assert changes["metrics_evaluatie"] == "undetermined"
    assert changes["innovatie"] == "same"
    assert diff_reports(new, old).pillars[0].change == "down"
    assert {p.id: p.change for p in diff_reports(new, old).pillars}["metrics_evaluatie"] == "determined"
    assert [r.rank for r in diff.resolved] == sorted(r.rank for r in diff.resolved)
    assert diff.warnings == ()
    # A report compared with itself: nothing changed.
    same = diff_reports(old, old.to_dict())
    assert {p.change for p in same.pillars} == {"same"} and not same.resolved and not same.new


def test_diff_of_json_reports_equals_diff_of_facts(tmp_path: Path, linde_later: Path) -> None:
    old_json = tmp_path / "old.json"
    new_json = tmp_path / "new.json"
    old_json.write_text(run("assess", LINDE, "--format", "json").stdout, encoding="utf-8")
    new_json.write_text(run("assess", linde_later, "--format", "json").stdout, encoding="utf-8")
    from_reports = json.loads(run("diff", old_json, new_json, "--format", "json").stdout)
    from_facts = json.loads(run("diff", LINDE, linde_later, "--format", "json").stdout)
    assert from_reports["old"]["kind"] == from_reports["new"]["kind"] == "report"
    assert from_facts["old"]["kind"] == "facts"
    for key in ("pillars", "recommendations", "warnings"):
        assert from_reports[key] == from_facts[key]
    mp = next(p for p in from_reports["pillars"] if p["id"] == "marketingpraktijk")
    assert mp["old"] == {"stage": 1, "at_least": None} and mp["new"]["stage"] == 2 and mp["change"] == "up"
    # A report on one side, a facts file on the other.
    mixed = json.loads(run("diff", old_json, linde_later, "--format", "json").stdout)
    assert mixed["pillars"] == from_facts["pillars"]
    # A JSON report saved with a .yaml name is still recognised by its content.
    renamed = tmp_path / "old-report.yaml"
    shutil.copy(old_json, renamed)
    assert json.loads(run("diff", renamed, new_json, "--format", "json").stdout)["old"]["kind"] == "report"


MARK = {"up": "▲ hoger", "down": "▼ lager", "same": "= gelijk", "determined": "nu bepaald", "undetermined": "nu onbepaald"}


def test_diff_text_says_per_pillar_what_the_json_says(linde_later: Path) -> None:
    # (Byte-identical output across hash seeds is tests/test_determinism.py.) Both directions: the
    # text line of every pillar carries the change the JSON gives it, and reversing the two
    # assessments reverses the changes.
    for old, new in ((LINDE, linde_later), (linde_later, LINDE)):
        data = json.loads(run("diff", old, new, "--format", "json").stdout)
        lines = run("diff", old, new).stdout.splitlines()
        for pillar in data["pillars"]:
            line = next(line for line in lines if line.strip().startswith(pillar["name"]))
            assert pillar["change"] in MARK and MARK[pillar["change"]] in line, (pillar["id"], line)
            others = [mark for change, mark in MARK.items() if change != pillar["change"]]
            assert not any(mark in line for mark in others), line
    forward = {p["id"]: p["change"] for p in json.loads(run("diff", LINDE, linde_later, "--format", "json").stdout)["pillars"]}
    backward = {p["id"]: p["change"] for p in json.loads(run("diff", linde_later, LINDE, "--format", "json").stdout)["pillars"]}
    assert forward["marketingpraktijk"] == "up" and backward["marketingpraktijk"] == "down"
    assert all(backward[pid] == "same" for pid, change in forward.items() if change == "same")


def test_diff_warns_when_the_knowledge_base_changed(tmp_path: Path) -> None:
    old = write_report(tmp_path / "old.json", LINDE)
    newer = write_report(tmp_path / "newer.json", LINDE, version="2027.1.0", sha256="ab" * 32)
    result = run("diff", old, newer)
    assert result.exit_code == 0
    assert "vergelijk met zorg: de regels zijn veranderd" in result.stdout
    assert f"({zorgadvies.api.advisor().kb.version} → 2027.1.0)" in result.stdout
    english = run("diff", old, newer, "--lang", "en").stdout
    assert "compare with care: the rules changed" in english
    assert json.loads(run("diff", old, newer, "--format", "json").stdout)["warnings"] == ["knowledge_changed"]
    # Only the sha256 differs (files edited without raising the version): still a warning.
    edited = write_report(tmp_path / "edited.json", LINDE, sha256="cd" * 32)
    text = run("diff", old, edited).stdout
    assert "de regels zijn veranderd" in text and "sha256 cdcdcdcdcdcd" in text
    # Same knowledge: no warning.
    assert "regels zijn veranderd" not in run("diff", old, LINDE).stdout


def test_diff_warns_about_different_organisations() -> None:
    result = run("diff", LINDE, POLDERLAND, "--lang", "en")
    assert result.exit_code == 0
    assert "different organisations (Thuiszorg De Linde / GGZ Polderland)" in result.stdout


def test_diff_of_an_undetermined_pillar_names_its_certain_minimum() -> None:
    report = zorgadvies.assess(ROOT / "examples" / "welzijn-zuidoever.yaml").to_dict()
    metrics = next(p for p in report["pillars"] if p["id"] == "metrics_evaluatie")
    assert metrics["stage"] is None and metrics["at_least"] == 1
    older = json.loads(json.dumps(report))
    for p in older["pillars"]:
        if p["id"] == "metrics_evaluatie":
            p |= {"stage": 2, "at_least": None, "stage_name": "Gedefinieerd", "stage_name_en": "Defined"}
    text = render_diff_text(diff_reports(older, report), "nl")
    line = next(x for x in text.splitlines() if x.strip().startswith("Metrics"))
    assert "Gedefinieerd (2) → onbepaald (minstens Geïnitieerd)" in " ".join(line.split())


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"schema_version": "2.0", "pillars": []}', "report format 2.0 cannot be read"),
        ('{"schema_version": "1.0", "pillars": [{"id": "merk", "stage": 9}]}', "pillars.0.stage: must be a stage from 1 to 4"),
        ("organisation: {name: X}\nanswers: {mp_stratgie: geen}\n", "did you mean 'mp_strategie'?"),
    ],
)
def test_diff_bad_input_is_one_line_and_exit_2(tmp_path: Path, content: str, message: str) -> None:
    bad = tmp_path / ("bad.json" if content.startswith("{") else "bad.yaml")
    bad.write_text(content, encoding="utf-8")
    result = run("diff", bad, LINDE)
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    missing = run("diff", tmp_path / "nope.yaml", LINDE)
    assert missing.exit_code == 2 and "nope.yaml: no such file" in missing.stderr


# --------------------------------------------------------------------------------------------
# history


def test_history_save_load_and_trend(tmp_path: Path, linde_later: Path) -> None:
    db = tmp_path / "sub" / "history.sqlite3"
    first = save_assessment(zorgadvies.assess(LINDE), db, facts_digest="abc", saved_at=datetime(2026, 1, 5, 9, 30, tzinfo=timezone.utc))
    assert db.exists() and first.id == 1 and first.saved_at == "2026-01-05T09:30:00Z"
    save_assessment(zorgadvies.assess(linde_later), db, saved_at=datetime(2026, 6, 1, 8, 0))
    later = zorgadvies.assess(linde_later).to_dict()
    later["knowledge"]["version"] = "2027.1.0"
    save_assessment(later, db, saved_at=datetime(2027, 1, 2, 12, 0, tzinfo=timezone.utc))
    save_assessment(zorgadvies.assess(POLDERLAND), db)  # another organisation, saved now

    entries = load_history("Thuiszorg De Linde", db)
    assert [e.saved_at[:10] for e in entries] == ["2026-01-05", "2026-06-01", "2027-01-02"]
    assert entries[0].facts_digest == "abc" and entries[1].facts_digest is None
    assert entries[0].report == zorgadvies.assess(LINDE).to_dict()
    assert [e.stages["marketingpraktijk"] for e in entries] == [1, 2, 2]
    assert [e.stages["metrics_evaluatie"] for e in entries] == [1, None, None]
    assert load_history("Nobody", db) == []
    assert load_history("X", tmp_path / "absent.sqlite3") == []
    assert not (tmp_path / "absent.sqlite3").exists()  # reading never creates a database
    assert list_organisations(db) == [("GGZ Polderland", 1), ("Thuiszorg De Linde", 3)]
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == HEAD

    result = run("history", "Thuiszorg De Linde", "--db", db)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "Geschiedenis — Thuiszorg De Linde (3 beoordeling(en))"
    now = zorgadvies.api.advisor().kb.version  # the bundled knowledge base's version
    assert f"2026-01-05 09:30 UTC   kennisbank {now}" in result.stdout
    assert "kennisbank 2027.1.0" in result.stdout
    assert "de regels zijn veranderd" in result.stdout  # two knowledge versions in one trend
    assert any(line.split() == ["Marketingpraktijk", "1", "→", "2", "→", "2"] for line in lines)
    assert any(line.split() == ["Metrics", "en", "evaluatie", "1", "→", "?", "→", "?"] for line in lines)

    data = json.loads(run("history", "Thuiszorg De Linde", "--db", db, "--format", "json").stdout)
    assert data["trend"]["marketingpraktijk"] == [1, 2, 2]
    assert data["trend"]["metrics_evaluatie"] == [1, None, None]
    assert data["knowledge_changed"] is True
    assert [a["knowledge"]["version"] for a in data["assessments"]] == [now, now, "2027.1.0"]

    english = run("history", "Thuiszorg De Linde", "--db", db, "--lang", "en").stdout
    assert any(line.split()[:2] == ["Marketing", "practice"] for line in english.splitlines())
    # Case and spaces are forgiven; a near miss gets a suggestion; no argument lists the organisations.
    assert run("history", " thuiszorg de linde ", "--db", db).stdout == result.stdout
    miss = run("history", "Thuiszorg Linde", "--db", db)
    assert miss.exit_code == 2 and "did you mean 'Thuiszorg De Linde'?" in miss.stderr
    listing = run("history", "--db", db)
    assert "Thuiszorg De Linde" in listing.stdout and "GGZ Polderland" in listing.stdout
    empty = run("history", "X", "--db", tmp_path / "absent.sqlite3")
    assert empty.exit_code == 2 and "no saved assessments yet" in empty.stderr


def test_history_default_location(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ZORGADVIES_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setattr("sys.platform", "linux")
    assert default_db_path() == tmp_path / "xdg" / "zorgadvies" / "history.sqlite3"
    monkeypatch.setenv("XDG_DATA_HOME", "relative/ignored")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_db_path() == tmp_path / "home" / ".local" / "share" / "zorgadvies" / "history.sqlite3"
    monkeypatch.setattr("sys.platform", "win32")
    monkeypatch.setenv("APPDATA", str(tmp_path / "appdata"))
    assert default_db_path() == tmp_path / "appdata" / "zorgadvies" / "history.sqlite3"
    monkeypatch.setenv("ZORGADVIES_DB", str(tmp_path / "env.sqlite3"))
    assert default_db_path() == tmp_path / "env.sqlite3"
    monkeypatch.setattr("sys.platform", "linux")
    save_assessment(zorgadvies.assess(LINDE))  # no db_path: the environment variable decides
    assert [e.organisation for e in load_history("Thuiszorg De Linde")] == ["Thuiszorg De Linde"]
    assert run("history", "Thuiszorg De Linde").exit_code == 0


def test_history_refuses_unusable_databases(tmp_path: Path) -> None:
    not_a_db = tmp_path / "notes.sqlite3"
    not_a_db.write_text("this is not a database\n" * 20, encoding="utf-8")
    with pytest.raises(ZorgadviesError, match="database cannot be used"):
        save_assessment(zorgadvies.assess(LINDE), not_a_db)
    result = run("history", "X", "--db", not_a_db)
    assert result.exit_code == 2 and "database cannot be used" in result.stderr

    newer = tmp_path / "newer.sqlite3"
    with sqlite3.connect(newer) as conn:
        conn.execute("PRAGMA user_version = 2")  # a pre-Alembic schema newer than this zorgadvies knows
    with pytest.raises(ZorgadviesError, match="upgrade zorgadvies"):
        load_history("X", newer)
    with pytest.raises(ZorgadviesError, match="not a zorgadvies report"):
        save_assessment({"pillars": []}, tmp_path / "h.sqlite3")


# --------------------------------------------------------------------------------------------
# batch


@pytest.fixture()
def batch_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for example in EXAMPLES:
        shutil.copy(example, folder / example.name)
    (folder / "m-kapot.yaml").write_text("organisation:\n  name: Kapot\nanswers:\n  mp_strategie: basis\n", encoding="utf-8")
    (folder / "notes.txt").write_text("not a facts file", encoding="utf-8")
    return folder


def test_batch_reports_a_bad_file_and_goes_on(batch_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    result = run("batch", batch_dir, "--out", out, "--jobs", "1")
    assert result.exit_code == 2
    bad = str(batch_dir / "m-kapot.yaml")
    errors = [line for line in result.stderr.splitlines() if line.startswith(bad)]
    assert errors == [f"{bad}:4: answers.mp_strategie: answer must be one of geen, basisstrategie, "
                      "onderdeel_bedrijfsstrategie, strategische_pijler, onbekend or nvt, not 'basis'"]
    assert f"{len(EXAMPLES)} van {len(EXAMPLES) + 1} organisaties beoordeeld, 1 mislukt; resultaten in {out}" in result.stderr

    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    files = sorted([*(e.name for e in EXAMPLES), "m-kapot.yaml"])
    assert [Path(r["source"]).name for r in rows] == files  # input order: sorted by file name
    assert list(rows[0]) == ["source", "name", "sector", "employees", "size_class", *PILLAR_IDS,
                             "recommendations", "top_1", "top_2", "top_3", "error"]
    for row in rows:
        if row["source"] == bad:
            assert row["error"].startswith(f"{bad}:4:") and row["marketingpraktijk"] == ""
            continue
        report = zorgadvies.assess(row["source"])
        assert row["error"] == ""
        assert row["name"] == report.organisation["name"]
        assert row["employees"] == str(report.organisation["employees"])
        assert row["size_class"] == report.organisation["size_class"]
        assert [row[pid] for pid in PILLAR_IDS] == ["?" if p.stage is None else str(p.stage) for p in report.pillars]
        assert row["recommendations"] == str(len(report.recommendations))
        assert [row["top_1"], row["top_2"], row["top_3"]] == [r.id for r in report.recommendations[:3]]
    welzijn = next(r for r in rows if r["source"].endswith("welzijn-zuidoever.yaml"))
    assert welzijn["metrics_evaluatie"] == "?"

    # JSON: the same, plus the error, and the peers section.
    out_json = tmp_path / "out.json"
    assert run("batch", batch_dir, "--out", out_json, "--jobs", "1").exit_code == 2
    data = json.loads(out_json.read_text(encoding="utf-8"))
    assert data["knowledge"]["version"] == zorgadvies.assess(LINDE).knowledge_version
    orgs = data["organisations"]
    assert [Path(o["source"]).name for o in orgs] == files
    broken = next(o for o in orgs if o["source"] == bad)
    assert broken["error"] == errors[0] and broken["stages"] is None
    linde = next(o for o in orgs if o["name"] == "Thuiszorg De Linde")
    assert linde["error"] is None and linde["stages"]["innovatie"] == 1 and len(linde["top"]) == 3
    assert data["peers"]["group_size"] == len(EXAMPLES) and data["peers"]["shown"] is True


def test_batch_all_good_exits_0_and_skips_its_own_output(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for example in EXAMPLES[:3]:
        shutil.copy(example, folder / example.name)
    out = folder / "result.json"  # inside the folder it reads
    for _ in range(2):
        result = run("batch", folder, "--out", out, "--jobs", "1")
        assert result.exit_code == 0, result.output
        assert len(json.loads(out.read_text(encoding="utf-8"))["organisations"]) == 3


def test_batch_output_is_the_same_for_any_number_of_jobs(batch_dir: Path, tmp_path: Path) -> None:
    outputs = {}
    for jobs in ("1", "2"):
        for suffix in ("csv", "json"):
            out = tmp_path / f"jobs{jobs}.{suffix}"
            result = run("batch", batch_dir, "--out", out, "--jobs", jobs, "--peer", "GGZ Polderland")
            assert result.exit_code == 2
            errors = [line for line in result.stderr.splitlines() if "m-kapot" in line]
            outputs[jobs, suffix] = (out.read_bytes(), result.stdout, errors)
    assert outputs["1", "csv"] == outputs["2", "csv"]
    assert outputs["1", "json"] == outputs["2", "json"]


def test_batch_from_csv(tmp_path: Path) -> None:
    path = tmp_path / "orgs.csv"
    # As Excel with Dutch settings saves it: ';' and a byte-order mark.
    path.write_text(
        "\ufeffname;sector;employees;mp_inzet;mp_strategie;met_kpis;visie_aanwezig\n"
        "Thuiszorg Oost;thuiszorg;120;geplande_communicatie;basisstrategie;;ja\n"
        "Huisartsen West;eerstelijn;;ad_hoc_communicatie;geen;geen;nee\n"
        "\n"
        "Kapotte Rij;ziekenhuis;veel;;;;\n"
        ";welzijn;10;;;;\n"
        '"Zorg ""Het Anker""";VVT;300;;;;\n',
        encoding="utf-8",
    )
    out = tmp_path / "out.json"
    result = run("batch", path, "--out", out, "--jobs", "1")
    assert result.exit_code == 2
    assert f"{path}:5: organisation.employees: must be a whole number, not 'veel'" in result.stderr
    assert f"{path}:6: the name cell is empty" in result.stderr
    orgs = json.loads(out.read_text(encoding="utf-8"))["organisations"]
    assert [o["source"] for o in orgs] == [f"{path}:{n}" for n in (2, 3, 5, 6, 7)]
    assert [o["name"] for o in orgs] == ["Thuiszorg Oost", "Huisartsen West", "Kapotte Rij", None, 'Zorg "Het Anker"']
    oost = zorgadvies.assess(
        {
            "organisation": {"name": "Thuiszorg Oost", "sector": "thuiszorg", "employees": 120},
            "answers": {"mp_inzet": "geplande_communicatie", "mp_strategie": "basisstrategie", "visie_aanwezig": "ja"},
        }
    )
    assert orgs[0]["stages"] == {p.id: p.stage for p in oost.pillars}
    assert orgs[0]["recommendations"] == len(oost.recommendations)
    assert orgs[1]["employees"] is None and orgs[1]["size_class"] is None
    assert orgs[4]["sector"] == "ouderenzorg" and orgs[4]["size_class"] == "groot"
    assert orgs[2]["error"] and orgs[3]["error"] and orgs[0]["error"] is None

    # The API gives the same items.
    items = read_csv(path, zorgadvies.api.advisor().kb)
    assert items[1].data == {
        "organisation": {"name": "Huisartsen West", "sector": "eerstelijn"},
        "answers": {"mp_inzet": "ad_hoc_communicatie", "mp_strategie": "geen", "met_kpis": "geen", "visie_aanwezig": "nee"},
    }


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("name,sector,mp_stratgie", "column 3 'mp_stratgie' is neither name, sector, employees nor a question id (did you mean 'mp_strategie'?)"),
        ("sector,mp_strategie", "the header needs a 'name' column"),
        ("name,mp_strategie,mp_strategie", "column 'mp_strategie' appears twice"),
    ],
)
def test_batch_csv_with_a_bad_header_stops_at_once(tmp_path: Path, header: str, message: str) -> None:
    path = tmp_path / "orgs.csv"
    path.write_text(f"{header}\nA,thuiszorg,geen\n", encoding="utf-8")
    result = run("batch", path, "--out", tmp_path / "out.csv", "--jobs", "1")
    assert result.exit_code == 2
    assert result.stderr.strip() == f"zorgadvies: {path}:1: {message}"
    assert not (tmp_path / "out.csv").exists()


def test_batch_csv_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "orgs.csv"
    path.write_bytes("name\nCliënt\n".encode("cp1252"))
    with pytest.raises(InputError, match="save it as 'CSV UTF-8'"):
        collect_inputs(path)


# --------------------------------------------------------------------------------------------
# peers


def _folder_with(tmp_path: Path, examples: list[Path]) -> Path:
    folder = tmp_path / f"group{len(examples)}"
    folder.mkdir()
    for example in examples:
        shutil.copy(example, folder / example.name)
    return folder


def test_peers_shown_for_a_group_of_five(tmp_path: Path) -> None:
    chosen = [LINDE, *[e for e in EXAMPLES if e != LINDE][:4]]
    folder = _folder_with(tmp_path, chosen)
    name = "Thuiszorg De Linde"
    assert LINDE in chosen
    out = tmp_path / "peers.json"
    result = run("batch", folder, "--out", out, "--jobs", "1", "--peer", name)
    assert result.exit_code == 0, result.output
    reports = [zorgadvies.assess(e) for e in chosen]
    me = next(r for r in reports if r.organisation["name"] == name)
    others = [r for r in reports if r is not me]

    peers = json.loads(out.read_text(encoding="utf-8"))["peers"]
    assert peers["shown"] is True and peers["group_size"] == 5 and peers["min_group"] == 5
    for i, pid in enumerate(PILLAR_IDS):
        stages = [r.pillars[i].stage for r in reports]
        counts = peers["pillars"][i]["counts"]
        assert counts == {**{str(n): stages.count(n) for n in (1, 2, 3, 4)}, "undetermined": stages.count(None)}
        own = me.pillars[i].stage
        pos = peers["position"]["pillars"][i]
        known = [r.pillars[i].stage for r in others if r.pillars[i].stage is not None]
        assert pos["id"] == pid and pos["stage"] == own
        assert (pos["below"], pos["same"], pos["above"]) == (
            sum(s < own for s in known), sum(s == own for s in known), sum(s > own for s in known)
        )

    text = result.stdout
    assert text.startswith(f"Vergelijking met de groep — {name}\n")
    assert "De groep: 5 beoordeelde organisaties in deze batch." in text
    innovatie = next(line for line in text.splitlines() if line.strip().startswith("Innovatie"))
    pos = peers["position"]["pillars"][PILLAR_IDS.index("innovatie")]
    assert innovatie.rstrip().endswith(f"{pos['below']} / {pos['same']} / {pos['above']}")


def test_peers_withheld_for_a_group_of_four(tmp_path: Path) -> None:
    folder = _folder_with(tmp_path, [e for e in EXAMPLES if e != LINDE][:3] + [LINDE])
    out = tmp_path / "peers.json"
    result = run("batch", folder, "--out", out, "--jobs", "1", "--peer", "Thuiszorg De Linde")
    assert result.exit_code == 0
    assert "De groep telt 4 organisatie(s); een vergelijking wordt pas getoond vanaf 5" in result.stdout
    assert "Marketingpraktijk" not in result.stdout  # no numbers at all
    peers = json.loads(out.read_text(encoding="utf-8"))["peers"]
    assert peers["shown"] is False and peers["group_size"] == 4
    assert peers["pillars"] is None and peers["position"] is None
    # Lowering the minimum on purpose shows it.
    shown = run("batch", folder, "--out", out, "--jobs", "1", "--peer", "Thuiszorg De Linde", "--min-group", "4", "--lang", "en")
    assert shown.exit_code == 0 and "Marketing practice" in shown.stdout
    # Failed items do not count towards the group.
    (folder / "zz-bad.yaml").write_text("organisation: {}\n", encoding="utf-8")
    assert run("batch", folder, "--out", out, "--jobs", "1").exit_code == 2
    peers = json.loads(out.read_text(encoding="utf-8"))["peers"]
    assert peers["group_size"] == 4 and peers["shown"] is False


def test_peer_that_is_not_in_the_batch(tmp_path: Path) -> None:
    folder = _folder_with(tmp_path, [LINDE, *[e for e in EXAMPLES if e != LINDE][:4]])
    result = run("batch", folder, "--out", tmp_path / "o.csv", "--jobs", "1", "--peer", "Thuiszorg Linde")
    assert result.exit_code == 2
    assert "'Thuiszorg Linde' staat niet in deze batch. Bedoelt u 'Thuiszorg De Linde'?" in result.stdout
    assert (tmp_path / "o.csv").exists()


def test_peer_view_api_on_plain_results() -> None:
    def result(name: str, stage: int | None) -> BatchResult:
        return BatchResult(name, {"name": name, "stages": {pid: stage for pid in PILLAR_IDS}})

    results = [result("A", 1), result("B", 2), result("C", 2), result("D", None), result("E", 4), BatchResult("F", None, "F: broken", "F")]
    view = peer_view(results, "B", min_group=5)
    assert view["group_size"] == 5 and view["shown"]
    assert view["pillars"][0]["counts"] == {"1": 1, "2": 2, "3": 0, "4": 1, "undetermined": 1}
    assert view["position"]["pillars"][0] == {"id": PILLAR_IDS[0], "stage": 2, "below": 1, "same": 1, "above": 1, "undetermined": 1}
    assert peer_view(results, "F")["peer_error"] == "not_assessed"
    assert peer_view(results, "B", min_group=6)["pillars"] is None
    twice = peer_view([*results, result("B", 3)], "B")
    assert twice["peer_error"] == "ambiguous" and twice["position"] is None and twice["shown"]
    undetermined = peer_view(results, "D")["position"]["pillars"][0]
    assert undetermined["stage"] is None and undetermined["below"] is None


def test_run_batch_keeps_input_order_and_reports_unreadable_items(tmp_path: Path) -> None:
    items = [
        BatchItem("x.csv:2", {"organisation": {"name": "X"}, "answers": {}}),
        BatchItem("x.csv:3", None, "Y", "x.csv:3: cell in column 9 has no column name in the header"),
        BatchItem(str(tmp_path / "missing.yaml"), str(tmp_path / "missing.yaml")),
        BatchItem(str(LINDE), str(LINDE)),
    ]
    seen = []
    results = run_batch(items, jobs=1, progress=seen.append)
    assert [r.source for r in results] == [i.source for i in items]
    assert [r.ok for r in results] == [True, False, False, True]
    assert results[1].error == "x.csv:3: cell in column 9 has no column name in the header"
    assert results[2].error == f"{tmp_path / 'missing.yaml'}: no such file"
    assert sum(seen) == 4
