"""The hook by which a station's worker guards the sync engines' writes with its leases.

On one PC there is no fence: every account is this process's. A station's
worker (``core.station.lease``) passes one: the engines then work only on
the accounts it holds, and every write for an account runs ``check`` first,
in the same transaction, which raises ``LeaseLostError`` once the lease was
taken by another worker.
"""

from __future__ import annotations

from typing import Protocol

from sqlalchemy import Connection

from desktop.core.store.leases import LeaseLostError

__all__ = ["Fence", "LeaseLostError"]


class Fence(Protocol):
    def held(self) -> frozenset[int]:
        """The accounts this process may work on now."""
        ...

    def check(self, conn: Connection, account_id: int) -> None:
        """Inside the caller's write transaction: refuse it unless the lease is still ours."""
        ...
