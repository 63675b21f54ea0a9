"""The side bar's list, its entries painted in one call into Python.

Qt's list view paints entry by entry and calls into Python for each: the model's
row count (four times an entry, through ``index``), its ``flags`` (twice), the
delegate's ``sizeHint`` and ``paint``, each with an index or option made for it.
Each of those Qt objects, freed, lets another thread take the interpreter, and
the side bar repaints its counts after every page a sync stores: a repaint of 24
entries let it go about 350 times. Here ``paintEvent`` paints the same entries
itself, at the places Qt's list lays them out (one under the other, each as high
as the delegate says, as wide as the view), each asked of the delegate with
numbers (``SidebarDelegate.paint_entry``). The view keeps the row under the
mouse (from its mouse moves), which Qt keeps to itself.

What this leaves out, because the side bar has none of it: several columns or
rows of icons, spacing, a grid, hidden rows, a drop indicator.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QAccessible, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QListView, QWidget

from desktop.ui.sidebar_delegate import ENTRY_WIDTH, EntryCell, SidebarDelegate
from desktop.ui.sidebar_model import SidebarModel, SidebarRole

# What changes no entry's size: a count, and whether it alarms.
_SIZELESS_ROLES = {int(SidebarRole.COUNT), int(SidebarRole.ALERT)}


class SidebarView(QListView):
    def __init__(self, model: SidebarModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self._model = model
        self._delegate = SidebarDelegate(self)
        self.setItemDelegate(self._delegate)
        self._entry = EntryCell(model)
        self._hovered = -1  # the row under the mouse (-1: none)
        model.modelReset.connect(self._forget_hovered)

    def dataChanged(  # noqa: N802
        self,
        top_left: QModelIndex | QPersistentModelIndex,
        bottom_right: QModelIndex | QPersistentModelIndex,
        roles: Sequence[int] = (),
    ) -> None:
        """A count changed: repaint its entries. Qt's list would lay every entry out
        again (asking each its size hint, through Qt), though a count never changes an
        entry's size; it still does while a screen reader listens (it tells it too)."""
        if roles and set(roles) <= _SIZELESS_ROLES and not QAccessible.isActive():
            changed = self.visualRect(top_left).united(self.visualRect(bottom_right))
            self.viewport().update(changed)
            return
        super().dataChanged(top_left, bottom_right, roles)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        """Keep the row under the mouse: Qt's list keeps it to itself (and repaints the
        rows the mouse leaves and enters)."""
        self._hovered = self.indexAt(event.position().toPoint()).row()
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:  # noqa: N802
        self._hovered = -1
        super().leaveEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        """The entries, painted here, not by Qt's list."""
        group = QPalette.ColorGroup.Normal if self.isEnabled() else QPalette.ColorGroup.Disabled
        palette = self.palette()
        palette.setCurrentColorGroup(group)
        look = self._delegate.look(self.font(), palette, self.devicePixelRatioF())
        area = event.rect()
        first, last = area.top(), area.bottom()
        model, entry = self._model, self._entry
        selected = self._selected_rows()
        entry.left = -self.horizontalOffset()
        entry.width = max(self.viewport().width(), ENTRY_WIDTH)
        top = -self.verticalOffset()
        # The mouse may have left for the scroll bar: Qt's list then repaints the entry
        # it lit, unlit.
        hovered = self._hovered if self.viewport().underMouse() else -1
        painter = QPainter(self.viewport())
        for row in range(model.rowCount()):
            if top > last:
                break
            height = self._delegate.entry_height(
                look.fonts, bool(model.entry_value(row, SidebarRole.SECTION))
            )
            if top + height > first:
                entry.row, entry.top, entry.height = row, top, height
                entry.selected, entry.hovered = row in selected, row == hovered
                self._delegate.paint_entry(painter, look, entry)
            top += height
        painter.end()

    def _selected_rows(self) -> set[int]:
        """Not ``selectedRows``, which asks the model, through Qt, for its counts."""
        blocks = self.selectionModel().selection()
        found = (blocks.at(i) for i in range(blocks.count()))
        return {row for block in found for row in range(block.top(), block.bottom() + 1)}

    def _forget_hovered(self) -> None:
        self._hovered = -1
