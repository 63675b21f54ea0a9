"""The installer script compiled with makensis over a stub bundle, and the build helpers.

Compiling needs ``makensis`` (Debian's ``nsis``): skipped without it, except
under CI, where it must run.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from installer.bundle_inputs import imports_of, migration_files, write_ico
from installer.layout import CLI_NAME, GUI_NAME, ICON_SVG, NSIS_SCRIPT, BuildError
from installer.nsis import find_makensis, makensis_command
from installer.qt_plugins import (
    QT_RUNTIME_HOOK,
    console_scripts,
    keep_binary,
    keep_data,
    missing_plugins,
)
from installer.versioning import version_info, windows_version
from tests.e2e.build_support import ROOT, VERSION
from tests.keyring_support import in_ci

TIMEOUT = 180

# --- the installer script -----------------------------------------------------------------------


def _makensis() -> str:
    found = find_makensis()
    if found is None:
        if in_ci():
            pytest.fail("CI is set but makensis is missing; scripts/install-system-deps adds nsis")
        pytest.skip("makensis not found (Debian: apt-get install nsis)")
    return str(found)


def _stub_bundle(folder: Path) -> Path:
    """A few placeholder files standing in for the Windows bundle."""
    (folder / "_internal" / "translations").mkdir(parents=True)
    for name in (GUI_NAME, CLI_NAME):
        (folder / f"{name}.exe").write_bytes(b"MZ placeholder")
    (folder / "_internal" / "translations" / "aduan_id.qm").write_bytes(b"placeholder")
    (folder / "_internal" / "payload.bin").write_bytes(os.urandom(256 * 1024))
    return folder


def test_the_installer_script_compiles(tmp_path: Path) -> None:
    _makensis()
    stub = _stub_bundle(tmp_path / "dist" / "aduan-desk")
    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, ROOT / "installer/build.py", "installer", "--dist", stub, "--outdir", out],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    setup = out / f"AduanDesk-Setup-{VERSION}.exe"
    data = setup.read_bytes()
    assert data.startswith(b"MZ")
    assert len(data) > 256 * 1024  # the stub's incompressible payload is in it


def test_the_installer_script_wants_a_version(tmp_path: Path) -> None:
    makensis = _makensis()
    stub = _stub_bundle(tmp_path / "dist" / "aduan-desk")
    result = subprocess.run(
        [makensis, f"-DDIST={stub}", f"-DOUTFILE={tmp_path / 'x.exe'}", str(NSIS_SCRIPT)],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    assert result.returncode != 0
    assert "Pass the version" in result.stdout + result.stderr
    assert not (tmp_path / "x.exe").exists()


# --- the build helpers ----------------------------------------------------------------------------


def test_the_version_is_read_from_pyproject_only() -> None:
    with (ROOT / "pyproject.toml").open("rb") as file:
        assert tomllib.load(file)["project"]["version"] == VERSION
    printed = subprocess.run(
        ["bash", str(ROOT / "scripts" / "version")],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert printed.stdout.strip() == VERSION


@pytest.mark.parametrize(
    ("version", "numbers"),
    [
        ("0.1.0", (0, 1, 0, 0)),
        ("1.2", (1, 2, 0, 0)),
        ("2.0.1rc1", (2, 0, 1, 0)),
        ("2025.1.2.3.4", (2025, 1, 2, 3)),
    ],
)
def test_windows_version_numbers(version: str, numbers: tuple[int, ...]) -> None:
    assert windows_version(version) == numbers


def test_windows_version_refuses_what_windows_cannot_hold() -> None:
    with pytest.raises(BuildError):
        windows_version("v1")
    with pytest.raises(BuildError):
        windows_version("70000.1")


def test_the_windows_version_resource_is_valid(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the spec gives each .exe on Windows, built and read back by PyInstaller's code."""
    pytest.importorskip("pefile")
    compat = pytest.importorskip("PyInstaller.compat")
    # PyInstaller's versioninfo module wants pywin32 only to write resources into a file.
    monkeypatch.setattr(compat, "win32api", getattr(compat, "win32api", None), raising=False)
    from PyInstaller.utils.win32 import versioninfo  # type: ignore[import-untyped]

    resource = version_info(VERSION, CLI_NAME, "Aduan Desk (CLI)")
    assert resource.toRaw()  # the bytes that go into the .exe
    text = tmp_path / "version.txt"
    text.write_text(str(resource), encoding="utf-8")
    again = versioninfo.load_version_info_from_text_file(str(text))
    assert again.toRaw() == resource.toRaw()
    assert f"StringStruct('OriginalFilename', '{CLI_NAME}.exe')" in str(resource)
    assert f"StringStruct('ProductVersion', '{VERSION}')" in str(resource)
    numbers = ", ".join(map(str, windows_version(VERSION)))
    assert f"filevers=({numbers})" in str(resource)


