"""Ingest: idempotent upserts, the cursor in the same transaction, queue columns."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from desktop.core.deadlines import DeadlineSettings
from desktop.core.model import Status
from desktop.core.store import actions, queries, queue_pages
from desktop.core.store.database import Store
from desktop.core.store.ingest import ingest
from desktop.core.store.schema import AccountRow, MessageRow
from tests.support import NOW, ItemFactory, add_account

pytestmark = pytest.mark.both_dialects


def _cursor(store: Store, account_id: int) -> str | None:
    with store.read() as conn:
        return conn.execute(select(AccountRow.cursor).where(AccountRow.id == account_id)).scalar()


def _message_count(store: Store) -> int:
    with store.read() as conn:
        return int(conn.execute(select(func.count()).select_from(MessageRow)).scalar_one())


def test_ingest_stores_items_and_advances_cursor(
    store: Store, account_id: int, make_item: ItemFactory
) -> None:
    result = ingest(store, account_id, [make_item(1), make_item(2)], cursor="page-1")
    assert result.new_messages == 2
    assert len(result.changed_complaints) == 2
    assert _cursor(store, account_id) == "page-1"
    assert _message_count(store) == 2


def test_ingest_twice_stores_nothing_twice(
    store: Store, account_id: int, make_item: ItemFactory
) -> None:
    items = [make_item(1), make_item(2, thread="t1"), make_item(3)]
    ingest(store, account_id, items, cursor="a")
    again = ingest(store, account_id, items, cursor="b")
    assert again.new_messages == 0
    assert again.changed_complaints == frozenset()
    assert _message_count(store) == 3
    assert _cursor(store, account_id) == "b"
    with store.read() as conn:
        assert queue_pages.queue_count(conn, queries.QueueFilter()) == 2


def test_duplicate_ids_inside_one_page_are_stored_once(
    store: Store, account_id: int, make_item: ItemFactory
) -> None:
    result = ingest(store, account_id, [make_item(1), make_item(1)], cursor=None)
    assert result.new_messages == 1


def test_same_platform_id_on_two_accounts_are_two_messages(
    store: Store, account_id: int, make_item: ItemFactory
) -> None:
    from desktop.core.model import Channel

    other = add_account(store, Channel.X, "humas_polda")
    ingest(store, account_id, [make_item(1)], cursor=None)
    ingest(store, other, [make_item(1)], cursor=None)
    assert _message_count(store) == 2


def test_clock_starts_at_platform_time_not_sync_time(
    store: Store, account_id: int, make_item: ItemFactory
) -> None:
    # A PC offline for two days: the message is 48 h old when it arrives.
    ingest(store, account_id, [make_item(1, hours_ago=48)], cursor=None)
    with store.read() as conn:
        (complaint,) = queue_pages.queue_page(conn, queries.QueueFilter())
    assert complaint.clock_started_at == NOW - timedelta(hours=48)
    assert complaint.due_at == NOW - timedelta(hours=24)
    with store.read() as conn:
        assert queue_pages.queue_count(conn, queries.QueueFilter(overdue_at=NOW)) == 1


def test_our_reply_seen_on_the_platform_acknowledges(
    store: Store, account_id: int, make_item: ItemFactory
) -> None:
    ingest(store, account_id, [make_item(1, hours_ago=5)], cursor=None)
    ingest(store, account_id, [make_item(2, thread="t1", hours_ago=4, outbound=True)], cursor=None)
    with store.read() as conn:
        (complaint,) = queue_pages.queue_page(conn, queries.QueueFilter())
    assert complaint.status is Status.ACKNOWLEDGED
    assert complaint.clock_started_at is None
    assert complaint.last_public_answer_at == NOW - timedelta(hours=4)
    assert complaint.due_at == NOW - timedelta(hours=4) + DeadlineSettings().progress_every


def test_follow_up_after_answer_restarts_the_clock(
    store: Store, account_id: int, make_item: ItemFactory
) -> None:
    ingest(
        store,
        account_id,
        [
            make_item(1, hours_ago=10),
            make_item(2, thread="t1", hours_ago=9, outbound=True),
            make_item(3, thread="t1", hours_ago=2, text="sudah 3 hari belum ada kabar"),
        ],
        cursor=None,
    )
    with store.read() as conn:
        (complaint,) = queue_pages.queue_page(conn, queries.QueueFilter())
    assert complaint.clock_started_at == NOW - timedelta(hours=2)
    assert complaint.due_at == NOW - timedelta(hours=2) + timedelta(hours=24)


def test_new_message_reopens_a_resolved_complaint(
    store: Store, account_id: int, make_item: ItemFactory
) -> None:
    ingest(
        store,
        account_id,
        [make_item(1, hours_ago=10), make_item(2, thread="t1", hours_ago=9, outbound=True)],
        cursor=None,
    )
    actions.change_status(store, 1, Status.RESOLVED, "ani")
    ingest(store, account_id, [make_item(3, thread="t1", hours_ago=1)], cursor=None)
    with store.read() as conn:
        detail = queries.complaint_detail(conn, 1)
    assert detail.complaint.status is Status.IN_PROGRESS
    assert detail.complaint.due_at is not None


def test_backfilled_old_message_does_not_reopen(
    store: Store, account_id: int, make_item: ItemFactory
) -> None:
    ingest(
        store,
        account_id,
        [make_item(1, hours_ago=10), make_item(2, thread="t1", hours_ago=9, outbound=True)],
        cursor=None,
    )
    actions.change_status(store, 1, Status.RESOLVED, "ani")
    ingest(store, account_id, [make_item(3, thread="t1", hours_ago=11)], cursor=None)
    with store.read() as conn:
        assert queries.complaint_detail(conn, 1).complaint.status is Status.RESOLVED


def test_messages_are_kept_in_platform_order(
    store: Store, account_id: int, make_item: ItemFactory
) -> None:
    ingest(
        store,
        account_id,
        [make_item(3, thread="t1", hours_ago=1), make_item(1, hours_ago=3)],
        cursor=None,
    )
    ingest(store, account_id, [make_item(2, thread="t1", hours_ago=2)], cursor=None)
    with store.read() as conn:
        detail = queries.complaint_detail(conn, 1)
    assert [m.platform_id for m in detail.messages] == ["m1", "m2", "m3"]
    assert detail.complaint.excerpt.startswith("Motor saya hilang")


def test_fetched_pages_skip_the_fsync_and_officers_writes_keep_it(
    store: Store, account_id: int, make_item: ItemFactory
) -> None:
    from sqlalchemy import event

    seen: list[str] = []
    # SQLite sets each write's sync mode; PostgreSQL relaxes only the fetched page's commit.
    on_sqlite = store.path is not None
    setting = "PRAGMA synchronous" if on_sqlite else "SET LOCAL synchronous_commit"

    def record(conn: object, cursor: object, statement: str, *args: object) -> None:
        if statement.startswith(setting):
            seen.append(statement)

    event.listen(store.engine, "before_cursor_execute", record)
    try:
        ingest(store, account_id, [make_item(1)], cursor="c")
        actions.queue_reply(store, 1, "Terima kasih, segera kami cek.", "ani")
    finally:
        event.remove(store.engine, "before_cursor_execute", record)
    if on_sqlite:
        assert seen == ["PRAGMA synchronous = NORMAL", "PRAGMA synchronous = FULL"]
    else:
        assert seen == ["SET LOCAL synchronous_commit = off"]


def test_our_reply_alone_starts_no_complaint(
    store: Store, account_id: int, make_item: ItemFactory
) -> None:
    # Our reply in someone else's conversation that is not a complaint here.
    result = ingest(store, account_id, [make_item(1, outbound=True)], cursor="c")
    assert result.new_messages == 0
    with store.read() as conn:
        assert queue_pages.queue_count(conn, queries.QueueFilter(statuses=frozenset(Status))) == 0
    # In a page with the citizen's message, the complaint takes their name and words.
    ingest(
        store,
        account_id,
        [make_item(2, thread="t3", hours_ago=1, outbound=True), make_item(3, hours_ago=2)],
        cursor="d",
    )
    with store.read() as conn:
        (complaint,) = queue_pages.queue_page(conn, queries.QueueFilter(statuses=frozenset(Status)))
    assert complaint.author_name == "Budi Santoso"
    assert complaint.status is Status.ACKNOWLEDGED
