"""installer/build.py for the tests: the spec's helpers, loaded by path (not a package)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]


def load_build_helpers() -> ModuleType:
    """installer/build.py, the spec's helpers (not a package: loaded by path)."""
    spec = importlib.util.spec_from_file_location("aduan_desk_build", ROOT / "installer/build.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)
    spec.loader.exec_module(module)
    return module


build = load_build_helpers()
VERSION = build.project_version()
