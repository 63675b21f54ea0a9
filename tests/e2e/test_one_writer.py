"""One owner of the database in the window: every statement after start runs on the
database lane — the sync round's pulls and sends, the counts, the settings dialog."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from desktop.core.desk import Desk
from desktop.demo import Demo, demo_home
from desktop.ui.app import build_context
from desktop.ui.main_window import MainWindow
from desktop.ui.preferences import Language
from desktop.ui.sync_controller import SyncController
from desktop.ui.tasks import TaskRunner
from desktop.ui.window_dialogs import settings_dialog
from tests.ui.conftest import look_kept, retire, wait_loaded

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def demo() -> Iterator[Demo]:
    with demo_home(count=60, seed=5) as running:
        yield running


def test_every_statement_after_start_runs_on_the_database_lane(
    qtbot: QtBot, demo: Demo, tmp_path: Path
) -> None:
    with look_kept() as app:
        desk = Desk(demo.store, demo.vault, demo.paths)
        context = build_context(app, desk, language=Language.ENGLISH)
        window = MainWindow(context)
        qtbot.addWidget(window)
        threads: Counter[str] = Counter()

        def record(*_args: Any) -> None:
            threads[threading.current_thread().name] += 1

        event.listen(demo.store.engine, "before_cursor_execute", record)
        sync = SyncController(
            desk, demo.vault, context.tasks, context.clock, window, every_ms=3_600_000
        )
        window.attach_sync(sync)
        try:
            window.show()
            wait_loaded(qtbot, window)
            pane_id = window.queue_model.complaint_id(0)
            assert pane_id is not None
            window.queue_view.select_complaint(pane_id)
            qtbot.waitUntil(lambda: window.pane.data is not None, timeout=10_000)
            # A reply queued in the window, sent by a sync round.
            window.pane.composer.set_text("Terima kasih, aduan Anda kami tindak lanjuti.")
            window.pane.composer.queue_button.click()
            qtbot.waitUntil(lambda: not context.tasks.busy, timeout=10_000)
            with qtbot.waitSignal(sync.round_finished, timeout=60_000):
                sync.sync_now()
            dialog = settings_dialog(context, window)
            qtbot.addWidget(dialog)
            qtbot.waitUntil(dialog.unit_box.isEnabled, timeout=10_000)
            qtbot.waitUntil(lambda: not context.tasks.busy, timeout=10_000)
        finally:
            event.remove(demo.store.engine, "before_cursor_execute", record)
            sync.stop()
            window.close()  # its state is saved while the demo's folder still exists
            retire(context)
    assert sum(threads.values()) > 50  # the round really read and wrote
    assert [name for name in threads if not name.startswith(TaskRunner.DB_THREAD)] == []
    assert len(demo.simulator.accepted_replies()) >= 1  # the queued reply went out
