"""The deadline bar: time left in words and colour, the viral horizon marked."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from PySide6.QtCore import QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from desktop.core.deadlines import Countdown, DeadlineKind, UnitSettings, countdown
from desktop.core.model import Complaint
from desktop.i18n import remaining_text
from desktop.ui.labels import unit_time_text, urgency_label
from desktop.ui.pane import colors

TICK_MS = 30_000


def _time_left(remaining: timedelta) -> str:
    """ "sisa 5 jam 12 menit" / "terlambat 2 hari 3 jam": the queue's words, both units."""
    return remaining_text(remaining)


@dataclass(frozen=True, slots=True)
class Mark:
    at: datetime
    text: str


class DeadlineTrack(QWidget):
    """A thin track from the clock start to the horizon, filled up to now."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._span: tuple[datetime, datetime] | None = None
        self._now: datetime | None = None
        self._marks: Sequence[Mark] = ()
        self._color = QColor("gray")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_track(
        self, start: datetime, end: datetime, now: datetime, marks: Sequence[Mark], color: QColor
    ) -> None:
        self._span, self._now, self._marks, self._color = (start, end), now, marks, color
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(240, 30)

    def _x(self, when: datetime, left: float, width: float) -> float:
        assert self._span is not None
        start, end = self._span
        fraction = (when - start) / (end - start) if end > start else 1.0
        return left + width * min(max(fraction, 0.0), 1.0)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        if self._span is None or self._now is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        left, width, top, height = 2.0, float(self.width() - 4), 3.0, 8.0
        groove = self.palette().color(QPalette.ColorRole.Mid)
        groove.setAlpha(70)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(groove)
        painter.drawRoundedRect(QRectF(left, top, width, height), 4, 4)
        filled = self._x(self._now, left, width) - left
        painter.setBrush(self._color)
        painter.drawRoundedRect(QRectF(left, top, max(filled, height), height), 4, 4)
        text_color = colors.muted_text(self)
        metrics = painter.fontMetrics()
        for mark in self._marks:
            x = self._x(mark.at, left, width)
            painter.setPen(QPen(text_color, 1.5))
            painter.drawLine(int(x), int(top - 2), int(x), int(top + height + 2))
            label_width = metrics.horizontalAdvance(mark.text)
            label_x = min(max(x - label_width / 2, 0), self.width() - label_width)
            painter.drawText(int(label_x), int(top + height + 4 + metrics.ascent()), mark.text)
        painter.end()


class DeadlineBar(QWidget):
    """Headline (time left), details (due time, viral horizon), track, urgency chip."""

    def __init__(self, clock: Callable[[], datetime], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._clock = clock  # the window's one clock (the platforms' time)
        self._complaint: Complaint | None = None
        self._unit = UnitSettings()
        self.headline = QLabel(self)
        self.headline.setObjectName("deadlineHeadline")
        self.headline.setWordWrap(True)  # "terlambat 8 hari 9 jam" beside the chip
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.chip = QLabel(self)
        self.chip.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.track = DeadlineTrack(self)
        top = QHBoxLayout()
        top.addWidget(self.headline, 1)
        top.addWidget(self.chip)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.details)
        layout.addWidget(self.track)
        font = self.headline.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        font.setBold(True)
        self.headline.setFont(font)
        self.setAccessibleName(self.tr("Complaint deadline"))
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.refresh)

    def show_deadline(self, complaint: Complaint, unit: UnitSettings) -> None:
        self._complaint, self._unit = complaint, unit
        self.refresh()
        self._timer.start()

    def clear(self) -> None:
        self._complaint = None
        self._timer.stop()

    def current_countdown(self) -> Countdown | None:
        c = self._complaint
        if c is None:
            return None
        return countdown(
            self._clock(),
            c.status,
            c.clock_started_at,
            c.last_public_answer_at,
            self._unit.deadlines,
        )

    def refresh(self) -> None:
        c = self._complaint
        state = self.current_countdown()
        if c is None or state is None:
            return
        color = colors.urgency_color(state.urgency, self)
        self.headline.setText(self._headline(state))
        self.headline.setStyleSheet(f"color: {colors.css(color)};")
        self.details.setText(self._details(state))
        self.details.setStyleSheet(f"color: {colors.css(colors.muted_text(self))};")
        self.chip.setText(urgency_label(state.urgency))
        self.chip.setStyleSheet(
            f"background: {colors.css(color)}; color: white; border-radius: 9px;"
            " padding: 2px 10px; font-weight: 600;"
        )
        self._update_track(c, state, color)
        self.setAccessibleName(self.tr("Complaint deadline"))
        self.setAccessibleDescription(f"{self.headline.text()}. {self.details.text()}")

    def _headline(self, state: Countdown) -> str:
        if state.remaining is None:
            return self.tr("No deadline running")
        left = _time_left(state.remaining)
        if state.kind is DeadlineKind.PROGRESS:
            return self.tr("Progress update: {left}").format(left=left)
        return self.tr("First answer: {left}").format(left=left)

    def _details(self, state: Countdown) -> str:
        zone = self._unit.zone
        if state.due_at is None:
            closed = self._complaint is not None and not self._complaint.status.is_open
            return (
                self.tr("The complaint is closed.")
                if closed
                else self.tr("Every message has been answered.")
            )
        parts = [
            self.tr("due {time}").format(time=unit_time_text(state.due_at, zone, with_date=True))
        ]
        if state.viral_at is not None:
            hours = int(self._unit.deadlines.viral_horizon / timedelta(hours=1))
            parts.append(
                self.tr("viral horizon ({hours} h): {time}").format(
                    hours=hours, time=unit_time_text(state.viral_at, zone, with_date=True)
                )
            )
        return " · ".join(parts)

    def _update_track(self, c: Complaint, state: Countdown, color: QColor) -> None:
        deadlines = self._unit.deadlines
        now = self._clock()
        if state.kind is DeadlineKind.ANSWER and c.clock_started_at is not None and state.viral_at:
            start = c.clock_started_at
            hours = int(deadlines.first_answer / timedelta(hours=1))
            viral_hours = int(deadlines.viral_horizon / timedelta(hours=1))
            marks = [
                Mark(start + deadlines.first_answer, self.tr("{hours} h").format(hours=hours)),
                Mark(state.viral_at, self.tr("viral {hours} h").format(hours=viral_hours)),
            ]
            self.track.set_track(start, state.viral_at, now, marks, color)
            self.track.show()
        elif state.kind is DeadlineKind.PROGRESS and state.due_at is not None:
            start = state.due_at - deadlines.progress_every
            marks = [Mark(state.due_at, self.tr("next update"))]
            self.track.set_track(start, state.due_at, now, marks, color)
            self.track.show()
        else:
            self.track.hide()
