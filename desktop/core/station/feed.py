"""A desktop's ear on the station: LISTEN for the change feed's notifications and
ask only for what changed after the last sequence number seen.

One thread holds one extra connection in LISTEN. Each notification (PostgreSQL
folds a transaction's into one) wakes it; it reads ``changed_after(last)``
through the store and hands the changes to ``on_changes`` (on this thread: a
window passes them on to its own thread). When the connection is lost it tells
``on_link(False)``, tries again every ``RETRY_SECONDS``, and on return first
calls ``on_connect`` (the offline journal is applied there), then reads what
changed meanwhile (notifications sent while away are lost; the sequence is
not) and tells ``on_link(True)``. ``wake()`` makes it call ``on_connect``
again soon (an officer acted: apply the journal now).

The same connection listens for presence (``store/presence.py``):
``on_presence(complaint_id)`` is told when someone arrives at a complaint,
starts or stops typing, or leaves. Presence is not in the change sequence: a
notification lost while away needs no catching up (the window's slow refresh
reads presence again, and rows expire on their own).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

import psycopg
from psycopg.conninfo import make_conninfo
from sqlalchemy.exc import DBAPIError

from desktop.core.errors import UserError
from desktop.core.station.watchdog import Watchdog
from desktop.core.store import changes, presence
from desktop.core.store.changes import Changes
from desktop.core.store.database import Store
from desktop.core.store.postgresql import CONNECT_TIMEOUT_SECONDS, TCP_USER_TIMEOUT_MS

log = logging.getLogger(__name__)

WAIT_SECONDS = 0.1  # how often the listening thread looks for work or a stop
PING_SECONDS = 1.0  # how often a quiet link is checked
RETRY_SECONDS = 1.0
PING_LIMIT_SECONDS = 3.0  # a ping unanswered this long: the link is dead
LINK_ERRORS = (DBAPIError, psycopg.Error, OSError)


def _nothing() -> None:
    return None


class ChangeFeed:
    """Changes after ``after`` (default: from now on), as they commit."""

    def __init__(
        self,
        store: Store,
        on_changes: Callable[[Changes], None],
        *,
        after: int | None = None,
        on_link: Callable[[bool], None] | None = None,
        on_connect: Callable[[], object] = _nothing,
        watchdog: Watchdog | None = None,
        on_presence: Callable[[int], None] | None = None,
    ) -> None:
        self._store = store
        self.on_presence = on_presence or (lambda _complaint: None)
        self._on_changes = on_changes
        self._on_link = on_link or (lambda _up: None)
        self._on_connect = on_connect
        self._after = after
        self._stop = threading.Event()
        self._woken = threading.Event()
        self._thread: threading.Thread | None = None
        self._up: bool | None = None
        self._watchdog = watchdog
        self.listening = threading.Event()  # set while LISTEN is in place

    @property
    def after(self) -> int | None:
        """The last sequence number handed on."""
        return self._after

    @property
    def up(self) -> bool:
        return bool(self._up)

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
            self._on_changes(found)
            self._after = found.last

    def resume_after(self, after: int) -> None:
        """Start from ``after`` (before ``start``): the replica's own cursor."""
        self._after = after

    def wake(self) -> None:
        self._woken.set()

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="station-feed", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=CONNECT_TIMEOUT_SECONDS + 5)
            self._thread = None

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self._listen()
            except (*LINK_ERRORS, UserError) as exc:
                self.listening.clear()
                log.info("station feed: connection lost (%s)", type(exc).__name__)
                self._tell(False)
                self._stop.wait(RETRY_SECONDS)

    def _tell(self, up: bool) -> None:
        if self._up is not up:
            self._up = up
            self._on_link(up)

    def _connect(self) -> psycopg.Connection[tuple[object, ...]]:
        url = self._store.engine.url
        conninfo = make_conninfo(
            host=url.host,
            port=url.port,
            dbname=url.database,
            user=url.username,
            password=url.password,
            connect_timeout=CONNECT_TIMEOUT_SECONDS,
            tcp_user_timeout=TCP_USER_TIMEOUT_MS,
            application_name="aduan-desk-feed",
            **{k: str(v) for k, v in url.query.items()},
        )
        return psycopg.connect(conninfo, autocommit=True)

    def _ping(self, listener: psycopg.Connection[tuple[object, ...]]) -> None:
        if self._watchdog is None:
            listener.execute("SELECT 1")
            return
        with self._watchdog.guard(listener, PING_LIMIT_SECONDS):
            listener.execute("SELECT 1")

    def _listen(self) -> None:
        with self._connect() as listener:
            listener.execute(f"LISTEN {changes.CHANNEL}")
            listener.execute(f"LISTEN {presence.CHANNEL}")
            self.listening.set()
            self._woken.clear()
            self._on_connect()
            self.catch_up()  # what committed before LISTEN was in place, or while away
            self._tell(True)
            quiet = 0.0
            while not self._stop.is_set():
                heard = list(listener.notifies(timeout=WAIT_SECONDS, stop_after=1))
                woken = [n for n in heard if n.channel == changes.CHANNEL]
                for note in heard:
                    if note.channel == presence.CHANNEL and note.payload.isdigit():
                        self.on_presence(int(note.payload))
                if self._woken.is_set():
                    self._woken.clear()
                    self._ping(listener)  # the link first: a write would wait longer
                    self._on_connect()
                if heard:
                    if woken:
                        self.catch_up()
                    quiet = 0.0
                    continue
                quiet += WAIT_SECONDS
                if quiet >= PING_SECONDS:  # a dead link shows here, not only on a write
                    self._ping(listener)
                    quiet = 0.0
        self.listening.clear()
