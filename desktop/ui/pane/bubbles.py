"""One message of the thread as a chat bubble: the citizen's, or ours with its outbox state."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.core.deadlines import UnitZone
from desktop.core.model import Direction, Message, Reply, ReplyState
from desktop.i18n import platform_words, problem_text, reason_text
from desktop.ui.labels import reply_state_label
from desktop.ui.pane import colors
from desktop.ui.pane.labels import message_time, reply_state_hint

_SELECTABLE = (
    Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
)


def _text_label(text: str, parent: QWidget) -> QLabel:
    """The message body: plain text (never HTML from the public), wrapped, selectable."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(_SELECTABLE)
    label.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
    return label


class Bubble(QFrame):
    """A rounded frame with a small header line and the text."""

    def __init__(self, header: str, text: str, own: bool, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("bubble")
        self.own = own
        self.header = QLabel(parent=self)
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setText(header)
        self.header.setWordWrap(True)  # a long account name must not cut the time off
        self.body = _text_label(text, self)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(12, 8, 12, 10)
        self.column.setSpacing(3)
        self.column.addWidget(self.header)
        self.column.addWidget(self.body)
        self.setAccessibleName(header)
        self.setAccessibleDescription(text)
        colors.follow_theme(self, self._restyle)

    def _restyle(self) -> None:
        """The theme's bubble colour; the text takes the theme's text colour."""
        background = colors.own_bubble(self) if self.own else colors.citizen_bubble(self)
        colors.set_style(
            self, f"QFrame#bubble {{ background: {colors.css(background)}; border-radius: 12px; }}"
        )
        meta = colors.css(colors.bubble_meta(self))
        colors.set_style(self.header, f"color: {meta}; font-size: 11px;")

    def natural_width(self) -> int:
        """The width the bubble needs to show its longest line unwrapped."""
        labels = [self.header, self.body, *self.extra_lines()]
        widest = max(
            label.fontMetrics().horizontalAdvance(line)
            for label in labels
            for line in (label.text().splitlines() or [""])
        )
        margins = self.column.contentsMargins()
        return widest + margins.left() + margins.right() + 8

    def extra_lines(self) -> list[QLabel]:
        return []


class MessageBubble(Bubble):
    """A message read from the platform (the citizen's, or our own read back)."""

    def __init__(self, message: Message, zone: UnitZone, parent: QWidget) -> None:
        header = f"{message.author_name} · {message_time(message.platform_time, zone)}"
        super().__init__(header, message.text, message.direction is Direction.OUTBOUND, parent)
        self.message = message


class ReplyBubble(Bubble):
    """A reply the officer wrote, with its outbox state; a failed one offers Retry / Edit."""

    retry_clicked = Signal(int)
    edit_clicked = Signal(str)

    def __init__(
        self, reply: Reply, zone: UnitZone, account_name: str, public_note: bool, parent: QWidget
    ) -> None:
        when = reply.accepted_at or reply.created_at
        header = self.tr("{account} · by {officer} · {time}").format(
            account=account_name, officer=reply.officer, time=message_time(when, zone)
        )
        if public_note:
            header = self.tr("Public note · {header}").format(header=header)
        super().__init__(header, reply.text, True, parent)
        self.reply = reply
        self.state_label = QLabel(parent=self)
        self.state_label.setTextFormat(Qt.TextFormat.PlainText)
        self.state_label.setText(f"● {reply_state_label(reply.state)}")
        hint = reply_state_hint(reply.state)
        why = problem_text(reply.last_reason, reply.last_error)
        waiting = reply.state in (ReplyState.QUEUED, ReplyState.UNCERTAIN)
        self.state_label.setToolTip(f"{hint}\n{why}" if why and waiting else hint)
        self.state_label.setAccessibleName(
            self.tr("Delivery: {state}").format(state=reply_state_label(reply.state))
        )
        self.column.addWidget(self.state_label, 0, Qt.AlignmentFlag.AlignRight)
        self._failure_lines: list[QLabel] = []
        if reply.state is ReplyState.FAILED:
            self._add_failure_actions(reply)
        colors.follow_theme(self.state_label, self._restyle_state)

    def _restyle_state(self) -> None:
        color = colors.css(colors.reply_state_color(self.reply.state, self))
        colors.set_style(self.state_label, f"color: {color}; font-weight: 600; font-size: 11px;")
        for line in self._failure_lines:
            colors.set_style(line, f"color: {color};")

    def extra_lines(self) -> list[QLabel]:
        return [self.state_label, *self._failure_lines]

    def _add_failure_actions(self, reply: Reply) -> None:
        lines = [reason_text(reply.last_reason) or self.tr("The platform gave no reason.")]
        if reply.last_error:  # the platform's own words, shown as theirs
            lines.append(platform_words(reply.last_error))
        self.reason = _text_label("\n".join(lines), self)
        self._failure_lines.append(self.reason)
        self.retry_button = QPushButton(self.tr("Retry"), self)
        self.retry_button.setAccessibleName(self.tr("Send this reply again"))
        self.edit_button = QPushButton(self.tr("Edit"), self)
        self.edit_button.setAccessibleName(self.tr("Edit this reply in the reply box"))
        self.retry_button.clicked.connect(lambda: self.retry_clicked.emit(reply.id))
        self.edit_button.clicked.connect(lambda: self.edit_clicked.emit(reply.text))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.edit_button)
        row.addWidget(self.retry_button)
        self.column.addWidget(self.reason)
        self.column.addLayout(row)
