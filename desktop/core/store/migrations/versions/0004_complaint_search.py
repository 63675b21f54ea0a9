"""Search by complaint: one index row per complaint instead of one per message.

A search then yields complaint ids straight from the index, which keeps a
search for a common word fast with a million complaints.

Revision ID: 0004
Revises: 0003
"""

from collections.abc import Sequence

from alembic import op

from desktop.core.store import dialects, postgresql, sqlite

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    bind = op.get_bind()
    if dialects.is_postgresql(bind):  # PostgreSQL's own index, with the indonesian stemmer
        postgresql.create_search_index(bind)
        postgresql.rebuild_search_index(bind)
        return
    sqlite.create_search_index(bind)
    sqlite.rebuild_search_index(bind)
    sqlite.drop_legacy_message_index(bind)


def downgrade() -> None:
    bind = op.get_bind()
    if dialects.is_postgresql(bind):
        postgresql.drop_search_index(bind)
        return
    sqlite.drop_search_index(bind)
    sqlite.create_legacy_message_index(bind)
