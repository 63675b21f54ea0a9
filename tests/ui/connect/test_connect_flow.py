"""Connecting accounts through the real window: the simulator's sign-in over loopback, an
HTTP client playing the browser, the real keyring where marked."""

from __future__ import annotations

import socket
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import inspect, text

from desktop.core.connect.tokens import TokenSet, load_tokens
from desktop.core.credentials import KeyringVault, MemoryVault, Vault, token_name
from desktop.core.model import Channel
from desktop.core.store.database import Store
from desktop.simulator import Simulator
from desktop.ui.dialogs.connect_dialog import ConnectDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.preferences import Language
from tests.support import add_account, stored_accounts
from tests.ui.connect.conftest import HttpBrowser, MakeWindow, apply_unit_profile

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

X_PROFILE = """\
[unit]
name = "Polres Contoh"

[[account]]
platform = "x"
name = "humaspolrescontoh"
"""


@pytest.fixture
def keyring(keyring_vault: KeyringVault) -> Iterator[KeyringVault]:
    """The real keyring, without tokens for this test's account ids (the session's
    keyring is shared: an earlier test may have left one), before and after it."""
    for account_id in range(1, 12):
        keyring_vault.delete(token_name(account_id))
    yield keyring_vault
    for account_id in range(1, 12):
        keyring_vault.delete(token_name(account_id))


def _ready(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.account_watch.current is not None, timeout=10_000)
    qtbot.waitUntil(lambda: not window.context.tasks.busy)


def _dialog(window: MainWindow) -> ConnectDialog:
    dialog = window.last_connect_dialog
    assert dialog is not None
    return dialog


def _every_stored_text(store: Store) -> str:
    with store.read() as conn:
        tables = inspect(conn).get_table_names()
        rows = [conn.execute(text(f'SELECT * FROM "{table}"')).all() for table in tables]
    return repr(rows)


def _port_closed(url: str) -> bool:
    redirect = urllib.parse.parse_qs(urllib.parse.urlsplit(url).query)["redirect_uri"][0]
    port = urllib.parse.urlsplit(redirect).port
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port or 0)) != 0


@pytest.mark.keyring
def test_x_is_connected_from_the_first_start_through_the_browser(
    qtbot: QtBot,
    make_empty_window: MakeWindow,
    store: Store,
    tmp_path: Path,
    sim: Simulator,
    keyring: KeyringVault,
) -> None:
    apply_unit_profile(store, tmp_path, X_PROFILE)
    browser = HttpBrowser()
    window = make_empty_window(Language.INDONESIAN, vault=keyring, sim=sim, browser=browser)
    window.show()
    _ready(qtbot, window)
    # The queue's total arrives on its own read after the accounts' notices.
    qtbot.waitUntil(lambda: window.queue_stack.currentWidget() is window.first_start)
    (row,) = window.first_start.rows
    row.button.click()  # Hubungkan
    dialog = _dialog(window)
    assert dialog.waiting_page.title.text() == "Menunggu persetujuan di browser…"
    with qtbot.waitSignal(dialog.connected, timeout=20_000) as connected:
        pass
    browser.join()
    assert browser.landed == [200]  # the loopback page said "return to Aduan Desk"
    ((done,),) = connected.args
    (account,) = stored_accounts(store)
    assert (done.account_id, done.channel) == (account.id, Channel.X)
    assert account.name == "humaspolrescontoh"  # the profile's account, now connected
    assert account.params["user_id"] == sim.params(Channel.X)["user_id"]  # discovered
    tokens = load_tokens(keyring, account.id)
    assert tokens is not None
    assert tokens.refresh_token
    assert tokens.access_expires_at
    assert "tweet.write" in tokens.scopes
    stored = _every_stored_text(store)
    assert tokens.access_token not in stored
    assert tokens.refresh_token not in stored
    assert "terhubung" in dialog.done_page.text.text()
    assert _port_closed(browser.opened[0])
    dialog.accept()
    qtbot.waitUntil(lambda: window.queue_stack.currentWidget() is window.queue_view)


def test_facebook_login_lists_the_pages_and_connects_the_page_with_its_instagram(
    qtbot: QtBot, make_empty_window: MakeWindow, store: Store, sim: Simulator
) -> None:
    vault = MemoryVault()
    window = make_empty_window(vault=vault, sim=sim, browser=HttpBrowser())
    window.show()
    _ready(qtbot, window)
    window.commands.connect_account.trigger()  # Akun → Hubungkan akun…
    dialog = _dialog(window)
    dialog.choose_page.buttons[Channel.FACEBOOK].click()
    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.page_list_page, timeout=20_000)
    page_name = sim.world.board(Channel.FACEBOOK).account.name
    ig_name = sim.world.board(Channel.INSTAGRAM).account.name
    assert dialog.page_list_page.list.count() == 1
    assert dialog.page_list_page.list.item(0).text() == f"{page_name}  ·  Instagram @{ig_name}"
    assert dialog.page_list_page.with_instagram.isVisibleTo(dialog)
    assert dialog.page_list_page.with_instagram.isChecked()
    with qtbot.waitSignal(dialog.connected, timeout=20_000):
        dialog.page_list_page.connect_button.click()
    accounts = {a.channel: a for a in stored_accounts(store)}
    assert set(accounts) == {Channel.FACEBOOK, Channel.INSTAGRAM}
    assert accounts[Channel.FACEBOOK].params["page_id"] == sim.params(Channel.FACEBOOK)["page_id"]
    assert (
        accounts[Channel.INSTAGRAM].params["ig_user_id"]
        == (sim.params(Channel.INSTAGRAM)["ig_user_id"])
    )
    page_token = vault.get(token_name(accounts[Channel.FACEBOOK].id))
    assert page_token is not None  # the Page token is what is stored, not the user's
    assert TokenSet.parse(page_token).access_token.startswith("meta-page")
    assert dialog.done_page.text.text().count("is connected") == 2


