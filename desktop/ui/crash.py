"""When something breaks: a report file, a calm dialog, and the window keeps running.

An exception in a slot or a paint reaches ``sys.excepthook``. The handler
writes a crash report (``logs/crash-<time>.txt``, secrets masked, through
``desktop.core.logs``), tells the officer in a calm dialog, and returns: the
application goes on, and what the officer typed is still in the composer and
in its saved draft. ``faulthandler`` writes a hard crash to ``logs/faults.log``.
"""

from __future__ import annotations

import faulthandler
import logging
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import IO

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop.core.logs import FAULTS_NAME, LOG_NAME, configure_logging, write_crash_report
from desktop.core.platforms.redact import redact

log = logging.getLogger("desktop")
QUIET_SECONDS = 30.0  # after a dialog, repeats within this time only go to the report files

ShowReport = Callable[[str, Path], None]  # (details, report file)


class CrashHandler:
    """The application's ``sys.excepthook`` (and ``threading.excepthook``)."""

    def __init__(self, logs: Path, show_report: ShowReport | None = None) -> None:
        self.logs = logs
        self.log_path = configure_logging(logs)
        self._show_report = show_report or show_report_dialog
        self._showing = False
        self._last_shown = -QUIET_SECONDS
        self._faults: IO[str] | None = None
        self.reports: list[Path] = []

    def install(self) -> None:
        sys.excepthook = self.handle
        threading.excepthook = self._handle_thread
        self._faults = (self.logs / FAULTS_NAME).open("a", encoding="utf-8")
        faulthandler.enable(file=self._faults, all_threads=True)

    def close(self) -> None:
        """Stop writing to this folder's files (tests; the app keeps them to the end)."""
        for handler in list(log.handlers):
            if getattr(handler, "baseFilename", None) == str(self.logs / LOG_NAME):
                log.removeHandler(handler)
                handler.close()
        if self._faults is not None:
            faulthandler.disable()
            self._faults.close()
            self._faults = None

    def handle(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            QCoreApplication.quit()
            return
        report = write_crash_report(self.logs, exc.with_traceback(tb))
        self.reports.append(report)
        if self._showing or QApplication.instance() is None:
            return  # one dialog at a time
        if time.monotonic() - self._last_shown < QUIET_SECONDS:
            return  # a bug that repeats (in a paint, say) is written down, not shown again
        self._showing = True
        self._last_shown = time.monotonic()
        try:
            self._show_report(report.read_text(encoding="utf-8"), report)
        finally:
            self._showing = False

    def _handle_thread(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            write_crash_report(self.logs, args.exc_value)


def show_report_dialog(details: str, report: Path, parent: QWidget | None = None) -> None:
    """Tell the officer, calmly, and carry on when they press Continue."""
    box = QMessageBox(parent or QApplication.activeWindow())
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("CrashDialog", "Something went wrong"))
    box.setText(
        QCoreApplication.translate(
            "CrashDialog",
            "Aduan Desk met an unexpected problem and kept running. "
            "What you typed is kept as a draft.",
        )
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "CrashDialog", "If it happens again, give this file to your IT staff:\n%1"
        ).replace("%1", str(report))
    )
    box.setDetailedText(redact(details))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    ok = box.button(QMessageBox.StandardButton.Ok)
    ok.setText(QCoreApplication.translate("CrashDialog", "Continue"))
    box.exec()
