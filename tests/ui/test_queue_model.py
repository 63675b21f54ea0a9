"""The queue model over a real encrypted store: order, filters, search, windows, ticks."""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop.core.deadlines import UnitSettings, Urgency
from desktop.core.desk import Desk
from desktop.core.desk import queue as desk_queue
from desktop.core.model import Channel, Complaint, Status
from desktop.core.store import actions, queries, queue_pages
from desktop.core.store.database import Store
from desktop.core.store.ingest import ingest
from desktop.ui import queue_model
from desktop.ui.id_diff import shuffle
from desktop.ui.queue_columns import Column, Role
from desktop.ui.queue_model import QueueModel
from desktop.ui.tasks import TaskRunner
from tests.support import NOW, ItemFactory


def _all_ids(store: Store, queue_filter: queries.QueueFilter) -> list[int]:
    with store.read() as conn:
        return queue_pages.queue_ids(conn, queue_filter)


def _every_id_read(qtbot: QtBot, model: QueueModel, tasks: TaskRunner) -> QueueModel:
    """``model`` showing the open queue, every page of ids read."""
    with qtbot.waitSignal(model.loaded):
        model.set_filter(queries.QueueFilter())
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
        qtbot.waitUntil(lambda: not tasks.busy)
    return model


def _load_rows(qtbot: QtBot, model: QueueModel) -> None:
    """Ask for every row's data and wait until the windows arrived."""
    for row in range(model.rowCount()):
        model.index(row, Column.AUTHOR).data()
    qtbot.waitUntil(lambda: all(model.cached_row(r) for r in range(model.rowCount())))


def test_model_passes_the_model_tester(
    loaded_model: QueueModel, qtmodeltester: ModelTester
) -> None:
    qtmodeltester.check(loaded_model, force_py=True)


def test_rows_come_in_urgency_order(
    qtbot: QtBot, loaded_model: QueueModel, sample_store: Store
) -> None:
    expected = _all_ids(sample_store, queries.QueueFilter())
    shown = [loaded_model.complaint_id(r) for r in range(loaded_model.rowCount())]
    assert shown == expected
    assert len(expected) > 20
    qtbot.waitUntil(lambda: loaded_model.total == len(expected))  # counted after the rows


def test_filter_and_search_combine(
    qtbot: QtBot, loaded_model: QueueModel, sample_store: Store
) -> None:
    wanted = queries.QueueFilter(channel=Channel.INSTAGRAM, search="motor")
    with qtbot.waitSignal(loaded_model.loaded):
        loaded_model.set_filter(wanted)
    shown = [loaded_model.complaint_id(r) for r in range(loaded_model.rowCount())]
    assert shown == _all_ids(sample_store, wanted)
    _load_rows(qtbot, loaded_model)
    for row in range(loaded_model.rowCount()):
        assert loaded_model.index(row, Column.CHANNEL).data(Role.CHANNEL) == "instagram"


def test_countdown_cells_say_the_urgency_in_words(
    qtbot: QtBot,
    loaded_model: QueueModel,
    sample_store: Store,
    account_id: int,
    make_item: ItemFactory,
) -> None:
    # The sample is a calm morning; one complaint four days unanswered is past the horizon.
    ingest(sample_store, account_id, [make_item(1, hours_ago=96)], cursor=None)
    with qtbot.waitSignal(loaded_model.loaded):
        loaded_model.set_filter(loaded_model.queue_filter)
    _load_rows(qtbot, loaded_model)
    texts = {
        Urgency(loaded_model.index(r, Column.COUNTDOWN).data(Role.URGENCY)): loaded_model.index(
            r, Column.COUNTDOWN
        ).data()
        for r in range(loaded_model.rowCount())
    }
    assert texts[Urgency.VIRAL] == "VIRAL RISK"
    assert texts[Urgency.OVERDUE].endswith("overdue")
    assert texts[Urgency.ON_TIME].endswith("left")


