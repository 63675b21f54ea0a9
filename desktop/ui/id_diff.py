"""Turning one ordered list of ids into another with the fewest model signals.

A list model that re-reads its ids must not reset (the selection and the
scroll position would jump): it removes what left, inserts what arrived and
moves the rest in one layout change. ``plan`` works that out (plain Python);
``replay`` performs it on a model's id list between the model's signals.
"""

from __future__ import annotations

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
        model.layoutAboutToBeChanged.emit()
        new_row = {cid: row for row, cid in enumerate(new_ids)}
        persistent = model.persistentIndexList()
        moved = [
            model.index(new_row[ids[index.row()]], index.column(), index.parent())
            for index in persistent
        ]
        ids[:] = new_ids
        model.changePersistentIndexList(persistent, moved)
        model.layoutChanged.emit()
