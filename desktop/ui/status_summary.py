"""The status bar's summary: how many complaints are open, urgent and late; how many shown."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QWidget

from desktop.ui import filters
from desktop.ui.filters import Counts


def _number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


class StatusSummary(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusSummary")
        self._counts: Counts = {}
        self._shown: int | None = None
        self._more = False
        self._filtering = False
        self._render()

    def set_counts(self, counts: Counts) -> None:
        self._counts.update(counts)
        self._render()

    def set_shown(self, shown: int, *, more: bool = False) -> None:
        """How many the queue shows; ``more``: a search counted up to ``shown`` and stopped."""
        self._shown = shown
        self._more = more
        self._render()

    def set_filtering(self, filtering: bool) -> None:
        self._filtering = filtering
        self._render()

    def _render(self) -> None:
        parts: list[str] = []
        if self._filtering and self._shown is not None:
            text = self.tr("more than %1 shown") if self._more else self.tr("%1 shown")
            parts.append(text.replace("%1", _number(self._shown)))
        opened = self._counts.get(filters.OPEN)
        if opened is not None:
            parts.append(self.tr("%1 open").replace("%1", _number(opened)))
        urgent = self._counts.get(filters.URGENT)
        if urgent is not None:
            parts.append(self.tr("%1 urgent").replace("%1", _number(urgent)))
        late = self._counts.get(filters.OVERDUE)
        if late is not None:
            parts.append(self.tr("%1 overdue").replace("%1", _number(late)))
        text = "  ·  ".join(parts)
        self.setText(text)
        self.setAccessibleName(text or self.tr("Complaint counts"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self._render()
        super().changeEvent(event)
