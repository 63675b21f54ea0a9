"""The window's translators: ours and Qt's, installed before any widget exists.

Our catalogue is ``desktop.i18n``'s (one for the window, the command line and
the core's codes); here it is installed in the application beside Qt's own
translations, and replaced on a language switch.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop import i18n
from desktop.i18n import DOMAIN, compile_translation, compiled, lrelease_program
from desktop.ui.preferences import Language

__all__ = ["DOMAIN", "Translators", "compile_translation", "compiled", "lrelease_program"]

log = logging.getLogger(__name__)

QT_DOMAINS = ("qtbase",)  # Qt's own strings, where Qt ships a translation
EXTRA_QT_DOMAIN = "qt_extra"  # our translation of Qt strings Qt ships none for (Indonesian)

_LOCALES = {
    Language.INDONESIAN: QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia),
    Language.ENGLISH: QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom),
}


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
        i18n.reset()
        self.language = None

    def _load(self, language: Language) -> list[QTranslator]:
        found: list[QTranslator] = []
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for domain in QT_DOMAINS:
            translator = QTranslator(self._app)
            if translator.load(f"{domain}_{language.value}", qt_folder):
                found.append(translator)
        path = compiled(EXTRA_QT_DOMAIN, language)
        translator = QTranslator(self._app)
        if path is not None and translator.load(str(path)):
            found.append(translator)
        ours = i18n.use_language(language)
        if ours is not None:
            found.append(ours)
        return found
