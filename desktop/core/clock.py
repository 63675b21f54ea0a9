"""The time the deadlines are measured by: the local clock, corrected by the servers'.

A station PC whose clock is hours wrong would show wrong countdowns. Every
platform response carries a ``Date`` header; the sync engine records the
difference, and ``now`` adds it when it is larger than the noise.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Connection

from desktop.core.store.settings import load_setting, save_setting

CLOCK_KEY = "clock"
# Below this, a difference is network delay and rounding, not a wrong clock.
NOISE = timedelta(minutes=2)


@dataclass(frozen=True, slots=True)
class ClockSkew:
    """Server time minus local time, as last measured (positive: we are behind)."""

    offset: timedelta
    measured_at: datetime

    @property
    def significant(self) -> bool:
        return abs(self.offset) >= NOISE

    def now(self) -> datetime:
        return ServerClock(self)()


NO_SKEW = ClockSkew(timedelta(0), datetime.min.replace(tzinfo=UTC))


def load_skew(conn: Connection) -> ClockSkew:
    data = load_setting(conn, CLOCK_KEY)
    if not isinstance(data, dict):
        return NO_SKEW
    try:
        return ClockSkew(
            timedelta(seconds=float(data["offset_seconds"])),
            datetime.fromisoformat(str(data["measured_at"])),
        )
    except (KeyError, TypeError, ValueError):
        return NO_SKEW


def save_skew(conn: Connection, offset: timedelta, measured_at: datetime) -> None:
    save_setting(
        conn,
        CLOCK_KEY,
        {"offset_seconds": offset.total_seconds(), "measured_at": measured_at.isoformat()},
    )


class ServerClock:
    """``now`` corrected by the skew last measured; the window sets a new skew after
    each sync round (read on its database lane), the command line reads it once."""

    def __init__(self, skew: ClockSkew = NO_SKEW, local: Callable[[], datetime] | None = None):
        self.skew = skew
        self._local = local or (lambda: datetime.now(UTC))

    def __call__(self) -> datetime:
        local = self._local()
        return local + self.skew.offset if self.skew.significant else local
