"""A station session in the window: changed complaints reach the queue, the side bar
and the open pane on the window's thread, as a sync round's do; the link, a fill's
progress and conflicts are told in a calm line over the queue."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLocale, QObject, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.core.station.journal import Entry
from desktop.core.station.replica import Progress
from desktop.core.station.session import StationSession

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


class StationBanner(QFrame):
    """A calm line over the queue: the station is out (work goes on), the station's
    queue is still being copied to this PC (the counts are partial), or actions
    that were not applied because someone else closed the complaint meanwhile."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("offlineBanner")  # the offline banner's look
        self.text = QLabel(self)
        self.text.setObjectName("offlineBannerText")
        self.text.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 7, 10, 7)
        layout.addWidget(self.text, 1)
        self.out = False
        self.conflicts: list[Entry] = []
        self.progress: Progress | None = None
        self.setVisible(False)

    def show_link(self, up: bool) -> None:
        self.out = not up
        self._show()

    def show_progress(self, progress: Progress) -> None:
        self.progress = progress
        self._show()

    def show_conflicts(self, conflicts: list[Entry]) -> None:
        self.conflicts = conflicts
        self._show()

    def _show(self) -> None:
        lines = []
        if self.out:
            lines.append(
                self.tr(
                    "The station cannot be reached. Work goes on: your actions are kept "
                    "and sent when the station is back."
                )
            )
        if self.progress is not None and not self.progress.done:
            locale = QLocale()
            lines.append(
                self.tr(
                    "Copying the station's queue to this PC: {copied} of {total}. "
                    "Until it is done the queue and its counts are partial."
                ).format(
                    copied=locale.toString(self.progress.copied),
                    total=locale.toString(self.progress.total),
                )
            )
        for entry in self.conflicts:
            lines.append(
                self.tr(
                    "Not applied on complaint #{id}: it was closed meanwhile ({detail})."
                ).format(id=entry.complaint_id, detail=entry.detail or "")
            )
        self.text.setText("\n".join(lines))
        self.setAccessibleName(self.text.text())
        self.setVisible(bool(lines))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self._show()
        super().changeEvent(event)


class StationLink(QObject):
    """A station session in the window: its changes reach the queue and the pane,
    its link and conflicts the banner over the queue."""

    complaints_changed = Signal(object)  # a frozenset of complaint ids
    link_changed = Signal(bool)
    fill_progressed = Signal(object)  # a replica.Progress

    def __init__(self, session: StationSession, window: MainWindow) -> None:
        super().__init__(window)
        self.session = session
        self.banner = StationBanner(window)
        area = window.banner.parentWidget()
        column = area.layout() if area is not None else None
        assert isinstance(column, QVBoxLayout)
        column.insertWidget(column.indexOf(window.banner) + 1, self.banner)
        # Emitted on the feed's thread; Qt queues them to the window's.
        session.listen(
            self.complaints_changed.emit, self.link_changed.emit, self.fill_progressed.emit
        )
        self.complaints_changed.connect(window.complaints_changed)
        self.complaints_changed.connect(lambda _ids: self._read_conflicts())
        self.link_changed.connect(self.banner.show_link)
        self.fill_progressed.connect(self._filled)
        self._window = window
        self._read_conflicts()

    def _filled(self, progress: Progress) -> None:
        self.banner.show_progress(progress)
        queue = self._window.queue_model
        if progress.copied and not queue.rowCount():  # the first batch: read the top at once
            queue.set_filter(queue.queue_filter)

    def _read_conflicts(self) -> None:
        self.banner.show_conflicts(self.session.conflicts())
