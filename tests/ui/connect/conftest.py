"""A window over an empty desk (no account yet), as on a unit's first start."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.core.clock import ServerClock
from desktop.core.credentials import MemoryVault, Vault
from desktop.core.desk import Desk
from desktop.core.paths import Paths
from desktop.core.profile import load_profile
from desktop.core.startup import apply_profile
from desktop.core.store.database import Store
from desktop.ui.main_window import MainWindow
from desktop.ui.preferences import Language

PROFILE = """\
[unit]
name = "Polres Contoh"
zone = "WIB"

[[account]]
platform = "x"
name = "humaspolrescontoh"

[[account]]
platform = "telegram"
name = "aduanpolrescontoh_bot"
"""

MakeWindow = Callable[..., MainWindow]


def apply_unit_profile(store: Store, folder: Path, text: str = PROFILE) -> None:
    """Apply a unit profile the way start-up does: its accounts arrive without tokens."""
    source = folder / "unit-profile.toml"
    source.write_text(text, encoding="utf-8")
    apply_profile(store, Paths(folder), load_profile(source), source)


@pytest.fixture
def make_empty_window(
    qtbot: QtBot, store: Store, tmp_path: Path, clock: ServerClock
) -> Iterator[Callable[..., MainWindow]]:
    """Build the officer's window on ``store`` (empty unless the test fills it)."""
    from desktop.ui.app import build_context

    built: list[MainWindow] = []
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    palette, sheet = app.palette(), app.styleSheet()
    folder = tmp_path / "ui"
    folder.mkdir()

    def make(
        language: Language | None = Language.ENGLISH, vault: Vault | None = None
    ) -> MainWindow:
        desk = Desk(store, vault if vault is not None else MemoryVault(), Paths(folder))
        context = build_context(app, desk, language=language, clock=clock)
        window = MainWindow(context)
        qtbot.addWidget(window)
        built.append(window)
        return window

    yield make
    for window in built:
        window.context.tasks.shutdown()
    QCoreApplication.processEvents()
    for window in reversed(built):
        window.context.translators.uninstall()
        window.context.theme.detach()
    app.setStyleSheet(sheet)
    app.setPalette(palette)
