"""What the window is built from, handed over explicitly (no global registry)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from desktop.core.clock import ServerClock
from desktop.core.connect.apps import AppSettings, Provider
from desktop.core.deadlines import UnitSettings
from desktop.core.desk import Desk
from desktop.ui.i18n import Translators
from desktop.ui.preferences import PreferenceStore
from desktop.ui.tasks import TaskRunner
from desktop.ui.theme import ThemeManager
from desktop.ui.window_state import WindowStateStore


def open_in_system_browser(url: str) -> bool:
    """Show a platform's sign-in page in the officer's own browser."""
    return QDesktopServices.openUrl(QUrl(url))


@dataclass(slots=True)
class WindowContext:
    desk: Desk  # the one way to the data: called on ``tasks``' database lane
    tasks: TaskRunner
    unit: UnitSettings
    preferences: PreferenceStore
    window_state: WindowStateStore
    translators: Translators
    theme: ThemeManager
    clock: ServerClock  # the one clock: everything that shows time reads it
    # How a sign-in page reaches the officer: the system browser (tests pass an HTTP client).
    open_url: Callable[[str], object] = open_in_system_browser
    # Each platform's app from the unit profile, and the unit's proxy and CA bundle.
    apps: Mapping[Provider, AppSettings] = field(default_factory=dict)
    proxy: str | None = None
    ca_bundle: str | None = None
