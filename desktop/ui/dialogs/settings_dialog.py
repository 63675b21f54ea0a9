"""Settings: the unit's profile and deadlines (in the store), the officer's preferences."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core.deadlines import DeadlineSettings, UnitSettings, UnitZone
from desktop.core.desk import Unit
from desktop.ui.dialogs.errors import describe_error
from desktop.ui.pane.lifetime import while_alive
from desktop.ui.pane.message_line import MessageLine
from desktop.ui.preferences import Language, Preferences, PreferenceStore, ThemeChoice
from desktop.ui.tasks import TaskRunner

HOUR = timedelta(hours=1)


def _spin(low: int, high: int, suffix: str, parent: QWidget) -> QSpinBox:
    box = QSpinBox(parent)
    box.setRange(low, high)
    box.setSuffix(suffix)
    return box


class SettingsDialog(QDialog):
    saved = Signal(object, object)  # UnitSettings, Preferences
    loaded = Signal()  # the stored values are in the form

    def __init__(
        self,
        unit: Unit,
        tasks: TaskRunner,
        preferences: PreferenceStore,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._unit, self._tasks, self._preferences = unit, tasks, preferences
        self.message_line = MessageLine(self)
        self.unit_box, self.interface_box = QGroupBox(self), QGroupBox(self)
        self.unit_name = QLineEdit(self.unit_box)
        self.zone = QComboBox(self.unit_box)
        for zone in UnitZone:
            self.zone.addItem(f"{zone.label} ({zone.value})", zone.value)
        self.first_answer = _spin(1, 24 * 14, " h", self.unit_box)
        self.warning_percent = _spin(1, 99, " %", self.unit_box)
        self.viral_horizon = _spin(1, 24 * 30, " h", self.unit_box)
        self.progress_days = _spin(1, 60, " d", self.unit_box)
        self.language = QComboBox(self.interface_box)
        self.language.addItem("Bahasa Indonesia", Language.INDONESIAN.value)
        self.language.addItem("English", Language.ENGLISH.value)
        self.theme = QComboBox(self.interface_box)
        for choice in ThemeChoice:
            self.theme.addItem("", choice.value)
        self.notifications = QCheckBox(self.interface_box)
        self._unit_fields = (
            self.unit_name,
            self.zone,
            self.first_answer,
            self.warning_percent,
            self.viral_horizon,
            self.progress_days,
        )
        self._interface_fields = (self.language, self.theme, self.notifications)
        self._unit_labels = self._form(self.unit_box, self._unit_fields)
        self._interface_labels = self._form(self.interface_box, self._interface_fields)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.message_line, self.unit_box, self.interface_box, self.buttons):
            layout.addWidget(widget)
        self.retranslate()
        self.unit_box.setEnabled(False)  # until the stored values are read
        self.buttons.setEnabled(False)
        self._tasks.db(
            lambda: (unit.settings(), unit.profile_fixed()),
            while_alive(self, self._show_stored),
            while_alive(self, self._read_failed),
        )

    def _show_stored(self, stored: tuple[UnitSettings, frozenset[str]]) -> None:
        settings, fixed = stored
        self.show_values(settings, self._preferences.load())
        self.unit_box.setEnabled(True)
        self.buttons.setEnabled(True)
        self.mark_fixed(fixed)
        self.loaded.emit()

    def _read_failed(self, error: BaseException) -> None:
        self.message_line.show_message(describe_error(error))

    @staticmethod
    def _form(box: QGroupBox, fields: tuple[QWidget, ...]) -> list[QLabel]:
        form = QFormLayout(box)
        labels = [QLabel(box) for _ in fields]
        for label, field in zip(labels, fields, strict=True):
            label.setBuddy(field)
            form.addRow(label, field)
        return labels

    def mark_fixed(self, fixed: frozenset[str]) -> None:
        """Lock the fields the unit profile set, and say so."""
        fields = {
            "unit.name": self.unit_name,
            "unit.zone": self.zone,
            "deadlines.first_answer_hours": self.first_answer,
            "deadlines.warning_percent": self.warning_percent,
            "deadlines.viral_hours": self.viral_horizon,
            "deadlines.progress_days": self.progress_days,
        }
        self.fixed_fields = [field for key, field in fields.items() if key in fixed]
        for field in self.fixed_fields:
            field.setEnabled(False)
            field.setToolTip(self.tr("Set by the unit profile from IT"))

    def show_values(self, unit: UnitSettings, preferences: Preferences) -> None:
        deadlines = unit.deadlines
        self.unit_name.setText(unit.name)
        self.zone.setCurrentIndex(self.zone.findData(unit.zone.value))
        self.first_answer.setValue(round(deadlines.first_answer / HOUR))
        self.warning_percent.setValue(round(deadlines.warning_fraction * 100))
        self.viral_horizon.setValue(round(deadlines.viral_horizon / HOUR))
        self.progress_days.setValue(round(deadlines.progress_every / timedelta(days=1)))
        self.language.setCurrentIndex(self.language.findData(preferences.language.value))
        self.theme.setCurrentIndex(self.theme.findData(preferences.theme.value))
        self.notifications.setChecked(preferences.notifications)

    def unit_settings(self) -> UnitSettings:
        """What the form says; raises ValueError when the targets contradict each other."""
        name = self.unit_name.text().strip()
        if not name:
            raise ValueError(self.tr("The unit's name must not be empty."))
        if self.viral_horizon.value() < self.first_answer.value():
            raise ValueError(
                self.tr("The viral horizon must not be shorter than the first-answer target.")
            )
        deadlines = DeadlineSettings(
            first_answer=self.first_answer.value() * HOUR,
            warning_fraction=self.warning_percent.value() / 100,
            viral_horizon=self.viral_horizon.value() * HOUR,
            progress_every=timedelta(days=self.progress_days.value()),
        )
        return UnitSettings(name=name, zone=UnitZone(self.zone.currentData()), deadlines=deadlines)

    def preferences(self) -> Preferences:
        return Preferences(
            language=Language(self.language.currentData()),
            theme=ThemeChoice(self.theme.currentData()),
            notifications=self.notifications.isChecked(),
        )

    def save(self) -> None:
        try:
            unit = self.unit_settings()
        except ValueError as exc:
            self.message_line.show_message(str(exc))
            return
        preferences = self.preferences()
        self.buttons.setEnabled(False)

        def done(_result: object) -> None:
            self._preferences.save(preferences)
            self.buttons.setEnabled(True)
            self.saved.emit(unit, preferences)
            self.accept()

        def failed(error: BaseException) -> None:
            self.buttons.setEnabled(True)
            self.message_line.show_message(describe_error(error))

        self._tasks.db(
            lambda: self._unit.save_settings(unit),
            while_alive(self, done),
            while_alive(self, failed),
        )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self.unit_box.setTitle(self.tr("Unit profile"))
        self.interface_box.setTitle(self.tr("Interface"))
        unit_texts = (
            (self.tr("Unit &name:"), self.tr("Unit name")),
            (self.tr("&Time zone:"), self.tr("Time zone of the unit")),
            (self.tr("&First answer within:"), self.tr("First answer target in hours")),
            (self.tr("&Warning at:"), self.tr("Warning when this share of the time is gone")),
            (self.tr("&Viral horizon:"), self.tr("Viral horizon in hours")),
            (self.tr("&Progress update every:"), self.tr("Progress update every N days")),
        )
        interface_texts = (
            (self.tr("&Language:"), self.tr("Interface language")),
            (self.tr("T&heme:"), self.tr("Colour theme")),
            (self.tr("&Notifications:"), self.tr("Tray notifications")),
        )
        for labels, fields, texts in (
            (self._unit_labels, self._unit_fields, unit_texts),
            (self._interface_labels, self._interface_fields, interface_texts),
        ):
            for label, field, (text, name) in zip(labels, fields, texts, strict=True):
                label.setText(text)
                field.setAccessibleName(name)
        self.first_answer.setSuffix(self.tr(" h"))
        self.viral_horizon.setSuffix(self.tr(" h"))
        self.progress_days.setSuffix(self.tr(" d"))
        theme_names = {
            ThemeChoice.LIGHT: self.tr("Light"),
            ThemeChoice.DARK: self.tr("Dark"),
            ThemeChoice.AUTO: self.tr("Automatic (follow the system)"),
        }
        for index in range(self.theme.count()):
            self.theme.setItemText(index, theme_names[ThemeChoice(self.theme.itemData(index))])
        self.notifications.setText(self.tr("Notify me of new and nearly late complaints"))
        self.message_line.retranslate()
