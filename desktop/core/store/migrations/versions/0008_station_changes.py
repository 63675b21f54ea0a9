"""Station mode's change feed: a numbered change row per touched complaint, and a
notification, written by triggers on PostgreSQL (see ``store/changes.py``).

PostgreSQL only: a single PC's SQLite store has one writer and needs no feed.

Revision ID: 0008
Revises: 0006
"""

from collections.abc import Sequence

from alembic import op

from desktop.core.store import changes, dialects

revision: str = "0008"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    bind = op.get_bind()
    if dialects.is_postgresql(bind):
        changes.create_feed(bind)


def downgrade() -> None:
    bind = op.get_bind()
    if dialects.is_postgresql(bind):
        changes.drop_feed(bind)
