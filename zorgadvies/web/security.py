"""Secrets of the web app: random tokens stored as hashes, argon2 passwords, log-in throttling.

Every link or cookie token carries 192 random bits (``secrets.token_urlsafe(24)``); the database
holds only its sha256, so a copy of the database opens no link and no session.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from datetime import datetime, timedelta, timezone

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

__all__ = ["content_disposition", "hash_password", "hash_token", "new_token", "verify_password", "when"]

_HASHER = PasswordHasher()
#: Verified when an unknown e-mail address logs in, so that the answer takes as long as for a known one.
_DUMMY = _HASHER.hash("no such account")


def new_token() -> str:
    """A URL-safe token of 192 random bits."""
    return secrets.token_urlsafe(24)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def verify_password(stored: str | None, password: str) -> bool:
    try:
        return _HASHER.verify(stored or _DUMMY, password) and stored is not None
    except (VerificationError, InvalidHashError):
        return False


def when(delta: timedelta = timedelta(0)) -> str:
    """Now plus ``delta`` as the store writes times."""
    moment = datetime.now(timezone.utc) + delta
    return moment.isoformat(timespec="seconds").replace("+00:00", "Z")


def content_disposition(filename: str, *, inline: bool = False) -> str:
    """A Content-Disposition header for a download named ``filename`` (often made from user text).

    Only ASCII letters, digits, ``.``, ``-`` and ``_`` survive: no path separator, quote, CR or LF
    reaches the header or the user's disk; a name that starts with a dot is not hidden.
    """
    safe = re.sub(r"[^A-Za-z0-9._-]+", "-", filename).lstrip(".-")[:120] or "download"
    return f'{"inline" if inline else "attachment"}; filename="{safe}"'
