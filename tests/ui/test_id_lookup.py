"""Finding one id among the queue's loaded ids without walking them one by one."""

from __future__ import annotations

import sys
from array import array
from collections.abc import Iterator
from typing import Any

from desktop.ui.id_lookup import row_in
from desktop.ui.queue_model import QueueModel


class WatchedIds(array):  # type: ignore[type-arg]
    """An id array that counts the calls that walk it id by id."""

    walked = 0

    def index(self, *args: Any) -> int:
        WatchedIds.walked += 1
        return super().index(*args)

    def __iter__(self) -> Iterator[int]:
        WatchedIds.walked += 1
        return super().__iter__()


def test_finds_each_id_and_none_for_the_missing() -> None:
    ids = array("q", [5, -3, 2**40, 7, 2**63 - 1, -(2**63)])
    assert [row_in(ids, cid) for cid in ids] == list(range(len(ids)))
    assert row_in(ids, 6) is None
    assert row_in(ids, 2**64) is None  # not a 64-bit id at all
    assert row_in(array("q"), 5) is None


def test_bytes_across_two_ids_are_not_an_id() -> None:
    first, second = (0x1111111122222222).to_bytes(8, sys.byteorder), bytes(8)
    straddling = int.from_bytes(first[4:] + second[:4], sys.byteorder, signed=True)
    ids = array("q", [0x1111111122222222, 0, straddling])
    assert row_in(ids, straddling) == 2  # found where it is, not half in the first id


def test_the_ids_can_grow_after_a_lookup() -> None:
    ids = array("q", range(10))
    assert row_in(ids, 9) == 9
    ids.extend([10, 11])  # no view on the block is left behind (it could not grow)
    del ids[0]
    assert row_in(ids, 11) == 10


def test_a_list_is_searched_too() -> None:
    assert row_in([4, 5, 6], 6) == 2
    assert row_in([4, 5, 6], 7) is None


def test_the_model_finds_a_row_without_walking_its_ids(loaded_model: QueueModel) -> None:
    # ids.index made a Python integer of every id before the one wanted: 7-13 ms on the
    # GUI thread with 800k loaded, each time a complaint was selected.
    rows = loaded_model.rowCount()
    wanted = loaded_model.complaint_id(rows - 1)
    assert wanted is not None
    loaded_model._ids = WatchedIds("q", loaded_model._ids)
    WatchedIds.walked = 0
    assert loaded_model.row_of(wanted) == rows - 1
    assert loaded_model.row_of(-1) is None
    assert WatchedIds.walked == 0
