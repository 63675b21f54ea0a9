"""Facebook Page: comments on recent posts, and Messenger conversations.

``GET /{page-id}/feed`` lists recent posts (fingerprint: ``updated_time`` and
the comment total); ``GET /{post-id}/comments?filter=stream`` returns
top-level comments and replies flattened, oldest first. Messenger via
``GET /{page-id}/conversations?platform=messenger`` (on unless ``dms=off``).

Comment ids look like ``{post}_{comment}``. When a response omits ``id`` (or
``parent``) they are rebuilt from ``permalink_url``'s ``comment_id`` and
``reply_comment_id`` — the recorded responses show both forms agree.
``from`` is omitted without the right permission: the author is then empty.
"""

from __future__ import annotations

import dataclasses
import re
import urllib.parse
from collections.abc import Collection, Sequence
from datetime import datetime, timedelta

from desktop.core.model import Channel, InboundItem
from desktop.core.platforms.base import (
    Page,
    PostedReply,
    check_text,
    dm_user,
    remember,
    seen_before,
    unique,
)
from desktop.core.platforms.errors import ConfigurationError
from desktop.core.platforms.fields import (
    JsonObject,
    as_object,
    malformed,
    opt_id,
    opt_int,
    opt_object,
    opt_str,
    opt_time,
    req_id,
    req_time,
)
from desktop.core.platforms.graph import GraphApi, GraphDms, graph_page
from desktop.core.platforms.scan import (
    HORIZON,
    ROUND_BUDGET,
    Container,
    scan_fetch,
    within_horizon,
)

COMMENT_FIELDS = (
    "id,from,message,created_time,parent{id},permalink_url,can_reply_privately,is_hidden"
)
COMMENT_LIMIT = 8000
READ_BACK_PAGES = 50  # of a thread's replies, when one is read back
DM_LIMIT = 2000
_POST_IN_PATH = re.compile(r"/posts/(\d+)")


def _ids_from_permalink(link: str | None) -> tuple[str | None, str | None]:
    """(comment id, parent id) rebuilt from a comment's ``permalink_url``."""
    if not link:
        return None, None
    parts = urllib.parse.urlsplit(link)
    post = _POST_IN_PATH.search(parts.path)
    query = urllib.parse.parse_qs(parts.query)
    top = query.get("comment_id", [None])[0]
    reply = query.get("reply_comment_id", [None])[0]
    if post is None or top is None:
        return None, None
    top_id = f"{post.group(1)}_{top}"
    return (f"{post.group(1)}_{reply}", top_id) if reply else (top_id, None)


def parse_comment(comment: JsonObject, where: str, own_ids: Collection[str]) -> InboundItem:
    link = opt_str(comment, "permalink_url", where)
    derived_id, derived_parent = _ids_from_permalink(link)
    ident = opt_id(comment, "id", where) or derived_id
    if ident is None:
        raise malformed(f"{where}.id", "is missing")
    parent_obj = opt_object(comment, "parent", where)
    parent = req_id(parent_obj, "id", f"{where}.parent") if parent_obj else derived_parent
    sender = opt_object(comment, "from", where)
    author = (opt_id(sender, "id", f"{where}.from") or "") if sender else ""
    return InboundItem(
        channel=Channel.FACEBOOK,
        thread_id=parent or ident,
        platform_id=ident,
        author_id=author,
        author_name=(opt_str(sender, "name", f"{where}.from") or "") if sender else "",
        text=opt_str(comment, "message", where) or "",
        platform_time=req_time(comment, "created_time", where),
        outbound=author in own_ids,
        parent_id=parent,
        permalink=link,
    )


def parse_comments_page(
    body: JsonObject, own_ids: Collection[str]
) -> tuple[list[InboundItem], str | None]:
    data, after = graph_page(body)
    items = [
        parse_comment(as_object(raw, f"data[{n}]"), f"data[{n}]", own_ids)
        for n, raw in enumerate(data)
    ]
    return items, after


def parse_feed(body: JsonObject) -> tuple[list[Container], str | None]:
    """Posts of one ``/feed`` page (newest first) and the ``after`` cursor of the next."""
    data, after = graph_page(body)
    containers = []
    for n, raw in enumerate(data):
        where = f"data[{n}]"
        post = as_object(raw, where)
        updated = opt_time(post, "updated_time", where)
        comments = opt_object(post, "comments", where)
        summary = opt_object(comments, "summary", f"{where}.comments") if comments else None
        total = opt_int(summary, "total_count", f"{where}.comments.summary") if summary else None
        marks = [str(updated.timestamp()) if updated else "", "" if total is None else str(total)]
        fingerprint = "|".join(marks) if any(marks) else None
        posted = opt_time(post, "created_time", where)
        ident = req_id(post, "id", where)
        containers.append(Container(ident, fingerprint, total == 0, posted, updated))
    return containers, after


