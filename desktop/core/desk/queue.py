"""The queue: pages of ids in urgency order, rows, totals, counts, arrivals."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from desktop.core.model import Account, Complaint, Status
from desktop.core.store import counts
from desktop.core.store.accounts import list_accounts
from desktop.core.store.database import Store
from desktop.core.store.queries import QueueFilter
from desktop.core.store.queue_pages import (
    IdPage,
    QueueKey,
    QueueRow,
    id_page,
    queue_count,
    queue_page,
    queue_rows,
)

PAGE = 1000  # ids read per page
WINDOW = 200  # rows read at once


@dataclass(frozen=True, slots=True)
class FirstLoad:
    page: IdPage
    rows: dict[int, QueueRow]


class Queue:
    def __init__(self, store: Store) -> None:
        self._store = store

    def first_load(self, queue_filter: QueueFilter) -> FirstLoad:
        """The first page of ids and rows; the total follows in its own call (``count``),
        so the rows show first even when counting a common search word takes a while."""
        with self._store.read() as conn:
            page = id_page(conn, queue_filter, None, PAGE)
            return FirstLoad(page, queue_rows(conn, page.ids[:WINDOW]))

    def next_page(self, queue_filter: QueueFilter, after: QueueKey | None) -> IdPage:
        with self._store.read() as conn:
            return id_page(conn, queue_filter, after, PAGE)

    def pages_until(
        self, queue_filter: QueueFilter, count: int
    ) -> tuple[list[int], QueueKey | None]:
        """The first ``count`` ids (at least one page), and where they stop."""
        ids: list[int] = []
        after: QueueKey | None = None
        with self._store.read() as conn:
            while True:
                page = id_page(conn, queue_filter, after, PAGE)
                ids += page.ids
                after = page.after
                if after is None or len(ids) >= count:
                    return ids, after

    def rows(self, ids: Sequence[int]) -> dict[int, QueueRow]:
        with self._store.read() as conn:
            return queue_rows(conn, list(ids))

    def top(self, queue_filter: QueueFilter, limit: int) -> list[Complaint]:
        """The ``limit`` most urgent complaints that match."""
        with self._store.read() as conn:
            return queue_page(conn, queue_filter, limit=limit)

    def count(self, queue_filter: QueueFilter) -> int:
        with self._store.read() as conn:
            return queue_count(conn, queue_filter)

    # --- counts and arrivals ----------------------------------------------------------

    def accounts(self) -> list[Account]:
        """Every account, disabled ones included (their complaints are still here)."""
        with self._store.read() as conn:
            return list_accounts(conn, include_disabled=True)

    def per_status(self) -> dict[Status, int]:
        with self._store.read() as conn:
            return counts.per_status(conn)

    def due_before(self, *moments: datetime) -> tuple[int, ...]:
        with self._store.read() as conn:
            return tuple(counts.due_before(conn, moment) for moment in moments)

    def open_per_channel_and_account(self, accounts: Sequence[Account]) -> counts.OpenCounts:
        with self._store.read() as conn:
            return counts.open_per_channel_and_account(conn, accounts)

    def arrivals(
        self, after_id: int | None, since: datetime, now: datetime, margin: timedelta
    ) -> counts.Arrivals:
        with self._store.read() as conn:
            return counts.arrivals(conn, after_id, since, now, margin)
