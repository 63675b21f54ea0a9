"""A desktop's session in station mode: the window reads the replica, the officer's
actions are journalled there, and one feed thread keeps both in step with the station.

While the station is reachable an action reaches it within a moment (the feed
thread is woken to apply the journal); while it is out the window keeps working
on the replica and the journal grows; on return the journal is applied first,
in order and once, then the replica catches up with everything that changed.

Nothing of it runs before the window opens: the feed thread fills a new (or
too stale) replica in the background, most urgent first, each batch shown as
it lands, with its progress for the window's line (``on_fill``).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop.core.credentials import Vault
from desktop.core.desk import Desk
from desktop.core.desk.complaints import Complaints
from desktop.core.errors import UserError
from desktop.core.model import Status
from desktop.core.paths import Paths
from desktop.core.station import journal
from desktop.core.station.feed import LINK_ERRORS, ChangeFeed
from desktop.core.station.replica import Progress, Replica, open_replica
from desktop.core.station.watchdog import Watchdog
from desktop.core.store import postgresql
from desktop.core.store.changes import Changes
from desktop.core.store.database import Store
from desktop.core.store.presence import Activity, Presence, RecentReply

log = logging.getLogger(__name__)

WRITE_LIMIT_SECONDS = 15.0  # a station connection busy this long: the link is dead


class ClosingError(ConnectionError):
    """The session is closing: a fill stops between two batches, as if the link were
    cut (the feed ends there; the fill goes on at the next start)."""


class JournalledComplaints(Complaints):
    """The pane's actions, done on the replica and journalled for the station.

    Who else is at a complaint is live, not journalled: presence and the recent
    replies of others are read from and written to the station itself
    (``live``), and are simply absent while the station is out (``up``)."""

    def __init__(
        self,
        replica: Store,
        paths: Paths,
        acted: Callable[[], None],
        live: Complaints,
        up: Callable[[], bool],
    ) -> None:
        super().__init__(replica, paths)
        self._acted = acted
        self._live = live
        self._up = up

    @property
    def station(self) -> bool:
        return True

    def mark_presence(self, complaint_id: int, officer: str, activity: Activity) -> None:
        if self._up():
            self._live.mark_presence(complaint_id, officer, activity)

    def leave(self, complaint_id: int, officer: str) -> None:
        if self._up():
            self._live.leave(complaint_id, officer)

    def others_at(self, complaint_id: int, officer: str) -> list[Presence]:
        return self._live.others_at(complaint_id, officer) if self._up() else []

    def recent_reply_by_other(self, complaint_id: int, officer: str) -> RecentReply | None:
        if not self._up():
            return None  # offline: nothing to ask about (a conflict shows later)
        try:
            return self._live.recent_reply_by_other(complaint_id, officer)
        except (*LINK_ERRORS, UserError) as exc:  # the reply is journalled all the same
            log.info("station: recent replies not read (%s)", type(exc).__name__)
            return None

    def _record(self, kind: str, complaint_id: int, officer: str, **payload: object) -> Any:
        result = journal.record(self._store, kind, complaint_id, officer, **payload)
        self._acted()
        return result

    def reply(self, complaint_id: int, text: str, officer: str) -> int:
        return int(self._record("reply", complaint_id, officer, text=text))

    def note(self, complaint_id: int, text: str, officer: str, *, public: bool = False) -> int:
        return int(self._record("note", complaint_id, officer, text=text, public=public))

    def change_status(self, complaint_id: int, wanted: Status, officer: str) -> Status:
        self._record("status", complaint_id, officer, wanted=wanted.value)
        return wanted

    def save_draft(self, complaint_id: int, text: str) -> None:
        self._record("draft", complaint_id, "", text=text)


class StationSession:
    """The station store, this desktop's replica and journal, and the feed between them.

    ``on_changes(ids)``: complaints changed in the replica (by the station, a fill or
    a conflict); ``on_link(up)``: the station became reachable or not;
    ``on_presence(id)``: who is at that complaint changed; ``on_fill(progress)``:
    how far a fill is. All are called on the feed's thread.
    """

    def __init__(
        self,
        station: Store,
        replica: Replica,
        paths: Paths,
        vault: Vault,
        *,
        on_changes: Callable[[frozenset[int]], None] = lambda _ids: None,
        on_link: Callable[[bool], None] = lambda _up: None,
        on_fill: Callable[[Progress], None] = lambda _progress: None,
    ) -> None:
        # Background work on connections of its own, each cut when it hangs.
        self.station = Store(postgresql.make_engine(station.engine.url, pooled=False), None)
        self._given = station
        self.watchdog = Watchdog()
        self.watchdog.watch(self.station.engine, WRITE_LIMIT_SECONDS)
        self.replica = replica
        self._on_changes = on_changes
        self._on_link = on_link
        self._on_fill = on_fill
        self.progress: Progress | None = None  # the last fill's progress (None: no fill yet)
        self._lock = threading.Lock()  # one journal apply at a time
        self._closing = threading.Event()
        self.feed = ChangeFeed(
            self.station,
            self._apply_changes,
            on_link=self._link,
            on_connect=self._connected,
            watchdog=self.watchdog,
        )
        self.desk = Desk(replica.store, vault, paths)
        live = Complaints(self.station, paths)
        self.desk.complaints = JournalledComplaints(
            replica.store, paths, self.feed.wake, live, lambda: self.feed.up
        )

    def listen(
        self,
        on_changes: Callable[[frozenset[int]], None],
        on_link: Callable[[bool], None],
        *,
        on_presence: Callable[[int], None] | None = None,
        on_fill: Callable[[Progress], None] = lambda _progress: None,
    ) -> None:
        """Who hears of changed complaints, of the link, of presence and of a fill
        (before ``start``)."""
        self._on_changes = on_changes
        self._on_link = on_link
        self._on_fill = on_fill
        if on_presence is not None:
            self.feed.on_presence = on_presence

    @property
    def up(self) -> bool:
        return self.feed.up

    def start(self) -> None:
        """Follow the station on the feed's thread (a due fill first); returns at once."""
        self.feed.resume_after(self.replica.after or 0)
        self.feed.start()

    def stop(self) -> None:
        self._closing.set()  # a fill under way stops after its batch (and goes on next time)
        self.feed.stop()

    def close(self) -> None:
        self.stop()
        self.watchdog.stop()
        self.replica.close()
        self.station.close()
        self._given.close()

    def _connected(self) -> None:
        """On (re)connecting and after an action: the journal, then a fill if one is due
        (the journal applied between its batches), then the feed goes on from its end."""
        self.apply_journal()
        if self.replica.behind(self.station):
            self.replica.fill(self.station, self._filled, self._between_batches)
            self.feed.resume_after(self.replica.after or 0)

    def _between_batches(self) -> None:
        if self._closing.is_set():
            raise ClosingError
        self.apply_journal()

    def _filled(self, ids: frozenset[int], progress: Progress) -> None:
        self.progress = progress
        self._on_fill(progress)
        if ids:
            self._on_changes(ids)

    def _link(self, up: bool) -> None:
        self._on_link(up)

    def _apply_changes(self, found: Changes) -> None:
        self.replica.apply(self.station, found)
        self._on_changes(found.complaint_ids)

    def apply_journal(self) -> int:
        """Apply the pending entries in order, each once; stop at a lost link (the rest
        waits for the next try). How many were applied or found in conflict."""
        done = 0
        with self._lock:
            for entry in journal.entries(self.replica.store, journal.PENDING):
                outcome, detail = journal.apply(self.station, entry)
                journal.mark(self.replica.store, entry.action_id, outcome, detail)
                if outcome == journal.CONFLICT:
                    log.info("station journal: %s on complaint %s", outcome, entry.complaint_id)
                    # The replica shows the station's state again; the conflict is listed.
                    self.replica.refresh(self.station, [entry.complaint_id])
                    self._on_changes(frozenset({entry.complaint_id}))
                done += 1
        return done

    def conflicts(self) -> list[journal.Entry]:
        return journal.entries(self.replica.store, journal.CONFLICT)


def open_session(station: Store, home: Path, vault: Vault) -> StationSession:
    """The station session of this desktop's home (its replica created the first time)."""
    return StationSession(station, open_replica(home, vault), Paths(home), vault)
