"""Background work for the window: one serial lane for the database, a pool for the network.

Work runs off the GUI thread; its result (or exception) comes back on the
GUI thread through a queued signal, where the callback may touch widgets.
Work functions themselves never touch widgets.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal, Slot

T = TypeVar("T")

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class _Bridge(QObject):
    """Carries a finished future's outcome to the GUI thread."""

    finished = Signal(object, object, object)  # future, on_done, on_error


class TaskRunner(QObject):
    """Run callables in the background and get their results on the GUI thread.

    ``db`` work runs one at a time, in order (the store has one writer);
    ``net`` work runs in parallel on a small pool.
    """

    def __init__(self, parent: QObject | None = None, *, net_workers: int = 4) -> None:
        super().__init__(parent)
        self._db = ThreadPoolExecutor(max_workers=1, thread_name_prefix="aduan-db")
        self._net = ThreadPoolExecutor(max_workers=net_workers, thread_name_prefix="aduan-net")
        self._bridge = _Bridge(self)
        self._bridge.finished.connect(self._deliver)
        self._pending = 0
        self._closed = False

    def db(
        self, work: Callable[[], T], on_done: Done | None = None, on_error: Failed | None = None
    ) -> None:
        self._submit(self._db, work, on_done, on_error)

    def net(
        self, work: Callable[[], T], on_done: Done | None = None, on_error: Failed | None = None
    ) -> None:
        self._submit(self._net, work, on_done, on_error)

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def shutdown(self, *, wait: bool = True) -> None:
        """Stop accepting work; finish (``wait``) what is running."""
        self._closed = True
        self._net.shutdown(wait=wait, cancel_futures=True)
        self._db.shutdown(wait=wait, cancel_futures=False)

    def _submit(
        self,
        pool: ThreadPoolExecutor,
        work: Callable[[], T],
        on_done: Done | None,
        on_error: Failed | None,
    ) -> None:
        if self._closed:
            return
        self._pending += 1
        future = pool.submit(work)
        future.add_done_callback(lambda f: self._bridge.finished.emit(f, on_done, on_error))

    @Slot(object, object, object)
    def _deliver(self, future: Future[Any], on_done: Done | None, on_error: Failed | None) -> None:
        self._pending -= 1
        if future.cancelled():
            return
        error = future.exception()
        if error is None:
            if on_done is not None:
                on_done(future.result())
        elif on_error is not None:
            on_error(error)
        else:
            # Nobody expected this failure: it is a bug; the exception hook reports it.
            raise error
