"""The database of zorgadvies: where it is, how to open it and how its schema is kept current.

One schema (:mod:`zorgadvies.store.models`) holds the CLI's history and everything the web server
keeps. A target is a path (SQLite) or a database URL (``postgresql://user@host/db``, ``sqlite:///x``).
Without one: ``$ZORGADVIES_DB`` or the user's data folder (:func:`default_db_path`).

Opening a database brings its schema to the newest Alembic revision first (the migrations travel
inside the package). A history database written before Alembic (``PRAGMA user_version = 1``, one
``assessments`` table) is recognised, stamped at revision ``0001`` and upgraded like any other.
A database from a newer zorgadvies is refused with a clear message.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from ..errors import ZorgadviesError
from ..messages import t

__all__ = [
    "DB_ENV",
    "DB_NAME",
    "HEAD",
    "Store",
    "StoreError",
    "default_db_path",
    "open_store",
    "utc_now",
]

#: Environment variable that overrides the default database location.
DB_ENV = "ZORGADVIES_DB"
DB_NAME = "history.sqlite3"
#: The newest migration; a test checks that it is Alembic's head.
HEAD = "0002"
_KNOWN = ("0001", "0002")
#: PostgreSQL advisory lock id taken while migrating (any constant shared by all processes).
_PG_LOCK = 7_146_237_311
_MIGRATIONS = Path(__file__).resolve().parent / "migrations"


class StoreError(ZorgadviesError):
    """The database cannot be opened, read or written."""


def utc_now() -> str:
    """Now as the store writes times: ``2026-01-05T09:30:00Z``."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


def default_db_path() -> Path:
    """The database path when none is given: ``$ZORGADVIES_DB`` or the user's data directory.

    ``%APPDATA%\\zorgadvies\\history.sqlite3`` on Windows, else
    ``$XDG_DATA_HOME/zorgadvies/history.sqlite3`` falling back to
    ``~/.local/share/zorgadvies/history.sqlite3``. (The name is the history's: the file that
    existing users already have becomes the one store.)
    """
    override = os.environ.get(DB_ENV)
    if override and "://" not in override:
        return Path(override).expanduser()
    if sys.platform == "win32":
        appdata = os.environ.get("APPDATA")
        base = Path(appdata) if appdata else Path.home() / "AppData" / "Roaming"
    else:
        xdg = os.environ.get("XDG_DATA_HOME")
        # The XDG spec says to ignore a relative path.
        base = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".local" / "share"
    return base / "zorgadvies" / DB_NAME


def _target(target: str | Path | None) -> tuple[str, Path | None]:
    """(SQLAlchemy URL, SQLite file or None) for a path, a URL or None (the default)."""
    if target is None:
        override = os.environ.get(DB_ENV)
        target = override if override and "://" in override else default_db_path()
    if isinstance(target, str) and "://" in target:
        try:
            url = make_url(target)
        except ArgumentError:
            raise StoreError(t("store.database_url", target=target), field="--database") from None
        if url.drivername in ("postgresql", "postgres"):
            url = url.set(drivername="postgresql+psycopg")
        if url.get_backend_name() == "sqlite":
            database = url.database or ""
            return url.render_as_string(hide_password=False), Path(database) if database and database != ":memory:" else None
        if url.get_backend_name() != "postgresql":
            raise StoreError(t("store.unsupported_database_use_sqlite", drivername=url.drivername), field="--database")
        return url.render_as_string(hide_password=False), None
    path = Path(target).expanduser()
    return f"sqlite:///{path}", path


#: Execution option of the connections of :meth:`Store.read`.
_READING = "zorgadvies_reading"


#: The oldest SQLite with RETURNING (3.35, 2021), which a respondent's answer uses (web/questionnaire.py).
SQLITE_MINIMUM = (3, 35)


def _sqlite_engine(url: str, path: Path | None) -> Engine:
    if sqlite3.sqlite_version_info < SQLITE_MINIMUM:
        raise StoreError(t("store.sqlite_too_old", version=sqlite3.sqlite_version), file=str(path) if path else None)
    engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn: Any, _record: Any) -> None:
        # pysqlite's own transaction handling defers BEGIN and skips it for DDL; take over, so that
        # every transaction is BEGIN IMMEDIATE: writers queue on the busy timeout instead of failing
        # with "database is locked" when a read turns into a write.
        dbapi_conn.isolation_level = None
        dbapi_conn.execute("PRAGMA foreign_keys = ON")
        dbapi_conn.execute("PRAGMA busy_timeout = 30000")
        # Write-ahead log: readers do not wait for the writer, and a commit is one append (with
        # synchronous=NORMAL a power cut may lose the last commits, never the database's integrity).
        dbapi_conn.execute("PRAGMA journal_mode = WAL")
        dbapi_conn.execute("PRAGMA synchronous = NORMAL")

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        # A reading session (Store.read) starts a deferred transaction instead: in WAL mode a
        # reader neither takes nor waits for the write lock.
        conn.exec_driver_sql("BEGIN" if conn.get_execution_options().get(_READING) else "BEGIN IMMEDIATE")

    return engine


