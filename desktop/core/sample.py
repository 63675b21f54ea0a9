"""Deterministic, realistic sample data for the demo, the simulator and benchmarks.

``sample_threads`` yields one complaint at a time (a million never sit in memory).
Same ``count``, ``now`` and ``seed`` give the same threads, a shorter run is a prefix
of a longer one, and the global ``random`` is left alone. Messages are in platform-time
order, none after ``now``; ids are in each platform's style and unique per channel in a
run; the status agrees with the items. Phrases: ``desktop.core.sample_phrases``.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from random import Random
from typing import TypeVar

from desktop.core import sample_phrases as ph
from desktop.core.deadlines import DeadlineSettings
from desktop.core.model import POLLED, Channel, InboundItem, Status, utc


@dataclass(frozen=True, slots=True)
class SampleAccount:
    """One of the unit's official accounts as the sample data knows it."""

    channel: Channel
    name: str  # handle on the platform, e.g. "humaspolrescontoh"
    platform_user_id: str  # our account's id there: author_id of outbound items


@dataclass(frozen=True, slots=True)
class SampleThread:
    """One complaint: its messages, the status it should end in, the officer's notes.

    ``notes`` are ``(text, public)`` in the order written. A public note was
    published: its text is also one of the outbound ``items``, so a loader
    records it as delivered rather than queueing it again.
    """

    account: SampleAccount
    items: tuple[InboundItem, ...]
    status: Status
    notes: tuple[tuple[str, bool], ...]


MAX_AGE = timedelta(days=10)  # the oldest first message, relative to ``now``
MAX_SECONDS = int(MAX_AGE.total_seconds())

_DEFAULT_CHANNELS = POLLED
_CHANNEL_WEIGHTS = {  # how much of a unit's traffic arrives on each channel
    Channel.INSTAGRAM: 30, Channel.X: 22, Channel.TIKTOK: 18, Channel.FACEBOOK: 16,
    Channel.TELEGRAM: 8, Channel.WHATSAPP: 8, Channel.YOUTUBE: 6,
}  # fmt: skip
_STATUSES = (  # out of 100
    (Status.NEW,) * 45 + (Status.ACKNOWLEDGED,) * 25 + (Status.IN_PROGRESS,) * 10
    + (Status.RESOLVED,) * 12 + (Status.DISMISSED,) * 8
)  # fmt: skip
_COMPLAINT_TABLE = tuple(t for t in ph.COMPLAINTS for _ in range(t.weight))
_HANDLE_CHANNELS = frozenset({Channel.INSTAGRAM, Channel.X, Channel.TIKTOK})
_DIGITS = tuple(f"{i:02d}" for i in range(100) if i != 69)  # in handles; some numbers look bad

_HOUR, _DAY = 3600, 86400


def sample_accounts(unit: str = "Polres Contoh") -> tuple[SampleAccount, ...]:
    """One account per channel (no WhatsApp), handles derived from the unit's name."""
    slug = re.sub(r"[^a-z0-9]", "", unit.lower())
    if not slug:
        raise ValueError(f"unit name {unit!r} has no letters or digits")
    handle = "humas" + slug
    names = {  # within each platform's length limit; Telegram bot names end in "bot"
        Channel.INSTAGRAM: handle[:30], Channel.FACEBOOK: handle[:50], Channel.YOUTUBE: handle[:30],
        Channel.X: (handle if len(handle) <= 15 else slug)[:15], Channel.TIKTOK: handle[:24],
        Channel.TELEGRAM: handle[:28] + "_bot",
    }  # fmt: skip
    return tuple(SampleAccount(c, names[c], _account_id(c, names[c])) for c in _DEFAULT_CHANNELS)


