"""The one-folder bundle: PyInstaller run over ``build_installer.spec``."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from installer.layout import BUNDLE_NAME, DIST, ROOT, SPEC, WORK, BuildError


def build_bundle(dist: Path = DIST, work: Path = WORK) -> Path:
    """Run PyInstaller on the spec; return the bundle folder."""
    try:
        import PyInstaller  # type: ignore[import-untyped]  # noqa: F401
    except ImportError:
        raise BuildError("PyInstaller is not installed; run: pip install -e .[build]") from None
    started = time.monotonic()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level=WARN",
            f"--distpath={dist}",
            f"--workpath={work / 'pyinstaller'}",
            str(SPEC),
        ],
        check=True,
        cwd=ROOT,
    )
    bundle = dist / BUNDLE_NAME
    size, files = folder_size(bundle)
    print(
        f"bundle: {bundle} - {size / 2**20:.1f} MiB in {files} files, "
        f"built in {time.monotonic() - started:.0f} s",
        file=sys.stderr,
    )
    return bundle


def folder_size(folder: Path) -> tuple[int, int]:
    """(bytes, files) under ``folder``; symbolic links (PyInstaller makes some) count once."""
    sizes = [
        path.lstat().st_size
        for path in folder.rglob("*")
        if path.is_file() and not path.is_symlink()
    ]
    return sum(sizes), len(sizes)
