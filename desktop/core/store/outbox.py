"""The outbox as stored: which entries wait, claims, outcomes, the officer's retry and cancel.

Every state change is one committed transaction, taken before the network is
touched (see ``core.sync.push`` for the sending itself).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Connection, RowMapping, and_, or_, select, update

from desktop.core.errors import UserError
from desktop.core.model import Direction, InboundItem, ReplyState, SyncState
from desktop.core.store.ingest import store_items
from desktop.core.store.schema import AccountRow, ComplaintRow, MessageRow, OutboxRow, ReplyRow

WAITING = (ReplyState.QUEUED.value, ReplyState.UNCERTAIN.value, ReplyState.SENDING.value)


@dataclass(frozen=True, slots=True)
class Entry:
    """An outbox entry with what is needed to send it."""

    id: int
    reply_id: int
    account_id: int
    complaint_id: int
    thread_id: str
    text: str
    state: ReplyState
    attempts: int
    first_attempt_at: datetime | None
    last_reason: str | None


def eligible(conn: Connection, now: datetime, *, blocked: frozenset[SyncState]) -> list[Entry]:
    """Entries to try now: due, of usable accounts, the oldest open one per complaint.

    Replies to one complaint go out in the order written; a failed or
    cancelled one does not hold the later ones back, a waiting one does.
    """
    rows = conn.execute(
        select(
            OutboxRow.id,
            OutboxRow.reply_id,
            OutboxRow.account_id,
            OutboxRow.state,
            OutboxRow.attempts,
            OutboxRow.first_attempt_at,
            OutboxRow.last_reason,
            OutboxRow.next_attempt_at,
            ReplyRow.complaint_id,
            ReplyRow.text,
            ComplaintRow.thread_id,
            AccountRow.sync_state,
        )
        .join(ReplyRow, ReplyRow.id == OutboxRow.reply_id)
        .join(ComplaintRow, ComplaintRow.id == ReplyRow.complaint_id)
        .join(AccountRow, AccountRow.id == OutboxRow.account_id)
        .where(OutboxRow.state.in_(WAITING))
        .order_by(OutboxRow.id)
    ).mappings()
    heads: dict[int, RowMapping] = {}
    for row in rows:
        heads.setdefault(row["complaint_id"], row)
    blocked_values = {state.value for state in blocked}
    return [
        _entry(row)
        for row in heads.values()
        if row["state"] != ReplyState.SENDING.value
        and row["sync_state"] not in blocked_values
        and (row["next_attempt_at"] is None or row["next_attempt_at"] <= now)
    ]


def claim(conn: Connection, entry: Entry, now: datetime, who: str) -> bool:
    """Move a queued or uncertain entry to ``sending``; False if another took it."""
    result = conn.execute(
        update(OutboxRow)
        .where(
            OutboxRow.id == entry.id,
            OutboxRow.state == entry.state.value,
            or_(OutboxRow.next_attempt_at.is_(None), OutboxRow.next_attempt_at <= now),
        )
        .values(
            state=ReplyState.SENDING.value,
            claimed_by=who,
            claimed_at=now,
            attempts=OutboxRow.attempts + 1,
            first_attempt_at=entry.first_attempt_at or now,
        )
    )
    return result.rowcount == 1


def release_stale(
    conn: Connection,
    now: datetime,
    lease: timedelta,
    alive: Callable[[str], bool],
    in_flight: timedelta = timedelta(0),
    *,
    account_id: int | None = None,
) -> int:
    """Entries left ``sending`` by a claimant that died (or outlived the lease) become
    ``uncertain``: they are read back before any retry.

    A dead claimant's request may still be on its way to the platform (the process
    went, the bytes did not): its entry waits ``in_flight`` after the claim before it
    is read back, or the read-back could miss a reply about to be accepted.
    ``account_id``: only that account's entries (a station worker's, per lease)."""
    query = select(OutboxRow.id, OutboxRow.claimed_by, OutboxRow.claimed_at).where(
        OutboxRow.state == ReplyState.SENDING.value
    )
    if account_id is not None:
        query = query.where(OutboxRow.account_id == account_id)
    rows = conn.execute(query).all()
    stale = [
        entry_id
        for entry_id, who, at in rows
        if at is None or at < now - lease or (at <= now - in_flight and not alive(who or ""))
    ]
    if stale:
        conn.execute(
            update(OutboxRow)
            .where(OutboxRow.id.in_(stale), OutboxRow.state == ReplyState.SENDING.value)
            .values(state=ReplyState.UNCERTAIN.value, claimed_by=None, next_attempt_at=now)
        )
    return len(stale)


def set_outcome(
    conn: Connection,
    entry_id: int,
    state: ReplyState,
    *,
    reason: str | None,
    error: str | None,
    next_at: datetime | None,
) -> None:
    """Record how a claimed (``sending``) entry ended this time."""
    conn.execute(
        update(OutboxRow)
        .where(OutboxRow.id == entry_id, OutboxRow.state == ReplyState.SENDING.value)
        .values(
            state=state.value,
            last_error=error,
            last_reason=reason,
            next_attempt_at=next_at,
            claimed_by=None,
        )
    )


def record_sent(
    conn: Connection, entry: Entry, platform_id: str, accepted: datetime, message: InboundItem
) -> None:
    """The platform holds the reply: the entry, the reply's id and time, and the message
    in the thread (the deadline counts from the platform's accepted time) in one go."""
    conn.execute(
        update(OutboxRow)
        .where(OutboxRow.id == entry.id)
        .values(
            state=ReplyState.SENT.value,
            last_error=None,
            last_reason=None,
            next_attempt_at=None,
            claimed_by=None,
        )
    )
    conn.execute(
        update(ReplyRow)
        .where(ReplyRow.id == entry.reply_id)
        .values(platform_id=platform_id, accepted_at=accepted)
    )
    store_items(conn, entry.account_id, [message])


def platform_ids_taken(conn: Connection, ids: Sequence[str]) -> set[str]:
    """Which of these platform ids already belong to one of our sent replies."""
    if not ids:
        return set()
    found = conn.execute(select(ReplyRow.platform_id).where(ReplyRow.platform_id.in_(ids)))
    return {platform_id for platform_id in found.scalars() if platform_id is not None}


def latest_inbound_id(conn: Connection, complaint_id: int) -> str | None:
    """The platform id of the citizen's latest message in the thread (what a reply answers)."""
    latest = conn.execute(
        select(MessageRow.platform_id)
        .where(
            MessageRow.complaint_id == complaint_id,
            MessageRow.direction == Direction.INBOUND.value,
        )
        .order_by(MessageRow.platform_time.desc(), MessageRow.id.desc())
        .limit(1)
    ).scalar()
    return str(latest) if latest is not None else None


def retry(conn: Connection, reply_id: int, now: datetime) -> None:
    """Send a failed reply again (the officer's Retry)."""
    _change(
        conn,
        reply_id,
        allowed=(ReplyState.FAILED,),
        values={"state": ReplyState.QUEUED.value, "next_attempt_at": now, "last_reason": None},
    )


def cancel(conn: Connection, reply_id: int) -> None:
    """Withdraw a reply that has not gone out (queued or failed)."""
    _change(
        conn,
        reply_id,
        allowed=(ReplyState.QUEUED, ReplyState.FAILED),
        values={"state": ReplyState.CANCELLED.value, "next_attempt_at": None},
    )


def _change(
    conn: Connection, reply_id: int, *, allowed: tuple[ReplyState, ...], values: dict[str, object]
) -> None:
    state = conn.execute(select(OutboxRow.state).where(OutboxRow.reply_id == reply_id)).scalar()
    if state is None:
        raise UserError("unknown_reply", id=reply_id)
    if ReplyState(state) not in allowed:
        raise UserError(
            "reply_not_changeable",
            id=reply_id,
            state=state,
            allowed=", ".join(s.value for s in allowed),
        )
    conn.execute(
        update(OutboxRow)
        .where(and_(OutboxRow.reply_id == reply_id, OutboxRow.state == state))
        .values(**values)
    )


def _entry(row: RowMapping) -> Entry:
    return Entry(
        id=row["id"],
        reply_id=row["reply_id"],
        account_id=row["account_id"],
        complaint_id=row["complaint_id"],
        thread_id=row["thread_id"],
        text=row["text"],
        state=ReplyState(row["state"]),
        attempts=row["attempts"],
        first_attempt_at=row["first_attempt_at"],
        last_reason=row["last_reason"],
    )
