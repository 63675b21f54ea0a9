"""Settings: the unit's zone and deadlines go to the store, preferences to their file."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop.core.deadlines import UnitSettings, UnitZone
from desktop.core.desk import Unit
from desktop.core.paths import Paths
from desktop.core.store.database import Store
from desktop.core.store.settings import load_unit_settings
from desktop.ui.dialogs.settings_dialog import SettingsDialog
from desktop.ui.preferences import Language, PreferenceStore, ThemeChoice
from desktop.ui.tasks import TaskRunner


def _dialog(qtbot: QtBot, store: Store, tasks: TaskRunner, folder: Path) -> SettingsDialog:
    unit = Unit(store, Paths(store.path.parent))
    dialog = SettingsDialog(unit, tasks, PreferenceStore(folder))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.unit_box.isEnabled)  # the stored values, read on the database lane
    return dialog


def _unit(store: Store) -> UnitSettings:
    with store.read() as conn:
        return load_unit_settings(conn)


def test_shows_the_defaults(qtbot: QtBot, store: Store, tasks: TaskRunner, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, store, tasks, tmp_path)
    assert dialog.zone.currentData() == UnitZone.WIB.value
    assert (dialog.first_answer.value(), dialog.viral_horizon.value()) == (24, 72)
    assert (dialog.warning_percent.value(), dialog.progress_days.value()) == (75, 3)
    assert dialog.language.currentText() == "Bahasa Indonesia"
    assert dialog.theme.currentData() == ThemeChoice.AUTO.value
    assert dialog.notifications.isChecked()


def test_saving_changes_the_zone_deadlines_and_preferences(
    qtbot: QtBot, store: Store, tasks: TaskRunner, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, store, tasks, tmp_path)
    dialog.unit_name.setText("Polres Mimika")
    dialog.zone.setCurrentIndex(dialog.zone.findData(UnitZone.WIT.value))
    dialog.first_answer.setValue(12)
    dialog.warning_percent.setValue(50)
    dialog.viral_horizon.setValue(48)
    dialog.progress_days.setValue(2)
    dialog.language.setCurrentIndex(dialog.language.findData(Language.ENGLISH.value))
    dialog.theme.setCurrentIndex(dialog.theme.findData(ThemeChoice.DARK.value))
    dialog.notifications.setChecked(False)
    with qtbot.waitSignal(dialog.saved) as saved:
        dialog.buttons.accepted.emit()
    unit = _unit(store)
    assert unit.name == "Polres Mimika"
    assert unit.zone is UnitZone.WIT
    assert unit.deadlines.first_answer == timedelta(hours=12)
    assert unit.deadlines.warning_fraction == 0.5
    assert unit.deadlines.viral_horizon == timedelta(hours=48)
    assert unit.deadlines.progress_every == timedelta(days=2)
    assert saved.args[0] == unit
    preferences = PreferenceStore(tmp_path).load()
    assert preferences.language is Language.ENGLISH
    assert preferences.theme is ThemeChoice.DARK
    assert preferences.notifications is False
    assert dialog.result() == SettingsDialog.DialogCode.Accepted


def test_contradicting_targets_are_refused_inline(
    qtbot: QtBot, store: Store, tasks: TaskRunner, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, store, tasks, tmp_path)
    dialog.first_answer.setValue(48)
    dialog.viral_horizon.setValue(24)
    dialog.buttons.accepted.emit()
    assert "viral horizon" in dialog.message_line.message()
    assert _unit(store) == UnitSettings()
    assert dialog.isVisible() is False
    assert dialog.result() == 0


def test_values_fixed_by_the_unit_profile_are_locked(
    qtbot: QtBot, store: Store, tasks: TaskRunner, tmp_path: Path
) -> None:
    from desktop.core.paths import Paths
    from desktop.core.profile import load_profile
    from desktop.core.startup import apply_profile

    profile_file = tmp_path / "unit.toml"
    profile_file.write_text('[unit]\nname = "Polres Mimika"\nzone = "WIT"\n', encoding="utf-8")
    apply_profile(store, Paths(tmp_path / "home"), load_profile(profile_file), profile_file)
    dialog = _dialog(qtbot, store, tasks, tmp_path)
    assert dialog.unit_name.text() == "Polres Mimika"
    assert not dialog.unit_name.isEnabled()
    assert not dialog.zone.isEnabled()
    assert dialog.zone.toolTip()
    assert dialog.first_answer.isEnabled()  # the profile left the deadlines alone
