"""The tray: the urgent count on the icon, a notification for new and nearly-late complaints.

Where the desktop has no tray (some Linux sessions, the offscreen platform)
everything here quietly does nothing; the window shows the same counts.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from datetime import datetime, timedelta
from functools import partial

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from desktop.core.deadlines import UnitSettings
from desktop.core.desk.queue import Queue
from desktop.core.store.counts import Arrivals
from desktop.ui import icons
from desktop.ui.account_notice import ending_text, reconnect_reason, reconnect_text
from desktop.ui.account_watch import AccountNotices
from desktop.ui.filters import warning_margin
from desktop.ui.tasks import TaskRunner

WATCH_MS = 60_000


class UrgentTray(QObject):
    """The tray icon and its notifications (a no-op where there is no tray)."""

    show_window = Signal()
    sync_requested = Signal()
    quit_requested = Signal()
    read_failed = Signal(object)  # an exception from the database lane

    def __init__(
        self,
        queue: Queue,
        tasks: TaskRunner,
        unit: UnitSettings,
        clock: Callable[[], datetime],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._queue, self._tasks, self._unit, self._clock = queue, tasks, unit, clock
        self.notifications_enabled = True
        self.available = QSystemTrayIcon.isSystemTrayAvailable()
        self.icon: QSystemTrayIcon | None = None
        self._last_id: int | None = None
        self._last_look = clock()
        self._urgent = 0
        self.messages: deque[tuple[str, str]] = deque(maxlen=20)  # notified, shown or not
        self._told_reconnect: set[int] = set()
        self._told_ending: set[int] = set()
        if self.available:
            self._build_icon()
        self._timer = QTimer(self, interval=WATCH_MS)
        self._timer.timeout.connect(self.look)
        self._timer.start()

    def _build_icon(self) -> None:
        self.icon = QSystemTrayIcon(icons.badge_icon(0), self)
        menu = QMenu()
        self._menu = menu
        self._show_action = QAction(menu)
        self._sync_action = QAction(menu)
        self._quit_action = QAction(menu)
        self._show_action.triggered.connect(self.show_window)
        self._sync_action.triggered.connect(self.sync_requested)
        self._quit_action.triggered.connect(self.quit_requested)
        menu.addActions([self._show_action, self._sync_action])
        menu.addSeparator()
        menu.addAction(self._quit_action)
        self.icon.setContextMenu(menu)
        self.icon.activated.connect(lambda _reason: self.show_window.emit())
        self.icon.messageClicked.connect(self.show_window)
        self.retranslate()
        self.icon.show()

    def retranslate(self) -> None:
        if self.icon is None:
            return
        self._show_action.setText(QCoreApplication.translate("UrgentTray", "Show Aduan Desk"))
        self._sync_action.setText(QCoreApplication.translate("UrgentTray", "Sync now"))
        self._quit_action.setText(QCoreApplication.translate("UrgentTray", "Quit"))
        self.set_urgent_count(self._urgent)

    def set_unit(self, unit: UnitSettings) -> None:
        self._unit = unit

    def set_urgent_count(self, count: int) -> None:
        self._urgent = count
        if self.icon is None:
            return
        self.icon.setIcon(icons.badge_icon(count))
        tip = QCoreApplication.translate(
            "UrgentTray", "Aduan Desk — %n urgent complaint(s)", "", count
        )
        self.icon.setToolTip(tip)

    def look(self) -> None:
        """Read what arrived or turned urgent since the last look (the first look only counts)."""
        now = self._clock()
        margin = timedelta(seconds=warning_margin(self._unit))
        work = partial(self._queue.arrivals, self._last_id, self._last_look, now, margin)
        self._tasks.background(work, partial(self._on_arrivals, now), self.read_failed.emit)

    def _on_arrivals(self, looked_at: datetime, arrivals: Arrivals) -> None:
        first_look = self._last_id is None
        self._last_id, self._last_look = arrivals.newest_id, looked_at
        if first_look:
            return
        fresh, nearly_late = arrivals.new_count, arrivals.warning_count
        if fresh:
            title = QCoreApplication.translate("UrgentTray", "%n new complaint(s)", "", fresh)
            self.notify(title, arrivals.new_author or "")
        if nearly_late:
            title = QCoreApplication.translate(
                "UrgentTray", "%n complaint(s) due soon", "", nearly_late
            )
            text = QCoreApplication.translate("UrgentTray", "Answer before the deadline: %1")
            self.notify(title, text.replace("%1", arrivals.warning_author or ""))

    def show_account_notices(self, notices: AccountNotices) -> None:
        """Say once when an account must be connected again, or its sign-in ends soon."""
        for account in notices.reconnect:
            if account.id not in self._told_reconnect:
                self._told_reconnect.add(account.id)
                self.notify(reconnect_text(account), reconnect_reason(account))
        self._told_reconnect &= {a.id for a in notices.reconnect}  # told again if it recurs
        now = self._clock()
        for ending in notices.ending:
            if ending.account.id not in self._told_ending:
                self._told_ending.add(ending.account.id)
                text = QCoreApplication.translate(
                    "UrgentTray", "Press “Connect again” in the status bar before then."
                )
                self.notify(ending_text(ending, now), text)

    def notify(self, title: str, text: str) -> None:
        self.messages.append((title, text))
        if self.icon is not None and self.notifications_enabled and self.icon.supportsMessages():
            self.icon.showMessage(title, text, icons.app_icon(), 8000)
