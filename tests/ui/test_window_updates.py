"""The running window follows what happens: a queued reply, new messages from citizens."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta

import pytest
import shiboken6
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.core.credentials import MemoryVault
from desktop.core.desk import Complaints, Desk, PaneData
from desktop.core.model import Channel, InboundItem, ReplyState, Status
from desktop.core.store.database import Store
from desktop.core.store.ingest import ingest
from desktop.core.store.schema import ComplaintRow
from desktop.demo import Demo, demo_home
from desktop.ui.app import build_context
from desktop.ui.main_window import MainWindow
from desktop.ui.pane.bubbles import ReplyBubble
from desktop.ui.preferences import Language
from desktop.ui.queue_columns import Column, Role
from desktop.ui.sync_controller import SyncController
from tests.support import NOW
from tests.ui.conftest import look_kept, retire, wait_loaded

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

MakeWindow = Callable[..., MainWindow]


def _reply_cell(window: MainWindow, complaint_id: int) -> tuple[object, object]:
    row = window.queue_model.row_of(complaint_id)
    assert row is not None
    index = window.queue_model.index(row, Column.REPLY)
    return index.data(Qt.ItemDataRole.DisplayRole), index.data(Role.REPLY_STATE)


def _open_first(qtbot: QtBot, window: MainWindow) -> int:
    window.show()
    wait_loaded(qtbot, window)
    complaint_id = window.queue_model.complaint_id(0)
    assert complaint_id is not None
    assert window.queue_view.select_complaint(complaint_id)
    qtbot.waitUntil(lambda: window.pane.data is not None)
    qtbot.waitUntil(lambda: not window.pane.composer.editor.isReadOnly())
    qtbot.waitUntil(lambda: not window.context.tasks.busy)
    return complaint_id


def _count_pane_loads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Each read of the pane's data, recorded (the real read still runs)."""
    loads: list[int] = []
    real = Complaints.pane

    def counted(self: Complaints, complaint_id: int) -> PaneData:
        loads.append(complaint_id)
        return real(self, complaint_id)

    monkeypatch.setattr(Complaints, "pane", counted)
    return loads


def test_a_queued_reply_shows_in_its_row_and_the_pane_reads_once(
    qtbot: QtBot, make_window: MakeWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window()
    complaint_id = _open_first(qtbot, window)
    assert _reply_cell(window, complaint_id) == ("", None)
    loads = _count_pane_loads(monkeypatch)
    window.pane.composer.set_text("Baik, kami tindak lanjuti.")
    window.pane.composer.submit()
    qtbot.waitUntil(
        lambda: _reply_cell(window, complaint_id) == ("queued", ReplyState.QUEUED.value),
        timeout=5_000,
    )
    conversation = window.pane.detail.conversation
    qtbot.waitUntil(lambda: isinstance(conversation.bubbles[-1], ReplyBubble))
    qtbot.waitUntil(lambda: not window.context.tasks.busy)
    qtbot.wait(100)  # room for a second read, were one coming
    assert loads == [complaint_id]  # one action, one read of the pane


def _items(thread: str, start: int, count: int, *, channel_of: InboundItem) -> list[InboundItem]:
    return [
        InboundItem(
            channel=channel_of.channel,
            thread_id=thread,
            platform_id=f"new-{thread}-{n}",
            author_id="citizen-new",
            author_name="Warga Baru",
            text=f"Pesan tambahan nomor {n}: mohon segera ditindaklanjuti, pak.",
            platform_time=NOW - timedelta(seconds=90 - n),
            outbound=False,
        )
        for n in range(start, start + count)
    ]


def test_a_new_message_arrives_in_a_running_window(
    qtbot: QtBot, make_window: MakeWindow, sample_store: Store
) -> None:
    window = make_window()
    controller = SyncController(
        window.context.desk, MemoryVault(), window.context.tasks, window.context.clock, window
    )
    window.attach_sync(controller)  # not started: the test plays the sync round's part
    complaint_id = _open_first(qtbot, window)
    detail = window.pane.data.detail if window.pane.data else None
    assert detail is not None
    complaint = detail.complaint
    like = InboundItem(
        complaint.channel, complaint.thread_id, "x", "x", "x", "x", NOW, outbound=False
    )
    conversation = window.pane.detail.conversation
    before = len(conversation.bubbles)

    # A long thread, so that the conversation scrolls.
    first = ingest(
        sample_store,
        complaint.account_id,
        _items(complaint.thread_id, 0, 14, channel_of=like),
        None,
    )
    controller.complaints_changed.emit(first.changed_complaints)
    qtbot.waitUntil(lambda: len(conversation.bubbles) == before + 14)
    bar = conversation.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0 and bar.value() == bar.maximum())  # followed
    qtbot.waitUntil(lambda: not window.context.tasks.busy)

    # The officer scrolls up to read the start; then a new message, and a new complaint.
    bar.setValue(0)
    shown = list(conversation.bubbles)
    resets: list[bool] = []
    window.queue_model.modelAboutToBeReset.connect(lambda: resets.append(True))
    fresh = _items(complaint.thread_id, 14, 1, channel_of=like) + _items(
        "a-new-thread", 0, 1, channel_of=like
    )
    second = ingest(sample_store, complaint.account_id, fresh, None)
    controller.complaints_changed.emit(second.changed_complaints)
    (new_complaint,) = second.changed_complaints - {complaint_id}
    qtbot.waitUntil(lambda: window.queue_model.row_of(new_complaint) is not None, timeout=5_000)
    qtbot.waitUntil(lambda: len(conversation.bubbles) == before + 15)
    qtbot.waitUntil(lambda: not window.context.tasks.busy)
    qtbot.wait(50)  # the deferred scroll, were it to move

    assert resets == []  # the row came in as an insertion, not a reset
    assert conversation.bubbles[: len(shown)] == shown  # the same widgets: nothing rebuilt
    assert bar.value() == 0  # the officer's place is kept
    assert conversation.bubbles[-1].body.text().startswith("Pesan tambahan nomor 14")


