"""A calm, dismissable message line inside the pane (never a modal dialog)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from desktop.ui.pane import colors


class MessageLine(QFrame):
    """Shows what went wrong and what to do; nothing the officer typed is touched."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageLine")
        colors.follow_theme(self, self._restyle)
        self.text = QLabel(self)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.retranslate()
        self.hide()

    def _restyle(self) -> None:
        background, border = colors.calm_message(self)
        colors.set_style(
            self,
            f"QFrame#messageLine {{ background: {colors.css(background)};"
            f" border: 1px solid {colors.css(border)}; border-radius: 6px; }}",
        )

    def retranslate(self) -> None:
        self.close_button.setAccessibleName(self.tr("Close message"))
        self.close_button.setToolTip(self.tr("Close message"))
        self.setAccessibleName(self.tr("Message"))

    def show_message(self, message: str) -> None:
        self.text.setText(message)
        self.setAccessibleDescription(message)
        self.show()

    def dismiss(self) -> None:
        self.text.clear()
        self.hide()

    def message(self) -> str:
        return "" if self.isHidden() else self.text.text()
