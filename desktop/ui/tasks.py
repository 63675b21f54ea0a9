"""Background work for the window: one database lane, a pool for the network.

Every read and write of the store runs on the one database thread, one job at
a time: what the officer waits for first (``db``), then the sync engines'
store work (``lane``, which carries a job there from a network thread and
waits for it), then background reads (``background``: counts, re-sorting,
the tray) — in order within each. A job given a ``Ticket`` is called off when
the ticket is cancelled: skipped if it has not started, its store reads
interrupted if it has (``desktop.core.tickets``), so work made stale by a
newer request never holds up that request. Network work runs on a pool of daemon
threads (``net``, ``network``), so quitting never waits for a platform that
stopped answering. Results (or exceptions) come back on the GUI thread
through a queued signal, where the callback may touch widgets; work
functions never touch widgets.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Executor, Future
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal, Slot

from desktop.core.tickets import Ticket, running
from desktop.core.workers import DaemonPool, Lane, Priority, PriorityLane

T = TypeVar("T")

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class LaneClosedError(RuntimeError):
    """The window is closing: the database lane takes no more work."""


class _Cancelled:
    """What a job called off returns (its callback is skipped)."""


_CANCELLED = _Cancelled()


class _Bridge(QObject):
    """Carries a finished future's outcome to the GUI thread."""

    finished = Signal(object)  # future


class _Gate:
    """Lets worker threads post results only while the runner lives: a network job that
    outlives the window (quitting never waits for one) must not signal a deleted object."""

    def __init__(self, bridge: _Bridge) -> None:
        self._bridge: _Bridge | None = bridge
        self._lock = threading.Lock()

    def post(self, future: Future[Any]) -> None:
        with self._lock:
            if self._bridge is not None:
                self._bridge.finished.emit(future)

    def close(self, *_args: object) -> None:
        with self._lock:
            self._bridge = None


class _DatabaseLane:
    """The ``Lane`` the sync engines use: their store work, run on the database thread."""

    def __init__(self, runner: TaskRunner) -> None:
        self._runner = runner

    def run(self, work: Callable[[], T]) -> T:
        if threading.current_thread() is self._runner._db.thread:
            return work()  # already there (a lane job that calls the lane)
        try:
            future = self._runner._db.submit(work, Priority.SYNC)
        except RuntimeError as exc:
            raise LaneClosedError("the database lane is closed") from exc
        return future.result()


class TaskRunner(QObject):
    """Run callables in the background and get their results on the GUI thread."""

    DB_THREAD = "aduan-db"

    def __init__(self, parent: QObject | None = None, *, net_workers: int = 6) -> None:
        super().__init__(parent)
        self._db = PriorityLane(self.DB_THREAD)
        self._net = DaemonPool(net_workers, "aduan-net")
        self._bridge = _Bridge(self)
        self._bridge.finished.connect(self._deliver)
        self._gate = _Gate(self._bridge)
        self._waiting: dict[Future[Any], tuple[Done | None, Failed | None]] = {}
        self._closed = False
        self.lane: Lane = _DatabaseLane(self)

    @property
    def network(self) -> Executor:
        """The network pool, for engines that fan requests out themselves."""
        return self._net

    def db(
        self,
        work: Callable[[], T],
        on_done: Done | None = None,
        on_error: Failed | None = None,
        *,
        ticket: Ticket | None = None,
    ) -> None:
        """Store work the officer waits for, first on the database lane (skipped if
        ``ticket`` is cancelled before it starts)."""
        self._submit_db(Priority.INTERACTIVE, work, on_done, on_error, ticket)

    def background(
        self,
        work: Callable[[], T],
        on_done: Done | None = None,
        on_error: Failed | None = None,
        *,
        ticket: Ticket | None = None,
    ) -> None:
        """Store work nobody waits for (counts, re-sorting): after everything else."""
        self._submit_db(Priority.BACKGROUND, work, on_done, on_error, ticket)

    def net(
        self, work: Callable[[], T], on_done: Done | None = None, on_error: Failed | None = None
    ) -> None:
        """Run network work on the pool; it never touches the store (use ``lane``)."""
        self._submit(self._net, work, on_done, on_error)

    @property
    def busy(self) -> bool:
        return bool(self._waiting)

    def shutdown(self) -> None:
        """Stop accepting work, finish the database lane's jobs (nothing written is lost),
        and leave the network threads: a request that hangs does not hold the exit."""
        self._closed = True
        self._net.shutdown(wait=False, cancel_futures=True)
        self._db.shutdown(wait=True)
        self._gate.close()

    def _submit_db(
        self,
        priority: Priority,
        work: Callable[[], Any],
        on_done: Done | None,
        on_error: Failed | None,
        ticket: Ticket | None,
    ) -> None:
        if self._closed:
            return
        run = work if ticket is None else _unless_cancelled(work, ticket)
        self._follow(self._db.submit(run, priority), on_done, on_error)

    def _submit(
        self,
        pool: Executor,
        work: Callable[[], Any],
        on_done: Done | None,
        on_error: Failed | None,
    ) -> None:
        if self._closed:
            return
        self._follow(pool.submit(work), on_done, on_error)

    def _follow(self, future: Future[Any], on_done: Done | None, on_error: Failed | None) -> None:
        # The callbacks stay here, on the GUI thread: a worker thread never holds (and so
        # never drops the last reference to) the widgets and models they belong to.
        self._waiting[future] = (on_done, on_error)
        future.add_done_callback(self._gate.post)

    @Slot(object)
    def _deliver(self, future: Future[Any]) -> None:
        on_done, on_error = self._waiting.pop(future, (None, None))
        if future.cancelled() or self._closed:
            return
        error = future.exception()
        if error is None:
            result = future.result()
            if on_done is not None and result is not _CANCELLED:
                on_done(result)
        elif on_error is not None:
            on_error(error)
        else:
            # Nobody expected this failure: it is a bug; the exception hook reports it.
            raise error


def _unless_cancelled(work: Callable[[], T], ticket: Ticket) -> Callable[[], T | _Cancelled]:
    """``work`` as a job of ``ticket``: skipped if called off before it starts, its reads
    interrupted if called off while it runs (whatever it raises then is not wanted)."""

    def run() -> T | _Cancelled:
        try:
            with running(ticket):
                return work()
        except Exception:
            if ticket.cancelled:
                return _CANCELLED
            raise

    return run
