"""The offline journal: every officer action made on the replica, applied to the
station once, in order, when it can be reached.

An action (reply, note, status, draft) is done on the replica at once (the
window shows it) and journalled there in the same transaction, with a UUID.
Applying an entry on the station is one transaction that first inserts the
UUID into ``station_applied``: when it is already there (the apply was retried
after its answer was lost) nothing else happens. A reply, note or status
change to a complaint that someone else closed (resolved or dismissed) since
the officer saw it is not applied: it is kept as a conflict, with who closed
it, for the window to show. A draft is only the officer's: the last one wins.

A conflict's ``detail`` carries no words: ``gone`` (the complaint left the
station), ``<status> by <officer>`` (someone closed it), or the station's
``UserError`` as its code and values (``error_detail``; ``detail_error``
rebuilds it, for ``desktop.i18n.error_text`` to word in the officer's
language). Details kept by older versions as English text are shown as they are.

The officer sets a conflict aside (``dismiss``: state ``dismissed``, never
listed again, the row kept for the audit) or sends it again on the current
state (``resend``: the new entry and the dismissal of the old one in one
transaction, so a double click cannot send it twice).
"""

from __future__ import annotations

import json
import string
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, select, text

from desktop.core.errors import MESSAGES, UserError
from desktop.core.model import Status
from desktop.core.store import actions, drafts
from desktop.core.store.database import Store
from desktop.core.store.schema import ComplaintRow, StatusChangeRow

PENDING, APPLIED, CONFLICT, DISMISSED = "pending", "applied", "conflict", "dismissed"
CLOSED = frozenset({Status.RESOLVED.value, Status.DISMISSED.value})


class InTransaction(Store):
    """A store whose reads and writes all go to one open transaction, so that an
    action of ``store/actions.py`` and the journal's own rows commit together."""

    __slots__ = ("_conn",)
    _conn: Connection

    def __init__(self, store: Store, conn: Connection) -> None:
        super().__init__(store.engine, store.path)
        object.__setattr__(self, "_conn", conn)

    @contextmanager
    def read(self) -> Iterator[Connection]:
        yield self._conn

    @contextmanager
    def write(self, *, durable: bool = True) -> Iterator[Connection]:
        yield self._conn


@dataclass(frozen=True, slots=True)
class Entry:
    action_id: str
    kind: str  # reply, note, public_note, status, draft
    complaint_id: int
    payload: dict[str, Any]
    base_status: str  # the complaint's status when the officer acted
    officer: str
    state: str = PENDING
    detail: str | None = None


def perform(conn: Connection, store: Store, entry: Entry) -> Any:
    """Do ``entry``'s action inside ``conn``'s transaction on ``store``."""
    within = InTransaction(store, conn)
    p = entry.payload
    if entry.kind == "reply":
        reply_id = actions.queue_reply(within, entry.complaint_id, p["text"], entry.officer)
        drafts.clear_draft(within, entry.complaint_id)
        return reply_id
    if entry.kind == "note":
        return actions.add_note(
            within, entry.complaint_id, p["text"], entry.officer, public=p["public"]
        )
    if entry.kind == "status":
        return actions.change_status(within, entry.complaint_id, Status(p["wanted"]), entry.officer)
    if entry.kind == "draft":
        return drafts.save_draft(within, entry.complaint_id, p["text"])
    raise ValueError(f"unknown journal entry kind {entry.kind!r}")


def status_of(conn: Connection, complaint_id: int) -> str | None:
    found = conn.execute(select(ComplaintRow.status).where(ComplaintRow.id == complaint_id))
    return found.scalar()


def record(replica: Store, kind: str, complaint_id: int, officer: str, **payload: Any) -> Any:
    """Do the action on the replica and journal it, in one transaction; its result."""
    with replica.write() as conn:
        return _record(conn, replica, kind, complaint_id, officer, payload)


def resend(
    replica: Store, conflict: str, kind: str, complaint_id: int, officer: str, **payload: Any
) -> Any:
    """``record`` an action in place of the ``conflict`` (its action id), dismissing the
    conflict in the same transaction: ``conflict_settled`` when it was settled already."""
    with replica.write() as conn:
        if not _dismiss(conn, conflict):
            raise UserError("conflict_settled")
        return _record(conn, replica, kind, complaint_id, officer, payload)


def _record(
    conn: Connection,
    replica: Store,
    kind: str,
    complaint_id: int,
    officer: str,
    payload: dict[str, Any],
) -> Any:
    base = status_of(conn, complaint_id)
    if base is None:
        raise UserError("unknown_complaint", id=complaint_id)
    entry = Entry(str(uuid.uuid4()), kind, complaint_id, payload, base, officer)
    result = perform(conn, replica, entry)
    conn.execute(
        text(
            "INSERT INTO station_journal (seq, action_id, kind, complaint_id, payload, "
            "base_status, officer, made_at, state) VALUES ("
            "(SELECT coalesce(max(seq), 0) + 1 FROM station_journal), "
            ":id, :kind, :complaint, :payload, :base, :officer, :at, :state)"
        ),
        {
            "id": entry.action_id,
            "kind": kind,
            "complaint": complaint_id,
            "payload": json.dumps(payload),
            "base": base,
            "officer": officer,
            "at": datetime.now(UTC).isoformat(),
            "state": PENDING,
        },
    )
    return result


