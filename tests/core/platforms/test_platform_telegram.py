"""Telegram Bot API: getUpdates with a durable offset, over loopback HTTP.

No recorded Telegram responses exist in the fixtures folder; the bodies here
follow PLATFORMS.md's documented shapes.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime

import pytest

from desktop.core.model import Channel
from desktop.core.platforms.errors import (
    ConflictError,
    MalformedResponseError,
    RateLimitedError,
    TokenExpiredError,
)
from desktop.core.platforms.factory import make_adapter
from desktop.core.platforms.http import PlatformSession
from desktop.core.platforms.telegram import TelegramAdapter, parse_updates
from tests.core.platforms.platform_testkit import Loopback, Reply

TOKEN = "7012345678:AAFtelegramSecretToken-abc_DEF"
UPDATES = f"/bot{TOKEN}/getUpdates"
SEND = f"/bot{TOKEN}/sendMessage"


def _update(update_id: int, message_id: int, text: str, **extra: object) -> dict[str, object]:
    message = {
        "message_id": message_id,
        "from": {"id": 5550001, "is_bot": False, "first_name": "Siti", "last_name": "Aminah"},
        "chat": {"id": 5550001, "type": "private", "first_name": "Siti"},
        "date": 1764403200,
        "text": text,
        **extra,
    }
    return {"update_id": update_id, "message": message}


def test_updates_become_items_with_chat_scoped_ids() -> None:
    body = {
        "ok": True,
        "result": [
            _update(100, 7, "Selamat pagi pak, HP saya dijambret di Jl. Malioboro 😢"),
            _update(101, 8, "Ini fotonya", reply_to_message={"message_id": 7}),
            {"update_id": 102, "edited_message": {"message_id": 7}},  # not asked for: skipped
            {
                "update_id": 103,
                "message": {
                    "message_id": 9,
                    "chat": {"id": -1001234567890, "type": "supergroup", "title": "Warga Sleman"},
                    "sender_chat": {"id": -1001234567890},
                    "date": 1764403260,
                    "caption": "Постер 📷",
                },
            },
        ],
    }
    items, highest, count = parse_updates(body, bot_id="7012345678")
    assert (highest, count) == (103, 4)
    first, second, third = items
    assert first.channel is Channel.TELEGRAM
    assert (first.thread_id, first.platform_id) == ("5550001", "5550001:7")
    assert first.author_name == "Siti Aminah"
    assert first.platform_time == datetime(2025, 11, 29, 8, 0, tzinfo=UTC)
    assert first.text.endswith("😢")
    assert second.parent_id == "5550001:7"
    assert (third.thread_id, third.author_name, third.text) == (
        "-1001234567890",
        "Warga Sleman",
        "Постер 📷",
    )


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"ok": True}, r"response\.result is missing"),
        ({"ok": True, "result": {"update_id": 1}}, "should be a list"),
        ({"ok": True, "result": [{"message": {}}]}, r"result\[0\]\.update_id"),
        ({"ok": True, "result": [{"update_id": 1, "message": {"message_id": 1}}]}, "chat"),
        ({"ok": True, "result": [_update(1, 1, "x", date="kemarin")]}, r"message\.date"),
    ],
)
def test_malformed_updates_name_the_field(body: dict[str, object], field: str) -> None:
    with pytest.raises(MalformedResponseError, match=field):
        parse_updates(body, "1")


def _adapter(loopback: Loopback, session: PlatformSession) -> TelegramAdapter:
    adapter = make_adapter(Channel.TELEGRAM, session, TOKEN, loopback.base, {})
    assert isinstance(adapter, TelegramAdapter)
    return adapter


def test_offset_acknowledges_what_was_stored(loopback: Loopback, session: PlatformSession) -> None:
    loopback.json(
        UPDATES,
        {"ok": True, "result": [_update(100, 7, "a"), _update(101, 8, "b")]},
        {"ok": True, "result": []},
    )
    adapter = _adapter(loopback, session)
    first = adapter.fetch(None)
    assert [i.platform_id for i in first.items] == ["5550001:7", "5550001:8"]
    assert not first.done  # a short batch is no sign that none are left
    assert json.loads(first.cursor or "") == {"v": 1, "offset": 102, "more": True}
    second = adapter.fetch(first.cursor)
    assert (second.items, second.done) == ((), True)
    assert json.loads(second.cursor or "") == {"v": 1, "offset": 102}
    calls = loopback.seen(UPDATES)
    assert [c.param("offset") for c in calls] == [None, "102"]
    assert calls[0].param("allowed_updates") == '["message"]'


def test_a_full_batch_asks_for_more_and_an_ignored_offset_stops(
    loopback: Loopback, session: PlatformSession
) -> None:
    batch = [_update(1000 + n, n + 1, "x") for n in range(100)]
    loopback.json(UPDATES, {"ok": True, "result": batch})
    adapter = _adapter(loopback, session)
    first = adapter.fetch(None)
    assert not first.done  # a full batch: there may be more
    second = adapter.fetch(first.cursor)  # the server sends the same batch again
    assert second.done
    assert json.loads(second.cursor or "")["offset"] == 1100


def test_conflict_and_flood_control_over_http(loopback: Loopback, session: PlatformSession) -> None:
    loopback.route(
        UPDATES,
        Reply(
            409,
            {
                "ok": False,
                "error_code": 409,
                "description": "Conflict: terminated by other getUpdates request; "
                "make sure that only one bot instance is running",
            },
        ),
        Reply(
            429,
            {
                "ok": False,
                "error_code": 429,
                "description": "Too Many Requests: retry after 35",
                "parameters": {"retry_after": 35},
            },
        ),
        Reply(401, {"ok": False, "error_code": 401, "description": "Unauthorized"}),
    )
    adapter = _adapter(loopback, session)
    with pytest.raises(ConflictError):
        adapter.fetch(None)
    with pytest.raises(RateLimitedError) as limited:
        adapter.fetch(None)
    assert limited.value.retry_after == 35
    with pytest.raises(TokenExpiredError) as expired:
        adapter.fetch(None)
    assert TOKEN not in str(expired.value) + repr(expired.value)


def test_replying_quotes_the_message(
    loopback: Loopback, session: PlatformSession, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    sent = {
        "message_id": 12,
        "from": {"id": 7012345678, "is_bot": True, "first_name": "Humas Polres"},
        "chat": {"id": 5550001, "type": "private"},
        "date": 1764403500,
        "text": "Laporan diterima",
    }
    loopback.json(SEND, {"ok": True, "result": sent})
    adapter = _adapter(loopback, session)
    posted = adapter.post_reply("5550001", "5550001:7", "Laporan diterima")
    assert posted.platform_id == "5550001:12"
    assert posted.accepted_at == datetime(2025, 11, 29, 8, 5, tzinfo=UTC)
    assert loopback.seen(SEND)[0].json() == {
        "chat_id": 5550001,
        "text": "Laporan diterima",
        "reply_parameters": {"message_id": 7, "allow_sending_without_reply": True},
    }
    assert adapter.supports_read_back is False
    assert adapter.read_back("5550001") == ()
    assert "sendMessage" in caplog.text
    assert TOKEN not in caplog.text
