"""Connect an account by signing in with its platform (Akun → *Hubungkan akun…*).

X, YouTube, TikTok and Facebook/Instagram: the system browser opens the
platform's sign-in page and the dialog waits — off the GUI thread, on the
window's network pool — for it to come back to the loopback address, with a
Cancel button and a time limit. Facebook/Instagram then lists the Pages the
officer manages (with the linked Instagram account) to pick one. Telegram:
paste the token BotFather gave, ``getMe`` checks it and names the bot.
Whatever fails, the officer reads why in the catalogue's words and may try
again; a failed step stores nothing.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
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
from desktop.ui import labels
from desktop.ui.dialogs.connect_pages import (
    META,
    ChoosePage,
    DonePage,
    PageListPage,
    TelegramPage,
    WaitingPage,
    platform_name,
)
from desktop.ui.dialogs.connect_words import failure_text, waiting_text
from desktop.ui.dialogs.connector import Connected, ConnectSteps
from desktop.ui.pane.lifetime import while_alive
from desktop.ui.pane.message_line import MessageLine
from desktop.ui.tasks import TaskRunner

OpenUrl = Callable[[str], object]
WAIT_SECONDS = 300.0  # how long the browser has to come back
TICK_MS = 1_000


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
        self.message_line = MessageLine(self)
        self.choose_page = ChoosePage(self)
        self.waiting_page = WaitingPage(self)
        self.page_list_page = PageListPage(self)
        self.telegram_page = TelegramPage(self)
        self.done_page = DonePage(self)
        self.pages = QStackedWidget(self)
        for page in (
            self.choose_page,
            self.waiting_page,
            self.page_list_page,
            self.telegram_page,
            self.done_page,
        ):
            self.pages.addWidget(page)
        self.close_button = QPushButton(self)
        self.close_button.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message_line)
        layout.addWidget(self.pages, 1)
        layout.addLayout(bottom)
        self._timer = QTimer(self, interval=TICK_MS)
        self._timer.timeout.connect(self._show_time_left)
        self._connect_pages()
        self.setMinimumWidth(520)
        self.retranslate()
        self.choose_page.offer(None if target is None else target.channel)
        if target is not None:
            self.choose(target.channel)

    def _connect_pages(self) -> None:
        self.choose_page.chosen.connect(self.choose)
        self.choose_page.advanced.connect(self._advanced)
        self.waiting_page.cancel_button.clicked.connect(self.cancel)
        self.waiting_page.reopen_button.clicked.connect(self._open_browser)
        self.page_list_page.picked.connect(self._connect_page)
        self.telegram_page.check_requested.connect(self.check_bot)
        self.telegram_page.back_requested.connect(self.start_over)
        self.done_page.another_button.clicked.connect(self.start_over)
        self.pages.currentChanged.connect(
            lambda _index: self.close_button.setHidden(
                self.pages.currentWidget() is self.waiting_page
            )
        )

    # --- the flow ------------------------------------------------------------------

    def choose(self, channel: Channel) -> None:
        """Start connecting ``channel``: the browser for most, the bot token for Telegram."""
        self.channel = channel
        self.message_line.dismiss()
        if channel is Channel.TELEGRAM:
            self.pages.setCurrentWidget(self.telegram_page)
            self.telegram_page.token.setFocus()
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
        self._open_browser()
        cancel, seconds = self._cancel, self.wait_seconds
        self._tasks.net(
            lambda: sign_in.wait(seconds, cancel),
            while_alive(self, self._signed_in),
            while_alive(self, self._fail),
        )

    def cancel(self) -> None:
        """Stop waiting for the browser; the listener closes, nothing is stored."""
        self._cancel.set()
        self.waiting_page.cancel_button.setEnabled(False)

    def start_over(self) -> None:
        """Any platform again (after a connect, or from Telegram's page)."""
        self.target = None
        self.channel = None
        self.telegram_page.token.clear()
        self.choose_page.offer(None)
        self.retranslate()
        self.pages.setCurrentWidget(self.choose_page)

    def _show_waiting(self) -> None:
        self.waiting_page.cancel_button.setEnabled(True)
        self.waiting_page.text.setText(waiting_text(self._platform_name(), self.target))
        self._show_time_left()
        self._timer.start()
        self.pages.setCurrentWidget(self.waiting_page)
        self.waiting_page.cancel_button.setFocus()

    def _show_time_left(self) -> None:
        self.waiting_page.show_time_left(max(0, int(self._deadline - time.monotonic())))

    def _open_browser(self) -> None:
        """The sign-in page in the system browser; where none opens, its address to copy."""
        if self._url and self._open_url(self._url) is False:
            self.message_line.show_message(
                self.tr("No browser could be opened. Open this address in a browser: %1").replace(
                    "%1", self._url
                )
            )

    def _signed_in(self, tokens: TokenSet) -> None:
        self._timer.stop()
        self._sign_in = None
        channel, target, steps = self.channel, self.target, self._steps
        assert channel is not None
        if channel in META:
            self._user = tokens
            self.message_line.show_message(self.tr("Reading the Pages you manage…"))
            self._tasks.net(
                lambda: steps.pages(channel, tokens),
                while_alive(self, self._show_page_choices),
                while_alive(self, self._fail),
            )
            return
        self.message_line.show_message(self.tr("Finding the account's details and saving it…"))
        self._tasks.net(
            lambda: [steps.finish(channel, tokens, target)],
            while_alive(self, self._done),
            while_alive(self, self._fail),
        )

    def _show_page_choices(self, choices: list[PageChoice]) -> None:
        wanted = None if self.target is None else self.target.params.get("page_id")
        self.page_list_page.show_choices(choices, wanted=wanted, first_connect=self.target is None)
        self.message_line.dismiss()
        self.pages.setCurrentWidget(self.page_list_page)

    def _connect_page(self) -> None:
        page, user, channel = self.page_list_page.chosen(), self._user, self.channel
        if page is None or user is None or channel is None:
            return
        channels = self.page_list_page.channels(channel)
        self.page_list_page.connect_button.setEnabled(False)
        self.message_line.show_message(self.tr("Saving the account…"))
        target, steps = self.target, self._steps

        def work() -> tuple[list[Connected], Exception | None]:
            connected: list[Connected] = []
            for channel in channels:
                try:
                    connected.append(steps.finish_page(channel, page, user, target))
                except Exception as error:
                    if not connected:
                        raise
                    return connected, error  # the Page is connected, its Instagram is not
            return connected, None

        self._tasks.net(work, while_alive(self, self._page_done), while_alive(self, self._fail))

    def _page_done(self, outcome: tuple[list[Connected], Exception | None]) -> None:
        connected, instagram_error = outcome
        self._done(connected)
        if instagram_error is not None:
            self.message_line.show_message(
                "Instagram: "
                + failure_text(instagram_error, labels.channel_label(Channel.INSTAGRAM))
            )

    def check_bot(self) -> None:
        token = self.telegram_page.token.text().strip()
        if not token:
            self.message_line.show_message(self.tr("Paste the token BotFather gave you first."))
            return
        self.telegram_page.check_button.setEnabled(False)
        self.message_line.show_message(self.tr("Checking the token with Telegram…"))
        target, steps = self.target, self._steps

        def failed(error: BaseException) -> None:
            self.telegram_page.check_button.setEnabled(True)
            self._fail(error, stay=True)  # the paste stays, to be fixed

        self._tasks.net(
            lambda: [steps.connect_bot(token, target)],
            while_alive(self, self._done),
            while_alive(self, failed),
        )

    def _done(self, connected: list[Connected]) -> None:
        self._user = None
        self.telegram_page.token.clear()  # the token left the widget once it was stored
        self.telegram_page.check_button.setEnabled(True)
        self.message_line.dismiss()
        self.done_page.show_connected(connected)
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

    def _advanced(self) -> None:
        self.advanced_requested.emit()
        self.accept()

    def _platform_name(self) -> str:
        return "" if self.channel is None else platform_name(self.channel)

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
            title = self.tr("Connect %1").replace(
                "%1", f"{labels.channel_label(self.target.channel)} · {self.target.name}"
            )
        else:
            title = self.tr("Connect an account")
        self.setWindowTitle(title)
        for page in (
            self.choose_page,
            self.waiting_page,
            self.page_list_page,
            self.telegram_page,
            self.done_page,
        ):
            page.retranslate()
        if self.channel is not None and self.pages.currentWidget() is self.waiting_page:
            self.waiting_page.text.setText(waiting_text(self._platform_name(), self.target))
        self.close_button.setText(self.tr("Close"))
        self.message_line.retranslate()
