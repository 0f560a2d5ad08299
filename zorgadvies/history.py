"""The assessment history: saved reports per organisation in a local SQLite database.

Where the database lives (first match wins):

1. the ``db_path`` argument (the CLI's ``--db PATH``);
2. the ``ZORGADVIES_DB`` environment variable;
3. the user's data directory: ``%APPDATA%\\zorgadvies\\history.sqlite3`` on Windows, else
   ``$XDG_DATA_HOME/zorgadvies/history.sqlite3``, falling back to
   ``~/.local/share/zorgadvies/history.sqlite3``.

The schema is created on first use; ``PRAGMA user_version`` records its version so that a later
zorgadvies can migrate it (:data:`_MIGRATIONS`). ``saved_at`` (UTC) is the only field that is not a
function of the report itself.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
import warnings
from collections.abc import Callable, Iterator, Mapping
from contextlib import closing, contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import attrs

from .errors import ZorgadviesError
from .report import Report

__all__ = [
    "DB_ENV",
    "HistoryEntry",
    "default_db_path",
    "list_organisations",
    "load_history",
    "save_assessment",
]

#: Environment variable that overrides the default database location.
DB_ENV = "ZORGADVIES_DB"
DB_NAME = "history.sqlite3"

#: Schema version -> the statements that bring a database from the previous version to it.
_MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: (
        """
        CREATE TABLE assessments (
            id                INTEGER PRIMARY KEY AUTOINCREMENT,
            organisation      TEXT NOT NULL,
            saved_at          TEXT NOT NULL,
            knowledge_version TEXT NOT NULL,
            knowledge_sha256  TEXT NOT NULL,
            facts_digest      TEXT,
            report_json       TEXT NOT NULL
        )
        """,
        "CREATE INDEX assessments_by_organisation ON assessments (organisation, saved_at, id)",
    ),
}
SCHEMA_VERSION = max(_MIGRATIONS)


def default_db_path() -> Path:
    """The database path when none is given: ``$ZORGADVIES_DB`` or the user's data directory."""
    override = os.environ.get(DB_ENV)
    if override:
        return Path(override).expanduser()
    if sys.platform == "win32":
        appdata = os.environ.get("APPDATA")
        base = Path(appdata) if appdata else Path.home() / "AppData" / "Roaming"
    else:
        xdg = os.environ.get("XDG_DATA_HOME")
        # The XDG spec says to ignore a relative path.
        base = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".local" / "share"
    return base / "zorgadvies" / DB_NAME


@attrs.frozen
class HistoryEntry:
    """One saved assessment. ``report`` is the report's JSON form (``Report.to_dict()``)."""

    id: int
    organisation: str
    saved_at: str
    knowledge_version: str
    knowledge_sha256: str
    facts_digest: str | None
    report: Mapping[str, Any]

    @property
    def stages(self) -> dict[str, int | None]:
        """Pillar id -> stage (None: undetermined), in the report's order."""
        return {p["id"]: p.get("stage") for p in self.report.get("pillars", [])}

    def to_dict(self, *, with_report: bool = False) -> dict[str, Any]:
        result: dict[str, Any] = {
            "id": self.id,
            "organisation": self.organisation,
            "saved_at": self.saved_at,
            "knowledge": {"version": self.knowledge_version, "sha256": self.knowledge_sha256},
            "facts_digest": self.facts_digest,
            "stages": self.stages,
            "recommendations": len(self.report.get("recommendations", [])),
        }
        if with_report:
            result["report"] = dict(self.report)
        return result


def _error(message: str, db: Path) -> ZorgadviesError:
    return ZorgadviesError(message, file=str(db))


#: How long a process waits for another one's write lock (a first save, a migration) before failing.
LOCK_TIMEOUT = 30.0


def _migrate(conn: sqlite3.Connection, db: Path) -> None:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version == SCHEMA_VERSION:
        return
    # Several processes may open a new database at once (parallel first saves). The version is
    # read again under a write lock (BEGIN IMMEDIATE), so exactly one of them migrates and the
    # others wait for it and then find nothing to do.
    previous = conn.isolation_level
    conn.isolation_level = None  # explicit transactions below
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise _error(
                    f"history database has schema version {version}; this zorgadvies knows up to {SCHEMA_VERSION} (upgrade zorgadvies)",
                    db,
                )
            for target in range(version + 1, SCHEMA_VERSION + 1):
                for statement in _MIGRATIONS[target]:
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {target}")  # transactional in SQLite
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    finally:
        conn.isolation_level = previous


