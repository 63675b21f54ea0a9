"""Runs sync rounds in the background and tells the window what changed.

One round at a time, on the network pool of the ``TaskRunner``: pull every
account that is due, push the outbox; the engine's store work goes through the
runner's database lane. The window learns which complaints changed after each
pulled page is stored (a long first sync shows its complaints as they come),
and where each account stands and what the outbox sent when the round ends; the
clock takes the skew the round measured. Nothing here waits on the GUI thread,
and a network error is never a dialog — it is an account's state.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from desktop.core.clock import ClockSkew, ServerClock
from desktop.core.credentials import Vault
from desktop.core.desk import Desk
from desktop.core.errors import UserError
from desktop.core.sync.engine import SyncEngine, SyncReport
from desktop.ui.tasks import LaneClosedError, TaskRunner

log = logging.getLogger(__name__)

ROUND_EVERY_MS = 5_000  # each account keeps its own schedule; this only looks


class SyncController(QObject):
    complaints_changed = Signal(object)  # frozenset[int], always on the GUI thread
    round_started = Signal()
    round_finished = Signal(object)  # SyncReport
    _page_stored = Signal(object)  # emitted on the pulling thread, delivered on the GUI's

    def __init__(
        self,
        desk: Desk,
        vault: Vault,
        tasks: TaskRunner,
        clock: ServerClock,
        parent: QObject | None = None,
        *,
        every_ms: int = ROUND_EVERY_MS,
    ) -> None:
        super().__init__(parent)
        self._engine = SyncEngine(
            desk.store,
            vault,
            lane=tasks.lane,
            network=tasks.network,
            on_stored=self._stored,
        )
        self._page_stored.connect(self.complaints_changed, Qt.ConnectionType.QueuedConnection)
        self._desk = desk
        self._clock = clock
        self._tasks = tasks
        self._running = False
        self._again = False
        self._timer = QTimer(self)
        self._timer.setInterval(every_ms)
        self._timer.timeout.connect(self._scheduled)

    @property
    def running(self) -> bool:
        return self._running

    def start(self) -> None:
        """First round now, then on the timer."""
        self._timer.start()
        self.sync_now()

    def stop(self) -> None:
        self._timer.stop()
        self._engine.close()

    @Slot()
    def sync_now(self) -> None:
        """The officer asked: every account that may be asked now, then the outbox."""
        self._round(force=True)

    @Slot()
    def _scheduled(self) -> None:
        self._round(force=False)

    def _round(self, *, force: bool) -> None:
        if self._running:
            self._again = self._again or force
            return
        self._running = True
        self.round_started.emit()
        self._tasks.net(lambda: self._engine.run_once(force=force), self._finished, self._failed)

    def _stored(self, changed: frozenset[int]) -> None:
        """A pulled page is stored (on the pulling thread): tell the window, on its own."""
        try:
            self._page_stored.emit(changed)
        except RuntimeError:  # the window, and this object with it, closed meanwhile
            log.debug("a stored page after the window closed: nothing to tell")

    def _finished(self, report: SyncReport) -> None:
        self._running = False
        self._tasks.background(self._desk.unit.clock_skew, self._set_skew)
        if report.push.changed_complaints:  # the pulls told theirs page by page
            self.complaints_changed.emit(frozenset(report.push.changed_complaints))
        self.round_finished.emit(report)
        if self._again:
            self._again = False
            self.sync_now()

    def _failed(self, error: BaseException) -> None:
        # Platform trouble is recorded per account by the engines; what arrives
        # here is the store (a full disk, say) or a bug.
        self._running = False
        self.round_finished.emit(None)
        if isinstance(error, LaneClosedError):
            return  # the window is closing
        if not isinstance(error, UserError):
            raise error  # a bug: the exception hook reports it
        log.warning("sync round stopped: %s", error.english())

    def _set_skew(self, skew: ClockSkew) -> None:
        self._clock.skew = skew
