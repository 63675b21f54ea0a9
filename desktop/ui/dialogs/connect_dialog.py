"""Connect an account by signing in with its platform (Akun → *Hubungkan akun…*).

X, YouTube, TikTok and Facebook/Instagram: the system browser opens the
platform's sign-in page and the dialog waits — off the GUI thread — for it to
come back to the loopback address, with a Cancel button and a time limit.
Facebook/Instagram then lists the Pages the officer manages (with the linked
Instagram account) to pick one. Telegram: paste the token BotFather gave,
``getMe`` checks it and names the bot. Whatever fails, nothing is stored and
the officer reads why, in the catalogue's words.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.connect.errors import ConnectError
from desktop.core.connect.flow import LoopbackFlow
from desktop.core.connect.meta import PageChoice
from desktop.core.connect.tokens import TokenSet
from desktop.core.model import Account, Channel
from desktop.ui import icons, labels
from desktop.ui.dialogs.connect_words import failure_text, waiting_text
from desktop.ui.dialogs.connector import Connected, ConnectSteps
from desktop.ui.pane.lifetime import while_alive
from desktop.ui.pane.message_line import MessageLine
from desktop.ui.tasks import TaskRunner

OpenUrl = Callable[[str], object]
WAIT_SECONDS = 300.0  # how long the browser has to come back
TICK_MS = 1_000

# The platforms in the order the dialog offers them; Facebook stands for Meta's sign-in.
BROWSER_CHANNELS = (Channel.FACEBOOK, Channel.X, Channel.YOUTUBE, Channel.TIKTOK)
CHOICES = (*BROWSER_CHANNELS, Channel.TELEGRAM)
META = frozenset({Channel.FACEBOOK, Channel.INSTAGRAM})
META_NAME = "Facebook / Instagram"  # Meta's one sign-in for both; proper names, untranslated


class ConnectDialog(QDialog):
    connected = Signal(object)  # list[Connected]
    advanced_requested = Signal()  # the officer wants the manual token form (IT)

    def __init__(
        self,
        steps: ConnectSteps,
        tasks: TaskRunner,
        *,
        target: Account | None = None,
        open_url: OpenUrl,
        wait_seconds: float = WAIT_SECONDS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._steps, self._tasks, self._open_url = steps, tasks, open_url
        self.target = target  # a listed or needs-reconnect account: connect that one
        self.wait_seconds = wait_seconds
        self.channel: Channel | None = None
        self._sign_in: LoopbackFlow | None = None
        self._url = ""
        self._cancel = threading.Event()
        self._deadline = 0.0
        self._user: TokenSet | None = None  # Facebook Login's user token, until a Page is picked
        self.connected_accounts: list[Connected] = []
        self.message_line = MessageLine(self)
        self.pages = QStackedWidget(self)
        self._build_choose()
        self._build_waiting()
        self._build_page_list()
        self._build_telegram()
        self._build_done()
        self.close_button = QPushButton(self)
        self.close_button.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message_line)
        layout.addWidget(self.pages, 1)
        layout.addLayout(bottom)
        self.pages.currentChanged.connect(
            lambda _index: self.close_button.setHidden(
                self.pages.currentWidget() is self.waiting_page
            )
        )
        self._timer = QTimer(self, interval=TICK_MS)
        self._timer.timeout.connect(self._show_time_left)
        self.setMinimumWidth(520)
        self.retranslate()
        self._offer_platforms()
        if target is not None:
            self.choose(target.channel)
        else:
            self.pages.setCurrentWidget(self.choose_page)

    # --- pages ---------------------------------------------------------------------

    def _build_choose(self) -> None:
        self.choose_page = QWidget(self)
        self.choose_intro = QLabel(self.choose_page)
        self.choose_intro.setWordWrap(True)
        self.choose_intro.setObjectName("connectIntro")
        grid = QGridLayout()
        grid.setSpacing(8)
        self.platform_buttons: dict[Channel, QPushButton] = {}
        for index, channel in enumerate(CHOICES):
            button = QPushButton(self.choose_page)
            button.setIcon(icons.channel_icon(channel))
            button.setMinimumHeight(40)
            button.clicked.connect(lambda _c=False, chosen=channel: self.choose(chosen))
            grid.addWidget(button, index // 2, index % 2)
            self.platform_buttons[channel] = button
        self.advanced_button = QPushButton(self.choose_page)
        self.advanced_button.setFlat(True)
        self.advanced_button.clicked.connect(self._advanced)
        column = QVBoxLayout(self.choose_page)
        column.addWidget(self.choose_intro)
        column.addLayout(grid)
        column.addStretch(1)
        column.addWidget(self.advanced_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.pages.addWidget(self.choose_page)

    def _build_waiting(self) -> None:
        self.waiting_page = QWidget(self)
        self.waiting_title = QLabel(self.waiting_page)
        self.waiting_title.setObjectName("connectWaitingTitle")
        self.waiting_title.setWordWrap(True)
        self.waiting_text = QLabel(self.waiting_page)
        self.waiting_text.setWordWrap(True)
        self.time_left = QLabel(self.waiting_page)
        self.waiting_bar = QProgressBar(self.waiting_page)
        self.waiting_bar.setRange(0, 0)  # busy: no steps to count
        self.waiting_bar.setTextVisible(False)
        self.waiting_bar.setMaximumHeight(6)
        self.reopen_button = QPushButton(self.waiting_page)
        self.reopen_button.setFlat(True)
        self.reopen_button.clicked.connect(self._reopen_browser)
        self.cancel_button = QPushButton(self.waiting_page)
        self.cancel_button.clicked.connect(self.cancel)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reopen_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        column = QVBoxLayout(self.waiting_page)
        for widget in (self.waiting_title, self.waiting_bar, self.waiting_text, self.time_left):
            column.addWidget(widget)
        column.addStretch(1)
        column.addLayout(buttons)
        self.pages.addWidget(self.waiting_page)

    def _build_page_list(self) -> None:
        self.page_list_page = QWidget(self)
        self.page_intro = QLabel(self.page_list_page)
        self.page_intro.setWordWrap(True)
        self.page_list = QListWidget(self.page_list_page)
        self.page_list.itemDoubleClicked.connect(lambda _item: self._connect_page())
        self.page_list.currentRowChanged.connect(lambda _row: self._word_instagram())
        self.with_instagram = QCheckBox(self.page_list_page)
        self.with_instagram.setChecked(True)
        self.connect_page_button = QPushButton(self.page_list_page)
        self.connect_page_button.setEnabled(False)
        self.connect_page_button.clicked.connect(self._connect_page)
        self.page_list.currentRowChanged.connect(
            lambda row: self.connect_page_button.setEnabled(row >= 0)
        )
        column = QVBoxLayout(self.page_list_page)
        column.addWidget(self.page_intro)
        column.addWidget(self.page_list, 1)
        column.addWidget(self.with_instagram)
        column.addWidget(self.connect_page_button, 0, Qt.AlignmentFlag.AlignRight)
        self.pages.addWidget(self.page_list_page)

    def _build_telegram(self) -> None:
        self.telegram_page = QWidget(self)
        self.telegram_intro = QLabel(self.telegram_page)
        self.telegram_intro.setWordWrap(True)
        self.bot_token = QLineEdit(self.telegram_page)
        self.bot_token.setEchoMode(QLineEdit.EchoMode.Password)
        self.bot_token.returnPressed.connect(self.check_bot)
        self.check_bot_button = QPushButton(self.telegram_page)
        self.check_bot_button.clicked.connect(self.check_bot)
        row = QHBoxLayout()
        row.addWidget(self.bot_token, 1)
        row.addWidget(self.check_bot_button)
        self.telegram_back = QPushButton(self.telegram_page)
        self.telegram_back.setFlat(True)
        self.telegram_back.clicked.connect(self.start_over)
        column = QVBoxLayout(self.telegram_page)
        column.addWidget(self.telegram_intro)
        column.addLayout(row)
        column.addStretch(1)
        column.addWidget(self.telegram_back, 0, Qt.AlignmentFlag.AlignLeft)
        self.pages.addWidget(self.telegram_page)

    def _build_done(self) -> None:
        self.done_page = QWidget(self)
        self.done_text = QLabel(self.done_page)
        self.done_text.setObjectName("connectDoneText")
        self.done_text.setWordWrap(True)
        self.another_button = QPushButton(self.done_page)
        self.another_button.clicked.connect(self.start_over)
        column = QVBoxLayout(self.done_page)
        column.addWidget(self.done_text)
        column.addStretch(1)
        column.addWidget(self.another_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.pages.addWidget(self.done_page)

    # --- the flow ------------------------------------------------------------------

    def choose(self, channel: Channel) -> None:
        """Start connecting ``channel``: the browser for most, the bot token for Telegram."""
        self.channel = channel
        self.message_line.dismiss()
        if channel is Channel.TELEGRAM:
            self.pages.setCurrentWidget(self.telegram_page)
            self.bot_token.setFocus()
            return
        try:
            sign_in = self._steps.sign_in(channel)
            self._url = sign_in.start()  # the loopback listener opens: no network yet
        except ConnectError as error:  # no app settings for it, the redirect port taken…
            self._fail(error)
            return
        self._sign_in = sign_in
        self._cancel = threading.Event()
        self._deadline = time.monotonic() + self.wait_seconds
        self._show_waiting()
        self._open_url(self._url)
        cancel, seconds = self._cancel, self.wait_seconds
        self._tasks.net(
            lambda: sign_in.wait(seconds, cancel),
            while_alive(self, self._signed_in),
            while_alive(self, self._fail),
        )

    def cancel(self) -> None:
        """Stop waiting for the browser; the listener closes, nothing is stored."""
        self._cancel.set()
        self.cancel_button.setEnabled(False)

    def start_over(self) -> None:
        self.target = None
        self.channel = None
        self.bot_token.clear()
        self._offer_platforms()
        self.retranslate()
        self.pages.setCurrentWidget(self.choose_page)

    def _offer_platforms(self) -> None:
        """Connecting a given account again: only its own platform can be chosen."""
        wanted = None if self.target is None else self.target.channel
        for channel, button in self.platform_buttons.items():
            same_sign_in = channel in META and wanted in META
            button.setEnabled(wanted is None or channel is wanted or same_sign_in)

    def _show_waiting(self) -> None:
        self.cancel_button.setEnabled(True)
        self.waiting_title.setText(self.tr("Waiting for your approval in the browser…"))
        self.waiting_text.setText(waiting_text(self._platform_name(), self.target))
        self._show_time_left()
        self._timer.start()
        self.pages.setCurrentWidget(self.waiting_page)
        self.cancel_button.setFocus()

    def _show_time_left(self) -> None:
        left = max(0, int(self._deadline - time.monotonic()))
        self.time_left.setText(
            self.tr("The sign-in is given up in %1:%2.")
            .replace("%1", str(left // 60))
            .replace("%2", f"{left % 60:02d}")
        )

    def _reopen_browser(self) -> None:
        if self._url:
            self._open_url(self._url)

    def _signed_in(self, tokens: TokenSet) -> None:
        self._timer.stop()
        self._sign_in = None
        channel, target, steps = self.channel, self.target, self._steps
        assert channel is not None
        if channel in META:
            self._user = tokens
            self._busy(self.tr("Reading the Pages you manage…"))
            self._tasks.net(
                lambda: steps.pages(channel, tokens),
                while_alive(self, self._show_page_choices),
                while_alive(self, self._fail),
            )
            return
        self._busy(self.tr("Finding the account's details and saving it…"))
        self._tasks.net(
            lambda: [steps.finish(channel, tokens, target)],
            while_alive(self, self._done),
            while_alive(self, self._fail),
        )

    def _word_instagram(self) -> None:
        """Offer the chosen Page's Instagram account too (only for a first connect)."""
        item = self.page_list.currentItem()
        page: PageChoice | None = None if item is None else item.data(Qt.ItemDataRole.UserRole)
        linked = page is not None and page.instagram_id is not None and self.target is None
        self.with_instagram.setVisible(linked)
        if page is not None and linked:
            self.with_instagram.setText(
                self.tr("Also connect its Instagram account @%1").replace(
                    "%1", page.instagram_username or page.instagram_id or ""
                )
            )

    def _show_page_choices(self, choices: list[PageChoice]) -> None:
        self.page_list.clear()
        for choice in choices:
            item = QListWidgetItem(icons.channel_icon(Channel.FACEBOOK), _page_text(choice))
            item.setData(Qt.ItemDataRole.UserRole, choice)
            self.page_list.addItem(item)
        wanted = self.target
        for row in range(self.page_list.count()):
            choice = self.page_list.item(row).data(Qt.ItemDataRole.UserRole)
            if wanted is not None and wanted.params.get("page_id") == choice.page_id:
                self.page_list.setCurrentRow(row)
        if self.page_list.currentRow() < 0 and self.page_list.count():
            self.page_list.setCurrentRow(0)
        self.message_line.dismiss()
        self.pages.setCurrentWidget(self.page_list_page)
        self.page_list.setFocus()

    def _connect_page(self) -> None:
        item, user, channel = self.page_list.currentItem(), self._user, self.channel
        if item is None or user is None or channel is None:
            return
        page: PageChoice = item.data(Qt.ItemDataRole.UserRole)
        channels = [channel]
        if self.target is None and page.instagram_id and self.with_instagram.isChecked():
            channels.append(Channel.INSTAGRAM)  # the Page and its linked Instagram account
        self.connect_page_button.setEnabled(False)
        self._busy(self.tr("Saving the account…"))
        target, steps = self.target, self._steps
        self._tasks.net(
            lambda: [steps.finish_page(c, page, user, target) for c in channels],
            while_alive(self, self._done),
            while_alive(self, self._fail),
        )

    def check_bot(self) -> None:
        token = self.bot_token.text().strip()
        if not token:
            self.message_line.show_message(self.tr("Paste the token BotFather gave you first."))
            return
        self.check_bot_button.setEnabled(False)
        self.message_line.show_message(self.tr("Checking the token with Telegram…"))
        target, steps = self.target, self._steps

        def work() -> list[Connected]:
            return [steps.connect_bot(token, target)]

        def failed(error: BaseException) -> None:
            self.check_bot_button.setEnabled(True)
            self._fail(error, stay=True)

        self._tasks.net(work, while_alive(self, self._done), while_alive(self, failed))

    def _done(self, connected: list[Connected]) -> None:
        self._user = None
        self.connected_accounts = connected
        self.bot_token.clear()  # the token left the widget once it was in the keyring
        self.check_bot_button.setEnabled(True)
        self.message_line.dismiss()
        lines = [
            self.tr("✓ %1 is connected.").replace(
                "%1", f"{labels.channel_label(c.channel)} · {c.name}"
            )
            for c in connected
        ]
        lines.append(self.tr("Its complaints arrive with the next sync."))
        self.done_text.setText("\n".join(lines))
        self.pages.setCurrentWidget(self.done_page)
        self.close_button.setFocus()
        self.connected.emit(connected)

    def _fail(self, error: BaseException, *, stay: bool = False) -> None:
        self._timer.stop()
        self._user = None
        if self._sign_in is not None:
            self._sign_in.close()
            self._sign_in = None
        self.message_line.show_message(failure_text(error, self._platform_name()))
        if not stay:
            self.pages.setCurrentWidget(self.choose_page)

    def _busy(self, text: str) -> None:
        self.message_line.show_message(text)

    def _advanced(self) -> None:
        self.advanced_requested.emit()
        self.accept()

    def _platform_name(self) -> str:
        if self.channel is None:
            return ""
        if self.channel in META:
            return META_NAME
        return labels.channel_label(self.channel)

    # --- closing and words --------------------------------------------------------

    def done(self, result: int) -> None:
        """Closing while waiting cancels the sign-in (the listener closes)."""
        self._cancel.set()
        self._timer.stop()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self._cancel.set()
        super().closeEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        if self.target is not None:
            self.setWindowTitle(
                self.tr("Connect %1").replace(
                    "%1", f"{labels.channel_label(self.target.channel)} · {self.target.name}"
                )
            )
        else:
            self.setWindowTitle(self.tr("Connect an account"))
        self.choose_intro.setText(
            self.tr(
                "Choose the platform. You sign in with the unit's account in your browser "
                "and approve Aduan Desk; the account's ids are found by themselves."
            )
        )
        for channel, button in self.platform_buttons.items():
            button.setText(META_NAME if channel in META else labels.channel_label(channel))
            button.setAccessibleName(self.tr("Connect %1").replace("%1", button.text()))
        self.advanced_button.setText(self.tr("Advanced: enter a token by hand (for IT)…"))
        self.reopen_button.setText(self.tr("Open the browser again"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.page_intro.setText(
            self.tr(
                "Choose the unit's Page. Its linked Instagram account is connected with it "
                "where there is one."
            )
        )
        self.page_list.setAccessibleName(self.tr("Pages you manage"))
        self.connect_page_button.setText(self.tr("Connect this Page"))
        self.telegram_intro.setText(
            self.tr(
                "Paste the token BotFather gave for the unit's bot. Telegram checks it and "
                "names the bot; the token is kept only in the system keyring."
            )
        )
        self.bot_token.setPlaceholderText(self.tr("e.g. 123456789:AA…"))
        self.bot_token.setAccessibleName(self.tr("The bot's token (hidden)"))
        self.check_bot_button.setText(self.tr("Check and connect"))
        self.telegram_back.setText(self.tr("‹ Another platform"))
        self.another_button.setText(self.tr("Connect another account"))
        self.close_button.setText(self.tr("Close"))
        self.message_line.retranslate()


def _page_text(choice: PageChoice) -> str:
    if choice.instagram_id:
        return f"{choice.name}  ·  Instagram @{choice.instagram_username or choice.instagram_id}"
    return choice.name
