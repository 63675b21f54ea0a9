"""``station doctor``: reachability, TLS (for real: a CA and a server certificate made
here, the server with ssl on, verify-full), least privilege (the login's and, table by
table, the officers' grants), schema, text search."""

from __future__ import annotations

import ipaddress
import json
import os
import pwd
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from sqlalchemy.engine import URL

from desktop.cli import main
from desktop.core.credentials import KeyringVault
from desktop.core.doctor import Check
from desktop.core.profile import load_profile
from desktop.core.station import roles
from desktop.core.station.doctor import check_station
from desktop.core.store.station import password_name, server_of
from tests.postgres_support import ROLE, Cluster, require_server_programs
from tests.station.team_support import Station, new_station

pytestmark = pytest.mark.postgresql


def _by_name(checks: list[Check]) -> dict[str, Check]:
    return {check.name: check for check in checks}


@pytest.fixture
def station(postgres_cluster: Cluster) -> Iterator[Station]:
    made = new_station(postgres_cluster)
    yield made
    made.drop()


def test_an_unencrypted_connection_is_reported_plainly(station: Station) -> None:
    login = station.add_officer("Bripka Ani")
    checks = _by_name(check_station(station.officer_url(login)))
    assert not checks["tls"].ok
    assert "NOT encrypted" in checks["tls"].detail
    assert "verify-full" in checks["tls"].detail
    for fine in ("server", "privileges", "grants", "schema", "search", "officer"):
        assert checks[fine].ok, checks[fine].detail
    assert "Bripka Ani" in checks["officer"].detail
    assert station.cluster.password not in repr(checks)


def test_the_schema_owner_is_not_an_officer_s_login(station: Station) -> None:
    checks = _by_name(check_station(station.owner_url))
    assert not checks["privileges"].ok
    assert "schema owner" in checks["privileges"].detail
    assert not checks["grants"].ok
    assert "may do anything on the tables (see privileges)" in checks["grants"].detail
    assert not checks["officer"].ok  # the owner has no officer name


def test_a_station_set_up_by_the_recipe_grants_an_officer_no_more_than_it_may(
    station: Station,
) -> None:
    login = station.add_officer("Bripka Ani")
    grants = _by_name(check_station(station.officer_url(login)))["grants"]
    assert grants.ok, grants.detail
    assert login in grants.detail


def _grants_after(station: Station, *statements: str) -> Check:
    """The doctor's grants check of a new officer's login after ``statements`` (run as
    the server's superuser; ``{group}``: the officer group, ``{login}``: the login)."""
    login = station.add_officer("Bripka Ani")
    group = roles.group_role(station.database)
    station.run_as_admin([each.format(group=group, login=login) for each in statements])
    return _by_name(check_station(station.officer_url(login)))["grants"]


def test_an_officer_group_that_may_rewrite_the_trail_is_a_problem(station: Station) -> None:
    grants = _grants_after(station, "GRANT UPDATE ON note TO {group}")
    assert not grants.ok
    assert "may do more than an officer may: UPDATE on note." in grants.detail
    assert "`aduan-desk station roles`" in grants.detail
    assert "reply" not in grants.detail  # only what is wrong is named


def test_an_officer_group_that_may_add_to_who_is_who_is_a_problem(station: Station) -> None:
    grants = _grants_after(station, "GRANT INSERT ON officer TO {group}")
    assert not grants.ok
    assert "may do more than an officer may: INSERT on officer." in grants.detail


def test_one_column_of_the_trail_granted_to_the_login_itself_is_a_problem(
    station: Station,
) -> None:
    grants = _grants_after(station, "GRANT UPDATE (officer) ON status_change TO {login}")
    assert not grants.ok
    assert "UPDATE on status_change." in grants.detail
    assert "to the login itself or to PUBLIC" in grants.detail


def test_the_recipe_run_again_takes_back_what_was_granted_by_hand(station: Station) -> None:
    grants = _grants_after(
        station,
        "GRANT DELETE, TRUNCATE ON complaint, status_change TO {group}",
        "GRANT TRIGGER ON station_change TO {group}",
    )
    assert not grants.ok
    assert (
        "DELETE on complaint, status_change; TRUNCATE on complaint, status_change; "
        "TRIGGER on station_change." in grants.detail
    )
    station.run_as_admin(roles.recipe(station.database, ROLE))
    login = station.logins[-1]
    grants = _by_name(check_station(station.officer_url(login)))["grants"]
    assert grants.ok, grants.detail


def test_an_unreachable_server_is_one_clear_problem(station: Station) -> None:
    url = station.owner_url.set(port=1)
    checks = check_station(url)
    assert [(c.name, c.ok) for c in checks] == [("server", False)]
    assert "no connection" in checks[0].detail


# --- TLS for real ------------------------------------------------------------------


def _certificates(folder: Path) -> tuple[Path, Path, Path]:
    """A unit CA, and a server certificate for 127.0.0.1 signed by it: (ca, cert, key)."""
    now = datetime.now(UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "CA Polres Contoh")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .sign(ca_key, hashes.SHA256())
    )
    paths = folder / "ca.crt", folder / "server.crt", folder / "server.key"
    paths[0].write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    paths[1].write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    paths[2].write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.TraditionalOpenSSL,
            serialization.NoEncryption(),
        )
    )
    paths[2].chmod(0o600)
    if os.geteuid() == 0:  # the server runs as the postgres user
        postgres = pwd.getpwnam("postgres")
        for path in paths:
            os.chown(path, postgres.pw_uid, postgres.pw_gid)
    return paths


