"""The window's commands as actions: menu entries, toolbar buttons and shortcuts in one place."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from desktop.ui.preferences import Language, ThemeChoice


class WindowActions(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)

        def action(*shortcuts: QKeySequence | str) -> QAction:
            made = QAction(self)
            made.setShortcuts([QKeySequence(s) for s in shortcuts])
            return made

        self.sync_now = action("F5")
        self.next_complaint = action("J", "Ctrl+Down")
        self.previous_complaint = action("K", "Ctrl+Up")
        self.focus_search = action(QKeySequence(QKeySequence.StandardKey.Find))
        self.focus_filters = action("Ctrl+1")
        self.focus_queue = action("Ctrl+2")
        self.focus_reply = action("Ctrl+3", "R")
        self.settings = action("Ctrl+,")
        self.accounts = action()
        self.connect_account = action()
        self.shortcuts_help = action("F1")
        self.quit = action("Ctrl+Q")
        self.themes = QActionGroup(self)
        self.theme_actions = {
            choice: self._checkable(self.themes, choice) for choice in ThemeChoice
        }
        self.languages = QActionGroup(self)
        self.language_actions = {
            language: self._checkable(self.languages, language) for language in Language
        }
        self.retranslate()

    def _checkable(self, group: QActionGroup, value: object) -> QAction:
        made = QAction(self)
        made.setCheckable(True)
        made.setData(value)
        group.addAction(made)
        return made

    def retranslate(self) -> None:
        texts = {
            self.sync_now: (self.tr("&Sync now"), self.tr("Fetch new complaints and send replies")),
            self.next_complaint: (self.tr("&Next complaint"), self.tr("Next complaint (J)")),
            self.previous_complaint: (
                self.tr("&Previous complaint"),
                self.tr("Previous complaint (K)"),
            ),
            self.focus_search: (self.tr("&Search"), self.tr("Search complaints (Ctrl+F)")),
            self.focus_filters: (self.tr("Go to &filters"), self.tr("Go to the filters (Ctrl+1)")),
            self.focus_queue: (self.tr("Go to the &queue"), self.tr("Go to the queue (Ctrl+2)")),
            self.focus_reply: (self.tr("&Reply"), self.tr("Write a reply (R or Ctrl+3)")),
            self.settings: (self.tr("S&ettings…"), self.tr("Unit profile, language and theme")),
            self.accounts: (self.tr("&Accounts…"), self.tr("The unit's social-media accounts")),
            self.connect_account: (
                self.tr("&Connect an account…"),
                self.tr("Sign in with a platform and connect one of the unit's accounts"),
            ),
            self.shortcuts_help: (self.tr("&Keyboard shortcuts"), self.tr("Keyboard shortcuts")),
            self.quit: (self.tr("&Quit"), self.tr("Quit Aduan Desk")),
            self.theme_actions[ThemeChoice.LIGHT]: (self.tr("&Light"), self.tr("Light theme")),
            self.theme_actions[ThemeChoice.DARK]: (self.tr("&Dark"), self.tr("Dark theme")),
            self.theme_actions[ThemeChoice.AUTO]: (
                self.tr("&Automatic"),
                self.tr("Follow the system's light or dark setting"),
            ),
            # Language names are written in their own language, untranslated.
            self.language_actions[Language.INDONESIAN]: ("Bahasa &Indonesia", "Bahasa Indonesia"),
            self.language_actions[Language.ENGLISH]: ("&English", "English"),
        }
        for made, (text, tip) in texts.items():
            made.setText(text)
            made.setToolTip(tip)
            made.setStatusTip(tip)
