"""The side bar's filters: what each one selects, and how its count is read.

Plain Python, no Qt. The counts are read in a few queries, each served by an
index alone, so they stay cheap with a million complaints; they rely on the
store's rule that only open complaints have a due time.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Connection, func, select

from desktop.core.deadlines import UnitSettings
from desktop.core.model import OPEN_STATUSES, Channel, Status
from desktop.core.store.queries import QueueFilter
from desktop.core.store.schema import AccountRow, ComplaintRow


class FilterKind(enum.StrEnum):
    OPEN = "open"  # every open complaint (the default)
    URGENT = "urgent"  # Mendesak: due within the warning margin, or late
    OVERDUE = "overdue"  # Terlambat: past the due time
    NEW = "new"  # Baru: not answered yet
    STATUS = "status"
    CHANNEL = "channel"
    ACCOUNT = "account"


@dataclass(frozen=True, slots=True)
class FilterKey:
    kind: FilterKind
    value: str | int | None = None


OPEN = FilterKey(FilterKind.OPEN)
URGENT = FilterKey(FilterKind.URGENT)
OVERDUE = FilterKey(FilterKind.OVERDUE)
NEW = FilterKey(FilterKind.NEW)
# Statuses listed under "Status" (new ones have their own entry at the top).
LISTED_STATUSES = (Status.ACKNOWLEDGED, Status.IN_PROGRESS, Status.RESOLVED, Status.DISMISSED)


@dataclass(frozen=True, slots=True)
class AccountInfo:
    """One of the unit's accounts, as the window shows it (no secrets here)."""

    id: int
    channel: Channel
    name: str
    sync_state: str
    last_sync_at: datetime | None
    last_error: str | None


def warning_margin(unit: UnitSettings) -> float:
    """Seconds before the first-answer deadline at which a complaint turns urgent."""
    deadlines = unit.deadlines
    return (1 - deadlines.warning_fraction) * deadlines.first_answer.total_seconds()


def queue_filter(key: FilterKey, now: datetime, unit: UnitSettings) -> QueueFilter:
    """The queue filter a side-bar entry stands for, at ``now``."""
    if key.kind is FilterKind.URGENT:
        return QueueFilter(overdue_at=now + timedelta(seconds=warning_margin(unit)))
    if key.kind is FilterKind.OVERDUE:
        return QueueFilter(overdue_at=now)
    if key.kind is FilterKind.NEW:
        return QueueFilter(statuses=frozenset({Status.NEW}))
    if key.kind is FilterKind.STATUS:
        return QueueFilter(statuses=frozenset({Status(str(key.value))}))
    if key.kind is FilterKind.CHANNEL:
        return QueueFilter(channel=Channel(str(key.value)))
    if key.kind is FilterKind.ACCOUNT:
        return QueueFilter(account_id=int(key.value or 0))
    return QueueFilter()


def read_accounts(conn: Connection) -> list[AccountInfo]:
    rows = conn.execute(
        select(
            AccountRow.id,
            AccountRow.channel,
            AccountRow.name,
            AccountRow.sync_state,
            AccountRow.last_sync_at,
            AccountRow.last_error,
        ).order_by(AccountRow.channel, AccountRow.name)
    )
    return [AccountInfo(i, Channel(c), n, s or "idle", at, e) for i, c, n, s, at, e in rows]


Counts = dict[FilterKey, int]
CountStep = Callable[[Connection], Counts]


def count_steps(now: datetime, unit: UnitSettings, accounts: list[AccountInfo]) -> list[CountStep]:
    """The side bar's counts as separate small reads (the database lane runs one at a time,
    so queue windows the officer scrolls to are read in between)."""
    margin = warning_margin(unit)
    return [
        _status_counts,
        lambda conn: _deadline_counts(conn, now, margin),
        lambda conn: _channel_and_account_counts(conn, accounts),
    ]


def _status_counts(conn: Connection) -> Counts:
    rows = conn.execute(
        select(ComplaintRow.status, func.count()).group_by(ComplaintRow.status)
    ).all()
    per_status = {Status(status): int(n) for status, n in rows}
    counts: Counts = {FilterKey(FilterKind.STATUS, s.value): per_status.get(s, 0) for s in Status}
    counts[NEW] = per_status.get(Status.NEW, 0)
    counts[OPEN] = sum(per_status.get(s, 0) for s in OPEN_STATUSES)
    return counts


def _deadline_counts(conn: Connection, now: datetime, margin_seconds: float) -> Counts:
    def due_before(moment: datetime) -> int:
        # Only open complaints have a due time: the due index alone answers this.
        statement = select(func.count()).where(ComplaintRow.due_at < moment)
        return int(conn.execute(statement).scalar_one())

    return {
        OVERDUE: due_before(now),
        URGENT: due_before(now + timedelta(seconds=margin_seconds)),
    }


def _channel_and_account_counts(conn: Connection, accounts: list[AccountInfo]) -> Counts:
    per_channel: dict[str, int] = {}
    # Open and due: the (channel, due) index covers it. Open and not due: few rows.
    due_rows = conn.execute(
        select(ComplaintRow.channel, func.count())
        .where(ComplaintRow.due_at.is_not(None))
        .group_by(ComplaintRow.channel)
    ).all()
    undue_rows = conn.execute(
        select(ComplaintRow.channel, func.count())
        .where(
            ComplaintRow.status.in_(sorted(s.value for s in OPEN_STATUSES)),
            ComplaintRow.due_at.is_(None),
        )
        .group_by(ComplaintRow.channel)
    ).all()
    for channel, n in [*due_rows, *undue_rows]:
        per_channel[channel] = per_channel.get(channel, 0) + int(n)
    counts: Counts = {FilterKey(FilterKind.CHANNEL, c): n for c, n in per_channel.items()}
    counts.update(_account_counts(conn, accounts, per_channel))
    return counts


def _account_counts(
    conn: Connection, accounts: list[AccountInfo], per_channel: Mapping[str, int]
) -> Counts:
    """An account alone on its channel has the channel's count; others are counted."""
    sharing: dict[Channel, int] = {}
    for account in accounts:
        sharing[account.channel] = sharing.get(account.channel, 0) + 1
    counts: Counts = {}
    for account in accounts:
        key = FilterKey(FilterKind.ACCOUNT, account.id)
        if sharing[account.channel] == 1:
            counts[key] = per_channel.get(account.channel.value, 0)
            continue
        statement = select(func.count()).where(
            ComplaintRow.account_id == account.id,
            ComplaintRow.status.in_(sorted(s.value for s in OPEN_STATUSES)),
        )
        counts[key] = int(conn.execute(statement).scalar_one())
    return counts
