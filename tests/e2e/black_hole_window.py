"""A window whose only account answers nothing (a black-holed network): the officer
saves a draft while a sync round hangs, then closes the window.

Run by ``test_quit.py`` as a separate process: ``python -m tests.e2e.black_hole_window
HOME KEY_HEX``. Prints ``closing`` just before it closes the window.
"""

from __future__ import annotations

import os
import socket
import sys
from datetime import UTC, datetime
from pathlib import Path

DRAFT = "Draf yang tidak boleh hilang."


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.core.credentials import MemoryVault
    from desktop.core.desk import Desk
    from desktop.core.model import Channel
    from desktop.core.paths import Paths
    from desktop.core.sample import sample_threads
    from desktop.core.store.database import open_with_key
    from desktop.core.store.queries import QueueFilter
    from desktop.core.store.seed import load_sample
    from desktop.ui.app import create_application, run_window
    from desktop.ui.main_window import MainWindow

    home, key = Path(sys.argv[1]), bytes.fromhex(sys.argv[2])
    # Connections complete in the kernel's backlog, and no byte ever comes back.
    hole = socket.socket()
    hole.bind(("127.0.0.1", 0))
    hole.listen(8)
    paths = Paths(home).ensure()
    vault = MemoryVault()
    store = open_with_key(paths.database, key)
    load_sample(store, sample_threads(12, now=datetime.now(UTC), seed=3))
    desk = Desk(store, vault, paths)
    desk.accounts.add(
        Channel.X,
        "humas_x",
        "token-x",
        api_base=f"http://127.0.0.1:{hole.getsockname()[1]}",
        params={"user_id": "42"},
    )
    complaint_id = desk.queue.top(QueueFilter(), 1)[0].id

    def close_while_the_round_hangs() -> None:
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
        window.context.tasks.db(
            lambda: window.context.desk.complaints.save_draft(complaint_id, DRAFT)
        )
        print("closing", flush=True)
        window.close()

    create_application()  # the timer needs the application's event loop
    QTimer.singleShot(2_000, close_while_the_round_hangs)
    try:
        return run_window(store, paths, vault)
    finally:
        store.close()


if __name__ == "__main__":
    sys.exit(main())
