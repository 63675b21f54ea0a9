"""Station mode: one lock order for every writer, triggers that run as the owner,
presence through LISTEN/NOTIFY.

- Every statement on a table the desktops show first takes the change feed's
  advisory lock (a BEFORE statement trigger), before any row lock of its own:
  a status change and a page store can no longer deadlock (``store/changes.py``).
- The triggers that write the change log and the side bar's counts run as the
  schema's owner (``SECURITY DEFINER`` with a fixed ``search_path``): an
  officer's login needs no right to write ``station_change``,
  ``complaint_tally`` or ``complaint_due_hour``, so it cannot forge or rewrite
  them (``station/roles.py``). Trigger functions cannot be called directly, so
  the owner's rights serve those triggers only. ``officer_of_login`` stays as
  it is: it must see the officer's own ``current_user``.
- A presence change the others should see notifies ``aduan_station_presence``
  with the complaint's id (``store/presence.py``).

PostgreSQL only; nothing changes on one PC.

Revision ID: 0011
Revises: 0010
"""

from collections.abc import Sequence

from alembic import op
from sqlalchemy import Connection

from desktop.core.store import changes, dialects, postgresql, presence

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _owners_triggers() -> list[str]:
    return [*changes.feed_functions(), *postgresql.count_functions()]


def upgrade() -> None:
    bind = op.get_bind()
    if not dialects.is_postgresql(bind):
        return
    changes.create_turns(bind)
    presence.create_notify(bind)
    schema = _quoted_schema(bind)
    for name in _owners_triggers():
        bind.exec_driver_sql(
            f"ALTER FUNCTION {name}() SECURITY DEFINER SET search_path = {schema}, pg_temp"
        )


def downgrade() -> None:
    bind = op.get_bind()
    if not dialects.is_postgresql(bind):
        return
    for name in _owners_triggers():
        bind.exec_driver_sql(f"ALTER FUNCTION {name}() SECURITY INVOKER RESET search_path")
    changes.drop_turns(bind)
    presence.drop_notify(bind)


def _quoted_schema(bind: Connection) -> str:
    name = bind.exec_driver_sql("SELECT quote_ident(current_schema())").scalar_one()
    return str(name)
