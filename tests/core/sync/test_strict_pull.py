"""Pulling from the simulator in strict mode: pages of 1-3 items, a repeat at each boundary.

Strict mode keeps only what the platforms promise: a page may be shorter than
asked, an item may come again at the start of the next page, and our own
comments are known by each platform's documented marker (TikTok's ``owner``
flag, with a ``user_id`` of their own). Every complaint must still be seen,
each message stored once, each with the right direction.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from desktop.core.credentials import MemoryVault
from desktop.core.model import Channel, Status
from desktop.core.sample import sample_threads
from desktop.core.store import queries, queue_pages
from desktop.core.store.database import Store
from desktop.core.store.schema import AccountRow, MessageRow
from desktop.core.sync.engine import SyncEngine
from desktop.core.sync.states import SyncState
from desktop.simulator import Simulator, connect_accounts
from desktop.simulator.telegram import KEPT

pytestmark = pytest.mark.both_dialects

COUNT = 40
SEED = 5


@pytest.fixture
def strict_sim() -> Iterator[Simulator]:
    with Simulator(count=COUNT, seed=SEED, now=datetime.now(UTC), strict=True) as running:
        yield running


def _engine(store: Store, sim: Simulator, channels: tuple[Channel, ...]) -> SyncEngine:
    vault = MemoryVault()
    connect_accounts(sim, store, vault, channels)
    return SyncEngine(store, vault)


def _stored(store: Store) -> Counter[tuple[str, bool]]:
    with store.read() as conn:
        rows = conn.execute(
            select(AccountRow.channel, MessageRow.direction, func.count())
            .join(AccountRow, AccountRow.id == MessageRow.account_id)
            .group_by(AccountRow.channel, MessageRow.direction)
        )
        return Counter({(c, d == "outbound"): n for c, d, n in rows})


def _expected(channels: tuple[Channel, ...]) -> Counter[tuple[str, bool]]:
    now = datetime.now(UTC)
    threads = sample_threads(COUNT, now=now, seed=SEED)
    want: Counter[tuple[str, bool]] = Counter(
        (t.account.channel.value, item.outbound)
        for t in threads
        if t.account.channel in channels
        for item in t.items
        # Telegram keeps a bot's unread updates for 24 hours only.
        if t.account.channel is not Channel.TELEGRAM or item.platform_time > now - KEPT
    )
    del want[(Channel.TELEGRAM.value, True)]  # a bot never reads its own messages
    return want


def _sync_until_quiet(engine: SyncEngine, rounds: int = 30) -> None:
    for _ in range(rounds):
        report = engine.run_once(force=True)
        if all(p.new_messages == 0 and p.state is SyncState.OK for p in report.pulls):
            return
    raise AssertionError("sync never settled")


@pytest.mark.parametrize(
    "channel",
    [
        Channel.INSTAGRAM,
        Channel.FACEBOOK,
        Channel.X,
        Channel.YOUTUBE,
        Channel.TELEGRAM,
        Channel.TIKTOK,
    ],
)
def test_every_message_is_stored_once_with_its_direction(
    store: Store, strict_sim: Simulator, channel: Channel
) -> None:
    engine = _engine(store, strict_sim, (channel,))
    try:
        _sync_until_quiet(engine)
    finally:
        engine.close()
    assert _stored(store) == _expected((channel,))


def test_one_round_reads_telegram_until_it_answers_empty(
    store: Store, strict_sim: Simulator
) -> None:
    """The Bot API may answer fewer updates than the limit with more still waiting."""
    engine = _engine(store, strict_sim, (Channel.TELEGRAM,))
    try:
        report = engine.run_once(force=True)
    finally:
        engine.close()
    assert report.pulls[0].state is SyncState.OK
    assert _stored(store) == _expected((Channel.TELEGRAM,))


@pytest.mark.parametrize("channel", [Channel.INSTAGRAM, Channel.FACEBOOK, Channel.TIKTOK])
def test_every_complaint_on_every_post_is_seen(
    store: Store, strict_sim: Simulator, channel: Channel
) -> None:
    engine = _engine(store, strict_sim, (channel,))
    try:
        _sync_until_quiet(engine)
    finally:
        engine.close()
    threads = [
        t
        for t in sample_threads(COUNT, now=datetime.now(UTC), seed=SEED)
        if t.account.channel is channel
    ]
    with store.read() as conn:
        seen = queue_pages.queue_count(conn, queries.QueueFilter(statuses=frozenset(Status)))
    assert seen == len(threads)


@pytest.mark.parametrize("channel", [Channel.INSTAGRAM, Channel.FACEBOOK, Channel.TIKTOK])
def test_posts_are_walked_back_to_the_horizon_and_no_further(
    store: Store, strict_sim: Simulator, channel: Channel
) -> None:
    """40 posts over 40 days, one complaint on each: those on posts of the last 30 days are seen."""
    posted = strict_sim.add_posts(channel, 40, span=timedelta(days=40))
    engine = _engine(store, strict_sim, (channel,))
    try:
        _sync_until_quiet(engine)
    finally:
        engine.close()
    with store.read() as conn:
        stored = set(conn.execute(select(MessageRow.platform_id)).scalars())
    inside = {c.id for c in posted if c.post_age < timedelta(days=29, hours=12)}
    outside = {c.id for c in posted if c.post_age > timedelta(days=30, hours=12)}
    assert inside <= stored
    assert not outside & stored
