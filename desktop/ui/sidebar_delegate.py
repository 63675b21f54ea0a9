"""Painting the side bar's entries: section titles in small capitals; filters with an
icon, a title and a count badge.

As in the queue's delegates (``desktop.ui.delegates``), an entry is painted with as
few Qt objects made for Python as can be: fonts and their metrics are made once per
font, colours once per name, the model is asked in Python, and positions are numbers.
Each such object freed lets another thread take the interpreter, and the side bar
repaints its counts after every page a sync stores.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop.core.deadlines import Urgency
from desktop.core.model import Channel
from desktop.ui import icons
from desktop.ui.delegates import centre_y, model_value, named_colour
from desktop.ui.sidebar_model import SidebarRole
from desktop.ui.theme import Colours, colours_for

Index = QModelIndex | QPersistentModelIndex
_VCENTRE = int(Qt.AlignmentFlag.AlignVCenter)


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


class SidebarDelegate(QStyledItemDelegate):
    """Section titles in small capitals; filters with an icon and a count badge."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fonts: dict[str, _Fonts] = {}  # by the view font's key
        self._badges: dict[tuple[int, int], QRectF] = {}  # by width and height, at (0, 0)

    def _fonts_of(self, option: QStyleOptionViewItem) -> _Fonts:
        base = option.font
        key = base.key()
        found = self._fonts.get(key)
        if found is None:
            found = self._fonts[key] = _Fonts.of(base)
        return found

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        palette = option.palette
        colours = colours_for(palette)
        fonts = self._fonts_of(option)
        rect = option.rect
        left, top, width, height = rect.left(), rect.top(), rect.width(), rect.height()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if model_value(index, SidebarRole.SECTION):
            painter.setFont(fonts.section)
            painter.setPen(named_colour(colours.muted))
            text = model_value(index)
            painter.drawText(left + 16, top + 8, width - 24, height - 8, _VCENTRE, text)
            painter.restore()
            return
        selected = QStyle.StateFlag.State_Selected in option.state
        hovered = QStyle.StateFlag.State_MouseOver in option.state
        # The entry's body: the cell less 8 pixels each side and one above and below.
        body_left, body_width = left + 8, width - 16
        if selected or hovered:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(named_colour(colours.accent, 40 if selected else 18))
            painter.drawRoundedRect(body_left, top + 1, body_width, height - 2, 6, 6)
        text_left = body_left + 10
        channel = model_value(index, SidebarRole.CHANNEL)
        if channel:
            ratio = painter.device().devicePixelRatioF()
            pixmap = icons.channel_pixmap(Channel(channel), 16, ratio)
            painter.drawPixmap(text_left, centre_y(top, height) - 8, pixmap)
            text_left += 24
        count = model_value(index, SidebarRole.COUNT)
        badge_width = 0
        if count:
            alert = bool(model_value(index, SidebarRole.ALERT))
            body = (body_left, top + 1, body_width, height - 2)
            badge_width = self._paint_badge(painter, fonts, colours, f"{count:,}", alert, body)
        font, metrics = (
            (fonts.selected, fonts.selected_metrics)
            if selected
            else (fonts.title, fonts.title_metrics)
        )
        painter.setFont(font)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        title_width = width - (text_left - left) - (badge_width + 22)
        title = metrics.elidedText(model_value(index), Qt.TextElideMode.ElideRight, title_width)
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
        height = self._fonts_of(option).height
        if model_value(index, SidebarRole.SECTION):
            return QSize(180, height + 18)
        return QSize(180, height + 14)
