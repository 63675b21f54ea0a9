"""One sync round for the whole unit: pull every due account, then push the outbox.

Network work runs in the calling thread and on ``network`` (the sender's
parallel posts); every read and write of the store goes through ``lane``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Executor, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime

from desktop.core.connect.apps import load_apps
from desktop.core.connect.source import lock_folder
from desktop.core.credentials import Vault
from desktop.core.model import NEEDS_SIGN_IN, SyncState
from desktop.core.startup import network_settings
from desktop.core.store.database import Store
from desktop.core.sync.adapters import AdapterProvider
from desktop.core.sync.fence import Fence
from desktop.core.sync.pull import Puller, PullPolicy, PullReport
from desktop.core.sync.push import PushPolicy, PushReport, Sender
from desktop.core.workers import DIRECT, Lane

# A manual "sync now" still waits for these: the platform said how long.
_MUST_WAIT = frozenset({SyncState.RATE_LIMITED, SyncState.CONFLICT})
NETWORK_WORKERS = 6


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
        lane: Lane = DIRECT,
        network: Executor | None = None,
        fence: Fence | None = None,
        on_stored: Callable[[frozenset[int]], None] | None = None,
    ) -> None:
        """``fence``: a station worker's leases (see ``sync.fence``); None on one PC.
        ``on_stored``: told after each pulled page's transaction which complaints changed."""
        self._store = store
        self._clock = clock
        self._lane = lane
        self._own_network = network is None
        self._network = network or ThreadPoolExecutor(
            NETWORK_WORKERS, thread_name_prefix="aduan-push"
        )
        self.adapters = AdapterProvider(vault)
        self._configured = False
        self.puller = Puller(
            store,
            self.adapters,
            policy=pull_policy,
            clock=clock,
            lane=lane,
            fence=fence,
            on_stored=on_stored,
        )
        self.sender = Sender(
            store,
            self.adapters,
            policy=push_policy,
            clock=clock,
            lane=lane,
            network=self._network,
            fence=fence,
        )

    def run_once(self, *, force: bool = False) -> SyncReport:
        """Pull the accounts that are due (``force``: all that may be asked now), then push."""
        self._configure()
        if force:
            now = self._clock()
            accounts = [
                a
                for a in self.puller.accounts()
                if a.state not in NEEDS_SIGN_IN
                and not (
                    a.state in _MUST_WAIT and a.next_sync_at is not None and a.next_sync_at > now
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
        if self._own_network:
            self._network.shutdown(wait=False, cancel_futures=True)

    def _configure(self) -> None:
        """The unit profile's proxy and CA bundle, read once, in the store's lane."""
        if not self._configured:
            proxy, ca_bundle = self._lane.run(lambda: network_settings(self._store))
            apps = self._lane.run(lambda: load_apps(self._store))
            self.adapters.configure(
                ca_bundle=ca_bundle,
                proxy=proxy,
                apps=apps,
                lock_folder=lock_folder(self._store),
            )
            self._configured = True
