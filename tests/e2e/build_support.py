"""The checkout's root and the version the station build reads, for the build's tests."""

from __future__ import annotations

from pathlib import Path

from installer.versioning import project_version

ROOT = Path(__file__).resolve().parents[2]
VERSION = project_version()
