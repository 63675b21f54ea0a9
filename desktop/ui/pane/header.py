"""Who wrote, on which platform and account, since when."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.core.deadlines import UnitSettings
from desktop.core.store.queries import ComplaintDetail
from desktop.ui.labels import channel_label
from desktop.ui.pane import colors
from desktop.ui.pane.labels import message_time


class ComplaintHeader(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.author = QLabel(self)
        self.author.setTextFormat(Qt.TextFormat.PlainText)
        self.author.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.author.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.author.setFont(font)
        self.origin = QLabel(self)
        self.origin.setTextFormat(Qt.TextFormat.PlainText)
        self.origin.setWordWrap(True)
        colors.follow_theme(
            self.origin,
            lambda: colors.set_style(self.origin, f"color: {colors.css(colors.muted_text(self))};"),
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.author)
        layout.addWidget(self.origin)

    def show_complaint(self, detail: ComplaintDetail, unit: UnitSettings) -> None:
        complaint = detail.complaint
        self.author.setText(complaint.author_name)
        self.origin.setText(
            self.tr("{channel} · {account} · complaint #{id} · received {time}").format(
                channel=channel_label(complaint.channel),
                account=detail.account_name,
                id=complaint.id,
                time=message_time(complaint.first_message_at, unit.zone),
            )
        )
        self.setAccessibleName(
            self.tr("Complaint from {author}").format(author=complaint.author_name)
        )
        self.setAccessibleDescription(self.origin.text())
