"""Faults the simulator injects on request, and the book that hands them out.

Two families, by when they strike:

- *before* the platform handles the request (nothing is stored):
  ``latency`` (then the request goes on), ``rate_limit``, ``server_error``,
  ``expired_token``, ``conflict`` (Telegram ``getUpdates`` only) and ``drop``
  (the connection closes with no response at all);
- *after* the platform handled it (a POSTed reply IS stored): ``truncate``
  (headers and half the body, then the connection closes), ``malformed``
  (invalid JSON at HTTP 200) and ``accept_then_drop`` (POST only: stored,
  then the connection closes with no response).

A fault matches a request by channel and method (None = any); ``times`` is
how many requests it strikes (-1: until cleared). Faults strike in the order
they were injected; latencies add up with the first other matching fault.

Details, per kind:

- ``latency``: ``seconds`` (default 1.0);
- ``rate_limit``: ``retry_after`` seconds (default 30; X's
  ``x-rate-limit-reset``, Telegram's ``retry_after``, Meta's
  ``estimated_time_to_regain_access`` in minutes); ``code`` (Meta: 4, 17, 32,
  613, 80001, 80002; default 4); ``status`` (Meta 400, YouTube 403 by
  default); ``reason`` (YouTube: ``quotaExceeded`` by default,
  ``rateLimitExceeded``, ``userRateLimitExceeded``); ``parameters=False``
  (Telegram: leave out ``parameters``, like old servers);
- ``server_error``: ``status`` 500 (default), 502 (an HTML gateway page) or 503;
- ``truncate``: ``content_length=True`` announces the full length, so the
  client sees a broken read rather than half a JSON document;
- ``conflict``: ``webhook=True`` gives the "webhook is active" variant.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from typing import Final

from desktop.core.model import Channel

LATENCY: Final = "latency"
RATE_LIMIT: Final = "rate_limit"
SERVER_ERROR: Final = "server_error"
DROP: Final = "drop"
TRUNCATE: Final = "truncate"
EXPIRED_TOKEN: Final = "expired_token"
MALFORMED: Final = "malformed"
ACCEPT_THEN_DROP: Final = "accept_then_drop"
CONFLICT: Final = "conflict"

BEFORE_KINDS = frozenset({RATE_LIMIT, SERVER_ERROR, DROP, EXPIRED_TOKEN, CONFLICT})
AFTER_KINDS = frozenset({TRUNCATE, MALFORMED, ACCEPT_THEN_DROP})

# The details each kind understands, with their types.
DETAILS: Mapping[str, Mapping[str, type]] = {
    LATENCY: {"seconds": float},
    RATE_LIMIT: {"retry_after": int, "code": int, "reason": str, "status": int, "parameters": bool},
    SERVER_ERROR: {"status": int},
    DROP: {},
    TRUNCATE: {"content_length": bool},
    EXPIRED_TOKEN: {},
    MALFORMED: {},
    ACCEPT_THEN_DROP: {},
    CONFLICT: {"webhook": bool},
}
FAULT_KINDS = frozenset(DETAILS)
SERVER_ERROR_STATUSES = frozenset({500, 502, 503})


class Fault:
    """One injected fault: ``Fault("rate_limit", Channel.X, times=2, retry_after=5)``."""

    __slots__ = ("channel", "details", "kind", "method", "times")

    def __init__(
        self,
        kind: str,
        channel: Channel | None = None,
        method: str | None = None,
        times: int = 1,
        **details: object,
    ) -> None:
        if kind not in FAULT_KINDS:
            raise ValueError(
                f"unknown fault kind {kind!r}; known: {', '.join(sorted(FAULT_KINDS))}"
            )
        if method is not None and method.upper() not in ("GET", "POST"):
            raise ValueError(f"method must be GET, POST or None, not {method!r}")
        if times == 0 or times < -1:
            raise ValueError("times must be positive, or -1 for 'until cleared'")
        if kind == CONFLICT and channel not in (None, Channel.TELEGRAM):
            raise ValueError("a conflict fault exists only on Telegram")
        if kind == ACCEPT_THEN_DROP and method not in (None, "POST", "post"):
            raise ValueError("accept_then_drop strikes POST requests only")
        self.kind = kind
        self.channel = channel
        self.method = "POST" if kind == ACCEPT_THEN_DROP else method and method.upper()
        self.times = times
        self.details = _checked(kind, details)
        if kind == SERVER_ERROR and self.status not in SERVER_ERROR_STATUSES:
            raise ValueError("server_error status must be 500, 502 or 503")

    def __repr__(self) -> str:
        extra = "".join(f", {k}={v!r}" for k, v in sorted(self.details.items()))
        where = self.channel.value if self.channel else "any"
        return f"Fault({self.kind!r}, {where}, {self.method or 'any'}, times={self.times}{extra})"

    def number(self, key: str, default: float) -> float:
        value = self.details.get(key)
        return float(value) if isinstance(value, int | float) else default

    def text(self, key: str) -> str | None:
        value = self.details.get(key)
        return value if isinstance(value, str) else None

    def flag(self, key: str) -> bool:
        return self.details.get(key) is True

    @property
    def status(self) -> int:
        return int(self.number("status", 500))

    @property
    def retry_after(self) -> int:
        return int(self.number("retry_after", 30))

    def matches(self, channel: Channel, method: str) -> bool:
        return (self.channel is None or self.channel is channel) and (
            self.method is None or self.method == method
        )

    def to_json(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "channel": self.channel.value if self.channel else None,
            "method": self.method,
            "times": self.times,
            **self.details,
        }

    @classmethod
    def from_json(cls, data: object) -> Fault:
        """A fault from ``{"kind", "channel"?, "method"?, "times"?, ...details}``."""
        if not isinstance(data, dict) or not isinstance(data.get("kind"), str):
            raise ValueError('a fault is a JSON object with at least "kind"')
        rest = dict(data)
        kind = str(rest.pop("kind"))
        channel_name = rest.pop("channel", None)
        method = rest.pop("method", None)
        times = rest.pop("times", 1)
        if channel_name is not None and not isinstance(channel_name, str):
            raise ValueError("channel must be a platform name")
        if method is not None and not isinstance(method, str):
            raise ValueError("method must be GET or POST")
        if not isinstance(times, int) or isinstance(times, bool):
            raise ValueError("times must be a whole number")
        channel = Channel(channel_name) if channel_name is not None else None
        return cls(kind, channel, method, times, **rest)


def _checked(kind: str, details: Mapping[str, object]) -> dict[str, object]:
    known = DETAILS[kind]
    checked: dict[str, object] = {}
    for key, value in details.items():
        wanted = known.get(key)
        if wanted is None:
            names = ", ".join(sorted(known)) or "none"
            raise ValueError(f"{kind} takes no detail {key!r} (it takes: {names})")
        ok = (
            isinstance(value, int | float) and not isinstance(value, bool)
            if wanted is float
            else isinstance(value, wanted) and not (wanted is int and isinstance(value, bool))
        )
        if not ok:
            raise ValueError(f"{kind} detail {key!r} must be {wanted.__name__}")
        checked[key] = value
    return checked


class FaultBook:
    """Injected faults, consumed by requests; safe to use from many threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._faults: list[Fault] = []

    def add(self, fault: Fault) -> None:
        with self._lock:
            self._faults.append(fault)

    def clear(self) -> None:
        with self._lock:
            self._faults.clear()

    def pending(self) -> list[Fault]:
        with self._lock:
            return list(self._faults)

    def take(
        self, channel: Channel, method: str, *, applies: frozenset[str]
    ) -> tuple[float, Fault | None]:
        """Total latency and the first other fault striking this request (consumed).

        ``applies``: the kinds that make sense for this request (e.g. no
        ``conflict`` outside Telegram's getUpdates); others are left in place.
        """
        delay = 0.0
        chosen: Fault | None = None
        with self._lock:
            for fault in list(self._faults):
                if not fault.matches(channel, method) or fault.kind not in applies:
                    continue
                if fault.kind == LATENCY:
                    delay += fault.number("seconds", 1.0)
                elif chosen is None:
                    chosen = fault
                else:
                    continue
                if fault.times > 0:
                    fault.times -= 1
                    if fault.times == 0:
                        self._faults.remove(fault)
        return delay, chosen
