"""Progress notes: the timeline (internal or public, who, when) and the note box."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.core.deadlines import UnitZone
from desktop.core.model import Note
from desktop.ui.pane import colors
from desktop.ui.pane.ctrl_enter import CtrlEnterSubmits
from desktop.ui.pane.labels import message_time


class NoteCard(QFrame):
    def __init__(self, note: Note, zone: UnitZone, parent: QWidget) -> None:
        super().__init__(parent)
        self.note = note
        self.setObjectName("noteCard")
        kind = self.tr("Public") if note.public else self.tr("Internal")
        header = QLabel(parent=self)
        header.setTextFormat(Qt.TextFormat.PlainText)
        header.setText(f"{kind} · {note.officer} · {message_time(note.created_at, zone)}")
        self.header = header
        body = QLabel(parent=self)
        body.setTextFormat(Qt.TextFormat.PlainText)
        body.setText(note.text)
        body.setWordWrap(True)
        body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 8)
        layout.setSpacing(2)
        layout.addWidget(header)
        layout.addWidget(body)
        self.setAccessibleName(header.text())
        self.setAccessibleDescription(note.text)
        colors.follow_theme(self, self._restyle)

    def _restyle(self) -> None:
        background = colors.css(colors.note_background(self.note.public, self))
        colors.set_style(
            self, f"QFrame#noteCard {{ background: {background}; border-radius: 8px; }}"
        )
        meta = colors.css(colors.bubble_meta(self))
        colors.set_style(self.header, f"color: {meta}; font-size: 11px;")


class NotesTimeline(QScrollArea):
    """Every note of the complaint, oldest first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._content = QWidget()
        self._rows = QVBoxLayout(self._content)
        self._rows.setContentsMargins(8, 8, 8, 8)
        self._rows.setSpacing(6)
        self._empty = QLabel(self._content)
        colors.follow_theme(
            self._empty,
            lambda: colors.set_style(self._empty, f"color: {colors.css(colors.muted_text(self))};"),
        )
        self._rows.addWidget(self._empty)
        self._rows.addStretch(1)
        self.setWidget(self._content)
        self.cards: list[NoteCard] = []
        self.retranslate()

    def retranslate(self) -> None:
        self._empty.setText(self.tr("No progress notes yet."))
        self.setAccessibleName(self.tr("Progress notes timeline"))

    def show_notes(self, notes: Sequence[Note], zone: UnitZone) -> None:
        for card in self.cards:
            card.deleteLater()
        self.cards = []
        for note in notes:
            card = NoteCard(note, zone, self._content)
            self._rows.insertWidget(self._rows.count() - 1, card)
            self.cards.append(card)
        self._empty.setVisible(not notes)


class NoteComposer(QWidget):
    """Write a note; ticked "public", it is also queued as a reply to the citizen."""

    note_submitted = Signal(str, bool)  # text, public

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = QPlainTextEdit(self)
        self.editor.setTabChangesFocus(True)
        self.editor.setMaximumHeight(90)
        self.public_box = QCheckBox(self)
        self.add_button = QPushButton(self)
        self.add_button.clicked.connect(self.submit)
        CtrlEnterSubmits(self.editor, self.submit)
        row = QHBoxLayout()
        row.addWidget(self.public_box, 1)
        row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.editor)
        layout.addLayout(row)
        self.retranslate()

    def retranslate(self) -> None:
        self.editor.setPlaceholderText(self.tr("Write the steps taken… (Ctrl+Enter adds the note)"))
        self.editor.setAccessibleName(self.tr("Progress note text"))
        self.public_box.setText(self.tr("Public: also send it to the citizen as a reply"))
        self.public_box.setAccessibleName(self.tr("Public note"))
        self.add_button.setText(self.tr("Add note"))
        self.add_button.setAccessibleName(self.tr("Add a progress note"))
        self.add_button.setToolTip(self.tr("Ctrl+Enter"))

    def submit(self) -> None:
        text = self.editor.toPlainText()
        if text.strip():
            self.note_submitted.emit(text, self.public_box.isChecked())

    def set_busy(self, busy: bool) -> None:
        self.editor.setReadOnly(busy)
        self.add_button.setEnabled(not busy)

    def clear(self) -> None:
        self.editor.clear()
        self.public_box.setChecked(False)
