"""Graph API nodes of Instagram and Facebook, rendered field by field.

Node types: ``IGUser``, ``IGMedia``, ``IGComment``; ``Page``, ``PagePost``,
``Comment``. Listings (``data`` + ``paging``) are keyset-paged by item id:
Instagram comments come newest first and the last page has no ``paging``
(as recorded); Facebook comments honour ``order`` and ``filter`` and keep
``paging.cursors`` on the last page without ``next``.
"""

from __future__ import annotations

import hashlib
import urllib.parse
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from desktop.core.model import Channel
from desktop.simulator.graphfields import Field, FieldError, NodeType, Renderer, limit_of, select
from desktop.simulator.state import Board, Container, Msg
from desktop.simulator.wire import graph_time, make_token, page_after, read_token

IG_USER = NodeType("IGUser", ("id",))
IG_MEDIA = NodeType("IGMedia", ("id",))
IG_COMMENT = NodeType("IGComment", ("timestamp", "text", "id"))
PAGE = NodeType("Page", ("name", "id"))
PAGE_POST = NodeType("PagePost", ("created_time", "message", "id"))
FB_COMMENT = NodeType("Comment", ("created_time", "from", "message", "id"))
DEFAULT_LIMIT = 25
CURSOR = "graph"
Item = TypeVar("Item", Msg, Container)


class CursorError(ValueError):
    """An ``after``/``before`` cursor that names nothing in the listing."""


@dataclass(frozen=True, slots=True)
class Listing:
    """Where a listing lives, for the ``paging.next`` URL."""

    base_url: str  # e.g. http://127.0.0.1:PORT/graph/v21.0
    path: str  # e.g. /17900.../comments
    query: Mapping[str, str]  # the request's query, with the token the client used
    last_page_paging: bool  # Facebook keeps cursors on the last page, Instagram does not


def listing(
    items: Sequence[Item],
    render: Callable[[Item], dict[str, object]],
    *,
    where: Listing,
    limit: int,
    after: str | None,
    overlap: int = 0,
    before: str | None = None,
) -> dict[str, object]:
    if before is not None and after is None:
        return _listing_before(items, render, where=where, limit=limit, before=before)
    position = None
    if after is not None:
        position = read_token(CURSOR, after)
        if position is None:
            raise CursorError(after)
    found = page_after(list(items), lambda item: item.id, position, limit, overlap)
    if found is None:
        raise CursorError(after or "")
    page, more = found
    body: dict[str, object] = {"data": [render(item) for item in page]}
    if not page or not (more or where.last_page_paging):
        return body
    cursors = {"before": make_token(CURSOR, page[0].id), "after": make_token(CURSOR, page[-1].id)}
    paging: dict[str, object] = {"cursors": cursors}
    query = {k: v for k, v in where.query.items() if k not in ("after", "before")}
    if more:
        query.update(limit=str(limit), after=cursors["after"])
        paging["next"] = f"{where.base_url}{where.path}?{urllib.parse.urlencode(query)}"
    if after:
        back = {**query, "limit": str(limit), "before": cursors["before"]}
        back.pop("after", None)
        paging["previous"] = f"{where.base_url}{where.path}?{urllib.parse.urlencode(back)}"
    body["paging"] = paging
    return body


def _listing_before(
    items: Sequence[Item],
    render: Callable[[Item], dict[str, object]],
    *,
    where: Listing,
    limit: int,
    before: str,
) -> dict[str, object]:
    """The page that ends just before the item a ``before`` cursor names."""
    position = read_token(CURSOR, before)
    ids = [item.id for item in items]
    if position is None or position not in ids:
        raise CursorError(before)
    end = ids.index(position)
    page = list(items[max(end - limit, 0) : end])
    body: dict[str, object] = {"data": [render(item) for item in page]}
    if page:
        cursors = {
            "before": make_token(CURSOR, page[0].id),
            "after": make_token(CURSOR, page[-1].id),
        }
        paging: dict[str, object] = {"cursors": cursors}
        query = {k: v for k, v in where.query.items() if k not in ("after", "before")}
        query.update(limit=str(limit), after=cursors["after"])
        paging["next"] = f"{where.base_url}{where.path}?{urllib.parse.urlencode(query)}"
        if end - limit > 0:
            back = {**query, "before": cursors["before"]}
            back.pop("after", None)
            paging["previous"] = f"{where.base_url}{where.path}?{urllib.parse.urlencode(back)}"
        body["paging"] = paging
    return body


def _shortcode(ident: str) -> str:
    raw = hashlib.sha256(f"shortcode:{ident}".encode()).digest()
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"
    return "".join(alphabet[b % 64] for b in raw[:11])


