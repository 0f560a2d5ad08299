"""The one store: Alembic migrations, the history on SQLite and PostgreSQL, old databases migrated."""

from __future__ import annotations

import json
import multiprocessing
import shutil
import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

import zorgadvies
from zorgadvies.errors import ZorgadviesError
from zorgadvies.history import list_organisations, load_history, save_assessment
from zorgadvies.store import _MIGRATIONS, HEAD, forget_stores, open_store
from zorgadvies.store.models import Base

# These tests compare English message text; the default language is Dutch (zorgadvies/messages.py).
pytestmark = pytest.mark.usefixtures("english")

ROOT = Path(__file__).resolve().parent.parent
LINDE = ROOT / "examples" / "thuiszorg-de-linde.yaml"
POLDERLAND = ROOT / "examples" / "ggz-polderland.yaml"
LEGACY = ROOT / "tests" / "data" / "history-v1.sqlite3"  # written by zorgadvies 0.1's history.py


def _config(conn: sa.Connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    config.attributes["connection"] = conn
    return config


def test_head_constant_is_alembics_head() -> None:
    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    assert ScriptDirectory.from_config(config).get_current_head() == HEAD


def test_migrations_build_exactly_the_models(db_url: str) -> None:
    store = open_store(db_url)
    assert store is not None
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_upgrade_from_the_first_revision_keeps_the_data(db_url: str) -> None:
    engine = sa.create_engine(db_url.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.begin() as conn:
        command.upgrade(_config(conn), "0001")
        conn.execute(
            sa.text("INSERT INTO assessments (organisation, saved_at, knowledge_version, knowledge_sha256, report_json)"
                    " VALUES ('X', '2026-01-01T00:00:00Z', '1', 'abc', :r)"),
            {"r": json.dumps({"organisation": {"name": "X"}, "pillars": [{"id": "merk", "stage": 2}]})},
        )
    engine.dispose()
    entries = load_history("X", db_url)  # opening upgrades to the head
    assert [(e.organisation, e.stages) for e in entries] == [("X", {"merk": 2})]
    with sa.create_engine(db_url.replace("postgresql://", "postgresql+psycopg://", 1)).connect() as conn:
        assert conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar() == HEAD
        names = set(sa.inspect(conn).get_table_names())
    assert {"accounts", "organisations", "rounds", "respondents", "answers", "answer_changes", "consensus", "notes"} <= names
    forget_stores()
    # And all the way down and up again.
    engine = sa.create_engine(db_url.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.begin() as conn:
        command.downgrade(_config(conn), "0001")
    with engine.begin() as conn:
        command.upgrade(_config(conn), "head")
    engine.dispose()
    assert [e.organisation for e in load_history("X", db_url)] == ["X"]


def test_history_on_both_backends(db_url: str) -> None:
    first = save_assessment(zorgadvies.assess(LINDE), db_url, facts_digest="abc")
    save_assessment(zorgadvies.assess(POLDERLAND), db_url)
    save_assessment(zorgadvies.assess(LINDE), db_url)
    entries = load_history("Thuiszorg De Linde", db_url)
    assert [e.id for e in entries][0] == first.id and len(entries) == 2
    assert entries[0].report == zorgadvies.assess(LINDE).to_dict()
    assert entries[0].facts_digest == "abc"
    # Sorted by the program, not the database collation: the same on both backends.
    save_assessment({**zorgadvies.assess(LINDE).to_dict(), "organisation": {"name": "abc zorg"}}, db_url)
    assert list_organisations(db_url) == [("GGZ Polderland", 1), ("Thuiszorg De Linde", 2), ("abc zorg", 1)]
    # The CLI takes the URL too, with --db or $ZORGADVIES_DB.
    from click.testing import CliRunner

    from zorgadvies.cli import main

    shown = CliRunner().invoke(main, ["history", "Thuiszorg De Linde", "--db", db_url, "--format", "json"])
    assert shown.exit_code == 0, shown.output
    assert len(json.loads(shown.output)["assessments"]) == 2
    listing = CliRunner(env={"ZORGADVIES_DB": db_url}).invoke(main, ["history"])
    assert listing.exit_code == 0 and "abc zorg" in listing.output


def test_a_history_database_of_the_previous_version_is_migrated(tmp_path: Path) -> None:
    db = tmp_path / "history.sqlite3"
    shutil.copy(LEGACY, db)
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        before = conn.execute("SELECT id, organisation, saved_at, facts_digest, report_json FROM assessments ORDER BY id").fetchall()
    entries = load_history("Thuiszorg De Linde", db)
    assert [(e.id, e.saved_at, e.facts_digest) for e in entries] == [(1, "2026-01-05T09:30:00Z", "abc")]
    assert entries[0].report == json.loads(before[0][4])
    assert list_organisations(db) == [("GGZ Polderland", 1), ("Thuiszorg De Linde", 1)]
    new = save_assessment(zorgadvies.assess(LINDE), db)
    assert new.id == 3
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == HEAD
        after = conn.execute("SELECT id, organisation, saved_at, facts_digest, report_json FROM assessments WHERE id < 3 ORDER BY id").fetchall()
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert after == before


def test_refuses_a_newer_schema_and_foreign_databases(tmp_path: Path) -> None:
    newer = tmp_path / "newer.sqlite3"
    with sqlite3.connect(newer) as conn:
        conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
        conn.execute("INSERT INTO alembic_version VALUES ('9999')")
    with pytest.raises(ZorgadviesError, match="upgrade zorgadvies"):
        load_history("X", newer)
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER)")
    with pytest.raises(ZorgadviesError, match="not a zorgadvies database"):
        save_assessment(zorgadvies.assess(LINDE), other)


def test_a_damaged_report_row_is_skipped_with_a_message(tmp_path: Path) -> None:
    db = tmp_path / "h.sqlite3"
    save_assessment(zorgadvies.assess(LINDE), db)
    with sqlite3.connect(db) as conn:
        conn.execute("INSERT INTO assessments (organisation, saved_at, knowledge_version, knowledge_sha256, report_json)"
                     " VALUES ('Thuiszorg De Linde', '2027-01-01T00:00:00Z', '1', 'x', '[1, 2]')")
    messages: list[str] = []
    assert len(load_history("Thuiszorg De Linde", db, on_damaged=messages.append)) == 1
    assert len(messages) == 1 and "saved assessment 2" in messages[0] and "damaged report; skipped" in messages[0]
    with pytest.warns(RuntimeWarning, match="damaged report"):
        load_history("Thuiszorg De Linde", db)


def _save_one(db: str) -> int:
    forget_stores()
    return save_assessment(zorgadvies.assess(LINDE), db).id


def test_concurrent_first_saves_create_the_database_once(tmp_path: Path) -> None:
    db = str(tmp_path / "new" / "history.sqlite3")
    with multiprocessing.get_context("spawn").Pool(4) as pool:
        ids = pool.map(_save_one, [db] * 8)
    assert sorted(ids) == list(range(1, 9))
    assert list_organisations(db) == [("Thuiszorg De Linde", 8)]


def test_an_sqlite_without_returning_is_one_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A respondent's answer is stored with INSERT ... RETURNING (SQLite 3.35): an older library
    # is refused when the store opens, naming the version and the way out, and creates nothing.
    import zorgadvies.store as store_module

    monkeypatch.setattr(store_module.sqlite3, "sqlite_version_info", (3, 34, 1))
    monkeypatch.setattr(store_module.sqlite3, "sqlite_version", "3.34.1")
    forget_stores()
    target = tmp_path / "old.sqlite3"
    with pytest.raises(ZorgadviesError) as raised:
        open_store(target)
    assert "SQLite 3.34.1 is too old; zorgadvies needs 3.35 or newer" in str(raised.value)
    assert str(target) in str(raised.value) and not target.exists()
