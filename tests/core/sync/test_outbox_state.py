"""Outbox states without the network: claiming, ordering, stale claims, retry, cancel."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import update

from desktop.core.errors import UserError
from desktop.core.model import ReplyState
from desktop.core.store import actions, queries
from desktop.core.store.database import Store
from desktop.core.store.ingest import ingest
from desktop.core.store.schema import OutboxRow
from desktop.core.sync import outbox
from tests.support import ItemFactory


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
    due = outbox.eligible(store, soon(), blocked_states=frozenset())
    assert [e.reply_id for e in due] == [first, other]


def test_a_failed_reply_does_not_hold_back_the_next(store: Store, threads: list[int]) -> None:
    first = actions.queue_reply(store, 1, "satu", "ani")
    second = actions.queue_reply(store, 1, "dua", "ani")
    with store.write() as conn:
        conn.execute(update(OutboxRow).where(OutboxRow.reply_id == first).values(state="failed"))
    due = outbox.eligible(store, soon(), blocked_states=frozenset())
    assert [e.reply_id for e in due] == [second]


def test_claim_is_atomic(store: Store, threads: list[int]) -> None:
    actions.queue_reply(store, 1, "satu", "ani")
    (entry,) = outbox.eligible(store, soon(), blocked_states=frozenset())
    assert outbox.claim(store, entry, soon(), "host:1:a")
    assert not outbox.claim(store, entry, soon(), "host:2:b")
    assert _state(store, entry.reply_id) is ReplyState.SENDING
    # While it is being sent, later replies of the same complaint wait.
    actions.queue_reply(store, 1, "dua", "ani")
    assert outbox.eligible(store, soon(), blocked_states=frozenset()) == []


def test_entries_of_a_blocked_account_wait(store: Store, threads: list[int]) -> None:
    actions.queue_reply(store, 1, "satu", "ani")
    due = outbox.eligible(store, soon(), blocked_states=frozenset({"idle"}))
    assert due == []


def test_claim_of_a_dead_process_becomes_uncertain(store: Store, threads: list[int]) -> None:
    actions.queue_reply(store, 1, "satu", "ani")
    (entry,) = outbox.eligible(store, soon(), blocked_states=frozenset())
    assert outbox.claim(store, entry, soon(), "host:99:dead")
    assert outbox.release_stale(store, soon(), alive=lambda who: True) == 0
    later = soon() + outbox.LEASE * 2
    assert outbox.release_stale(store, later, alive=lambda who: True) == 1
    assert _state(store, entry.reply_id) is ReplyState.UNCERTAIN
    (again,) = outbox.eligible(store, later, blocked_states=frozenset())
    assert outbox.claim(store, again, later, "host:98:x")
    assert outbox.release_stale(store, later, alive=lambda who: False) == 1


def test_own_claims_are_alive_and_dead_pids_are_not() -> None:
    assert outbox.claim_is_alive(outbox.claimant())
    host = outbox.claimant().split(":")[0]
    assert not outbox.claim_is_alive(f"{host}:999999999:gone")
    assert outbox.claim_is_alive("another-pc:1:x")  # only the lease can tell


def test_retry_and_cancel(store: Store, threads: list[int]) -> None:
    reply = actions.queue_reply(store, 1, "satu", "ani")
    with pytest.raises(UserError) as caught:
        outbox.retry(store, reply)
    assert caught.value.code == "reply_not_changeable"
    with store.write() as conn:
        conn.execute(update(OutboxRow).where(OutboxRow.reply_id == reply).values(state="failed"))
    outbox.retry(store, reply)
    assert _state(store, reply) is ReplyState.QUEUED
    outbox.cancel(store, reply)
    assert _state(store, reply) is ReplyState.CANCELLED
    with pytest.raises(UserError):
        outbox.cancel(store, reply)
    with pytest.raises(UserError) as unknown:
        outbox.retry(store, 999)
    assert unknown.value.code == "unknown_reply"
