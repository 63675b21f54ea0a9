"""The version of the build, read from ``pyproject.toml`` only, and as Windows wants it.

``[project].version`` is the one place the version is written; the bundle's
metadata must say the same, and each Windows executable gets a version
resource made from it. Only the standard library is imported at the top:
``python installer/build.py version`` works before a virtualenv exists.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from installer.layout import DISTRIBUTION, PUBLISHER, ROOT, BuildError

WINDOWS_LANGUAGE = 0x0421  # Indonesian; the version resource's strings are in it
UNICODE_CODEPAGE = 1200


def project_version(root: Path = ROOT) -> str:
    """``[project].version`` of ``pyproject.toml``: the only place the version is written."""
    with (root / "pyproject.toml").open("rb") as file:
        project = tomllib.load(file).get("project", {})
    version = project.get("version")
    if not isinstance(version, str) or not version.strip():
        raise BuildError(f"{root / 'pyproject.toml'} has no [project] version")
    return version.strip()


def windows_version(version: str) -> tuple[int, int, int, int]:
    """The four numbers Windows wants (``0.1.0`` -> 0.1.0.0, ``1.2rc1`` -> 1.2.0.0)."""
    match = re.match(r"(\d+(?:\.\d+)*)", version)
    if match is None:
        raise BuildError(f"version {version!r} does not start with a number")
    numbers = [int(part) for part in match.group(1).split(".")][:4]
    if any(number > 0xFFFF for number in numbers):
        raise BuildError(f"version {version!r}: Windows allows numbers up to 65535 only")
    numbers += [0] * (4 - len(numbers))
    return numbers[0], numbers[1], numbers[2], numbers[3]


def dotted(numbers: Iterable[int]) -> str:
    return ".".join(str(number) for number in numbers)


def check_installed_metadata(version: str) -> None:
    """The bundle copies the installed metadata (``desktop.__version__`` reads it): same version?

    An editable install keeps the version it was installed with; after a bump
    in ``pyproject.toml`` it must be installed again, or the bundle would
    announce the old version.
    """
    from importlib import metadata

    try:
        installed = metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        raise BuildError(
            f"{DISTRIBUTION} is not installed in this Python; run: pip install -e .[build]"
        ) from None
    if installed != version:
        raise BuildError(
            f"the installed {DISTRIBUTION} is {installed} but pyproject.toml says {version}; "
            "run: pip install -e .[build]"
        )


def version_info(version: str, exe_name: str, description: str) -> Any:
    """The Windows version resource (PyInstaller's ``VSVersionInfo``) of one executable."""
    from PyInstaller.utils.win32 import versioninfo as vi  # type: ignore[import-untyped]

    numbers = windows_version(version)
    table = f"{WINDOWS_LANGUAGE:04X}{UNICODE_CODEPAGE:04X}"
    strings = [
        ("CompanyName", PUBLISHER),
        ("FileDescription", description),
        ("FileVersion", version),
        ("InternalName", exe_name),
        ("OriginalFilename", f"{exe_name}.exe"),
        ("ProductName", "Aduan Desk"),
        ("ProductVersion", version),
    ]
    return vi.VSVersionInfo(
        ffi=vi.FixedFileInfo(
            filevers=numbers,
            prodvers=numbers,
            mask=0x3F,
            flags=0x0,
            OS=0x40004,  # VOS_NT_WINDOWS32
            fileType=0x1,  # VFT_APP
            subtype=0x0,
            date=(0, 0),
        ),
        kids=[
            vi.StringFileInfo(
                [vi.StringTable(table, [vi.StringStruct(key, value) for key, value in strings])]
            ),
            vi.VarFileInfo([vi.VarStruct("Translation", [WINDOWS_LANGUAGE, UNICODE_CODEPAGE])]),
        ],
    )
