"""Consultant accounts: the first admin, set-up links, log-in with throttling, sessions, API tokens.

All state is in the database (no worker keeps any), so the server runs with several workers.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from ..store.models import Account, LoginThrottle, Setting, WebSession
from .security import hash_password, hash_token, new_token, verify_password, when

__all__ = [
    "SESSION_DAYS",
    "Throttled",
    "account_for_api_token",
    "account_for_session",
    "add_account",
    "complete_setup",
    "end_session",
    "first_admin_link",
    "log_in",
    "new_api_token",
    "server_secret",
    "start_session",
]

SESSION_DAYS = 7
SETUP_DAYS = 7
#: At most this many failed log-ins per e-mail address (and 4x per client address) per window.
MAX_FAILURES = 5
WINDOW = timedelta(minutes=15)
MIN_PASSWORD = 10


class Throttled(Exception):
    """Too many failed log-ins; try again later."""


def server_secret(session: Session) -> str:
    """The server-wide secret (CSRF tokens), made once and shared by every worker through the database."""
    row = session.get(Setting, "secret")
    if row is None:
        row = Setting(name="secret", value=new_token() + new_token())
        session.add(row)
        session.flush()
    return row.value


def first_admin_link(session: Session) -> str | None:
    """A fresh set-up token for the first admin while no admin has a password yet (else None)."""
    admins = session.execute(select(Account).where(Account.is_admin.is_(True)).order_by(Account.id)).scalars().all()
    if any(a.password_hash for a in admins):
        return None
    admin = admins[0] if admins else None
    if admin is None:
        admin = Account(email="admin", name="Beheerder", is_admin=True, created_at=when())
        session.add(admin)
    token = new_token()
    admin.setup_token_hash = hash_token(token)
    admin.setup_expires_at = when(timedelta(days=SETUP_DAYS))
    session.flush()
    return token


def add_account(session: Session, email: str, name: str, *, is_admin: bool = False) -> str:
    """Add a consultant; returns the one-time set-up token (shown once, stored hashed)."""
    email = email.strip().lower()
    if not email or len(email) > 254 or not name.strip():
        raise ValueError("naam en e-mailadres zijn verplicht")
    if session.execute(select(func.count()).select_from(Account).where(Account.email == email)).scalar_one():
        raise ValueError(f"er is al een account met e-mailadres {email}")
    token = new_token()
    session.add(Account(
        email=email, name=name.strip()[:200], is_admin=is_admin, created_at=when(),
        setup_token_hash=hash_token(token), setup_expires_at=when(timedelta(days=SETUP_DAYS)),
    ))
    session.flush()
    return token


def complete_setup(session: Session, token: str, email: str, password: str) -> Account:
    """Set the password through a set-up link (it works once). ``email`` renames the first admin."""
    account = session.execute(select(Account).where(Account.setup_token_hash == hash_token(token))).scalar_one_or_none()
    if account is None or (account.setup_expires_at or "") < when():
        raise LookupError("deze link is niet (meer) geldig")
    if len(password) < MIN_PASSWORD:
        raise ValueError(f"kies een wachtwoord van minstens {MIN_PASSWORD} tekens")
    email = email.strip().lower()
    if account.email == "admin" and email:
        if session.execute(select(func.count()).select_from(Account).where(Account.email == email)).scalar_one():
            raise ValueError(f"er is al een account met e-mailadres {email}")
        account.email = email[:254]
    account.password_hash = hash_password(password)
    account.setup_token_hash = None
    account.setup_expires_at = None
    session.flush()
    return account


def _failures(session: Session, key: str, now: str, window_start: str) -> LoginThrottle:
    row = session.get(LoginThrottle, key)
    if row is None:
        row = LoginThrottle(key=key, failures=0, window_start=now)
        session.add(row)
    elif row.window_start < window_start:
        row.failures, row.window_start = 0, now
    return row


def log_in(session: Session, email: str, password: str, client: str) -> Account | None:
    """The account for a correct e-mail and password, else None; :class:`Throttled` after too many failures.

    Failures count per e-mail address and per client address within :data:`WINDOW`; a success
    clears the address's count.
    """
    now, window_start = when(), when(-WINDOW)
    # Counts older than the window are kept no longer than needed (docs/privacy.md): they hold the
    # e-mail address tried and the client's address.
    session.execute(delete(LoginThrottle).where(LoginThrottle.window_start < window_start))
    email = email.strip().lower()[:254]
    by_email = _failures(session, f"email:{email}", now, window_start)
    by_client = _failures(session, f"client:{client}"[:300], now, window_start)
    if by_email.failures >= MAX_FAILURES or by_client.failures >= 4 * MAX_FAILURES:
        raise Throttled
    account = session.execute(select(Account).where(Account.email == email)).scalar_one_or_none()
    if not verify_password(account.password_hash if account else None, password) or account is None:
        by_email.failures += 1
        by_client.failures += 1
        return None
    by_email.failures = 0
    return account


def start_session(session: Session, account_id: int) -> str:
    token = new_token()
    session.execute(delete(WebSession).where(WebSession.expires_at < when()))
    session.add(WebSession(token_hash=hash_token(token), account_id=account_id, created_at=when(),
                           expires_at=when(timedelta(days=SESSION_DAYS))))
    return token


def account_for_session(session: Session, token: str | None) -> Account | None:
    if not token:
        return None
    row = session.get(WebSession, hash_token(token))
    if row is None or row.expires_at < when():
        return None
    return session.get(Account, row.account_id)


def end_session(session: Session, token: str | None) -> None:
    if token:
        session.execute(delete(WebSession).where(WebSession.token_hash == hash_token(token)))


def new_api_token(session: Session, account: Account) -> str:
    """A new API token for ``account`` (the previous one stops working)."""
    token = new_token()
    account.api_token_hash = hash_token(token)
    session.flush()
    return token


def account_for_api_token(session: Session, token: str | None) -> Account | None:
    if not token:
        return None
    return session.execute(select(Account).where(Account.api_token_hash == hash_token(token))).scalar_one_or_none()
