"""Reading the queue: filters, urgency order, one complaint in full, the outbox."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, RowMapping, Select, func, select

from desktop.core.errors import UserError
from desktop.core.model import (
    OPEN_STATUSES,
    Channel,
    Complaint,
    Direction,
    Message,
    Note,
    Reply,
    ReplyState,
    Status,
)
from desktop.core.store import sqlite_counts
from desktop.core.store.schema import (
    AccountRow,
    ComplaintDueHourRow,
    ComplaintRow,
    ComplaintTallyRow,
    MessageRow,
    NoteRow,
    OutboxRow,
    ReplyRow,
)


@dataclass(frozen=True, slots=True)
class QueueFilter:
    """What the officer narrowed the queue to. Empty means every open complaint."""

    statuses: frozenset[Status] = OPEN_STATUSES
    channel: Channel | None = None
    account_id: int | None = None
    search: str = ""
    overdue_at: datetime | None = None  # only complaints due before this time


@dataclass(frozen=True, slots=True)
class ComplaintDetail:
    complaint: Complaint
    account_name: str
    messages: Sequence[Message]
    replies: Sequence[Reply]
    notes: Sequence[Note]


@dataclass(frozen=True, slots=True)
class OutboxEntry:
    reply: Reply
    channel: Channel
    account_name: str


def complaints_by_id(conn: Connection, ids: Sequence[int]) -> dict[int, Complaint]:
    rows = conn.execute(select(*_COMPLAINT).where(ComplaintRow.id.in_(ids))).mappings()
    return {row["id"]: _complaint(row) for row in rows}


def complaint_detail(conn: Connection, complaint_id: int) -> ComplaintDetail:
    row = (
        conn.execute(
            select(*_COMPLAINT, AccountRow.name.label("account_name"))
            .join(AccountRow, AccountRow.id == ComplaintRow.account_id)
            .where(ComplaintRow.id == complaint_id)
        )
        .mappings()
        .first()
    )
    if row is None:
        raise UserError("unknown_complaint", id=complaint_id)
    messages = conn.execute(
        select(*_MESSAGE)
        .where(MessageRow.complaint_id == complaint_id)
        .order_by(MessageRow.platform_time, MessageRow.id)
    ).mappings()
    replies = conn.execute(
        _reply_select().where(ReplyRow.complaint_id == complaint_id).order_by(ReplyRow.id)
    ).mappings()
    notes = conn.execute(
        select(*_NOTE).where(NoteRow.complaint_id == complaint_id).order_by(NoteRow.id)
    ).mappings()
    return ComplaintDetail(
        complaint=_complaint(row),
        account_name=row["account_name"],
        messages=[_message(m) for m in messages],
        replies=[_reply(r) for r in replies],
        notes=[_note(n) for n in notes],
    )


def outbox(conn: Connection, *, include_sent: bool = False) -> list[OutboxEntry]:
    statement = (
        _reply_select()
        .add_columns(AccountRow.channel, AccountRow.name.label("account_name"))
        .join(AccountRow, AccountRow.id == OutboxRow.account_id)
        .order_by(OutboxRow.id)
    )
    if not include_sent:
        statement = statement.where(OutboxRow.state != ReplyState.SENT.value)
    return [
        OutboxEntry(_reply(row), Channel(row["channel"]), row["account_name"])
        for row in conn.execute(statement).mappings()
    ]


# --- counts ------------------------------------------------------------------------
#
# Read from the count tables the writes keep (see ``sqlite_counts.create_count_triggers``):
# a few small rows whatever the number of complaints.


def status_counts(conn: Connection) -> dict[Status, int]:
    """Complaints per status (every status present, zeros included)."""
    counts = dict.fromkeys(Status, 0)
    rows = conn.execute(
        select(ComplaintTallyRow.status, func.sum(ComplaintTallyRow.n)).group_by(
            ComplaintTallyRow.status
        )
    )
    for status, n in rows:
        counts[Status(status)] += int(n)
    return counts


def channel_counts(
    conn: Connection, statuses: frozenset[Status] = OPEN_STATUSES
) -> dict[Channel, int]:
    """Complaints with one of ``statuses`` per channel (only channels that have some)."""
    rows = conn.execute(
        select(ComplaintTallyRow.channel, func.sum(ComplaintTallyRow.n))
        .where(ComplaintTallyRow.status.in_(sorted(s.value for s in statuses)))
        .group_by(ComplaintTallyRow.channel)
    )
    return {Channel(channel): int(n) for channel, n in rows if n}


def account_counts(conn: Connection, statuses: frozenset[Status] = OPEN_STATUSES) -> dict[int, int]:
    """Complaints with one of ``statuses`` per account id (only accounts that have some)."""
    rows = conn.execute(
        select(ComplaintTallyRow.account_id, func.sum(ComplaintTallyRow.n))
        .where(ComplaintTallyRow.status.in_(sorted(s.value for s in statuses)))
        .group_by(ComplaintTallyRow.account_id)
    )
    return {int(account_id): int(n) for account_id, n in rows if n}


def tally_count(
    conn: Connection,
    statuses: frozenset[Status],
    *,
    channel: Channel | None = None,
    account_id: int | None = None,
) -> int:
    """Complaints with one of ``statuses``, of one channel and/or account if given."""
    statement = select(func.coalesce(func.sum(ComplaintTallyRow.n), 0)).where(
        ComplaintTallyRow.status.in_(sorted(s.value for s in statuses))
    )
    if channel is not None:
        statement = statement.where(ComplaintTallyRow.channel == channel.value)
    if account_id is not None:
        statement = statement.where(ComplaintTallyRow.account_id == account_id)
    return int(conn.execute(statement).scalar_one())


def due_before_count(conn: Connection, moment: datetime) -> int:
    """Complaints due before ``moment`` (only open ones have a due time).

    Overdue now is ``due_before_count(conn, now)``; due soon (the warning) is
    the same with ``now`` plus the warning margin. The whole hours before
    ``moment`` come from the per-hour counts, its own hour from the due index.
    """
    hour, hour_start = sqlite_counts.due_hour(moment)
    whole = conn.execute(
        select(func.coalesce(func.sum(ComplaintDueHourRow.n), 0)).where(
            ComplaintDueHourRow.hour < hour
        )
    ).scalar_one()
    part = conn.execute(
        select(func.count())
        .select_from(ComplaintRow)
        .where(ComplaintRow.due_at >= hour_start, ComplaintRow.due_at < moment)
    ).scalar_one()
    return int(whole) + int(part)


_COMPLAINT = tuple(ComplaintRow.__table__.c)
_MESSAGE = tuple(MessageRow.__table__.c)
_NOTE = tuple(NoteRow.__table__.c)


def _reply_select() -> Select[Any]:
    return select(
        *ReplyRow.__table__.c,
        OutboxRow.state,
        OutboxRow.attempts,
        OutboxRow.last_error,
        OutboxRow.last_reason,
        OutboxRow.next_attempt_at,
    ).join(OutboxRow, OutboxRow.reply_id == ReplyRow.id)


def _complaint(row: RowMapping) -> Complaint:
    return Complaint(
        id=row["id"],
        account_id=row["account_id"],
        channel=Channel(row["channel"]),
        thread_id=row["thread_id"],
        author_name=row["author_name"],
        excerpt=row["excerpt"],
        status=Status(row["status"]),
        first_message_at=row["first_message_at"],
        last_inbound_at=row["last_inbound_at"],
        clock_started_at=row["clock_started_at"],
        last_public_answer_at=row["last_public_answer_at"],
        due_at=row["due_at"],
    )


def _message(row: RowMapping) -> Message:
    return Message(
        id=row["id"],
        complaint_id=row["complaint_id"],
        direction=Direction(row["direction"]),
        author_id=row["author_id"],
        author_name=row["author_name"],
        text=row["text"],
        platform_id=row["platform_id"],
        platform_time=row["platform_time"],
    )


def _reply(row: RowMapping) -> Reply:
    return Reply(
        id=row["id"],
        complaint_id=row["complaint_id"],
        text=row["text"],
        officer=row["officer"],
        created_at=row["created_at"],
        state=ReplyState(row["state"]),
        attempts=row["attempts"],
        platform_id=row["platform_id"],
        accepted_at=row["accepted_at"],
        last_error=row["last_error"],
        next_attempt_at=row["next_attempt_at"],
        last_reason=row["last_reason"],
    )


def _note(row: RowMapping) -> Note:
    return Note(
        id=row["id"],
        complaint_id=row["complaint_id"],
        officer=row["officer"],
        text=row["text"],
        public=row["public"],
        created_at=row["created_at"],
        reply_id=row["reply_id"],
    )
