"""The window deep in a big queue: what ``bench_ui.py`` measures where officers scroll to.

Run inside ``bench_ui.py``'s measured process (a built window on the offscreen
platform). Every figure is wall time on the GUI thread or until painted; a 5 ms
timer probes the GUI thread for stalls while work runs in the background.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

from PySide6.QtCore import QModelIndex, QTimer
from PySide6.QtWidgets import QApplication


def wait(condition: Callable[[], bool], timeout: float = 600.0) -> float:
    start = time.perf_counter()
    while not condition():
        QApplication.processEvents()
        if time.perf_counter() - start > timeout:
            raise TimeoutError("the window did not catch up")
        time.sleep(0.0005)
    return (time.perf_counter() - start) * 1000


@contextmanager
def stall_probe() -> Iterator[list[float]]:
    """The gaps between beats of a 5 ms timer on the GUI thread, while the block runs."""
    gaps: list[float] = []
    last = [time.perf_counter()]

    def beat() -> None:
        now = time.perf_counter()
        gaps.append((now - last[0]) * 1000)
        last[0] = now

    probe = QTimer(interval=5)
    probe.timeout.connect(beat)
    probe.start()
    try:
        yield gaps
    finally:
        probe.stop()


def depths(total: int) -> list[int]:
    """10k, 100k, 400k and 800k rows read, as far as the queue goes."""
    wanted = [10_000, 100_000, 400_000, 800_000]
    return [rows for rows in wanted if rows < total] or [max(total // 2, 1)]


def read_until(window: Any, rows: int) -> float:
    """Read ids page by page until ``rows`` are loaded; the longest GUI stall while doing it."""
    model, tasks = window.queue_model, window.context.tasks
    with stall_probe() as gaps:
        while model.rowCount() < rows and model.canFetchMore(QModelIndex()):
            model.fetchMore(QModelIndex())
            wait(lambda: not tasks.busy or model.rowCount() >= rows)
        wait(lambda: not tasks.busy)
    return max(gaps, default=0.0)


def scroll_down_unread(window: Any, at_row: int, pages: int = 8) -> tuple[float, float]:
    """From ``at_row``, page down through rows not read yet: the median time until a page
    is painted with its rows, and the median frame."""
    view, model = window.queue_view, window.queue_model
    bar = view.verticalScrollBar()
    view.scrollTo(model.index(at_row, 0))
    wait(lambda: not window.context.tasks.busy)
    QApplication.processEvents()
    fetched, frames = [], []
    for _ in range(pages):
        start = time.perf_counter()
        bar.setValue(bar.value() + bar.pageStep())
        view.viewport().repaint()
        frames.append((time.perf_counter() - start) * 1000)
        first, last = view.visible_rows()
        wait(lambda a=first, b=last: all(model.cached_row(r) for r in range(a, b + 1)))
        view.viewport().repaint()
        fetched.append((time.perf_counter() - start) * 1000)
    return statistics.median(fetched), statistics.median(frames)


def change_deep(window: Any, store: Any) -> tuple[float, float]:
    """Complaints deep in the loaded order (and one near the top) change, as a sync round
    reports: the longest GUI stall and the time until the order is placed again."""
    from desktop.core.model import Status
    from desktop.core.store import actions

    model, tasks = window.queue_model, window.context.tasks
    rows = model.rowCount()
    picks = [model.complaint_id(r) for r in (5, rows // 2, rows - 10)]
    for cid in picks:
        actions.change_status(store, cid, Status.DISMISSED, "bench")
    removed = [0]

    def count_removed(_parent: QModelIndex, first: int, last: int) -> None:
        removed[0] += last - first + 1

    # Waiting watches the model's signals: polling row_of would scan every loaded id on
    # the GUI thread every half millisecond, a stall of the benchmark's own making.
    model.rowsRemoved.connect(count_removed)
    with stall_probe() as gaps:
        start = time.perf_counter()
        window.complaints_changed(picks)
        wait(lambda: removed[0] >= len(picks) and not tasks.busy)
        settled = (time.perf_counter() - start) * 1000
    model.rowsRemoved.disconnect(count_removed)
    if any(model.row_of(cid) is not None for cid in picks):
        raise RuntimeError("a dismissed complaint is still in the open queue")
    return max(gaps, default=0.0), settled


def changing_ticks(window: Any, count: int = 20) -> float:
    """Ticks in which the countdowns change: the window's clock moves a minute per tick."""
    from desktop.core.clock import ClockSkew

    clock, view = window.context.clock, window.queue_view
    base = clock.skew.offset + timedelta(minutes=3)  # past the noise the clock ignores
    samples = []
    for minute in range(count):
        clock.skew = ClockSkew(base + timedelta(minutes=minute), clock.skew.measured_at)
        start = time.perf_counter()
        view.tick()
        QApplication.processEvents()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def search_while_counting(window: Any, text: str = "motor") -> float:
    """The side bar starts counting, then the officer searches: until the rows show."""
    model, search = window.queue_model, window.search
    loads = [0]
    model.loaded.connect(lambda: loads.__setitem__(0, loads[0] + 1))
    window.sidebar.refresh()
    window.sidebar.refresh()  # a second refresh asked meanwhile, as after a sync round
    search.setText(text)
    search.flush()
    took = wait(lambda: loads[0] > 0)
    search.setText("")
    search.flush()
    wait(lambda: loads[0] > 1 and not window.context.tasks.busy)
    return took
