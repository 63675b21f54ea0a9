"""The unit's accounts: list, add (token straight to the keyring), new token, remove, test."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.desk import Accounts, Removal
from desktop.core.model import Account
from desktop.core.sync.states import SyncState
from desktop.ui.dialogs.account_form import AccountForm
from desktop.ui.dialogs.accounts_model import AccountsModel
from desktop.ui.dialogs.errors import describe_error
from desktop.ui.pane.lifetime import while_alive
from desktop.ui.pane.message_line import MessageLine
from desktop.ui.tasks import TaskRunner

TestConnection = Callable[[Account], "str | None"]  # error text, None when fine (network only)


class AccountsDialog(QDialog):
    accounts_changed = Signal()
    reconnect_requested = Signal(object)  # Account: sign in with its platform again
    connect_requested = Signal()  # sign in with a platform: the usual way to add an account

    def __init__(
        self,
        accounts: Accounts,
        tasks: TaskRunner,
        test_connection: TestConnection | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._accounts, self._tasks = accounts, tasks
        self._test_connection = test_connection
        self.confirm_remove: Callable[[Account], bool] = self._ask_before_removing
        self.message_line = MessageLine(self)
        self.token_warning = QLabel(self)
        self.token_warning.setWordWrap(True)
        self.token_warning.setStyleSheet("color: #c2410c; font-weight: 600;")
        self.reconnect_warning = QLabel(self)
        self.reconnect_warning.setWordWrap(True)
        self.reconnect_warning.setStyleSheet("color: #c2410c; font-weight: 600;")
        self.model = AccountsModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in (AccountsModel.STATE, AccountsModel.LAST_ERROR):  # long words: elided
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.new_token = QLineEdit(self)
        self.new_token.setEchoMode(QLineEdit.EchoMode.Password)
        self.save_token_button = QPushButton(self)
        self.test_button = QPushButton(self)
        self.test_button.setVisible(test_connection is not None)
        self.remove_button = QPushButton(self)
        self.reconnect_button = QPushButton(self)
        self.form = AccountForm(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        self.connect_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.connect_button.clicked.connect(self.connect_requested)
        selected_row = QHBoxLayout()
        selected_row.addWidget(self.new_token, 1)
        for button in (
            self.save_token_button,
            self.test_button,
            self.reconnect_button,
            self.remove_button,
        ):
            selected_row.addWidget(button)
        layout = QVBoxLayout(self)
        for widget in (self.message_line, self.reconnect_warning, self.token_warning, self.table):
            layout.addWidget(widget)
        layout.addLayout(selected_row)
        layout.addWidget(self.form)
        layout.addWidget(self.buttons)
        self.form.add_button.clicked.connect(self.add_account)
        self.save_token_button.clicked.connect(self.save_new_token)
        self.test_button.clicked.connect(self.test_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.reconnect_button.clicked.connect(self.reconnect_selected)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.resize(760, 620)
        self.retranslate()
        self.reload()

    # --- reading ---------------------------------------------------------------

    def reload(self) -> None:
        self._db(self._accounts.list, self._show_accounts, self._failed)

    def selected(self) -> Account | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.account(rows[0].row()) if rows else None

    def _show_accounts(self, found: list[Account]) -> None:
        self.model.set_accounts(found)
        needing = self.model.needing_token()
        names = ", ".join(a.name for a in needing)
        self.token_warning.setText(
            self.tr(
                "⚠ Needs a new token: {names}. Select the account, paste a new token "
                "and press “Save new token”."
            ).format(names=names)
        )
        self.token_warning.setVisible(bool(needing))
        reconnecting = self.model.needing_reconnect()
        self.reconnect_warning.setText(
            self.tr(
                "⚠ Must be connected again: {names}. The platform no longer renews their "
                "sign-in; connecting again keeps their complaints."
            ).format(names=", ".join(a.name for a in reconnecting))
        )
        self.reconnect_warning.setVisible(bool(reconnecting))
        first = self.model.row_of(reconnecting[0].id) if reconnecting else None
        if first is not None and self.selected() is None:
            self.table.selectRow(first)
        self._selection_changed()

    def _selection_changed(self) -> None:
        chosen = self.selected() is not None
        for widget in (
            self.new_token,
            self.save_token_button,
            self.test_button,
            self.remove_button,
            self.reconnect_button,
        ):
            widget.setEnabled(chosen)
        account = self.selected()
        self.reconnect_button.setEnabled(
            account is not None and account.state is not SyncState.DISABLED
        )

    # --- changing --------------------------------------------------------------

    def add_account(self) -> None:
        token = self.form.token.text()
        try:
            new = self.form.new_account()
        except ValueError as exc:
            self.message_line.show_message(self.tr("Parameters: {detail}").format(detail=exc))
            return
        if not new.name or not token.strip():
            self.message_line.show_message(self.tr("Enter the account's name and its token."))
            return
        self.form.add_button.setEnabled(False)

        def work() -> int:
            return self._accounts.add(
                new.channel, new.name, token, api_base=new.api_base, params=new.params
            )

        def done(_account_id: object) -> None:
            self.form.add_button.setEnabled(True)
            self.form.clear()  # the token leaves the widget once it is in the keyring
            self._changed(self.tr("Account {name} added.").format(name=new.name))

        def failed(error: BaseException) -> None:
            self.form.add_button.setEnabled(True)
            self._failed(error)

        self.message_line.dismiss()
        self._db(work, done, failed)

    def save_new_token(self) -> None:
        account, token = self.selected(), self.new_token.text()
        if account is None or not token.strip():
            self.message_line.show_message(self.tr("Paste the new token first."))
            return

        def done(_result: object) -> None:
            self.new_token.clear()
            self._changed(self.tr("New token saved for {name}.").format(name=account.name))

        self._db(lambda: self._accounts.set_token(account.id, token), done, self._failed)

    def remove_selected(self) -> None:
        account = self.selected()
        if account is None or not self.confirm_remove(account):
            return

        def done(removal: Removal) -> None:
            if removal is Removal.DELETED:
                text = self.tr("Account {name} removed; its token was deleted.")
            else:
                text = self.tr(
                    "Account {name} disabled and kept with its complaints; its token was deleted."
                )
            self._changed(text.format(name=account.name))

        self._db(lambda: self._accounts.remove(account.id), done, self._failed)

    def reconnect_selected(self) -> None:
        """Sign in with the selected account's platform again (the connect dialog)."""
        account = self.selected()
        if account is not None:
            self.reconnect_requested.emit(account)

    def test_selected(self) -> None:
        account, test = self.selected(), self._test_connection
        if account is None or test is None:
            return
        self.test_button.setEnabled(False)
        self.message_line.show_message(
            self.tr("Testing the connection of {name}…").format(name=account.name)
        )

        def done(problem: str | None) -> None:
            self.test_button.setEnabled(True)
            if problem:
                text = self.tr("{name}: {problem}").format(name=account.name, problem=problem)
            else:
                text = self.tr("{name}: the connection works.").format(name=account.name)
            self.message_line.show_message(text)
            self.reload()

        def failed(error: BaseException) -> None:
            self.test_button.setEnabled(True)
            self._failed(error)

        self._tasks.net(lambda: test(account), while_alive(self, done), while_alive(self, failed))

    def _db(
        self,
        work: Callable[[], Any],
        done: Callable[[Any], None],
        failed: Callable[[BaseException], None],
    ) -> None:
        self._tasks.db(work, while_alive(self, done), while_alive(self, failed))

    def _changed(self, message: str) -> None:
        self.message_line.show_message(message)
        self.accounts_changed.emit()
        self.reload()

    def _failed(self, error: BaseException) -> None:
        self.message_line.show_message(describe_error(error))

    def _ask_before_removing(self, account: Account) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Remove account"),
            self.tr(
                "Remove {name}? Its token is deleted from the keyring. Complaints already "
                "received stay in the desk."
            ).format(name=account.name),
        )
        return answer == QMessageBox.StandardButton.Yes

    # --- words -------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Accounts"))
        self.table.setAccessibleName(self.tr("The unit's accounts"))
        self.new_token.setPlaceholderText(self.tr("New token for the selected account"))
        self.new_token.setAccessibleName(self.tr("New token for the selected account (hidden)"))
        self.save_token_button.setText(self.tr("Save new token"))
        self.save_token_button.setAccessibleName(self.tr("Save the new token in the keyring"))
        self.test_button.setText(self.tr("Test connection"))
        self.test_button.setAccessibleName(self.tr("Test the selected account's connection"))
        self.connect_button.setText(self.tr("Connect an account…"))
        self.connect_button.setAccessibleName(self.tr("Connect an account by signing in"))
        self.reconnect_button.setText(self.tr("Connect again"))
        self.reconnect_button.setAccessibleName(
            self.tr("Sign in with the selected account's platform again")
        )
        self.remove_button.setText(self.tr("Remove"))
        self.remove_button.setAccessibleName(self.tr("Remove the selected account"))
        self.form.retranslate()
        self.message_line.retranslate()
