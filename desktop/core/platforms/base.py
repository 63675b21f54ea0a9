"""The small interface every adapter offers, and the helpers they share.

Cursors are small JSON objects (``{"v": 1, ...}``) that the store keeps with
the items of the page they came with; passing one back resumes after those
items. They hold ids, page tokens and high-water times only — never a URL
(Graph's ``paging.next`` URLs carry the access token). A cursor that cannot
be read starts a fresh pass (the store deduplicates by platform id). A page
token seen before in the same pass ends it (``done=True``) instead of
looping.

Thread ids: a top-level comment's id for comment threads, ``dm:<user id>``
for direct-message conversations (the other person's id, so a reply knows
its recipient), the chat id on Telegram, ``<video id>:<comment id>`` on
TikTok (replies there need the video).
"""

from __future__ import annotations

import hashlib
import ipaddress
import json
import logging
import urllib.parse
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from desktop.core.model import Channel, InboundItem
from desktop.core.platforms.errors import ConfigurationError, PermanentError, PlatformError
from desktop.core.platforms.fields import iso, parse_iso

log = logging.getLogger(__name__)

CURSOR_VERSION = 1
DM_PREFIX = "dm:"
_MAX_SEEN = 50


@dataclass(frozen=True, slots=True)
class Page:
    items: tuple[InboundItem, ...]
    cursor: str | None  # store WITH these items; passing it back resumes after them
    done: bool  # no more pages for now


@dataclass(frozen=True, slots=True)
class PostedReply:
    platform_id: str
    accepted_at: datetime | None  # the platform's time (UTC) if it said, else None


class Adapter(Protocol):
    channel: Channel
    max_reply_length: int
    # False where the platform offers no way to read a conversation back
    # (Telegram bots): an uncertain send cannot be reconciled automatically.
    supports_read_back: bool

    def fetch(self, cursor: str | None) -> Page: ...

    def post_reply(self, thread_id: str, parent_id: str, text: str) -> PostedReply: ...

    def read_back(self, thread_id: str) -> Sequence[InboundItem]: ...


# -- cursors ---------------------------------------------------------------


class CursorState(dict[str, object]):
    """A decoded cursor with typed, forgiving accessors."""

    def text(self, key: str) -> str | None:
        value = self.get(key)
        return value if isinstance(value, str) and value else None

    def number(self, key: str) -> int | None:
        value = self.get(key)
        return value if isinstance(value, int) and not isinstance(value, bool) else None

    def strings(self, key: str) -> list[str]:
        value = self.get(key)
        return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []

    def mapping(self, key: str) -> dict[str, str]:
        value = self.get(key)
        if not isinstance(value, dict):
            return {}
        return {k: v for k, v in value.items() if isinstance(k, str) and isinstance(v, str)}

    def time(self, key: str) -> datetime | None:
        value = self.text(key)
        if value is None:
            return None
        try:
            return parse_iso(value, key)
        except PlatformError:  # a damaged cursor must not stop sync
            return None


def load_cursor(cursor: str | None, channel: Channel) -> CursorState:
    if not cursor:
        return CursorState()
    try:
        data = json.loads(cursor)
    except ValueError:
        data = None
    if not isinstance(data, dict) or data.get("v") != CURSOR_VERSION:
        log.warning("%s: unreadable cursor, starting a fresh pass", channel.value)
        return CursorState()
    return CursorState(data)


def dump_cursor(state: Mapping[str, object]) -> str:
    data = {k: v for k, v in state.items() if v is not None and k != "v"}
    return json.dumps({"v": CURSOR_VERSION, **data}, separators=(",", ":"), sort_keys=True)


def token_key(token: str) -> str:
    """A short fingerprint of a page token (they can be long) for loop checks."""
    return hashlib.sha1(token.encode(), usedforsecurity=False).hexdigest()[:12]


def seen_before(seen: Sequence[str], token: str | None) -> bool:
    return token is not None and token_key(token) in seen


def remember(seen: Sequence[str], token: str) -> list[str]:
    return [*seen, token_key(token)][-_MAX_SEEN:]


def later(mark: str | None, *times: datetime) -> str | None:
    """The newest of a high-water mark (cursor text) and some item times."""
    best = max(times, default=None)
    if best is None:
        return mark
    if mark is None or iso(best) > mark:
        return iso(best)
    return mark


def max_mark(a: str | None, b: str | None) -> str | None:
    """The later of two high-water marks (``iso`` text compares in time order)."""
    if a is None or b is None:
        return a or b
    return max(a, b)


def unique(items: Sequence[InboundItem]) -> tuple[InboundItem, ...]:
    """Items without repeats of a platform id (the first one wins)."""
    seen: set[str] = set()
    kept = []
    for item in items:
        if item.platform_id not in seen:
            seen.add(item.platform_id)
            kept.append(item)
    return tuple(kept)


def newest(items: Sequence[InboundItem]) -> tuple[datetime, ...]:
    return tuple(item.platform_time for item in items)


# -- threads, texts, addresses ---------------------------------------------


def dm_thread(user_id: str) -> str:
    return f"{DM_PREFIX}{user_id}"


def dm_user(thread_id: str) -> str | None:
    """The other person's id for a DM thread, None for a comment thread."""
    if thread_id.startswith(DM_PREFIX) and len(thread_id) > len(DM_PREFIX):
        return thread_id[len(DM_PREFIX) :]
    return None


def check_text(text: str, limit: int, measure: Callable[[str], int] = len) -> None:
    """Refuse, before any network use, a reply the platform would refuse."""
    if not text.strip():
        raise PermanentError("The reply is empty.", reason="empty")
    size = measure(text)
    if size > limit:
        raise PermanentError(
            f"The reply is too long for this platform ({size} of at most {limit} characters).",
            reason="text_too_long",
        )


def resolve_api_base(given: str | None, default: str) -> str:
    """``given`` or ``default``, without a trailing slash; https, or http on loopback only."""
    base = (given or default).strip().rstrip("/")
    parts = urllib.parse.urlsplit(base)
    if parts.scheme == "https" and parts.hostname:
        return base
    if parts.scheme == "http" and _is_loopback(parts.hostname):
        return base
    raise ConfigurationError(
        "The API address must start with https:// (plain http:// is allowed only for "
        "this computer, e.g. the simulator)."
    )


def _is_loopback(host: str | None) -> bool:
    if not host:
        return False
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def need_param(params: Mapping[str, str], key: str, channel: Channel) -> str:
    value = params.get(key, "").strip()
    if not value:
        raise ConfigurationError(f"A {channel.value} account needs the parameter {key}=...")
    return value


def int_param(params: Mapping[str, str], key: str, default: int, low: int, high: int) -> int:
    raw = params.get(key, "").strip()
    try:
        value = int(raw) if raw else default
    except ValueError:
        raise ConfigurationError(f"The parameter {key} must be a whole number.") from None
    return min(max(value, low), high)


def flag_param(params: Mapping[str, str], key: str, default: bool) -> bool:
    raw = params.get(key, "").strip().lower()
    if not raw:
        return default
    return raw in ("1", "on", "yes", "true")
