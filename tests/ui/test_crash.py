"""The crash handler: a redacted log, a calm report, and the application keeps going."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Signal
from pytestqt.qtbot import QtBot

from desktop.core.platforms.redact import register_secret
from desktop.ui.crash import LOG_NAME, CrashHandler


class _Button(QObject):
    clicked = Signal()


def test_report_is_logged_without_secrets(tmp_path: Path) -> None:
    shown: list[str] = []
    handler = CrashHandler(tmp_path / "logs", show_report=lambda text, _log: shown.append(text))
    register_secret("EAAB-very-secret-token-123")
    try:
        raise RuntimeError("GET /me?access_token=EAAB-very-secret-token-123 failed")
    except RuntimeError as exc:
        handler.handle(type(exc), exc, exc.__traceback__)
    log = (tmp_path / "logs" / LOG_NAME).read_text(encoding="utf-8")
    assert "RuntimeError" in log
    assert "EAAB-very-secret-token-123" not in log
    assert len(shown) == 1
    assert "EAAB-very-secret-token-123" not in shown[0]


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_is_reported_and_the_app_goes_on(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    handler = CrashHandler(tmp_path / "logs", show_report=lambda text, _log: shown.append(text))
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
    assert calls.count("broken") == 2
    assert handler.reported == 2
    assert "a bug in a slot" in shown[0]
