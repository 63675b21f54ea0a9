"""Finding changed ids among those the window has read: on the lane, a chunk at a time."""

from __future__ import annotations

from array import array

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.desk import queue


@given(
    loaded=st.lists(st.integers(1, 400), unique=True, max_size=60),
    wanted=st.sets(st.integers(1, 450), max_size=12),
    chunk=st.integers(1, 9),
    few=st.integers(0, 3),  # below it, found ids are looked up one by one; above, a pass
)
def test_positions_are_the_indexes_of_the_wanted_ids(
    loaded: list[int], wanted: set[int], chunk: int, few: int
) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(queue, "SCAN_CHUNK", chunk)
        patch.setattr(queue, "FEW", few)
        found = queue.positions(array("q", loaded), wanted)
    assert found == [index for index, cid in enumerate(loaded) if cid in wanted]
