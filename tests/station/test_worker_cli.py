"""``aduan-desk station worker`` on the command line: light help, a clear error for a
profile without a station."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.e2e.test_cli_imports import _loaded

ROOT = Path(__file__).resolve().parents[2]


def test_station_help_loads_no_heavy_package() -> None:
    assert _loaded("station", "worker", "--help") == []
    assert _loaded("station", "--help") == []


def test_a_profile_without_a_station_server_is_refused_plainly(tmp_path: Path) -> None:
    profile = tmp_path / "profil.toml"
    profile.write_text('[unit]\nname = "Polres Contoh"\n', encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "desktop.cli", "--home", str(tmp_path / "home"), "--lang", "en"]
        + ["station", "worker", "--profile", str(profile)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=False,
    )
    assert done.returncode == 1
    assert "no [station] PostgreSQL server" in done.stderr
    assert "Traceback" not in done.stderr
