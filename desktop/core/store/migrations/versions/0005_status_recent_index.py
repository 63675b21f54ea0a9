"""Index closed complaints by status and recency: the Selesai/Diabaikan lists page fast.

Revision ID: 0005
Revises: 0004
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_complaint_status_last_message", "complaint", ["status", "last_message_at"])


def downgrade() -> None:
    op.drop_index("ix_complaint_status_last_message", table_name="complaint")
