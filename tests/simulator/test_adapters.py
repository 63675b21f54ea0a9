"""The real adapters (``make_adapter``) pointed at the simulator over loopback.

Each fetches every page, replies, reads back, resumes after new messages,
and meets the simulator's faults.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from desktop.core.model import Channel, InboundItem
from desktop.core.platforms.base import Adapter
from desktop.core.platforms.errors import (
    ConflictError,
    MalformedResponseError,
    PlatformError,
    RateLimitedError,
    TokenExpiredError,
    TransientError,
)
from desktop.core.platforms.factory import make_adapter
from desktop.core.platforms.http import PlatformSession
from desktop.simulator import Fault, Simulator
from tests.simulator.helpers import expected_items

ALL = [
    Channel.INSTAGRAM,
    Channel.FACEBOOK,
    Channel.X,
    Channel.YOUTUBE,
    Channel.TELEGRAM,
    Channel.TIKTOK,
]


@pytest.fixture
def session() -> Iterator[PlatformSession]:
    with PlatformSession(read_timeout=10) as opened:
        yield opened


def adapter(sim: Simulator, channel: Channel, session: PlatformSession) -> Adapter:
    params = sim.params(channel)
    return make_adapter(
        channel,
        session,
        sim.token_for(channel),
        sim.api_base(channel),
        params,
        params["own_user_id"],
    )


def drain(source: Adapter, cursor: str | None = None) -> tuple[list[InboundItem], str | None]:
    items: list[InboundItem] = []
    for _ in range(500):
        page = source.fetch(cursor)
        items.extend(page.items)
        cursor = page.cursor
        if page.done:
            return items, cursor
    raise AssertionError("the adapter never finished a pass")


def wire_id(channel: Channel, item: InboundItem) -> str:
    """The id an adapter gives a sample item (Telegram's are ``<chat>:<message>``)."""
    return (
        f"{item.author_id}:{item.platform_id}" if channel is Channel.TELEGRAM else item.platform_id
    )


def visible(channel: Channel) -> list[InboundItem]:
    """Sample items the adapter can see: a Telegram bot never reads its own messages."""
    items = expected_items()[channel]
    if channel is Channel.TELEGRAM:
        return [i for i in items if not i.outbound]
    return items


@pytest.mark.parametrize("channel", ALL)
def test_adapter_fetches_every_item_once(
    sim: Simulator, session: PlatformSession, channel: Channel
) -> None:
    items, _ = drain(adapter(sim, channel, session))
    ids = [i.platform_id for i in items]
    assert len(ids) == len(set(ids)), "an item came twice in one pass"
    by_id = {i.platform_id: i for i in items}
    wanted = visible(channel)
    assert set(by_id) == {wire_id(channel, i) for i in wanted}
    for sample in wanted:
        got = by_id[wire_id(channel, sample)]
        assert got.platform_time == sample.platform_time.replace(microsecond=0)
        assert (got.text, got.author_id, got.outbound) == (
            sample.text,
            sample.author_id,
            sample.outbound,
        )


@pytest.mark.parametrize("channel", ALL)
def test_adapter_reply_is_accepted_exactly_once(
    sim: Simulator, session: PlatformSession, channel: Channel
) -> None:
    source = adapter(sim, channel, session)
    items, _ = drain(source)
    top = next(i for i in items if i.parent_id is None and not i.outbound)
    posted = source.post_reply(top.thread_id, top.platform_id, "Laporan diterima, terima kasih.")
    (accepted,) = sim.accepted_replies()
    assert accepted.platform_id == posted.platform_id
    assert accepted.thread_id == top.thread_id
    if posted.accepted_at is not None:
        assert posted.accepted_at == accepted.time


@pytest.mark.parametrize("channel", ALL)
def test_adapter_reads_its_reply_back(
    sim: Simulator, session: PlatformSession, channel: Channel
) -> None:
    source = adapter(sim, channel, session)
    items, _ = drain(source)
    top = next(i for i in items if i.parent_id is None and not i.outbound)
    posted = source.post_reply(top.thread_id, top.platform_id, "Sudah kami tindak lanjuti.")
    if not source.supports_read_back:
        assert channel is Channel.TELEGRAM
        return
    mine = [i for i in source.read_back(top.thread_id) if i.platform_id == posted.platform_id]
    assert len(mine) == 1
    assert mine[0].outbound
    assert mine[0].thread_id == top.thread_id


@pytest.mark.parametrize("channel", ALL)
def test_adapter_resumes_and_sees_new_messages(
    sim: Simulator, session: PlatformSession, channel: Channel
) -> None:
    source = adapter(sim, channel, session)
    _, cursor = drain(source)
    added = sim.add_inbound(channel, 12)
    board = sim.world.board(channel)
    assert any(board.by_id[i].thread != i for i in added), "no follow-up among the new messages"
    items, _ = drain(source, cursor)
    found = {i.platform_id.rsplit(":", 1)[-1] for i in items}
    assert set(added) <= found


@pytest.mark.parametrize("channel", ALL)
@pytest.mark.parametrize(
    ("fault", "error"),
    [
        (Fault("rate_limit"), RateLimitedError),
        (Fault("expired_token"), TokenExpiredError),
        (Fault("server_error", status=503), TransientError),
        (Fault("server_error", status=502), TransientError),
        (Fault("malformed"), MalformedResponseError),
        (Fault("truncate"), MalformedResponseError),
        (Fault("drop"), TransientError),
    ],
    ids=["rate_limit", "expired_token", "503", "502", "malformed", "truncate", "drop"],
)
def test_adapter_maps_each_fault(
    sim: Simulator,
    session: PlatformSession,
    channel: Channel,
    fault: Fault,
    error: type[PlatformError],
) -> None:
    source = adapter(sim, channel, session)
    sim.inject(fault)
    with pytest.raises(error):
        source.fetch(None)
    sim.clear_faults()
    assert source.fetch(None).cursor is not None


def test_telegram_adapter_meets_a_conflict(sim: Simulator, session: PlatformSession) -> None:
    sim.inject(Fault("conflict", Channel.TELEGRAM))
    with pytest.raises(ConflictError):
        adapter(sim, Channel.TELEGRAM, session).fetch(None)


@pytest.mark.parametrize("channel", ALL)
def test_adapter_reply_lost_on_the_way_back_is_found_by_read_back(
    sim: Simulator, session: PlatformSession, channel: Channel
) -> None:
    source = adapter(sim, channel, session)
    items, _ = drain(source)
    top = next(i for i in items if i.parent_id is None and not i.outbound)
    sim.inject(Fault("accept_then_drop", channel))
    with pytest.raises(TransientError) as caught:
        source.post_reply(top.thread_id, top.platform_id, "Balasan yang jawabannya hilang.")
    assert caught.value.maybe_delivered
    (accepted,) = sim.accepted_replies()
    if source.supports_read_back:
        back = [i.platform_id for i in source.read_back(top.thread_id)]
        assert back.count(accepted.platform_id) == 1
