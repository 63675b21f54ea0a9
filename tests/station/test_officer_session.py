"""The whole officer path as an officer's own login: a desktop session (replica,
journal, change feed) whose actions go through the triggers that write the
change log, the applied journal and the counts; another officer's desktop
hears of them; presence; and what the login still may not do."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from psycopg import errors
from sqlalchemy import text

from desktop.core.credentials import MemoryVault
from desktop.core.desk.complaints import Complaints
from desktop.core.model import Status
from desktop.core.paths import Paths
from desktop.core.sample import sample_threads
from desktop.core.station import journal
from desktop.core.station.session import JournalledComplaints, StationSession, open_session
from desktop.core.store import postgresql
from desktop.core.store.database import Store
from desktop.core.store.presence import Activity
from desktop.core.store.seed import load_sample
from tests.postgres_support import Cluster
from tests.station.team_support import Station, new_station
from tests.support import NOW, wait_until

pytestmark = pytest.mark.postgresql


@pytest.fixture
def station(postgres_cluster: Cluster) -> Iterator[Station]:
    made = new_station(postgres_cluster)
    owner = made.open_as_owner()
    load_sample(owner, sample_threads(12, now=NOW, seed=3))
    owner.close()
    yield made
    made.drop()


@pytest.fixture
def owner(station: Station) -> Iterator[Store]:
    store = station.open_as_owner()
    yield store
    store.close()


def _session(station: Station, login: str, home: Path) -> Iterator[StationSession]:
    opened = open_session(station.open_as(login), home, MemoryVault())
    opened.start()
    wait_until(lambda: opened.up, 15)
    yield opened
    opened.close()


@pytest.fixture
def ani(station: Station, tmp_path: Path) -> Iterator[StationSession]:
    yield from _session(station, station.add_officer("Bripka Ani"), tmp_path / "ani")


@pytest.fixture
def budi(station: Station, tmp_path: Path) -> Iterator[StationSession]:
    yield from _session(station, station.add_officer("Brigpol Budi"), tmp_path / "budi")


def _one(store: Store, sql: str, **params: object) -> object:
    with store.read() as conn:
        return conn.execute(text(sql), params).scalar()


def _new_ids(store: Store) -> list[int]:
    with store.read() as conn:
        found = conn.execute(text("SELECT id FROM complaint WHERE status = 'new' ORDER BY id"))
        return list(found.scalars())


def test_an_officer_login_works_the_desk_through_journal_and_feed(
    ani: StationSession, budi: StationSession, owner: Store
) -> None:
    first, second, third, fourth = _new_ids(owner)[:4]
    desk = ani.desk.complaints
    desk.change_status(first, Status.IN_PROGRESS, "nama di PC")
    desk.reply(second, "Laporan diterima, segera kami tindak lanjuti.", "nama di PC")
    desk.note(third, "Anggota Polsek menuju lokasi", "nama di PC")
    desk.save_draft(fourth, "Terima kasih, sedang kami cek.")
    wait_until(lambda: not journal.entries(ani.replica.store, journal.PENDING), 15)
    assert [e.state for e in journal.entries(ani.replica.store)] == [journal.APPLIED] * 4
    # On the station, signed by the login's name, with the counts and the change log.
    assert _one(owner, "SELECT status FROM complaint WHERE id = :c", c=first) == "in_progress"
    assert _one(owner, "SELECT officer FROM status_change WHERE complaint_id = :c", c=first) == (
        "Bripka Ani"
    )
    assert _one(owner, "SELECT officer FROM reply WHERE complaint_id = :c", c=second) == (
        "Bripka Ani"
    )
    assert _one(owner, "SELECT count(*) FROM outbox") == 1
    assert _one(owner, "SELECT officer FROM note WHERE complaint_id = :c", c=third) == "Bripka Ani"
    assert _one(owner, "SELECT text FROM draft WHERE complaint_id = :c", c=fourth) == (
        "Terima kasih, sedang kami cek."
    )
    assert _one(owner, "SELECT n FROM complaint_tally WHERE status = 'in_progress'") == 1
    assert _one(owner, "SELECT count(*) FROM station_applied") == 4
    # Budi's desktop hears of all of it through the feed, into its replica.
    wait_until(
        lambda: (
            _one(budi.replica.store, "SELECT status FROM complaint WHERE id = :c", c=first)
            == "in_progress"
            and _one(
                budi.replica.store, "SELECT count(*) FROM note WHERE complaint_id = :c", c=third
            )
            == 1
        ),
        10,
    )
    # Presence: Ani is typing in the second complaint; Budi's desk sees it, live.
    desk.mark_presence(second, "nama di PC", Activity.TYPING)
    others = budi.desk.complaints.others_at(second, "nama Budi di PC")
    assert [(p.officer, p.activity) for p in others] == [("Bripka Ani", Activity.TYPING)]
    recent = budi.desk.complaints.recent_reply_by_other(second, "nama Budi di PC")
    assert recent is not None
    assert recent.officer == "Bripka Ani"
    desk.leave(second, "nama di PC")
    assert budi.desk.complaints.others_at(second, "nama Budi di PC") == []


def _connect(station: Station, login: str) -> psycopg.Connection:
    return psycopg.connect(
        host="127.0.0.1",
        port=station.cluster.port,
        user=login,
        password=station.cluster.password,
        dbname=station.database,
        sslmode="disable",
        autocommit=True,
    )


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE station_change SET complaint_id = complaint_id",
        "DELETE FROM station_change",
        "INSERT INTO station_change (complaint_id) VALUES (1)",
        "UPDATE status_change SET new_status = 'dismissed'",
        "DELETE FROM status_change",
        "UPDATE note SET text = 'diubah'",
        "DELETE FROM note",
        "UPDATE reply SET text = 'diubah'",
        "DELETE FROM reply",
        "UPDATE complaint_tally SET n = 0",
        "INSERT INTO complaint_due_hour (hour, n) VALUES ('2026-01-01 00', 5)",
    ],
)
def test_an_officer_cannot_rewrite_the_change_log_the_counts_or_the_trail(
    station: Station, owner: Store, statement: str
) -> None:
    login = station.add_officer("Bripka Ani")
    with _connect(station, login) as conn:  # a row of each, by the login itself
        conn.execute(
            b"INSERT INTO note (complaint_id, officer, text, public, created_at) "
            b"SELECT min(id), '', 'x', false, now() FROM complaint"
        )
        with pytest.raises(errors.InsufficientPrivilege):
            conn.execute(statement.encode())


def test_a_station_that_stops_answering_does_not_hold_up_a_reply(
    ani: StationSession, owner: Store, tmp_path: Path
) -> None:
    """The check for another officer's recent reply is live; when the station fails
    it (the feed not yet aware), the reply is journalled without the question."""
    complaint = _new_ids(owner)[0]
    nowhere = postgresql.make_engine(ani.station.engine.url.set(port=_closed_port()))
    cut = JournalledComplaints(
        ani.replica.store,
        Paths(tmp_path),
        lambda: None,
        Complaints(Store(nowhere, None), Paths(tmp_path)),
        lambda: True,
    )
    assert cut.recent_reply_by_other(complaint, "nama di PC") is None
    nowhere.dispose()


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])  # closed again when the block ends
