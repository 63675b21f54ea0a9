"""Cutting station connections that wait too long for an answer.

A link that swallows everything (a cable cut behind a switch, a router that
drops the packets) does not fail: the client waits for an answer that never
comes, and psycopg's calls have no deadline of their own. The watchdog knows
when each watched connection started its current work; one that has waited
longer than its limit gets its socket shut down, and the waiting call fails
with an ordinary connection error, which the feed treats as the station being out.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Any

from sqlalchemy import Engine, event

TICK_SECONDS = 0.25


class Watchdog:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._busy: dict[int, tuple[float, Any]] = {}  # id(conn): (deadline, psycopg conn)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, name="station-watchdog", daemon=True)
        self._thread.start()

    @contextmanager
    def guard(self, conn: Any, seconds: float) -> Iterator[None]:
        """Cut ``conn`` (a psycopg connection) if this block outlasts ``seconds``."""
        self._arm(conn, seconds)
        try:
            yield
        finally:
            self._disarm(conn)

    def watch(self, engine: Engine, seconds: float) -> None:
        """Cut any connection of ``engine`` checked out for longer than ``seconds``."""

        def checkout(dbapi_conn: Any, _record: object, _proxy: object) -> None:
            self._arm(dbapi_conn, seconds)

        def checkin(dbapi_conn: Any, _record: object) -> None:
            self._disarm(dbapi_conn)

        event.listen(engine, "checkout", checkout)
        event.listen(engine, "checkin", checkin)

    def stop(self) -> None:
        self._stop.set()

    def _arm(self, conn: Any, seconds: float) -> None:
        with self._lock:
            self._busy[id(conn)] = (time.monotonic() + seconds, conn)

    def _disarm(self, conn: Any) -> None:
        with self._lock:
            self._busy.pop(id(conn), None)

    def _watch(self) -> None:
        while not self._stop.wait(TICK_SECONDS):
            now = time.monotonic()
            with self._lock:
                late = [c for deadline, c in self._busy.values() if deadline < now]
                for conn in late:
                    self._busy.pop(id(conn), None)
            for conn in late:
                _cut(conn)


def _cut(conn: Any) -> None:
    try:
        fd = os.dup(conn.pgconn.socket)
    except Exception:
        return
    with socket.socket(fileno=fd) as sock, suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
