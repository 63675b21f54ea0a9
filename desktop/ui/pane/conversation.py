"""The thread: the citizen's messages (left) and ours (right), in time order."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QDate, QLocale, Qt, QTimer, Signal
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


class ConversationView(QScrollArea):
    """Chat-like bubbles with day separators; scrolls to the newest message."""

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

    def show_thread(self, detail: ComplaintDetail, zone: UnitZone) -> None:
        self._clear()
        public_reply_ids = {n.reply_id for n in detail.notes if n.public and n.reply_id}
        last_day: QDate | None = None
        for entry in thread_entries(detail):
            local = to_unit_time(entry.when, zone)
            day = QDate(local.year, local.month, local.day)
            if day != last_day:
                self._add_day(day)
                last_day = day
            if entry.message is not None:
                bubble: Bubble = MessageBubble(entry.message, zone, self._content)
                own = entry.message.direction is Direction.OUTBOUND
            else:
                assert entry.reply is not None
                reply_bubble = ReplyBubble(
                    entry.reply,
                    zone,
                    detail.account_name,
                    entry.reply.id in public_reply_ids,
                    self._content,
                )
                reply_bubble.retry_clicked.connect(self.retry_requested)
                reply_bubble.edit_clicked.connect(self.edit_requested)
                bubble, own = reply_bubble, True
            self._add_bubble(bubble, own)
        self._fit_bubbles()
        QTimer.singleShot(0, self, self.scroll_to_newest)

    def scroll_to_newest(self) -> None:
        bar = self.verticalScrollBar()
        bar.setValue(bar.maximum())

    def clear(self) -> None:
        self._clear()

    def _clear(self) -> None:
        while self._rows.count() > 1:
            item = self._rows.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.bubbles = []

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

    def _add_bubble(self, bubble: Bubble, own: bool) -> None:
        row = QWidget(self._content)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        if own:
            layout.addStretch(1)
        layout.addWidget(bubble)
        if not own:
            layout.addStretch(1)
        self._rows.insertWidget(self._rows.count() - 1, row)
        self.bubbles.append(bubble)

    def _fit_bubbles(self) -> None:
        widest = max(int(self.viewport().width() * BUBBLE_WIDTH_SHARE), 240)
        for bubble in self.bubbles:
            bubble.setFixedWidth(min(bubble.natural_width(), widest))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit_bubbles()
