"""The search index's prefix indexes (migration 0010): same matches, read faster."""

from __future__ import annotations

import re
import unicodedata

import pytest
from alembic import command
from sqlalchemy import Connection

from desktop.core.store import queries, queue_pages, sqlite
from desktop.core.store.database import MIGRATIONS, Store, _alembic_config, schema_revision

# Beginnings of words of the sample complaints, one to six letters, and whole words.
TYPED = [
    "p", "pa", "pak", "pak ", "mot", "moto", "motor", "motor ", "motorn", "hil", "hilang ",
    "tolong", "kna", "knalpo", "dijam", "pak mot", "pak motor ", "bu", "selamat mal",
    "xyz", "é", "jl", "hp ",
]  # fmt: skip


def _ids_for_each_typed(conn: Connection) -> dict[str, list[int]]:
    return {
        typed: queue_pages.queue_ids(conn, queries.QueueFilter(search=typed)) for typed in TYPED
    }


def test_a_new_search_index_keeps_prefix_indexes(store: Store) -> None:
    with store.read() as conn:
        assert sqlite.search_index_has_prefixes(conn)


def test_the_prefix_indexes_change_no_match_nor_order(sample_store: Store) -> None:
    """The sample's searches with prefix indexes equal those without (0010's downgrade),
    and each search equals a plain reference over the messages' words."""
    with sample_store.write() as conn:
        with_prefixes = _ids_for_each_typed(conn)
        sqlite.set_search_prefixes(conn, prefixes=False)
        assert not sqlite.search_index_has_prefixes(conn)
        without = _ids_for_each_typed(conn)
        sqlite.set_search_prefixes(conn, prefixes=True)
        assert sqlite.search_index_has_prefixes(conn)
        again = _ids_for_each_typed(conn)
        reference = {typed: set(_reference_ids(conn, typed)) for typed in TYPED}
    assert with_prefixes == without == again
    assert {typed: set(ids) for typed, ids in with_prefixes.items()} == reference
    assert any(len(ids) > 20 for ids in with_prefixes.values())  # the sample is not trivial


def test_migration_0010_builds_the_prefix_indexes_and_keeps_every_match(
    sample_store: Store,
) -> None:
    with sample_store.read() as conn:
        before = _ids_for_each_typed(conn)
    with sample_store.engine.connect() as conn:
        command.downgrade(_alembic_config(MIGRATIONS, conn), "0006")
        conn.commit()
        assert not sqlite.search_index_has_prefixes(conn)
        command.upgrade(_alembic_config(MIGRATIONS, conn), "0010")
        conn.commit()
        assert sqlite.search_index_has_prefixes(conn)
    assert schema_revision(sample_store) == "0010"
    with sample_store.read() as conn:
        assert _ids_for_each_typed(conn) == before


@pytest.mark.parametrize("prefixes", [True, False])
def test_making_the_index_again_with_what_it_has_is_a_no_op(
    store: Store, *, prefixes: bool
) -> None:
    with store.write() as conn:
        sqlite.set_search_prefixes(conn, prefixes=prefixes)
        table = "SELECT rootpage FROM sqlite_master WHERE name = 'complaint_search_data'"
        root = conn.exec_driver_sql(table).scalar()
        sqlite.set_search_prefixes(conn, prefixes=prefixes)
        assert conn.exec_driver_sql(table).scalar() == root


def _words(text: str) -> list[str]:
    """unicode61 with remove_diacritics 2: lower case, accents removed, split on non-word."""
    plain = "".join(
        c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c)
    )
    return re.findall(r"[^\W_]+", plain)


def _reference_ids(conn: Connection, typed: str) -> list[int]:
    """Open complaints whose inbound messages hold every typed word (the last one
    typed, as a prefix), found by reading every message: no index."""
    wanted = _words(typed)
    if not wanted:
        return []
    prefix_last = bool(re.search(r"\w$", typed))
    rows = conn.exec_driver_sql(
        "SELECT c.id, group_concat(m.text, ' ') || ' ' || group_concat(m.author_name, ' ') "
        "FROM complaint c JOIN message m ON m.complaint_id = c.id "
        "WHERE m.direction = 'inbound' AND c.status IN ('new', 'acknowledged', 'in_progress') "
        "GROUP BY c.id"
    ).all()
    found = []
    for cid, text in rows:
        words = set(_words(text))
        exact, last = wanted[:-1], wanted[-1]
        if not all(word in words for word in exact):
            continue
        hit = any(w.startswith(last) for w in words) if prefix_last else last in words
        if hit:
            found.append(cid)
    return found
