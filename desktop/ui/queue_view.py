"""The queue table: columns sized for reading, countdowns that tick, keyboard moves.

Each tick repaints the countdown cells of the rows on screen and nothing
else. The selection is kept by complaint id across reloads.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from desktop.core.deadlines import Countdown, DeadlineKind, Urgency
from desktop.core.model import ReplyState, Status
from desktop.ui import labels
from desktop.ui.delegates import (
    PAD,
    CellStyle,
    ChannelDelegate,
    CountdownDelegate,
    ReplyStateDelegate,
    StatusDelegate,
    TextDelegate,
)
from desktop.ui.labels import reply_state_label, status_label
from desktop.ui.queue_columns import Column, Role
from desktop.ui.queue_model import QueueModel
from desktop.ui.row_painting import RowPainter

TICK_MS = 10_000  # countdowns show minutes: a 10 s tick keeps them at most 10 s behind
ROW_HEIGHT = 38
# Changes that move what is shown: the next page of ids lays the whole view out again.
# Others (the window activated, a tooltip's palette) leave the rows where they are.
_RELAYOUT_EVENTS = frozenset(
    {
        QEvent.Type.FontChange,
        QEvent.Type.StyleChange,
        QEvent.Type.LanguageChange,
        QEvent.Type.LayoutDirectionChange,
    }
)

_WIDTHS = {
    Column.COUNTDOWN: 164,  # "59 minutes overdue", bold
    Column.CHANNEL: 40,
    Column.AUTHOR: 136,
    Column.EXCERPT: 220,
    Column.RECEIVED: 118,
    Column.STATUS: 112,
    Column.REPLY: 84,
}


STATUS_MARK = 14  # the status delegate's dot and the gap after it
REPLY_SIGN = "◷ "  # the widest of the reply delegate's signs, and its space
PILL_ROOM = 20  # the countdown pill's ends around its text
# Times left or overdue whose words are the longest of their kind (two-digit hours and
# minutes, one- and two-digit days), either way.
_LONG_WAITS = tuple(
    sign * timedelta(days=days, hours=hours, minutes=59)
    for sign in (1, -1)
    for days in (0, 1, 9, 10, 29)
    for hours in (0, 9, 23)
)


def longest_countdowns() -> list[str]:
    """The words the countdown column shows at their longest, in the current language."""
    texts = [labels.urgency_label(Urgency.VIRAL)]
    for remaining in _LONG_WAITS:
        urgency = Urgency.ON_TIME if remaining > timedelta(0) else Urgency.OVERDUE
        texts.append(
            labels.countdown_text(Countdown(None, None, remaining, urgency, DeadlineKind.ANSWER))
        )
    return texts


def label_column_width(column: Column, font: QFont) -> int:
    """The width that shows every word of the column whole, in the current language.

    Mirrors what the delegates draw: padding, a mark or a pill's ends, the
    words (bold where the delegate makes them bold).
    """
    bold = QFont(font)
    bold.setBold(True)
    if column is Column.STATUS:
        words, mark = [status_label(s) for s in Status], STATUS_MARK
    elif column is Column.REPLY:
        words, mark, font = [REPLY_SIGN + reply_state_label(s) for s in ReplyState], 0, bold
    elif column is Column.COUNTDOWN:
        words, mark, font = longest_countdowns(), PILL_ROOM, bold
    else:
        raise ValueError(f"{column!r} does not show labels")
    widest = max(QFontMetrics(font).horizontalAdvance(word) for word in words)
    return PAD + mark + widest + PAD + 2  # two pixels: rounding of fractional advances


class QueueView(QTableView):
    complaint_selected = Signal(object)  # int | None

    def __init__(self, model: QueueModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Rows appended below the screen (a page of ids) need only the scroll bar's range:
        # see doItemsLayout. Any other change lays out and repaints the view as Qt does.
        self._laid_out_rows = -1  # the row count at the last layout (-1: none yet)
        self._appends_only = False  # nothing but rows at the end changed since then
        self.setObjectName("queueTable")
        self.setModel(model)
        self._model = model
        self._selected_id: int | None = None
        self._loaded_once = False
        self._configure()
        self._cell_style = CellStyle(self)  # read again at each repaint
        style = self._cell_style
        self._delegates = {
            Column.COUNTDOWN: CountdownDelegate(style, self),
            Column.CHANNEL: ChannelDelegate(style, self),
            Column.STATUS: StatusDelegate(style, self),
            Column.REPLY: ReplyStateDelegate(style, self),
        }
        text = TextDelegate(style, self)
        for column in (Column.AUTHOR, Column.EXCERPT, Column.RECEIVED):
            self._delegates[column] = text
        for column, delegate in self._delegates.items():
            self.setItemDelegateForColumn(column, delegate)
        self._rows = RowPainter(self, style, self._delegates)
        self.selectionModel().currentRowChanged.connect(self._on_current_row)
        model.modelReset.connect(self._restore_selection)
        model.layoutChanged.connect(self._remember_selection)
        model.loaded.connect(self._on_loaded)
        model.rowsInserted.connect(self._on_rows_inserted)
        for signal in (
            model.modelReset,
            model.layoutChanged,
            model.rowsRemoved,
            model.rowsMoved,
            model.columnsInserted,
            model.columnsRemoved,
        ):
            signal.connect(self._lay_out_all)
        self.tick_timer = QTimer(self, interval=TICK_MS)
        self.tick_timer.timeout.connect(self.tick)
        self.tick_timer.start()
        self.retranslate()

    def _configure(self) -> None:
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        rows = self.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(ROW_HEIGHT)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionsMovable(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setMinimumSectionSize(40)
        for column, width in _WIDTHS.items():
            header.resizeSection(column, width)
        header.setSectionResizeMode(Column.CHANNEL, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(Column.EXCERPT, QHeaderView.ResizeMode.Stretch)

    def fit_label_columns(self) -> None:
        """Widen the countdown, status and reply columns to their longest words."""
        header = self.horizontalHeader()
        for column in (Column.COUNTDOWN, Column.STATUS, Column.REPLY):
            wanted = max(label_column_width(column, self.font()), _WIDTHS[column])
            if header.sectionSize(column) < wanted:
                header.resizeSection(column, wanted)

    def retranslate(self) -> None:
        self.fit_label_columns()
        self.setAccessibleName(self.tr("Complaint queue"))
        self.setAccessibleDescription(
            self.tr("Complaints, most urgent first. J and K move to the next and previous one.")
        )

    # --- what the window calls -----------------------------------------------------------

    @property
    def selected_id(self) -> int | None:
        return self._selected_id

    def visible_rows(self) -> tuple[int, int]:
        """First and last row on screen; (0, -1) when none is."""
        count = self._model.rowCount()
        if count == 0:
            return 0, -1
        first = self.rowAt(0)
        last = self.rowAt(self.viewport().height() - 1)
        return max(first, 0), count - 1 if last < 0 else last

    def tick(self) -> None:
        first, last = self.visible_rows()
        self._model.refresh_countdowns(first, last)

    def select_next(self) -> None:
        self._move(+1)

    def select_previous(self) -> None:
        self._move(-1)

    def select_complaint(self, complaint_id: int | None) -> bool:
        row = None if complaint_id is None else self._model.row_of(complaint_id)
        if row is None:
            self.selectionModel().clear()
            self._set_selected(None)
            return False
        self._select_row(row)
        return True

    # --- internals ------------------------------------------------------------------------

    def _move(self, step: int) -> None:
        count = self._model.rowCount()
        if count == 0:
            return
        current = self.currentIndex().row() if self.currentIndex().isValid() else -1
        target = 0 if current < 0 else min(max(current + step, 0), count - 1)
        self._select_row(target)

    def _select_row(self, row: int) -> None:
        index = self._model.index(row, Column.EXCERPT)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.selectionModel().setCurrentIndex(index, flags)
        self.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._set_selected(self._model.complaint_id(current.row()) if current.isValid() else None)

    def _set_selected(self, complaint_id: int | None) -> None:
        if complaint_id != self._selected_id:
            self._selected_id = complaint_id
            self.complaint_selected.emit(complaint_id)

    def _restore_selection(self) -> None:
        wanted = self._selected_id
        row = None if wanted is None else self._model.row_of(wanted)
        if row is not None:
            self._select_row(row)

    def _remember_selection(self) -> None:
        current = self.currentIndex()
        if current.isValid():
            self._selected_id = self._model.complaint_id(current.row())

    def _on_loaded(self) -> None:
        self._loaded_once = True
        self.viewport().update()

    def dataChanged(  # noqa: N802
        self,
        top_left: QModelIndex | QPersistentModelIndex,
        bottom_right: QModelIndex | QPersistentModelIndex,
        roles: Sequence[int] = (),
    ) -> None:
        """A countdown tick repaints exactly its cells (Qt's own rect spills a pixel over)."""
        countdown = Column.COUNTDOWN
        if top_left.column() == bottom_right.column() == countdown and Role.PILL in roles:
            top = self.rowViewportPosition(top_left.row())
            bottom = self.rowViewportPosition(bottom_right.row()) + self.rowHeight(
                bottom_right.row()
            )
            left = self.columnViewportPosition(countdown)
            self.viewport().update(QRect(left, top, self.columnWidth(countdown), bottom - top))
            return
        super().dataChanged(top_left, bottom_right, roles)

    def doItemsLayout(self) -> None:  # noqa: N802
        """Qt lays out and repaints the whole view whenever the row count changes: as the
        ids are read, a repaint per page (10-40 ms on the GUI thread with the delegates).
        When the only change is rows appended below a full screen, nothing shown moved:
        the scroll bar's range is all there is to update."""
        rows = self.model().rowCount()
        bottom = self.rowAt(self.viewport().height() - 1)
        if self._appends_only and 0 <= bottom < self._laid_out_rows <= rows:
            self.updateGeometries()
        else:
            super().doItemsLayout()
        self._laid_out_rows = rows
        self._appends_only = True

    def _on_rows_inserted(self, _parent: QModelIndex, first: int, last: int) -> None:
        if first != self._model.rowCount() - (last - first + 1):  # not at the end
            self._lay_out_all()

    def _lay_out_all(self) -> None:
        self._appends_only = False

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.FontChange:
            self.fit_label_columns()
        if event.type() in _RELAYOUT_EVENTS:
            self._lay_out_all()
        super().changeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        """The rows, painted here, not by Qt's table (see ``desktop.ui.row_painting``)."""
        self._cell_style.read(self)
        painter = QPainter(self.viewport())
        self._rows.paint(painter, event.rect())
        if self._loaded_once and self._model.rowCount() == 0:
            painter.setPen(self.palette().color(self.palette().ColorRole.PlaceholderText))
            painter.drawText(
                self.viewport().rect().adjusted(24, 48, -24, 0),
                int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                self.tr("No complaint matches. Clear the search or choose another filter."),
            )
        painter.end()
        self._model.rows_shown()
