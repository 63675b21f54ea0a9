"""Reading the queue in urgency order: ids page by page, rows by id, counts.

The order: complaints with a due time by (due time, id), then the rest
(closed, or answered and not due yet) newest first. Ids come in pages by
keyset pagination on that order, so the first page is ready in milliseconds
whatever the queue's size; a test holds the pages to a plain reference query.

How the indexes are chosen: SQLite picks one index per query and, without
statistics, it may pick one that forces a sort of every match. Wrapping a
column in ``coalesce(c, c)`` keeps its value but hides its index, so the
index that delivers the rows in queue order is used and the query stops after
one page. ``tests/ui/test_queue_reads.py`` checks the plans.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    String,
    false,
    func,
    or_,
    select,
    true,
    type_coerce,
)

from desktop.core.model import OPEN_STATUSES, Complaint, ReplyState, Status
from desktop.core.store import queries, sqlite
from desktop.core.store.dialects import backend
from desktop.core.store.queries import QueueFilter, complaints_by_id
from desktop.core.store.schema import ComplaintRow, OutboxRow, ReplyRow

# Lower bound of every due time: makes "has a due time" a range the due index serves.
_DUE_FLOOR = datetime(1970, 1, 1, tzinfo=UTC)

# id, due time, last message time: what a keyset position is made of.
_KeySelect = Select[int, datetime | None, datetime]

# When several replies of one complaint are in the outbox, the one the officer must
# see first: a failure, then anything still on its way, then a delivered one.
_REPLY_STATE_WEIGHT = {
    ReplyState.FAILED: 5,
    ReplyState.UNCERTAIN: 4,
    ReplyState.SENDING: 3,
    ReplyState.QUEUED: 2,
    ReplyState.SENT: 1,
}


@dataclass(frozen=True, slots=True)
class QueueKey:
    """Where a complaint sits in the urgency order (the keyset position)."""

    due_at: datetime | None
    last_message_at: datetime
    id: int


@dataclass(frozen=True, slots=True)
class IdPage:
    """One page of ids in queue order; ``after`` continues it (``None``: the end)."""

    ids: list[int]
    after: QueueKey | None


@dataclass(frozen=True, slots=True)
class QueueRow:
    """What one line of the queue shows."""

    complaint: Complaint
    reply_state: ReplyState | None


def id_page(
    conn: Connection, queue_filter: QueueFilter, after: QueueKey | None, limit: int
) -> IdPage:
    """Up to ``limit`` ids following ``after`` (from the top when ``None``)."""
    found = _search(conn, queue_filter)
    if found is False:
        return IdPage([], None)
    # Many matches: the parts are read without the search, which tests each window.
    read, lead = (_windowed(found), None) if found and found.dense else (_keys, found)
    ids: list[int] = []
    last: QueueKey | None = None
    if after is None or after.due_at is not None:
        ids, last = read(conn, lambda at: _due_part(queue_filter, lead, at), after, limit)
    if len(ids) < limit and queue_filter.overdue_at is None:
        tail_after = after if after is not None and after.due_at is None else None
        tail, tail_last = read(
            conn, lambda at: _undue_part(queue_filter, lead, at), tail_after, limit - len(ids)
        )
        ids, last = ids + tail, tail_last if tail else last
    return IdPage(ids, last if len(ids) == limit else None)


def queue_page(conn: Connection, queue_filter: QueueFilter, *, limit: int = 50) -> list[Complaint]:
    """The ``limit`` most urgent complaints that match."""
    ids = id_page(conn, queue_filter, None, limit).ids
    rows = complaints_by_id(conn, ids)
    return [rows[cid] for cid in ids if cid in rows]


def queue_ids(conn: Connection, queue_filter: QueueFilter, *, page: int = 5000) -> list[int]:
    """Every matching id, most urgent first."""
    ids: list[int] = []
    after: QueueKey | None = None
    while True:
        chunk = id_page(conn, queue_filter, after, page)
        ids += chunk.ids
        if chunk.after is None:
            return ids
        after = chunk.after


def queue_count(conn: Connection, queue_filter: QueueFilter) -> int:
    """How many complaints match; without a search, from the counts the writes keep."""
    if not queue_filter.search.strip():
        if queue_filter.overdue_at is None:
            return queries.tally_count(
                conn,
                queue_filter.statuses,
                channel=queue_filter.channel,
                account_id=queue_filter.account_id,
            )
        if (
            queue_filter.statuses >= OPEN_STATUSES
            and queue_filter.channel is None
            and queue_filter.account_id is None
        ):
            return queries.due_before_count(conn, queue_filter.overdue_at)
    found = _search(conn, queue_filter)
    if found is False:
        return 0
    status = _status_condition(queue_filter.statuses, indexed=found is None or not found.few)
    statement = (
        select(func.count()).select_from(ComplaintRow).where(*_shared(queue_filter, status, found))
    )
    if queue_filter.channel is not None:
        statement = statement.where(ComplaintRow.channel == queue_filter.channel.value)
    if queue_filter.overdue_at is not None:
        statement = statement.where(ComplaintRow.due_at < queue_filter.overdue_at)
    return int(conn.execute(statement).scalar_one())


# A search's count stops here: beyond, the window shows "more than" this many.
COUNT_CAP = 1000


@dataclass(frozen=True, slots=True)
class CappedCount:
    """How many complaints match, or (``more``) that more than ``value`` do."""

    value: int
    more: bool = False


def queue_count_capped(
    conn: Connection, queue_filter: QueueFilter, *, cap: int = COUNT_CAP
) -> CappedCount:
    """``queue_count``, except that a search stops counting after ``cap`` matches.

    Without a search the exact count is cheap (the counts the writes keep); a
    search's count is a page of ``cap`` ids in queue order, at the same cost.
    """
    found = _search(conn, queue_filter)
    if found is None:
        return CappedCount(queue_count(conn, queue_filter))
    if found is False:
        return CappedCount(0)
    ids = id_page(conn, queue_filter, None, cap + 1).ids
    return CappedCount(cap, more=True) if len(ids) > cap else CappedCount(len(ids))


def _search(conn: Connection, queue_filter: QueueFilter) -> sqlite.Search | Literal[False] | None:
    """The filter's search (None: no search; False: nothing can match)."""
    if not queue_filter.search.strip():
        return None
    found = backend(conn).search(conn, queue_filter.search)
    return False if found is None else found


