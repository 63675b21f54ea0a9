"""Opening the officer's home: the store, then the unit profile if it is new."""

from __future__ import annotations

import os
import sys
from datetime import UTC, datetime
from pathlib import Path

from desktop.core.credentials import Vault
from desktop.core.errors import UserError
from desktop.core.paths import Paths
from desktop.core.profile import ProfileError, StationSettings, UnitProfile, load_profile
from desktop.core.store import accounts, actions
from desktop.core.store.database import Store, open_store
from desktop.core.store.settings import load_setting, save_setting
from desktop.core.templates import save_user_templates

PROFILE_ENV = "ADUAN_DESK_PROFILE"
PROFILE_FILE = "unit-profile.toml"
PROFILE_KEY = "profile"
NETWORK_KEY = "network"


def find_profile(paths: Paths) -> Path | None:
    """``ADUAN_DESK_PROFILE``, else the installer's copy beside the program, else the home's."""
    candidates = [os.environ.get(PROFILE_ENV)]
    if getattr(sys, "frozen", False):
        candidates.append(str(Path(sys.executable).parent / PROFILE_FILE))
    candidates.append(str(paths.home / PROFILE_FILE))
    for candidate in candidates:
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    return None


def open_home(paths: Paths, vault: Vault) -> Store:
    """Open the store the unit profile names (this PC's file, or the station's server)
    and apply the profile when it is new or changed."""
    profile_path = find_profile(paths)
    settings = station_settings(profile_path)
    if settings.kind == "postgresql":
        # Only a station loads PostgreSQL's dialect and driver (about 100 ms).
        from desktop.core.station.opening import open_station_store

        store = open_station_store(paths, vault, settings)
    else:
        store = open_store(paths, vault)
    try:
        if profile_path is not None:
            apply_if_new(store, paths, profile_path, vault)
    except BaseException:
        store.close()
        raise
    return store


def station_settings(profile_path: Path | None) -> StationSettings:
    """The profile's ``[station]``; this PC's store when there is no valid profile
    (an invalid one is reported once the store is open, as before station mode)."""
    if profile_path is None:
        return StationSettings()
    try:
        return load_profile(profile_path).station
    except ProfileError:
        return StationSettings()


def apply_if_new(
    store: Store, paths: Paths, profile_path: Path, vault: Vault | None = None
) -> bool:
    try:
        profile = load_profile(profile_path)
    except ProfileError as exc:
        raise UserError("profile_invalid", detail="; ".join(exc.lines()[:3])) from None
    with store.read() as conn:
        applied = load_setting(conn, PROFILE_KEY) or {}
    if applied.get("digest") == profile.digest:
        return False
    apply_profile(store, paths, profile, profile_path, vault)
    return True


def apply_profile(
    store: Store, paths: Paths, profile: UnitProfile, source: Path, vault: Vault | None = None
) -> None:
    """Unit settings, accounts (without tokens), templates, network settings and the
    platforms' apps (their client secrets to the keyring when ``vault`` is given)."""
    from desktop.core.connect.apps import save_apps

    if profile.apps:
        save_apps(store, vault, profile.apps)
    actions.set_unit_settings(store, profile.unit)
    with store.write() as conn:
        existing = accounts.account_names(conn)
        for account in profile.accounts:
            if (account.channel, account.name) not in existing:
                accounts.insert_account(
                    conn,
                    account.channel,
                    account.name,
                    api_base=account.api_base,
                    params=account.params,
                )
    if profile.templates:
        save_user_templates(paths.templates, profile.templates)
    with store.write() as conn:
        save_setting(conn, NETWORK_KEY, {"proxy": profile.proxy, "ca_bundle": profile.ca_bundle})
        save_setting(
            conn,
            PROFILE_KEY,
            {
                "digest": profile.digest,
                "source": str(source),
                "level": profile.level,
                "fixed": sorted(profile.fixed),
                "applied_at": datetime.now(UTC).isoformat(),
            },
        )


def profile_fixed(store: Store) -> frozenset[str]:
    """The settings the unit profile fixed (the settings dialog marks them)."""
    with store.read() as conn:
        applied = load_setting(conn, PROFILE_KEY) or {}
    return frozenset(applied.get("fixed", ()))


def network_settings(store: Store) -> tuple[str | None, str | None]:
    """(proxy, CA bundle) from the unit profile, if it set them."""
    with store.read() as conn:
        data = load_setting(conn, NETWORK_KEY) or {}
    return data.get("proxy"), data.get("ca_bundle")
