"""The outbox: every queued reply reaches the platform once — never lost, never twice.

States: ``queued → sending → sent | failed``, with ``uncertain`` for a send
whose outcome is unknown (the request left, no answer came back), and
``cancelled`` by the officer before sending. Every transition is committed
before the network is touched. No platform takes an idempotency key, so an
uncertain entry is reconciled by reading the thread back before any retry;
where a platform cannot be read back, the officer decides.

Claiming is atomic in the database (a conditional UPDATE inside an
immediate transaction): two sync processes never send the same entry. A
``sending`` entry whose process died is taken as ``uncertain``.
"""

from __future__ import annotations

import os
import socket
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import psutil
from sqlalchemy import RowMapping, and_, or_, select, update

from desktop.core.errors import UserError
from desktop.core.model import ReplyState
from desktop.core.store.database import Store
from desktop.core.store.schema import AccountRow, ComplaintRow, OutboxRow, ReplyRow

# A claim older than this is stale even if its process looks alive.
LEASE = timedelta(minutes=10)
_HOST = socket.gethostname()
_NONCE = uuid.uuid4().hex[:8]
# A process id is reused once its process is gone; its start time tells the two apart.
_SAME_START = 1.0  # seconds


def claimant() -> str:
    """Who claims entries: this host, this process (id and start time), this run."""
    pid = os.getpid()
    return f"{_HOST}:{pid}:{_started(pid):.2f}:{_NONCE}"


def _started(pid: int) -> float | None:
    """When process ``pid`` started (seconds since the epoch); ``None`` if it is gone."""
    try:
        process = psutil.Process(pid)
        with process.oneshot():
            if process.status() == psutil.STATUS_ZOMBIE:
                return None  # dead, not yet reaped by its parent
            return float(process.create_time())
    except psutil.NoSuchProcess:
        return None


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


def eligible(store: Store, now: datetime, *, blocked_states: frozenset[str]) -> list[Entry]:
    """Entries to try now: due, of usable accounts, the oldest open one per complaint.

    Replies to one complaint go out in the order written; a failed or
    cancelled one does not hold the later ones back, a waiting one does.
    """
    waiting = (ReplyState.QUEUED.value, ReplyState.UNCERTAIN.value, ReplyState.SENDING.value)
    with store.read() as conn:
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
            .where(OutboxRow.state.in_(waiting))
            .order_by(OutboxRow.id)
        ).mappings()
        heads: dict[int, RowMapping] = {}
        for row in rows:
            heads.setdefault(row["complaint_id"], row)
    return [
        _entry(row)
        for row in heads.values()
        if row["state"] != ReplyState.SENDING.value
        and row["sync_state"] not in blocked_states
        and (row["next_attempt_at"] is None or row["next_attempt_at"] <= now)
    ]


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


def claim(store: Store, entry: Entry, now: datetime, who: str | None = None) -> bool:
    """Atomically move a queued or uncertain entry to ``sending``; False if taken."""
    with store.write() as conn:
        result = conn.execute(
            update(OutboxRow)
            .where(
                OutboxRow.id == entry.id,
                OutboxRow.state == entry.state.value,
                or_(OutboxRow.next_attempt_at.is_(None), OutboxRow.next_attempt_at <= now),
            )
            .values(
                state=ReplyState.SENDING.value,
                claimed_by=who or claimant(),
                claimed_at=now,
                attempts=OutboxRow.attempts + 1,
                first_attempt_at=entry.first_attempt_at or now,
            )
        )
        return result.rowcount == 1


def release_stale(store: Store, now: datetime, alive: Callable[[str], bool] | None = None) -> int:
    """Entries left ``sending`` by a process that died become ``uncertain``."""
    is_alive = alive or claim_is_alive
    with store.write() as conn:
        rows = conn.execute(
            select(OutboxRow.id, OutboxRow.claimed_by, OutboxRow.claimed_at).where(
                OutboxRow.state == ReplyState.SENDING.value
            )
        ).all()
        stale = [
            entry_id
            for entry_id, who, at in rows
            if at is None or at < now - LEASE or not is_alive(who or "")
        ]
        if stale:
            conn.execute(
                update(OutboxRow)
                .where(OutboxRow.id.in_(stale), OutboxRow.state == ReplyState.SENDING.value)
                .values(state=ReplyState.UNCERTAIN.value, claimed_by=None, next_attempt_at=now)
            )
    return len(stale)


def claim_is_alive(who: str) -> bool:
    """Whether the process named in a claim may still be sending.

    ``host:pid:start:nonce`` (``host:pid:nonce`` from older versions). Another
    host, or a process this user may not inspect, is left to the lease.
    """
    if who == claimant():
        return True
    parts = who.split(":")
    pid_text = parts[1] if len(parts) > 1 else ""
    if parts[0] != _HOST or not pid_text.isdigit():
        return True  # another machine: only the lease can tell
    try:
        started = _started(int(pid_text))
    except psutil.Error:
        return True  # not ours to inspect: the lease decides
    if started is None:
        return False
    if len(parts) != 4:
        return True  # an older claim without a start time: the process id is all there is
    try:
        return abs(started - float(parts[2])) < _SAME_START
    except ValueError:
        return True


def retry(store: Store, reply_id: int) -> None:
    """Send a failed reply again (the officer's Retry)."""
    _change(
        store,
        reply_id,
        allowed=(ReplyState.FAILED,),
        values={
            "state": ReplyState.QUEUED.value,
            "next_attempt_at": datetime.now(UTC),
            "last_reason": None,
        },
    )


def cancel(store: Store, reply_id: int) -> None:
    """Withdraw a reply that has not gone out (queued or failed)."""
    _change(
        store,
        reply_id,
        allowed=(ReplyState.QUEUED, ReplyState.FAILED),
        values={"state": ReplyState.CANCELLED.value, "next_attempt_at": None},
    )


def _change(
    store: Store, reply_id: int, *, allowed: tuple[ReplyState, ...], values: dict[str, object]
) -> None:
    with store.write() as conn:
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
