"""X (API v2): mentions of the account, and optionally its direct messages.

Mentions: ``GET /2/users/{id}/mentions`` with ``since_id`` (the newest id of
the last finished pass) and ``pagination_token`` (paging back within a
pass); authors from ``includes.users``. DMs (``dms=on``): ``GET
/2/dm_events``, newest first, until events older than the last pass.

Cursor: ``{"since", "newest", "next", "seen", "stage", "dm_hw", "dm_new"}``.
``since`` moves only when a pass ends, so a crash mid-pass pages on from
``next`` and never skips. Threads: ``conversation_id`` (else the tweet's
own id); DMs ``dm:<other user id>``. Tweet and DM ids are snowflakes: when
``created_at`` is missing, the time is read from the id.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from datetime import UTC, datetime

from desktop.core.model import Channel, InboundItem
from desktop.core.platforms.base import (
    CursorState,
    Page,
    PostedReply,
    check_text,
    dm_thread,
    dm_user,
    dump_cursor,
    later,
    load_cursor,
    max_mark,
    newest,
    remember,
    seen_before,
    unique,
)
from desktop.core.platforms.errormap import x_error
from desktop.core.platforms.fields import (
    JsonObject,
    as_object,
    malformed,
    opt_list,
    opt_object,
    opt_str,
    opt_time,
    req_id,
)
from desktop.core.platforms.graph import dm_since
from desktop.core.platforms.http import PlatformSession

log = logging.getLogger(__name__)

X_BASE = "https://api.x.com"
TWEET_FIELDS = "created_at,author_id,conversation_id,in_reply_to_user_id,referenced_tweets"
DM_FIELDS = "id,text,event_type,dm_conversation_id,created_at,sender_id,participant_ids"
MAX_LENGTH = 280
_READ_BACK_PAGES = 30  # of 100 tweets: a conversation's replies are read back this far
_SNOWFLAKE_EPOCH_MS = 1288834974657
_URL = re.compile(r"https?://\S+")
_NARROW = ((0, 0x10FF), (0x2000, 0x200D), (0x2010, 0x201F), (0x2032, 0x2037))


def x_length(text: str) -> int:
    """X's weighted length: most non-Latin characters count 2, a link 23."""
    size = 23 * len(_URL.findall(text))
    for char in _URL.sub("", text):
        size += 1 if any(lo <= ord(char) <= hi for lo, hi in _NARROW) else 2
    return size


def snowflake_time(ident: str) -> datetime | None:
    if not ident.isdigit():
        return None
    return datetime.fromtimestamp(((int(ident) >> 22) + _SNOWFLAKE_EPOCH_MS) / 1000, UTC)


def _time(obj: JsonObject, ident: str, where: str) -> datetime:
    when = opt_time(obj, "created_at", where) or snowflake_time(ident)
    if when is None:
        raise malformed(f"{where}.created_at", "is missing")
    return when


def _users(body: JsonObject) -> dict[str, str]:
    includes = opt_object(body, "includes", "response")
    names = {}
    for n, raw in enumerate(opt_list(includes, "users", "includes") if includes else ()):
        user = as_object(raw, f"includes.users[{n}]")
        at = f"includes.users[{n}]"
        name = opt_str(user, "username", at) or opt_str(user, "name", at)
        names[req_id(user, "id", at)] = name or ""
    return names


def _data(body: JsonObject) -> Sequence[object]:
    if "data" not in body and "meta" not in body:
        raise malformed("response.data", "is missing")
    return opt_list(body, "data", "response")


def parse_tweets(body: JsonObject, own_id: str) -> list[InboundItem]:
    names, items = _users(body), []
    for n, raw in enumerate(_data(body)):
        where = f"data[{n}]"
        tweet = as_object(raw, where)
        ident = req_id(tweet, "id", where)
        author = opt_str(tweet, "author_id", where) or ""
        parent = None
        for m, ref in enumerate(opt_list(tweet, "referenced_tweets", where)):
            ref_obj = as_object(ref, f"{where}.referenced_tweets[{m}]")
            if opt_str(ref_obj, "type", f"{where}.referenced_tweets[{m}]") == "replied_to":
                parent = req_id(ref_obj, "id", f"{where}.referenced_tweets[{m}]")
        items.append(
            InboundItem(
                channel=Channel.X,
                thread_id=opt_str(tweet, "conversation_id", where) or ident,
                platform_id=ident,
                author_id=author,
                author_name=names.get(author, ""),
                text=opt_str(tweet, "text", where) or "",
                platform_time=_time(tweet, ident, where),
                outbound=bool(author) and author == own_id,
                parent_id=parent,
                permalink=f"https://x.com/i/web/status/{ident}",
            )
        )
    return items


