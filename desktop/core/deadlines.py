"""Countdown rules: when a complaint must be answered, and how urgent it is.

Pure functions of times and settings; nothing here reads the clock. Times go
in and come out as aware UTC datetimes; naive ones are refused.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TypeGuard
from zoneinfo import ZoneInfo

from desktop.core.model import Direction, Status, utc

_DURATIONS = ("first_answer", "viral_horizon", "progress_every")
_KEYS = (*(f"{name}_seconds" for name in _DURATIONS), "warning_fraction")  # to_dict keys


def _is_number(value: object) -> TypeGuard[int | float]:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _seconds(value: timedelta) -> int | float:
    seconds = value.total_seconds()
    return int(seconds) if seconds.is_integer() else seconds


def _number(data: Mapping[str, object], key: str, default: float) -> float:
    value = data.get(key, default)
    if not _is_number(value) or not math.isfinite(value):
        raise ValueError(f"{key} must be a finite number, got {value!r}")
    return value


def _duration(data: Mapping[str, object], key: str, default: timedelta) -> timedelta:
    try:
        return timedelta(seconds=_number(data, key, default.total_seconds()))
    except OverflowError:
        raise ValueError(f"{key} is out of range: {data[key]!r}") from None


def _mapping(data: object, known: Iterable[str]) -> Mapping[str, object]:
    """``data`` as a mapping with only ``known`` keys (typos must not pass silently)."""
    if not isinstance(data, Mapping):
        raise ValueError(f"settings must be a mapping, got {data!r}")
    unknown = sorted(str(key) for key in data if key not in known)
    if unknown:
        raise ValueError(f"unknown settings key(s): {', '.join(unknown)}")
    return data


@dataclass(frozen=True, slots=True)
class DeadlineSettings:
    """A unit's deadline targets."""

    first_answer: timedelta = timedelta(hours=24)
    warning_fraction: float = 0.75
    viral_horizon: timedelta = timedelta(hours=72)
    progress_every: timedelta = timedelta(days=3)

    def __post_init__(self) -> None:
        for name in _DURATIONS:
            value: object = getattr(self, name)
            if not isinstance(value, timedelta) or value <= timedelta(0):
                raise ValueError(f"{name} must be a positive duration, got {value!r}")
        if not _is_number(self.warning_fraction) or not 0 < self.warning_fraction < 1:
            raise ValueError(
                f"warning_fraction must be between 0 and 1, got {self.warning_fraction!r}"
            )
        if self.viral_horizon < self.first_answer:
            raise ValueError("viral_horizon must not be shorter than first_answer")

    def to_dict(self) -> dict[str, object]:
        """JSON-friendly form; durations as seconds (``<name>_seconds``)."""
        out = {f"{name}_seconds": _seconds(getattr(self, name)) for name in _DURATIONS}
        return {**out, "warning_fraction": self.warning_fraction}

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> DeadlineSettings:
        """Inverse of ``to_dict``: missing keys take defaults, bad values raise."""
        data = _mapping(data, _KEYS)
        base = cls()
        return cls(
            first_answer=_duration(data, "first_answer_seconds", base.first_answer),
            warning_fraction=_number(data, "warning_fraction", base.warning_fraction),
            viral_horizon=_duration(data, "viral_horizon_seconds", base.viral_horizon),
            progress_every=_duration(data, "progress_every_seconds", base.progress_every),
        )


class UnitZone(enum.StrEnum):
    """The three Indonesian time zones, by their IANA names."""

    WIB = "Asia/Jakarta"
    WITA = "Asia/Makassar"
    WIT = "Asia/Jayapura"

    @property
    def label(self) -> str:
        return self.name

    @property
    def tzinfo(self) -> ZoneInfo:
        return ZoneInfo(self.value)

    @classmethod
    def parse(cls, text: object) -> UnitZone:
        """Accept a label ("WIB", "wita") or an IANA name ("Asia/Jayapura")."""
        if isinstance(text, str):
            wanted = text.strip().casefold()
            for zone in cls:
                if wanted in (zone.name.casefold(), zone.value.casefold()):
                    return zone
        raise ValueError(f"unknown unit time zone {text!r} (use WIB, WITA or WIT)")


