"""The counts the side bar, the status bar and the tray show, and what arrived lately.

Each is read by a few queries served by an index alone, relying on the store's
rule that only open complaints have a due time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Connection, func, select

from desktop.core.model import OPEN_STATUSES, Account, Channel, Status
from desktop.core.store.schema import ComplaintRow

_OPEN = sorted(s.value for s in OPEN_STATUSES)


def per_status(conn: Connection) -> dict[Status, int]:
    rows = conn.execute(
        select(ComplaintRow.status, func.count()).group_by(ComplaintRow.status)
    ).all()
    found = {Status(status): int(n) for status, n in rows}
    return {status: found.get(status, 0) for status in Status}


def due_before(conn: Connection, moment: datetime) -> int:
    """Open complaints due before ``moment`` (the due index alone answers this)."""
    return int(conn.execute(select(func.count()).where(ComplaintRow.due_at < moment)).scalar_one())


@dataclass(frozen=True, slots=True)
class OpenCounts:
    per_channel: dict[Channel, int]
    per_account: dict[int, int]


def open_per_channel_and_account(conn: Connection, accounts: Sequence[Account]) -> OpenCounts:
    """Open complaints per channel, and per account (an account alone on its channel
    has the channel's count; accounts that share one are counted)."""
    per_channel: dict[Channel, int] = {}
    # Open and due: the (channel, due) index covers it. Open and not due: few rows.
    due_rows = conn.execute(
        select(ComplaintRow.channel, func.count())
        .where(ComplaintRow.due_at.is_not(None))
        .group_by(ComplaintRow.channel)
    ).all()
    undue_rows = conn.execute(
        select(ComplaintRow.channel, func.count())
        .where(ComplaintRow.status.in_(_OPEN), ComplaintRow.due_at.is_(None))
        .group_by(ComplaintRow.channel)
    ).all()
    for channel, n in [*due_rows, *undue_rows]:
        per_channel[Channel(channel)] = per_channel.get(Channel(channel), 0) + int(n)
    sharing: dict[Channel, int] = {}
    for account in accounts:
        sharing[account.channel] = sharing.get(account.channel, 0) + 1
    per_account: dict[int, int] = {}
    for account in accounts:
        if sharing[account.channel] == 1:
            per_account[account.id] = per_channel.get(account.channel, 0)
            continue
        statement = select(func.count()).where(
            ComplaintRow.account_id == account.id, ComplaintRow.status.in_(_OPEN)
        )
        per_account[account.id] = int(conn.execute(statement).scalar_one())
    return OpenCounts(per_channel, per_account)


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
