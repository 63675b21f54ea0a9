"""The tray: what it reads of arrivals, and what it tells the officer, on a real store."""

from __future__ import annotations

from datetime import timedelta

from pytestqt.qtbot import QtBot

from desktop.core.deadlines import UnitSettings
from desktop.core.desk.queue import Queue
from desktop.core.store.counts import arrivals as read_arrivals
from desktop.core.store.database import Store
from desktop.core.store.ingest import ingest
from desktop.ui.filters import warning_margin
from desktop.ui.tasks import TaskRunner
from desktop.ui.tray import UrgentTray
from tests.support import NOW, ItemFactory

UNIT = UnitSettings()
MARGIN = timedelta(seconds=warning_margin(UNIT))  # 6 h: urgent from 18 h after the start


def _arrive(
    store: Store,
    account_id: int,
    make_item: ItemFactory,
    *,
    fresh: int,
    start: int = 0,
    late_hours: float = 17.5,
) -> None:
    """``fresh`` new complaints, one answered (ours was the last word), and one that
    came ``late_hours`` before NOW from "Hampir Telat" (the newest of them all)."""
    items = [make_item(start + n, hours_ago=0.2, author=f"Warga {start + n}") for n in range(fresh)]
    items += [
        make_item(900 + start, thread=f"answered{start}", hours_ago=0.5, author="Sudah Dijawab"),
        make_item(901 + start, thread=f"answered{start}", hours_ago=0.3, outbound=True),
        make_item(902 + start, hours_ago=late_hours, author="Hampir Telat"),
    ]
    ingest(store, account_id, items, cursor=None)


def test_arrivals_count_exactly_the_new_complaints_and_the_crossings(
    store: Store, account_id: int, make_item: ItemFactory
) -> None:
    with store.read() as conn:
        empty = read_arrivals(conn, None, NOW - timedelta(hours=1), NOW, MARGIN)
    assert (empty.newest_id, empty.new_count, empty.warning_count) == (0, 0, 0)
    _arrive(store, account_id, make_item, fresh=3)
    with store.read() as conn:
        first = read_arrivals(conn, None, NOW - timedelta(hours=1), NOW, MARGIN)
        since_empty = read_arrivals(conn, 0, NOW - timedelta(minutes=1), NOW, MARGIN)
        # An hour later the 17.5-hour-old complaint has crossed its warning time.
        later = NOW + timedelta(hours=1)
        crossed = read_arrivals(conn, first.newest_id, NOW, later, MARGIN)
        again = read_arrivals(conn, first.newest_id, later, later + timedelta(hours=1), MARGIN)
    assert first.new_count == 0  # the first look only learns where things stand
    assert first.newest_id > 0
    # Three new and the late one; the answered complaint is not new.
    assert since_empty.new_count == 4
    assert since_empty.new_author == "Hampir Telat"  # the newest in the store
    assert since_empty.warning_count == 0  # nobody crossed in the last minute
    assert (crossed.new_count, crossed.warning_count) == (0, 1)
    assert crossed.warning_author == "Hampir Telat"
    assert again.warning_count == 0  # a crossing is told once


def test_the_tray_tells_of_arrivals_once_and_only_after_the_first_look(
    qtbot: QtBot, store: Store, tasks: TaskRunner, account_id: int, make_item: ItemFactory
) -> None:
    now = [NOW]
    tray = UrgentTray(Queue(store), tasks, UNIT, lambda: now[0])
    assert tray.icon is None  # offscreen: no tray, and no error either

    def look() -> list[tuple[str, str]]:
        before = len(tray.messages)
        tray.look()
        qtbot.waitUntil(lambda: not tasks.busy)
        return list(tray.messages)[before:]

    _arrive(store, account_id, make_item, fresh=2)  # urgent from NOW + 30 min
    now[0] = NOW + timedelta(hours=1)
    assert look() == []  # the first look only learns where things stand
    _arrive(store, account_id, make_item, fresh=3, start=100, late_hours=16.5)
    assert look() == [("4 new complaint(s)", "Hampir Telat")]  # the answered one is not new
    assert look() == []  # told once
    now[0] = NOW + timedelta(hours=2)  # the 16.5-hour-old complaint turned urgent
    assert look() == [("1 complaint(s) due soon", "Answer before the deadline: Hampir Telat")]
    now[0] = NOW + timedelta(hours=3)
    assert look() == []
