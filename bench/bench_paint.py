"""What a full repaint of the visible queue costs the GUI thread.

A view the size of the window's queue, over a real encrypted store, in the
light theme (Fusion and the app's stylesheet), one page of rows read and
read. Each figure is the GUI thread's CPU time (``time.thread_time``), so a busy
machine stretches it little, of two kinds of frame:

- a page down to rows read but never painted (the scroll and the repaint: every
  value computed and every text laid out for the first time), over the pages;
- ``viewport().repaint()`` of the rows shown, median and max of ``--repeat``.

Compared in the same run with:

- the same view over the same model, its rows painted by Qt's table cell by
  cell through the same delegates (``QTableView::paintEvent``: what the queue did
  before ``desktop.ui.row_painting``);
- the same view over an empty queue (what a repaint costs with no rows).

The side bar's repaint is timed the same way, against Qt's list painting the
same entries through the same delegate.

Also counted, for one repaint: calls from Qt into Python, the model's
``cell_value`` calls by role, and (on Linux with a C compiler:
``bench/interpreter_releases.py``) the times the GUI thread lets go of the
interpreter. And timed: the same repaint's wall time alone and while another
thread runs Python.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_paint.py
"""

from __future__ import annotations

import argparse
import os
import secrets
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from types import FrameType

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QPaintEvent  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QAbstractItemView,
    QApplication,
    QListView,
    QTableView,
)
from shiboken6 import Shiboken  # noqa: E402

from bench import interpreter_releases  # noqa: E402
from desktop.core.credentials import MemoryVault  # noqa: E402
from desktop.core.desk import Desk  # noqa: E402
from desktop.core.desk.queue import WINDOW  # noqa: E402
from desktop.core.paths import Paths  # noqa: E402
from desktop.core.sample import sample_threads  # noqa: E402
from desktop.core.store.database import open_with_key  # noqa: E402
from desktop.core.store.queries import QueueFilter  # noqa: E402
from desktop.core.store.seed import load_sample  # noqa: E402
from desktop.core.store.settings import load_unit_settings  # noqa: E402
from desktop.ui.filters import OPEN  # noqa: E402
from desktop.ui.preferences import ThemeChoice  # noqa: E402
from desktop.ui.queue_columns import Column, Role  # noqa: E402
from desktop.ui.queue_model import QueueModel  # noqa: E402
from desktop.ui.queue_view import ROW_HEIGHT, QueueView  # noqa: E402
from desktop.ui.sidebar import Sidebar  # noqa: E402
from desktop.ui.sidebar_view import SidebarView  # noqa: E402
from desktop.ui.tasks import TaskRunner  # noqa: E402
from desktop.ui.theme import ThemeManager  # noqa: E402

WIDTH, HEIGHT = 1000, 800  # the queue's part of a 1440 x 900 window: about 20 rows
SIDEBAR_WIDTH = 230


def _wait(app: QApplication, done: Callable[[], bool], timeout: float = 60.0) -> None:
    start = time.perf_counter()
    while not done():
        app.processEvents()
        time.sleep(0.001)
        if time.perf_counter() - start > timeout:
            raise TimeoutError("the queue did not load")


def repaint_cpu_ms(view: QAbstractItemView, repeat: int) -> list[float]:
    """The GUI thread's CPU time of each of ``repeat`` full repaints of the rows' area."""
    return _repaints_ms(view, repeat, time.thread_time)


def _repaints_ms(view: QAbstractItemView, repeat: int, clock: Callable[[], float]) -> list[float]:
    """``repeat`` full repaints of the rows' area, each timed by ``clock`` (seconds)."""
    viewport = view.viewport()
    viewport.repaint()  # caches warm: the figure is a repaint of rows already shown once
    times = []
    for _ in range(repeat):
        start = clock()
        viewport.repaint()
        times.append((clock() - start) * 1000)
    return times


def repaint_shared_ms(view: QAbstractItemView, repeat: int) -> tuple[list[float], list[float]]:
    """Wall times of ``repeat`` full repaints, first alone, then while another thread runs
    Python without pause (as the database thread does while it stores a sync's pages).

    The GUI thread lets go of the interpreter each time a Qt object made for Python is
    freed (Qt's argument to a call into Python, a QRect or QFont copied out of Qt); if
    the other thread takes it then, the GUI thread waits up to the switch interval
    (5 ms) to get it back. The fewer such moments in a repaint, the less it waits.
    """
    alone = _repaints_ms(view, repeat, time.perf_counter)
    stop = threading.Event()

    def busy() -> None:
        spins = 0
        while not stop.is_set():
            spins += 1

    other = threading.Thread(target=busy, name="busy-python")
    other.start()
    try:
        shared = _repaints_ms(view, repeat, time.perf_counter)
    finally:
        stop.set()
        other.join()
    return alone, shared


