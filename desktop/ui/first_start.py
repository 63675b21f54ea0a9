"""The guided first start: with no connected account, the queue area says what to do next.

An empty desk without a single connected account is not "nothing matches the
filter": it is a desk that has not been set up. This panel takes the queue's
place until an account is connected — the accounts the unit profile listed,
each with its *Hubungkan* button, and a general *Hubungkan akun…* for any
other platform.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.core.model import Account
from desktop.core.sync.states import SyncState
from desktop.ui import icons, labels

PANEL_WIDTH = 520
ICON_SIZE = 20


def ever_connected(account: Account) -> bool:
    """Whether ``account`` has reached its platform once: a profile's account waits with no
    token (idle, then *needs a token*) and no good sync until it is connected."""
    return account.last_sync_at is not None or account.state not in (
        SyncState.IDLE,
        SyncState.NEEDS_TOKEN,
    )


def first_start_accounts(
    accounts: Sequence[Account], has_token: Callable[[Account], bool]
) -> list[Account] | None:
    """The accounts waiting to be connected on a desk where none is, else None.

    ``has_token`` asks the keyring (run it on the database lane, never the GUI thread):
    an account connected a moment ago has a token but has not synced yet."""
    active = [a for a in accounts if a.state is not SyncState.DISABLED]
    if any(ever_connected(a) for a in active) or any(has_token(a) for a in active):
        return None
    return sorted(active, key=lambda a: (labels.channel_label(a.channel), a.name))


class _AccountRow(QFrame):
    """One account the profile listed: its platform and name, and its *Hubungkan* button."""

    def __init__(self, account: Account, parent: QWidget) -> None:
        super().__init__(parent)
        self.account = account
        self.setObjectName("firstStartAccount")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        icon = QLabel(self)
        icon.setPixmap(icons.channel_pixmap(account.channel, ICON_SIZE, self.devicePixelRatioF()))
        self.name = QLabel(f"{labels.channel_label(account.channel)} · {account.name}", self)
        self.name.setTextFormat(Qt.TextFormat.PlainText)
        self.button = QPushButton(self)
        self.button.setObjectName("firstStartConnect")
        self.button.setCursor(Qt.CursorShape.PointingHandCursor)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 6, 6, 6)
        row.setSpacing(10)
        row.addWidget(icon)
        row.addWidget(self.name, 1)
        row.addWidget(self.button)
        self.retranslate()

    def retranslate(self) -> None:
        self.name.setText(f"{labels.channel_label(self.account.channel)} · {self.account.name}")
        self.button.setText(self.tr("Connect"))
        self.button.setAccessibleName(self.tr("Connect %1").replace("%1", self.name.text()))


class FirstStartPanel(QScrollArea):
    """What to do next on a desk with no connected account."""

    connect_requested = Signal(object)  # Account (one the profile listed) | None (any platform)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstStart")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.rows: list[_AccountRow] = []
        body = QWidget(self)
        body.setObjectName("firstStartBody")
        self.title = QLabel(body)
        self.title.setObjectName("firstStartTitle")
        self.title.setWordWrap(True)
        self.explanation = QLabel(body)
        self.explanation.setWordWrap(True)
        self.listed = QLabel(body)
        self.listed.setObjectName("firstStartListed")
        self.listed.setWordWrap(True)
        self._accounts_box = QVBoxLayout()
        self._accounts_box.setSpacing(6)
        self.connect_any = QPushButton(body)
        self.connect_any.setObjectName("firstStartConnectAny")
        self.connect_any.setCursor(Qt.CursorShape.PointingHandCursor)
        self.connect_any.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.connect_any.clicked.connect(lambda: self.connect_requested.emit(None))
        self.advanced = QLabel(body)
        self.advanced.setObjectName("firstStartAdvanced")
        self.advanced.setWordWrap(True)
        column = QVBoxLayout()
        column.setSpacing(12)
        column.addWidget(self.title)
        column.addWidget(self.explanation)
        column.addSpacing(4)
        column.addWidget(self.listed)
        column.addLayout(self._accounts_box)
        column.addSpacing(4)
        column.addWidget(self.connect_any)
        column.addWidget(self.advanced)
        holder = QWidget(body)
        holder.setLayout(column)
        holder.setMaximumWidth(PANEL_WIDTH)
        holder.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(holder, 4)
        centred.addStretch(1)
        outer = QVBoxLayout(body)
        outer.setContentsMargins(32, 56, 32, 32)
        outer.addLayout(centred)
        outer.addStretch(1)
        self.setWidget(body)
        self.listed.hide()
        self.retranslate()

    def show_accounts(self, waiting: Sequence[Account]) -> None:
        """The accounts that wait to be connected (those the unit profile listed)."""
        if [r.account for r in self.rows] == list(waiting):
            return
        for row in self.rows:
            self._accounts_box.removeWidget(row)
            row.deleteLater()
        self.rows = []
        for account in waiting:
            row = _AccountRow(account, self)
            row.button.clicked.connect(
                lambda _checked=False, chosen=account: self.connect_requested.emit(chosen)
            )
            self._accounts_box.addWidget(row)
            self.rows.append(row)
        self.listed.setVisible(bool(self.rows))
        self._word_general_button()

    def _word_general_button(self) -> None:
        if self.rows:
            self.connect_any.setText(self.tr("Connect another account…"))
        else:
            self.connect_any.setText(self.tr("Connect an account…"))
        self.connect_any.setAccessibleName(self.connect_any.text())

    def retranslate(self) -> None:
        self.title.setText(self.tr("Connect the unit's accounts"))
        self.explanation.setText(
            self.tr(
                "No account is connected yet. Complaints arrive here once the unit's "
                "social-media accounts are connected: you sign in with the platform in "
                "your browser, and Aduan Desk keeps the connection."
            )
        )
        self.listed.setText(self.tr("The unit profile lists these accounts:"))
        self.advanced.setText(
            self.tr("IT staff can also enter a token by hand under Accounts → Accounts…")
        )
        for row in self.rows:
            row.retranslate()
        self._word_general_button()
        self.setAccessibleName(self.title.text())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