@contextmanager
def _connect(db: Path, *, create: bool) -> Iterator[sqlite3.Connection]:
    if create:
        try:
            db.parent.mkdir(mode=0o700, parents=True, exist_ok=True)  # the history holds client data
        except OSError as exc:
            raise _error(f"cannot create the folder for the history database ({exc.strerror})", db) from None
    try:
        with closing(sqlite3.connect(db, timeout=LOCK_TIMEOUT)) as conn:
            _migrate(conn, db)
            yield conn
    except sqlite3.DatabaseError as exc:
        raise _error(f"history database cannot be used ({exc})", db) from None


def _resolve(db_path: str | Path | None) -> Path:
    return Path(db_path).expanduser() if db_path is not None else default_db_path()


def save_assessment(
    report: Report | Mapping[str, Any],
    db_path: str | Path | None = None,
    *,
    facts_digest: str | None = None,
    saved_at: datetime | None = None,
) -> HistoryEntry:
    """Save ``report`` (a Report or its JSON form) in the history database and return the entry.

    Parameters
    ----------
    db_path:
        The database; ``None`` means :func:`default_db_path`. Created with its folder on first use.
    facts_digest:
        An optional digest of the facts the report was made from (e.g. a sha256 of the file).
    saved_at:
        When it was saved; default now. A naive datetime is taken as UTC.

    Raises
    ------
    ZorgadviesError
        When the database cannot be created, read or written.
    """
    data = report.to_dict() if isinstance(report, Report) else dict(report)
    try:
        name = str(data["organisation"]["name"])
        version = str(data["knowledge"]["version"])
        sha256 = str(data["knowledge"]["sha256"])
    except (KeyError, TypeError):
        raise ZorgadviesError("not a zorgadvies report: it lacks organisation.name or knowledge") from None
    moment = saved_at or datetime.now(timezone.utc)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    stamp = moment.astimezone(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")
    text = json.dumps(data, ensure_ascii=False, sort_keys=False)
    db = _resolve(db_path)
    with _connect(db, create=True) as conn, conn:
        cursor = conn.execute(
            "INSERT INTO assessments (organisation, saved_at, knowledge_version, knowledge_sha256, facts_digest, report_json)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (name, stamp, version, sha256, facts_digest, text),
        )
        row_id = cursor.lastrowid
    assert row_id is not None
    return HistoryEntry(row_id, name, stamp, version, sha256, facts_digest, data)


def load_history(
    organisation_name: str, db_path: str | Path | None = None, *, on_damaged: Callable[[str], None] | None = None
) -> list[HistoryEntry]:
    """The saved assessments of one organisation (exact name), oldest first.

    A database that does not exist yet holds no history: the result is an empty list. A stored
    report that is not JSON or not of a report's shape is skipped; ``on_damaged`` (default: a
    RuntimeWarning) gets a one-line message naming its row.
    """
    db = _resolve(db_path)
    if not db.exists():
        return []
    with _connect(db, create=False) as conn:
        rows = conn.execute(
            "SELECT id, organisation, saved_at, knowledge_version, knowledge_sha256, facts_digest, report_json"
            " FROM assessments WHERE organisation = ? ORDER BY saved_at, id",
            (organisation_name,),
        ).fetchall()
    entries = []
    for row in rows:
        report = _stored_report(row[6])
        if report is None:
            (on_damaged or _warn)(f"{db}: saved assessment {row[0]} ({row[2]}) holds a damaged report; skipped")
            continue
        entries.append(HistoryEntry(row[0], row[1], row[2], row[3], row[4], row[5], report))
    return entries


def _warn(message: str) -> None:
    warnings.warn(message, RuntimeWarning, stacklevel=3)


def _stored_report(text: object) -> dict[str, Any] | None:
    """The stored report when it has the shape every reader of the history relies on, else None."""
    try:
        report = json.loads(text) if isinstance(text, (str, bytes)) else None
    except (json.JSONDecodeError, RecursionError):
        return None
    if not isinstance(report, dict):
        return None
    pillars = report.get("pillars", [])
    recommendations = report.get("recommendations", [])
    if not isinstance(pillars, list) or not isinstance(recommendations, list):
        return None
    for pillar in pillars:
        if not isinstance(pillar, dict) or not isinstance(pillar.get("id"), str):
            return None
        if not all(isinstance(pillar.get(k, ""), str) for k in ("name", "name_en")):
            return None
        stage = pillar.get("stage")
        if stage is not None and (isinstance(stage, bool) or not isinstance(stage, int)):
            return None
    if not all(isinstance(r, dict) and isinstance(r.get("id"), str) for r in recommendations):
        return None
    return report


def list_organisations(db_path: str | Path | None = None) -> list[tuple[str, int]]:
    """Every organisation in the database with its number of saved assessments, by name."""
    db = _resolve(db_path)
    if not db.exists():
        return []
    with _connect(db, create=False) as conn:
        rows = conn.execute(
            "SELECT organisation, COUNT(*) FROM assessments GROUP BY organisation ORDER BY organisation"
        ).fetchall()
    return [(name, count) for name, count in rows]
