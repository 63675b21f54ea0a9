"""Akun in station mode: the station's accounts with their state, the worker PC that
holds each and its last pull, and how IT connects one on the worker PC; no connect
buttons on the officer's desk."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import URL

from desktop.core.model import Channel
from desktop.core.station.accounts import station_accounts
from desktop.core.store import accounts, leases
from desktop.core.store.database import Store, open_postgresql
from desktop.ui.station_accounts import StationAccountsDialog
from desktop.ui.station_feed import StationLink
from tests.station.tcp_proxy import TcpProxy
from tests.station.window_support import station_window
from tests.support import NOW

pytestmark = [
    pytest.mark.postgresql,
    pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise"),
]
SHOTS = os.environ.get("ADUAN_SHOTS")
HOLDER = "PC-WORKER-1:4242:1700000000.00:ab12"


@pytest.fixture
def direct(direct: Store) -> Store:
    """The shared station, with a live lease, a lapsed one and an account to reconnect."""
    with direct.write() as conn:
        listed = {a.channel: a.id for a in accounts.list_accounts(conn)}
        leases.take(conn, listed[Channel.FACEBOOK], HOLDER, timedelta(minutes=5))
        leases.take(conn, listed[Channel.TIKTOK], "PC-OLD:1:1.00:cd34", timedelta(seconds=-1))
        accounts.mark_synced(conn, listed[Channel.FACEBOOK], NOW, NOW + timedelta(minutes=2))
        accounts.mark_needs_reconnect(conn, listed[Channel.INSTAGRAM], "token revoked")
    return direct


@pytest.fixture
def link(
    qtbot: QtBot, postgres_url: URL, direct: Store, proxy: TcpProxy, tmp_path: Path
) -> Iterator[StationLink]:
    station = open_postgresql(postgres_url.set(port=proxy.port))
    with station_window(qtbot, station, tmp_path / "home") as attached:
        qtbot.waitUntil(lambda: attached.session.up, timeout=10_000)
        yield attached


def _rows(dialog: StationAccountsDialog) -> dict[str, list[str]]:
    table = dialog.table
    found = {}
    for row in range(table.rowCount()):
        items = [table.item(row, c) for c in range(table.columnCount())]
        cells = [item.text() if item is not None else "" for item in items]
        found[cells[dialog.PLATFORM]] = cells
    return found


def _opened(qtbot: QtBot, link: StationLink) -> StationAccountsDialog:
    dialog = link.accounts_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 5, timeout=5_000)
    return dialog


def test_akun_lists_the_stations_accounts_with_their_worker_and_state(
    qtbot: QtBot, link: StationLink
) -> None:
    window = link.window
    window.commands.accounts.trigger()
    dialog = _opened(qtbot, link)
    if SHOTS:
        dialog.grab().save(str(Path(SHOTS) / "station-accounts.png"))

    rows = _rows(dialog)
    facebook, instagram, tiktok = rows["Facebook"], rows["Instagram"], rows["TikTok"]
    assert facebook[dialog.WORKER] == "PC-WORKER-1"
    assert facebook[dialog.LAST_PULL] != "belum pernah"
    assert "lease" not in facebook[dialog.WORKER]
    assert "PC-OLD" in tiktok[dialog.WORKER]
    assert "sewa habis" in tiktok[dialog.WORKER]
    assert "dihubungkan ulang oleh TI di PC worker" in instagram[dialog.STATE]
    assert rows["Telegram"][dialog.WORKER] == "belum ada worker"
    assert "aduan-desk station connect" in dialog.commands.toPlainText()
    buttons = {b.text() for b in dialog.findChildren(QPushButton)}
    assert buttons == {"Muat ulang", "Tutup"}  # nothing to connect on this desk


def test_connecting_from_the_window_shows_the_stations_accounts_instead(
    qtbot: QtBot, link: StationLink
) -> None:
    link.window.open_connect(None)
    _opened(qtbot, link)
    assert link.window.last_connect_dialog is None


def test_with_the_station_out_the_list_is_the_desks_last_copy(
    qtbot: QtBot, link: StationLink, proxy: TcpProxy
) -> None:
    proxy.drop()
    qtbot.waitUntil(lambda: not link.session.up, timeout=15_000)
    link.show_accounts()
    dialog = _opened(qtbot, link)
    qtbot.waitUntil(lambda: dialog.out.isVisibleTo(dialog), timeout=15_000)
    assert "tidak dapat dihubungi" in dialog.out.text()
    assert {cells[dialog.WORKER] for cells in _rows(dialog).values()} == {
        "tidak diketahui (stasiun terputus)"
    }


def test_station_accounts_read_the_leases(direct: Store, tmp_path: Path) -> None:
    found = station_accounts(direct, direct)
    assert found.from_station
    workers = {item.account.channel: (item.worker, item.live) for item in found.accounts}
    assert workers[Channel.FACEBOOK] == (HOLDER, True)
    assert workers[Channel.TIKTOK][1] is False
    assert workers[Channel.TELEGRAM] == (None, False)
