"""The filter side bar: Mendesak, Terlambat, Baru, statuses, channels, accounts — with counts.

Counts are read on the database lane, one small read per job so the queue's
own reads slip in between; they refresh after every change and every minute.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import partial

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.deadlines import UnitSettings
from desktop.core.desk.queue import Queue
from desktop.core.model import Account
from desktop.ui.filters import OPEN, Counts, CountStep, FilterKey, count_steps
from desktop.ui.sidebar_model import SidebarModel, SidebarRole
from desktop.ui.sidebar_view import SidebarView
from desktop.ui.tasks import TaskRunner

REFRESH_MS = 60_000
Index = QModelIndex | QPersistentModelIndex


class Sidebar(QWidget):
    filter_chosen = Signal(object)  # FilterKey
    counts_changed = Signal(object)  # Counts (all of them, as far as read)
    accounts_changed = Signal(object)  # list[Account]
    read_failed = Signal(object)  # an exception from the database lane

    def __init__(
        self,
        queue: Queue,
        tasks: TaskRunner,
        unit: UnitSettings,
        clock: Callable[[], datetime],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._queue, self._tasks, self._unit, self._clock = queue, tasks, unit, clock
        self._refreshing = False
        self._again = False
        self.model = SidebarModel(self)
        self.view = SidebarView(self.model, self)
        self.view.setObjectName("filterList")
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setMouseTracking(True)
        self.view.setUniformItemSizes(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 6)
        layout.addWidget(self.view)
        self.setMinimumWidth(190)
        self.view.selectionModel().currentChanged.connect(self._on_current)
        self.model.modelReset.connect(self._reselect)
        self._chosen: FilterKey = OPEN
        self._timer = QTimer(self, interval=REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self.retranslate()
        self._select(OPEN)

    @property
    def chosen(self) -> FilterKey:
        return self._chosen

    def set_unit(self, unit: UnitSettings) -> None:
        self._unit = unit
        self.refresh()

    def choose(self, key: FilterKey) -> None:
        self._select(key)

    def refresh(self) -> None:
        """Re-read the accounts and every count (a refresh asked during one follows it)."""
        if self._refreshing:
            self._again = True
            return
        self._refreshing = True
        self._tasks.background(self._queue.accounts, self._on_accounts, self._on_failure)

    def retranslate(self) -> None:
        self.view.setAccessibleName(self.tr("Filters"))
        self.view.setAccessibleDescription(self.tr("Narrow the queue; each filter shows its count"))
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _on_accounts(self, accounts: list[Account]) -> None:
        self.model.set_accounts(accounts)
        self.accounts_changed.emit(accounts)
        self._next_step(count_steps(self._clock(), self._unit, accounts))

    def _next_step(self, steps: list[CountStep]) -> None:
        if not steps:
            self._refreshing = False
            if self._again:
                self._again = False
                self.refresh()
            return
        step, rest = steps[0], steps[1:]
        self._tasks.background(
            partial(step, self._queue), partial(self._on_counts, rest), self._on_failure
        )

    def _on_counts(self, rest: list[CountStep], counts: Counts) -> None:
        self.model.set_counts(counts)
        self.counts_changed.emit(dict(counts))
        self._next_step(rest)

    def _on_failure(self, error: BaseException) -> None:
        self._refreshing = self._again = False
        self.read_failed.emit(error)

    def _select(self, key: FilterKey) -> None:
        row = self.model.row_of(key)
        if row is None:
            return
        self.view.selectionModel().setCurrentIndex(
            self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
        )

    def _reselect(self) -> None:
        wanted = self._chosen if self.model.row_of(self._chosen) is not None else OPEN
        self._chosen = wanted
        self._select(wanted)

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        key = current.data(SidebarRole.KEY) if current.isValid() else None
        if key is None or key == self._chosen:
            return
        self._chosen = key
        self.filter_chosen.emit(key)
