"""The outbox against the simulator: every reply exactly once, through every fault."""

from __future__ import annotations

import threading
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest

from desktop.core.credentials import MemoryVault
from desktop.core.errors import UserError
from desktop.core.model import Channel, ReplyState, Status
from desktop.core.store import actions, queries, queue_pages
from desktop.core.store.database import Store
from desktop.core.sync.adapters import AdapterProvider
from desktop.core.sync.engine import SyncEngine
from desktop.core.sync.push import Sender
from desktop.core.sync.reasons import SendReason
from desktop.core.sync.states import SyncState
from desktop.simulator import Fault, Simulator
from tests.support import open_again, stored_account

pytestmark = pytest.mark.both_dialects


class Clock:
    """Time for the sender that tests move forward (past any backoff)."""

    def __init__(self) -> None:
        self.now = datetime.now(UTC) + timedelta(seconds=1)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, hours: float = 6) -> None:
        self.now += timedelta(hours=hours)


def _open_complaints(store: Store, channel: Channel | None = None) -> list[int]:
    with store.read() as conn:
        page = queue_pages.queue_page(conn, queries.QueueFilter(channel=channel), limit=500)
    return [c.id for c in page]


def _queue(store: Store, complaint_ids: list[int], tag: str = "") -> dict[int, str]:
    """One reply per complaint, each with a text that names it."""
    texts = {}
    for cid in complaint_ids:
        text = f"Terima kasih, aduan #{cid}{tag} sudah kami respons dan segera kami tindak lanjuti."
        actions.queue_reply(store, cid, text, "ani")
        texts[cid] = text
    return texts


def _states(store: Store) -> Counter[ReplyState]:
    with store.read() as conn:
        return Counter(e.reply.state for e in queries.outbox(conn, include_sent=True))


def _push_until_settled(sender: Sender, clock: Clock, rounds: int = 12) -> None:
    for _ in range(rounds):
        sender.push_due()
        clock.advance()
        states = _states(sender._store)
        if not states[ReplyState.QUEUED] and not states[ReplyState.UNCERTAIN]:
            return
    raise AssertionError(f"outbox never settled: {_states(sender._store)}")


def _exactly_once(sim: Simulator, texts: dict[int, str]) -> None:
    accepted = Counter(reply.text for reply in sim.accepted_replies())
    assert {text: accepted[text] for text in texts.values()} == dict.fromkeys(texts.values(), 1)


@pytest.fixture
def synced(engine: SyncEngine) -> SyncEngine:
    for _ in range(5):
        engine.run_once(force=True)
    return engine


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def sender(store: Store, vault: MemoryVault, synced: SyncEngine, clock: Clock) -> Sender:
    return Sender(store, synced.adapters, clock=clock)


def test_replies_are_sent_once_and_stop_the_clock(
    store: Store, sim: Simulator, sender: Sender, clock: Clock
) -> None:
    targets = _open_complaints(store)
    texts = _queue(store, targets)
    _push_until_settled(sender, clock)
    _exactly_once(sim, texts)
    assert _states(store) == Counter({ReplyState.SENT: len(texts)})
    with store.read() as conn:
        for cid in targets:
            detail = queries.complaint_detail(conn, cid)
            (reply,) = detail.replies
            assert reply.platform_id
            assert reply.accepted_at is not None
            assert detail.complaint.status in (Status.ACKNOWLEDGED, Status.IN_PROGRESS)
            assert detail.complaint.clock_started_at is None
            assert detail.messages[-1].text == texts[cid]


def test_replies_to_one_complaint_go_in_the_order_written(
    store: Store, sim: Simulator, sender: Sender, clock: Clock
) -> None:
    (cid, *_) = _open_complaints(store, Channel.YOUTUBE)
    texts = [f"Balasan {n} untuk aduan {cid}" for n in range(4)]
    for text in texts:
        actions.queue_reply(store, cid, text, "ani")
    _push_until_settled(sender, clock)
    sent = [r.text for r in sim.accepted_replies() if r.text in texts]
    assert sent == texts


@pytest.mark.parametrize(
    "kind",
    ["drop", "accept_then_drop", "truncate", "malformed", "server_error", "rate_limit"],
)
def test_network_faults_keep_exactly_once(
    store: Store, sim: Simulator, sender: Sender, clock: Clock, kind: str
) -> None:
    targets = [
        cid
        for channel in (
            Channel.INSTAGRAM,
            Channel.FACEBOOK,
            Channel.X,
            Channel.YOUTUBE,
            Channel.TIKTOK,
        )
        for cid in _open_complaints(store, channel)[:3]
    ]
    texts = _queue(store, targets, tag=f" ({kind})")
    for channel in (
        Channel.INSTAGRAM,
        Channel.FACEBOOK,
        Channel.X,
        Channel.YOUTUBE,
        Channel.TIKTOK,
    ):
        sim.inject(Fault(kind, channel, method="POST", times=2))
    _push_until_settled(sender, clock)
    _exactly_once(sim, texts)
    assert _states(store) == Counter({ReplyState.SENT: len(texts)})


