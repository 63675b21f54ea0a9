"""What the officer types becomes a search: whole words exact, the word being typed a prefix."""

from __future__ import annotations

import pytest

from desktop.core.store import queries, queue_pages
from desktop.core.store.database import Store
from desktop.core.store.ingest import ingest
from desktop.core.store.sqlite import fts_query
from tests.support import ItemFactory


@pytest.mark.parametrize(
    ("typed", "query"),
    [
        ("motor", '"motor"*'),
        ("motor ", '"motor"'),
        ("motor hil", '"motor" "hil"*'),
        ("motor, hilang.", '"motor" "hilang"'),
        ("  ?! ", None),
    ],
)
def test_whole_words_are_exact_and_the_last_one_typed_is_a_prefix(
    typed: str, query: str | None
) -> None:
    assert fts_query(typed) == query


def test_a_finished_word_does_not_match_longer_words(
    store: Store, account_id: int, make_item: ItemFactory
) -> None:
    ingest(
        store,
        account_id,
        [
            make_item(1, text="Motor saya hilang"),
            make_item(2, text="Motornya dicuri orang"),
        ],
        cursor=None,
    )
    with store.read() as conn:

        def ids(typed: str) -> list[int]:
            return sorted(queue_pages.queue_ids(conn, queries.QueueFilter(search=typed)))

        assert ids("motor") == [1, 2]
        assert ids("motor ") == [1]
        assert ids("motornya") == [2]
