"""Telegram: the BotFather token, checked with ``getMe`` (which also names the bot)."""

from __future__ import annotations

from desktop.core.connect.discover import Discovered
from desktop.core.connect.tokens import TokenSet
from desktop.core.errors import UserError
from desktop.core.model import Channel
from desktop.core.platforms.errormap import telegram_error
from desktop.core.platforms.errors import MalformedResponseError
from desktop.core.platforms.http import PlatformSession


def verify_bot(token: str, api_base: str, session: PlatformSession) -> tuple[TokenSet, Discovered]:
    """The bot behind ``token``; ``TokenExpiredError`` when Telegram refuses it."""
    token = token.strip()
    if ":" not in token or not token.split(":", 1)[0].isdigit():
        raise UserError("bad_option", detail="A Telegram bot token looks like 123456:ABC-DEF...")
    session.add_secret(token)
    body = session.request(
        "GET", f"{api_base.rstrip('/')}/bot{token}/getMe", mapper=telegram_error
    ).body
    result = body.get("result") if isinstance(body, dict) else None
    if not isinstance(result, dict) or not result.get("id"):
        raise MalformedResponseError("Telegram's getMe answered no bot.")
    bot_id = str(result["id"])
    name = str(result.get("username") or result.get("first_name") or bot_id)
    return TokenSet(access_token=token), Discovered(Channel.TELEGRAM, name, {"bot_id": bot_id})
