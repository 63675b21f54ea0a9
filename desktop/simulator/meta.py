"""The Meta Graph API (Instagram and Facebook) under ``/graph/v21.0``.

Reads: ``GET /{ig-user}/media``, ``/{media}/comments``, ``/{ig-comment}``,
``/{ig-comment}/replies``; ``GET /{page}/feed`` (also ``posts``),
``/{post}/comments`` (``filter=stream``, ``order``), ``/{comment}``,
``/{comment}/comments``; ``/{page}/conversations`` (see ``meta_dms``).
Writes: ``POST /{ig-comment}/replies`` and ``POST /{comment}/comments`` with
``message``; DM sends through the Send API within the messaging window.

Auth: ``access_token`` (query or form) or ``Authorization: Bearer``; an
``appsecret_proof``, when sent, must match the app secret (``APP_SECRET``). Errors
use Meta's envelope with ``fbtrace_id``; every answer carries a modest
``x-app-usage``.
"""

from __future__ import annotations

import hashlib
import hmac
import urllib.parse
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import NoReturn

from desktop.core.model import Channel
from desktop.simulator import faults as fk
from desktop.simulator.faults import Fault
from desktop.simulator.graph_errors import GraphErrors
from desktop.simulator.graphfields import Field, FieldError, parse_fields
from desktop.simulator.ids import IdMaker
from desktop.simulator.meta_dms import MetaDms
from desktop.simulator.meta_nodes import CursorError, Item, Nodes, check_limit
from desktop.simulator.state import Board, Msg, World
from desktop.simulator.wire import Request, Response

PREFIX = "/graph/v21.0"  # any other version (``/graph/vNN.N``) is served the same way
APP_SECRET = "sim-app-secret"


def appsecret_proof(token: str, secret: str = APP_SECRET) -> str:
    """Graph's ``appsecret_proof``: HMAC-SHA256 of the access token, keyed by the app secret."""
    return hmac.new(secret.encode(), token.encode(), hashlib.sha256).hexdigest()


COMMENT_LIMITS = {Channel.INSTAGRAM: 2200, Channel.FACEBOOK: 8000}


