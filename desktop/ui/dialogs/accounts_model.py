"""The unit's accounts as a table: platform, name, API address, state, last error."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from desktop.core.model import Account
from desktop.core.sync.states import SyncState
from desktop.i18n import channel_label, platform_words, sync_state_text

AnyIndex = QModelIndex | QPersistentModelIndex
NEEDS_TOKEN = SyncState.NEEDS_TOKEN
NEEDS_RECONNECT = SyncState.NEEDS_RECONNECT
_NEEDS_ACTION = frozenset({NEEDS_TOKEN, NEEDS_RECONNECT})
_NEEDS_TOKEN_COLOR = QColor("#c2410c")


def _headers() -> tuple[str, ...]:
    return (
        QCoreApplication.translate("AccountsModel", "Platform"),
        QCoreApplication.translate("AccountsModel", "Name"),
        QCoreApplication.translate("AccountsModel", "API address"),
        QCoreApplication.translate("AccountsModel", "State"),
        QCoreApplication.translate("AccountsModel", "Last error"),
    )


class AccountsModel(QAbstractTableModel):
    PLATFORM, NAME, API_BASE, STATE, LAST_ERROR = range(5)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._accounts: list[Account] = []

    def set_accounts(self, accounts: Sequence[Account]) -> None:
        self.beginResetModel()
        self._accounts = list(accounts)
        self.endResetModel()

    def account(self, row: int) -> Account:
        return self._accounts[row]

    def row_of(self, account_id: int) -> int | None:
        return next((row for row, a in enumerate(self._accounts) if a.id == account_id), None)

    def needing_token(self) -> list[Account]:
        return [a for a in self._accounts if a.state == NEEDS_TOKEN]

    def needing_reconnect(self) -> list[Account]:
        return [a for a in self._accounts if a.state == NEEDS_RECONNECT]

    def rowCount(self, parent: AnyIndex | None = None) -> int:  # noqa: N802 - Qt override
        return 0 if parent is not None and parent.isValid() else len(self._accounts)

    def columnCount(self, parent: AnyIndex | None = None) -> int:  # noqa: N802 - Qt override
        return 0 if parent is not None and parent.isValid() else len(_headers())

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            headers = _headers()
            return headers[section] if 0 <= section < len(headers) else None
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._accounts):
            return None
        account = self._accounts[index.row()]
        column = index.column()
        needs_token = account.state in _NEEDS_ACTION
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(account, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            words = sync_state_text(account.state)
            if not account.last_error:
                return words
            return f"{words}\n{platform_words(account.last_error)}"
        if role == Qt.ItemDataRole.ForegroundRole and needs_token and column == self.STATE:
            return _NEEDS_TOKEN_COLOR
        if role == Qt.ItemDataRole.FontRole and needs_token and column == self.STATE:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _text(self, account: Account, column: int) -> str:
        if column == self.PLATFORM:
            return channel_label(account.channel)
        if column == self.NAME:
            return account.name
        if column == self.API_BASE:
            return account.api_base or QCoreApplication.translate("AccountsModel", "(default)")
        if column == self.STATE:
            words = sync_state_text(account.state)
            return f"⚠ {words}" if account.state in _NEEDS_ACTION else words
        if column == self.LAST_ERROR:
            return account.last_error or ""
        return ""
