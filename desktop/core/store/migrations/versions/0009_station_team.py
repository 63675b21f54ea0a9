"""Station team: officers' display names by PostgreSQL login, and who is at which complaint.

Both tables are created on both dialects (simpler); on one PC they stay empty.
On PostgreSQL a trigger also sets the officer of every reply, note, status
change and presence row from the login (``current_user``) when the station
names it: an officer writing rows by other means cannot sign as someone else.

Revision ID: 0009
Revises: 0006
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SIGNED = ("reply", "note", "status_change", "presence")  # tables whose rows name an officer


def upgrade() -> None:
    op.create_table(
        "officer",
        sa.Column("login", sa.String(length=63), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("login", name="pk_officer"),
    )
    op.create_table(
        "presence",
        sa.Column("complaint_id", sa.Integer(), nullable=False),
        sa.Column("officer", sa.String(length=200), nullable=False),
        sa.Column("activity", sa.String(length=16), nullable=False),
        sa.Column("seen_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["complaint_id"],
            ["complaint.id"],
            name="fk_presence_complaint_id_complaint",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("complaint_id", "officer", name="pk_presence"),
    )
    op.create_index("ix_presence_seen", "presence", ["seen_at"])
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION officer_of_login() RETURNS trigger LANGUAGE plpgsql AS $$ "
            "DECLARE named text; BEGIN "
            "SELECT display_name INTO named FROM officer WHERE login = current_user; "
            "IF named IS NOT NULL THEN NEW.officer := named; END IF; "
            "RETURN NEW; END $$"
        )
        for table in SIGNED:
            op.execute(
                f"CREATE TRIGGER {table}_officer_of_login BEFORE INSERT OR UPDATE OF officer "
                f"ON {table} FOR EACH ROW EXECUTE FUNCTION officer_of_login()"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in SIGNED:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_officer_of_login ON {table}")
        op.execute("DROP FUNCTION IF EXISTS officer_of_login()")
    op.drop_index("ix_presence_seen", table_name="presence")
    op.drop_table("presence")
    op.drop_table("officer")
