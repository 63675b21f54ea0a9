"""A worker's leases on the station's accounts: taken, renewed, lost, and the fence.

``Leases.refresh`` (every third of the lease) renews the leases this worker
holds and takes those that are free or lapsed: a standby worker is simply
one whose refreshes find every lease held. ``Leases.check`` is the fence of
``core.sync.fence``: a write the server refuses (a newer token) drops the
account here at once, and the worker stands down for it.
"""

from __future__ import annotations

import logging
import threading
from datetime import timedelta

from sqlalchemy import Connection

from desktop.core.store import accounts as account_rows
from desktop.core.store import leases
from desktop.core.store.database import Store
from desktop.core.store.leases import LeaseLostError

log = logging.getLogger(__name__)


class Leases:
    """The leases one worker (``holder``) holds, account id → fencing token."""

    def __init__(self, store: Store, holder: str, ttl: timedelta) -> None:
        self.holder = holder
        self.ttl = ttl
        self._store = store
        self._held: dict[int, int] = {}
        self._lock = threading.Lock()

    def held(self) -> frozenset[int]:
        with self._lock:
            return frozenset(self._held)

    def token(self, account_id: int) -> int | None:
        with self._lock:
            return self._held.get(account_id)

    def refresh(self) -> None:
        """Renew what is held, take what is free or lapsed (one transaction)."""
        with self._lock:
            held = dict(self._held)
        kept: dict[int, int] = {}
        with self._store.write() as conn:
            for account in account_rows.list_accounts(conn):
                token = held.get(account.id)
                if token is not None and leases.renew(
                    conn, account.id, self.holder, token, self.ttl
                ):
                    kept[account.id] = token
                    continue
                taken = leases.take(conn, account.id, self.holder, self.ttl)
                if taken is not None:
                    kept[account.id] = taken
        with self._lock:
            for account_id in held.keys() - kept.keys():
                log.warning("account %d: lease lost; standing down for it", account_id)
            for account_id in kept.keys() - held.keys():
                log.info("account %d: lease taken (token %d)", account_id, kept[account_id])
            self._held = kept

    def check(self, conn: Connection, account_id: int) -> None:
        """The fence: refuse the caller's write unless this worker still holds the lease."""
        token = self.token(account_id)
        try:
            if token is None:  # dropped already (a refresh found it taken)
                raise LeaseLostError(account_id, 0, None)
            leases.fence(conn, account_id, self.holder, token)
        except LeaseLostError as exc:
            with self._lock:
                if self._held.get(account_id) == token:
                    del self._held[account_id]
            log.warning("%s; standing down for this account", exc)
            raise

    def give_up(self) -> None:
        """End every lease held now (a clean stop), so a standby takes over at once."""
        with self._lock:
            held, self._held = dict(self._held), {}
        with self._store.write() as conn:
            for account_id, token in held.items():
                leases.give_up(conn, account_id, self.holder, token)
