"""The station's accounts as a desktop sees them: each with the worker that holds its
lease (the PC whose keyring has its tokens) and its last pull. Read from the
station's server; while it cannot be reached, from the replica without leases."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text

from desktop.core.model import Account
from desktop.core.station.feed import LINK_ERRORS
from desktop.core.store import accounts
from desktop.core.store.database import Store

_LEASES = text("SELECT account_id, holder, expires_at > now() AS live FROM station_lease")


@dataclass(frozen=True, slots=True)
class StationAccount:
    account: Account
    worker: str | None = None  # the lease holder (the worker PC and its process)
    live: bool = False  # its lease is current: that worker pulls and sends for it


@dataclass(frozen=True, slots=True)
class StationAccounts:
    accounts: list[StationAccount]
    from_station: bool  # False: the station was out, read from the replica (no leases)


def station_accounts(station: Store | None, replica: Store) -> StationAccounts:
    """From ``station`` (``None``: known to be out, so not waited for), else ``replica``."""
    try:
        if station is None:
            raise ConnectionError("the station is out")
        with station.read() as conn:
            found = accounts.list_accounts(conn)
            leases = {int(r[0]): (str(r[1]), bool(r[2])) for r in conn.execute(_LEASES)}
    except LINK_ERRORS:
        with replica.read() as conn:
            kept = accounts.list_accounts(conn)
        return StationAccounts([StationAccount(a) for a in kept], from_station=False)
    listed = [StationAccount(a, *leases.get(a.id, (None, False))) for a in found]
    return StationAccounts(listed, from_station=True)
