"""An account the platform stopped renewing: shown everywhere, connected again without loss;
missing permissions named before a reply; a sign-in's end announced days ahead."""

from __future__ import annotations

from datetime import timedelta

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from desktop.core.connect.apps import Provider
from desktop.core.connect.tokens import TokenSet, load_tokens, save_tokens
from desktop.core.credentials import MemoryVault
from desktop.core.desk import Accounts
from desktop.core.model import Channel
from desktop.core.store import accounts as account_rows
from desktop.core.store.database import Store
from desktop.core.store.ingest import ingest
from desktop.core.sync.states import SyncState
from desktop.simulator import Simulator
from desktop.ui.dialogs.accounts_dialog import AccountsDialog
from desktop.ui.dialogs.accounts_model import AccountsModel
from desktop.ui.main_window import MainWindow
from desktop.ui.preferences import Language
from desktop.ui.sync_controller import SyncController
from tests.support import NOW, ItemFactory, add_account, stored_account, stored_accounts
from tests.ui.connect.conftest import HttpBrowser, MakeWindow

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

REFUSAL = "invalid_grant: Value passed for the token was invalid."


def _ready(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.account_watch.current is not None, timeout=10_000)
    qtbot.waitUntil(lambda: not window.context.tasks.busy)


def _connected_x(store: Store, vault: MemoryVault, sim: Simulator, scopes: str) -> int:
    """An X account as a sign-in leaves it: ids in the store, a token set in the keyring."""
    account_id = add_account(
        store,
        Channel.X,
        "humaspolrescontoh",
        api_base=sim.api_base(Channel.X),
        params=sim.params(Channel.X),
    )
    tokens = TokenSet(
        "old-access-token",
        NOW + timedelta(hours=2),
        "old-refresh-token",
        scopes=frozenset(scopes.split()),
        issued_at=NOW,
    )
    save_tokens(vault, account_id, tokens)
    with store.write() as conn:
        account_rows.mark_synced(conn, account_id, NOW, NOW + timedelta(minutes=5))
    return account_id


def test_needs_reconnect_is_shown_and_connecting_again_keeps_the_complaints(
    qtbot: QtBot,
    make_empty_window: MakeWindow,
    store: Store,
    sim: Simulator,
    make_item: ItemFactory,
) -> None:
    vault = MemoryVault()
    account_id = _connected_x(store, vault, sim, "tweet.read tweet.write users.read")
    ingest(store, account_id, [make_item(n) for n in range(1, 6)], cursor="c-5")
    sim.oauth.revoke(Provider.X)
    with store.write() as conn:  # what the sync engine does when the refresh is refused
        account_rows.mark_needs_reconnect(conn, account_id, REFUSAL)
    browser = HttpBrowser()
    window = make_empty_window(Language.INDONESIAN, vault=vault, sim=sim, browser=browser)
    window.show()
    _ready(qtbot, window)

    notice = window.account_notice
    assert notice.isVisible()
    assert notice.text.text() == "⚠ X · humaspolrescontoh perlu dihubungkan ulang"
    assert REFUSAL in notice.toolTip()  # the platform's reason
    assert notice.button.text() == "Hubungkan ulang"
    assert window.queue_stack.currentWidget() is window.queue_view  # its complaints stay
    title, words = window.tray.messages[-1]  # the tray says it once
    assert title == "X · humaspolrescontoh perlu dihubungkan ulang"
    assert REFUSAL in words

    notice.button.click()
    dialog = window.last_connect_dialog
    assert dialog is not None
    assert dialog.target is not None
    assert dialog.target.id == account_id
    assert "Masuklah sebagai humaspolrescontoh" in dialog.waiting_page.text.text()
    with qtbot.waitSignal(dialog.connected, timeout=20_000):
        pass
    after = stored_account(store, account_id)
    assert after.state is SyncState.IDLE  # syncs again at once
    assert after.cursor == "c-5"  # where it had read to
    assert [a.id for a in stored_accounts(store)] == [account_id]  # no second account
    with store.read() as conn:
        count = conn.execute(
            text("SELECT count(*) FROM complaint WHERE account_id = :a"), {"a": account_id}
        ).scalar_one()
    assert count == 5
    tokens = load_tokens(vault, account_id)
    assert tokens is not None
    assert tokens.access_token != "old-access-token"
    qtbot.waitUntil(lambda: not notice.isVisible(), timeout=10_000)


