"""What an officer does to a complaint: reply, note, change status.

Each action is one transaction. A reply is written together with its outbox
entry, so a reply the officer saw as queued is on disk before anything else.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Connection, bindparam, insert, select, update

from desktop.core.deadlines import UnitSettings, due_at
from desktop.core.errors import UserError
from desktop.core.model import (
    MAX_REPLY_LENGTH,
    OPEN_STATUSES,
    Channel,
    IllegalTransitionError,
    ReplyState,
    Status,
    check_transition,
)
from desktop.core.store.audit import acting_officer
from desktop.core.store.database import Store
from desktop.core.store.ingest import refresh_complaints
from desktop.core.store.schema import (
    ComplaintRow,
    NoteRow,
    OutboxRow,
    ReplyRow,
    StatusChangeRow,
)
from desktop.core.store.settings import load_unit_settings, save_unit_settings


def queue_reply(store: Store, complaint_id: int, text: str, officer: str) -> int:
    """Write a reply and its outbox entry; return the reply's id."""
    with store.write() as conn:
        return _queue_reply(conn, complaint_id, text, officer)


def _queue_reply(conn: Connection, complaint_id: int, text: str, officer: str) -> int:
    text = text.strip()
    if not text:
        raise UserError("empty_text")
    found = conn.execute(
        select(ComplaintRow.account_id, ComplaintRow.channel).where(ComplaintRow.id == complaint_id)
    ).first()
    if found is None:
        raise UserError("unknown_complaint", id=complaint_id)
    account_id, channel = found
    officer = acting_officer(conn, officer)
    limit = MAX_REPLY_LENGTH[Channel(channel)]
    if len(text) > limit:
        raise UserError("text_too_long", channel=channel, length=len(text), limit=limit)
    now = datetime.now(UTC)
    reply_id = conn.execute(
        insert(ReplyRow)
        .values(complaint_id=complaint_id, text=text, officer=officer, created_at=now)
        .returning(ReplyRow.id)
    ).scalar_one()
    conn.execute(
        insert(OutboxRow).values(
            reply_id=reply_id,
            account_id=account_id,
            state=ReplyState.QUEUED.value,
            attempts=0,
            next_attempt_at=now,
        )
    )
    return int(reply_id)


def add_note(
    store: Store, complaint_id: int, text: str, officer: str, *, public: bool = False
) -> int:
    """Record a progress note; a public one is also queued as a reply."""
    text = text.strip()
    if not text:
        raise UserError("empty_text")
    with store.write() as conn:
        reply_id = _queue_reply(conn, complaint_id, text, officer) if public else None
        if reply_id is None:
            _require_complaint(conn, complaint_id)
        officer = acting_officer(conn, officer)
        note_id = conn.execute(
            insert(NoteRow)
            .values(
                complaint_id=complaint_id,
                officer=officer,
                text=text,
                public=public,
                created_at=datetime.now(UTC),
                reply_id=reply_id,
            )
            .returning(NoteRow.id)
        ).scalar_one()
    return int(note_id)


def change_status(store: Store, complaint_id: int, wanted: Status, officer: str) -> Status:
    """Move a complaint to ``wanted`` if the status machine allows it."""
    with store.write() as conn:
        current = Status(_require_complaint(conn, complaint_id))
        officer = acting_officer(conn, officer)
        try:
            check_transition(current, wanted)
        except IllegalTransitionError as exc:
            raise UserError(
                "illegal_transition",
                current=current.value,
                wanted=wanted.value,
                allowed=exc.allowed_text,
            ) from exc
        conn.execute(
            update(ComplaintRow).where(ComplaintRow.id == complaint_id).values(status=wanted)
        )
        conn.execute(
            insert(StatusChangeRow).values(
                complaint_id=complaint_id,
                old_status=current.value,
                new_status=wanted.value,
                officer=officer,
                changed_at=datetime.now(UTC),
            )
        )
        refresh_complaints(conn, [complaint_id], load_unit_settings(conn).deadlines)
    return wanted


def set_unit_settings(store: Store, settings: UnitSettings) -> None:
    """Save the unit's settings and re-time every open complaint by them."""
    with store.write() as conn:
        save_unit_settings(conn, settings)
        rows = conn.execute(
            select(
                ComplaintRow.id,
                ComplaintRow.status,
                ComplaintRow.clock_started_at,
                ComplaintRow.last_public_answer_at,
            ).where(ComplaintRow.status.in_([s.value for s in OPEN_STATUSES]))
        )
        updates = [
            {"cid": cid, "due": due_at(Status(status), clock, answer, settings.deadlines)}
            for cid, status, clock, answer in rows
        ]
        if updates:
            conn.execute(
                update(ComplaintRow)
                .where(ComplaintRow.id == bindparam("cid"))
                .values(due_at=bindparam("due")),
                updates,
            )


def _require_complaint(conn: Connection, complaint_id: int) -> str:
    status = conn.execute(
        select(ComplaintRow.status).where(ComplaintRow.id == complaint_id)
    ).scalar_one_or_none()
    if status is None:
        raise UserError("unknown_complaint", id=complaint_id)
    return str(status)