class PaintedByQt(QueueView):
    """The baseline: the same view, its rows painted by Qt's table cell by cell through
    the same delegates."""

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        self._cell_style.read(self)
        QTableView.paintEvent(self, event)


class ListPaintedByQt(SidebarView):
    """The side bar's baseline: its entries painted by Qt's list, entry by entry through
    the same delegate."""

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        QListView.paintEvent(self, event)


def side_bar(app: QApplication, desk: Desk, tasks: TaskRunner, unit: object, repeat: int) -> None:
    """The side bar's repaint (all its entries, one selected), against Qt's list painting
    the same entries: CPU, wall time alone and while another thread runs Python, calls
    from Qt into Python, and the times the interpreter is let go."""
    sidebar = Sidebar(desk.queue, tasks, unit, lambda: datetime.now(UTC))  # type: ignore[arg-type]
    sidebar.resize(SIDEBAR_WIDTH, HEIGHT)
    sidebar.show()
    sidebar.refresh()
    _wait(app, lambda: sidebar.model.count(OPEN) is not None and not tasks.busy)
    by_qt = ListPaintedByQt(sidebar.model)
    by_qt.setObjectName("filterList")  # the stylesheet's
    by_qt.resize(sidebar.view.size())
    by_qt.show()
    by_qt.setCurrentIndex(sidebar.model.index(sidebar.view.currentIndex().row()))
    app.processEvents()
    print(f"side bar repaint, {sidebar.model.rowCount()} entries, {repeat} repaints each")
    for name, view in (
        ("the view paints its entries", sidebar.view),
        ("Qt's list paints them (before)", by_qt),
    ):
        cpu = repaint_cpu_ms(view, repeat)
        alone, shared = repaint_shared_ms(view, repeat)
        entries = python_calls(view)[0]
        released = releases(view)
        print(f"  {name}")
        print(_line("  CPU", cpu))
        print(_line("  wall time, alone", alone))
        print(_line("  wall time, while another thread runs Python", shared))
        let_go = "not counted" if released is None else str(released)
        print(f"    calls from Qt into Python: {entries}; interpreter let go: {let_go}")
    by_qt.close()
    sidebar.close()


