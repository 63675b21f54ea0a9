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
``build_installer.spec`` loads this file for its helpers, so the version is read
from ``pyproject.toml`` in one place only. Only the standard library is imported
at the top: ``version`` works before a virtualenv exists (``scripts/version``).
"""

from __future__ import annotations

import argparse
import ast
import os
import re
import shutil
import struct
import subprocess
import sys
import time
import tomllib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

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
ICON_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
WINDOWS_LANGUAGE = 0x0421  # Indonesian; the version resource's strings are in it
UNICODE_CODEPAGE = 1200


class BuildError(Exception):
    """Something the person building must fix; the message says what."""


# --- the version ---------------------------------------------------------------


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


# --- inputs the spec puts in the bundle ----------------------------------------


def compile_translations(target: Path, sources: Path = ROOT / "translations") -> list[Path]:
    """Every ``translations/*.ts`` compiled afresh into ``target/*.qm``."""
    from desktop.ui.i18n import compile_translation

    found = sorted(sources.glob("*.ts"))
    if not found:
        raise BuildError(f"no .ts files in {sources}")
    target.mkdir(parents=True, exist_ok=True)
    for stale in target.glob("*.qm"):
        stale.unlink()
    compiled = []
    for source in found:
        qm = target / f"{source.stem}.qm"
        compile_translation(source, qm)
        compiled.append(qm)
    return compiled


def migration_files(folder: Path = MIGRATIONS) -> list[tuple[Path, str]]:
    """(file, folder in the bundle) for every Alembic file the store loads from disk.

    ``desktop/core/store/database.py`` finds them at
    ``Path(__file__).with_name("migrations")``; frozen, ``__file__`` of that
    module is ``<bundle>/_internal/desktop/core/store/database.pyc``, so they go
    to ``desktop/core/store/migrations`` under the bundle's contents folder.
    """
    files = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".mako") and "__pycache__" not in path.parts:
            files.append((path, path.parent.relative_to(ROOT).as_posix()))
    if not any(path.parent.name == "versions" for path, _ in files):
        raise BuildError(f"no migration scripts found under {folder}")
    return files


def imports_of(paths: Iterable[Path]) -> list[str]:
    """Modules the given scripts import (PyInstaller does not see scripts loaded by path)."""
    names: set[str] = set()
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
                # ``from alembic import op``: op may be a module of its own.
                names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return sorted(name for name in names if _is_module(name))


def _is_module(name: str) -> bool:
    import importlib.util

    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def write_ico(svg: Path, target: Path, sizes: Sequence[int] = ICON_SIZES) -> Path:
    """A Windows icon with every size in ``sizes``, drawn from ``svg`` (PNG-compressed entries)."""
    import tempfile

    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise BuildError(f"cannot read the icon {svg}")
    pictures = []
    with tempfile.TemporaryDirectory(prefix="aduan-desk-icon-") as folder:
        for size in sizes:
            image = QImage(size, size, QImage.Format.Format_ARGB32)
            image.fill(Qt.GlobalColor.transparent)
            painter = QPainter(image)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            renderer.render(painter, QRectF(0, 0, size, size))
            painter.end()
            png = Path(folder) / f"{size}.png"
            if not image.save(str(png)):
                raise BuildError(f"cannot encode the {size}px icon")
            pictures.append((size, png.read_bytes()))
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(ico_bytes(pictures))
    return target


def ico_bytes(pictures: Sequence[tuple[int, bytes]]) -> bytes:
    """An ICO file of square PNG pictures: (size in pixels, PNG bytes)."""
    header = struct.pack("<HHH", 0, 1, len(pictures))
    offset = len(header) + 16 * len(pictures)
    entries, blobs = [], []
    for size, png in pictures:
        if not 1 <= size <= 256:
            raise BuildError(f"an icon picture must be 1-256 pixels, not {size}")
        side = 0 if size == 256 else size  # 0 means 256 in an ICO directory
        entries.append(struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset))
        blobs.append(png)
        offset += len(png)
    return header + b"".join(entries) + b"".join(blobs)


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


# --- what the bundle keeps of Qt -------------------------------------------------

# Qt plugin folders the window needs; every other plugin type is left out.
QT_PLUGIN_TYPES = frozenset(
    {
        "platforms",  # windows, xcb, wayland, offscreen (CI, --screenshot)
        "platformthemes",  # native file dialogs on Linux desktops (through the XDG portal)
        "platforminputcontexts",  # input methods (compose, ibus) on Linux
        "imageformats",  # svg, ico, jpeg (PNG is built into Qt)
        "iconengines",  # QIcon from SVG
        "styles",  # the native Windows style
        "xcbglintegrations",
        "wayland-decoration-client",
        "wayland-graphics-integration-client",
        "wayland-shell-integration",
    }
)
# Within those folders, plugins a station never uses (names without "lib"/"q" and suffix).
QT_PLUGINS_DROPPED = frozenset(
    {
        "gtk3",  # platformthemes: pulls in GTK, cairo, pango (~20 MB); the portal theme stays
        "minimal",
        "eglfs",
        "minimalegl",
        "linuxfb",
        "vnc",
        "vkkhrdisplay",
        "qtvirtualkeyboardplugin",
        "pdf",  # imageformats/qpdf would pull in QtPdf
        "icns",
        "tga",
        "tiff",
        "wbmp",
        "webp",
        "direct2d",
    }
)
# Plugins the smoke run and the stations need: the build fails without them
# ("styles/*": any style plugin).
QT_PLUGINS_REQUIRED = {
    "linux": ("platforms/offscreen", "platforms/xcb", "imageformats/svg", "iconengines/svgicon"),
    "win32": ("platforms/windows", "imageformats/svg", "iconengines/svgicon", "styles/*"),
}
# Qt's own translations: only the languages of the window (Qt ships no Indonesian).
QT_TRANSLATIONS_KEPT = re.compile(r"qtbase_(en|id)(_\w+)?\.qm")


def _plugin(destination: str) -> tuple[str, str] | None:
    """('platforms', 'libqxcb.so') for '.../plugins/platforms/libqxcb.so', else None."""
    parts = destination.replace("\\", "/").split("/")
    if len(parts) < 3 or parts[-3] != "plugins":
        return None
    return parts[-2], parts[-1]


def _named(filename: str, name: str) -> bool:
    """Whether a plugin file is ``name`` (``libqxcb.so``, ``qxcb.dll`` are both "xcb")."""
    return re.fullmatch(rf"(?:lib)?q?{re.escape(name)}(?:\.\w+)+", filename) is not None


def keep_binary(destination: str) -> bool:
    """Whether a file PyInstaller collected (by its place in the bundle) stays in it."""
    plugin = _plugin(destination)
    if plugin is None:
        return True
    kind, filename = plugin
    return kind in QT_PLUGIN_TYPES and not any(_named(filename, n) for n in QT_PLUGINS_DROPPED)


def keep_data(destination: str) -> bool:
    """Whether a data file stays: of Qt's translations (PySide6/Qt/translations on Linux,
    PySide6/translations on Windows) only the window's languages."""
    parts = destination.replace("\\", "/").split("/")
    if len(parts) >= 2 and parts[-2] == "translations" and "PySide6" in parts:
        return QT_TRANSLATIONS_KEPT.fullmatch(parts[-1]) is not None
    return True


def missing_plugins(destinations: Iterable[str], platform: str = sys.platform) -> list[str]:
    """Required plugins (``kind/name``) that none of ``destinations`` is."""
    plugins = [plugin for plugin in map(_plugin, destinations) if plugin is not None]
    missing = []
    for wanted in QT_PLUGINS_REQUIRED.get(platform, ()):
        kind, name = wanted.split("/")
        if not any(k == kind and (name == "*" or _named(f, name)) for k, f in plugins):
            missing.append(wanted)
    return missing


# --- building --------------------------------------------------------------------


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


# --- the command -------------------------------------------------------------------


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
