"""Accounts, sync, outbox and doctor from the command line against the simulator."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop.core.credentials import KeyringVault
from desktop.core.model import Channel
from desktop.simulator import Fault, Simulator

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.keyring


class Cli:
    def __init__(self, home: Path) -> None:
        self.home = home

    def run(self, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        return subprocess.run(
            [sys.executable, "-m", "desktop.cli", "--home", str(self.home), *args],
            input=stdin,
            capture_output=True,
            text=True,
            timeout=180,
            env=env,
        )

    def json(self, *args: str, stdin: str = "") -> Any:
        result = self.run(*args, "--json", stdin=stdin)
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)


@pytest.fixture
def sim() -> Iterator[Simulator]:
    with Simulator(count=40, seed=5) as running:
        yield running


@pytest.fixture
def cli(tmp_path: Path, keyring_vault: KeyringVault, sim: Simulator) -> Iterator[Cli]:
    runner = Cli(tmp_path / "home")
    yield runner
    for account in (
        runner.json("account", "list") if (runner.home / "aduan-desk.db").exists() else []
    ):
        runner.run("account", "remove", str(account["id"]))
    id_file = runner.home / "aduan-desk.db.id"
    if id_file.exists():
        keyring_vault.delete(f"database-key/{id_file.read_text().strip()}")


def _add(cli: Cli, sim: Simulator, channel: Channel) -> int:
    params = [f"--param={k}={v}" for k, v in sim.params(channel).items()]
    data = cli.json(
        "account",
        "add",
        channel.value,
        f"humas-{channel.value}",
        "--api-base",
        sim.api_base(channel),
        *params,
        stdin=sim.token_for(channel) + "\n",
    )
    return int(data["id"])


def test_accounts_sync_reply_and_doctor(cli: Cli, sim: Simulator) -> None:
    x = _add(cli, sim, Channel.X)
    tube = _add(cli, sim, Channel.YOUTUBE)
    listed = cli.json("account", "list")
    assert [(a["id"], a["state"]) for a in listed] == [(x, "idle"), (tube, "idle")]

    round_ = cli.json("sync", "--once")
    assert {a["state"] for a in round_["accounts"]} == {"ok"}
    assert sum(a["new_messages"] for a in round_["accounts"]) > 0

    complaint = cli.json("queue", "--channel", "youtube")["complaints"][0]
    reply = cli.json("reply", str(complaint["id"]), "--text", "Terima kasih, segera kami cek.")
    assert cli.json("outbox")[0]["state"] == "queued"
    pushed = cli.json("sync", "--once")
    assert pushed["push"]["sent"] == 1
    assert [r.text for r in sim.accepted_replies()] == ["Terima kasih, segera kami cek."]
    shown = cli.json("show", str(complaint["id"]))
    assert [r["state"] for r in shown["replies"]] == ["sent"]
    assert shown["replies"][0]["id"] == reply["reply_id"]

    report = cli.run("doctor", "--json")
    assert report.returncode == 0, report.stderr
    assert sim.token not in report.stdout
    data = json.loads(report.stdout)
    assert data["ok"] is True
    assert [a["reachable"] for a in data["accounts"]] == [True, True]


def test_token_is_never_echoed_and_expiry_is_explained(cli: Cli, sim: Simulator) -> None:
    result = cli.run(
        "account",
        "add",
        "telegram",
        "humas-bot",
        "--api-base",
        sim.api_base(Channel.TELEGRAM),
        stdin=sim.token_for(Channel.TELEGRAM),
    )
    assert result.returncode == 0, result.stderr
    assert sim.token not in result.stdout + result.stderr
    sim.inject(Fault("expired_token", Channel.TELEGRAM, times=-1))
    sync = cli.run("sync", "--once", "--lang", "en")
    assert "enter a new token" in sync.stdout
    assert sim.token not in sync.stdout + sync.stderr
    sim.clear_faults()
    (account,) = cli.json("account", "list")
    renewed = cli.run("account", "token", str(account["id"]), stdin=sim.token_for(Channel.TELEGRAM))
    assert renewed.returncode == 0, renewed.stderr
    assert cli.json("sync", "--once")["accounts"][0]["state"] == "ok"


def test_failed_reply_can_be_retried_or_cancelled(cli: Cli, sim: Simulator) -> None:
    _add(cli, sim, Channel.X)
    cli.json("sync", "--once")
    complaint = cli.json("queue")["complaints"][0]
    reply = cli.json("reply", str(complaint["id"]), "--text", "🙏" * 150)["reply_id"]
    cli.json("sync", "--once")
    (entry,) = cli.json("outbox")
    assert entry["state"] == "failed"
    assert entry["last_reason"] == "text_too_long"
    assert entry["last_error"] is None  # refused before the platform said anything
    words = cli.run("outbox").stdout  # the officer reads the reason, in Indonesian
    assert "Balasan terlalu panjang untuk platform ini: persingkat teksnya." in words
    assert cli.json("outbox", "retry", str(reply))["state"] == "queued"
    assert cli.json("outbox", "cancel", str(reply))["state"] == "cancelled"
    refused = cli.run("outbox", "cancel", str(reply), "--lang", "en")
    assert refused.returncode == 1
    assert "is cancelled" in refused.stderr


def test_bad_account_settings_are_refused_before_anything_is_stored(cli: Cli) -> None:
    result = cli.run("account", "add", "instagram", "humas", "--lang", "en", stdin="token")
    assert result.returncode == 1
    assert "ig_user_id" in result.stderr
    result = cli.run(
        "account", "add", "x", "humas", "--api-base", "http://example.org", "--param", "user_id=1",
        stdin="token",
    )  # fmt: skip
    assert result.returncode == 1
    assert "https" in result.stderr
