"""When a built window first paints its queue with rows: the benchmarks' start figure."""

from __future__ import annotations

import time
from typing import Any


def first_paint(app: Any, window: Any) -> float:
    """Show ``window`` at 1440x900 and return the wall time (``time.time()``) of the
    first paint of its queue with a row in it."""
    from PySide6.QtCore import QEvent, QObject

    painted: list[float] = []

    class PaintProbe(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint and window.queue_model.cached_row(0) is not None:
                painted.append(time.time())
            return False

    probe = PaintProbe()
    window.queue_view.viewport().installEventFilter(probe)
    window.resize(1440, 900)
    window.show()
    while not painted:
        app.processEvents()
        time.sleep(0.001)
    window.queue_view.viewport().removeEventFilter(probe)
    return painted[0]
