"""Ctrl+Enter in a text box submits it (Enter alone keeps making new lines)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class CtrlEnterSubmits(QObject):
    """An event filter: installed on ``editor``, Ctrl+Enter calls ``submit``."""

    def __init__(self, editor: QWidget, submit: Callable[[], None]) -> None:
        super().__init__(editor)
        self._submit = submit
        editor.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in _ENTER_KEYS
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self._submit()
            return True
        return super().eventFilter(watched, event)