def queue_rows(conn: Connection, ids: Sequence[int]) -> dict[int, QueueRow]:
    """The rows of ``ids`` (missing ones were deleted), with their reply state."""
    if not ids:
        return {}
    complaints = complaints_by_id(conn, ids)
    states = reply_states(conn, list(complaints))
    return {cid: QueueRow(c, states.get(cid)) for cid, c in complaints.items()}


def reply_states(conn: Connection, ids: Sequence[int]) -> dict[int, ReplyState]:
    """Per complaint, the outbox state the officer must see first (cancelled ones aside)."""
    rows = conn.execute(
        select(ReplyRow.complaint_id, OutboxRow.state)
        .join(OutboxRow, OutboxRow.reply_id == ReplyRow.id)
        .where(ReplyRow.complaint_id.in_(ids))
    )
    found: dict[int, ReplyState] = {}
    for complaint_id, raw in rows:
        state = ReplyState(raw)
        weight = _REPLY_STATE_WEIGHT.get(state, 0)
        best = found.get(complaint_id)
        if weight and (best is None or weight > _REPLY_STATE_WEIGHT[best]):
            found[complaint_id] = state
    return found


# --- the two parts of the order ---------------------------------------------------


def _key_columns() -> _KeySelect:
    return select(ComplaintRow.id, ComplaintRow.due_at, ComplaintRow.last_message_at)


_Part = Callable[[QueueKey | None], _KeySelect]  # one part of the order, after a key
_Keys = tuple[list[int], QueueKey | None]  # ids in order, and the last one's key
_Read = Callable[[Connection, _Part, QueueKey | None, int], _Keys]

MAX_WINDOW = 100_000  # candidates read at once when a search has many matches


def _keys(conn: Connection, part: _Part, after: QueueKey | None, limit: int) -> _Keys:
    return _rows(conn, part(after), limit)