@contextmanager
def _demo_window(qtbot: QtBot, demo: Demo) -> Iterator[MainWindow]:
    """The officer's window on a demo home, shown and loaded; closed after."""
    with look_kept() as app:
        context = build_context(
            app, Desk(demo.store, demo.vault, demo.paths), language=Language.ENGLISH
        )
        window = MainWindow(context)
        qtbot.addWidget(window)
        try:
            window.show()
            wait_loaded(qtbot, window)
            yield window
        finally:
            window.close()  # its state is saved while the demo's folder still exists
            retire(context)


def test_a_long_pull_reaches_the_window_page_by_page(qtbot: QtBot) -> None:
    """Each stored page is told at once, on the GUI thread, not the whole round at its end:
    a long first sync shows its complaints as they come."""
    with demo_home(count=20, seed=3) as demo, _demo_window(qtbot, demo) as window:
        demo.simulator.world.strict = True  # short pages from now on: 1, 2, 3, 1, …
        demo.simulator.add_inbound(Channel.X, count=8)
        with demo.store.read() as conn:
            known = set(conn.execute(select(ComplaintRow.id)).scalars())
        context = window.context
        sync = SyncController(
            context.desk, demo.vault, context.tasks, context.clock, window, every_ms=3_600_000
        )
        window.attach_sync(sync)
        told: list[tuple[str, frozenset[int], bool]] = []
        finished: list[bool] = []
        sync.round_finished.connect(lambda _report: finished.append(True))
        sync.complaints_changed.connect(
            lambda ids: told.append((threading.current_thread().name, ids, bool(finished)))
        )
        try:
            with qtbot.waitSignal(sync.round_finished, timeout=30_000) as round_done:
                sync.sync_now()
        finally:
            sync.stop()
        report = round_done.args[0]
        (pull,) = [p for p in report.pulls if p.changed_complaints]  # X only: the rest is as was
        assert pull.pages > 2
        assert len(told) >= 2  # page by page, not once for the round
        assert {name for name, _ids, _late in told} == {threading.main_thread().name}
        assert not any(late for _name, _ids, late in told)  # all before the round's end
        assert frozenset().union(*(ids for _n, ids, _l in told)) == report.changed_complaints
        arrived = pull.changed_complaints - known  # new complaints, not messages on old ones
        assert arrived
        qtbot.waitUntil(
            lambda: all(window.queue_model.row_of(c) is not None for c in arrived),
            timeout=10_000,
        )


def test_the_demo_rows_show_the_replies_officers_sent(qtbot: QtBot) -> None:
    """The demo's answered complaints were answered at the desk: their rows say so."""
    with demo_home(60) as demo, _demo_window(qtbot, demo) as window:
        model = window.queue_model
        cells = {}
        for row in range(model.rowCount()):
            qtbot.waitUntil(lambda r=row: model.cached_row(r) is not None)
            cached = model.cached_row(row)
            assert cached is not None
            cells[cached.complaint.status] = cells.get(cached.complaint.status, set()) | {
                model.index(row, Column.REPLY).data()
            }
        assert cells[Status.ACKNOWLEDGED] == {"sent"}
        assert cells[Status.NEW] == {""}


def test_a_page_stored_after_the_window_closed_tells_nobody(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    """A sync round's page can be stored while the window closes: telling the gone
    controller of it is dropped quietly, not raised on the pulling thread."""
    window = make_window()
    context = window.context
    controller = SyncController(context.desk, MemoryVault(), context.tasks, context.clock, window)
    told: list[frozenset[int]] = []
    controller.complaints_changed.connect(told.append)
    tell = controller._stored  # the engine's on_stored: called on the pulling thread
    raised: list[BaseException] = []

    def pulling_thread() -> None:
        try:
            tell(frozenset({1}))
        except BaseException as exc:
            raised.append(exc)

    shiboken6.delete(controller)  # the window closed: Qt deleted its children
    thread = threading.Thread(target=pulling_thread)
    thread.start()
    thread.join()
    qtbot.wait(50)  # anything queued is delivered now
    assert raised == []
    assert told == []
