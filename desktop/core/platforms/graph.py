"""The Meta Graph API as Instagram and Facebook share it.

Auth by ``Authorization: Bearer`` (the token stays out of URLs), optional
``appsecret_proof``. Pages follow ``paging.cursors.after`` only when
``paging.next`` says there is a next page; the ``next`` URL itself is never
followed or stored (it carries the token and the real host, which may not be
the configured ``api_base``). When Meta's usage headers report a budget at
about 100 %, the page is still returned but the next request is refused
locally with ``RateLimitedError`` until the wait is over.

Direct messages (Instagram and Messenger) share one conversation format.
"""

from __future__ import annotations

import hashlib
import hmac
import threading
import time
from collections.abc import Collection, Mapping, Sequence
from datetime import UTC, datetime, timedelta

from desktop.core.model import Channel, InboundItem
from desktop.core.platforms.base import PostedReply, dm_thread
from desktop.core.platforms.errors import RateLimitedError
from desktop.core.platforms.fields import (
    JsonObject,
    as_object,
    opt_list,
    opt_object,
    opt_str,
    opt_time,
    req_id,
    req_list,
    req_time,
)
from desktop.core.platforms.http import PlatformSession
from desktop.core.platforms.meta_errors import meta_error, meta_usage_wait

GRAPH_BASE = "https://graph.facebook.com/v21.0"
DM_OVERLAP = timedelta(minutes=5)  # conversations this close to the mark are read again
FIRST_PASS_LOOKBACK = timedelta(days=30)  # how far back the first DM pass reads
DM_MESSAGE_FIELDS = "id,created_time,from,to,message"


class GraphApi:
    def __init__(
        self, session: PlatformSession, token: str, base: str, app_secret: str | None = None
    ) -> None:
        session.add_secret(token)
        session.add_secret(app_secret)
        self.session = session
        self.base = base
        self._auth = {"Authorization": f"Bearer {token}"}
        self._proof = (
            hmac.new(app_secret.encode(), token.encode(), hashlib.sha256).hexdigest()
            if app_secret
            else None
        )
        self._lock = threading.Lock()
        self._blocked_until = 0.0

    def __repr__(self) -> str:
        return f"<GraphApi {self.base}>"

    def get(self, path: str, params: Mapping[str, str | int]) -> JsonObject:
        return self._call("GET", path, params=params)

    def post(
        self, path: str, *, form: Mapping[str, str] | None = None, body: object = None
    ) -> JsonObject:
        return self._call("POST", path, form=form, body=body)

    def _call(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str | int] | None = None,
        form: Mapping[str, str] | None = None,
        body: object = None,
    ) -> JsonObject:
        with self._lock:
            left = self._blocked_until - time.monotonic()
        if left > 0:
            raise RateLimitedError(
                "Meta reported this account's API budget as used up; waiting before the next "
                "request.",
                retry_after=left,
            )
        query = dict(params or {})
        if self._proof:
            query["appsecret_proof"] = self._proof
        response = self.session.request(
            method,
            f"{self.base}/{path.lstrip('/')}",
            mapper=meta_error,
            params=query,
            form=form,
            json_body=body,
            headers=self._auth,
        )
        wait = meta_usage_wait(response.headers)
        if wait:
            with self._lock:
                self._blocked_until = time.monotonic() + wait
        return as_object(response.body, "response")


def graph_page(body: JsonObject) -> tuple[Sequence[object], str | None]:
    """The ``data`` list and the ``after`` cursor if there is a next page."""
    data = req_list(body, "data", "response")
    paging = opt_object(body, "paging", "response")
    if paging is None or not paging.get("next"):
        return data, None
    cursors = opt_object(paging, "cursors", "response.paging")
    after = opt_str(cursors, "after", "response.paging.cursors") if cursors else None
    return data, after


def _who(person: JsonObject | None, where: str) -> tuple[str, str]:
    if person is None:
        return "", ""
    ident = req_id(person, "id", where)
    name = opt_str(person, "username", where) or opt_str(person, "name", where) or ""
    return ident, name


