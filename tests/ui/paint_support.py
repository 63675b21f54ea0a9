"""What a repaint calls: the profile of one repaint, and the calls Qt makes into Python."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from types import FrameType

from PySide6.QtWidgets import QWidget
from shiboken6 import Shiboken

import desktop

PROJECT = Path(desktop.__file__).parent


def repaint_profiled(widget: QWidget, profile: Callable[[FrameType, str, object], None]) -> None:
    """Repaint ``widget`` with ``profile`` seeing every call (``sys.setprofile``)."""
    sys.setprofile(profile)
    try:
        widget.repaint()
    finally:
        sys.setprofile(None)


def entries_from_qt(widget: QWidget) -> list[str]:
    """The project's Python functions Qt calls during a repaint of ``widget``, in order
    (not those our own Python calls). Each such call frees what Qt made for it (an
    index, an option, an event), and each Qt object freed lets another thread take the
    interpreter."""
    in_qt: set[FrameType] = set()  # Python frames now within a call into Qt
    names: list[str] = []

    def record(frame: FrameType, event: str, arg: object) -> None:
        if event == "c_call" and isinstance(getattr(arg, "__self__", None), Shiboken.Object):
            in_qt.add(frame)
        elif event in ("c_return", "c_exception"):
            in_qt.discard(frame)
        elif event == "call" and frame.f_back in in_qt and _ours(frame):
            names.append(frame.f_code.co_name)

    repaint_profiled(widget, record)
    return names


def _ours(frame: FrameType) -> bool:
    """Project code (PySide's own Python, and the standard library's enums it reads
    when given one, hold no Qt object)."""
    return Path(frame.f_code.co_filename).is_relative_to(PROJECT)
