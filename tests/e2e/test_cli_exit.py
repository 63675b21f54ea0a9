"""The installed command exits at once when it has answered: nothing it printed is lost."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.core.credentials import KeyringVault

ROOT = Path(__file__).resolve().parents[2]
RUN = "from desktop.cli import run; run()"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-c", RUN, *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
    )


@pytest.mark.keyring
def test_the_whole_answer_is_printed_and_logged_before_the_quick_exit(
    tmp_path: Path, keyring_vault: KeyringVault
) -> None:
    home = tmp_path / "home"
    try:
        sampled = _run("--home", str(home), "sample", "--count", "300", "--seed", "3")
        assert sampled.returncode == 0, sampled.stderr
        answer = _run("--home", str(home), "queue", "--json", "--all", "--limit", "300")
        assert answer.returncode == 0, answer.stderr
        assert len(json.loads(answer.stdout)["complaints"]) == 300
        assert (home / "logs").is_dir()
        wrong = _run("--home", str(home), "show", "999999")
        assert wrong.returncode == 1
        assert wrong.stderr.startswith("aduan-desk: ")
        assert wrong.stderr.endswith("\n")
    finally:
        db_id = (home / "aduan-desk.db.id").read_text().strip()
        keyring_vault.delete(f"database-key/{db_id}")


def test_a_usage_error_still_exits_with_two() -> None:
    result = _run("status", "1", "no-such-status")
    assert result.returncode == 2
    assert "no-such-status" in result.stderr
