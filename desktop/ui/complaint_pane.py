"""The right-hand pane: one complaint's thread, deadline, status, notes and reply box.

Every read and write runs on the task runner's database lane; results come
back on the GUI thread. Errors the officer can act on show in a calm line in
the pane; what they typed stays in the reply box and in its saved draft.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import partial
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QLabel, QMessageBox, QStackedWidget, QVBoxLayout, QWidget

from desktop.core.connect.scopes import MissingScope
from desktop.core.desk import Complaints, PaneData
from desktop.core.errors import UserError
from desktop.core.model import Status
from desktop.core.store.presence import RecentReply
from desktop.i18n import error_text
from desktop.ui.pane import colors
from desktop.ui.pane.detail_page import DetailPage
from desktop.ui.pane.draft_keeper import DraftKeeper
from desktop.ui.pane.labels import message_time
from desktop.ui.pane.lifetime import while_alive
from desktop.ui.pane.loading import default_officer
from desktop.ui.pane.message_line import MessageLine
from desktop.ui.pane.presence_keeper import PresenceKeeper
from desktop.ui.pane.scope_notice import MissingFor
from desktop.ui.tasks import TaskRunner


class ComplaintPane(QWidget):
    complaint_changed = Signal(int)  # after a reply was queued, a note added, status changed

    def __init__(
        self,
        complaints: Complaints,
        tasks: TaskRunner,
        clock: Callable[[], datetime],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._complaints, self._tasks = complaints, tasks
        self.officer = default_officer()
        self.complaint_id: int | None = None
        # What an account may not do (reads the keyring; the window sets it).
        self.missing_for: MissingFor | None = None
        self._generation = 0
        self._reload_pending = False
        self.drafts = DraftKeeper(complaints, tasks, self._show_error, self)
        self.message_line = MessageLine(self)
        self.empty_page = QLabel(self)
        self.empty_page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        colors.follow_theme(
            self.empty_page,
            lambda: colors.set_style(
                self.empty_page, f"color: {colors.css(colors.muted_text(self))}; font-size: 15px;"
            ),
        )
        self.detail = DetailPage(clock, self)
        self.composer = self.detail.composer
        self.note_composer = self.detail.note_composer
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty_page)
        self.stack.addWidget(self.detail)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.message_line)
        layout.addWidget(self.stack, 1)
        self.composer.text_edited.connect(self.drafts.text_changed)
        self.composer.queue_requested.connect(self._queue_reply)
        self.composer.problem.connect(self.message_line.show_message)
        self.note_composer.note_submitted.connect(self._add_note)
        self.detail.status_actions.status_chosen.connect(self._change_status)
        self.detail.conversation.retry_requested.connect(self._retry)
        self.detail.conversation.edit_requested.connect(self._edit_reply)
        self.confirm_box: QMessageBox | None = None  # the second-reply question, while open
        self.presence = PresenceKeeper(complaints, tasks, self.detail.presence, self)
        if complaints.station:
            self.composer.text_edited.connect(lambda _text: self.presence.typing())
        self._retranslate()

    # --- the interface the shell uses ------------------------------------------

    @property
    def data(self) -> PaneData | None:
        return self.detail.data

    @Slot(object)
    def show_complaint(self, complaint_id: int | None) -> None:
        if complaint_id is not None and complaint_id == self.complaint_id:
            self.reload()
            return
        self.drafts.follow(None)
        self.presence.follow(None, self.officer)
        self.complaint_id = complaint_id
        self._generation += 1
        self.message_line.dismiss()
        self.composer.set_text("", quiet=True)
        self.composer.scope_notice.clear_missing()
        self.note_composer.clear()
        self.detail.clear()
        self.stack.setCurrentWidget(self.empty_page)
        if complaint_id is not None:
            self.composer.set_busy(True)
            self._load(first=True)
            self.presence.follow(complaint_id, self.officer)

    def focus_composer(self) -> None:
        if self.complaint_id is None:
            return
        self.detail.tabs.setCurrentWidget(self.detail.conversation_tab)
        self.composer.editor.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def reload(self) -> None:
        """Read the shown complaint again (e.g. after a sync changed it).

        Requests made together (an action's own, and the window's when it hears
        of the change) are one read, made once control returns to the event loop.
        """
        if self.complaint_id is None or self._reload_pending:
            return
        self._reload_pending = True
        QTimer.singleShot(0, self, partial(self._reload_now, self._generation))

    def _reload_now(self, generation: int) -> None:
        self._reload_pending = False
        if generation == self._generation and self.complaint_id is not None:
            self._load(first=False)

    def set_officer(self, name: str) -> None:
        """The name recorded on replies, notes and status changes."""
        self.officer = name

    def flush_draft(self) -> None:
        """Save unsaved typing now (the shell calls this before closing)."""
        self.drafts.flush()

    # --- loading -------------------------------------------------------------------

    def _load(self, *, first: bool) -> None:
        complaint_id, generation = self.complaint_id, self._generation
        assert complaint_id is not None
        self._tasks.db(
            lambda: self._complaints.pane(complaint_id),
            while_alive(self, lambda data: self._loaded(data, generation, first)),
            while_alive(self, lambda error: self._load_failed(error, generation)),
        )

    def _loaded(self, data: PaneData, generation: int, first: bool) -> None:
        if generation != self._generation:
            return  # the officer moved on to another complaint
        self.detail.show_data(data)
        if first:
            self.composer.set_text(data.draft, quiet=True)
            self.composer.set_busy(False)
            self.drafts.follow(data.detail.complaint.id)
            self._read_missing_scopes(data, generation)
            if data.templates_problem:
                self.message_line.show_message(
                    self.tr(
                        "The unit's template file could not be read; "
                        "the default templates are used. ({detail})"
                    ).format(detail=data.templates_problem)
                )
        self.stack.setCurrentWidget(self.detail)

    def _read_missing_scopes(self, data: PaneData, generation: int) -> None:
        missing_for = self.missing_for
        if missing_for is None:
            return
        complaint = data.detail.complaint
        account_id, channel = complaint.account_id, complaint.channel

        def show(missing: list[MissingScope]) -> None:
            if generation == self._generation:
                self.composer.scope_notice.show_missing(channel, missing)

        self._tasks.background(
            lambda: missing_for(account_id, channel),
            while_alive(self, show),
            while_alive(self, lambda error: self._load_failed(error, generation)),
        )

    def _load_failed(self, error: BaseException, generation: int) -> None:
        if generation != self._generation:
            return
        self.composer.set_busy(False)
        self._show_error(error)

    # --- officer actions -------------------------------------------------------------

    def _queue_reply(self, text: str) -> None:
        complaint_id, officer = self.complaint_id, self.officer
        if complaint_id is None:
            return
        if not self._complaints.station:
            self._send_reply(complaint_id, text, officer)
            return
        self.composer.set_busy(True)  # station mode: first, did someone else just answer?

        def checked(recent: RecentReply | None) -> None:
            if recent is None:
                self._send_reply(complaint_id, text, officer)
            elif self.complaint_id == complaint_id:
                self._ask_second_reply(recent, complaint_id, text, officer)

        def failed(error: BaseException) -> None:
            self.composer.set_busy(False)
            self._show_error(error)

        self._run(
            lambda: self._complaints.recent_reply_by_other(complaint_id, officer), checked, failed
        )

    def _ask_second_reply(
        self, recent: RecentReply, complaint_id: int, text: str, officer: str
    ) -> None:
        zone = self.data.unit.zone if self.data is not None else None
        when = message_time(recent.at, zone) if zone is not None else ""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Reply again?"),
            self.tr(
                "{officer} already replied to this complaint ({time}). Queue your reply as well?"
            ).format(officer=recent.officer, time=when),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setObjectName("secondReplyConfirm")
        yes = box.button(QMessageBox.StandardButton.Yes)
        yes.setText(self.tr("Queue my reply too"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Do not send"))
        box.setDefaultButton(QMessageBox.StandardButton.No)

        def answered(button: object) -> None:
            self.confirm_box = None
            if button is yes and self.complaint_id == complaint_id:
                self._send_reply(complaint_id, text, officer)
            else:
                self.composer.set_busy(False)  # the text stays in the box and its draft

        box.buttonClicked.connect(answered)
        box.finished.connect(box.deleteLater)
        self.confirm_box = box
        box.open()

    def _send_reply(self, complaint_id: int, text: str, officer: str) -> None:
        self.drafts.drop_pending()
        self.composer.set_busy(True)

        def work() -> int:
            return self._complaints.reply(complaint_id, text, officer)

        def failed(error: BaseException) -> None:
            self.composer.set_busy(False)
            self.drafts.text_changed(self.composer.text())
            self.drafts.flush()
            self._show_error(error)

        def done(_reply_id: object) -> None:
            if self.complaint_id == complaint_id:
                self.composer.clear_after_queue()
                self.composer.set_busy(False)
            self._changed(complaint_id)

        self._run(work, done, failed)

    def _add_note(self, text: str, public: bool) -> None:
        complaint_id, officer = self.complaint_id, self.officer
        if complaint_id is None:
            return
        self.note_composer.set_busy(True)

        def failed(error: BaseException) -> None:
            self.note_composer.set_busy(False)
            self._show_error(error)

        def done(_note_id: object) -> None:
            self.note_composer.set_busy(False)
            if self.complaint_id == complaint_id:
                self.note_composer.clear()
            self._changed(complaint_id)

        self._run(
            lambda: self._complaints.note(complaint_id, text, officer, public=public),
            done,
            failed,
        )

    def _change_status(self, wanted: Status) -> None:
        complaint_id, officer = self.complaint_id, self.officer
        if complaint_id is None:
            return
        self.detail.status_actions.set_busy(True)

        def failed(error: BaseException) -> None:
            self.reload()  # the status may have changed elsewhere: show the real one
            self._show_error(error)

        self._run(
            lambda: self._complaints.change_status(complaint_id, wanted, officer),
            lambda _status: self._changed(complaint_id),
            failed,
        )

    def _retry(self, reply_id: int) -> None:
        complaint_id = self.complaint_id
        if complaint_id is None:
            return
        self._run(
            lambda: self._complaints.retry_reply(reply_id), lambda _r: self._changed(complaint_id)
        )

    def _edit_reply(self, text: str) -> None:
        self.composer.set_text(text)  # one undoable edit: Ctrl+Z brings back what was there
        self.focus_composer()

    @Slot(int)
    def presence_changed(self, complaint_id: int) -> None:
        """The station says who is at ``complaint_id`` changed (its change feed)."""
        self.presence.heard(complaint_id)

    # --- plumbing --------------------------------------------------------------------

    def _run(
        self,
        work: Callable[[], Any],
        done: Callable[[Any], None],
        failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        self.message_line.dismiss()
        self._tasks.db(work, while_alive(self, done), while_alive(self, failed or self._show_error))

    def _changed(self, complaint_id: int) -> None:
        if self.complaint_id == complaint_id:
            self.reload()
        self.complaint_changed.emit(complaint_id)

    def _show_error(self, error: BaseException) -> None:
        if isinstance(error, UserError):
            self.message_line.show_message(error_text(error))
            return
        raise error  # a bug: the exception hook reports it; the draft is already saved

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.empty_page.setText(self.tr("Choose a complaint in the list"))
        self.setAccessibleName(self.tr("Complaint"))
        self.message_line.retranslate()
