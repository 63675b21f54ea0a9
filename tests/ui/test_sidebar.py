"""The filter side bar: its model, its counts against the store, choosing a filter."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop.core.deadlines import UnitSettings
from desktop.core.desk import Desk
from desktop.core.store import queue_pages
from desktop.core.store.database import Store
from desktop.ui import filters
from desktop.ui.filters import FilterKey, FilterKind, count_steps
from desktop.ui.sidebar import Sidebar
from desktop.ui.sidebar_model import SidebarModel, SidebarRole
from desktop.ui.tasks import TaskRunner
from tests.support import NOW


def _all_counts(desk: Desk, unit: UnitSettings) -> filters.Counts:
    counts: filters.Counts = {}
    for step in count_steps(NOW, unit, desk.queue.accounts()):
        counts.update(step(desk.queue))
    return counts


def test_counts_match_the_queue_of_each_filter(
    sample_store: Store, desk: Desk, unit: UnitSettings
) -> None:
    counts = _all_counts(desk, unit)
    with sample_store.read() as conn:
        for key, count in counts.items():
            expected = queue_pages.queue_count(conn, filters.queue_filter(key, NOW, unit))
            assert count == expected, key
    assert counts[filters.URGENT] >= counts[filters.OVERDUE] > 0
    kinds = {key.kind for key in counts}
    assert {FilterKind.CHANNEL, FilterKind.ACCOUNT, FilterKind.STATUS} <= kinds


def test_sidebar_model_passes_the_model_tester(
    qtmodeltester: ModelTester, desk: Desk, unit: UnitSettings
) -> None:
    model = SidebarModel()
    model.set_accounts(desk.queue.accounts())
    model.set_counts(_all_counts(desk, unit))
    qtmodeltester.check(model, force_py=True)
    titles = [model.index(row).data() for row in range(model.rowCount())]
    assert titles[:5] == ["Queue", "All open", "Urgent", "Overdue", "New"]
    assert model.index(0).data(SidebarRole.SECTION) is True
    assert not model.flags(model.index(0)) & model.flags(model.index(1)).ItemIsSelectable


def test_only_changed_counts_are_signalled() -> None:
    model = SidebarModel()
    model.set_counts({filters.URGENT: 3})
    changed: list[int] = []
    model.dataChanged.connect(lambda top, _bottom, _roles: changed.append(top.row()))
    model.set_counts({filters.URGENT: 3, filters.OVERDUE: 1})
    assert changed == [model.row_of(filters.OVERDUE)]


@pytest.fixture
def sidebar(
    qtbot: QtBot,
    desk: Desk,
    tasks: TaskRunner,
    unit: UnitSettings,
    clock: Callable[[], datetime],
) -> Sidebar:
    widget = Sidebar(desk.queue, tasks, unit, clock)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.accounts_changed):
        widget.refresh()
    qtbot.waitUntil(lambda: widget.model.count(filters.OPEN) is not None)
    qtbot.waitUntil(lambda: not tasks.busy)
    return widget


def test_counts_are_read_on_the_database_lane_and_shown(
    sidebar: Sidebar, desk: Desk, unit: UnitSettings
) -> None:
    expected = _all_counts(desk, unit)
    for key in (filters.OPEN, filters.URGENT, filters.OVERDUE, filters.NEW):
        row = sidebar.model.row_of(key)
        assert row is not None
        assert sidebar.model.index(row).data(SidebarRole.COUNT) == expected[key]
    urgent = sidebar.model.index(sidebar.model.row_of(filters.URGENT) or 0)
    assert urgent.data(SidebarRole.ALERT) is True


def test_choosing_a_filter_signals_it(qtbot: QtBot, sidebar: Sidebar) -> None:
    key = FilterKey(FilterKind.CHANNEL, "instagram")
    with qtbot.waitSignal(sidebar.filter_chosen) as chosen:
        sidebar.choose(key)
    assert chosen.args == [key]
    assert sidebar.chosen == key
    sidebar.choose(FilterKey(FilterKind.STATUS, "resolved"))
    assert sidebar.chosen.value == "resolved"
