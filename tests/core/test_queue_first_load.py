"""A search's first load: only the rows the window shows first, the rest page by page."""

from __future__ import annotations

import pytest

from desktop.core.desk import queue
from desktop.core.store import queries
from desktop.core.store.database import Store
from tests.support import reference_queue_ids


def test_a_search_reads_a_short_first_page_and_continues_from_it(
    sample_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(queue, "FIRST_SEARCH_PAGE", 5)
    searched = queries.QueueFilter(search="pak")
    with sample_store.read() as conn:
        expected = reference_queue_ids(conn, searched)
        every_open = reference_queue_ids(conn, queries.QueueFilter())
    assert len(expected) > 5
    desk_queue = queue.Queue(sample_store)
    first = desk_queue.first_load(searched)
    assert first.page.ids == expected[:5]
    assert set(first.rows) == set(expected[:5])
    assert first.page.after is not None
    rest = desk_queue.next_page(searched, first.page.after)
    assert first.page.ids + rest.ids == expected
    # Without a search, the first page is a whole page.
    assert desk_queue.first_load(queries.QueueFilter()).page.ids == every_open[: queue.PAGE]
