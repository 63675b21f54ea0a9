"""A conflict the officer settles: set aside (kept for the audit, never listed
again) or sent again on the complaint's current state, once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import URL

from desktop.core.credentials import MemoryVault
from desktop.core.errors import UserError
from desktop.core.model import Status
from desktop.core.station import journal
from desktop.core.station.session import StationSession, open_session
from desktop.core.store.database import Store, open_postgresql
from tests.station.conflict_support import OFFICER, OTHER, open_complaints, overtaken, replies

pytestmark = pytest.mark.postgresql


@pytest.fixture
def session(postgres_url: URL, direct: Store, tmp_path: Path) -> Iterator[StationSession]:
    opened = open_session(open_postgresql(postgres_url), tmp_path / "home", MemoryVault())
    opened.replica.catch_up(opened.station)  # no feed: applies are explicit
    yield opened
    opened.close()


def _conflict(session: StationSession, direct: Store) -> journal.Entry:
    """The officer replies on the replica; another officer dismissed the complaint first."""
    complaint = open_complaints(direct)[0]
    replica = session.replica.store
    overtaken(replica, direct, "reply", complaint, Status.DISMISSED, text="Kami tindak lanjuti.")
    session.apply_journal()
    [conflict] = session.conflicts()
    return conflict


def _send_again(session: StationSession, conflict: journal.Entry) -> None:
    journal.resend(
        session.replica.store,
        conflict.action_id,
        "reply",
        conflict.complaint_id,
        OFFICER,
        text="Kami tetap tindak lanjuti.",
    )


def test_a_dismissed_conflict_is_no_longer_listed_but_kept(
    session: StationSession, direct: Store
) -> None:
    conflict = _conflict(session, direct)
    assert journal.closed_by(conflict.detail) == (Status.DISMISSED, OTHER)

    assert journal.dismiss(session.replica.store, conflict.action_id)

    assert session.conflicts() == []
    [kept] = journal.entries(session.replica.store, journal.DISMISSED)
    assert (kept.action_id, kept.detail) == (conflict.action_id, conflict.detail)
    assert kept.payload == {"text": "Kami tindak lanjuti."}
    assert not journal.dismiss(session.replica.store, conflict.action_id)  # once
    assert replies(direct, conflict.complaint_id) == []


def test_a_conflict_sent_again_reaches_the_station_once(
    session: StationSession, direct: Store
) -> None:
    conflict = _conflict(session, direct)

    _send_again(session, conflict)
    with pytest.raises(UserError) as second:  # a double click: nothing more journalled
        _send_again(session, conflict)
    assert second.value.code == "conflict_settled"
    session.apply_journal()

    assert replies(direct, conflict.complaint_id) == ["Kami tetap tindak lanjuti."]
    assert session.conflicts() == []
    states = {e.action_id: e.state for e in journal.entries(session.replica.store)}
    assert states[conflict.action_id] == journal.DISMISSED
    assert sorted(states.values()) == [journal.APPLIED, journal.DISMISSED]
