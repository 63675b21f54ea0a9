"""The status bar's word about an account that must be connected again, now or soon.

Hidden while every account is fine. An account whose renewal the platform
refused comes first (*perlu dihubungkan ulang*, the platform's reason in the
tooltip), then a sign-in that ends within days; *Hubungkan ulang* runs the
connect flow again for that account, which keeps its complaints.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from desktop.core.model import Account
from desktop.i18n import platform_words
from desktop.ui import labels
from desktop.ui.account_watch import AccountNotices, Ending

_WARNING = "#c2410c"


def account_title(account: Account) -> str:
    return f"{labels.channel_label(account.channel)} · {account.name}"


def reconnect_text(account: Account) -> str:
    return QCoreApplication.translate("AccountNotice", "%1 must be connected again").replace(
        "%1", account_title(account)
    )


def reconnect_reason(account: Account) -> str:
    """Why, in the catalogue's words, then the platform's own (it gave them on refusing)."""
    text = QCoreApplication.translate(
        "AccountNotice",
        "The platform no longer renews this account's sign-in (revoked, expired or the "
        "password changed). Connect it again: its complaints, replies and notes stay.",
    )
    return f"{text}\n{platform_words(account.last_error)}" if account.last_error else text


def ending_text(ending: Ending, now: datetime) -> str:
    left = ending.ends_at - now
    text = QCoreApplication.translate("AccountNotice", "%1: the sign-in ends in %2")
    return text.replace("%1", account_title(ending.account)).replace(
        "%2", labels.duration_text(max(left, timedelta(0)))
    )


class AccountNoticeBar(QWidget):
    reconnect_requested = Signal(object)  # Account

    def __init__(self, clock: Callable[[], datetime], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self.notices = AccountNotices()
        self.account: Account | None = None
        self.text = QLabel(self)
        self.text.setObjectName("accountNoticeText")
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setStyleSheet(f"color: {_WARNING}; font-weight: 600;")
        self.button = QPushButton(self)
        self.button.setObjectName("accountNoticeButton")
        self.button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.button.clicked.connect(self._reconnect)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 8, 0)
        layout.setSpacing(6)
        layout.addWidget(self.text)
        layout.addWidget(self.button)
        self.retranslate()
        self.hide()

    def show_notices(self, notices: AccountNotices) -> None:
        self.notices = notices
        self._render()

    def _render(self) -> None:
        notices = self.notices
        now = self._clock()
        if notices.reconnect:
            self.account = notices.reconnect[0]
            text = "⚠ " + reconnect_text(self.account)
            tip = "\n\n".join(
                f"{account_title(a)}\n{reconnect_reason(a)}" for a in notices.reconnect
            )
            more = len(notices.reconnect) - 1
        elif notices.ending:
            self.account = notices.ending[0].account
            text = ending_text(notices.ending[0], now)
            tip = "\n".join(ending_text(e, now) for e in notices.ending)
            more = len(notices.ending) - 1
        else:
            self.account = None
            self.hide()
            return
        if more > 0:
            text += " " + self.tr("(and %1 more)").replace("%1", str(more))
        self.text.setText(text)
        self.setToolTip(tip)
        self.setAccessibleName(text)
        self.setAccessibleDescription(tip)
        self.show()

    def _reconnect(self) -> None:
        if self.account is not None:
            self.reconnect_requested.emit(self.account)

    def retranslate(self) -> None:
        self.button.setText(self.tr("Connect again"))
        self.button.setAccessibleName(self.tr("Connect the account again"))
        self._render()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
