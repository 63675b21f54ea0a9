"""Painting the queue's cells. Delegates only paint: every value comes from the model.

The countdown is a pill whose colour follows the urgency and whose text says
it too ("sisa 5 jam", "terlambat 2 hari", "RAWAN VIRAL"); the channel is its icon;
status and reply state are words with a small mark.

A cell is painted with as few Qt objects made for Python as can be: each one
freed (a QRect, QFont or QPalette copied out of Qt, the index Qt passes into
Python) lets another thread take the interpreter, and while a sync stores its
pages the GUI thread then waits for it to get it back. So the view paints its
rows itself and hands each delegate a ``Cell`` of numbers (``paint_cell``, see
``desktop.ui.row_painting``); the font and colours every cell shares are read
from the view once a repaint (``CellStyle``); the model is asked in Python.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QFontMetricsF,
    QPainter,
    QPalette,
    QStaticText,
)
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from desktop.core.deadlines import Urgency
from desktop.core.model import Channel, ReplyState, Status
from desktop.ui import icons
from desktop.ui.queue_columns import Role
from desktop.ui.theme import Colours, colours_for

Index = QModelIndex | QPersistentModelIndex
PAD = 8
_URGENCIES = {int(u): u for u in Urgency}


_SELECTED = QStyle.StateFlag.State_Selected
_ORIGIN = QPointF(0, 0)
_DOT = QRectF(0, 0, 7, 7)


class CellStyle:
    """The font, text colours and theme every cell of a repaint is painted with, read
    from the view once a repaint (``read``) instead of from each cell's option.

    They are what Qt's table puts in each cell's option: the view's font, and its
    palette in the Normal group (Disabled when the view is disabled); the model gives
    no font or colour of its own.
    """

    def __init__(self, view: QWidget) -> None:
        self.read(view)

    def read(self, view: QWidget) -> None:
        palette = view.palette()
        group = QPalette.ColorGroup.Normal if view.isEnabled() else QPalette.ColorGroup.Disabled
        self.font: QFont = view.font()
        self.font_key: str = self.font.key()
        self.text: QColor = palette.color(group, QPalette.ColorRole.Text)
        self.selected_text: QColor = palette.color(group, QPalette.ColorRole.HighlightedText)
        self.colours: Colours = colours_for(palette)
        self.pixel_ratio: float = view.devicePixelRatioF()
        style = view.style()
        # What Qt's item delegate leaves either side of a cell's text.
        self.text_margin: int = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1
        # The row shades, as the style's row panel paints them (QCommonStyle's
        # PE_PanelItemViewRow): in the Inactive group when the window is not active. A
        # style that does not shade a selected row whole leaves it to the delegate, which
        # paints it in the cell's own group (``_background``).
        shade_group = group
        if group == QPalette.ColorGroup.Normal and not view.isActiveWindow():
            shade_group = QPalette.ColorGroup.Inactive
        whole_row = style.styleHint(_WHOLE_ROW_SELECTED, None, view)
        self.selected_shade: QBrush = palette.brush(
            shade_group if whole_row else group, QPalette.ColorRole.Highlight
        )
        self.alternate_shade: QBrush = palette.brush(shade_group, QPalette.ColorRole.AlternateBase)

    def ink(self, selected: bool) -> QColor:
        """The colour of a cell's text: the selection's on a selected row."""
        return self.selected_text if selected else self.text


class Cell:
    """One cell to paint: where (in the view's coordinates), which, and whether its row
    is selected. The view's row painting moves one ``Cell`` from cell to cell; its
    values are asked of the model in Python, by row and column."""

    __slots__ = ("column", "height", "left", "model", "row", "selected", "top", "width")

    def __init__(self, model: Any) -> None:
        self.model = model  # a QueueModel (``cell_value``)
        self.row = self.column = self.left = self.top = self.width = self.height = 0
        self.selected = False

    @classmethod
    def of(cls, option: QStyleOptionViewItem, index: Index) -> Cell:
        """The cell Qt asks a delegate to paint, with its option and index."""
        cell = cls(index.model())
        rect = option.rect
        cell.row, cell.column = index.row(), index.column()
        cell.left, cell.top, cell.width, cell.height = (
            rect.left(),
            rect.top(),
            rect.width(),
            rect.height(),
        )
        cell.selected = _SELECTED in option.state
        return cell

    def value(self, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return self.model.cell_value(self.row, self.column, role)


_WHOLE_ROW_SELECTED = QStyle.StyleHint.SH_ItemView_ShowDecorationSelected


def model_value(index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
    """``index.data(role)`` asked of the model in Python, not through Qt: Qt's call back
    into Python would wrap the index anew, and freeing that wrapper lets another thread
    take the interpreter (up to 5 ms to get it back while a sync stores its pages)."""
    model = index.model()
    return None if model is None else model.data(index, role)


def _background(painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
    """The selection's shade, where the style has not painted it already.

    The table view has its style paint each cell's row panel before the delegate paints:
    the alternate rows' shade always, the selection's too where the style shows the
    selection under the whole row (Fusion, the app's style, does). Painting them again
    cost a tenth of a repaint."""
    if _SELECTED in option.state:
        style = option.widget.style() if option.widget else QApplication.style()
        if not style.styleHint(_WHOLE_ROW_SELECTED, option, option.widget):
            painter.fillRect(option.rect, option.palette.brush(QPalette.ColorRole.Highlight))


class CellDelegate(QStyledItemDelegate):
    """A delegate whose drawing is ``paint_cell``: the view's row painting calls it with a
    ``Cell``; Qt's ``paint`` (a drag's picture, any other view) comes to it too."""

    def __init__(self, style: CellStyle, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._style = style

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        _background(painter, option, index)
        self.paint_cell(painter, Cell.of(option, index))

    def paint_cell(self, painter: QPainter, cell: Cell) -> None:
        raise NotImplementedError


class TextDelegate(CellDelegate):
    """Plain text, elided at the right: the pixels Qt's item delegate paints for a text
    cell, from one call into the model (Qt's asks it for eight roles) and without laying
    the text out again on each repaint. Tooltips and size hints stay Qt's."""

    def __init__(self, style: CellStyle, parent: QObject | None = None) -> None:
        super().__init__(style, parent)
        self._texts = Texts()

    def paint_cell(self, painter: QPainter, cell: Cell) -> None:
        text = cell.value()
        if not text:
            return
        style, margin = self._style, self._style.text_margin
        painter.save()
        painter.setFont(style.font)
        painter.setPen(style.ink(cell.selected))
        self._texts.draw(
            painter,
            (style.font, style.font_key),
            (cell.left + margin, cell.top, cell.width - 2 * margin, cell.height),
            text,
        )
        painter.restore()


class Texts:
    """Texts laid out once, by font and width: laying a text out is most of what drawing
    it costs. Each is elided at the right to its width, and drawn left-aligned and
    vertically centred, as Qt's item views draw a cell's text. A text seen once is
    drawn as it is (a layout kept costs more to make than one drawing); from its
    second repaint on, its layout is kept."""

    LIMIT = 2000  # a page shows about 60: this many covers scrolling back and forth

    def __init__(self) -> None:
        self._texts: dict[tuple[str, int, str], str | QStaticText] = {}
        self._metrics: dict[str, QFontMetricsF] = {}

    def draw(
        self,
        painter: QPainter,
        font: tuple[QFont, str],
        box: tuple[int, int, int, int],
        text: str,
    ) -> None:
        """Draw ``text`` in ``box`` (left, top, width, height) with ``font`` (the font
        the painter has, and its key), in the painter's pen."""
        qfont, font_key = font
        left, top, width, height = box
        key = (font_key, width, text)
        known = self._texts.get(key)
        if known is None:  # first seen: elided, drawn where Qt draws it
            if len(self._texts) >= self.LIMIT:
                self._texts.clear()
            metrics = self._metrics.get(font_key)
            if metrics is None:
                metrics = self._metrics[font_key] = QFontMetricsF(qfont)
            elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
            self._texts[key] = elided
            painter.drawText(left, top, width, height, _LEFT, elided)
            return
        if isinstance(known, str):  # seen again: worth its layout
            known = self._texts[key] = QStaticText(known)
            known.setTextFormat(Qt.TextFormat.PlainText)
        y = top + (height - self._metrics[font_key].height()) / 2
        painter.translate(left, y)  # numbers, not a QPointF made and freed
        painter.drawStaticText(_ORIGIN, known)
        painter.translate(-left, -y)


_LEFT = int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
_COLOURS: dict[tuple[str, int], QColor] = {}


def named_colour(name: str, alpha: int = 255) -> QColor:
    """The colour ``name`` (``alpha`` its opacity), made once: shared, not to be changed."""
    found = _COLOURS.get((name, alpha))
    if found is None:
        found = _COLOURS[(name, alpha)] = QColor(name)
        found.setAlpha(alpha)
    return found


def centre_y(top: int, height: int) -> int:
    """``QRect(left, top, width, height).center().y()``, without the QRect and QPoint
    (C++'s division: toward zero, for a cell scrolled partly above the view)."""
    return int((2 * top + height - 1) / 2)


class CountdownDelegate(CellDelegate):
    """A rounded pill: colour by urgency, text always. Repainted at every tick: kept lean."""

    def __init__(self, style: CellStyle, parent: QObject | None = None) -> None:
        super().__init__(style, parent)
        self._fonts: dict[tuple[str, bool], tuple[QFont, QFontMetrics, QFontMetricsF]] = {}
        # Each pill text laid out once: its width in whole and fractional pixels, and itself.
        self._texts: dict[tuple[str, bool, str], tuple[int, float, QStaticText]] = {}
        self._pills: dict[tuple[int, int], QRectF] = {}  # by width and height, at (0, 0)

    def _font(self, bold: bool) -> tuple[QFont, QFontMetrics, QFontMetricsF]:
        key = (self._style.font_key, bold)
        found = self._fonts.get(key)
        if found is None:
            font = QFont(self._style.font)
            font.setBold(bold)
            found = self._fonts[key] = (font, QFontMetrics(font), QFontMetricsF(font))
        return found

    def _pill(self, width: int, height: int) -> QRectF:
        found = self._pills.get((width, height))
        if found is None:
            found = self._pills[(width, height)] = QRectF(0, 0, width, height)
        return found

    def paint_cell(self, painter: QPainter, cell: Cell) -> None:
        shown = cell.value(Role.PILL)
        if shown is None:
            return
        text, urgency_value = shown
        urgency = _URGENCIES[urgency_value]
        fill, ink = self._style.colours.urgency[urgency]
        bold = urgency >= Urgency.OVERDUE
        font, metrics, exact = self._font(bold)
        text_key = (self._style.font_key, bold, text)
        laid_out = self._texts.get(text_key)
        if laid_out is None:
            if len(self._texts) > 2000:
                self._texts.clear()
            static = QStaticText(text)
            static.setTextFormat(Qt.TextFormat.PlainText)
            advance = metrics.horizontalAdvance(text)
            laid_out = self._texts[text_key] = (advance, exact.horizontalAdvance(text), static)
        advance, natural, static = laid_out
        top, cell_height = cell.top, cell.height
        height = min(cell_height - 8, metrics.height() + 8)
        width = min(cell.width - 2 * PAD, advance + 20)
        pill = self._pill(width, height)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        # The pill drawn at (0, 0) of a painter moved to its place: numbers, not a QRectF.
        painter.translate(cell.left + PAD, centre_y(top, cell_height) - height / 2 + 1)
        if urgency is not Urgency.NONE:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(named_colour(fill))
            painter.drawRoundedRect(pill, height / 2, height / 2)
        painter.setFont(font)
        painter.setPen(named_colour(ink))
        if advance > width - 12:  # a narrow column: elided, laid out each time
            text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width - 12)
            painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
        else:  # where drawText centres it
            painter.translate((width - natural) / 2, (height - exact.height()) / 2)
            painter.drawStaticText(_ORIGIN, static)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        hint = super().sizeHint(option, index)
        return QSize(hint.width() + 2 * PAD + 20, hint.height() + 12)


class ChannelDelegate(CellDelegate):
    """The channel's icon, centred; its name is the tooltip and the accessible text."""

    ICON = 18

    def paint_cell(self, painter: QPainter, cell: Cell) -> None:
        value = cell.value(Role.CHANNEL)
        if value is None:
            return
        pixmap = icons.channel_pixmap(Channel(value), self.ICON, self._style.pixel_ratio)
        x = cell.left + (cell.width - self.ICON) // 2
        y = cell.top + (cell.height - self.ICON) // 2
        painter.drawPixmap(x, y, pixmap)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        return QSize(self.ICON + 2 * PAD, self.ICON + 12)


_STATUS_MARK = {
    Status.NEW: "#2f6fd6",
    Status.ACKNOWLEDGED: "#2e8b57",
    Status.IN_PROGRESS: "#b7791f",
    Status.RESOLVED: "#7a8088",
    Status.DISMISSED: "#a0a6ad",
}


class StatusDelegate(CellDelegate):
    """The status word after a small coloured dot."""

    def __init__(self, style: CellStyle, parent: QObject | None = None) -> None:
        super().__init__(style, parent)
        self._texts = Texts()

    def paint_cell(self, painter: QPainter, cell: Cell) -> None:
        text = cell.value()
        value = cell.value(Role.STATUS)
        if not text or value is None:
            return
        style = self._style
        left, top, width, height = cell.left, cell.top, cell.width, cell.height
        dot_left, dot_top = left + PAD, centre_y(top, height) - 3
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(named_colour(_STATUS_MARK[Status(value)]))
        painter.translate(dot_left, dot_top)
        painter.drawEllipse(_DOT)
        painter.translate(-dot_left, -dot_top)
        painter.setFont(style.font)
        painter.setPen(style.ink(cell.selected))
        box = (left + PAD + 14, top, width - 2 * PAD - 14, height)
        self._texts.draw(painter, (style.font, style.font_key), box, text)
        painter.restore()


_REPLY_MARK = {
    ReplyState.QUEUED: ("◷", "#5b6b7f", "#a3b1c2"),
    ReplyState.SENDING: ("↑", "#1d5fa8", "#7fb2f0"),
    ReplyState.UNCERTAIN: ("?", "#9a5b00", "#f0a73a"),
    ReplyState.SENT: ("✓", "#2e7d4f", "#5cc08a"),
    ReplyState.FAILED: ("!", "#b42318", "#ff7a6b"),
    ReplyState.CANCELLED: ("–", "#7a8088", "#9aa0a8"),
}


class ReplyStateDelegate(CellDelegate):
    """The delivery state of our replies: a sign and a word, coloured by state."""

    def __init__(self, style: CellStyle, parent: QObject | None = None) -> None:
        super().__init__(style, parent)
        self._texts = Texts()
        self._bold: dict[str, tuple[QFont, str]] = {}

    def paint_cell(self, painter: QPainter, cell: Cell) -> None:
        value = cell.value(Role.REPLY_STATE)
        text = cell.value()
        if value is None or not text:
            return
        style = self._style
        sign, light, dark = _REPLY_MARK[ReplyState(value)]
        painter.save()
        painter.setPen(
            style.ink(True)
            if cell.selected
            else named_colour(dark if style.colours.dark else light)
        )
        font = (style.font, style.font_key)
        if ReplyState(value) is ReplyState.FAILED:
            font = self._bold_of(style.font, style.font_key)
        painter.setFont(font[0])
        box = (cell.left + PAD, cell.top, cell.width - 2 * PAD, cell.height)
        self._texts.draw(painter, font, box, f"{sign} {text}")
        painter.restore()

    def _bold_of(self, font: QFont, key: str) -> tuple[QFont, str]:
        bold = self._bold.get(key)
        if bold is None:
            made = QFont(font)
            made.setBold(True)
            bold = self._bold[key] = (made, made.key())
        return bold
