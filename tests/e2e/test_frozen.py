"""The frozen build as IT staff and officers start it, and the installer script compiled.

The ``slow`` tests start the PyInstaller bundle (``dist/aduan-desk``): the
console ``aduan-desk-cli`` against a temporary home and the real keyring, and
the window ``aduan-desk`` offscreen. They run when ``ADUAN_DESK_FROZEN_TEST=1``
or under CI (then they must run). They use the bundle in ``dist/`` when it is
newer than the sources (``./dev bundle`` builds it; CI builds it first) and
build it once per session otherwise; ``ADUAN_DESK_BUNDLE=DIR`` tests another
bundle as it is. Figures (bundle size, start times, build time) are printed
(``pytest -s``) and written to ``build/frozen-metrics.json``; nothing is
asserted about time.

The installer script and the build helpers are tested in
``test_installer_build.py``.
"""

from __future__ import annotations

import json
import os
import re
import statistics
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Mapping
from importlib import metadata
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtGui import QImage

from desktop.core.credentials import KeyringVault
from tests.keyring_support import in_ci

ROOT = Path(__file__).resolve().parents[2]
FROZEN_ENV = "ADUAN_DESK_FROZEN_TEST"
BUNDLE_ENV = "ADUAN_DESK_BUNDLE"
METRICS = ROOT / "build" / "frozen-metrics.json"
EXE = ".exe" if sys.platform == "win32" else ""
TIMEOUT = 180
SETTLE = 5  # seconds to wait for the other .qm files once one is loaded
BUILD_TIMEOUT = 1800
# Sources whose change makes a bundle in dist/ stale.
SOURCES = ("desktop", "installer", "resources", "translations")
SOURCE_FILES = ("build_installer.spec", "pyproject.toml")

frozen = pytest.mark.skipif(
    os.environ.get(FROZEN_ENV) != "1" and not in_ci(),
    reason=f"the frozen build is tested with {FROZEN_ENV}=1 (and always under CI)",
)


from installer.bundle import folder_size  # noqa: E402 - after ROOT
from installer.layout import BUNDLE_NAME, CLI_NAME, DIST, GUI_NAME  # noqa: E402
from installer.qt_plugins import QT_RUNTIME_HOOK, missing_plugins  # noqa: E402
from tests.e2e.build_support import VERSION  # noqa: E402

# --- the bundle ------------------------------------------------------------------------


class Bundle:
    """The one-folder bundle: its two executables and its contents folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.internal = folder / "_internal"
        self.cli = folder / f"{CLI_NAME}{EXE}"
        self.gui = folder / f"{GUI_NAME}{EXE}"

    def env(self, tmp: Path, extra: Mapping[str, str] | None = None) -> dict[str, str]:
        """The caller's environment without our variables; temporary files under ``tmp``."""
        env = {k: v for k, v in os.environ.items() if not k.startswith(("ADUAN_DESK_", "PYTHON"))}
        tmp.mkdir(parents=True, exist_ok=True)
        env.update(QT_QPA_PLATFORM="offscreen", TMPDIR=str(tmp), TEMP=str(tmp), TMP=str(tmp))
        env.update(extra or {})
        return env

    def run(
        self,
        *args: str,
        tmp: Path,
        exe: Path | None = None,
        extra: Mapping[str, str] | None = None,
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(exe or self.cli), *args],
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            env=self.env(tmp, extra),
            cwd=tmp,  # nothing found by accident in the checkout
        )

    def ok(self, *args: str, tmp: Path, extra: Mapping[str, str] | None = None) -> str:
        result = self.run(*args, tmp=tmp, extra=extra)
        assert result.returncode == 0, f"{args}: exit {result.returncode}\n{result.stderr}"
        return result.stdout


def _newest_source() -> float:
    paths = [ROOT / name for name in SOURCE_FILES]
    for folder in SOURCES:
        paths += [p for p in (ROOT / folder).rglob("*") if "__pycache__" not in p.parts]
    return max(p.stat().st_mtime for p in paths if p.is_file())


