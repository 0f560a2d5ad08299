"""The one database schema of zorgadvies (SQLAlchemy 2 declarative models).

The CLI's history (``assess --save``, ``history``) and the web server (``serve``) share it, so an
assessment saved from the terminal shows in the web history and the other way round. The schema is
created and changed only by the Alembic migrations in ``zorgadvies/store/migrations``; these models
describe the result (a test compares the two).

Times are ISO 8601 UTC strings ending in ``Z`` (``2026-01-05T09:30:00Z``): they sort as text, read
the same on SQLite and PostgreSQL, and the history's ``saved_at`` always had that form. Answer values
are JSON text (a string, a number or ``{"minstens": ...}``), written with sorted keys so that the
same answer is the same text.
"""

from __future__ import annotations

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

__all__ = [
    "Account",
    "Answer",
    "AnswerChange",
    "Assessment",
    "Base",
    "Consensus",
    "LoginThrottle",
    "Note",
    "Organisation",
    "Person",
    "Respondent",
    "Round",
    "Setting",
    "WebSession",
]

_TIME = String(32)


class Base(DeclarativeBase):
    pass


class Assessment(Base):
    """One saved assessment (the history). The first revision's table, as the CLI wrote it."""

    __tablename__ = "assessments"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    organisation: Mapped[str] = mapped_column(Text)
    saved_at: Mapped[str] = mapped_column(Text)
    knowledge_version: Mapped[str] = mapped_column(Text)
    knowledge_sha256: Mapped[str] = mapped_column(Text)
    facts_digest: Mapped[str | None] = mapped_column(Text, nullable=True)
    report_json: Mapped[str] = mapped_column(Text)
    # Set when the assessment came from a round in the web app (revision 0002).
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"), nullable=True)
    round_id: Mapped[int | None] = mapped_column(ForeignKey("rounds.id", ondelete="CASCADE"), nullable=True)

    __table_args__ = (Index("assessments_by_organisation", "organisation", "saved_at", "id"),)


class Account(Base):
    """A consultant. ``password_hash`` is an argon2 hash; None until the set-up link is used."""

    __tablename__ = "accounts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    is_admin: Mapped[bool] = mapped_column(Boolean, default=False)
    password_hash: Mapped[str | None] = mapped_column(String(200), nullable=True)
    # One-time set-up link (sha256 of the token) and when it expires.
    setup_token_hash: Mapped[str | None] = mapped_column(String(64), nullable=True, unique=True)
    setup_expires_at: Mapped[str | None] = mapped_column(_TIME, nullable=True)
    api_token_hash: Mapped[str | None] = mapped_column(String(64), nullable=True, unique=True)
    created_at: Mapped[str] = mapped_column(_TIME)


class WebSession(Base):
    """A logged-in browser. The cookie carries a random token; only its sha256 is stored."""

    __tablename__ = "web_sessions"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[str] = mapped_column(_TIME)
    expires_at: Mapped[str] = mapped_column(_TIME)


class LoginThrottle(Base):
    """Failed log-ins per key (an e-mail address or a client address) in the current window."""

    __tablename__ = "login_throttle"
    key: Mapped[str] = mapped_column(String(300), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    window_start: Mapped[str] = mapped_column(_TIME)


class Setting(Base):
    """Server-wide values every worker must share (the CSRF secret)."""

    __tablename__ = "settings"
    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Organisation(Base):
    __tablename__ = "organisations"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    sector: Mapped[str | None] = mapped_column(String(40), nullable=True)
    employees: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_at: Mapped[str] = mapped_column(_TIME)


class Person(Base):
    """A person of an organisation with roles (JSON list) and a DISC profile (JSON, optional)."""

    __tablename__ = "people"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    roles_json: Mapped[str] = mapped_column(Text)
    disc_json: Mapped[str | None] = mapped_column(Text, nullable=True)


class Round(Base):
    """An assessment round: respondents answer until it is closed."""

    __tablename__ = "rounds"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[str] = mapped_column(_TIME)
    closed_at: Mapped[str | None] = mapped_column(_TIME, nullable=True)


class Respondent(Base):
    """Someone who answers through a personal link; only the link token's sha256 is stored."""

    __tablename__ = "respondents"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("rounds.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str | None] = mapped_column(String(40), nullable=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[str] = mapped_column(_TIME)
    revoked_at: Mapped[str | None] = mapped_column(_TIME, nullable=True)
    completed_at: Mapped[str | None] = mapped_column(_TIME, nullable=True)


class Answer(Base):
    """A respondent's current answer to one question."""

    __tablename__ = "answers"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    respondent_id: Mapped[int] = mapped_column(ForeignKey("respondents.id", ondelete="CASCADE"))
    question: Mapped[str] = mapped_column(String(100))
    value_json: Mapped[str] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text, nullable=True)
    updated_at: Mapped[str] = mapped_column(_TIME)

    __table_args__ = (UniqueConstraint("respondent_id", "question", name="answers_one_per_question"),)


class Consensus(Base):
    """The consultant's consensus answer to a question of a round (wins over the respondents')."""

    __tablename__ = "consensus"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("rounds.id", ondelete="CASCADE"))
    question: Mapped[str] = mapped_column(String(100))
    value_json: Mapped[str] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text, nullable=True)
    account_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"), nullable=True)
    updated_at: Mapped[str] = mapped_column(_TIME)

    __table_args__ = (UniqueConstraint("round_id", "question", name="consensus_one_per_question"),)


class AnswerChange(Base):
    """Every change of an answer or a consensus answer: what, by whom, when (the round's audit trail).

    ``actor`` is ``respondent:<id>`` or ``account:<id>``; ``value_json`` None means the answer was
    withdrawn.
    """

    __tablename__ = "answer_changes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("rounds.id", ondelete="CASCADE"), index=True)
    respondent_id: Mapped[int | None] = mapped_column(ForeignKey("respondents.id", ondelete="CASCADE"), nullable=True)
    question: Mapped[str] = mapped_column(String(100))
    value_json: Mapped[str | None] = mapped_column(Text, nullable=True)
    note: Mapped[str | None] = mapped_column(Text, nullable=True)
    actor: Mapped[str] = mapped_column(String(40))
    changed_at: Mapped[str] = mapped_column(_TIME)


class Note(Base):
    """A consultant's note on a round (optionally about one question)."""

    __tablename__ = "notes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("rounds.id", ondelete="CASCADE"), index=True)
    question: Mapped[str | None] = mapped_column(String(100), nullable=True)
    text: Mapped[str] = mapped_column(Text)
    account_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"), nullable=True)
    created_at: Mapped[str] = mapped_column(_TIME)
