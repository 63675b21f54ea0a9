"""Connectivity, calmly: per-account state and age of the last good sync, an offline banner.

``Connectivity`` is a plain value; ``ConnectivityFeed`` carries the newest one
to the widgets. Until the sync engine publishes its own, the window builds it
from the store's ``account`` table. A network error is never a modal dialog:
it is a dot, a tooltip and, when nothing can be reached, one quiet banner.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop.core.model import Account, Channel
from desktop.core.sync.states import SyncState
from desktop.i18n import platform_words, sync_state_text
from desktop.ui import icons, labels

AGE_REFRESH_MS = 30_000


@dataclass(frozen=True, slots=True)
class AccountLink:
    account_id: int
    channel: Channel
    name: str
    state: SyncState
    last_good_sync: datetime | None
    error: str | None = None


@dataclass(frozen=True, slots=True)
class Connectivity:
    """Where every active account stands with its platform."""

    links: tuple[AccountLink, ...] = ()
    syncing: bool = False

    @property
    def offline(self) -> bool:
        """Nothing can be reached: every account is cut off by the network."""
        return bool(self.links) and all(link.state is SyncState.OFFLINE for link in self.links)

    @classmethod
    def from_accounts(cls, accounts: Iterable[Account], *, syncing: bool = False) -> Connectivity:
        links = []
        for account in accounts:
            state = account.state
            if state is not SyncState.DISABLED:
                links.append(
                    AccountLink(
                        account.id,
                        account.channel,
                        account.name,
                        state,
                        account.last_sync_at,
                        account.last_error,
                    )
                )
        return cls(tuple(links), syncing)


class ConnectivityFeed(QObject):
    """The latest ``Connectivity``; the sync engine (or the store poller) publishes here."""

    changed = Signal(object)  # Connectivity

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.current = Connectivity()

    def publish(self, connectivity: Connectivity) -> None:
        if connectivity != self.current:
            self.current = connectivity
            self.changed.emit(connectivity)


def age_text(last: datetime | None, now: datetime) -> str:
    if last is None:
        return QCoreApplication.translate("Connectivity", "never")
    age = now - last
    if age < timedelta(minutes=1):
        return QCoreApplication.translate("Connectivity", "just now")
    return QCoreApplication.translate("Connectivity", "%1 ago").replace(
        "%1", labels.duration_text(age)
    )


_DOT = {
    SyncState.OK: "#2e8b57",
    SyncState.IDLE: "#8a929c",
    SyncState.OFFLINE: "#c98a12",
    SyncState.RATE_LIMITED: "#c98a12",
    SyncState.NEEDS_TOKEN: "#c0392b",
    SyncState.NEEDS_RECONNECT: "#c0392b",
    SyncState.CONFLICT: "#c0392b",
    SyncState.ERROR: "#c0392b",
}


class _AccountChip(QWidget):
    """Channel icon with a state dot, and the age of the last good sync."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.link: AccountLink | None = None
        self.age = QLabel(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(24, 0, 4, 0)
        layout.addWidget(self.age)
        self.setMinimumHeight(22)

    def show_link(self, link: AccountLink, text: str, tooltip: str) -> None:
        self.link = link
        self.age.setText(text)
        self.setToolTip(tooltip)
        self.setAccessibleName(tooltip.replace("\n", ". "))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        if self.link is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        top = (self.height() - 16) // 2
        ratio = self.devicePixelRatioF()
        painter.drawPixmap(2, top, icons.channel_pixmap(self.link.channel, 16, ratio))
        painter.setPen(QColor(self.palette().color(self.palette().ColorRole.Base)))
        painter.setBrush(QColor(_DOT.get(self.link.state, "#8a929c")))
        painter.drawEllipse(12, top + 10, 8, 8)
        painter.end()


class ConnectivityStatus(QWidget):
    """The status bar's part: one chip per account."""

    def __init__(
        self,
        feed: ConnectivityFeed,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._feed, self._clock = feed, clock
        self._chips: list[_AccountChip] = []
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)
        self._syncing = QLabel(self)
        self._layout.addWidget(self._syncing)
        feed.changed.connect(self.show_connectivity)
        self._timer = QTimer(self, interval=AGE_REFRESH_MS)
        self._timer.timeout.connect(lambda: self.show_connectivity(self._feed.current))
        self._timer.start()
        self.show_connectivity(feed.current)

    def show_connectivity(self, connectivity: Connectivity) -> None:
        while len(self._chips) < len(connectivity.links):
            chip = _AccountChip(self)
            self._chips.append(chip)
            self._layout.addWidget(chip)
        now = self._clock()
        for chip, link in zip(self._chips, connectivity.links, strict=False):
            chip.show_link(link, age_text(link.last_good_sync, now), self._tooltip(link, now))
            chip.show()
        for chip in self._chips[len(connectivity.links) :]:
            chip.hide()
        self._syncing.setText(self.tr("Syncing…") if connectivity.syncing else "")
        self.setAccessibleName(self.tr("Connection of each account"))

    def _tooltip(self, link: AccountLink, now: datetime) -> str:
        lines = [
            f"{labels.channel_label(link.channel)} · {link.name}",
            state_label(link.state),
            self.tr("Last good sync: %1").replace("%1", age_text(link.last_good_sync, now)),
        ]
        if link.error and link.state is not SyncState.OK:  # the platform's own words
            lines.append(platform_words(link.error))
        return "\n".join(lines)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.show_connectivity(self._feed.current)
        super().changeEvent(event)


def state_label(state: SyncState) -> str:
    """The state in the same words as the accounts dialog and the command line."""
    return sync_state_text(state)


class OfflineBanner(QFrame):
    """A calm line over the queue while nothing can be reached; work goes on."""

    sync_requested = Signal()

    def __init__(self, feed: ConnectivityFeed, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("offlineBanner")
        self.text = QLabel(self)
        self.text.setObjectName("offlineBannerText")
        self.text.setWordWrap(True)
        self.retry = QPushButton(self)
        self.retry.setFlat(True)
        self.retry.setCursor(Qt.CursorShape.PointingHandCursor)
        self.retry.clicked.connect(self.sync_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 7, 10, 7)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.retry)
        self.retranslate()
        feed.changed.connect(self.show_connectivity)
        self.show_connectivity(feed.current)

    def show_connectivity(self, connectivity: Connectivity) -> None:
        self.setVisible(connectivity.offline)

    def retranslate(self) -> None:
        self.text.setText(self.tr("Working offline — replies are sent when the connection returns"))
        self.retry.setText(self.tr("Try now"))
        self.retry.setAccessibleName(self.tr("Try to connect now"))
        self.setAccessibleName(self.text.text())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
