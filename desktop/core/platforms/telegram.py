"""Telegram Bot API: messages people send to the unit's bot.

``getUpdates`` with ``offset``: an update is acknowledged by asking with
``offset = update_id + 1``, so the cursor (``{"offset": N}``) must be stored
with the page's messages before the next fetch — which the store does.
Only one poller per bot: a second one (or a webhook) gets HTTP 409, mapped
to ``ConflictError``.

Thread = the chat id. Message ids are unique only within a chat, so a
message's platform id is ``<chat id>:<message id>``. Bots cannot read a chat
back (``supports_read_back = False``): an uncertain send cannot be checked.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from desktop.core.model import Channel, InboundItem
from desktop.core.platforms.base import Page, PostedReply, check_text, dump_cursor, load_cursor
from desktop.core.platforms.errormap import telegram_error
from desktop.core.platforms.fields import (
    JsonObject,
    as_object,
    malformed,
    opt_int,
    opt_object,
    opt_str,
    req_id,
    req_list,
    req_object,
    req_time,
)
from desktop.core.platforms.http import PlatformSession

TELEGRAM_BASE = "https://api.telegram.org"
MAX_LENGTH = 4096
BATCH = 100
_WHOLE = re.compile(r"-?\d+")


def _name(person: JsonObject | None, chat: JsonObject, where: str) -> str:
    if person is not None:
        full = " ".join(
            part
            for part in (
                opt_str(person, "first_name", where),
                opt_str(person, "last_name", where),
            )
            if part
        )
        return full or opt_str(person, "username", where) or ""
    return opt_str(chat, "title", "chat") or opt_str(chat, "username", "chat") or ""


def parse_message(raw: object, where: str, bot_id: str) -> InboundItem:
    message = as_object(raw, where)
    chat = req_object(message, "chat", where)
    chat_id = req_id(chat, "id", f"{where}.chat")
    ident = req_id(message, "message_id", where)
    person = opt_object(message, "from", where)
    author = req_id(person, "id", f"{where}.from") if person else chat_id
    replied = opt_object(message, "reply_to_message", where)
    parent = req_id(replied, "message_id", f"{where}.reply_to_message") if replied else None
    return InboundItem(
        channel=Channel.TELEGRAM,
        thread_id=chat_id,
        platform_id=f"{chat_id}:{ident}",
        author_id=author,
        author_name=_name(person, chat, f"{where}.from"),
        text=opt_str(message, "text", where) or opt_str(message, "caption", where) or "",
        platform_time=req_time(message, "date", where),
        outbound=author == bot_id,
        parent_id=f"{chat_id}:{parent}" if parent else None,
    )


def parse_updates(body: JsonObject, bot_id: str) -> tuple[list[InboundItem], int | None, int]:
    """(messages, highest update_id or None, number of updates)."""
    updates = req_list(body, "result", "response")
    items, highest = [], None
    for n, raw in enumerate(updates):
        update = as_object(raw, f"result[{n}]")
        update_id = opt_int(update, "update_id", f"result[{n}]")
        if update_id is None:
            raise malformed(f"result[{n}].update_id", "is missing")
        highest = update_id if highest is None else max(highest, update_id)
        message = update.get("message")
        if message is not None:  # other update kinds are acknowledged and skipped
            items.append(parse_message(message, f"result[{n}].message", bot_id))
    return items, highest, len(updates)


class TelegramAdapter:
    channel = Channel.TELEGRAM
    max_reply_length = MAX_LENGTH
    supports_read_back = False

    def __init__(
        self, session: PlatformSession, token: str, base: str, *, long_poll: int = 0
    ) -> None:
        session.add_secret(token)
        self.session, self.long_poll = session, long_poll
        self.bot_id = token.split(":", 1)[0]
        self._url = f"{base}/bot{token}"

    def __repr__(self) -> str:
        return f"<TelegramAdapter bot {self.bot_id}>"

    def _call(
        self, method: str, *, params: dict[str, str | int] | None = None, body: object = None
    ) -> JsonObject:
        read_timeout = self.session.read_timeout + self.long_poll
        answer = self.session.request(
            "POST" if body is not None else "GET",
            f"{self._url}/{method}",
            mapper=telegram_error,
            params=params,
            json_body=body,
            read_timeout=read_timeout,
        )
        return as_object(answer.body, "response")

    def fetch(self, cursor: str | None) -> Page:
        state = load_cursor(cursor, self.channel)
        offset = state.number("offset")
        # Once a batch has come, the rest of the pass asks without waiting.
        draining = state.get("more") is True
        params: dict[str, str | int] = {
            "timeout": 0 if draining else self.long_poll,
            "limit": BATCH,
            "allowed_updates": '["message"]',
        }
        if offset is not None:
            params["offset"] = offset
        items, highest, _ = parse_updates(self._call("getUpdates", params=params), self.bot_id)
        if highest is None:
            return Page((), dump_cursor({"offset": offset}) if offset is not None else None, True)
        next_offset = highest + 1
        if offset is not None and next_offset <= offset:  # the offset was not honoured
            return Page(tuple(items), dump_cursor({"offset": offset}), True)
        # A batch shorter than the limit does not mean none are left: the Bot
        # API promises no full batches, so a pass ends only on an empty answer.
        return Page(tuple(items), dump_cursor({"offset": next_offset, "more": True}), False)

    def post_reply(self, thread_id: str, parent_id: str, text: str) -> PostedReply:
        check_text(text, MAX_LENGTH)
        chat: str | int = int(thread_id) if _WHOLE.fullmatch(thread_id) else thread_id
        body: dict[str, object] = {"chat_id": chat, "text": text}
        message_id = parent_id.rsplit(":", 1)[-1] if parent_id else ""
        if message_id.isdigit():
            body["reply_parameters"] = {
                "message_id": int(message_id),
                "allow_sending_without_reply": True,
            }
        answer = self._call("sendMessage", body=body)
        item = parse_message(answer.get("result"), "result", self.bot_id)
        return PostedReply(item.platform_id, item.platform_time)

    def read_back(self, thread_id: str) -> Sequence[InboundItem]:
        return ()  # the Bot API has no way to read a chat's history
