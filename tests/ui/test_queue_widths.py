"""Countdown, status and reply columns show their words whole, in both languages, real font."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from pytestqt.qtbot import QtBot

from desktop.core.deadlines import Countdown, DeadlineKind, Urgency
from desktop.core.model import ReplyState, Status
from desktop.ui.delegates import _REPLY_MARK, PAD
from desktop.ui.labels import countdown_text, reply_state_label, status_label
from desktop.ui.main_window import MainWindow
from desktop.ui.preferences import Language
from desktop.ui.queue_columns import Column
from tests.ui.conftest import wait_loaded

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

MakeWindow = Callable[..., MainWindow]
STATUS_DOT = 14  # the status delegate draws its words after PAD + 14 pixels


def _whole(font: QFont, text: str, room: int) -> bool:
    """What the delegates do: elide to the room they have."""
    return QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, room) == text


@pytest.mark.parametrize("language", [Language.INDONESIAN, Language.ENGLISH])
def test_status_and_reply_words_fit_their_columns(
    qtbot: QtBot, make_window: MakeWindow, language: Language
) -> None:
    window = make_window(language)
    window.show()
    wait_loaded(qtbot, window)
    view = window.queue_view
    font = view.font()
    status_room = view.columnWidth(Column.STATUS) - PAD - STATUS_DOT - PAD
    for status in Status:
        assert _whole(font, status_label(status), status_room), status_label(status)
    bold = QFont(font)
    bold.setBold(True)
    reply_room = view.columnWidth(Column.REPLY) - 2 * PAD
    for state in ReplyState:
        sign = _REPLY_MARK[state][0]
        text = f"{sign} {reply_state_label(state)}"
        assert _whole(bold, text, reply_room), text
    pill_room = view.columnWidth(Column.COUNTDOWN) - 2 * PAD
    waits = [timedelta(days=d, hours=h, minutes=59) for d in range(31) for h in (0, 9, 23)]
    for remaining in waits + [-wait for wait in waits]:
        urgency = Urgency.ON_TIME if remaining > timedelta(0) else Urgency.OVERDUE
        text = countdown_text(Countdown(None, None, remaining, urgency, DeadlineKind.ANSWER))
        advance = QFontMetrics(bold).horizontalAdvance(text)
        pill = min(pill_room, advance + 20)  # what the countdown delegate draws
        assert advance <= pill - 12, text  # else the delegate elides it
    assert status_label(Status.ACKNOWLEDGED) == (
        "Direspons" if language is Language.INDONESIAN else "Acknowledged"
    )


def test_columns_widen_when_the_language_changes(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window(Language.INDONESIAN)
    window.show()
    wait_loaded(qtbot, window)
    window.commands.language_actions[Language.ENGLISH].trigger()
    qtbot.waitUntil(lambda: status_label(Status.ACKNOWLEDGED) == "Acknowledged")
    view = window.queue_view
    qtbot.waitUntil(
        lambda: _whole(
            view.font(), "Acknowledged", view.columnWidth(Column.STATUS) - PAD - STATUS_DOT - PAD
        )
    )
