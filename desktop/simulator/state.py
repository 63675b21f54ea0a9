"""The simulated platforms' content: posts, messages, accepted replies, a clock.

One ``World`` holds a ``Board`` per served channel. A board keeps every
message in arrival order (``log``; Telegram's update ids and TikTok's
offsets follow it), by id, and by thread. A thread is keyed by its first
message (the top-level comment, the first tweet, the first chat message).
All access goes through ``World.lock``; platform modules hold it while they
read or write.
"""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import NamedTuple

from desktop.core.model import Channel
from desktop.core.sample import SampleAccount


class AcceptedReply(NamedTuple):
    """A reply the simulator accepted (and stored), as the adapters name things.

    ``thread_id``: the top-level comment's id (Instagram, Facebook, YouTube),
    the conversation id (X), the chat id (Telegram), ``<video id>:<comment
    id>`` (TikTok), ``dm:<user id>`` for direct messages. ``parent_id``: the
    id the request replied to ("" when none). Telegram message ids are
    ``<chat id>:<message id>`` (they are unique only within a chat).
    """

    channel: Channel
    thread_id: str
    parent_id: str
    text: str
    platform_id: str
    time: datetime


@dataclass(slots=True)
class Msg:
    """One message on a platform (a comment, a tweet, a chat message)."""

    id: str
    thread: str  # id of the thread's first message
    container: str  # the post/media/video it sits under; "" for chats and tweets
    parent: str | None  # the message it answers
    author_id: str
    author_name: str
    text: str
    time: datetime
    outbound: bool  # written by the unit's own account
    seq: int = 0  # position in the board's log
    via_api: bool = False  # posted to the simulator (not sample data)
    entities: tuple[dict[str, object], ...] = ()  # Telegram formatting (parse_mode)


@dataclass(slots=True)
class Container:
    """A post, media item or video of the unit's account."""

    id: str
    time: datetime
    caption: str


@dataclass(slots=True)
class Board:
    """One channel's content."""

    account: SampleAccount
    containers: dict[str, Container] = field(default_factory=dict)
    log: list[Msg] = field(default_factory=list)
    by_id: dict[str, Msg] = field(default_factory=dict)
    threads: dict[str, list[Msg]] = field(default_factory=dict)
    by_container: dict[str, list[Msg]] = field(default_factory=dict)
    version: int = 0  # bumps on every change, for cached orderings

    def add(self, msg: Msg) -> Msg:
        if msg.id in self.by_id:
            raise ValueError(f"duplicate message id {msg.id} on {self.account.channel.value}")
        msg.seq = len(self.log)
        self.log.append(msg)
        self.by_id[msg.id] = msg
        self.threads.setdefault(msg.thread, []).append(msg)
        self.by_container.setdefault(msg.container, []).append(msg)
        self.version += 1
        return msg

    def thread_of(self, msg: Msg) -> list[Msg]:
        return self.threads.get(msg.thread, [])

    def tops(self, container: str | None = None) -> list[Msg]:
        """Thread openers, in arrival order, optionally under one container."""
        return [
            thread[0]
            for thread in self.threads.values()
            if container is None or thread[0].container == container
        ]

    def replies(self, top: Msg) -> list[Msg]:
        return self.threads.get(top.id, [])[1:] if top.thread == top.id else []

    def newest_containers(self) -> list[Container]:
        return sorted(self.containers.values(), key=lambda c: (c.time, c.id), reverse=True)


class Clock:
    """Simulated time: starts at ``start`` and runs at the speed of real time."""

    def __init__(self, start: datetime) -> None:
        self._start = start.astimezone(UTC)
        self._mono = time.monotonic()

    @property
    def start(self) -> datetime:
        return self._start

    def now(self) -> datetime:
        """Whole seconds, like the platforms' own time stamps."""
        elapsed = timedelta(seconds=time.monotonic() - self._mono)
        return (self._start + elapsed).replace(microsecond=0)


class World:
    """Every board, the clock and the record of accepted replies."""

    def __init__(self, clock: Clock, boards: Iterable[Board]) -> None:
        self.clock = clock
        self.lock = threading.RLock()
        self.changed = threading.Condition(self.lock)  # new messages (Telegram long polls)
        self.stopping = threading.Event()
        self.boards = {board.account.channel: board for board in boards}
        self._accepted: list[AcceptedReply] = []
        self.strict = False  # see ``cut``
        self._cuts = itertools.count()

    def cut(self, size: int) -> int:
        """A page size: as asked, or in strict mode 1, 2, 3, 1, … (never more than asked).

        Strict mode holds the adapters to what the platforms promise and no
        more: a page may be shorter than asked, and the item before a page
        boundary is repeated at the start of the next page (``overlap``).
        """
        if not self.strict:
            return size
        return max(1, min(size, 1 + next(self._cuts) % 3))

    @property
    def overlap(self) -> int:
        """Items of the previous page repeated at the start of the next one."""
        return 1 if self.strict else 0

    def board(self, channel: Channel) -> Board:
        return self.boards[channel]

    def add(self, channel: Channel, msg: Msg) -> Msg:
        with self.lock:
            self.boards[channel].add(msg)
            self.changed.notify_all()
        return msg

    def accept(
        self, channel: Channel, msg: Msg, *, thread_id: str, parent_id: str, public_id: str = ""
    ) -> Msg:
        """Store our reply and record it as accepted (under ``public_id`` if given)."""
        with self.lock:
            self.add(channel, msg)
            self.record(channel, msg, thread_id=thread_id, parent_id=parent_id, public_id=public_id)
        return msg

    def record(
        self, channel: Channel, msg: Msg, *, thread_id: str, parent_id: str, public_id: str = ""
    ) -> None:
        """Record an accepted reply (also one kept outside the boards: direct messages)."""
        with self.lock:
            msg.via_api = True
            accepted = AcceptedReply(
                channel, thread_id, parent_id, msg.text, public_id or msg.id, msg.time
            )
            self._accepted.append(accepted)

    def accepted(self) -> list[AcceptedReply]:
        with self.lock:
            return list(self._accepted)

    def wake_all(self) -> None:
        with self.lock:
            self.changed.notify_all()
