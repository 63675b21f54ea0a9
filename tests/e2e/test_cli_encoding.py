"""Output that a Windows station can write: UTF-8 to files and pipes, whatever the locale says.

Windows Python writes to a file or a pipe in the ANSI code page; here the same
is forced with ``PYTHONIOENCODING=cp1252`` (what a frozen Windows program gets
with no say), and the complaints hold emoji that cp1252 cannot encode. The
Windows build itself is checked the same way under Wine (scripts/wine-check).
"""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.core.credentials import KeyringVault

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.keyring


def _cli(
    home: Path, *args: str, encoding: str, **kwargs: object
) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": encoding}
    env.pop("ADUAN_DESK_HOME", None)
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "desktop.cli", "--home", str(home), "--lang", "en", *args],
        env=env,
        timeout=120,
        **kwargs,
    )


@pytest.fixture
def home_with_emoji(tmp_path: Path, keyring_vault: KeyringVault) -> Iterator[Path]:
    home = tmp_path / "home"
    done = _cli(home, "sample", "--count", "80", encoding="utf-8", capture_output=True)
    assert done.returncode == 0, done.stderr
    yield home
    id_file = home / "aduan-desk.db.id"
    if id_file.exists():
        keyring_vault.delete(f"database-key/{id_file.read_text().strip()}")


def _not_cp1252(text: str) -> set[str]:
    return {c for c in text if c.encode("cp1252", errors="ignore") == b""}


def test_json_to_a_pipe_is_utf8_with_every_character(home_with_emoji: Path) -> None:
    done = _cli(
        home_with_emoji, "--json", "queue", "--limit", "80", encoding="cp1252", capture_output=True
    )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    data = json.loads(done.stdout.decode("utf-8"))
    texts = json.dumps(data, ensure_ascii=False)
    assert _not_cp1252(texts), "the sample should hold characters cp1252 lacks"


def test_text_to_a_file_is_utf8(home_with_emoji: Path, tmp_path: Path) -> None:
    target = tmp_path / "queue.txt"
    with target.open("wb") as out:
        done = _cli(
            home_with_emoji,
            "queue",
            "--limit",
            "80",
            encoding="cp1252",
            stdout=out,
            stderr=subprocess.PIPE,
        )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    text = target.read_bytes().decode("utf-8")  # cp1252 would have written "…" as b"\x85"
    assert any(ord(c) > 127 for c in text)


def test_text_to_a_console_that_cannot_show_emoji_replaces_them(home_with_emoji: Path) -> None:
    main, side = pty.openpty()
    try:
        done = _cli(
            home_with_emoji,
            "queue",
            "--limit",
            "80",
            encoding="ascii",
            stdout=side,
            stderr=subprocess.PIPE,
        )
        os.close(side)
        shown = b""
        while True:
            try:
                chunk = os.read(main, 65536)
            except OSError:
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(main)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert b"?" in shown
    assert all(byte < 128 for byte in shown)
