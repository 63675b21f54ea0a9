"""Words the officer reads for the domain's values, through Qt's translation system.

Source strings are English; ``translations/aduan_id.ts`` gives the Indonesian
the officer sees by default. Every function reads the installed translators
when called, so a language switch takes effect at the next repaint.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime

from desktop.core.deadlines import Countdown, UnitZone, Urgency, to_unit_time
from desktop.core.model import Channel, ReplyState, Status


def status_label(status: Status) -> str:
    labels = {
        Status.NEW: QCoreApplication.translate("Labels", "New"),
        Status.ACKNOWLEDGED: QCoreApplication.translate("Labels", "Acknowledged"),
        Status.IN_PROGRESS: QCoreApplication.translate("Labels", "In progress"),
        Status.RESOLVED: QCoreApplication.translate("Labels", "Resolved"),
        Status.DISMISSED: QCoreApplication.translate("Labels", "Dismissed"),
    }
    return labels[status]


def channel_label(channel: Channel) -> str:
    """Platform names are not translated; they are proper names."""
    names = {
        Channel.INSTAGRAM: "Instagram",
        Channel.FACEBOOK: "Facebook",
        Channel.X: "X",
        Channel.YOUTUBE: "YouTube",
        Channel.TELEGRAM: "Telegram",
        Channel.TIKTOK: "TikTok",
        Channel.WHATSAPP: "WhatsApp",
    }
    return names[channel]


def reply_state_label(state: ReplyState | None) -> str:
    if state is None:
        return ""
    labels = {
        ReplyState.QUEUED: QCoreApplication.translate("Labels", "queued"),
        ReplyState.SENDING: QCoreApplication.translate("Labels", "sending"),
        ReplyState.UNCERTAIN: QCoreApplication.translate("Labels", "checking"),
        ReplyState.SENT: QCoreApplication.translate("Labels", "sent"),
        ReplyState.FAILED: QCoreApplication.translate("Labels", "failed"),
        ReplyState.CANCELLED: QCoreApplication.translate("Labels", "cancelled"),
    }
    return labels[state]


def urgency_label(urgency: Urgency) -> str:
    labels = {
        Urgency.NONE: QCoreApplication.translate("Labels", "No deadline"),
        Urgency.ON_TIME: QCoreApplication.translate("Labels", "On time"),
        Urgency.WARNING: QCoreApplication.translate("Labels", "Due soon"),
        Urgency.OVERDUE: QCoreApplication.translate("Labels", "Overdue"),
        Urgency.VIRAL: QCoreApplication.translate("Labels", "VIRAL RISK"),
    }
    return labels[urgency]


def duration_text(value: timedelta, *, compact: bool = False) -> str:
    """``abs(value)`` in its two largest units, cut to whole minutes: "2 d 3 h".

    ``compact`` (the queue's narrow column) keeps one unit where a second adds
    little: whole days from two days on, whole hours from ten hours on.
    """
    minutes = abs(value) // timedelta(minutes=1)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    day = QCoreApplication.translate("Labels", "%1 d", "days, abbreviated").replace("%1", str(days))
    hour = QCoreApplication.translate("Labels", "%1 h", "hours, abbreviated").replace(
        "%1", str(hours)
    )
    minute = QCoreApplication.translate("Labels", "%1 m", "minutes, abbreviated").replace(
        "%1", str(mins)
    )
    if days:
        return f"{day} {hour}" if hours and not (compact and days >= 2) else day
    if hours:
        return f"{hour} {minute}" if mins and not (compact and hours >= 10) else hour
    return minute


def countdown_text(value: Countdown) -> str:
    """ "5 h left", "2 d overdue", "VIRAL RISK" or a dash when nothing is due."""
    if value.remaining is None:
        return "—"
    if value.urgency is Urgency.VIRAL:
        return urgency_label(Urgency.VIRAL)
    amount = duration_text(value.remaining, compact=True)
    if value.remaining > timedelta(0):
        return QCoreApplication.translate("Labels", "%1 left").replace("%1", amount)
    return QCoreApplication.translate("Labels", "%1 overdue").replace("%1", amount)


def countdown_tooltip(value: Countdown, zone: UnitZone) -> str:
    if value.due_at is None or value.remaining is None:
        return QCoreApplication.translate("Labels", "Nothing due")
    due = unit_time_text(value.due_at, zone, with_date=True)
    lines = [QCoreApplication.translate("Labels", "Due %1").replace("%1", due)]
    if value.remaining <= timedelta(0):
        lines.append(
            QCoreApplication.translate("Labels", "%1 overdue").replace(
                "%1", duration_text(value.remaining)
            )
        )
    if value.viral_at is not None:
        viral = unit_time_text(value.viral_at, zone, with_date=True)
        lines.append(QCoreApplication.translate("Labels", "Viral horizon %1").replace("%1", viral))
    return "\n".join(lines)


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
    stamp = QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
    text = QLocale().toString(stamp, "HH:mm" if same_day else "d MMM HH:mm")
    return f"{text} {zone.label}" if zone_label else text
