"""The worker prunes the change log of old entries; a desktop whose cursor is behind
what was pruned notices it and fills its replica anew instead of missing changes."""

from __future__ import annotations

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
from desktop.core.station.replica import Replica, open_replica
from desktop.core.station.session import StationSession
from desktop.core.station.worker import StationWorker, WorkerSettings
from desktop.core.store import changes
from desktop.core.store.database import Store, open_postgresql
from desktop.core.store.seed import load_sample
from tests.station.test_desktop_replica import _content
from tests.support import NOW

pytestmark = pytest.mark.postgresql


@pytest.fixture
def station(postgres_url: URL) -> Iterator[Store]:
    store = open_postgresql(postgres_url)
    load_sample(store, sample_threads(20, now=NOW, seed=3))
    yield store
    store.close()


def _age_every_change(station: Store, days: int) -> None:
    with station.write() as conn:
        conn.execute(
            text("UPDATE station_change SET at = now() - make_interval(days => :d)"), {"d": days}
        )


def _log(station: Store) -> list[int]:
    with station.read() as conn:
        return list(conn.execute(text("SELECT seq FROM station_change ORDER BY seq")).scalars())


def _worker(station: Store) -> StationWorker:
    return StationWorker(station, MemoryVault(), WorkerSettings(keep_changes=timedelta(days=30)))


def test_the_worker_prunes_changes_older_than_the_retention_once_per_period(
    station: Store,
) -> None:
    old = _log(station)
    _age_every_change(station, 31)
    Desk(station, MemoryVault(), Paths(Path("unused"))).complaints.note(1, "baru", "Ani")
    recent = [seq for seq in _log(station) if seq not in old]
    assert recent

    worker = _worker(station)
    worker.prune_when_due()

    assert _log(station) == recent
    with station.read() as conn:
        assert changes.pruned_through(conn) == old[-1]
    _age_every_change(station, 31)
    worker.prune_when_due()  # within the hour: not again
    assert _log(station) == recent


def _week_away(station: Store) -> int:
    """Other officers work, new complaints come, one is deleted; returns the deleted id."""
    load_sample(station, sample_threads(5, now=NOW + timedelta(days=40), seed=41))
    desk = Desk(station, MemoryVault(), Paths(Path("unused")))
    with station.read() as conn:
        ids = list(conn.execute(text("SELECT id FROM complaint ORDER BY id")).scalars())
    current = desk.complaints.detail(ids[0]).complaint.status
    desk.complaints.change_status(ids[0], sorted(TRANSITIONS[current])[0], "Ani")
    with station.write() as conn:
        conn.execute(text("DELETE FROM complaint WHERE id = :id"), {"id": ids[1]})
    return int(ids[1])


def test_a_replica_behind_the_pruned_log_fills_anew(station: Store, tmp_path: Path) -> None:
    replica = open_replica(tmp_path, MemoryVault())
    try:
        replica.catch_up(station)
        assert not replica.behind(station)
        gone = _week_away(station)
        _age_every_change(station, 40)
        _worker(station).prune_when_due()

        assert replica.behind(station)  # following the log would miss the pruned changes
        replica.catch_up(station)

        assert _content(replica.store) == _content(station)
        assert gone not in {row["id"] for row in _content(replica.store)["complaint"]}
        assert not replica.behind(station)
    finally:
        replica.close()


def test_a_desktop_starting_behind_the_pruned_log_fills_anew(
    station: Store, postgres_url: URL, tmp_path: Path
) -> None:
    vault = MemoryVault()
    first = open_replica(tmp_path, vault)
    first.catch_up(station)
    first.close()
    _week_away(station)
    _age_every_change(station, 40)
    _worker(station).prune_when_due()

    session = StationSession(
        open_postgresql(postgres_url), open_replica(tmp_path, vault), Paths(tmp_path), vault
    )
    try:
        session.start()
        deadline = time.monotonic() + 20
        while not (session.up and _same(session.replica, station)):
            assert time.monotonic() < deadline, "the replica did not fill anew"
            time.sleep(0.1)
        assert session.progress is not None
        assert session.progress.done
    finally:
        session.close()


def _same(replica: Replica, station: Store) -> bool:
    return _content(replica.store) == _content(station)
