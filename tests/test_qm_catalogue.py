"""The command line's reader of compiled catalogues answers as Qt's ``QTranslator`` does."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from desktop import i18n, qm_catalogue
from desktop.ui.preferences import Language


@pytest.mark.parametrize("language", list(Language))
def test_every_message_reads_as_qt_reads_it(language: Language) -> None:
    path = i18n.compiled(i18n.DOMAIN, language)
    assert path is not None
    qt = QTranslator()
    assert qt.load(str(path))
    messages = qm_catalogue.read_catalogue(path)
    assert len(messages) > 400
    for (context, source, comment), translation in messages.items():
        assert translation == qt.translate(context, source, comment or None)
        assert qm_catalogue.translate(messages, context, source, None) == qt.translate(
            context, source, None
        )
    assert qm_catalogue.translate(messages, "Labels", "no such text", None) == ""


def test_a_file_that_is_no_catalogue_is_refused_by_name(tmp_path: Path) -> None:
    bad = tmp_path / "aduan_id.qm"
    bad.write_bytes(b"not a catalogue")
    with pytest.raises(qm_catalogue.CatalogueError, match=r"aduan_id\.qm"):
        qm_catalogue.read_catalogue(bad)


def test_an_unreadable_catalogue_falls_back_to_english(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "aduan_id.qm").write_bytes(b"not a catalogue")
    monkeypatch.setattr(i18n, "build_folder", lambda: tmp_path)
    monkeypatch.setattr(i18n, "source_folder", lambda: tmp_path)
    try:
        assert i18n.choose_language("id") is None
        assert i18n.translate("Labels", "New") == "New"
    finally:
        i18n.reset()
