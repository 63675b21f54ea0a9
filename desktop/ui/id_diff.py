"""Turning one ordered list of ids into another with the fewest model signals.

A list model that re-reads its ids must not reset (the selection and the
scroll position would jump): it removes what left, inserts what arrived and
moves the rest in one layout change. ``plan`` works that out (plain Python);
``replay`` performs it on a model's id list between the model's signals.
``shuffle`` does the same for a few changed ids placed among many loaded
ones, in three signals whatever their number.
"""

from __future__ import annotations

import bisect
import heapq
from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import QAbstractItemModel, QModelIndex

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Removal:
    first: int  # rows first..last (inclusive) of the list as it is when applied
    last: int


@dataclass(frozen=True, slots=True)
class Insertion:
    row: int  # where the ids go in the list as it is when applied
    ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class IdPlan:
    removals: tuple[Removal, ...]  # apply in the given order (bottom first)
    insertions: tuple[Insertion, ...]  # apply after the removals, in the given order
    reordered: bool  # after both, the order still differs: one layout change


def plan(old: Sequence[int], new: Sequence[int]) -> IdPlan:
    """The steps that turn ``old`` into ``new`` (both free of duplicates)."""
    new_set = set(new)
    removals = [
        Removal(first, last) for first, last in reversed(runs(old, lambda i: i not in new_set))
    ]
    kept = [i for i in old if i in new_set]
    kept_set = set(kept)
    insertions: list[Insertion] = []
    current = list(kept)
    row = 0
    while row < len(new):
        if new[row] in kept_set:
            row += 1
            continue
        start = row
        while row < len(new) and new[row] not in kept_set:
            row += 1
        chunk = tuple(new[start:row])
        insertions.append(Insertion(start, chunk))
        current[start:start] = chunk
    return IdPlan(tuple(removals), tuple(insertions), current != list(new))


def runs(items: Sequence[T], wanted: Callable[[T], bool]) -> list[tuple[int, int]]:
    """(first, last) index ranges of consecutive items for which ``wanted(item)`` holds."""
    found: list[tuple[int, int]] = []
    start: int | None = None
    for row, value in enumerate(items):
        if wanted(value):
            if start is None:
                start = row
        elif start is not None:
            found.append((start, row - 1))
            start = None
    if start is not None:
        found.append((start, len(items) - 1))
    return found


def consecutive(indexes: Sequence[int]) -> list[tuple[int, int]]:
    """(first, last) ranges of consecutive values in the sorted ``indexes``."""
    found: list[tuple[int, int]] = []
    for index in indexes:
        if found and found[-1][1] == index - 1:
            found[-1] = (found[-1][0], index)
        else:
            found.append((index, index))
    return found


# A layout change that only reorders rows says so: the column header then skips its
# own bookkeeping (a dozen calls into the model, in Python, each waiting for the
# interpreter while a sync stores items) and is not repainted.
_LAYOUT_SIGNATURE = ("QList<QPersistentModelIndex>", "QAbstractItemModel::LayoutChangeHint")
_ROWS_ONLY = QAbstractItemModel.LayoutChangeHint.VerticalSortHint


def rows_about_to_move(model: QAbstractItemModel) -> None:
    model.layoutAboutToBeChanged[_LAYOUT_SIGNATURE].emit([], _ROWS_ONLY)  # type: ignore[index]


def rows_moved(model: QAbstractItemModel) -> None:
    model.layoutChanged[_LAYOUT_SIGNATURE].emit([], _ROWS_ONLY)  # type: ignore[index]


def replay(model: QAbstractItemModel, ids: list[int], new_ids: Sequence[int]) -> None:
    """Turn ``ids`` (the list behind ``model``'s rows) into ``new_ids``, signalling each step."""
    steps = plan(ids, new_ids)
    for removal in steps.removals:
        model.beginRemoveRows(QModelIndex(), removal.first, removal.last)
        del ids[removal.first : removal.last + 1]
        model.endRemoveRows()
    for insertion in steps.insertions:
        model.beginInsertRows(QModelIndex(), insertion.row, insertion.row + len(insertion.ids) - 1)
        ids[insertion.row : insertion.row] = insertion.ids
        model.endInsertRows()
    if steps.reordered:
        rows_about_to_move(model)
        new_row = {cid: row for row, cid in enumerate(new_ids)}
        persistent = model.persistentIndexList()
        moved = [
            model.index(new_row[ids[index.row()]], index.column(), index.parent())
            for index in persistent
        ]
        ids[:] = new_ids
        model.changePersistentIndexList(persistent, moved)
        rows_moved(model)


@dataclass(frozen=True, slots=True)
class Shuffle:
    """Changed ids placed among the loaded ones, as three model steps at most.

    First ``appended`` go in after the last row, as one block. Then one layout
    change puts every row where ``order`` says: the final order, followed by
    the ``leaving`` ids; ``row_after`` maps a row before it to its row after.
    Last, the ``leaving`` rows at the end go, as one block.
    """

    appended: list[int]
    grown: array[int]  # the ids with ``appended`` after them: the rows once they are in
    order: array[int]
    leaving: int
    row_after: Callable[[int], int]


def shuffle(ids: array[int], gone: Sequence[int], arrive: Sequence[tuple[int, int]]) -> Shuffle:
    """Take the ids at the (sorted) indexes ``gone`` out of ``ids``, and put each id of
    ``arrive`` (index in ``ids`` to go before, id; in final order) in.

    An id both gone and arriving moves. The order is copied in blocks (in C): the
    cost is one pass over the ids, however many change. ``ids`` is only read, a block
    at a time, never held through a view: it may be the model's own ids, which its
    thread may grow meanwhile (a view on an array stops it growing).
    """
    loaded = len(ids)
    leaving_at = {ids[index]: index for index in gone}
    arriving = {cid for _index, cid in arrive}
    removed = [index for index in gone if ids[index] not in arriving]
    appended = [cid for _index, cid in arrive if cid not in leaving_at]
    order = array("q", [0]) * (loaded + len(appended))
    with memoryview(order) as out:
        pos = prev = 0
        # At one index, an arrival goes in before the id there leaves.
        steps = heapq.merge(
            ((index, 0, cid) for index, cid in arrive), ((index, 1, 0) for index in gone)
        )
        for index, leaves, cid in steps:
            out[pos : pos + index - prev] = ids[prev:index]
            pos += index - prev
            if leaves:
                prev = index + 1
            else:
                out[pos] = cid
                pos += 1
                prev = index
        out[pos : pos + loaded - prev] = ids[prev:loaded]
        pos += loaded - prev
    for index in removed:
        order[pos] = ids[index]
        pos += 1
    kept = loaded - len(removed) + len(appended)
    final = {
        cid: index - bisect.bisect_left(gone, index) + before
        for before, (index, cid) in enumerate(arrive)
    }
    arrive_at = [index for index, _cid in arrive]

    def row_after(row: int) -> int:
        if row >= loaded:
            return final[appended[row - loaded]]
        cid = ids[row]
        if cid in final:
            return final[cid]
        position = bisect.bisect_left(removed, row)
        if position < len(removed) and removed[position] == row:
            return kept + position
        return row - bisect.bisect_left(gone, row) + bisect.bisect_right(arrive_at, row)

    grown = ids[:loaded] + array("q", appended) if appended else ids
    return Shuffle(appended, grown, order, len(removed), row_after)