@pytest.fixture(scope="module")
def tls_cluster() -> Iterator[tuple[Cluster, Path]]:
    """A cluster of its own with ssl on (the session cluster stays as it is)."""
    cluster = Cluster.start(require_server_programs())
    try:
        ca, cert, key = _certificates(cluster.folder)
        with cluster.admin() as conn:
            conn.execute(f"ALTER SYSTEM SET ssl_cert_file = '{cert}'".encode())
            conn.execute(f"ALTER SYSTEM SET ssl_key_file = '{key}'".encode())
            conn.execute(b"ALTER SYSTEM SET ssl = on")
            conn.execute(b"SELECT pg_reload_conf()")
        yield cluster, ca
    finally:
        cluster.stop()


@pytest.fixture
def tls_station(tls_cluster: tuple[Cluster, Path]) -> Iterator[Station]:
    made = new_station(tls_cluster[0])
    yield made
    made.drop()


def _with_tls(url: URL, mode: str, root: Path | None) -> URL:
    query = {"sslmode": mode} | ({"sslrootcert": str(root)} if root else {})
    return url.set(query=query)


def test_verify_full_with_the_unit_s_ca_passes(
    tls_station: Station, tls_cluster: tuple[Cluster, Path]
) -> None:
    login = tls_station.add_officer("Bripka Ani")
    url = _with_tls(tls_station.officer_url(login), "verify-full", tls_cluster[1])
    checks = check_station(url)
    assert all(check.ok for check in checks), checks
    assert "verify-full" in _by_name(checks)["tls"].detail
    assert "TLSv1.3" in _by_name(checks)["tls"].detail


def test_encryption_without_verifying_the_server_is_a_problem(
    tls_station: Station, tls_cluster: tuple[Cluster, Path]
) -> None:
    login = tls_station.add_officer("Bripka Ani")
    checks = _by_name(check_station(_with_tls(tls_station.officer_url(login), "require", None)))
    assert not checks["tls"].ok
    assert "not verified (sslmode=require" in checks["tls"].detail


def test_a_server_certificate_from_another_ca_is_refused(
    tls_station: Station, tmp_path: Path
) -> None:
    login = tls_station.add_officer("Bripka Ani")
    other_ca, _cert, _key = _certificates(tmp_path)
    checks = check_station(_with_tls(tls_station.officer_url(login), "verify-full", other_ca))
    assert [(c.name, c.ok) for c in checks] == [("server", False)]
    assert "SSL error" in checks[0].detail  # the CA does not sign it


def test_a_schema_behind_this_version_is_reported(station: Station) -> None:
    login = station.add_officer("Bripka Ani")
    owner = station.open_as_owner()
    with owner.write() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0006'")
    owner.close()
    checks = _by_name(check_station(station.officer_url(login)))
    assert not checks["schema"].ok
    assert "schema 0006 (this version expects" in checks["schema"].detail


@pytest.fixture
def run_station_doctor(
    station: Station, keyring_vault: KeyringVault, tmp_path: Path
) -> Callable[..., int]:
    """``aduan-desk station doctor`` as an officer, with the profile and the keyring's
    password an officer's PC has; ``run(*options)``."""
    login = station.add_officer("Bripka Ani")
    profile = tmp_path / "profil.toml"
    profile.write_text(
        '[unit]\nname = "Polres Contoh"\n\n[station]\nkind = "postgresql"\n'
        f'host = "127.0.0.1"\nport = {station.cluster.port}\n'
        f'dbname = "{station.database}"\nuser = "{login}"\nsslmode = "disable"\n',
        encoding="utf-8",
    )
    name = password_name(server_of(load_profile(profile).station))
    home = str(tmp_path / "home")

    def run(*options: str) -> int:
        keyring_vault.set(name, station.cluster.password)
        try:
            doctor = ["station", "doctor", "--profile", str(profile)]
            return main(["--lang", "en", "--home", home, *options, *doctor])
        finally:
            keyring_vault.delete(name)

    return run


@pytest.mark.keyring
def test_the_command_reads_the_profile_and_the_keyring_and_fails_on_a_problem(
    station: Station, run_station_doctor: Callable[..., int], capsys: pytest.CaptureFixture[str]
) -> None:
    code = run_station_doctor()
    printed = capsys.readouterr().out
    assert code == 1  # no TLS: a problem
    assert "tls: the connection is NOT encrypted" in printed
    assert "grants: the login petugas_" in printed
    assert "officer: replies and notes are recorded as Bripka Ani" in printed
    assert station.cluster.password not in printed


@pytest.mark.keyring
def test_the_command_s_json_carries_every_check(
    station: Station, run_station_doctor: Callable[..., int], capsys: pytest.CaptureFixture[str]
) -> None:
    station.run_as_admin([f"GRANT UPDATE ON reply TO {roles.group_role(station.database)}"])
    code = run_station_doctor("--json")
    printed = capsys.readouterr().out
    report = json.loads(printed)
    assert code == 1
    assert report["ok"] is False
    checks = {check["name"]: check for check in report["checks"]}
    assert list(checks) == ["server", "tls", "privileges", "grants", "schema", "search", "officer"]
    assert checks["grants"]["ok"] is False
    assert "UPDATE on reply." in checks["grants"]["detail"]
    assert station.cluster.password not in printed