class MetaApi:
    prefix = PREFIX

    def __init__(self, world: World, token: str, ids: dict[Channel, IdMaker]) -> None:
        self.world, self.token, self.ids = world, token, ids
        self.ig = world.board(Channel.INSTAGRAM)
        self.fb = world.board(Channel.FACEBOOK)
        self.errors = GraphErrors(world.clock, self.fb.account.platform_user_id)
        self.error = self.errors.error
        self.dms = MetaDms(world, self.errors)

    # -- the server's questions ---------------------------------------------------

    def channel_of(self, req: Request) -> Channel:
        parts = _parts(req)
        node = parts[0] if parts else ""
        ig = self.ig
        if node == "me" and parts[1:] == ["messages"]:
            return Channel.INSTAGRAM
        if req.query.get("platform") == "instagram":
            return Channel.INSTAGRAM
        with self.world.lock:
            mine = node == ig.account.platform_user_id or node in ig.containers or node in ig.by_id
        return Channel.INSTAGRAM if mine else Channel.FACEBOOK

    def fault_kinds(self, req: Request) -> frozenset[str]:
        return fk.FAULT_KINDS - {fk.CONFLICT}

    def fault(self, fault: Fault, req: Request) -> Response:
        return self.errors.fault(fault)

    def check_auth(self, req: Request) -> Response | None:
        token = req.query.get("access_token") or req.form().get("access_token") or req.bearer()
        if not token:
            return self.error("An access token is required to request this resource.", 104)
        if token != self.token:
            return self.error("Invalid OAuth access token - Cannot parse access token", 190)
        proof = req.query.get("appsecret_proof") or req.form().get("appsecret_proof")
        if proof is not None and not hmac.compare_digest(proof, appsecret_proof(token)):
            return self.error("Invalid appsecret_proof provided in the API argument", 100)
        return None

    # -- requests ---------------------------------------------------------------------

    def handle(self, req: Request) -> Response:
        parts = _parts(req)
        if not 1 <= len(parts) <= 2:
            return self.errors.unsupported(req.method, req.path)
        node, edge = parts[0], parts[1] if len(parts) == 2 else None
        params = {k: v for k, v in req.params().items() if isinstance(v, str)}
        body: dict[str, object] | Response | None = None
        try:
            fields = parse_fields(params["fields"]) if params.get("fields") else None
            with self.world.lock:
                if req.method == "GET":
                    body = self._get(req, node, edge, fields, params)
                elif req.method == "POST":
                    body = self._post(req, node, edge, fields, params)
        except FieldError as exc:
            return self.error(str(exc), 100)
        except CursorError:
            return self.error("(#100) The after parameter is not a valid cursor", 100)
        if isinstance(body, Response):
            body.headers.update(self.errors.usage())
            return body
        if body is None:
            return self.errors.unsupported(req.method, node)
        return Response.json(body, headers=self.errors.usage())

    def _nodes(self, board: Board, req: Request) -> Nodes:
        query = dict(req.query)
        query.setdefault("access_token", req.bearer() or self.token)
        return Nodes(board, req.base_url, query, cut=self.world.cut, overlap=self.world.overlap)

    def _get(
        self,
        req: Request,
        node: str,
        edge: str | None,
        fields: Sequence[Field] | None,
        params: dict[str, str],
    ) -> dict[str, object] | None:
        ig = self.ig
        if node == ig.account.platform_user_id or node in ig.containers or node in ig.by_id:
            return self._get_instagram(_Read(self._nodes(ig, req), node, edge, fields, params))
        return self._get_facebook(_Read(self._nodes(self.fb, req), node, edge, fields, params))

    def _get_instagram(self, read: _Read) -> dict[str, object]:
        ig, nodes, node, edge, fields = self.ig, read.nodes, read.node, read.edge, read.fields
        if node == ig.account.platform_user_id:
            if edge is None:
                return nodes.ig_user(fields)
            if edge == "media":
                return read.listing(ig.newest_containers(), lambda m: nodes.ig_media(m, fields))
            return _no_field(edge, "IGUser")
        if node in ig.containers:
            if edge is None:
                return nodes.ig_media(ig.containers[node], fields)
            if edge == "comments":
                items = nodes.comments_of(node, stream=False, newest_first=True)
                return read.listing(items, lambda m: nodes.ig_comment(m, fields))
            return _no_field(edge, "IGMedia")
        comment = ig.by_id[node]
        if edge is None:
            return nodes.ig_comment(comment, fields)
        if edge == "replies":
            return read.listing(ig.replies(comment), lambda m: nodes.ig_comment(m, fields))
        return _no_field(edge, "IGComment")

    def _get_facebook(self, read: _Read) -> dict[str, object] | None:
        fb, nodes, node, edge, fields = self.fb, read.nodes, read.node, read.edge, read.fields
        if node in (fb.account.platform_user_id, "me"):
            if edge is None:
                return nodes.page(fields)
            if edge in ("feed", "posts", "published_posts"):
                return read.listing(fb.newest_containers(), lambda p: nodes.post(p, fields))
            if edge == "conversations":
                ig = read.params.get("platform") == "instagram"
                channel = Channel.INSTAGRAM if ig else Channel.FACEBOOK
                return self.dms.conversations(channel, fields, read.params, read.listing)
            return _no_field(edge, "Page")
        post, comment = fb.containers.get(node), fb.by_id.get(node)
        if post is None and comment is None:
            return None
        if edge is None:
            return nodes.post(post, fields) if post else nodes.fb_comment(fb.by_id[node], fields)
        if edge != "comments":
            return _no_field(edge, "PagePost" if post else "Comment")
        stream = read.params.get("filter") == "stream" and post is not None
        newest = read.params.get("order") == "reverse_chronological"
        items = nodes.comments_of(node, stream=stream, newest_first=newest)
        if comment is not None and comment.thread != comment.id:
            items = []  # replies have no replies of their own
        return read.listing(items, lambda m: nodes.fb_comment(m, fields))

    def _post(
        self,
        req: Request,
        node: str,
        edge: str | None,
        fields: Sequence[Field] | None,
        params: dict[str, str],
    ) -> dict[str, object] | Response | None:
        if edge == "messages" and node in ("me", self.fb.account.platform_user_id):
            channel = Channel.INSTAGRAM if node == "me" else Channel.FACEBOOK
            return self.dms.send(channel, req)
        if node in self.ig.by_id and edge == "replies":
            target = self.ig.by_id[node]
            if target.thread != target.id:
                return self.error("(#100) Replies can only be made to top-level comments", 100)
            made = self._reply(Channel.INSTAGRAM, target, params.get("message", ""))
            return made if isinstance(made, Response) else {"id": made.id}
        if node in self.fb.by_id and edge == "comments":
            made = self._reply(Channel.FACEBOOK, self.fb.by_id[node], params.get("message", ""))
            if isinstance(made, Response):
                return made
            return self._nodes(self.fb, req).fb_comment(made, fields or (Field("id"),))
        return None

    def _reply(self, channel: Channel, target: Msg, text: str) -> Msg | Response:
        limit = COMMENT_LIMITS[channel]
        if not text.strip():
            return self.error("(#100) The parameter message is required", 100)
        if len(text) > limit:
            return self.error(f"(#100) Param message must be at most {limit} characters long", 100)
        board = self.world.board(channel)
        top = board.by_id[target.thread]
        when = self.world.clock.now()
        ident = self.ids[channel].message(when=when, container=top.container, top=top.id)
        account = board.account
        msg = Msg(
            ident,
            top.id,
            top.container,
            top.id,
            account.platform_user_id,
            account.name,
            text,
            when,
            outbound=True,
        )
        return self.world.accept(channel, msg, thread_id=top.id, parent_id=target.id)


