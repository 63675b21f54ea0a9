"""The officer's window: filters | queue | complaint, a search box, a status bar.

Composition only: each part does its own work; this file wires their signals.
The sync engine plugs in with ``attach_sync`` (or by hand: ``complaints_changed(ids)``
after a round, ``sync_requested`` when the officer asks for one, ``connectivity`` to
publish account states).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QMainWindow,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop.core.deadlines import UnitSettings
from desktop.core.errors import UserError
from desktop.core.model import Account
from desktop.i18n import error_text
from desktop.ui import filters, icons
from desktop.ui.account_notice import AccountNoticeBar
from desktop.ui.account_watch import AccountNotices, AccountWatch
from desktop.ui.complaint_pane import ComplaintPane
from desktop.ui.connectivity import (
    Connectivity,
    ConnectivityFeed,
    ConnectivityStatus,
    OfflineBanner,
)
from desktop.ui.context import WindowContext
from desktop.ui.filters import Counts
from desktop.ui.first_start import FirstStartPanel
from desktop.ui.pane.scope_notice import missing_from_keyring
from desktop.ui.preferences import Language, Preferences, ThemeChoice
from desktop.ui.queue_model import QueueModel
from desktop.ui.queue_view import QueueView
from desktop.ui.search_box import SearchBox
from desktop.ui.sidebar import Sidebar
from desktop.ui.status_summary import StatusSummary
from desktop.ui.sync_controller import SyncController
from desktop.ui.tray import UrgentTray
from desktop.ui.window_actions import WindowActions
from desktop.ui.window_dialogs import accounts_dialog, connect_dialog, settings_dialog
from desktop.ui.window_menus import build_menus, show_shortcuts

if TYPE_CHECKING:
    from desktop.ui.dialogs.connect_dialog import ConnectDialog

DEFAULT_SIZE = (1440, 900)
DEFAULT_SPLIT = [210, 790, 440]
PANE_MIN_WIDTH = 420  # the pane's own hint asks for more; the queue needs the room
READ_ERROR_MS = 15_000  # how long a store error stays in the status bar


class MainWindow(QMainWindow):
    sync_requested = Signal()

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        desk, tasks, unit, clock = context.desk, context.tasks, context.unit, context.clock
        self.preferences = context.preferences.load()
        self.commands = WindowActions(self)
        self.connectivity = ConnectivityFeed(self)
        self.store_feeds_connectivity = True  # until the sync engine publishes its own
        self.queue_model = QueueModel(desk.queue, tasks, unit, clock, self)
        self.queue_view = QueueView(self.queue_model)
        self.sidebar = Sidebar(desk.queue, tasks, unit, clock)
        self.pane = ComplaintPane(desk.complaints, tasks, clock)
        self.pane.setMinimumWidth(PANE_MIN_WIDTH)
        self.pane.missing_for = missing_from_keyring(desk.vault)
        self.banner = OfflineBanner(self.connectivity)
        self.search = SearchBox()
        self.first_start = FirstStartPanel()
        self.summary = StatusSummary()
        self.account_watch = AccountWatch(desk.accounts, tasks, clock, self)
        self.account_notice = AccountNoticeBar(clock)
        self._look_again = False  # an account was just connected: read the notices anew
        self.last_connect_dialog: ConnectDialog | None = None
        # Station mode: Akun shows the station's accounts (set by the station link).
        self.station_accounts: Callable[[], object] | None = None
        self._queue_total: int | None = None
        self.tray = UrgentTray(desk.queue, tasks, unit, clock, self)
        self.tray.notifications_enabled = self.preferences.notifications
        self._build()
        build_menus(self, self.commands)
        self._connect()
        self._show_preferences(self.preferences)
        self.retranslate()
        if not context.window_state.restore(self, self._splitters(), self._headers()):
            self.resize(*DEFAULT_SIZE)
            self.splitter.setSizes(DEFAULT_SPLIT)
        self.sidebar.refresh()
        self._apply_filter()
        self.tray.look()

    # --- layout ----------------------------------------------------------------------

    def _build(self) -> None:
        self.setObjectName("mainWindow")
        self.setWindowIcon(icons.app_icon())
        toolbar = QToolBar(self)
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setFloatable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        logo = QLabel(toolbar)
        logo.setPixmap(icons.svg_pixmap("aduan-desk", 24, self.devicePixelRatioF()))
        logo.setContentsMargins(4, 0, 2, 0)
        toolbar.addWidget(logo)
        self.unit_title = QLabel(toolbar)
        self.unit_title.setObjectName("unitTitle")
        toolbar.addWidget(self.unit_title)
        toolbar.addWidget(self.search)
        spacer = QWidget(toolbar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        toolbar.addAction(self.commands.sync_now)
        toolbar.addAction(self.commands.accounts)
        toolbar.addAction(self.commands.settings)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        self.toolbar = toolbar

        queue_area = QWidget(self)
        column = QVBoxLayout(queue_area)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banner)
        self.queue_stack = QStackedWidget(queue_area)
        self.queue_stack.addWidget(self.queue_view)
        self.queue_stack.addWidget(self.first_start)
        column.addWidget(self.queue_stack, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(1)
        for widget in (self.sidebar, queue_area, self.pane):
            self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.splitter)
        status = self.statusBar()
        status.setSizeGripEnabled(False)
        status.addWidget(self.summary, 1)
        status.addPermanentWidget(self.account_notice)
        status.addPermanentWidget(ConnectivityStatus(self.connectivity, self.context.clock))

    def _splitters(self) -> dict[str, QSplitter]:
        return {"main": self.splitter}

    def _headers(self) -> dict[str, QHeaderView]:
        return {"queue": self.queue_view.horizontalHeader()}

    # --- wiring ---------------------------------------------------------------------

    def _connect(self) -> None:
        c = self.commands
        self.sidebar.filter_chosen.connect(lambda _key: self._apply_filter())
        self.sidebar.counts_changed.connect(self._on_counts)
        self.sidebar.accounts_changed.connect(self._on_accounts)
        self.search.search_changed.connect(lambda _text: self._apply_filter())
        self.queue_view.complaint_selected.connect(self.pane.show_complaint)
        self.queue_model.total_changed.connect(
            lambda total: self.summary.set_shown(total, more=self.queue_model.total_is_more)
        )
        self.queue_model.total_changed.connect(self._on_total)
        self.first_start.connect_requested.connect(self.open_connect)
        self.account_notice.reconnect_requested.connect(self.open_connect)
        self.account_watch.changed.connect(self._on_notices)
        c.connect_account.triggered.connect(lambda: self.open_connect(None))
        self.pane.complaint_changed.connect(lambda cid: self.complaints_changed([cid]))
        for source in (c.sync_now.triggered, self.banner.sync_requested, self.tray.sync_requested):
            source.connect(self.sync_requested)
        c.next_complaint.triggered.connect(self.queue_view.select_next)
        c.previous_complaint.triggered.connect(self.queue_view.select_previous)
        c.focus_search.triggered.connect(self._focus_search)
        c.focus_filters.triggered.connect(lambda: self.sidebar.view.setFocus())
        c.focus_queue.triggered.connect(lambda: self.queue_view.setFocus())
        c.focus_reply.triggered.connect(lambda: self.pane.focus_composer())
        c.settings.triggered.connect(self.open_settings)
        c.accounts.triggered.connect(self.open_accounts)
        c.shortcuts_help.triggered.connect(lambda: show_shortcuts(self))
        c.quit.triggered.connect(self.close)
        c.themes.triggered.connect(lambda a: self.set_preferences(theme=ThemeChoice(a.data())))
        c.languages.triggered.connect(lambda a: self.set_preferences(language=Language(a.data())))
        self.tray.show_window.connect(self._raise)
        self.tray.quit_requested.connect(self.close)
        self.sidebar.counts_changed.connect(lambda _counts: self._refresh_time_filter())
        for part in (self.queue_model, self.sidebar, self.tray, self.account_watch):
            part.read_failed.connect(self._report_read_error)

    # --- what the sync engine and the dialogs call -----------------------------------

    def complaints_changed(self, ids: Iterable[int]) -> None:
        """These complaints changed or arrived: re-read them, the order and the counts."""
        changed = set(ids)
        self.queue_model.complaints_changed(changed)
        self.sidebar.refresh()
        if self.pane.complaint_id in changed:
            self.pane.reload()

    def attach_sync(self, sync: SyncController) -> None:
        """Let ``sync`` run the rounds: its changes reach the queue, its rounds the status bar."""
        sync.complaints_changed.connect(self.complaints_changed)
        sync.round_started.connect(self._on_round_started)
        sync.round_finished.connect(lambda _report: self.sidebar.refresh())
        self.sync_requested.connect(sync.sync_now)

    def set_unit(self, unit: UnitSettings) -> None:
        self.context.unit = unit
        self.queue_model.set_unit(unit)
        self.sidebar.set_unit(unit)
        self.tray.set_unit(unit)
        self._show_unit_title()
        self._apply_filter()

    def set_preferences(self, **changes: object) -> None:
        preferences = self.preferences.with_changes(**changes)
        self.context.preferences.save(preferences)
        self._show_preferences(preferences)

    def open_settings(self) -> None:
        dialog = settings_dialog(self.context, self)
        dialog.saved.connect(self._on_settings_saved)
        dialog.open()

    def _on_settings_saved(self, unit: UnitSettings, preferences: Preferences) -> None:
        self.set_unit(unit)
        self._show_preferences(preferences)

    def open_accounts(self) -> None:
        if self.station_accounts is not None:  # station mode: tokens on the worker PC
            self.station_accounts()
            return
        dialog = accounts_dialog(self.context, self)
        dialog.accounts_changed.connect(self.sidebar.refresh)
        dialog.reconnect_requested.connect(self.open_connect)
        dialog.connect_requested.connect(lambda: self.open_connect(None))
        dialog.open()

    def open_connect(self, account: Account | None = None) -> None:
        """Connect an account by signing in with its platform (``account``: one the unit
        profile listed, or one to connect again)."""
        if self.station_accounts is not None:  # connected on the worker PC, not here
            self.station_accounts()
            return
        current = self.last_connect_dialog
        if current is not None and shiboken6.isValid(current) and current.isVisible():
            current.raise_()  # one sign-in at a time: a second would want the same port
            current.activateWindow()
            return
        dialog = connect_dialog(self.context, self, account)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.connected.connect(self._on_connected)
        dialog.advanced_requested.connect(self.open_accounts)
        dialog.open()
        self.last_connect_dialog = dialog

    # --- internals ------------------------------------------------------------------

    def _apply_filter(self) -> None:
        chosen = filters.queue_filter(self.sidebar.chosen, self.context.clock(), self.context.unit)
        self.queue_model.set_filter(replace(chosen, search=self.search.text().strip()))
        self.summary.set_filtering(
            bool(self.search.text().strip()) or self.sidebar.chosen != filters.OPEN
        )

    def _refresh_time_filter(self) -> None:
        """Urgent and overdue move with the clock: re-read them without a reset."""
        if self.sidebar.chosen in (filters.URGENT, filters.OVERDUE):
            chosen = filters.queue_filter(
                self.sidebar.chosen, self.context.clock(), self.context.unit
            )
            self.queue_model.refresh(replace(chosen, search=self.queue_model.queue_filter.search))

    def _report_read_error(self, error: BaseException) -> None:
        """A known store error is a calm line in the status bar; anything else is a bug."""
        if isinstance(error, UserError):
            self.statusBar().showMessage(error_text(error), READ_ERROR_MS)
            return
        sys.excepthook(type(error), error, error.__traceback__)

    def _on_counts(self, counts: Counts) -> None:
        self.summary.set_counts(counts)
        if filters.URGENT in counts:
            self.tray.set_urgent_count(counts[filters.URGENT])

    def _on_round_started(self) -> None:
        if self.store_feeds_connectivity:
            self.connectivity.publish(replace(self.connectivity.current, syncing=True))

    def _on_accounts(self, accounts: list[Account]) -> None:
        if self.store_feeds_connectivity:
            self.connectivity.publish(Connectivity.from_accounts(accounts))
        self.account_watch.look(accounts, again=self._look_again)
        self._look_again = False

    def _on_connected(self, _connected: object) -> None:
        self._look_again = True
        self.sidebar.refresh()
        self.sync_requested.emit()  # its complaints now, not at the next scheduled look

    def _on_notices(self, notices: AccountNotices) -> None:
        self.account_notice.show_notices(notices)
        self.tray.show_account_notices(notices)
        self._show_first_start()

    def _on_total(self, total: int) -> None:
        self._queue_total = total
        self._show_first_start()

    def _show_first_start(self) -> None:
        """No account connected and nothing in the queue: show what to do next."""
        notices = self.account_watch.current
        waiting = None if notices is None else notices.waiting
        new_desk = waiting is not None and self._queue_total == 0 and not self.search.text()
        if waiting is not None and new_desk:
            self.first_start.show_accounts(waiting)
        self.queue_stack.setCurrentWidget(self.first_start if new_desk else self.queue_view)

    def _show_preferences(self, preferences: Preferences) -> None:
        self.preferences = preferences
        if self.context.translators.language is not preferences.language:
            self.context.translators.install(preferences.language)
        if self.context.theme.choice is not preferences.theme or not self.context.theme.applied:
            self.context.theme.apply(preferences.theme)
        self.commands.theme_actions[preferences.theme].setChecked(True)
        self.commands.language_actions[preferences.language].setChecked(True)
        self.tray.notifications_enabled = preferences.notifications

    def _focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _raise(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Aduan Desk"))
        self._show_unit_title()
        self.commands.retranslate()
        self.queue_model.retranslate()
        self.tray.retranslate()
        self.splitter.setAccessibleName(self.tr("Filters, queue and complaint"))

    def _show_unit_title(self) -> None:
        self.unit_title.setText(self.tr("Aduan Desk · %1").replace("%1", self.context.unit.name))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.pane.flush_draft()
        self.context.window_state.save(self, self._splitters(), self._headers())
        if self.tray.icon is not None:
            self.tray.icon.hide()
        super().closeEvent(event)
