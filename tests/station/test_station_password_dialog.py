"""The window's start in station mode asks for a missing or refused station password
in a dialog, keeps it where ``station password`` does, and tries again."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import URL

from desktop.core.credentials import MemoryVault
from desktop.core.errors import UserError
from desktop.core.paths import Paths
from desktop.core.profile import StationSettings
from desktop.core.startup import PROFILE_ENV
from desktop.core.store import station
from desktop.ui.station_password import StationPasswordDialog, open_home_asking
from tests.postgres_support import ROLE, Cluster

pytestmark = [
    pytest.mark.postgresql,
    pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise"),
]
SHOTS = os.environ.get("ADUAN_SHOTS")


def _home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, port: int, dbname: str) -> Paths:
    profile = tmp_path / "profil.toml"
    profile.write_text(
        '[unit]\nname = "Polres Contoh"\n\n[station]\nkind = "postgresql"\n'
        f'host = "127.0.0.1"\nport = {port}\ndbname = "{dbname}"\nuser = "{ROLE}"\n'
        'sslmode = "disable"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv(PROFILE_ENV, str(profile))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "none"))
    return Paths(tmp_path / "home")


def _password_name(port: int, dbname: str) -> str:
    settings = StationSettings("postgresql", "127.0.0.1", port, dbname, ROLE, "disable")
    return station.password_name(station.server_of(settings))


def _answer(steps: list[Callable[[StationPasswordDialog], None]]) -> list[dict[str, object]]:
    """Answer each dialog the start shows with the next step; what each one showed."""
    seen: list[dict[str, object]] = []
    answered: list[StationPasswordDialog] = []

    def look() -> None:
        found = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, StationPasswordDialog) and w.isVisible() and w not in answered
        ]
        if found:
            dialog = found[0]
            answered.append(dialog)
            seen.append(
                {
                    "title": dialog.windowTitle(),
                    "login": dialog.login.text(),
                    "server": dialog.server.text(),
                    "refused": None if dialog.refused.isHidden() else dialog.refused.text(),
                }
            )
            steps[len(seen) - 1](dialog)
        if len(seen) < len(steps):
            QTimer.singleShot(20, look)

    QTimer.singleShot(20, look)
    return seen


def _type(password: str) -> Callable[[StationPasswordDialog], None]:
    def step(dialog: StationPasswordDialog) -> None:
        if SHOTS:
            dialog.grab().save(str(Path(SHOTS) / f"station-password-{len(password)}.png"))
        dialog.password.setText(password)
        dialog.save_button.click()

    return step


def test_a_missing_password_is_asked_for_kept_and_the_station_opened(
    qtbot: QtBot,
    postgres_cluster: Cluster,
    postgres_url: URL,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert postgres_url.database is not None
    port, dbname = postgres_cluster.port, postgres_url.database
    paths = _home(tmp_path, monkeypatch, port, dbname)
    vault = MemoryVault()
    seen = _answer([_type(postgres_cluster.password)])

    store = open_home_asking(paths, vault)

    assert store is not None
    try:
        assert store.path is None  # the station's server
    finally:
        store.close()
    assert seen == [
        {
            "title": "Kata sandi stasiun",
            "login": ROLE,
            "server": f"127.0.0.1:{port}/{dbname}",
            "refused": None,
        }
    ]
    assert vault.get(_password_name(port, dbname)) == postgres_cluster.password


def test_a_refused_password_is_said_and_asked_again_and_cancel_ends_calmly(
    qtbot: QtBot,
    postgres_cluster: Cluster,
    postgres_url: URL,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert postgres_url.database is not None
    port, dbname = postgres_cluster.port, postgres_url.database
    paths = _home(tmp_path, monkeypatch, port, dbname)
    vault = MemoryVault()
    vault.set(_password_name(port, dbname), "lama-salah")

    def cancel(dialog: StationPasswordDialog) -> None:
        dialog.cancel_button.click()

    seen = _answer([_type("masih-salah"), cancel])

    assert open_home_asking(paths, vault) is None

    assert len(seen) == 2
    for shown in seen:
        assert "Stasiun menolak kata sandi itu" in str(shown["refused"])
    assert vault.get(_password_name(port, dbname)) == "masih-salah"


def test_an_unreachable_server_is_not_a_password_question(
    qtbot: QtBot, postgres_url: URL, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = _home(tmp_path, monkeypatch, 1, "aduan_desk")  # nothing listens on port 1
    vault = MemoryVault()
    vault.set(_password_name(1, "aduan_desk"), "rahasia")
    with pytest.raises(UserError) as raised:
        open_home_asking(paths, vault)
    assert raised.value.code == "station_unreachable"
