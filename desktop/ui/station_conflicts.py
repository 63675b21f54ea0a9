"""The officer's actions the station did not take, because someone else closed the
complaint meanwhile: a list to work through. Per action the complaint, what the
officer did, what was found, and three ways on: open the complaint, set the
action aside ("Abaikan": kept in the journal for the audit, never listed again)
or send it again on the complaint's current state ("Kirim lagi", after the
officer confirms or edits it)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.core.model import TRANSITIONS, Status
from desktop.core.station import journal
from desktop.core.station.session import StationSession
from desktop.i18n import error_text
from desktop.ui.dialogs.errors import describe_error
from desktop.ui.labels import status_label
from desktop.ui.tasks import TaskRunner

QUOTE_LIMIT = 160


def closed_as(entry: journal.Entry) -> tuple[Status, str] | None:
    """(the status the complaint was closed with, by whom), when that is what was found."""
    return journal.closed_by(entry.detail)


def can_resend(entry: journal.Entry) -> bool:
    """A reply or note can go to a closed complaint; a status change only where the
    status machine allows it from the closed status; a vanished complaint takes nothing."""
    closed = closed_as(entry)
    if closed is None or entry.kind == "draft":
        return False
    if entry.kind == "status":
        return Status(entry.payload["wanted"]) in TRANSITIONS[closed[0]]
    return entry.kind in ("reply", "note")


def _quoted(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= QUOTE_LIMIT else flat[: QUOTE_LIMIT - 1] + "…"


class ConflictCard(QFrame):
    """One action the station did not take."""

    open_requested = Signal(int)
    dismiss_requested = Signal(object)  # the journal entry
    resend_requested = Signal(object)

    def __init__(self, entry: journal.Entry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry = entry
        self.setObjectName("conflictCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(self)
        self.title.setObjectName("conflictTitle")
        bold = self.title.font()
        bold.setBold(True)
        self.title.setFont(bold)
        self.done = QLabel(self)
        self.found = QLabel(self)
        for label in (self.done, self.found):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton(self)
        self.resend_button = QPushButton(self)
        self.dismiss_button = QPushButton(self)
        self.resend_button.setVisible(can_resend(entry))
        self.open_button.clicked.connect(lambda: self.open_requested.emit(entry.complaint_id))
        self.resend_button.clicked.connect(lambda: self.resend_requested.emit(entry))
        self.dismiss_button.clicked.connect(lambda: self.dismiss_requested.emit(entry))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.open_button, self.resend_button, self.dismiss_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.done)
        layout.addWidget(self.found)
        layout.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        entry = self.entry
        self.title.setText(self.tr("Complaint #{id}").format(id=entry.complaint_id))
        self.done.setText(self.tr("You did: {action}").format(action=self.action_text()))
        self.found.setText(self.tr("Found: {what}").format(what=self.found_text()))
        self.open_button.setText(self.tr("Open complaint"))
        self.resend_button.setText(self.tr("Send again…"))
        self.dismiss_button.setText(self.tr("Dismiss"))
        self.setAccessibleName(f"{self.title.text()}. {self.done.text()} {self.found.text()}")

    def action_text(self) -> str:
        kind, p = self.entry.kind, self.entry.payload
        if kind == "reply":
            return self.tr("a reply: “{text}”").format(text=_quoted(p["text"]))
        if kind == "note" and p.get("public"):
            return self.tr("a public progress note: “{text}”").format(text=_quoted(p["text"]))
        if kind == "note":
            return self.tr("an internal note: “{text}”").format(text=_quoted(p["text"]))
        if kind == "status":
            return self.tr("status changed to {status}").format(
                status=status_label(Status(p["wanted"]))
            )
        return self.tr("a draft: “{text}”").format(text=_quoted(p.get("text", "")))

    def found_text(self) -> str:
        closed = closed_as(self.entry)
        if closed is not None:
            status, officer = closed
            return self.tr("the complaint was already {status} by {officer}.").format(
                status=status_label(status).lower(), officer=officer
            )
        if self.entry.detail == "gone":
            return self.tr("the complaint is no longer in the station.")
        error = journal.detail_error(self.entry.detail)
        if error is not None:
            return error_text(error)
        return self.entry.detail or ""  # English text kept by an older version

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class ResendDialog(QDialog):
    """Confirm (and for a reply or note, edit) an action before it is sent again."""

    def __init__(self, entry: journal.Entry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry = entry
        closed = closed_as(entry)
        self.setWindowTitle(self.tr("Send again"))
        layout = QVBoxLayout(self)
        self.question = QLabel(self)
        self.question.setWordWrap(True)
        layout.addWidget(self.question)
        self.editor: QPlainTextEdit | None = None
        self.public: QCheckBox | None = None
        closed_text = status_label(closed[0]).lower() if closed else ""
        if entry.kind == "status":
            wanted = status_label(Status(entry.payload["wanted"]))
            self.question.setText(
                self.tr("Complaint #{id} is {closed} now. Change its status to {wanted}?").format(
                    id=entry.complaint_id, closed=closed_text, wanted=wanted
                )
            )
        else:
            self.question.setText(
                self.tr(
                    "Complaint #{id} is {closed} now. Send this anyway? You may change the text."
                ).format(id=entry.complaint_id, closed=closed_text)
            )
            self.editor = QPlainTextEdit(entry.payload["text"], self)
            self.editor.setAccessibleName(self.tr("Text to send"))
            layout.addWidget(self.editor)
        buttons = QDialogButtonBox(self)
        accept = QDialogButtonBox.ButtonRole.AcceptRole
        self.send_button = buttons.addButton(self.tr("Send"), accept)
        self.cancel_button = buttons.addButton(
            self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if self.editor is not None:
            self.editor.textChanged.connect(self._allow_send)
        self.resize(480, 280 if self.editor is not None else 140)

    def _allow_send(self) -> None:
        assert self.editor is not None
        self.send_button.setEnabled(bool(self.editor.toPlainText().strip()))

    def payload(self) -> dict[str, Any]:
        """The action to journal, as the officer confirmed it."""
        if self.editor is None:
            return dict(self.entry.payload)
        return {**self.entry.payload, "text": self.editor.toPlainText().strip()}


class ConflictsDialog(QDialog):
    """The list of actions the station did not take (non-modal; one per window)."""

    open_requested = Signal(int)  # a complaint id
    settled = Signal(int)  # a conflict on this complaint was set aside or sent again

    def __init__(
        self,
        session: StationSession,
        tasks: TaskRunner,
        officer: Callable[[], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("conflictsDialog")
        self.session = session
        self.tasks = tasks
        self.officer = officer
        self.cards: list[ConflictCard] = []
        self.resend_dialog: ResendDialog | None = None
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setObjectName("errorLine")
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        self.empty = QLabel(self)
        self.list = QWidget(self)
        self.column = QVBoxLayout(self.list)
        self.column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.list)
        self.close_button = QPushButton(self)
        self.close_button.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.error)
        layout.addWidget(self.empty)
        layout.addWidget(scroll, 1)
        layout.addLayout(bottom)
        self.resize(620, 480)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Actions not applied"))
        self.intro.setText(
            self.tr(
                "The station did not apply these actions: the complaint had changed "
                "meanwhile (closed by someone else, or moved to a status the action no "
                "longer fits). Open the complaint to read what happened, send an action "
                "again, or dismiss it (it stays in the record)."
            )
        )
        self.empty.setText(self.tr("Nothing left to settle."))
        self.close_button.setText(self.tr("Close"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def reload(self) -> None:
        """Read the conflicts again (on the database lane)."""
        self.tasks.db(self.session.conflicts, self.show_conflicts, self._failed)

    def show_conflicts(self, conflicts: list[journal.Entry]) -> None:
        for card in self.cards:
            self.column.removeWidget(card)
            card.deleteLater()
        self.cards = []
        for entry in conflicts:
            card = ConflictCard(entry, self.list)
            card.open_requested.connect(self.open_requested)
            card.dismiss_requested.connect(self.dismiss)
            card.resend_requested.connect(self.ask_resend)
            self.column.insertWidget(self.column.count() - 1, card)
            self.cards.append(card)
        self.empty.setVisible(not conflicts)

    def dismiss(self, entry: journal.Entry) -> None:
        replica = self.session.replica.store
        self.tasks.db(
            lambda: journal.dismiss(replica, entry.action_id),
            lambda _done: self._settled(entry),
            self._failed,
        )

    def ask_resend(self, entry: journal.Entry) -> None:
        dialog = ResendDialog(entry, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.resend(entry, dialog.payload()))
        dialog.open()
        self.resend_dialog = dialog

    def resend(self, entry: journal.Entry, payload: dict[str, Any]) -> None:
        """Journal the action again on the current state, in place of the conflict."""
        replica, officer, wake = self.session.replica.store, self.officer(), self.session.feed.wake

        def work() -> None:
            kind, complaint_id = entry.kind, entry.complaint_id
            journal.resend(replica, entry.action_id, kind, complaint_id, officer, **payload)
            wake()

        self.tasks.db(work, lambda _done: self._settled(entry), self._failed)

    def _settled(self, entry: journal.Entry) -> None:
        self.error.setVisible(False)
        self.settled.emit(entry.complaint_id)
        self.reload()

    def _failed(self, error: BaseException) -> None:
        self.error.setText(describe_error(error))
        self.error.setVisible(True)
        self.reload()
