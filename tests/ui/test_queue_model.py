"""The queue model over a real encrypted store: order, filters, search, windows, ticks."""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from datetime import timedelta

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop.core.deadlines import UnitSettings, Urgency
from desktop.core.desk import Desk
from desktop.core.desk import queue as desk_queue
from desktop.core.model import Channel
from desktop.core.store import actions, queries
from desktop.core.store.database import Store
from desktop.core.store.ingest import ingest
from desktop.ui.queue_columns import Column, Role
from desktop.ui.queue_model import QueueModel
from desktop.ui.tasks import TaskRunner
from tests.support import NOW, ItemFactory
from tests.ui.queue_support import all_ids, load_rows


def test_model_passes_the_model_tester(
    loaded_model: QueueModel, qtmodeltester: ModelTester
) -> None:
    qtmodeltester.check(loaded_model, force_py=True)


def test_rows_come_in_urgency_order(
    qtbot: QtBot, loaded_model: QueueModel, sample_store: Store
) -> None:
    expected = all_ids(sample_store, queries.QueueFilter())
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
    assert shown == all_ids(sample_store, wanted)
    load_rows(qtbot, loaded_model)
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
    load_rows(qtbot, loaded_model)
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
    load_rows(qtbot, model)
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


def test_queued_reply_shows_in_the_reply_column(
    qtbot: QtBot, loaded_model: QueueModel, sample_store: Store
) -> None:
    load_rows(qtbot, loaded_model)
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
    new_model: Callable[[], QueueModel],
    sample_store: Store,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(desk_queue, "PAGE", 30)
    model = new_model()
    with qtbot.waitSignal(model.loaded):
        model.set_filter(queries.QueueFilter())
    assert model.rowCount() == 30
    assert model.canFetchMore(QModelIndex())
    while model.canFetchMore(QModelIndex()):
        with qtbot.waitSignal(model.rowsInserted):
            model.fetchMore(QModelIndex())
    ids = [model.complaint_id(r) for r in range(model.rowCount())]
    assert ids == all_ids(sample_store, queries.QueueFilter())


def test_received_time_is_in_the_unit_zone(qtbot: QtBot, loaded_model: QueueModel) -> None:
    load_rows(qtbot, loaded_model)
    cell = loaded_model.index(0, Column.RECEIVED)
    assert cell.data(Qt.ItemDataRole.ToolTipRole).endswith(" WIB")
    header = loaded_model.headerData(Column.RECEIVED, Qt.Orientation.Horizontal)
    assert header == "Received (WIB)"


def test_a_later_time_limit_brings_the_newly_late_as_a_page(
    qtbot: QtBot,
    new_model: Callable[[], QueueModel],
    desk: Desk,
    sample_store: Store,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    model = new_model()
    overdue_then = queries.QueueFilter(overdue_at=NOW)
    with qtbot.waitSignal(model.loaded):
        model.set_filter(overdue_then)
    reread: list[int] = []
    monkeypatch.setattr(type(desk.queue), "pages_until", lambda *a: reread.append(1))
    later = queries.QueueFilter(overdue_at=NOW + timedelta(hours=6))
    expected = all_ids(sample_store, later)
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
    new_model: Callable[[], QueueModel],
    desk: Desk,
    tasks: TaskRunner,
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
    model = new_model()
    lane_free = threading.Event()
    tasks.db(lane_free.wait)  # the lane is busy with something else meanwhile
    model.set_filter(queries.QueueFilter(search="motor"))
    model.set_filter(queries.QueueFilter(search="helm"))
    with qtbot.waitSignal(model.loaded):
        lane_free.set()
    qtbot.waitUntil(lambda: not tasks.busy)
    assert read == ["helm"]
