"""The marker for words the core hands to the officer, kept Qt-free.

The core carries codes and values; where a code needs a sentence (an error,
a sync state, why a reply waits) the core writes the English source once,
wrapped in ``QT_TRANSLATE_NOOP(context, text)``. At run time it is the text
itself; ``pyside6-lupdate`` finds the calls by name and puts the texts in
``translations/aduan_*.ts``, and ``desktop.i18n`` translates them for the
window and the command line.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate knows
    """``text`` unchanged; marks it for the catalogue under ``context``."""
    del context
    return text