def parse_next(body: JsonObject) -> tuple[str | None, str | None]:
    """(newest_id, next_token) from ``meta``."""
    meta = opt_object(body, "meta", "response")
    if meta is None:
        return None, None
    return opt_str(meta, "newest_id", "meta"), opt_str(meta, "next_token", "meta")


def parse_dm_events(body: JsonObject, own_id: str) -> list[InboundItem]:
    names, items = _users(body), []
    for n, raw in enumerate(_data(body)):
        where = f"data[{n}]"
        event = as_object(raw, where)
        if opt_str(event, "event_type", where) not in (None, "MessageCreate"):
            continue
        ident = req_id(event, "id", where)
        sender = opt_str(event, "sender_id", where) or ""
        conversation = opt_str(event, "dm_conversation_id", where) or ""
        listed = opt_list(event, "participant_ids", where)
        others = [p for p in listed if isinstance(p, str) and p != own_id]
        others += [p for p in conversation.split("-") if "-" in conversation and p != own_id]
        peer = sender if sender != own_id else next(iter(others), conversation)
        items.append(
            InboundItem(
                channel=Channel.X,
                thread_id=dm_thread(peer or conversation or ident),
                platform_id=ident,
                author_id=sender,
                author_name=names.get(sender, ""),
                text=opt_str(event, "text", where) or "",
                platform_time=_time(event, ident, where),
                outbound=bool(sender) and sender == own_id,
            )
        )
    return items


def _newer_id(a: str | None, b: str | None) -> str | None:
    if a is None or b is None:
        return a or b
    if a.isdigit() and b.isdigit():
        return a if int(a) >= int(b) else b
    return a


