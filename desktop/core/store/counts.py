"""The counts the side bar, the status bar and the tray show, and what arrived lately.

The counts come from the tables the writes keep (``queries.status_counts`` and
friends): a few small rows, whatever the number of complaints.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Connection, func, select

from desktop.core.model import Account, Channel, Status
from desktop.core.store import queries
from desktop.core.store.schema import ComplaintRow


def per_status(conn: Connection) -> dict[Status, int]:
    return queries.status_counts(conn)


def due_before(conn: Connection, moment: datetime) -> int:
    """Open complaints due before ``moment``."""
    return queries.due_before_count(conn, moment)


@dataclass(frozen=True, slots=True)
class OpenCounts:
    per_channel: dict[Channel, int]
    per_account: dict[int, int]


def open_per_channel_and_account(conn: Connection, accounts: Sequence[Account]) -> OpenCounts:
    """Open complaints per channel and per account (every account listed, zeros too)."""
    per_account = queries.account_counts(conn)
    return OpenCounts(
        queries.channel_counts(conn),
        {account.id: per_account.get(account.id, 0) for account in accounts},
    )


@dataclass(frozen=True, slots=True)
class Arrivals:
    """What happened since the previous look."""

    newest_id: int
    new_count: int
    new_author: str | None
    warning_count: int
    warning_author: str | None


def arrivals(
    conn: Connection, after_id: int | None, since: datetime, now: datetime, margin: timedelta
) -> Arrivals:
    """New complaints after ``after_id``; complaints whose warning time fell in (since, now]."""
    newest = int(conn.execute(select(func.coalesce(func.max(ComplaintRow.id), 0))).scalar_one())
    new_count, new_author = 0, None
    if after_id is not None and newest > after_id:
        fresh = ComplaintRow.id > after_id, ComplaintRow.status == Status.NEW.value
        new_count = int(conn.execute(select(func.count()).where(*fresh)).scalar_one())
        new_author = conn.execute(
            select(ComplaintRow.author_name).where(*fresh).order_by(ComplaintRow.id.desc())
        ).scalar()
    crossing = ComplaintRow.due_at > since + margin, ComplaintRow.due_at <= now + margin
    warning_count = int(conn.execute(select(func.count()).where(*crossing)).scalar_one())
    warning_author = None
    if warning_count:
        warning_author = conn.execute(
            select(ComplaintRow.author_name).where(*crossing).order_by(ComplaintRow.due_at)
        ).scalar()
    return Arrivals(newest, new_count, new_author, warning_count, warning_author)
