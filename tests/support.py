"""Values and types the tests share (fixtures live in conftest.py)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import Connection, select

from desktop.core.model import InboundItem
from desktop.core.store.queries import QueueFilter
from desktop.core.store.schema import ComplaintRow
from desktop.core.store.sqlite import search

# A fixed "now" for tests whose items are dated relative to it.
NOW = datetime(2026, 11, 29, 6, 0, tzinfo=UTC)

ItemFactory = Callable[..., InboundItem]


def reference_queue_ids(conn: Connection, queue_filter: QueueFilter) -> list[int]:
    """The queue order computed the plain way (every row, sorted in Python).

    The oracle the paged, index-driven reads are held to.
    """
    statement = select(ComplaintRow.id, ComplaintRow.due_at, ComplaintRow.last_message_at).where(
        ComplaintRow.status.in_([s.value for s in queue_filter.statuses])
    )
    if queue_filter.channel is not None:
        statement = statement.where(ComplaintRow.channel == queue_filter.channel.value)
    if queue_filter.account_id is not None:
        statement = statement.where(ComplaintRow.account_id == queue_filter.account_id)
    if queue_filter.overdue_at is not None:
        statement = statement.where(ComplaintRow.due_at < queue_filter.overdue_at)
    if queue_filter.search.strip():
        found = search(conn, queue_filter.search)
        if found is None:
            return []
        statement = statement.where(ComplaintRow.id.in_(found.ids))
    rows = conn.execute(statement).all()
    due = sorted((r for r in rows if r.due_at is not None), key=lambda r: (r.due_at, r.id))
    rest = sorted(
        (r for r in rows if r.due_at is None), key=lambda r: (r.last_message_at, r.id), reverse=True
    )
    return [r.id for r in due + rest]
