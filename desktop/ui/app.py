"""Starting the window: the application, translators before any widget, theme, crash handler.

``run_window`` is what ``aduan-desk`` and ``aduan-desk demo`` call with an open
store. ``screenshot`` renders the loaded window to a PNG and returns instead
of running the event loop (the demo's ``--screenshot``, and the README's
picture).
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QElapsedTimer,
    QEventLoop,
    QMessageLogContext,
    Qt,
    QTimer,
    QtMsgType,
    QUrl,
    qInstallMessageHandler,
)
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication, QMainWindow, QPushButton

from desktop import __version__
from desktop.core.clock import ServerClock
from desktop.core.connect.apps import load_apps
from desktop.core.credentials import Vault
from desktop.core.desk import Desk
from desktop.core.logs import mark_crash_reports_seen, unseen_crash_reports
from desktop.core.paths import Paths
from desktop.core.startup import network_settings
from desktop.core.store.database import Store
from desktop.ui.context import WindowContext
from desktop.ui.crash import CrashHandler
from desktop.ui.i18n import Translators
from desktop.ui.preferences import Language, Preferences, PreferenceStore, ThemeChoice
from desktop.ui.tasks import TaskRunner
from desktop.ui.theme import ThemeManager
from desktop.ui.window_state import WindowStateStore

if TYPE_CHECKING:
    from desktop.core.station.session import StationSession
    from desktop.ui.main_window import MainWindow
    from desktop.ui.station_feed import StationLink

SCREENSHOT_TIMEOUT_MS = 30_000
EARLIER_CRASH_MS = 60_000
SWITCH_INTERVAL_S = 0.001  # the interpreter changes hands after this long (Python: 5 ms)
FULL_COLLECTION_EVERY = 100  # younger collections between two full ones (Python: 10)


def create_application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication (reused when one exists, as in tests)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QCoreApplication.setOrganizationName("Aduan Desk")
    QCoreApplication.setApplicationName("Aduan Desk")
    QCoreApplication.setApplicationVersion(__version__)
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setDesktopFileName("aduan-desk")
    return app


def build_context(
    app: QApplication,
    desk: Desk,
    *,
    language: Language | None = None,
    theme: ThemeChoice | None = None,
    clock: ServerClock | None = None,
) -> WindowContext:
    """Everything the window needs; translators and theme are in place when this returns.

    Runs before the window exists: its two small reads (the unit's settings and the
    clock's skew) are part of opening the store, like the migrations before them."""
    paths = desk.paths
    preferences = PreferenceStore(paths.home)
    chosen = preferences.load()
    if language is not None and language is not chosen.language:
        chosen = chosen.with_changes(language=language)
        preferences.save(chosen)
    if theme is not None and theme is not chosen.theme:
        chosen = chosen.with_changes(theme=theme)
        preferences.save(chosen)
    translators, themes = apply_preferences(app, chosen)
    proxy, ca_bundle = network_settings(desk.store)
    return WindowContext(
        desk=desk,
        tasks=TaskRunner(app),
        unit=desk.unit.settings(),
        preferences=preferences,
        window_state=WindowStateStore(paths.home),
        translators=translators,
        theme=themes,
        clock=clock if clock is not None else ServerClock(desk.unit.clock_skew()),
        apps=load_apps(desk.store),
        proxy=proxy,
        ca_bundle=ca_bundle,
    )


def apply_preferences(app: QApplication, chosen: Preferences) -> tuple[Translators, ThemeManager]:
    """The officer's language and theme, in place before any widget exists: the window's
    and the station password's dialog, which comes before the window."""
    translators = Translators(app)
    translators.install(chosen.language)
    themes = ThemeManager(app)
    themes.apply(chosen.theme)
    return translators, themes


def run_window(
    store: Store,
    paths: Paths,
    vault: Vault,
    *,
    language: Language | None = None,
    theme: ThemeChoice | None = None,
    screenshot: Path | None = None,
    sync: bool = True,
) -> int:
    """Open the officer's window on ``store`` (syncing its accounts); return the exit code."""
    if screenshot is not None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = create_application()
    if QGuiApplication.platformName() == "offscreen":
        qInstallMessageHandler(_without_offscreen_noise)
    crash = CrashHandler(paths.logs)
    crash.install()
    # Countdowns by the platforms' clock: a station PC's own may be hours off.
    session = open_station_session(store, paths, vault) if store.path is None else None
    desk = session.desk if session is not None else Desk(store, vault, paths)
    context = build_context(app, desk, language=language, theme=theme)
    from desktop.ui.main_window import MainWindow  # widgets only after the translators
    from desktop.ui.sync_controller import SyncController

    window = MainWindow(context)
    share_the_interpreter()
    mention_earlier_crashes(window, paths.logs)
    station = store.path is None  # the station's worker syncs; its feed brings the changes
    controller = (
        SyncController(desk, vault, context.tasks, context.clock, window)
        if sync and not station
        else None
    )
    if controller is not None:
        window.attach_sync(controller)
        controller.start()
    link = attach_station_session(window, session) if session is not None else None
    try:
        if screenshot is not None:
            return save_screenshot(window, screenshot)
        window.show()
        return app.exec()
    finally:
        if controller is not None:
            controller.stop()
        if link is not None:
            link.session.stop()
        context.tasks.shutdown()
        crash.close()  # its files are closed: a throwaway home (the demo's) can be deleted


def open_station_session(store: Store, paths: Paths, vault: Vault) -> StationSession:
    """Station mode: the window works on this desktop's replica, fed from ``store``."""
    from desktop.core.station.session import open_session

    # Nothing is read from the station yet: the window opens on the replica as it is,
    # and the session's thread brings it up to date (fills it, the first time).
    return open_session(store, paths.home, vault)


def attach_station_session(window: MainWindow, session: StationSession) -> StationLink:
    """The session's changes reach ``window``, its link and conflicts its banner."""
    from desktop.ui.station_feed import StationLink

    link = StationLink(session, window)
    session.start()
    return link


def share_the_interpreter() -> None:
    """Keep the window answering while the database and network threads run Python.

    - What start-up built (modules, the ORM, Qt's wrappers: most of the heap) stays
      out of Python's full garbage collections: each one otherwise walks all of it, a
      pause of 75 ms measured with a million complaints.
    - Full collections come ten times rarer: one ran every few thousand stored items
      of a sync, on the thread storing them, and held the interpreter (and so the
      window) 10-27 ms each. Young garbage cycles are still collected at once.
    - The interpreter changes hands after a millisecond, not Python's five, when another
      thread waits for it. The window lets go of it hundreds of times a repaint (PySide6
      does, each time it frees a Qt object made for Python); each time the database
      thread takes it then, the window waits up to the switch interval to get it back.
      Paging while 8,000 changed complaints were placed at 800k read: longest frames of
      22-57 ms at 5 ms, 17-32 ms at 1 ms, the placement as fast (``bench/bench_ui.py``).
    """
    gc.collect()
    gc.freeze()
    young, middle, full = gc.get_threshold()
    gc.set_threshold(young, middle, max(full, FULL_COLLECTION_EVERY))
    sys.setswitchinterval(SWITCH_INTERVAL_S)


def mention_earlier_crashes(window: QMainWindow, logs: Path) -> QPushButton | None:
    """A crash report from an earlier session: one calm line, and a button to its folder."""
    reports = unseen_crash_reports(logs)
    if not reports:
        return None
    text = QCoreApplication.translate(
        "CrashDialog", "The last session met an unexpected problem; its report: %1"
    ).replace("%1", str(reports[-1]))
    window.statusBar().showMessage(text, EARLIER_CRASH_MS)
    mark_crash_reports_seen(logs)
    button = QPushButton(QCoreApplication.translate("CrashDialog", "Open the report folder"))
    button.setFlat(True)
    button.setAccessibleName(button.text())

    def open_folder() -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(logs)))
        window.statusBar().removeWidget(button)
        button.deleteLater()

    button.clicked.connect(open_folder)
    window.statusBar().addPermanentWidget(button)
    QTimer.singleShot(EARLIER_CRASH_MS, button, button.hide)  # gone with the button
    return button


