"""The store on PostgreSQL: migrations both ways, Indonesian search, a busy row."""

from __future__ import annotations

from collections.abc import Iterator

import psycopg
import pytest
from sqlalchemy import URL, Connection, inspect, text

from desktop.core.errors import UserError
from desktop.core.model import Channel, Status
from desktop.core.store import actions, postgresql, queries, queue_pages
from desktop.core.store.database import (
    MIGRATIONS,
    Store,
    head_revision,
    open_postgresql,
    schema_revision,
)
from desktop.core.store.ingest import ingest
from tests.postgres_support import empty_tables
from tests.support import ItemFactory, add_account

pytestmark = pytest.mark.postgresql


def _alembic(conn: Connection, verb: str, target: str) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = conn
    getattr(command, verb)(config, target)
    conn.commit()


def _schema(conn: Connection) -> dict[str, list[str]]:
    def names(sql: str) -> list[str]:
        return sorted(conn.execute(text(sql)).scalars())

    return {
        "tables": names("SELECT tablename FROM pg_tables WHERE schemaname = 'public'"),
        "functions": names(
            "SELECT proname FROM pg_proc WHERE pronamespace = 'public'::regnamespace "
            "AND proname LIKE 'complaint%'"
        ),
        "triggers": names("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal"),
        "indexes": names("SELECT indexname FROM pg_indexes WHERE schemaname = 'public'"),
    }


def test_a_new_database_is_migrated_to_head(postgres_url: URL) -> None:
    store = open_postgresql(postgres_url)
    try:
        assert schema_revision(store) == head_revision()
        with store.read() as conn:
            schema = _schema(conn)
            columns = {c["name"]: str(c["type"]) for c in inspect(conn).get_columns("complaint")}
        assert {"complaint", "message", "complaint_search", "complaint_tally"} <= set(
            schema["tables"]
        )
        assert "ix_complaint_search_document" in schema["indexes"]
        assert {t for t in schema["triggers"] if not t.startswith("change_feed_")} == {
            "complaint_count_insert",
            "complaint_count_update",
            "complaint_count_delete",
            # 0009: the officer of a row is the login's (station team)
            *(f"{t}_officer_of_login" for t in ("reply", "note", "status_change", "presence")),
            # 0011: presence reaches the other desktops through NOTIFY
            "presence_notify_arrive_leave",
            "presence_notify_change",
        }
        assert columns["due_at"] == "TIMESTAMP"  # a real timestamp (UTC), not text
    finally:
        store.close()


def test_migrations_go_down_to_nothing_and_up_again(postgres_url: URL) -> None:
    store = open_postgresql(postgres_url)
    try:
        with store.read() as conn:
            at_head = _schema(conn)
        with store.engine.connect() as conn:
            _alembic(conn, "downgrade", "base")
            assert _schema(conn) == {
                "tables": ["alembic_version"],
                "functions": [],
                "triggers": [],
                "indexes": ["alembic_version_pkc"],
            }
            _alembic(conn, "upgrade", "head")
            assert _schema(conn) == at_head
        assert schema_revision(store) == head_revision()
    finally:
        store.close()


def test_reopening_an_up_to_date_database_keeps_its_data(
    postgres_url: URL, make_item: ItemFactory
) -> None:
    store = open_postgresql(postgres_url)
    account = add_account(store, Channel.X, "humas")
    ingest(store, account, [make_item(1)], cursor="c")
    store.close()
    again = open_postgresql(postgres_url)
    try:
        with again.read() as conn:
            assert queue_pages.queue_count(conn, queries.QueueFilter()) == 1
    finally:
        again.close()


@pytest.fixture
def station(postgres_migrated: URL) -> Iterator[Store]:
    store = open_postgresql(postgres_migrated)
    with store.write() as conn:
        empty_tables(conn)
    yield store
    store.close()


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("hilang ", [1]),  # "kehilangan": its stem
        ("kehilangan ", [1]),
        ("kehil", [1]),  # a word being typed: its prefix as written
        ("pencurian ", [2]),  # "dicuri" and "pencurian" share the stem "curi"
        ("motor ", [1, 2]),  # "motornya"
        ("MOTOR dicuri", [2]),
        ("balap", [3]),  # "balapan"
        ("Sitì ", [3]),  # accents and case dropped; the author's name is searched
        ("penipuan ", []),
        ("?!", []),
    ],
)
def test_search_stems_indonesian_words(
    station: Store, make_item: ItemFactory, typed: str, found: list[int]
) -> None:
    account = add_account(station, Channel.X, "humas")
    texts = [
        "Saya kehilangan motornya adik di pasar",
        "Motornya dicuri orang tadi malam",
        "Ada balapan liar tiap malam minggu",
    ]
    items = [make_item(n + 1, text=body) for n, body in enumerate(texts)]
    items[2] = make_item(3, text=texts[2], author="Siti Aminah")
    ingest(station, account, items, cursor=None)
    with station.read() as conn:
        got = queue_pages.queue_ids(conn, queries.QueueFilter(search=typed))
    assert sorted(got) == found


def test_a_row_held_too_long_is_a_busy_database_not_a_crash(
    postgres_migrated: URL, make_item: ItemFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(postgresql, "LOCK_TIMEOUT_MS", 200)
    store = open_postgresql(postgres_migrated)
    try:
        with store.write() as conn:
            empty_tables(conn)
        account = add_account(store, Channel.X, "humas")
        ingest(store, account, [make_item(1)], cursor=None)
        params = postgres_migrated.translate_connect_args(username="user", database="dbname")
        with psycopg.connect(**params) as other:  # another writer holds the complaint
            other.execute("SELECT id FROM complaint WHERE id = 1 FOR UPDATE")
            with pytest.raises(UserError) as raised:
                actions.change_status(store, 1, Status.DISMISSED, "ani")
        assert raised.value.code == "database_busy"
        with store.read() as conn:  # nothing was changed
            assert queries.complaint_detail(conn, 1).complaint.status is Status.NEW
    finally:
        store.close()
