"""What the queue model's tests share: the reference order, a model with every id read."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from pytestqt.qtbot import QtBot

from desktop.core.model import Complaint
from desktop.core.store import queries, queue_pages
from desktop.core.store.database import Store
from desktop.ui.queue_columns import Column
from desktop.ui.queue_model import QueueModel
from desktop.ui.tasks import TaskRunner


def all_ids(store: Store, queue_filter: queries.QueueFilter) -> list[int]:
    with store.read() as conn:
        return queue_pages.queue_ids(conn, queue_filter)


def every_id_read(qtbot: QtBot, model: QueueModel, tasks: TaskRunner) -> QueueModel:
    """``model`` showing the open queue, every page of ids read."""
    with qtbot.waitSignal(model.loaded):
        model.set_filter(queries.QueueFilter())
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
        qtbot.waitUntil(lambda: not tasks.busy)
    return model


def load_rows(qtbot: QtBot, model: QueueModel) -> None:
    """Ask for every row's data and wait until the windows arrived."""
    for row in range(model.rowCount()):
        model.index(row, Column.AUTHOR).data()
    qtbot.waitUntil(lambda: all(model.cached_row(r) for r in range(model.rowCount())))


def complaint_of(store: Store, complaint_id: int) -> Complaint:
    with store.read() as conn:
        return queries.complaint_detail(conn, complaint_id).complaint
