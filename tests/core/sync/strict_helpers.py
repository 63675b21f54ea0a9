"""What the strict-mode outbox tests share: a clock they move, pushing until settled."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta

from desktop.core.model import ReplyState
from desktop.core.store import queries
from desktop.core.store.database import Store
from desktop.core.sync.push import Sender


class Clock:
    """Time for the sender that the tests move forward (past any backoff)."""

    def __init__(self) -> None:
        self.now = datetime.now(UTC) + timedelta(seconds=1)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, hours: float = 6) -> None:
        self.now += timedelta(hours=hours)


def states(store: Store) -> Counter[ReplyState]:
    with store.read() as conn:
        return Counter(e.reply.state for e in queries.outbox(conn, include_sent=True))


def push_until_settled(sender: Sender, store: Store, clock: Clock, rounds: int = 12) -> None:
    for _ in range(rounds):
        sender.push_due()
        clock.advance()
        now = states(store)
        if not now[ReplyState.QUEUED] and not now[ReplyState.UNCERTAIN]:
            return
    raise AssertionError(f"outbox never settled: {states(store)}")
