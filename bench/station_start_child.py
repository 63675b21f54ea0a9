"""One measured start for ``bench_station_start.py``, in its own process.

    python -m bench.station_start_child T0 single HOME     # HOME's replica as a single PC
    python -m bench.station_start_child T0 station HOME    # station mode (ADUAN_BENCH_STATION)

Prints one JSON line of figures, in seconds from T0 (when the parent started it).
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.first_paint import first_paint


class FileVault:
    """The bench's throwaway vault: a JSON file in its home, so that the second start
    opens the replica the first one made (a real desktop has the keyring)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def _all(self) -> dict[str, str]:
        if not self.path.exists():
            return {}
        found: dict[str, str] = json.loads(self.path.read_text())
        return found

    def get(self, name: str) -> str | None:
        return self._all().get(name)

    def set(self, name: str, secret: str) -> None:
        kept = self._all()
        kept[name] = secret
        self.path.write_text(json.dumps(kept))
        self.path.chmod(0o600)

    def delete(self, name: str) -> None:
        kept = self._all()
        kept.pop(name, None)
        self.path.write_text(json.dumps(kept))


def _until(app: Any, condition: Any, timeout: float = 3600.0) -> float:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit("timed out")
        app.processEvents()
        time.sleep(0.01)
    return time.time()


def single(t0: float, home: Path) -> dict[str, float]:
    """A single PC's start on the replica's file (an ordinary encrypted store)."""
    from desktop.core.credentials import MemoryVault
    from desktop.core.desk import Desk
    from desktop.core.paths import Paths
    from desktop.core.station.replica import replica_paths
    from desktop.core.store.database import open_store
    from desktop.ui.app import build_context, create_application, share_the_interpreter
    from desktop.ui.main_window import MainWindow
    from desktop.ui.preferences import Language

    store = open_store(replica_paths(home), FileVault(home / "bench-vault.json"))
    app = create_application()
    home = Path(tempfile.mkdtemp(prefix="aduan-bench-home-"))
    atexit.register(shutil.rmtree, home, ignore_errors=True)
    desk = Desk(store, MemoryVault(), Paths(home))
    context = build_context(app, desk, language=Language.INDONESIAN)
    window = MainWindow(context)
    share_the_interpreter()
    painted = first_paint(app, window)
    figures = {"painted_s": painted - t0, "rows_at_paint": float(window.queue_model.rowCount())}
    window.close()
    context.tasks.shutdown()
    store.close()
    return figures


def station(t0: float, home: Path) -> dict[str, float]:
    from sqlalchemy import func, select

    from desktop.core.paths import Paths
    from desktop.core.store.database import open_postgresql
    from desktop.core.store.schema import ComplaintRow
    from desktop.ui.app import (
        attach_station_session,
        build_context,
        create_application,
        open_station_session,
        share_the_interpreter,
    )
    from desktop.ui.main_window import MainWindow
    from desktop.ui.preferences import Language

    store = open_postgresql(os.environ["ADUAN_BENCH_STATION"])
    app = create_application()
    session = open_station_session(store, Paths(home), FileVault(home / "bench-vault.json"))
    context = build_context(app, session.desk, language=Language.INDONESIAN)
    window = MainWindow(context)
    share_the_interpreter()
    attach_station_session(window, session)
    painted = first_paint(app, window)
    rows = window.queue_model.rowCount()
    up = _until(app, lambda: session.up)
    progress = session.progress
    with session.replica.store.read() as conn:
        copied = conn.execute(select(func.count()).select_from(ComplaintRow)).scalar_one()
    figures = {
        "painted_s": painted - t0,
        "rows_at_paint": float(rows),
        "up_s": up - t0,
        "filled_s": up - t0 if progress is not None and progress.done else 0.0,
        "replica_complaints": float(copied),
    }
    window.close()
    session.close()
    context.tasks.shutdown()
    return figures


def main() -> None:
    t0, mode, home = float(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
    figures = single(t0, home) if mode == "single" else station(t0, home)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
