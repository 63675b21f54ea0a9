"""The ingest benchmark's raw baseline: the same writes, straight through the driver.

It writes what the store's ingest writes, into a database made by the store's
own migrations (same tables, indexes, count triggers and FTS table), with the
same connection pragmas, the same transaction per page and the same FTS
upkeep statement — but it keeps every thread's state in memory, so it reads
nothing back, and it issues its statements on a bare SQLCipher connection
(no SQLAlchemy). Debian's stdlib ``sqlite3`` is too old for the FTS table's
``contentless_delete``, hence the SQLCipher driver (without a key for plain).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import sqlcipher3

from desktop.core.deadlines import DeadlineSettings, due_at
from desktop.core.model import InboundItem, Status, status_after_inbound
from desktop.core.store import sqlite
from desktop.core.store.ingest import EXCERPT_LENGTH

_COMPLAINT_INSERT = (
    "INSERT INTO complaint (account_id, channel, thread_id, author_id, author_name, excerpt,"
    " status, first_message_at, last_message_at, message_count)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_MESSAGE_INSERT = (
    "INSERT INTO message (complaint_id, account_id, direction, platform_id, parent_id,"
    " author_id, author_name, text, platform_time, permalink)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_QUEUE_UPDATE = (
    "UPDATE complaint SET status = ?, first_message_at = ?, last_message_at = ?,"
    " last_inbound_at = ?, clock_started_at = ?, last_public_answer_at = ?, due_at = ?,"
    " message_count = ? WHERE id = ?"
)


@dataclass(slots=True)
class _Thread:
    id: int
    status: Status = Status.NEW
    last: str = ""
    inbound: list[str] = field(default_factory=list)
    outbound: list[str] = field(default_factory=list)


class RawIngest:
    """Pages of one account's items into ``path``, by hand."""

    def __init__(self, path: Path, key: bytes | None, account_id: int) -> None:
        self._conn = sqlcipher3.connect(str(path), isolation_level=None)
        self._conn.execute("PRAGMA cipher_log_level = NONE")
        if key is not None:
            self._conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        for pragma in sqlite.CONNECTION_PRAGMAS:
            self._conn.execute(pragma)
        self._account = account_id
        self._threads: dict[str, _Thread] = {}
        self._by_id: dict[int, _Thread] = {}
        self._next_id = 1 + (self._conn.execute("SELECT max(id) FROM complaint").fetchone()[0] or 0)
        self._settings = DeadlineSettings()

    def close(self) -> None:
        self._conn.close()

    def page(self, items: Sequence[InboundItem], cursor: str) -> None:
        conn = self._conn
        conn.execute("PRAGMA synchronous = NORMAL")  # ingest's transactions are not durable
        conn.execute("BEGIN IMMEDIATE")
        created = self._create_complaints(items)
        messages = []
        newest_inbound: dict[int, str] = {}
        for item in items:
            thread = self._threads.get(item.thread_id)
            if thread is None:
                continue  # our reply in a conversation we do not hold
            at = sqlite.db_time(item.platform_time)
            if item.outbound:
                thread.outbound.append(at)
            else:
                thread.inbound.append(at)
                if at > newest_inbound.get(thread.id, ""):
                    newest_inbound[thread.id] = at
            messages.append(
                (
                    thread.id,
                    self._account,
                    "outbound" if item.outbound else "inbound",
                    item.platform_id,
                    item.parent_id,
                    item.author_id,
                    item.author_name,
                    item.text,
                    at,
                    item.permalink,
                )
            )
        conn.executemany(_MESSAGE_INSERT, messages)
        touched = sorted({m[0] for m in messages})
        conn.executemany(
            _QUEUE_UPDATE,
            [self._queue_row(self._by_id[c], newest_inbound.get(c)) for c in touched],
        )
        self._reindex(sorted(newest_inbound), created)
        conn.execute("UPDATE account SET cursor = ? WHERE id = ?", (cursor, self._account))
        conn.execute("COMMIT")

    def _create_complaints(self, items: Sequence[InboundItem]) -> set[int]:
        opening: dict[str, InboundItem] = {}
        for item in items:
            seen = opening.get(item.thread_id)
            if not item.outbound and (seen is None or item.platform_time < seen.platform_time):
                opening[item.thread_id] = item
        rows = []
        created = set()
        for thread_id, item in opening.items():
            if thread_id in self._threads:
                continue
            at = sqlite.db_time(item.platform_time)
            self._threads[thread_id] = self._by_id[self._next_id] = _Thread(self._next_id, last=at)
            created.add(self._next_id)
            self._next_id += 1
            rows.append(
                (
                    self._account,
                    item.channel.value,
                    thread_id,
                    item.author_id,
                    item.author_name,
                    item.text[:EXCERPT_LENGTH],
                    Status.NEW.value,
                    at,
                    at,
                    0,
                )
            )
        self._conn.executemany(_COMPLAINT_INSERT, rows)
        return created

    def _queue_row(self, thread: _Thread, newest_inbound: str | None) -> tuple[object, ...]:
        answer = max(thread.outbound, default=None)
        status = thread.status
        if status is Status.NEW and answer is not None:
            status = Status.ACKNOWLEDGED
        if newest_inbound is not None and newest_inbound > thread.last:
            status = status_after_inbound(status)
        clock = min((t for t in thread.inbound if answer is None or t > answer), default=None)
        times = thread.inbound + thread.outbound
        due = due_at(status, _time(clock), _time(answer), self._settings)
        thread.status, thread.last = status, max(times)
        return (
            status.value,
            min(times),
            max(times),
            max(thread.inbound, default=None),
            clock,
            answer,
            sqlite.db_time(due),
            len(times),
            thread.id,
        )

    def _reindex(self, ids: list[int], created: set[int]) -> None:
        """The FTS upkeep, in the statements the store uses."""
        table = sqlite.SEARCH_TABLE
        old = [cid for cid in ids if cid not in created]
        if old:
            marks = ", ".join("?" * len(old))
            self._conn.execute(f"DELETE FROM {table} WHERE rowid IN ({marks})", old)
        if ids:
            marks = ", ".join("?" * len(ids))
            self._conn.execute(
                f"INSERT INTO {table} (rowid, body, authors) "
                "SELECT complaint_id, group_concat(text, ' '), group_concat(author_name, ' ') "
                f"FROM message WHERE direction = 'inbound' AND complaint_id IN ({marks}) "
                "GROUP BY complaint_id",
                ids,
            )


def _time(stored: str | None) -> datetime | None:
    return None if stored is None else datetime.fromisoformat(stored).replace(tzinfo=UTC)


def database_rows(path: Path, key: bytes | None) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table (FTS shadow tables included), for comparing two files."""
    conn = sqlcipher3.connect(str(path))
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        if key is not None:
            conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        tables = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master "
                "WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'"
            )
        ]
        return {
            table: conn.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
            for table in sorted(tables)
        }
    finally:
        conn.close()
