"""The Telegram Bot API under ``/telegram``: ``/bot<token>/<method>``.

``getUpdates`` (GET or POST; ``offset``, ``limit``, ``timeout``) returns the
citizens' messages as updates with increasing ``update_id``; an update is
forgotten once a call passes ``offset`` above it (a negative offset keeps
only the last ones). ``timeout`` long-polls (at most 50 s) and wakes when a
message arrives; a second ``getUpdates`` while one waits ends the waiting
one with 409, as on Telegram. The bot's own messages are never updates.
Unacknowledged updates are kept however old they are; in strict mode, as on
Telegram, only for 24 hours (``KEPT``).

``sendMessage`` (``chat_id``, ``text``, ``parse_mode`` HTML, MarkdownV2 or
Markdown — broken markup refused as Telegram refuses it — ``reply_parameters``
or the older ``reply_to_message_id``) answers ``{"ok":true,"result":Message}``. Also
``getMe``, ``getWebhookInfo``, ``deleteWebhook``. Errors: ``{"ok":false,
"error_code","description","parameters"?}``. A private chat's id is the
citizen's user id.
"""

from __future__ import annotations

import json
import time
from collections.abc import Mapping
from datetime import timedelta

from desktop.core.model import Channel
from desktop.simulator import faults as fk
from desktop.simulator.faults import Fault
from desktop.simulator.ids import IdMaker
from desktop.simulator.state import Msg, World
from desktop.simulator.telegram_html import EntityError, parse_html
from desktop.simulator.telegram_markdown import parse_markdown, parse_markdown_v2
from desktop.simulator.wire import Request, Response, epoch, int_param

PREFIX = "/telegram"
UPDATE_BASE = 400_000_000
MAX_TEXT = 4096
MAX_POLL = 50.0
KEPT = timedelta(hours=24)  # strict mode: older unacknowledged updates are gone
_NGINX_502 = (
    "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad "
    "Gateway</h1></center>\r\n<hr><center>nginx/1.18.0</center>\r\n</body>\r\n</html>\r\n"
)
CONFLICT_POLLER = (
    "Conflict: terminated by other getUpdates request; make sure that only one bot instance is "
    "running"
)
CONFLICT_WEBHOOK = (
    "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete "
    "the webhook first"
)


def bot_token(bot_id: str, token: str) -> str:
    """The bot token for ``token``: as is when it already names a bot, else ``<bot id>:token``."""
    return token if ":" in token else f"{bot_id}:{token}"


def failure(code: int, description: str, **parameters: int) -> Response:
    body: dict[str, object] = {"ok": False, "error_code": code, "description": description}
    if parameters:
        body["parameters"] = parameters
    return Response.json(body, code)


def ok(result: object) -> Response:
    return Response.json({"ok": True, "result": result})