def test_x_duplicate_content_is_reconciled_not_assumed(
    store: Store, sim: Simulator, sender: Sender, clock: Clock
) -> None:
    (cid, *_) = _open_complaints(store, Channel.X)
    texts = _queue(store, [cid])
    # The first answer is lost on the way back; the retry meets "duplicate content".
    sim.inject(Fault("accept_then_drop", Channel.X, method="POST", times=1))
    _push_until_settled(sender, clock)
    _exactly_once(sim, texts)
    with store.read() as conn:
        (entry,) = [
            e for e in queries.outbox(conn, include_sent=True) if e.reply.complaint_id == cid
        ]
    assert entry.reply.state is ReplyState.SENT


def test_telegram_unknown_outcome_is_left_to_the_officer(
    store: Store, sim: Simulator, sender: Sender, clock: Clock
) -> None:
    (cid, *_) = _open_complaints(store, Channel.TELEGRAM)
    texts = _queue(store, [cid])
    sim.inject(Fault("accept_then_drop", Channel.TELEGRAM, method="POST", times=1))
    _push_until_settled(sender, clock)
    _exactly_once(sim, texts)  # never twice, though we could not confirm it
    with store.read() as conn:
        (entry,) = [e for e in queries.outbox(conn) if e.reply.complaint_id == cid]
    assert entry.reply.state is ReplyState.FAILED
    assert entry.reply.last_reason == SendReason.UNVERIFIABLE
    assert entry.reply.last_error is None  # only the platform's own words go there


def test_too_long_for_the_platform_fails_before_sending(
    store: Store, sim: Simulator, sender: Sender, clock: Clock
) -> None:
    (tiktok, *_) = _open_complaints(store, Channel.TIKTOK)
    with pytest.raises(UserError):  # caught as the officer queues it
        actions.queue_reply(store, tiktok, "x" * 151, "ani")
    # X weighs emoji double: 150 of them fit the character count, not X's limit.
    (x_complaint, *_) = _open_complaints(store, Channel.X)
    actions.queue_reply(store, x_complaint, "🙏" * 150, "ani")
    _push_until_settled(sender, clock)
    assert sim.accepted_replies() == []
    with store.read() as conn:
        (entry,) = queries.outbox(conn)
    assert entry.reply.state is ReplyState.FAILED
    assert entry.reply.last_reason == SendReason.TEXT_TOO_LONG
    assert entry.reply.last_error is None  # refused before the platform said anything


def test_expired_token_holds_that_account_only(
    store: Store, sim: Simulator, sender: Sender, clock: Clock, accounts: dict[Channel, int]
) -> None:
    insta = _open_complaints(store, Channel.INSTAGRAM)[:2]
    tube = _open_complaints(store, Channel.YOUTUBE)[:2]
    _queue(store, insta + tube)
    sim.inject(Fault("expired_token", Channel.INSTAGRAM, method="POST", times=-1))
    sender.push_due()
    clock.advance()
    sender.push_due()
    assert stored_account(store, accounts[Channel.INSTAGRAM]).state is SyncState.NEEDS_TOKEN
    with store.read() as conn:
        by_complaint = {
            e.reply.complaint_id: e.reply for e in queries.outbox(conn, include_sent=True)
        }
    assert {by_complaint[c].state for c in tube} == {ReplyState.SENT}
    assert {by_complaint[c].state for c in insta} == {ReplyState.QUEUED}
    assert {by_complaint[c].last_reason for c in insta} == {SendReason.TOKEN_EXPIRED}


def test_two_senders_at_once_never_send_the_same_entry(
    store: Store, store_key: bytes, sim: Simulator, vault: MemoryVault, synced: SyncEngine
) -> None:
    targets = _open_complaints(store)
    texts = _queue(store, targets)
    other = open_again(store, store_key)  # a second process's store, on PostgreSQL too
    providers = [AdapterProvider(vault), AdapterProvider(vault)]
    senders = [Sender(store, providers[0]), Sender(other, providers[1])]
    try:
        for _ in range(3):
            threads = [threading.Thread(target=s.push_due) for s in senders]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
    finally:
        for provider in providers:
            provider.close()
        other.close()
    _exactly_once(sim, texts)
