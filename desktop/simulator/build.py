"""Building the simulated platforms from sample data, and new citizens' messages.

Each served channel gets a board filled from ``sample_threads``: the posts
(media, videos) the sample's comments sit under, and every message with its
sample id, author and platform time. WhatsApp has no polling API (it is
webhook only), so its threads are left out.
"""

from __future__ import annotations

import hashlib
import urllib.parse
from collections.abc import Iterator
from datetime import datetime, timedelta
from random import Random

from desktop.core.model import POLLED, Channel, InboundItem
from desktop.core.sample import SampleAccount, SampleThread, sample_accounts, sample_threads
from desktop.simulator.ids import IdMaker
from desktop.simulator.state import Board, Clock, Container, Msg, World

SERVED = POLLED  # every platform the desk polls
WITH_POSTS = frozenset({Channel.INSTAGRAM, Channel.FACEBOOK, Channel.YOUTUBE, Channel.TIKTOK})
CAPTIONS = (
    "Patroli malam gabungan menjaga kamtibmas di wilayah hukum kami.",
    "Himbauan: kunci ganda kendaraan Anda dan parkir di tempat yang terang.",
    "Layanan SIM keliling hadir minggu ini, cek jadwal lengkapnya di bio.",
    "Waspada penipuan online mengatasnamakan petugas! Polisi tidak pernah meminta transfer.",
    "Operasi Zebra: utamakan keselamatan, gunakan helm dan sabuk pengaman.",
    "Jumat Curhat bersama warga: sampaikan keluhan dan masukan Anda.",
    "Pengamanan ibadah dan kegiatan masyarakat akhir pekan ini.",
    "Call center 110 gratis dan siaga 24 jam untuk laporan darurat.",
)
_NEWEST_POSTS = 5  # new comments land on one of the account's newest posts
FOLLOW_UP_SHARE = 0.4  # of new messages, how many follow up an open complaint


def _digest(*parts: str) -> int:
    raw = hashlib.sha256(":".join(parts).encode()).digest()
    return int.from_bytes(raw[:8], "big")


def container_id(channel: Channel, account: SampleAccount, post: str) -> str:
    """The API id of the post a sample item's permalink names."""
    if channel is Channel.INSTAGRAM:  # shortcode -> numeric media id
        return str(17_900_000_000_000_000 + _digest("ig-media", post) % 10**13)
    if channel is Channel.FACEBOOK:  # page post ids are "{page}_{post}"
        return f"{account.platform_user_id}_{post}"
    return post


def _post_of(channel: Channel, item: InboundItem) -> str:
    """The post a sample item sits under, read from its permalink (or its id)."""
    link = urllib.parse.urlsplit(item.permalink or "")
    if channel is Channel.FACEBOOK:
        return item.thread_id.partition("_")[0]
    if channel is Channel.YOUTUBE:
        return urllib.parse.parse_qs(link.query).get("v", [""])[0]
    parts = [p for p in link.path.split("/") if p]
    marker = {Channel.INSTAGRAM: "p", Channel.TIKTOK: "video"}.get(channel)
    if marker in parts and parts.index(marker) + 1 < len(parts):
        return parts[parts.index(marker) + 1]
    return ""


def _caption(key: str) -> str:
    return CAPTIONS[_digest("caption", key) % len(CAPTIONS)]


def build_world(*, count: int, seed: int, now: datetime) -> World:
    clock = Clock(now)
    accounts = {a.channel: a for a in sample_accounts() if a.channel in SERVED}
    boards = {channel: Board(account) for channel, account in accounts.items()}
    pending: dict[Channel, list[tuple[datetime, int, Msg]]] = {c: [] for c in boards}
    first_seen: dict[str, datetime] = {}
    order = 0
    for thread in sample_threads(
        count, now=clock.start, seed=seed, accounts=tuple(accounts.values())
    ):
        channel = thread.account.channel
        if channel not in boards:
            continue
        for msg in _messages(thread):
            order += 1
            pending[channel].append((msg.time, order, msg))
            if channel in WITH_POSTS:
                key = f"{channel.value}:{msg.container}"
                first_seen[key] = min(first_seen.get(key, msg.time), msg.time)
    for channel, board in boards.items():
        for _, _, msg in sorted(pending[channel], key=lambda entry: entry[:2]):
            if channel in WITH_POSTS and msg.container not in board.containers:
                board.containers[msg.container] = _container(
                    msg.container, first_seen[f"{channel.value}:{msg.container}"]
                )
            board.add(msg)
    return World(clock, boards.values())


