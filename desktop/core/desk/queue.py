"""The queue: pages of ids in urgency order, rows, totals, counts, arrivals."""

from __future__ import annotations

import itertools
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Connection

from desktop.core.model import Account, Complaint, Status
from desktop.core.store import counts
from desktop.core.store.accounts import list_accounts
from desktop.core.store.database import Store
from desktop.core.store.queries import QueueFilter
from desktop.core.store.queue_pages import (
    CappedCount,
    IdPage,
    QueueKey,
    QueueRow,
    id_page,
    keys_of,
    matching_keys,
    order_of,
    queue_count,
    queue_count_capped,
    queue_page,
    queue_rows,
)

PAGE = 1000  # ids read per page
WINDOW = 200  # rows read at once
# A search's first page fills a tall window (40 rows at 1080p), no more: a word in
# most complaints finds it by looking a couple of hundred complaints up in the
# search index (``sqlite.LOOKUP_COST``), a twentieth of what a whole page costs,
# and its rows are read with it; the next pages follow as the officer scrolls.
FIRST_SEARCH_PAGE = 64


@dataclass(frozen=True, slots=True)
class FirstLoad:
    page: IdPage
    rows: dict[int, QueueRow]


class Queue:
    def __init__(self, store: Store) -> None:
        self._store = store

    def first_load(self, queue_filter: QueueFilter) -> FirstLoad:
        """The first page of ids and rows; the total follows in its own call (``count``),
        so the rows show first even when counting a common search word takes a while."""
        size = FIRST_SEARCH_PAGE if queue_filter.search.strip() else PAGE
        with self._store.read() as conn:
            page = id_page(conn, queue_filter, None, size)
            return FirstLoad(page, queue_rows(conn, page.ids[:WINDOW]))

    def next_page(self, queue_filter: QueueFilter, after: QueueKey | None) -> IdPage:
        with self._store.read() as conn:
            return id_page(conn, queue_filter, after, PAGE)

    def page_after(self, queue_filter: QueueFilter, last_id: int | None) -> IdPage:
        """The page that follows complaint ``last_id`` (from the top when ``None``)."""
        with self._store.read() as conn:
            after = None if last_id is None else keys_of(conn, [last_id]).get(last_id)
            if last_id is not None and after is None:
                return IdPage([], None)  # it is gone: the next change re-reads the order
            return id_page(conn, queue_filter, after, PAGE)

    def pages_until(
        self, queue_filter: QueueFilter, count: int
    ) -> tuple[list[int], QueueKey | None]:
        """The first ``count`` ids (at least one page), and where they stop."""
        ids: list[int] = []
        after: QueueKey | None = None
        with self._store.read() as conn:
            while True:
                page = id_page(conn, queue_filter, after, PAGE)
                ids += page.ids
                after = page.after
                if after is None or len(ids) >= count:
                    return ids, after

    def rows(self, ids: Sequence[int]) -> dict[int, QueueRow]:
        with self._store.read() as conn:
            return queue_rows(conn, list(ids))

    def top(self, queue_filter: QueueFilter, limit: int) -> list[Complaint]:
        """The ``limit`` most urgent complaints that match."""
        with self._store.read() as conn:
            return queue_page(conn, queue_filter, limit=limit)

    def count(self, queue_filter: QueueFilter) -> int:
        with self._store.read() as conn:
            return queue_count(conn, queue_filter)

    def count_shown(self, queue_filter: QueueFilter) -> CappedCount:
        """How many match, as the window says it: a search stops counting at a cap
        ("more than 1.000"), so a common word is counted as fast as its first page."""
        with self._store.read() as conn:
            return queue_count_capped(conn, queue_filter)

    # --- counts and arrivals ----------------------------------------------------------

    def accounts(self) -> list[Account]:
        """Every account, disabled ones included (their complaints are still here)."""
        with self._store.read() as conn:
            return list_accounts(conn, include_disabled=True)

    def per_status(self) -> dict[Status, int]:
        with self._store.read() as conn:
            return counts.per_status(conn)

    def due_before(self, *moments: datetime) -> tuple[int, ...]:
        with self._store.read() as conn:
            return tuple(counts.due_before(conn, moment) for moment in moments)

    def open_per_channel_and_account(self, accounts: Sequence[Account]) -> counts.OpenCounts:
        with self._store.read() as conn:
            return counts.open_per_channel_and_account(conn, accounts)

    def arrivals(
        self, after_id: int | None, since: datetime, now: datetime, margin: timedelta
    ) -> counts.Arrivals:
        with self._store.read() as conn:
            return counts.arrivals(conn, after_id, since, now, margin)

    def place_step(self, placing: Placing) -> Placement | None:
        """One step of ``placing``, in a read of its own (a job of its own on the lane):
        where the changed complaints go among the ids read so far, once it is done."""
        with self._store.read() as conn:
            return placing.step(conn)

    def changed_rows(self, ids: Sequence[int], loaded: Sequence[int]) -> ChangedRows:
        """The rows of ``ids``, and where they are among the ids read so far."""
        return ChangedRows(self.rows(ids), positions(loaded, ids))


@dataclass(frozen=True, slots=True)
class ChangedRows:
    rows: dict[int, QueueRow]
    at: list[int]  # the indexes in ``loaded`` of those ids found there, in order


SCAN_CHUNK = 10_000
FEW = 16  # ids found in a chunk that are looked up one by one
PROBE_CHUNK = 900  # ids in one key read of ``place`` (well under any driver's parameter limit)
DELETED = (2, 0.0, 0)  # the order of a complaint deleted meanwhile: last


