"""The queue: pages of ids in urgency order, rows, totals, counts, arrivals."""

from __future__ import annotations

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
# A search's first page holds the rows read at once, no more: a word in most
# complaints finds them by looking a few hundred complaints up in the search
# index (``sqlite.LOOKUP_COST``), a tenth of what a whole page costs; the next
# pages follow as the officer scrolls.
FIRST_SEARCH_PAGE = WINDOW


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

    def placement(
        self,
        queue_filter: QueueFilter,
        changed: set[int],
        loaded: Sequence[int],
        more_after: bool,
    ) -> Placement:
        """Where ``changed`` complaints go among the ids read so far (see ``place``)."""
        gone = positions(loaded, changed)
        with self._store.read() as conn:
            return place(conn, queue_filter, changed, gone, loaded, more_after)

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
        if len(here) > FEW:  # one pass over the chunk, not a search of it for each
            found.extend(start + at for at, cid in enumerate(part) if cid in here)
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


def place(
    conn: Connection,
    queue_filter: QueueFilter,
    changed: set[int],
    gone: list[int],
    loaded: Sequence[int],
    more_after: bool,
) -> Placement:
    """Place ``changed`` among ``loaded`` by bisection: a few key reads per changed id,
    whatever the number loaded (a million rows read costs what ten do). ``gone``: the
    indexes in ``loaded`` of the changed ids that are there (the caller knows them).

    Every changed id bisects at once, a step at a time, and each step reads the keys
    all its probes need in one query (``PROBE_CHUNK`` ids each): a sync's few thousand
    changed complaints cost some twenty queries, not one for each probe of each id."""
    wanted = matching_keys(conn, queue_filter, list(changed))
    targets = sorted(wanted.items(), key=lambda item: order_of(item[1]))
    orders = [order_of(key) for _cid, key in targets]
    bounds = [[0, len(loaded)] for _ in targets]
    probed: dict[int, tuple[int, float, int]] = {}

    def settled(index: int, low: int) -> int | None:
        """The nearest index at or below ``index`` (down to ``low``) of an unchanged id."""
        while index >= low and loaded[index] in changed:
            index -= 1
        return index if index >= low else None

    searching = list(range(len(targets)))
    while searching:
        probes: dict[int, int] = {}  # target -> the index in ``loaded`` it compares with
        for target in searching:
            low, high = bounds[target]
            while low < high:
                middle = settled((low + high) // 2, low)
                if middle is not None:
                    probes[target] = middle
                    break
                low = (low + high) // 2 + 1  # only changed ids in [low, middle]: look above
            bounds[target][0] = low
        unread = sorted({loaded[middle] for middle in probes.values()} - probed.keys())
        for start in range(0, len(unread), PROBE_CHUNK):
            part = unread[start : start + PROBE_CHUNK]
            probed.update((k, order_of(v)) for k, v in keys_of(conn, part).items())
            probed.update((cid, DELETED) for cid in part if cid not in probed)
        for target, middle in probes.items():
            if probed[loaded[middle]] < orders[target]:
                bounds[target][0] = middle + 1
            else:
                bounds[target][1] = middle
        searching = list(probes)

    arrive: list[tuple[int, int]] = []
    for (cid, _key), (low, _high) in zip(targets, bounds, strict=True):
        if low >= len(loaded) and more_after:
            continue  # past what was read: it comes with the pages still to read
        arrive.append((low, cid))
    return Placement(gone, arrive)
