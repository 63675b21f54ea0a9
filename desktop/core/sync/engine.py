"""One sync round for the whole unit: pull every due account, then push the outbox."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from desktop.core.credentials import Vault
from desktop.core.startup import network_settings
from desktop.core.store.database import Store
from desktop.core.sync.accounts import list_accounts
from desktop.core.sync.adapters import AdapterProvider
from desktop.core.sync.pull import Puller, PullPolicy, PullReport
from desktop.core.sync.push import PushPolicy, PushReport, Sender
from desktop.core.sync.states import SyncState

# A manual "sync now" still waits for these: the platform said how long.
_MUST_WAIT = frozenset({SyncState.RATE_LIMITED.value, SyncState.CONFLICT.value})


@dataclass(slots=True)
class SyncReport:
    pulls: list[PullReport] = field(default_factory=list)
    push: PushReport = field(default_factory=PushReport)

    @property
    def changed_complaints(self) -> frozenset[int]:
        changed = set(self.push.changed_complaints)
        for pull in self.pulls:
            changed |= pull.changed_complaints
        return frozenset(changed)


class SyncEngine:
    def __init__(
        self,
        store: Store,
        vault: Vault,
        *,
        pull_policy: PullPolicy | None = None,
        push_policy: PushPolicy | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._store = store
        self._clock = clock
        proxy, ca_bundle = network_settings(store)
        self.adapters = AdapterProvider(vault, ca_bundle=ca_bundle, proxy=proxy)
        self.puller = Puller(store, self.adapters, policy=pull_policy, clock=clock)
        self.sender = Sender(store, self.adapters, policy=push_policy, clock=clock)

    def run_once(self, *, force: bool = False) -> SyncReport:
        """Pull the accounts that are due (``force``: all that may be asked now), then push."""
        if force:
            accounts = [
                a
                for a in list_accounts(self._store)
                if a.state != SyncState.NEEDS_TOKEN.value
                and not (
                    a.state in _MUST_WAIT
                    and a.next_sync_at is not None
                    and a.next_sync_at > self._clock()
                )
            ]
        else:
            accounts = self.puller.due_accounts()
        report = SyncReport(pulls=[self.puller.pull(account) for account in accounts])
        report.push = self.sender.push_due()
        return report

    def run_forever(self, stop: threading.Event, *, tick: float = 5.0) -> None:
        """Rounds until ``stop`` is set; each account keeps its own schedule."""
        while not stop.is_set():
            self.run_once()
            stop.wait(tick)

    def close(self) -> None:
        self.adapters.close()
