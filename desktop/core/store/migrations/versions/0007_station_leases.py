"""Station leases: which worker talks to the platforms for each account, with a fencing token.

Created on both dialects (one PC never writes it); only the station's
PostgreSQL uses it, see ``store.leases``.

Revision ID: 0007_station_leases
Revises: 0006
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "station_lease",
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("holder", sa.String(length=200), nullable=False),
        sa.Column("token", sa.BigInteger(), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("account_id", name="pk_station_lease"),
    )


def downgrade() -> None:
    op.drop_table("station_lease")
