"""Concurrent writers on one station never deadlock: officers changing statuses
(the same complaints and different ones) while the worker stores pulled pages
into those complaints and records sent replies.

Every writer of the tables the desktops show takes the change feed's lock before
its first row lock on them (a statement-level BEFORE trigger), so a status
change that holds a complaint's row can no longer wait for the lock that a page
store holds while the page store waits for that row.
"""

from __future__ import annotations

import random
import threading
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from itertools import count

import pytest
from sqlalchemy import select
from sqlalchemy.engine import URL

from desktop.core.errors import UserError
from desktop.core.model import TRANSITIONS, Channel, InboundItem, Status
from desktop.core.store import actions, outbox
from desktop.core.store.database import Store, open_postgresql
from desktop.core.store.ingest import ingest
from desktop.core.store.schema import ComplaintRow, OutboxRow, StatusChangeRow
from tests.support import add_account

pytestmark = pytest.mark.postgresql

HOT = 3  # complaints every writer works on
COMPLAINTS = 12
OFFICERS = 6
ROUNDS = 40


def _item(n: int, thread: int, *, outbound: bool = False) -> InboundItem:
    return InboundItem(
        channel=Channel.X,
        thread_id=f"t{thread}",
        platform_id=f"m{n}",
        author_id="own" if outbound else f"u{thread}",
        author_name="Humas" if outbound else "Budi Santoso",
        text="Motor saya hilang di parkiran pasar",
        platform_time=datetime.now(UTC) - timedelta(minutes=5) + timedelta(microseconds=n),
        outbound=outbound,
    )


class Tally:
    """What the writers saw: busy refusals (deadlocks, lock timeouts) by SQLSTATE."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.outcomes: Counter[str] = Counter()

    def run(self, kind: str, action: Callable[..., object], *args: object) -> None:
        try:
            action(*args)
            outcome = f"{kind} done"
        except UserError as exc:
            if exc.code == "database_busy":
                outcome = f"busy {exc.params.get('detail')}"
            elif exc.code == "illegal_transition":
                outcome = "moved by another"  # a legal outcome: read, then another moved it
            else:
                raise
        with self._lock:
            self.outcomes[outcome] += 1

    @property
    def busy(self) -> int:
        return sum(n for outcome, n in self.outcomes.items() if outcome.startswith("busy"))


def _officer(store: Store, ids: list[int], seed: int, tally: Tally) -> None:
    rng = random.Random(seed)
    for i in range(ROUNDS):
        complaint = rng.choice(ids[:HOT] if i % 2 else ids)
        with store.read() as conn:
            current = Status(
                conn.execute(
                    select(ComplaintRow.status).where(ComplaintRow.id == complaint)
                ).scalar_one()
            )
        wanted = rng.choice(sorted(TRANSITIONS[current]))
        tally.run("status", actions.change_status, store, complaint, wanted, f"Petugas {seed}")


def _worker(store: Store, account_id: int, numbers: count[int], tally: Tally) -> None:
    """Pages of new messages into the hot complaints, and replies recorded as sent."""
    for i in range(ROUNDS):
        if i % 2:
            page = [_item(next(numbers), thread) for thread in range(HOT)]
            tally.run("page", ingest, store, account_id, page, None)
            continue
        with store.read() as conn:
            queued = conn.execute(select(OutboxRow.id).where(OutboxRow.state == "queued")).first()
        if queued is None:
            continue
        tally.run("sent", _send, store, queued[0], next(numbers))


def _send(store: Store, entry_id: int, n: int) -> None:
    now = datetime.now(UTC)
    with store.write() as conn:
        eligible = outbox.eligible(conn, now, blocked=frozenset())
        entry = next((e for e in eligible if e.id == entry_id), None)
        if entry is None or not outbox.claim(conn, entry, now, "worker"):  # the other took it
            return
    with store.write() as conn:
        thread = conn.execute(
            select(ComplaintRow.thread_id).where(ComplaintRow.id == entry.complaint_id)
        ).scalar_one()
        outbox.record_sent(conn, entry, f"sent{n}", now, _item(n, int(thread[1:]), outbound=True))


def test_status_changes_and_the_worker_s_writes_never_deadlock(postgres_url: URL) -> None:
    store = open_postgresql(postgres_url)
    try:
        account = add_account(store, Channel.X, "humas_polres_contoh")
        numbers = count()
        ingest(store, account, [_item(next(numbers), t) for t in range(COMPLAINTS)], cursor=None)
        with store.read() as conn:
            ids = sorted(conn.execute(select(ComplaintRow.id)).scalars())
        for complaint in ids[:HOT] * 4:  # replies for the worker to send
            actions.queue_reply(store, complaint, "Laporan diterima, kami tindak lanjuti", "A")
        tally = Tally()
        threads = [
            threading.Thread(target=_officer, args=(store, ids, seed, tally))
            for seed in range(OFFICERS)
        ] + [
            threading.Thread(target=_worker, args=(store, account, numbers, tally))
            for _ in range(2)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert tally.busy == 0, tally.outcomes
        assert tally.outcomes["status done"] > OFFICERS * ROUNDS // 2, tally.outcomes
        assert tally.outcomes["page done"] == ROUNDS, tally.outcomes
        with store.read() as conn:  # every status change made is recorded once
            recorded = len(conn.execute(select(StatusChangeRow.id)).all())
        assert recorded == tally.outcomes["status done"]
    finally:
        store.close()
