"""A replica's fill: most urgent first, in batches; cut short it goes on where it was
(never claiming to be whole before it is), and what changed meanwhile is applied."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import URL, text

from desktop.core.credentials import MemoryVault
from desktop.core.desk import Desk
from desktop.core.model import TRANSITIONS
from desktop.core.paths import Paths
from desktop.core.sample import sample_threads
from desktop.core.station import replica as replica_module
from desktop.core.station.replica import Progress, Replica, open_replica
from desktop.core.station.session import StationSession
from desktop.core.store.database import Store, open_postgresql
from desktop.core.store.queries import QueueFilter
from desktop.core.store.seed import load_sample
from tests.station.test_desktop_replica import _content
from tests.support import NOW, wait_until

pytestmark = pytest.mark.postgresql


class KilledError(Exception):
    """The desktop's process ends here (nothing after it runs)."""


@pytest.fixture
def station(postgres_url: URL, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    monkeypatch.setattr(replica_module, "FIRST_BATCH", 4)
    monkeypatch.setattr(replica_module, "BATCH", 6)
    store = open_postgresql(postgres_url)
    load_sample(store, sample_threads(40, now=NOW, seed=3))
    yield store
    store.close()


def _queue_order(store: Store, vault: MemoryVault, home: Path) -> list[int]:
    return Desk(store, vault, Paths(home)).queue.first_load(QueueFilter()).page.ids


def _cursor(replica: Replica) -> int | None:
    return replica.after


def test_a_fill_cut_short_goes_on_where_it_was_and_ends_as_the_station(
    station: Store, tmp_path: Path
) -> None:
    vault = MemoryVault()
    batches: list[list[int]] = []

    def record(ids: frozenset[int], progress: Progress) -> None:
        batches.append(sorted(ids))

    def killed_after_three() -> None:
        if len(batches) == 3:
            raise KilledError

    first = open_replica(tmp_path, vault)
    with pytest.raises(KilledError):
        first.catch_up(station, on_batch=record, between=killed_after_three)
    first.close()

    again = open_replica(tmp_path, vault)
    try:
        assert _cursor(again) is None  # not whole: a following start fills on
        under_way = again.filling
        assert under_way is not None
        assert under_way.copied == 4 + 6 + 6
        # The first batch is the top of the queue the window shows.
        assert batches[0] == sorted(_queue_order(station, vault, tmp_path / "q")[:4])

        rest: list[int] = []
        done = again.catch_up(station, on_batch=lambda ids, _p: rest.extend(ids))
        assert done.complaints == 40 - 16  # went on, did not start over
        assert not set(rest) & {i for batch in batches for i in batch}
        assert _cursor(again) == done.after
        assert again.filling is None
        assert _content(again.store) == _content(station)
    finally:
        again.close()


def test_what_changes_during_a_fill_is_applied_after_it(station: Store, tmp_path: Path) -> None:
    vault = MemoryVault()
    desk = Desk(station, vault, Paths(tmp_path / "other"))
    seen: list[int] = []

    def another_officer_works() -> None:
        if len(seen) != 4:  # once, after the first batch: change what was copied
            return
        complaint = seen[0]
        current = desk.complaints.detail(complaint).complaint.status
        desk.complaints.change_status(complaint, sorted(TRANSITIONS[current])[0], "Ani")
        desk.complaints.note(complaint, "dicek di lapangan", "Ani")
        load_sample(station, sample_threads(3, now=NOW + timedelta(hours=1), seed=77))
        with station.write() as conn:  # and one not copied yet is gone
            last = conn.execute(text("SELECT max(id) FROM complaint WHERE id < 30")).scalar()
            conn.execute(text("DELETE FROM complaint WHERE id = :id"), {"id": last})

    replica = open_replica(tmp_path, vault)
    try:
        replica.catch_up(
            station, on_batch=lambda ids, _p: seen.extend(ids), between=another_officer_works
        )
        assert _content(replica.store) == _content(station)
        with station.read() as conn:
            assert conn.execute(text("SELECT count(*) FROM complaint")).scalar() == 42
    finally:
        replica.close()


def test_a_session_closed_during_its_fill_stops_soon_and_the_next_start_goes_on(
    station: Store, postgres_url: URL, tmp_path: Path
) -> None:
    vault = MemoryVault()
    first = StationSession(
        open_postgresql(postgres_url), open_replica(tmp_path, vault), Paths(tmp_path), vault
    )
    told: list[Progress] = []
    first.listen(lambda _ids: None, lambda _up: None, on_fill=told.append)
    hold, applied = threading.Event(), first.apply_journal

    def held_after_the_first_batch() -> int:
        if told:
            hold.wait(10)
        return applied()

    first.apply_journal = held_after_the_first_batch  # type: ignore[method-assign]
    first.start()
    wait_until(lambda: bool(told))
    threading.Timer(0.3, hold.set).start()
    started = time.monotonic()
    first.close()  # the app is closed mid-fill
    assert time.monotonic() - started < 5
    assert told[-1].copied < 40

    again = StationSession(
        open_postgresql(postgres_url), open_replica(tmp_path, vault), Paths(tmp_path), vault
    )
    try:
        assert _cursor(again.replica) is None
        again.start()
        wait_until(lambda: again.up)
        assert _content(again.replica.store) == _content(station)
    finally:
        again.close()