class Nodes:
    """Renders one board's nodes (one channel) for one request's listing base."""

    def __init__(
        self,
        board: Board,
        base_url: str,
        query: Mapping[str, str],
        *,
        cut: Callable[[int], int] = lambda size: size,
        overlap: int = 0,
    ) -> None:
        self.cut, self.overlap = cut, overlap
        self.board = board
        self.channel = board.account.channel
        self.account = board.account
        self.base_url = base_url
        self.query = query

    # -- listings ------------------------------------------------------------

    def edge(
        self,
        path: str,
        items: Sequence[Item],
        render: Callable[[Item], dict[str, object]],
        *,
        limit: int,
        after: str | None,
        overlap: int = 0,
        before: str | None = None,
    ) -> dict[str, object]:
        fb = self.channel is Channel.FACEBOOK
        where = Listing(self.base_url, path, self.query, last_page_paging=fb)
        return listing(
            items, render, where=where, limit=limit, after=after, overlap=overlap, before=before
        )

    def comments_of(self, parent: str, *, stream: bool, newest_first: bool) -> list[Msg]:
        """Comments under a post (top-level, or all with ``stream``) or a comment's replies."""
        board = self.board
        if parent in board.containers:
            found = list(board.by_container.get(parent, ()))
            if not stream:
                found = [m for m in found if m.thread == m.id]
        else:
            top = board.by_id[parent]
            found = board.replies(top)
        found.sort(key=lambda m: (m.time, m.seq), reverse=newest_first)
        return found

    def _comment_edge(
        self, owner: str, one: Field, render: Callable[[Msg], dict[str, object]]
    ) -> object:
        mods = one.modifiers
        stream = mods.get("filter") == "stream"
        newest = mods.get("order") == "reverse_chronological" or (
            self.channel is Channel.INSTAGRAM and owner in self.board.containers
        )
        items = self.comments_of(owner, stream=stream, newest_first=newest)
        limit = limit_of(one, DEFAULT_LIMIT)
        summary = mods.get("summary") == "true"
        if not items and not summary:
            return None  # Graph leaves out an edge with nothing in it
        edge_name = (
            "replies"
            if self.channel is Channel.INSTAGRAM and owner in self.board.by_id
            else "comments"
        )
        body = (
            self.edge(f"/{owner}/{edge_name}", items, render, limit=limit, after=None)
            if limit
            else {"data": []}
        )
        if summary:
            body["summary"] = {
                "order": "reverse_chronological" if newest else "chronological",
                "total_count": len(items),
                "can_comment": True,
            }
        return body

    # -- Instagram -------------------------------------------------------------

    def ig_user(self, fields: Sequence[Field] | None) -> dict[str, object]:
        acc = self.account
        return select(
            IG_USER,
            fields,
            {
                "id": lambda f: acc.platform_user_id,
                "username": lambda f: acc.name,
                "name": lambda f: acc.name,
                "media_count": lambda f: len(self.board.containers),
                "biography": lambda f: "Akun resmi Humas. Layanan darurat: 110.",
                "followers_count": lambda f: 12_400,
                "follows_count": lambda f: 87,
                "profile_picture_url": lambda f: _cdn(f"ig-profile-{acc.platform_user_id}"),
                "website": lambda f: "https://polri.go.id",
            },
        )

    def ig_media(self, media: Container, fields: Sequence[Field] | None) -> dict[str, object]:
        code = _shortcode(media.id)
        total = len(self.board.by_container.get(media.id, ()))
        return select(
            IG_MEDIA,
            fields,
            {
                "id": lambda f: media.id,
                "caption": lambda f: media.caption,
                "timestamp": lambda f: graph_time(media.time),
                "comments_count": lambda f: total,
                "like_count": lambda f: 3 * total + len(media.caption),
                "media_type": lambda f: "IMAGE",
                "media_product_type": lambda f: "FEED",
                "is_comment_enabled": lambda f: True,
                "permalink": lambda f: f"https://www.instagram.com/p/{code}/",
                "shortcode": lambda f: code,
                "username": lambda f: self.account.name,
                "owner": lambda f: {"id": self.account.platform_user_id},
                "media_url": lambda f: _cdn(f"ig-media-{media.id}"),
                "thumbnail_url": lambda f: _cdn(f"ig-thumb-{media.id}"),
                "children": lambda f: None,  # a single image: Graph leaves the edge out
                "comments": lambda f: self._comment_edge(media.id, f, self._ig_renderer(f.sub)),
            },
        )

    def _ig_renderer(self, sub: tuple[Field, ...] | None) -> Callable[[Msg], dict[str, object]]:
        return lambda msg: self.ig_comment(msg, sub)

    def ig_comment(self, msg: Msg, fields: Sequence[Field] | None) -> dict[str, object]:
        is_top = msg.thread == msg.id
        renderers: dict[str, Renderer] = {
            "id": lambda f: msg.id,
            "text": lambda f: msg.text,
            "timestamp": lambda f: graph_time(msg.time),
            "username": lambda f: msg.author_name,
            "from": lambda f: {"id": msg.author_id, "username": msg.author_name},
            "like_count": lambda f: 0,
            "hidden": lambda f: False,
            "parent_id": lambda f: None if is_top else msg.thread,
            "media": lambda f: {"id": msg.container},
            "mentioned_comment": lambda f: None,  # only on comments that mention the account
            "replies": lambda f: (
                self._comment_edge(msg.id, f, self._ig_renderer(f.sub)) if is_top else None
            ),
        }
        return select(IG_COMMENT, fields, renderers)

    # -- Facebook ----------------------------------------------------------------

    def page(self, fields: Sequence[Field] | None) -> dict[str, object]:
        acc = self.account
        return select(
            PAGE,
            fields,
            {
                "id": lambda f: acc.platform_user_id,
                "name": lambda f: acc.name,
                "username": lambda f: acc.name,
                "link": lambda f: f"https://www.facebook.com/{acc.platform_user_id}",
                "about": lambda f: "Akun resmi Humas. Layanan darurat: 110.",
                "category": lambda f: "Government organization",
                "fan_count": lambda f: 25_300,
            },
        )

    def post(self, post: Container, fields: Sequence[Field] | None) -> dict[str, object]:
        under = self.board.by_container.get(post.id, [])
        updated = max([post.time, *(m.time for m in under)])
        page_id, _, bare = post.id.partition("_")
        return select(
            PAGE_POST,
            fields,
            {
                "id": lambda f: post.id,
                "message": lambda f: post.caption,
                "created_time": lambda f: graph_time(post.time),
                "updated_time": lambda f: graph_time(updated),
                "permalink_url": lambda f: f"https://www.facebook.com/{page_id}/posts/{bare}",
                "from": lambda f: {"name": self.account.name, "id": page_id},
                "is_hidden": lambda f: False,
                "status_type": lambda f: "added_photos",
                "full_picture": lambda f: _cdn(f"fb-post-{post.id}"),
                "attachments": lambda f: {
                    "data": [
                        {
                            "type": "photo",
                            "media": {"image": {"src": _cdn(f"fb-post-{post.id}")}},
                            "url": f"https://www.facebook.com/{page_id}/posts/{bare}",
                        }
                    ]
                },
                "reactions": lambda f: _summary_edge(f, 3 * len(under) + 7),
                "shares": lambda f: {"count": len(under) // 3},
                "comments": lambda f: self._comment_edge(post.id, f, self._fb_renderer(f.sub)),
            },
        )

    def _fb_renderer(self, sub: tuple[Field, ...] | None) -> Callable[[Msg], dict[str, object]]:
        return lambda msg: self.fb_comment(msg, sub)

    def fb_comment(self, msg: Msg, fields: Sequence[Field] | None) -> dict[str, object]:
        is_top = msg.thread == msg.id
        page_id, _, bare = msg.container.partition("_")
        comment = msg.id.partition("_")[2]
        link = f"https://www.facebook.com/{page_id}/posts/{bare}/?comment_id="
        link += (
            f"{comment}" if is_top else f"{msg.thread.partition('_')[2]}&reply_comment_id={comment}"
        )
        top = self.board.by_id[msg.thread]
        renderers: dict[str, Renderer] = {
            "id": lambda f: msg.id,
            "message": lambda f: msg.text,
            "created_time": lambda f: graph_time(msg.time),
            "from": lambda f: {"name": msg.author_name, "id": msg.author_id},
            "parent": lambda f: None if is_top else self.fb_comment(top, f.sub or (Field("id"),)),
            "permalink_url": lambda f: link,
            "can_reply_privately": lambda f: not msg.outbound,
            "can_comment": lambda f: True,
            "can_hide": lambda f: not msg.outbound,
            "can_like": lambda f: True,
            "is_hidden": lambda f: False,
            "user_likes": lambda f: False,
            "like_count": lambda f: 0,
            "comment_count": lambda f: len(self.board.replies(msg)) if is_top else 0,
            "object": lambda f: {"id": msg.container},
            "comments": lambda f: (
                self._comment_edge(msg.id, f, self._fb_renderer(f.sub)) if is_top else None
            ),
        }
        return select(FB_COMMENT, fields, renderers)


def _cdn(name: str) -> str:
    digest = hashlib.sha256(name.encode()).hexdigest()[:24]
    return f"https://scontent.xx.fbcdn.net/v/t39.30808-6/{digest}_n.jpg"


def _summary_edge(one: Field, total: int) -> dict[str, object]:
    """An edge we hold no items for (reactions): empty data, the total on request."""
    body: dict[str, object] = {"data": []}
    if one.modifiers.get("summary") == "true":
        body["summary"] = {"total_count": total, "viewer_reaction": "NONE"}
    return body


def check_limit(raw: str | None, maximum: int = 100) -> int:
    if not raw:
        return DEFAULT_LIMIT
    if not raw.isdigit():
        raise FieldError("(#100) Param limit must be a number")
    return min(max(int(raw), 1), maximum)
