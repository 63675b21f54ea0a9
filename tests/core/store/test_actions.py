"""Officer actions: replies with their outbox entry, notes, status changes, queue."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desktop.core.deadlines import DeadlineSettings, UnitSettings, UnitZone
from desktop.core.errors import UserError
from desktop.core.model import Channel, ReplyState, Status
from desktop.core.store import actions, queries, queue_pages
from desktop.core.store.database import Store
from desktop.core.store.ingest import ingest
from desktop.core.store.settings import load_unit_settings
from tests.support import NOW, ItemFactory, add_account

pytestmark = pytest.mark.both_dialects


@pytest.fixture
def complaint(store: Store, account_id: int, make_item: ItemFactory) -> int:
    ingest(store, account_id, [make_item(1, hours_ago=3)], cursor=None)
    return 1


def test_reply_is_queued_with_its_outbox_entry(store: Store, complaint: int) -> None:
    reply_id = actions.queue_reply(
        store, complaint, "  Terima kasih, kami tindak lanjuti.  ", "ani"
    )
    with store.read() as conn:
        (entry,) = queries.outbox(conn)
        detail = queries.complaint_detail(conn, complaint)
    assert entry.reply.id == reply_id
    assert entry.reply.state is ReplyState.QUEUED
    assert entry.reply.text == "Terima kasih, kami tindak lanjuti."
    assert entry.channel is Channel.X
    # Queued is not answered: the clock keeps running.
    assert detail.complaint.status is Status.NEW
    assert detail.complaint.clock_started_at == NOW - timedelta(hours=3)


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_empty_reply_is_refused(store: Store, complaint: int, text: str) -> None:
    with pytest.raises(UserError) as caught:
        actions.queue_reply(store, complaint, text, "ani")
    assert caught.value.code == "empty_text"
    with store.read() as conn:
        assert queries.outbox(conn) == []


def test_reply_longer_than_the_platform_allows_is_refused(store: Store, complaint: int) -> None:
    with pytest.raises(UserError) as caught:
        actions.queue_reply(store, complaint, "x" * 281, "ani")
    assert "281" in caught.value.english()
    assert "280" in caught.value.english()


def test_unknown_complaint(store: Store, account_id: int) -> None:
    for call in (
        lambda: actions.queue_reply(store, 999, "halo", "ani"),
        lambda: actions.add_note(store, 999, "cek", "ani"),
        lambda: actions.change_status(store, 999, Status.RESOLVED, "ani"),
    ):
        with pytest.raises(UserError) as caught:
            call()
        assert caught.value.code == "unknown_complaint"
        assert caught.value.english() == "Complaint #999 not found."


def test_internal_note_is_not_sent(store: Store, complaint: int) -> None:
    actions.add_note(store, complaint, "Sudah koordinasi dengan Reskrim", "ani")
    with store.read() as conn:
        detail = queries.complaint_detail(conn, complaint)
        assert queries.outbox(conn) == []
    (note,) = detail.notes
    assert not note.public
    assert note.reply_id is None


def test_public_note_is_also_queued_as_a_reply(store: Store, complaint: int) -> None:
    actions.add_note(store, complaint, "Pelaku sudah diamankan", "ani", public=True)
    with store.read() as conn:
        detail = queries.complaint_detail(conn, complaint)
    (note,) = detail.notes
    (reply,) = detail.replies
    assert note.public
    assert note.reply_id == reply.id
    assert reply.text == "Pelaku sudah diamankan"


def test_legal_status_path_and_audit(store: Store, complaint: int) -> None:
    for status in (Status.ACKNOWLEDGED, Status.IN_PROGRESS, Status.RESOLVED):
        assert actions.change_status(store, complaint, status, "ani") is status
    with store.read() as conn:
        detail = queries.complaint_detail(conn, complaint)
        changes = conn.exec_driver_sql("SELECT old_status, new_status, officer FROM status_change")
        assert [tuple(row) for row in changes] == [
            ("new", "acknowledged", "ani"),
            ("acknowledged", "in_progress", "ani"),
            ("in_progress", "resolved", "ani"),
        ]
    assert detail.complaint.status is Status.RESOLVED
    assert detail.complaint.due_at is None


def test_illegal_status_change_is_refused_and_changes_nothing(store: Store, complaint: int) -> None:
    with pytest.raises(UserError) as caught:
        actions.change_status(store, complaint, Status.RESOLVED, "ani")
    assert caught.value.code == "illegal_transition"
    assert "acknowledged" in caught.value.english()
    with store.read() as conn:
        assert queries.complaint_detail(conn, complaint).complaint.status is Status.NEW


def test_queue_filters_and_urgency_order(
    store: Store, account_id: int, make_item: ItemFactory
) -> None:
    other = add_account(store, Channel.INSTAGRAM, "humas_ig")
    ingest(store, account_id, [make_item(1, hours_ago=2), make_item(2, hours_ago=30)], None)
    ingest(
        store,
        other,
        [
            make_item(
                3, hours_ago=10, text="Ada balap liar tiap malam minggu", channel=Channel.INSTAGRAM
            )
        ],
        None,
    )
    actions.change_status(store, 1, Status.DISMISSED, "ani")
    with store.read() as conn:
        ordered = queue_pages.queue_page(conn, queries.QueueFilter())
        assert [c.id for c in ordered] == [2, 3]
        everything = queries.QueueFilter(statuses=frozenset(Status))
        assert queue_pages.queue_count(conn, everything) == 3
        only_ig = queries.QueueFilter(channel=Channel.INSTAGRAM)
        assert [c.id for c in queue_pages.queue_page(conn, only_ig)] == [3]
        assert queue_pages.queue_count(conn, queries.QueueFilter(overdue_at=NOW)) == 1
        assert queue_pages.queue_ids(conn, queries.QueueFilter(search="balap")) == [3]
        # Search ignores accents and case, and matches word prefixes and authors.
        assert queue_pages.queue_ids(conn, queries.QueueFilter(search="BALÁP lia")) == [3]
        assert queue_pages.queue_ids(conn, queries.QueueFilter(search="budi")) == [2, 3]
        assert queue_pages.queue_ids(conn, queries.QueueFilter(search="  ...  ")) == []


def test_unit_settings_retime_open_complaints(store: Store, complaint: int) -> None:
    settings = UnitSettings(
        name="Polres Jayapura",
        zone=UnitZone.WIT,
        deadlines=DeadlineSettings(first_answer=timedelta(hours=12)),
    )
    actions.set_unit_settings(store, settings)
    with store.read() as conn:
        assert load_unit_settings(conn) == settings
        detail = queries.complaint_detail(conn, complaint)
    assert detail.complaint.due_at == NOW - timedelta(hours=3) + timedelta(hours=12)


def test_draft_is_kept_until_cleared(store: Store, complaint: int) -> None:
    from desktop.core.store.drafts import clear_draft, load_draft, save_draft

    assert load_draft(store, complaint) == ""
    save_draft(store, complaint, "Halo Pak Budi, ")
    save_draft(store, complaint, "Halo Pak Budi, terima kasih")
    assert load_draft(store, complaint) == "Halo Pak Budi, terima kasih"
    clear_draft(store, complaint)
    assert load_draft(store, complaint) == ""