@pytest.fixture(scope="module")
def metrics() -> Iterator[dict[str, Any]]:
    """Figures for the lead's note: printed, and written to build/frozen-metrics.json."""
    figures: dict[str, Any] = {"version": VERSION, "platform": sys.platform}
    yield figures
    METRICS.parent.mkdir(parents=True, exist_ok=True)
    METRICS.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    print(f"\nfrozen build figures ({METRICS.relative_to(ROOT)}):")
    for key, value in figures.items():
        print(f"  {key}: {value}")


@pytest.fixture(scope="module")
def bundle(metrics: dict[str, Any]) -> Bundle:
    explicit = os.environ.get(BUNDLE_ENV)
    found = Bundle(Path(explicit) if explicit else DIST / BUNDLE_NAME)
    fresh = found.cli.exists() and found.cli.stat().st_mtime >= _newest_source()
    if explicit:
        assert found.cli.exists(), f"{BUNDLE_ENV}={explicit} has no {found.cli.name}"
    elif not fresh:
        started = time.monotonic()
        result = subprocess.run(
            ["bash", str(ROOT / "scripts" / "build-bundle")],
            capture_output=True,
            text=True,
            timeout=BUILD_TIMEOUT,
            cwd=ROOT,
        )
        tail = "\n".join((result.stdout + result.stderr).splitlines()[-40:])
        assert result.returncode == 0, f"scripts/build-bundle failed:\n{tail}"
        metrics["build_seconds"] = round(time.monotonic() - started, 1)
    size, files = folder_size(found.folder)
    metrics.update(bundle=str(found.folder), bundle_mib=round(size / 2**20, 1), bundle_files=files)
    return found


# --- what the bundle holds ----------------------------------------------------------------


def _drop_from_page_cache(folder: Path) -> bool:
    """Ask the kernel to forget the bundle's cached pages (for a colder start); Linux."""
    if not hasattr(os, "posix_fadvise"):
        return False
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            fd = os.open(path, os.O_RDONLY)
            try:
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)
    return True


@pytest.mark.slow
@frozen
def test_the_version_is_pyprojects_and_the_start_is_measured(
    bundle: Bundle, metrics: dict[str, Any], tmp_path: Path
) -> None:
    cold = _drop_from_page_cache(bundle.folder)
    times = []
    for _ in range(6):
        started = time.perf_counter()
        out = bundle.ok("--version", tmp=tmp_path)
        times.append(time.perf_counter() - started)
        assert out.strip() == f"aduan-desk {VERSION}"
    # The first start with the bundle's files out of the page cache (where the OS
    # allows asking for that), then warm starts.
    metrics["cli_version_cold_s" if cold else "cli_version_first_s"] = round(times[0], 3)
    metrics["cli_version_warm_median_s"] = round(statistics.median(times[1:]), 3)


@pytest.mark.slow
@frozen
def test_the_bundle_holds_what_the_program_reads_from_disk(bundle: Bundle) -> None:
    internal = bundle.internal
    # translations/*.qm where desktop/ui/i18n.py looks when frozen, one per .ts
    wanted = {f"{ts.stem}.qm" for ts in (ROOT / "translations").glob("*.ts")}
    assert {"aduan_id.qm", "aduan_en.qm"} <= wanted
    assert {p.name for p in (internal / "translations").glob("*.qm")} == wanted
    # Alembic scripts beside database.pyc (Path(__file__).with_name("migrations"))
    source = ROOT / "desktop/core/store/migrations"
    frozen_dir = internal / "desktop/core/store/migrations"
    scripts = {p.relative_to(source) for p in source.rglob("*.py") if "__pycache__" not in p.parts}
    assert scripts
    assert {p.relative_to(frozen_dir) for p in frozen_dir.rglob("*.py")} == scripts
    # templates and icons
    for name in ("templates/balasan.toml", "icons/aduan-desk.svg"):
        assert (internal / "resources" / name).is_file(), name
    # metadata: desktop.__version__, keyring's backends (entry points)
    shipped = {d.metadata["Name"]: d for d in metadata.distributions(path=[str(internal)])}
    assert shipped["aduan-desk"].version == VERSION
    assert shipped["keyring"].entry_points.select(group="keyring.backends")
    # zoneinfo data for Windows (no system database there)
    for zone in ("Jakarta", "Makassar", "Jayapura"):
        assert (internal / "tzdata/zoneinfo/Asia" / zone).is_file(), zone
    # SQLCipher's extension module
    assert list((internal / "sqlcipher3").glob("_sqlite3*"))
    # Qt plugins the window needs, and not the ones left out
    plugins = [
        str(p.relative_to(internal)) for p in (internal / "PySide6").rglob("*") if p.is_file()
    ]
    assert missing_plugins(plugins) == []
    assert not [p for p in plugins if "/platformthemes/" in p and "gtk3" in p]
    assert not list(internal.rglob("_tkinter*"))


