"""The station's worker: the one process that talks to the platforms for the station.

It pulls and sends with the same engines as a single PC (``core.sync``), its
platform tokens in its own keyring, but only for the accounts whose lease it
holds (``core.station.lease``), every write for an account guarded by that
lease. A second worker started the same way stands by and takes an account
over once its lease lapses (the first died, hung or lost the network).
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from datetime import timedelta

from desktop.core.credentials import Vault
from desktop.core.station.lease import Leases
from desktop.core.store import changes
from desktop.core.store.database import Store
from desktop.core.store.leases import LeaseLostError
from desktop.core.sync.engine import SyncEngine
from desktop.core.sync.outbox import IN_FLIGHT, claimant
from desktop.core.sync.pull import PullPolicy
from desktop.core.sync.push import PushPolicy

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class WorkerSettings:
    lease: timedelta = timedelta(seconds=30)  # renewed every third of it
    tick: float = 2.0  # seconds between rounds
    pull_interval: timedelta = PullPolicy().interval
    # A send of a worker that died may still reach the platform this long after its claim.
    in_flight: timedelta = IN_FLIGHT
    # The change feed's log is pruned of entries older than this (a desktop away longer
    # refills its replica), every ``prune_every`` seconds.
    keep_changes: timedelta = timedelta(days=30)
    prune_every: float = 3600.0


class StationWorker:
    def __init__(
        self,
        store: Store,
        vault: Vault,
        settings: WorkerSettings | None = None,
        *,
        holder: str | None = None,
    ) -> None:
        self.settings = settings or WorkerSettings()
        # The holder is the outbox's claimant: a claim and a lease name the same process.
        self.leases = Leases(store, holder or claimant(), self.settings.lease)
        self._store = store
        self._pruned_at: float | None = None
        self.engine = SyncEngine(
            store,
            vault,
            pull_policy=PullPolicy(interval=self.settings.pull_interval),
            push_policy=PushPolicy(in_flight=self.settings.in_flight),
            fence=self.leases,
        )

    def run(self, stop: threading.Event) -> None:
        """Rounds until ``stop`` is set; then the leases are given up for the standby."""
        renewer = threading.Thread(
            target=self._renew_until, args=(stop,), name="aduan-lease", daemon=True
        )
        self._refresh()
        renewer.start()
        log.info("station worker %s started", self.leases.holder)
        try:
            while not stop.is_set():
                if self.leases.held():
                    self._round()
                self.prune_when_due()
                stop.wait(self.settings.tick)
        finally:
            stop.set()
            renewer.join()
            try:
                self.leases.give_up()
            except Exception:
                log.exception("could not give the leases up (they lapse on their own)")
            self.engine.close()
            log.info("station worker %s stopped", self.leases.holder)

    def _round(self) -> None:
        try:
            report = self.engine.run_once()
        except LeaseLostError as exc:  # the account is another worker's now: the rest next round
            log.warning("round cut short: %s", exc)
            return
        except Exception:  # the server or a platform failed this round: the next one retries
            log.exception("round failed")
            return
        pulled = sum(p.new_messages for p in report.pulls)
        if pulled or report.push.sent or report.push.failed:
            log.info(
                "round: %d new messages, %d sent, %d failed, %d uncertain",
                pulled,
                report.push.sent,
                report.push.failed,
                report.push.uncertain,
            )

    def prune_when_due(self) -> None:
        """Prune the change log of old entries, if ``prune_every`` passed since the last time."""
        now = time.monotonic()
        if self._pruned_at is not None and now - self._pruned_at < self.settings.prune_every:
            return
        self._pruned_at = now
        try:
            with self._store.write() as conn:
                gone = changes.prune(conn, self.settings.keep_changes)
        except Exception:  # the server unreachable: the next prune is in an hour
            log.exception("pruning the change log failed")
            return
        if gone:
            kept = self.settings.keep_changes
            log.info("change log: %d entries older than %s pruned", gone, kept)

    def _refresh(self) -> None:
        try:
            self.leases.refresh()
        except Exception:  # the server unreachable: writes are fenced by the server anyway
            log.exception("lease refresh failed")

    def _renew_until(self, stop: threading.Event) -> None:
        every = self.settings.lease.total_seconds() / 3
        while not stop.wait(every):
            self._refresh()