def dm_since(mark: datetime | None) -> datetime:
    """Conversations updated before this are not read again in a pass."""
    return mark - DM_OVERLAP if mark else datetime.now(UTC) - FIRST_PASS_LOOKBACK


def parse_conversations(
    body: JsonObject, channel: Channel, own_ids: Collection[str], since: datetime | None
) -> tuple[list[InboundItem], bool]:
    """DM items of conversations updated since ``since``; True once older ones appear."""
    data = req_list(body, "data", "response")
    items: list[InboundItem] = []
    reached_old = False
    for n, raw in enumerate(data):
        where = f"data[{n}]"
        conversation = as_object(raw, where)
        updated = opt_time(conversation, "updated_time", where)
        if since is not None and updated is not None and updated < since:
            reached_old = True
            continue
        box = opt_object(conversation, "messages", where)
        messages = opt_list(box, "data", f"{where}.messages") if box else ()
        items.extend(parse_messages(messages, channel, own_ids, f"{where}.messages.data"))
    return items, reached_old


def parse_messages(
    messages: Sequence[object], channel: Channel, own_ids: Collection[str], where: str
) -> list[InboundItem]:
    parsed = []
    other = ""
    for n, raw in enumerate(messages):
        at = f"{where}[{n}]"
        message = as_object(raw, at)
        sender, name = _who(opt_object(message, "from", at), f"{at}.from")
        to = opt_object(message, "to", at)
        recipients = [
            _who(as_object(r, f"{at}.to.data"), f"{at}.to.data")[0]
            for r in (opt_list(to, "data", f"{at}.to") if to else ())
        ]
        outbound = sender in own_ids
        peer = next((r for r in recipients if r not in own_ids), "") if outbound else sender
        other = other or peer
        parsed.append((message, at, sender, name, outbound, peer))
    items = []
    for message, at, sender, name, outbound, peer in parsed:
        items.append(
            InboundItem(
                channel=channel,
                thread_id=dm_thread(peer or other or "unknown"),
                platform_id=req_id(message, "id", at),
                author_id=sender,
                author_name=name,
                text=opt_str(message, "message", at) or "",
                platform_time=req_time(message, "created_time", at),
                outbound=outbound,
            )
        )
    return items


class GraphDms:
    """Instagram Direct / Messenger conversations of one Page."""

    def __init__(
        self,
        api: GraphApi,
        channel: Channel,
        page_id: str,
        own_ids: Collection[str],
        send_path: str,
        extra: Mapping[str, str],
    ) -> None:
        self.api, self.channel, self.page_id, self.own_ids = api, channel, page_id, own_ids
        self.platform = "instagram" if channel is Channel.INSTAGRAM else "messenger"
        self.send_path, self.extra = send_path, extra

    def _params(self, **more: str | int) -> dict[str, str | int]:
        fields = f"updated_time,messages{{{DM_MESSAGE_FIELDS}}}"
        return {"platform": self.platform, "fields": fields, **more}

    def page(
        self, after: str | None, mark: datetime | None
    ) -> tuple[list[InboundItem], str | None]:
        params = self._params(limit=25, **({"after": after} if after else {}))
        body = self.api.get(f"{self.page_id}/conversations", params)
        items, reached_old = parse_conversations(body, self.channel, self.own_ids, dm_since(mark))
        return items, None if reached_old else graph_page(body)[1]

    def send(self, user_id: str, text: str) -> PostedReply:
        body = {"recipient": {"id": user_id}, **self.extra, "message": {"text": text}}
        answer = self.api.post(self.send_path, body=body)
        return PostedReply(req_id(answer, "message_id", "response"), None)

    def read_back(self, user_id: str) -> list[InboundItem]:
        params = self._params(user_id=user_id)
        body = self.api.get(f"{self.page_id}/conversations", params)
        return parse_conversations(body, self.channel, self.own_ids, None)[0]