def entries(replica: Store, state: str | None = None) -> list[Entry]:
    """The journal in the order the officer acted (of one ``state``, or all)."""
    query = (
        "SELECT action_id, kind, complaint_id, payload, base_status, officer, state, detail "
        "FROM station_journal"
    )
    params: dict[str, Any] = {}
    if state is not None:
        query += " WHERE state = :state"
        params["state"] = state
    with replica.read() as conn:
        rows = conn.execute(text(query + " ORDER BY seq"), params).all()
    return [Entry(r[0], r[1], int(r[2]), json.loads(r[3]), r[4], r[5], r[6], r[7]) for r in rows]


def apply(station: Store, entry: Entry) -> tuple[str, str | None]:
    """Apply ``entry`` on the station once: (``applied`` or ``conflict``, detail)."""
    with station.write() as conn:
        claimed = conn.execute(
            text(
                "INSERT INTO station_applied (action_id, outcome) VALUES (:id, :outcome) "
                "ON CONFLICT (action_id) DO NOTHING RETURNING action_id"
            ),
            {"id": entry.action_id, "outcome": APPLIED},
        ).first()
        if claimed is None:  # applied before: its answer was lost
            found = conn.execute(
                text("SELECT outcome, detail FROM station_applied WHERE action_id = :id"),
                {"id": entry.action_id},
            ).one()
            return str(found[0]), found[1]
        detail = _conflict(conn, entry)
        if detail is None:
            try:
                with conn.begin_nested():
                    perform(conn, station, entry)
            except UserError as exc:
                detail = error_detail(exc)
        if detail is not None:
            conn.execute(
                text(
                    "UPDATE station_applied SET outcome = :outcome, detail = :detail "
                    "WHERE action_id = :id"
                ),
                {"id": entry.action_id, "outcome": CONFLICT, "detail": detail},
            )
            return CONFLICT, detail
    return APPLIED, None


def _conflict(conn: Connection, entry: Entry) -> str | None:
    """Why ``entry`` must not be applied now, or ``None``."""
    if entry.kind == "draft":
        return None
    current = status_of(conn, entry.complaint_id)
    if current is None:
        return "gone"
    if current != entry.base_status and current in CLOSED:
        closer = conn.execute(
            select(StatusChangeRow.officer)
            .where(StatusChangeRow.complaint_id == entry.complaint_id)
            .order_by(StatusChangeRow.id.desc())
            .limit(1)
        ).scalar()
        return f"{current} by {closer or '?'}"
    return None


def closed_by(detail: str | None) -> tuple[Status, str] | None:
    """(the closing status, its officer) from a conflict's ``detail``, when a close it was."""
    status, by, officer = (detail or "").partition(" by ")
    if not by or status not in CLOSED:
        return None
    return Status(status), officer


def error_detail(error: UserError) -> str:
    """``error`` as a conflict's detail: its code and the values its text shows, as JSON.
    Values the text does not show are left out, so nothing more (a secret) is kept."""
    shown = {field for _, field, _, _ in string.Formatter().parse(MESSAGES[error.code]) if field}
    values = {
        name: value if isinstance(value, str | int | float | bool) else str(value)
        for name, value in error.params.items()
        if name in shown
    }
    return json.dumps({"error": error.code, "values": values}, sort_keys=True)


def detail_error(detail: str | None) -> UserError | None:
    """The ``UserError`` a conflict's ``detail`` holds, or ``None``: a close, ``gone``,
    or the English text an older version kept (shown as it is)."""
    if not detail or not detail.startswith("{"):
        return None
    try:
        found = json.loads(detail)
        return UserError(str(found["error"]), **dict(found["values"]))
    except (ValueError, KeyError, TypeError, IndexError, AttributeError):
        return None


def dismiss(replica: Store, action_id: str) -> bool:
    """Set a conflict aside: never listed again, kept for the audit. ``False`` when
    it is not (or no longer) a conflict."""
    with replica.write() as conn:
        return _dismiss(conn, action_id)


def _dismiss(conn: Connection, action_id: str) -> bool:
    done = conn.execute(
        text("UPDATE station_journal SET state = :dismissed WHERE action_id = :id AND state = :c"),
        {"id": action_id, "dismissed": DISMISSED, "c": CONFLICT},
    )
    return done.rowcount == 1


def mark(replica: Store, action_id: str, state: str, detail: str | None) -> None:
    with replica.write() as conn:
        conn.execute(
            text(
                "UPDATE station_journal SET state = :state, detail = :detail WHERE action_id = :id"
            ),
            {"id": action_id, "state": state, "detail": detail},
        )
