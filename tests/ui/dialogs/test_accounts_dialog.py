"""Accounts: the token goes to the vault only; needs-a-new-token is plain; remove; test."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import inspect, select, text, update

from desktop.core.credentials import MemoryVault, token_name
from desktop.core.desk import Accounts
from desktop.core.model import Account, Channel
from desktop.core.store.database import Store
from desktop.core.store.ingest import ingest
from desktop.core.store.schema import AccountRow
from desktop.core.sync.states import SyncState
from desktop.ui.dialogs.accounts_dialog import AccountsDialog
from desktop.ui.tasks import TaskRunner
from tests.support import ItemFactory, stored_accounts

TOKEN = "EAAG-very-secret-token-1234567890"


def _dialog(
    qtbot: QtBot, store: Store, tasks: TaskRunner, vault: MemoryVault, **kw: object
) -> AccountsDialog:
    dialog = AccountsDialog(Accounts(store, vault), tasks, **kw)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not tasks.busy)
    return dialog


def _every_stored_text(store: Store) -> str:
    with store.read() as conn:
        tables = inspect(conn).get_table_names()
        rows = [conn.execute(text(f'SELECT * FROM "{table}"')).all() for table in tables]
    return repr(rows)


def test_adding_puts_the_token_in_the_vault_only(
    qtbot: QtBot, store: Store, tasks: TaskRunner
) -> None:
    vault = MemoryVault()
    dialog = _dialog(qtbot, store, tasks, vault)
    form = dialog.form
    form.platform.setCurrentIndex(form.platform.findData(Channel.FACEBOOK.value))
    form.name.setText("Humas Polres Contoh")
    form.api_base.setText("http://127.0.0.1:8765")
    form.params.setPlainText("page_id=1234\n# komentar\nrecent_posts = 10")
    form.token.setText(TOKEN)
    with qtbot.waitSignal(dialog.accounts_changed):
        form.add_button.click()
    (account,) = stored_accounts(store)
    assert (account.channel, account.name, account.api_base) == (
        Channel.FACEBOOK,
        "Humas Polres Contoh",
        "http://127.0.0.1:8765",
    )
    assert account.params == {"page_id": "1234", "recent_posts": "10"}
    assert vault.get(token_name(account.id)) == TOKEN
    assert TOKEN not in _every_stored_text(store)
    assert TOKEN.encode() not in store.path.read_bytes()
    assert form.token.text() == ""  # cleared from the widget once saved
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)


def test_missing_token_is_refused_inline(qtbot: QtBot, store: Store, tasks: TaskRunner) -> None:
    dialog = _dialog(qtbot, store, tasks, MemoryVault())
    dialog.form.name.setText("humas")
    dialog.form.add_button.click()
    assert "token" in dialog.message_line.message()
    assert stored_accounts(store) == []


def test_needs_a_new_token_is_shown_and_a_new_one_can_be_saved(
    qtbot: QtBot, store: Store, tasks: TaskRunner
) -> None:
    vault = MemoryVault()
    account_id = Accounts(store, vault).add(
        Channel.X, "humas_x", "old-token", params={"user_id": "42"}
    )
    with store.write() as conn:
        conn.execute(
            update(AccountRow)
            .where(AccountRow.id == account_id)
            .values(sync_state="needs_token", last_error="401 Unauthorized")
        )
    dialog = _dialog(qtbot, store, tasks, vault)
    assert not dialog.token_warning.isHidden()
    assert "humas_x" in dialog.token_warning.text()
    state = dialog.model.index(0, dialog.model.STATE).data()
    assert state == "⚠ Token expired or revoked; enter a new token"  # as the CLI and the chips say
    tooltip = dialog.model.index(0, dialog.model.STATE).data(Qt.ItemDataRole.ToolTipRole)
    assert "The platform said: 401 Unauthorized" in tooltip
    dialog.table.selectRow(0)
    dialog.new_token.setText("fresh-token")
    with qtbot.waitSignal(dialog.accounts_changed):
        dialog.save_token_button.click()
    assert vault.get(token_name(account_id)) == "fresh-token"
    assert dialog.new_token.text() == ""
    qtbot.waitUntil(lambda: dialog.token_warning.isHidden())


def test_remove_deletes_the_token(qtbot: QtBot, store: Store, tasks: TaskRunner) -> None:
    vault = MemoryVault()
    account_id = Accounts(store, vault).add(Channel.TELEGRAM, "bot_humas", "123:abc")
    dialog = _dialog(qtbot, store, tasks, vault)
    dialog.confirm_remove = lambda account: account.id == account_id
    dialog.table.selectRow(0)
    with qtbot.waitSignal(dialog.accounts_changed):
        dialog.remove_button.click()
    assert vault.get(token_name(account_id)) is None
    with store.read() as conn:
        assert conn.execute(select(AccountRow.id)).all() == []


def test_connection_test_runs_on_the_network_lane(
    qtbot: QtBot, store: Store, tasks: TaskRunner
) -> None:
    vault = MemoryVault()
    account_id = Accounts(store, vault).add(Channel.X, "humas_x", "tok", params={"user_id": "42"})
    asked: list[int] = []

    def test_connection(which: Account) -> str | None:
        asked.append(which.id)
        return "HTTP 401: token expired"

    dialog = _dialog(qtbot, store, tasks, vault, test_connection=test_connection)
    assert not dialog.test_button.isHidden()
    dialog.table.selectRow(0)
    dialog.test_button.click()
    qtbot.waitUntil(lambda: "token expired" in dialog.message_line.message())
    assert asked == [account_id]


def test_no_connection_test_hides_the_button(qtbot: QtBot, store: Store, tasks: TaskRunner) -> None:
    dialog = _dialog(qtbot, store, tasks, MemoryVault())
    assert dialog.test_button.isHidden()


def test_accounts_model_passes_the_model_tester(
    qtbot: QtBot, store: Store, tasks: TaskRunner, qtmodeltester: ModelTester
) -> None:
    vault = MemoryVault()
    Accounts(store, vault).add(Channel.X, "humas_x", "tok", params={"user_id": "42"})
    Accounts(store, vault).add(Channel.YOUTUBE, "humas_yt", "tok2", params={"channel_id": "UC1"})
    dialog = _dialog(qtbot, store, tasks, vault)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2)
    qtmodeltester.check(dialog.model)


def test_settings_the_adapter_cannot_use_are_refused_and_nothing_is_stored(
    qtbot: QtBot, store: Store, tasks: TaskRunner
) -> None:
    """The same checks as ``account add`` on the command line: one way, in the desk."""
    vault = MemoryVault()
    dialog = _dialog(qtbot, store, tasks, vault)
    form = dialog.form
    form.platform.setCurrentIndex(form.platform.findData(Channel.INSTAGRAM.value))
    form.name.setText("humaspolres")
    form.params.setPlainText("")  # no ig_user_id
    form.token.setText(TOKEN)
    form.add_button.click()
    qtbot.waitUntil(lambda: "ig_user_id" in dialog.message_line.message())
    form.platform.setCurrentIndex(form.platform.findData(Channel.X.value))
    form.api_base.setText("http://api.example.org")  # plain http off this computer
    form.params.setPlainText("user_id=42")
    form.token.setText(TOKEN)
    form.add_button.click()
    qtbot.waitUntil(lambda: "https://" in dialog.message_line.message())
    qtbot.waitUntil(lambda: not tasks.busy)
    assert stored_accounts(store, include_disabled=True) == []
    assert TOKEN not in repr(vault._entries)


def test_removing_an_account_with_complaints_says_it_was_kept(
    qtbot: QtBot, store: Store, tasks: TaskRunner, make_item: ItemFactory
) -> None:
    vault = MemoryVault()
    account_id = Accounts(store, vault).add(Channel.TELEGRAM, "bot_humas", "123:abc")
    ingest(store, account_id, [make_item(1)], cursor=None)
    dialog = _dialog(qtbot, store, tasks, vault)
    dialog.confirm_remove = lambda account: True
    dialog.table.selectRow(0)
    with qtbot.waitSignal(dialog.accounts_changed):
        dialog.remove_button.click()
    assert "kept" in dialog.message_line.message()
    assert vault.get(token_name(account_id)) is None
    (kept,) = stored_accounts(store, include_disabled=True)
    assert kept.state is SyncState.DISABLED
