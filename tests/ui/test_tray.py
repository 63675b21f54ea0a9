"""The tray: arrivals read from the store, quiet where no tray exists."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from pytestqt.qtbot import QtBot

from desktop.core.deadlines import UnitSettings
from desktop.core.desk import Desk
from desktop.ui.filters import warning_margin
from desktop.ui.tasks import TaskRunner
from desktop.ui.tray import UrgentTray
from tests.support import NOW


def test_arrivals_count_new_complaints_and_warning_crossings(
    desk: Desk, unit: UnitSettings
) -> None:
    margin = timedelta(seconds=warning_margin(unit))
    first = desk.queue.arrivals(None, NOW - timedelta(hours=1), NOW, margin)
    later = desk.queue.arrivals(first.newest_id - 5, NOW - timedelta(days=30), NOW, margin)
    assert first.new_count == 0  # the first look only learns where things stand
    assert first.newest_id > 0
    assert later.new_count <= 5
    assert later.warning_count > 0
    assert later.warning_author


def test_tray_without_a_system_tray_still_records_notifications(
    qtbot: QtBot,
    desk: Desk,
    tasks: TaskRunner,
    unit: UnitSettings,
    clock: Callable[[], datetime],
) -> None:
    tray = UrgentTray(desk.queue, tasks, unit, clock)
    assert tray.icon is None  # offscreen: no tray, and no error either
    tray.set_urgent_count(4)
    tray.look()
    qtbot.waitUntil(lambda: not tasks.busy)
    tray.notify("1 new complaint", "Budi")
    assert list(tray.messages)[-1] == ("1 new complaint", "Budi")
