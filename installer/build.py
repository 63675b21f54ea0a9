"""Build Aduan Desk for the stations: the one-folder bundle, then the installer.

    python installer/build.py                 bundle (PyInstaller), then on Windows the
                                              installer (NSIS): dist/AduanDesk-Setup-X.Y.Z.exe
    python installer/build.py bundle          only the one-folder bundle, dist/aduan-desk
    python installer/build.py installer [--dist DIR] [--outdir DIR] [--define NAME=VALUE]...
                                              only the installer, from a bundle already built
    python installer/build.py version [--windows]
                                              the version from pyproject.toml (X.Y.Z, or four
                                              numbers for Windows version resources)

Run it with the project's virtualenv Python after ``pip install -e .[build]``.
The steps are the ``installer`` package's (``bundle``, ``nsis``, ``versioning``);
``build_installer.spec`` imports the same package for its helpers, so the
version is read from ``pyproject.toml`` in one place only. Only the standard
library is imported at the top: ``version`` works before a virtualenv exists
(``scripts/version``).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

if __name__ == "__main__" and not __package__:
    # Run as a script: import the installer package from the checkout, not from installer/.
    sys.path[0] = str(Path(__file__).resolve().parent.parent)

from installer.bundle import build_bundle
from installer.layout import BUNDLE_NAME, DIST, BuildError
from installer.nsis import build_installer
from installer.versioning import dotted, project_version, windows_version


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="build.py", description="Build the Aduan Desk bundle and installer."
    )
    sub = parser.add_subparsers(dest="step", metavar="STEP")
    sub.add_parser("all", help="bundle, then on Windows the installer (default)")
    sub.add_parser("bundle", help="only the one-folder bundle (PyInstaller)")
    p = sub.add_parser("installer", help="only the installer (NSIS), from a built bundle")
    p.add_argument("--dist", type=Path, default=DIST / BUNDLE_NAME, help="the bundle folder")
    p.add_argument("--outdir", type=Path, default=DIST, help="where the Setup .exe goes")
    p.add_argument(
        "--version",
        help="the installer's version (default: pyproject.toml's; upgrade tests build N+1)",
    )
    p.add_argument(
        "--define",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="extra makensis define",
    )
    p = sub.add_parser("version", help="print the version from pyproject.toml")
    p.add_argument("--windows", action="store_true", help="four numbers (version resources)")
    args = parser.parse_args(argv)
    step = args.step or "all"
    try:
        if step == "version":
            version = project_version()
            print(dotted(windows_version(version)) if args.windows else version)
        elif step == "bundle":
            build_bundle()
        elif step == "installer":
            build_installer(
                args.dist.resolve(),
                args.outdir.resolve(),
                version=args.version,
                defines=args.define,
            )
        else:
            bundle = build_bundle()
            if sys.platform == "win32":
                build_installer(bundle, DIST)
            else:
                print(
                    "build: the installer is built on Windows only "
                    "(the installer step compiles the script over any bundle)",
                    file=sys.stderr,
                )
    except BuildError as exc:
        print(f"build: {exc}", file=sys.stderr)
        return 1
    except subprocess.CalledProcessError as exc:
        program = Path(str(exc.cmd[0])).name
        print(f"build: {program} failed (exit {exc.returncode})", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