@dataclass(frozen=True, slots=True)
class UnitSettings:
    """Per-unit settings: name, time zone and deadline targets."""

    name: str = "Polres"
    zone: UnitZone = UnitZone.WIB
    deadlines: DeadlineSettings = DeadlineSettings()

    def to_dict(self) -> dict[str, object]:
        return {"name": self.name, "zone": self.zone.label, "deadlines": self.deadlines.to_dict()}

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> UnitSettings:
        """Inverse of ``to_dict``: missing keys take defaults, bad values raise."""
        data = _mapping(data, ("name", "zone", "deadlines"))
        base = cls()
        name = data.get("name", base.name)
        if not isinstance(name, str) or not name.strip():
            raise ValueError(f"unit name must be a non-empty text, got {name!r}")
        return cls(
            name=name,
            zone=UnitZone.parse(data.get("zone", base.zone)),
            deadlines=DeadlineSettings.from_dict(_mapping(data.get("deadlines", {}), _KEYS)),
        )


class Urgency(enum.IntEnum):
    """How urgent a complaint is; higher is worse."""

    NONE = 0  # closed, or nothing due
    ON_TIME = 1
    WARNING = 2
    OVERDUE = 3
    VIRAL = 4  # past the viral horizon of the clock start


class DeadlineKind(enum.StrEnum):
    """Which deadline a countdown counts to."""

    ANSWER = "answer"  # the first answer
    PROGRESS = "progress"  # the next public progress update
    NONE = "none"  # nothing is due (closed, or answered with nothing pending)


@dataclass(frozen=True, slots=True)
class Countdown:
    """Where a complaint stands against its deadlines at one moment."""

    due_at: datetime | None
    viral_at: datetime | None
    remaining: timedelta | None  # negative when overdue
    urgency: Urgency
    kind: DeadlineKind


def clock_start(messages: Iterable[tuple[Direction, datetime]]) -> datetime | None:
    """Earliest inbound time after the latest accepted answer; None if all answered."""
    inbound: list[datetime] = []
    answers: list[datetime] = []
    for direction, when in messages:
        side = inbound if Direction(direction) is Direction.INBOUND else answers
        side.append(utc(when))
    last_answer = max(answers, default=None)
    waiting = [t for t in inbound if last_answer is None or t > last_answer]
    return min(waiting, default=None)


def _deadlines(
    status: Status,
    clock_started_at: datetime | None,
    last_public_answer_at: datetime | None,
    settings: DeadlineSettings,
) -> list[tuple[DeadlineKind, datetime, timedelta]]:
    """The deadlines that apply, as (kind, start, period)."""
    found: list[tuple[DeadlineKind, datetime, timedelta]] = []
    if not Status(status).is_open:
        return found
    if clock_started_at is not None:
        found.append((DeadlineKind.ANSWER, utc(clock_started_at), settings.first_answer))
    if last_public_answer_at is not None and status in (Status.ACKNOWLEDGED, Status.IN_PROGRESS):
        found.append((DeadlineKind.PROGRESS, utc(last_public_answer_at), settings.progress_every))
    return found


def due_at(
    status: Status,
    clock_started_at: datetime | None,
    last_public_answer_at: datetime | None,
    settings: DeadlineSettings,
) -> datetime | None:
    """The earliest deadline that applies, or None (closed, nothing due)."""
    found = _deadlines(status, clock_started_at, last_public_answer_at, settings)
    return min((start + period for _, start, period in found), default=None)


def countdown(
    now: datetime,
    status: Status,
    clock_started_at: datetime | None,
    last_public_answer_at: datetime | None,
    settings: DeadlineSettings,
) -> Countdown:
    """Due time, time left and urgency at ``now``.

    ``kind`` names the earliest deadline; the urgency is the worst over all
    deadlines that apply, so it never decreases as ``now`` advances.
    """
    now = utc(now)
    found = _deadlines(status, clock_started_at, last_public_answer_at, settings)
    if not found:
        return Countdown(None, None, None, Urgency.NONE, DeadlineKind.NONE)
    kind, start, period = min(found, key=lambda item: item[1] + item[2])
    due = start + period
    urgency = Urgency.ON_TIME
    for _, d_start, d_period in found:
        if now >= d_start + d_period:
            urgency = max(urgency, Urgency.OVERDUE)
        elif now - d_start >= d_period * settings.warning_fraction:
            urgency = max(urgency, Urgency.WARNING)
    viral = None if clock_started_at is None else utc(clock_started_at) + settings.viral_horizon
    if viral is not None and now >= viral:
        urgency = Urgency.VIRAL
    return Countdown(due, viral, due - now, urgency, kind)


def to_unit_time(value: datetime, zone: UnitZone) -> datetime:
    """The same instant on the unit's wall clock."""
    return utc(value).astimezone(zone.tzinfo)
