"""What a repaint of the queue costs, and that the queue's own text delegate paints the
pixels Qt's item delegate paints."""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import FrameType

import pytest
from PySide6.QtGui import QImage, QPalette
from PySide6.QtWidgets import QStyledItemDelegate
from pytestqt.qtbot import QtBot

from desktop.ui.main_window import MainWindow
from desktop.ui.preferences import ThemeChoice
from desktop.ui.queue_columns import Column
from desktop.ui.queue_model import QueueModel
from desktop.ui.queue_view import QueueView
from tests.ui.conftest import wait_loaded

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
TEXT_COLUMNS = (Column.AUTHOR, Column.EXCERPT, Column.RECEIVED)


@pytest.fixture
def shown(qtbot: QtBot, make_window: Callable[..., MainWindow]) -> MainWindow:
    window = make_window()
    window.resize(1440, 900)
    window.show()
    qtbot.waitExposed(window)
    wait_loaded(qtbot, window)
    view = window.queue_view
    view.tick_timer.stop()
    first, last = view.visible_rows()
    qtbot.waitUntil(lambda: all(window.queue_model.cached_row(r) for r in range(first, last + 1)))
    view.setFocus()
    view.selectRow(1)
    return window


def _rows(view: QueueView) -> QImage:
    view.viewport().repaint()
    return view.viewport().grab().toImage()


@pytest.mark.parametrize("theme", [ThemeChoice.LIGHT, ThemeChoice.DARK])
def test_text_cells_are_the_pixels_qt_paints(
    qtbot: QtBot, shown: MainWindow, theme: ThemeChoice
) -> None:
    shown.context.theme.apply(theme)
    view = shown.queue_view
    view.resize(view.width() - 37, view.height())  # the complaint column elides its text
    qtbot.wait(50)
    ours = _rows(view)
    qt = QStyledItemDelegate(view)
    for column in TEXT_COLUMNS:
        view.setItemDelegateForColumn(column, qt)
    assert _rows(view) == ours


def _data_calls(view: QueueView) -> int:
    """How many times a repaint of the rows asks the model for a value."""
    data = QueueModel.data.__code__
    calls = 0

    def count(frame: FrameType, event: str, _arg: object) -> None:
        nonlocal calls
        if event == "call" and frame.f_code is data:
            calls += 1

    sys.setprofile(count)
    try:
        view.viewport().repaint()
    finally:
        sys.setprofile(None)
    return calls


def test_a_repaint_asks_each_cell_for_what_it_paints(shown: MainWindow) -> None:
    view = shown.queue_view
    first, last = view.visible_rows()
    cells = (last - first + 1) * len(Column)
    # One value per cell, two for the status and reply cells (a word and its mark);
    # Qt's item delegate asked a text cell for eight.
    assert cells < _data_calls(view) <= cells + 2 * (last - first + 1)


@pytest.mark.parametrize("theme", [ThemeChoice.LIGHT, ThemeChoice.DARK])
def test_every_column_shows_the_rows_shade(
    qtbot: QtBot, shown: MainWindow, theme: ThemeChoice
) -> None:
    """The selection and the alternate rows' shade reach into the painted cells' margins."""
    shown.context.theme.apply(theme)
    view = shown.queue_view
    qtbot.wait(50)
    image = _rows(view)
    ratio = image.devicePixelRatio()
    palette = view.palette()
    shades = {
        0: palette.color(QPalette.ColorRole.Base),
        1: palette.color(QPalette.ColorRole.Highlight),  # the selected row
        3: palette.color(QPalette.ColorRole.AlternateBase),
    }
    for row, shade in shades.items():
        y = view.rowViewportPosition(row) + 2
        for column in Column:
            x = view.columnViewportPosition(column) + 2
            assert image.pixelColor(int(x * ratio), int(y * ratio)) == shade, (row, column)
