"""A desktop's encrypted copy of the station's queue, fed by the change feed.

The replica is an ordinary single-PC store (SQLCipher, its key in the keyring)
in its own folder of the desktop's home, so every read the window makes works
on it unchanged, also while the station cannot be reached. It keeps the last
change sequence it applied (in its ``setting`` table, in the same transaction
as the rows), so a desktop back after a week asks only for what changed
after it: each changed complaint is copied whole (the complaint, its messages,
replies, sends, notes, status changes and draft), never the whole station.

The first time (and when the station pruned changes the replica never saw) it
is filled instead: the station's complaints most urgent first, in batches, each
batch one transaction here with the fill's position (``station.fill``), so the
window shows the top of the queue at once and a fill cut short goes on where it
was. The cursor is written only when the last batch is in: a replica never
claims to be whole when it is not.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Integer, Table, any_, bindparam, delete, insert, select, update
from sqlalchemy.dialects.postgresql import ARRAY

from desktop.core.credentials import Vault
from desktop.core.paths import Paths
from desktop.core.station.fill import Fill, begin, next_batch
from desktop.core.store import changes, sqlite
from desktop.core.store.changes import Changes
from desktop.core.store.database import Store, open_store
from desktop.core.store.schema import Base, ComplaintRow, SettingRow
from desktop.core.store.settings import load_setting, save_setting

FOLDER = "station-replica"
CURSOR_KEY = "station_replica"  # the last change applied: set only once the replica is whole
FILL_KEY = "station_replica_fill"  # a fill under way (``fill.Fill``)
CHUNK = 500  # complaints per statement
FIRST_BATCH = 100  # the first fill batch: the top of the queue, on screen at once
BATCH = 2000  # complaints per fill batch (one transaction here)

_TABLES = Base.metadata.tables
# Parents first for inserting; the reverse for deleting.
_PER_COMPLAINT = ("complaint", "message", "reply", "outbox", "note", "status_change", "draft")
_COPIED_WHOLE = ("account", "setting")  # small tables the complaints need
_OWN_KEYS = frozenset({CURSOR_KEY, FILL_KEY})


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


@dataclass(frozen=True, slots=True)
class Progress:
    """How far a fill is: ``copied`` of the station's ``total`` complaints."""

    copied: int
    total: int
    done: bool


def _ignore_batch(_ids: frozenset[int], _progress: Progress) -> None:
    return None


def _nothing() -> None:
    return None


