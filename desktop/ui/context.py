"""What the window is built from, handed over explicitly (no global registry)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from desktop.core.credentials import Vault
from desktop.core.deadlines import UnitSettings
from desktop.core.store.database import Store
from desktop.ui.i18n import Translators
from desktop.ui.preferences import PreferenceStore
from desktop.ui.tasks import TaskRunner
from desktop.ui.theme import ThemeManager
from desktop.ui.window_state import WindowStateStore


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(slots=True)
class WindowContext:
    store: Store
    tasks: TaskRunner
    vault: Vault
    unit: UnitSettings
    data_folder: Path  # the data home: templates, logs
    preferences: PreferenceStore
    window_state: WindowStateStore
    translators: Translators
    theme: ThemeManager
    clock: Callable[[], datetime] = field(default=utc_now)
