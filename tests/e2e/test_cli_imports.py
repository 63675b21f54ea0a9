"""The command line loads only what a command uses: ``--version`` and ``--help`` start light.

Timing is measured in ``bench/bench_cli.py``; this holds the cause in place:
the heavy packages are not imported before argparse has answered.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.core.credentials import KeyringVault

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("sqlalchemy", "alembic", "requests", "keyring", "sqlcipher3", "PySide6")

_PROBE = """
import contextlib, io, json, sys
from desktop.cli import main
with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):
    main(sys.argv[1:])
print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in {heavy})))
"""


def _loaded(*args: str, heavy: tuple[str, ...] = HEAVY) -> list[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", _PROBE.format(heavy=set(heavy)), *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=True,
    )
    return list(json.loads(result.stdout.splitlines()[-1]))


@pytest.mark.parametrize(
    "args",
    [
        ["--version"],
        ["--help"],
        ["queue", "--help"],
        ["account", "add", "--help"],
        ["outbox", "--help"],
        ["doctor", "--help"],
    ],
)
def test_help_and_version_load_no_heavy_package(args: list[str]) -> None:
    assert _loaded(*args) == []


def test_a_usage_error_loads_no_heavy_package() -> None:
    assert _loaded("status", "1", "no-such-status") == []


def test_help_does_not_look_up_the_installed_version() -> None:
    probe = _PROBE.replace("{heavy}", "{'importlib'}")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", probe, "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=True,
    )
    assert "importlib.metadata" not in json.loads(result.stdout.splitlines()[-1])


@pytest.mark.keyring
def test_queue_loads_neither_the_orm_nor_the_network_stack(
    tmp_path: Path, keyring_vault: KeyringVault
) -> None:
    home = tmp_path / "home"
    try:
        _loaded("--home", str(home), "queue", "--json")  # creates and migrates the store
        loaded = _loaded("--home", str(home), "queue", "--json", heavy=("sqlalchemy", "keyring"))
        assert "sqlalchemy.engine" in loaded  # the probe sees the store being read
        assert "keyring.backends.SecretService" in loaded
        light = _loaded("--home", str(home), "queue", "--json", heavy=("requests", "alembic"))
        assert light == []
        assert not [m for m in loaded if m.startswith("sqlalchemy.orm")]
        assert "keyring.backends.kwallet" not in loaded  # keyring's discovery imports it
    finally:
        db_id = (home / "aduan-desk.db.id").read_text().strip()
        keyring_vault.delete(f"database-key/{db_id}")


@pytest.mark.keyring
def test_queue_in_indonesian_loads_neither_qt_nor_the_postgresql_dialect(
    tmp_path: Path, keyring_vault: KeyringVault
) -> None:
    home = tmp_path / "home"
    queue = ("--home", str(home), "--lang", "id", "queue")
    try:
        _loaded(*queue)  # creates and migrates the store (the migrations name both dialects)
        loaded = _loaded(*queue, heavy=("PySide6", "sqlalchemy", "desktop"))
        assert "desktop.i18n" in loaded  # the lines were worded in Indonesian
        assert "sqlalchemy.engine" in loaded  # the store was read
        assert [m for m in loaded if m.startswith("PySide6")] == []
        assert [m for m in loaded if m.startswith("sqlalchemy.dialects.postgresql")] == []
        assert "desktop.core.store.postgresql" not in loaded
    finally:
        db_id = (home / "aduan-desk.db.id").read_text().strip()
        keyring_vault.delete(f"database-key/{db_id}")


@pytest.mark.keyring
def test_queue_does_not_look_up_the_installed_version(
    tmp_path: Path, keyring_vault: KeyringVault
) -> None:
    """The version (a scan of the installed packages) is read by the crash report that
    needs it, not by every command that may log."""
    home = tmp_path / "home"
    probe = _PROBE.format(heavy=set()).replace(
        "print(json.dumps(",
        "import desktop; print(json.dumps(['looked up'] * ('__version__' in vars(desktop)) + ",
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    try:
        for _ in range(2):  # the first creates and migrates the store
            result = subprocess.run(
                [sys.executable, "-c", probe, "--home", str(home), "queue", "--json"],
                capture_output=True,
                text=True,
                timeout=60,
                env=env,
                check=True,
            )
        assert json.loads(result.stdout.splitlines()[-1]) == []
    finally:
        db_id = (home / "aduan-desk.db.id").read_text().strip()
        keyring_vault.delete(f"database-key/{db_id}")
