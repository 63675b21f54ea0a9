"""The instant search box: debounced, so the index is asked once the officer pauses."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

DEBOUNCE_MS = 250


class SearchBox(QLineEdit):
    search_changed = Signal(str)  # the text, DEBOUNCE_MS after the last keystroke

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchBox")
        self.setClearButtonEnabled(True)
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self._emit)
        self._sent = ""
        self.textChanged.connect(lambda _text: self._debounce.start())
        self.retranslate()

    def retranslate(self) -> None:
        self.setPlaceholderText(self.tr("Search names and messages  (Ctrl+F)"))
        self.setAccessibleName(self.tr("Search complaints"))
        self.setToolTip(
            self.tr(
                "Every word must match, the last one also as a word's start; accents are ignored"
            )
        )

    def flush(self) -> None:
        """Send the pending text now (Enter, or a test)."""
        self._debounce.stop()
        self._emit()

    def _emit(self) -> None:
        text = self.text().strip()
        if text != self._sent:
            self._sent = text
            self.search_changed.emit(text)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            self.flush()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.flush()
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
