"""Building adapters from an account's settings."""

from __future__ import annotations

import pytest

from desktop.core.model import Channel
from desktop.core.platforms.base import Adapter
from desktop.core.platforms.errors import ConfigurationError
from desktop.core.platforms.facebook import FacebookAdapter
from desktop.core.platforms.factory import DEFAULT_API_BASE, make_adapter
from desktop.core.platforms.http import PlatformSession
from desktop.core.platforms.instagram import InstagramAdapter
from desktop.core.platforms.redact import redact
from desktop.core.platforms.telegram import TelegramAdapter
from desktop.core.platforms.tiktok import TikTokAdapter
from desktop.core.platforms.x import XAdapter
from desktop.core.platforms.youtube import YouTubeAdapter

PARAMS = {
    Channel.INSTAGRAM: ({"ig_user_id": "1784"}, InstagramAdapter, 1000),
    Channel.FACEBOOK: ({"page_id": "1929"}, FacebookAdapter, 2000),
    Channel.X: ({"user_id": "783214"}, XAdapter, 280),
    Channel.YOUTUBE: ({"channel_id": "UCa-vr"}, YouTubeAdapter, 10_000),
    Channel.TELEGRAM: ({}, TelegramAdapter, 4096),
    Channel.TIKTOK: ({"business_id": "-000hun"}, TikTokAdapter, 150),
}


@pytest.mark.parametrize("channel", list(PARAMS))
def test_each_platform_gets_its_adapter_with_https_defaults(
    channel: Channel, session: PlatformSession
) -> None:
    params, kind, limit = PARAMS[channel]
    token = f"{channel.value}-token:SeCrEt-{len(channel.value)}-value"
    adapter: Adapter = make_adapter(channel, session, token, None, params)
    assert isinstance(adapter, kind)
    assert adapter.channel is channel
    assert adapter.max_reply_length == limit
    assert DEFAULT_API_BASE[channel].startswith("https://")
    assert token not in redact(f"token={token}; {token}")
    assert token not in repr(adapter)


def test_default_addresses() -> None:
    assert DEFAULT_API_BASE[Channel.INSTAGRAM] == "https://graph.facebook.com/v21.0"
    assert DEFAULT_API_BASE[Channel.X] == "https://api.x.com"
    assert DEFAULT_API_BASE[Channel.YOUTUBE] == "https://www.googleapis.com"
    assert DEFAULT_API_BASE[Channel.TELEGRAM] == "https://api.telegram.org"
    assert DEFAULT_API_BASE[Channel.TIKTOK] == "https://business-api.tiktok.com"


@pytest.mark.parametrize(
    ("channel", "missing"),
    [
        (Channel.INSTAGRAM, "ig_user_id"),
        (Channel.FACEBOOK, "page_id"),
        (Channel.X, "user_id"),
        (Channel.YOUTUBE, "channel_id"),
        (Channel.TIKTOK, "business_id"),
    ],
)
def test_a_missing_id_is_named(channel: Channel, missing: str, session: PlatformSession) -> None:
    with pytest.raises(ConfigurationError, match=missing):
        make_adapter(channel, session, "token-123456", None, {})


@pytest.mark.parametrize(
    ("base", "ok"),
    [
        ("https://relay.polres.example/graph/", True),
        ("http://127.0.0.1:8765", True),
        ("http://localhost:8765/", True),
        ("http://[::1]:8765", True),
        ("http://relay.polres.example", False),  # a token must not travel in clear
        ("ftp://127.0.0.1", False),
        ("graph.facebook.com", False),
    ],
)
def test_api_base_must_be_https_except_on_this_computer(
    base: str, ok: bool, session: PlatformSession
) -> None:
    if ok:
        make_adapter(Channel.X, session, "token-123456", base, {"user_id": "1"})
    else:
        with pytest.raises(ConfigurationError, match="https"):
            make_adapter(Channel.X, session, "token-123456", base, {"user_id": "1"})


def test_whatsapp_empty_tokens_and_bad_params_are_refused(session: PlatformSession) -> None:
    with pytest.raises(ConfigurationError, match="webhook"):
        make_adapter(Channel.WHATSAPP, session, "token-123456", None, {})
    with pytest.raises(ConfigurationError, match="no token"):
        make_adapter(Channel.X, session, "  ", None, {"user_id": "1"})
    with pytest.raises(ConfigurationError, match="Telegram bot token"):
        make_adapter(Channel.TELEGRAM, session, "not-a-bot-token", None, {})
    with pytest.raises(ConfigurationError, match="recent_posts"):
        make_adapter(
            Channel.FACEBOOK, session, "t-123456", None, {"page_id": "1", "recent_posts": "x"}
        )


def test_own_user_id_and_switches(session: PlatformSession) -> None:
    x = make_adapter(Channel.X, session, "token-123456", None, {}, own_user_id="42")
    assert isinstance(x, XAdapter)
    assert (x.user_id, x.dms) == ("42", False)
    fb = make_adapter(Channel.FACEBOOK, session, "t-123456", None, {"page_id": "1", "dms": "off"})
    assert isinstance(fb, FacebookAdapter)
    assert fb.dms is None
    ig = make_adapter(Channel.INSTAGRAM, session, "t-123456", None, {"ig_user_id": "1"})
    assert isinstance(ig, InstagramAdapter)
    assert ig.dms is None  # no page_id: no Direct messages
