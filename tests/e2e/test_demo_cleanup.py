"""The demo leaves nothing open in its throwaway home, so Windows can delete it.

Windows refuses to delete a file that is still open; Linux does not, so here
the open files themselves are looked for. Under Wine, scripts/wine-check runs
the frozen ``demo --screenshot`` and requires exit code 0.
"""

from __future__ import annotations

import faulthandler
import logging
from pathlib import Path

from desktop.core.logs import configure_logging
from desktop.demo import demo_home
from desktop.ui.app import run_window


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


def test_the_window_closes_its_log_and_fault_files_when_it_ends(tmp_path: Path) -> None:
    with demo_home(count=10) as demo:
        folder = demo.paths.home
        code = run_window(
            demo.store, demo.paths, demo.vault, screenshot=tmp_path / "shot.png", sync=False
        )
        assert code == 0
        assert not any(path.is_relative_to(folder) for path in _log_files())
        assert not faulthandler.is_enabled()
    assert not folder.exists()
