"""The window's menu bar, and the keyboard-shortcut sheet."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox

from desktop.ui.window_actions import WindowActions


def QT_TRANSLATE_NOOP(_context: str, text: str) -> str:  # noqa: N802 - the name lupdate knows
    """Marks a string for translation where it is defined; translated where it is shown."""
    return text


def _translate(text: str) -> str:
    return QCoreApplication.translate("WindowMenus", text)


class _Menu(QMenu):
    """A menu whose title is re-read from the translators on a language switch."""

    def __init__(self, source: str, parent: QMainWindow) -> None:
        super().__init__(parent)
        self._source = source
        self.setTitle(_translate(source))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.setTitle(_translate(self._source))
        super().changeEvent(event)


def build_menus(window: QMainWindow, commands: WindowActions) -> None:
    bar = window.menuBar()
    complaints = _Menu(QT_TRANSLATE_NOOP("WindowMenus", "&Complaints"), window)
    complaints.addAction(commands.sync_now)
    complaints.addSeparator()
    complaints.addActions([commands.next_complaint, commands.previous_complaint])
    complaints.addActions([commands.focus_search, commands.focus_reply])
    complaints.addSeparator()
    complaints.addAction(commands.quit)
    view = _Menu(QT_TRANSLATE_NOOP("WindowMenus", "&View"), window)
    view.addActions([commands.focus_filters, commands.focus_queue])
    view.addSeparator()
    theme = _Menu(QT_TRANSLATE_NOOP("WindowMenus", "&Theme"), window)
    theme.addActions(list(commands.theme_actions.values()))
    language = _Menu(QT_TRANSLATE_NOOP("WindowMenus", "&Language"), window)
    language.addActions(list(commands.language_actions.values()))
    view.addMenu(theme)
    view.addMenu(language)
    accounts = _Menu(QT_TRANSLATE_NOOP("WindowMenus", "&Accounts"), window)
    accounts.addActions([commands.connect_account, commands.accounts])
    settings = _Menu(QT_TRANSLATE_NOOP("WindowMenus", "&Settings"), window)
    settings.addAction(commands.settings)
    help_menu = _Menu(QT_TRANSLATE_NOOP("WindowMenus", "&Help"), window)
    help_menu.addAction(commands.shortcuts_help)
    for menu in (complaints, view, accounts, settings, help_menu):
        bar.addMenu(menu)


def show_shortcuts(window: QMainWindow) -> None:
    rows = [
        ("J  ·  Ctrl+↓", QCoreApplication.translate("WindowMenus", "Next complaint")),
        ("K  ·  Ctrl+↑", QCoreApplication.translate("WindowMenus", "Previous complaint")),
        ("Ctrl+F", QCoreApplication.translate("WindowMenus", "Search")),
        ("R  ·  Ctrl+3", QCoreApplication.translate("WindowMenus", "Write a reply")),
        ("Ctrl+Enter", QCoreApplication.translate("WindowMenus", "Queue the reply")),
        (
            "Ctrl+1  ·  Ctrl+2",
            QCoreApplication.translate("WindowMenus", "Go to the filters, the queue"),
        ),
        ("F5", QCoreApplication.translate("WindowMenus", "Sync now")),
        ("Esc", QCoreApplication.translate("WindowMenus", "Clear the search")),
    ]
    table = "".join(
        f"<tr><td><b>{keys}</b>&nbsp;&nbsp;</td><td>{what}</td></tr>" for keys, what in rows
    )
    box = QMessageBox(window)
    box.setWindowTitle(QCoreApplication.translate("WindowMenus", "Keyboard shortcuts"))
    box.setText(f"<table cellpadding='3'>{table}</table>")
    box.open()
