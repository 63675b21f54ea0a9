"""The officer's window on a real store: layout memory, languages, themes, keys, search."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QDialog, QPlainTextEdit
from pytestqt.qtbot import QtBot

from desktop.core.errors import UserError
from desktop.core.logs import write_crash_report
from desktop.core.model import Channel
from desktop.core.store import drafts, queries, queue_pages
from desktop.core.store.database import Store
from desktop.core.sync.states import SyncState
from desktop.ui import filters
from desktop.ui.app import mention_earlier_crashes
from desktop.ui.connectivity import AccountLink, Connectivity
from desktop.ui.crash import CrashHandler
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
    window.commands.focus_filters.trigger()
    assert window.sidebar.view.hasFocus()
    window.commands.focus_queue.trigger()
    assert view.hasFocus()


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
        expected = queue_pages.queue_ids(conn, expected_filter)
    shown = [window.queue_model.complaint_id(r) for r in range(window.queue_model.rowCount())]
    assert shown == expected
    qtbot.waitUntil(lambda: "shown" in window.summary.text())  # counted after the rows show


@pytest.mark.qt_no_exception_capture
def test_a_bug_in_a_slot_keeps_the_window_and_the_draft(
    qtbot: QtBot,
    make_window: MakeWindow,
    sample_store: Store,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = make_window()
    window.show()
    wait_loaded(qtbot, window)
    reports: list[str] = []
    handler = CrashHandler(tmp_path / "logs", show_report=lambda text, _log: reports.append(text))
    monkeypatch.setattr("sys.excepthook", handler.handle)
    first = window.queue_model.complaint_id(0)
    assert first is not None
    window.queue_view.select_complaint(first)
    qtbot.waitUntil(lambda: window.pane.data is not None)
    editor = next(
        e for e in window.pane.findChildren(QPlainTextEdit) if e.accessibleName() == "Reply text"
    )
    qtbot.keyClicks(editor, "Sedang kami cek ke lokasi")

    def broken(_complaint: object) -> None:
        raise RuntimeError("a bug in a slot")

    window.queue_view.complaint_selected.connect(broken)
    window.commands.next_complaint.trigger()
    handler.close()
    assert reports
    assert "a bug in a slot" in reports[0]
    qtbot.waitUntil(lambda: not window.context.tasks.busy)
    assert drafts.load_draft(sample_store, first) == "Sedang kami cek ke lokasi"
    assert window.isVisible()
    window.queue_view.select_complaint(first)
    qtbot.waitUntil(lambda: editor.toPlainText() == "Sedang kami cek ke lokasi")


def test_settings_and_accounts_dialogs_open_from_the_window(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = make_window()
    window.commands.settings.trigger()
    window.commands.accounts.trigger()
    titles = {dialog.windowTitle() for dialog in window.findChildren(QDialog)}
    assert {"Settings", "Accounts"} <= titles
    for dialog in window.findChildren(QDialog):
        dialog.reject()


def test_a_known_store_error_is_a_calm_status_line(make_window: MakeWindow) -> None:
    window = make_window()
    window.queue_model.read_failed.emit(UserError("database_busy"))
    assert "held by another process" in window.statusBar().currentMessage()
    assert not window.findChildren(QDialog)


class _SyncStub(QObject):
    """The signals and slot of ``SyncController``, without a network."""

    complaints_changed = Signal(object)
    round_started = Signal()
    round_finished = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.asked = 0

    def sync_now(self) -> None:
        self.asked += 1


def test_a_sync_controller_plugs_into_the_window(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    wait_loaded(qtbot, window)
    sync = _SyncStub()
    window.attach_sync(sync)  # type: ignore[arg-type]
    window.commands.sync_now.trigger()
    window.banner.retry.click()
    assert sync.asked == 2
    sync.round_started.emit()
    assert window.connectivity.current.syncing
    with qtbot.waitSignal(window.sidebar.accounts_changed):
        sync.round_finished.emit(None)
    assert not window.connectivity.current.syncing
    first = window.queue_model.complaint_id(0)
    with qtbot.waitSignal(window.queue_model.dataChanged):
        sync.complaints_changed.emit(frozenset({first}))


def test_an_earlier_crash_is_mentioned_once(make_window: MakeWindow, tmp_path: Path) -> None:
    window = make_window()
    logs = tmp_path / "logs"
    try:
        raise RuntimeError("yesterday's bug")
    except RuntimeError as exc:
        report = write_crash_report(logs, exc)
    button = mention_earlier_crashes(window, logs)
    assert str(report) in window.statusBar().currentMessage()
    assert button is not None
    assert button.text() == "Open the report folder"
    window.statusBar().clearMessage()
    assert mention_earlier_crashes(window, logs) is None
    assert window.statusBar().currentMessage() == ""
