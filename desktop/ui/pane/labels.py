"""Words only the pane needs; the shared ones are in ``desktop.ui.labels``."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from desktop.core.deadlines import UnitZone
from desktop.core.model import ReplyState
from desktop.ui.labels import unit_time_text


def message_time(value: datetime, zone: UnitZone) -> str:
    """A message's platform time on the unit's clock, with the date and zone."""
    return unit_time_text(value, zone, with_date=True)


def reply_state_hint(state: ReplyState) -> str:
    """One sentence that says what an outbox state means for the officer."""
    hints = {
        ReplyState.QUEUED: QCoreApplication.translate(
            "ReplyState", "Saved in the outbox; it is sent when a connection is available."
        ),
        ReplyState.SENDING: QCoreApplication.translate("ReplyState", "Being sent to the platform."),
        ReplyState.UNCERTAIN: QCoreApplication.translate(
            "ReplyState",
            "The outcome of sending is not known yet; the thread is checked before any retry.",
        ),
        ReplyState.SENT: QCoreApplication.translate("ReplyState", "Accepted by the platform."),
        ReplyState.FAILED: QCoreApplication.translate(
            "ReplyState", "The platform refused this reply."
        ),
        ReplyState.CANCELLED: QCoreApplication.translate(
            "ReplyState", "Cancelled; it will not be sent."
        ),
    }
    return hints[state]
