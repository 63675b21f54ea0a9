"""Who did what: the officer recorded on replies, notes and status changes.

On one PC the name is the one the window gives (the officer's preference).
In station mode it is derived from the PostgreSQL login (``current_user``)
inside the same transaction as the write, mapped to a display name by the
``officer`` table (``station roles`` adds every officer's login to it). A
login without an entry (the schema owner running maintenance, a station set
up before its officers were added) records the name the window gives, as on
one PC; ``station doctor`` reports such a login.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, select, text

from desktop.core.model import Status
from desktop.core.store.dialects import is_postgresql
from desktop.core.store.schema import OfficerRow, StatusChangeRow


@dataclass(frozen=True, slots=True)
class StatusChange:
    old: Status
    new: Status
    officer: str
    at: datetime


def acting_officer(conn: Connection, given: str) -> str:
    """The officer to record: the login's display name in station mode, else ``given``."""
    name = login_display_name(conn) if is_postgresql(conn) else None
    return name or given


def login_display_name(conn: Connection) -> str | None:
    """The display name of this connection's PostgreSQL login, if the station names it."""
    login = conn.execute(text("SELECT current_user")).scalar_one()
    return conn.execute(
        select(OfficerRow.display_name).where(OfficerRow.login == login)
    ).scalar_one_or_none()


def last_status_change(conn: Connection, complaint_id: int) -> StatusChange | None:
    """The complaint's latest status change (who, when), or ``None`` if it never changed."""
    row = conn.execute(
        select(
            StatusChangeRow.old_status,
            StatusChangeRow.new_status,
            StatusChangeRow.officer,
            StatusChangeRow.changed_at,
        )
        .where(StatusChangeRow.complaint_id == complaint_id)
        .order_by(StatusChangeRow.id.desc())
        .limit(1)
    ).first()
    if row is None:
        return None
    return StatusChange(Status(row[0]), Status(row[1]), row[2], row[3])
