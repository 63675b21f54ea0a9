"""Paged queue ids: the plain reference order, along the right indexes."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import event

from desktop.core.model import OPEN_STATUSES, Channel, ReplyState, Status
from desktop.core.store import actions, queries, queue_pages
from desktop.core.store.database import Store
from desktop.core.store.queue_pages import QueueKey, id_page, queue_rows
from tests.support import NOW, reference_queue_ids

FILTERS = {
    "open": queries.QueueFilter(),
    "every status": queries.QueueFilter(statuses=frozenset(Status)),
    "new": queries.QueueFilter(statuses=frozenset({Status.NEW})),
    "resolved": queries.QueueFilter(statuses=frozenset({Status.RESOLVED})),
    "closed": queries.QueueFilter(statuses=frozenset({Status.RESOLVED, Status.DISMISSED})),
    "channel": queries.QueueFilter(channel=Channel.INSTAGRAM),
    "account": queries.QueueFilter(account_id=2),
    "overdue": queries.QueueFilter(overdue_at=NOW),
    "urgent": queries.QueueFilter(overdue_at=NOW + timedelta(hours=6)),
    "search": queries.QueueFilter(search="motor"),
    "search and channel": queries.QueueFilter(search="motor", channel=Channel.X),
    "nothing to search": queries.QueueFilter(search="  ?! "),
}


def _paged(store: Store, queue_filter: queries.QueueFilter, size: int) -> list[int]:
    ids: list[int] = []
    after: QueueKey | None = None
    with store.read() as conn:
        while True:
            page = id_page(conn, queue_filter, after, size)
            assert len(page.ids) <= size
            ids += page.ids
            if page.after is None:
                return ids
            after = page.after


@pytest.mark.both_dialects
@pytest.mark.parametrize("name", FILTERS)
@pytest.mark.parametrize("size", [1, 7, 1000])
def test_pages_follow_the_queue_order(sample_store: Store, name: str, size: int) -> None:
    queue_filter = FILTERS[name]
    with sample_store.read() as conn:
        expected = reference_queue_ids(conn, queue_filter)
        assert queue_pages.queue_count(conn, queue_filter) == len(expected)
    assert _paged(sample_store, queue_filter, size) == expected


@contextmanager
def _plans(store: Store) -> Iterator[list[str]]:
    """The query plan of every SELECT run inside the block, one string each."""
    plans: list[str] = []

    def explain(conn: Any, cursor: Any, statement: str, params: Any, *_: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT") and "complaint" in statement:
            raw = conn.connection.dbapi_connection.cursor()
            rows = raw.execute(f"EXPLAIN QUERY PLAN {statement}", params).fetchall()
            plans.append(" | ".join(str(row[-1]) for row in rows))

    event.listen(store.engine, "before_cursor_execute", explain)
    try:
        yield plans
    finally:
        event.remove(store.engine, "before_cursor_execute", explain)


@pytest.mark.parametrize("name", ["open", "new", "channel", "account", "overdue", "urgent"])
def test_first_page_is_read_along_an_index_without_sorting(sample_store: Store, name: str) -> None:
    with _plans(sample_store) as plans, sample_store.read() as conn:
        id_page(conn, FILTERS[name], None, 50)
    due_part = plans[0]
    assert "USING" in due_part, due_part
    assert "INDEX" in due_part, due_part
    assert "TEMP B-TREE" not in due_part, due_part


def test_closed_complaints_are_read_along_the_newest_message_index(sample_store: Store) -> None:
    with _plans(sample_store) as plans, sample_store.read() as conn:
        id_page(conn, FILTERS["closed"], None, 50)
    assert "ix_complaint_last_message" in plans[-1], plans
    assert "TEMP B-TREE" not in plans[-1], plans


@pytest.mark.both_dialects
def test_rows_carry_the_reply_state_the_officer_must_see_first(sample_store: Store) -> None:
    with sample_store.read() as conn:
        first, second = queue_pages.queue_ids(conn, queries.QueueFilter())[:2]
    actions.queue_reply(sample_store, first, "Sudah kami terima, kami tindak lanjuti.", "tester")
    with sample_store.read() as conn:
        rows = queue_rows(conn, [first, second, 999_999])
    assert rows[first].reply_state is ReplyState.QUEUED
    assert set(rows) == {first, second}
    assert rows[first].complaint.id == first


@pytest.mark.parametrize(
    ("few", "dense", "window"),
    [(0, 0.0, 5), (0, 0.0, 100_000), (0, 2.0, 100_000), (10_000, 2.0, 100_000)],
    ids=[
        "dense path, small windows",
        "dense path",
        "many-matches path",
        "few-matches path",
    ],
)
@pytest.mark.both_dialects
@pytest.mark.parametrize("word", ["motor", "pak", "tolong dibantu", "zzzz"])
def test_every_search_strategy_gives_the_reference_order(
    sample_store: Store,
    monkeypatch: pytest.MonkeyPatch,
    few: int,
    dense: float,
    window: int,
    word: str,
) -> None:
    from desktop.core.store import sqlite

    monkeypatch.setattr(sqlite, "FEW_MATCHES", few)
    monkeypatch.setattr(sqlite, "DENSE_SHARE", dense)
    monkeypatch.setattr(queue_pages, "MAX_WINDOW", window)
    for statuses in (frozenset(OPEN_STATUSES), frozenset(Status)):
        queue_filter = queries.QueueFilter(search=word, statuses=statuses)
        with sample_store.read() as conn:
            expected = reference_queue_ids(conn, queue_filter)
            assert queue_pages.queue_count(conn, queue_filter) == len(expected)
            capped = queue_pages.queue_count_capped(conn, queue_filter, cap=10)
            assert (capped.value, capped.more) == (min(10, len(expected)), len(expected) > 10)
        assert _paged(sample_store, queue_filter, 7) == expected


@contextmanager
def _statements(store: Store) -> Iterator[list[str]]:
    """Every statement run inside the block."""
    seen: list[str] = []

    def record(conn: Any, cursor: Any, statement: str, *_: Any) -> None:
        seen.append(" ".join(statement.split()))

    event.listen(store.engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(store.engine, "before_cursor_execute", record)


def test_a_small_window_of_a_common_word_is_looked_up_one_by_one(
    sample_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When the lookups pay, each candidate is looked up in the index and the list of
    every match is never read; the order stays the reference order."""
    from desktop.core.store import sqlite

    monkeypatch.setattr(sqlite, "FEW_MATCHES", 0)
    monkeypatch.setattr(sqlite, "DENSE_SHARE", 0.0)
    monkeypatch.setattr(sqlite, "LOOKUP_COST", 0)
    with _statements(sample_store) as seen:
        for statuses in (frozenset(OPEN_STATUSES), frozenset(Status)):
            queue_filter = queries.QueueFilter(search="pak", statuses=statuses)
            with sample_store.read() as conn:
                expected = reference_queue_ids(conn, queue_filter)
            assert _paged(sample_store, queue_filter, 7) == expected
    lookups = [s for s in seen if "EXISTS (SELECT complaint_search.rowid" in s]
    listings = [s for s in seen if "+complaint_search.rowid IN" in s]
    assert lookups, "\n".join(seen)
    assert not listings, listings


def test_lookups_pay_for_a_word_in_most_complaints_and_a_small_window() -> None:
    """Measured at a million complaints: a few hundred lookups cost less than reading a
    list of 700,000 matches, but not a list of 100,000 (``LOOKUP_COST``)."""
    from sqlalchemy import select

    from desktop.core.store.schema import ComplaintRow
    from desktop.core.store.sqlite import Search

    ids = select(ComplaintRow.id)
    common = Search(ids, False, '"pak"*', density=0.7, complaints=1_000_000)
    frequent = Search(ids, False, '"motor"*', density=0.1, complaints=1_000_000)
    assert common.lookups_pay(500)
    assert common.lookups_pay(2500)  # a capped count's window
    assert not common.lookups_pay(5000)
    assert not frequent.lookups_pay(1000)