def test_tick_repaints_only_visible_countdowns_that_changed(
    qtbot: QtBot, desk: Desk, tasks: TaskRunner, unit: UnitSettings
) -> None:
    now = [NOW]
    model = QueueModel(desk.queue, tasks, unit, lambda: now[0])
    with qtbot.waitSignal(model.loaded):
        model.set_filter(queries.QueueFilter())
    _load_rows(qtbot, model)
    for row in range(model.rowCount()):  # what the countdown delegate asks when it paints
        model.index(row, Column.COUNTDOWN).data(Role.PILL)
    ranges: list[tuple[int, int, int, int]] = []

    def record(top: QModelIndex, bottom: QModelIndex, _roles: object) -> None:
        ranges.append((top.row(), bottom.row(), top.column(), bottom.column()))

    model.dataChanged.connect(record)
    urgencies = [
        model.index(r, Column.COUNTDOWN).data(Role.URGENCY) for r in range(model.rowCount())
    ]
    first = urgencies.index(Urgency.ON_TIME)  # "sisa …" texts move with the clock
    last = first + 9
    model.refresh_countdowns(first, last)
    assert ranges == []  # the same minute: nothing to repaint
    now[0] = NOW + timedelta(minutes=90)
    model.refresh_countdowns(first, last)
    assert ranges
    for top, bottom, left, right in ranges:
        assert first <= top <= bottom <= last
        assert left == right == Column.COUNTDOWN


def test_changed_complaint_is_reread_and_moves(
    qtbot: QtBot, loaded_model: QueueModel, sample_store: Store
) -> None:
    _load_rows(qtbot, loaded_model)
    first = loaded_model.complaint_id(0)
    assert first is not None
    actions.change_status(sample_store, first, Status.DISMISSED, "tester")
    with qtbot.waitSignal(loaded_model.rowsRemoved, timeout=5000):
        loaded_model.complaints_changed([first])
    assert loaded_model.row_of(first) is None
    assert [loaded_model.complaint_id(r) for r in range(loaded_model.rowCount())] == _all_ids(
        sample_store, queries.QueueFilter()
    )


def test_queued_reply_shows_in_the_reply_column(
    qtbot: QtBot, loaded_model: QueueModel, sample_store: Store
) -> None:
    _load_rows(qtbot, loaded_model)
    complaint = loaded_model.complaint_id(3)
    assert complaint is not None
    actions.queue_reply(sample_store, complaint, "Sudah kami respons.", "tester")
    loaded_model.complaints_changed([complaint])
    qtbot.waitUntil(
        lambda: (
            loaded_model.index(loaded_model.row_of(complaint) or 0, Column.REPLY).data(
                Role.REPLY_STATE
            )
            == "queued"
        )
    )
    row = loaded_model.row_of(complaint)
    assert row is not None
    assert loaded_model.index(row, Column.REPLY).data() == "queued"


