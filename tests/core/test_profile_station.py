"""The profile's [station] section: one PC by default, or the station's PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import URL

from desktop.core.credentials import MemoryVault
from desktop.core.model import Channel
from desktop.core.paths import Paths
from desktop.core.profile import ProfileError, StationSettings, load_profile
from desktop.core.store import station
from desktop.core.store.postgresql import Server
from tests.postgres_support import ROLE, Cluster
from tests.support import add_account

STATION = """\
[unit]
name = "Polres Contoh"

[station]
kind = "postgresql"
host = "10.10.1.5"
user = "humas"
sslrootcert = "/etc/aduan/ca.pem"
"""


def _profile(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "profil.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_without_a_station_section_the_store_stays_on_this_pc(tmp_path: Path) -> None:
    profile = load_profile(_profile(tmp_path, '[unit]\nname = "Polres Contoh"\n'))
    assert profile.station == StationSettings()
    assert profile.station.kind == "sqlite"


def test_a_postgresql_station_defaults_to_verified_tls(tmp_path: Path) -> None:
    settings = load_profile(_profile(tmp_path, STATION)).station
    server = station.server_of(settings)
    assert server == Server(
        "10.10.1.5", 5432, "aduan_desk", "humas", "verify-full", "/etc/aduan/ca.pem"
    )
    url = server.url("rahasia")
    assert url.query == {"sslmode": "verify-full", "sslrootcert": "/etc/aduan/ca.pem"}
    assert "rahasia" not in server.describe()
    assert "rahasia" not in url.render_as_string(hide_password=True)


@pytest.mark.parametrize(
    ("extra", "line", "message"),
    [
        ('password = "x"\n', 9, "passwords never go in a profile"),
        ("port = 70000\n", 9, "port must be a number"),
        ('sslmode = "disable"\n', 9, "disable only for a server on this PC"),
        ('sslmode = "prefer"\n', 9, "sslmode must be one of"),
        ('database = "x"\n', 9, "unknown setting 'database' in [station]"),
    ],
)
def test_bad_station_settings_are_reported_with_their_line(
    tmp_path: Path, extra: str, line: int, message: str
) -> None:
    with pytest.raises(ProfileError) as raised:
        load_profile(_profile(tmp_path, STATION + extra))
    assert [n for n, m in raised.value.problems if message in m] == [line]


def test_a_station_needs_its_host_and_user(tmp_path: Path) -> None:
    with pytest.raises(ProfileError) as raised:
        load_profile(_profile(tmp_path, '[station]\nkind = "postgresql"\n'))
    assert [m for _, m in raised.value.problems] == ["host is missing", "user is missing"]


def test_an_unknown_kind_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ProfileError, match="kind must be one of sqlite, postgresql"):
        load_profile(_profile(tmp_path, '[station]\nkind = "mysql"\n'))


@pytest.mark.postgresql
def test_the_station_store_opens_with_the_password_from_the_keyring(
    postgres_cluster: Cluster, postgres_url: URL, tmp_path: Path
) -> None:
    assert postgres_url.database is not None
    settings = StationSettings(
        "postgresql", "127.0.0.1", postgres_cluster.port, postgres_url.database, ROLE, "disable"
    )
    vault = MemoryVault()
    vault.set(station.password_name(station.server_of(settings)), postgres_cluster.password)
    store = station.open_configured(Paths(tmp_path / "home"), vault, settings)
    try:
        add_account(store, Channel.X, "humas")
        assert store.path is None
        assert not (tmp_path / "home").exists()  # nothing written on this PC
    finally:
        store.close()
