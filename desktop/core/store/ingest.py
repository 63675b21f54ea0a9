"""Storing what the platforms sent: idempotent, and with the cursor, atomic.

``ingest`` upserts a page of inbound items for one account and advances that
account's cursor in the same transaction: after a crash the cursor never runs
ahead of the stored items, and reading a page twice stores nothing twice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, TextClause, text, update

from desktop.core.deadlines import DeadlineSettings, due_at
from desktop.core.model import Direction, InboundItem, Status, status_after_inbound
from desktop.core.store import sqlite
from desktop.core.store.database import Store
from desktop.core.store.dialects import Backend, backend, is_postgresql
from desktop.core.store.schema import AccountRow
from desktop.core.store.settings import load_unit_settings

EXCERPT_LENGTH = 300
_MESSAGE_COLUMNS = (
    "complaint_id",
    "account_id",
    "direction",
    "platform_id",
    "parent_id",
    "author_id",
    "author_name",
    "text",
    "platform_time",
    "permalink",
)
_QUEUE_COLUMNS = (
    "status",
    "first_message_at",
    "last_message_at",
    "last_inbound_at",
    "clock_started_at",
    "last_public_answer_at",
    "due_at",
    "message_count",
)
_COMPLAINT_COLUMNS = (
    "account_id",
    "channel",
    "thread_id",
    "author_id",
    "author_name",
    "excerpt",
    "status",
    "first_message_at",
    "last_message_at",
    "message_count",
)

_NEW_THREAD_IDS = text("SELECT thread_id, id FROM complaint WHERE id > :before")


@dataclass(frozen=True, slots=True)
class _Statements:
    """Plain SQL, read without type processing: times come back in their stored
    form (see ``sqlite.db_time``), which compares in time order."""

    stored_ids: TextClause
    thread_ids: TextClause
    thread_states: TextClause
    thread_times: TextClause


def _make_statements(dialect: Backend) -> _Statements:
    # PostgreSQL returns its timestamps as datetimes: read them as the same text.
    def time(name: str) -> str:
        return f"to_char({name}, 'YYYY-MM-DD HH24:MI:SS.US')" if dialect is not sqlite else name

    return _Statements(
        text(
            "SELECT platform_id FROM message WHERE account_id = :account AND "
            + dialect.in_values("platform_id", "ids")
        ),
        text(
            "SELECT thread_id, id FROM complaint WHERE account_id = :account AND "
            + dialect.in_values("thread_id", "threads")
        ),
        text(
            f"SELECT id, status, {time('last_message_at')} FROM complaint WHERE "
            + dialect.in_values("id", "ids")
        ),
        text(
            f"SELECT complaint_id, direction, {time('platform_time')} FROM message WHERE "
            + dialect.in_values("complaint_id", "ids")
        ),
    )


_STATEMENTS: dict[str, _Statements] = {}


def _statements(conn: Connection) -> _Statements:
    name = conn.dialect.name
    if name not in _STATEMENTS:
        _STATEMENTS[name] = _make_statements(backend(conn))
    return _STATEMENTS[name]


@dataclass(frozen=True, slots=True)
class IngestResult:
    new_messages: int
    changed_complaints: frozenset[int]


def ingest(
    store: Store,
    account_id: int,
    items: Sequence[InboundItem],
    cursor: str | None,
    guard: Callable[[Connection, int], None] | None = None,
) -> IngestResult:
    """Store ``items`` of one account and set its cursor, in one transaction.

    Not fsynced at commit: after a power cut the page and its cursor are
    either both kept or both gone, and a lost page is simply fetched again.
    ``guard(conn, account_id)`` runs first in that transaction (a station
    worker's lease check) and may refuse the whole page by raising.
    """
    with store.write(durable=False) as conn:
        if guard is not None:
            guard(conn, account_id)
        result = store_items(conn, account_id, items)
        conn.execute(update(AccountRow).where(AccountRow.id == account_id).values(cursor=cursor))
    return result


def store_items(conn: Connection, account_id: int, items: Sequence[InboundItem]) -> IngestResult:
    """Upsert ``items`` inside the caller's transaction and re-time their complaints.

    Times stay in their stored text form (``sqlite.db_time``) all the way: each
    item's time is formatted once, and only a thread's clock and last answer
    are turned back into datetimes, to compute its due time.
    """
    fresh = _not_stored(conn, account_id, _unique(items))
    if not fresh:
        return IngestResult(0, frozenset())
    complaint_ids, created = _complaint_ids(conn, account_id, fresh)
    fresh = [item for item in fresh if item.thread_id in complaint_ids]
    if not fresh:
        return IngestResult(0, frozenset())
    inbound, outbound = Direction.INBOUND.value, Direction.OUTBOUND.value
    rows = [
        (
            complaint_ids[item.thread_id],
            account_id,
            outbound if item.outbound else inbound,
            item.platform_id,
            item.parent_id,
            item.author_id,
            item.author_name,
            item.text,
            sqlite.db_time(item.platform_time),
            item.permalink,
        )
        for item in fresh
    ]
    backend(conn).insert_many(conn, "message", _MESSAGE_COLUMNS, rows)
    newest_inbound: dict[int, str] = {}
    for cid, _, direction, *_, at, _ in rows:
        if direction == inbound:
            seen = newest_inbound.get(cid)
            if seen is None or at > seen:
                newest_inbound[cid] = at
    changed = {row[0] for row in rows}
    # Complaints created just now have no messages but these: no need to read them back.
    threads = _threads(conn, sorted(changed - created))
    threads += _new_threads(rows, created)
    _refresh(conn, threads, load_unit_settings(conn).deadlines, newest_inbound)
    backend(conn).reindex_complaints(conn, newest_inbound, new=created)
    return IngestResult(len(rows), frozenset(changed))


def _not_stored(
    conn: Connection, account_id: int, items: Sequence[InboundItem]
) -> list[InboundItem]:
    """The items whose platform id this account has not stored yet."""
    ids = backend(conn).values_param(item.platform_id for item in items)
    statement = _statements(conn).stored_ids
    known = set(conn.execute(statement, {"account": account_id, "ids": ids}).scalars())
    return [item for item in items if item.platform_id not in known]


def _complaint_ids(
    conn: Connection, account_id: int, items: Sequence[InboundItem]
) -> tuple[dict[str, int], set[int]]:
    """Ids of the complaints the items belong to (by thread), creating the missing ones;
    and the ids of those created.

    A complaint is a conversation the public started: it is created from its
    earliest inbound message; our own reply in a conversation we do not hold
    starts nothing (its items are passed over).
    """
    opening: dict[str, InboundItem] = {}
    for item in items:
        seen = opening.get(item.thread_id)
        if not item.outbound and (seen is None or item.platform_time < seen.platform_time):
            opening[item.thread_id] = item
    ids = _existing_complaints(conn, account_id, sorted({item.thread_id for item in items}))
    missing = [item for thread, item in opening.items() if thread not in ids]
    created: set[int] = set()
    if missing:
        # On SQLite the caller holds the write lock: the new rows are those above the
        # largest id. PostgreSQL lets others write meanwhile (see below).
        before = conn.execute(text("SELECT max(id) FROM complaint")).scalar() or 0
        new = Status.NEW.value
        backend(conn).insert_many(
            conn,
            "complaint",
            _COMPLAINT_COLUMNS,
            [
                (
                    account_id,
                    item.channel.value,
                    item.thread_id,
                    item.author_id,
                    item.author_name,
                    item.text[:EXCERPT_LENGTH],
                    new,
                    at := sqlite.db_time(item.platform_time),
                    at,
                    0,
                )
                for item in missing
            ],
        )
        if is_postgresql(conn):  # other writers may add complaints meanwhile: look up by thread
            threads = backend(conn).values_param(item.thread_id for item in missing)
            statement = _statements(conn).thread_ids
            rows = conn.execute(statement, {"account": account_id, "threads": threads}).all()
        else:
            rows = conn.execute(_NEW_THREAD_IDS, {"before": before}).all()
        ids.update(rows)
        created.update(cid for _, cid in rows)
    return ids, created


def _existing_complaints(
    conn: Connection, account_id: int, threads: Sequence[str]
) -> dict[str, int]:
    listed = backend(conn).values_param(threads)
    statement = _statements(conn).thread_ids
    return dict(conn.execute(statement, {"account": account_id, "threads": listed}).all())


def _unique(items: Iterable[InboundItem]) -> list[InboundItem]:
    """The items with duplicate platform ids in one page dropped (first wins)."""
    seen: set[str] = set()
    unique = []
    for item in items:
        if item.platform_id not in seen:
            seen.add(item.platform_id)
            unique.append(item)
    return unique


def refresh_complaints(
    conn: Connection, complaint_ids: Iterable[int], settings: DeadlineSettings
) -> None:
    """Recompute the queue columns (clock, due time, status) from the messages.

    A complaint answered by our account moves from ``new`` to ``acknowledged``.
    """
    _refresh(conn, _threads(conn, sorted(set(complaint_ids))), settings, {})


def _refresh(
    conn: Connection,
    threads: Iterable[_Thread],
    settings: DeadlineSettings,
    newest_inbound: Mapping[int, str],
) -> None:
    """Write the queue columns of ``threads``.

    ``newest_inbound``: per complaint, the latest inbound time just stored; newer
    than anything stored before, it reopens a resolved complaint.
    """
    updates = [_queue_columns(t, newest_inbound.get(t.id), settings) for t in threads]
    backend(conn).update_many(
        conn, "complaint", _QUEUE_COLUMNS, sorted(updates, key=lambda u: u[-1])
    )


@dataclass(slots=True)
class _Thread:
    """A complaint's status and its messages' directions and times (stored text)."""

    id: int
    status: str
    previous_last_message_at: str
    inbound: list[str]
    outbound: list[str]


def _queue_columns(
    thread: _Thread, newest_inbound: str | None, settings: DeadlineSettings
) -> tuple[Any, ...]:
    """The new values of ``_QUEUE_COLUMNS`` for one thread, then its id.

    Stored times are fixed-width ISO text, so they compare as the times do.
    """
    last_answer = max(thread.outbound, default=None)
    status = Status(thread.status)
    if status is Status.NEW and last_answer is not None:
        status = Status.ACKNOWLEDGED
    if newest_inbound is not None and newest_inbound > thread.previous_last_message_at:
        status = status_after_inbound(status)
    waiting = (
        thread.inbound if last_answer is None else [t for t in thread.inbound if t > last_answer]
    )
    clock = min(waiting, default=None)
    last_inbound = max(thread.inbound, default=None)
    first = min(min(thread.inbound, default=_LATEST), min(thread.outbound, default=_LATEST))
    last = max(last_inbound or "", last_answer or "")
    due = due_at(status, _parse(clock), _parse(last_answer), settings)
    return (
        status.value,
        first,
        last,
        last_inbound,
        clock,
        last_answer,
        sqlite.db_time(due),
        len(thread.inbound) + len(thread.outbound),
        thread.id,
    )


_LATEST = "~"  # sorts after every stored time


def _parse(stored: str | None) -> datetime | None:
    return None if stored is None else sqlite.parse_db_time(stored)


def _new_threads(rows: Iterable[tuple[Any, ...]], created: Iterable[int]) -> list[_Thread]:
    """The complaints ``created`` in this transaction, from the message ``rows`` stored."""
    threads = {cid: _Thread(cid, Status.NEW.value, "", [], []) for cid in created}
    inbound = Direction.INBOUND.value
    for cid, _, direction, *_, at, _ in rows:
        thread = threads.get(cid)
        if thread is not None:
            (thread.inbound if direction == inbound else thread.outbound).append(at)
    for thread in threads.values():  # as stored on creation: the opening message's time
        thread.previous_last_message_at = min(thread.inbound)
    return list(threads.values())


def _threads(conn: Connection, ids: Sequence[int]) -> list[_Thread]:
    """The complaints ``ids`` with the direction and time of each message."""
    if not ids:
        return []
    listed = backend(conn).values_param(ids)
    statements = _statements(conn)
    threads = {
        cid: _Thread(cid, status, last, [], [])
        for cid, status, last in conn.execute(statements.thread_states, {"ids": listed})
    }
    inbound = Direction.INBOUND.value
    for cid, direction, at in conn.execute(statements.thread_times, {"ids": listed}):
        thread = threads[cid]
        (thread.inbound if direction == inbound else thread.outbound).append(at)
    return [thread for thread in threads.values() if thread.inbound or thread.outbound]
