"""Alembic environment: migrations run on the connection zorgadvies.store hands over.

zorgadvies.store.upgrade opens the connection, takes the migration lock (``BEGIN IMMEDIATE`` on
SQLite, an advisory lock on PostgreSQL) and passes the connection in ``config.attributes``, so the
check of the current revision and the migration are one transaction and two processes that open a
new database at the same time cannot both create it.
"""

from __future__ import annotations

from alembic import context

from zorgadvies.store.models import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True, transactional_ddl=True)
with context.begin_transaction():
    context.run_migrations()
