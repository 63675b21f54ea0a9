"""A window over an empty desk (no account yet), as on a unit's first start."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import requests
from pytestqt.qtbot import QtBot

from desktop.core.clock import ServerClock
from desktop.core.connect.apps import AppSettings, Provider, save_apps
from desktop.core.credentials import MemoryVault, Vault
from desktop.core.desk import Desk
from desktop.core.model import Channel
from desktop.core.paths import Paths
from desktop.core.profile import load_profile
from desktop.core.startup import apply_profile
from desktop.core.store.database import Store
from desktop.simulator import Simulator, signin
from desktop.ui.main_window import MainWindow
from desktop.ui.preferences import Language
from tests.support import NOW
from tests.ui.conftest import look_kept, retire

PROFILE = """\
[unit]
name = "Polres Contoh"
zone = "WIB"

[[account]]
platform = "x"
name = "humaspolrescontoh"

[[account]]
platform = "telegram"
name = "aduanpolrescontoh_bot"
"""

MakeWindow = Callable[..., MainWindow]


def simulator_apps(sim: Simulator) -> dict[Provider, AppSettings]:
    """The app settings a unit profile would carry, pointed at the simulator (and its
    Telegram Bot API, which a profile never needs to name)."""
    apps = signin.apps(sim)
    apps[Provider.TELEGRAM] = AppSettings(
        Provider.TELEGRAM, client_id="", api_base=sim.api_base(Channel.TELEGRAM)
    )
    return apps


class HttpBrowser:
    """The officer's browser, played by an HTTP client: it opens the sign-in page, which
    approves at once (or refuses) and redirects to the window's loopback listener."""

    def __init__(self, *, follow: bool = True) -> None:
        self.follow = follow  # False: the browser is opened and never comes back
        self.opened: list[str] = []
        self.landed: list[int] = []  # the loopback page's status, per visit
        self._threads: list[threading.Thread] = []

    def __call__(self, url: str) -> bool:
        self.opened.append(url)
        if self.follow:
            thread = threading.Thread(target=self._visit, args=(url,), daemon=True)
            thread.start()
            self._threads.append(thread)
        return True

    def _visit(self, url: str) -> None:
        with requests.Session() as session:
            answer = session.get(url, timeout=15)
        self.landed.append(answer.status_code)

    def join(self) -> None:
        for thread in self._threads:
            thread.join(timeout=15)


@pytest.fixture
def sim() -> Iterator[Simulator]:
    with Simulator(count=30, seed=5, now=NOW) as running:
        yield running


def apply_unit_profile(store: Store, folder: Path, text: str = PROFILE) -> None:
    """Apply a unit profile the way start-up does: its accounts arrive without tokens."""
    source = folder / "unit-profile.toml"
    source.write_text(text, encoding="utf-8")
    apply_profile(store, Paths(folder), load_profile(source), source)


@pytest.fixture
def make_empty_window(
    qtbot: QtBot, store: Store, tmp_path: Path, clock: ServerClock
) -> Iterator[Callable[..., MainWindow]]:
    """Build the officer's window on ``store`` (empty unless the test fills it)."""
    from desktop.ui.app import build_context

    built: list[MainWindow] = []
    folder = tmp_path / "ui"
    folder.mkdir()

    with look_kept() as app:

        def make(
            language: Language | None = Language.ENGLISH,
            vault: Vault | None = None,
            sim: Simulator | None = None,
            browser: Callable[[str], object] | None = None,
        ) -> MainWindow:
            keys = vault if vault is not None else MemoryVault()
            if sim is not None:  # as a unit profile pointed at the simulator leaves them
                save_apps(store, keys, simulator_apps(sim))
            desk = Desk(store, keys, Paths(folder))
            context = build_context(app, desk, language=language, clock=clock)
            if browser is not None:
                context.open_url = browser
            window = MainWindow(context)
            qtbot.addWidget(window)
            built.append(window)
            return window

        yield make
        retire(*(window.context for window in built))
