"""The window's start in station mode asks for a missing or refused station password
in a dialog, keeps it where ``station password`` does, and tries again. The dialog
comes before the window and looks like it: the officer's language and theme, and a
refusal said in the message line the app's other dialogs use."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import URL

from desktop.core.credentials import MemoryVault
from desktop.core.errors import UserError
from desktop.core.paths import Paths
from desktop.core.profile import StationSettings
from desktop.core.startup import PROFILE_ENV
from desktop.core.store import station
from desktop.ui import theme
from desktop.ui.pane.message_line import MessageLine
from desktop.ui.preferences import Language, Preferences, PreferenceStore, ThemeChoice
from desktop.ui.station_password import StationPasswordDialog, open_home_asking
from tests.postgres_support import ROLE, Cluster
from tests.station.window_support import station_window

pytestmark = [
    pytest.mark.postgresql,
    pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise"),
]
SHOTS = os.environ.get("ADUAN_SHOTS")
WINDOW = QPalette.ColorRole.Window


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


@dataclass(frozen=True, slots=True)
class StationHome:
    """A desktop's home whose profile names the test's station; no password kept yet."""

    paths: Paths
    vault: MemoryVault
    port: int
    dbname: str
    password: str  # the one the station takes

    @property
    def password_name(self) -> str:
        return _password_name(self.port, self.dbname)

    def prefer(self, **changes: object) -> None:
        """The officer's saved preferences (as the settings dialog saves them)."""
        PreferenceStore(self.paths.home).save(Preferences().with_changes(**changes))


@pytest.fixture
def home(
    postgres_cluster: Cluster, postgres_url: URL, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> StationHome:
    assert postgres_url.database is not None
    port, dbname = postgres_cluster.port, postgres_url.database
    paths = _home(tmp_path, monkeypatch, port, dbname)
    return StationHome(paths, MemoryVault(), port, dbname, postgres_cluster.password)


@pytest.fixture(autouse=True)
def application_put_back(qapp: QApplication) -> Iterator[None]:
    """The dialog leaves the theme it wore for the window: the next test gets the old."""
    palette, sheet = qapp.palette(), qapp.styleSheet()
    yield
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)


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
            try:
                seen.append(
                    {
                        "title": dialog.windowTitle(),
                        "login": dialog.login.text(),
                        "server": dialog.server.text(),
                        "refused": dialog.refused.message() or None,
                    }
                )
                steps[len(answered) - 1](dialog)
            except BaseException:
                dialog.reject()  # the test fails on the error instead of waiting forever
                raise
        if len(answered) < len(steps):
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


def _cancel(dialog: StationPasswordDialog) -> None:
    dialog.cancel_button.click()


def test_a_missing_password_is_asked_for_kept_and_the_station_opened(
    qtbot: QtBot, home: StationHome
) -> None:
    seen = _answer([_type(home.password)])

    store = open_home_asking(home.paths, home.vault)

    assert store is not None
    try:
        assert store.path is None  # the station's server
    finally:
        store.close()
    assert seen == [
        {
            "title": "Kata sandi stasiun",
            "login": ROLE,
            "server": f"127.0.0.1:{home.port}/{home.dbname}",
            "refused": None,
        }
    ]
    assert home.vault.get(home.password_name) == home.password


def test_a_refused_password_is_said_and_asked_again_and_cancel_ends_calmly(
    qtbot: QtBot, home: StationHome
) -> None:
    home.vault.set(home.password_name, "lama-salah")
    seen = _answer([_type("masih-salah"), _cancel])

    assert open_home_asking(home.paths, home.vault) is None

    assert len(seen) == 2
    for shown in seen:
        assert "Stasiun menolak kata sandi itu" in str(shown["refused"])
    assert home.vault.get(home.password_name) == "masih-salah"


@pytest.mark.parametrize(
    ("choice", "language", "title", "refusal"),
    [
        (ThemeChoice.LIGHT, Language.INDONESIAN, "Kata sandi stasiun", "Stasiun menolak"),
        (ThemeChoice.DARK, Language.ENGLISH, "Station password", "The station refused"),
    ],
)
def test_the_dialog_wears_the_officers_theme_and_says_a_refusal_as_the_app_does(
    qtbot: QtBot,
    qapp: QApplication,
    home: StationHome,
    choice: ThemeChoice,
    language: Language,
    title: str,
    refusal: str,
) -> None:
    home.prefer(theme=choice, language=language)
    home.vault.set(home.password_name, "lama-salah")
    shown: dict[str, object] = {}

    def look_then_cancel(dialog: StationPasswordDialog) -> None:
        if SHOTS:
            dialog.grab().save(str(Path(SHOTS) / f"station-password-{choice.value}.png"))
        line = dialog.refused
        shown.update(
            palette=qapp.palette().color(WINDOW).name(),
            sheet=qapp.styleSheet(),
            dialog=dialog.palette().color(WINDOW).name(),
            message_line=isinstance(line, MessageLine) and line.isVisible(),
            line_sheet=line.styleSheet(),
        )
        dialog.cancel_button.click()

    seen = _answer([look_then_cancel])
    assert open_home_asking(home.paths, home.vault) is None

    colours = theme.resolve(choice)  # what the window applies for the same choice
    assert shown["palette"] == theme.palette(colours).color(WINDOW).name() == colours.window
    assert shown["sheet"] == theme.stylesheet(colours)
    assert shown["dialog"] == colours.window
    assert shown["message_line"] is True
    assert f"background: {colours.message[0]}" in str(shown["line_sheet"])
    assert seen[0]["title"] == title
    assert str(seen[0]["refused"]).startswith(refusal)


def test_after_the_dialog_only_the_windows_theme_follows_the_system(
    qtbot: QtBot, qapp: QApplication, home: StationHome, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Saved "Otomatis": the dialog's theme must not linger and re-apply it over the
    officer's later choice in the window when the system's scheme changes."""
    system_dark = False
    monkeypatch.setattr(theme, "system_is_dark", lambda: system_dark)
    _answer([_type(home.password)])
    store = open_home_asking(home.paths, home.vault)
    assert store is not None
    try:
        assert qapp.palette().color(WINDOW).name() == theme.LIGHT.window  # the dialog's
        with station_window(qtbot, store, home.paths.home) as attached:
            attached.window.context.theme.apply(ThemeChoice.LIGHT)  # chosen in Pengaturan
            system_dark = True
            QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
            assert qapp.palette().color(WINDOW).name() == theme.LIGHT.window
    finally:
        store.close()


def test_an_unreachable_server_is_not_a_password_question(
    qtbot: QtBot, postgres_url: URL, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = _home(tmp_path, monkeypatch, 1, "aduan_desk")  # nothing listens on port 1
    vault = MemoryVault()
    vault.set(_password_name(1, "aduan_desk"), "rahasia")
    with pytest.raises(UserError) as raised:
        open_home_asking(paths, vault)
    assert raised.value.code == "station_unreachable"
