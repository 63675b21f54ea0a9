"""X API v2 under ``/x``: mentions, the account's tweets, search, replies, DMs.

``GET /2/users/{id}/mentions`` (citizens' tweets) and ``/2/users/{id}/tweets``
(the account's own, i.e. our replies) come newest first by id, filtered by
``since_id``/``until_id`` and paged with ``pagination_token``; ``meta`` has
``result_count``, ``newest_id``, ``oldest_id`` and ``next_token`` while more
remain, and a page with nothing has no ``data`` key. ``GET
/2/tweets/search/recent`` understands ``conversation_id:``, ``from:``,
``to:``, ``is:reply`` and words, over the last 7 days. ``POST /2/tweets``
answers 201; identical text posted twice is refused (403) as on X.

Every answer carries ``x-rate-limit-limit/-remaining/-reset`` for its
endpoint's 15-minute window (reported, not enforced; inject ``rate_limit``).
Unknown query parameters, fields and expansions are refused (400), as on X.
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta

from desktop.core.model import Channel
from desktop.simulator import faults as fk
from desktop.simulator.faults import Fault
from desktop.simulator.ids import IdMaker
from desktop.simulator.state import Msg, World
from desktop.simulator.wire import Request, Response, epoch, make_token, read_token
from desktop.simulator.x_auth import needs_user, who_asks
from desktop.simulator.x_dms import XDms
from desktop.simulator.x_render import (
    TWEET_EXPANSIONS,
    TWEET_FIELDS,
    USER_FIELDS,
    ParamError,
    Renderer,
    check_known,
    invalid_request,
    names,
    not_found,
    number,
    param_problem,
    problem,
    search_term,
    snowflake_param,
    weighted_length,
)

PREFIX = "/x"
_FIELDS = {"expansions", "tweet.fields", "user.fields", "media.fields", "place.fields"}
TIMELINE_PARAMS = frozenset(
    _FIELDS | {"poll.fields", "since_id", "until_id", "max_results", "pagination_token"}
    | {"start_time", "end_time", "exclude"}
)  # fmt: skip
SEARCH_PARAMS = TIMELINE_PARAMS - {"exclude"} | {"query", "next_token", "sort_order"}
LIMITS = {
    "mentions": 450, "tweets": 900, "search": 450, "lookup": 900, "create": 200, "dm": 300,
    "dm_send": 200,
}  # fmt: skip
USER_ONLY = frozenset({"create", "dm", "dm_send"})  # refused to an app-only token
WINDOW = 15 * 60
SEARCH_DAYS = 7
TOKEN = "x"
Action = Callable[[Request], Response]


class XApi:
    prefix = PREFIX

    def __init__(self, world: World, token: str, ids: dict[Channel, IdMaker]) -> None:
        self.world, self.token, self.ids = world, token, ids[Channel.X]
        self.board = world.board(Channel.X)
        self.own = self.board.account.platform_user_id
        self.dms = XDms(world, self.ids)
        self._windows: dict[str, tuple[int, int]] = {}

    def channel_of(self, req: Request) -> Channel:
        return Channel.X

    def fault_kinds(self, req: Request) -> frozenset[str]:
        return fk.FAULT_KINDS - {fk.CONFLICT}

    def check_auth(self, req: Request) -> Response | None:
        if who_asks(req, self.token) is None:
            return problem(401, "Unauthorized", "Unauthorized")
        return None

    def fault(self, fault: Fault, req: Request) -> Response:
        if fault.kind == fk.RATE_LIMIT:
            answer = problem(429, "Too Many Requests", "Too Many Requests")
            reset = epoch(self.world.clock.now()) + fault.retry_after
            answer.headers["x-rate-limit-limit"] = "450"
            answer.headers["x-rate-limit-remaining"] = "0"
            answer.headers["x-rate-limit-reset"] = str(reset)
            return answer
        if fault.kind == fk.EXPIRED_TOKEN:
            return problem(401, "Unauthorized", "Unauthorized")
        if fault.status == 502:
            return Response.html("<html><body><h1>502 Bad Gateway</h1></body></html>", 502)
        title = "Service Unavailable" if fault.status == 503 else "Internal Server Error"
        return problem(fault.status, title, title)

    def handle(self, req: Request) -> Response:
        parts = [urllib.parse.unquote(p) for p in req.path.split("/") if p]
        route = self._route(req.method, parts)
        if route is None:
            return not_found("Sorry, that page does not exist.")
        name, action = route
        user_only = name in USER_ONLY or parts[-1:] == ["me"]
        if user_only and who_asks(req, self.token) == "app":
            return needs_user()
        try:
            with self.world.lock:
                answer = action(req)
        except ParamError as exc:
            answer = param_problem(exc)
        answer.headers.update(self._limits(name))
        return answer

    def _route(self, method: str, p: list[str]) -> tuple[str, Action] | None:
        get, post = method == "GET", method == "POST"
        if get and len(p) == 3 and p[:2] == ["2", "users"] and p[2] == "me":
            return "lookup", lambda req: Response.json({"data": self._user(req, self.own)})
        if get and len(p) == 4 and p[:2] == ["2", "users"] and p[3] in ("mentions", "tweets"):
            return p[3], lambda req: self._timeline(req, p[2], p[3] == "mentions")
        if get and p == ["2", "tweets", "search", "recent"]:
            return "search", self._search
        if post and p == ["2", "tweets"]:
            return "create", self._create
        if get and p[:2] == ["2", "tweets"] and len(p) <= 3:
            return "lookup", lambda req: self._lookup(req, p[2] if len(p) == 3 else None)
        if get and p == ["2", "dm_events"]:
            return "dm", lambda req: self.dms.events(req, None, self._renderer(req))
        if get and len(p) == 4 and p[:2] == ["2", "dm_conversations"] and p[3] == "dm_events":
            other = self.dms.other_in(p[2])
            if other is None:
                return None
            return "dm", lambda req: self.dms.events(req, other, self._renderer(req))
        if len(p) == 5 and p[:3] == ["2", "dm_conversations", "with"]:
            if get and p[4] == "dm_events":
                return "dm", lambda req: self.dms.events(req, p[3], self._renderer(req))
            if post and p[4] == "messages":
                return "dm_send", lambda req: self.dms.send(req, p[3], self._renderer(req))
        return None

    def _limits(self, name: str) -> dict[str, str]:
        now = epoch(self.world.clock.now())
        with self.world.lock:
            start, used = self._windows.get(name, (now, 0))
            if now >= start + WINDOW:
                start, used = now, 0
            self._windows[name] = (start, used + 1)
        left = max(LIMITS[name] - used - 1, 0)
        return {
            "x-rate-limit-limit": str(LIMITS[name]),
            "x-rate-limit-remaining": str(left),
            "x-rate-limit-reset": str(start + WINDOW),
        }

    def _renderer(self, req: Request) -> Renderer:
        tweet_fields = names(req.query, "tweet.fields", TWEET_FIELDS)
        return Renderer(self.board, tweet_fields, names(req.query, "user.fields", USER_FIELDS))

    def _user(self, req: Request, ident: str) -> dict[str, object]:
        render = self._renderer(req)
        person = render.person(ident)
        return render.user(person) if person else {"id": ident}

    # -- reading ------------------------------------------------------------------

    def _timeline(self, req: Request, user_id: str, mentions: bool) -> Response:
        check_known(req.query, TIMELINE_PARAMS)
        render = self._renderer(req)
        if render.person(user_id) is None:
            error = {
                "value": user_id,
                "detail": f"Could not find user with id: [{user_id}].",
                "title": "Not Found Error",
                "resource_type": "user",
                "parameter": "id",
                "resource_id": user_id,
                "type": "https://api.twitter.com/2/problems/resource-not-found",
            }
            return Response.json({"errors": [error]})
        if mentions:
            pool = [m for m in self.board.log if not m.outbound] if user_id == self.own else []
            if self.world.strict:  # only tweets that do mention the account
                pool = [m for m in pool if self._mentions_us(m)]
        else:
            pool = [m for m in self.board.log if m.author_id == user_id]
            excluded = {e.strip() for e in req.query.get("exclude", "").split(",") if e.strip()}
            if excluded - {"replies", "retweets"}:
                bad = req.query["exclude"]
                message = (
                    f"The `exclude` query parameter value [{bad}] is not one of [replies,retweets]"
                )
                raise ParamError("exclude", bad, message)
            if "replies" in excluded:
                pool = [m for m in pool if m.parent is None]
        pool = self._in_time(req, pool, oldest=None)
        return self._page(req, render, pool, default=10, low=5, token_key="pagination_token")

    def _mentions_us(self, msg: Msg) -> bool:
        """Named in the text, or a reply in a chain that names us (X adds those names)."""
        handle = f"@{self.board.account.name}".lower()
        seen: set[str] = set()
        current: Msg | None = msg
        while current is not None and current.id not in seen:
            if current.outbound or handle in current.text.lower():
                return True
            seen.add(current.id)
            current = self.board.by_id.get(current.parent or "")
        return False

    def _in_time(self, req: Request, pool: list[Msg], oldest: datetime | None) -> list[Msg]:
        """``start_time``/``end_time`` (ISO 8601); search refuses a start older than 7 days."""
        start, end = time_param(req.query, "start_time"), time_param(req.query, "end_time")
        if start is not None and oldest is not None and start < oldest:
            raw = req.query["start_time"]
            message = (
                f"Invalid 'start_time':'{raw}'. 'start_time' must be on or after "
                f"{oldest.strftime('%Y-%m-%dT%H:%MZ')}"
            )
            raise ParamError("start_time", raw, message)
        if start is not None and end is not None and end <= start:
            raw = req.query["end_time"]
            raise ParamError("end_time", raw, "'end_time' must be after 'start_time'")
        return [
            m for m in pool if (start is None or m.time >= start) and (end is None or m.time < end)
        ]

    def _search(self, req: Request) -> Response:
        check_known(req.query, SEARCH_PARAMS)
        query = req.query.get("query", "")
        if not query or len(query) > 512:
            message = "The `query` query parameter value must be 1 to 512 characters long"
            raise ParamError("query", query, message)
        since = self.world.clock.now() - timedelta(days=SEARCH_DAYS)
        tests = [search_term(t, self.board.account.name) for t in query.split()]
        pool = [m for m in self.board.log if m.time >= since and all(t(m) for t in tests)]
        pool = self._in_time(req, pool, oldest=since)
        key = "next_token" if "next_token" in req.query else "pagination_token"
        return self._page(req, self._renderer(req), pool, default=10, low=10, token_key=key)

    def _lookup(self, req: Request, one: str | None) -> Response:
        render = self._renderer(req)
        wanted = [one] if one else [i for i in req.query.get("ids", "").split(",") if i]
        found = [self.board.by_id[i] for i in wanted if i in self.board.by_id]
        if one and not found:
            return not_found(f"Could not find tweet with id: [{one}].")
        data: object = render.tweet(found[0]) if one else [render.tweet(m) for m in found]
        body: dict[str, object] = {"data": data}
        includes = render.includes(found, names(req.query, "expansions", TWEET_EXPANSIONS))
        if includes:
            body["includes"] = includes
        return Response.json(body)

    def _page(
        self,
        req: Request,
        render: Renderer,
        pool: list[Msg],
        *,
        default: int,
        low: int,
        token_key: str,
    ) -> Response:
        q = req.query
        expansions = names(q, "expansions", TWEET_EXPANSIONS)
        since, until = snowflake_param(q, "since_id"), snowflake_param(q, "until_id")
        size = self.world.cut(number(q, "max_results", default, low, 100))
        before = None
        if q.get(token_key):
            position = read_token(TOKEN, q[token_key])
            if position is None or not position.isdigit():
                message = f"The `{token_key}` query parameter value [{q[token_key]}] is not valid"
                raise ParamError(token_key, q[token_key], message)
            before = int(position)
        if before is not None and self.world.overlap:  # strict: the boundary tweet again
            before += 1
            size += 1
        items = sorted(
            (m for m in pool if _within(int(m.id), since, until, before)),
            key=lambda m: int(m.id),
            reverse=True,
        )
        page = items[:size]
        meta: dict[str, object] = {"result_count": len(page)}
        body: dict[str, object] = {}
        if page:
            meta.update(newest_id=page[0].id, oldest_id=page[-1].id)
            body["data"] = [render.tweet(m) for m in page]
            includes = render.includes(page, expansions)
            if includes:
                body["includes"] = includes
        if len(items) > size:
            meta["next_token"] = make_token(TOKEN, page[-1].id)
        body["meta"] = meta
        return Response.json(body)

    # -- writing ------------------------------------------------------------------

    def _create(self, req: Request) -> Response:
        body = req.json()
        if not isinstance(body, dict) or not isinstance(body.get("text"), str):
            return invalid_request()
        text: str = body["text"]
        if not text.strip():
            return invalid_request()
        if weighted_length(text) > 280:
            detail = (
                "Your Tweet text is too long. For more information on how Twitter determines text "
                "length see https://github.com/twitter/twitter-text."
            )
            return problem(403, "Forbidden", detail)
        reply = body.get("reply")
        target_id = str(reply.get("in_reply_to_tweet_id", "")) if isinstance(reply, dict) else ""
        target = self.board.by_id.get(target_id)
        if target_id and target is None:
            detail = "You attempted to reply to a Tweet that is deleted or not visible to you."
            return problem(403, "Forbidden", detail)
        if any(m.outbound and m.text == text for m in self.board.log):
            detail = "You are not allowed to create a Tweet with duplicate content."
            return problem(403, "Forbidden", detail)
        when = self.world.clock.now()
        ident = self.ids.message(when=when, container="", top=None)
        thread = target.thread if target else ident
        name = self.board.account.name
        msg = Msg(ident, thread, "", target_id or None, self.own, name, text, when, outbound=True)
        self.world.accept(Channel.X, msg, thread_id=thread, parent_id=target_id)
        data = {"id": ident, "text": text, "edit_history_tweet_ids": [ident]}
        return Response.json({"data": data}, 201)


def time_param(params: Mapping[str, str], key: str) -> datetime | None:
    raw = params.get(key)
    if raw is None:
        return None
    try:
        when = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        message = f"Invalid '{key}':'{raw}'. '{key}' must be a valid RFC 3339 date-time"
        raise ParamError(key, raw, message) from None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def _within(ident: int, since: int | None, until: int | None, before: int | None) -> bool:
    return (
        (since is None or ident > since)
        and (until is None or ident < until)
        and (before is None or ident < before)
    )
