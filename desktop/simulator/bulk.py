"""A large account: many posts, citizens' comments spread over them.

For measuring and testing a full sync of an account with hundreds of posts
(``Simulator.add_posts``). Posts are spaced evenly back in time from the
simulated now; every ``every``-th post gets one citizen's comment, an hour
after it was posted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from desktop.core.model import Channel
from desktop.simulator.build import CAPTIONS, container_id
from desktop.simulator.ids import IdMaker
from desktop.simulator.state import Container, Msg, World

WITH_POSTS = (Channel.INSTAGRAM, Channel.FACEBOOK, Channel.TIKTOK)


@dataclass(frozen=True, slots=True)
class PostedComment:
    id: str
    post: str
    post_age: timedelta  # how old the post is at the simulated now


def add_posts(
    world: World,
    ids: IdMaker,
    channel: Channel,
    count: int,
    *,
    span: timedelta,
    every: int = 1,
) -> list[PostedComment]:
    """``count`` posts over the last ``span``, a comment on every ``every``-th one."""
    if channel not in WITH_POSTS:
        raise ValueError(f"{channel.value} has no posts to add")
    board = world.board(channel)
    now = world.clock.now()
    made: list[PostedComment] = []
    with world.lock:
        for n in range(count):
            age = span * (n + 1) / (count + 1)
            posted = now - age
            number = 4_100_000_000_000 + n
            ident = container_id(channel, board.account, str(number))
            if channel is Channel.TIKTOK:
                ident = str(7_200_000_000_000_000_000 + n)
            board.containers[ident] = Container(ident, posted, CAPTIONS[n % len(CAPTIONS)])
            if n % every:
                continue
            when = posted + timedelta(hours=1)
            comment = ids.message(when=when, container=ident, top=None)
            person = ids.person(str(500_000 + n))
            text = f"Pak, mohon ditindak: laporan warga nomor {n} belum ada tanggapan."
            msg = Msg(comment, comment, ident, None, person, f"warga_{n}", text, when, False)
            world.add(channel, msg)
            made.append(PostedComment(comment, ident, age - timedelta(hours=1)))
    return made