class Replica:
    def __init__(self, store: Store) -> None:
        self.store = store

    @property
    def after(self) -> int | None:
        """The last change sequence applied (``None``: not whole yet, a fill is due)."""
        with self.store.read() as conn:
            cursor = load_setting(conn, CURSOR_KEY)
        return None if cursor is None else int(cursor["after"])

    @property
    def filling(self) -> Fill | None:
        """The fill under way (``None``: none)."""
        with self.store.read() as conn:
            found = load_setting(conn, FILL_KEY)
        return None if found is None else Fill.from_json(found)

    def behind(self, station: Store) -> bool:
        """A fill is due: never whole, a fill cut short, or the station pruned changes
        this replica has not seen (following the log would miss them)."""
        after = self.after
        if after is None or self.filling is not None:
            return True
        with station.read() as conn:
            return changes.pruned_through(conn) > after

    def catch_up(
        self,
        station: Store,
        *,
        on_batch: Callable[[frozenset[int], Progress], None] = _ignore_batch,
        between: Callable[[], object] = _nothing,
    ) -> CatchUp:
        """Fill if due (``on_batch`` told of each batch, ``between`` called after it),
        then copy every complaint changed on ``station`` since, in batches."""
        copied = self.fill(station, on_batch, between) if self.behind(station) else 0
        self._copy_small_tables(station)
        after = self.after or 0
        while True:
            with station.read() as conn:
                found = changes.changed_after(conn, after)
            if found.empty:
                return CatchUp(copied, after)
            copied += self.apply(station, found)
            after = found.last

    def fill(
        self,
        station: Store,
        on_batch: Callable[[frozenset[int], Progress], None] = _ignore_batch,
        between: Callable[[], object] = _nothing,
    ) -> int:
        """Copy the station's complaints, most urgent first, going on with a fill cut
        short; the replica is whole (has a cursor) only when the last batch is in.
        How many complaints this call copied."""
        under_way = self.filling
        if under_way is None:
            with self.store.read() as conn:
                held = conn.execute(select(ComplaintRow.id).limit(1)).first() is not None
            with station.read() as conn:
                under_way = begin(conn, refill=held)
            self._copy_small_tables(station)
            with self.store.write() as conn:
                conn.execute(delete(SettingRow).where(SettingRow.key == CURSOR_KEY))
                save_setting(conn, FILL_KEY, under_way.to_json())
        before, limit = under_way.copied, FIRST_BATCH
        while not under_way.done:
            with station.read() as conn:
                ids, advanced = next_batch(conn, under_way, limit)
            self._copy(station, ids, walked=advanced)
            under_way = advanced
            on_batch(frozenset(ids), Progress(under_way.copied, under_way.total, False))
            between()
            limit = BATCH
        gone = self._gone(station) if under_way.refill else []
        with self.store.write() as conn:
            _delete_complaints(conn, gone)
            conn.execute(delete(SettingRow).where(SettingRow.key == FILL_KEY))
            save_setting(conn, CURSOR_KEY, {"after": under_way.start})
        on_batch(frozenset(gone), Progress(under_way.copied, under_way.total, True))
        return under_way.copied - before

    def apply(self, station: Store, found: Changes) -> int:
        """Copy the complaints of ``found`` from ``station`` and move the cursor to its end."""
        return self._copy(station, sorted(found.complaint_ids), cursor=found.last)

    def refresh(self, station: Store, ids: Collection[int]) -> int:
        """Copy these complaints again (the cursor stays where it is)."""
        return self._copy(station, sorted(ids))

    def _copy(
        self,
        station: Store,
        ids: Sequence[int],
        *,
        cursor: int | None = None,
        walked: Fill | None = None,
    ) -> int:
        rows: dict[str, list[dict[str, Any]]] = {}
        with station.read() as conn:
            accounts = _rows(conn, _TABLES["account"], None)
            for name in _PER_COMPLAINT:
                rows[name] = _rows(conn, _TABLES[name], ids) if ids else []
        with self.store.write() as conn:
            _merge(conn, _TABLES["account"], accounts, ("id",))
            _delete_complaints(conn, _held(conn, ids))
            for name in reversed(_PER_COMPLAINT):  # also a row that moved to another complaint
                _free_ids(conn, _TABLES[name], rows.get(name, []))
            for name in _PER_COMPLAINT:
                if rows.get(name):
                    conn.execute(insert(_TABLES[name]), rows[name])
            sqlite.reindex_complaints(conn, list(ids))
            if walked is not None:
                save_setting(conn, FILL_KEY, walked.to_json())
            if cursor is not None and load_setting(conn, FILL_KEY) is None:
                save_setting(conn, CURSOR_KEY, {"after": cursor})
        return len(ids)

    def _gone(self, station: Store) -> list[int]:
        """Complaints this replica holds that the station no longer has."""
        with station.read() as conn:
            kept = set(conn.execute(select(ComplaintRow.id)).scalars())
        with self.store.read() as conn:
            return [i for i in conn.execute(select(ComplaintRow.id)).scalars() if i not in kept]

    def _copy_small_tables(self, station: Store) -> None:
        with station.read() as conn:
            found = {name: _rows(conn, _TABLES[name], None) for name in _COPIED_WHOLE}
        with self.store.write() as conn:
            _merge(conn, _TABLES["account"], found["account"], ("id",))
            for row in found["setting"]:
                if row["key"] not in _OWN_KEYS:
                    _merge(conn, _TABLES["setting"], [row], ("key",))

    def close(self) -> None:
        self.store.close()


def _delete_complaints(conn: Connection, ids: Sequence[int]) -> None:
    for chunk in _chunks(ids):
        for name in reversed(_PER_COMPLAINT):
            table = _TABLES[name]
            conn.execute(delete(table).where(_belongs(table, chunk)))


def _rows(
    conn: Connection, table: Table, complaint_ids: Sequence[int] | None
) -> list[dict[str, Any]]:
    """The station's rows of ``table`` (of these complaints): the ids go as one array
    parameter, not thousands of them to parse."""
    query = select(table)
    if complaint_ids is not None:
        wanted = any_(bindparam("ids", list(complaint_ids), type_=ARRAY(Integer)))
        if table.name == "complaint":
            query = query.where(table.c.id == wanted)
        elif table.name == "outbox":
            reply = _TABLES["reply"]
            of_reply = select(reply.c.id).where(reply.c.complaint_id == wanted)
            query = query.where(table.c.reply_id.in_(of_reply))
        else:
            query = query.where(table.c.complaint_id == wanted)
    return [dict(row._mapping) for row in conn.execute(query)]


def _held(conn: Connection, ids: Sequence[int]) -> list[int]:
    """Those of ``ids`` this replica holds (in a fill: few or none, nothing to delete)."""
    complaint = _TABLES["complaint"]
    held: list[int] = []
    for chunk in _chunks(ids):
        held.extend(conn.execute(select(complaint.c.id).where(complaint.c.id.in_(chunk))).scalars())
    return held


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
