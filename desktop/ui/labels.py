"""Words the officer reads for the domain's values, through the one translation catalogue.

The shared words (statuses, reply states, urgency, durations, countdowns) are
``desktop.i18n``'s, so that the window and the command line say them alike;
this module adds what only the window shows (tooltips, wall-clock times).
Every function reads the catalogue when called, so a language switch takes
effect at the next repaint.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime, QTimeZone

from desktop.core.deadlines import Countdown, UnitZone, to_unit_time
from desktop.i18n import (
    channel_label,
    countdown_text,
    duration_text,
    remaining_text,
    reply_state_label,
    status_label,
    urgency_label,
)

__all__ = [
    "channel_label",
    "countdown_text",
    "countdown_tooltip",
    "duration_text",
    "reply_state_label",
    "status_label",
    "unit_time_text",
    "urgency_label",
]


def countdown_tooltip(value: Countdown, zone: UnitZone) -> str:
    if value.due_at is None or value.remaining is None:
        return QCoreApplication.translate("Labels", "Nothing due")
    due = unit_time_text(value.due_at, zone, with_date=True)
    lines = [QCoreApplication.translate("Labels", "Due %1").replace("%1", due)]
    if value.remaining <= timedelta(0):
        lines.append(remaining_text(value.remaining))
    if value.viral_at is not None:
        viral = unit_time_text(value.viral_at, zone, with_date=True)
        lines.append(QCoreApplication.translate("Labels", "Viral horizon %1").replace("%1", viral))
    return "\n".join(lines)


_PRINTED = QTimeZone.utc()


def unit_time_text(
    value: datetime,
    zone: UnitZone,
    *,
    with_date: bool = False,
    now: datetime | None = None,
    zone_label: bool = True,
) -> str:
    """``value`` on the unit's wall clock: "14:05 WIB" today, "28 Nov 14:05 WIB" otherwise.

    Month names follow the interface language (``QLocale``'s default, set with it).
    """
    local = to_unit_time(value, zone)
    same_day = now is not None and not with_date and to_unit_time(now, zone).date() == local.date()
    # Already on the unit's clock: only printed, so no time zone. (A QDateTime in the
    # computer's local time cost 30 us, a tenth of a queue row, and would move a
    # time that falls in a daylight-saving gap of the computer's zone.)
    day, minute = QDate(local.year, local.month, local.day), QTime(local.hour, local.minute)
    stamp = QDateTime(day, minute, _PRINTED)
    text = QLocale().toString(stamp, "HH:mm" if same_day else "d MMM HH:mm")
    return f"{text} {zone.label}" if zone_label else text
