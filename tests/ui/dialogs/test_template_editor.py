"""Template editor: defaults copied on first save, edits round-trip, bad ones refused."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop.core.paths import Paths
from desktop.core.templates import (
    Template,
    default_templates_path,
    load_templates,
    reply_templates,
    templates_toml,
)
from desktop.ui.dialogs.template_editor import TemplateEditor


def _editor(qtbot: QtBot, folder: Path) -> TemplateEditor:
    editor = TemplateEditor(Paths(folder).templates)
    qtbot.addWidget(editor)
    return editor


def test_starts_from_the_defaults(qtbot: QtBot, tmp_path: Path) -> None:
    editor = _editor(qtbot, tmp_path)
    assert editor.templates == load_templates(default_templates_path())
    assert editor.list.currentRow() == 0
    assert editor.title.text() == "Respons awal (tanda terima)"
    assert "Budi Santoso" in editor.preview.text()  # {nama} filled in the preview
    assert not Paths(tmp_path).templates.exists()


def test_edit_add_remove_round_trip(qtbot: QtBot, tmp_path: Path) -> None:
    editor = _editor(qtbot, tmp_path)
    editor.text.setPlainText('Halo {nama}, "siap" ditindaklanjuti.\nSalam, Humas {satuan}.')
    editor.list.setCurrentRow(4)
    editor.remove_button.click()
    editor.add_button.click()
    editor.title.setText("Terima kasih")
    editor.title.textEdited.emit("Terima kasih")
    editor.name.setText("terima-kasih")
    editor.name.textEdited.emit("terima-kasih")
    editor.text.setPlainText("Terima kasih {nama} \\ atas apresiasinya.")
    with qtbot.waitSignal(editor.templates_saved):
        editor.buttons.accepted.emit()
    saved = reply_templates(Paths(tmp_path).templates)
    assert Paths(tmp_path).templates.exists()
    assert len(saved) == 5
    assert saved[0].text == 'Halo {nama}, "siap" ditindaklanjuti.\nSalam, Humas {satuan}.'
    assert saved[-1] == Template(
        "terima-kasih", "Terima kasih", "Terima kasih {nama} \\ atas apresiasinya."
    )
    assert "layanan-darurat" not in [t.name for t in saved]
    again = _editor(qtbot, tmp_path)
    assert again.templates == saved


def test_unknown_placeholder_is_refused_inline(qtbot: QtBot, tmp_path: Path) -> None:
    editor = _editor(qtbot, tmp_path)
    editor.text.setPlainText("Halo {name}")
    editor.buttons.accepted.emit()
    assert "{name}" not in editor.message_line.message()
    assert "name" in editor.message_line.message()
    assert "{nama}" in editor.message_line.message()
    assert not Paths(tmp_path).templates.exists()


def test_written_file_is_valid_toml_for_any_text(tmp_path: Path) -> None:
    tricky = Template("a", 'T "q" ]]', 'line1\nline2 \t \\ """ \' é 🙏 {nama}')
    path = tmp_path / "t.toml"
    path.write_text(templates_toml([tricky]), encoding="utf-8")
    assert load_templates(path) == [tricky]
