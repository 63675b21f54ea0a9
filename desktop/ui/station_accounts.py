"""Akun in station mode: the station's accounts, each with its state, the worker PC
that holds it and its last pull, and how IT connects an account on the worker PC.

The platforms' tokens live in the worker PC's keyring, never on an officer's desk,
so this dialog has no connect buttons: connecting happens on the worker PC."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.deadlines import UnitZone
from desktop.core.station.accounts import StationAccount, StationAccounts, station_accounts
from desktop.core.station.session import StationSession
from desktop.core.sync.states import SyncState
from desktop.i18n import channel_label, sync_state_text
from desktop.ui.dialogs.errors import describe_error
from desktop.ui.labels import unit_time_text
from desktop.ui.tasks import TaskRunner

CONNECT_COMMAND = "aduan-desk station connect PLATFORM --profile unit-profile.toml"
TOKEN_COMMAND = "aduan-desk station token ID --profile unit-profile.toml"
_NEEDS_IT = frozenset({SyncState.NEEDS_TOKEN, SyncState.NEEDS_RECONNECT})


def worker_host(holder: str) -> str:
    """The worker PC's name from a lease holder (``host:pid:start:nonce``)."""
    return holder.split(":", 1)[0]


class StationAccountsDialog(QDialog):
    ID, PLATFORM, NAME, STATE, WORKER, LAST_PULL = range(6)

    def __init__(
        self,
        session: StationSession,
        tasks: TaskRunner,
        zone: Callable[[], UnitZone],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("stationAccountsDialog")
        self.session = session
        self.tasks = tasks
        self.zone = zone
        self.listed: StationAccounts | None = None
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.out = QLabel(self)
        self.out.setWordWrap(True)
        self.out.setVisible(False)
        self.table = QTableWidget(0, 6, self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.STATE, QHeaderView.ResizeMode.Stretch)
        self.how = QLabel(self)
        self.how.setWordWrap(True)
        self.commands = QPlainTextEdit(self)
        self.commands.setReadOnly(True)
        self.commands.setPlainText(f"{CONNECT_COMMAND}\n{TOKEN_COMMAND}")
        self.commands.setMaximumHeight(self.fontMetrics().lineSpacing() * 3 + 16)
        self.error = QLabel(self)
        self.error.setObjectName("errorLine")
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        self.refresh_button = QPushButton(self)
        self.refresh_button.clicked.connect(self.reload)
        self.close_button = QPushButton(self)
        self.close_button.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addWidget(self.refresh_button)
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        for widget in (self.intro, self.out, self.table, self.how, self.commands, self.error):
            layout.addWidget(widget)
        layout.addLayout(bottom)
        self.resize(900, 520)
        self.retranslate()

    def reload(self) -> None:
        """Read the accounts and their leases again (on the database lane)."""
        replica = self.session.replica.store
        station = self.session.station if self.session.up else None  # a black hole: no wait
        self.tasks.db(lambda: station_accounts(station, replica), self.show_accounts, self._failed)

    def show_accounts(self, listed: StationAccounts) -> None:
        self.listed = listed
        self.error.setVisible(False)
        self.out.setVisible(not listed.from_station)
        self.table.setRowCount(len(listed.accounts))
        for row, item in enumerate(listed.accounts):
            for column, text in enumerate(self._cells(item)):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                self.table.setItem(row, column, cell)
        self.table.resizeRowsToContents()

    def _cells(self, item: StationAccount) -> tuple[str, ...]:
        account = item.account
        state = sync_state_text(account.state)
        if account.state in _NEEDS_IT:
            state = self.tr("{state} — IT connects it again on the worker PC").format(state=state)
        if self.listed is not None and not self.listed.from_station:
            worker = self.tr("unknown (station out)")
        elif item.worker is None:
            worker = self.tr("no worker yet")
        elif item.live:
            worker = worker_host(item.worker)
        else:
            worker = self.tr("{host} (lease lapsed)").format(host=worker_host(item.worker))
        return (
            str(account.id),
            channel_label(account.channel),
            account.name,
            state,
            worker,
            self._time(account.last_sync_at),
        )

    def _time(self, value: datetime | None) -> str:
        if value is None:
            return self.tr("never")
        return unit_time_text(value, self.zone(), with_date=True)

    def _failed(self, error: BaseException) -> None:
        self.error.setText(describe_error(error))
        self.error.setVisible(True)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Station accounts"))
        self.intro.setText(
            self.tr(
                "This desk works in station mode: the station's worker PC talks to the "
                "platforms for the whole team, and the accounts' tokens are kept in that "
                "PC's keyring, not on this desk. So accounts are connected on the worker PC, "
                "not here."
            )
        )
        self.out.setText(
            self.tr("The station cannot be reached: the list is this desk's last copy.")
        )
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("ID"),
                self.tr("Platform"),
                self.tr("Account"),
                self.tr("State"),
                self.tr("Worker PC"),
                self.tr("Last pull"),
            ]
        )
        self.table.setAccessibleName(self.tr("The station's accounts"))
        self.how.setText(
            self.tr(
                "How IT connects an account: on the worker PC, signed in as the user the "
                "worker service runs as, run the first command (it signs in with the "
                "platform, or asks for a Telegram bot's token, and keeps the token in that PC's "
                "keyring). To replace the token of an account in this list, use the second "
                "command with its ID. The worker picks the account up on its next round."
            )
        )
        self.commands.setAccessibleName(self.tr("Commands for the worker PC"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.close_button.setText(self.tr("Close"))
        if self.listed is not None:
            self.show_accounts(self.listed)
