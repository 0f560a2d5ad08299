"""The history table as zorgadvies 0.1 created it (PRAGMA user_version 1, before Alembic).

A history database made by that version is stamped at this revision and upgraded from here.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "assessments",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("organisation", sa.Text, nullable=False),
        sa.Column("saved_at", sa.Text, nullable=False),
        sa.Column("knowledge_version", sa.Text, nullable=False),
        sa.Column("knowledge_sha256", sa.Text, nullable=False),
        sa.Column("facts_digest", sa.Text, nullable=True),
        sa.Column("report_json", sa.Text, nullable=False),
    )
    op.create_index("assessments_by_organisation", "assessments", ["organisation", "saved_at", "id"])


def downgrade() -> None:
    op.drop_index("assessments_by_organisation", "assessments")
    op.drop_table("assessments")
