"""A desktop's first start in station mode: the window opens on the empty replica and
paints the top of the queue while the rest is still being copied, says how far the
copy is, and the officer can work meanwhile."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import URL, text

from desktop.core.credentials import MemoryVault
from desktop.core.desk import Desk
from desktop.core.paths import Paths
from desktop.core.station import journal
from desktop.core.station import replica as replica_module
from desktop.core.station.session import StationSession
from desktop.core.store.database import Store, open_postgresql
from desktop.core.store.queries import QueueFilter
from desktop.ui.main_window import MainWindow
from desktop.ui.preferences import Language
from desktop.ui.station_feed import StationLink
from tests.station.bulk_station import add_complaints
from tests.station.window_support import station_window

pytestmark = [pytest.mark.postgresql, pytest.mark.qt_log_ignore("propagateSizeHints")]

COMPLAINTS = 2000


@pytest.fixture
def direct(postgres_url: URL) -> Iterator[Store]:
    store = open_postgresql(postgres_url)
    add_complaints(store, COMPLAINTS)
    yield store
    store.close()


@pytest.fixture
def opened(
    qtbot: QtBot,
    postgres_url: URL,
    direct: Store,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[tuple[MainWindow, StationSession, StationLink, threading.Event]]:
    monkeypatch.setattr(replica_module, "BATCH", 200)
    # The rest of the copy waits after its first batch until the test lets it on (as a
    # slow link or a big station would keep it going).
    go_on = threading.Event()

    def slow_after_the_first_batch(session: StationSession) -> None:
        applied, calls = session.apply_journal, []

        def held() -> int:
            calls.append(1)
            if len(calls) == 2:
                go_on.wait(30)
            return applied()

        session.apply_journal = held  # type: ignore[method-assign]

    station = open_postgresql(postgres_url)
    home = tmp_path / "home"
    with station_window(
        qtbot, station, home, language=Language.ENGLISH, before=slow_after_the_first_batch
    ) as link:
        link.window.show()
        try:
            yield link.window, link.session, link, go_on
        finally:
            go_on.set()


def _notes(store: Store, complaint: int) -> int:
    with store.read() as conn:
        found = conn.execute(
            text("SELECT count(*) FROM note WHERE complaint_id = :c"), {"c": complaint}
        ).scalar_one()
    return int(found)


def test_the_top_of_the_queue_is_painted_before_the_copy_ends(
    qtbot: QtBot,
    opened: tuple[MainWindow, StationSession, StationLink, threading.Event],
    direct: Store,
    tmp_path: Path,
) -> None:
    window, session, link, go_on = opened
    qtbot.waitUntil(lambda: window.queue_model.cached_row(0) is not None, timeout=10_000)

    progress = session.progress
    assert progress is not None
    assert not progress.done
    assert progress.copied == replica_module.FIRST_BATCH < progress.total == COMPLAINTS
    top = Desk(direct, MemoryVault(), Paths(tmp_path / "q")).queue.first_load(QueueFilter())
    assert window.queue_model.complaint_id(0) == top.page.ids[0]
    qtbot.waitUntil(lambda: link.banner.isVisible(), timeout=5_000)
    assert f"{replica_module.FIRST_BATCH} of {COMPLAINTS:,}" in link.banner.text.text()
    assert "partial" in link.banner.text.text()

    # The officer works during the copy: on the replica at once, on the station after.
    first = top.page.ids[0]
    session.desk.complaints.note(first, "sedang dicek", "Bripka Ani")
    assert _notes(session.replica.store, first) == 1

    go_on.set()
    qtbot.waitUntil(lambda: session.progress is not None and session.progress.done, timeout=60_000)
    qtbot.waitUntil(lambda: _notes(direct, first) == 1, timeout=10_000)
    qtbot.waitUntil(lambda: not link.banner.isVisible(), timeout=5_000)
    opened_ones = Desk(direct, MemoryVault(), Paths(tmp_path / "q")).queue.count(QueueFilter())
    qtbot.waitUntil(lambda: window.queue_model.total == opened_ones, timeout=10_000)
    assert not journal.entries(session.replica.store, journal.PENDING)
