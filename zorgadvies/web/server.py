"""How uvicorn's worker processes find the app: the CLI passes the settings through the environment.

Each worker process builds its own app (and database engine) from ``ZORGADVIES_SERVE_*``; nothing
else is shared between them but the database.
"""

from __future__ import annotations

import os
from pathlib import Path

from litestar import Litestar

from ..store import Store, open_store
from .app import create_app

__all__ = ["app_from_env", "prepare"]

_DB = "ZORGADVIES_SERVE_DATABASE"
_SECURE = "ZORGADVIES_SERVE_SECURE"


def prepare(database: str | Path | None, *, secure_cookies: bool) -> Store:
    """Open (and migrate) the database once, before the workers start, and pass the settings on."""
    store = open_store(database)
    assert store is not None
    os.environ[_DB] = store.url
    os.environ[_SECURE] = "1" if secure_cookies else "0"
    return store


def app_from_env() -> Litestar:
    return create_app(os.environ.get(_DB) or None, secure_cookies=os.environ.get(_SECURE) == "1")
