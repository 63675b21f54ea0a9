"""YouTube Data API v3 under ``/youtube``: comment threads and replies.

``GET /youtube/v3/commentThreads`` (``part`` required; one filter of
``allThreadsRelatedToChannelId``, ``videoId`` or ``id``) lists threads
newest first by their top-level comment, ``maxResults`` 1-100 (default 20),
``nextPageToken`` while more remain. ``GET /youtube/v3/comments`` takes
``parentId`` (replies, oldest first) or ``id``. ``POST
/youtube/v3/comments?part=snippet`` with ``{"snippet":{"parentId",
"textOriginal"}}`` inserts a reply to a top-level comment.

``textDisplay`` is HTML (escaped, links as anchors) unless
``textFormat=plainText``. Times: sample comments carry ``…:55.000Z``,
comments inserted through the API ``…:02Z`` (both forms appear on YouTube).
Auth: ``Authorization: Bearer``; reads of public lists also with an API key
(``key=``, see ``api_key``). Errors use Google's envelope. A repeated
parameter (``part=snippet&part=replies``, ``id=a&id=b``) is one list.
"""

from __future__ import annotations

from collections.abc import Mapping

from desktop.core.model import Channel
from desktop.simulator import faults as fk
from desktop.simulator.faults import Fault
from desktop.simulator.ids import IdMaker
from desktop.simulator.state import Msg, World
from desktop.simulator.wire import (
    Request,
    Response,
    int_param,
    make_token,
    page_after,
    read_token,
)
from desktop.simulator.youtube_parts import (
    InvalidError,
    comment,
    etag,
    fault_answer,
    google_error,
    invalid_credentials,
    msg_id,
)

PREFIX = "/youtube"
MAX_TEXT = 10_000
TOKEN = "yt"


EMBEDDED_STRICT = 2  # replies embedded in a thread in strict mode


def _one_of(q: Mapping[str, str], key: str, allowed: tuple[str, ...]) -> str:
    value = q.get(key) or allowed[0]
    if value not in allowed:
        message = f"Invalid value for {key}: {value}"
        raise InvalidError(google_error(400, message, "invalidParameter", location=key))
    return value


def api_key(token: str) -> str:
    """The simulator's API key (``key=``): good for reading public lists only."""
    return f"key-{token}"


