"""The officer's interface preferences, declared once with their types and defaults.

Kept in ``preferences.ini`` in the data folder (one per OS account, like the
data). Window geometry lives apart, in ``window_state.py``: resetting the
layout never touches a preference, and the other way round.

The unit's own settings (name, time zone, deadlines) are not here: they live
in the database beside the complaints they time (``core.store.settings``).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, fields, replace
from pathlib import Path

from PySide6.QtCore import QSettings

FILE_NAME = "preferences.ini"
VERSION = 1  # bump with an upgrade step in ``_upgrade`` when a key changes meaning


class Language(enum.StrEnum):
    INDONESIAN = "id"
    ENGLISH = "en"


class ThemeChoice(enum.StrEnum):
    LIGHT = "light"  # Terang
    DARK = "dark"  # Gelap
    AUTO = "auto"  # Otomatis: follows the system's colour scheme


@dataclass(frozen=True, slots=True)
class Preferences:
    """Every preference, with its default. Add one here and nowhere else."""

    language: Language = Language.INDONESIAN
    theme: ThemeChoice = ThemeChoice.AUTO
    notifications: bool = True  # tray notifications for new and nearly-late complaints

    def with_changes(self, **changes: object) -> Preferences:
        return replace(self, **changes)  # type: ignore[arg-type]


class PreferenceStore:
    """Reads and writes ``Preferences`` in an INI file (``folder``/preferences.ini)."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / FILE_NAME

    def load(self) -> Preferences:
        """The saved preferences; a missing or unreadable value takes its default."""
        settings = self._settings()
        _upgrade(settings)
        defaults = Preferences()
        values: dict[str, object] = {}
        for spec in fields(Preferences):
            default = getattr(defaults, spec.name)
            values[spec.name] = _parse(settings.value(spec.name), default)
        return Preferences(**values)  # type: ignore[arg-type]

    def save(self, preferences: Preferences) -> None:
        settings = self._settings()
        settings.setValue("version", VERSION)
        for spec in fields(Preferences):
            value = getattr(preferences, spec.name)
            settings.setValue(spec.name, value.value if isinstance(value, enum.Enum) else value)
        settings.sync()

    def _settings(self) -> QSettings:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        return QSettings(str(self.path), QSettings.Format.IniFormat)


def _parse(raw: object, default: object) -> object:
    if raw is None:
        return default
    if isinstance(default, enum.Enum):
        try:
            return type(default)(str(raw))
        except ValueError:
            return default
    if isinstance(default, bool):
        if isinstance(raw, bool):
            return raw
        return str(raw).strip().lower() in ("1", "true", "yes", "on")
    return raw if isinstance(raw, type(default)) else default


def _upgrade(settings: QSettings) -> None:
    """Bring an older file's keys to ``VERSION`` (nothing to do yet: version 1 is the first)."""
    found = settings.value("version")
    if found is None:
        return
    # Future steps go here, e.g. ``if int(found) < 2: rename a key``.