class TelegramApi:
    prefix = PREFIX

    def __init__(self, world: World, token: str, ids: dict[Channel, IdMaker]) -> None:
        self.world, self.token, self.ids = world, token, ids[Channel.TELEGRAM]
        self.board = world.board(Channel.TELEGRAM)
        self.bot_id = self.board.account.platform_user_id
        # Telegram tokens look like "<bot id>:<secret>" (adapters read the bot id from it).
        self.tokens = {token, bot_token(self.bot_id, token)}
        self.acked = UPDATE_BASE  # updates below this id are forgotten
        self._polls = 0  # getUpdates calls so far: a newer one ends a waiting one

    def _split(self, req: Request) -> tuple[str, str] | None:
        head, _, method = req.path.strip("/").partition("/")
        if not head.startswith("bot") or not method or "/" in method:
            return None
        return head[3:], method

    def channel_of(self, req: Request) -> Channel:
        return Channel.TELEGRAM

    def fault_kinds(self, req: Request) -> frozenset[str]:
        split = self._split(req)
        if split is not None and split[1].lower() == "getupdates":
            return fk.FAULT_KINDS
        return fk.FAULT_KINDS - {fk.CONFLICT}

    def check_auth(self, req: Request) -> Response | None:
        split = self._split(req)
        if split is None:
            return failure(404, "Not Found")
        return None if split[0] in self.tokens else failure(401, "Unauthorized")

    def fault(self, fault: Fault, req: Request) -> Response:
        if fault.kind == fk.RATE_LIMIT:
            wait = fault.retry_after
            description = f"Too Many Requests: retry after {wait}"
            if fault.details.get("parameters") is False:
                return failure(429, description)
            return failure(429, description, retry_after=wait)
        if fault.kind == fk.EXPIRED_TOKEN:
            return failure(401, "Unauthorized")
        if fault.kind == fk.CONFLICT:
            return failure(409, CONFLICT_WEBHOOK if fault.flag("webhook") else CONFLICT_POLLER)
        if fault.status == 502:
            return Response.html(_NGINX_502, 502)
        return failure(fault.status, "Internal Server Error")

    def handle(self, req: Request) -> Response:
        split = self._split(req)
        method = split[1].lower() if split else ""
        params = req.params()
        if method == "getupdates":
            return self._get_updates(params)
        with self.world.lock:
            if method == "sendmessage":
                return self._send(params)
            if method == "getme":
                return ok(self._bot())
            if method == "getwebhookinfo":
                return ok({"url": "", "has_custom_certificate": False, "pending_update_count": 0})
            if method == "deletewebhook":
                return ok(True)
        return failure(404, "Not Found")

    # -- objects ---------------------------------------------------------------------

    def _bot(self) -> dict[str, object]:
        return {
            "id": int(self.bot_id),
            "is_bot": True,
            "first_name": "Humas Polres Contoh",
            "username": self.board.account.name,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }

    def _sender(self) -> dict[str, object]:
        """The bot as a message's ``from``: a User without getMe's capability fields."""
        bot = self._bot()
        return {k: bot[k] for k in ("id", "is_bot", "first_name", "username")}

    def _person(self, chat: str) -> dict[str, object]:
        said = next((m for m in self.board.by_container.get(chat, ()) if not m.outbound), None)
        first, _, last = (said.author_name if said else "Warga").partition(" ")
        person: dict[str, object] = {"id": int(chat), "first_name": first}
        if last:
            person["last_name"] = last
        return person

    def _message(self, msg: Msg, *, nested: bool = False) -> dict[str, object]:
        chat = {**self._person(msg.container), "type": "private"}
        sender = (
            self._sender() if msg.outbound else {"is_bot": False, **self._person(msg.container)}
        )
        if not msg.outbound:
            sender["language_code"] = "id"
        out: dict[str, object] = {
            "message_id": int(msg.id),
            "from": sender,
            "chat": chat,
            "date": epoch(msg.time),
            "text": msg.text,
        }
        if msg.entities:
            out["entities"] = list(msg.entities)
        parent = self.board.by_id.get(msg.parent or "")
        if parent is not None and not nested and (msg.outbound or parent.outbound):
            out["reply_to_message"] = self._message(parent, nested=True)
        return out

    # -- getUpdates ---------------------------------------------------------------------

    def _pending(self, limit: int) -> list[Msg]:
        start = max(self.acked - UPDATE_BASE, 0)
        found: list[Msg] = []
        gone = self.world.clock.now() - KEPT if self.world.strict else None
        for msg in self.board.log[start:]:
            if not msg.outbound and (gone is None or msg.time >= gone):
                found.append(msg)
                if len(found) == limit:
                    break
        return found

    def _get_updates(self, params: Mapping[str, object]) -> Response:
        offset = int_param(params.get("offset"), 0)
        limit = int_param(params.get("limit"), 100)
        wait = int_param(params.get("timeout"), 0)
        if offset is None or limit is None or wait is None:
            return failure(400, "Bad Request: invalid parameters")
        world = self.world
        limit = world.cut(min(max(limit, 1), 100))
        with world.lock:
            self._polls += 1
            mine = self._polls
            world.changed.notify_all()
            if offset < 0:  # keep only the last -offset updates
                said = [m.seq for m in self.board.log if not m.outbound]
                if len(said) >= -offset:
                    self.acked = max(self.acked, UPDATE_BASE + said[offset])
            elif offset:
                self.acked = max(self.acked, offset)
            deadline = time.monotonic() + min(max(wait, 0), MAX_POLL)
            while not (found := self._pending(limit)):
                left = deadline - time.monotonic()
                if left <= 0 or world.stopping.is_set():
                    break
                world.changed.wait(left)
                if self._polls != mine:
                    return failure(409, CONFLICT_POLLER)
            updates = [
                {"update_id": UPDATE_BASE + m.seq, "message": self._message(m)} for m in found
            ]
            return ok(updates)

    # -- sendMessage -----------------------------------------------------------------------

    def _send(self, params: Mapping[str, object]) -> Response:
        chat = str(params.get("chat_id", "")).strip()
        text = params.get("text")
        if not chat:
            return failure(400, "Bad Request: chat_id is empty")
        if not isinstance(text, str) or not text.strip():
            return failure(400, "Bad Request: message text is empty")
        entities: list[dict[str, object]] = []
        mode = str(params.get("parse_mode") or "").lower()
        parsers = {"html": parse_html, "markdownv2": parse_markdown_v2, "markdown": parse_markdown}
        if mode and mode not in parsers:
            return failure(400, f"Bad Request: unsupported parse_mode {mode}")
        if mode:
            try:
                text, entities = parsers[mode](text)
            except EntityError as exc:
                return failure(400, f"Bad Request: can't parse entities: {exc}")
        if not text.strip():
            return failure(400, "Bad Request: message text is empty")
        if len(text) > MAX_TEXT:
            return failure(400, "Bad Request: message is too long")
        in_chat = self.board.by_container.get(chat)
        if not in_chat:
            return failure(400, "Bad Request: chat not found")
        reply = _reply_parameters(params)
        if reply is None:
            return failure(400, "Bad Request: can't parse reply parameters JSON object")
        answered = self.board.by_id.get(str(reply[0])) if reply[0] else None
        if reply[0] and (answered is None or answered.container != chat) and not reply[1]:
            return failure(400, "Bad Request: message to be replied not found")
        if answered is not None and answered.container != chat:
            answered = None
        when = self.world.clock.now()
        ident = self.ids.message(when=when, container=chat, top=None)
        thread = answered.thread if answered else in_chat[-1].thread
        account = self.board.account
        msg = Msg(
            ident,
            thread,
            chat,
            answered.id if answered else None,
            self.bot_id,
            account.name,
            text,
            when,
            outbound=True,
            entities=tuple(entities),
        )
        parent_id = f"{chat}:{answered.id}" if answered else ""
        public = f"{chat}:{ident}"
        self.world.accept(
            Channel.TELEGRAM, msg, thread_id=chat, parent_id=parent_id, public_id=public
        )
        return ok(self._message(msg))


def _reply_parameters(params: Mapping[str, object]) -> tuple[int, bool] | None:
    """(message id to reply to or 0, allow_sending_without_reply), None if unreadable."""
    raw = params.get("reply_parameters")
    if isinstance(raw, str):
        try:
            raw = json.loads(raw)
        except ValueError:
            return None
    if raw is None:
        legacy = int_param(params.get("reply_to_message_id"), 0)
        allow = params.get("allow_sending_without_reply") in (True, "true", "True", "1")
        return None if legacy is None else (legacy, allow)
    if not isinstance(raw, dict):
        return None
    ident = int_param(raw.get("message_id"), 0)
    allow = raw.get("allow_sending_without_reply") in (True, "true")
    return None if ident is None else (ident, allow)
