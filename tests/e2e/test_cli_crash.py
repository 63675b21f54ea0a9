"""A bug in a command: one calm line, a crash report, no secret in it."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from desktop import cli
from desktop.core.logs import mark_crash_reports_seen, unseen_crash_reports
from desktop.core.platforms.redact import register_secret


def test_unexpected_error_writes_a_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = "EAAB-very-secret-token-123456"
    register_secret(secret)

    def broken(args: argparse.Namespace) -> int:
        raise RuntimeError(f"request to https://graph.example/x?access_token={secret} failed")

    monkeypatch.setattr(cli, "cmd_show", broken)
    home = tmp_path / "home"
    assert cli.main(["--home", str(home), "--lang", "en", "show", "1"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "unexpected error" in err
    assert secret not in err
    (report,) = unseen_crash_reports(home / "logs")
    text = report.read_text(encoding="utf-8")
    assert "RuntimeError" in text
    assert "Traceback" in text
    assert secret not in text
    assert secret not in (home / "logs" / "aduan-desk.log").read_text(encoding="utf-8")
    mark_crash_reports_seen(home / "logs")
    assert unseen_crash_reports(home / "logs") == []
