"""Station mode: this officer's presence at the open complaint, and the others'.

The officer's row is written when they arrive at a complaint, when they start
or stop typing, and at least every ``REFRESH_S`` (a row lapses after a minute
without refresh). The others' are read when the station says they changed
(LISTEN/NOTIFY, through the window's station feed: ``heard``) and, as a
fallback, on that slow refresh: a row that lapsed sends no notification.
"""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QObject, QTimer

from desktop.core.desk import Complaints
from desktop.core.store.presence import Activity, Presence
from desktop.ui.pane.lifetime import while_alive
from desktop.ui.pane.presence_line import PresenceLine
from desktop.ui.tasks import TaskRunner

TICK_MS = 5000  # a local look: has the typing stopped, is a refresh due?
REFRESH_S = 20.0  # the officer's row is written again, the others' read again
TYPING_FOR_S = 20.0  # how long after the last keystroke the officer still counts as replying
_log = logging.getLogger(__name__)


def _failed(error: BaseException) -> None:
    """Presence is advisory: a failed refresh is logged, the next tick tries again
    (an unreachable station is reported by the connection's own status)."""
    _log.warning("presence refresh failed: %s", type(error).__name__)


class PresenceKeeper(QObject):
    def __init__(
        self, complaints: Complaints, tasks: TaskRunner, line: PresenceLine, parent: QObject
    ) -> None:
        super().__init__(parent)
        self._complaints, self._tasks, self._line = complaints, tasks, line
        self._complaint_id: int | None = None
        self._officer = ""
        self._typed_at = float("-inf")
        self._marked: tuple[Activity, float] | None = None  # what was written, when
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.refresh)
        if complaints.station:
            self._timer.start()

    def follow(self, complaint_id: int | None, officer: str) -> None:
        """Leave the complaint followed so far, arrive at ``complaint_id``."""
        if not self._complaints.station:
            return
        self._leave()
        self._complaint_id, self._officer = complaint_id, officer
        self._typed_at = float("-inf")
        self._marked = None
        self.refresh()

    def typing(self) -> None:
        replying = time.monotonic() - self._typed_at < TYPING_FOR_S
        self._typed_at = time.monotonic()
        if not replying:
            self.refresh()  # the others see "sedang membalas" now, not at the next tick

    def heard(self, complaint_id: int) -> None:
        """The station says who is at ``complaint_id`` changed: read the others again."""
        if complaint_id != self._complaint_id or not self._complaints.station:
            return
        officer = self._officer
        self._tasks.background(
            lambda: self._complaints.others_at(complaint_id, officer),
            while_alive(self, lambda others: self._show(complaint_id, others)),
            _failed,
        )

    def refresh(self) -> None:
        """Write this officer's row if it changed or is due, and read the others'."""
        complaint_id, officer = self._complaint_id, self._officer
        if complaint_id is None:
            return
        now = time.monotonic()
        typing = now - self._typed_at < TYPING_FOR_S
        activity = Activity.TYPING if typing else Activity.VIEWING
        marked = self._marked
        if marked is not None and marked[0] is activity and now - marked[1] < REFRESH_S:
            return
        self._marked = (activity, now)

        def work() -> list[Presence]:
            self._complaints.mark_presence(complaint_id, officer, activity)
            return self._complaints.others_at(complaint_id, officer)

        def failed(error: BaseException) -> None:
            self._marked = None  # written again at the next tick
            _failed(error)

        self._tasks.background(
            work, while_alive(self, lambda others: self._show(complaint_id, others)), failed
        )

    def _show(self, complaint_id: int, others: list[Presence]) -> None:
        if self._complaint_id == complaint_id:
            self._line.show_others(others)

    def _leave(self) -> None:
        complaint_id, officer = self._complaint_id, self._officer
        if complaint_id is None:
            return
        self._tasks.background(lambda: self._complaints.leave(complaint_id, officer), None, _failed)
