"""A conflict the officer settles: set aside (kept for the audit, never listed
again) or sent again on the complaint's current state, once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import URL, text

from desktop.core.credentials import MemoryVault
from desktop.core.desk import Desk
from desktop.core.errors import UserError
from desktop.core.model import Status
from desktop.core.paths import Paths
from desktop.core.sample import sample_threads
from desktop.core.station import journal
from desktop.core.station.session import StationSession, open_session
from desktop.core.store.database import Store, open_postgresql
from desktop.core.store.seed import load_sample
from tests.support import NOW

pytestmark = pytest.mark.postgresql


@pytest.fixture
def direct(postgres_url: URL) -> Iterator[Store]:
    store = open_postgresql(postgres_url)
    load_sample(store, sample_threads(12, now=NOW, seed=5))
    yield store
    store.close()


@pytest.fixture
def session(postgres_url: URL, direct: Store, tmp_path: Path) -> Iterator[StationSession]:
    opened = open_session(open_postgresql(postgres_url), tmp_path / "home", MemoryVault())
    opened.replica.catch_up(opened.station)  # no feed: applies are explicit
    yield opened
    opened.close()


def _open_complaint(store: Store) -> int:
    with store.read() as conn:
        found = conn.execute(
            text("SELECT min(id) FROM complaint WHERE status IN ('new', 'acknowledged')")
        )
        return int(found.scalar_one())


def _replies(store: Store, complaint_id: int) -> list[str]:
    with store.read() as conn:
        found = conn.execute(
            text("SELECT text FROM reply WHERE complaint_id = :c ORDER BY id"), {"c": complaint_id}
        )
        return list(found.scalars())


def _conflict(session: StationSession, direct: Store) -> journal.Entry:
    """The officer replies on the replica; another officer dismissed the complaint first."""
    complaint = _open_complaint(direct)
    journal.record(
        session.replica.store, "reply", complaint, "Bripka Ani", text="Kami tindak lanjuti."
    )
    other = Desk(direct, MemoryVault(), Paths(Path("unused"))).complaints
    other.change_status(complaint, Status.DISMISSED, "Bripka Budi")
    session.apply_journal()
    [conflict] = session.conflicts()
    return conflict


def test_a_dismissed_conflict_is_no_longer_listed_but_kept(
    session: StationSession, direct: Store
) -> None:
    conflict = _conflict(session, direct)
    assert journal.closed_by(conflict.detail) == (Status.DISMISSED, "Bripka Budi")

    assert journal.dismiss(session.replica.store, conflict.action_id)

    assert session.conflicts() == []
    [kept] = journal.entries(session.replica.store, journal.DISMISSED)
    assert (kept.action_id, kept.detail) == (conflict.action_id, conflict.detail)
    assert kept.payload == {"text": "Kami tindak lanjuti."}
    assert not journal.dismiss(session.replica.store, conflict.action_id)  # once
    assert _replies(direct, conflict.complaint_id) == []


def test_a_conflict_sent_again_reaches_the_station_once(
    session: StationSession, direct: Store
) -> None:
    conflict = _conflict(session, direct)

    journal.resend(
        session.replica.store,
        conflict.action_id,
        "reply",
        conflict.complaint_id,
        "Bripka Ani",
        text="Kami tetap tindak lanjuti.",
    )
    with pytest.raises(UserError) as second:  # a double click: nothing more journalled
        journal.resend(
            session.replica.store,
            conflict.action_id,
            "reply",
            conflict.complaint_id,
            "Bripka Ani",
            text="Kami tetap tindak lanjuti.",
        )
    assert second.value.code == "conflict_settled"
    session.apply_journal()

    assert _replies(direct, conflict.complaint_id) == ["Kami tetap tindak lanjuti."]
    assert session.conflicts() == []
    states = {e.action_id: e.state for e in journal.entries(session.replica.store)}
    assert states[conflict.action_id] == journal.DISMISSED
    assert sorted(states.values()) == [journal.APPLIED, journal.DISMISSED]
