"""The link to the station is cut while an officer works: the window's desk keeps
working on the replica, every action is journalled, the journal is applied once
on return, and a complaint someone else resolved meanwhile is a conflict."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import URL, text

from desktop.core.credentials import MemoryVault
from desktop.core.desk import Desk
from desktop.core.model import TRANSITIONS, Status
from desktop.core.paths import Paths
from desktop.core.sample import sample_threads
from desktop.core.station import journal
from desktop.core.station.session import StationSession, open_session
from desktop.core.store.database import Store, open_postgresql
from desktop.core.store.seed import load_sample
from tests.postgres_support import Cluster
from tests.station.tcp_proxy import TcpProxy
from tests.support import NOW, wait_until

pytestmark = pytest.mark.postgresql


@pytest.fixture
def direct(postgres_url: URL) -> Iterator[Store]:
    """The station as another officer's desk reaches it (not through the proxy)."""
    store = open_postgresql(postgres_url)
    load_sample(store, sample_threads(30, now=NOW, seed=3))
    yield store
    store.close()


@pytest.fixture
def session(
    postgres_url: URL, direct: Store, proxy: TcpProxy, tmp_path: Path
) -> Iterator[StationSession]:
    links: list[bool] = []
    station = open_postgresql(postgres_url.set(port=proxy.port))
    opened = open_session(station, tmp_path / "home", MemoryVault())
    opened.listen(lambda _ids: None, links.append)
    opened.start()
    wait_until(lambda: opened.up, 15)
    yield opened
    opened.close()


def _restart(cluster: Cluster) -> None:
    """Stop PostgreSQL (fast: sessions are cut) and start it again on its port."""
    data = str(cluster.data)
    cluster._run("pg_ctl", "-D", data, "-m", "fast", "-w", "stop")
    options = (
        f"-c listen_addresses=127.0.0.1 -p {cluster.port} -k {cluster.folder} "
        "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    )
    log = str(cluster.folder / "server.log")
    cluster._run("pg_ctl", "-D", data, "-l", log, "-w", "-o", options, "start")


def _open_ids(store: Store) -> list[int]:
    with store.read() as conn:
        return list(
            conn.execute(
                text("SELECT id FROM complaint WHERE status IN ('new','acknowledged') ORDER BY id")
            ).scalars()
        )


def _count(store: Store, sql: str, **params: object) -> int:
    with store.read() as conn:
        return int(conn.execute(text(sql), params).scalar_one())


@pytest.mark.parametrize("cut", ["drop", "black_hole"])
def test_a_cut_link_loses_nothing_applies_once_and_shows_the_conflict(
    cut: str, session: StationSession, direct: Store, proxy: TcpProxy
) -> None:
    officer = session.desk.complaints
    other = Desk(direct, MemoryVault(), Paths(Path("unused"))).complaints
    first, second, third, taken = _open_ids(direct)[:4]

    getattr(proxy, cut)()
    wait_until(lambda: not session.up, 20)

    # The officer works on: each action is on the replica at once.
    for n in range(3):
        officer.note(first, f"catatan luring {n}", "Bripka Ani")
    officer.change_status(second, Status.IN_PROGRESS, "Bripka Ani")
    officer.save_draft(third, "Mohon kirim lokasi kejadian.")
    officer.reply(taken, "Laporan Anda kami tindak lanjuti.", "Bripka Ani")
    assert officer.detail(second).complaint.status is Status.IN_PROGRESS
    assert len(journal.entries(session.replica.store, journal.PENDING)) == 6
    # Meanwhile another officer, still connected, resolves ``taken``.
    other.change_status(taken, sorted(TRANSITIONS[other.detail(taken).complaint.status])[-1], "x")
    if other.detail(taken).complaint.status is not Status.RESOLVED:
        other.change_status(taken, Status.RESOLVED, "Bripka Budi")

    proxy.restore()
    wait_until(
        lambda: session.up and not journal.entries(session.replica.store, journal.PENDING), 30
    )

    notes = "SELECT count(*) FROM note WHERE complaint_id = :c AND text LIKE 'catatan luring %'"
    assert _count(direct, notes, c=first) == 3
    assert other.detail(second).complaint.status is Status.IN_PROGRESS
    assert _count(direct, "SELECT count(*) FROM draft WHERE complaint_id = :c", c=third) == 1
    assert _count(direct, "SELECT count(*) FROM reply WHERE complaint_id = :c", c=taken) == 0
    [conflict] = session.conflicts()
    assert (conflict.kind, conflict.complaint_id) == ("reply", taken)
    assert conflict.payload["text"] == "Laporan Anda kami tindak lanjuti."  # kept, not lost
    assert conflict.detail is not None
    assert "resolved" in conflict.detail
    # The replica shows the station's truth again, the unsent reply gone from the thread.
    wait_until(lambda: officer.detail(taken).complaint.status is Status.RESOLVED, 5)
    assert _count(session.replica.store, notes, c=first) == 3

    # A retried apply (its answer lost) is a no-op.
    applied = [e for e in journal.entries(session.replica.store) if e.kind == "note"]
    for entry in applied:
        assert journal.apply(direct, entry) == (journal.APPLIED, None)
    assert _count(direct, notes, c=first) == 3


def test_actions_during_a_postgresql_restart_are_applied_once(
    session: StationSession, direct: Store, postgres_cluster: Cluster
) -> None:
    officer = session.desk.complaints
    complaint = _open_ids(direct)[0]
    stop = threading.Event()
    made: list[int] = []

    def work() -> None:
        n = 0
        while not stop.is_set():
            officer.note(complaint, f"catatan saat restart {n}", "Bripka Ani")
            made.append(n)
            n += 1
            time.sleep(0.02)

    worker = threading.Thread(target=work)
    worker.start()
    time.sleep(0.3)
    _restart(postgres_cluster)
    time.sleep(0.3)
    stop.set()
    worker.join()
    wait_until(
        lambda: session.up and not journal.entries(session.replica.store, journal.PENDING), 30
    )
    notes = "SELECT count(*) FROM note WHERE text LIKE 'catatan saat restart %'"
    assert _count(direct, notes) == len(made) > 10
    assert _count(
        direct, "SELECT count(DISTINCT text) FROM note WHERE text LIKE 'catatan saat%'"
    ) == len(made)
