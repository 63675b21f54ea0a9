"""Turning one id order into another: the plan's steps always arrive at the new order."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from desktop.ui.id_diff import plan

unique_ids = st.lists(st.integers(min_value=0, max_value=60), unique=True, max_size=40)


@given(old=unique_ids, new=unique_ids)
def test_replaying_the_plan_gives_the_new_order(old: list[int], new: list[int]) -> None:
    steps = plan(old, new)
    ids = list(old)
    for removal in steps.removals:
        assert 0 <= removal.first <= removal.last < len(ids)
        del ids[removal.first : removal.last + 1]
    for insertion in steps.insertions:
        assert 0 <= insertion.row <= len(ids)
        ids[insertion.row : insertion.row] = insertion.ids
    assert sorted(ids) == sorted(new)
    assert steps.reordered == (ids != new)


def test_nothing_to_do_for_the_same_order() -> None:
    steps = plan([3, 1, 2], [3, 1, 2])
    assert (steps.removals, steps.insertions, steps.reordered) == ((), (), False)
