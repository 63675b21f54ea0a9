"""The queue view's rows, painted in one call into Python.

Qt's table paints cell by cell and calls into Python for each: ``index`` asks the
model's row and column counts, then the delegate's ``paint`` gets an option and
an index made for it. Each of those Qt objects, freed, lets another thread take
the interpreter; while a sync stores its pages, a repaint of 20 rows let it go
about 600 times and waited for it as often. Here the view's ``paintEvent`` paints
the same cells itself: at the places, with the row shades, that
``QTableView::paintEvent`` and the style's row panel (``PE_PanelItemViewRow``)
give them, each delegate's drawing asked directly with numbers (``paint_cell``).

What this leaves out, because the queue has none of it: grid lines, spans,
hidden rows, editors, a drop indicator, right-to-left columns.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QRect
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QTableView

from desktop.ui.delegates import Cell, CellDelegate, CellStyle
from desktop.ui.queue_columns import Column


class RowPainter:
    """Paints the cells of ``view`` that a paint event's area touches."""

    def __init__(
        self, view: QTableView, style: CellStyle, delegates: Mapping[Column, CellDelegate]
    ) -> None:
        self._view, self._style, self._delegates = view, style, delegates
        self._cell = Cell(view.model())

    def paint(self, painter: QPainter, area: QRect) -> None:
        view, cell, style = self._view, self._cell, self._style
        rows = cell.model.rowCount()
        columns = self._columns(area)
        if rows == 0 or not columns:
            return
        bottom = min(area.bottom(), view.verticalHeader().length() - 1 - view.verticalOffset())
        first, last = view.rowAt(area.top()), view.rowAt(bottom)
        if first < 0:
            return
        if last < 0:
            last = rows - 1
        selection = self._selection()
        alternate = style.alternate_shade if view.alternatingRowColors() else None
        for row in range(first, last + 1):
            cell.row = row
            cell.top, cell.height = view.rowViewportPosition(row), view.rowHeight(row)
            shade = alternate if row & 1 else None
            selected = [(left, right) for top, end, left, right in selection if top <= row <= end]
            for column, left, width, delegate in columns:
                cell.selected = any(start <= column <= stop for start, stop in selected)
                if cell.selected:
                    painter.fillRect(left, cell.top, width, cell.height, style.selected_shade)
                elif shade is not None:
                    painter.fillRect(left, cell.top, width, cell.height, shade)
                cell.column, cell.left, cell.width = column, left, width
                delegate.paint_cell(painter, cell)

    def _selection(self) -> list[tuple[int, int, int, int]]:
        """The selected blocks: first and last row, first and last column. Not
        ``selectedRows``, which asks the model for its counts, through Qt, once a block."""
        blocks = self._view.selectionModel().selection()
        found = (blocks.at(i) for i in range(blocks.count()))
        return [(b.top(), b.bottom(), b.left(), b.right()) for b in found]

    def _columns(self, area: QRect) -> list[tuple[int, int, int, CellDelegate]]:
        """The columns ``area`` touches, left to right: their number, left edge, width
        and delegate."""
        view = self._view
        header = view.horizontalHeader()
        count = header.count()
        if count == 0:
            return []
        right = min(area.right(), header.length() - 1 - header.offset())
        first, last = header.visualIndexAt(area.left()), header.visualIndexAt(right)
        first = 0 if first < 0 else first
        last = count - 1 if last < 0 else last
        found = []
        for visual in range(first, last + 1):
            column = header.logicalIndex(visual)
            if not header.isSectionHidden(column):
                left, width = view.columnViewportPosition(column), view.columnWidth(column)
                found.append((column, left, width, self._delegates[Column(column)]))
        return found
