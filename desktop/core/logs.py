"""Log files and crash reports in the data folder, secrets masked.

``logs/aduan-desk.log`` rotates (2 MB x 3). A crash writes its own report
file, ``logs/crash-<time>.txt``, which the next start offers to show; a hard
crash (segfault) is written by ``faulthandler`` to ``logs/faults.log``.
"""

from __future__ import annotations

import logging
import logging.handlers
import platform
import sys
import traceback
from datetime import UTC, datetime
from pathlib import Path

import desktop
from desktop.core.platforms.redact import redact

LOG_NAME = "aduan-desk.log"
FAULTS_NAME = "faults.log"
SEEN_MARK = ".reports-seen"


class RedactingFormatter(logging.Formatter):
    """Formats as usual, then masks secrets in the whole text (tracebacks included)."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def configure_logging(logs: Path, *, level: int = logging.INFO) -> Path:
    """Log the app's records at ``level`` and above to a rotating file under ``logs``."""
    logs.mkdir(parents=True, exist_ok=True)
    path = logs / LOG_NAME
    root = logging.getLogger("desktop")
    if not any(getattr(h, "baseFilename", None) == str(path) for h in root.handlers):
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
        handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
        root.setLevel(level)
    return path


def write_crash_report(logs: Path, error: BaseException) -> Path:
    """A file IT can be sent: version, system, the traceback — secrets masked."""
    logs.mkdir(parents=True, exist_ok=True)
    now = datetime.now(UTC)
    path = logs / f"crash-{now:%Y%m%d-%H%M%S-%f}.txt"
    trace = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    path.write_text(
        redact(
            f"Aduan Desk {desktop.__version__}\n"
            f"Python {sys.version.split()[0]} on {platform.platform()}\n"
            f"Time {now.isoformat()}\n\n{trace}"
        ),
        encoding="utf-8",
    )
    logging.getLogger("desktop").error("crash report written to %s", path)
    return path


def unseen_crash_reports(logs: Path) -> list[Path]:
    """Crash reports written since the officer last saw them (newest last)."""
    mark = logs / SEEN_MARK
    since = mark.stat().st_mtime if mark.exists() else 0.0
    return sorted(p for p in logs.glob("crash-*.txt") if p.stat().st_mtime > since)


def mark_crash_reports_seen(logs: Path) -> None:
    logs.mkdir(parents=True, exist_ok=True)
    (logs / SEEN_MARK).touch()
