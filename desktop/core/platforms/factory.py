"""Building the adapter for one account.

``params`` per platform (``account add … --param KEY=VALUE``):

- instagram: ``ig_user_id`` (required); ``page_id`` (enables Direct
  messages); ``username`` (our handle, to recognise our own comments).
- facebook: ``page_id`` (required); ``dms`` (Messenger, default on).
- instagram, facebook, tiktok: ``horizon_days`` (posts of this many days
  are scanned for comments, default 30); ``recent_posts`` (posts asked per
  page of the post list, default 25, TikTok 10); ``round_requests``
  (requests a sync round may spend on the account, default 120: a longer
  pass goes on in the next round).
- x: ``user_id`` (required); ``dms`` (direct messages, default off: they
  need a paid tier and the ``dm.read`` scope).
- youtube: ``channel_id`` (required).
- telegram: ``long_poll`` (seconds ``getUpdates`` may wait, default 0).
- tiktok: ``business_id`` (required).

``own_user_id`` adds an id whose messages are ours (``outbound``) besides
the one implied by the params. The token (and ``app_secret``, used for
Graph's ``appsecret_proof``) are registered for redaction here.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta

from desktop.core.model import Channel
from desktop.core.platforms.base import (
    Adapter,
    flag_param,
    int_param,
    need_param,
    resolve_api_base,
)
from desktop.core.platforms.errors import ConfigurationError
from desktop.core.platforms.facebook import FacebookAdapter
from desktop.core.platforms.graph import GRAPH_BASE, GraphApi
from desktop.core.platforms.http import PlatformSession
from desktop.core.platforms.instagram import InstagramAdapter
from desktop.core.platforms.scan import ROUND_BUDGET
from desktop.core.platforms.telegram import TELEGRAM_BASE, TelegramAdapter
from desktop.core.platforms.tiktok import TIKTOK_BASE, TikTokAdapter
from desktop.core.platforms.x import X_BASE, XAdapter
from desktop.core.platforms.youtube import YOUTUBE_BASE, YouTubeAdapter

DEFAULT_API_BASE: Mapping[Channel, str] = {
    Channel.INSTAGRAM: GRAPH_BASE,
    Channel.FACEBOOK: GRAPH_BASE,
    Channel.X: X_BASE,
    Channel.YOUTUBE: YOUTUBE_BASE,
    Channel.TELEGRAM: TELEGRAM_BASE,
    Channel.TIKTOK: TIKTOK_BASE,
}


def make_adapter(
    channel: Channel,
    session: PlatformSession,
    token: str,
    api_base: str | None,
    params: Mapping[str, str],
    own_user_id: str | None = None,
    *,
    app_secret: str | None = None,
) -> Adapter:
    session.add_secret(token)
    session.add_secret(app_secret)
    if not token.strip():
        raise ConfigurationError(f"The {channel.value} account has no token.")
    if channel not in DEFAULT_API_BASE:
        raise ConfigurationError(
            f"{channel.value} cannot be polled: it delivers messages only by webhook, which "
            "needs a relay (not supported yet)."
        )
    base = resolve_api_base(api_base, DEFAULT_API_BASE[channel])
    own = (own_user_id,) if own_user_id else ()
    posts = int_param(params, "recent_posts", 25, 1, 100)
    horizon = timedelta(days=int_param(params, "horizon_days", 30, 1, 365))
    budget = int_param(params, "round_requests", ROUND_BUDGET, 10, 10_000)
    if channel is Channel.INSTAGRAM:
        return InstagramAdapter(
            GraphApi(session, token, base, app_secret),
            need_param(params, "ig_user_id", channel),
            page_id=params.get("page_id") or None,
            own_ids=own,
            own_username=params.get("username") or None,
            recent_posts=posts,
            horizon=horizon,
            round_budget=budget,
        )
    if channel is Channel.FACEBOOK:
        return FacebookAdapter(
            GraphApi(session, token, base, app_secret),
            need_param(params, "page_id", channel),
            own_ids=own,
            dms=flag_param(params, "dms", True),
            recent_posts=posts,
            horizon=horizon,
            round_budget=budget,
        )
    if channel is Channel.X:
        user_id = own_user_id or need_param(params, "user_id", channel)
        return XAdapter(session, token, base, user_id, dms=flag_param(params, "dms", False))
    if channel is Channel.YOUTUBE:
        channel_id = need_param(params, "channel_id", channel)
        return YouTubeAdapter(session, token, base, channel_id, own_ids=own)
    if channel is Channel.TELEGRAM:
        if ":" not in token:
            raise ConfigurationError("A Telegram bot token looks like 123456:ABC-DEF...")
        long_poll = int_param(params, "long_poll", 0, 0, 50)
        return TelegramAdapter(session, token, base, long_poll=long_poll)
    business_id = need_param(params, "business_id", channel)
    recent = int_param(params, "recent_posts", 10, 1, 20)
    return TikTokAdapter(
        session,
        token,
        base,
        business_id,
        own_ids=own,
        recent_posts=recent,
        horizon=horizon,
        round_budget=budget,
    )