def _rows(conn: Connection, statement: _KeySelect, limit: int) -> _Keys:
    """The ids ``statement`` selects, and the key of the last: times are read as
    stored and only the last row's are converted (a page holds a thousand)."""
    raw = statement.with_only_columns(
        ComplaintRow.id,
        type_coerce(ComplaintRow.due_at, String),
        type_coerce(ComplaintRow.last_message_at, String),
    )
    rows = conn.execute(raw.limit(limit)).all()
    if not rows:
        return [], None
    cid, due, last = rows[-1]
    dialect = backend(conn)
    key = QueueKey(dialect.parse_stored_time(due), dialect.parse_db_time(last), cid)
    return [row[0] for row in rows], key


def _windowed(found: sqlite.Search) -> _Read:
    """Read a part for a search with many matches: windows of candidates in queue
    order, each checked against the search index at once (``sqlite.matching_ids``).

    The first window is sized to hold ``limit`` matches at the estimated share
    of matches; each next one is twice as large. Only the matches come back
    to Python, never the window's candidates. A small window of a word in most
    complaints looks its candidates up in the index, one by one.
    """

    def read(conn: Connection, part: _Part, after: QueueKey | None, limit: int) -> _Keys:
        ids: list[int] = []
        last: QueueKey | None = None
        window = min(MAX_WINDOW, int(limit / max(found.density, 0.001) * 1.5) + 64)
        while len(ids) < limit:
            candidates = part(after).with_only_columns(ComplaintRow.id).limit(window)
            lookups = found.lookups_pay(window)
            matched = backend(conn).matching_ids(conn, found.query, candidates, lookups=lookups)
            if matched:
                in_order = part(after).where(ComplaintRow.id.in_(backend(conn).id_list(matched)))
                got, got_last = _rows(conn, in_order, limit - len(ids))
                ids, last = ids + got, got_last or last
            end = conn.execute(part(after).offset(window - 1).limit(1)).first()
            if end is None:  # the window held the rest of the part
                break
            after, window = (
                QueueKey(end.due_at, end.last_message_at, end.id),
                min(MAX_WINDOW, window * 2),
            )
        return ids, last

    return read


def _due_part(
    queue_filter: QueueFilter, found: sqlite.Search | None, after: QueueKey | None
) -> _KeySelect:
    """Complaints with a due time, earliest first (ties by id), along a due-time index."""
    due, cid = ComplaintRow.due_at, ComplaintRow.id
    status = _due_status(queue_filter.statuses)
    statement = _key_columns().where(*_shared(queue_filter, status, found))
    if after is None or after.due_at is None:
        statement = statement.where(due >= _DUE_FLOOR)
    else:
        statement = statement.where(due >= after.due_at, or_(due > after.due_at, cid > after.id))
    if queue_filter.channel is not None:
        statement = statement.where(ComplaintRow.channel == queue_filter.channel.value)
    if queue_filter.overdue_at is not None:
        statement = statement.where(due < queue_filter.overdue_at)
    return statement.order_by(due, cid)


def _undue_part(
    queue_filter: QueueFilter, found: sqlite.Search | None, after: QueueKey | None
) -> _KeySelect:
    """Complaints with nothing due (closed, or answered and not due yet), newest first."""
    open_wanted = bool(queue_filter.statuses & OPEN_STATUSES)
    # Open ones without a due time are few: find them through the (status, due) index.
    # Closed ones are many and never due: walk the newest-message index instead.
    due = ComplaintRow.due_at if open_wanted else _unindexed(ComplaintRow.due_at)
    # One closed status: its (status, last message) index gives the order by itself.
    single_closed = not open_wanted and len(queue_filter.statuses) == 1
    status = _status_condition(queue_filter.statuses, indexed=open_wanted or single_closed)
    statement = _key_columns().where(*_shared(queue_filter, status, found), due.is_(None))
    if queue_filter.channel is not None:
        statement = statement.where(_unindexed(ComplaintRow.channel) == queue_filter.channel.value)
    if after is not None:
        last = ComplaintRow.last_message_at
        statement = statement.where(
            last <= after.last_message_at,
            or_(last < after.last_message_at, ComplaintRow.id < after.id),
        )
    return statement.order_by(ComplaintRow.last_message_at.desc(), ComplaintRow.id.desc())


