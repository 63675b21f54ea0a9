"""The window deep in a big queue: what ``bench_ui.py`` measures where officers scroll to.

Run inside ``bench_ui.py``'s measured process (a built window on the offscreen
platform). Every figure is wall time on the GUI thread or until painted; a 5 ms
timer probes the GUI thread for stalls while work runs in the background.

A GUI-thread *step* is one turn of the event loop (one ``processEvents``) or one
call the benchmark makes itself (a page down and its repaint). Each step is
timed twice: wall time, which is what the officer feels and which other
programs on a busy machine stretch, and the GUI thread's own CPU time, which is
the window's work alone. A stall the window's own CPU time does not explain
was spent waiting: for a core, or for the interpreter (the database thread).
"""

from __future__ import annotations

import ctypes
import os
import re
import statistics
import sys
import threading
import time
from array import array
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from PySide6.QtCore import QModelIndex, QTimer
from PySide6.QtWidgets import QApplication


@dataclass
class Steps:
    """The longest GUI-thread step seen while recording: wall and the thread's CPU, and
    how the longest one was spent: on the CPU, waiting for a core (the run queue), or
    blocked (the interpreter lock, held by the database thread, or sleeping)."""

    wall_ms: float = 0.0
    cpu_ms: float = 0.0  # the most CPU any one step took
    longest: tuple[float, float, float] = (0.0, 0.0, 0.0)  # cpu, run queue, blocked
    count: int = 0
    gaps: list[float] = field(default_factory=list)  # the 5 ms probe's beats

    def add(self, wall_ms: float, cpu_ms: float, queued_ms: float) -> None:
        if wall_ms > self.wall_ms:
            self.wall_ms = wall_ms
            self.longest = (cpu_ms, queued_ms, max(wall_ms - cpu_ms - queued_ms, 0.0))
        self.cpu_ms = max(self.cpu_ms, cpu_ms)
        self.count += 1

    @property
    def stall_ms(self) -> float:
        return max(self.gaps, default=0.0)


_recording: list[Steps] = []


# Read through PyDLL, a C call keeps the interpreter lock. An ordinary read lets the
# database thread take the interpreter, and getting it back cost up to the switch
# interval (5 ms) for each of open, read and close: stalls of the benchmark's own
# making, 20 ms and more in one step while the database thread ran Python.
_libc = ctypes.PyDLL(None) if sys.platform == "linux" else None
_schedstat: dict[int, int] = {}  # thread -> its open schedstat file


def _run_queue_ms() -> float:
    """How long this thread has waited for a core, in all (Linux; 0 elsewhere)."""
    if _libc is None:
        return 0.0
    thread = threading.get_native_id()
    if thread not in _schedstat:
        _schedstat[thread] = os.open(f"/proc/self/task/{thread}/schedstat", os.O_RDONLY)
    buffer = ctypes.create_string_buffer(128)
    read = _libc.pread(_schedstat[thread], buffer, len(buffer) - 1, ctypes.c_long(0))
    return int(buffer.raw[:read].split()[1]) / 1e6 if read > 0 else 0.0


@contextmanager
def step() -> Iterator[None]:
    """Time one GUI-thread step for the recorders running."""
    queued = _run_queue_ms()
    wall, cpu = time.perf_counter(), time.thread_time()
    try:
        yield
    finally:
        wall_ms = (time.perf_counter() - wall) * 1000
        cpu_ms = (time.thread_time() - cpu) * 1000
        queued_ms = _run_queue_ms() - queued
        for steps in _recording:
            steps.add(wall_ms, cpu_ms, queued_ms)


@contextmanager
def recording() -> Iterator[Steps]:
    """Record the GUI-thread steps, and the 5 ms probe's gaps, while the block runs."""
    steps = Steps()
    _recording.append(steps)
    try:
        with stall_probe() as gaps:
            yield steps
            steps.gaps = gaps
    finally:
        _recording.remove(steps)


def load() -> float:
    """The machine's load average over the last minute (2 cores: above 2, work waits)."""
    return os.getloadavg()[0]


def wait(condition: Callable[[], bool], timeout: float = 600.0) -> float:
    start = time.perf_counter()
    while not condition():
        with step():
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

    with _every(5, beat):
        yield gaps


@contextmanager
def paging(window: Any, every_ms: int = 50) -> Iterator[list[float]]:
    """The officer pages down and up again over rows read, a frame every ``every_ms``,
    while the block runs: each frame's time (a step: the page moved and repainted)."""
    view = window.queue_view
    bar = view.verticalScrollBar()
    frames: list[float] = []
    direction = [1]

    def frame() -> None:
        start = time.perf_counter()
        with step():
            bar.setValue(bar.value() + direction[0] * bar.pageStep())
            view.viewport().repaint()
        frames.append((time.perf_counter() - start) * 1000)
        direction[0] = -direction[0]

    with _every(every_ms, frame):
        yield frames


