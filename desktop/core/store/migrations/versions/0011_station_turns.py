"""Station mode: one lock order for every writer, and presence through the feed.

- Every statement on a table the desktops show first takes the change feed's
  advisory lock (a BEFORE statement trigger), before any row lock of its own:
  a status change and a page store can no longer deadlock (``store/changes.py``).

PostgreSQL only; nothing changes on one PC.

Revision ID: 0011
Revises: 0010
"""

from collections.abc import Sequence

from alembic import op

from desktop.core.store import changes, dialects

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    bind = op.get_bind()
    if dialects.is_postgresql(bind):
        changes.create_turns(bind)


def downgrade() -> None:
    bind = op.get_bind()
    if dialects.is_postgresql(bind):
        changes.drop_turns(bind)
