"""Two officers on one station: who did what, who is at a complaint, the second-reply warning."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, text

from desktop.core.credentials import MemoryVault
from desktop.core.desk import Desk
from desktop.core.model import Channel, Status
from desktop.core.paths import Paths
from desktop.core.store import presence
from desktop.core.store.database import Store
from desktop.core.store.ingest import ingest
from desktop.core.store.schema import PresenceRow
from tests.postgres_support import Cluster
from tests.station.team_support import Station, new_station
from tests.support import add_account

pytestmark = pytest.mark.postgresql


@pytest.fixture
def station(postgres_cluster: Cluster) -> Iterator[Station]:
    made = new_station(postgres_cluster)
    yield made
    made.drop()


@pytest.fixture
def two_desks(station: Station, tmp_path: Path) -> Iterator[tuple[Desk, Desk]]:
    ani, budi = station.add_officer("Bripka Ani"), station.add_officer("Brigpol Budi")
    stores = [station.open_as(ani), station.open_as(budi)]
    desks = tuple(Desk(s, MemoryVault(), Paths(tmp_path / str(i))) for i, s in enumerate(stores))
    yield desks[0], desks[1]
    for s in stores:
        s.close()


@pytest.fixture
def complaint_id(station: Station, make_item) -> int:  # type: ignore[no-untyped-def]
    owner = station.open_as_owner()
    try:
        account = add_account(owner, Channel.X, "humas_polres_contoh")
        ingest(owner, account, [make_item(1)], None)
    finally:
        owner.close()
    return 1


def test_each_action_records_the_login_s_officer_not_the_name_the_window_gives(
    two_desks: tuple[Desk, Desk], complaint_id: int
) -> None:
    ani, budi = two_desks
    ani.complaints.change_status(complaint_id, Status.ACKNOWLEDGED, "whatever-the-pc-says")
    budi.complaints.note(complaint_id, "Sudah dicek ke Polsek", "pc-name")
    budi.complaints.reply(complaint_id, "Baik, kami tindak lanjuti.", "pc-name")

    data = ani.complaints.pane(complaint_id)
    assert data.status_change is not None
    assert (data.status_change.new, data.status_change.officer) == (
        Status.ACKNOWLEDGED,
        "Bripka Ani",
    )
    assert abs(data.status_change.at - datetime.now(UTC)) < timedelta(minutes=1)
    assert [n.officer for n in data.detail.notes] == ["Brigpol Budi"]
    assert [r.officer for r in data.detail.replies] == ["Brigpol Budi"]


def test_presence_is_seen_by_the_other_officer_and_expires(
    two_desks: tuple[Desk, Desk], complaint_id: int, station: Station
) -> None:
    ani, budi = two_desks
    assert budi.complaints.others_at(complaint_id, "") == []
    ani.complaints.mark_presence(complaint_id, "", presence.Activity.TYPING)

    seen = budi.complaints.others_at(complaint_id, "")
    assert [(p.officer, p.activity) for p in seen] == [("Bripka Ani", presence.Activity.TYPING)]
    assert ani.complaints.others_at(complaint_id, "") == []  # not herself

    owner = station.open_as_owner()
    try:  # a minute without refresh: gone (a closed window leaves no lasting trace)
        with owner.write() as conn:
            conn.execute(text("UPDATE presence SET seen_at = seen_at - interval '61 seconds'"))
    finally:
        owner.close()
    assert budi.complaints.others_at(complaint_id, "") == []

    ani.complaints.mark_presence(complaint_id, "", presence.Activity.VIEWING)
    ani.complaints.leave(complaint_id, "")
    assert budi.complaints.others_at(complaint_id, "") == []


def test_a_second_reply_within_ten_minutes_is_flagged_with_who_replied(
    two_desks: tuple[Desk, Desk], complaint_id: int
) -> None:
    ani, budi = two_desks
    assert budi.complaints.recent_reply_by_other(complaint_id, "") is None
    ani.complaints.reply(complaint_id, "Baik, kami cek.", "")

    recent = budi.complaints.recent_reply_by_other(complaint_id, "")
    assert recent is not None
    assert recent.officer == "Bripka Ani"
    assert ani.complaints.recent_reply_by_other(complaint_id, "") is None  # her own reply


def test_one_pc_shows_no_presence_and_no_warning(store: Store, make_item, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    account = add_account(store, Channel.X, "humas_polres_contoh")
    ingest(store, account, [make_item(1)], None)
    desk = Desk(store, MemoryVault(), Paths(tmp_path))
    desk.complaints.reply(1, "Baik.", "andi")
    desk.complaints.mark_presence(1, "budi", presence.Activity.TYPING)
    assert not desk.complaints.station
    assert desk.complaints.others_at(1, "andi") == []
    assert desk.complaints.recent_reply_by_other(1, "budi") is None
    with store.read() as conn:
        assert conn.execute(select(PresenceRow)).first() is None
    desk.complaints.change_status(1, Status.ACKNOWLEDGED, "andi")
    change = desk.complaints.pane(1).status_change
    assert change is not None
    assert change.officer == "andi"