def _account_id(channel: Channel, name: str) -> str:
    """Our account's id: like a citizen's there (but below their range), from the handle."""
    digest = hashlib.sha256(f"{channel.value}:{name}".encode()).digest()
    if channel is Channel.YOUTUBE:
        return "UC" + _b64(digest[:16])
    return str(_BASES[channel][1] // 2 + int.from_bytes(digest[:3], "big"))


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


_T = TypeVar("_T")
_Rnd = Callable[[], float]
_Maker = Callable[[_Rnd, "_Slots"], str]


def _pick(rnd: _Rnd, seq: Sequence[_T]) -> _T:
    return seq[int(rnd() * len(seq))]


class _Slots(dict[str, str]):
    """A thread's slot values, made on first use and kept (per message: salam, elapsed)."""

    __slots__ = ("rnd", "since", "topic", "when")
    rnd: _Rnd
    topic: ph.Topic
    when: datetime
    since: int  # seconds since the first message, or since the last reply

    def __missing__(self, key: str) -> str:
        if key == "salam":
            return _SALAM[(self.when.hour + 7) % 24]  # the part of the day in WIB
        if key == "elapsed":
            since = self.since
            if since < _HOUR:
                return f"{max(1, since // 60)} menit"
            return f"{since // _HOUR} jam" if since < _DAY else f"{since // _DAY} hari"
        value = self[key] = _SLOT_MAKERS[key](self.rnd, self)
        return value


_SALAM = ("malam",) * 4 + ("pagi",) * 6 + ("siang",) * 5 + ("sore",) * 3 + ("malam",) * 6


def _one_of(pool: Sequence[str]) -> _Maker:
    """A slot maker picking from ``pool``; picks may use other slots."""
    if any("{" in item for item in pool):
        return lambda rnd, s: pool[int(rnd() * len(pool))].format_map(s)
    return lambda rnd, s: pool[int(rnd() * len(pool))]


_SLOT_MAKERS: dict[str, _Maker] = {key: _one_of(pool) for key, pool in ph.POOLS.items()}
_SLOT_MAKERS["nomor"] = lambda rnd, s: str(1 + int(rnd() * 9999))
_SLOT_MAKERS["huruf"] = lambda rnd, s: "".join(
    _pick(rnd, ph.PLATE_LETTERS) for _ in range(2 + (rnd() < 0.7))
)
_SLOT_MAKERS["satuan"] = lambda rnd, s: _pick(rnd, s.topic.units or ("petugas",)).format_map(s)
# Also set by the generator: account, citizen's name, part of the day, time passed.
SLOTS = frozenset(_SLOT_MAKERS) | {"akun", "nama", "salam", "elapsed"}


# Numeric ids (message, person): a base, then a running number and a random tail.
_BASES = {
    Channel.X: (0, 1_000_000_000), Channel.TELEGRAM: (1000, 5_000_000_000),  # X: snowflakes
    Channel.INSTAGRAM: (17_850_000_000_000_000, 17_000_000_000_000_000),
    Channel.TIKTOK: (7_300_000_000_000_000_000, 7_000_000_000_000_000_000),
    Channel.FACEBOOK: (1_000_000_000_000_000, 2_400_000_000_000_000),
    Channel.WHATSAPP: (0, 6_281_100_000_000),  # people are phone numbers
}  # fmt: skip
# The account's own posts/videos that citizens comment on (none for direct messages).
_POSTS: dict[Channel, Callable[[Random], str]] = {
    Channel.INSTAGRAM: lambda rng: _b64(rng.getrandbits(64).to_bytes(8, "big")),  # shortcode
    Channel.YOUTUBE: lambda rng: _b64(rng.getrandbits(64).to_bytes(8, "big")),  # video id
    Channel.FACEBOOK: lambda rng: str(rng.randrange(10**15, 10**16)),
    Channel.TIKTOK: lambda rng: str(7_200_000_000_000_000_000 + rng.getrandbits(56)),
    **dict.fromkeys((Channel.X, Channel.TELEGRAM, Channel.WHATSAPP), lambda rng: ""),
}
# Permalinks from (message id, post, author's handle, our account); none for DMs.
_LINKS: dict[Channel, Callable[[str, str, str, SampleAccount], str]] = {
    Channel.X: lambda pid, post, who, a: f"https://x.com/{who}/status/{pid}",
    Channel.INSTAGRAM: lambda pid, post, who, a: f"https://www.instagram.com/p/{post}/c/{pid}/",
    Channel.FACEBOOK: lambda pid, post, who, a: (
        f"https://www.facebook.com/{a.platform_user_id}/posts/{post}?comment_id={pid}"
    ),
    Channel.YOUTUBE: lambda pid, post, who, a: f"https://www.youtube.com/watch?v={post}&lc={pid}",
    Channel.TIKTOK: lambda pid, post, who, a: f"https://www.tiktok.com/@{a.name}/video/{post}",
}


class _Channel:
    """Counters of one channel, so no message or person id repeats in a run."""

    __slots__ = ("bits", "channel", "messages", "people", "recent", "rnd")

    def __init__(self, channel: Channel, rng: Random) -> None:
        self.channel, self.rnd, self.bits = channel, rng.random, rng.getrandbits
        self.messages = self.people = 0
        self.recent: list[tuple[str, str, str]] = []

    def _unique(self, base: int, n: int, spread: int) -> str:
        return str(base + n * spread + int(self.rnd() * spread))

    def _token(self, n: int, size: int) -> str:
        return _b64(((n << 64) | self.bits(64)).to_bytes(size, "big"))

    def message(self, post: str, top: str | None, at: datetime) -> str:
        """A new message id in the platform's style (``top``: the thread's first id)."""
        self.messages += 1
        n, ch = self.messages, self.channel
        if ch is Channel.YOUTUBE:  # "Ug…4AaABAg"; a reply is "<top>.<token>"
            pid = f"{top}.{self._token(n, 16)}" if top else f"Ugx{self._token(n, 12)}4AaABAg"
        elif ch is Channel.WHATSAPP:
            pid = "wamid." + self._token(n, 18)
        elif ch is Channel.X:  # a snowflake of the time (unique below 2**22 X messages a run)
            pid = str((int(at.timestamp() * 1000) - 1288834974657) << 22 | (n & 0x3FFFFF))
        else:
            pid = self._unique(_BASES[ch][0], n, 4 if ch is Channel.TELEGRAM else 1000)
            if ch is Channel.FACEBOOK:  # comments are "{post}_{comment}"
                pid = f"{post}_{pid}"
        return pid

    def person(self) -> tuple[str, str, str]:
        """A citizen (id, name as shown, first name); in public threads sometimes a repeat."""
        rnd, recent, ch = self.rnd, self.recent, self.channel
        if recent and ch not in _DIRECT and rnd() < 0.05:
            return recent[int(rnd() * len(recent))]
        self.people += 1
        k = self.people
        first, last = _pick(rnd, ph.FIRST_NAMES), _pick(rnd, ph.LAST_NAMES)
        if ch in _HANDLE_CHANNELS or ch is Channel.YOUTUBE:
            f, la = first.lower(), last.lower()
            name = _pick(rnd, ph.HANDLE_STYLES).format(
                f=f, l=la, l3=la[:3], d=_pick(rnd, _DIGITS),
                s=_pick(rnd, ph.HANDLE_SUFFIXES), p=_pick(rnd, ph.HANDLE_PREFIXES),
            )  # fmt: skip
        else:
            name = _pick(rnd, ph.DISPLAY_STYLES).format(
                F=first, L=last, L0=last[0], FL=f"{first} {last}".upper(),
                P=_pick(rnd, ph.DISPLAY_PREFIXES),
            )  # fmt: skip
        if ch is Channel.YOUTUBE:
            name, author = "@" + name, "UC" + self._token(k, 16)
        else:
            author = self._unique(_BASES[ch][1], k, 10 if ch is Channel.WHATSAPP else 1000)
        recent.append((author, name, first))
        if len(recent) > 64:
            del recent[0]
        return recent[-1]


def sample_threads(
    count: int, *, now: datetime, seed: int = 1, accounts: Sequence[SampleAccount] | None = None
) -> Iterator[SampleThread]:
    """Yield ``count`` complaints, all before ``now``, from ``accounts`` (default:
    ``sample_accounts()``; busier channels get more). Arguments are checked at the call."""
    if count < 0:
        raise ValueError(f"count must not be negative, got {count}")
    chosen = tuple(sample_accounts() if accounts is None else accounts)
    if not chosen:
        raise ValueError("no accounts to generate threads for")
    return _generate(count, utc(now), seed, chosen)


# A conversation, a letter a message (repeats weight the choice). The citizen writes
# c (complaint), f (follow-up while unanswered), m (more spam or praise), r (reply to
# us), t (thanks); the unit a (first answer), n (short reply), p (progress), z (closing).
_SHAPES = {
    Status.NEW: ("c",) * 15 + ("cf",) * 7 + ("cff",) * 3,
    Status.DISMISSED: ("c",) * 6 + ("cm",),
    Status.ACKNOWLEDGED: ("ca",) * 5 + ("car",) * 2 + ("carn", "cfa", "cfa", "cfar", "cfarn"),
    Status.IN_PROGRESS: ("cap",) * 3 + ("carp",) * 3 + ("cfap", "cfarp"),
    Status.RESOLVED: ("caz",) * 3 + ("cazt",) * 2 + ("capz", "capz", "carz", "capzt", "carpz"),
}
_OUTBOUND, _PUBLIC = frozenset("anpz"), frozenset("pz")
# Closed complaints: age of the first message, floor + MAX_AGE * u**power.
_AGES = {Status.DISMISSED: (300, 2.0), Status.RESOLVED: (6 * _HOUR, 1.0)}
# Open complaints on a working morning, against the default targets (out of 100): most
# in time, some due soon, a few late, the odd one past the viral horizon.
_STANDING = ("on_time",) * 82 + ("warning",) * 13 + ("overdue",) * 4 + ("viral",) * 1
_TARGETS = DeadlineSettings()
_ANSWER = int(_TARGETS.first_answer.total_seconds())
_PROGRESS = int(_TARGETS.progress_every.total_seconds())
_VIRAL = int(_TARGETS.viral_horizon.total_seconds())
# Time from the previous message to one of this kind: base + extent * u**skew.
_GAPS = {
    "f": (1800, 3 * _DAY, 2), "m": (1800, 3 * _DAY, 2), "r": (300, 20 * _HOUR, 2),
    "t": (300, 20 * _HOUR, 2), "a": (180, 6 * _HOUR, 2), "n": (300, 4 * _HOUR, 2),
    "p": (3 * _HOUR, 3 * _DAY, 1), "z": (6 * _HOUR, 4 * _DAY, 1),
}  # fmt: skip
_LATE_ANSWER = (6 * _HOUR, 40 * _HOUR, 1)  # one first answer in ten comes late
_BANKS = {"f": ph.FOLLOW_UPS, "r": ph.AFTER_ANSWER, "t": ph.THANKS, "n": ph.NOTED,
          "a": ph.ACKNOWLEDGEMENTS}  # fmt: skip
_MENTION = {Channel.X: 1.0, Channel.INSTAGRAM: 0.2, Channel.TIKTOK: 0.2, Channel.FACEBOOK: 0.05}
_DIRECT = frozenset({Channel.TELEGRAM, Channel.WHATSAPP})
_CHAINED = _DIRECT | {Channel.X}  # each message replies to the one before
_INTERNAL_NOTE = {Status.ACKNOWLEDGED: 0.35, Status.IN_PROGRESS: 0.8, Status.RESOLVED: 0.7}


def _generate(
    count: int, now: datetime, seed: int, accounts: tuple[SampleAccount, ...]
) -> Iterator[SampleThread]:
    rng = Random(seed)
    rnd = rng.random
    table = tuple(a for a in accounts for _ in range(_CHANNEL_WEIGHTS[a.channel]))
    channels = {a.channel: _Channel(a.channel, rng) for a in accounts}
    posts = {a: [_POSTS[a.channel](rng) for _ in range(24)] for a in accounts}
    for _ in range(count):
        account = table[int(rnd() * len(table))]
        channel, ours = account.channel, account.name
        status = _STATUSES[int(rnd() * 100)]
        odd = status is Status.DISMISSED or (status is Status.NEW and rnd() < 0.06)
        topic = (ph.SPAM if rnd() < 0.55 else ph.PRAISE) if odd else _pick(rnd, _COMPLAINT_TABLE)
        shape = _pick(rnd, _SHAPES[status])
        offsets = _offsets(rnd, status, shape)
        ids = channels[channel]
        author_id, author_name, first = ids.person()
        post, link = _pick(rnd, posts[account]), _LINKS.get(channel)
        slots = _Slots(akun="@" + ours, nama=first)
        slots.rnd, slots.topic = rnd, topic
        style = rnd()  # how this citizen writes: as is, all lower case, or slangy
        items: list[InboundItem] = []
        public: list[tuple[str, bool]] = []
        top = parent = None
        start = prev = offsets[0]
        for role, offset in zip(shape, offsets, strict=True):
            slots.when = when = now - timedelta(seconds=offset)
            slots.since = (start if role == "f" else prev) - offset
            prev = offset
            text = _text(role, channel, slots)
            if out := role in _OUTBOUND:
                if role in _PUBLIC:
                    public.append((text, True))
                if channel is Channel.X or (channel in _HANDLE_CHANNELS and rnd() < 0.5):
                    text = f"@{author_name} {text}"
                who, name = account.platform_user_id, ours
            else:
                text = _styled(text, style)
                who, name = author_id, author_name
            pid = ids.message(post, top, when)
            url = link(pid, post, name, account) if link else None
            top = top or pid
            items.append(InboundItem(channel, top, pid, who, name, text, when, out, parent, url))
            parent = pid if channel in _CHAINED else top
        notes = _notes(status, slots, public)
        yield SampleThread(account, tuple(items), status, notes)


def _offsets(rnd: _Rnd, status: Status, shape: str) -> list[int]:
    """Seconds before ``now`` of each message: strictly decreasing, all positive.

    An open complaint is placed by the clock that runs on it: a new one by its
    first message (the first answer is due), an answered one by its last message
    (a progress update is due, or, when the citizen wrote last, an answer).
    """
    gaps = []
    for role in shape[1:]:
        base, extent, skew = _LATE_ANSWER if role == "a" and rnd() < 0.1 else _GAPS[role]
        gaps.append(int(base + extent * rnd() ** skew))
    if status is Status.NEW:
        return _laid_out(_waited(rnd, _ANSWER, _VIRAL), gaps)
    if status in (Status.ACKNOWLEDGED, Status.IN_PROGRESS):
        citizen_last = shape[-1] not in _OUTBOUND
        last = _waited(rnd, _ANSWER, _VIRAL) if citizen_last else _waited(rnd, _PROGRESS, None)
        return _laid_out(min(last + sum(gaps), MAX_SECONDS), gaps)
    floor, power = _AGES[status]
    return _laid_out(min(int(floor + MAX_SECONDS * rnd() ** power), MAX_SECONDS), gaps)


def _waited(rnd: _Rnd, period: int, viral: int | None) -> int:
    """How long a clock of ``period`` has run: in time, due soon, late or past ``viral``."""
    standing = _pick(rnd, _STANDING)
    warning = int(period * _TARGETS.warning_fraction)
    if standing == "on_time":  # skewed toward what came in overnight and this morning
        return int(2 * 60 + (warning - 2 * 60) * rnd() ** 1.5)
    if standing == "warning":
        return int(warning + (period - warning) * rnd())
    if standing == "overdue" or viral is None:
        late_until = viral if viral is not None else period + 2 * _DAY
        return int(period + (late_until - period) * rnd())
    return int(viral + (MAX_SECONDS - viral) * rnd() ** 2)  # mostly only just past


def _laid_out(age: int, gaps: list[int]) -> list[int]:
    """Offsets from the first message at ``age``, squeezed into the time there was."""
    room, span = age - 60, sum(gaps)
    if span > room:
        gaps = [max(1, gap * room // span) for gap in gaps]
    offsets = [age]
    for gap in gaps:
        offsets.append(offsets[-1] - gap)
    return offsets


def _text(role: str, channel: Channel, s: _Slots) -> str:
    rnd, topic = s.rnd, s.topic
    if role == "c":
        return _complaint(channel, s)
    if role == "m":
        bank = topic.complaints
    elif role == "p":
        bank = topic.progress if topic.progress and rnd() < 0.7 else ph.GENERIC_PROGRESS
    else:
        bank = topic.resolutions if role == "z" else _BANKS[role]
    text = _pick(rnd, bank).format_map(s)
    if role == "a" and topic.tips and rnd() < 0.4:
        return f"{text} {_pick(rnd, topic.tips)}"
    return text


def _complaint(channel: Channel, s: _Slots) -> str:
    """The message that opens the thread: mention, greeting, body, plea, emoji."""
    rnd, topic = s.rnd, s.topic
    text = _pick(rnd, topic.complaints).format_map(s)
    if topic.weight:  # a complaint: greet, and ask for action
        if rnd() < 0.55:
            opener = _pick(rnd, ph.OPENERS).format_map(s)
            if opener[-1] == "," and text[1:2].islower():
                text = text[0].lower() + text[1:]
            text = f"{opener} {text}"
        if rnd() < 0.5:
            sep = ". " if text[-1].isalnum() and rnd() < 0.4 else " "
            text = f"{text}{sep}{_pick(rnd, ph.PLEAS)}"
    if rnd() < _MENTION.get(channel, 0.0):
        text = f"{s['akun']} {text}"
    return f"{text} {_pick(rnd, ph.EMOJI)}" if rnd() < 0.2 else text


def _styled(text: str, style: float) -> str:
    """A citizen's own way of writing: as is, all lower case, or slangy."""
    if style < 0.25:
        return text.lower()
    if style < 0.55:
        text = f" {text} "
        for formal, informal in ph.SLANG:
            text = text.replace(formal, informal)
        return text.strip()
    return text


def _notes(status: Status, s: _Slots, pub: list[tuple[str, bool]]) -> tuple[tuple[str, bool], ...]:
    """The officer's notes: internal ones, and the public updates already published."""
    rnd = s.rnd
    if status is Status.NEW:
        return ()
    if status is Status.DISMISSED:
        bank = ph.SPAM_NOTES if s.topic is ph.SPAM else ph.PRAISE_NOTES
        return ((_pick(rnd, bank), False),) if rnd() < 0.4 else ()
    if rnd() < _INTERNAL_NOTE[status]:
        return ((_pick(rnd, ph.NOTES).format_map(s), False), *pub)
    return tuple(pub)