def test_the_icon_has_every_size(tmp_path: Path) -> None:
    icon = write_ico(ICON_SVG, tmp_path / "app.ico", sizes=(16, 32, 256))
    data = icon.read_bytes()
    reserved, kind, count = (int.from_bytes(data[i : i + 2], "little") for i in (0, 2, 4))
    assert (reserved, kind, count) == (0, 1, 3)
    widths = [data[6 + 16 * i] for i in range(count)]
    assert widths == [16, 32, 0]  # 0 stands for 256
    offset = int.from_bytes(data[6 + 12 : 6 + 16], "little")
    assert data[offset : offset + 8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize(
    ("destination", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/platforms/qwindows.dll", True),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
        ("PySide6/Qt/plugins/imageformats/libqpdf.so", False),
        ("PySide6/Qt/plugins/sqldrivers/libqsqlite.so", False),
        ("PySide6/Qt/plugins/styles/qmodernwindowsstyle.dll", True),
        ("PySide6/Qt/lib/libQt6Core.so.6", True),
    ],
)
def test_qt_plugins_kept_and_left_out(destination: str, kept: bool) -> None:
    assert keep_binary(destination) is kept


def test_required_plugins_are_checked() -> None:
    linux = [
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/imageformats/libqsvg.so",
    ]
    assert missing_plugins(linux, "linux") == ["iconengines/svgicon"]
    windows = [
        "PySide6\\plugins\\platforms\\qwindows.dll",
        "PySide6\\plugins\\imageformats\\qsvg.dll",
        "PySide6\\plugins\\iconengines\\qsvgicon.dll",
    ]
    assert missing_plugins(windows, "win32") == ["styles/*"]


def test_only_the_windows_languages_of_qt_are_kept() -> None:
    assert keep_data("PySide6/Qt/translations/qtbase_en.qm")
    assert not keep_data("PySide6/Qt/translations/qtbase_de.qm")
    assert not keep_data("PySide6\\translations\\qtbase_de.qm")  # Windows wheels
    assert keep_data("PySide6\\translations\\qtbase_en.qm")
    assert not keep_data("PySide6/Qt/translations/qtdeclarative_en.qm")
    assert keep_data("translations/aduan_de.qm")  # ours are all kept


def test_the_console_executable_leaves_out_only_the_qt_runtime_hook() -> None:
    scripts = [
        ("pyiboot01_bootstrap", "/b.py", "PYSOURCE"),
        ("pyi_rth_inspect", "/i.py", "PYSOURCE"),
        (QT_RUNTIME_HOOK, "/q.py", "PYSOURCE"),
        ("frozen_main", "/m.py", "PYSOURCE"),
    ]
    assert [name for name, _path, _kind in console_scripts(scripts)] == [
        "pyiboot01_bootstrap",
        "pyi_rth_inspect",
        "frozen_main",
    ]


def test_migration_imports_are_found() -> None:
    scripts = [path for path, _ in migration_files() if path.suffix == ".py"]
    found = imports_of(scripts)
    wanted = {"alembic.op", "alembic.context", "sqlalchemy", "desktop.core.store.schema"}
    assert wanted <= set(found)


def test_makensis_gets_both_versions_and_the_bundle(tmp_path: Path) -> None:
    command = makensis_command(
        "makensis", tmp_path / "dist", tmp_path / "Setup.exe", "1.2.3", icon=None
    )
    assert "-DVERSION=1.2.3" in command
    assert "-DFILE_VERSION=1.2.3.0" in command
    assert f"-DDIST={tmp_path / 'dist'}" in command
    assert f"-DOUTFILE={tmp_path / 'Setup.exe'}" in command
    assert command[-1] == str(NSIS_SCRIPT)
