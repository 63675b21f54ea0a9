"""A pass over an account's recent posts, their comments, then its DMs.

Used where a platform has no single inbound feed (Instagram media, Facebook
posts, TikTok videos). One pass:

1. **list**: the newest posts ("containers") with a fingerprint that changes
   when comments change (comment count, update time); posts whose
   fingerprint differs from the last completed scan become the to-do list
   (no fingerprint: always scanned);
2. **items**: every comment page of each to-do post, one page per step; the
   post's fingerprint is recorded only after its last page, so a crash
   rescans it rather than skipping it;
3. **extra** (optional): direct messages, newest conversations first, until
   conversations are older than the high-water mark of earlier passes.

The cursor carries the stage, the to-do ids with their fingerprints, the
page token, fingerprints of finished posts, and the DM high-water mark. A
page token seen before within the same post (or DM listing) ends it.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from desktop.core.model import Channel, InboundItem
from desktop.core.platforms.base import (
    CursorState,
    Page,
    dump_cursor,
    later,
    load_cursor,
    max_mark,
    newest,
    remember,
    seen_before,
)

log = logging.getLogger(__name__)

MAX_PAGES_PER_CONTAINER = 40  # a huge post is scanned up to this many comment pages
_MAX_CALLS_PER_FETCH = 4  # steps without items are chained, up to this many requests


@dataclass(frozen=True, slots=True)
class Container:
    id: str
    fingerprint: str | None  # None: cannot tell whether comments changed
    empty: bool = False  # known to have no comments: recorded without a request


class ScanSource(Protocol):
    channel: Channel
    has_extra: bool

    def list_containers(self) -> Sequence[Container]: ...

    def container_page(
        self, container_id: str, after: str | None
    ) -> tuple[Sequence[InboundItem], str | None]: ...

    def extra_page(
        self, after: str | None, mark: datetime | None
    ) -> tuple[Sequence[InboundItem], str | None]: ...


def scan_fetch(source: ScanSource, cursor: str | None) -> Page:
    state = load_cursor(cursor, source.channel)
    items: list[InboundItem] = []
    done = False
    for _ in range(_MAX_CALLS_PER_FETCH):
        state, found, done = _step(source, state)
        items.extend(found)
        if items or done:
            break
    return Page(tuple(items), dump_cursor(state), done)


def _step(source: ScanSource, st: CursorState) -> tuple[CursorState, Sequence[InboundItem], bool]:
    stage = st.text("stage")
    if stage == "items" and st.strings("todo"):
        return _items_step(source, st)
    if stage == "extra" and source.has_extra:
        return _extra_step(source, st)
    return _list_step(source, st)


def _list_step(
    source: ScanSource, st: CursorState
) -> tuple[CursorState, Sequence[InboundItem], bool]:
    containers = source.list_containers()
    listed = {c.id for c in containers}
    known = {k: v for k, v in st.mapping("fps").items() if k in listed}
    known.update({c.id: c.fingerprint for c in containers if c.empty and c.fingerprint})
    todo = [c for c in containers if not c.fingerprint or known.get(c.id) != c.fingerprint]
    pending = {c.id: c.fingerprint or "" for c in todo}
    base = CursorState(fps=known, hw=st.text("hw"), new_hw=st.text("new_hw"))
    if todo:
        return _with(base, stage="items", todo=[c.id for c in todo], pending=pending), (), False
    return _after_items(source, base)


def _items_step(
    source: ScanSource, st: CursorState
) -> tuple[CursorState, Sequence[InboundItem], bool]:
    todo, after, seen = st.strings("todo"), st.text("after"), st.strings("seen")
    current = todo[0]
    items, token = source.container_page(current, after)
    pages = (st.number("pages") or 0) + 1
    if token and seen_before(seen, token):
        log.warning("%s: a page token repeated; ending this post's scan", source.channel.value)
    elif token and pages < MAX_PAGES_PER_CONTAINER:
        return _with(st, after=token, seen=remember(seen, token), pages=pages), items, False
    fps = st.mapping("fps")
    pending = st.mapping("pending")
    fps[current] = pending.pop(current, "")
    rest = CursorState(
        st, fps=fps, pending=pending, todo=todo[1:], after=None, seen=None, pages=None
    )
    if todo[1:]:
        return rest, items, False
    state, _, done = _after_items(source, rest)
    return state, items, done


def _after_items(
    source: ScanSource, st: CursorState
) -> tuple[CursorState, Sequence[InboundItem], bool]:
    if source.has_extra:
        return _with(st, stage="extra", todo=None, pending=None), (), False
    return _finish(st), (), True


def _extra_step(
    source: ScanSource, st: CursorState
) -> tuple[CursorState, Sequence[InboundItem], bool]:
    after, seen = st.text("after"), st.strings("seen")
    items, token = source.extra_page(after, st.time("hw"))
    st = _with(st, new_hw=later(st.text("new_hw"), *newest(items)))
    if token and not seen_before(seen, token):
        return _with(st, after=token, seen=remember(seen, token)), items, False
    if token:
        log.warning("%s: a page token repeated; ending this pass", source.channel.value)
    return _finish(st), items, True


def _finish(st: CursorState) -> CursorState:
    hw = max_mark(st.text("hw"), st.text("new_hw"))
    return CursorState(stage="list", fps=st.mapping("fps"), hw=hw)


def _with(st: CursorState, **changes: object) -> CursorState:
    merged = CursorState(st)
    merged.update(changes)
    return CursorState({k: v for k, v in merged.items() if v is not None})
