"""Outbox states without the network: claiming, ordering, stale claims, retry, cancel."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import update

from desktop.core.errors import UserError
from desktop.core.model import ReplyState, SyncState
from desktop.core.store import actions, queries
from desktop.core.store import outbox as rows
from desktop.core.store.database import Store
from desktop.core.store.ingest import ingest
from desktop.core.store.outbox import Entry
from desktop.core.store.schema import OutboxRow
from desktop.core.sync import outbox
from tests.support import ItemFactory

pytestmark = pytest.mark.both_dialects


def eligible(store: Store, now: datetime, blocked: frozenset[SyncState]) -> list[Entry]:
    with store.read() as conn:
        return rows.eligible(conn, now, blocked=blocked)


def claim(store: Store, entry: Entry, now: datetime, who: str) -> bool:
    with store.write() as conn:
        return rows.claim(conn, entry, now, who)


def release_stale(store: Store, now: datetime, alive: Callable[[str], bool]) -> int:
    with store.write() as conn:
        return rows.release_stale(conn, now, outbox.LEASE, alive)


def retry(store: Store, reply_id: int) -> None:
    with store.write() as conn:
        rows.retry(conn, reply_id, datetime.now(UTC))


def cancel(store: Store, reply_id: int) -> None:
    with store.write() as conn:
        rows.cancel(conn, reply_id)


def soon() -> datetime:
    """A moment after everything queued so far."""
    return datetime.now(UTC) + timedelta(seconds=1)


@pytest.fixture
def threads(store: Store, account_id: int, make_item: ItemFactory) -> list[int]:
    ingest(store, account_id, [make_item(1), make_item(2), make_item(3)], cursor=None)
    return [1, 2, 3]


def _state(store: Store, reply_id: int) -> ReplyState:
    with store.read() as conn:
        (entry,) = [e for e in queries.outbox(conn, include_sent=True) if e.reply.id == reply_id]
    return entry.reply.state


def test_oldest_reply_per_complaint_goes_first(store: Store, threads: list[int]) -> None:
    first = actions.queue_reply(store, 1, "satu", "ani")
    actions.queue_reply(store, 1, "dua", "ani")
    other = actions.queue_reply(store, 2, "lain", "ani")
    due = eligible(store, soon(), frozenset())
    assert [e.reply_id for e in due] == [first, other]


def test_a_failed_reply_does_not_hold_back_the_next(store: Store, threads: list[int]) -> None:
    first = actions.queue_reply(store, 1, "satu", "ani")
    second = actions.queue_reply(store, 1, "dua", "ani")
    with store.write() as conn:
        conn.execute(update(OutboxRow).where(OutboxRow.reply_id == first).values(state="failed"))
    due = eligible(store, soon(), frozenset())
    assert [e.reply_id for e in due] == [second]


def test_claim_is_atomic(store: Store, threads: list[int]) -> None:
    actions.queue_reply(store, 1, "satu", "ani")
    (entry,) = eligible(store, soon(), frozenset())
    assert claim(store, entry, soon(), "host:1:a")
    assert not claim(store, entry, soon(), "host:2:b")
    assert _state(store, entry.reply_id) is ReplyState.SENDING
    # While it is being sent, later replies of the same complaint wait.
    actions.queue_reply(store, 1, "dua", "ani")
    assert eligible(store, soon(), frozenset()) == []


def test_entries_of_a_blocked_account_wait(store: Store, threads: list[int]) -> None:
    actions.queue_reply(store, 1, "satu", "ani")
    due = eligible(store, soon(), frozenset({SyncState.IDLE}))
    assert due == []


def test_claim_of_a_dead_process_becomes_uncertain(store: Store, threads: list[int]) -> None:
    actions.queue_reply(store, 1, "satu", "ani")
    (entry,) = eligible(store, soon(), frozenset())
    assert claim(store, entry, soon(), "host:99:dead")
    assert release_stale(store, soon(), lambda who: True) == 0
    later = soon() + outbox.LEASE * 2
    assert release_stale(store, later, lambda who: True) == 1
    assert _state(store, entry.reply_id) is ReplyState.UNCERTAIN
    (again,) = eligible(store, later, frozenset())
    assert claim(store, again, later, "host:98:x")
    assert release_stale(store, later, lambda who: False) == 1


def test_own_claims_are_alive_and_dead_pids_are_not() -> None:
    assert outbox.claim_is_alive(outbox.claimant())
    host = outbox.claimant().split(":")[0]
    assert not outbox.claim_is_alive(f"{host}:999999999:gone")
    assert outbox.claim_is_alive("another-pc:1:x")  # only the lease can tell


def test_retry_and_cancel(store: Store, threads: list[int]) -> None:
    reply = actions.queue_reply(store, 1, "satu", "ani")
    with pytest.raises(UserError) as caught:
        retry(store, reply)
    assert caught.value.code == "reply_not_changeable"
    with store.write() as conn:
        conn.execute(update(OutboxRow).where(OutboxRow.reply_id == reply).values(state="failed"))
    retry(store, reply)
    assert _state(store, reply) is ReplyState.QUEUED
    cancel(store, reply)
    assert _state(store, reply) is ReplyState.CANCELLED
    with pytest.raises(UserError):
        cancel(store, reply)
    with pytest.raises(UserError) as unknown:
        retry(store, 999)
    assert unknown.value.code == "unknown_reply"
