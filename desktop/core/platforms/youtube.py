"""YouTube Data API v3: comment threads on the channel's videos.

``GET /youtube/v3/commentThreads?allThreadsRelatedToChannelId=…&order=time``
pages newest first; a pass stops at threads older than the last pass's
high-water mark (minus a small overlap; the first pass looks back 30 days).
Threads list only some of their replies: when ``totalReplyCount`` says
there are more, they are read with ``GET /youtube/v3/comments?parentId=…``.

Cursor: ``{"page", "seen", "hw", "new_hw"}``. Thread id = the top-level
comment's id. Text: ``textOriginal``; when only ``textDisplay`` (HTML) is
present, tags are stripped and entities unescaped.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser

from desktop.core.model import Channel, InboundItem
from desktop.core.platforms.base import (
    Page,
    PostedReply,
    check_text,
    dump_cursor,
    later,
    load_cursor,
    max_mark,
    newest,
    remember,
    seen_before,
    unique,
)
from desktop.core.platforms.errormap import google_error
from desktop.core.platforms.fields import (
    JsonObject,
    as_object,
    opt_int,
    opt_list,
    opt_object,
    opt_str,
    req_id,
    req_list,
    req_object,
    req_time,
)
from desktop.core.platforms.http import PlatformSession

YOUTUBE_BASE = "https://www.googleapis.com"
MAX_LENGTH = 10_000
OVERLAP = timedelta(minutes=5)
FIRST_PASS_LOOKBACK = timedelta(days=30)
_MAX_REPLY_PAGES = 5
READ_BACK_PAGES = 50  # of a thread's replies, when it is read back


class _TextOnly(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("br", "p"):
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_to_text(html: str) -> str:
    parser = _TextOnly()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)


def parse_comment(
    raw: object, where: str, thread_id: str | None, video: str | None, own_ids: Collection[str]
) -> InboundItem:
    """One ``youtube#comment``; ``thread_id`` None means it is a top-level comment."""
    comment = as_object(raw, where)
    ident = req_id(comment, "id", where)
    snip = req_object(comment, "snippet", where)
    at = f"{where}.snippet"
    channel_obj = opt_object(snip, "authorChannelId", at)
    author = (opt_str(channel_obj, "value", f"{at}.authorChannelId") or "") if channel_obj else ""
    text = opt_str(snip, "textOriginal", at)
    if text is None:
        text = html_to_text(opt_str(snip, "textDisplay", at) or "")
    video = opt_str(snip, "videoId", at) or video
    parent = (opt_str(snip, "parentId", at) or thread_id) if thread_id else None
    return InboundItem(
        channel=Channel.YOUTUBE,
        thread_id=thread_id or ident,
        platform_id=ident,
        author_id=author,
        author_name=opt_str(snip, "authorDisplayName", at) or "",
        text=text,
        platform_time=req_time(snip, "publishedAt", at),
        outbound=bool(author) and author in own_ids,
        parent_id=parent,
        permalink=f"https://www.youtube.com/watch?v={video}&lc={ident}" if video else None,
    )


def parse_threads(
    body: JsonObject, own_ids: Collection[str]
) -> tuple[list[InboundItem], list[InboundItem], list[str]]:
    """(top-level comments, included replies, threads with replies not included)."""
    tops, replies, incomplete = [], [], []
    for n, raw in enumerate(req_list(body, "items", "response")):
        where = f"items[{n}]"
        thread = as_object(raw, where)
        ident = req_id(thread, "id", where)
        snip = req_object(thread, "snippet", where)
        video = opt_str(snip, "videoId", f"{where}.snippet")
        top_raw = req_object(snip, "topLevelComment", f"{where}.snippet")
        tops.append(
            parse_comment(top_raw, f"{where}.snippet.topLevelComment", None, video, own_ids)
        )
        box = opt_object(thread, "replies", where)
        listed = opt_list(box, "comments", f"{where}.replies") if box else ()
        for m, reply in enumerate(listed):
            at = f"{where}.replies.comments[{m}]"
            replies.append(parse_comment(reply, at, ident, video, own_ids))
        total = opt_int(snip, "totalReplyCount", f"{where}.snippet") or 0
        if total > len(listed):
            incomplete.append(ident)
    return tops, replies, incomplete


