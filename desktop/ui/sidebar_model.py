"""The side bar's list: section titles and filters, each filter with its live count."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from desktop.core.model import Account, Channel, Status
from desktop.ui import labels
from desktop.ui.filters import (
    LISTED_STATUSES,
    NEW,
    OPEN,
    OVERDUE,
    URGENT,
    Counts,
    FilterKey,
    FilterKind,
)

Index = QModelIndex | QPersistentModelIndex


class Section(enum.Enum):
    QUEUE = "queue"
    STATUS = "status"
    CHANNEL = "channel"
    ACCOUNT = "account"


class SidebarRole(enum.IntEnum):
    KEY = Qt.ItemDataRole.UserRole + 1  # FilterKey, or None for a section title
    COUNT = Qt.ItemDataRole.UserRole + 2  # int, or None while unknown
    CHANNEL = Qt.ItemDataRole.UserRole + 3  # str (Channel value) or None
    ALERT = Qt.ItemDataRole.UserRole + 4  # bool: a count that asks for attention
    SECTION = Qt.ItemDataRole.UserRole + 5  # bool: this row is a section title


@dataclass(frozen=True, slots=True)
class Entry:
    section: Section
    key: FilterKey | None = None  # None: the section's title
    channel: Channel | None = None
    account_name: str | None = None


def section_title(section: Section) -> str:
    titles = {
        Section.QUEUE: QCoreApplication.translate("Sidebar", "Queue"),
        Section.STATUS: QCoreApplication.translate("Sidebar", "Status"),
        Section.CHANNEL: QCoreApplication.translate("Sidebar", "Channels"),
        Section.ACCOUNT: QCoreApplication.translate("Sidebar", "Accounts"),
    }
    return titles[section]


def entry_title(entry: Entry) -> str:
    key = entry.key
    if key is None:
        return section_title(entry.section)
    if key == OPEN:
        return QCoreApplication.translate("Sidebar", "All open")
    if key == URGENT:
        return QCoreApplication.translate("Sidebar", "Urgent")
    if key == OVERDUE:
        return QCoreApplication.translate("Sidebar", "Overdue")
    if key == NEW:
        return QCoreApplication.translate("Sidebar", "New")
    if key.kind is FilterKind.STATUS:
        return labels.status_label(Status(str(key.value)))
    if key.kind is FilterKind.CHANNEL and entry.channel is not None:
        return labels.channel_label(entry.channel)
    return entry.account_name or ""


def entry_tooltip(entry: Entry) -> str | None:
    if entry.key == URGENT:
        return QCoreApplication.translate(
            "Sidebar", "Due soon, late, or past the viral horizon: answer these first"
        )
    if entry.key == OVERDUE:
        return QCoreApplication.translate("Sidebar", "Past their deadline")
    if entry.key == NEW:
        return QCoreApplication.translate("Sidebar", "Not answered yet")
    if entry.key is not None and entry.key.kind is FilterKind.ACCOUNT and entry.channel:
        return f"{labels.channel_label(entry.channel)} · {entry.account_name}"
    return None


def build_entries(accounts: list[Account]) -> list[Entry]:
    entries = [Entry(Section.QUEUE)]
    entries += [Entry(Section.QUEUE, key) for key in (OPEN, URGENT, OVERDUE, NEW)]
    entries.append(Entry(Section.STATUS))
    entries += [
        Entry(Section.STATUS, FilterKey(FilterKind.STATUS, s.value)) for s in LISTED_STATUSES
    ]
    channels = sorted({a.channel for a in accounts}, key=lambda c: labels.channel_label(c))
    if channels:
        entries.append(Entry(Section.CHANNEL))
        entries += [
            Entry(Section.CHANNEL, FilterKey(FilterKind.CHANNEL, c.value), c) for c in channels
        ]
    if len(accounts) > 1:
        entries.append(Entry(Section.ACCOUNT))
        entries += [
            Entry(Section.ACCOUNT, FilterKey(FilterKind.ACCOUNT, a.id), a.channel, a.name)
            for a in sorted(accounts, key=lambda a: (a.channel.value, a.name))
        ]
    return entries


class SidebarModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._entries = build_entries([])
        self._counts: Counts = {}

    def set_accounts(self, accounts: list[Account]) -> None:
        entries = build_entries(accounts)
        if entries == self._entries:
            return
        self.beginResetModel()
        self._entries = entries
        self.endResetModel()

    def set_counts(self, counts: Counts) -> None:
        changed = [
            row
            for row, entry in enumerate(self._entries)
            if entry.key in counts and counts[entry.key] != self._counts.get(entry.key)
        ]
        self._counts.update(counts)
        for row in changed:
            index = self.index(row)
            self.dataChanged.emit(index, index, [SidebarRole.COUNT, SidebarRole.ALERT])

    def count(self, key: FilterKey) -> int | None:
        return self._counts.get(key)

    def row_of(self, key: FilterKey) -> int | None:
        for row, entry in enumerate(self._entries):
            if entry.key == key:
                return row
        return None

    def retranslate(self) -> None:
        if self._entries:
            self.dataChanged.emit(self.index(0), self.index(len(self._entries) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._entries)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._entries[index.row()].key is None:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return self.entry_value(index.row(), role) if index.isValid() else None

    def entry_value(self, row: int, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """``data`` by row number: what the side bar's painting asks, in Python, with no
        index made (see ``desktop.ui.sidebar_view``)."""
        if not 0 <= row < len(self._entries):
            return None
        entry = self._entries[row]
        count = None if entry.key is None else self._counts.get(entry.key)
        if role == Qt.ItemDataRole.DisplayRole:
            return entry_title(entry)
        if role == Qt.ItemDataRole.ToolTipRole:
            return entry_tooltip(entry)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            title = entry_title(entry)
            return title if count is None else f"{title}: {count}"
        if role == SidebarRole.KEY:
            return entry.key
        if role == SidebarRole.COUNT:
            return count
        if role == SidebarRole.CHANNEL:
            return None if entry.channel is None else entry.channel.value
        if role == SidebarRole.ALERT:
            return bool(count) and entry.key in (URGENT, OVERDUE)
        if role == SidebarRole.SECTION:
            return entry.key is None
        return None
