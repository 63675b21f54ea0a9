"""Themes: Terang, Gelap, and Otomatis following the system's colour scheme."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from desktop.ui import theme
from desktop.ui.preferences import ThemeChoice
from desktop.ui.theme import DARK, LIGHT, ThemeManager, colours_for


@pytest.fixture
def manager(qapp: QApplication) -> Iterator[ThemeManager]:
    before_palette, before_sheet = qapp.palette(), qapp.styleSheet()
    made = ThemeManager(qapp)
    yield made
    made.detach()
    made.deleteLater()
    qapp.setStyleSheet(before_sheet)
    qapp.setPalette(before_palette)


def _window_lightness(app: QApplication) -> int:
    return app.palette().color(QPalette.ColorRole.Window).lightness()


def test_light_and_dark(manager: ThemeManager, qapp: QApplication) -> None:
    manager.apply(ThemeChoice.DARK)
    assert _window_lightness(qapp) < 128
    assert colours_for(qapp.palette()) is DARK
    manager.apply(ThemeChoice.LIGHT)
    assert _window_lightness(qapp) > 128
    assert colours_for(qapp.palette()) is LIGHT
    assert "offlineBanner" in qapp.styleSheet()


def test_automatic_follows_the_system(
    manager: ThemeManager, qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The offscreen platform has no colour scheme: play the system's part."""
    hints = QGuiApplication.styleHints()
    system_dark = False
    monkeypatch.setattr(theme, "system_is_dark", lambda: system_dark)
    manager.apply(ThemeChoice.AUTO)
    assert _window_lightness(qapp) > 128
    system_dark = True
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert _window_lightness(qapp) < 128
    manager.apply(ThemeChoice.LIGHT)
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert _window_lightness(qapp) > 128  # a chosen theme does not follow the system
