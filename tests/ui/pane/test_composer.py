"""Writing and queueing a reply: templates, the length limit, Ctrl+Enter, outbox states."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from desktop.core.deadlines import UnitSettings
from desktop.core.model import Channel, ReplyState, Status
from desktop.core.store import actions, queries
from desktop.core.store.database import Store
from desktop.core.store.schema import ComplaintRow, OutboxRow
from desktop.core.sync.reasons import SendReason
from desktop.i18n import reason_text
from desktop.ui.complaint_pane import ComplaintPane
from desktop.ui.labels import reply_state_label
from desktop.ui.pane.bubbles import ReplyBubble
from tests.ui.pane.conftest import complaint_with, show


def _replies(store: Store, complaint_id: int) -> list[tuple[str, ReplyState]]:
    with store.read() as conn:
        detail = queries.complaint_detail(conn, complaint_id)
    return [(r.text, r.state) for r in detail.replies]


def _reply_bubbles(pane: ComplaintPane) -> list[ReplyBubble]:
    return [b for b in pane.detail.conversation.bubbles if isinstance(b, ReplyBubble)]


def test_acknowledgement_template_fills_name_and_unit(
    qtbot: QtBot, pane: ComplaintPane, sample_store: Store
) -> None:
    actions.set_unit_settings(sample_store, UnitSettings(name="Polres Contoh"))
    complaint_id = complaint_with(sample_store, Status.NEW)
    show(qtbot, pane, complaint_id)
    author = pane.data.detail.complaint.author_name if pane.data else ""
    first = pane.composer.template_actions[0]
    assert first.text() == "Respons awal (tanda terima)"
    first.trigger()
    text = pane.composer.text()
    assert text.startswith(f"Terima kasih {author},")
    assert "sudah kami respons dan akan segera kami tindak lanjuti" in text
    assert "Humas Polres Contoh" in text
    assert "{nama}" not in text
    assert "{satuan}" not in text


def test_ctrl_enter_queues_and_the_reply_shows_as_queued(
    qtbot: QtBot, pane: ComplaintPane, sample_store: Store
) -> None:
    complaint_id = complaint_with(sample_store, Status.NEW)
    show(qtbot, pane, complaint_id)
    pane.composer.template_actions[0].trigger()
    queued_text = pane.composer.text()
    with qtbot.waitSignal(pane.complaint_changed, timeout=5000) as changed:
        qtbot.keyClick(pane.composer.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert changed.args == [complaint_id]
    assert _replies(sample_store, complaint_id) == [(queued_text, ReplyState.QUEUED)]
    qtbot.waitUntil(lambda: len(_reply_bubbles(pane)) == 1)
    bubble = _reply_bubbles(pane)[0]
    assert bubble.state_label.text() == f"● {reply_state_label(ReplyState.QUEUED)}"
    assert bubble.reply.officer == "bripka.andi"
    assert pane.composer.text() == ""


def test_over_the_limit_blocks_queueing_with_a_message(
    qtbot: QtBot, pane: ComplaintPane, sample_store: Store
) -> None:
    complaint_id = complaint_with(sample_store, Status.NEW)
    with sample_store.write() as conn:  # an X complaint: 280 characters at most
        conn.execute(
            update(ComplaintRow).where(ComplaintRow.id == complaint_id).values(channel="x")
        )
    show(qtbot, pane, complaint_id)
    assert pane.data is not None
    assert pane.data.detail.complaint.channel is Channel.X
    pane.composer.editor.setPlainText("X" * 280)
    assert pane.composer.counter.text() == "280/280"
    assert pane.composer.queue_button.isEnabled()
    pane.composer.editor.setPlainText("X" * 281)
    assert pane.composer.counter.text().startswith("281/280")
    assert "1 characters too long" in pane.composer.counter.text()
    assert not pane.composer.queue_button.isEnabled()
    qtbot.keyClick(pane.composer.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "281 characters, at most 280" in pane.message_line.message()
    assert pane.composer.text() == "X" * 281  # nothing typed is lost
    assert _replies(sample_store, complaint_id) == []


@pytest.mark.parametrize("state", [ReplyState.SENT, ReplyState.SENDING, ReplyState.CANCELLED])
def test_each_reply_shows_its_outbox_state(
    qtbot: QtBot, pane: ComplaintPane, sample_store: Store, state: ReplyState
) -> None:
    complaint_id = complaint_with(sample_store, Status.NEW)
    reply_id = actions.queue_reply(sample_store, complaint_id, "Sudah kami respons.", "andi")
    with sample_store.write() as conn:
        conn.execute(
            update(OutboxRow).where(OutboxRow.reply_id == reply_id).values(state=state.value)
        )
    show(qtbot, pane, complaint_id)
    assert _reply_bubbles(pane)[0].state_label.text() == f"● {reply_state_label(state)}"


def test_a_waiting_reply_says_why_it_waits(
    qtbot: QtBot, pane: ComplaintPane, sample_store: Store
) -> None:
    complaint_id = complaint_with(sample_store, Status.NEW)
    reply_id = actions.queue_reply(sample_store, complaint_id, "Sudah kami respons.", "andi")
    with sample_store.write() as conn:
        conn.execute(
            update(OutboxRow)
            .where(OutboxRow.reply_id == reply_id)
            .values(state="queued", attempts=1, last_reason="rate_limited", last_error=None)
        )
    show(qtbot, pane, complaint_id)
    tooltip = _reply_bubbles(pane)[0].state_label.toolTip()
    assert tooltip.endswith("\n" + reason_text(SendReason.RATE_LIMITED))
    assert "The platform asked to wait" in tooltip


def _failed_reply(store: Store, complaint_id: int) -> int:
    reply_id = actions.queue_reply(store, complaint_id, "Mohon kirim detail lewat DM.", "andi")
    with store.write() as conn:
        conn.execute(
            update(OutboxRow)
            .where(OutboxRow.reply_id == reply_id)
            .values(
                state="failed",
                last_reason="messaging_window",
                last_error="(#10) Outside of the allowed messaging window",
            )
        )
    return reply_id


def test_failed_reply_shows_the_reason_and_edit_copies_the_text(
    qtbot: QtBot, pane: ComplaintPane, sample_store: Store
) -> None:
    complaint_id = complaint_with(sample_store, Status.NEW)
    _failed_reply(sample_store, complaint_id)
    show(qtbot, pane, complaint_id)
    bubble = _reply_bubbles(pane)[0]
    assert bubble.state_label.text() == f"● {reply_state_label(ReplyState.FAILED)}"
    explanation, platform_words = bubble.reason.text().split("\n")
    assert explanation == reason_text(SendReason.MESSAGING_WINDOW)  # the code, explained
    assert explanation.startswith("The 24-hour window to answer")
    assert platform_words == "The platform said: (#10) Outside of the allowed messaging window"
    pane.composer.editor.setPlainText("teks yang sedang ditulis")
    bubble.edit_button.click()
    assert pane.composer.text() == "Mohon kirim detail lewat DM."
    pane.composer.editor.undo()  # what was there before is one undo away
    assert pane.composer.text() == "teks yang sedang ditulis"


def test_retry_queues_the_failed_reply_again(
    qtbot: QtBot, pane: ComplaintPane, sample_store: Store
) -> None:
    complaint_id = complaint_with(sample_store, Status.NEW)
    _failed_reply(sample_store, complaint_id)
    show(qtbot, pane, complaint_id)
    with qtbot.waitSignal(pane.complaint_changed):
        _reply_bubbles(pane)[0].retry_button.click()
    assert _replies(sample_store, complaint_id) == [
        ("Mohon kirim detail lewat DM.", ReplyState.QUEUED)
    ]
    qtbot.waitUntil(lambda: _reply_bubbles(pane)[0].reply.state is ReplyState.QUEUED)