def test_the_accounts_dialog_names_the_account_and_connects_it_again(
    qtbot: QtBot, make_empty_window: MakeWindow, store: Store, sim: Simulator
) -> None:
    vault = MemoryVault()
    account_id = _connected_x(store, vault, sim, "tweet.read tweet.write")
    with store.write() as conn:
        account_rows.mark_needs_reconnect(conn, account_id, REFUSAL)
    window = make_empty_window(Language.INDONESIAN, vault=vault, sim=sim, browser=HttpBrowser())
    window.show()
    _ready(qtbot, window)
    window.open_accounts()
    (dialog,) = window.findChildren(AccountsDialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    assert dialog.reconnect_warning.isVisibleTo(dialog)
    assert "humaspolrescontoh" in dialog.reconnect_warning.text()
    assert dialog.reconnect_warning.text().startswith("⚠ Perlu dihubungkan ulang")
    state = dialog.model.index(0, dialog.model.STATE).data()
    assert state == "⚠ Perlu dihubungkan ulang: platform mengakhiri izin akun ini"
    assert dialog.selected() is not None  # the account to reconnect is chosen already
    with qtbot.waitSignal(window.account_watch.changed, timeout=20_000):
        dialog.reconnect_button.click()
        connect = window.last_connect_dialog
        assert connect is not None
        assert connect.target is not None
        assert connect.target.id == account_id
    qtbot.waitUntil(
        lambda: stored_account(store, account_id).state is SyncState.IDLE, timeout=20_000
    )


def test_a_missing_permission_is_named_above_the_reply_box(
    qtbot: QtBot,
    make_empty_window: MakeWindow,
    store: Store,
    sim: Simulator,
    make_item: ItemFactory,
) -> None:
    vault = MemoryVault()
    account_id = _connected_x(store, vault, sim, "tweet.read users.read offline.access")
    ingest(store, account_id, [make_item(1)], cursor=None)
    window = make_empty_window(Language.INDONESIAN, vault=vault, sim=sim)
    window.show()
    _ready(qtbot, window)
    qtbot.waitUntil(lambda: window.queue_model.rowCount() == 1)
    window.queue_view.select_complaint(window.queue_model.complaint_id(0))
    notice = window.pane.composer.scope_notice
    qtbot.waitUntil(lambda: notice.isVisibleTo(window), timeout=10_000)
    assert notice.text().splitlines() == [
        "Akun X ini tidak dapat membalas (tweet.write).",
        "Hubungkan ulang akun ini dan setujui semua izin yang diminta.",
    ]


def test_every_permission_granted_shows_no_notice(
    qtbot: QtBot,
    make_empty_window: MakeWindow,
    store: Store,
    sim: Simulator,
    make_item: ItemFactory,
) -> None:
    vault = MemoryVault()
    account_id = _connected_x(store, vault, sim, "tweet.read tweet.write users.read offline.access")
    ingest(store, account_id, [make_item(1)], cursor=None)
    window = make_empty_window(vault=vault, sim=sim)
    window.show()
    _ready(qtbot, window)
    qtbot.waitUntil(lambda: window.queue_model.rowCount() == 1)
    window.queue_view.select_complaint(window.queue_model.complaint_id(0))
    qtbot.waitUntil(lambda: window.pane.data is not None)
    qtbot.waitUntil(lambda: not window.context.tasks.busy)
    assert not window.pane.composer.scope_notice.isVisibleTo(window)


def test_a_sign_in_ending_soon_is_announced_days_ahead(
    qtbot: QtBot, make_empty_window: MakeWindow, store: Store, sim: Simulator
) -> None:
    vault = MemoryVault()
    account_id = add_account(store, Channel.TIKTOK, "humaspolrescontoh")
    with store.write() as conn:
        account_rows.mark_synced(conn, account_id, NOW, NOW + timedelta(minutes=5))
    save_tokens(
        vault,
        account_id,
        TokenSet(
            "access",
            NOW + timedelta(hours=2),
            "refresh",
            NOW + timedelta(days=3, hours=2),
            issued_at=NOW,
        ),
    )
    window = make_empty_window(Language.INDONESIAN, vault=vault, sim=sim)
    window.show()
    _ready(qtbot, window)
    notice = window.account_notice
    assert notice.isVisible()
    assert (
        notice.text.text() == "TikTok · humaspolrescontoh: izin masuk berakhir dalam 3 hari 2 jam"
    )
    assert notice.button.text() == "Hubungkan ulang"
    title, words = window.tray.messages[-1]
    assert title == notice.text.text()
    assert "Hubungkan ulang" in words


def test_accounts_that_are_fine_show_nothing(qtbot: QtBot, make_window: MakeWindow) -> None:
    """The sample desk: no notice in the status bar, the queue as before."""
    window = make_window()
    window.show()
    _ready(qtbot, window)
    assert not window.account_notice.isVisible()
    assert list(window.tray.messages) == []


def test_accounts_model_counts_needs_reconnect_apart(store: Store) -> None:
    account_id = add_account(store, Channel.X, "a")
    add_account(store, Channel.TELEGRAM, "b")
    with store.write() as conn:
        account_rows.mark_needs_reconnect(conn, account_id, REFUSAL)
    model = AccountsModel()
    model.set_accounts(Accounts(store, MemoryVault()).list())
    assert [a.id for a in model.needing_reconnect()] == [account_id]
    assert model.needing_token() == []


def test_the_accounts_dialog_leads_to_signing_in_first(
    qtbot: QtBot, make_empty_window: MakeWindow
) -> None:
    """Signing in is the usual way; the token form is the advanced one, for IT."""
    window = make_empty_window(Language.INDONESIAN)
    window.show()
    _ready(qtbot, window)
    window.open_accounts()
    (dialog,) = window.findChildren(AccountsDialog)
    assert dialog.connect_button.text() == "Hubungkan akun…"
    assert dialog.form.title() == "Lanjutan, untuk TI: tambah akun dengan token"
    dialog.connect_button.click()
    connect = window.last_connect_dialog
    assert connect is not None
    assert connect.isVisible()
    assert connect.pages.currentWidget() is connect.choose_page


def test_a_revoked_sign_in_found_by_a_sync_round_is_connected_again_without_loss(
    qtbot: QtBot, make_empty_window: MakeWindow, store: Store, sim: Simulator
) -> None:
    """All real: connect X in the window, sync its mentions, the officer revokes the app on
    the platform, the next round asks to reconnect, *Hubungkan ulang* connects it again."""
    vault = MemoryVault()
    browser = HttpBrowser()
    window = make_empty_window(Language.INDONESIAN, vault=vault, sim=sim, browser=browser)
    sync = SyncController(
        window.context.desk,
        vault,
        window.context.tasks,
        window.context.clock,
        window,
        every_ms=3_600_000,
    )
    window.attach_sync(sync)
    window.show()
    _ready(qtbot, window)
    window.commands.connect_account.trigger()
    dialog = window.last_connect_dialog
    assert dialog is not None
    with qtbot.waitSignal(sync.round_finished, timeout=30_000):  # connecting starts a round
        dialog.choose_page.buttons[Channel.X].click()
    dialog.accept()
    (account,) = stored_accounts(store)
    complaints = _complaint_count(store, account.id)
    assert complaints > 0  # the mentions came in with the new sign-in

    sim.oauth.revoke(Provider.X)
    with qtbot.waitSignal(sync.round_finished, timeout=30_000):
        sync.sync_now()
    assert stored_account(store, account.id).state is SyncState.NEEDS_RECONNECT
    notice = window.account_notice
    qtbot.waitUntil(notice.isVisible, timeout=10_000)
    assert notice.text.text() == "⚠ X · " + account.name + " perlu dihubungkan ulang"

    with qtbot.waitSignal(sync.round_finished, timeout=30_000):
        notice.button.click()
    after = stored_account(store, account.id)
    assert after.state is SyncState.OK
    assert [a.id for a in stored_accounts(store)] == [account.id]
    assert _complaint_count(store, account.id) >= complaints
    qtbot.waitUntil(lambda: not notice.isVisible(), timeout=10_000)
    sync.stop()


def _complaint_count(store: Store, account_id: int) -> int:
    with store.read() as conn:
        return int(
            conn.execute(
                text("SELECT count(*) FROM complaint WHERE account_id = :a"), {"a": account_id}
            ).scalar_one()
        )
