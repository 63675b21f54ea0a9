"""The pull engine: fetch each account's new messages and store them page by page.

Every page is stored together with the cursor that follows it (one
transaction, see ``store.ingest``), so a crash or a dropped connection
resumes where it stopped and never skips or duplicates. Each account has
its own schedule and its own failures: an expired token or a rate limit on
one account never stops the others.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import partial

from desktop.core.clock import save_skew
from desktop.core.model import NEEDS_SIGN_IN, Account, InboundItem, SyncState
from desktop.core.platforms.errors import (
    ConflictError,
    PlatformError,
    RateLimitedError,
    ReconnectNeededError,
    TokenExpiredError,
    TransientError,
)
from desktop.core.store import accounts as account_rows
from desktop.core.store.database import Store
from desktop.core.store.ingest import IngestResult, ingest
from desktop.core.sync.adapters import AdapterProvider
from desktop.core.sync.fence import Fence
from desktop.core.workers import DIRECT, Lane

log = logging.getLogger(__name__)

IngestPage = Callable[[int, Sequence[InboundItem], str | None], IngestResult]


@dataclass(frozen=True, slots=True)
class PullPolicy:
    interval: timedelta = timedelta(minutes=2)  # between successful pulls
    max_pages: int = 50  # per pull; the rest follows at once in the next round
    backoff_first: timedelta = timedelta(seconds=30)
    backoff_max: timedelta = timedelta(minutes=30)
    conflict_wait: timedelta = timedelta(minutes=15)


@dataclass(frozen=True, slots=True)
class PullReport:
    account_id: int
    state: SyncState
    pages: int = 0
    new_messages: int = 0
    changed_complaints: frozenset[int] = field(default_factory=frozenset)
    error: str | None = None
    next_sync_at: datetime | None = None


class Puller:
    """Pulls accounts through their adapters, each on its own schedule."""

    def __init__(
        self,
        store: Store,
        adapters: AdapterProvider,
        *,
        policy: PullPolicy | None = None,
        ingest_page: IngestPage | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        rng: random.Random | None = None,
        lane: Lane = DIRECT,
        fence: Fence | None = None,
        on_stored: Callable[[frozenset[int]], None] | None = None,
    ) -> None:
        """``on_stored``: told, after each page's transaction, which complaints it changed
        (from the thread that pulls)."""
        self._store = store
        self._adapters = adapters
        self._on_stored = on_stored
        self._policy = policy or PullPolicy()
        self._fence = fence
        guard = None if fence is None else fence.check
        self._ingest = ingest_page or (lambda a, items, c: ingest(store, a, items, c, guard))
        self._clock = clock
        self._rng = rng or random.Random()
        self._lane = lane

    def accounts(self) -> list[Account]:
        """The accounts that sync (not disabled ones)."""

        def read() -> list[Account]:
            with self._store.read() as conn:
                return account_rows.list_accounts(conn)

        found = self._lane.run(read)
        if self._fence is None:
            return found
        held = self._fence.held()
        return [account for account in found if account.id in held]

    def due_accounts(self) -> list[Account]:
        """Accounts whose next pull time has come (never-synced ones first)."""
        now = self._clock()
        return [
            account
            for account in self.accounts()
            if account.state not in NEEDS_SIGN_IN
            and account.state is not SyncState.DISABLED
            and (account.next_sync_at is None or account.next_sync_at <= now)
        ]

    def pull_due(self) -> list[PullReport]:
        return [self.pull(account) for account in self.due_accounts()]

    def pull(self, account: Account) -> PullReport:
        """Fetch and store pages until the platform has no more (or the page limit)."""
        pages = new = 0
        changed: set[int] = set()
        cursor = account.cursor
        try:
            adapter = self._adapters.adapter(account)
            while pages < self._policy.max_pages:
                page = adapter.fetch(cursor)
                result = self._lane.run(partial(self._ingest, account.id, page.items, page.cursor))
                pages, new, cursor = pages + 1, new + result.new_messages, page.cursor
                changed |= result.changed_complaints
                if self._on_stored is not None and result.changed_complaints:
                    self._on_stored(result.changed_complaints)
                if page.done:
                    break
        except RateLimitedError as exc:
            wait = timedelta(seconds=exc.retry_after)
            return self._failed(
                account, SyncState.RATE_LIMITED, exc.platform_message, wait, pages, new, changed
            )
        except TokenExpiredError as exc:
            state = (
                SyncState.NEEDS_RECONNECT
                if isinstance(exc, ReconnectNeededError)
                else SyncState.NEEDS_TOKEN
            )
            return self._failed(account, state, exc.platform_message, None, pages, new, changed)
        except ConflictError as exc:
            wait = self._policy.conflict_wait
            return self._failed(
                account, SyncState.CONFLICT, exc.platform_message, wait, pages, new, changed
            )
        except TransientError as exc:
            wait = self._backoff(account.failure_count + 1)
            return self._failed(
                account, SyncState.OFFLINE, exc.platform_message, wait, pages, new, changed
            )
        except PlatformError as exc:
            wait = self._backoff(account.failure_count + 1)
            return self._failed(
                account, SyncState.ERROR, exc.platform_message, wait, pages, new, changed
            )
        more = pages >= self._policy.max_pages
        return self._succeeded(account, pages, new, changed, more=more)

    def _backoff(self, failures: int) -> timedelta:
        base = self._policy.backoff_first * (2 ** min(failures - 1, 16))
        jitter: float = self._rng.uniform(0.5, 1.5)
        capped: timedelta = min(base, self._policy.backoff_max)
        return capped * jitter

    def _succeeded(
        self,
        account: Account,
        pages: int,
        new: int,
        changed: set[int],
        *,
        more: bool,
    ) -> PullReport:
        now = self._clock()
        next_at = now if more else now + self._policy.interval
        skew = self._adapters.session(account.id).clock_skew(now)

        def record() -> None:
            with self._store.write() as conn:
                if self._fence is not None:
                    self._fence.check(conn, account.id)
                account_rows.mark_synced(conn, account.id, now, next_at)
                if skew is not None:
                    save_skew(conn, skew, now)

        self._lane.run(record)
        return PullReport(account.id, SyncState.OK, pages, new, frozenset(changed), None, next_at)

    def _failed(
        self,
        account: Account,
        state: SyncState,
        error: str | None,
        wait: timedelta | None = None,
        pages: int = 0,
        new: int = 0,
        changed: set[int] | None = None,
    ) -> PullReport:
        now = self._clock()
        next_at = None if wait is None else now + wait
        log.warning("%s account %d: %s: %s", account.channel.value, account.id, state.value, error)

        def record() -> None:
            with self._store.write() as conn:
                if self._fence is not None:
                    self._fence.check(conn, account.id)
                account_rows.mark_failed(
                    conn, account.id, state, error, next_at, account.failure_count + 1
                )

        self._lane.run(record)
        return PullReport(account.id, state, pages, new, frozenset(changed or ()), error, next_at)