class YouTubeApi:
    prefix = PREFIX

    def __init__(self, world: World, token: str, ids: dict[Channel, IdMaker]) -> None:
        self.world, self.token, self.ids = world, token, ids[Channel.YOUTUBE]
        self.board = world.board(Channel.YOUTUBE)
        self.channel_id = self.board.account.platform_user_id

    def channel_of(self, req: Request) -> Channel:
        return Channel.YOUTUBE

    def fault_kinds(self, req: Request) -> frozenset[str]:
        return fk.FAULT_KINDS - {fk.CONFLICT}

    def check_auth(self, req: Request) -> Response | None:
        token = req.bearer()
        if token is None and req.method == "GET" and req.query.get("key") == api_key(self.token):
            return None  # an API key reads public lists
        if token is None:
            message = (
                "Request is missing required authentication credential. Expected OAuth 2 access "
                "token, login cookie or other valid authentication credential."
            )
            return google_error(
                401,
                message,
                "required",
                "global",
                location="Authorization",
                location_type="header",
                state="UNAUTHENTICATED",
            )
        if token != self.token:
            return invalid_credentials()
        return None

    def fault(self, fault: Fault, req: Request) -> Response:
        return fault_answer(fault)

    def handle(self, req: Request) -> Response:
        path = req.path.rstrip("/")
        try:
            with self.world.lock:
                if path == "/youtube/v3/commentThreads" and req.method == "GET":
                    return self._threads(req.query)
                if path == "/youtube/v3/comments" and req.method == "GET":
                    return self._comments(req.query)
                if path == "/youtube/v3/comments" and req.method == "POST":
                    return self._insert(req)
        except InvalidError as exc:
            return exc.answer
        return google_error(404, "Not Found", "notFound", "global")

    # -- reading ------------------------------------------------------------------

    def _parts(self, q: Mapping[str, str], allowed: set[str]) -> set[str]:
        parts = {p.strip() for p in q.get("part", "").split(",") if p.strip()}
        if not parts:
            message = "Required parameter: part"
            raise InvalidError(google_error(400, message, "required", "global", location="part"))
        if parts - allowed:
            bad = sorted(parts - allowed)[0]
            message = f"'{bad}'"
            raise InvalidError(google_error(400, message, "unknownPart", location="part"))
        return parts

    def _size(self, q: Mapping[str, str]) -> int:
        size = int_param(q.get("maxResults"), 20)
        if size is None or not 1 <= size <= 100:
            message = "Invalid value for maxResults: it must be between 1 and 100."
            error = google_error(400, message, "invalidParameter", location="maxResults")
            raise InvalidError(error)
        return size

    def _page(self, q: Mapping[str, str], items: list[Msg]) -> tuple[list[Msg], str | None]:
        size = self.world.cut(self._size(q))
        after = read_token(TOKEN, q["pageToken"]) if q.get("pageToken") else None
        overlap = self.world.overlap
        found = (
            None
            if q.get("pageToken") and after is None
            else page_after(items, msg_id, after, size, overlap)
        )
        if found is None:
            message = "The request specifies an invalid page token."
            error = google_error(400, message, "invalidPageToken", location="pageToken")
            raise InvalidError(error)
        page, more = found
        return page, make_token(TOKEN, page[-1].id) if more and page else None

    def _threads(self, q: Mapping[str, str]) -> Response:
        parts = self._parts(q, {"id", "snippet", "replies"})
        filters = [
            k for k in ("allThreadsRelatedToChannelId", "channelId", "videoId", "id") if q.get(k)
        ]
        if len(filters) != 1:
            message = (
                "No filter selected. Expected one of: allThreadsRelatedToChannelId, channelId, "
                "id, videoId"
            )
            raise InvalidError(google_error(400, message, "missingRequiredParameter"))
        tops = self.board.tops()
        key = filters[0]
        if key in ("allThreadsRelatedToChannelId", "channelId") and q[key] != self.channel_id:
            message = "The channel identified by the channelId parameter could not be found."
            raise InvalidError(google_error(404, message, "channelNotFound", location=key))
        if key == "videoId":
            if q["videoId"] not in self.board.containers:
                message = "The video identified by the videoId parameter could not be found."
                raise InvalidError(google_error(404, message, "videoNotFound", location="videoId"))
            tops = [m for m in tops if m.container == q["videoId"]]
        token: str | None = None
        if key == "id":
            wanted = set(q["id"].split(","))
            page = [m for m in tops if m.id in wanted]
        else:
            if q.get("searchTerms"):
                tops = [m for m in tops if q["searchTerms"].lower() in m.text.lower()]
            # Every comment here is published: none is held for review or likely spam.
            status = _one_of(q, "moderationStatus", ("published", "heldForReview", "likelySpam"))
            if status != "published":
                tops = []
            if _one_of(q, "order", ("time", "relevance")) == "relevance":
                tops.sort(key=lambda m: (len(self.board.replies(m)), m.time, m.seq), reverse=True)
            else:
                tops.sort(key=lambda m: (m.time, m.seq), reverse=True)
            page, token = self._page(q, tops)
        plain = q.get("textFormat") == "plainText"
        items = [self._thread(m, parts, plain) for m in page]
        return self._list("youtube#commentThreadListResponse", items, token, self._size(q))

    def _comments(self, q: Mapping[str, str]) -> Response:
        self._parts(q, {"id", "snippet"})
        plain = q.get("textFormat") == "plainText"
        if q.get("id"):
            wanted = q["id"].split(",")
            found = [self.board.by_id[i] for i in wanted if i in self.board.by_id]
            items = [self._comment(m, plain) for m in found]
            return self._list("youtube#commentListResponse", items, None, len(wanted))
        parent = self.board.by_id.get(q.get("parentId", ""))
        if not q.get("parentId"):
            message = "No filter selected. Expected one of: id, parentId"
            raise InvalidError(google_error(400, message, "missingRequiredParameter"))
        if parent is None:
            message = "The comment identified by the parentId parameter could not be found."
            raise InvalidError(google_error(404, message, "commentNotFound", location="parentId"))
        page, token = self._page(q, self.board.replies(parent))
        items = [self._comment(m, plain) for m in page]
        return self._list("youtube#commentListResponse", items, token, self._size(q))

    def _list(
        self, kind: str, items: list[dict[str, object]], token: str | None, per_page: int
    ) -> Response:
        body: dict[str, object] = {"kind": kind, "etag": etag(kind, *(i["etag"] for i in items))}
        if token:
            body["nextPageToken"] = token
        body["pageInfo"] = {"totalResults": len(items), "resultsPerPage": per_page}
        body["items"] = items
        return Response.json(body)

    def _comment(self, msg: Msg, plain: bool) -> dict[str, object]:
        return comment(msg, self.channel_id, plain)

    def _thread(self, top: Msg, parts: set[str], plain: bool) -> dict[str, object]:
        replies = self.board.replies(top)
        out: dict[str, object] = {
            "kind": "youtube#commentThread",
            "etag": etag(top.id, len(replies)),
            "id": top.id,
        }
        if "snippet" in parts:
            out["snippet"] = {
                "channelId": self.channel_id,
                "videoId": top.container,
                "topLevelComment": self._comment(top, plain),
                "canReply": True,
                "totalReplyCount": len(replies),
                "isPublic": True,
            }
        if "replies" in parts and replies:
            # The real API embeds only some replies; strict mode embeds at most two,
            # so a client must read the rest with comments.list(parentId=…).
            shown = replies[:EMBEDDED_STRICT] if self.world.strict else replies
            out["replies"] = {"comments": [self._comment(m, plain) for m in shown]}
        return out

    # -- writing ------------------------------------------------------------------

    def _insert(self, req: Request) -> Response:
        self._parts(req.query, {"id", "snippet"})
        body = req.json()
        snippet = body.get("snippet") if isinstance(body, dict) else None
        if not isinstance(snippet, dict):
            message = "The request metadata is invalid."
            return google_error(400, message, "invalidCommentMetadata", "youtube.comment")
        parent_id, text = snippet.get("parentId"), snippet.get("textOriginal")
        if not isinstance(parent_id, str) or not parent_id:
            return google_error(
                400, "No parent ID specified.", "parentIdMissing", "youtube.comment"
            )
        if not isinstance(text, str) or not text.strip():
            message = "The comment text is empty."
            return google_error(400, message, "commentTextRequired", "youtube.comment")
        if len(text) > MAX_TEXT:
            message = "The comment text is too long."
            return google_error(400, message, "commentTextTooLong", "youtube.comment")
        parent = self.board.by_id.get(parent_id)
        if parent is None:
            message = "The parent comment specified for the comment could not be found."
            return google_error(404, message, "parentCommentNotFound", "youtube.comment")
        if parent.thread != parent.id:
            message = "The parent comment must be a top-level comment."
            return google_error(400, message, "operationNotSupported", "youtube.comment")
        when = self.world.clock.now()
        ident = self.ids.message(when=when, container=parent.container, top=parent.id)
        account = self.board.account
        msg = Msg(
            ident,
            parent.id,
            parent.container,
            parent.id,
            self.channel_id,
            account.name,
            text,
            when,
            outbound=True,
            via_api=True,
        )
        self.world.accept(Channel.YOUTUBE, msg, thread_id=parent.id, parent_id=parent.id)
        return Response.json(self._comment(msg, plain=False))
