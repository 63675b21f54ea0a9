"""The queue view on a real model: what a page of ids costs the screen."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest
from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, QRect
from PySide6.QtGui import QPaintEvent
from pytestqt.qtbot import QtBot

from desktop.core.deadlines import UnitSettings
from desktop.core.desk import Desk
from desktop.core.desk import queue as desk_queue
from desktop.core.store.queries import QueueFilter
from desktop.ui import queue_total
from desktop.ui.queue_model import QueueModel
from desktop.ui.queue_view import ROW_HEIGHT, QueueView
from desktop.ui.tasks import TaskRunner

PAGE = 30


class PaintCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0
        self.areas: list[QRect] = []

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if isinstance(event, QPaintEvent):
            self.count += 1
            self.areas.append(event.rect())
        return False


def _shown_view(
    qtbot: QtBot,
    desk: Desk,
    tasks: TaskRunner,
    unit: UnitSettings,
    clock: Callable[[], datetime],
    rows_high: int,
) -> tuple[QueueView, QueueModel]:
    model = QueueModel(desk.queue, tasks, unit, clock)
    view = QueueView(model)
    view.tick_timer.stop()  # countdown ticks repaint cells of their own
    qtbot.addWidget(view)
    view.resize(900, rows_high * ROW_HEIGHT)
    view.show()
    qtbot.waitExposed(view)
    with qtbot.waitSignal(model.loaded):
        model.set_filter(QueueFilter())
    qtbot.waitUntil(lambda: model.cached_row(0) is not None and not tasks.busy)
    _until_painted(qtbot, view)
    return view, model


def _until_painted(qtbot: QtBot, view: QueueView, quiet_ms: int = 300) -> None:
    """Wait until the first rows are painted and no paint follows for ``quiet_ms``: on a
    loaded machine a fixed wait could end before a late paint, which a count would see."""
    counter = PaintCounter()
    view.viewport().installEventFilter(counter)
    try:
        qtbot.waitUntil(lambda: counter.count > 0 or view.viewport().isVisible(), timeout=5000)
        seen = -1
        for _ in range(50):
            if counter.count == seen:
                return
            seen = counter.count
            qtbot.wait(quiet_ms)
        raise AssertionError(f"the queue kept repainting: {counter.count} paints")
    finally:
        view.viewport().removeEventFilter(counter)


def _append_a_page(qtbot: QtBot, view: QueueView, model: QueueModel) -> int:
    """Read the next page of ids; how many times the rows' area was painted meanwhile."""
    counter = PaintCounter()
    view.viewport().installEventFilter(counter)
    with qtbot.waitSignal(model.rowsInserted):
        model.fetchMore(QModelIndex())
    qtbot.wait(100)  # the view's delayed layout, and any repaint it asks for
    view.viewport().removeEventFilter(counter)
    return counter.count


@pytest.fixture(autouse=True)
def small_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(desk_queue, "PAGE", PAGE)


def test_ids_appended_below_a_full_screen_repaint_nothing(
    qtbot: QtBot, desk: Desk, tasks: TaskRunner, unit: UnitSettings, clock: Callable[[], datetime]
) -> None:
    view, model = _shown_view(qtbot, desk, tasks, unit, clock, rows_high=10)
    bar = view.verticalScrollBar()
    maximum = bar.maximum()
    assert _append_a_page(qtbot, view, model) == 0
    assert model.rowCount() == 2 * PAGE
    assert bar.maximum() == maximum + PAGE * ROW_HEIGHT  # the scroll bar reaches the new rows


def test_ids_appended_where_the_screen_has_room_are_painted(
    qtbot: QtBot, desk: Desk, tasks: TaskRunner, unit: UnitSettings, clock: Callable[[], datetime]
) -> None:
    model = QueueModel(desk.queue, tasks, unit, clock)
    view = QueueView(model)
    view.tick_timer.stop()
    qtbot.addWidget(view)
    view.resize(900, (2 * PAGE + 5) * ROW_HEIGHT)
    view.show()
    qtbot.waitExposed(view)
    counter = PaintCounter()
    with qtbot.waitSignal(model.loaded):
        model.set_filter(QueueFilter())
    # The screen has room for more: the view asks for the next page itself.
    with qtbot.waitSignal(model.rowsInserted):
        pass
    view.viewport().installEventFilter(counter)
    qtbot.waitUntil(lambda: not tasks.busy)
    qtbot.wait(100)
    second_page = QPoint(10, PAGE * ROW_HEIGHT + ROW_HEIGHT // 2)
    assert view.rowAt(second_page.y()) == PAGE  # the new rows are on screen
    assert any(area.contains(second_page) for area in counter.areas)  # and painted


def test_a_search_is_counted_once_its_first_rows_are_painted(
    qtbot: QtBot,
    desk: Desk,
    tasks: TaskRunner,
    unit: UnitSettings,
    clock: Callable[[], datetime],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Counting a common word holds the interpreter for a while: it must not share it
    with the paint of the rows the officer waits for."""
    monkeypatch.setattr(queue_total, "COUNT_WAIT_MS", 60_000)  # only a paint starts it
    view, model = _shown_view(qtbot, desk, tasks, unit, clock, rows_high=10)
    happened: list[str] = []
    count = queue_total.QueueTotal.count

    def counting(total: queue_total.QueueTotal, wanted: QueueFilter) -> None:
        happened.append("count")  # handed to the lane
        count(total, wanted)

    monkeypatch.setattr(queue_total.QueueTotal, "count", counting)
    model.loaded.connect(lambda: happened.append("loaded"))
    painted = _Noting(happened, "paint")
    view.viewport().installEventFilter(painted)
    with qtbot.waitSignal(model.total_changed, timeout=10_000):
        model.set_filter(QueueFilter(search="motor"))
    after_load = happened[happened.index("loaded") :]
    assert "count" not in happened[: happened.index("loaded")]
    assert "paint" in after_load[: after_load.index("count")], happened


class _Noting(QObject):
    """Notes ``name`` in ``happened`` at each paint of the object it filters."""

    def __init__(self, happened: list[str], name: str) -> None:
        super().__init__()
        self._happened, self._name = happened, name

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if isinstance(event, QPaintEvent):
            self._happened.append(self._name)
        return False
