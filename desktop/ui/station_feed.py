"""A station session in the window: changed complaints reach the queue, the side bar
and the open pane on the window's thread, as a sync round's do; the link, a fill's
progress and conflicts are told in a calm line over the queue."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.core.station.journal import Entry
from desktop.core.station.replica import Progress
from desktop.core.station.session import StationSession

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow
    from desktop.ui.station_accounts import StationAccountsDialog
    from desktop.ui.station_conflicts import ConflictsDialog


class StationBanner(QFrame):
    """A calm line over the queue: the station is out (work goes on), the station's
    queue is still being copied to this PC (the counts are partial), or actions
    that were not applied because someone else closed the complaint meanwhile
    (their list behind a button)."""

    conflicts_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("offlineBanner")  # the offline banner's look
        self.text = QLabel(self)
        self.text.setObjectName("offlineBannerText")
        self.text.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 7, 10, 7)
        layout.addWidget(self.text, 1)
        self.show_button = QPushButton(self)
        self.show_button.clicked.connect(self.conflicts_requested)
        layout.addWidget(self.show_button, 0, Qt.AlignmentFlag.AlignTop)
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
        if self.conflicts:
            ids = ", ".join(f"#{n}" for n in sorted({e.complaint_id for e in self.conflicts}))
            lines.append(
                self.tr(
                    "%n action(s) not applied: the complaint was closed meanwhile ({ids}).",
                    "",
                    len(self.conflicts),
                ).format(ids=ids)
            )
        self.show_button.setText(self.tr("Show list"))
        self.show_button.setVisible(bool(self.conflicts))
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
    presence_changed = Signal(int)
    fill_progressed = Signal(object)  # a replica.Progress

    def __init__(self, session: StationSession, window: MainWindow) -> None:
        super().__init__(window)
        self.session = session
        self.banner = StationBanner(window)
        area = window.banner.parentWidget()
        column = area.layout() if area is not None else None
        assert isinstance(column, QVBoxLayout)
        column.insertWidget(column.indexOf(window.banner) + 1, self.banner)
        session.listen(  # called on the feed's thread; Qt queues them to the window's
            self.complaints_changed.emit,
            self.link_changed.emit,
            on_presence=self.presence_changed.emit,
            on_fill=self.fill_progressed.emit,
        )
        self.complaints_changed.connect(window.complaints_changed)
        self.presence_changed.connect(window.pane.presence_changed)
        self.complaints_changed.connect(lambda _ids: self._read_conflicts())
        self.link_changed.connect(self.banner.show_link)
        self.banner.conflicts_requested.connect(self.show_conflicts)
        self.fill_progressed.connect(self._filled)
        self.window = window
        self.conflicts_dialog: ConflictsDialog | None = None
        self.accounts_dialog: StationAccountsDialog | None = None
        window.station_accounts = self.show_accounts
        self._read_conflicts()

    def show_accounts(self) -> StationAccountsDialog:
        """Akun in station mode: the station's accounts, connected on the worker PC."""
        from desktop.ui.station_accounts import StationAccountsDialog

        window = self.window
        if self.accounts_dialog is None:
            self.accounts_dialog = StationAccountsDialog(
                self.session, window.context.tasks, lambda: window.context.unit.zone, window
            )
        self.accounts_dialog.reload()
        self.accounts_dialog.show()
        self.accounts_dialog.raise_()
        return self.accounts_dialog

    def show_conflicts(self) -> ConflictsDialog:
        """The list of actions not applied (one dialog, raised when open)."""
        from desktop.ui.station_conflicts import ConflictsDialog

        window = self.window
        if self.conflicts_dialog is None:
            dialog = ConflictsDialog(
                self.session, window.context.tasks, lambda: window.pane.officer, window
            )
            dialog.open_requested.connect(self._open_complaint)
            dialog.settled.connect(self._settled)
            self.conflicts_dialog = dialog
        self.conflicts_dialog.reload()
        self.conflicts_dialog.show()
        self.conflicts_dialog.raise_()
        return self.conflicts_dialog

    def _open_complaint(self, complaint_id: int) -> None:
        if not self.window.queue_view.select_complaint(complaint_id):  # filtered out
            self.window.pane.show_complaint(complaint_id)
        self.window.raise_()
        self.window.activateWindow()

    def _settled(self, complaint_id: int) -> None:
        self.window.complaints_changed({complaint_id})
        self._read_conflicts()

    def _filled(self, progress: Progress) -> None:
        self.banner.show_progress(progress)
        queue = self.window.queue_model
        if progress.copied and not queue.rowCount():  # the first batch: read the top at once
            queue.set_filter(queue.queue_filter)

    def _read_conflicts(self) -> None:
        self.banner.show_conflicts(self.session.conflicts())
