"""Painting the side bar's entries: section titles in small capitals; filters with an
icon, a title and a count badge.

As the queue's rows (``desktop.ui.row_painting``), the entries are painted in one
call into Python: the side bar's view (``desktop.ui.sidebar_view``) hands the
delegate an ``EntryCell`` of numbers (``paint_entry``), fonts and their metrics are
made once per font, colours once per name, and the model is asked in Python. Each
Qt object made for Python and freed lets another thread take the interpreter, and
the side bar repaints its counts after every page a sync stores.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop.core.deadlines import Urgency
from desktop.core.model import Channel
from desktop.ui import icons
from desktop.ui.delegates import centre_y, model_value, named_colour
from desktop.ui.sidebar_model import SidebarRole
from desktop.ui.theme import Colours, colours_for

Index = QModelIndex | QPersistentModelIndex
_VCENTRE = int(Qt.AlignmentFlag.AlignVCenter)
ENTRY_WIDTH = 180  # what an entry asks for; the view gives it its whole width


@dataclass(frozen=True, slots=True)
class _Fonts:
    """The side bar's fonts, made from the view's."""

    section: QFont
    title: QFont
    selected: QFont
    title_metrics: QFontMetrics
    selected_metrics: QFontMetrics
    badge: QFont
    badge_metrics: QFontMetrics
    height: int  # the view font's line height

    @classmethod
    def of(cls, base: QFont) -> _Fonts:
        section = QFont(base)
        section.setBold(True)
        section.setPointSizeF(section.pointSizeF() * 0.85)
        section.setCapitalization(QFont.Capitalization.AllUppercase)
        section.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 106)
        title, selected = QFont(base), QFont(base)
        title.setBold(False)
        selected.setBold(True)
        badge = QFont(base)
        badge.setPointSizeF(badge.pointSizeF() * 0.9)
        badge.setBold(True)
        return cls(
            section,
            title,
            selected,
            QFontMetrics(title),
            QFontMetrics(selected),
            badge,
            QFontMetrics(badge),
            QFontMetrics(base).height(),
        )


@dataclass(frozen=True, slots=True)
class Look:
    """What every entry of a repaint is painted with: read once a repaint."""

    fonts: _Fonts
    colours: Colours
    text: QColor  # the titles' colour
    pixel_ratio: float


class EntryCell:
    """One entry to paint: where, which, selected or under the mouse. The side bar's
    view moves one ``EntryCell`` from entry to entry; its values are asked of the
    model in Python, by row."""

    __slots__ = ("height", "hovered", "left", "model", "row", "selected", "top", "width")

    def __init__(self, model: Any) -> None:
        self.model = model  # a SidebarModel (``entry_value``)
        self.row = self.left = self.top = self.width = self.height = 0
        self.selected = self.hovered = False

    def value(self, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return self.model.entry_value(self.row, role)


class SidebarDelegate(QStyledItemDelegate):
    """Section titles in small capitals; filters with an icon and a count badge.

    The side bar's view paints its entries with ``paint_entry``; Qt's ``paint`` comes
    to it too (a drag's picture, any other view)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fonts: dict[str, _Fonts] = {}  # by the view font's key
        self._badges: dict[tuple[int, int], QRectF] = {}  # by width and height, at (0, 0)

    def fonts(self, font: QFont) -> _Fonts:
        """The side bar's fonts, made from the view's ``font`` once."""
        key = font.key()
        found = self._fonts.get(key)
        if found is None:
            found = self._fonts[key] = _Fonts.of(font)
        return found

    def look(self, font: QFont, palette: QPalette, pixel_ratio: float) -> Look:
        """The look of a repaint in ``font``, and ``palette`` in its current group."""
        text = palette.color(QPalette.ColorRole.Text)
        return Look(self.fonts(font), colours_for(palette), text, pixel_ratio)

    def entry_height(self, fonts: _Fonts, section: bool) -> int:
        return fonts.height + (18 if section else 14)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        look = self.look(option.font, option.palette, painter.device().devicePixelRatioF())
        cell = EntryCell(index.model())
        rect = option.rect
        cell.row, cell.left, cell.top = index.row(), rect.left(), rect.top()
        cell.width, cell.height = rect.width(), rect.height()
        cell.selected = QStyle.StateFlag.State_Selected in option.state
        cell.hovered = QStyle.StateFlag.State_MouseOver in option.state
        self.paint_entry(painter, look, cell)

    def paint_entry(self, painter: QPainter, look: Look, cell: EntryCell) -> None:
        fonts, colours = look.fonts, look.colours
        left, top, width, height = cell.left, cell.top, cell.width, cell.height
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if cell.value(SidebarRole.SECTION):
            painter.setFont(fonts.section)
            painter.setPen(named_colour(colours.muted))
            painter.drawText(left + 16, top + 8, width - 24, height - 8, _VCENTRE, cell.value())
            painter.restore()
            return
        # The entry's body: the cell less 8 pixels each side and one above and below.
        body_left, body_width = left + 8, width - 16
        if cell.selected or cell.hovered:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(named_colour(colours.accent, 40 if cell.selected else 18))
            painter.drawRoundedRect(body_left, top + 1, body_width, height - 2, 6, 6)
        text_left = body_left + 10
        channel = cell.value(SidebarRole.CHANNEL)
        if channel:
            pixmap = icons.channel_pixmap(Channel(channel), 16, look.pixel_ratio)
            painter.drawPixmap(text_left, centre_y(top, height) - 8, pixmap)
            text_left += 24
        count = cell.value(SidebarRole.COUNT)
        badge_width = 0
        if count:
            alert = bool(cell.value(SidebarRole.ALERT))
            body = (body_left, top + 1, body_width, height - 2)
            badge_width = self._paint_badge(painter, fonts, colours, f"{count:,}", alert, body)
        font, metrics = (
            (fonts.selected, fonts.selected_metrics)
            if cell.selected
            else (fonts.title, fonts.title_metrics)
        )
        painter.setFont(font)
        painter.setPen(look.text)
        title_width = width - (text_left - left) - (badge_width + 22)
        title = metrics.elidedText(cell.value(), Qt.TextElideMode.ElideRight, title_width)
        painter.drawText(text_left, top, title_width, height, _VCENTRE, title)
        painter.restore()

    def _paint_badge(
        self,
        painter: QPainter,
        fonts: _Fonts,
        colours: Colours,
        count: str,
        alert: bool,
        body: tuple[int, int, int, int],
    ) -> int:
        """The count in a rounded badge at the right of the entry's ``body`` (left, top,
        width, height); returns the badge's width."""
        body_left, body_top, body_width, body_height = body
        text = count.replace(",", ".")
        width = fonts.badge_metrics.horizontalAdvance(text) + 14
        height = fonts.badge_metrics.height() + 4
        fill, ink = colours.urgency[Urgency.OVERDUE] if alert else (colours.border, colours.text)
        badge = self._badges.get((width, height))
        if badge is None:
            badge = self._badges[(width, height)] = QRectF(0, 0, width, height)
        painter.save()
        # The badge drawn at (0, 0) of a painter moved to its place: numbers, not a QRectF.
        painter.translate(
            body_left + body_width - width - 8, body_top + body_height / 2 - height / 2
        )
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(named_colour(fill))
        painter.drawRoundedRect(badge, height / 2, height / 2)
        painter.setFont(fonts.badge)
        painter.setPen(named_colour(ink))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()
        return width

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        section = bool(model_value(index, SidebarRole.SECTION))
        return QSize(ENTRY_WIDTH, self.entry_height(self.fonts(option.font), section))