@pytest.mark.slow
@frozen
def test_the_bundle_leaves_out_tests_and_tools(bundle: Bundle) -> None:
    readers = pytest.importorskip("PyInstaller.archive.readers")
    archive = readers.CArchiveReader(str(bundle.cli))
    pyz = next(name for name in archive.toc if name.endswith(".pyz"))
    modules = set(archive.open_embedded_archive(pyz).toc)
    assert "desktop.cli" in modules
    assert "keyring.backends.SecretService" in modules
    roots = {name.split(".")[0] for name in modules}
    left_in = roots & {"tkinter", "pytest", "_pytest", "hypothesis", "mypy", "PyInstaller", "tests"}
    assert not left_in
    unused_qt = {m for m in modules if re.match(r"PySide6\.Qt(Network|Qml|Quick|Pdf|Sql)", m)}
    assert not unused_qt


@pytest.mark.slow
@frozen
def test_only_the_window_imports_qt_at_start(bundle: Bundle) -> None:
    """PyInstaller's PySide6 hook (QtCore imported before anything else) runs in the
    window's executable, not in the console's: half of its ``--version`` was that."""
    readers = pytest.importorskip("PyInstaller.archive.readers")

    def scripts(exe: Path) -> set[str]:
        return set(readers.CArchiveReader(str(exe)).toc)

    assert QT_RUNTIME_HOOK in scripts(bundle.gui)
    assert QT_RUNTIME_HOOK not in scripts(bundle.cli)
    assert "frozen_main" in scripts(bundle.cli)


@pytest.mark.slow
@frozen
def test_the_bundles_indonesian_translation_translates(bundle: Bundle) -> None:
    """The shipped aduan_id.qm gives every Indonesian text of translations/aduan_id.ts."""
    translator = QTranslator()
    assert translator.load(str(bundle.internal / "translations" / "aduan_id.qm"))
    checked = 0
    for context in ET.parse(ROOT / "translations" / "aduan_id.ts").getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            if message.get("numerus") == "yes":
                continue
            source = message.findtext("source") or ""
            wanted = message.findtext("translation") or ""
            got = translator.translate(name, source, message.findtext("comment"))
            assert got == wanted, (name, source)
            checked += 1
    assert checked > 0


# --- the console program against a temporary home -------------------------------------------


