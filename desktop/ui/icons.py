"""The window's pictures: channel icons and the application icon, drawn from SVG.

The SVGs in ``resources/icons`` are our own simple glyphs (a coloured rounded
square with a sign), not the platforms' logos. They are rendered once per
size and kept.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from desktop import resources
from desktop.core.model import Channel


def icon_path(name: str) -> str:
    return str(resources.resources() / "icons" / f"{name}.svg")


@cache
def _renderer(name: str) -> QSvgRenderer:
    return QSvgRenderer(icon_path(name))


@cache
def svg_pixmap(name: str, size: int, ratio: float = 1.0) -> QPixmap:
    """``name``.svg drawn ``size`` logical pixels square at device ratio ``ratio``."""
    pixels = max(1, round(size * ratio))
    pixmap = QPixmap(pixels, pixels)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    _renderer(name).render(painter, QRectF(0, 0, pixels, pixels))
    painter.end()
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


def channel_pixmap(channel: Channel, size: int, ratio: float = 1.0) -> QPixmap:
    return svg_pixmap(f"channel-{channel.value}", size, ratio)


def channel_icon(channel: Channel) -> QIcon:
    icon = QIcon()
    for size in (16, 24, 32):
        icon.addPixmap(channel_pixmap(channel, size))
    return icon


def app_icon() -> QIcon:
    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128):
        icon.addPixmap(svg_pixmap("aduan-desk", size))
    return icon


def badge_icon(count: int, size: int = 64) -> QIcon:
    """The application icon with ``count`` in a red badge (the tray's urgent count)."""
    pixmap = QPixmap(svg_pixmap("aduan-desk", size))
    if count <= 0:
        return QIcon(pixmap)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    text = str(count) if count < 100 else "99+"
    badge = QRectF(size * 0.38, size * 0.38, size * 0.62, size * 0.62)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#c62828"))
    painter.drawEllipse(badge)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(int(size * (0.34 if len(text) < 3 else 0.24)))
    painter.setFont(font)
    painter.setPen(QColor("#ffffff"))
    painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return QIcon(pixmap)
