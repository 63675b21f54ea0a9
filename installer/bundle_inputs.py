"""What the spec puts in the bundle besides the code: translations, migrations, the icon.

The officer's translations compiled afresh, the Alembic scripts the store
loads from disk (and the modules they import, which PyInstaller does not
see), and the Windows icon drawn from the SVG.
"""

from __future__ import annotations

import ast
import struct
from collections.abc import Iterable, Sequence
from pathlib import Path

from installer.layout import MIGRATIONS, ROOT, BuildError

ICON_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)


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
