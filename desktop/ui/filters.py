"""The side bar's filters: what each one selects, and how its count is read.

Plain Python, no Qt; the counts themselves are the desk's (``Desk.queue``).
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from desktop.core.deadlines import UnitSettings
from desktop.core.desk.queue import Queue
from desktop.core.model import OPEN_STATUSES, Account, Channel, Status
from desktop.core.store.queries import QueueFilter


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


Counts = dict[FilterKey, int]
CountStep = Callable[[Queue], Counts]


def count_steps(now: datetime, unit: UnitSettings, accounts: list[Account]) -> list[CountStep]:
    """The side bar's counts as separate small reads (the database lane runs one at a time,
    so queue windows the officer scrolls to are read in between)."""
    margin = timedelta(seconds=warning_margin(unit))
    return [
        _status_counts,
        lambda queue: _deadline_counts(queue, now, margin),
        lambda queue: _channel_and_account_counts(queue, accounts),
    ]


def _status_counts(queue: Queue) -> Counts:
    per_status = queue.per_status()
    counts: Counts = {FilterKey(FilterKind.STATUS, s.value): n for s, n in per_status.items()}
    counts[NEW] = per_status[Status.NEW]
    counts[OPEN] = sum(per_status[s] for s in OPEN_STATUSES)
    return counts


def _deadline_counts(queue: Queue, now: datetime, margin: timedelta) -> Counts:
    overdue, urgent = queue.due_before(now, now + margin)
    return {OVERDUE: overdue, URGENT: urgent}


def _channel_and_account_counts(queue: Queue, accounts: list[Account]) -> Counts:
    found = queue.open_per_channel_and_account(accounts)
    counts: Counts = {
        FilterKey(FilterKind.CHANNEL, c.value): n for c, n in found.per_channel.items()
    }
    counts.update({FilterKey(FilterKind.ACCOUNT, a): n for a, n in found.per_account.items()})
    return counts
