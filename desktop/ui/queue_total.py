"""The queue's total: how many complaints match its filter, counted on the database lane.

A count can take a while (a common search word, counted up to a cap: ``count_shown``).
A new filter's count waits for its first rows to be painted: running on the lane
meanwhile, it would hold the interpreter the paint needs. Unpainted (no view shows
them), it starts after ``COUNT_WAIT_MS``. A count made stale by a newer one, or by a
new filter, is called off, and its result, if it comes anyway, dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.core.desk.queue import Queue
from desktop.core.store.queries import QueueFilter
from desktop.core.store.queue_pages import CappedCount
from desktop.core.tickets import Ticket
from desktop.ui.tasks import TaskRunner

COUNT_WAIT_MS = 250


class QueueTotal(QObject):
    changed = Signal(int)  # the new total

    def __init__(
        self,
        queue: Queue,
        tasks: TaskRunner,
        on_failure: Callable[[BaseException], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._queue, self._tasks, self._on_failure = queue, tasks, on_failure
        self.value = 0
        self.more = False  # a search's count stopped at ``value``: more match
        self._ticket = Ticket()  # the count under way (or done)
        self._waiting = QueueFilter()  # what is counted once its first rows are painted
        self._waits = QTimer(self, singleShot=True, interval=COUNT_WAIT_MS)
        self._waits.timeout.connect(lambda: self.count(self._waiting))

    def hold(self) -> None:
        """A new filter: the count under way is called off, and none starts before the
        new filter's first rows are in (``after_paint``)."""
        self._waits.stop()
        self._ticket.cancel()
        self._ticket = Ticket()

    def after_paint(self, queue_filter: QueueFilter) -> None:
        """Count ``queue_filter`` once its first rows are painted (``rows_shown``)."""
        self._waiting = queue_filter
        self._waits.start()

    def rows_shown(self) -> None:
        """A view painted the rows: a count waiting for that starts now."""
        if self._waits.isActive():
            self._waits.stop()
            self.count(self._waiting)

    def count(self, queue_filter: QueueFilter) -> None:
        """Count ``queue_filter`` now, calling off the count under way."""
        self.hold()
        ticket = self._ticket
        self._tasks.background(
            partial(self._queue.count_shown, queue_filter),
            partial(self._on_count, ticket),
            self._on_failure,
            ticket=ticket,
        )

    def _on_count(self, ticket: Ticket, total: CappedCount) -> None:
        if ticket is self._ticket:  # nothing newer since
            self.value, self.more = total.value, total.more
            self.changed.emit(total.value)
