"""Reading fields out of decoded JSON without trusting it.

Every helper takes the value, the key and a ``where`` path (``data[3].from``)
so a missing or mistyped field becomes a ``MalformedResponseError`` that names
it, never a ``KeyError`` or ``TypeError``. Optional helpers return ``None``
for a missing or null field but still refuse a wrong type. Messages name
paths and types only, never values (a value might carry a secret).

Times: every format in PLATFORMS.md's table — ISO 8601 with ``+0000``,
``+00:00``, ``Z`` or ``.000Z``; epoch seconds or milliseconds as a number or
a string of digits. A time without a zone is refused, never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta, timezone

from desktop.core.platforms.errors import MalformedResponseError

JsonObject = Mapping[str, object]

_ISO = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?"
    r"\s*(Z|z|UTC|[+-]\d{2}(?::?\d{2})?)$"
)
_EPOCH_MS_THRESHOLD = 100_000_000_000  # 1e11 s is year 5138; 1e11 ms is 1973
_DIGITS = re.compile(r"^-?\d+(\.\d+)?$")


def malformed(where: str, problem: str) -> MalformedResponseError:
    return MalformedResponseError(f"The platform's response was not understood: {where} {problem}.")


def _typename(value: object) -> str:
    return "null" if value is None else type(value).__name__


def as_object(value: object, where: str) -> JsonObject:
    if not isinstance(value, Mapping):
        raise malformed(where, f"should be an object, got {_typename(value)}")
    return value


def as_list(value: object, where: str) -> Sequence[object]:
    if not isinstance(value, list):
        raise malformed(where, f"should be a list, got {_typename(value)}")
    return value


def req_object(obj: JsonObject, key: str, where: str) -> JsonObject:
    if key not in obj:
        raise malformed(f"{where}.{key}", "is missing")
    return as_object(obj[key], f"{where}.{key}")


def opt_object(obj: JsonObject, key: str, where: str) -> JsonObject | None:
    value = obj.get(key)
    return None if value is None else as_object(value, f"{where}.{key}")


def req_list(obj: JsonObject, key: str, where: str) -> Sequence[object]:
    if key not in obj:
        raise malformed(f"{where}.{key}", "is missing")
    return as_list(obj[key], f"{where}.{key}")


def opt_list(obj: JsonObject, key: str, where: str) -> Sequence[object]:
    value = obj.get(key)
    return () if value is None else as_list(value, f"{where}.{key}")


def opt_str(obj: JsonObject, key: str, where: str) -> str | None:
    value = obj.get(key)
    if value is None or isinstance(value, str):
        return value
    raise malformed(f"{where}.{key}", f"should be text, got {_typename(value)}")


def req_str(obj: JsonObject, key: str, where: str) -> str:
    value = opt_str(obj, key, where)
    if value is None:
        raise malformed(f"{where}.{key}", "is missing")
    return value


def opt_id(obj: JsonObject, key: str, where: str) -> str | None:
    """An identifier: text, or an integer (Telegram, TikTok) turned to text."""
    value = obj.get(key)
    if value is None:
        return None
    if isinstance(value, str) and value:
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise malformed(f"{where}.{key}", f"should be an id, got {_typename(value)}")


def req_id(obj: JsonObject, key: str, where: str) -> str:
    value = opt_id(obj, key, where)
    if value is None:
        raise malformed(f"{where}.{key}", "is missing")
    return value


def opt_int(obj: JsonObject, key: str, where: str) -> int | None:
    value = obj.get(key)
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and re.fullmatch(r"-?\d+", value.strip()):
        return int(value)
    raise malformed(f"{where}.{key}", f"should be a whole number, got {_typename(value)}")


def opt_bool(obj: JsonObject, key: str, where: str) -> bool | None:
    value = obj.get(key)
    if value is None or isinstance(value, bool):
        return value
    raise malformed(f"{where}.{key}", f"should be true or false, got {_typename(value)}")


def parse_iso(text: str, where: str) -> datetime:
    """ISO 8601 with a zone: ``+0000``, ``+00:00``, ``Z``, fractions of any length."""
    match = _ISO.match(text.strip())
    if match is None:
        raise malformed(where, "is not a time with a zone")
    year, month, day, hour, minute, second, fraction, zone = match.groups()
    micro = int((fraction or "0")[:6].ljust(6, "0"))
    try:
        value = datetime(
            int(year), int(month), int(day), int(hour), int(minute), int(second or 0), micro
        )
        if zone in ("Z", "z", "UTC"):
            return value.replace(tzinfo=UTC)
        sign = 1 if zone[0] == "+" else -1
        digits = zone[1:].replace(":", "")
        offset = int(digits[:2]) * 60 + int(digits[2:4] or 0)
        zone_info = timezone(timedelta(minutes=sign * offset))
        return value.replace(tzinfo=zone_info).astimezone(UTC)
    except (ValueError, OverflowError):
        raise malformed(where, "is not a valid time") from None


def parse_epoch(value: float, where: str) -> datetime:
    """Epoch seconds, or milliseconds when the number is too large to be seconds."""
    seconds = value / 1000 if abs(value) >= _EPOCH_MS_THRESHOLD else value
    try:
        return datetime.fromtimestamp(seconds, UTC)
    except (ValueError, OverflowError, OSError):
        raise malformed(where, "is not a valid time") from None


def parse_time(value: object, where: str) -> datetime:
    """Any platform time: ISO text, or epoch seconds/milliseconds as number or digits."""
    if isinstance(value, bool) or value is None:
        raise malformed(where, f"should be a time, got {_typename(value)}")
    if isinstance(value, int | float):
        return parse_epoch(float(value), where)
    if isinstance(value, str):
        if _DIGITS.match(value.strip()):
            return parse_epoch(float(value), where)
        return parse_iso(value, where)
    raise malformed(where, f"should be a time, got {_typename(value)}")


def req_time(obj: JsonObject, key: str, where: str) -> datetime:
    if obj.get(key) is None:
        raise malformed(f"{where}.{key}", "is missing")
    return parse_time(obj[key], f"{where}.{key}")


def opt_time(obj: JsonObject, key: str, where: str) -> datetime | None:
    return None if obj.get(key) is None else parse_time(obj[key], f"{where}.{key}")


def iso(value: datetime) -> str:
    """The form high-water marks take inside cursors."""
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
