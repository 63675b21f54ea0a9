"""Storing what the platforms sent: idempotent, and with the cursor, atomic.

``ingest`` upserts a page of inbound items for one account and advances that
account's cursor in the same transaction: after a crash the cursor never runs
ahead of the stored items, and reading a page twice stores nothing twice.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, func, insert, select, update

from desktop.core.deadlines import DeadlineSettings, clock_start, due_at
from desktop.core.model import Direction, InboundItem, Status, status_after_inbound
from desktop.core.store import sqlite
from desktop.core.store.database import Store
from desktop.core.store.schema import AccountRow, ComplaintRow, MessageRow
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
_CHUNK = 500  # ids per IN (...) list


@dataclass(frozen=True, slots=True)
class IngestResult:
    new_messages: int
    changed_complaints: frozenset[int]


def ingest(
    store: Store, account_id: int, items: Sequence[InboundItem], cursor: str | None
) -> IngestResult:
    """Store ``items`` of one account and set its cursor, in one transaction.

    Not fsynced at commit: after a power cut the page and its cursor are
    either both kept or both gone, and a lost page is simply fetched again.
    """
    with store.write(durable=False) as conn:
        result = store_items(conn, account_id, items)
        conn.execute(update(AccountRow).where(AccountRow.id == account_id).values(cursor=cursor))
    return result


def store_items(conn: Connection, account_id: int, items: Sequence[InboundItem]) -> IngestResult:
    """Upsert ``items`` inside the caller's transaction and re-time their complaints."""
    fresh = _not_stored(conn, account_id, _unique(items))
    if not fresh:
        return IngestResult(0, frozenset())
    settings = load_unit_settings(conn).deadlines
    complaint_ids = _complaint_ids(conn, account_id, fresh)
    fresh = [item for item in fresh if item.thread_id in complaint_ids]
    if not fresh:
        return IngestResult(0, frozenset())
    inserted = _insert_messages(conn, account_id, fresh, complaint_ids)
    changed = {row["complaint_id"] for row in inserted}
    refresh_complaints(conn, changed, settings, reopened_by=inserted)
    sqlite.reindex_complaints(
        conn, {row["complaint_id"] for row in inserted if row["direction"] == "inbound"}
    )
    return IngestResult(len(inserted), frozenset(changed))


def _not_stored(
    conn: Connection, account_id: int, items: Sequence[InboundItem]
) -> list[InboundItem]:
    """The items whose platform id this account has not stored yet."""
    known: set[str] = set()
    ids = [item.platform_id for item in items]
    for start in range(0, len(ids), _CHUNK):
        known.update(
            conn.execute(
                select(MessageRow.platform_id).where(
                    MessageRow.account_id == account_id,
                    MessageRow.platform_id.in_(ids[start : start + _CHUNK]),
                )
            ).scalars()
        )
    return [item for item in items if item.platform_id not in known]


