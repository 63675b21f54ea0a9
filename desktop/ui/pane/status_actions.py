"""The complaint's status and one button per legal move (``TRANSITIONS``)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.core.deadlines import UnitZone
from desktop.core.model import TRANSITIONS, Status
from desktop.core.store.audit import StatusChange
from desktop.ui.labels import status_label
from desktop.ui.pane.labels import message_time

# Buttons appear in the order a complaint usually moves.
_ORDER = (Status.NEW, Status.ACKNOWLEDGED, Status.IN_PROGRESS, Status.RESOLVED, Status.DISMISSED)


class StatusActions(QWidget):
    """Shows ``Status: Baru`` and buttons for the moves the status machine allows."""

    status_chosen = Signal(object)  # Status

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.current: Status | None = None
        self.caption = QLabel(self)
        self.chip = QLabel(self)
        self.chip.setObjectName("statusChip")
        self.chip.setStyleSheet("font-weight: 600;")
        self.who = QLabel(self)  # who set it, when: "— Bripka Ani, 07.42" in Indonesian
        self.who.setObjectName("statusWho")
        self.move_caption = QLabel(self)
        # Two lines: the status, then the moves (the pane is narrow; buttons must not clip).
        current = QHBoxLayout()
        current.setSpacing(6)
        current.addWidget(self.caption)
        current.addWidget(self.chip)
        current.addWidget(self.who)
        current.addStretch(1)
        moves = QHBoxLayout()
        moves.setSpacing(6)
        moves.addWidget(self.move_caption)
        self.buttons: dict[Status, QPushButton] = {}
        for status in _ORDER:
            button = QPushButton(self)
            button.clicked.connect(lambda _=False, s=status: self._choose(s))
            self.buttons[status] = button
            moves.addWidget(button)
        moves.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(current)
        layout.addLayout(moves)
        self.retranslate()

    def retranslate(self) -> None:
        self.caption.setText(self.tr("Status:"))
        self.move_caption.setText(self.tr("Change to:"))
        for status, button in self.buttons.items():
            button.setText(status_label(status))
            button.setAccessibleName(
                self.tr("Change status to {status}").format(status=status_label(status))
            )
            button.setToolTip(button.accessibleName())
        self.setAccessibleName(self.tr("Complaint status"))

    def show_status(
        self, status: Status, change: StatusChange | None = None, zone: UnitZone | None = None
    ) -> None:
        """Show ``status``; ``change`` (its latest change, if it matches) says who and when."""
        self.current = status
        self.retranslate()
        self.chip.setText(status_label(status))
        if change is not None and zone is not None and change.new is status:
            self.who.setText(
                self.tr("— by {officer}, {time}").format(
                    officer=change.officer, time=message_time(change.at, zone)
                )
            )
        else:
            self.who.clear()
        self.chip.setAccessibleName(
            self.tr("Current status: {status}").format(status=status_label(status))
        )
        allowed = TRANSITIONS[status]
        for target, button in self.buttons.items():
            button.setVisible(target in allowed)
            button.setEnabled(target in allowed)

    def set_busy(self, busy: bool) -> None:
        """While a change is being saved no second one can be clicked."""
        allowed = TRANSITIONS[self.current] if self.current is not None else frozenset()
        for target, button in self.buttons.items():
            button.setEnabled(not busy and target in allowed)

    def legal_buttons(self) -> list[QPushButton]:
        return [
            b for s, b in self.buttons.items() if self.current and s in TRANSITIONS[self.current]
        ]

    def _choose(self, status: Status) -> None:
        if self.current is None or status not in TRANSITIONS[self.current]:
            return  # an illegal move cannot be chosen, even programmatically
        self.status_chosen.emit(status)
