"""A pass over an account's posts back to a horizon, their comments, then its DMs.

Used where a platform has no single inbound feed (Instagram media, Facebook
posts, TikTok videos). One pass:

1. **list**: one page of posts ("containers"), newest first, each with a
   fingerprint that changes when its comments change (comment count, update
   time); posts whose fingerprint differs from the last completed scan
   become the to-do list (no fingerprint: always scanned). The source ends
   the listing at its horizon (e.g. posts older than 30 days) or its end;
2. **items**: every comment page of each to-do post, one page per step; the
   post's fingerprint is recorded only after its last page, so a crash
   rescans it rather than skipping it; then the next page of posts (1.);
3. **extra** (optional): direct messages, newest conversations first, until
   conversations are older than the high-water mark of earlier passes.

The cursor carries the stage, the listing's page token, the to-do ids with
their fingerprints, the comment page token, fingerprints of posts finished
in this pass (``fps``) and in the last one (``prev``), and the DM high-water
mark. A page token seen before within the same listing ends it; a post seen
again at a page boundary is not scanned twice. A pass spends at most
``budget`` requests per sync round: then the page says ``done`` and the
next round resumes from the cursor, so a large account never stalls a sync.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
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
    unique,
)

log = logging.getLogger(__name__)

MAX_PAGES_PER_CONTAINER = 40  # a huge post is scanned up to this many comment pages
ROUND_BUDGET = 120  # requests per sync round; the pass resumes in the next round
_MAX_CALLS_PER_FETCH = 4  # steps without items are chained, up to this many requests


HORIZON = timedelta(days=30)  # default: posts of the last 30 days are scanned


@dataclass(frozen=True, slots=True)
class Container:
    id: str
    fingerprint: str | None  # None: cannot tell whether comments changed
    empty: bool = False  # known to have no comments: recorded without a request
    time: datetime | None = None  # when it was posted
    active: datetime | None = None  # when the platform last saw activity on it, if it says


def within_horizon(
    containers: Sequence[Container], token: str | None, horizon: timedelta
) -> tuple[list[Container], str | None]:
    """A page of posts (newest first) cut at the horizon; no next page once it is reached.

    An older post the platform shows as recently active is kept.
    """
    start = datetime.now(UTC) - horizon
    kept = [c for c in containers if (_latest(c) or start) >= start]
    reached = any(c.time is not None and c.time < start for c in containers)
    return kept, None if reached else token


def _latest(container: Container) -> datetime | None:
    return max((t for t in (container.time, container.active) if t), default=None)


class ScanSource(Protocol):
    channel: Channel
    has_extra: bool

    def list_page(self, after: str | None) -> tuple[Sequence[Container], str | None]:
        """One page of posts, newest first, and the token of the next (None at the horizon)."""
        ...

    def container_page(
        self, container_id: str, after: str | None
    ) -> tuple[Sequence[InboundItem], str | None]: ...

    def extra_page(
        self, after: str | None, mark: datetime | None
    ) -> tuple[Sequence[InboundItem], str | None]: ...


def scan_fetch(source: ScanSource, cursor: str | None, budget: int = ROUND_BUDGET) -> Page:
    state = load_cursor(cursor, source.channel)
    items: list[InboundItem] = []
    done = False
    for _ in range(_MAX_CALLS_PER_FETCH):
        state, found, done = _step(source, state)
        items.extend(found)
        spent = (state.number("spent") or 0) + 1
        if done or spent >= budget:
            state = _with(state, spent=None)
            done = True  # this round's share is used: the next round goes on from here
            break
        state = _with(state, spent=spent)
        if items:
            break
    return Page(unique(items), dump_cursor(state), done)


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
    after = st.text("lafter")
    if after is None:  # a new pass: last pass's fingerprints become the reference
        st = _with(st, prev=st.mapping("fps"), fps={}, lseen=None)
    containers, token = source.list_page(after)
    prev, fps = st.mapping("prev"), st.mapping("fps")
    todo: list[str] = []
    pending: dict[str, str] = {}
    for c in containers:
        if c.id in fps or c.id in pending:  # repeated at a page boundary, or already done
            continue
        if c.fingerprint and (c.empty or prev.get(c.id) == c.fingerprint):
            fps[c.id] = c.fingerprint
            continue
        todo.append(c.id)
        pending[c.id] = c.fingerprint or ""
    lseen = st.strings("lseen")
    if token and seen_before(lseen, token):
        log.warning("%s: a page token of the post list repeated; ending it", source.channel.value)
        token = None
    base = _with(st, fps=fps, lafter=token, lseen=remember(lseen, token) if token else lseen)
    if todo:
        return _with(base, stage="items", todo=todo, pending=pending), (), False
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
    if st.text("lafter"):  # more posts to list before this pass's comments are done
        return _with(st, stage="list", todo=None, pending=None), (), False
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
