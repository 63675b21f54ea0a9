"""``aduan-desk station worker`` on the command line: light help, a clear error for a
profile without a station."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench.kill_station_worker import station
from desktop.cli_station import _station_of
from desktop.core.credentials import KeyringVault, token_name
from desktop.core.model import Channel
from desktop.core.store.station import password_name, server_of
from tests.e2e.test_cli_imports import _loaded
from tests.postgres_support import Cluster
from tests.support import add_account

ROOT = Path(__file__).resolve().parents[2]
CLI = (sys.executable, "-m", "desktop.cli")
WORKER = ("station", "worker", "--profile")


def test_station_help_loads_no_heavy_package() -> None:
    assert _loaded("station", "worker", "--help") == []
    assert _loaded("station", "--help") == []


def test_a_profile_without_a_station_server_is_refused_plainly(tmp_path: Path) -> None:
    profile = tmp_path / "profil.toml"
    profile.write_text('[unit]\nname = "Polres Contoh"\n', encoding="utf-8")
    done = subprocess.run(
        [*CLI, "--home", str(tmp_path / "home"), "--lang", "en", *WORKER, str(profile)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=False,
    )
    assert done.returncode == 1
    assert "no [station] PostgreSQL server" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.postgresql
@pytest.mark.keyring
def test_the_login_password_and_a_token_go_to_the_worker_keyring(
    postgres_cluster: Cluster, keyring_vault: KeyringVault, tmp_path: Path
) -> None:
    with station(postgres_cluster, tmp_path, keyring_vault) as st:
        account = add_account(st.store, Channel.X, "humas", params={"user_id": "42"})
        name = password_name(server_of(_station_of(st.profile)))
        keyring_vault.delete(name)  # IT enters it, as below

        at = ("--profile", str(st.profile))

        def run(*args: str, stdin: str) -> subprocess.CompletedProcess[str]:
            return subprocess.run(
                [*CLI, "--home", str(tmp_path / "home"), "station", *args, *at],
                input=stdin,
                capture_output=True,
                text=True,
                timeout=60,
                env={**os.environ, "PYTHONPATH": str(ROOT)},
                check=False,
            )

        assert run("password", stdin=postgres_cluster.password + "\n").returncode == 0
        done = run("token", str(account), stdin="token-baru-123456\n")
        assert done.returncode == 0, done.stderr
        assert keyring_vault.get(name) == postgres_cluster.password
        assert keyring_vault.get(token_name(account)) == "token-baru-123456"
        assert "token-baru" not in done.stdout + done.stderr
        assert run("token", "99", stdin="x-token-abcdef\n").returncode == 1  # no such account
