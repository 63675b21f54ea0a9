"""A desktop's ear on the station: LISTEN for the change feed's notifications and
ask only for what changed after the last sequence number seen.

One thread holds one extra connection in LISTEN. Each notification (PostgreSQL
folds a transaction's into one) wakes it; it reads ``changed_after(last)``
through the store and hands the changed complaint ids to ``on_changes`` (on
this thread: a window passes them on to its own thread). When the connection
is lost it tells ``on_link(False)``, tries again every ``RETRY_SECONDS``, and
on return reads what changed meanwhile (notifications sent while away are
lost; the sequence is not) before ``on_link(True)``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

import psycopg
from sqlalchemy.exc import DBAPIError

from desktop.core.errors import UserError
from desktop.core.store import changes
from desktop.core.store.changes import Changes
from desktop.core.store.database import Store

log = logging.getLogger(__name__)

WAIT_SECONDS = 0.5  # how often the listening thread looks whether it should stop
RETRY_SECONDS = 1.0


class ChangeFeed:
    """Changed complaint ids after ``after`` (default: from now on) as they commit."""

    def __init__(
        self,
        store: Store,
        on_changes: Callable[[Changes], None],
        *,
        after: int | None = None,
        on_link: Callable[[bool], None] | None = None,
    ) -> None:
        self._store = store
        self._on_changes = on_changes
        self._on_link = on_link or (lambda _up: None)
        self._after = after
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._up: bool | None = None
        self.listening = threading.Event()  # set while LISTEN is in place

    @property
    def after(self) -> int | None:
        """The last sequence number handed on."""
        return self._after

    def catch_up(self) -> None:
        """Hand on everything changed after the last number seen (in batches)."""
        if self._after is None:
            with self._store.read() as conn:
                self._after = changes.latest(conn)
            return
        while True:
            with self._store.read() as conn:
                found = changes.changed_after(conn, self._after)
            if found.empty:
                return
            self._after = found.last
            self._on_changes(found)

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="station-feed", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5 * WAIT_SECONDS + 5)
            self._thread = None

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self._listen()
            except (DBAPIError, psycopg.Error, UserError, OSError) as exc:
                self.listening.clear()
                log.info("station feed: connection lost (%s)", type(exc).__name__)
                self._tell(False)
                self._stop.wait(RETRY_SECONDS)

    def _tell(self, up: bool) -> None:
        if self._up is not up:
            self._up = up
            self._on_link(up)

    def _listen(self) -> None:
        raw = self._store.engine.raw_connection()
        try:
            listener = raw.driver_connection
            assert listener is not None
            listener.autocommit = True
            listener.execute(f"LISTEN {changes.CHANNEL}")
            self.listening.set()
            self.catch_up()  # what committed before LISTEN was in place
            self._tell(True)
            while not self._stop.is_set():
                woken = list(listener.notifies(timeout=WAIT_SECONDS, stop_after=1))
                if woken:
                    self.catch_up()
                else:
                    listener.execute("SELECT 1")  # a dead link shows here, not only on write
        finally:
            self.listening.clear()
            raw.invalidate()
