"""A store with sample complaints, a task runner, and a pane built on them."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QLocale
from pytestqt.qtbot import QtBot

from desktop.core.clock import ServerClock
from desktop.core.credentials import MemoryVault
from desktop.core.desk import Desk
from desktop.core.model import Channel, Status
from desktop.core.paths import Paths
from desktop.core.sample import sample_threads
from desktop.core.store import queries, queue_pages
from desktop.core.store.database import Store
from desktop.core.store.seed import load_sample
from desktop.ui.complaint_pane import ComplaintPane
from desktop.ui.tasks import TaskRunner
from tests.support import NOW

MakePane = Callable[[], ComplaintPane]


@pytest.fixture(autouse=True)
def indonesian_locale() -> Iterator[None]:
    """Dates in Indonesian; the words stay English (the catalogue is not installed here)."""
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
    yield
    QLocale.setDefault(before)


@pytest.fixture
def sample_store(store: Store) -> Store:
    load_sample(store, sample_threads(30, now=NOW, seed=7))
    return store


@pytest.fixture
def tasks(qtbot: QtBot) -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    qtbot.waitUntil(lambda: not runner.busy)
    runner.shutdown()


@pytest.fixture
def make_pane(qtbot: QtBot, sample_store: Store, tasks: TaskRunner) -> MakePane:
    def make() -> ComplaintPane:
        desk = Desk(sample_store, MemoryVault(), Paths(sample_store.path.parent))
        pane = ComplaintPane(desk.complaints, tasks, ServerClock(local=lambda: NOW))
        pane.set_officer("bripka.andi")
        pane.resize(640, 820)
        qtbot.addWidget(pane)
        return pane

    return make


@pytest.fixture
def pane(make_pane: MakePane) -> ComplaintPane:
    return make_pane()


def complaint_with(
    store: Store,
    status: Status,
    *,
    min_messages: int = 1,
    channel: Channel | None = Channel.INSTAGRAM,
) -> int:
    """The most urgent sample complaint in ``status`` with enough messages."""
    wanted = queries.QueueFilter(statuses=frozenset({status}), channel=channel)
    with store.read() as conn:
        for complaint_id in queue_pages.queue_ids(conn, wanted):
            if len(queries.complaint_detail(conn, complaint_id).messages) >= min_messages:
                return complaint_id
    raise LookupError(f"no sample complaint in {status} with {min_messages} messages")


def show(qtbot: QtBot, pane: ComplaintPane, complaint_id: int) -> None:
    pane.show_complaint(complaint_id)
    qtbot.waitUntil(lambda: pane.data is not None and pane.data.detail.complaint.id == complaint_id)