class FacebookAdapter:
    channel = Channel.FACEBOOK
    max_reply_length = DM_LIMIT  # the stricter of comment (8,000) and Messenger (2,000)
    supports_read_back = True

    def __init__(
        self,
        api: GraphApi,
        page_id: str,
        *,
        own_ids: Collection[str] = (),
        dms: bool = True,
        recent_posts: int = 25,
        horizon: timedelta = HORIZON,
        round_budget: int = ROUND_BUDGET,
    ) -> None:
        self.api, self.page_id, self.recent_posts = api, page_id, recent_posts
        self.horizon, self.round_budget = horizon, round_budget
        self.own_ids = frozenset({page_id, *own_ids})
        extra = {"messaging_type": "RESPONSE"}
        self.dms = (
            GraphDms(api, self.channel, page_id, self.own_ids, f"{page_id}/messages", extra)
            if dms
            else None
        )
        self.has_extra = self.dms is not None

    def __repr__(self) -> str:
        return f"<FacebookAdapter {self.page_id}>"

    def fetch(self, cursor: str | None) -> Page:
        return scan_fetch(self, cursor, self.round_budget)

    def list_page(self, after: str | None) -> tuple[list[Container], str | None]:
        params: dict[str, str | int] = {
            "fields": "id,created_time,updated_time,comments.summary(true).limit(0)",
            "limit": self.recent_posts,
        }
        if after:
            params["after"] = after
        containers, token = parse_feed(self.api.get(f"{self.page_id}/feed", params))
        return within_horizon(containers, token, self.horizon)

    def container_page(
        self, container_id: str, after: str | None
    ) -> tuple[list[InboundItem], str | None]:
        # Oldest first: a comment always comes before the replies to it, so
        # however short the pages, our reply never arrives ahead of the
        # comment that opens its thread.
        params: dict[str, str | int] = {
            "fields": COMMENT_FIELDS,
            "filter": "stream",
            "order": "chronological",
            "limit": 100,
        }
        if after:
            params["after"] = after
        body = self.api.get(f"{container_id}/comments", params)
        return parse_comments_page(body, self.own_ids)

    def extra_page(
        self, after: str | None, mark: datetime | None
    ) -> tuple[list[InboundItem], str | None]:
        return self.dms.page(after, mark) if self.dms else ([], None)

    def post_reply(self, thread_id: str, parent_id: str, text: str) -> PostedReply:
        user = dm_user(thread_id)
        if user is not None:
            check_text(text, DM_LIMIT)
            if self.dms is None:
                raise ConfigurationError("Messenger is switched off for this account (dms=off).")
            return self.dms.send(user, text)
        check_text(text, COMMENT_LIMIT)
        form = {"message": text, "fields": "id,message,created_time"}
        answer = self.api.post(f"{thread_id}/comments", form=form)
        ident = req_id(answer, "id", "response")
        return PostedReply(ident, opt_time(answer, "created_time", "response"))

    def read_back(self, thread_id: str) -> Sequence[InboundItem]:
        user = dm_user(thread_id)
        if user is not None:
            if self.dms is None:
                raise ConfigurationError("Messenger is switched off for this account (dms=off).")
            return self.dms.read_back(user)
        top = self.api.get(thread_id, {"fields": COMMENT_FIELDS})
        params: dict[str, str | int] = {
            "fields": COMMENT_FIELDS,
            "order": "reverse_chronological",
            "limit": 100,
        }
        replies: list[InboundItem] = []
        seen: list[str] = []
        for _ in range(READ_BACK_PAGES):  # newest first: ours is usually on the first page
            page, after = parse_comments_page(
                self.api.get(f"{thread_id}/comments", params), self.own_ids
            )
            replies.extend(page)
            if after is None or seen_before(seen, after):
                break
            seen = remember(seen, after)
            params["after"] = after
        first = parse_comment(top, "response", self.own_ids)
        # Replies of a top-level comment may come without ``parent``: they are in its thread.
        return list(unique([first, *(_in_thread(r, first.platform_id) for r in replies)]))


def _in_thread(item: InboundItem, thread_id: str) -> InboundItem:
    if item.thread_id == thread_id:
        return item
    return dataclasses.replace(item, thread_id=thread_id, parent_id=thread_id)
