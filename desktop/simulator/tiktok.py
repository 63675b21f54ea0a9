"""TikTok API for Business under ``/tiktok``: ``/open_api/v1.3/business/...``.

``GET video/list/`` (``business_id``, ``fields`` as a JSON list, ``cursor``,
``max_count`` ≤ 20) lists the account's videos newest first. ``GET
comment/list/`` (``business_id``, ``video_id``, ``cursor``, ``max_count`` ≤
30, ``sort_order``, ``include_replies``) lists top-level comments, newest
first unless ``sort_order=asc``; with ``include_replies=true`` each is
followed by its replies. ``GET comment/reply/list/`` lists one comment's
replies. ``cursor`` is an offset (so comments arriving meanwhile shift the
pages, as on TikTok), ``has_more`` says whether to go on.
``POST comment/reply/create/`` takes ``{"business_id","video_id",
"comment_id","text"}`` (text ≤ 150 characters).

Every answer is HTTP 200 with ``{"code","message","request_id","data"}``;
``code`` 0 means success. ``create_time`` is a string of epoch seconds in
lists and a number in the create answer. Auth: ``Access-Token`` header.
"""

from __future__ import annotations

import hashlib
import itertools
import json
from collections.abc import Callable, Mapping

from desktop.core.model import Channel
from desktop.simulator import faults as fk
from desktop.simulator.faults import Fault
from desktop.simulator.ids import IdMaker
from desktop.simulator.state import Container, Msg, World
from desktop.simulator.wire import Request, Response, epoch, int_param

PREFIX = "/tiktok"
BASE = "/open_api/v1.3/business/"
MAX_TEXT = 150
VIDEO_FIELDS = frozenset({
    "item_id", "create_time", "caption", "comments", "likes", "shares", "video_views",
    "share_url", "embed_url", "thumbnail_url", "media_type", "video_duration",
})  # fmt: skip


class _ParamError(ValueError):
    """A parameter TikTok would refuse (code 40002)."""


