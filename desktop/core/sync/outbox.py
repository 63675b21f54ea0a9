"""Who holds an outbox claim, and whether that process may still be sending.

The outbox's rules: every queued reply reaches the platform once — never lost, never twice.

States: ``queued → sending → sent | failed``, with ``uncertain`` for a send
whose outcome is unknown (the request left, no answer came back), and
``cancelled`` by the officer before sending. Every transition is committed
before the network is touched. No platform takes an idempotency key, so an
uncertain entry is reconciled by reading the thread back before any retry;
where a platform cannot be read back, the officer decides.

Claiming is atomic in the database (a conditional UPDATE inside an
immediate transaction, ``store.outbox``): two sync processes never send the same
entry. A ``sending`` entry whose process died is taken as ``uncertain``.
"""

from __future__ import annotations

import os
import socket
import uuid
from datetime import timedelta

import psutil

from desktop.core.platforms.http import DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT

# A claim older than this is stale even if its process looks alive.
LEASE = timedelta(minutes=10)
# How long a request of a process that died may still reach the platform: the HTTP
# session's connect and read timeouts, and a margin.
IN_FLIGHT = timedelta(seconds=DEFAULT_CONNECT_TIMEOUT + DEFAULT_READ_TIMEOUT + 20)
_HOST = socket.gethostname()
_NONCE = uuid.uuid4().hex[:8]
# A process id is reused once its process is gone; its start time tells the two apart.
_SAME_START = 1.0  # seconds


def claimant() -> str:
    """Who claims entries: this host, this process (id and start time), this run."""
    pid = os.getpid()
    return f"{_HOST}:{pid}:{_started(pid):.2f}:{_NONCE}"


def _started(pid: int) -> float | None:
    """When process ``pid`` started (seconds since the epoch); ``None`` if it is gone."""
    try:
        process = psutil.Process(pid)
        with process.oneshot():
            if process.status() == psutil.STATUS_ZOMBIE:
                return None  # dead, not yet reaped by its parent
            return float(process.create_time())
    except psutil.NoSuchProcess:
        return None


def claim_is_alive(who: str) -> bool:
    """Whether the process named in a claim may still be sending.

    ``host:pid:start:nonce`` (``host:pid:nonce`` from older versions). Another
    host, or a process this user may not inspect, is left to the lease.
    """
    if who == claimant():
        return True
    parts = who.split(":")
    pid_text = parts[1] if len(parts) > 1 else ""
    if parts[0] != _HOST or not pid_text.isdigit():
        return True  # another machine: only the lease can tell
    try:
        started = _started(int(pid_text))
    except psutil.Error:
        return True  # not ours to inspect: the lease decides
    if started is None:
        return False
    if len(parts) != 4:
        return True  # an older claim without a start time: the process id is all there is
    try:
        return abs(started - float(parts[2])) < _SAME_START
    except ValueError:
        return True
