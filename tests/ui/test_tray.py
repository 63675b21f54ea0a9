"""The tray: arrivals read from the store, quiet where no tray exists."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from pytestqt.qtbot import QtBot

from desktop.core.deadlines import UnitSettings
from desktop.core.store.database import Store
from desktop.ui.filters import warning_margin
from desktop.ui.tasks import TaskRunner
from desktop.ui.tray import UrgentTray, read_arrivals
from tests.support import NOW


def test_arrivals_count_new_complaints_and_warning_crossings(
    sample_store: Store, unit: UnitSettings
) -> None:
    margin = timedelta(seconds=warning_margin(unit))
    with sample_store.read() as conn:
        first = read_arrivals(conn, None, NOW - timedelta(hours=1), NOW, margin)
        later = read_arrivals(conn, first.newest_id - 5, NOW - timedelta(days=30), NOW, margin)
    assert first.new_count == 0  # the first look only learns where things stand
    assert first.newest_id > 0
    assert later.new_count <= 5
    assert later.warning_count > 0
    assert later.warning_author


def test_tray_without_a_system_tray_still_records_notifications(
    qtbot: QtBot,
    sample_store: Store,
    tasks: TaskRunner,
    unit: UnitSettings,
    clock: Callable[[], datetime],
) -> None:
    tray = UrgentTray(sample_store, tasks, unit, clock)
    assert tray.icon is None  # offscreen: no tray, and no error either
    tray.set_urgent_count(4)
    tray.look()
    qtbot.waitUntil(lambda: not tasks.busy)
    tray.notify("1 new complaint", "Budi")
    assert list(tray.messages)[-1] == ("1 new complaint", "Budi")
