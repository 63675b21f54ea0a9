"""Every control the officer can reach by keyboard has a name a screen reader can say."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.core.credentials import MemoryVault
from desktop.core.desk import Desk
from desktop.core.model import Status
from desktop.core.paths import Paths
from desktop.core.store.database import Store
from desktop.ui.complaint_pane import ComplaintPane
from desktop.ui.dialogs.accounts_dialog import AccountsDialog
from desktop.ui.dialogs.settings_dialog import SettingsDialog
from desktop.ui.dialogs.template_editor import TemplateEditor
from desktop.ui.preferences import PreferenceStore
from desktop.ui.tasks import TaskRunner
from tests.ui.pane.conftest import complaint_with, show

CONTROLS = (QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit, QSpinBox, QTableView)


def _unnamed(root: QWidget) -> list[str]:
    found = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if isinstance(widget.parent(), QComboBox | QSpinBox):
            continue  # the inner line edit of a combo or spin box is named by its owner
        text = widget.text() if isinstance(widget, QAbstractButton) else ""
        if not (widget.accessibleName() or text):
            found.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return found


def test_pane_controls_are_named(qtbot: QtBot, pane: ComplaintPane, sample_store: Store) -> None:
    show(qtbot, pane, complaint_with(sample_store, Status.NEW))
    assert _unnamed(pane) == []


def test_dialog_controls_are_named(
    qtbot: QtBot, sample_store: Store, tasks: TaskRunner, tmp_path: Path
) -> None:
    desk = Desk(sample_store, MemoryVault(), Paths(tmp_path))
    dialogs: list[QWidget] = [
        AccountsDialog(desk.accounts, tasks, test_connection=lambda _account: None),
        SettingsDialog(desk.unit, tasks, PreferenceStore(tmp_path)),
        TemplateEditor(Paths(tmp_path).templates),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        assert _unnamed(dialog) == [], type(dialog).__name__
    qtbot.waitUntil(lambda: not tasks.busy)
