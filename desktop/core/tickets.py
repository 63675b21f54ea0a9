"""Calling off work made stale by a newer request: before it starts, or while it reads.

The window gives each request's jobs a ``Ticket`` (a search's first rows, its
count) and cancels it when the officer asks for something else. A job that
has not started is skipped. A job already running under its ticket
(``running``) has its store reads interrupted: the SQLite store registers the
read's connection with the ticket (``interruptible``) for as long as the read
lasts, so cancelling interrupts the statement at once, and checks the ticket
before each of the read's statements (``check``), so a cancel that lands
between two statements stops the next. The lane is then free for the new
request. Writes never take part: a cancelled ticket never stops a write.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager


class CancelledJobError(Exception):
    """The job's ticket was cancelled: its result is no longer wanted."""


class Ticket:
    """Lets one thread call off jobs made stale by a newer request."""

    def __init__(self) -> None:
        self._cancelled = False
        self._lock = threading.Lock()
        self._interrupts: list[Callable[[], None]] = []

    def cancel(self) -> None:
        """Skip the jobs not started; interrupt the reads running under this ticket."""
        with self._lock:
            self._cancelled = True
            for interrupt in self._interrupts:
                interrupt()

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    def check(self) -> None:
        """Raise ``CancelledJobError`` if the ticket is cancelled: before each statement
        of a read, so a cancel that lands between two statements stops the next one."""
        if self._cancelled:
            raise CancelledJobError

    @contextmanager
    def interruptible(self, interrupt: Callable[[], None]) -> Iterator[None]:
        """Run the block so that ``cancel`` calls ``interrupt`` (from the cancelling
        thread), never after the block; raise ``CancelledJobError`` if cancelled already."""
        with self._lock:
            self.check()
            self._interrupts.append(interrupt)
        try:
            yield
        finally:
            with self._lock:
                self._interrupts.remove(interrupt)


_running = threading.local()


@contextmanager
def running(ticket: Ticket) -> Iterator[None]:
    """Run the block as a job of ``ticket``, on this thread; ``CancelledJobError`` if the
    ticket is cancelled already (the job is skipped)."""
    ticket.check()
    outer = current_ticket()
    _running.ticket = ticket
    try:
        yield
    finally:
        _running.ticket = outer


def current_ticket() -> Ticket | None:
    """The ticket of the job running on this thread, if it has one."""
    ticket: Ticket | None = getattr(_running, "ticket", None)
    return ticket
