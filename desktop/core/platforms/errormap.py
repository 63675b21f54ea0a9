"""Per platform family: (HTTP status, headers, decoded body) -> error or None.

Each mapper reads the family's error envelope — also inside HTTP 200 bodies
(Meta ``{"error":…}``, see ``meta_errors``; TikTok non-zero ``code``, Telegram ``ok: false``) —
and otherwise falls back to what the status alone means. A body that is not
the expected shape never crashes a mapper; ``body`` is None when the
response was not JSON.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import TypedDict
from zoneinfo import ZoneInfo

from desktop.core.platforms.errors import (
    DEFAULT_RATE_LIMIT_WAIT,
    ConflictError,
    DuplicateContentError,
    PermanentError,
    PlatformError,
    RateLimitedError,
    TokenExpiredError,
    TransientError,
    http_status_error,
    retry_after_seconds,
    server_now,
)

Headers = Mapping[str, str]

TIKTOK_QPS_WAIT = 10.0  # TikTok's 40100 says nothing about when to come back
TOKEN_WORDS = "The platform no longer accepts this account's token; enter a new one."
SLOW_WORDS = "The platform asked us to slow down."
_PACIFIC = ZoneInfo("America/Los_Angeles")


class Words(TypedDict):
    """What every error keeps of the platform's answer."""

    platform_message: str | None
    status: int | None
    code: str | None


def obj_or_empty(value: object) -> Mapping[str, object]:
    return value if isinstance(value, Mapping) else {}


