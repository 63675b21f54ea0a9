"""Where the window was and how its panes were split: kept apart from preferences.

``window-state.ini`` in the data folder. Losing it only costs the layout, so a
damaged value is ignored rather than reported.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QHeaderView, QMainWindow, QSplitter

FILE_NAME = "window-state.ini"


class WindowStateStore:
    """Saves and restores a main window's geometry, its splitters and table headers."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / FILE_NAME

    def save(
        self,
        window: QMainWindow,
        splitters: dict[str, QSplitter],
        headers: dict[str, QHeaderView] | None = None,
    ) -> None:
        settings = self._settings()
        settings.setValue("main/geometry", window.saveGeometry())
        settings.setValue("main/state", window.saveState())
        for name, splitter in splitters.items():
            settings.setValue(f"splitter/{name}", splitter.saveState())
        for name, header in (headers or {}).items():
            settings.setValue(f"header/{name}", header.saveState())
        settings.sync()

    def restore(
        self,
        window: QMainWindow,
        splitters: dict[str, QSplitter],
        headers: dict[str, QHeaderView] | None = None,
    ) -> bool:
        """Apply what was saved; ``False`` when nothing was (first start)."""
        settings = self._settings()
        geometry = _bytes(settings.value("main/geometry"))
        if geometry is None:
            return False
        window.restoreGeometry(geometry)
        state = _bytes(settings.value("main/state"))
        if state is not None:
            window.restoreState(state)
        for name, splitter in splitters.items():
            saved = _bytes(settings.value(f"splitter/{name}"))
            if saved is not None:
                splitter.restoreState(saved)
        for name, header in (headers or {}).items():
            saved = _bytes(settings.value(f"header/{name}"))
            if saved is not None:
                header.restoreState(saved)
        return True

    def _settings(self) -> QSettings:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        return QSettings(str(self.path), QSettings.Format.IniFormat)


def _bytes(value: object) -> QByteArray | None:
    if isinstance(value, QByteArray) and not value.isEmpty():
        return value
    if isinstance(value, bytes) and value:
        return QByteArray(value)
    return None
