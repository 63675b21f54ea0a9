"""The post -> comments -> DMs pass, with a scripted source (no network)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from desktop.core.model import Channel, InboundItem
from desktop.core.platforms.base import Page
from desktop.core.platforms.scan import (
    MAX_PAGES_PER_CONTAINER,
    Container,
    scan_fetch,
    within_horizon,
)

T0 = datetime(2026, 11, 28, 8, 0, tzinfo=UTC)


def _item(ident: str, minutes: int = 0) -> InboundItem:
    return InboundItem(
        channel=Channel.INSTAGRAM,
        thread_id=ident.split("/")[0],
        platform_id=ident,
        author_id="u",
        author_name="warga",
        text="Jalan rusak di depan pasar",
        platform_time=T0 + timedelta(minutes=minutes),
    )


@dataclass
class Script:
    containers: list[Container]
    pages: dict[str, list[tuple[list[str], str | None]]]  # after -> (ids, next) by position
    dms: list[tuple[list[str], str | None]] = field(default_factory=list)
    has_extra: bool = False
    channel: Channel = Channel.INSTAGRAM
    calls: list[tuple[str, str | None]] = field(default_factory=list)

    def list_page(self, after: str | None) -> tuple[Sequence[Container], str | None]:
        self.calls.append(("list", after))
        return self.containers, None

    def container_page(
        self, container_id: str, after: str | None
    ) -> tuple[Sequence[InboundItem], str | None]:
        self.calls.append((container_id, after))
        pages = self.pages[container_id]
        index = 0 if after is None else int(after.rsplit("-", 1)[-1])
        ids, nxt = pages[min(index, len(pages) - 1)]
        return [_item(f"{container_id}/{i}") for i in ids], nxt

    def extra_page(
        self, after: str | None, mark: datetime | None
    ) -> tuple[Sequence[InboundItem], str | None]:
        self.calls.append(("dms", after))
        index = 0 if after is None else int(after.rsplit("-", 1)[-1])
        ids, nxt = self.dms[index]
        return [_item(f"dm/{i}", minutes=30) for i in ids], nxt


def _run(source: Script, cursor: str | None, limit: int = 20) -> tuple[list[Page], str | None]:
    pages = []
    for _ in range(limit):
        page = scan_fetch(source, cursor)
        pages.append(page)
        cursor = page.cursor
        if page.done:
            return pages, cursor
    raise AssertionError("the pass never finished")


def test_a_pass_reads_changed_posts_page_by_page_then_dms() -> None:
    source = Script(
        containers=[Container("p1", "3"), Container("p2", "0", empty=True), Container("p3", None)],
        pages={"p1": [(["a", "b"], "c-1"), (["c"], None)], "p3": [(["z"], None)]},
        dms=[(["d1"], "d-1"), (["d2"], None)],
        has_extra=True,
    )
    pages, cursor = _run(source, None)
    got = [[i.platform_id for i in p.items] for p in pages]
    assert got == [["p1/a", "p1/b"], ["p1/c"], ["p3/z"], ["dm/d1"], ["dm/d2"]]
    assert [p.done for p in pages] == [False, False, False, False, True]
    assert ("p2", None) not in source.calls  # known empty: no request
    state = json.loads(cursor or "")
    assert state["fps"] == {"p1": "3", "p2": "0", "p3": ""}
    assert state["hw"] == "2026-11-28T08:30:00.000000Z"

    # Next pass: nothing changed but p3 (no fingerprint) is read again.
    source.calls.clear()
    pages, _ = _run(source, cursor)
    assert [c for c, _ in source.calls] == ["list", "p3", "dms", "dms"]
    assert pages[-1].done


def test_a_crash_mid_post_rereads_from_the_stored_cursor_and_skips_nothing() -> None:
    source = Script(
        containers=[Container("p1", "5")],
        pages={"p1": [(["a"], "c-1"), (["b"], "c-2"), (["c"], None)]},
    )
    first = scan_fetch(source, None)
    second = scan_fetch(source, first.cursor)  # stored, then the PC lost power
    again = scan_fetch(source, first.cursor)  # the store still had first.cursor
    assert [i.platform_id for i in second.items] == [i.platform_id for i in again.items]
    assert json.loads(second.cursor or "")["fps"] == {}  # p1 not marked done mid-scan
    third = scan_fetch(source, second.cursor)
    assert [i.platform_id for i in third.items] == ["p1/c"]
    assert third.done
    assert json.loads(third.cursor or "")["fps"] == {"p1": "5"}


def test_a_repeating_page_token_ends_the_post_instead_of_looping() -> None:
    source = Script(containers=[Container("p1", "9")], pages={"p1": [(["a"], "same-0")]})
    pages, _ = _run(source, None)
    assert len(pages) == 2
    assert pages[-1].done


def test_a_huge_post_is_capped_per_pass() -> None:
    endless: list[tuple[list[str], str | None]] = [
        ([str(n)], f"c-{n + 1}") for n in range(MAX_PAGES_PER_CONTAINER + 10)
    ]
    source = Script(containers=[Container("p1", "9999")], pages={"p1": endless})
    pages, _ = _run(source, None, limit=MAX_PAGES_PER_CONTAINER + 5)
    assert len(pages) == MAX_PAGES_PER_CONTAINER


def test_a_damaged_cursor_starts_a_fresh_pass() -> None:
    source = Script(containers=[Container("p1", "1")], pages={"p1": [(["a"], None)]})
    for damaged in ("{not json", '{"v": 99}', "[1,2]", '{"v":1,"stage":"items","todo":7}'):
        page = scan_fetch(source, damaged)
        assert [i.platform_id for i in page.items] == ["p1/a"]
        assert page.done


@dataclass
class PagedScript(Script):
    """A post list in pages: after token -> (posts, next token)."""

    listing: dict[str | None, tuple[list[Container], str | None]] = field(default_factory=dict)

    def list_page(self, after: str | None) -> tuple[Sequence[Container], str | None]:
        self.calls.append(("list", after))
        return self.listing[after]


def test_the_post_list_is_walked_page_by_page_and_a_repeated_post_is_scanned_once() -> None:
    p1, p2, p3 = Container("p1", "1"), Container("p2", "1"), Container("p3", "1")
    source = PagedScript(
        containers=[],
        pages={c.id: [(["a"], None)] for c in (p1, p2, p3)},
        listing={None: ([p1, p2], "l-1"), "l-1": ([p2, p3], None)},  # p2 again at the boundary
    )
    pages, cursor = _run(source, None)
    assert [i.platform_id for p in pages for i in p.items] == ["p1/a", "p2/a", "p3/a"]
    assert source.calls == [
        ("list", None),
        ("p1", None),
        ("p2", None),
        ("list", "l-1"),
        ("p3", None),
    ]
    assert json.loads(cursor or "")["fps"] == {"p1": "1", "p2": "1", "p3": "1"}
    source.calls.clear()
    _run(source, cursor)  # nothing changed: the list is read, no post is
    assert source.calls == [("list", None), ("list", "l-1")]


def test_a_round_budget_ends_the_round_and_the_next_round_resumes() -> None:
    posts = [Container(f"p{n}", "1") for n in range(12)]
    source = PagedScript(
        containers=[],
        pages={c.id: [(["a"], None)] for c in posts},
        listing={
            None if n == 0 else f"l-{n}": ([posts[n]], f"l-{n + 1}" if n < 11 else None)
            for n in range(12)
        },
    )
    rounds: list[list[str]] = []
    cursor: str | None = None
    for _ in range(20):
        got: list[str] = []
        for _ in range(50):  # the puller's pages per round
            page = scan_fetch(source, cursor, budget=5)
            got += [i.platform_id for i in page.items]
            cursor = page.cursor
            if page.done:
                break
        rounds.append(got)
        if json.loads(cursor or "").get("stage") == "list" and "lafter" not in json.loads(
            cursor or ""
        ):
            break
    assert len(rounds) > 1  # the pass took more than one round
    assert all(len(r) <= 3 for r in rounds)  # 5 requests: at most 3 posts' comments
    assert sorted(i for r in rounds for i in r) == sorted(f"{c.id}/a" for c in posts)


def test_the_horizon_ends_the_post_list_but_keeps_an_older_post_still_active() -> None:
    now = datetime.now(UTC)
    fresh = Container("new", "1", time=now - timedelta(days=2))
    stale = Container("old", "1", time=now - timedelta(days=40))
    busy = Container("busy", "1", time=now - timedelta(days=50), active=now - timedelta(hours=1))
    kept, token = within_horizon([fresh, stale, busy], "next", timedelta(days=30))
    assert [c.id for c in kept] == ["new", "busy"]
    assert token is None  # older posts follow: the list ends here
    kept, token = within_horizon([fresh], "next", timedelta(days=30))
    assert (kept, token) == ([fresh], "next")
