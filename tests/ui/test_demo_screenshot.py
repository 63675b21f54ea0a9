"""``aduan-desk demo --screenshot``: a real process renders the loaded window to a PNG."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]


def _spread(image: QImage) -> float:
    """How much the pixels differ from each other (0 for a blank picture)."""
    values = [
        image.pixelColor(x, y).lightness()
        for x in range(0, image.width(), 7)
        for y in range(0, image.height(), 7)
    ]
    mean = sum(values) / len(values)
    return (sum((v - mean) ** 2 for v in values) / len(values)) ** 0.5


def test_demo_screenshot_is_a_real_picture(tmp_path: Path) -> None:
    untouched = tmp_path / "untouched-home"
    target = tmp_path / "shot.png"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "ADUAN_DESK_HOME": str(untouched)}
    env["QT_QPA_PLATFORM"] = "offscreen"
    result = subprocess.run(
        [sys.executable, "-m", "desktop.cli", "demo", "--count", "60", "--screenshot", str(target)],
        capture_output=True,
        text=True,
        timeout=180,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    image = QImage(str(target))
    assert (image.width(), image.height()) == (1440, 900)
    assert _spread(image) > 20
    assert not untouched.exists()
