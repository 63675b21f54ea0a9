"""Opening the store the unit profile names: this PC's file, or the station's server.

The station's PostgreSQL password is the officer's, kept in the OS keyring
under ``password_name``; the profile holds only where the server is.
"""

from __future__ import annotations

from desktop.core.credentials import Vault
from desktop.core.paths import Paths
from desktop.core.profile import StationSettings
from desktop.core.store.database import Store, open_postgresql, open_store
from desktop.core.store.postgresql import Server


def server_of(settings: StationSettings) -> Server:
    """The server of a ``postgresql`` station (the profile checked host and user)."""
    if settings.kind != "postgresql" or settings.host is None or settings.user is None:
        raise ValueError("not a PostgreSQL station")
    return Server(
        settings.host,
        settings.port,
        settings.dbname,
        settings.user,
        settings.sslmode,
        settings.sslrootcert,
    )


def password_name(server: Server) -> str:
    """The keyring entry of the login's password."""
    return f"station-password/{server.user}@{server.host}:{server.port}/{server.dbname}"


def open_configured(paths: Paths, vault: Vault, settings: StationSettings) -> Store:
    """The store of ``settings``: the encrypted file in ``paths`` (one PC) or the
    station's database, migrated to head either way."""
    if settings.kind != "postgresql":
        return open_store(paths, vault)
    server = server_of(settings)
    # No password in the keyring: libpq's own ways remain (a client certificate, pgpass).
    return open_postgresql(server.url(vault.get(password_name(server))))
