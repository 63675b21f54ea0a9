"""Progress notes (internal and public) and status buttons for legal moves only."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.core.model import TRANSITIONS, ReplyState, Status
from desktop.core.store import queries
from desktop.core.store.database import Store
from desktop.ui.complaint_pane import ComplaintPane
from desktop.ui.pane.bubbles import ReplyBubble
from tests.ui.pane.conftest import complaint_with, show


def _detail(store: Store, complaint_id: int) -> queries.ComplaintDetail:
    with store.read() as conn:
        return queries.complaint_detail(conn, complaint_id)


def test_internal_note_is_recorded_and_not_sent(
    qtbot: QtBot, pane: ComplaintPane, sample_store: Store
) -> None:
    complaint_id = complaint_with(sample_store, Status.NEW)
    show(qtbot, pane, complaint_id)
    pane.note_composer.editor.setPlainText("Sudah koordinasi dengan Polsek Kota Barat")
    with qtbot.waitSignal(pane.complaint_changed):
        pane.note_composer.add_button.click()
    detail = _detail(sample_store, complaint_id)
    assert [(n.text, n.public, n.officer) for n in detail.notes] == [
        ("Sudah koordinasi dengan Polsek Kota Barat", False, "bripka.andi")
    ]
    assert detail.replies == []
    qtbot.waitUntil(lambda: len(pane.detail.notes.cards) == 1)
    assert pane.note_composer.editor.toPlainText() == ""
    assert pane.detail.tabs.tabText(1).endswith("(1)")


def test_public_note_is_queued_as_a_reply(
    qtbot: QtBot, pane: ComplaintPane, sample_store: Store
) -> None:
    complaint_id = complaint_with(sample_store, Status.NEW)
    show(qtbot, pane, complaint_id)
    pane.detail.tabs.setCurrentIndex(1)
    pane.note_composer.editor.setPlainText("Petugas sudah mendatangi lokasi.")
    pane.note_composer.public_box.setChecked(True)
    with qtbot.waitSignal(pane.complaint_changed):
        qtbot.keyClick(
            pane.note_composer.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
        )
    detail = _detail(sample_store, complaint_id)
    (note,) = detail.notes
    assert note.public
    assert note.reply_id is not None
    assert [(r.id, r.state) for r in detail.replies] == [(note.reply_id, ReplyState.QUEUED)]

    def public_note_in_thread() -> bool:
        bubbles = [b for b in pane.detail.conversation.bubbles if isinstance(b, ReplyBubble)]
        return len(bubbles) == 1 and bubbles[0].header.text().startswith("Public note")

    qtbot.waitUntil(public_note_in_thread)


def test_only_legal_status_moves_have_buttons(
    qtbot: QtBot, pane: ComplaintPane, sample_store: Store
) -> None:
    for status in (Status.NEW, Status.IN_PROGRESS, Status.DISMISSED):
        show(qtbot, pane, complaint_with(sample_store, status, channel=None))
        actions = pane.detail.status_actions
        shown = {s for s, button in actions.buttons.items() if not button.isHidden()}
        enabled = {s for s, button in actions.buttons.items() if button.isEnabled()}
        assert shown == enabled == set(TRANSITIONS[status])


def test_clicking_a_status_changes_it_and_tells_the_shell(
    qtbot: QtBot, pane: ComplaintPane, sample_store: Store
) -> None:
    complaint_id = complaint_with(sample_store, Status.NEW)
    show(qtbot, pane, complaint_id)
    actions = pane.detail.status_actions
    with qtbot.waitSignal(pane.complaint_changed) as changed:
        actions.buttons[Status.IN_PROGRESS].click()
    assert changed.args == [complaint_id]
    assert _detail(sample_store, complaint_id).complaint.status is Status.IN_PROGRESS
    qtbot.waitUntil(lambda: actions.current is Status.IN_PROGRESS)
    assert actions.buttons[Status.NEW].isHidden()
    assert not actions.buttons[Status.ACKNOWLEDGED].isEnabled()


def test_an_illegal_move_cannot_be_chosen(
    qtbot: QtBot, pane: ComplaintPane, sample_store: Store
) -> None:
    complaint_id = complaint_with(sample_store, Status.NEW)
    show(qtbot, pane, complaint_id)
    actions = pane.detail.status_actions
    with qtbot.assertNotEmitted(actions.status_chosen):
        actions.buttons[Status.RESOLVED].click()  # hidden and disabled: nothing happens
    assert _detail(sample_store, complaint_id).complaint.status is Status.NEW
