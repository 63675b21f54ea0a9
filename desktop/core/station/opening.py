"""Opening the store the profile's ``[station]`` names, with calm words when the
station's server cannot be used (no password stored, unreachable, refused)."""

from __future__ import annotations

from sqlalchemy.exc import OperationalError

from desktop.core.credentials import Vault
from desktop.core.errors import UserError
from desktop.core.paths import Paths
from desktop.core.profile import StationSettings
from desktop.core.store import station
from desktop.core.store.database import Store, open_store

# SQLSTATEs of a server that answered but would not let the login in
_REFUSED_STATES = {"28000", "28P01", "3D000", "42501"}
_NO_PASSWORD = "no password supplied"


def open_station_store(paths: Paths, vault: Vault, settings: StationSettings) -> Store:
    """This PC's encrypted file (one PC: unchanged), or the station's database."""
    if settings.kind != "postgresql":
        return open_store(paths, vault)
    server = station.server_of(settings)
    try:
        return station.open_configured(paths, vault, settings)
    except OperationalError as exc:
        raise connection_error(exc, server.describe()) from None


def connection_error(exc: OperationalError, server: str) -> UserError:
    """The officer's words for a failed connection to the station's server."""
    original = exc.orig
    state = str(getattr(original, "sqlstate", "") or "")
    message = str(original)
    detail = message.strip().splitlines()[-1][:200] if message.strip() else type(original).__name__
    if _NO_PASSWORD in message:
        return UserError("station_no_password", server=server)
    if state in _REFUSED_STATES or "authentication failed" in message:
        return UserError("station_refused", server=server, detail=detail)
    return UserError("station_unreachable", server=server, detail=detail)
