"""Preferences apart from window state, with defaults for what is missing or damaged."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from desktop.ui.preferences import Language, Preferences, PreferenceStore, ThemeChoice


def test_defaults_are_indonesian_and_automatic(ui_folder: Path) -> None:
    assert PreferenceStore(ui_folder).load() == Preferences(
        Language.INDONESIAN, ThemeChoice.AUTO, notifications=True
    )


def test_saved_preferences_come_back(ui_folder: Path) -> None:
    store = PreferenceStore(ui_folder)
    wanted = Preferences(Language.ENGLISH, ThemeChoice.DARK, notifications=False)
    store.save(wanted)
    assert PreferenceStore(ui_folder).load() == wanted
    assert store.path.parent == ui_folder


def test_damaged_values_fall_back_to_defaults(ui_folder: Path) -> None:
    store = PreferenceStore(ui_folder)
    raw = QSettings(str(store.path), QSettings.Format.IniFormat)
    raw.setValue("language", "klingon")
    raw.setValue("theme", 42)
    raw.setValue("notifications", "no")
    raw.sync()
    assert store.load() == Preferences(notifications=False)
