"""Conflicts for the station tests: an officer's action journalled on the replica that
another officer overtook on the station before the journal reached it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import text

from desktop.core.credentials import MemoryVault
from desktop.core.desk import Desk
from desktop.core.model import Status
from desktop.core.paths import Paths
from desktop.core.station import journal
from desktop.core.store.database import Store

OFFICER = "Bripka Ani"  # works on the replica
OTHER = "Bripka Budi"  # closes the complaint on the station first


def open_complaints(store: Store) -> list[int]:
    """The ids of the complaints still open (new or acknowledged), in order."""
    with store.read() as conn:
        found = conn.execute(
            text("SELECT id FROM complaint WHERE status IN ('new', 'acknowledged') ORDER BY id")
        )
        return list(found.scalars())


def replies(store: Store, complaint_id: int) -> list[str]:
    """The texts of the replies ``store`` holds for ``complaint_id``, oldest first."""
    with store.read() as conn:
        found = conn.execute(
            text("SELECT text FROM reply WHERE complaint_id = :c ORDER BY id"), {"c": complaint_id}
        )
        return list(found.scalars())


def overtaken(
    replica: Store, station: Store, kind: str, complaint_id: int, closed: Status, **payload: Any
) -> None:
    """``OFFICER`` does ``kind`` on ``complaint_id`` in ``replica`` (journalled, not yet
    applied); meanwhile ``OTHER`` marks the complaint ``closed`` on ``station``."""
    journal.record(replica, kind, complaint_id, OFFICER, **payload)
    other = Desk(station, MemoryVault(), Paths(Path("unused"))).complaints
    if closed is Status.RESOLVED:  # the status machine resolves only what is in progress
        other.change_status(complaint_id, Status.IN_PROGRESS, OTHER)
    other.change_status(complaint_id, closed, OTHER)
