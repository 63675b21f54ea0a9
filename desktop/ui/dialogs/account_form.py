"""The form that registers an account: platform, name, API address, params, token.

The token field is masked; its text goes to the keyring and nowhere else,
and is cleared from the field once saved.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from desktop.core.model import Channel
from desktop.core.platforms.factory import DEFAULT_API_BASE
from desktop.ui.labels import channel_label

# What each platform needs in its params (see desktop.core.platforms.factory).
PARAM_HINTS = {
    Channel.INSTAGRAM: "ig_user_id=…\npage_id=…\nusername=…",
    Channel.FACEBOOK: "page_id=…",
    Channel.X: "user_id=…",
    Channel.YOUTUBE: "channel_id=…",
    Channel.TELEGRAM: "long_poll=0",
    Channel.TIKTOK: "business_id=…",
}


@dataclass(frozen=True, slots=True)
class NewAccount:
    channel: Channel
    name: str
    api_base: str | None
    params: dict[str, str] = field(default_factory=dict)


def parse_params(text: str) -> dict[str, str]:
    """``key=value`` per line; blank lines and ``#`` comments are skipped."""
    params: dict[str, str] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        key, equals, value = line.partition("=")
        if not equals or not key.strip():
            raise ValueError(f"line {number}: {line!r} is not key=value")
        params[key.strip()] = value.strip()
    return params


class AccountForm(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.platform = QComboBox(self)
        for channel in DEFAULT_API_BASE:
            self.platform.addItem(channel_label(channel), channel.value)
        self.name = QLineEdit(self)
        self.api_base = QLineEdit(self)
        self.params = QPlainTextEdit(self)
        self.params.setTabChangesFocus(True)
        self.params.setMaximumHeight(70)
        self.token = QLineEdit(self)
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.add_button = QPushButton(self)
        form = QFormLayout(self)
        self._rows = (self.platform, self.name, self.api_base, self.params, self.token)
        self._labels = [QLabel(self) for _ in self._rows]
        for label, widget in zip(self._labels, self._rows, strict=True):
            label.setBuddy(widget)
            form.addRow(label, widget)
        form.addRow("", self.add_button)
        self.platform.currentIndexChanged.connect(self._platform_changed)
        self.retranslate()

    def channel(self) -> Channel:
        return Channel(str(self.platform.currentData()))

    def new_account(self) -> NewAccount:
        """What was entered (without the token); raises ValueError on bad params."""
        api_base = self.api_base.text().strip() or None
        return NewAccount(
            self.channel(),
            self.name.text().strip(),
            api_base,
            parse_params(self.params.toPlainText()),
        )

    def clear(self) -> None:
        self.token.clear()
        self.name.clear()
        self.api_base.clear()
        self.params.clear()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Advanced, for IT: add an account with a token"))
        labels = (
            self.tr("&Platform:"),
            self.tr("&Name:"),
            self.tr("&API address:"),
            self.tr("P&arameters:"),
            self.tr("&Token:"),
        )
        names = (
            self.tr("Platform"),
            self.tr("Account name"),
            self.tr("API address (optional)"),
            self.tr("Parameters, one key=value per line"),
            self.tr("Access token (hidden; kept only in the system keyring)"),
        )
        for widget, label, text, name in zip(self._rows, self._labels, labels, names, strict=True):
            label.setText(text)
            widget.setAccessibleName(name)
        self.name.setPlaceholderText(self.tr("e.g. humaspolrescontoh"))
        self.token.setPlaceholderText(self.tr("Paste the token; it is stored in the keyring"))
        self.add_button.setText(self.tr("Add account"))
        self.add_button.setAccessibleName(self.tr("Add the account and store its token"))
        self._platform_changed()

    def _platform_changed(self) -> None:
        channel = self.channel()
        self.api_base.setPlaceholderText(
            self.tr("default: {address}").format(address=DEFAULT_API_BASE[channel])
        )
        self.params.setPlaceholderText(PARAM_HINTS.get(channel, ""))
