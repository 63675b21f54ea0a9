"""The status bar's summary says a capped search count as "more than"."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop.ui.status_summary import StatusSummary


def test_a_search_that_stopped_counting_says_more_than(qtbot: QtBot) -> None:
    summary = StatusSummary()
    qtbot.addWidget(summary)
    summary.set_filtering(True)
    summary.set_shown(1000, more=True)
    assert summary.text().startswith("more than 1.000 shown")
    summary.set_shown(42)
    assert summary.text().startswith("42 shown")
