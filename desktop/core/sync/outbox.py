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

# A claim older than this is stale even if its process looks alive.
LEASE = timedelta(minutes=10)
_HOST = socket.gethostname()
_NONCE = uuid.uuid4().hex[:8]


def claimant() -> str:
    """Who claims entries: this host, this process, this run."""
    return f"{_HOST}:{os.getpid()}:{_NONCE}"


def claim_is_alive(who: str) -> bool:
    """Whether the process named in a claim may still be sending."""
    host, _, rest = who.partition(":")
    pid_text = rest.partition(":")[0]
    if who == claimant():
        return True
    if host != _HOST or not pid_text.isdigit():
        return True  # another machine: only the lease can tell
    if os.name == "nt":
        return True  # no safe liveness probe here: rely on the lease
    try:
        os.kill(int(pid_text), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
