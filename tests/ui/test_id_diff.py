"""Turning one id order into another: the plan's steps, and a shuffle's, always arrive at
the new order."""

from __future__ import annotations

import sys
import threading
from array import array

from hypothesis import given
from hypothesis import strategies as st

from desktop.ui.id_diff import plan, shuffle

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


@st.composite
def placements(draw: st.DrawFn) -> tuple[list[int], list[int], list[int], list[tuple[int, int]]]:
    """Loaded ids; some change (they leave, or move), new ones arrive anywhere between
    the unchanged ones. Returns the ids, the final order, and the placement's gone and
    arrive as the queue's placement gives them."""
    old = draw(unique_ids)
    changed = draw(st.sets(st.sampled_from(old))) if old else set()
    staying = [cid for cid in old if cid not in changed]
    coming = [cid for cid in old if cid in changed and draw(st.booleans())]
    coming += draw(st.lists(st.integers(100, 160), unique=True, max_size=12))
    final = list(staying)
    for cid in coming:
        final.insert(draw(st.integers(0, len(final))), cid)
    gone = [index for index, cid in enumerate(old) if cid in changed]
    arrive = []
    for row, cid in enumerate(final):
        if cid in staying:
            continue
        following = [c for c in final[row:] if c in staying]
        arrive.append((old.index(following[0]) if following else len(old), cid))
    return old, final, gone, arrive


@given(placements())
def test_a_shuffle_puts_every_row_in_its_final_place(
    case: tuple[list[int], list[int], list[int], list[tuple[int, int]]],
) -> None:
    old, final, gone, arrive = case
    moves = shuffle(array("q", old), gone, arrive)
    appended = old + moves.appended  # after the first step
    assert list(moves.grown) == appended  # the rows the first step leaves
    kept = len(moves.order) - moves.leaving
    assert len(moves.order) == len(appended)
    assert list(moves.order[:kept]) == final
    assert set(moves.order[kept:]) == set(old) - set(final)
    for row, cid in enumerate(appended):  # the layout change: every row follows its id
        assert moves.order[moves.row_after(row)] == cid


def test_the_ids_can_grow_while_a_shuffle_reads_them() -> None:
    """The model's thread appends a page of ids while the lane works out a placement
    over those same ids: a view held on them would make the append fail."""
    ids = array("q", range(400_000))
    gone = list(range(0, 400_000, 50))
    arrive = [(index, 1_000_000 + index) for index in range(25, 400_000, 50)]
    failures: list[BaseException] = []
    finished = threading.Event()

    def place() -> None:
        try:
            for _ in range(5):
                shuffle(ids, gone, arrive)
        except BaseException as error:
            failures.append(error)
        finally:
            finished.set()

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)  # hand the interpreter over often, mid-shuffle
    lane = threading.Thread(target=place)
    try:
        lane.start()
        while not finished.is_set():
            try:
                ids.append(-1)  # a page read meanwhile: the ids only ever grow then
            except BufferError as error:
                failures.append(error)
        lane.join()
    finally:
        sys.setswitchinterval(interval)
    assert failures == []
