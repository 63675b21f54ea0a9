"""What can go wrong talking to a platform, in classes the sync engines act on.

- ``RateLimitedError``: wait ``retry_after`` seconds (this account only).
- ``TokenExpiredError``: the account needs a new token; others keep syncing.
- ``ConflictError``: another poller or a webhook holds the bot (Telegram);
  explain it, do not retry in a loop.
- ``TransientError``: network trouble or a server fault; back off and retry.
  ``maybe_delivered`` tells the outbox whether a POST may have arrived
  (then read the thread back before sending again).
- ``MalformedResponseError`` (a ``TransientError``): the body was not what
  the format promises — truncated, not JSON, a field missing or mistyped.
- ``PermanentError``: the platform refused for a reason the officer must see
  (24-hour window, text too long, comment deleted...); ``DuplicateContentError``
  is X's refusal of identical text.

Every message is redacted when the exception is built. ``reason`` is a short
stable code the UI can translate; ``message`` is plain English words;
``platform_message`` keeps the platform's own words.
"""

from __future__ import annotations

import email.utils
import math
from collections.abc import Mapping
from datetime import UTC, datetime

from desktop.core.platforms.redact import redact

DEFAULT_RATE_LIMIT_WAIT = 60.0
MAX_WAIT = 24 * 3600.0


class PlatformError(Exception):
    """Base of every error an adapter or the HTTP session raises."""

    default_reason = "error"

    def __init__(
        self,
        message: str,
        *,
        platform_message: str | None = None,
        status: int | None = None,
        code: str | None = None,
        reason: str | None = None,
    ) -> None:
        self.message = redact(message)
        self.platform_message = redact(platform_message) if platform_message else None
        self.status = status
        self.code = code
        self.reason = reason or self.default_reason
        super().__init__(self.message)

    def __str__(self) -> str:
        if self.platform_message and self.platform_message not in self.message:
            return f"{self.message} (platform said: {self.platform_message})"
        return self.message

    def __reduce__(self) -> tuple[object, ...]:
        # Keyword-only arguments defeat Exception's default pickling/copying.
        return (_restore, (type(self), dict(self.__dict__)))


def _restore(cls: type[PlatformError], state: dict[str, object]) -> PlatformError:
    error = cls.__new__(cls)
    Exception.__init__(error, state.get("message", ""))
    error.__dict__.update(state)
    return error


class RateLimitedError(PlatformError):
    default_reason = "rate_limited"

    def __init__(
        self,
        message: str,
        *,
        retry_after: float,
        platform_message: str | None = None,
        status: int | None = None,
        code: str | None = None,
        reason: str | None = None,
    ) -> None:
        super().__init__(
            message, platform_message=platform_message, status=status, code=code, reason=reason
        )
        self.retry_after = clamp_wait(retry_after)


class TokenExpiredError(PlatformError):
    default_reason = "token_expired"


class ReconnectNeededError(TokenExpiredError):
    """A connected account's tokens can no longer be renewed (refresh refused, revoked,
    password changed): the officer must sign in with the platform again."""

    default_reason = "needs_reconnect"


class ConflictError(PlatformError):
    default_reason = "conflict"


class TransientError(PlatformError):
    default_reason = "network"

    def __init__(
        self,
        message: str,
        *,
        maybe_delivered: bool = True,
        retry_after: float | None = None,
        platform_message: str | None = None,
        status: int | None = None,
        code: str | None = None,
        reason: str | None = None,
    ) -> None:
        super().__init__(
            message, platform_message=platform_message, status=status, code=code, reason=reason
        )
        self.maybe_delivered = maybe_delivered
        self.retry_after = None if retry_after is None else clamp_wait(retry_after)


class MalformedResponseError(TransientError):
    default_reason = "malformed"


class PermanentError(PlatformError):
    default_reason = "refused"


class DuplicateContentError(PermanentError):
    default_reason = "duplicate_content"


class ConfigurationError(PermanentError):
    """The account's settings cannot work (missing id, bad API address...)."""

    default_reason = "config"


def clamp_wait(seconds: float) -> float:
    """A wait the engine can honour: at least one second, at most a day."""
    if math.isnan(seconds):
        return DEFAULT_RATE_LIMIT_WAIT
    return min(max(seconds, 1.0), MAX_WAIT)


def header(headers: Mapping[str, str], name: str) -> str | None:
    """Case-insensitive header lookup that works on plain dicts too."""
    wanted = name.lower()
    for key, value in headers.items():
        if key.lower() == wanted:
            return value
    return None


def server_now(headers: Mapping[str, str]) -> datetime:
    """The server's clock from its ``Date`` header, else ours."""
    parsed = parse_http_date(header(headers, "date"))
    return parsed or datetime.now(UTC)


def parse_http_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if parsed.tzinfo is None:  # "-0000" means UTC of unknown origin
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def retry_after_seconds(headers: Mapping[str, str]) -> float | None:
    """Seconds to wait from ``Retry-After`` (seconds or a date) or ``x-rate-limit-reset``."""
    raw = header(headers, "retry-after")
    if raw:
        raw = raw.strip()
        try:
            return float(raw)
        except ValueError:
            when = parse_http_date(raw)
            if when is not None:
                return (when - server_now(headers)).total_seconds()
    reset = header(headers, "x-rate-limit-reset")
    if reset:
        try:
            epoch = float(reset.strip())
        except ValueError:
            return None
        return epoch - server_now(headers).timestamp()
    return None


def http_status_error(
    status: int, headers: Mapping[str, str], *, platform_message: str | None = None
) -> PlatformError | None:
    """The error an HTTP status means when the body said nothing more useful."""
    if 200 <= status < 300:
        return None
    if status == 429:
        wait = retry_after_seconds(headers)
        return RateLimitedError(
            "The platform asked us to slow down.",
            retry_after=DEFAULT_RATE_LIMIT_WAIT if wait is None else wait,
            platform_message=platform_message,
            status=status,
        )
    if status == 401:
        return TokenExpiredError(
            "The platform no longer accepts this account's token; enter a new one.",
            platform_message=platform_message,
            status=status,
        )
    if status == 408 or status >= 500:
        return TransientError(
            f"The platform had a temporary problem (HTTP {status}).",
            retry_after=retry_after_seconds(headers),
            reason="server",
            platform_message=platform_message,
            status=status,
        )
    if 300 <= status < 400:
        return TransientError(
            f"The server redirected the request (HTTP {status}); a captive portal or a "
            "wrong API address?",
            maybe_delivered=False,
            reason="redirect",
            platform_message=platform_message,
            status=status,
        )
    reason = {403: "forbidden", 404: "not_found", 409: "conflict"}.get(status, "refused")
    return PermanentError(
        f"The platform refused the request (HTTP {status}).",
        reason=reason,
        platform_message=platform_message,
        status=status,
    )
