"""What the bundle keeps of Qt: the plugins and Qt translations a station needs.

PyInstaller collects every Qt plugin and translation; the spec keeps a file
when ``keep_binary``/``keep_data`` say so, and stops when ``missing_plugins``
names a plugin the window cannot start without.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable

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


# PyInstaller's run-time hook for PySide6 imports QtCore at every start: about half of
# the console executable's ``--version`` (~90 ms), and as much of every ``queue``.
# What it does beyond that is for builds other than PyPI's wheels: the wheel's QtCore
# registers its own ``qt.conf`` (the Qt prefix inside the package) when it is first
# imported, so the plugins are found without the hook. The window keeps the hook.
QT_RUNTIME_HOOK = "pyi_rth_pyside6"


def console_scripts(scripts: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """The console executable's scripts (``Analysis.scripts``): without ``QT_RUNTIME_HOOK``."""
    return [entry for entry in scripts if entry[0] != QT_RUNTIME_HOOK]
