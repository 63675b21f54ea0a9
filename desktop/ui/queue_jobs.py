"""The queue model's work on the database lane: plain functions of the store.

Each opens one short read transaction and returns plain values; the model
applies them on the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.store.database import Store
from desktop.core.store.queries import QueueFilter
from desktop.core.store.queue_pages import (
    IdPage,
    QueueKey,
    QueueRow,
    id_page,
    queue_count,
    queue_rows,
)

PAGE = 1000  # ids read per page
WINDOW = 200  # rows read at once


@dataclass(frozen=True, slots=True)
class FirstLoad:
    page: IdPage
    rows: dict[int, QueueRow]


def first_load(store: Store, queue_filter: QueueFilter) -> FirstLoad:
    """The first page of ids and rows; the total follows in its own job (``count``),
    so the rows show first even when counting a common search word takes a while."""
    with store.read() as conn:
        page = id_page(conn, queue_filter, None, PAGE)
        return FirstLoad(page, queue_rows(conn, page.ids[:WINDOW]))


def pages_until(
    store: Store, queue_filter: QueueFilter, count: int
) -> tuple[list[int], QueueKey | None]:
    """The first ``count`` ids (at least one page), and where they stop."""
    ids: list[int] = []
    after: QueueKey | None = None
    with store.read() as conn:
        while True:
            page = id_page(conn, queue_filter, after, PAGE)
            ids += page.ids
            after = page.after
            if after is None or len(ids) >= count:
                return ids, after


def read_rows(store: Store, ids: list[int]) -> dict[int, QueueRow]:
    with store.read() as conn:
        return queue_rows(conn, ids)


def next_page(store: Store, queue_filter: QueueFilter, after: QueueKey | None) -> IdPage:
    with store.read() as conn:
        return id_page(conn, queue_filter, after, PAGE)


def count(store: Store, queue_filter: QueueFilter) -> int:
    with store.read() as conn:
        return queue_count(conn, queue_filter)
