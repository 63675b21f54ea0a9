"""The command line as IT staff and scripts use it: real processes, real keyring."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop.core.credentials import KeyringVault

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.keyring


class Cli:
    def __init__(self, home: Path) -> None:
        self.home = home

    def run(self, *args: str, lang: str = "id") -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        env.pop("ADUAN_DESK_HOME", None)
        return subprocess.run(
            [sys.executable, "-m", "desktop.cli", "--home", str(self.home), "--lang", lang, *args],
            capture_output=True,
            text=True,
            timeout=120,
            env=env,
        )

    def ok(self, *args: str) -> str:
        result = self.run(*args)
        assert result.returncode == 0, result.stderr
        return result.stdout

    def json(self, *args: str) -> Any:
        return json.loads(self.ok(*args, "--json"))

    def fails(self, *args: str, lang: str = "id", code: int = 1) -> str:
        result = self.run(*args, lang=lang)
        assert result.returncode == code, result.stdout + result.stderr
        assert "Traceback" not in result.stderr
        if code == 1:
            assert result.stderr.count("\n") == 1, result.stderr
        return result.stderr


@pytest.fixture
def cli(tmp_path: Path, keyring_vault: KeyringVault) -> Iterator[Cli]:
    home = tmp_path / "home"
    yield Cli(home)
    id_file = home / "aduan-desk.db.id"
    if id_file.exists():  # leave the keyring as we found it
        keyring_vault.delete(f"database-key/{id_file.read_text().strip()}")


@pytest.fixture
def sampled(cli: Cli) -> Cli:
    cli.ok("sample", "--count", "60", "--seed", "3")
    return cli


def test_queue_lists_open_complaints_most_urgent_first(sampled: Cli) -> None:
    data = sampled.json("queue", "--limit", "100")
    complaints = data["complaints"]
    assert data["total"] == len(complaints) > 10
    assert data["zone"] == "WIB"
    dues = [c["due_at"] for c in complaints if c["due_at"] is not None]
    assert dues == sorted(dues)
    assert {c["status"] for c in complaints} <= {"new", "acknowledged", "in_progress"}
    assert all(c["received_local"].endswith(" WIB") for c in complaints)


def test_queue_filters(sampled: Cli) -> None:
    overdue = sampled.json("queue", "--overdue")["complaints"]
    assert overdue
    assert all(c["remaining_seconds"] < 0 for c in overdue)
    resolved = sampled.json("queue", "--status", "resolved")["complaints"]
    assert all(c["status"] == "resolved" for c in resolved)
    everything = sampled.json("queue", "--all", "--limit", "1000")["total"]
    assert everything == 60
    insta = sampled.json("queue", "--channel", "instagram")["complaints"]
    assert insta
    assert all(c["channel"] == "instagram" for c in insta)
    word = sampled.json("queue", "--all", "--limit", "1")["complaints"][0]["excerpt"].split()[0]
    found = sampled.json("queue", "--all", "--search", word)["total"]
    assert found >= 1


def test_text_queue_is_readable(sampled: Cli) -> None:
    out = sampled.ok("queue", "--limit", "5")
    assert out.splitlines()[0].split()[:3] == ["ID", "Tenggat", "Kanal"]
    assert "Menampilkan 5 dari" in out
    countdowns = [re.split(r"\s{2,}", line)[1] for line in out.splitlines()[1:-1]]
    assert all(re.match(r"(sisa|terlambat) \d+ (hari|jam|menit)", c) for c in countdowns)
    english = sampled.run("queue", "--limit", "5", lang="en").stdout
    assert "Showing 5 of" in english
    assert all(
        re.search(r"\d+ (days?|hours?|minutes?).*(left|overdue)", re.split(r"\s{2,}", line)[1])
        for line in english.splitlines()[1:-1]
    )


def test_reply_note_status_and_outbox(sampled: Cli) -> None:
    target = sampled.json("queue", "--status", "new")["complaints"][0]
    cid = str(target["id"])
    reply = sampled.json("reply", cid, "--template", "respons-awal")
    note = sampled.json("note", cid, "--text", "Sudah koordinasi dengan Reskrim")
    public = sampled.json("note", cid, "--text", "Pelaku sudah diamankan", "--public")
    assert note["reply_id"] is None
    assert public["reply_id"] is not None
    outbox = sampled.json("outbox")
    mine = [e for e in outbox if e["complaint_id"] == target["id"]]
    assert [e["state"] for e in mine] == ["queued", "queued"]
    assert mine[0]["id"] == reply["reply_id"]
    assert target["author"] in mine[0]["text"]
    assert "{nama}" not in mine[0]["text"]
    assert sampled.json("status", cid, "acknowledged")["status"] == "acknowledged"
    shown = sampled.json("show", cid)
    assert shown["status"] == "acknowledged"
    assert [n["public"] for n in shown["notes"]] == [False, True]
    assert [r["state"] for r in shown["replies"]] == ["queued", "queued"]
    assert shown["messages"][0]["local_time"].endswith(" WIB")
    text = sampled.ok("show", cid)
    assert "Catatan perkembangan" in text
    assert "Sudah koordinasi" in text


def test_unknown_complaint_in_both_languages(sampled: Cli) -> None:
    assert sampled.fails("show", "999999") == "aduan-desk: Aduan #999999 tidak ditemukan.\n"
    english = sampled.fails("reply", "999999", "--text", "halo", lang="en")
    assert english == "aduan-desk: Complaint #999999 not found.\n"


def test_illegal_status_and_empty_reply(sampled: Cli) -> None:
    cid = str(sampled.json("queue", "--status", "new")["complaints"][0]["id"])
    refused = sampled.fails("status", cid, "resolved")
    assert "tidak bisa diubah dari Baru ke Selesai (yang boleh: Direspons, " in refused
    assert "tidak boleh kosong" in sampled.fails("reply", cid, "--text", "   ")
    assert "not be empty" in sampled.fails("note", cid, "--text", "", lang="en")
    assert sampled.json("outbox") == []


def test_usage_errors_exit_2(cli: Cli) -> None:
    assert "unknown status" in cli.fails("status", "1", "closed", code=2)
    cli.fails("reply", "1", code=2)
    cli.fails("queue", "--limit", "0", code=2)


def test_damaged_database_is_one_line(cli: Cli) -> None:
    cli.ok("sample", "--count", "5")
    db = cli.home / "aduan-desk.db"
    db.write_bytes(b"\x00garbage" * 1000)
    message = cli.fails("queue")
    assert str(db) in message
    assert "bukan basis data Aduan Desk" in message


def test_database_from_another_machine_needs_its_key(cli: Cli) -> None:
    cli.ok("sample", "--count", "5")
    (cli.home / "aduan-desk.db.id").write_text("0123456789abcdef\n")
    assert "keyring" in cli.fails("queue")


def test_demo_runs_in_a_throwaway_home(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "ADUAN_DESK_HOME": str(tmp_path / "untouched")}
    result = subprocess.run(
        [sys.executable, "-m", "desktop.cli", "demo", "--count", "40", "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["total"] > 0
    assert data["overdue"] > 0
    assert not (tmp_path / "untouched").exists()
