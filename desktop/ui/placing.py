"""A placement's work on the database lane, for the queue model.

The model places changed complaints in the order it has read by running a
``Placing`` a step at a time, each step a lane job of its own. After the last
step, the new order of the ids read is worked out on the lane too: the GUI
thread only applies it.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass

from desktop.core.desk.queue import Placing, Queue
from desktop.ui.id_diff import Shuffle, shuffle


@dataclass(frozen=True, slots=True)
class Placed:
    """A placement done: the model steps that apply it, None when nothing moves."""

    moves: Shuffle | None


def place_step_on_lane(queue: Queue, placing: Placing, loaded: array[int]) -> Placed | None:
    """A step of ``placing`` (None while steps remain). After the last, the shuffle that
    applies the placement to ``loaded`` is worked out here too, on the lane: it is one
    pass over the ids, 20 ms for 8,000 changed among 800k read, too long for the GUI
    thread. The model applies it only if its ids are still ``loaded``."""
    placement = queue.place_step(placing)
    if placement is None:
        return None
    if not placement.gone and not placement.arrive:
        return Placed(None)
    return Placed(shuffle(loaded, placement.gone, placement.arrive))
