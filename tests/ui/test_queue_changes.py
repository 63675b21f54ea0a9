"""The queue model as complaints change: their rows re-read, and they are placed in the
order read so far, in as few signals as can be."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, QPersistentModelIndex
from pytestqt.qtbot import QtBot

from desktop.core.deadlines import UnitSettings
from desktop.core.desk import Desk
from desktop.core.desk import queue as desk_queue
from desktop.core.model import Status
from desktop.core.store import actions, queries
from desktop.core.store.database import Store
from desktop.core.store.ingest import ingest
from desktop.ui import placing as lane_placing
from desktop.ui.id_diff import shuffle
from desktop.ui.queue_model import QueueModel
from desktop.ui.tasks import TaskRunner
from tests.support import ItemFactory
from tests.ui.queue_support import all_ids, complaint_of, every_id_read, load_rows


def test_changed_complaint_is_reread_and_moves(
    qtbot: QtBot, loaded_model: QueueModel, sample_store: Store
) -> None:
    load_rows(qtbot, loaded_model)
    first = loaded_model.complaint_id(0)
    assert first is not None
    actions.change_status(sample_store, first, Status.DISMISSED, "tester")
    with qtbot.waitSignal(loaded_model.rowsRemoved, timeout=5000):
        loaded_model.complaints_changed([first])
    assert loaded_model.row_of(first) is None
    assert [loaded_model.complaint_id(r) for r in range(loaded_model.rowCount())] == all_ids(
        sample_store, queries.QueueFilter()
    )


def test_changes_are_placed_without_reading_the_order_again(
    qtbot: QtBot,
    new_model: Callable[[], QueueModel],
    desk: Desk,
    sample_store: Store,
    tasks: TaskRunner,
    make_item: ItemFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Moves, arrivals and departures anywhere in the order, the selection kept: the
    result is the reference order, and the order read so far is never read again."""
    monkeypatch.setattr(desk_queue, "PAGE", 25)
    model = every_id_read(qtbot, new_model(), tasks)
    reread: list[int] = []
    monkeypatch.setattr(type(desk.queue), "pages_until", lambda *a: reread.append(1))
    resets: list[bool] = []
    model.modelAboutToBeReset.connect(lambda: resets.append(True))
    ids = [model.complaint_id(row) for row in range(model.rowCount())]
    deep, middle, top = ids[-3], ids[len(ids) // 2], ids[0]
    # The deepest-but-two hears from its citizen again, the most urgent is answered on
    # the platform (it moves down), one in the middle is dismissed (it leaves), and two
    # new complaints arrive (one very late).
    deep_detail = complaint_of(sample_store, deep)
    follow_up = make_item(7000, thread=deep_detail.thread_id, hours_ago=20)
    follow_up = replace(follow_up, channel=deep_detail.channel)
    ingest(sample_store, deep_detail.account_id, [follow_up], cursor=None)
    actions.change_status(sample_store, middle, Status.DISMISSED, "tester")
    top_detail = complaint_of(sample_store, top)
    answer = make_item(7003, thread=top_detail.thread_id, hours_ago=0.2, outbound=True)
    answer = replace(answer, channel=top_detail.channel)
    ingest(sample_store, top_detail.account_id, [answer], cursor=None)  # answered: moves down
    account = top_detail.account_id
    arrived = ingest(
        sample_store,
        account,
        [make_item(7001, hours_ago=30), make_item(7002, hours_ago=0.1)],
        cursor=None,
    )
    changed = {deep, middle, top, *arrived.changed_complaints}
    before = len(ids)
    # What a selection holds: indexes that must follow their complaint when it moves.
    held = {ids[row]: QPersistentModelIndex(model.index(row, 1)) for row in range(len(ids))}
    model.complaints_changed(changed)
    expected = all_ids(sample_store, queries.QueueFilter())
    qtbot.waitUntil(
        lambda: [model.complaint_id(r) for r in range(model.rowCount())] == expected,
        timeout=5_000,
    )
    assert expected.index(top) > 2  # the answered one really moved
    assert model.rowCount() == before + 1  # two arrived, one dismissed
    assert reread == []
    assert resets == []
    assert not held[middle].isValid()  # dismissed: gone from the open queue
    followed = {
        cid: model.complaint_id(index.row()) for cid, index in held.items() if cid != middle
    }
    assert followed == {cid: cid for cid in followed}


def test_the_officers_work_goes_between_the_steps_of_a_placement(
    qtbot: QtBot,
    new_model: Callable[[], QueueModel],
    desk: Desk,
    sample_store: Store,
    tasks: TaskRunner,
    make_item: ItemFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A placement of many changes is a chain of lane jobs: a page the officer asks for
    meanwhile runs before the placement's last step, not after all of it."""
    model = every_id_read(qtbot, new_model(), tasks)
    ran: list[str] = []
    real_step = type(desk.queue).place_step

    def step(self: desk_queue.Queue, placing: desk_queue.Placing) -> object:
        ran.append("step")
        time.sleep(0.02)  # a step at 1M takes about 100 ms
        return real_step(self, placing)

    monkeypatch.setattr(type(desk.queue), "place_step", step)
    ids = [model.complaint_id(row) for row in range(model.rowCount())]
    arrived = ingest(
        sample_store,
        complaint_of(sample_store, ids[0]).account_id,
        [make_item(7100 + n, hours_ago=n) for n in range(20)],
        cursor=None,
    )
    model.complaints_changed(arrived.changed_complaints)
    qtbot.waitUntil(lambda: "step" in ran, timeout=5_000)
    tasks.db(lambda: ran.append("officer"))
    expected = all_ids(sample_store, queries.QueueFilter())
    qtbot.waitUntil(
        lambda: [model.complaint_id(r) for r in range(model.rowCount())] == expected,
        timeout=5_000,
    )
    assert ran.count("step") > 3
    assert "step" in ran[ran.index("officer") :]  # steps were still to come


def test_a_placement_is_worked_out_on_the_lane(
    qtbot: QtBot,
    new_model: Callable[[], QueueModel],
    sample_store: Store,
    tasks: TaskRunner,
    make_item: ItemFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The new order of the ids read (one pass over them: 20 ms at 800k) is worked out
    on the database lane; the GUI thread only applies it."""
    model = every_id_read(qtbot, new_model(), tasks)
    on_gui_thread: list[bool] = []

    def spied(*args: Any) -> Any:
        on_gui_thread.append(threading.current_thread() is threading.main_thread())
        return shuffle(*args)

    monkeypatch.setattr(lane_placing, "shuffle", spied)
    account = complaint_of(sample_store, model.complaint_id(0) or 0).account_id
    items = [make_item(8100 + n, hours_ago=1 + 5 * n) for n in range(6)]
    model.complaints_changed(ingest(sample_store, account, items, cursor=None).changed_complaints)
    expected = all_ids(sample_store, queries.QueueFilter())
    qtbot.waitUntil(
        lambda: [model.complaint_id(r) for r in range(model.rowCount())] == expected,
        timeout=5_000,
    )
    assert on_gui_thread == [False]


def test_a_stream_of_changes_is_placed_as_it_comes_one_placement_at_a_time(
    qtbot: QtBot,
    new_model: Callable[[], QueueModel],
    desk: Desk,
    sample_store: Store,
    tasks: TaskRunner,
    make_item: ItemFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A long sync tells the window of a page every few tenths of a second: a new
    complaint shows in the order while the notifications go on, not once they stop,
    and a placement starts only when the one before it has ended."""
    model = every_id_read(qtbot, new_model(), tasks)
    steps: list[int] = []
    real_step = type(desk.queue).place_step

    def slow_step(self: desk_queue.Queue, placing: desk_queue.Placing) -> object:
        steps.append(id(placing))
        time.sleep(0.1)  # a placement longer than the delay before the next one
        return real_step(self, placing)

    monkeypatch.setattr(type(desk.queue), "place_step", slow_step)
    account = complaint_of(sample_store, model.complaint_id(0) or 0).account_id
    pages = [
        [make_item(8200 + 2 * n + k, hours_ago=1 + 3 * n + k) for k in (0, 1)] for n in range(15)
    ]
    first = ingest(sample_store, account, pages[0], cursor=None).changed_complaints
    model.complaints_changed(first)
    shown_while_notified = False
    for page in pages[1:]:  # a page stored and notified every 150 ms, for 2 s
        qtbot.wait(150)
        model.complaints_changed(
            ingest(sample_store, account, page, cursor=None).changed_complaints
        )
        shown_while_notified |= all(model.row_of(cid) is not None for cid in first)
    expected = all_ids(sample_store, queries.QueueFilter())
    qtbot.waitUntil(
        lambda: [model.complaint_id(r) for r in range(model.rowCount())] == expected,
        timeout=10_000,
    )
    assert shown_while_notified
    placements = [placing for n, placing in enumerate(steps) if n == 0 or steps[n - 1] != placing]
    assert len(placements) > 1
    assert len(set(placements)) == len(placements)  # each one's steps ran together


def test_a_change_signals_only_the_changed_rows(
    qtbot: QtBot,
    desk: Desk,
    tasks: TaskRunner,
    unit: UnitSettings,
    clock: Callable[[], datetime],
    new_model: Callable[[], QueueModel],
) -> None:
    """Two complaints far apart change: each row is signalled, not the span between them
    (a view repaints every row of a span on screen; deep in the queue, a whole screen
    repainted for a change nobody sees)."""
    model = new_model()
    with qtbot.waitSignal(model.loaded):
        model.set_filter(queries.QueueFilter())
    load_rows(qtbot, model)
    top, deep = 1, model.rowCount() - 2
    assert deep - top > 10
    changed = [model.complaint_id(top), model.complaint_id(deep)]
    spans: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda first, last, *_: spans.append((first.row(), last.row())))
    model.complaints_changed([cid for cid in changed if cid is not None])
    qtbot.waitUntil(lambda: bool(spans) and not tasks.busy)
    signalled = {row for first, last in spans for row in range(first, last + 1)}
    assert signalled == {top, deep}


def test_each_notification_rereads_only_the_rows_it_names(
    qtbot: QtBot,
    new_model: Callable[[], QueueModel],
    desk: Desk,
    tasks: TaskRunner,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A long sync tells the window of a page at a time, before the order is placed:
    each page's rows are read once, not again with every later page."""
    model = new_model()
    with qtbot.waitSignal(model.loaded):
        model.set_filter(queries.QueueFilter())
    load_rows(qtbot, model)
    asked: list[set[int]] = []
    real_changed_rows = type(desk.queue).changed_rows

    def changed_rows(self: desk_queue.Queue, ids: Any, loaded: Any) -> Any:
        asked.append(set(ids))
        return real_changed_rows(self, ids, loaded)

    monkeypatch.setattr(type(desk.queue), "changed_rows", changed_rows)
    first, second = {model.complaint_id(1) or 0}, {model.complaint_id(3) or 0}
    model.complaints_changed(first)
    model.complaints_changed(second)  # before the first is placed
    qtbot.waitUntil(lambda: len(asked) == 2 and not tasks.busy)
    assert asked == [first, second]


def test_many_changes_take_three_signals_whatever_their_number(
    qtbot: QtBot,
    new_model: Callable[[], QueueModel],
    sample_store: Store,
    tasks: TaskRunner,
    make_item: ItemFactory,
) -> None:
    """New complaints spread over the order and departures from it go in as one block
    each and one layout change of the rows (row by row, Qt's work for each signal grows
    with the rows loaded: a thousand arrivals held the window 100 ms at 800k). The
    result is the reference order."""
    model = every_id_read(qtbot, new_model(), tasks)
    before = model.rowCount()
    account = complaint_of(sample_store, model.complaint_id(0) or 0).account_id
    items = [make_item(8000 + n, hours_ago=1 + 7 * n) for n in range(8)]
    arrived = ingest(sample_store, account, items, cursor=None).changed_complaints
    leaving = [model.complaint_id(row) or 0 for row in (1, 5, 9)]
    for cid in leaving:
        actions.change_status(sample_store, cid, Status.DISMISSED, "tester")
    signals: list[str] = []
    model.rowsInserted.connect(lambda *_: signals.append("inserted"))
    model.rowsRemoved.connect(lambda *_: signals.append("removed"))
    model.layoutChanged.connect(lambda *_: signals.append("layout"))
    hints: list[QAbstractItemModel.LayoutChangeHint] = []
    layout_changed = model.layoutChanged[  # type: ignore[index]
        "QList<QPersistentModelIndex>", "QAbstractItemModel::LayoutChangeHint"
    ]
    layout_changed.connect(lambda _parents, hint: hints.append(hint))
    model.complaints_changed({*arrived, *leaving})
    expected = all_ids(sample_store, queries.QueueFilter())
    qtbot.waitUntil(
        lambda: [model.complaint_id(r) for r in range(model.rowCount())] == expected,
        timeout=5_000,
    )
    rows = sorted(expected.index(cid) for cid in arrived)
    assert len(arrived) == 8
    assert rows[-1] - rows[0] > 8  # spread over the order: row by row, 8 signals
    assert signals == ["inserted", "layout", "removed"]
    # rows only moved: the column header skips its own bookkeeping and its repaint
    assert hints == [QAbstractItemModel.LayoutChangeHint.VerticalSortHint]
    assert model.rowCount() == before + 8 - 3
