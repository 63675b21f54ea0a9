"""Station mode: which other officers are at this complaint ("Bripka Ani sedang membalas")."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from desktop.core.store.presence import Activity, Presence
from desktop.ui.pane import colors


class PresenceLine(QLabel):
    """One line per other officer, typing first; hidden when nobody else is here."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("presenceLine")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        colors.follow_theme(
            self,
            lambda: colors.set_style(
                self, f"color: {colors.css(colors.muted_text(self))}; font-style: italic;"
            ),
        )
        self._others: Sequence[Presence] = ()
        self.hide()

    def show_others(self, others: Sequence[Presence]) -> None:
        self._others = tuple(others)
        self.retranslate()

    def retranslate(self) -> None:
        lines = [self._line(p) for p in self._others]
        self.setText("\n".join(lines))
        self.setAccessibleName(self.tr("Other officers at this complaint"))
        self.setVisible(bool(lines))

    def _line(self, other: Presence) -> str:
        if other.activity is Activity.TYPING:
            return self.tr("{officer} is replying").format(officer=other.officer)
        return self.tr("{officer} has this complaint open").format(officer=other.officer)
