"""Fixtures of the window's tests: a sample store, the task runner, fixed clocks."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.core.clock import ServerClock
from desktop.core.credentials import MemoryVault
from desktop.core.deadlines import UnitSettings
from desktop.core.desk import Desk
from desktop.core.paths import Paths
from desktop.core.store.database import Store
from desktop.core.store.settings import load_unit_settings
from desktop.ui.context import WindowContext
from desktop.ui.main_window import MainWindow
from desktop.ui.preferences import Language
from desktop.ui.queue_model import QueueModel
from desktop.ui.tasks import TaskRunner
from tests.support import NOW


@pytest.fixture
def tasks(qapp: object) -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.shutdown()
    QCoreApplication.processEvents()  # deliver what finished, while its receivers live


@pytest.fixture
def clock() -> ServerClock:
    """The window's one clock, its local time fixed at ``NOW``."""
    return ServerClock(local=lambda: NOW)


@pytest.fixture
def desk(sample_store: Store) -> Desk:
    return Desk(sample_store, MemoryVault(), Paths(sample_store.path.parent))


@pytest.fixture
def unit(sample_store: Store) -> UnitSettings:
    with sample_store.read() as conn:
        return load_unit_settings(conn)


@pytest.fixture
def new_model(
    desk: Desk, tasks: TaskRunner, unit: UnitSettings, clock: Callable[[], datetime]
) -> Callable[[], QueueModel]:
    """Queue models over the sample store, nothing read yet."""
    return lambda: QueueModel(desk.queue, tasks, unit, clock)


@pytest.fixture
def loaded_model(qtbot: QtBot, new_model: Callable[[], QueueModel]) -> QueueModel:
    """A queue model over the sample store, its first page read."""
    model = new_model()
    with qtbot.waitSignal(model.loaded, timeout=10_000):
        model.set_filter(model.queue_filter)
    return model


@pytest.fixture
def ui_folder(tmp_path: Path) -> Path:
    """Where preferences and window state go in a test (never the user's files)."""
    folder = tmp_path / "ui"
    folder.mkdir()
    return folder


@pytest.fixture
def make_window(
    qtbot: QtBot, sample_store: Store, ui_folder: Path, clock: ServerClock
) -> Iterator[Callable[..., MainWindow]]:
    """Build the officer's window on the sample store; files go to ``ui_folder``."""
    from desktop.ui.app import build_context

    built: list[MainWindow] = []
    with look_kept() as app:

        def make(language: Language | None = Language.ENGLISH) -> MainWindow:
            desk = Desk(sample_store, MemoryVault(), Paths(ui_folder))
            context = build_context(app, desk, language=language, clock=clock)
            window = MainWindow(context)
            qtbot.addWidget(window)
            built.append(window)
            return window

        yield make
        retire(*(window.context for window in built))


@contextmanager
def look_kept() -> Iterator[QApplication]:
    """The application, its style sheet and palette put back after the block (a window's
    theme sets them)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    palette, sheet = app.palette(), app.styleSheet()
    try:
        yield app
    finally:
        app.setStyleSheet(sheet)
        app.setPalette(palette)


def retire(*contexts: WindowContext) -> None:
    """What the windows' contexts started, stopped: their database and network work
    first (queued writes finish), then, newest first, their translators and themes."""
    for context in contexts:
        context.tasks.shutdown()
    QCoreApplication.processEvents()
    for context in reversed(contexts):
        context.translators.uninstall()
        context.theme.detach()


@pytest.fixture
def shown_window(qtbot: QtBot, make_window: Callable[..., MainWindow]) -> MainWindow:
    """The officer's window on screen at 1440 x 900, its first rows and counts in."""
    window = make_window()
    window.resize(1440, 900)
    window.show()
    qtbot.waitExposed(window)
    wait_loaded(qtbot, window)
    return window


def wait_loaded(qtbot: QtBot, window: MainWindow) -> None:
    """Until the queue's first rows and the side bar's counts are in."""
    from desktop.ui import filters

    qtbot.waitUntil(lambda: window.queue_model.cached_row(0) is not None, timeout=10_000)
    qtbot.waitUntil(lambda: window.sidebar.model.count(filters.OVERDUE) is not None)
    qtbot.waitUntil(lambda: not window.context.tasks.busy)
