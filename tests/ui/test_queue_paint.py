"""What a repaint of the queue costs, and that the queue's own text delegate paints the
pixels Qt's item delegate paints."""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import FrameType

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QImage, QPalette
from PySide6.QtWidgets import QStyledItemDelegate
from pytestqt.qtbot import QtBot

from desktop.core.model import ReplyState
from desktop.ui.main_window import MainWindow
from desktop.ui.preferences import ThemeChoice
from desktop.ui.queue_columns import Column, Role
from desktop.ui.queue_model import QueueModel
from desktop.ui.queue_view import QueueView
from tests.ui.conftest import wait_loaded

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
TEXT_COLUMNS = (Column.AUTHOR, Column.EXCERPT, Column.RECEIVED)
DISPLAY = Qt.ItemDataRole.DisplayRole


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


def _repaint_profiled(view: QueueView, profile: Callable[[FrameType, str, object], None]) -> None:
    """Repaint the rows with ``profile`` seeing every call (``sys.setprofile``)."""
    sys.setprofile(profile)
    try:
        view.viewport().repaint()
    finally:
        sys.setprofile(None)


def _data_calls(view: QueueView) -> int:
    """How many times a repaint of the rows asks the model for a value."""
    data = QueueModel.data.__code__
    calls = 0

    def count(frame: FrameType, event: str, _arg: object) -> None:
        nonlocal calls
        if event == "call" and frame.f_code is data:
            calls += 1

    _repaint_profiled(view, count)
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


def _entries_from_qt(view: QueueView) -> set[str]:
    """The Python functions Qt calls during a repaint of the rows (not those our own
    Python calls). Each such call frees the index Qt made for it, and each Qt object
    freed lets another thread take the interpreter."""
    paint_event = QueueView.paintEvent.__code__
    names: set[str] = set()
    in_qt = False  # within paintEvent's call into Qt's own

    def record(frame: FrameType, event: str, _arg: object) -> None:
        nonlocal in_qt
        if frame.f_code is paint_event and event in ("c_call", "c_return", "c_exception"):
            in_qt = event == "c_call"
        caller = frame.f_back
        if in_qt and event == "call" and caller is not None and caller.f_code is paint_event:
            names.add(frame.f_code.co_name)

    _repaint_profiled(view, record)
    return names


def test_a_repaint_calls_into_python_only_to_count_and_to_paint(shown: MainWindow) -> None:
    # Not ``flags`` (Qt's own answers, in C++: it was asked twice a cell), nor ``data``
    # (the delegates ask the model in Python, not through the index).
    assert _entries_from_qt(shown.queue_view) == {"rowCount", "columnCount", "paint"}


def test_the_selected_rows_reply_state_is_in_the_selections_text_colour(
    qtbot: QtBot, shown: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On the selection's shade the reply state is written as the row's other texts are,
    not in its state's colour (dark on dark blue, before)."""
    real = QueueModel.data

    def with_reply(model: QueueModel, index: QModelIndex, role: int = DISPLAY) -> object:
        if index.isValid() and index.column() == Column.REPLY:
            if role == Role.REPLY_STATE:
                return ReplyState.SENT.value
            if role == DISPLAY:
                return "sent"
        return real(model, index, role)

    monkeypatch.setattr(QueueModel, "data", with_reply)
    view = shown.queue_view
    image = _rows(view)
    ratio = image.devicePixelRatio()
    palette = view.palette()
    shade = palette.color(QPalette.ColorRole.Highlight)
    ink = palette.color(QPalette.ColorRole.HighlightedText)
    row = 1  # selected
    left, top = view.columnViewportPosition(Column.REPLY), view.rowViewportPosition(row)
    cell = image.copy(
        int(left * ratio),
        int(top * ratio),
        int(view.columnWidth(Column.REPLY) * ratio),
        int(view.rowHeight(row) * ratio),
    )
    written = [
        cell.pixelColor(x, y)
        for x in range(cell.width())
        for y in range(cell.height())
        if cell.pixelColor(x, y) != shade
    ]
    assert len(written) > 20, "nothing written in the reply cell"
    # Light ink on the dark shade: every written pixel lies between the two.
    assert ink.lightness() > shade.lightness()
    assert all(colour.lightness() >= shade.lightness() for colour in written)
