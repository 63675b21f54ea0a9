"""Where work runs: store work in one lane, network work on a pool of daemon threads.

The command line runs store work in its own thread (``DIRECT``). The window
hands the sync engines a lane that carries each unit of store work to its one
database thread and waits for the result there, so every write in the window
has one owner. Network threads are daemons: quitting never waits for a
platform that stopped answering.
"""

from __future__ import annotations

import enum
import heapq
import itertools
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Executor, Future
from typing import Any, ParamSpec, Protocol, TypeVar

T = TypeVar("T")
P = ParamSpec("P")


class Lane(Protocol):
    def run(self, work: Callable[[], T]) -> T:
        """Run ``work`` where store work runs; return its result or raise its error."""
        ...


class _Direct:
    def run(self, work: Callable[[], T]) -> T:
        return work()


DIRECT: Lane = _Direct()


class DaemonPool(Executor):
    """A fixed pool of daemon threads (``concurrent.futures`` joins its threads at exit)."""

    def __init__(self, workers: int, name: str) -> None:
        self._jobs: queue.SimpleQueue[tuple[Future[Any], Callable[[], Any]] | None] = (
            queue.SimpleQueue()
        )
        self._closed = False
        self._lock = threading.Lock()
        self._threads = [
            threading.Thread(target=self._work, name=f"{name}-{n}", daemon=True)
            for n in range(workers)
        ]
        for thread in self._threads:
            thread.start()

    def submit(self, fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> Future[T]:
        future: Future[T] = Future()
        with self._lock:
            if self._closed:
                raise RuntimeError("the pool is shut down")
            self._jobs.put((future, lambda: fn(*args, **kwargs)))
        return future

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        with self._lock:
            if self._closed:
                return
            self._closed = True
        if cancel_futures:
            while True:
                try:
                    job = self._jobs.get_nowait()
                except queue.Empty:
                    break
                if job is not None:
                    job[0].cancel()
        for _ in self._threads:
            self._jobs.put(None)
        if wait:
            for thread in self._threads:
                thread.join()

    def _work(self) -> None:
        while (job := self._jobs.get()) is not None:
            future, work = job
            if not future.set_running_or_notify_cancel():
                continue
            try:
                result = work()
            except BaseException as exc:
                future.set_exception(exc)
            else:
                future.set_result(result)


class Priority(enum.IntEnum):
    """Which store work goes first on a lane that runs one job at a time."""

    INTERACTIVE = 0  # what the officer waits for: a page, a search, an action
    SYNC = 1  # the sync engines' pages and outcomes
    BACKGROUND = 2  # counts, re-sorting, the tray's look: never ahead of the officer


class PriorityLane:
    """One thread running jobs one at a time: the most urgent priority first, in order
    of submission within a priority."""

    def __init__(self, name: str) -> None:
        self._jobs: list[tuple[int, int, Future[Any], Callable[[], Any]]] = []
        self._order = itertools.count()
        self._ready = threading.Condition()
        self._closed = False
        self.thread = threading.Thread(target=self._work, name=name, daemon=True)
        self.thread.start()

    def submit(self, work: Callable[[], T], priority: Priority) -> Future[T]:
        future: Future[T] = Future()
        with self._ready:
            if self._closed:
                raise RuntimeError("the lane is shut down")
            heapq.heappush(self._jobs, (int(priority), next(self._order), future, work))
            self._ready.notify()
        return future

    def shutdown(self, wait: bool = True) -> None:
        """Take no more jobs; the queued ones still run (nothing written is dropped)."""
        with self._ready:
            self._closed = True
            self._ready.notify()
        if wait:
            self.thread.join()

    def _work(self) -> None:
        while True:
            with self._ready:
                while not self._jobs and not self._closed:
                    self._ready.wait()
                if not self._jobs:
                    return
                _, _, future, work = heapq.heappop(self._jobs)
            if not future.set_running_or_notify_cancel():
                continue
            try:
                result = work()
            except BaseException as exc:
                future.set_exception(exc)
            else:
                future.set_result(result)
