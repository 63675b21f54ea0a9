"""The connect dialog's pages: choose a platform, wait for the browser, pick a Page,
paste a bot token, done. Layout and words only; the dialog runs the flow."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.connect.meta import PageChoice
from desktop.core.model import Channel
from desktop.ui import icons, labels
from desktop.ui.dialogs.connector import Connected

# The platforms in the order offered; Facebook stands for Meta's one sign-in for both.
CHOICES = (Channel.FACEBOOK, Channel.X, Channel.YOUTUBE, Channel.TIKTOK, Channel.TELEGRAM)
META = frozenset({Channel.FACEBOOK, Channel.INSTAGRAM})
META_NAME = "Facebook / Instagram"  # proper names, untranslated


def platform_name(channel: Channel) -> str:
    return META_NAME if channel in META else labels.channel_label(channel)


def _wrapped(parent: QWidget, name: str = "") -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    return label


class ChoosePage(QWidget):
    chosen = Signal(object)  # Channel
    advanced = Signal()  # the manual token form, for IT

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.intro = _wrapped(self, "connectIntro")
        grid = QGridLayout()
        grid.setSpacing(8)
        self.buttons: dict[Channel, QPushButton] = {}
        for index, channel in enumerate(CHOICES):
            button = QPushButton(self)
            button.setIcon(icons.channel_icon(channel))
            button.setMinimumHeight(40)
            button.clicked.connect(lambda _c=False, picked=channel: self.chosen.emit(picked))
            grid.addWidget(button, index // 2, index % 2)
            self.buttons[channel] = button
        self.advanced_button = QPushButton(self)
        self.advanced_button.setFlat(True)
        self.advanced_button.clicked.connect(self.advanced)
        column = QVBoxLayout(self)
        column.addWidget(self.intro)
        column.addLayout(grid)
        column.addStretch(1)
        column.addWidget(self.advanced_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.retranslate()

    def offer(self, wanted: Channel | None) -> None:
        """Connecting a given account again: only its own platform can be chosen."""
        for channel, button in self.buttons.items():
            same_sign_in = channel in META and wanted in META
            button.setEnabled(wanted is None or channel is wanted or same_sign_in)

    def retranslate(self) -> None:
        self.intro.setText(
            self.tr(
                "Choose the platform. You sign in with the unit's account in your browser "
                "and approve Aduan Desk; the account's ids are found by themselves."
            )
        )
        for channel, button in self.buttons.items():
            button.setText(platform_name(channel))
            button.setAccessibleName(self.tr("Connect %1").replace("%1", button.text()))
        self.advanced_button.setText(self.tr("Advanced: enter a token by hand (for IT)…"))


class WaitingPage(QWidget):
    """While the officer approves in the browser: a busy bar, the time left, Cancel."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = _wrapped(self, "connectWaitingTitle")
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)  # busy: no steps to count
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(6)
        self.text = _wrapped(self)
        self.time_left = QLabel(self)
        self.reopen_button = QPushButton(self)
        self.reopen_button.setFlat(True)
        self.cancel_button = QPushButton(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reopen_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        column = QVBoxLayout(self)
        for widget in (self.title, self.bar, self.text, self.time_left):
            column.addWidget(widget)
        column.addStretch(1)
        column.addLayout(buttons)
        self.retranslate()

    def show_time_left(self, seconds: int) -> None:
        self.time_left.setText(
            self.tr("The sign-in is given up in %1:%2.")
            .replace("%1", str(seconds // 60))
            .replace("%2", f"{seconds % 60:02d}")
        )

    def retranslate(self) -> None:
        self.title.setText(self.tr("Waiting for your approval in the browser…"))
        self.reopen_button.setText(self.tr("Open the browser again"))
        self.cancel_button.setText(self.tr("Cancel"))


class PageListPage(QWidget):
    """After Facebook Login: the Pages the officer manages, with their Instagram account."""

    picked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.first_connect = True  # False: connecting one account again, nothing more
        self.intro = _wrapped(self)
        self.list = QListWidget(self)
        self.with_instagram = QCheckBox(self)
        self.with_instagram.setChecked(True)
        self.connect_button = QPushButton(self)
        self.connect_button.setEnabled(False)
        self.connect_button.clicked.connect(self.picked)
        self.list.itemDoubleClicked.connect(lambda _item: self.picked.emit())
        self.list.currentRowChanged.connect(self._current_changed)
        column = QVBoxLayout(self)
        column.addWidget(self.intro)
        column.addWidget(self.list, 1)
        column.addWidget(self.with_instagram)
        column.addWidget(self.connect_button, 0, Qt.AlignmentFlag.AlignRight)
        self.retranslate()

    def show_choices(
        self, choices: Sequence[PageChoice], *, wanted: str | None, first_connect: bool
    ) -> None:
        """``wanted``: the Page id of the account being connected again (chosen already)."""
        self.first_connect = first_connect
        self.list.clear()
        for choice in choices:
            item = QListWidgetItem(icons.channel_icon(Channel.FACEBOOK), page_text(choice))
            item.setData(Qt.ItemDataRole.UserRole, choice)
            self.list.addItem(item)
        rows = [r for r, c in enumerate(choices) if wanted is not None and c.page_id == wanted]
        self.list.setCurrentRow(rows[0] if rows else 0)
        self.list.setFocus()

    def chosen(self) -> PageChoice | None:
        item = self.list.currentItem()
        chosen = None if item is None else item.data(Qt.ItemDataRole.UserRole)
        return chosen if isinstance(chosen, PageChoice) else None

    def channels(self, channel: Channel) -> list[Channel]:
        """What the chosen Page connects: its own channel, and its Instagram if asked."""
        page = self.chosen()
        linked = page is not None and page.instagram_id and self.first_connect
        if linked and channel is Channel.FACEBOOK and self.with_instagram.isChecked():
            return [channel, Channel.INSTAGRAM]
        return [channel]

    def _current_changed(self, row: int) -> None:
        self.connect_button.setEnabled(row >= 0)
        page = self.chosen()
        linked = page is not None and page.instagram_id is not None and self.first_connect
        self.with_instagram.setVisible(linked)
        if page is not None and linked:
            self.with_instagram.setText(
                self.tr("Also connect its Instagram account @%1").replace(
                    "%1", page.instagram_username or page.instagram_id or ""
                )
            )

    def retranslate(self) -> None:
        self.intro.setText(
            self.tr(
                "Choose the unit's Page. Its linked Instagram account is connected with it "
                "where there is one."
            )
        )
        self.list.setAccessibleName(self.tr("Pages you manage"))
        self.connect_button.setText(self.tr("Connect this Page"))
        self._current_changed(self.list.currentRow())


class TelegramPage(QWidget):
    """Paste the BotFather token; Telegram checks it and names the bot."""

    check_requested = Signal()
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.intro = _wrapped(self)
        self.token = QLineEdit(self)
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.token.returnPressed.connect(self.check_requested)
        self.check_button = QPushButton(self)
        self.check_button.clicked.connect(self.check_requested)
        self.back_button = QPushButton(self)
        self.back_button.setFlat(True)
        self.back_button.clicked.connect(self.back_requested)
        row = QHBoxLayout()
        row.addWidget(self.token, 1)
        row.addWidget(self.check_button)
        column = QVBoxLayout(self)
        column.addWidget(self.intro)
        column.addLayout(row)
        column.addStretch(1)
        column.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.retranslate()

    def retranslate(self) -> None:
        self.intro.setText(
            self.tr(
                "Paste the token BotFather gave for the unit's bot. Telegram checks it and "
                "names the bot; the token is kept only in the system keyring."
            )
        )
        self.token.setPlaceholderText(self.tr("e.g. 123456789:AA…"))
        self.token.setAccessibleName(self.tr("The bot's token (hidden)"))
        self.check_button.setText(self.tr("Check and connect"))
        self.back_button.setText(self.tr("‹ Another platform"))


class DonePage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.connected: list[Connected] = []
        self.text = _wrapped(self, "connectDoneText")
        self.another_button = QPushButton(self)
        column = QVBoxLayout(self)
        column.addWidget(self.text)
        column.addStretch(1)
        column.addWidget(self.another_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.retranslate()

    def show_connected(self, connected: list[Connected]) -> None:
        self.connected = connected
        self.retranslate()

    def retranslate(self) -> None:
        lines = [
            self.tr("✓ %1 is connected.").replace(
                "%1", f"{labels.channel_label(c.channel)} · {c.name}"
            )
            for c in self.connected
        ]
        lines.append(self.tr("Its complaints arrive with the next sync."))
        self.text.setText("\n".join(lines))
        self.another_button.setText(self.tr("Connect another account"))


def page_text(choice: PageChoice) -> str:
    if choice.instagram_id:
        return f"{choice.name}  ·  Instagram @{choice.instagram_username or choice.instagram_id}"
    return choice.name
