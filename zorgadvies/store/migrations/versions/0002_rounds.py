"""Accounts, organisations, rounds, respondents, answers with their history, consensus and notes.

Saved assessments gain the organisation and round they came from (both empty for CLI saves).

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

TIME = sa.String(32)


def upgrade() -> None:
    op.create_table(
        "accounts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("email", sa.String(254), nullable=False, unique=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("is_admin", sa.Boolean, nullable=False),
        sa.Column("password_hash", sa.String(200), nullable=True),
        sa.Column("setup_token_hash", sa.String(64), nullable=True, unique=True),
        sa.Column("setup_expires_at", TIME, nullable=True),
        sa.Column("api_token_hash", sa.String(64), nullable=True, unique=True),
        sa.Column("created_at", TIME, nullable=False),
    )
    op.create_table(
        "web_sessions",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column("account_id", sa.Integer, sa.ForeignKey("accounts.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("created_at", TIME, nullable=False),
        sa.Column("expires_at", TIME, nullable=False),
    )
    op.create_table(
        "login_throttle",
        sa.Column("key", sa.String(300), primary_key=True),
        sa.Column("failures", sa.Integer, nullable=False),
        sa.Column("window_start", TIME, nullable=False),
    )
    op.create_table(
        "settings",
        sa.Column("name", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.create_table(
        "organisations",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("owner_id", sa.Integer, sa.ForeignKey("accounts.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("sector", sa.String(40), nullable=True),
        sa.Column("employees", sa.Integer, nullable=True),
        sa.Column("created_at", TIME, nullable=False),
    )
    op.create_table(
        "people",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("organisation_id", sa.Integer, sa.ForeignKey("organisations.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("roles_json", sa.Text, nullable=False),
        sa.Column("disc_json", sa.Text, nullable=True),
    )
    op.create_table(
        "rounds",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("organisation_id", sa.Integer, sa.ForeignKey("organisations.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("created_at", TIME, nullable=False),
        sa.Column("closed_at", TIME, nullable=True),
    )
    op.create_table(
        "respondents",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("round_id", sa.Integer, sa.ForeignKey("rounds.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("role", sa.String(40), nullable=True),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("created_at", TIME, nullable=False),
        sa.Column("revoked_at", TIME, nullable=True),
        sa.Column("completed_at", TIME, nullable=True),
    )
    op.create_table(
        "answers",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("respondent_id", sa.Integer, sa.ForeignKey("respondents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("question", sa.String(100), nullable=False),
        sa.Column("value_json", sa.Text, nullable=False),
        sa.Column("note", sa.Text, nullable=True),
        sa.Column("updated_at", TIME, nullable=False),
        sa.UniqueConstraint("respondent_id", "question", name="answers_one_per_question"),
    )
    op.create_table(
        "consensus",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("round_id", sa.Integer, sa.ForeignKey("rounds.id", ondelete="CASCADE"), nullable=False),
        sa.Column("question", sa.String(100), nullable=False),
        sa.Column("value_json", sa.Text, nullable=False),
        sa.Column("note", sa.Text, nullable=True),
        sa.Column("account_id", sa.Integer, sa.ForeignKey("accounts.id", ondelete="SET NULL"), nullable=True),
        sa.Column("updated_at", TIME, nullable=False),
        sa.UniqueConstraint("round_id", "question", name="consensus_one_per_question"),
    )
    op.create_table(
        "answer_changes",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("round_id", sa.Integer, sa.ForeignKey("rounds.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("respondent_id", sa.Integer, sa.ForeignKey("respondents.id", ondelete="CASCADE"), nullable=True),
        sa.Column("question", sa.String(100), nullable=False),
        sa.Column("value_json", sa.Text, nullable=True),
        sa.Column("note", sa.Text, nullable=True),
        sa.Column("actor", sa.String(40), nullable=False),
        sa.Column("changed_at", TIME, nullable=False),
    )
    op.create_table(
        "notes",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("round_id", sa.Integer, sa.ForeignKey("rounds.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("question", sa.String(100), nullable=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("account_id", sa.Integer, sa.ForeignKey("accounts.id", ondelete="SET NULL"), nullable=True),
        sa.Column("created_at", TIME, nullable=False),
    )
    with op.batch_alter_table("assessments") as batch:
        batch.add_column(sa.Column("organisation_id", sa.Integer, nullable=True))
        batch.add_column(sa.Column("round_id", sa.Integer, nullable=True))
        batch.create_foreign_key("assessments_organisation_fk", "organisations", ["organisation_id"], ["id"], ondelete="CASCADE")
        batch.create_foreign_key("assessments_round_fk", "rounds", ["round_id"], ["id"], ondelete="CASCADE")


def downgrade() -> None:
    with op.batch_alter_table("assessments") as batch:
        batch.drop_constraint("assessments_round_fk", type_="foreignkey")
        batch.drop_constraint("assessments_organisation_fk", type_="foreignkey")
        batch.drop_column("round_id")
        batch.drop_column("organisation_id")
    for table in ("notes", "answer_changes", "consensus", "answers", "respondents", "rounds", "people",
                  "organisations", "settings", "login_throttle", "web_sessions", "accounts"):
        op.drop_table(table)
