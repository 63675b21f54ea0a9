"""The station's change feed: what changed after sequence N, and within a second
on another desk through LISTEN/NOTIFY."""

from __future__ import annotations

import queue
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import URL, text

from desktop.core.credentials import MemoryVault
from desktop.core.desk import Desk
from desktop.core.model import TRANSITIONS
from desktop.core.paths import Paths
from desktop.core.sample import sample_threads
from desktop.core.station.feed import ChangeFeed
from desktop.core.store import changes
from desktop.core.store.changes import Changes
from desktop.core.store.database import Store, open_postgresql
from desktop.core.store.seed import load_sample
from tests.support import NOW

pytestmark = pytest.mark.postgresql


@pytest.fixture
def station(postgres_url: URL) -> Iterator[Store]:
    store = open_postgresql(postgres_url)
    load_sample(store, sample_threads(20, now=NOW, seed=3))
    yield store
    store.close()


@pytest.fixture
def other(postgres_url: URL, station: Store) -> Iterator[Store]:
    """The same station seen by a second desktop, on connections of its own."""
    store = open_postgresql(postgres_url)
    yield store
    store.close()


def _ids(store: Store) -> list[int]:
    with store.read() as conn:
        return list(conn.execute(text("SELECT id FROM complaint ORDER BY id")).scalars())


def test_only_the_changes_after_n_are_read(station: Store) -> None:
    with station.read() as conn:
        before = changes.latest(conn)
        assert changes.changed_after(conn, 0).complaint_ids == frozenset(_ids(station))
    first, second = _ids(station)[:2]
    desk = Desk(station, MemoryVault(), Paths(Path("unused")))
    desk.complaints.note(first, "dicek ke lokasi", "Bripka Ani")
    desk.complaints.save_draft(second, "Terima kasih, sedang kami cek.")
    with station.read() as conn:
        found = changes.changed_after(conn, before)
        assert found.complaint_ids == {first, second}
        assert found.last == changes.latest(conn) > before
        assert changes.changed_after(conn, found.last).empty


def test_a_page_of_changes_is_read_in_batches(station: Store) -> None:
    with station.read() as conn:
        seen: set[int] = set()
        after = 0
        while not (batch := changes.changed_after(conn, after, limit=7)).empty:
            assert len(batch.complaint_ids) <= 7
            seen |= batch.complaint_ids
            after = batch.last
    assert seen == set(_ids(station))


def test_a_status_change_on_one_desk_reaches_the_other_within_a_second(
    station: Store, other: Store
) -> None:
    heard: queue.Queue[Changes] = queue.Queue()
    feed = ChangeFeed(other, heard.put)
    feed.start()
    try:
        assert feed.listening.wait(10)
        complaint = _ids(station)[0]
        desk = Desk(station, MemoryVault(), Paths(Path("unused")))
        current = desk.complaints.detail(complaint).complaint.status
        wanted = sorted(TRANSITIONS[current])[0]
        started = time.monotonic()
        desk.complaints.change_status(complaint, wanted, "Bripka Ani")
        found = heard.get(timeout=1.0)
        assert time.monotonic() - started < 1.0
        assert found.complaint_ids == {complaint}
    finally:
        feed.stop()


def test_a_feed_started_after_n_catches_up_before_it_listens(station: Store, other: Store) -> None:
    with station.read() as conn:
        start = changes.latest(conn)
    complaint = _ids(station)[-1]
    desk = Desk(station, MemoryVault(), Paths(Path("unused")))
    desk.complaints.note(complaint, "menunggu", "Ani")
    heard: queue.Queue[Changes] = queue.Queue()
    feed = ChangeFeed(other, heard.put, after=start)
    feed.start()
    try:
        assert heard.get(timeout=5).complaint_ids == {complaint}
    finally:
        feed.stop()