class XAdapter:
    channel = Channel.X
    max_reply_length = MAX_LENGTH
    supports_read_back = True

    def __init__(
        self, session: PlatformSession, token: str, base: str, user_id: str, *, dms: bool = False
    ) -> None:
        session.add_secret(token)
        self.session, self.base, self.user_id, self.dms = session, base, user_id, dms
        self._auth = {"Authorization": f"Bearer {token}"}

    def __repr__(self) -> str:
        return f"<XAdapter {self.user_id}>"

    def _call(
        self, method: str, path: str, params: dict[str, str | int], body: object = None
    ) -> JsonObject:
        url = f"{self.base}/{path}"
        answer = self.session.request(
            method, url, mapper=x_error, params=params, json_body=body, headers=self._auth
        )
        return as_object(answer.body, "response")

    def fetch(self, cursor: str | None) -> Page:
        st = load_cursor(cursor, self.channel)
        if st.text("stage") == "own":
            return self._own_step(st)
        if st.text("stage") == "dms" and self.dms:
            return self._dm_step(st)
        return self._mention_step(st)

    def _mention_step(self, st: CursorState) -> Page:
        since, token, seen = st.text("since"), st.text("next"), st.strings("seen")
        params: dict[str, str | int] = {
            "max_results": 100,
            "tweet.fields": TWEET_FIELDS,
            "expansions": "author_id",
            "user.fields": "username,name",
        }
        if since:
            params["since_id"] = since
        if token:
            params["pagination_token"] = token
        body = self._call("GET", f"2/users/{self.user_id}/mentions", params)
        items = tuple(parse_tweets(body, self.user_id))
        newest_id, next_token = parse_next(body)
        pass_newest = st.text("newest") or newest_id
        keep = {"dm_hw": st.text("dm_hw")}
        if next_token and not seen_before(seen, next_token):
            state = {"since": since, "newest": pass_newest, "next": next_token, **keep}
            return Page(items, dump_cursor({**state, "seen": remember(seen, next_token)}), False)
        keep["own_since"] = st.text("own_since")
        finished = {"since": _newer_id(pass_newest, since), **keep}
        return Page(items, dump_cursor({**finished, "stage": "own"}), False)

    def _own_step(self, st: CursorState) -> Page:
        """Our own replies (mentions never include them): answers given on X itself count."""
        since, token, seen = st.text("own_since"), st.text("own_next"), st.strings("seen")
        params: dict[str, str | int] = {"max_results": 100, "tweet.fields": TWEET_FIELDS}
        if since:
            params["since_id"] = since
        if token:
            params["pagination_token"] = token
        body = self._call("GET", f"2/users/{self.user_id}/tweets", params)
        tweets = parse_tweets(body, self.user_id)
        items = tuple(t for t in tweets if t.parent_id is not None)
        newest_id, next_token = parse_next(body)
        pass_newest = st.text("own_newest") or newest_id
        keep = {"since": st.text("since"), "dm_hw": st.text("dm_hw")}
        # The first pass reads our timeline back to the DM look-back horizon.
        reached_old = since is None and any(t.platform_time < dm_since(None) for t in tweets)
        if next_token and not reached_old and not seen_before(seen, next_token):
            more = {"stage": "own", "own_since": since, "own_newest": pass_newest}
            state = {**keep, **more, "own_next": next_token, "seen": remember(seen, next_token)}
            return Page(items, dump_cursor(state), False)
        finished = {**keep, "own_since": _newer_id(pass_newest, since)}
        if self.dms:
            return Page(items, dump_cursor({**finished, "stage": "dms"}), False)
        return Page(items, dump_cursor(finished), True)

    def _dm_step(self, st: CursorState) -> Page:
        token, seen, mark = st.text("dm_next"), st.strings("seen"), st.time("dm_hw")
        params: dict[str, str | int] = {
            "dm_event.fields": DM_FIELDS,
            "event_types": "MessageCreate",
            "max_results": 100,
            "expansions": "sender_id",
            "user.fields": "username,name",
        }
        if token:
            params["pagination_token"] = token
        body = self._call("GET", "2/dm_events", params)
        items = tuple(parse_dm_events(body, self.user_id))
        _, next_token = parse_next(body)
        new_mark = later(st.text("dm_new"), *newest(items))
        reached_old = any(item.platform_time < dm_since(mark) for item in items)
        state = {"since": st.text("since"), "dm_hw": st.text("dm_hw")}
        if next_token and not reached_old and not seen_before(seen, next_token):
            more: dict[str, object] = {"stage": "dms", "dm_new": new_mark, "dm_next": next_token}
            more["seen"] = remember(seen, next_token)
            return Page(items, dump_cursor({**state, **more}), False)
        finished = {**state, "dm_hw": max_mark(st.text("dm_hw"), new_mark)}
        return Page(items, dump_cursor(finished), True)

    def post_reply(self, thread_id: str, parent_id: str, text: str) -> PostedReply:
        user = dm_user(thread_id)
        if user is not None:
            check_text(text, 10_000)
            body = self._call(
                "POST", f"2/dm_conversations/with/{user}/messages", {}, {"text": text}
            )
            data = as_object(body.get("data"), "response.data")
            ident = req_id(data, "dm_event_id", "response.data")
            return PostedReply(ident, snowflake_time(ident))
        check_text(text, MAX_LENGTH, x_length)
        reply = {"in_reply_to_tweet_id": parent_id or thread_id}
        body = self._call("POST", "2/tweets", {}, {"text": text, "reply": reply})
        ident = req_id(as_object(body.get("data"), "response.data"), "id", "response.data")
        return PostedReply(ident, snowflake_time(ident))

    def read_back(self, thread_id: str) -> Sequence[InboundItem]:
        user = dm_user(thread_id)
        if user is not None:
            params: dict[str, str | int] = {"dm_event.fields": DM_FIELDS, "max_results": 100}
            body = self._call("GET", f"2/dm_conversations/with/{user}/dm_events", params)
            return parse_dm_events(body, self.user_id)
        return [t for t in self._own_since(thread_id) if _in_thread(t, thread_id)]

    def _own_since(self, thread_id: str) -> list[InboundItem]:
        """Our tweets newer than a conversation's first tweet, every page of them.

        Tweet ids grow with time, so ``since_id`` = the conversation id bounds
        the read to what can belong to the conversation.
        """
        params: dict[str, str | int] = {"tweet.fields": TWEET_FIELDS, "max_results": 100}
        if thread_id.isdigit():
            params["since_id"] = thread_id
        found: list[InboundItem] = []
        seen: list[str] = []
        for _ in range(_READ_BACK_PAGES):
            body = self._call("GET", f"2/users/{self.user_id}/tweets", params)
            found.extend(parse_tweets(body, self.user_id))
            _, token = parse_next(body)
            if not token or seen_before(seen, token):
                return list(unique(found))
            seen = remember(seen, token)
            params["pagination_token"] = token
        log.warning("x: read-back stopped after %d pages of our timeline", _READ_BACK_PAGES)
        return list(unique(found))


def _in_thread(item: InboundItem, thread_id: str) -> bool:
    return thread_id in (item.thread_id, item.parent_id, item.platform_id)
