"""Values and types the tests share (fixtures live in conftest.py)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from desktop.core.model import InboundItem

# A fixed "now" for tests whose items are dated relative to it.
NOW = datetime(2026, 11, 29, 6, 0, tzinfo=UTC)

ItemFactory = Callable[..., InboundItem]
