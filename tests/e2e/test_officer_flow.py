"""An officer's shift, end to end: the real window, real sync, the simulator on loopback."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import Connection

from desktop.core.desk import Desk
from desktop.core.model import Complaint, ReplyState, Status
from desktop.core.paths import Paths
from desktop.core.store import queries, queue_pages
from desktop.demo import Demo, demo_home
from desktop.ui import filters
from desktop.ui.app import build_context
from desktop.ui.main_window import MainWindow
from desktop.ui.preferences import Language
from desktop.ui.sync_controller import SyncController
from tests.ui.conftest import look_kept, retire, wait_loaded

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def demo() -> Iterator[Demo]:
    with demo_home(count=80, seed=4) as running:
        yield running


@pytest.fixture
def window(qtbot: QtBot, demo: Demo, tmp_path: Path) -> Iterator[tuple[MainWindow, SyncController]]:
    with look_kept() as app:
        desk = Desk(demo.store, demo.vault, Paths(tmp_path / "ui"))
        context = build_context(app, desk, language=Language.INDONESIAN)
        built = MainWindow(context)
        qtbot.addWidget(built)
        sync = SyncController(
            desk, demo.vault, context.tasks, context.clock, built, every_ms=3_600_000
        )
        built.attach_sync(sync)
        built.show()
        wait_loaded(qtbot, built)
        yield built, sync
        sync.stop()
        built.close()  # its state is saved while the demo's folder still exists
        retire(context)


def _sync(qtbot: QtBot, sync: SyncController) -> None:
    with qtbot.waitSignal(sync.round_finished, timeout=30_000):
        sync.sync_now()


def test_an_officers_shift(
    qtbot: QtBot, demo: Demo, window: tuple[MainWindow, SyncController]
) -> None:
    main, sync = window
    pane = main.pane

    # Filter to the urgent ones, then search among them.
    main.sidebar.choose(filters.URGENT)
    qtbot.waitUntil(lambda: main.queue_model.rowCount() > 0, timeout=10_000)
    urgent = main.queue_model.rowCount()
    main.search.setText("tolong")
    qtbot.waitUntil(lambda: 0 < main.queue_model.rowCount() < urgent, timeout=10_000)

    # Open a complaint that has not been answered yet.
    with demo.store.read() as conn:
        new_ids = {c.id for c in _new_complaints(conn)}
    row = next(
        r for r in range(main.queue_model.rowCount()) if main.queue_model.complaint_id(r) in new_ids
    )
    complaint_id = main.queue_model.complaint_id(row)
    assert main.queue_view.select_complaint(complaint_id)
    qtbot.waitUntil(lambda: pane.data is not None and pane.data.detail.complaint.id == complaint_id)

    # The acknowledgement template, queued with Ctrl+Enter.
    pane.composer.template_actions[0].trigger()
    text = pane.composer.text()
    assert "sudah kami respons" in text
    with qtbot.waitSignal(pane.complaint_changed, timeout=10_000):
        qtbot.keyClick(pane.composer.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert _reply_states(demo, complaint_id) == [ReplyState.QUEUED]

    # Sync: it reaches the platform once and the complaint counts as answered.
    _sync(qtbot, sync)
    assert _reply_states(demo, complaint_id) == [ReplyState.SENT]
    assert [r.text for r in demo.simulator.accepted_replies()] == [text]
    with demo.store.read() as conn:
        assert queries.complaint_detail(conn, complaint_id).complaint.status is Status.ACKNOWLEDGED

    # An internal note and a public one (the public one goes out as a reply).
    qtbot.waitUntil(lambda: pane.data is not None and bool(pane.data.detail.replies))
    pane.note_composer.editor.setPlainText("Sudah koordinasi dengan Reskrim Polsek")
    with qtbot.waitSignal(pane.complaint_changed):
        pane.note_composer.add_button.click()
    pane.note_composer.editor.setPlainText("Petugas sudah mendatangi lokasi.")
    pane.note_composer.public_box.setChecked(True)
    with qtbot.waitSignal(pane.complaint_changed):
        pane.note_composer.add_button.click()
    _sync(qtbot, sync)
    assert [r.text for r in demo.simulator.accepted_replies()] == [
        text,
        "Petugas sudah mendatangi lokasi.",
    ]

    # Resolve it: the status buttons offer only legal moves.
    # Each click is waited for in the store: a sync round's own refresh of the
    # pane also emits complaint_changed, so that signal does not say the click landed.
    for status in (Status.IN_PROGRESS, Status.RESOLVED):
        button = pane.detail.status_actions.buttons[status]
        qtbot.waitUntil(button.isEnabled)
        button.click()
        qtbot.waitUntil(lambda wanted=status: _status(demo, complaint_id) is wanted, timeout=10_000)
    with demo.store.read() as conn:
        detail = queries.complaint_detail(conn, complaint_id)
    assert [(n.public, n.officer) for n in detail.notes][-2:] == [
        (False, pane.officer),
        (True, pane.officer),
    ]

    # The connection drops: a calm banner, and the queue is still there to work in.
    demo.simulator.stop()
    main.search.clear()
    _sync(qtbot, sync)
    qtbot.waitUntil(lambda: main.banner.isVisible(), timeout=10_000)
    qtbot.waitUntil(lambda: main.queue_model.rowCount() > 0)
    other = main.queue_model.complaint_id(0)
    assert main.queue_view.select_complaint(other)
    qtbot.waitUntil(lambda: pane.data is not None and pane.data.detail.complaint.id == other)


def _new_complaints(conn: Connection) -> list[Complaint]:
    return queue_pages.queue_page(
        conn, queries.QueueFilter(statuses=frozenset({Status.NEW})), limit=1000
    )


def _status(demo: Demo, complaint_id: int) -> Status:
    with demo.store.read() as conn:
        return queries.complaint_detail(conn, complaint_id).complaint.status


def _reply_states(demo: Demo, complaint_id: int) -> list[ReplyState]:
    with demo.store.read() as conn:
        return [r.state for r in queries.complaint_detail(conn, complaint_id).replies]
