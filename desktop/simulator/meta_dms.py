"""Messenger and Instagram Direct conversations of the Page, and the Send API.

The sample data has none: ``Simulator.add_dm`` puts a citizen's message in a
conversation (one per person and platform). Reads: ``GET
/{page}/conversations?platform=messenger|instagram`` (newest updated first,
keyset-paged like every Graph edge; ``user_id`` picks one person's
conversation) with ``id``, ``updated_time``, ``participants``,
``message_count`` and ``messages{id,created_time,from,to,message}``.
Sends: ``POST /{page}/messages`` (Messenger) and ``POST /me/messages``
(Instagram) with ``{"recipient":{"id"},"messaging_type","tag"?,"message":{"text"}}``
→ ``{"recipient_id","message_id"}``.

The standard window: a free answer only within 24 hours of the person's last
message; with ``messaging_type=MESSAGE_TAG`` and ``tag=HUMAN_AGENT`` within
7 days. Outside it Meta refuses with code 10 (subcode 2018278 on Messenger,
2018065 on Instagram).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from desktop.core.model import Channel
from desktop.simulator.graph_errors import GraphErrors
from desktop.simulator.graphfields import Field, NodeType, select
from desktop.simulator.state import Container, Msg, World
from desktop.simulator.wire import Request, Response, graph_time

STANDARD_WINDOW = timedelta(hours=24)
HUMAN_AGENT_WINDOW = timedelta(days=7)
WINDOW_SUBCODES = {Channel.FACEBOOK: 2018278, Channel.INSTAGRAM: 2018065}
CONVERSATION = NodeType("Conversation", ("id", "updated_time"))
MESSAGE = NodeType("Message", ("id", "created_time"))


@dataclass(slots=True)
class Conversation:
    id: str
    person: str  # the citizen's page-scoped (PSID) or Instagram-scoped (IGSID) id
    name: str
    messages: list[Msg] = field(default_factory=list)

    @property
    def updated(self) -> datetime:
        return self.messages[-1].time

    def last_inbound(self) -> datetime | None:
        return max((m.time for m in self.messages if not m.outbound), default=None)


class MetaDms:
    def __init__(self, world: World, errors: GraphErrors) -> None:
        self.world, self.errors = world, errors
        self.threads: dict[Channel, dict[str, Conversation]] = {
            Channel.FACEBOOK: {},
            Channel.INSTAGRAM: {},
        }
        self._serial = 0

    def _next_id(self, prefix: str) -> str:
        self._serial += 1
        digest = hashlib.sha256(f"meta-dm:{self._serial}".encode()).hexdigest()[:40]
        return f"{prefix}{digest}"

    # -- content -------------------------------------------------------------------

    def add(self, channel: Channel, person: str, name: str, text: str, when: datetime) -> Msg:
        """A citizen's message to the unit (the caller holds the world's lock)."""
        threads = self.threads[channel]
        convo = threads.get(person)
        if convo is None:
            convo = Conversation(self._next_id("t_"), person, name)
            threads[person] = convo
        msg = Msg(self._next_id("m_"), convo.id, person, None, person, name, text, when, False)
        convo.messages.append(msg)
        convo.messages.sort(key=lambda m: m.time)
        return msg

    # -- reading ---------------------------------------------------------------------

    def conversations(
        self,
        channel: Channel,
        fields: Sequence[Field] | None,
        params: Mapping[str, str],
        page: Callable[..., dict[str, object]],
    ) -> dict[str, object]:
        listed = sorted(self.threads[channel].values(), key=lambda c: c.updated, reverse=True)
        if params.get("user_id"):
            listed = [c for c in listed if c.person == params["user_id"]]
        rows = [Container(c.id, c.updated, c.person) for c in listed]
        threads = self.threads[channel]
        return page(rows, lambda row: self._conversation(channel, threads[row.caption], fields))

    def _conversation(
        self, channel: Channel, convo: Conversation, fields: Sequence[Field] | None
    ) -> dict[str, object]:
        return select(
            CONVERSATION,
            fields,
            {
                "id": lambda f: convo.id,
                "updated_time": lambda f: graph_time(convo.updated),
                "message_count": lambda f: len(convo.messages),
                "unread_count": lambda f: 0,
                "participants": lambda f: {
                    "data": [self._person(channel, convo), self._us(channel)]
                },
                "messages": lambda f: {
                    "data": [
                        self._message(channel, convo, m, f.sub)
                        for m in reversed(convo.messages)  # newest first, as recorded
                    ]
                },
            },
        )

    def _us(self, channel: Channel) -> dict[str, object]:
        account = self.world.board(channel).account
        if channel is Channel.INSTAGRAM:
            return {"username": account.name, "id": account.platform_user_id}
        return {"name": account.name, "email": f"{account.platform_user_id}@facebook.com",
                "id": account.platform_user_id}  # fmt: skip

    def _person(self, channel: Channel, convo: Conversation) -> dict[str, object]:
        if channel is Channel.INSTAGRAM:
            return {"username": convo.name, "id": convo.person}
        return {"name": convo.name, "email": f"{convo.person}@facebook.com", "id": convo.person}

    def _message(
        self,
        channel: Channel,
        convo: Conversation,
        msg: Msg,
        fields: Sequence[Field] | None,
    ) -> dict[str, object]:
        person, us = self._person(channel, convo), self._us(channel)
        return select(
            MESSAGE,
            fields,
            {
                "id": lambda f: msg.id,
                "created_time": lambda f: graph_time(msg.time),
                "message": lambda f: msg.text,
                "from": lambda f: us if msg.outbound else person,
                "to": lambda f: {"data": [person if msg.outbound else us]},
            },
        )

    # -- sending -----------------------------------------------------------------------

    def send(self, channel: Channel, req: Request) -> Response | dict[str, object]:
        body = req.json()
        if not isinstance(body, dict):
            body = {k: v for k, v in req.params().items()}
        recipient = body.get("recipient")
        message = body.get("message")
        person = recipient.get("id") if isinstance(recipient, dict) else None
        text = message.get("text") if isinstance(message, dict) else None
        if not isinstance(text, str) or not text.strip():
            return self.errors.error("(#100) The parameter message[text] is required", 100)
        convo = self.threads[channel].get(str(person))
        if convo is None:
            return self.errors.error("(#100) No matching user found", 100, subcode=2018001)
        now = self.world.clock.now()
        last = convo.last_inbound()
        tagged = body.get("messaging_type") == "MESSAGE_TAG" and body.get("tag") == "HUMAN_AGENT"
        window = HUMAN_AGENT_WINDOW if tagged else STANDARD_WINDOW
        if last is None or now - last > window:
            return self.errors.error(
                "(#10) This message is sent outside of allowed window. Learn more about the new "
                "policy here: https://developers.facebook.com/docs/messenger-platform/policy-overview",
                10,
                subcode=WINDOW_SUBCODES[channel],
            )
        account = self.world.board(channel).account
        msg = Msg(
            self._next_id("m_"),
            convo.id,
            convo.person,
            None,
            account.platform_user_id,
            account.name,
            text,
            now,
            outbound=True,
        )
        convo.messages.append(msg)
        self.world.record(channel, msg, thread_id=f"dm:{convo.person}", parent_id="")
        return {"recipient_id": convo.person, "message_id": msg.id}