def parse_comment_list(
    body: JsonObject, thread_id: str, own_ids: Collection[str]
) -> list[InboundItem]:
    return [
        parse_comment(raw, f"items[{n}]", thread_id, None, own_ids)
        for n, raw in enumerate(req_list(body, "items", "response"))
    ]


class YouTubeAdapter:
    channel = Channel.YOUTUBE
    max_reply_length = MAX_LENGTH
    supports_read_back = True

    def __init__(
        self,
        session: PlatformSession,
        token: str,
        base: str,
        channel_id: str,
        *,
        own_ids: Collection[str] = (),
    ) -> None:
        session.add_secret(token)
        self.session, self.base, self.channel_id = session, base, channel_id
        self.own_ids = frozenset({channel_id, *own_ids})
        self._auth = {"Authorization": f"Bearer {token}"}

    def __repr__(self) -> str:
        return f"<YouTubeAdapter {self.channel_id}>"

    def _call(
        self, method: str, path: str, params: dict[str, str | int], body: object = None
    ) -> JsonObject:
        answer = self.session.request(
            method,
            f"{self.base}/youtube/v3/{path}",
            mapper=google_error,
            params=params,
            json_body=body,
            headers=self._auth,
        )
        return as_object(answer.body, "response")

    def fetch(self, cursor: str | None) -> Page:
        st = load_cursor(cursor, self.channel)
        token, seen, hw = st.text("page"), st.strings("seen"), st.time("hw")
        since = hw - OVERLAP if hw else datetime.now(UTC) - FIRST_PASS_LOOKBACK
        params: dict[str, str | int] = {
            "part": "snippet,replies",
            "allThreadsRelatedToChannelId": self.channel_id,
            "maxResults": 100,
            "order": "time",
            "textFormat": "plainText",
        }
        if token:
            params["pageToken"] = token
        body = self._call("GET", "commentThreads", params)
        tops, replies, incomplete = parse_threads(body, self.own_ids)
        for thread_id in incomplete:
            replies.extend(self._all_replies(thread_id))
        items = unique([*tops, *replies])
        next_token = opt_str(body, "nextPageToken", "response")
        new_hw = later(st.text("new_hw"), *newest(items))
        reached_old = any(top.platform_time < since for top in tops)
        if next_token and not reached_old and not seen_before(seen, next_token):
            state = {"page": next_token, "seen": remember(seen, next_token), "hw": st.text("hw")}
            return Page(items, dump_cursor({**state, "new_hw": new_hw}), False)
        return Page(items, dump_cursor({"hw": max_mark(st.text("hw"), new_hw)}), True)

    def _all_replies(self, thread_id: str, pages: int = _MAX_REPLY_PAGES) -> list[InboundItem]:
        found: list[InboundItem] = []
        params: dict[str, str | int] = {
            "part": "snippet",
            "parentId": thread_id,
            "maxResults": 100,
            "textFormat": "plainText",
        }
        seen: list[str] = []
        for _ in range(pages):
            body = self._call("GET", "comments", params)
            found.extend(parse_comment_list(body, thread_id, self.own_ids))
            token = opt_str(body, "nextPageToken", "response")
            if not token or seen_before(seen, token):
                break
            seen = remember(seen, token)
            params["pageToken"] = token
        return found

    def post_reply(self, thread_id: str, parent_id: str, text: str) -> PostedReply:
        check_text(text, MAX_LENGTH)
        body = {"snippet": {"parentId": thread_id, "textOriginal": text}}
        answer = self._call("POST", "comments", {"part": "snippet"}, body)
        item = parse_comment(answer, "response", thread_id, None, self.own_ids)
        return PostedReply(item.platform_id, item.platform_time)

    def read_back(self, thread_id: str) -> Sequence[InboundItem]:
        params: dict[str, str | int] = {"part": "snippet,replies", "id": thread_id}
        tops, _, _ = parse_threads(self._call("GET", "commentThreads", params), self.own_ids)
        return unique([*tops, *self._all_replies(thread_id, READ_BACK_PAGES)])