def test_telegram_checks_the_bot_token_and_names_the_bot(
    qtbot: QtBot, make_empty_window: MakeWindow, store: Store, sim: Simulator
) -> None:
    vault = MemoryVault()
    window = make_empty_window(Language.INDONESIAN, vault=vault, sim=sim, browser=HttpBrowser())
    window.show()
    _ready(qtbot, window)
    window.first_start.connect_any.click()
    dialog = _dialog(window)
    dialog.choose_page.buttons[Channel.TELEGRAM].click()
    assert dialog.pages.currentWidget() is dialog.telegram_page
    dialog.telegram_page.token.setText(sim.token_for(Channel.TELEGRAM).replace(":", ":wrong"))
    dialog.telegram_page.check_button.click()
    qtbot.waitUntil(lambda: "menolak token" in dialog.message_line.message(), timeout=10_000)
    assert stored_accounts(store) == []  # a refused token stores nothing
    assert dialog.telegram_page.token.text()  # and the officer's paste is still there to fix
    dialog.telegram_page.token.setText(sim.token_for(Channel.TELEGRAM))
    with qtbot.waitSignal(dialog.connected, timeout=10_000):
        dialog.telegram_page.check_button.click()
    (account,) = stored_accounts(store)
    assert account.channel is Channel.TELEGRAM
    assert account.name == sim.world.board(Channel.TELEGRAM).account.name  # from getMe
    assert vault.get(token_name(account.id)) == sim.token_for(Channel.TELEGRAM)
    assert dialog.telegram_page.token.text() == ""  # the token left the widget once stored


def test_denied_consent_says_so_in_indonesian_and_stores_nothing(
    qtbot: QtBot, make_empty_window: MakeWindow, store: Store, sim: Simulator
) -> None:
    sim.oauth.deny = True
    vault = MemoryVault()
    browser = HttpBrowser()
    window = make_empty_window(Language.INDONESIAN, vault=vault, sim=sim, browser=browser)
    window.show()
    _ready(qtbot, window)
    window.commands.connect_account.trigger()
    dialog = _dialog(window)
    dialog.choose_page.buttons[Channel.X].click()
    qtbot.waitUntil(lambda: dialog.message_line.message() != "", timeout=20_000)
    message = dialog.message_line.message()
    assert message.startswith("Akses tidak diberikan di halaman X. Tidak ada yang diubah")
    assert "access_denied" in message  # the platform's own words, labelled as theirs
    assert dialog.pages.currentWidget() is dialog.choose_page  # free to try again
    assert stored_accounts(store) == []
    assert _vault_names(vault) == []
    assert _port_closed(browser.opened[0])


def test_cancel_stops_waiting_and_closes_the_listener(
    qtbot: QtBot, make_empty_window: MakeWindow, store: Store, sim: Simulator
) -> None:
    browser = HttpBrowser(follow=False)  # the officer never approves
    window = make_empty_window(Language.INDONESIAN, sim=sim, browser=browser)
    window.show()
    _ready(qtbot, window)
    window.commands.connect_account.trigger()
    dialog = _dialog(window)
    dialog.choose_page.buttons[Channel.YOUTUBE].click()
    assert dialog.pages.currentWidget() is dialog.waiting_page
    assert not _port_closed(browser.opened[0])  # listening for the browser's return
    assert (
        "4:5" in dialog.waiting_page.time_left.text()
        or "5:00" in dialog.waiting_page.time_left.text()
    )
    dialog.waiting_page.cancel_button.click()
    qtbot.waitUntil(lambda: dialog.message_line.message() != "", timeout=5_000)
    cancelled = "Penghubungan YouTube dibatalkan. Tidak ada yang diubah."
    assert dialog.message_line.message() == cancelled
    assert dialog.pages.currentWidget() is dialog.choose_page
    assert _port_closed(browser.opened[0])
    assert stored_accounts(store) == []


def test_a_browser_that_never_returns_times_out(
    qtbot: QtBot, make_empty_window: MakeWindow, store: Store, sim: Simulator
) -> None:
    window = make_empty_window(sim=sim, browser=HttpBrowser(follow=False))
    window.show()
    _ready(qtbot, window)
    window.commands.connect_account.trigger()
    dialog = _dialog(window)
    dialog.wait_seconds = 0.5
    dialog.choose_page.buttons[Channel.TIKTOK].click()
    qtbot.waitUntil(lambda: dialog.message_line.message() != "", timeout=5_000)
    assert dialog.message_line.message().startswith("The browser did not come back in time.")
    assert stored_accounts(store) == []


