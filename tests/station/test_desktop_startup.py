"""A desktop's start-up follows the profile's [station]: this PC's file, or the
station's server, with calm words when the server cannot be used."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import URL

from desktop.core.credentials import MemoryVault
from desktop.core.errors import UserError
from desktop.core.paths import Paths
from desktop.core.profile import StationSettings
from desktop.core.startup import PROFILE_ENV, open_home
from desktop.core.store import station
from tests.postgres_support import ROLE, Cluster
from tests.support import stored_accounts

UNIT = """\
[unit]
name = "Polres Contoh"

[[account]]
platform = "x"
name = "humas_contoh"
"""


def _home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, profile: str) -> Paths:
    path = tmp_path / "profil.toml"
    path.write_text(profile, encoding="utf-8")
    monkeypatch.setenv(PROFILE_ENV, str(path))
    return Paths(tmp_path / "home")


def _station(port: int, dbname: str) -> str:
    return (
        UNIT + f'\n[station]\nkind = "postgresql"\nhost = "127.0.0.1"\nport = {port}\n'
        f'dbname = "{dbname}"\nuser = "{ROLE}"\nsslmode = "disable"\n'
    )


def _password_name(port: int, dbname: str) -> str:
    settings = StationSettings("postgresql", "127.0.0.1", port, dbname, ROLE, "disable")
    return station.password_name(station.server_of(settings))


def test_a_single_pc_profile_still_opens_this_pcs_encrypted_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = _home(tmp_path, monkeypatch, UNIT)
    store = open_home(paths, MemoryVault())
    try:
        assert store.path == paths.database
        assert [a.name for a in stored_accounts(store)] == ["humas_contoh"]
    finally:
        store.close()


@pytest.mark.postgresql
def test_a_station_profile_opens_the_stations_store_with_the_keyrings_password(
    postgres_cluster: Cluster, postgres_url: URL, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert postgres_url.database is not None
    port, dbname = postgres_cluster.port, postgres_url.database
    paths = _home(tmp_path, monkeypatch, _station(port, dbname))
    vault = MemoryVault()
    vault.set(_password_name(port, dbname), postgres_cluster.password)
    store = open_home(paths, vault)
    try:
        assert store.path is None
        assert [a.name for a in stored_accounts(store)] == ["humas_contoh"]
        assert not paths.database.exists()
    finally:
        store.close()


@pytest.mark.postgresql
def test_no_stored_password_is_said_calmly(
    postgres_cluster: Cluster, postgres_url: URL, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert postgres_url.database is not None
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "none"))
    paths = _home(tmp_path, monkeypatch, _station(postgres_cluster.port, postgres_url.database))
    with pytest.raises(UserError) as raised:
        open_home(paths, MemoryVault())
    assert raised.value.code == "station_no_password"
    assert f"127.0.0.1:{postgres_cluster.port}" in raised.value.english()


@pytest.mark.postgresql
def test_a_wrong_password_is_a_refusal(
    postgres_cluster: Cluster, postgres_url: URL, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert postgres_url.database is not None
    port, dbname = postgres_cluster.port, postgres_url.database
    paths = _home(tmp_path, monkeypatch, _station(port, dbname))
    vault = MemoryVault()
    vault.set(_password_name(port, dbname), "salah-" + postgres_cluster.password)
    with pytest.raises(UserError) as raised:
        open_home(paths, vault)
    assert raised.value.code == "station_refused"
    assert postgres_cluster.password not in raised.value.english()


def test_a_server_that_does_not_answer_is_unreachable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import socket

    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    paths = _home(tmp_path, monkeypatch, _station(port, "aduan_desk"))
    vault = MemoryVault()
    vault.set(_password_name(port, "aduan_desk"), "rahasia")
    with pytest.raises(UserError) as raised:
        open_home(paths, vault)
    assert raised.value.code == "station_unreachable"
    assert not paths.database.exists()
