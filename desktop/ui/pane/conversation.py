"""The thread: the citizen's messages (left) and ours (right), in time order."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from desktop.core.deadlines import UnitZone, to_unit_time
from desktop.core.model import Direction, Message, Reply
from desktop.core.store.queries import ComplaintDetail
from desktop.ui.pane import colors
from desktop.ui.pane.bubbles import Bubble, MessageBubble, ReplyBubble

BUBBLE_WIDTH_SHARE = 0.78


@dataclass(frozen=True, slots=True)
class ThreadEntry:
    """A message or one of our replies, placed in time."""

    when: datetime
    message: Message | None = None
    reply: Reply | None = None


def thread_entries(detail: ComplaintDetail) -> list[ThreadEntry]:
    """Messages and replies in time order; a reply read back from the platform shows once."""
    reply_platform_ids = {r.platform_id for r in detail.replies if r.platform_id}
    entries = [
        ThreadEntry(m.platform_time, message=m)
        for m in detail.messages
        if not (m.direction is Direction.OUTBOUND and m.platform_id in reply_platform_ids)
    ]
    entries += [ThreadEntry(r.accepted_at or r.created_at, reply=r) for r in detail.replies]
    return sorted(entries, key=lambda e: (e.when, e.reply is not None))


@dataclass(frozen=True, slots=True)
class _Shown:
    """What one bubble shows; a bubble is rebuilt only when this changes."""

    key: tuple[str, int]  # ("message", id) or ("reply", id)
    entry: ThreadEntry
    public_note: bool


def _shown(detail: ComplaintDetail) -> list[_Shown]:
    public_reply_ids = {n.reply_id for n in detail.notes if n.public and n.reply_id}
    shown = []
    for entry in thread_entries(detail):
        if entry.message is not None:
            shown.append(_Shown(("message", entry.message.id), entry, False))
        else:
            assert entry.reply is not None
            public = entry.reply.id in public_reply_ids
            shown.append(_Shown(("reply", entry.reply.id), entry, public))
    return shown


AT_BOTTOM_SLACK = 4  # pixels: "at the bottom" despite rounding


class ConversationView(QScrollArea):
    """Chat-like bubbles with day separators.

    Showing the thread again (after a sync or an action) appends new messages
    and rebuilds only the bubbles whose content changed. The view follows the
    newest message when the officer was at the bottom (or a new complaint is
    shown); otherwise it stays where the officer was reading.
    """

    retry_requested = Signal(int)
    edit_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._content = QWidget()
        self._content.setObjectName("conversationContent")
        self._rows = QVBoxLayout(self._content)
        self._rows.setContentsMargins(8, 8, 8, 8)
        self._rows.setSpacing(8)
        self._rows.addStretch(1)
        self.setWidget(self._content)
        self.bubbles: list[Bubble] = []
        self._shown: list[_Shown] = []
        self._complaint_id: int | None = None
        self._context: tuple[UnitZone, str] | None = None  # what every bubble was built with
        self._last_day: QDate | None = None
        self._pinned = True  # the officer is at the newest message: stay there as it grows
        self._hold: int | None = None  # a place to return to once a rebuilt thread is laid out
        bar = self.verticalScrollBar()
        bar.rangeChanged.connect(self._on_range)
        bar.valueChanged.connect(self._on_value)
        bar.actionTriggered.connect(self._on_officer_scroll)

    def show_thread(self, detail: ComplaintDetail, zone: UnitZone) -> None:
        wanted = _shown(detail)
        same_complaint = detail.complaint.id == self._complaint_id
        follow = not same_complaint or self._pinned
        kept = self.verticalScrollBar().value()
        context = (zone, detail.account_name)
        old_keys = [s.key for s in self._shown]
        in_place = same_complaint and context == self._context and _prefix(old_keys, wanted)
        if not follow and not in_place:
            self._hold = kept  # before the old rows go and the scroll range shrinks
        if in_place:
            for index, (old, new) in enumerate(zip(self._shown, wanted, strict=False)):
                if old != new:
                    self._replace(index, new, zone, detail.account_name)
            for new in wanted[len(old_keys) :]:
                self._append(new, zone, detail.account_name)
        else:
            self._clear()
            for new in wanted:
                self._append(new, zone, detail.account_name)
        self._complaint_id, self._context = detail.complaint.id, context
        self._fit_bubbles()
        if follow:
            self.scroll_to_newest()

    def at_bottom(self) -> bool:
        bar = self.verticalScrollBar()
        return bar.value() >= bar.maximum() - AT_BOTTOM_SLACK

    def scroll_to_newest(self) -> None:
        """Show the newest message, and keep it in view while the thread is laid out."""
        self._hold = None
        self._pinned = True
        bar = self.verticalScrollBar()
        bar.setValue(bar.maximum())

    def _on_range(self, _minimum: int, maximum: int) -> None:
        bar = self.verticalScrollBar()
        if self._hold is not None:
            bar.setValue(min(self._hold, maximum))
            if maximum >= self._hold:
                self._hold = None
            return
        if self._pinned:
            bar.setValue(maximum)

    def _on_officer_scroll(self, _action: int) -> None:
        self._hold = None  # the officer moved: their place now is the one to keep

    def _on_value(self, _value: int) -> None:
        if self._hold is None:
            self._pinned = self.at_bottom()

    def invalidate(self) -> None:
        """Build every bubble again at the next ``show_thread`` (their words changed)."""
        self._context = None

    def clear(self) -> None:
        self._clear()
        self._complaint_id = None
        self._pinned, self._hold = True, None

    def _clear(self) -> None:
        while self._rows.count() > 1:
            item = self._rows.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.bubbles = []
        self._shown = []
        self._last_day = None

    def _make_bubble(self, shown: _Shown, zone: UnitZone, account_name: str) -> Bubble:
        entry = shown.entry
        if entry.message is not None:
            return MessageBubble(entry.message, zone, self._content)
        assert entry.reply is not None
        bubble = ReplyBubble(entry.reply, zone, account_name, shown.public_note, self._content)
        bubble.retry_clicked.connect(self.retry_requested)
        bubble.edit_clicked.connect(self.edit_requested)
        return bubble

    def _append(self, shown: _Shown, zone: UnitZone, account_name: str) -> None:
        local = to_unit_time(shown.entry.when, zone)
        day = QDate(local.year, local.month, local.day)
        if day != self._last_day:
            self._add_day(day)
            self._last_day = day
        bubble = self._make_bubble(shown, zone, account_name)
        row = QWidget(self._content)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        if bubble.own:
            layout.addStretch(1)
        layout.addWidget(bubble)
        if not bubble.own:
            layout.addStretch(1)
        self._rows.insertWidget(self._rows.count() - 1, row)
        self.bubbles.append(bubble)
        self._shown.append(shown)

    def _replace(self, index: int, shown: _Shown, zone: UnitZone, account_name: str) -> None:
        """Rebuild one bubble in place (a reply's state changed, a message was edited)."""
        old = self.bubbles[index]
        bubble = self._make_bubble(shown, zone, account_name)
        row = old.parentWidget()
        layout = row.layout() if row is not None else None
        if layout is None:
            return
        layout.replaceWidget(old, bubble)
        old.deleteLater()
        self.bubbles[index] = bubble
        self._shown[index] = shown

    def _add_day(self, day: QDate) -> None:
        text = QLocale().toString(day, QLocale.FormatType.LongFormat)
        label = QLabel(text, self._content)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        colors.follow_theme(
            label,
            lambda: colors.set_style(
                label, f"color: {colors.css(colors.muted_text(self))}; font-size: 11px;"
            ),
        )
        self._rows.insertWidget(self._rows.count() - 1, label)

    def _fit_bubbles(self) -> None:
        widest = max(int(self.viewport().width() * BUBBLE_WIDTH_SHARE), 240)
        for bubble in self.bubbles:
            bubble.setFixedWidth(min(bubble.natural_width(), widest))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit_bubbles()


def _prefix(keys: list[tuple[str, int]], wanted: list[_Shown]) -> bool:
    """The bubbles shown are the first ones wanted, in the same order."""
    return len(keys) <= len(wanted) and all(k == w.key for k, w in zip(keys, wanted, strict=False))
