"""What the accounts ask of the officer: connect (first start), connect again, soon.

``AccountWatch`` hears the accounts each time the side bar reads them and
works out, on the database lane (the keyring is read there, never on the GUI
thread), the three things the window shows about them:

- ``waiting``: on a desk where no account is connected, the accounts to connect
  (the unit profile's, without a token yet) — the guided first start;
- ``reconnect``: accounts whose renewal the platform refused (*perlu
  dihubungkan ulang*), with the platform's reason in ``last_error``;
- ``ending``: sign-ins that end within days unless connected again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from PySide6.QtCore import QObject, Signal

from desktop.core.desk.accounts import Accounts
from desktop.core.model import Account
from desktop.core.sync.states import SyncState
from desktop.ui.first_start import first_start_accounts
from desktop.ui.tasks import TaskRunner

RECONNECT = SyncState.NEEDS_RECONNECT
LOOK_AGAIN = timedelta(minutes=10)  # the keyring is read again this often, or on a change


@dataclass(frozen=True, slots=True)
class Ending:
    account: Account
    ends_at: datetime


@dataclass(frozen=True, slots=True)
class AccountNotices:
    waiting: tuple[Account, ...] | None = None  # None: some account is connected
    reconnect: tuple[Account, ...] = ()
    ending: tuple[Ending, ...] = ()


def read_notices(accounts: Sequence[Account], desk: Accounts, now: datetime) -> AccountNotices:
    """The notices for ``accounts`` (reads the keyring: run it on the database lane)."""
    connected = desk.connected_ids(accounts)
    waiting = first_start_accounts(accounts, lambda a: a.id in connected)
    by_id = {a.id: a for a in accounts}
    ending = tuple(
        Ending(by_id[notice.account_id], notice.ends_at)
        for notice in desk.ending_soon(accounts, now)
        if notice.account_id in by_id and by_id[notice.account_id].state is not RECONNECT
    )
    return AccountNotices(
        waiting=None if waiting is None else tuple(waiting),
        reconnect=tuple(a for a in accounts if a.state is RECONNECT),
        ending=ending,
    )


class AccountWatch(QObject):
    changed = Signal(object)  # AccountNotices
    read_failed = Signal(object)  # an exception from the database lane

    def __init__(
        self,
        accounts: Accounts,
        tasks: TaskRunner,
        clock: Callable[[], datetime],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._accounts, self._tasks, self._clock = accounts, tasks, clock
        self.current: AccountNotices | None = None  # None: not read yet
        self._seen: tuple[object, ...] = ()
        self._seen_at: datetime | None = None

    def look(self, accounts: Sequence[Account], *, again: bool = False) -> None:
        """Work the notices out anew when an account came, went or changed state (or
        ``again``); else at most every ``LOOK_AGAIN`` (each sync round reads the accounts)."""
        listed, desk, now = list(accounts), self._accounts, self._clock()
        seen = tuple((a.id, a.state, a.last_sync_at is None) for a in listed)
        fresh = self._seen_at is not None and now - self._seen_at < LOOK_AGAIN
        if seen == self._seen and fresh and not again:
            return
        self._seen, self._seen_at = seen, now
        self._tasks.background(
            lambda: read_notices(listed, desk, now), self._show, self.read_failed.emit
        )

    def _show(self, notices: AccountNotices) -> None:
        if notices != self.current:
            self.current = notices
            self.changed.emit(notices)
