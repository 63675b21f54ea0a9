"""The station's change feed in the window: changed complaints reach the queue, the
side bar and the open pane on the window's thread, as a sync round's do."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.core.station.feed import ChangeFeed
from desktop.core.station.journal import Entry
from desktop.core.station.session import StationSession
from desktop.core.store.database import Store

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow
    from desktop.ui.station_accounts import StationAccountsDialog
    from desktop.ui.station_conflicts import ConflictsDialog


class StationFeed(QObject):
    complaints_changed = Signal(object)  # a frozenset of complaint ids
    link_changed = Signal(bool)  # the station reachable or not
    presence_changed = Signal(int)  # who is at this complaint changed

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Emitted on the feed's thread; Qt queues them to the receivers' thread.
        self.feed = ChangeFeed(
            store,
            lambda found: self.complaints_changed.emit(found.complaint_ids),
            on_link=self.link_changed.emit,
            on_presence=self.presence_changed.emit,
        )

    def start(self) -> None:
        self.feed.start()

    def stop(self) -> None:
        self.feed.stop()


class StationBanner(QFrame):
    """A calm line over the queue: the station is out (work goes on), or actions
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
        self.setVisible(False)

    def show_link(self, up: bool) -> None:
        self.out = not up
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

    def __init__(self, session: StationSession, window: MainWindow) -> None:
        super().__init__(window)
        self.session = session
        self.banner = StationBanner(window)
        area = window.banner.parentWidget()
        column = area.layout() if area is not None else None
        assert isinstance(column, QVBoxLayout)
        column.insertWidget(column.indexOf(window.banner) + 1, self.banner)
        session.listen(  # called on the feed's thread; Qt queues them to the window's
            self.complaints_changed.emit, self.link_changed.emit, self.presence_changed.emit
        )
        self.complaints_changed.connect(window.complaints_changed)
        self.presence_changed.connect(window.pane.presence_changed)
        self.complaints_changed.connect(lambda _ids: self._read_conflicts())
        self.link_changed.connect(self.banner.show_link)
        self.banner.conflicts_requested.connect(self.show_conflicts)
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

    def _read_conflicts(self) -> None:
        self.banner.show_conflicts(self.session.conflicts())