def _without_offscreen_noise(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """The offscreen platform warns about window hints it cannot honour; nothing to act on."""
    if "propagateSizeHints" not in message:
        print(message, file=sys.stderr)


def wait_until_painted(window: object, timeout_ms: int = SCREENSHOT_TIMEOUT_MS) -> bool:
    """Process events until the queue, the counts and the first complaint are shown."""
    from desktop.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    timer = QElapsedTimer()
    timer.start()
    selected = False
    loop = QEventLoop()
    while timer.elapsed() < timeout_ms:
        model = window.queue_model
        if model.rowCount() and not selected:
            selected = window.queue_view.select_complaint(model.complaint_id(0))
        rows_ready = model.rowCount() > 0 and model.cached_row(0) is not None
        counts_ready = window.summary.text() != ""
        pane_ready = window.pane.data is not None or model.rowCount() == 0
        if rows_ready and counts_ready and pane_ready and not window.context.tasks.busy:
            return True
        QTimer.singleShot(20, loop.quit)
        loop.exec()
    return False


def save_screenshot(window: object, target: Path) -> int:
    from desktop.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    window.show()
    if not wait_until_painted(window):
        print("aduan-desk: the window did not finish loading in time", file=sys.stderr)
        return 1
    QApplication.processEvents()
    target.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(target), "PNG"):
        print(f"aduan-desk: could not write {target}", file=sys.stderr)
        return 1
    window.close()
    return 0
