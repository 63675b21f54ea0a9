"""``aduan-desk station connect``: on the worker PC, an account is connected through the
platform's sign-in; the account is the station's, its token in this user's keyring,
where the station's worker reads it to pull."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import URL, text

from desktop.core.connect.tokens import load_tokens
from desktop.core.credentials import KeyringVault
from desktop.core.desk.accounts import Accounts
from desktop.core.model import Channel
from desktop.core.profile import StationSettings
from desktop.core.station.worker import StationWorker
from desktop.core.store import station
from desktop.core.store.database import Store, open_postgresql
from desktop.core.sync.states import SyncState
from desktop.simulator import Simulator
from desktop.simulator.signin import browser, profile_apps
from tests.postgres_support import ROLE, Cluster

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.postgresql, pytest.mark.keyring]


@pytest.fixture
def sim() -> Iterator[Simulator]:
    with Simulator(count=8, seed=4) as running:
        yield running


@pytest.fixture
def profile(
    tmp_path: Path,
    sim: Simulator,
    postgres_cluster: Cluster,
    postgres_url: URL,
    keyring_vault: KeyringVault,
) -> Iterator[Path]:
    assert postgres_url.database is not None
    port, dbname = postgres_cluster.port, postgres_url.database
    path = tmp_path / "unit-profile.toml"
    path.write_text(
        '[unit]\nname = "Polres Contoh"\n\n'
        + profile_apps(sim)
        + f'\n[station]\nkind = "postgresql"\nhost = "127.0.0.1"\nport = {port}\n'
        f'dbname = "{dbname}"\nuser = "{ROLE}"\nsslmode = "disable"\n',
        encoding="utf-8",
    )
    settings = StationSettings("postgresql", "127.0.0.1", port, dbname, ROLE, "disable")
    password = station.password_name(station.server_of(settings))
    keyring_vault.set(password, postgres_cluster.password)
    yield path
    keyring_vault.delete(password)
    for provider in ("x", "youtube", "tiktok", "meta"):
        keyring_vault.delete(f"app/{provider}/client-secret")


def _args(home: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "desktop.cli", "--home", str(home), *args]


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


def _connect_in_browser(home: Path, *args: str) -> tuple[int, str, str]:
    """A sign-in command; the "browser" follows the address it prints."""
    child = subprocess.Popen(
        _args(home, *args, "--no-browser", "--timeout", "60", "--json"),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(),
    )
    assert child.stderr is not None
    lines = []
    for line in child.stderr:
        lines.append(line)
        if line.startswith("http"):
            threading.Thread(target=browser, args=(line.strip(),), daemon=True).start()
            break
    out, err = child.communicate(timeout=120)
    return child.returncode, out, "".join(lines) + err


def test_station_connect_keeps_the_token_where_the_worker_reads_it(
    tmp_path: Path, sim: Simulator, profile: Path, postgres_url: URL, keyring_vault: KeyringVault
) -> None:
    home = tmp_path / "worker-home"
    code, out, err = _connect_in_browser(home, "station", "connect", "x", "--profile", str(profile))
    assert code == 0, err
    x_id = json.loads(out)["id"]
    done = subprocess.run(
        _args(home, "station", "connect", "telegram", "--profile", str(profile), "--json"),
        input=sim.token_for(Channel.TELEGRAM) + "\n",
        capture_output=True,
        text=True,
        timeout=120,
        env=_env(),
    )
    assert done.returncode == 0, done.stderr
    telegram_id = json.loads(done.stdout)["id"]

    store: Store = open_postgresql(postgres_url)
    try:
        with store.read() as conn:
            rows = conn.execute(text("SELECT id, channel FROM account ORDER BY id")).all()
            kept = " ".join(str(r) for r in conn.execute(text("SELECT * FROM setting")).all())
        assert {(r[0], r[1]) for r in rows} == {(x_id, "x"), (telegram_id, "telegram")}
        tokens = load_tokens(keyring_vault, x_id)
        assert tokens is not None
        assert tokens.access_token not in kept  # tokens never in the station's database
        assert not (home / "aduan-desk.db").exists()  # the station's store, not a PC file

        # The station's worker, on this PC, pulls both accounts with those tokens.
        worker = StationWorker(store, keyring_vault, holder="worker-test")
        worker.leases.refresh()
        report = worker.engine.run_once()
        states = {p.account_id: p.state for p in report.pulls}
        assert states == {x_id: SyncState.OK, telegram_id: SyncState.OK}
    finally:
        accounts = Accounts(store, keyring_vault)
        for account_id in (x_id, telegram_id):
            accounts.remove(account_id)  # its token out of the keyring
        store.close()
