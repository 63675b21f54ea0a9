"""The officer's window in station mode: it works on the replica, says calmly when
the station is out, and shows an action that could not be applied."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import URL

from desktop.core.credentials import MemoryVault
from desktop.core.desk import Desk
from desktop.core.model import Status
from desktop.core.paths import Paths
from desktop.core.sample import sample_threads
from desktop.core.store.database import Store, open_postgresql
from desktop.core.store.seed import load_sample
from desktop.ui.main_window import MainWindow
from desktop.ui.station_feed import StationLink
from tests.station.tcp_proxy import TcpProxy
from tests.station.window_support import station_window
from tests.support import NOW

pytestmark = [pytest.mark.postgresql, pytest.mark.qt_log_ignore("propagateSizeHints")]


@pytest.fixture
def direct(postgres_url: URL) -> Iterator[Store]:
    store = open_postgresql(postgres_url)
    load_sample(store, sample_threads(20, now=NOW, seed=3))
    yield store
    store.close()


@pytest.fixture
def link(
    qtbot: QtBot, postgres_url: URL, direct: Store, proxy: TcpProxy, tmp_path: Path
) -> Iterator[StationLink]:
    station = open_postgresql(postgres_url.set(port=proxy.port))
    with station_window(qtbot, station, tmp_path / "home") as attached:
        window = attached.window
        window.show()  # the queue reads the rows a shown view asks for
        qtbot.waitUntil(lambda: window.queue_model.cached_row(0) is not None, timeout=10_000)
        qtbot.waitUntil(lambda: attached.session.up, timeout=10_000)
        yield attached


def test_the_window_says_when_the_station_is_out_and_shows_a_conflict(
    qtbot: QtBot, link: StationLink, direct: Store, proxy: TcpProxy
) -> None:
    banner = link.banner
    assert banner.isHidden()
    window = link.parent()
    assert isinstance(window, MainWindow)
    complaint = window.queue_model.complaint_id(0)
    assert complaint is not None

    proxy.drop()
    qtbot.waitUntil(lambda: banner.isVisibleTo(window), timeout=10_000)
    assert "Stasiun tidak dapat dihubungi" in banner.text.text()
    # Offline, the officer replies; meanwhile another officer closes the complaint.
    link.session.desk.complaints.reply(complaint, "Sedang kami tindak lanjuti.", "Bripka Ani")
    other = Desk(direct, MemoryVault(), Paths(Path("unused"))).complaints
    other.change_status(complaint, Status.DISMISSED, "Bripka Budi")

    proxy.restore()
    qtbot.waitUntil(
        lambda: (
            f"#{complaint}" in banner.text.text()
            and "Stasiun tidak dapat dihubungi" not in banner.text.text()
        ),
        timeout=15_000,
    )
    assert "1 tindakan tidak diterapkan" in banner.text.text()
    assert banner.show_button.isVisibleTo(banner)  # the list says who closed it
