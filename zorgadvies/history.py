"""The assessment history: saved reports per organisation, in the one zorgadvies database.

The database is :mod:`zorgadvies.store`'s (the web server's too, so assessments saved here show in
the web history and the other way round). Where it lives (first match wins):

1. the ``db_path`` argument (the CLI's ``--db PATH``; a ``postgresql://`` URL also works);
2. the ``ZORGADVIES_DB`` environment variable (a path or a URL);
3. the user's data directory: ``%APPDATA%\\zorgadvies\\history.sqlite3`` on Windows, else
   ``$XDG_DATA_HOME/zorgadvies/history.sqlite3``, falling back to
   ``~/.local/share/zorgadvies/history.sqlite3``.

The schema is created on first use and kept current by the store's Alembic migrations; a history
database written by an earlier zorgadvies is migrated when it is opened. ``saved_at`` (UTC) is the
only field that is not a function of the report itself.
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Callable, Mapping
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import attrs

from .errors import ZorgadviesError
from .report import Report
from .messages import t

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


def default_db_path() -> Path:
    """The database path when none is given: ``$ZORGADVIES_DB`` or the user's data directory."""
    from .store import default_db_path as store_default

    return store_default()


def db_target(db: str | None) -> str | Path:
    """The database the CLI means: ``--db`` (a path or a URL), else ``$ZORGADVIES_DB``, else the default file."""
    import os

    return db or os.environ.get(DB_ENV) or default_db_path()


def db_label(target: str | Path) -> str:
    """``target`` for messages: a URL without its password."""
    text = str(target)
    if "://" not in text:
        return text
    from sqlalchemy.engine import make_url

    try:
        return make_url(text).render_as_string(hide_password=True)
    except Exception:  # not a URL after all: show it as given
        return text


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


def stamp(moment: datetime | None) -> str:
    """``moment`` (default now; naive means UTC) as the history writes it: ``2026-01-05T09:30:00Z``."""
    moment = moment or datetime.now(timezone.utc)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


def save_assessment(
    report: Report | Mapping[str, Any],
    db_path: str | Path | None = None,
    *,
    facts_digest: str | None = None,
    saved_at: datetime | None = None,
    organisation_id: int | None = None,
    round_id: int | None = None,
) -> HistoryEntry:
    """Save ``report`` (a Report or its JSON form) in the history and return the entry.

    Parameters
    ----------
    db_path:
        The database (a path or a URL); ``None`` means :func:`default_db_path`. Created with its
        folder on first use.
    facts_digest:
        An optional digest of the facts the report was made from (e.g. a sha256 of the file).
    saved_at:
        When it was saved; default now. A naive datetime is taken as UTC.
    organisation_id, round_id:
        The web app's organisation and round the assessment belongs to (None from the CLI).

    Raises
    ------
    ZorgadviesError
        When the database cannot be created, read or written.
    """
    from .store import open_store
    from .store.models import Assessment

    data = report.to_dict() if isinstance(report, Report) else dict(report)
    try:
        name = str(data["organisation"]["name"])
        version = str(data["knowledge"]["version"])
        sha256 = str(data["knowledge"]["sha256"])
    except (KeyError, TypeError):
        raise ZorgadviesError(t("history.zorgadvies_report_lacks_organisation")) from None
    when = stamp(saved_at)
    text = json.dumps(data, ensure_ascii=False, sort_keys=False)
    store = open_store(db_path)
    assert store is not None
    with store.session() as session:
        row = Assessment(
            organisation=name, saved_at=when, knowledge_version=version, knowledge_sha256=sha256,
            facts_digest=facts_digest, report_json=text, organisation_id=organisation_id, round_id=round_id,
        )
        session.add(row)
        session.flush()
        row_id = row.id
    return HistoryEntry(row_id, name, when, version, sha256, facts_digest, data)


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


def _warn(message: str) -> None:
    warnings.warn(message, RuntimeWarning, stacklevel=3)


def load_history(
    organisation_name: str, db_path: str | Path | None = None, *, on_damaged: Callable[[str], None] | None = None
) -> list[HistoryEntry]:
    """The saved assessments of one organisation (exact name), oldest first.

    A database that does not exist yet holds no history: the result is an empty list. A stored
    report that is not JSON or not of a report's shape is skipped; ``on_damaged`` (default: a
    RuntimeWarning) gets a one-line message naming its row.
    """
    from sqlalchemy import select

    from .store import open_store
    from .store.models import Assessment

    store = open_store(db_path, create=False)
    if store is None:
        return []
    with store.session() as session:
        rows = session.execute(
            select(Assessment).where(Assessment.organisation == organisation_name).order_by(Assessment.saved_at, Assessment.id)
        ).scalars().all()
        entries = []
        for row in rows:
            report = _stored_report(row.report_json)
            if report is None:
                (on_damaged or _warn)(t("history.damaged_report", db=store.label, id=row.id, saved_at=row.saved_at))
                continue
            entries.append(HistoryEntry(row.id, row.organisation, row.saved_at, row.knowledge_version, row.knowledge_sha256,
                                        row.facts_digest, report))
        return entries


def list_organisations(db_path: str | Path | None = None) -> list[tuple[str, int]]:
    """Every organisation in the database with its number of saved assessments, by name."""
    from sqlalchemy import func, select

    from .store import open_store
    from .store.models import Assessment

    store = open_store(db_path, create=False)
    if store is None:
        return []
    with store.session() as session:
        rows = session.execute(select(Assessment.organisation, func.count()).group_by(Assessment.organisation)).all()
    # Sorted here, not by the database: PostgreSQL's collation would order names differently.
    return sorted((str(name), int(count)) for name, count in rows)
