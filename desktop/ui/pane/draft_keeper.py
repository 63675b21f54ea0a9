"""Saves the composer's text as the officer types, so a crash loses nothing."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from desktop.core.desk import Complaints
from desktop.ui.tasks import Failed, TaskRunner

DEBOUNCE_MS = 500


class DraftKeeper(QObject):
    """Debounces typing and saves the draft of the shown complaint on the db lane."""

    def __init__(
        self,
        complaints: Complaints,
        tasks: TaskRunner,
        on_error: Failed,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._complaints, self._tasks, self._on_error = complaints, tasks, on_error
        self._complaint_id: int | None = None
        self._pending: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.flush)

    def follow(self, complaint_id: int | None) -> None:
        """Save what is pending for the previous complaint, then follow ``complaint_id``."""
        self.flush()
        self._complaint_id = complaint_id

    def text_changed(self, text: str) -> None:
        if self._complaint_id is None:
            return
        self._pending = text
        self._timer.start()

    def flush(self) -> None:
        """Save the pending text now (switching complaint, queueing, closing)."""
        self._timer.stop()
        if self._complaint_id is None or self._pending is None:
            return
        complaint_id, text = self._complaint_id, self._pending
        self._pending = None
        self._tasks.db(
            lambda: self._complaints.save_draft(complaint_id, text), on_error=self._on_error
        )

    def drop_pending(self) -> None:
        """Forget unsaved typing (the text was just queued and the draft cleared)."""
        self._timer.stop()
        self._pending = None

    @property
    def has_pending(self) -> bool:
        return self._pending is not None
