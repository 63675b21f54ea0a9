"""The station's change feed in the window: changed complaints reach the queue, the
side bar and the open pane on the window's thread, as a sync round's do."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desktop.core.station.feed import ChangeFeed
from desktop.core.store.database import Store


class StationFeed(QObject):
    complaints_changed = Signal(object)  # a frozenset of complaint ids
    link_changed = Signal(bool)  # the station reachable or not

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Emitted on the feed's thread; Qt queues them to the receivers' thread.
        self.feed = ChangeFeed(
            store,
            lambda found: self.complaints_changed.emit(found.complaint_ids),
            on_link=self.link_changed.emit,
        )

    def start(self) -> None:
        self.feed.start()

    def stop(self) -> None:
        self.feed.stop()
