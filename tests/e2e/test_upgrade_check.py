"""scripts/wine/upgrade_check.py, CI's judge of the Windows upgrade N -> N+1, on what
this version's command line really prints (real processes, real keyring)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.core.credentials import KeyringVault

ROOT = Path(__file__).resolve().parents[2]
CHECK = ROOT / "scripts" / "wine" / "upgrade_check.py"
pytestmark = pytest.mark.keyring


@pytest.fixture
def home(tmp_path: Path, keyring_vault: KeyringVault) -> Iterator[Path]:
    home = tmp_path / "home"
    yield home
    id_file = home / "aduan-desk.db.id"
    if id_file.exists():  # leave the keyring as we found it
        keyring_vault.delete(f"database-key/{id_file.read_text().strip()}")


def cli(home: Path, out: Path, *args: str) -> Path:
    """Run the command line with its output into ``out``, as wine-check's pipe does."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("ADUAN_DESK_HOME", None)
    with out.open("wb") as stdout:
        subprocess.run(
            [sys.executable, "-m", "desktop.cli", "--home", str(home), "--lang", "en", *args],
            stdout=stdout,
            check=True,
            timeout=120,
            env=env,
        )
    return out


def judge(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(CHECK), *map(str, args)], capture_output=True, text=True, timeout=60
    )


def test_schema_moved_or_not(home: Path, tmp_path: Path) -> None:
    cli(home, tmp_path / "sample.txt", "sample", "--count", "5")
    after = cli(home, tmp_path / "doctor.txt", "doctor", "--offline")
    text = after.read_text(encoding="utf-8")
    head = text.split("this version expects ")[1].split(")")[0]
    # version N's report, as its cp1252 pipe wrote it: an older schema, its own head
    before = tmp_path / "doctor-n.txt"
    before.write_bytes(text.replace(head, "0000").encode("cp1252", errors="replace"))

    moved = judge("schema", before, after)
    assert moved.returncode == 0, moved.stderr
    assert f"schema 0000 (version N) -> {head}" in moved.stdout

    unmoved = judge("schema", after, after)
    assert unmoved.returncode == 1
    assert "no migration ran" in unmoved.stderr

    behind = tmp_path / "doctor-behind.txt"
    behind.write_text(text.replace(f"schema {head} (", "schema 0000 ("), encoding="utf-8")
    assert "but N+1 expects" in judge("schema", before, behind).stderr


def test_complaints_as_stored(home: Path, tmp_path: Path) -> None:
    cli(home, tmp_path / "sample.txt", "sample", "--count", "12")
    cli(home, tmp_path / "note.txt", "note", "1", "--text", "Sudah dicek di lapangan")
    before = cli(home, tmp_path / "show-n.json", "--json", "show", "1")
    queue = cli(home, tmp_path / "queue.json", "--json", "queue", "--all", "--limit", "100")
    assert judge("total", queue, "12").returncode == 0
    assert "12 complaints, expected 13" in judge("total", queue, "13").stderr

    # the countdown moved on between the two calls: not a change of the data
    same = judge("same", before, cli(home, tmp_path / "show.json", "--json", "show", "1"))
    assert same.returncode == 0, same.stdout + same.stderr
    assert "complaint #1: status " in same.stdout

    cli(home, tmp_path / "note2.txt", "note", "1", "--text", "Catatan kedua")
    changed = judge("same", before, cli(home, tmp_path / "show2.json", "--json", "show", "1"))
    assert changed.returncode == 1
    assert "notes changed by the upgrade" in changed.stderr
