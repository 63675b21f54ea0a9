"""A real station window for the tests: the session on a station store, the main
window built as the app builds it, and the application put back as it was."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop.core.clock import ServerClock
from desktop.core.credentials import MemoryVault
from desktop.core.paths import Paths
from desktop.core.station.session import StationSession
from desktop.core.store.database import Store
from desktop.ui.app import attach_station_session, build_context, open_station_session
from desktop.ui.main_window import MainWindow
from desktop.ui.preferences import Language
from desktop.ui.station_feed import StationLink
from tests.support import NOW
from tests.ui.conftest import look_kept, retire


@contextmanager
def station_window(
    qtbot: QtBot,
    station: Store,
    home: Path,
    *,
    language: Language = Language.INDONESIAN,
    before: Callable[[StationSession], object] = lambda _session: None,
) -> Iterator[StationLink]:
    """The window of a desktop whose home is ``home``, linked to ``station``; ``before``
    runs on its session before the window is built (the replica filled, work journalled).
    The link's ``window`` is built, not shown."""
    with look_kept() as app:
        session = open_station_session(station, Paths(home), MemoryVault())
        before(session)
        context = build_context(
            app, session.desk, language=language, clock=ServerClock(local=lambda: NOW)
        )
        window = MainWindow(context)
        qtbot.addWidget(window)
        link = attach_station_session(window, session)
        try:
            yield link
        finally:
            for dialog in (link.accounts_dialog, link.conflicts_dialog):
                if dialog is not None:
                    dialog.close()
            session.close()
            retire(context)
