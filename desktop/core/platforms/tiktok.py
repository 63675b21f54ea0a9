"""TikTok API for Business: comments on the account's recent videos.

``GET …/open_api/v1.3/business/video/list/`` lists recent videos (the
``comments`` count, when present, is the fingerprint — unconfirmed field;
without it every listed video is rescanned each pass), then
``GET …/business/comment/list/`` pages each video's comments by ``cursor``
and ``has_more`` (see ``scan``). Auth header ``Access-Token`` (no Bearer).
Errors come with HTTP 200 and a non-zero ``code``.

Thread id ``<video id>:<top-level comment id>`` (a reply needs the video).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace
from datetime import datetime, timedelta

from desktop.core.model import Channel, InboundItem
from desktop.core.platforms.base import Page, PostedReply, check_text, unique
from desktop.core.platforms.errormap import tiktok_error
from desktop.core.platforms.errors import PermanentError
from desktop.core.platforms.fields import (
    JsonObject,
    as_object,
    opt_bool,
    opt_id,
    opt_int,
    opt_list,
    opt_str,
    opt_time,
    req_id,
    req_list,
    req_object,
    req_time,
)
from desktop.core.platforms.http import PlatformSession
from desktop.core.platforms.scan import (
    HORIZON,
    ROUND_BUDGET,
    Container,
    scan_fetch,
    within_horizon,
)

TIKTOK_BASE = "https://business-api.tiktok.com"
API_PATH = "open_api/v1.3"
MAX_LENGTH = 150
PAGE_SIZE = 30
_READ_BACK_PAGES = 50


def thread_of(video_id: str, comment_id: str) -> str:
    return f"{video_id}:{comment_id}"


def split_thread(thread_id: str) -> tuple[str, str]:
    video, _, comment = thread_id.partition(":")
    if not video or not comment:
        raise PermanentError(f"Not a TikTok thread id: {thread_id}", reason="invalid_thread")
    return video, comment


def parse_comments(
    data: JsonObject, video_id: str, own_ids: Collection[str]
) -> tuple[list[InboundItem], str | None]:
    """Comments of one ``comment/list`` page and the cursor of the next, if any."""
    items = []
    for n, raw in enumerate(req_list(data, "comments", "data")):
        where = f"data.comments[{n}]"
        comment = as_object(raw, where)
        ident = req_id(comment, "comment_id", where)
        video = opt_id(comment, "video_id", where) or video_id
        parent = opt_id(comment, "parent_comment_id", where)
        parent = None if parent in (None, "0", ident) else parent
        author = opt_id(comment, "user_id", where) or ""
        # TikTok marks the account's own comments with ``owner``; their
        # ``user_id`` need not be the business id.
        owner = opt_bool(comment, "owner", where)
        items.append(
            InboundItem(
                channel=Channel.TIKTOK,
                thread_id=thread_of(video, parent or ident),
                platform_id=ident,
                author_id=author,
                author_name=opt_str(comment, "username", where) or "",
                text=opt_str(comment, "text", where) or "",
                platform_time=req_time(comment, "create_time", where),
                outbound=owner is True or (owner is None and bool(author) and author in own_ids),
                parent_id=parent,
            )
        )
    more = opt_bool(data, "has_more", "data")
    cursor = opt_int(data, "cursor", "data")
    return items, str(cursor) if more and cursor is not None else None


def parse_videos(data: JsonObject) -> tuple[list[Container], str | None]:
    """Videos of one ``video/list`` page (newest first) and the cursor of the next."""
    containers = []
    for n, raw in enumerate(opt_list(data, "videos", "data")):
        where = f"data.videos[{n}]"
        video = as_object(raw, where)
        ident = opt_id(video, "item_id", where) or req_id(video, "video_id", where)
        count = opt_int(video, "comments", where)
        posted = opt_time(video, "create_time", where)
        containers.append(
            Container(ident, None if count is None else str(count), count == 0, posted)
        )
    more = opt_bool(data, "has_more", "data")
    cursor = data.get("cursor")
    following = str(cursor) if isinstance(cursor, int | str) and cursor != "" else None
    return containers, following if more else None


class TikTokAdapter:
    channel = Channel.TIKTOK
    max_reply_length = MAX_LENGTH
    supports_read_back = True
    has_extra = False

    def __init__(
        self,
        session: PlatformSession,
        token: str,
        base: str,
        business_id: str,
        *,
        own_ids: Collection[str] = (),
        recent_posts: int = 10,
        horizon: timedelta = HORIZON,
        round_budget: int = ROUND_BUDGET,
    ) -> None:
        self.horizon, self.round_budget = horizon, round_budget
        session.add_secret(token)
        self.session, self.base, self.business_id = session, base, business_id
        self.own_ids = frozenset({business_id, *own_ids})
        self.recent_posts = recent_posts
        self._auth = {"Access-Token": token}

    def __repr__(self) -> str:
        return f"<TikTokAdapter {self.business_id}>"

    def _call(
        self, method: str, path: str, params: dict[str, str | int] | None, body: object = None
    ) -> JsonObject:
        answer = self.session.request(
            method,
            f"{self.base}/{API_PATH}/{path}",
            mapper=tiktok_error,
            params=params,
            json_body=body,
            headers=self._auth,
        )
        return req_object(as_object(answer.body, "response"), "data", "response")

    def fetch(self, cursor: str | None) -> Page:
        return scan_fetch(self, cursor, self.round_budget)

    def list_page(self, after: str | None) -> tuple[list[Container], str | None]:
        params: dict[str, str | int] = {
            "business_id": self.business_id,
            "fields": '["item_id","create_time","comments"]',
            "max_count": self.recent_posts,
        }
        if after is not None:
            params["cursor"] = after
        containers, token = parse_videos(self._call("GET", "business/video/list/", params))
        if token == after:  # a cursor that does not move ends the listing
            token = None
        return within_horizon(containers, token, self.horizon)

    def container_page(
        self, container_id: str, after: str | None
    ) -> tuple[list[InboundItem], str | None]:
        params: dict[str, str | int] = {
            "business_id": self.business_id,
            "video_id": container_id,
            "cursor": after or "0",
            "max_count": PAGE_SIZE,
            # Replies (the citizen's follow-ups, our answers) come with their
            # comment. Unconfirmed in TikTok's documentation; without it only
            # top-level comments would be seen.
            "include_replies": "true",
        }
        data = self._call("GET", "business/comment/list/", params)
        return parse_comments(data, container_id, self.own_ids)

    def extra_page(
        self, after: str | None, mark: datetime | None
    ) -> tuple[list[InboundItem], str | None]:
        return [], None

    def post_reply(self, thread_id: str, parent_id: str, text: str) -> PostedReply:
        check_text(text, MAX_LENGTH)
        video, comment = split_thread(thread_id)
        body = {
            "business_id": self.business_id,
            "video_id": video,
            "comment_id": comment,
            "text": text,
        }
        data = self._call("POST", "business/comment/reply/create/", None, body)
        ident = req_id(data, "comment_id", "data")
        return PostedReply(ident, opt_time(data, "create_time", "data"))

    def read_back(self, thread_id: str) -> Sequence[InboundItem]:
        """The thread's replies, every page of ``comment/reply/list``."""
        video, comment = split_thread(thread_id)
        found: list[InboundItem] = []
        cursor = "0"
        for _ in range(_READ_BACK_PAGES):
            params: dict[str, str | int] = {
                "business_id": self.business_id,
                "video_id": video,
                "comment_id": comment,
                "cursor": cursor,
                "max_count": PAGE_SIZE,
            }
            data = self._call("GET", "business/comment/reply/list/", params)
            items, following = parse_comments(data, video, self.own_ids)
            found.extend(replace(i, thread_id=thread_id, parent_id=comment) for i in items)
            if following is None or following == cursor:
                break
            cursor = following
        return unique(found)
