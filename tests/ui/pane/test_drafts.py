"""Drafts are saved as the officer types and survive a crash; cleared once queued."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.core.model import Status
from desktop.core.store import drafts
from desktop.core.store.database import Store
from desktop.ui.complaint_pane import ComplaintPane
from tests.ui.pane.conftest import MakePane, complaint_with, show


def test_draft_survives_a_new_pane_on_the_same_store(
    qtbot: QtBot, make_pane: MakePane, sample_store: Store
) -> None:
    complaint_id = complaint_with(sample_store, Status.NEW)
    first = make_pane()
    show(qtbot, first, complaint_id)
    qtbot.keyClicks(first.composer.editor, "Baik pak, segera kami cek")
    qtbot.waitUntil(
        lambda: drafts.load_draft(sample_store, complaint_id) == "Baik pak, segera kami cek"
    )
    # The window died here: nothing was flushed on purpose. A new pane finds the text.
    second = make_pane()
    show(qtbot, second, complaint_id)
    assert second.composer.text() == "Baik pak, segera kami cek"


def test_each_complaint_keeps_its_own_draft(
    qtbot: QtBot, pane: ComplaintPane, sample_store: Store
) -> None:
    one = complaint_with(sample_store, Status.NEW)
    other = complaint_with(sample_store, Status.IN_PROGRESS, channel=None)
    show(qtbot, pane, one)
    qtbot.keyClicks(pane.composer.editor, "draf pertama")
    show(qtbot, pane, other)  # switching saves at once, without waiting for the debounce
    assert pane.composer.text() == ""
    show(qtbot, pane, one)
    assert pane.composer.text() == "draf pertama"
    assert drafts.load_draft(sample_store, other) == ""


def test_queueing_clears_the_draft(qtbot: QtBot, pane: ComplaintPane, sample_store: Store) -> None:
    complaint_id = complaint_with(sample_store, Status.NEW)
    show(qtbot, pane, complaint_id)
    qtbot.keyClicks(pane.composer.editor, "Siap, kami tindak lanjuti")
    qtbot.waitUntil(lambda: drafts.load_draft(sample_store, complaint_id) != "")
    with qtbot.waitSignal(pane.complaint_changed):
        qtbot.keyClick(pane.composer.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert drafts.load_draft(sample_store, complaint_id) == ""
    assert pane.composer.text() == ""


def test_focus_composer_shows_the_reply_box(
    qtbot: QtBot, pane: ComplaintPane, sample_store: Store
) -> None:
    show(qtbot, pane, complaint_with(sample_store, Status.NEW))
    pane.detail.tabs.setCurrentIndex(1)
    pane.focus_composer()
    assert pane.detail.tabs.currentWidget() is pane.detail.conversation_tab