@dataclass(frozen=True, slots=True)
class _Read:
    """One GET on a node or one of its edges."""

    nodes: Nodes
    node: str
    edge: str | None
    fields: Sequence[Field] | None
    params: Mapping[str, str]

    def listing(
        self, items: Sequence[Item], render: Callable[[Item], dict[str, object]]
    ) -> dict[str, object]:
        limit, after = check_limit(self.params.get("limit")), self.params.get("after")
        nodes = self.nodes
        path = f"/{self.node}/{self.edge}"
        size = nodes.cut(limit) if limit else limit
        total = len(items)
        since, until = _time_param(self.params, "since"), _time_param(self.params, "until")
        if since is not None or until is not None:
            items = [i for i in items if _within(i.time, since, until)]
        body = nodes.edge(
            path,
            items,
            render,
            limit=size,
            after=after,
            overlap=nodes.overlap,
            before=self.params.get("before"),
        )
        if self.params.get("summary") == "true":
            body["summary"] = {"total_count": total}
        return body


def _time_param(params: Mapping[str, str], key: str) -> datetime | None:
    """``since``/``until``: a Unix time or an ISO date-time, as Graph takes them."""
    raw = params.get(key)
    if not raw:
        return None
    if raw.isdigit():
        return datetime.fromtimestamp(int(raw), UTC)
    try:
        when = datetime.fromisoformat(raw.replace("+0000", "+00:00"))
    except ValueError:
        raise FieldError(f"(#100) The parameter {key} must be a valid time") from None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def _within(when: datetime, since: datetime | None, until: datetime | None) -> bool:
    return (since is None or when >= since) and (until is None or when <= until)


def _parts(req: Request) -> list[str]:
    return [urllib.parse.unquote(p) for p in req.path.split("/") if p]


def _no_field(edge: str, node_type: str) -> NoReturn:
    raise FieldError(
        f"(#100) Tried accessing nonexisting field ({edge}) on node type ({node_type})"
    )
