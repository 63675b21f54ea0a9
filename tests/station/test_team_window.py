"""Two officers' windows on one station: "sedang membalas", who set the status, the
question before a second reply, and both replies queued once each when confirmed."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from desktop.core.clock import ServerClock
from desktop.core.credentials import MemoryVault
from desktop.core.desk import Desk
from desktop.core.model import Channel, Status
from desktop.core.paths import Paths
from desktop.core.station.feed import ChangeFeed
from desktop.core.store.database import Store
from desktop.core.store.ingest import ingest
from desktop.core.store.schema import OutboxRow, ReplyRow
from desktop.ui.complaint_pane import ComplaintPane
from desktop.ui.tasks import TaskRunner
from tests.postgres_support import Cluster
from tests.station.team_support import Station, new_station
from tests.support import NOW, ItemFactory, add_account

pytestmark = [pytest.mark.postgresql, pytest.mark.qt_log_ignore("propagateSizeHints")]
COMPLAINT = 1
HEARD_MS = 1500  # a presence change on the other window: about a second, on a busy machine


@pytest.fixture
def station(postgres_cluster: Cluster, make_item: ItemFactory) -> Iterator[Station]:
    made = new_station(postgres_cluster)
    owner = made.open_as_owner()
    try:
        ingest(owner, add_account(owner, Channel.X, "humas_polres_contoh"), [make_item(1)], None)
    finally:
        owner.close()
    yield made
    made.drop()


class Presence(QObject):
    """The feed's presence notices, queued from its thread to the pane's."""

    changed = Signal(int)


@pytest.fixture
def windows(
    qtbot: QtBot, station: Station, tmp_path: Path
) -> Iterator[tuple[ComplaintPane, ComplaintPane, Store]]:
    stores, runners, panes, feeds = [], [], [], []
    for i, name in enumerate(("Bripka Ani", "Brigpol Budi")):
        store = station.open_as(station.add_officer(name))
        runner = TaskRunner()
        desk = Desk(store, MemoryVault(), Paths(tmp_path / str(i)))
        pane = ComplaintPane(desk.complaints, runner, ServerClock(local=lambda: NOW))
        pane.set_officer("same-os-user")  # the login decides who it is, not the PC
        pane.resize(640, 820)
        qtbot.addWidget(pane)
        presence = Presence(pane)  # presence arrives through the change feed
        presence.changed.connect(pane.presence_changed)
        feed = ChangeFeed(store, lambda _found: None, on_presence=presence.changed.emit)
        feed.start()
        qtbot.waitUntil(feed.listening.is_set, timeout=10_000)
        feeds.append(feed)
        stores.append(store)
        runners.append(runner)
        panes.append(pane)
    yield panes[0], panes[1], stores[0]
    qtbot.waitUntil(lambda: not any(runner.busy for runner in runners))
    for feed in feeds:
        feed.stop()
    for runner in runners:
        runner.shutdown()
    for store in stores:
        store.close()


def _has_replies(store: Store, count: int) -> bool:
    return len(_replies_and_outbox(store)[0]) == count


def _replies_and_outbox(store: Store) -> tuple[list[str], int]:
    with store.read() as conn:
        officers = list(conn.execute(select(ReplyRow.officer).order_by(ReplyRow.id)).scalars())
        entries = conn.execute(select(func.count()).select_from(OutboxRow)).scalar_one()
    return officers, entries


def test_the_other_window_shows_who_is_replying_and_who_set_the_status(
    qtbot: QtBot, windows: tuple[ComplaintPane, ComplaintPane, Store]
) -> None:
    ani, budi, _store = windows
    budi.show_complaint(COMPLAINT)
    ani.show_complaint(COMPLAINT)
    qtbot.waitUntil(lambda: ani.data is not None and budi.data is not None)
    line = budi.detail.presence
    # Budi hears of Ani, who opened it, through the feed: within about a second, not
    # at his next refresh (every REFRESH_S seconds).
    qtbot.waitUntil(lambda: line.text() == "Bripka Ani has this complaint open", timeout=HEARD_MS)

    QTest.keyClicks(ani.composer.editor, "Baik, kami cek")
    qtbot.waitUntil(lambda: line.text() == "Bripka Ani is replying", timeout=HEARD_MS)
    assert line.isVisibleTo(budi)

    ani.detail.status_actions.buttons[Status.ACKNOWLEDGED].click()
    qtbot.waitUntil(lambda: ani.detail.status_actions.current is Status.ACKNOWLEDGED)
    assert ani.detail.status_actions.who.text().startswith("— by Bripka Ani, ")
    budi.reload()  # (the change feed of station mode does this; here by hand)
    qtbot.waitUntil(lambda: budi.detail.status_actions.who.text().startswith("— by Bripka Ani, "))

    ani.show_complaint(None)  # Ani moves on: her presence goes at once
    qtbot.waitUntil(lambda: line.isHidden(), timeout=HEARD_MS)


def test_a_second_reply_asks_first_and_both_go_to_the_outbox_once_each(
    qtbot: QtBot, windows: tuple[ComplaintPane, ComplaintPane, Store]
) -> None:
    ani, budi, store = windows
    for pane in (ani, budi):
        pane.show_complaint(COMPLAINT)
    qtbot.waitUntil(lambda: ani.data is not None and budi.data is not None)

    ani.composer.set_text("Baik, kami tindak lanjuti.")
    ani.composer.submit()
    qtbot.waitUntil(lambda: _replies_and_outbox(store) == (["Bripka Ani"], 1))
    assert ani.confirm_box is None  # nobody else had replied: no question

    budi.composer.set_text("Laporan sudah kami teruskan ke Polsek.")
    budi.composer.submit()
    qtbot.waitUntil(lambda: budi.confirm_box is not None)
    box = budi.confirm_box
    assert box is not None
    assert "Bripka Ani already replied to this complaint" in box.text()
    box.button(QMessageBox.StandardButton.No).click()
    qtbot.waitUntil(lambda: not budi.composer.editor.isReadOnly())
    assert budi.composer.text() == "Laporan sudah kami teruskan ke Polsek."  # nothing lost
    assert _replies_and_outbox(store) == (["Bripka Ani"], 1)

    budi.composer.submit()
    qtbot.waitUntil(lambda: budi.confirm_box is not None)
    box = budi.confirm_box
    assert box is not None
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: _replies_and_outbox(store) == (["Bripka Ani", "Brigpol Budi"], 2))
    qtbot.waitUntil(lambda: budi.composer.text() == "")


def test_one_pc_asks_nothing_and_shows_no_one_else(
    qtbot: QtBot, store: Store, make_item: ItemFactory, tmp_path: Path
) -> None:
    ingest(store, add_account(store, Channel.X, "humas_polres_contoh"), [make_item(1)], None)
    runner = TaskRunner()
    pane = ComplaintPane(
        Desk(store, MemoryVault(), Paths(tmp_path)).complaints,
        runner,
        ServerClock(local=lambda: NOW),
    )
    qtbot.addWidget(pane)
    try:
        for done, officer in enumerate(("andi", "budi"), start=1):  # two names, one PC
            pane.set_officer(officer)
            pane.show_complaint(COMPLAINT)
            qtbot.waitUntil(lambda: pane.data is not None)
            pane.composer.set_text(f"Balasan {officer}")
            pane.composer.submit()
            qtbot.waitUntil(partial(_has_replies, store, done))
            qtbot.waitUntil(lambda: pane.composer.text() == "")  # queued, the box free again
            assert pane.confirm_box is None
        assert pane.detail.presence.isHidden()
        assert _replies_and_outbox(store) == (["andi", "budi"], 2)
    finally:
        qtbot.waitUntil(lambda: not runner.busy)
        runner.shutdown()
