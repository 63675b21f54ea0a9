"""Painting the queue's cells. Delegates only paint: every value comes from the model.

The countdown is a pill whose colour follows the urgency and whose text says
it too ("sisa 5 jam", "terlambat 2 hari", "RAWAN VIRAL"); the channel is its icon;
status and reply state are words with a small mark.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QFontMetricsF,
    QPainter,
    QPalette,
    QStaticText,
)
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop.core.deadlines import Urgency
from desktop.core.model import Channel, ReplyState, Status
from desktop.ui import icons
from desktop.ui.queue_columns import Role
from desktop.ui.theme import colours_for

Index = QModelIndex | QPersistentModelIndex
PAD = 8
_URGENCIES = {int(u): u for u in Urgency}


_SELECTED = QStyle.StateFlag.State_Selected
_WHOLE_ROW_SELECTED = QStyle.StyleHint.SH_ItemView_ShowDecorationSelected


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


class TextDelegate(QStyledItemDelegate):
    """Plain text, elided at the right: the pixels Qt's item delegate paints for a text
    cell, from one call into the model (Qt's asks it for eight roles) and without laying
    the text out again on each repaint. Tooltips and size hints stay Qt's."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._texts = Texts()
        self._margin: int | None = None

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        _background(painter, option, index)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if not text:
            return
        if self._margin is None:  # what Qt's style leaves either side of an item's text
            style = option.widget.style() if option.widget else QApplication.style()
            self._margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1
        rect = _rect(option).adjusted(self._margin, 0, -self._margin, 0)
        painter.save()
        painter.setFont(option.font)
        _text(painter, option, rect, text, texts=self._texts)
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

    def draw(self, painter: QPainter, rect: QRect, text: str) -> None:
        font = painter.font()
        font_key = font.key()
        key = (font_key, rect.width(), text)
        known = self._texts.get(key)
        if known is None:  # first seen: elided, drawn where Qt draws it
            if len(self._texts) >= self.LIMIT:
                self._texts.clear()
            metrics = self._metrics.get(font_key)
            if metrics is None:
                metrics = self._metrics[font_key] = QFontMetricsF(font)
            elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
            self._texts[key] = elided
            painter.drawText(rect, _LEFT, elided)
            return
        if isinstance(known, str):  # seen again: worth its layout
            known = self._texts[key] = QStaticText(known)
            known.setTextFormat(Qt.TextFormat.PlainText)
        top = rect.top() + (rect.height() - self._metrics[font_key].height()) / 2
        painter.drawStaticText(QPointF(rect.left(), top), known)


_LEFT = int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
_COLOURS: dict[str, QColor] = {}


def _colour(name: str) -> QColor:
    found = _COLOURS.get(name)
    if found is None:
        found = _COLOURS[name] = QColor(name)
    return found


def _selected(option: QStyleOptionViewItem) -> bool:
    return _SELECTED in option.state


def _rect(option: QStyleOptionViewItem) -> QRect:
    return option.rect


class CountdownDelegate(QStyledItemDelegate):
    """A rounded pill: colour by urgency, text always. Repainted at every tick: kept lean."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fonts: dict[tuple[str, bool], tuple[QFont, QFontMetrics, QFontMetricsF]] = {}
        # Each pill text laid out once: its width in whole and fractional pixels, and itself.
        self._texts: dict[tuple[str, bool, str], tuple[int, float, QStaticText]] = {}

    def _font(
        self, base: QFont, base_key: str, bold: bool
    ) -> tuple[QFont, QFontMetrics, QFontMetricsF]:
        key = (base_key, bold)
        found = self._fonts.get(key)
        if found is None:
            font = QFont(base)
            font.setBold(bold)
            found = self._fonts[key] = (font, QFontMetrics(font), QFontMetricsF(font))
        return found

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        _background(painter, option, index)
        shown = index.data(Role.PILL)
        if shown is None:
            return
        text, urgency_value = shown
        urgency = _URGENCIES[urgency_value]
        fill, ink = colours_for(option.palette).urgency[urgency]
        bold = urgency >= Urgency.OVERDUE
        base_key = option.font.key()
        font, metrics, exact = self._font(option.font, base_key, bold)
        text_key = (base_key, bold, text)
        laid_out = self._texts.get(text_key)
        if laid_out is None:
            if len(self._texts) > 2000:
                self._texts.clear()
            static = QStaticText(text)
            static.setTextFormat(Qt.TextFormat.PlainText)
            advance = metrics.horizontalAdvance(text)
            laid_out = self._texts[text_key] = (advance, exact.horizontalAdvance(text), static)
        advance, natural, static = laid_out
        rect = _rect(option)
        height = min(rect.height() - 8, metrics.height() + 8)
        width = min(rect.width() - 2 * PAD, advance + 20)
        pill = QRectF(rect.left() + PAD, rect.center().y() - height / 2 + 1, width, height)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if urgency is not Urgency.NONE:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(_colour(fill))
            painter.drawRoundedRect(pill, height / 2, height / 2)
        painter.setFont(font)
        painter.setPen(_colour(ink))
        if advance > pill.width() - 12:  # a narrow column: elided, laid out each time
            text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(pill.width()) - 12)
            painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
        else:  # where drawText centres it
            left = pill.left() + (pill.width() - natural) / 2
            top = pill.top() + (pill.height() - exact.height()) / 2
            painter.drawStaticText(QPointF(left, top), static)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        hint = super().sizeHint(option, index)
        return QSize(hint.width() + 2 * PAD + 20, hint.height() + 12)


class ChannelDelegate(QStyledItemDelegate):
    """The channel's icon, centred; its name is the tooltip and the accessible text."""

    ICON = 18

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        _background(painter, option, index)
        value = index.data(Role.CHANNEL)
        if value is None:
            return
        ratio = painter.device().devicePixelRatioF()
        pixmap = icons.channel_pixmap(Channel(value), self.ICON, ratio)
        rect = _rect(option)
        x = rect.left() + (rect.width() - self.ICON) // 2
        y = rect.top() + (rect.height() - self.ICON) // 2
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


class StatusDelegate(QStyledItemDelegate):
    """The status word after a small coloured dot."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._texts = Texts()

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        _background(painter, option, index)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        value = index.data(Role.STATUS)
        if not text or value is None:
            return
        rect = _rect(option)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(_colour(_STATUS_MARK[Status(value)]))
        painter.drawEllipse(QRectF(rect.left() + PAD, rect.center().y() - 3, 7, 7))
        _text(painter, option, rect.adjusted(PAD + 14, 0, -PAD, 0), text, texts=self._texts)
        painter.restore()


_REPLY_MARK = {
    ReplyState.QUEUED: ("◷", "#5b6b7f", "#a3b1c2"),
    ReplyState.SENDING: ("↑", "#1d5fa8", "#7fb2f0"),
    ReplyState.UNCERTAIN: ("?", "#9a5b00", "#f0a73a"),
    ReplyState.SENT: ("✓", "#2e7d4f", "#5cc08a"),
    ReplyState.FAILED: ("!", "#b42318", "#ff7a6b"),
    ReplyState.CANCELLED: ("–", "#7a8088", "#9aa0a8"),
}


class ReplyStateDelegate(QStyledItemDelegate):
    """The delivery state of our replies: a sign and a word, coloured by state."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._texts = Texts()
        self._bold: dict[str, QFont] = {}

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        _background(painter, option, index)
        value = index.data(Role.REPLY_STATE)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if value is None or not text:
            return
        sign, light, dark = _REPLY_MARK[ReplyState(value)]
        colour = dark if colours_for(option.palette).dark else light
        painter.save()
        if not _selected(option):
            painter.setPen(_colour(colour))
        font = option.font
        if ReplyState(value) is ReplyState.FAILED:
            font = self._bold_of(font)
        painter.setFont(font)
        rect = _rect(option).adjusted(PAD, 0, -PAD, 0)
        _text(painter, option, rect, f"{sign} {text}", texts=self._texts, pen=False)
        painter.restore()

    def _bold_of(self, font: QFont) -> QFont:
        key = font.key()
        bold = self._bold.get(key)
        if bold is None:
            bold = self._bold[key] = QFont(font)
            bold.setBold(True)
        return bold


def _text(
    painter: QPainter,
    option: QStyleOptionViewItem,
    rect: QRect,
    text: str,
    *,
    texts: Texts,
    pen: bool = True,
) -> None:
    if pen:
        role = QPalette.ColorRole.HighlightedText if _selected(option) else QPalette.ColorRole.Text
        painter.setPen(option.palette.color(role))
    texts.draw(painter, rect, text)
