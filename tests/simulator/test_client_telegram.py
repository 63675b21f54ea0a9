"""python-telegram-bot's ``Bot`` against the simulator.

getUpdates until it answers empty (strict mode: short batches), a reply
with HTML formatting, and every fault as the library's own error.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
from telegram import Bot, ReplyParameters
from telegram.error import BadRequest, Conflict, InvalidToken, NetworkError, RetryAfter

from desktop.core.model import Channel
from desktop.simulator import Fault, Simulator
from desktop.simulator.telegram import KEPT
from tests.simulator.helpers import COUNT, NOW, SEED, expected_items


@pytest.fixture
def strict_sim() -> Iterator[Simulator]:
    with Simulator(count=COUNT, seed=SEED, now=NOW, strict=True) as running:
        yield running


def _bot(sim: Simulator) -> Bot:
    base = sim.api_base(Channel.TELEGRAM)
    return Bot(sim.token_for(Channel.TELEGRAM), base_url=f"{base}/bot")


def test_updates_until_empty_then_an_html_reply(strict_sim: Simulator) -> None:
    async def run() -> None:
        async with _bot(strict_sim) as bot:
            seen = []
            offset = None
            while batch := await bot.get_updates(offset=offset, limit=100, timeout=0):
                assert len(batch) <= 3  # strict: short batches, more waiting
                seen += [u.message for u in batch if u.message is not None]
                offset = batch[-1].update_id + 1
            recent = NOW - KEPT  # Telegram keeps unread updates for 24 hours
            want = [
                i
                for i in expected_items()[Channel.TELEGRAM]
                if not i.outbound and i.platform_time >= recent
            ]
            assert want
            assert len(seen) == len(want)
            last = seen[-1]
            sent = await bot.send_message(
                last.chat.id,
                "Laporan <b>diterima</b> &amp; kami cek.",
                parse_mode="HTML",
                reply_parameters=ReplyParameters(last.message_id),
            )
            assert sent.text == "Laporan diterima & kami cek."
            assert [(e.type, e.offset, e.length) for e in sent.entities] == [("bold", 8, 8)]
            assert sent.from_user is not None
            assert sent.from_user.is_bot
            assert sent.from_user.can_join_groups is None  # a getMe-only field
            with pytest.raises(BadRequest, match="parse entities"):
                await bot.send_message(last.chat.id, "Laporan <b>diterima", parse_mode="HTML")

    asyncio.run(run())


@pytest.mark.parametrize(
    ("fault", "error"),
    [
        (Fault("rate_limit", Channel.TELEGRAM, retry_after=7), RetryAfter),
        (Fault("server_error", Channel.TELEGRAM, status=502), NetworkError),
        (Fault("conflict", Channel.TELEGRAM), Conflict),
        (Fault("expired_token", Channel.TELEGRAM), InvalidToken),
    ],
)
def test_each_fault_raises_the_librarys_own_error(
    sim: Simulator, fault: Fault, error: type[Exception], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PTB_TIMEDELTA", "1")  # retry_after as a timedelta (PTB 22.2+)

    async def run() -> None:
        async with _bot(sim) as bot:
            sim.inject(fault)
            with pytest.raises(error):
                await bot.get_updates(timeout=0)

    asyncio.run(run())


def test_markdown_v2_gives_entities_and_an_unescaped_dot_is_refused(sim: Simulator) -> None:
    chat = int(next(i.author_id for i in expected_items()[Channel.TELEGRAM] if not i.outbound))

    async def run() -> None:
        async with _bot(sim) as bot:
            sent = await bot.send_message(
                chat, r"Laporan *diterima*, kami cek\.", parse_mode="MarkdownV2"
            )
            assert sent.text == "Laporan diterima, kami cek."
            assert [(e.type, e.offset, e.length) for e in sent.entities] == [("bold", 8, 8)]
            with pytest.raises(BadRequest, match="reserved"):
                await bot.send_message(chat, "Laporan diterima.", parse_mode="MarkdownV2")

    asyncio.run(run())
