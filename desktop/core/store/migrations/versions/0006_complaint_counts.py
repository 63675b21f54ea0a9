"""Counts kept by the writes: per (account, channel, status), and per hour of due time.

The side bar's, status bar's and tray's counts then read a few small rows
instead of scanning the complaints.

Revision ID: 0006
Revises: 0005
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from desktop.core.store import dialects, postgresql, sqlite_counts

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "complaint_tally",
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("account_id", "channel", "status", name="pk_complaint_tally"),
    )
    op.create_table(
        "complaint_due_hour",
        sa.Column("hour", sa.String(length=13), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("hour", name="pk_complaint_due_hour"),
    )
    bind = op.get_bind()
    counts = postgresql if dialects.is_postgresql(bind) else sqlite_counts
    counts.create_count_triggers(bind)
    counts.recount(bind)


def downgrade() -> None:
    bind = op.get_bind()
    counts = postgresql if dialects.is_postgresql(bind) else sqlite_counts
    counts.drop_count_triggers(bind)
    op.drop_table("complaint_due_hour")
    op.drop_table("complaint_tally")
