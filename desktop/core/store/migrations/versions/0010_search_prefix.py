"""Prefix indexes in the search index: a word still being typed is found fast.

SQLite's FTS5 table is made again with ``prefix = '2 3 4 5'`` and filled from
the messages (minutes on a million complaints, once). A database made after
this change already has them (0004 makes the current index): nothing to do.
PostgreSQL's GIN index already serves prefix queries: nothing to do there.

Revision ID: 0010_search_prefix
Revises: 0006
"""

from collections.abc import Sequence

from alembic import op

from desktop.core.store import dialects, sqlite

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    bind = op.get_bind()
    if not dialects.is_postgresql(bind):
        sqlite.set_search_prefixes(bind, prefixes=True)


def downgrade() -> None:
    bind = op.get_bind()
    if not dialects.is_postgresql(bind):
        sqlite.set_search_prefixes(bind, prefixes=False)