@contextmanager
def _every(interval_ms: int, action: Callable[[], None]) -> Iterator[None]:
    """``action`` on the GUI thread every ``interval_ms`` while the block runs."""
    timer = QTimer(interval=interval_ms)
    timer.timeout.connect(action)
    timer.start()
    try:
        yield
    finally:
        timer.stop()


def depths(total: int) -> list[int]:
    """10k, 100k, 400k and 800k rows read, as far as the queue goes."""
    wanted = [10_000, 100_000, 400_000, 800_000]
    return [rows for rows in wanted if rows < total] or [max(total // 2, 1)]


def read_until(window: Any, rows: int) -> Steps:
    """Read ids page by page until ``rows`` are loaded: the GUI-thread steps meanwhile."""
    model, tasks = window.queue_model, window.context.tasks
    with recording() as steps:
        while model.rowCount() < rows and model.canFetchMore(QModelIndex()):
            with step():
                model.fetchMore(QModelIndex())
            wait(lambda: not tasks.busy or model.rowCount() >= rows)
        wait(lambda: not tasks.busy)
    return steps


def lane_only(window: Any, pages: int = 60) -> Steps:
    """The baseline for reading ids: as many pages read on the database lane, one after
    another from the top, with nothing handed to the model. What the GUI thread suffers
    here is the machine's load and the database thread, not the window's work."""
    model, tasks = window.queue_model, window.context.tasks
    queue, queue_filter = model._queue, model.queue_filter
    after: list[Any] = [None]
    with recording() as steps:
        for _ in range(pages):
            done = [False]

            def keep(page: Any, done: list[bool] = done) -> None:
                after[0] = page.after
                done[0] = True

            with step():
                tasks.db(lambda: queue.next_page(queue_filter, after[0]), keep)
            wait(lambda done=done: done[0])
            if after[0] is None:
                break
    return steps


def find_row(window: Any, runs: int = 9) -> tuple[float, float]:
    """Finding the deepest loaded complaint's row (as selecting it does), and the
    baseline: the same ids searched one by one (``array.index``, as ``row_of`` did).
    The median of the GUI thread's CPU time: single calls this short are mostly noise
    in wall time on a busy machine."""
    model = window.queue_model
    wanted = model.complaint_id(model.rowCount() - 1)
    ids = array("q", (model.complaint_id(row) for row in range(model.rowCount())))

    def cpu_ms(find: Callable[[], object]) -> float:
        samples = []
        for _ in range(runs):
            start = time.thread_time()
            find()
            samples.append((time.thread_time() - start) * 1000)
        return statistics.median(samples)

    if model.row_of(wanted) != ids.index(wanted):
        raise RuntimeError("row_of found another row")
    return cpu_ms(lambda: model.row_of(wanted)), cpu_ms(lambda: ids.index(wanted))


def idle(seconds: float = 1.0) -> Steps:
    """The noise floor: the probe and the event loop with nothing to do."""
    with recording() as steps:
        end = time.perf_counter() + seconds
        wait(lambda: time.perf_counter() > end)
    return steps


def scroll_down_unread(window: Any, at_row: int, pages: int = 8) -> tuple[float, float, Steps]:
    """From ``at_row``, page down through rows not read yet: the median time until a page
    is painted with its rows, the median frame, and the GUI-thread steps."""
    view, model = window.queue_view, window.queue_model
    bar = view.verticalScrollBar()
    view.scrollTo(model.index(at_row, 0))
    wait(lambda: not window.context.tasks.busy)
    QApplication.processEvents()
    fetched, frames = [], []
    with recording() as steps:
        for _ in range(pages):
            start = time.perf_counter()
            with step():
                bar.setValue(bar.value() + bar.pageStep())
                view.viewport().repaint()
            frames.append((time.perf_counter() - start) * 1000)
            first, last = view.visible_rows()
            wait(lambda a=first, b=last: all(model.cached_row(r) for r in range(a, b + 1)))
            with step():
                view.viewport().repaint()
            fetched.append((time.perf_counter() - start) * 1000)
    return statistics.median(fetched), statistics.median(frames), steps


def change_deep(window: Any, store: Any) -> tuple[Steps, float]:
    """Complaints deep in the loaded order (and one near the top) change, as a sync round
    reports: the GUI-thread steps and the time until the order is placed again."""
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

    # Waiting watches the model's signals, not row_of: the benchmark makes no steps of
    # its own on the GUI thread.
    model.rowsRemoved.connect(count_removed)
    with recording() as steps:
        start = time.perf_counter()
        with step():
            window.complaints_changed(picks)
        wait(lambda: removed[0] >= len(picks) and not tasks.busy)
        settled = (time.perf_counter() - start) * 1000
    model.rowsRemoved.disconnect(count_removed)
    if any(model.row_of(cid) is not None for cid in picks):
        raise RuntimeError("a dismissed complaint is still in the open queue")
    return steps, settled


def paging_while_placing(window: Any, count: int = 8_000) -> tuple[float, float, float]:
    """The officer pages up and down while ``count`` complaints spread over the rows read
    are placed again, as after a big sync round: the frames' median and longest, and the
    placement's time. The complaints are told changed without a change: the placement
    does all its work (keys read, bisection, the new order applied) all the same."""
    import random

    model, tasks = window.queue_model, window.context.tasks
    rows = model.rowCount()
    picks = [model.complaint_id(row) for row in random.Random(7).sample(range(rows), count)]
    start = time.perf_counter()
    with paging(window, every_ms=30) as frames:
        window.complaints_changed(picks)
        wait(lambda: not tasks.busy and not model.placing_changes)
    placed_s = time.perf_counter() - start
    return statistics.median(frames), max(frames), placed_s


def measure(window: Any, store: Any, total: int) -> dict[str, float]:
    """Reading ids, paging down and a change notification at each depth, with baselines
    from the same run: the idle probe, the same pages read on the lane alone, and the
    change notification at the shallowest depth."""
    figures: dict[str, float] = {}

    def keep(prefix: str, steps: Steps, probed: bool = True) -> None:
        if probed:
            figures[f"{prefix}_stall_ms"] = steps.stall_ms
        figures[f"{prefix}_step_ms"] = steps.wall_ms
        figures[f"{prefix}_step_cpu_ms"] = steps.cpu_ms
        cpu, queued, blocked = steps.longest
        figures[f"{prefix}_longest_cpu_ms"] = cpu
        figures[f"{prefix}_longest_queued_ms"] = queued
        figures[f"{prefix}_longest_blocked_ms"] = blocked
        figures[f"{prefix}_load"] = load()

    keep("idle", idle())
    for number, rows in enumerate(depths(total)):
        label = f"{rows // 1000}k"
        keep(f"read_to_{label}", read_until(window, rows))
        keep(f"lane_only_{label}", lane_only(window))
        fetched, frame, steps = scroll_down_unread(window, rows - 500)
        figures[f"scroll_{label}_fetched_ms"], figures[f"scroll_{label}_frame_ms"] = fetched, frame
        keep(f"scroll_{label}", steps, probed=False)  # the frames are the benchmark's own
        figures[f"row_of_{label}_ms"], figures[f"row_of_{label}_index_ms"] = find_row(window)
        if number == 0 or rows == depths(total)[-1]:
            steps, figures[f"change_{label}_settled_ms"] = change_deep(window, store)
            keep(f"change_{label}", steps)
        if rows == depths(total)[-1] and rows > 20_000:
            frame, longest, placed_s = paging_while_placing(window)
            figures[f"placing_{label}_paging_frame_ms"] = frame
            figures[f"placing_{label}_paging_longest_ms"] = longest
            figures[f"placing_{label}_placed_s"] = placed_s
    return figures


def report_rows(figures: dict[str, float]) -> list[tuple[str, str, str]]:
    """(label, key, unit) for ``bench_ui.report``: each depth's longest GUI-thread steps."""
    found = {re.match(r"read_to_(\d+k)_", key) for key in figures}
    names = sorted({m.group(1) for m in found if m}, key=lambda name: int(name.rstrip("k")))
    rows = [("idle: longest probe gap (the noise floor)", "idle_stall_ms", "ms")]
    for name in names:
        for what, prefix in (
            ("reading ids", f"read_to_{name}"),
            ("  baseline: same pages on the lane alone", f"lane_only_{name}"),
            ("page down through unread rows", f"scroll_{name}"),
            ("change notification", f"change_{name}"),
        ):
            rows += [
                (f"{name} {what}: longest step (wall)", f"{prefix}_step_ms", "ms"),
                ("    of which on the CPU", f"{prefix}_longest_cpu_ms", "ms"),
                ("    of which waiting for a core", f"{prefix}_longest_queued_ms", "ms"),
                ("    of which blocked (interpreter lock)", f"{prefix}_longest_blocked_ms", "ms"),
                (f"{name} {what}: most CPU in one step", f"{prefix}_step_cpu_ms", "ms"),
                (f"{name} {what}: longest 5 ms probe gap", f"{prefix}_stall_ms", "ms"),
                (f"{name} {what}: load average", f"{prefix}_load", ""),
            ]
        rows += [
            (f"{name} page down, until painted (median)", f"scroll_{name}_fetched_ms", "ms"),
            (f"{name} page down, frame (median)", f"scroll_{name}_frame_ms", "ms"),
            (f"{name} change notification, until placed", f"change_{name}_settled_ms", "ms"),
            (
                f"{name} paging while 8,000 changed are placed: frame (median)",
                f"placing_{name}_paging_frame_ms",
                "ms",
            ),
            (f"{name}   ... longest frame", f"placing_{name}_paging_longest_ms", "ms"),
            (f"{name}   ... the placement took", f"placing_{name}_placed_s", "s"),
            (f"{name} row of the deepest complaint (row_of, CPU)", f"row_of_{name}_ms", "ms"),
            (f"{name}   baseline: ids searched one by one (CPU)", f"row_of_{name}_index_ms", "ms"),
        ]
    return rows


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
