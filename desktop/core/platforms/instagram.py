"""Instagram business account: comments on recent media, and Direct messages.

Polled through the Graph API (see ``graph`` and ``scan``):
``GET /{ig-user-id}/media`` (fingerprint: ``comments_count``), then
``GET /{media-id}/comments`` with nested ``replies``; Direct messages via
``GET /{page-id}/conversations?platform=instagram`` when ``page_id`` is set.

Threads: a top-level comment's id (its replies share it); ``dm:<IGSID>``.
Replies: ``POST /{comment-id}/replies`` (``message`` in the form body, kept
out of URLs and logs); DMs ``POST /me/messages``.
"""

from __future__ import annotations

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

REPLY_FIELDS = "id,text,timestamp,username,from"
COMMENT_FIELDS = f"{REPLY_FIELDS},replies{{{REPLY_FIELDS}}}"
COMMENT_LIMIT = 2200
READ_BACK_PAGES = 50  # of a comment's replies, when its thread is read back
DM_LIMIT = 1000


def parse_comment(
    raw: object, where: str, own_ids: Collection[str], own_username: str | None
) -> list[InboundItem]:
    """A comment and its nested replies, all in the comment's thread."""
    comment = as_object(raw, where)
    top = _item(comment, where, None, own_ids, own_username)
    items = [top]
    replies = opt_object(comment, "replies", where)
    if replies is not None:
        data, _ = graph_page(replies)
        for n, reply in enumerate(data):
            at = f"{where}.replies.data[{n}]"
            items.append(_item(as_object(reply, at), at, top.platform_id, own_ids, own_username))
    return items


def parse_comments_page(
    body: JsonObject, own_ids: Collection[str], own_username: str | None = None
) -> tuple[list[InboundItem], str | None]:
    data, after = graph_page(body)
    items: list[InboundItem] = []
    for n, raw in enumerate(data):
        items.extend(parse_comment(raw, f"data[{n}]", own_ids, own_username))
    return items, after


def parse_replies_page(
    body: JsonObject, parent_id: str, own_ids: Collection[str], own_username: str | None = None
) -> list[InboundItem]:
    """``GET /{comment-id}/replies``: replies in the parent comment's thread."""
    data, _ = graph_page(body)
    return [
        _item(as_object(raw, f"data[{n}]"), f"data[{n}]", parent_id, own_ids, own_username)
        for n, raw in enumerate(data)
    ]


def _item(
    comment: JsonObject,
    where: str,
    parent: str | None,
    own_ids: Collection[str],
    own_username: str | None,
) -> InboundItem:
    ident = req_id(comment, "id", where)
    sender = opt_object(comment, "from", where)
    author_id = (opt_id(sender, "id", f"{where}.from") or "") if sender else ""
    username = opt_str(comment, "username", where) or (
        opt_str(sender, "username", f"{where}.from") if sender else None
    )
    outbound = author_id in own_ids or bool(own_username and username == own_username)
    return InboundItem(
        channel=Channel.INSTAGRAM,
        thread_id=parent or ident,
        platform_id=ident,
        author_id=author_id,
        author_name=username or "",
        text=opt_str(comment, "text", where) or "",
        platform_time=req_time(comment, "timestamp", where),
        outbound=outbound,
        parent_id=parent,
    )


def parse_media(body: JsonObject) -> tuple[list[Container], str | None]:
    """Media of one ``/media`` page (newest first) and the ``after`` cursor of the next."""
    data, after = graph_page(body)
    containers = []
    for n, raw in enumerate(data):
        media = as_object(raw, f"data[{n}]")
        count = opt_int(media, "comments_count", f"data[{n}]")
        ident = req_id(media, "id", f"data[{n}]")
        posted = opt_time(media, "timestamp", f"data[{n}]")
        fingerprint = None if count is None else str(count)
        containers.append(Container(ident, fingerprint, count == 0, posted))
    return containers, after


class InstagramAdapter:
    channel = Channel.INSTAGRAM
    max_reply_length = DM_LIMIT  # the stricter of comment (2,200) and DM (1,000) limits
    supports_read_back = True

    def __init__(
        self,
        api: GraphApi,
        ig_user_id: str,
        *,
        page_id: str | None = None,
        own_ids: Collection[str] = (),
        own_username: str | None = None,
        recent_posts: int = 25,
        horizon: timedelta = HORIZON,
        round_budget: int = ROUND_BUDGET,
    ) -> None:
        self.api, self.ig_user_id, self.recent_posts = api, ig_user_id, recent_posts
        self.horizon, self.round_budget = horizon, round_budget
        self.own_ids = frozenset({ig_user_id, *own_ids} | ({page_id} if page_id else set()))
        self.own_username = own_username
        self.dms = (
            GraphDms(api, self.channel, page_id, self.own_ids, "me/messages", {})
            if page_id
            else None
        )
        self.has_extra = self.dms is not None

    def __repr__(self) -> str:
        return f"<InstagramAdapter {self.ig_user_id}>"

    def fetch(self, cursor: str | None) -> Page:
        return scan_fetch(self, cursor, self.round_budget)

    def list_page(self, after: str | None) -> tuple[list[Container], str | None]:
        params: dict[str, str | int] = {
            "fields": "id,timestamp,comments_count",
            "limit": self.recent_posts,
        }
        if after:
            params["after"] = after
        containers, token = parse_media(self.api.get(f"{self.ig_user_id}/media", params))
        return within_horizon(containers, token, self.horizon)

    def container_page(
        self, container_id: str, after: str | None
    ) -> tuple[list[InboundItem], str | None]:
        params: dict[str, str | int] = {"fields": COMMENT_FIELDS, "limit": 50}
        if after:
            params["after"] = after
        body = self.api.get(f"{container_id}/comments", params)
        return parse_comments_page(body, self.own_ids, self.own_username)

    def extra_page(
        self, after: str | None, mark: datetime | None
    ) -> tuple[list[InboundItem], str | None]:
        return self.dms.page(after, mark) if self.dms else ([], None)

    def post_reply(self, thread_id: str, parent_id: str, text: str) -> PostedReply:
        user = dm_user(thread_id)
        if user is not None:
            check_text(text, DM_LIMIT)
            if self.dms is None:
                raise _no_dms()
            return self.dms.send(user, text)
        check_text(text, COMMENT_LIMIT)
        # Only top-level comments take replies: always answer the thread's comment.
        answer = self.api.post(f"{thread_id}/replies", form={"message": text})
        return PostedReply(req_id(answer, "id", "response"), None)

    def read_back(self, thread_id: str) -> Sequence[InboundItem]:
        user = dm_user(thread_id)
        if user is not None:
            if self.dms is None:
                raise _no_dms()
            return self.dms.read_back(user)
        body = self.api.get(thread_id, {"fields": REPLY_FIELDS})
        found = parse_comment(body, "response", self.own_ids, self.own_username)
        # Replies nested in a comment come one page at a time: read them all.
        params: dict[str, str | int] = {"fields": REPLY_FIELDS, "limit": 50}
        seen: list[str] = []
        for _ in range(READ_BACK_PAGES):
            page = self.api.get(f"{thread_id}/replies", params)
            found += parse_replies_page(page, thread_id, self.own_ids, self.own_username)
            _, after = graph_page(page)
            if after is None or seen_before(seen, after):
                break
            seen = remember(seen, after)
            params["after"] = after
        return unique(found)


def _no_dms() -> ConfigurationError:
    return ConfigurationError("Instagram direct messages need the parameter page_id=...")