def test_ids_are_read_page_by_page(
    qtbot: QtBot,
    sample_store: Store,
    desk: Desk,
    tasks: TaskRunner,
    unit: UnitSettings,
    clock: Callable[[], datetime],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(desk_queue, "PAGE", 30)
    model = QueueModel(desk.queue, tasks, unit, clock)
    with qtbot.waitSignal(model.loaded):
        model.set_filter(queries.QueueFilter())
    assert model.rowCount() == 30
    assert model.canFetchMore(QModelIndex())
    while model.canFetchMore(QModelIndex()):
        with qtbot.waitSignal(model.rowsInserted):
            model.fetchMore(QModelIndex())
    ids = [model.complaint_id(r) for r in range(model.rowCount())]
    assert ids == _all_ids(sample_store, queries.QueueFilter())


def test_received_time_is_in_the_unit_zone(qtbot: QtBot, loaded_model: QueueModel) -> None:
    _load_rows(qtbot, loaded_model)
    cell = loaded_model.index(0, Column.RECEIVED)
    assert cell.data(Qt.ItemDataRole.ToolTipRole).endswith(" WIB")
    header = loaded_model.headerData(Column.RECEIVED, Qt.Orientation.Horizontal)
    assert header == "Received (WIB)"


def test_changes_are_placed_without_reading_the_order_again(
    qtbot: QtBot,
    desk: Desk,
    sample_store: Store,
    tasks: TaskRunner,
    unit: UnitSettings,
    clock: Callable[[], datetime],
    make_item: ItemFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Moves, arrivals and departures anywhere in the order, the selection kept: the
    result is the reference order, and the order read so far is never read again."""
    monkeypatch.setattr(desk_queue, "PAGE", 25)
    model = _every_id_read(qtbot, QueueModel(desk.queue, tasks, unit, clock), tasks)
    reread: list[int] = []
    monkeypatch.setattr(type(desk.queue), "pages_until", lambda *a: reread.append(1))
    resets: list[bool] = []
    model.modelAboutToBeReset.connect(lambda: resets.append(True))
    ids = [model.complaint_id(row) for row in range(model.rowCount())]
    deep, middle, top = ids[-3], ids[len(ids) // 2], ids[0]
    # The deepest-but-two hears from its citizen again, the most urgent is answered on
    # the platform (it moves down), one in the middle is dismissed (it leaves), and two
    # new complaints arrive (one very late).
    deep_detail = sample_store_detail(sample_store, deep)
    follow_up = make_item(7000, thread=deep_detail.thread_id, hours_ago=20)
    follow_up = replace(follow_up, channel=deep_detail.channel)
    ingest(sample_store, deep_detail.account_id, [follow_up], cursor=None)
    actions.change_status(sample_store, middle, Status.DISMISSED, "tester")
    top_detail = sample_store_detail(sample_store, top)
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
    expected = _all_ids(sample_store, queries.QueueFilter())
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
    desk: Desk,
    sample_store: Store,
    tasks: TaskRunner,
    unit: UnitSettings,
    clock: Callable[[], datetime],
    make_item: ItemFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A placement of many changes is a chain of lane jobs: a page the officer asks for
    meanwhile runs before the placement's last step, not after all of it."""
    model = _every_id_read(qtbot, QueueModel(desk.queue, tasks, unit, clock), tasks)
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
        sample_store_detail(sample_store, ids[0]).account_id,
        [make_item(7100 + n, hours_ago=n) for n in range(20)],
        cursor=None,
    )
    model.complaints_changed(arrived.changed_complaints)
    qtbot.waitUntil(lambda: "step" in ran, timeout=5_000)
    tasks.db(lambda: ran.append("officer"))
    expected = _all_ids(sample_store, queries.QueueFilter())
    qtbot.waitUntil(
        lambda: [model.complaint_id(r) for r in range(model.rowCount())] == expected,
        timeout=5_000,
    )
    assert ran.count("step") > 3
    assert "step" in ran[ran.index("officer") :]  # steps were still to come


def test_a_placement_is_worked_out_on_the_lane(
    qtbot: QtBot,
    desk: Desk,
    sample_store: Store,
    tasks: TaskRunner,
    unit: UnitSettings,
    clock: Callable[[], datetime],
    make_item: ItemFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The new order of the ids read (one pass over them: 20 ms at 800k) is worked out
    on the database lane; the GUI thread only applies it."""
    model = _every_id_read(qtbot, QueueModel(desk.queue, tasks, unit, clock), tasks)
    on_gui_thread: list[bool] = []

    def spied(*args: Any) -> Any:
        on_gui_thread.append(threading.current_thread() is threading.main_thread())
        return shuffle(*args)

    monkeypatch.setattr(queue_model, "shuffle", spied)
    account = sample_store_detail(sample_store, model.complaint_id(0) or 0).account_id
    items = [make_item(8100 + n, hours_ago=1 + 5 * n) for n in range(6)]
    model.complaints_changed(ingest(sample_store, account, items, cursor=None).changed_complaints)
    expected = _all_ids(sample_store, queries.QueueFilter())
    qtbot.waitUntil(
        lambda: [model.complaint_id(r) for r in range(model.rowCount())] == expected,
        timeout=5_000,
    )
    assert on_gui_thread == [False]


def test_a_stream_of_changes_is_placed_as_it_comes_one_placement_at_a_time(
    qtbot: QtBot,
    desk: Desk,
    sample_store: Store,
    tasks: TaskRunner,
    unit: UnitSettings,
    clock: Callable[[], datetime],
    make_item: ItemFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A long sync tells the window of a page every few tenths of a second: a new
    complaint shows in the order while the notifications go on, not once they stop,
    and a placement starts only when the one before it has ended."""
    model = _every_id_read(qtbot, QueueModel(desk.queue, tasks, unit, clock), tasks)
    steps: list[int] = []
    real_step = type(desk.queue).place_step

    def slow_step(self: desk_queue.Queue, placing: desk_queue.Placing) -> object:
        steps.append(id(placing))
        time.sleep(0.1)  # a placement longer than the delay before the next one
        return real_step(self, placing)

    monkeypatch.setattr(type(desk.queue), "place_step", slow_step)
    account = sample_store_detail(sample_store, model.complaint_id(0) or 0).account_id
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
    expected = _all_ids(sample_store, queries.QueueFilter())
    qtbot.waitUntil(
        lambda: [model.complaint_id(r) for r in range(model.rowCount())] == expected,
        timeout=10_000,
    )
    assert shown_while_notified
    placements = [placing for n, placing in enumerate(steps) if n == 0 or steps[n - 1] != placing]
    assert len(placements) > 1
    assert len(set(placements)) == len(placements)  # each one's steps ran together


def sample_store_detail(store: Store, complaint_id: int) -> Complaint:
    with store.read() as conn:
        return queries.complaint_detail(conn, complaint_id).complaint


def test_a_later_time_limit_brings_the_newly_late_as_a_page(
    qtbot: QtBot,
    desk: Desk,
    sample_store: Store,
    tasks: TaskRunner,
    unit: UnitSettings,
    clock: Callable[[], datetime],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    model = QueueModel(desk.queue, tasks, unit, clock)
    overdue_then = queries.QueueFilter(overdue_at=NOW)
    with qtbot.waitSignal(model.loaded):
        model.set_filter(overdue_then)
    reread: list[int] = []
    monkeypatch.setattr(type(desk.queue), "pages_until", lambda *a: reread.append(1))
    later = queries.QueueFilter(overdue_at=NOW + timedelta(hours=6))
    expected = _all_ids(sample_store, later)
    assert len(expected) > model.rowCount()  # some turned late in those six hours
    model.refresh(later)
    qtbot.waitUntil(
        lambda: [model.complaint_id(r) for r in range(model.rowCount())] == expected,
        timeout=5_000,
    )
    assert reread == []


def test_ids_are_kept_where_the_garbage_collector_does_not_walk(loaded_model: QueueModel) -> None:
    # A list of 800k ids added 10 ms to every full collection on the GUI thread: the
    # collector visited every id. An array holds them as numbers, not objects.
    assert loaded_model.rowCount() > 20
    assert not [x for x in gc.get_referents(loaded_model._ids) if isinstance(x, int)]


def test_a_search_typed_past_is_not_read(
    qtbot: QtBot,
    desk: Desk,
    tasks: TaskRunner,
    unit: UnitSettings,
    clock: Callable[[], datetime],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The first page of a filter replaced before the lane reached it is never read:
    the officer's latest search does not wait behind it."""
    read: list[str] = []
    first_load = type(desk.queue).first_load

    def recording(queue: desk_queue.Queue, wanted: queries.QueueFilter) -> desk_queue.FirstLoad:
        read.append(wanted.search)
        return first_load(queue, wanted)

    monkeypatch.setattr(type(desk.queue), "first_load", recording)
    model = QueueModel(desk.queue, tasks, unit, clock)
    lane_free = threading.Event()
    tasks.db(lane_free.wait)  # the lane is busy with something else meanwhile
    model.set_filter(queries.QueueFilter(search="motor"))
    model.set_filter(queries.QueueFilter(search="helm"))
    with qtbot.waitSignal(model.loaded):
        lane_free.set()
    qtbot.waitUntil(lambda: not tasks.busy)
    assert read == ["helm"]


def test_a_change_signals_only_the_changed_rows(
    qtbot: QtBot, desk: Desk, tasks: TaskRunner, unit: UnitSettings, clock: Callable[[], datetime]
) -> None:
    """Two complaints far apart change: each row is signalled, not the span between them
    (a view repaints every row of a span on screen; deep in the queue, a whole screen
    repainted for a change nobody sees)."""
    model = QueueModel(desk.queue, tasks, unit, clock)
    with qtbot.waitSignal(model.loaded):
        model.set_filter(queries.QueueFilter())
    _load_rows(qtbot, model)
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
    desk: Desk,
    tasks: TaskRunner,
    unit: UnitSettings,
    clock: Callable[[], datetime],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A long sync tells the window of a page at a time, before the order is placed:
    each page's rows are read once, not again with every later page."""
    model = QueueModel(desk.queue, tasks, unit, clock)
    with qtbot.waitSignal(model.loaded):
        model.set_filter(queries.QueueFilter())
    _load_rows(qtbot, model)
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
    desk: Desk,
    sample_store: Store,
    tasks: TaskRunner,
    unit: UnitSettings,
    clock: Callable[[], datetime],
    make_item: ItemFactory,
) -> None:
    """New complaints spread over the order and departures from it go in as one block
    each and one layout change of the rows (row by row, Qt's work for each signal grows
    with the rows loaded: a thousand arrivals held the window 100 ms at 800k). The
    result is the reference order."""
    model = _every_id_read(qtbot, QueueModel(desk.queue, tasks, unit, clock), tasks)
    before = model.rowCount()
    account = sample_store_detail(sample_store, model.complaint_id(0) or 0).account_id
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
    expected = _all_ids(sample_store, queries.QueueFilter())
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
