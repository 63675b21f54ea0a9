"""What a repaint of the queue costs, and that the queue's own text delegate paints the
pixels Qt's item delegate paints."""

from __future__ import annotations

from pathlib import Path
from types import FrameType

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPaintEvent, QPalette
from PySide6.QtWidgets import QStyledItemDelegate, QTableView
from pytestqt.qtbot import QtBot

import desktop
from desktop.core.model import ReplyState
from desktop.ui.main_window import MainWindow
from desktop.ui.preferences import ThemeChoice
from desktop.ui.queue_columns import Column, Role
from desktop.ui.queue_model import QueueModel
from desktop.ui.queue_view import ROW_HEIGHT, QueueView
from tests.ui.paint_support import entries_from_qt, repaint_profiled

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
TEXT_COLUMNS = (Column.AUTHOR, Column.EXCERPT, Column.RECEIVED)
DISPLAY = Qt.ItemDataRole.DisplayRole
PROJECT = Path(desktop.__file__).parent


@pytest.fixture
def shown(qtbot: QtBot, shown_window: MainWindow) -> MainWindow:
    window = shown_window
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


class _PaintedByQt(QueueView):
    """The queue view as Qt's table paints it: cell by cell, through the delegates."""

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        self._cell_style.read(self)
        QTableView.paintEvent(self, event)


def _as_qt_paints(window: MainWindow) -> QueueView:
    """The window's queue, painted by Qt's table (``_PaintedByQt``): a second view of
    the model, in the same window (as active), the same size and columns."""
    view = window.queue_view
    by_qt = _PaintedByQt(window.queue_model, window)
    by_qt.tick_timer.stop()
    by_qt.setGeometry(view.geometry())
    by_qt.show()
    for column in Column:
        by_qt.horizontalHeader().resizeSection(column, view.columnWidth(column))
    return by_qt


def _same_rows(view: QueueView, other: QueueView) -> bool:
    """The two views' rows are the same pixels (as high as both show)."""
    ours, theirs = _rows(view), _rows(other)
    assert ours.width() == theirs.width()
    height = min(ours.height(), theirs.height())  # the window's view may have a taller header
    assert height > 10 * ROW_HEIGHT
    return ours.copy(0, 0, ours.width(), height) == theirs.copy(0, 0, theirs.width(), height)


@pytest.mark.parametrize("theme", [ThemeChoice.LIGHT, ThemeChoice.DARK])
def test_the_rows_are_the_pixels_qts_table_paints(
    qtbot: QtBot, shown: MainWindow, theme: ThemeChoice
) -> None:
    """The view paints its rows itself (``row_painting``): the same pixels as Qt's table
    painting them cell by cell through the same delegates, with the selected row, the
    alternate rows' shade and a row cut by the top edge."""
    shown.context.theme.apply(theme)
    view, by_qt = shown.queue_view, _as_qt_paints(shown)
    for each in (view, by_qt):
        each.selectRow(2)
        each.verticalScrollBar().setValue(ROW_HEIGHT + 9)  # the top row shows its lower part
    qtbot.wait(50)
    assert _same_rows(view, by_qt)


@pytest.mark.parametrize(
    ("theme", "enabled"),
    [(ThemeChoice.LIGHT, True), (ThemeChoice.DARK, True), (ThemeChoice.LIGHT, False)],
)
def test_text_cells_are_the_pixels_qt_paints(
    qtbot: QtBot, shown: MainWindow, theme: ThemeChoice, enabled: bool
) -> None:
    """The text delegate paints what Qt's item delegate does, elided text included, and
    in the palette's Disabled colours when the queue is disabled."""
    shown.context.theme.apply(theme)
    view = shown.queue_view
    view.resize(view.width() - 37, view.height())  # the complaint column elides its text
    qtbot.wait(50)
    by_qt = _as_qt_paints(shown)
    qt = QStyledItemDelegate(by_qt)
    for column in TEXT_COLUMNS:
        by_qt.setItemDelegateForColumn(column, qt)
    by_qt.selectRow(1)
    for each in (view, by_qt):
        each.setEnabled(enabled)
    qtbot.wait(50)
    assert _same_rows(view, by_qt)


def _data_calls(view: QueueView) -> int:
    """How many times a repaint of the rows asks the model for a value."""
    data = QueueModel.cell_value.__code__
    calls = 0

    def count(frame: FrameType, event: str, _arg: object) -> None:
        nonlocal calls
        if event == "call" and frame.f_code is data:
            calls += 1

    repaint_profiled(view.viewport(), count)
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


def test_a_repaint_calls_into_python_once(shown: MainWindow) -> None:
    # Qt's table called into Python twice a cell to count (through ``index``) and once to
    # paint, and ``flags`` twice a cell before Qt's own answered it: the view paints its
    # rows itself, asking the model and the delegates in Python.
    assert entries_from_qt(shown.queue_view.viewport()) == ["paintEvent"]


def test_the_selected_rows_reply_state_is_in_the_selections_text_colour(
    qtbot: QtBot, shown: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On the selection's shade the reply state is written as the row's other texts are,
    not in its state's colour (dark on dark blue, before)."""
    real = QueueModel.cell_value

    def with_reply(model: QueueModel, row: int, column: int, role: int) -> object:
        if column == Column.REPLY:
            if role == Role.REPLY_STATE:
                return ReplyState.SENT.value
            if role == DISPLAY:
                return "sent"
        return real(model, row, column, role)

    monkeypatch.setattr(QueueModel, "cell_value", with_reply)
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
