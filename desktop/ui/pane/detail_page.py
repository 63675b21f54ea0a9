"""The page that shows one complaint: header, deadline, status, thread, reply box, notes.

It only lays out and renders a ``PaneData``; the pane loads data and runs
the officer's actions.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QSplitter, QTabWidget, QVBoxLayout, QWidget

from desktop.core.desk import PaneData
from desktop.core.model import MAX_REPLY_LENGTH
from desktop.ui.labels import channel_label
from desktop.ui.pane.composer import Composer
from desktop.ui.pane.conversation import ConversationView
from desktop.ui.pane.deadline_bar import DeadlineBar
from desktop.ui.pane.header import ComplaintHeader
from desktop.ui.pane.notes import NoteComposer, NotesTimeline
from desktop.ui.pane.presence_line import PresenceLine
from desktop.ui.pane.status_actions import StatusActions


class DetailPage(QWidget):
    def __init__(self, clock: Callable[[], datetime], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data: PaneData | None = None
        self.header = ComplaintHeader(self)
        self.deadline_bar = DeadlineBar(clock, self)
        self.status_actions = StatusActions(self)
        self.presence = PresenceLine(self)  # station mode: who else is at this complaint
        self.conversation = ConversationView(self)
        self.composer = Composer(self)
        self.notes = NotesTimeline(self)
        self.note_composer = NoteComposer(self)

        self.conversation_tab = QSplitter(Qt.Orientation.Vertical, self)
        self.conversation_tab.addWidget(self.conversation)
        self.conversation_tab.addWidget(self.composer)
        self.conversation_tab.setStretchFactor(0, 1)
        self.conversation_tab.setStretchFactor(1, 0)
        self.conversation_tab.setSizes([560, 190])
        self.conversation_tab.setChildrenCollapsible(False)
        self.notes_tab = QWidget(self)
        notes_layout = QVBoxLayout(self.notes_tab)
        notes_layout.addWidget(self.notes, 1)
        notes_layout.addWidget(self.note_composer)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.conversation_tab, "")
        self.tabs.addTab(self.notes_tab, "")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 12)
        layout.setSpacing(10)
        for widget in (self.header, self.deadline_bar, self.status_actions, self.presence):
            layout.addWidget(widget)
        layout.addWidget(self.tabs, 1)
        self._retranslate()

    def show_data(self, data: PaneData) -> None:
        """Show ``data``; the text in the reply box is left alone."""
        self.data = data
        detail, unit = data.detail, data.unit
        complaint = detail.complaint
        self.header.show_complaint(detail, unit)
        self.deadline_bar.show_deadline(complaint, unit)
        self.status_actions.show_status(complaint.status, data.status_change, unit.zone)
        self.status_actions.set_busy(False)
        self.conversation.show_thread(detail, unit.zone)
        self.notes.show_notes(detail.notes, unit.zone)
        self.composer.set_templates(data.templates)
        self.composer.prepare(
            self.tr("Reply to {author} on {channel} ({account})").format(
                author=complaint.author_name,
                channel=channel_label(complaint.channel),
                account=detail.account_name,
            ),
            complaint.channel.value,
            MAX_REPLY_LENGTH[complaint.channel],
            {"nama": complaint.author_name, "satuan": unit.name},
        )
        self._retranslate()

    def clear(self) -> None:
        self.data = None
        self.presence.show_others(())
        self.deadline_bar.clear()
        self.conversation.clear()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() in (QEvent.Type.LanguageChange, QEvent.Type.PaletteChange):
            if event.type() == QEvent.Type.LanguageChange:
                self.conversation.invalidate()  # the bubbles' own words
            if self.data is not None:  # words and colours are chosen when shown
                self.show_data(self.data)
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        count = len(self.data.detail.notes) if self.data is not None else 0
        self.tabs.setTabText(0, self.tr("Conversation"))
        self.tabs.setTabText(1, self.tr("Progress notes ({count})").format(count=count))
        self.tabs.setAccessibleName(self.tr("Conversation and notes"))
        self.setAccessibleName(self.tr("Complaint details"))
        self.conversation.setAccessibleName(self.tr("Conversation"))
        parts = (self.status_actions, self.presence, self.composer, self.notes, self.note_composer)
        for part in parts:
            part.retranslate()
