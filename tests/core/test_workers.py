"""The database lane's order: what the officer waits for before sync work before counts."""

from __future__ import annotations

import threading

from desktop.core.workers import Priority, PriorityLane


def test_interactive_work_overtakes_queued_background_and_sync_work() -> None:
    lane = PriorityLane("test-lane")
    gate = threading.Event()
    ran: list[str] = []
    try:
        blocker = lane.submit(gate.wait, Priority.BACKGROUND)  # the lane is busy
        jobs = [
            lane.submit(lambda: ran.append("count 1"), Priority.BACKGROUND),
            lane.submit(lambda: ran.append("sync page"), Priority.SYNC),
            lane.submit(lambda: ran.append("count 2"), Priority.BACKGROUND),
            lane.submit(lambda: ran.append("search"), Priority.INTERACTIVE),
            lane.submit(lambda: ran.append("next page"), Priority.INTERACTIVE),
        ]
        gate.set()
        blocker.result(timeout=5)
        for job in jobs:
            job.result(timeout=5)
    finally:
        lane.shutdown()
    assert ran == ["search", "next page", "sync page", "count 1", "count 2"]


def test_shutdown_still_runs_what_was_queued() -> None:
    lane = PriorityLane("test-lane")
    gate = threading.Event()
    written: list[int] = []
    lane.submit(gate.wait, Priority.INTERACTIVE)
    last = lane.submit(lambda: written.append(1), Priority.BACKGROUND)
    closing = threading.Thread(target=lane.shutdown)
    closing.start()
    gate.set()
    closing.join(timeout=5)
    assert last.done()
    assert written == [1]
