"""An inbound complaint written to the station's store appears in another desktop's
window through its station session's change feed (no poll: the window runs no sync
rounds)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import URL

from desktop.core.credentials import MemoryVault
from desktop.core.desk import Desk
from desktop.core.model import TRANSITIONS
from desktop.core.paths import Paths
from desktop.core.sample import sample_threads
from desktop.core.store.accounts import list_accounts
from desktop.core.store.database import Store, open_postgresql
from desktop.core.store.ingest import ingest
from desktop.core.store.seed import load_sample
from desktop.ui.main_window import MainWindow
from desktop.ui.preferences import Language
from tests.station.window_support import station_window
from tests.support import NOW

pytestmark = [pytest.mark.postgresql, pytest.mark.qt_log_ignore("propagateSizeHints")]


@pytest.fixture
def stations(postgres_url: URL) -> Iterator[tuple[Store, Store]]:
    """The station seen by the worker (first) and by the officer's window (second)."""
    worker = open_postgresql(postgres_url)
    load_sample(worker, sample_threads(20, now=NOW, seed=3))
    window = open_postgresql(postgres_url)
    yield worker, window
    window.close()
    worker.close()


@pytest.fixture
def window(qtbot: QtBot, stations: tuple[Store, Store], tmp_path: Path) -> Iterator[MainWindow]:
    home = tmp_path / "ui"
    with station_window(qtbot, stations[1], home, language=Language.ENGLISH) as attached:
        built = attached.window
        built.show()
        qtbot.waitUntil(lambda: built.queue_model.cached_row(0) is not None, timeout=10_000)
        qtbot.waitUntil(lambda: attached.session.up, timeout=10_000)
        yield built


def test_an_inbound_complaint_appears_in_the_window_within_a_second(
    qtbot: QtBot, stations: tuple[Store, Store], window: MainWindow
) -> None:
    worker, _ = stations
    before = window.queue_model.rowCount()
    [thread] = sample_threads(1, now=NOW + timedelta(minutes=5), seed=99)
    with worker.read() as conn:
        account = next(a for a in list_accounts(conn) if a.name == thread.account.name)
    started = time.monotonic()
    result = ingest(worker, account.id, thread.items, cursor=None)
    [new] = result.changed_complaints
    qtbot.waitUntil(lambda: window.queue_model.row_of(new) is not None, timeout=1_000)
    assert time.monotonic() - started < 1.0
    assert window.queue_model.rowCount() == before + 1


def test_a_status_change_by_another_officer_reaches_the_open_pane(
    qtbot: QtBot, stations: tuple[Store, Store], window: MainWindow
) -> None:
    worker, _ = stations
    complaint = window.queue_model.complaint_id(0)
    assert complaint is not None
    window.pane.show_complaint(complaint)
    qtbot.waitUntil(lambda: window.pane.complaint_id == complaint, timeout=5_000)
    other = Desk(worker, MemoryVault(), Paths(Path("unused")))
    current = other.complaints.detail(complaint).complaint.status
    qtbot.waitUntil(lambda: window.pane.detail.status_actions.current is current, timeout=5_000)
    wanted = sorted(TRANSITIONS[current])[0]
    other.complaints.change_status(complaint, wanted, "Bripka Ani")
    actions = window.pane.detail.status_actions
    qtbot.waitUntil(lambda: actions.current is wanted, timeout=1_000)
