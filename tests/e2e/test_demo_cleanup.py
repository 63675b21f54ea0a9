"""The demo leaves nothing open in its throwaway home, so Windows can delete it.

Windows refuses to delete a file that is still open; Linux does not, so here
the open files themselves are looked for. Under Wine, scripts/wine-check runs
the frozen ``demo --screenshot`` and requires exit code 0.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

from desktop.core.logs import configure_logging
from desktop.demo import demo_home

ROOT = Path(__file__).resolve().parents[2]


def _log_files() -> list[Path]:
    handlers = logging.getLogger().handlers + logging.getLogger("desktop").handlers
    return [Path(h.baseFilename) for h in handlers if isinstance(h, logging.FileHandler)]


def test_the_demo_home_closes_its_log_files_before_it_is_deleted() -> None:
    with demo_home(count=10) as demo:
        folder = demo.paths.home
        configure_logging(demo.paths.logs)
        assert any(path.is_relative_to(folder) for path in _log_files())
    assert not folder.exists()
    assert not any(path.is_relative_to(folder) for path in _log_files())


# In a process of its own: the window's translators and locale stay out of later tests.
WINDOW_RUN = """
import faulthandler, logging, sys
from pathlib import Path
from desktop.demo import demo_home
from desktop.ui.app import run_window

def log_files():
    handlers = logging.getLogger().handlers + logging.getLogger("desktop").handlers
    return [Path(h.baseFilename) for h in handlers if isinstance(h, logging.FileHandler)]

with demo_home(count=10) as demo:
    folder = demo.paths.home
    code = run_window(demo.store, demo.paths, demo.vault, screenshot=Path(sys.argv[1]), sync=False)
    assert code == 0, code
    assert not any(p.is_relative_to(folder) for p in log_files()), log_files()
    assert not faulthandler.is_enabled(), "faults.log is still open"
assert not folder.exists(), folder
print("closed")
"""


def test_the_window_closes_its_log_and_fault_files_when_it_ends(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", WINDOW_RUN, str(tmp_path / "shot.png")],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith("closed")
