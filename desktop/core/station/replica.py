"""A desktop's encrypted copy of the station's queue, fed by the change feed.

The replica is an ordinary single-PC store (SQLCipher, its key in the keyring)
in its own folder of the desktop's home, so every read the window makes works
on it unchanged, also while the station cannot be reached. It keeps the last
change sequence it applied (in its ``setting`` table, in the same transaction
as the rows), so a desktop back after a week asks only for what changed
after it: each changed complaint is copied whole (the complaint, its messages,
replies, sends, notes, status changes and draft), never the whole station.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Table, delete, insert, select, update

from desktop.core.credentials import Vault
from desktop.core.paths import Paths
from desktop.core.store import changes, sqlite
from desktop.core.store.changes import Changes
from desktop.core.store.database import Store, open_store
from desktop.core.store.schema import Base
from desktop.core.store.settings import load_setting, save_setting

FOLDER = "station-replica"
CURSOR_KEY = "station_replica"
CHUNK = 500  # complaints per statement

_TABLES = Base.metadata.tables
# Parents first for inserting; the reverse for deleting.
_PER_COMPLAINT = ("complaint", "message", "reply", "outbox", "note", "status_change", "draft")
_COPIED_WHOLE = ("account", "setting")  # small tables the complaints need


def replica_paths(home: Path) -> Paths:
    return Paths(home / FOLDER)


def open_replica(home: Path, vault: Vault) -> Replica:
    """This desktop's replica in ``home`` (created empty, with its own key, the first time)."""
    return Replica(open_store(replica_paths(home), vault))


@dataclass(frozen=True, slots=True)
class CatchUp:
    """What one catch-up did: the complaints copied, and the sequence reached."""

    complaints: int
    after: int


class Replica:
    def __init__(self, store: Store) -> None:
        self.store = store

    @property
    def after(self) -> int | None:
        """The last change sequence applied (``None``: never filled)."""
        with self.store.read() as conn:
            cursor = load_setting(conn, CURSOR_KEY)
        return None if cursor is None else int(cursor["after"])

    def catch_up(self, station: Store) -> CatchUp:
        """Copy every complaint changed on ``station`` since the last catch-up (all of
        them the first time), in batches, each batch one transaction here."""
        after = self.after if self.after is not None else 0
        copied = 0
        self._copy_small_tables(station)
        while True:
            with station.read() as conn:
                found = changes.changed_after(conn, after)
            if found.empty:
                return CatchUp(copied, after)
            copied += self.apply(station, found)
            after = found.last

    def apply(self, station: Store, found: Changes) -> int:
        """Copy the complaints of ``found`` from ``station`` and move the cursor to its end."""
        ids = sorted(found.complaint_ids)
        rows: dict[str, list[dict[str, Any]]] = {}
        with station.read() as conn:
            accounts = _rows(conn, _TABLES["account"], None)
            for chunk in _chunks(ids):
                for name in _PER_COMPLAINT:
                    rows.setdefault(name, []).extend(_rows(conn, _TABLES[name], chunk))
        with self.store.write() as conn:
            _merge(conn, _TABLES["account"], accounts, ("id",))
            for chunk in _chunks(ids):
                for name in reversed(_PER_COMPLAINT):
                    table = _TABLES[name]
                    conn.execute(delete(table).where(_belongs(table, chunk)))
            for name in reversed(_PER_COMPLAINT):
                _free_ids(conn, _TABLES[name], rows.get(name, []))
            for name in _PER_COMPLAINT:
                if rows.get(name):
                    conn.execute(insert(_TABLES[name]), rows[name])
            sqlite.reindex_complaints(conn, ids)
            save_setting(conn, CURSOR_KEY, {"after": found.last})
        return len(ids)

    def _copy_small_tables(self, station: Store) -> None:
        with station.read() as conn:
            found = {name: _rows(conn, _TABLES[name], None) for name in _COPIED_WHOLE}
        with self.store.write() as conn:
            _merge(conn, _TABLES["account"], found["account"], ("id",))
            keep = {CURSOR_KEY}
            for row in found["setting"]:
                if row["key"] not in keep:
                    _merge(conn, _TABLES["setting"], [row], ("key",))

    def close(self) -> None:
        self.store.close()


def _rows(
    conn: Connection, table: Table, complaint_ids: Sequence[int] | None
) -> list[dict[str, Any]]:
    query = select(table)
    if complaint_ids is not None:
        query = query.where(_belongs(table, complaint_ids))
    return [dict(row._mapping) for row in conn.execute(query)]


def _belongs(table: Table, complaint_ids: Collection[int]) -> Any:
    if table.name == "complaint":
        return table.c.id.in_(complaint_ids)
    if table.name == "outbox":
        reply = _TABLES["reply"]
        return table.c.reply_id.in_(
            select(reply.c.id).where(reply.c.complaint_id.in_(complaint_ids))
        )
    return table.c.complaint_id.in_(complaint_ids)


def _free_ids(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Drop this desk's own rows (journalled, not yet back from the station) whose
    ids the station gave to other rows meanwhile; the journal still holds them."""
    if "id" not in table.c or not rows:
        return
    ids = [row["id"] for row in rows]
    for start in range(0, len(ids), CHUNK):
        conn.execute(delete(table).where(table.c.id.in_(ids[start : start + CHUNK])))


def _merge(
    conn: Connection, table: Table, rows: Iterable[dict[str, Any]], key: Sequence[str]
) -> None:
    """Insert the new rows, update the known ones (never delete: children would go)."""
    rows = list(rows)
    if not rows:
        return
    columns = [table.c[k] for k in key]
    known = {tuple(r) for r in conn.execute(select(*columns))}
    fresh = [r for r in rows if tuple(r[k] for k in key) not in known]
    old = [r for r in rows if tuple(r[k] for k in key) in known]
    if fresh:
        conn.execute(insert(table), fresh)
    for row in old:
        where = [table.c[k] == row[k] for k in key]
        conn.execute(update(table).where(*where).values(row))


def _chunks(ids: Sequence[int]) -> Iterable[list[int]]:
    for start in range(0, len(ids), CHUNK):
        yield list(ids[start : start + CHUNK])
