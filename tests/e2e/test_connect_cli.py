"""``account connect`` / ``account reconnect`` on the command line against the simulator,
with the "browser" an HTTP client that follows the authorize redirect; then the secret
scan: no access token, refresh token, code, verifier or client secret in the database,
the logs, crash reports or the command's output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from desktop.core.credentials import KeyringVault
from desktop.core.model import POLLED, Channel
from desktop.simulator import Simulator
from desktop.simulator.oauth_apps import CLIENT_SECRET
from desktop.simulator.oauth_ledger import received_verifiers
from desktop.simulator.signin import browser, profile_apps

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.keyring


class Cli:
    def __init__(self, home: Path) -> None:
        self.home = home
        self.outputs: list[str] = []

    def args(self, *args: str) -> list[str]:
        return [sys.executable, "-m", "desktop.cli", "--home", str(self.home), *args]

    def env(self) -> dict[str, str]:
        return {**os.environ, "PYTHONPATH": str(ROOT)}

    def run(self, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            self.args(*args),
            input=stdin,
            capture_output=True,
            text=True,
            timeout=120,
            env=self.env(),
        )
        self.outputs += [done.stdout, done.stderr]
        return done

    def connect(self, *args: str) -> tuple[int, str, str]:
        """Run a browser sign-in command; the browser follows the printed address."""
        child = subprocess.Popen(
            self.args(*args, "--no-browser", "--timeout", "60", "--json"),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=self.env(),
        )
        assert child.stderr is not None
        lines = []
        for line in child.stderr:
            lines.append(line)
            if line.startswith("http"):
                threading.Thread(target=browser, args=(line.strip(),), daemon=True).start()
                break
        out, err = child.communicate(timeout=120)
        err = "".join(lines) + err
        self.outputs += [out, err]
        return child.returncode, out, err


@pytest.fixture
def sim() -> Iterator[Simulator]:
    with Simulator(count=20, seed=9) as running:
        yield running


@pytest.fixture
def cli(tmp_path: Path, keyring_vault: KeyringVault, sim: Simulator) -> Iterator[Cli]:
    home = tmp_path / "home"
    home.mkdir()
    (home / "unit-profile.toml").write_text(profile_apps(sim), encoding="utf-8")
    runner = Cli(home)
    yield runner
    if (home / "aduan-desk.db").exists():
        for account in json.loads(runner.run("account", "list", "--json").stdout or "[]"):
            runner.run("account", "remove", str(account["id"]))
    for provider in ("x", "youtube", "tiktok", "meta"):
        keyring_vault.delete(f"app/{provider}/client-secret")
    id_file = home / "aduan-desk.db.id"
    if id_file.exists():
        keyring_vault.delete(f"database-key/{id_file.read_text().strip()}")


def test_connect_every_platform_then_sync_and_reconnect(cli: Cli, sim: Simulator) -> None:
    ids: dict[Channel, int] = {}
    for channel in POLLED:
        if channel is Channel.TELEGRAM:
            done = cli.run(
                "account",
                "connect",
                "telegram",  # the Bot API address comes from the profile's [app.telegram]
                "--json",
                stdin=sim.token_for(channel) + "\n",
            )
            code, out, err = done.returncode, done.stdout, done.stderr
        else:
            code, out, err = cli.connect("account", "connect", channel.value)
        assert code == 0, err
        data = json.loads(out)
        assert data["channel"] == channel.value
        assert data["missing_scopes"] == []
        ids[channel] = data["id"]
    listed = json.loads(cli.run("account", "list", "--json").stdout)
    own = {a["id"]: a["params"] for a in listed}
    assert own[ids[Channel.X]]["user_id"] == sim.world.board(Channel.X).account.platform_user_id
    assert own[ids[Channel.INSTAGRAM]]["ig_user_id"]  # discovered, never typed

    round_ = json.loads(cli.run("sync", "--once", "--json").stdout)
    assert {a["state"] for a in round_["accounts"]} == {"ok"}

    code, out, err = cli.connect("account", "reconnect", str(ids[Channel.YOUTUBE]))
    assert code == 0, err
    assert json.loads(out)["id"] == ids[Channel.YOUTUBE]

    _secret_scan(cli, sim)


def test_denied_consent_on_the_command_line(cli: Cli, sim: Simulator) -> None:
    sim.oauth.deny = True
    code, out, err = cli.connect("account", "connect", "x")
    assert code == 1
    assert out == ""
    assert "access" in err.lower() or "akses" in err.lower()
    assert "Nothing was changed" in err or "Tidak ada yang diubah" in err  # the window's words
    assert json.loads(cli.run("account", "list", "--json").stdout) == []


def _secret_scan(cli: Cli, sim: Simulator) -> None:
    from desktop.core.paths import Paths
    from desktop.core.startup import open_home

    secrets = [
        *sim.oauth.issued_tokens(),
        *sim.oauth.codes_issued,
        *received_verifiers(),
        CLIENT_SECRET,
    ]
    assert len(secrets) > 10
    store = open_home(Paths(cli.home), KeyringVault())
    try:
        with store.read() as conn:
            dump = "\n".join(
                str(row)
                for table in ("account", "setting", "complaint", "message", "outbox")
                for row in conn.exec_driver_sql(f"SELECT * FROM {table}")
            )
    finally:
        store.close()
    logs = "\n".join(
        path.read_text(encoding="utf-8", errors="replace")
        for path in (cli.home / "logs").rglob("*")
        if path.is_file()
    )
    shown = "\n".join(cli.outputs)
    for secret in secrets:
        assert secret not in dump
        assert secret not in logs
        assert secret not in shown


def test_device_login_on_the_command_line(cli: Cli, sim: Simulator) -> None:
    sim.oauth.device.interval = 0.1
    child = subprocess.Popen(
        cli.args("account", "connect", "facebook", "--device", "--json"),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=cli.env(),
    )
    assert child.stderr is not None
    lines = []
    for line in child.stderr:
        lines.append(line)
        if len(lines) >= 2 and f"{sim.url}/device" in lines[-2]:
            user_code = line.strip()  # the code, on its own line under the address
            assert requests.get(f"{sim.url}/device", params={"user_code": user_code}, timeout=10).ok
            break
    out, err = child.communicate(timeout=120)
    cli.outputs += [out, err, *lines]
    assert child.returncode == 0, "".join(lines) + err
    data = json.loads(out)
    assert data["channel"] == "facebook"
    assert json.loads(cli.run("account", "list", "--json").stdout)[0]["params"]["page_id"]
    printed = "\n".join(cli.outputs)
    assert sim.oauth.issued_tokens()
    assert not any(token in printed for token in sim.oauth.issued_tokens())