class TikTokApi:
    prefix = PREFIX

    def __init__(self, world: World, token: str, ids: dict[Channel, IdMaker]) -> None:
        self.world, self.token, self.ids = world, token, ids[Channel.TIKTOK]
        self.board = world.board(Channel.TIKTOK)
        self.business_id = self.board.account.platform_user_id
        # The account's own commenting identity. TikTok documents the ``owner``
        # flag for our comments; that their ``user_id`` equals the business id
        # is unconfirmed, so strict mode gives them an id of their own.
        self.commenter_id = (
            f"7{int(self.business_id) % 10**17:017d}"
            if self.business_id.isdigit()
            else f"u-{self.business_id}"
        )
        self._requests = itertools.count(1)

    def channel_of(self, req: Request) -> Channel:
        return Channel.TIKTOK

    def fault_kinds(self, req: Request) -> frozenset[str]:
        return fk.FAULT_KINDS - {fk.CONFLICT}

    def answer(self, code: int, message: str, data: object = None, status: int = 200) -> Response:
        stamp = self.world.clock.now().strftime("%Y%m%d%H%M%S")
        digest = hashlib.sha256(f"tiktok:{next(self._requests)}".encode()).hexdigest()
        body = {
            "code": code,
            "message": message,
            "request_id": f"{stamp}{digest[:18].upper()}",
            "data": {} if data is None else data,
        }
        return Response.json(body, status)

    def check_auth(self, req: Request) -> Response | None:
        token = req.header("access-token")
        if not token:
            return self.answer(40104, "Access token is empty.")
        if token != self.token:
            return self.answer(40105, "Access token is incorrect or has been revoked.")
        return None

    def fault(self, fault: Fault, req: Request) -> Response:
        if fault.kind == fk.RATE_LIMIT:
            return self.answer(40100, "App reaches the QPS limit.")
        if fault.kind == fk.EXPIRED_TOKEN:
            return self.answer(40105, "Access token is incorrect or has been revoked.")
        if fault.status == 502:
            return Response.html("<html><body><h1>502 Bad Gateway</h1></body></html>", 502)
        # The API itself answers every error with HTTP 200 and a code; only a
        # gateway in front of it (502 above) speaks in HTTP statuses.
        message = "Internal service error. Please try again later."
        return self.answer(50002, message)

    def handle(self, req: Request) -> Response:
        if not req.path.startswith(BASE):
            return self.answer(40400, "Not Found", status=404)
        action = req.path[len(BASE) :].strip("/")
        params = req.params()
        try:
            with self.world.lock:
                if params.get("business_id") not in (None, self.business_id):
                    raise _ParamError("Invalid param: business_id")
                if req.method == "GET" and action == "video/list":
                    return self._videos(params)
                if req.method == "GET" and action == "comment/list":
                    return self._comments(params, replies_of=None)
                if req.method == "GET" and action == "comment/reply/list":
                    return self._comments(params, replies_of=_required(params, "comment_id"))
                if req.method == "POST" and action == "comment/reply/create":
                    body = req.json()  # a JSON body only, as documented
                    if not isinstance(body, dict) or not req_is_json(req):
                        raise _ParamError("Request body must be a JSON object.")
                    return self._reply(body)
        except _ParamError as exc:
            return self.answer(40002, str(exc))
        return self.answer(40400, "Not Found", status=404)

    # -- reading ------------------------------------------------------------------

    def _page(self, params: Mapping[str, object], total: int, ceiling: int) -> tuple[int, int]:
        cursor = int_param(params.get("cursor"), 0)
        size = int_param(params.get("max_count"), 20)
        if cursor is None or cursor < 0:
            raise _ParamError("cursor: Not a valid integer.")
        if size is None or not 1 <= size <= ceiling:
            raise _ParamError(
                f"max_count: Must be greater than or equal to 1 and less than or "
                f"equal to {ceiling}."
            )
        # Strict mode: shorter pages, each starting with the last item of the one before.
        start = max(cursor - self.world.overlap, 0)
        return start, min(cursor + self.world.cut(size), total)

    def _videos(self, params: Mapping[str, object]) -> Response:
        _required(params, "business_id")
        fields = _json_list(params.get("fields"), "fields") or ["item_id", "create_time"]
        unknown = sorted(set(fields) - VIDEO_FIELDS)
        if unknown:
            raise _ParamError(f"fields: Invalid field {unknown[0]}.")
        wanted_ids = set(
            _json_list(_json_object(params.get("filters")).get("video_ids"), "filters")
        )
        videos = [v for v in self.board.newest_containers() if not wanted_ids or v.id in wanted_ids]
        start, end = self._page(params, len(videos), 20)
        page = [self._video(v, fields) for v in videos[start:end]]
        data = {"videos": page, "cursor": end, "has_more": end < len(videos)}
        return self.answer(0, "OK", data)

    def _video(self, video: Container, fields: list[str]) -> dict[str, object]:
        under = self.board.by_container.get(video.id, [])
        link = f"https://www.tiktok.com/@{self.board.account.name}/video/{video.id}"
        values: dict[str, object] = {
            "item_id": video.id,
            "create_time": epoch(video.time),
            "caption": video.caption,
            "comments": len(under),
            "likes": 11 * len(under) + 3,
            "shares": len(under) // 4,
            "video_views": 97 * len(under) + 250,
            "share_url": link,
            "media_type": "VIDEO",
            "embed_url": f"https://www.tiktok.com/embed/v2/{video.id}",
            "video_duration": 31.5,
            "thumbnail_url": f"https://p16-sign-va.tiktokcdn.com/obj/{video.id}.jpeg",
        }
        return {k: values[k] for k in fields}

    def _comments(self, params: Mapping[str, object], *, replies_of: str | None) -> Response:
        _required(params, "business_id")
        video_id = _required(params, "video_id")
        if video_id not in self.board.containers:
            raise _ParamError("Invalid param: video_id")
        order = str(params.get("sort_order") or "desc").lower()
        if order not in ("asc", "desc", "smart"):
            raise _ParamError("sort_order: Must be one of: asc, desc, smart.")
        key = self._sort_key(params)
        _choice(params, "status", ("PUBLIC", "ALL"))  # hidden comments are not modelled
        if replies_of is not None:
            top = self.board.by_id.get(replies_of)
            if top is None or top.container != video_id:
                raise _ParamError("Invalid param: comment_id")
            rows = sorted(self.board.replies(top), key=key, reverse=order == "desc")
        else:
            tops = [m for m in self.board.tops(video_id)]
            tops.sort(key=key, reverse=order != "asc")
            rows = []
            with_replies = str(params.get("include_replies", "false")).lower() == "true"
            for top in tops:
                rows.append(top)
                if with_replies:
                    rows.extend(self.board.replies(top))
        wanted = set(_json_list(params.get("comment_ids"), "comment_ids"))
        if len(wanted) > 30:
            raise _ParamError("comment_ids: Length must be between 1 and 30.")
        if wanted:
            rows = [m for m in rows if m.id in wanted]
        start, end = self._page(params, len(rows), 30)
        page = [self._comment(m, as_number=False) for m in rows[start:end]]
        return self.answer(0, "OK", {"comments": page, "cursor": end, "has_more": end < len(rows)})

    def _sort_key(self, params: Mapping[str, object]) -> Callable[[Msg], tuple[object, int]]:
        field = _choice(params, "sort_field", ("create_time", "likes", "replies"))
        if field == "replies":
            return lambda m: (len(self.board.replies(m)), m.seq)
        return _age  # likes are always 0 here: their order is the time order

    def _comment(self, msg: Msg, *, as_number: bool) -> dict[str, object]:
        created = epoch(msg.time)
        out: dict[str, object] = {
            "comment_id": msg.id,
            "video_id": msg.container,
            "user_id": self.commenter_id if msg.outbound and self.world.strict else msg.author_id,
            "unique_identifier": msg.author_name,
            "username": msg.author_name,
            "display_name": msg.author_name.replace("_", " ").title(),
            "text": msg.text,
            "create_time": created if as_number else str(created),
            "likes": 0,
            "replies": len(self.board.replies(msg)),
            "owner": msg.outbound,
            "liked": False,
            "pinned": False,
            "status": "PUBLIC",
        }
        if msg.thread != msg.id:
            out["parent_comment_id"] = msg.thread
        return out

    # -- writing ------------------------------------------------------------------

    def _reply(self, params: Mapping[str, object]) -> Response:
        _required(params, "business_id")
        video_id = _required(params, "video_id")
        target = self.board.by_id.get(_required(params, "comment_id"))
        text = params.get("text")
        if not isinstance(text, str) or not text.strip():
            raise _ParamError("text: Missing data for required field.")
        if len(text) > MAX_TEXT:
            raise _ParamError(f"text: Length must be between 1 and {MAX_TEXT}.")
        if target is None or target.container != video_id:
            raise _ParamError("Invalid param: comment_id")
        top = self.board.by_id[target.thread]
        when = self.world.clock.now()
        ident = self.ids.message(when=when, container=video_id, top=top.id)
        account = self.board.account
        msg = Msg(
            ident,
            top.id,
            video_id,
            top.id,
            self.business_id,
            account.name,
            text,
            when,
            outbound=True,
        )
        self.world.accept(
            Channel.TIKTOK, msg, thread_id=f"{video_id}:{top.id}", parent_id=target.id
        )
        return self.answer(0, "OK", self._comment(msg, as_number=True))


