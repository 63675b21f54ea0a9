"""The Windows installer: ``installer/aduan-desk.nsi`` compiled by NSIS over a built bundle."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from installer.layout import CLI_NAME, GUI_NAME, INPUTS, NSIS_SCRIPT, ROOT, BuildError
from installer.versioning import dotted, project_version, windows_version


def find_makensis() -> str | None:
    found = shutil.which("makensis")
    if found:
        return found
    for variable in ("ProgramFiles(x86)", "ProgramFiles"):
        base = os.environ.get(variable)
        if base and (Path(base) / "NSIS" / "makensis.exe").is_file():
            return str(Path(base) / "NSIS" / "makensis.exe")
    return None


def installer_name(version: str) -> str:
    return f"AduanDesk-Setup-{version}.exe"


def makensis_command(
    makensis: str,
    bundle: Path,
    outfile: Path,
    version: str,
    *,
    icon: Path | None = None,
    defines: Sequence[str] = (),
) -> list[str]:
    command = [
        makensis,
        "-V2",  # warnings and errors only
        "-WX",  # a warning is an error: the script stays clean
        f"-DVERSION={version}",
        f"-DFILE_VERSION={dotted(windows_version(version))}",
        f"-DDIST={bundle}",
        f"-DOUTFILE={outfile}",
    ]
    if icon is not None and icon.is_file():
        command.append(f"-DICON={icon}")
    command += [f"-D{define}" for define in defines]
    return [*command, str(NSIS_SCRIPT)]


def build_installer(
    bundle: Path, outdir: Path, *, version: str | None = None, defines: Sequence[str] = ()
) -> Path:
    """Compile installer/aduan-desk.nsi over ``bundle`` into ``outdir``; return the .exe."""
    makensis = find_makensis()
    if makensis is None:
        raise BuildError(
            "makensis not found: install NSIS 3 (https://nsis.sourceforge.io; "
            "Debian: apt-get install nsis) or put makensis on PATH"
        )
    for name in (GUI_NAME, CLI_NAME):
        if not (bundle / f"{name}.exe").is_file():
            print(f"build: note: {bundle} has no {name}.exe (a stub?)", file=sys.stderr)
    version = version or project_version()
    outdir.mkdir(parents=True, exist_ok=True)
    outfile = outdir / installer_name(version)
    command = makensis_command(
        makensis, bundle, outfile, version, icon=INPUTS / "aduan-desk.ico", defines=defines
    )
    subprocess.run(command, check=True, cwd=ROOT)
    print(f"installer: {outfile} - {outfile.stat().st_size / 2**20:.1f} MiB", file=sys.stderr)
    return outfile
