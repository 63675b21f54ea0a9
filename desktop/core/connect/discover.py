"""Finding every id an adapter needs from the token itself: the officer never types one.

- X: ``GET /2/users/me`` → ``user_id``;
- YouTube: ``GET /youtube/v3/channels?part=snippet&mine=true`` → ``channel_id``;
- TikTok: the token answer's ``open_id`` is the business account's id, and
  ``GET /business/get/`` gives its name → ``business_id``;
- Facebook / Instagram: ``meta.list_pages`` (the officer picks a Page);
- Telegram: ``telegram.verify_bot`` (``getMe``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field

from desktop.core.connect.tokens import TokenSet
from desktop.core.model import Channel
from desktop.core.platforms.errormap import google_error, tiktok_error, x_error
from desktop.core.platforms.errors import MalformedResponseError
from desktop.core.platforms.http import PlatformSession


@dataclass(frozen=True, slots=True)
class Discovered:
    """What an account is on its platform: its name and the adapter's params."""

    channel: Channel
    name: str
    params: Mapping[str, str] = field(default_factory=dict)

    @property
    def own_id(self) -> str:
        """The id that names the account (a reconnect must come back to the same one)."""
        keys = ("ig_user_id", "page_id", "user_id", "channel_id", "business_id", "bot_id")
        return next((self.params[k] for k in keys if self.params.get(k)), "")


def discover(
    channel: Channel, tokens: TokenSet, api_base: str, session: PlatformSession
) -> Discovered:
    """The account the tokens sign in as (X, YouTube, TikTok)."""
    session.add_secret(tokens.access_token)
    base = api_base.rstrip("/")
    if channel is Channel.X:
        body = session.request(
            "GET",
            f"{base}/2/users/me",
            mapper=x_error,
            headers={"Authorization": f"Bearer {tokens.access_token}"},
        ).body
        user = _obj(_obj(body).get("data"))
        user_id, name = _need(user, "id"), str(user.get("username") or user.get("name") or "")
        return Discovered(channel, name or user_id, {"user_id": user_id, "own_user_id": user_id})
    if channel is Channel.YOUTUBE:
        body = session.request(
            "GET",
            f"{base}/youtube/v3/channels",
            mapper=google_error,
            params={"part": "snippet", "mine": "true"},
            headers={"Authorization": f"Bearer {tokens.access_token}"},
        ).body
        items = _obj(body).get("items")
        if not isinstance(items, list) or not items:
            raise MalformedResponseError("This Google account has no YouTube channel.")
        item = _obj(items[0])
        channel_id = _need(item, "id")
        title = str(_obj(item.get("snippet")).get("title") or channel_id)
        return Discovered(channel, title, {"channel_id": channel_id, "own_user_id": channel_id})
    if channel is Channel.TIKTOK:
        business_id = tokens.subject
        if not business_id:
            raise MalformedResponseError("TikTok's token answer named no account (open_id).")
        body = session.request(
            "GET",
            f"{base}/open_api/v1.3/business/get/",
            mapper=tiktok_error,
            params={
                "business_id": business_id,
                "fields": json.dumps(["username", "display_name"]),
            },
            headers={"Access-Token": tokens.access_token},
        ).body
        data = _obj(_obj(body).get("data"))
        name = str(data.get("username") or data.get("display_name") or business_id)
        return Discovered(channel, name, {"business_id": business_id, "own_user_id": business_id})
    raise ValueError(f"{channel.value} accounts are discovered by their own flow")


def _obj(value: object) -> dict[str, object]:
    return value if isinstance(value, dict) else {}


def _need(data: Mapping[str, object], key: str) -> str:
    value = data.get(key)
    if not isinstance(value, str | int) or isinstance(value, bool) or not str(value):
        raise MalformedResponseError(f"The platform's answer has no {key}.")
    return str(value)