def test_a_platform_without_app_settings_asks_for_it(
    qtbot: QtBot, make_empty_window: MakeWindow, store: Store
) -> None:
    window = make_empty_window(Language.INDONESIAN)  # no [app.*] in the profile
    window.show()
    _ready(qtbot, window)
    window.commands.connect_account.trigger()
    dialog = _dialog(window)
    dialog.choose_page.buttons[Channel.X].click()
    assert dialog.message_line.message().startswith(
        "Profil satuan belum berisi pengaturan aplikasi untuk X."
    )
    assert dialog.pages.currentWidget() is dialog.choose_page


def _vault_names(vault: Vault) -> list[str]:
    return [name for name in (token_name(i) for i in range(1, 12)) if vault.get(name)]


def test_closing_the_dialog_while_waiting_stops_the_sign_in(
    qtbot: QtBot, make_empty_window: MakeWindow, store: Store, sim: Simulator
) -> None:
    browser = HttpBrowser(follow=False)
    window = make_empty_window(sim=sim, browser=browser)
    window.show()
    _ready(qtbot, window)
    window.commands.connect_account.trigger()
    dialog = _dialog(window)
    dialog.choose_page.buttons[Channel.X].click()
    assert not _port_closed(browser.opened[0])
    dialog.reject()  # the window's close button, or Esc
    qtbot.waitUntil(lambda: _port_closed(browser.opened[0]), timeout=5_000)
    qtbot.waitUntil(lambda: not window.context.tasks.busy, timeout=5_000)
    assert stored_accounts(store) == []


def test_connecting_a_given_account_offers_only_its_platform_after_a_failure(
    qtbot: QtBot, make_empty_window: MakeWindow, store: Store, tmp_path: Path, sim: Simulator
) -> None:
    apply_unit_profile(store, tmp_path, X_PROFILE)
    sim.oauth.deny = True
    window = make_empty_window(sim=sim, browser=HttpBrowser())
    window.show()
    _ready(qtbot, window)
    window.first_start.rows[0].button.click()
    dialog = _dialog(window)
    qtbot.waitUntil(lambda: dialog.message_line.message() != "", timeout=20_000)
    enabled = {c for c, b in dialog.choose_page.buttons.items() if b.isEnabled()}
    assert enabled == {Channel.X}  # trying again reconnects the same account
    sim.oauth.deny = False
    with qtbot.waitSignal(dialog.connected, timeout=20_000):
        dialog.choose_page.buttons[Channel.X].click()
    (account,) = stored_accounts(store)
    assert account.params["user_id"] == sim.params(Channel.X)["user_id"]
    dialog.done_page.another_button.click()  # any platform again
    assert all(b.isEnabled() for b in dialog.choose_page.buttons.values())


def test_without_a_browser_the_address_is_shown_to_copy(
    qtbot: QtBot, make_empty_window: MakeWindow, store: Store, sim: Simulator
) -> None:
    opened: list[str] = []

    def no_browser(url: str) -> bool:
        opened.append(url)
        return False  # what QDesktopServices.openUrl says on a PC with no browser

    window = make_empty_window(sim=sim, browser=no_browser)
    window.show()
    _ready(qtbot, window)
    window.commands.connect_account.trigger()
    dialog = _dialog(window)
    dialog.choose_page.buttons[Channel.X].click()
    (url,) = opened
    assert dialog.message_line.message().endswith(url)
    assert dialog.pages.currentWidget() is dialog.waiting_page  # still waiting for it
    HttpBrowser()(url)  # the officer pastes it into a browser by hand
    with qtbot.waitSignal(dialog.connected, timeout=20_000):
        pass
    assert len(stored_accounts(store)) == 1


def test_a_page_whose_instagram_cannot_be_connected_is_still_connected_and_says_why(
    qtbot: QtBot, make_empty_window: MakeWindow, store: Store, sim: Simulator
) -> None:
    ig_name = sim.world.board(Channel.INSTAGRAM).account.name
    other = add_account(store, Channel.INSTAGRAM, ig_name, params={"ig_user_id": "999"})
    window = make_empty_window(Language.INDONESIAN, sim=sim, browser=HttpBrowser())
    window.show()
    _ready(qtbot, window)
    window.commands.connect_account.trigger()
    dialog = _dialog(window)
    dialog.choose_page.buttons[Channel.FACEBOOK].click()
    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.page_list_page, timeout=20_000)
    with qtbot.waitSignal(dialog.connected, timeout=20_000) as connected:
        dialog.page_list_page.connect_button.click()
    ((page,),) = connected.args
    assert page.channel is Channel.FACEBOOK
    assert dialog.message_line.message().startswith("Instagram: Akun Instagram")
    accounts = {(a.channel, a.id) for a in stored_accounts(store)}
    assert accounts == {(Channel.FACEBOOK, page.account_id), (Channel.INSTAGRAM, other)}