class Store:
    """An open database with a current schema: ``with store.session() as s: ...`` commits at the end."""

    def __init__(self, url: str, path: Path | None, engine: Engine) -> None:
        self.url = url
        self.path = path
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        # Readers: on SQLite a deferred transaction (see _sqlite_engine); elsewhere autocommit, which
        # spares two round trips (BEGIN, COMMIT) per reading request.
        reading: dict[str, Any] = {_READING: True} if engine.dialect.name == "sqlite" else {"isolation_level": "AUTOCOMMIT"}
        self._reading_engine = engine.execution_options(**reading)
        self._readers = sessionmaker(self._reading_engine, expire_on_commit=False)

    @property
    def label(self) -> str:
        """Where the data is, for messages (no password)."""
        return str(self.path) if self.path is not None else make_url(self.url).render_as_string(hide_password=True)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session in one transaction: committed when the block ends, rolled back on an error."""
        try:
            with self._sessions.begin() as session:
                yield session
        except DBAPIError as exc:
            raise StoreError(t("store.database_cannot_used", reason=_short(exc)), file=self.label) from None

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session that only reads: on SQLite its transaction does not take the write lock, so
        readers never queue behind writers (nor writers behind them); on PostgreSQL each statement
        runs on its own (autocommit: no snapshot across statements, no BEGIN and COMMIT)."""
        try:
            with self._readers.begin() as session:
                yield session
        except DBAPIError as exc:
            raise StoreError(t("store.database_cannot_used", reason=_short(exc)), file=self.label) from None

    @contextmanager
    def connect(self, *, reading: bool = False) -> Iterator[Connection]:
        """A Core connection in one transaction, for the hot paths that need no ORM objects (a
        respondent's answer: docs/performance.md). ``reading`` gives :meth:`read`'s transaction;
        otherwise :meth:`session`'s (committed when the block ends, rolled back on an error)."""
        try:
            with (self._reading_engine if reading else self.engine).begin() as conn:
                yield conn
        except DBAPIError as exc:
            raise StoreError(t("store.database_cannot_used", reason=_short(exc)), file=self.label) from None

    def error(self, message: str) -> StoreError:
        return StoreError(message, file=self.label)


def _short(exc: DBAPIError) -> str:
    return str(exc.orig).splitlines()[0] if exc.orig is not None else str(exc).splitlines()[0]


def _current_revision(conn: Connection) -> str | None:
    names = set(inspect(conn).get_table_names())
    if "alembic_version" in names:
        row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
        return None if row is None else str(row[0])
    return None


def _legacy_state(conn: Connection, label: str) -> str | None:
    """For a SQLite file without Alembic: "0001" for a pre-Alembic history, None for an empty one."""
    version = conn.exec_driver_sql("PRAGMA user_version").scalar() or 0
    if version > 1:
        raise StoreError(
            t("store.history_database_has_schema", version=version), file=label
        )
    names = set(inspect(conn).get_table_names())
    if version == 1 and "assessments" in names:
        return "0001"
    if names:
        raise StoreError(t("store.zorgadvies_database_holds_tables", sorted=', '.join(sorted(names))), file=label)
    return None


def upgrade(store: Store) -> None:
    """Bring the schema to :data:`HEAD` (in one locked transaction; a no-op when it is current)."""
    from alembic import command
    from alembic.config import Config

    with store.engine.connect() as conn:
        with conn.begin():
            if not store.is_sqlite:
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK})
            current = _current_revision(conn)
            if current is None and store.is_sqlite:
                current = _legacy_state(conn, store.label)
                stamp = current
            elif current is None:
                names = set(inspect(conn).get_table_names())
                if names:
                    raise store.error(t("store.zorgadvies_database_holds_tables", sorted=', '.join(sorted(names))))
                stamp = None
            else:
                stamp = None
            if current is not None and current not in _KNOWN:
                raise store.error(t("store.database_schema_revision_newer", current=current))
            if current == HEAD:
                return
            config = Config()
            config.set_main_option("script_location", str(_MIGRATIONS))
            config.attributes["connection"] = conn
            if stamp is not None:
                command.stamp(config, stamp)
            command.upgrade(config, HEAD)


_STORES: dict[str, Store] = {}
_STORES_LOCK = threading.Lock()


def open_store(target: str | Path | None = None, *, create: bool = True) -> Store | None:
    """The store at ``target`` with a current schema (engines are shared within the process).

    With ``create=False`` a SQLite file that does not exist yet is not created: the result is None
    (reading the history never creates a database).
    """
    url, path = _target(target)
    with _STORES_LOCK:
        cached = _STORES.get(url)
        if cached is not None and (path is None or path.exists()):
            return cached
        if cached is not None:  # the file was removed since: start again
            cached.engine.dispose()
            del _STORES[url]
        if path is not None:
            if not path.exists():
                if not create:
                    return None
                try:
                    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)  # the database holds client data
                except OSError as exc:
                    raise StoreError(t("store.cannot_create_folder_for", strerror=exc.strerror), file=str(path)) from None
            engine = _sqlite_engine(url, path)
        else:
            engine = create_engine(url, pool_pre_ping=True)
        store = Store(url, path, engine)
        try:
            upgrade(store)
        except StoreError:
            engine.dispose()
            raise
        except (SQLAlchemyError, OSError) as exc:
            engine.dispose()
            reason = _short(exc) if isinstance(exc, DBAPIError) else str(exc).splitlines()[0]
            raise store.error(t("store.database_cannot_used", reason=reason)) from None
        _STORES[url] = store
        return store


def forget_stores() -> None:
    """Close every engine this process opened (tests; a forked worker must not share a pool)."""
    with _STORES_LOCK:
        for store in _STORES.values():
            store.engine.dispose()
        _STORES.clear()
