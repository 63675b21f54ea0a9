"""The officer's window on a real store: layout memory, languages, themes, keys, search."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from pytestqt.qtbot import QtBot

from desktop.core.model import Channel
from desktop.core.store import queries
from desktop.core.store.database import Store
from desktop.core.sync.states import SyncState
from desktop.ui import filters
from desktop.ui.connectivity import AccountLink, Connectivity
from desktop.ui.main_window import MainWindow
from desktop.ui.preferences import Language, ThemeChoice
from desktop.ui.queue_columns import Column
from tests.ui.conftest import wait_loaded

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

MakeWindow = Callable[..., MainWindow]


def _header(window: MainWindow, column: Column) -> str:
    return str(window.queue_model.headerData(column, Qt.Orientation.Horizontal))


def test_window_shows_the_queue_with_counts(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    window.show()
    wait_loaded(qtbot, window)
    assert window.queue_model.rowCount() == window.sidebar.model.count(filters.OPEN)
    assert "open" in window.summary.text()
    assert window.queue_view.accessibleName() == "Complaint queue"
    assert window.search.accessibleName() == "Search complaints"


def test_geometry_and_splitter_are_remembered(qtbot: QtBot, make_window: MakeWindow) -> None:
    first = make_window()
    first.show()
    first.resize(760, 610)
    first.splitter.setSizes([200, 300, 260])
    sizes = first.splitter.sizes()
    first.close()
    assert first.context.window_state.path.exists()
    second = make_window()
    second.show()
    assert (second.width(), second.height()) == (760, 610)
    assert second.splitter.sizes() == sizes


def test_language_switch_changes_visible_texts(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window(Language.INDONESIAN)
    wait_loaded(qtbot, window)
    assert _header(window, Column.COUNTDOWN) == "Tenggat"
    assert window.search.placeholderText().startswith("Cari")
    urgent_row = window.sidebar.model.row_of(filters.URGENT)
    assert window.sidebar.model.index(urgent_row).data() == "Mendesak"
    window.commands.language_actions[Language.ENGLISH].trigger()
    assert _header(window, Column.COUNTDOWN) == "Deadline"
    assert window.sidebar.model.index(urgent_row).data() == "Urgent"
    # Widgets hear of the switch through a posted LanguageChange event.
    qtbot.waitUntil(lambda: window.search.placeholderText().startswith("Search"))
    assert window.context.preferences.load().language is Language.ENGLISH
    window.commands.language_actions[Language.INDONESIAN].trigger()
    qtbot.waitUntil(lambda: window.commands.sync_now.text() == "&Sinkronkan sekarang")
    assert window.menuBar().actions()[0].text() == "&Aduan"


def test_theme_switch_repaints_in_dark_and_light(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    window.commands.theme_actions[ThemeChoice.DARK].trigger()
    assert window.palette().color(QPalette.ColorRole.Window).lightness() < 128
    window.commands.theme_actions[ThemeChoice.LIGHT].trigger()
    assert window.palette().color(QPalette.ColorRole.Window).lightness() > 128
    assert window.context.preferences.load().theme is ThemeChoice.LIGHT


def test_offline_banner_follows_connectivity(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    window.show()
    window.store_feeds_connectivity = False
    offline = AccountLink(1, Channel.X, "humas", SyncState.OFFLINE, None, "timed out")
    window.connectivity.publish(Connectivity((offline,)))
    assert window.banner.isVisible()
    assert "offline" in window.banner.text.text()
    online = AccountLink(1, Channel.X, "humas", SyncState.OK, None)
    window.connectivity.publish(Connectivity((online,)))
    assert not window.banner.isVisible()


def test_keys_move_through_the_queue(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    window.show()
    wait_loaded(qtbot, window)
    view, model = window.queue_view, window.queue_model
    view.select_complaint(model.complaint_id(0))
    view.setFocus()
    with qtbot.waitSignal(view.complaint_selected) as moved:
        qtbot.keyClick(view, Qt.Key.Key_J)
    assert moved.args == [model.complaint_id(1)]
    qtbot.keyClick(view, Qt.Key.Key_J)
    assert view.selected_id == model.complaint_id(2)
    qtbot.keyClick(view, Qt.Key.Key_K)
    assert view.selected_id == model.complaint_id(1)
    window.commands.previous_complaint.trigger()
    assert view.selected_id == model.complaint_id(0)
    assert window.pane.complaint_id == model.complaint_id(0)
    window.commands.focus_search.trigger()
    assert window.search.hasFocus()


def test_search_and_filter_combine(
    qtbot: QtBot, make_window: MakeWindow, sample_store: Store
) -> None:
    window = make_window()
    wait_loaded(qtbot, window)
    window.sidebar.choose(filters.NEW)
    with qtbot.waitSignal(window.queue_model.loaded):
        window.search.setText("motor")
        window.search.flush()
    expected_filter = queries.QueueFilter(
        statuses=filters.queue_filter(
            filters.NEW, window.context.clock(), window.context.unit
        ).statuses,
        search="motor",
    )
    with sample_store.read() as conn:
        expected = queries.queue_ids(conn, expected_filter)
    shown = [window.queue_model.complaint_id(r) for r in range(window.queue_model.rowCount())]
    assert shown == expected
    assert "shown" in window.summary.text()
