"""Messenger and Instagram Direct on the simulator: read, answered in the window, refused outside.

Strict mode (short pages, repeats at page boundaries). A message answered
within 24 hours is sent once (also when the answer is lost and the reply is
found by reading the conversation back); one answered later is refused
with the platform's words and shown as failed, never sent.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from desktop.core.credentials import MemoryVault
from desktop.core.desk import Accounts
from desktop.core.model import Channel, ReplyState
from desktop.core.store import actions, queries
from desktop.core.store.database import Store
from desktop.core.store.schema import ComplaintRow, MessageRow
from desktop.core.sync.engine import SyncEngine
from desktop.core.sync.push import Sender
from desktop.simulator import Fault, Simulator
from tests.core.sync.strict_helpers import Clock, push_until_settled

pytestmark = pytest.mark.both_dialects

PEOPLE = {  # person id: (name, age of their message)
    "7100000000000001": ("Rina", timedelta(hours=2)),
    "7100000000000002": ("Budi", timedelta(hours=5)),
    "7100000000000003": ("Sari", timedelta(hours=30)),
}


@pytest.fixture
def dm_sim() -> Iterator[Simulator]:
    with Simulator(count=10, seed=4, now=datetime.now(UTC), strict=True) as running:
        for channel in (Channel.FACEBOOK, Channel.INSTAGRAM):
            for person, (name, age) in PEOPLE.items():
                running.add_dm(channel, person, name, f"Tolong pak, {name} di sini.", age=age)
                running.add_dm(channel, person, name, "Ada yang bisa bantu?", age=age)
        yield running


def _connect(store: Store, sim: Simulator, channel: Channel) -> MemoryVault:
    vault = MemoryVault()
    params = sim.params(channel)
    if channel is Channel.INSTAGRAM:  # Instagram Direct comes through the linked Page
        params["page_id"] = sim.params(Channel.FACEBOOK)["page_id"]
    name = sim.world.board(channel).account.name
    token = sim.token_for(channel)
    Accounts(store, vault).add(channel, name, token, api_base=sim.api_base(channel), params=params)
    return vault


def _synced(store: Store, sim: Simulator, channel: Channel) -> SyncEngine:
    engine = SyncEngine(store, _connect(store, sim, channel))
    for _ in range(10):
        report = engine.run_once(force=True)
        if all(p.new_messages == 0 for p in report.pulls):
            break
    return engine


def _dm_complaints(store: Store) -> dict[str, int]:
    with store.read() as conn:
        rows = conn.execute(select(ComplaintRow.thread_id, ComplaintRow.id))
        return {thread: cid for thread, cid in rows if thread.startswith("dm:")}


@pytest.mark.parametrize("channel", [Channel.FACEBOOK, Channel.INSTAGRAM])
def test_every_direct_message_is_read_once(
    store: Store, dm_sim: Simulator, channel: Channel
) -> None:
    _synced(store, dm_sim, channel).close()
    assert set(_dm_complaints(store)) == {f"dm:{p}" for p in PEOPLE}
    with store.read() as conn:
        stored = Counter(
            conn.execute(select(MessageRow.direction).where(MessageRow.platform_id.like("m_%")))
            .scalars()
            .all()
        )
    assert stored == Counter({"inbound": 2 * len(PEOPLE)})


@pytest.mark.parametrize("channel", [Channel.FACEBOOK, Channel.INSTAGRAM])
def test_answers_inside_the_window_go_once_and_outside_it_are_refused(
    store: Store, dm_sim: Simulator, channel: Channel
) -> None:
    engine = _synced(store, dm_sim, channel)
    clock = Clock()
    try:
        sender = Sender(store, engine.adapters, clock=clock)
        complaints = _dm_complaints(store)
        texts = {p: f"Baik {name}, laporan Anda kami terima." for p, (name, _) in PEOPLE.items()}
        for person, text in texts.items():
            actions.queue_reply(store, complaints[f"dm:{person}"], text, "ani")
        # The first answer is lost on the way back: read-back must find it.
        dm_sim.inject(Fault("accept_then_drop", channel, method="POST", times=1))
        push_until_settled(sender, store, clock)
    finally:
        engine.close()
    accepted = Counter(r.text for r in dm_sim.accepted_replies())
    late = "7100000000000003"
    assert {p: accepted[t] for p, t in texts.items()} == {
        "7100000000000001": 1,
        "7100000000000002": 1,
        late: 0,
    }
    with store.read() as conn:
        entries = {e.reply.complaint_id: e.reply for e in queries.outbox(conn, include_sent=True)}
    refused = entries[complaints[f"dm:{late}"]]
    assert refused.state is ReplyState.FAILED
    assert refused.last_error is not None
    assert "window" in refused.last_error
    others = [entries[complaints[f"dm:{p}"]] for p in PEOPLE if p != late]
    assert [r.state for r in others] == [ReplyState.SENT, ReplyState.SENT]
