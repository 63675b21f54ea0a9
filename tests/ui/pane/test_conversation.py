"""Showing a complaint: the thread in order, in the unit's time zone, the deadline bar."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from pytestqt.qtbot import QtBot

from desktop.core.deadlines import UnitSettings, UnitZone
from desktop.core.model import Direction, ReplyState, Status
from desktop.core.store import actions, outbox, queries
from desktop.core.store.database import Store
from desktop.ui.complaint_pane import ComplaintPane
from desktop.ui.pane.bubbles import MessageBubble, ReplyBubble
from tests.ui.pane.conftest import complaint_with, show


def test_empty_state_until_a_complaint_is_chosen(pane: ComplaintPane) -> None:
    assert pane.stack.currentWidget() is pane.empty_page
    assert pane.empty_page.text() == "Choose a complaint in the list"  # source text (English)


def test_messages_show_in_platform_time_order(
    qtbot: QtBot, pane: ComplaintPane, sample_store: Store
) -> None:
    complaint_id = complaint_with(sample_store, Status.IN_PROGRESS, min_messages=3, channel=None)
    show(qtbot, pane, complaint_id)
    with sample_store.read() as conn:
        messages = queries.complaint_detail(conn, complaint_id).messages
    bubbles = [b for b in pane.detail.conversation.bubbles if isinstance(b, MessageBubble)]
    assert [b.message.id for b in bubbles] == [m.id for m in messages]
    times = [b.message.platform_time for b in bubbles]
    assert times == sorted(times)
    assert pane.stack.currentWidget() is pane.detail
    for bubble in bubbles:  # citizen on the left, our account on the right
        assert bubble.own == (bubble.message.direction is Direction.OUTBOUND)
        assert bubble.body.text() == bubble.message.text


def test_times_are_shown_in_the_unit_zone(
    qtbot: QtBot, pane: ComplaintPane, sample_store: Store
) -> None:
    actions.set_unit_settings(sample_store, UnitSettings(name="Polres Jayapura", zone=UnitZone.WIT))
    complaint_id = complaint_with(sample_store, Status.NEW)
    show(qtbot, pane, complaint_id)
    first = pane.detail.conversation.bubbles[0]
    assert isinstance(first, MessageBubble)
    local = first.message.platform_time.astimezone(UnitZone.WIT.tzinfo)
    assert first.header.text().endswith(f"{local:%H:%M} WIT")


def test_message_text_is_plain_and_selectable(
    qtbot: QtBot, pane: ComplaintPane, sample_store: Store
) -> None:
    show(qtbot, pane, complaint_with(sample_store, Status.NEW))
    body = pane.detail.conversation.bubbles[0].body
    assert body.textFormat().name == "PlainText"
    assert body.textInteractionFlags().value & 1  # TextSelectableByMouse


def test_deadline_bar_shows_time_left_in_words(
    qtbot: QtBot, pane: ComplaintPane, sample_store: Store
) -> None:
    show(qtbot, pane, complaint_with(sample_store, Status.NEW))
    headline = pane.detail.deadline_bar.headline.text()
    assert headline.startswith("First answer: ")
    assert headline.endswith((" left", " overdue"))
    assert "viral horizon (72 h)" in pane.detail.deadline_bar.details.text()
    assert pane.detail.deadline_bar.chip.text()  # the urgency in words, not colour alone


def test_none_returns_to_the_empty_state(
    qtbot: QtBot, pane: ComplaintPane, sample_store: Store
) -> None:
    show(qtbot, pane, complaint_with(sample_store, Status.NEW))
    pane.show_complaint(None)
    assert pane.stack.currentWidget() is pane.empty_page
    assert pane.complaint_id is None


def test_unknown_complaint_is_a_calm_message(qtbot: QtBot, pane: ComplaintPane) -> None:
    pane.show_complaint(999_999)
    qtbot.waitUntil(lambda: pane.message_line.message() != "")
    assert "999999" in pane.message_line.message()
    assert pane.stack.currentWidget() is pane.empty_page


def test_a_changed_reply_is_rebuilt_in_place_and_the_rest_kept(
    qtbot: QtBot, pane: ComplaintPane, sample_store: Store
) -> None:
    complaint_id = complaint_with(sample_store, Status.IN_PROGRESS, min_messages=3, channel=None)
    show(qtbot, pane, complaint_id)
    conversation = pane.detail.conversation
    reply_id = actions.queue_reply(sample_store, complaint_id, "Sedang kami cek.", "bripka.andi")
    pane.reload()
    qtbot.waitUntil(lambda: isinstance(conversation.bubbles[-1], ReplyBubble))
    kept = list(conversation.bubbles)
    with sample_store.write() as conn:
        outbox.cancel(conn, reply_id)
    pane.reload()
    last = conversation.bubbles
    qtbot.waitUntil(
        lambda: isinstance(last[-1], ReplyBubble) and last[-1].reply.state is ReplyState.CANCELLED
    )
    assert conversation.bubbles[:-1] == kept[:-1]  # the same widgets, not rebuilt
    assert conversation.bubbles[-1] is not kept[-1]
    assert len(conversation.bubbles) == len(kept)


def test_words_are_rebuilt_when_the_language_changes(
    qtbot: QtBot, pane: ComplaintPane, sample_store: Store
) -> None:
    show(qtbot, pane, complaint_with(sample_store, Status.NEW))
    conversation = pane.detail.conversation
    before = list(conversation.bubbles)
    QCoreApplication.sendEvent(pane.detail, QEvent(QEvent.Type.LanguageChange))
    qtbot.waitUntil(lambda: conversation.bubbles != before)
    assert len(conversation.bubbles) == len(before)
