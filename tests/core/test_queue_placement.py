"""Placing changed complaints among the ids the window has read, as a sync changes many.

The placement must give the order a fresh read gives, and its key reads must grow
with the depth of the bisection, not with the number of changed complaints times it.
"""

from __future__ import annotations

import math
import random
from array import array
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import event

from desktop.core.desk import queue
from desktop.core.desk.queue import Placement, Placing, Queue
from desktop.core.model import Channel, Status
from desktop.core.store import actions, queries, queue_pages
from desktop.core.store.database import Store
from desktop.core.store.ingest import ingest
from tests.support import NOW, ItemFactory

OPEN = queries.QueueFilter()
ONE_READ_A_STEP = queue.PROBE_CHUNK


def _order(store: Store) -> list[int]:
    with store.read() as conn:
        return queue_pages.queue_ids(conn, OPEN)


def _applied(loaded: list[int], placement: Placement) -> list[int]:
    """``loaded`` with the placement's removals and arrivals (indexes of ``loaded``)."""
    gone = set(placement.gone)
    order: list[int] = []
    for index, cid in enumerate(loaded):
        order += [arriving for at, arriving in placement.arrive if at == index]
        if index not in gone:
            order.append(cid)
    return order + [arriving for at, arriving in placement.arrive if at == len(loaded)]


def _a_sync_round(store: Store, make_item: ItemFactory, loaded: list[int]) -> set[int]:
    """Follow-ups from citizens, answers on the platform, dismissals and new complaints
    all over the order, as one round of a busy sync brings: the complaints it changed."""
    rng = random.Random(7)
    changed: set[int] = set()
    x_account = None
    for n, cid in enumerate(rng.sample(loaded, len(loaded) // 2)):
        with store.read() as conn:
            complaint = queries.complaint_detail(conn, cid).complaint
        if complaint.channel is Channel.X:
            x_account = complaint.account_id
        kind = n % 4
        if kind == 3:
            actions.change_status(store, cid, Status.DISMISSED, "tester")
            changed.add(cid)
            continue
        item = make_item(
            8000 + n,
            thread=complaint.thread_id,
            hours_ago=rng.uniform(0.1, 60),
            outbound=kind == 2,  # answered on the platform: it moves down
            channel=complaint.channel,
        )
        changed |= ingest(store, complaint.account_id, [item], cursor=None).changed_complaints
    assert x_account is not None
    arriving = [make_item(9000 + n, hours_ago=rng.uniform(0.1, 80)) for n in range(15)]
    changed |= ingest(store, x_account, arriving, cursor=None).changed_complaints
    return changed


@contextmanager
def _statements(store: Store) -> Iterator[list[tuple[str, Any]]]:
    """The SELECT statements run meanwhile, with their parameters."""
    seen: list[tuple[str, Any]] = []

    def record(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_args: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append((statement, parameters))

    event.listen(store.engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(store.engine, "before_cursor_execute", record)


@pytest.mark.parametrize("chunk", [ONE_READ_A_STEP, 3])
def test_many_changes_are_placed_where_a_fresh_read_puts_them(
    sample_store: Store, make_item: ItemFactory, chunk: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(queue, "PROBE_CHUNK", chunk)
    loaded = _order(sample_store)
    changed = _a_sync_round(sample_store, make_item, loaded)
    desk_queue = Queue(sample_store)
    placing = Placing(OPEN, changed, array("q", loaded), False)
    steps = 0
    with _statements(sample_store) as statements:
        while (placement := desk_queue.place_step(placing)) is None:
            steps += 1
    assert _applied(loaded, placement) == _order(sample_store)
    assert len(changed) > 40
    assert steps > 3  # jobs of their own on the lane: the officer's work goes between
    if chunk == ONE_READ_A_STEP:
        # One read of the changed keys, then one read a bisection step: about log2 of
        # the ids read (one by one, this was a read for each probe of each changed id).
        assert len(statements) <= 1 + math.ceil(math.log2(len(loaded) + 1)) + 1


def test_the_changed_keys_are_looked_up_by_id_not_by_the_filters_index(
    sample_store: Store,
) -> None:
    """Without statistics, SQLite would walk the status index (every open complaint) to
    check a few hundred ids: 160 ms for 900 ids at 1M, against 6 ms by id."""
    ids = _order(sample_store)[:30]
    filters = [
        OPEN,
        queries.QueueFilter(channel=Channel.X, overdue_at=NOW),
        queries.QueueFilter(account_id=1, statuses=frozenset({Status.NEW})),
    ]
    for queue_filter in filters:
        with sample_store.read() as conn, _statements(sample_store) as statements:
            queue_pages.matching_keys(conn, queue_filter, ids)
        ((statement, parameters),) = statements
        with sample_store.read() as conn:
            plan = " ".join(
                str(row[-1])
                for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)
            )
        assert "USING INTEGER PRIMARY KEY" in plan, plan
