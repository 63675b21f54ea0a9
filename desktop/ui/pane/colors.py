"""Colours of the pane, chosen for the light or dark palette in use.

Colour is never the only signal: every coloured thing also carries words.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget

from desktop.core.deadlines import Urgency
from desktop.core.model import ReplyState

# (light theme, dark theme)
_URGENCY = {
    Urgency.NONE: ("#7a8088", "#9aa0a8"),
    Urgency.ON_TIME: ("#2e7d4f", "#5cc08a"),
    Urgency.WARNING: ("#b26a00", "#f0a73a"),
    Urgency.OVERDUE: ("#c2410c", "#ff8a50"),
    Urgency.VIRAL: ("#9f1239", "#ff5d7a"),
}
_REPLY_STATE = {
    ReplyState.QUEUED: ("#5b6b7f", "#a3b1c2"),
    ReplyState.SENDING: ("#1d5fa8", "#7fb2f0"),
    ReplyState.UNCERTAIN: ("#b26a00", "#f0a73a"),
    ReplyState.SENT: ("#2e7d4f", "#5cc08a"),
    ReplyState.FAILED: ("#b42318", "#ff7a6b"),
    ReplyState.CANCELLED: ("#7a8088", "#9aa0a8"),
}


def is_dark(widget: QWidget) -> bool:
    return widget.palette().color(QPalette.ColorRole.Window).lightness() < 128


def _pick(pair: tuple[str, str], widget: QWidget) -> QColor:
    return QColor(pair[1] if is_dark(widget) else pair[0])


def urgency_color(urgency: Urgency, widget: QWidget) -> QColor:
    return _pick(_URGENCY[urgency], widget)


def reply_state_color(state: ReplyState, widget: QWidget) -> QColor:
    return _pick(_REPLY_STATE[state], widget)


def citizen_bubble(widget: QWidget) -> QColor:
    return _pick(("#f1f3f5", "#2b3038"), widget)


def own_bubble(widget: QWidget) -> QColor:
    return _pick(("#e3effd", "#1f3550"), widget)


def note_background(public: bool, widget: QWidget) -> QColor:
    return _pick(("#eef7f1", "#1f3a2c") if public else ("#f7f4ea", "#3a3524"), widget)


def calm_message(widget: QWidget) -> tuple[QColor, QColor]:
    """Background and border of the inline message line."""
    return _pick(("#fff7e6", "#3d3322"), widget), _pick(("#f0c36d", "#8a6d2f"), widget)


def muted_text(widget: QWidget) -> QColor:
    return _pick(("#5f6670", "#a3a9b1"), widget)


def css(color: QColor) -> str:
    return color.name(QColor.NameFormat.HexRgb)
