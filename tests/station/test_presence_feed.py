"""Presence through the change feed: another desktop hears within a second that an
officer arrived at a complaint, started or stopped typing, or left; a refresh
that changes nothing stays quiet."""

from __future__ import annotations

import queue
import statistics
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from desktop.core.credentials import MemoryVault
from desktop.core.sample import sample_threads
from desktop.core.station.session import StationSession, open_session
from desktop.core.store.presence import Activity
from desktop.core.store.seed import load_sample
from tests.postgres_support import Cluster
from tests.station.team_support import Station, new_station
from tests.support import NOW, wait_until

pytestmark = pytest.mark.postgresql

HEARD_WITHIN_S = 1.0
ROUNDS = 12


@pytest.fixture
def station(postgres_cluster: Cluster) -> Iterator[Station]:
    made = new_station(postgres_cluster)
    owner = made.open_as_owner()
    load_sample(owner, sample_threads(5, now=NOW, seed=3))
    owner.close()
    yield made
    made.drop()


def _session(
    station: Station, name: str, home: Path, heard: queue.Queue[tuple[int, float]]
) -> StationSession:
    opened = open_session(station.open_as(station.add_officer(name)), home, MemoryVault())
    opened.listen(
        lambda _ids: None,
        lambda _up: None,
        on_presence=lambda cid: heard.put((cid, time.monotonic())),
    )
    opened.start()
    wait_until(lambda: opened.up, 15)
    return opened


@pytest.fixture
def heard() -> queue.Queue[tuple[int, float]]:
    return queue.Queue()


@pytest.fixture
def pair(
    station: Station, tmp_path: Path, heard: queue.Queue[tuple[int, float]]
) -> Iterator[tuple[StationSession, StationSession]]:
    ani = _session(station, "Bripka Ani", tmp_path / "ani", queue.Queue())
    budi = _session(station, "Brigpol Budi", tmp_path / "budi", heard)
    yield ani, budi
    ani.close()
    budi.close()


def _next(heard: queue.Queue[tuple[int, float]], since: float) -> tuple[int, float]:
    complaint, at = heard.get(timeout=HEARD_WITHIN_S * 3)
    return complaint, at - since


def test_another_desktop_hears_presence_within_a_second(
    pair: tuple[StationSession, StationSession], heard: queue.Queue[tuple[int, float]]
) -> None:
    ani, budi = pair
    with ani.station.read() as conn:
        complaint = int(conn.execute(text("SELECT min(id) FROM complaint")).scalar_one())
    ani_desk, budi_desk = ani.desk.complaints, budi.desk.complaints
    delays = []
    for i in range(ROUNDS):  # arrives / starts typing / stops typing, in turn
        activity = Activity.TYPING if i % 2 else Activity.VIEWING
        began = time.monotonic()
        ani_desk.mark_presence(complaint, "", activity)
        got, delay = _next(heard, began)
        assert got == complaint
        delays.append(delay)
        others = budi_desk.others_at(complaint, "")
        assert [(p.officer, p.activity) for p in others] == [("Bripka Ani", activity)]
    # The desk's regular refresh, nothing new for the others: no notification.
    ani_desk.mark_presence(complaint, "", Activity.TYPING)
    with pytest.raises(queue.Empty):
        heard.get(timeout=0.5)
    began = time.monotonic()
    ani_desk.leave(complaint, "")
    got, delay = _next(heard, began)
    assert got == complaint
    delays.append(delay)
    assert budi_desk.others_at(complaint, "") == []
    assert statistics.median(delays) < HEARD_WITHIN_S / 2, delays
    assert max(delays) < HEARD_WITHIN_S, delays
