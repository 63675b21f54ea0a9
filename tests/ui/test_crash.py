"""The crash handler: a report without secrets, a calm dialog, and the application goes on."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QObject, Signal
from pytestqt.qtbot import QtBot

from desktop.core.platforms.redact import register_secret
from desktop.ui.crash import CrashHandler


class _Button(QObject):
    clicked = Signal()


def test_report_is_written_without_secrets(qapp: QCoreApplication, tmp_path: Path) -> None:
    shown: list[tuple[str, Path]] = []
    handler = CrashHandler(tmp_path / "logs", show_report=lambda t, p: shown.append((t, p)))
    register_secret("EAAB-very-secret-token-123")
    try:
        raise RuntimeError("GET /me?access_token=EAAB-very-secret-token-123 failed")
    except RuntimeError as exc:
        handler.handle(type(exc), exc, exc.__traceback__)
    handler.close()
    (report,) = handler.reports
    text = report.read_text(encoding="utf-8")
    assert report.parent == tmp_path / "logs"
    assert "RuntimeError" in text
    assert "EAAB-very-secret-token-123" not in text
    assert shown == [(text, report)]


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_is_reported_and_the_app_goes_on(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    handler = CrashHandler(tmp_path / "logs", show_report=lambda text, _p: shown.append(text))
    monkeypatch.setattr("sys.excepthook", handler.handle)
    button = _Button()
    calls: list[str] = []

    def broken() -> None:
        calls.append("broken")
        raise ValueError("a bug in a slot")

    button.clicked.connect(broken)
    button.clicked.connect(lambda: calls.append("after"))
    button.clicked.emit()
    button.clicked.emit()
    handler.close()
    assert calls.count("broken") == 2
    assert len(handler.reports) == 2  # both written down
    assert len(shown) == 1  # the repeat was not shown again
    assert "a bug in a slot" in shown[0]
