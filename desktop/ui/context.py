"""What the window is built from, handed over explicitly (no global registry)."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.clock import ServerClock
from desktop.core.deadlines import UnitSettings
from desktop.core.desk import Desk
from desktop.ui.i18n import Translators
from desktop.ui.preferences import PreferenceStore
from desktop.ui.tasks import TaskRunner
from desktop.ui.theme import ThemeManager
from desktop.ui.window_state import WindowStateStore


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
