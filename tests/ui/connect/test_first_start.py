"""The guided first start: with no connected account the queue area says what to do next."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.core.model import Channel
from desktop.core.store import accounts
from desktop.core.store.database import Store
from desktop.ui import filters
from desktop.ui.main_window import MainWindow
from desktop.ui.preferences import Language
from tests.support import NOW, add_account
from tests.ui.connect.conftest import MakeWindow, apply_unit_profile

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _settled(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.sidebar.model.count(filters.OVERDUE) is not None, timeout=10_000)
    qtbot.waitUntil(lambda: not window.context.tasks.busy)


def test_an_empty_desk_asks_to_connect_an_account(
    qtbot: QtBot, make_empty_window: MakeWindow
) -> None:
    window = make_empty_window()
    window.show()
    _settled(qtbot, window)
    panel = window.first_start
    assert window.queue_stack.currentWidget() is panel
    assert panel.title.text() == "Connect the unit's accounts"
    assert panel.rows == []
    assert panel.listed.isHidden()
    assert panel.connect_any.text() == "Connect an account…"
    panel.connect_any.click()
    dialog = window.last_connect_dialog
    assert dialog is not None
    assert dialog.isVisible()
    assert dialog.target is None  # any platform: the dialog asks which
    assert dialog.pages.currentWidget() is dialog.choose_page
    dialog.reject()


def test_the_profiles_accounts_each_have_their_connect_button_in_indonesian(
    qtbot: QtBot, make_empty_window: MakeWindow, store: Store, tmp_path: Path
) -> None:
    apply_unit_profile(store, tmp_path)
    window = make_empty_window(Language.INDONESIAN)
    window.show()
    _settled(qtbot, window)
    panel = window.first_start
    assert window.queue_stack.currentWidget() is panel
    assert panel.title.text() == "Hubungkan akun satuan"
    assert [row.name.text() for row in panel.rows] == [
        "Telegram · aduanpolrescontoh_bot",
        "X · humaspolrescontoh",
    ]
    assert {row.button.text() for row in panel.rows} == {"Hubungkan"}
    assert panel.connect_any.text() == "Hubungkan akun lain…"
    panel.rows[0].button.click()  # Telegram: the dialog asks for the bot's token
    dialog = window.last_connect_dialog
    assert dialog is not None
    assert dialog.target is not None
    assert (dialog.target.channel, dialog.target.name) == (
        Channel.TELEGRAM,
        "aduanpolrescontoh_bot",
    )
    assert dialog.pages.currentWidget() is dialog.telegram_page
    assert dialog.windowTitle() == "Hubungkan Telegram · aduanpolrescontoh_bot"
    dialog.reject()


def test_a_profile_account_the_first_round_could_not_reach_still_waits(
    qtbot: QtBot, make_empty_window: MakeWindow, store: Store, tmp_path: Path
) -> None:
    """No token yet: the first round marks it *needs a token*; it is still to be connected."""
    apply_unit_profile(store, tmp_path)
    with store.write() as conn:
        for account in accounts.list_accounts(conn):
            accounts.mark_needs_token(conn, account.id, "no token")
    window = make_empty_window()
    window.show()
    _settled(qtbot, window)
    # The queue's total arrives on its own read after the accounts' notices.
    qtbot.waitUntil(lambda: window.queue_stack.currentWidget() is window.first_start)
    assert len(window.first_start.rows) == 2


def test_a_connected_account_brings_the_queue_back(
    qtbot: QtBot, make_empty_window: MakeWindow, store: Store
) -> None:
    """Once an account has synced, an empty queue is just an empty queue."""
    account_id = add_account(store, Channel.TELEGRAM, "aduanpolrescontoh_bot")
    with store.write() as conn:
        accounts.mark_synced(conn, account_id, NOW - timedelta(minutes=2), NOW)
    window = make_empty_window()
    window.show()
    _settled(qtbot, window)
    assert window.queue_stack.currentWidget() is window.queue_view


def test_the_sample_desk_shows_its_queue(qtbot: QtBot, make_window: MakeWindow) -> None:
    """Complaints in the store: the queue, whatever the accounts' states."""
    window = make_window()
    window.show()
    _settled(qtbot, window)
    assert window.queue_model.rowCount() > 0
    assert window.queue_stack.currentWidget() is window.queue_view


@pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise")
def test_one_connect_dialog_at_a_time(qtbot: QtBot, make_empty_window: MakeWindow) -> None:
    window = make_empty_window()
    window.show()
    _settled(qtbot, window)
    window.first_start.connect_any.click()
    first = window.last_connect_dialog
    window.commands.connect_account.trigger()  # from the menu too: the same dialog
    assert window.last_connect_dialog is first
    assert first is not None
    first.reject()
    window.commands.connect_account.trigger()
    assert window.last_connect_dialog is not first
    second = window.last_connect_dialog
    assert second is not None
    second.reject()
