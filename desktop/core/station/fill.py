"""Which complaints a replica's fill copies next: the station's, most urgent first.

A fill (the first one, or a refill after the change log was pruned past the
replica's cursor) walks the station's complaints in the queue's own order: the
open ones with a due time by (due time, id), then the rest newest first, so
the top of the queue is on this PC within a moment of the window opening. Its
position is kept in the replica (``Fill``, saved with each batch), so a fill
cut by a closed app, a lost link or a killed process goes on where it was.

It starts by noting the station's change sequence: whatever changes while it
walks (a complaint it passed, or one that moved from the part not yet walked
to the part behind it) is in the change log after that number, and is
applied once the walk is done.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, func, or_, select

from desktop.core.store import changes
from desktop.core.store.schema import ComplaintRow, ComplaintTallyRow

DUE, REST, DONE = "due", "rest", "done"


@dataclass(frozen=True, slots=True)
class Fill:
    """A fill under way: where it began in the change log, and how far it got."""

    start: int  # the change sequence when it began: the log is followed from there after
    total: int  # the station's complaints when it began (for the progress line)
    refill: bool = False  # the replica held rows already: drop those the station lost
    copied: int = 0
    phase: str = DUE
    due_at: str | None = None  # the keyset position within the phase (ISO times)
    last_message_at: str | None = None
    id: int | None = None

    @property
    def done(self) -> bool:
        return self.phase == DONE

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Fill:
        return cls(**data)


def begin(conn: Connection, *, refill: bool) -> Fill:
    """A new fill from the station's current change sequence (read first)."""
    start = changes.latest(conn)
    # The counts the writes keep: a scan of a million rows would hold the first batch up.
    total = conn.execute(select(func.coalesce(func.sum(ComplaintTallyRow.n), 0))).scalar_one()
    return Fill(start=start, total=int(total), refill=refill)


def next_batch(conn: Connection, fill: Fill, limit: int) -> tuple[list[int], Fill]:
    """The next ``limit`` complaint ids of the walk at most, and the position after them
    (a phase that runs out moves the fill to the next one)."""
    c = ComplaintRow
    if fill.phase == DUE:
        query = select(c.id, c.due_at, c.last_message_at).where(c.due_at.is_not(None))
        if fill.id is not None and fill.due_at is not None:
            due = datetime.fromisoformat(fill.due_at)
            query = query.where(c.due_at >= due, or_(c.due_at > due, c.id > fill.id))
        query = query.order_by(c.due_at, c.id)
    elif fill.phase == REST:
        query = select(c.id, c.due_at, c.last_message_at).where(c.due_at.is_(None))
        if fill.id is not None and fill.last_message_at is not None:
            last = datetime.fromisoformat(fill.last_message_at)
            query = query.where(
                c.last_message_at <= last, or_(c.last_message_at < last, c.id < fill.id)
            )
        query = query.order_by(c.last_message_at.desc(), c.id.desc())
    else:
        return [], fill
    rows = conn.execute(query.limit(limit)).all()
    ids = [int(row.id) for row in rows]
    if len(rows) < limit:
        after = replace(fill, phase=REST if fill.phase == DUE else DONE, id=None)
        return ids, replace(after, copied=fill.copied + len(ids), due_at=None, last_message_at=None)
    last_row = rows[-1]
    return ids, replace(
        fill,
        copied=fill.copied + len(ids),
        id=int(last_row.id),
        due_at=None if last_row.due_at is None else last_row.due_at.isoformat(),
        last_message_at=last_row.last_message_at.isoformat(),
    )
