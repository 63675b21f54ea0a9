"""Where the files under ``resources/`` and ``translations/`` are found.

From a source checkout they sit beside the package; in the frozen build
PyInstaller unpacks them under ``sys._MEIPASS``.
"""

from __future__ import annotations

import sys
from pathlib import Path


def root() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def resources() -> Path:
    return root() / "resources"


def translations() -> Path:
    return root() / "translations"