def positions(loaded: Sequence[int], wanted: Collection[int]) -> list[int]:
    """The indexes in ``loaded`` of those ``wanted`` ids that are there, in order.

    Scanning a million ids takes tens of milliseconds; a chunk at a time, the
    window's thread gets the interpreter between chunks, so this runs on the
    database lane without stalling the window.
    """
    missing = set(wanted)
    found: list[int] = []
    for start in range(0, len(loaded), SCAN_CHUNK):
        if not missing:
            break
        part = loaded[start : start + SCAN_CHUNK]
        here = missing.intersection(part)
        if len(here) > FEW:  # one pass over the chunk (in C), not a search of it for each
            at = dict(zip(part, itertools.count(start)))
            found.extend(at[cid] for cid in here)
        else:
            found.extend(start + part.index(cid) for cid in here)
        missing -= here
    return sorted(found)


@dataclass(frozen=True, slots=True)
class Placement:
    """Where changed complaints go among the ids already read (``loaded``).

    ``gone``: indexes in ``loaded`` of changed ids to take out; ``arrive``: (index in
    ``loaded`` to insert before, id) in queue order — applied after the removals, an
    index counts positions of the list before anything was taken out.
    """

    gone: list[int]
    arrive: list[tuple[int, int]]


class Placing:
    """Where ``changed`` complaints go among ``loaded`` (the ids read so far), by
    bisection, a step at a time: a few key reads per changed id, whatever the number
    loaded (a million rows read costs what ten do).

    Every changed id bisects at once: a bisection step reads the keys all its probes
    need together, ``PROBE_CHUNK`` ids a query, so a sync's few thousand changed
    complaints cost some twenty to a hundred queries, not one for each probe of each
    id. Each ``step`` does one such query (or, first, finds where the changed ids were)
    and can run as a job of its own on the database lane: what the officer asks for
    meanwhile waits for a step (tens of milliseconds at 1M), not for the whole
    placement (a second or more for 8,000 changed complaints among 800k read).
    """

    def __init__(
        self, queue_filter: QueueFilter, changed: set[int], loaded: Sequence[int], more_after: bool
    ) -> None:
        self._filter = queue_filter
        self._changed = changed
        self._loaded = loaded
        self._more_after = more_after
        self._gone: list[int] | None = None  # None before the first step
        self._unread: list[int] = []  # changed ids whose keys the next steps read
        self._wanted: dict[int, QueueKey] = {}
        self._targets: list[tuple[int, QueueKey]] = []
        self._orders: list[tuple[int, float, int]] = []
        self._bounds: list[list[int]] = []
        self._probed: dict[int, tuple[int, float, int]] = {}
        self._searching: list[int] = []
        self._probes: dict[int, int] | None = None  # the bisection step under way
        self._probe_ids: list[int] = []  # ids of its probes whose keys are still to read

    def step(self, conn: Connection) -> Placement | None:
        """The first step finds the changed ids among those read; the next ones read
        their keys, ``PROBE_CHUNK`` a step; then each step is a bisection step for all.
        The placement once done, None before."""
        if self._gone is None:
            self._gone = positions(self._loaded, self._changed)
            self._unread = sorted(self._changed)
            return None
        if self._unread:
            part, self._unread = self._unread[:PROBE_CHUNK], self._unread[PROBE_CHUNK:]
            self._wanted.update(matching_keys(conn, self._filter, part))
            if self._unread:
                return None
            self._targets = sorted(self._wanted.items(), key=lambda item: order_of(item[1]))
            self._wanted = {}  # all in the targets now
            self._orders = [order_of(key) for _cid, key in self._targets]
            self._bounds = [[0, len(self._loaded)] for _ in self._targets]
            self._searching = list(range(len(self._targets)))
        else:
            self._bisect(conn)
        return None if self._searching else self._placement(self._gone)

    def _settled(self, index: int, low: int) -> int | None:
        """The nearest index at or below ``index`` (down to ``low``) of an unchanged id."""
        while index >= low and self._loaded[index] in self._changed:
            index -= 1
        return index if index >= low else None

    def _bisect(self, conn: Connection) -> None:
        """Part of a bisection step: its probes' keys, ``PROBE_CHUNK`` a call; with the
        last of them, every changed id halves its range."""
        if self._probes is None:
            self._probes = self._next_probes()
            unread = {self._loaded[middle] for middle in self._probes.values()}
            self._probe_ids = sorted(unread - self._probed.keys())
        part, self._probe_ids = self._probe_ids[:PROBE_CHUNK], self._probe_ids[PROBE_CHUNK:]
        self._probed.update((k, order_of(v)) for k, v in keys_of(conn, part).items())
        self._probed.update((cid, DELETED) for cid in part if cid not in self._probed)
        if self._probe_ids:
            return
        probes, self._probes = self._probes, None
        for target, middle in probes.items():
            if self._probed[self._loaded[middle]] < self._orders[target]:
                self._bounds[target][0] = middle + 1
            else:
                self._bounds[target][1] = middle
        self._searching = list(probes)

    def _next_probes(self) -> dict[int, int]:
        """For each changed id still searching, the index in ``loaded`` it compares with
        next (an unchanged id's): its range's middle, or the nearest one below it."""
        probes: dict[int, int] = {}
        for target in self._searching:
            low, high = self._bounds[target]
            while low < high:
                middle = self._settled((low + high) // 2, low)
                if middle is not None:
                    probes[target] = middle
                    break
                low = (low + high) // 2 + 1  # only changed ids in [low, middle]: look above
            self._bounds[target][0] = low
        return probes

    def _placement(self, gone: list[int]) -> Placement:
        arrive: list[tuple[int, int]] = []
        for (cid, _key), (low, _high) in zip(self._targets, self._bounds, strict=True):
            if low >= len(self._loaded) and self._more_after:
                continue  # past what was read: it comes with the pages still to read
            arrive.append((low, cid))
        return Placement(gone, arrive)
