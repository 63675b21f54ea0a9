"""X direct messages: ``GET /2/dm_events``, ``GET|POST /2/dm_conversations/with/{id}/...``,
``GET /2/dm_conversations/{dm_conversation_id}/dm_events``.

The sample data has no DMs; the ones sent to the simulator are kept here
(not on the board: they are not tweets) and listed newest first.
"""

from __future__ import annotations

from desktop.core.model import Channel
from desktop.simulator.ids import IdMaker
from desktop.simulator.state import Msg, World
from desktop.simulator.wire import Request, Response, x_time
from desktop.simulator.x_render import (
    DM_EXPANSIONS,
    DM_FIELDS,
    Renderer,
    check_known,
    invalid_request,
    names,
    number,
    problem,
)

DM_PARAMS = frozenset(
    {"dm_event.fields", "event_types", "max_results", "pagination_token", "expansions"}
    | {"user.fields", "media.fields", "tweet.fields"}
)


class XDms:
    def __init__(self, world: World, ids: IdMaker) -> None:
        self.world, self.ids = world, ids
        self.board = world.board(Channel.X)
        self.own = self.board.account.platform_user_id
        self.sent: list[Msg] = []  # Msg.container: the other participant's id

    def _conversation(self, other: str) -> str:
        return "-".join(sorted((other, self.own), key=lambda i: int(i) if i.isdigit() else 0))

    def other_in(self, conversation: str) -> str | None:
        """The other participant of a one-to-one conversation id (``<a>-<b>``)."""
        first, sep, second = conversation.partition("-")
        if not sep or self.own not in (first, second):
            return None
        return second if first == self.own else first

    def send(self, req: Request, other: str, render: Renderer) -> Response:
        body = req.json()
        text = body.get("text") if isinstance(body, dict) else None
        if not isinstance(text, str) or not text.strip() or other == self.own:
            return invalid_request()
        if render.person(other) is None:
            return problem(403, "Forbidden", "You cannot send messages to this user.")
        when = self.world.clock.now()
        ident = self.ids.message(when=when, container="", top=None)
        account = self.board.account
        msg = Msg(ident, ident, other, None, self.own, account.name, text, when, outbound=True)
        self.sent.append(msg)
        self.world.record(Channel.X, msg, thread_id=f"dm:{other}", parent_id="")
        data = {"dm_conversation_id": self._conversation(other), "dm_event_id": ident}
        return Response.json({"data": data}, 201)

    def events(self, req: Request, other: str | None, render: Renderer) -> Response:
        check_known(req.query, DM_PARAMS)
        wanted = names(req.query, "dm_event.fields", DM_FIELDS)
        expansions = names(req.query, "expansions", DM_EXPANSIONS)
        size = number(req.query, "max_results", 100, 1, 100)
        mine = [m for m in self.sent if other in (None, m.container)]
        page = sorted(mine, key=lambda m: int(m.id), reverse=True)[:size]
        if not page:
            return Response.json({"meta": {"result_count": 0}})
        data = []
        for m in page:
            values = {
                "created_at": x_time(m.time),
                "sender_id": m.author_id,
                "participant_ids": [self.own, m.container],
                "dm_conversation_id": self._conversation(m.container),
            }
            event: dict[str, object] = {"id": m.id, "event_type": "MessageCreate", "text": m.text}
            event.update({k: v for k, v in values.items() if k in wanted})
            data.append(event)
        body: dict[str, object] = {"data": data, "meta": {"result_count": len(page)}}
        if expansions & {"sender_id", "participant_ids"}:
            people = {self.own, *(m.container for m in page)}
            found = [render.person(p) for p in sorted(people)]
            body["includes"] = {"users": [render.user(p) for p in found if p is not None]}
        return Response.json(body)
