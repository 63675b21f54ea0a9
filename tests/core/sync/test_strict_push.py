"""The outbox against the simulator in strict mode: exactly once, on the platforms' terms.

Pages of 1-3 items with a repeat at each boundary, our comments known only by
each platform's documented marker: a reply whose answer was lost must be
found on read-back however far back it sits, never posted again, never
marked failed while the platform holds it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from desktop.core.credentials import MemoryVault
from desktop.core.model import Channel, ReplyState
from desktop.core.store import actions, queries, queue_pages
from desktop.core.store.database import Store
from desktop.core.sync.engine import SyncEngine
from desktop.core.sync.push import Sender
from desktop.simulator import Fault, Simulator
from tests.core.sync.conftest import SIM_COUNT, SIM_SEED
from tests.core.sync.strict_helpers import Clock, push_until_settled, states

pytestmark = pytest.mark.both_dialects

READ_BACK = (Channel.INSTAGRAM, Channel.FACEBOOK, Channel.X, Channel.YOUTUBE, Channel.TIKTOK)


@pytest.fixture
def sim() -> Iterator[Simulator]:
    """Overrides the sync fixture: the same world, in strict mode."""
    with Simulator(count=SIM_COUNT, seed=SIM_SEED, now=datetime.now(UTC), strict=True) as running:
        yield running


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def sender(store: Store, vault: MemoryVault, engine: SyncEngine, clock: Clock) -> Sender:
    for _ in range(10):
        engine.run_once(force=True)
    clock.now = datetime.now(UTC) + timedelta(seconds=1)  # the sync took a while
    return Sender(store, engine.adapters, clock=clock)


def _open(store: Store, channel: Channel) -> list[int]:
    with store.read() as conn:
        page = queue_pages.queue_page(conn, queries.QueueFilter(channel=channel), limit=500)
    return [c.id for c in page]


def _queue(store: Store, complaint_ids: list[int], tag: str) -> dict[int, str]:
    texts = {}
    for cid in complaint_ids:
        text = f"Aduan #{cid} ({tag}) sudah kami terima dan segera kami tindak lanjuti."
        actions.queue_reply(store, cid, text, "ani")
        texts[cid] = text
    return texts


def _published(sim: Simulator, texts: dict[int, str]) -> dict[str, int]:
    accepted = Counter(reply.text for reply in sim.accepted_replies())
    return {text: accepted[text] for text in texts.values()}


@pytest.mark.parametrize("channel", READ_BACK)
@pytest.mark.parametrize("kind", ["accept_then_drop", "truncate", "drop", "server_error"])
def test_a_lost_answer_is_found_on_read_back(
    store: Store, sim: Simulator, sender: Sender, clock: Clock, channel: Channel, kind: str
) -> None:
    targets = _open(store, channel)[:4]
    assert targets
    texts = _queue(store, targets, kind)
    sim.inject(Fault(kind, channel, method="POST", times=2))
    push_until_settled(sender, store, clock)
    assert _published(sim, texts) == dict.fromkeys(texts.values(), 1)
    assert states(store) == Counter({ReplyState.SENT: len(texts)})


def test_x_finds_our_reply_beyond_the_first_page_of_our_timeline(
    store: Store, sim: Simulator, sender: Sender, clock: Clock
) -> None:
    """The reply whose answer was lost is followed by others before it is read back."""
    targets = _open(store, Channel.X)[:5]
    assert len(targets) == 5
    texts = _queue(store, targets, "x")
    sim.inject(Fault("accept_then_drop", Channel.X, method="POST", times=1))
    push_until_settled(sender, store, clock)
    assert _published(sim, texts) == dict.fromkeys(texts.values(), 1)
    assert states(store) == Counter({ReplyState.SENT: len(texts)})
