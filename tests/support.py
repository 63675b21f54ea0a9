"""Values and types the tests share (fixtures live in conftest.py)."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import Connection, select

from desktop.core.model import Account, Channel, InboundItem
from desktop.core.store import accounts
from desktop.core.store.database import Store, open_postgresql, open_with_key
from desktop.core.store.dialects import backend
from desktop.core.store.queries import QueueFilter
from desktop.core.store.schema import ComplaintRow

# A fixed "now" for tests whose items are dated relative to it.
NOW = datetime(2026, 11, 29, 6, 0, tzinfo=UTC)

ItemFactory = Callable[..., InboundItem]

# A read that counts to 300 million: far longer than any test may wait, unless stopped.
LONG_COUNT = (
    "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 300000000) "
    "SELECT count(*) FROM n"
)


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
        found = backend(conn).search(conn, queue_filter.search)
        if found is None:
            return []
        statement = statement.where(ComplaintRow.id.in_(found.ids))
    rows = conn.execute(statement).all()
    due = sorted((r for r in rows if r.due_at is not None), key=lambda r: (r.due_at, r.id))
    rest = sorted(
        (r for r in rows if r.due_at is None), key=lambda r: (r.last_message_at, r.id), reverse=True
    )
    return [r.id for r in due + rest]


def open_again(store: Store, key: bytes) -> Store:
    """A second, independent ``Store`` on the same database (as another process opens it)."""
    if store.path is None:
        return open_postgresql(store.engine.url)
    return open_with_key(store.path, key)


def add_account(store: Store, channel: Channel, name: str, **settings: object) -> int:
    """Register an account straight in the store (no token, no settings check)."""
    with store.write() as conn:
        return accounts.insert_account(conn, channel, name, **settings)  # type: ignore[arg-type]


def stored_accounts(store: Store, *, include_disabled: bool = False) -> list[Account]:
    with store.read() as conn:
        return accounts.list_accounts(conn, include_disabled=include_disabled)


def stored_account(store: Store, account_id: int) -> Account:
    with store.read() as conn:
        return accounts.find_account(conn, account_id)


def wait_until(condition: Callable[[], bool], seconds: float = 20.0) -> None:
    """Poll ``condition`` (off the Qt event loop) until it holds, or fail the test."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)
