"""The conversation stays readable in both themes: text against its bubble, as painted."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from desktop.ui.main_window import MainWindow
from desktop.ui.pane.bubbles import Bubble
from desktop.ui.preferences import ThemeChoice
from tests.ui.conftest import wait_loaded

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

MakeWindow = Callable[..., MainWindow]
WCAG_AA = 4.5  # normal-size text


def _luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(one: QColor, other: QColor) -> float:
    lighter, darker = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _painted_contrast(image: QImage, background: QColor, area: QRect) -> float:
    """The strongest contrast of any pixel in ``area`` against ``background``: the ink."""
    best = 1.0
    for x in range(area.left(), area.right() + 1):
        for y in range(area.top(), area.bottom() + 1):
            best = max(best, contrast(image.pixelColor(x, y), background))
    return best


def _label_area(bubble: Bubble, label: QLabel) -> QRect:
    return QRect(label.mapTo(bubble, label.rect().topLeft()), label.size())


def _bubble_contrasts(bubble: Bubble) -> tuple[QColor, float, float]:
    image = bubble.grab().toImage()
    background = image.pixelColor(bubble.width() // 2, 2)
    body = _painted_contrast(image, background, _label_area(bubble, bubble.body))
    header = _painted_contrast(image, background, _label_area(bubble, bubble.header))
    return background, body, header


def _show_a_conversation(qtbot: QtBot, window: MainWindow) -> list[Bubble]:
    window.show()
    wait_loaded(qtbot, window)
    model = window.queue_model
    assert window.queue_view.select_complaint(model.complaint_id(0))
    qtbot.waitUntil(lambda: window.pane.data is not None)
    qtbot.waitUntil(lambda: bool(window.pane.detail.conversation.bubbles))
    return window.pane.detail.conversation.bubbles


def _assert_readable(bubbles: list[Bubble], dark: bool) -> None:
    for bubble in bubbles:
        background, body, header = _bubble_contrasts(bubble)
        assert (background.lightness() < 128) == dark, background.name()
        assert body >= WCAG_AA, (background.name(), body)
        assert header >= WCAG_AA, (background.name(), header)


@pytest.mark.parametrize("theme", [ThemeChoice.LIGHT, ThemeChoice.DARK])
def test_bubbles_are_readable_in_the_theme_chosen_before(
    qtbot: QtBot, make_window: MakeWindow, theme: ThemeChoice
) -> None:
    window = make_window()
    window.set_preferences(theme=theme)
    bubbles = _show_a_conversation(qtbot, window)
    _assert_readable(bubbles, dark=theme is ThemeChoice.DARK)


def test_bubbles_follow_a_theme_switch_while_shown(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    window.set_preferences(theme=ThemeChoice.LIGHT)
    _show_a_conversation(qtbot, window)
    conversation = window.pane.detail.conversation
    for theme in (ThemeChoice.DARK, ThemeChoice.LIGHT, ThemeChoice.DARK):
        window.set_preferences(theme=theme)
        qtbot.wait(50)  # posted palette events, then a repaint
        _assert_readable(conversation.bubbles, dark=theme is ThemeChoice.DARK)


def test_the_message_line_follows_a_theme_switch(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    window.set_preferences(theme=ThemeChoice.LIGHT)
    _show_a_conversation(qtbot, window)
    line = window.pane.message_line
    line.show_message("Balasan terlalu panjang untuk X.")
    for theme in (ThemeChoice.DARK, ThemeChoice.LIGHT):
        window.set_preferences(theme=theme)
        qtbot.wait(50)
        image = line.grab().toImage()
        background = image.pixelColor(line.width() // 2, 3)
        assert (background.lightness() < 128) == (theme is ThemeChoice.DARK), background.name()
        area = QRect(line.text.mapTo(line, line.text.rect().topLeft()), line.text.size())
        assert _painted_contrast(image, background, area) >= WCAG_AA


def test_contrast_formula_matches_the_standard() -> None:
    assert contrast(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21.0)
    assert contrast(QColor("#767676"), QColor("#ffffff")) == pytest.approx(4.54, abs=0.01)