def _due_status(statuses: frozenset[Status]) -> ColumnElement[bool]:
    """Only open complaints have a due time: with every open status wanted, test none.

    One status: its (status, due) index gives the order by itself. Several: the
    test is kept off the indexes, so the due-time index gives the order.
    """
    if statuses >= OPEN_STATUSES:
        return true()
    return _status_condition(statuses, indexed=len(statuses) == 1)


def _status_condition(statuses: frozenset[Status], *, indexed: bool) -> ColumnElement[bool]:
    values = sorted(s.value for s in statuses)
    if not values:
        return false()
    status = ComplaintRow.status if indexed else _unindexed(ComplaintRow.status)
    condition: ColumnElement[bool] = status.in_(values)
    return condition


def _shared(
    queue_filter: QueueFilter, status: ColumnElement[bool], found: sqlite.Search | None
) -> list[ColumnElement[bool]]:
    """Status, account and search conditions, common to both parts and the count.

    With few matches, the search drives the query (each match looked up by
    id). With many (only counted here), the order's index does and the
    matches are a test on each row.
    """
    conditions = [status]
    if queue_filter.account_id is not None:
        conditions.append(_unindexed(ComplaintRow.account_id) == queue_filter.account_id)
    if found is not None:
        cid = ComplaintRow.id if found.few else _unindexed(ComplaintRow.id)
        conditions.append(found.matches(cid))
    return conditions


def _unindexed(column: Any) -> Any:
    """The same value, but no index is chosen for a condition on it."""
    return func.coalesce(column, column)


# --- placing changed complaints among those already read ---------------------------


def order_of(key: QueueKey) -> tuple[int, float, int]:
    """``key``'s place in the queue order as a value Python compares the same way: due
    complaints by (due time, id), then the rest by newest message, then highest id."""
    if key.due_at is not None:
        return (0, key.due_at.timestamp(), key.id)
    return (1, -key.last_message_at.timestamp(), -key.id)


def keys_of(conn: Connection, ids: Sequence[int]) -> dict[int, QueueKey]:
    """The queue keys of ``ids`` (whatever filter)."""
    if not ids:
        return {}
    rows = conn.execute(_key_columns().where(ComplaintRow.id.in_(list(ids))))
    return {cid: QueueKey(due, last, cid) for cid, due, last in rows}


def matching_keys(
    conn: Connection, queue_filter: QueueFilter, ids: Sequence[int]
) -> dict[int, QueueKey]:
    """The keys of those of ``ids`` that ``queue_filter`` (without a search) selects.

    The complaints are looked up by id; the filter's columns are only checked (see
    ``_checked_only``)."""
    if queue_filter.search.strip():
        raise ValueError("a search filter is placed by reading its pages again")
    if not ids:
        return {}
    statuses = sorted(s.value for s in queue_filter.statuses)
    statement = _key_columns().where(
        ComplaintRow.id.in_(list(ids)), _checked_only(ComplaintRow.status).in_(statuses)
    )
    if queue_filter.channel is not None:
        statement = statement.where(
            _checked_only(ComplaintRow.channel) == queue_filter.channel.value
        )
    if queue_filter.account_id is not None:
        statement = statement.where(
            _checked_only(ComplaintRow.account_id) == queue_filter.account_id
        )
    if queue_filter.overdue_at is not None:
        statement = statement.where(_checked_only(ComplaintRow.due_at) < queue_filter.overdue_at)
    return {cid: QueueKey(due, last, cid) for cid, due, last in conn.execute(statement)}


def _checked_only(column: ColumnElement[Any]) -> ColumnElement[Any]:
    """``column`` as an expression no index serves, same type and value. Looking a few
    hundred complaints up by id, SQLite (which keeps no statistics here) would otherwise
    walk the filter column's index: every open complaint for a status, 160 ms for 900
    ids at 1M, against 6 ms by id."""
    return func.coalesce(column, column)
