"""The one text form of a time in the store, on both dialects.

UTC, no zone, microseconds, a space between date and time
(``2026-11-29 06:00:00.000000``): in this form times compare in time order as
text (SQLite keeps the text; PostgreSQL reads it into its ``timestamp``
columns), and the bulk paths hand it to the driver as it is.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import overload


@overload
def db_time(value: datetime) -> str: ...
@overload
def db_time(value: None) -> None: ...
@overload
def db_time(value: datetime | None) -> str | None: ...
def db_time(value: datetime | None) -> str | None:
    """A UTC time in the store's text form."""
    if value is None:
        return None
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")
