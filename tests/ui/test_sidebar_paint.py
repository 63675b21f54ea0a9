"""The side bar paints its entries itself: the pixels Qt's list paints, and one call
into Python a repaint."""

from __future__ import annotations

import sys
from types import FrameType

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, QRect
from PySide6.QtGui import QImage, QPaintEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QListView
from pytestqt.qtbot import QtBot

from desktop.ui import filters
from desktop.ui.main_window import MainWindow
from desktop.ui.preferences import ThemeChoice
from desktop.ui.sidebar_delegate import SidebarDelegate
from desktop.ui.sidebar_view import SidebarView
from tests.ui.paint_support import entries_from_qt

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


class _PaintedByQt(SidebarView):
    """The side bar as Qt's list paints it: entry by entry, through the same delegate."""

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        QListView.paintEvent(self, event)


@pytest.fixture
def window(qtbot: QtBot, shown_window: MainWindow) -> MainWindow:
    qtbot.waitUntil(lambda: shown_window.sidebar.model.rowCount() > 20)
    return shown_window


def _painted(view: QListView) -> QImage:
    view.viewport().repaint()
    return view.viewport().grab().toImage()


@pytest.mark.parametrize(
    ("theme", "height", "enabled"),
    [
        (ThemeChoice.LIGHT, 800, True),
        (ThemeChoice.DARK, 800, True),
        (ThemeChoice.LIGHT, 300, True),  # scrolled: the first entry shown is cut
        (ThemeChoice.LIGHT, 800, False),
    ],
)
def test_the_entries_are_the_pixels_qts_list_paints(
    qtbot: QtBot, window: MainWindow, theme: ThemeChoice, height: int, enabled: bool
) -> None:
    """Two views of the side bar's model side by side in the window, one painting its
    entries itself, one painted by Qt's list, each with an entry selected and (enabled)
    another under the mouse."""
    window.context.theme.apply(theme)
    model = window.sidebar.model
    views = [SidebarView(model, window), _PaintedByQt(model, window)]
    for left, view in zip((0, 240), views, strict=True):
        view.setObjectName("filterList")  # the stylesheet's
        view.setGeometry(left, 0, 230, height)
        view.setMouseTracking(True)
        view.setEnabled(enabled)
        view.show()
        view.setCurrentIndex(model.index(3))
        if height < 800:
            view.verticalScrollBar().setValue(view.verticalScrollBar().maximum() - 1)
    qtbot.wait(50)
    images = []
    for view in views:
        if enabled:  # a disabled view gets no mouse moves (Qt's list lights it on hover)
            QTest.mouseMove(view.viewport(), QPoint(40, 190))  # an entry, scrolled or not
            qtbot.wait(20)
        images.append(_painted(view))
    ours, qts = images
    assert views[0].verticalOffset() == views[1].verticalOffset()
    assert ours == qts


def test_a_repaint_calls_into_python_once(window: MainWindow) -> None:
    # Qt's list called into Python about 190 times: the model's row count four times an
    # entry, its flags twice, the delegate's size hint and paint once each.
    assert entries_from_qt(window.sidebar.view.viewport()) == ["paintEvent"]


class _Paints(QObject):
    """The areas of the paint events its object receives."""

    def __init__(self) -> None:
        super().__init__()
        self.areas: list[QRect] = []

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if isinstance(event, QPaintEvent):
            self.areas.append(event.rect())
        return False


def test_a_changed_count_repaints_its_entry_without_laying_the_list_out(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Qt's list lays every entry out again when a count changes, asking each its size
    hint through Qt (about 80 calls into Python after every page a sync stores)."""
    view, model = window.sidebar.view, window.sidebar.model
    row = model.row_of(filters.OPEN)
    assert row is not None
    qtbot.wait(50)
    paints = _Paints()
    view.viewport().installEventFilter(paints)
    size_hint = SidebarDelegate.sizeHint.__code__
    asked = 0

    def count(frame: FrameType, event: str, _arg: object) -> None:
        nonlocal asked
        asked += event == "call" and frame.f_code is size_hint

    sys.setprofile(count)
    try:
        model.set_counts({filters.OPEN: (model.count(filters.OPEN) or 0) + 5})
        qtbot.wait(50)
    finally:
        sys.setprofile(None)
    assert asked < model.rowCount() / 2  # not every entry's size
    entry = view.visualRect(model.index(row))
    assert any(area.contains(entry) for area in paints.areas)
