"""One clock: the queue's countdowns and the complaint pane read the same, skewed time."""

from __future__ import annotations

from datetime import timedelta

import pytest
from pytestqt.qtbot import QtBot

from desktop.core.clock import ClockSkew
from desktop.core.deadlines import Urgency
from desktop.ui.main_window import MainWindow
from desktop.ui.queue_columns import Column, Role
from tests.support import NOW
from tests.ui.conftest import wait_loaded

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _row_urgency(window: MainWindow, complaint_id: int) -> Urgency:
    model = window.queue_model
    row = model.row_of(complaint_id)
    assert row is not None
    return Urgency(model.index(row, Column.COUNTDOWN).data(Role.URGENCY))


def test_a_skewed_clock_moves_the_queue_and_the_pane_together(
    qtbot: QtBot, make_window: object
) -> None:
    window = make_window()  # type: ignore[operator]
    assert isinstance(window, MainWindow)
    wait_loaded(qtbot, window)
    model = window.queue_model
    # A complaint still in time by this PC's clock.
    in_time = next(
        cid
        for row in range(model.rowCount())
        if (cid := model.complaint_id(row)) is not None
        and (cached := model.cached_row(row)) is not None
        and cached.complaint.due_at is not None
        and cached.complaint.due_at > NOW + timedelta(hours=8)
    )
    window.queue_view.select_complaint(in_time)
    qtbot.waitUntil(lambda: window.pane.data is not None)
    bar = window.pane.detail.deadline_bar
    assert _row_urgency(window, in_time) is Urgency.ON_TIME
    before = bar.current_countdown()
    assert before is not None
    assert before.urgency is Urgency.ON_TIME

    # The platforms say this PC runs four days behind: both now count from their time.
    window.context.clock.skew = ClockSkew(timedelta(days=4), NOW)
    model.refresh_countdowns(0, model.rowCount() - 1)
    bar.refresh()
    after = bar.current_countdown()
    assert after is not None
    assert after.urgency in (Urgency.OVERDUE, Urgency.VIRAL)
    assert _row_urgency(window, in_time) is after.urgency
    assert after.remaining == before.remaining - timedelta(days=4)
