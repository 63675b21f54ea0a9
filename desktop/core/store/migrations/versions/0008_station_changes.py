"""Station mode: the change feed, and the offline journal with its idempotent apply.

- ``station_change`` and its triggers (PostgreSQL only: a single PC's store has one
  writer and needs no feed; see ``store/changes.py``);
- ``station_journal``: a desktop's officer actions made while the station was out
  (kept in the desktop's replica, a SQLite file);
- ``station_applied``: the journal entries the station has applied, one row per
  entry's UUID, so that a retried apply is a no-op.

The two journal tables are created on both dialects (simpler); each is used on one.

Revision ID: 0008
Revises: 0006
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from desktop.core.store import changes, dialects

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "station_journal",
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("action_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("complaint_id", sa.Integer(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("base_status", sa.String(length=16), nullable=False),
        sa.Column("officer", sa.String(length=200), nullable=False),
        sa.Column("made_at", sa.String(length=32), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("seq", name="pk_station_journal"),
        sa.UniqueConstraint("action_id", name="uq_station_journal_action_id"),
    )
    op.create_table(
        "station_applied",
        sa.Column("action_id", sa.String(length=36), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("action_id", name="pk_station_applied"),
    )
    bind = op.get_bind()
    if dialects.is_postgresql(bind):
        changes.create_feed(bind)


def downgrade() -> None:
    bind = op.get_bind()
    if dialects.is_postgresql(bind):
        changes.drop_feed(bind)
    op.drop_table("station_applied")
    op.drop_table("station_journal")
