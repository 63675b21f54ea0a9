"""Where the station build reads and writes, what its products are called, and its error.

Only the standard library is imported: the version can be printed before a
virtualenv exists (``scripts/version``).
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "build_installer.spec"
NSIS_SCRIPT = ROOT / "installer" / "aduan-desk.nsi"
DIST = ROOT / "dist"
WORK = ROOT / "build"
INPUTS = WORK / "bundle-inputs"  # generated files the spec puts in the bundle
BUNDLE_NAME = "aduan-desk"  # dist/aduan-desk: the one folder both executables share
GUI_NAME = "aduan-desk"
CLI_NAME = "aduan-desk-cli"
DISTRIBUTION = "aduan-desk"  # the name in pyproject.toml, and of the installed metadata
PUBLISHER = "Aduan Desk"
DESCRIPTION = "Aduan Desk - meja aduan Humas"
MIGRATIONS = ROOT / "desktop" / "core" / "store" / "migrations"
ICON_SVG = ROOT / "resources" / "icons" / "aduan-desk.svg"


class BuildError(Exception):
    """Something the person building must fix; the message says what."""