def req_is_json(req: Request) -> bool:
    kind = (req.header("content-type") or "").split(";")[0].strip().lower()
    return kind == "application/json"


def _age(msg: Msg) -> tuple[object, int]:
    return (msg.time, msg.seq)


def _choice(params: Mapping[str, object], key: str, allowed: tuple[str, ...]) -> str:
    value = str(params.get(key) or allowed[0])
    if value not in allowed:
        raise _ParamError(f"{key}: Must be one of: {', '.join(allowed)}.")
    return value


def _required(params: Mapping[str, object], key: str) -> str:
    value = params.get(key)
    if value is None or value == "":
        raise _ParamError(f"{key}: Missing data for required field.")
    return str(value)


def _json_list(raw: object, key: str) -> list[str]:
    if raw is None or raw == "":
        return []
    if isinstance(raw, str):
        try:
            raw = json.loads(raw)
        except ValueError:
            raise _ParamError(f"{key}: Not a valid list.") from None
    if not isinstance(raw, list):
        raise _ParamError(f"{key}: Not a valid list.")
    return [str(item) for item in raw]


def _json_object(raw: object) -> dict[str, object]:
    if isinstance(raw, str) and raw:
        try:
            raw = json.loads(raw)
        except ValueError:
            raise _ParamError("filters: Not a valid JSON object.") from None
    return raw if isinstance(raw, dict) else {}