def _complaint_ids(
    conn: Connection, account_id: int, items: Sequence[InboundItem]
) -> dict[str, int]:
    """Ids of the complaints the items belong to, creating the missing ones.

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
    if missing:
        conn.execute(
            insert(ComplaintRow),
            [
                {
                    "account_id": account_id,
                    "channel": item.channel.value,
                    "thread_id": item.thread_id,
                    "author_id": item.author_id,
                    "author_name": item.author_name,
                    "excerpt": item.text[:EXCERPT_LENGTH],
                    "status": Status.NEW.value,
                    "first_message_at": item.platform_time,
                    "last_message_at": item.platform_time,
                    "message_count": 0,
                }
                for item in missing
            ],
        )
        ids.update(_existing_complaints(conn, account_id, [i.thread_id for i in missing]))
    return ids


def _existing_complaints(
    conn: Connection, account_id: int, threads: Sequence[str]
) -> dict[str, int]:
    found: dict[str, int] = {}
    for start in range(0, len(threads), _CHUNK):
        chunk = threads[start : start + _CHUNK]
        rows = conn.execute(
            select(ComplaintRow.thread_id, ComplaintRow.id).where(
                ComplaintRow.account_id == account_id, ComplaintRow.thread_id.in_(chunk)
            )
        )
        found.update({thread: cid for thread, cid in rows})
    return found


def _insert_messages(
    conn: Connection,
    account_id: int,
    items: Sequence[InboundItem],
    complaint_ids: dict[str, int],
) -> list[dict[str, Any]]:
    """Insert new messages and index them; return what was inserted, with ids.

    The caller holds the write lock, so the new rows are exactly those with
    an id above the largest one before the insert.
    """
    before = conn.execute(select(func.max(MessageRow.id))).scalar() or 0
    inbound, outbound = Direction.INBOUND.value, Direction.OUTBOUND.value
    sqlite.insert_many(
        conn,
        "message",
        _MESSAGE_COLUMNS,
        [
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
            for item in items
        ],
    )
    rows = conn.execute(
        select(
            MessageRow.id, MessageRow.complaint_id, MessageRow.direction, MessageRow.platform_time
        ).where(MessageRow.id > before)
    ).mappings()
    return [dict(row) for row in rows]


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
    conn: Connection,
    complaint_ids: Iterable[int],
    settings: DeadlineSettings,
    *,
    reopened_by: Sequence[dict[str, Any]] = (),
) -> None:
    """Recompute the queue columns (clock, due time, status) from the messages.

    A complaint answered by our account moves from ``new`` to ``acknowledged``;
    an inbound message newer than anything stored reopens a resolved one.
    """
    newest_inbound: dict[int, datetime] = {}
    for row in reopened_by:
        if row["direction"] == Direction.INBOUND.value:
            cid, at = row["complaint_id"], row["platform_time"]
            newest_inbound[cid] = max(newest_inbound.get(cid, at), at)
    ids = sorted(set(complaint_ids))
    updates: list[tuple[Any, ...]] = []
    for start in range(0, len(ids), _CHUNK):
        for thread in _threads(conn, ids[start : start + _CHUNK]):
            status = thread.status
            if status is Status.NEW and thread.last_answer is not None:
                status = Status.ACKNOWLEDGED
            newest = newest_inbound.get(thread.id)
            if newest is not None and newest > thread.previous_last_message_at:
                status = status_after_inbound(status)
            clock = clock_start(thread.timeline)
            times = [at for _, at in thread.timeline]
            last_inbound = max(
                (at for d, at in thread.timeline if d is Direction.INBOUND), default=None
            )
            updates.append(
                (
                    status.value,
                    sqlite.db_time(min(times)),
                    sqlite.db_time(max(times)),
                    sqlite.db_time(last_inbound),
                    sqlite.db_time(clock),
                    sqlite.db_time(thread.last_answer),
                    sqlite.db_time(due_at(status, clock, thread.last_answer, settings)),
                    len(times),
                    thread.id,
                )
            )
    sqlite.update_many(conn, "complaint", _QUEUE_COLUMNS, updates)


@dataclass(slots=True)
class _Thread:
    id: int
    status: Status
    previous_last_message_at: datetime
    timeline: list[tuple[Direction, datetime]]

    @property
    def last_answer(self) -> datetime | None:
        return max((at for d, at in self.timeline if d is Direction.OUTBOUND), default=None)


def _threads(conn: Connection, ids: Sequence[int]) -> list[_Thread]:
    """The complaints ``ids`` with the direction and time of each message."""
    threads = {
        cid: _Thread(cid, Status(status), last, [])
        for cid, status, last in conn.execute(
            select(ComplaintRow.id, ComplaintRow.status, ComplaintRow.last_message_at).where(
                ComplaintRow.id.in_(ids)
            )
        )
    }
    rows = conn.execute(
        select(MessageRow.complaint_id, MessageRow.direction, MessageRow.platform_time).where(
            MessageRow.complaint_id.in_(ids)
        )
    )
    for cid, direction, at in rows:
        threads[cid].timeline.append((Direction(direction), at))
    return [thread for thread in threads.values() if thread.timeline]
