"""Translators: ours and Qt's, installed before any widget exists.

Source strings are English; Indonesian is the default language. The ``.ts``
sources live in ``translations/``; the compiled ``.qm`` files are built with
``pyside6-lrelease`` into ``build/translations/`` (ignored by git) — by
``scripts/build-translations``, by ``./dev setup``, or here on first use from a
source checkout. The frozen build carries them in its ``translations`` folder.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop import resources
from desktop.ui.preferences import Language

log = logging.getLogger(__name__)

DOMAIN = "aduan"  # translations/aduan_<lang>.ts
QT_DOMAINS = ("qtbase",)  # Qt's own strings, where Qt ships a translation
EXTRA_QT_DOMAIN = "qt_extra"  # our translation of Qt strings Qt ships none for (Indonesian)

_LOCALES = {
    Language.INDONESIAN: QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia),
    Language.ENGLISH: QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom),
}


def source_folder() -> Path:
    return resources.translations()


def build_folder() -> Path:
    """Where compiled ``.qm`` files are: beside the sources when frozen, else ``build/``."""
    if getattr(sys, "frozen", False):
        return resources.translations()
    return resources.root() / "build" / "translations"


def lrelease_program() -> list[str]:
    """The command that compiles ``.ts`` to ``.qm`` (PySide6 ships it)."""
    name = "lrelease.exe" if os.name == "nt" else "lrelease"
    bundled = Path(PySide6.__file__).resolve().parent / name
    if bundled.exists():
        return [str(bundled)]
    wrapper = shutil.which("pyside6-lrelease")
    if wrapper is None:
        raise FileNotFoundError("pyside6-lrelease not found; install PySide6")
    return [wrapper]


def compile_translation(source: Path, target: Path) -> None:
    """``source`` (.ts) to ``target`` (.qm), written whole or not at all."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.{os.getpid()}.part")
    try:
        subprocess.run(
            [*lrelease_program(), "-silent", str(source), "-qm", str(partial)],
            check=True,
            capture_output=True,
            timeout=60,
        )
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


def compiled(domain: str, language: Language) -> Path | None:
    """The ``.qm`` of ``domain`` in ``language``, (re)built from its ``.ts`` when stale."""
    target = build_folder() / f"{domain}_{language.value}.qm"
    source = source_folder() / f"{domain}_{language.value}.ts"
    stale = source.exists() and (
        not target.exists() or target.stat().st_mtime < source.stat().st_mtime
    )
    if stale and not getattr(sys, "frozen", False):
        try:
            compile_translation(source, target)
        except (OSError, subprocess.SubprocessError) as exc:
            log.warning("could not build %s: %s", target.name, exc)
    return target if target.exists() else None


class Translators:
    """The translators installed in the application, replaced on a language switch."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._installed: list[QTranslator] = []
        self._locale_before = QLocale()
        self.language: Language | None = None

    def install(self, language: Language) -> None:
        """Use ``language`` from now on: widgets get a ``LanguageChange`` event."""
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed = []
        QLocale.setDefault(_LOCALES[language])
        for translator in self._load(language):
            self._app.installTranslator(translator)
            self._installed.append(translator)
        self.language = language

    def uninstall(self) -> None:
        """Remove our translators and restore the locale found before (tests)."""
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed = []
        QLocale.setDefault(self._locale_before)
        self.language = None

    def _load(self, language: Language) -> list[QTranslator]:
        found: list[QTranslator] = []
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for domain in QT_DOMAINS:
            translator = QTranslator(self._app)
            if translator.load(f"{domain}_{language.value}", qt_folder):
                found.append(translator)
        for domain in (EXTRA_QT_DOMAIN, DOMAIN):
            path = compiled(domain, language)
            translator = QTranslator(self._app)
            if path is not None and translator.load(str(path)):
                found.append(translator)
            elif domain == DOMAIN and language is not Language.ENGLISH:
                log.warning("no %s translation found; showing English", language.value)
        return found
