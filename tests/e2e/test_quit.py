"""Quitting never waits on the network, and loses nothing written."""

from __future__ import annotations

import os
import queue
import secrets
import subprocess
import sys
import threading
import time
from pathlib import Path

from desktop.core.store.database import open_with_key
from tests.e2e.black_hole_window import DRAFT

ROOT = Path(__file__).resolve().parents[2]
QUIT_WITHIN_S = 2.0


def test_closing_with_a_black_holed_network_ends_within_two_seconds(tmp_path: Path) -> None:
    key = secrets.token_bytes(32)
    home = tmp_path / "home"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    errors = tmp_path / "stderr.txt"
    lines: queue.SimpleQueue[tuple[str, float]] = queue.SimpleQueue()
    with (
        errors.open("w") as stderr,
        subprocess.Popen(
            [sys.executable, "-m", "tests.e2e.black_hole_window", str(home), key.hex()],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
        ) as child,
    ):

        def read() -> None:
            assert child.stdout is not None
            for line in child.stdout:
                lines.put((line.strip(), time.monotonic()))

        threading.Thread(target=read, daemon=True).start()
        try:
            line, asked = lines.get(timeout=60)
            assert line == "closing"
            child.wait(timeout=60)
            took = time.monotonic() - asked
        finally:
            if child.poll() is None:
                child.kill()
    assert child.returncode == 0, errors.read_text()
    assert took < QUIT_WITHIN_S
    store = open_with_key(home / "aduan-desk.db", key)
    try:
        from desktop.core.credentials import MemoryVault
        from desktop.core.desk import Desk
        from desktop.core.paths import Paths
        from desktop.core.store.queries import QueueFilter

        desk = Desk(store, MemoryVault(), Paths(home))
        (complaint,) = desk.queue.top(QueueFilter(), 1)
        assert desk.complaints.pane(complaint.id).draft == DRAFT  # written before the close
    finally:
        store.close()
