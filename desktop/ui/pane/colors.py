"""Colours of the pane, taken from the theme in use.

The theme is read from the application's palette, which the theme manager
sets before any widget hears of the change: a widget's own palette can
still be the old one while it is being rebuilt. Widgets built once restyle
themselves through ``follow_theme``. Colour is never the only signal: every
coloured thing also carries words.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QWidget

from desktop.core.deadlines import Urgency
from desktop.core.model import ReplyState
from desktop.ui.theme import Colours, colours_for

# (light theme, dark theme); each readable (WCAG AA) on the bubbles of its theme
_URGENCY = {
    Urgency.NONE: ("#7a8088", "#9aa0a8"),
    Urgency.ON_TIME: ("#2e7d4f", "#5cc08a"),
    Urgency.WARNING: ("#b26a00", "#f0a73a"),
    Urgency.OVERDUE: ("#c2410c", "#ff8a50"),
    Urgency.VIRAL: ("#9f1239", "#ff5d7a"),
}
_REPLY_STATE = {
    ReplyState.QUEUED: ("#4f5d6e", "#a3b1c2"),
    ReplyState.SENDING: ("#1d5fa8", "#7fb2f0"),
    ReplyState.UNCERTAIN: ("#8a5300", "#f0a73a"),
    ReplyState.SENT: ("#23663f", "#5cc08a"),
    ReplyState.FAILED: ("#b42318", "#ff8f82"),
    ReplyState.CANCELLED: ("#5f656d", "#b0b6be"),
}


def theme(widget: QWidget) -> Colours:
    """The theme's colours for ``widget``: what the application palette says now."""
    return colours_for(QApplication.palette(widget))


def is_dark(widget: QWidget) -> bool:
    return theme(widget).dark


def _pick(pair: tuple[str, str], widget: QWidget) -> QColor:
    return QColor(pair[1] if is_dark(widget) else pair[0])


def urgency_color(urgency: Urgency, widget: QWidget) -> QColor:
    return _pick(_URGENCY[urgency], widget)


def reply_state_color(state: ReplyState, widget: QWidget) -> QColor:
    return _pick(_REPLY_STATE[state], widget)


def citizen_bubble(widget: QWidget) -> QColor:
    return QColor(theme(widget).citizen_bubble)


def own_bubble(widget: QWidget) -> QColor:
    return QColor(theme(widget).own_bubble)


def bubble_meta(widget: QWidget) -> QColor:
    """The small line above a message or note (who, when)."""
    return QColor(theme(widget).bubble_meta)


def note_background(public: bool, widget: QWidget) -> QColor:
    colours = theme(widget)
    return QColor(colours.note_public if public else colours.note_internal)


def calm_message(widget: QWidget) -> tuple[QColor, QColor]:
    """Background and border of the inline message line."""
    background, border = theme(widget).message
    return QColor(background), QColor(border)


def muted_text(widget: QWidget) -> QColor:
    return _pick(("#5f6670", "#a3a9b1"), widget)


def css(color: QColor) -> str:
    return color.name(QColor.NameFormat.HexRgb)


def set_style(widget: QWidget, sheet: str) -> None:
    """``setStyleSheet`` unless it is already that (a new sheet is a new palette event)."""
    if widget.styleSheet() != sheet:
        widget.setStyleSheet(sheet)


class _ThemeFollower(QObject):
    def __init__(self, widget: QWidget, restyle: Callable[[], None]) -> None:
        super().__init__(widget)
        self._restyle = restyle
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._restyle()
        return False


def follow_theme(widget: QWidget, restyle: Callable[[], None]) -> None:
    """Run ``restyle`` now and again whenever the theme changes under ``widget``."""
    restyle()
    _ThemeFollower(widget, restyle)