def text_or_none(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def int_or_none(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value)
    return None


# -- X API v2 ------------------------------------------------------------------


def x_error(status: int, headers: Headers, body: object) -> PlatformError | None:
    doc = obj_or_empty(body)
    raw_errors = doc.get("errors")
    problems = [obj_or_empty(p) for p in raw_errors] if isinstance(raw_errors, list) else []
    said = (
        text_or_none(doc.get("detail"))
        or next(
            (text_or_none(p.get("detail")) or text_or_none(p.get("message")) for p in problems),
            None,
        )
        or text_or_none(doc.get("title"))
    )
    words = Words(platform_message=said, status=status, code=text_or_none(doc.get("type")))
    if 200 <= status < 300:
        if problems and "data" not in doc and "meta" not in doc:
            return PermanentError("The platform refused the request.", **words)
        return None
    lowered = (said or "").lower()
    if status == 429:
        wait = retry_after_seconds(headers)
        return RateLimitedError(SLOW_WORDS, retry_after=wait or DEFAULT_RATE_LIMIT_WAIT, **words)
    if status == 401:
        return TokenExpiredError(TOKEN_WORDS, **words)
    if status == 403 and "duplicate" in lowered:
        return DuplicateContentError(
            "X refused the reply because the same text was already posted; change the text.",
            **words,
        )
    if status in (403, 404) and ("deleted" in lowered or "not visible" in lowered):
        return PermanentError(
            "The post being answered was deleted or is no longer visible.", reason="gone", **words
        )
    if "too long" in lowered:
        return PermanentError("The reply is too long for X.", reason="text_too_long", **words)
    return http_status_error(status, headers, platform_message=said)


# -- Google (YouTube Data API) ---------------------------------------------------


def next_pacific_midnight(now: datetime) -> datetime:
    """When YouTube quotas reset: midnight Pacific time."""
    local = now.astimezone(_PACIFIC)
    tomorrow = (local + timedelta(days=1)).date()
    return datetime(tomorrow.year, tomorrow.month, tomorrow.day, tzinfo=_PACIFIC).astimezone(UTC)


def google_error(status: int, headers: Headers, body: object) -> PlatformError | None:
    error = obj_or_empty(obj_or_empty(body).get("error"))
    if not error:
        return http_status_error(status, headers)
    items = error.get("errors")
    first = obj_or_empty(items[0]) if isinstance(items, list) and items else {}
    reason = text_or_none(first.get("reason")) or text_or_none(error.get("status")) or ""
    said = text_or_none(first.get("message")) or text_or_none(error.get("message"))
    code = int_or_none(error.get("code")) or status
    words = Words(platform_message=said, status=status, code=reason or None)
    if reason in ("quotaExceeded", "dailyLimitExceeded"):
        now = server_now(headers)
        wait = (next_pacific_midnight(now) - now).total_seconds()
        return RateLimitedError(
            "The YouTube daily quota is used up; it resets at midnight Pacific time.",
            retry_after=wait,
            reason="quota",
            **words,
        )
    if reason in ("rateLimitExceeded", "userRateLimitExceeded") or code == 429:
        wait = retry_after_seconds(headers) or DEFAULT_RATE_LIMIT_WAIT
        return RateLimitedError(SLOW_WORDS, retry_after=wait, **words)
    if code == 401 or reason in ("authError", "keyInvalid", "keyExpired", "invalidCredentials"):
        return TokenExpiredError(TOKEN_WORDS, **words)
    if reason == "commentTextTooLong":
        return PermanentError("The reply is too long for YouTube.", reason="text_too_long", **words)
    if reason in ("commentNotFound", "parentCommentNotFound", "videoNotFound") or code == 404:
        return PermanentError(
            "The comment being answered was deleted or is no longer visible.",
            reason="gone",
            **words,
        )
    if code >= 500 or reason in ("backendError", "processingFailure"):
        return TransientError("The platform had a temporary problem.", reason="server", **words)
    if code == 403:
        return PermanentError(
            "YouTube does not allow this (comments disabled, or a permission is missing).",
            reason="forbidden",
            **words,
        )
    return PermanentError("The platform refused the request.", **words)


# -- Telegram Bot API -------------------------------------------------------------


def telegram_error(status: int, headers: Headers, body: object) -> PlatformError | None:
    doc = obj_or_empty(body)
    if doc.get("ok") is True:
        return None
    if doc.get("ok") is not False:
        return http_status_error(status, headers)
    code = int_or_none(doc.get("error_code")) or status
    said = text_or_none(doc.get("description"))
    words = Words(platform_message=said, status=status, code=str(code))
    lowered = (said or "").lower()
    if code == 429:
        wait = int_or_none(obj_or_empty(doc.get("parameters")).get("retry_after"))
        if wait is None:
            match = re.search(r"retry after (\d+)", lowered)
            wait = int(match.group(1)) if match else None
        if wait is None:
            wait = int(retry_after_seconds(headers) or DEFAULT_RATE_LIMIT_WAIT)
        return RateLimitedError(SLOW_WORDS, retry_after=wait, **words)
    if code == 401:
        return TokenExpiredError(TOKEN_WORDS, **words)
    if code == 409:
        why = "a webhook is set" if "webhook" in lowered else "another program polls this bot"
        return ConflictError(
            f"Telegram refuses to deliver messages because {why}; only one reader per bot "
            "is allowed. Stop the other program (or delete the webhook), then sync again.",
            **words,
        )
    if code >= 500:
        return TransientError("The platform had a temporary problem.", reason="server", **words)
    if "not found" in lowered and "message" in lowered:
        return PermanentError("The message being answered was deleted.", reason="gone", **words)
    if code == 403:
        return PermanentError(
            "Telegram does not allow this (the person blocked the bot or left the chat).",
            reason="forbidden",
            **words,
        )
    if "too long" in lowered:
        return PermanentError(
            "The reply is too long for Telegram.", reason="text_too_long", **words
        )
    return PermanentError("The platform refused the request.", **words)


# -- TikTok API for Business -------------------------------------------------------


def tiktok_error(status: int, headers: Headers, body: object) -> PlatformError | None:
    doc = obj_or_empty(body)
    code = int_or_none(doc.get("code"))
    if code is None or code == 0:
        return http_status_error(status, headers)
    said = text_or_none(doc.get("message"))
    words = Words(platform_message=said, status=status, code=str(code))
    lowered = (said or "").lower()
    if code == 40100:
        wait = retry_after_seconds(headers) or TIKTOK_QPS_WAIT
        return RateLimitedError(SLOW_WORDS, retry_after=wait, **words)
    token_words = ("expired", "revoked", "invalid", "incorrect")
    if code == 40105 or ("access token" in lowered and any(w in lowered for w in token_words)):
        return TokenExpiredError(TOKEN_WORDS, **words)
    if code >= 50000 or status >= 500:
        return TransientError("The platform had a temporary problem.", reason="server", **words)
    return PermanentError("The platform refused the request.", **words)