def new_pages(app: QApplication, views: list[QueueView]) -> list[list[float]]:
    """Page down through rows read but never painted: the CPU time of each frame (the
    scroll and the repaint of a page of new rows, every value computed and every text
    laid out for the first time). Pages take turns among ``views`` (over one model), so
    each is timed over the same period on like rows."""
    first, last = views[0].visible_rows()
    rows_shown = last - first + 1
    times: list[list[float]] = [[] for _ in views]
    for page in range(1, views[0].model().rowCount() // rows_shown):
        which = page % len(views)
        view = views[which]
        start = time.thread_time()
        view.verticalScrollBar().setValue(page * rows_shown * ROW_HEIGHT)
        view.viewport().repaint()
        times[which].append((time.thread_time() - start) * 1000)
        app.processEvents()
    for view in views:
        view.verticalScrollBar().setValue(0)
    app.processEvents()
    return times


def python_calls(view: QAbstractItemView) -> tuple[int, int, Counter[str]]:
    """Calls from Qt into Python during one repaint (the view's ``paintEvent``, the
    delegates, the model's counts, ...), all Python function calls, and the model's
    ``cell_value`` calls by role."""
    roles: Counter[str] = Counter()
    entries = calls = 0
    cell_value = QueueModel.cell_value.__code__
    in_qt: set[FrameType] = set()  # Python frames now within a call into Qt

    def profile(frame: FrameType, event: str, arg: object) -> None:
        nonlocal entries, calls
        if event == "c_call" and isinstance(getattr(arg, "__self__", None), Shiboken.Object):
            in_qt.add(frame)
        elif event in ("c_return", "c_exception"):
            in_qt.discard(frame)
        if event != "call":
            return
        calls += 1
        if frame.f_back in in_qt and frame.f_code.co_filename.startswith(str(ROOT)):
            entries += 1
        if frame.f_code is cell_value:
            roles[_role_name(int(frame.f_locals["role"]))] += 1

    sys.setprofile(profile)
    try:
        view.viewport().repaint()
    finally:
        sys.setprofile(None)
    return entries, calls, roles


def releases(view: QAbstractItemView) -> int | None:
    """How many times one repaint lets go of the interpreter (None: not counted here)."""
    count = interpreter_releases.counter()
    if count is None:
        return None
    view.viewport().repaint()  # caches warm
    before = count()
    view.viewport().repaint()
    return count() - before


def _role_name(role: int) -> str:
    for known in Role:
        if role == known:
            return known.name
    try:
        return Qt.ItemDataRole(role).name
    except ValueError:
        return str(role)


def _line(name: str, times: list[float]) -> str:
    median = statistics.median(times)
    return f"  {name:<44} median {median:6.2f} ms   max {max(times):6.2f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=60, help="repaints timed per variant")
    parser.add_argument("--count", type=int, default=1000, help="complaints stored")
    parser.add_argument("--theme", choices=["light", "dark"], default="light")
    args = parser.parse_args()
    interpreter_releases.rerun_counting()

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    theme = ThemeManager(app)
    theme.apply(ThemeChoice.DARK if args.theme == "dark" else ThemeChoice.LIGHT)
    with tempfile.TemporaryDirectory() as folder:
        store = open_with_key(Path(folder) / "queue.db", secrets.token_bytes(32))
        load_sample(store, sample_threads(args.count, now=datetime.now(UTC), seed=7))
        with store.read() as conn:
            unit = load_unit_settings(conn)
        tasks = TaskRunner()
        desk = Desk(store, MemoryVault(), Paths(Path(folder)))
        model = QueueModel(desk.queue, tasks, unit)
        view, by_qt = QueueView(model), PaintedByQt(model)
        for each in (view, by_qt):
            each.tick_timer.stop()
            each.resize(WIDTH, HEIGHT)
            each.show()
        model.set_filter(QueueFilter())
        _wait(app, lambda: model.cached_row(0) is not None and not tasks.busy)
        first, last = view.visible_rows()
        for window in range(1, (model.rowCount() - 1) // WINDOW + 1):  # read, not painted
            model.data(model.index(window * WINDOW, 0), Role.PILL)
        _wait(app, lambda: all(model.cached_row(r) for r in range(model.rowCount())))
        for each in (view, by_qt):
            each.selectRow(2)
        app.processEvents()

        print(f"full repaint of {last - first + 1} rows x {len(Column)} columns, ", end="")
        print(f"{WIDTH}x{HEIGHT}, {args.theme} theme, {args.repeat} repaints each")
        print(f"  load average {os.getloadavg()[0]:.2f} (2 cores); GUI-thread CPU time, one frame")
        new_ours, new_qt = new_pages(app, [view, by_qt])
        ours = repaint_cpu_ms(view, args.repeat)
        entries, calls, roles = python_calls(view)
        alone, shared = repaint_shared_ms(view, args.repeat)
        released = releases(view)
        qt_paints = repaint_cpu_ms(by_qt, args.repeat)
        qt_entries, qt_calls, qt_roles = python_calls(by_qt)
        qt_alone, qt_shared = repaint_shared_ms(by_qt, args.repeat)
        qt_released = releases(by_qt)
        by_qt.close()

        model.set_filter(QueueFilter(search="zzzz-no-such-word"))
        _wait(app, lambda: model.rowCount() == 0 and not tasks.busy)
        empty = repaint_cpu_ms(view, args.repeat)

        print(f"page down to rows never painted ({len(new_ours)} + {len(new_qt)} pages)")
        print(_line("the view paints its rows", new_ours))
        print(_line("Qt's table paints them (before)", new_qt))
        print("repaint of the rows shown")
        print(_line("the view paints its rows", ours))
        print(_line("Qt's table paints them (before)", qt_paints))
        print(_line("an empty queue", empty))
        print("repaint of the rows shown, wall time: the view paints its rows")
        print(_line("alone", alone))
        print(_line("while another thread runs Python", shared))
        print("  ... Qt's table paints them (before)")
        print(_line("alone", qt_alone))
        print(_line("while another thread runs Python", qt_shared))
        print(f"  calls from Qt into Python per repaint: {entries} (before: {qt_entries})")
        if released is not None:
            print(f"  interpreter let go per repaint: {released} (before: {qt_released})")
        else:
            print("  interpreter let go per repaint: not counted (Linux and a C compiler only)")
        print(f"  Python function calls per repaint: {calls} (before: {qt_calls})")
        before = sum(qt_roles.values())
        print(f"  cell_value() calls per repaint: {sum(roles.values())} (before: {before})")
        for role, count in sorted(qt_roles.items(), key=lambda item: -item[1]):
            print(f"    {role:<22} {roles.get(role, 0):4d} (before: {count})")
        side_bar(app, desk, tasks, unit, args.repeat)
        tasks.shutdown()
        app.processEvents()
        store.close()


if __name__ == "__main__":
    main()