def _messages(thread: SampleThread) -> Iterator[Msg]:
    channel, account = thread.account.channel, thread.account
    top = thread.items[0]
    if channel is Channel.TELEGRAM:  # a private chat's id is the citizen's user id
        citizen = next((i.author_id for i in thread.items if not i.outbound), top.author_id)
        place = citizen
    elif channel in WITH_POSTS:
        place = container_id(channel, account, _post_of(channel, top))
    else:
        place = ""
    for item in thread.items:
        yield Msg(
            id=item.platform_id,
            thread=top.platform_id,
            container=place,
            parent=item.parent_id,
            author_id=item.author_id,
            author_name=item.author_name,
            text=item.text,
            time=item.platform_time.replace(microsecond=0),
            outbound=item.outbound,
        )


def _container(ident: str, first_comment: datetime) -> Container:
    lead = timedelta(hours=1 + _digest("lead", ident) % 47)
    return Container(ident, first_comment - lead, _caption(ident))


class Inbound:
    """New messages from the public: new complaints and follow-ups on open ones."""

    def __init__(self, world: World, ids: dict[Channel, IdMaker], seed: int) -> None:
        self.world, self.ids, self.seed = world, ids, seed
        self.rng = Random(seed * 7919 + 17)
        self._sources: dict[Channel, Iterator[SampleThread]] = {}

    def add(self, channel: Channel, count: int) -> list[Msg]:
        board = self.world.board(channel)
        made: list[Msg] = []
        with self.world.lock:
            for _ in range(count):
                made.append(self.world.add(channel, self._one(board)))
        return made

    def _source(self, board: Board) -> Iterator[SampleThread]:
        channel = board.account.channel
        if channel not in self._sources:
            self._sources[channel] = sample_threads(
                10**12, now=self.world.clock.start, seed=self.seed + 101, accounts=(board.account,)
            )
        return self._sources[channel]

    def _one(self, board: Board) -> Msg:
        channel = board.account.channel
        ids = self.ids[channel]
        when = self.world.clock.now()
        open_tops = [top for top in board.tops() if not top.outbound]
        if open_tops and self.rng.random() < FOLLOW_UP_SHARE:
            top = self.rng.choice(open_tops)
            chained = channel in (Channel.X, Channel.TELEGRAM)
            parent = board.threads[top.id][-1].id if chained else top.id
            ident = ids.message(when=when, container=top.container, top=top.id)
            text = self._follow_up_text(board)
            return Msg(
                ident,
                top.id,
                top.container,
                parent,
                top.author_id,
                top.author_name,
                text,
                when,
                outbound=False,
            )
        spoken = [item for item in next(self._source(board)).items if not item.outbound]
        first = spoken[0]
        author = ids.person(first.author_id)
        if channel is Channel.TELEGRAM:
            place = author
        elif channel in WITH_POSTS:
            place = self._recent_post(board, when)
        else:
            place = ""
        ident = ids.message(when=when, container=place, top=None)
        return Msg(ident, ident, place, None, author, first.author_name, first.text, when, False)

    def _follow_up_text(self, board: Board) -> str:
        """A citizen's second message from a generated thread that has one."""
        first = ""
        for _ in range(50):
            spoken = [item.text for item in next(self._source(board)).items if not item.outbound]
            first = first or spoken[0]
            if len(spoken) > 1:
                return spoken[1]
        return first

    def _recent_post(self, board: Board, when: datetime) -> str:
        newest = board.newest_containers()[:_NEWEST_POSTS]
        if newest:
            return self.rng.choice(newest).id
        channel = board.account.channel
        post = str(10**15 + _digest("new-post", channel.value) % 10**15)
        if channel is Channel.YOUTUBE:
            post = f"sim{_digest('video', post) % 10**8:08d}"
        ident = container_id(channel, board.account, post)
        board.containers[ident] = Container(ident, when - timedelta(hours=1), _caption(ident))
        return ident
