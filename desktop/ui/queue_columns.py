"""What each column of the queue shows, for each role a view or delegate asks.

Text for the display and for screen readers, values for the delegates to
paint from (urgency, channel, status, reply state), tooltips with the detail.
"""

from __future__ import annotations

import enum
import html
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt

from desktop.core.deadlines import Countdown, UnitSettings, countdown
from desktop.core.store.queue_pages import QueueRow
from desktop.ui import labels


class Column(enum.IntEnum):
    COUNTDOWN = 0
    CHANNEL = 1
    AUTHOR = 2
    EXCERPT = 3
    RECEIVED = 4
    STATUS = 5
    REPLY = 6


class Role(enum.IntEnum):
    COMPLAINT_ID = Qt.ItemDataRole.UserRole + 1  # int
    URGENCY = Qt.ItemDataRole.UserRole + 2  # int (deadlines.Urgency)
    CHANNEL = Qt.ItemDataRole.UserRole + 3  # str (model.Channel value)
    REPLY_STATE = Qt.ItemDataRole.UserRole + 4  # str (model.ReplyState value) or None
    STATUS = Qt.ItemDataRole.UserRole + 5  # str (model.Status value)
    PILL = Qt.ItemDataRole.UserRole + 6  # (text, urgency): all the countdown delegate paints


_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_ACCESSIBLE = Qt.ItemDataRole.AccessibleTextRole


def header_text(column: Column, *, tooltip: bool = False, zone: str = "") -> str:
    titles = {
        Column.COUNTDOWN: (
            QCoreApplication.translate("QueueColumns", "Deadline"),
            QCoreApplication.translate(
                "QueueColumns", "Time left for the first answer or the next progress update"
            ),
        ),
        Column.CHANNEL: (
            QCoreApplication.translate("QueueColumns", "Channel"),
            QCoreApplication.translate("QueueColumns", "Platform the complaint came from"),
        ),
        Column.AUTHOR: (
            QCoreApplication.translate("QueueColumns", "From"),
            QCoreApplication.translate("QueueColumns", "Who wrote the complaint"),
        ),
        Column.EXCERPT: (
            QCoreApplication.translate("QueueColumns", "Complaint"),
            QCoreApplication.translate("QueueColumns", "The start of the first message"),
        ),
        Column.RECEIVED: (
            QCoreApplication.translate("QueueColumns", "Received"),
            QCoreApplication.translate("QueueColumns", "Platform time, in the unit's time zone"),
        ),
        Column.STATUS: (
            QCoreApplication.translate("QueueColumns", "Status"),
            QCoreApplication.translate("QueueColumns", "Where the complaint stands"),
        ),
        Column.REPLY: (
            QCoreApplication.translate("QueueColumns", "Reply"),
            QCoreApplication.translate("QueueColumns", "Delivery of our replies"),
        ),
    }
    title, explanation = titles[column]
    if column is Column.RECEIVED and zone:
        title = f"{title} ({zone})"
    if tooltip:
        return f"{title}: {explanation}" if column is Column.CHANNEL else explanation
    return "" if column is Column.CHANNEL else title  # the icons speak for themselves


def cell_data(
    row: QueueRow,
    column: Column,
    role: int,
    clock: Countdown | None,
    unit: UnitSettings,
    now: datetime,
) -> Any:
    """The value of ``column`` for ``role``; ``clock`` is given for the countdown column."""
    c = row.complaint
    if role == Role.CHANNEL:
        return c.channel.value
    if role == Role.STATUS:
        return c.status.value
    if role == Role.REPLY_STATE:
        return None if row.reply_state is None else row.reply_state.value
    if column is Column.COUNTDOWN and clock is not None:
        if role == Role.PILL:
            return labels.countdown_text(clock), int(clock.urgency)
        if role == Role.URGENCY:
            return int(clock.urgency)
        if role == _DISPLAY:
            return labels.countdown_text(clock)
        if role == _TOOLTIP:
            return labels.countdown_tooltip(clock, unit.zone)
        if role == _ACCESSIBLE:
            return f"{labels.urgency_label(clock.urgency)}: {labels.countdown_text(clock)}"
        return None
    if role not in (_DISPLAY, _TOOLTIP, _ACCESSIBLE):
        return None
    if column is Column.CHANNEL:
        return labels.channel_label(c.channel)
    if column is Column.AUTHOR:
        return c.author_name or "—"
    if column is Column.EXCERPT:
        if role == _TOOLTIP:
            return f"<p>{html.escape(c.excerpt)}</p>"
        return " ".join(c.excerpt.split())
    if column is Column.RECEIVED:
        if role == _DISPLAY:  # the zone is in the column's title
            return labels.unit_time_text(c.first_message_at, unit.zone, now=now, zone_label=False)
        return labels.unit_time_text(c.first_message_at, unit.zone, with_date=True)
    if column is Column.STATUS:
        return labels.status_label(c.status)
    if column is Column.REPLY:
        return labels.reply_state_label(row.reply_state)
    return None


class CellValues:
    """Each row's cell values, computed once and kept until they can change.

    Views ask for several roles of every visible cell on every repaint. The
    countdown column's values depend on the clock and are forgotten at each
    tick; the others only when their row, the language or the unit changes.
    """

    def __init__(self, unit: UnitSettings, now: datetime) -> None:
        self.unit, self.now = unit, now
        self._countdowns: dict[int, Countdown] = {}
        self._static: dict[int, dict[tuple[Column, int], Any]] = {}
        self._ticking: dict[int, dict[tuple[Column, int], Any]] = {}

    def value(self, row: QueueRow, column: Column, role: int) -> Any:
        cid = row.complaint.id
        cache = self._ticking if column is Column.COUNTDOWN else self._static
        known = cache.get(cid)
        if known is not None and (column, role) in known:
            return known[column, role]
        clock = self.countdown_of(row) if column is Column.COUNTDOWN else None
        found = cell_data(row, column, role, clock, self.unit, self.now)
        if known is None:
            known = cache[cid] = {}
        known[column, role] = found
        return found

    def countdown_of(self, row: QueueRow) -> Countdown:
        c = row.complaint
        found = self._countdowns.get(c.id)
        if found is None:
            found = countdown(
                self.now, c.status, c.clock_started_at, c.last_public_answer_at, self.unit.deadlines
            )
            self._countdowns[c.id] = found
        return found

    def tick(self, now: datetime, shown: Sequence[QueueRow] = ()) -> set[int]:
        """Move the clock to ``now``; return the ids among ``shown`` whose countdown
        text or urgency now differs from what was last painted for them."""
        painted = {row.complaint.id: self._painted(row.complaint.id) for row in shown}
        self.now = now
        self._countdowns.clear()
        self._ticking.clear()
        changed = set()
        for row in shown:
            self.value(row, Column.COUNTDOWN, Role.PILL)
            if self._painted(row.complaint.id) != painted[row.complaint.id]:
                changed.add(row.complaint.id)
        return changed

    def _painted(self, cid: int) -> Any:
        """The (text, urgency) last handed to the countdown delegate, if any."""
        return self._ticking.get(cid, {}).get((Column.COUNTDOWN, Role.PILL))

    def forget(self, ids: Iterable[int] | None = None) -> None:
        """Drop the values of ``ids``, or of every row (``None``)."""
        caches = (self._countdowns, self._static, self._ticking)
        if ids is None:
            for cache in caches:
                cache.clear()
            return
        for cid in ids:
            for cache in caches:
                cache.pop(cid, None)
