"""Callbacks that are skipped once the widget they update is gone.

Background work can finish after its widget was closed (a dialog shut
while an account was being saved); its callback must then do nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject


def while_alive(owner: QObject, callback: Callable[[Any], None]) -> Callable[[Any], None]:
    def call(value: Any) -> None:
        if shiboken6.isValid(owner):
            callback(value)

    return call