@pytest.mark.slow
@pytest.mark.keyring
@frozen
def test_the_cli_works_on_a_temporary_home_with_the_real_keyring(
    bundle: Bundle, keyring_vault: KeyringVault, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    tmp = tmp_path / "tmp"
    # No system zone database: zoneinfo must use the bundled tzdata, as on Windows.
    no_system_zones = {"PYTHONTZPATH": ""}

    def cli(*args: str) -> str:
        return bundle.ok("--home", str(home), *args, tmp=tmp, extra=no_system_zones)

    try:
        cli("sample", "--count", "50")
        queue = json.loads(cli("queue", "--json"))
        assert queue["total"] > 0
        assert queue["zone"] in ("WIB", "WITA", "WIT")
        assert queue["complaints"]
        # encrypted by SQLCipher, its key in the OS keyring
        assert not (home / "aduan-desk.db").read_bytes().startswith(b"SQLite format 3\x00")
        db_id = (home / "aduan-desk.db.id").read_text(encoding="ascii").strip()
        assert keyring_vault.get(f"database-key/{db_id}") is not None

        report = json.loads(cli("doctor", "--offline", "--json"))
        assert report["version"] == VERSION
        assert [c for c in report["checks"] if not c["ok"]] == [], report
    finally:
        id_file = home / "aduan-desk.db.id"
        if id_file.exists():  # leave the keyring as we found it
            keyring_vault.delete(f"database-key/{id_file.read_text(encoding='ascii').strip()}")


@pytest.mark.slow
@frozen
def test_the_cli_checks_a_unit_profile_as_the_installer_does(
    bundle: Bundle, tmp_path: Path
) -> None:
    """The installer runs ``aduan-desk-cli profile check FILE`` and installs only on exit 0."""
    good = tmp_path / "polres-contoh.toml"
    good.write_text('[unit]\nname = "Polres Contoh"\nlevel = "polres"\nzone = "WITA"\n')
    bad = tmp_path / "broken.toml"
    bad.write_text('[unit]\nname = "Polres Contoh"\nzone = "GMT"\n')
    assert bundle.run("profile", "check", str(good), tmp=tmp_path).returncode == 0
    result = bundle.run("profile", "check", str(bad), tmp=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr


@pytest.mark.slow
@frozen
def test_the_demo_summary_in_indonesian(bundle: Bundle, tmp_path: Path) -> None:
    summary = json.loads(
        bundle.ok("demo", "--json", "--lang", "id", "--count", "30", tmp=tmp_path / "tmp")
    )
    assert summary["total"] > 0
    assert summary["complaints"]


# --- the window, offscreen -------------------------------------------------------------------


def _spread(image: QImage) -> float:
    """How much the pixels differ from each other (0 for a blank picture)."""
    values = [
        image.pixelColor(x, y).lightness()
        for x in range(0, image.width(), 7)
        for y in range(0, image.height(), 7)
    ]
    mean = sum(values) / len(values)
    return float((sum((v - mean) ** 2 for v in values) / len(values)) ** 0.5)


@pytest.mark.slow
@frozen
@pytest.mark.parametrize("executable", ["window", "console"])
def test_the_window_renders_offscreen(
    bundle: Bundle, metrics: dict[str, Any], tmp_path: Path, executable: str
) -> None:
    """Both executables open the window; the console one without PyInstaller's Qt hook."""
    target = tmp_path / "out.png"
    started = time.perf_counter()
    result = bundle.run(
        "demo",
        "--lang",
        "id",
        "--count",
        "60",
        "--screenshot",
        str(target),
        tmp=tmp_path / "tmp",
        exe=bundle.gui if executable == "window" else bundle.cli,
    )
    metrics[f"{executable}_screenshot_s"] = round(time.perf_counter() - started, 2)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    image = QImage(str(target))
    assert not image.isNull()
    assert (image.width(), image.height()) == (1440, 900)
    assert _spread(image) > 20


def _mapped(pid: int) -> set[str]:
    try:
        lines = Path(f"/proc/{pid}/maps").read_text().splitlines()
    except OSError:
        return set()
    return {line.split(maxsplit=5)[5] for line in lines if len(line.split(maxsplit=5)) == 6}


@pytest.mark.slow
@frozen
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/PID/maps")
@pytest.mark.parametrize(
    ("lang", "files"),
    [
        ("id", ("translations/aduan_id.qm", "translations/qt_extra_id.qm")),
        ("en", ("translations/aduan_en.qm", "PySide6/Qt/translations/qtbase_en.qm")),
    ],
)
def test_the_window_loads_its_translations_from_the_bundle(
    bundle: Bundle, tmp_path: Path, lang: str, files: tuple[str, ...]
) -> None:
    """Qt maps a loaded .qm file into memory: the running window shows which it loaded."""
    wanted = {str((bundle.internal / name).resolve()) for name in files}
    tmp = tmp_path / "tmp"
    process = subprocess.Popen(
        [str(bundle.gui), "demo", "--lang", lang, "--count", "20"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=bundle.env(tmp),
        cwd=tmp,
    )
    try:
        deadline = time.monotonic() + TIMEOUT
        seen: set[str] = set()
        while time.monotonic() < deadline and process.poll() is None:
            seen = {name for name in _mapped(process.pid) if name.endswith(".qm")}
            if wanted <= seen:
                break
            if seen and deadline > time.monotonic() + SETTLE:
                # The translators are installed together: the rest comes now or never.
                deadline = time.monotonic() + SETTLE
            time.sleep(0.1)
        assert process.poll() is None, process.communicate()[1]
        assert wanted <= seen, f"mapped: {sorted(seen)}"
    finally:
        process.terminate()
        try:
            process.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
