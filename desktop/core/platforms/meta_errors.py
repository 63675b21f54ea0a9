"""Meta Graph API (Instagram, Facebook) errors and usage headers.

Error envelope ``{"error":{"message","type","code","error_subcode",...}}``,
also sent with HTTP 200. Throttling codes 4/17/32/613/80001-80009; usage
headers ``x-app-usage`` and ``x-business-use-case-usage`` in percent, the
latter with ``estimated_time_to_regain_access`` (minutes — unconfirmed unit).
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from desktop.core.platforms.errormap import (
    SLOW_WORDS,
    TOKEN_WORDS,
    Words,
    int_or_none,
    obj_or_empty,
    text_or_none,
)
from desktop.core.platforms.errors import (
    PermanentError,
    PlatformError,
    RateLimitedError,
    TokenExpiredError,
    TransientError,
    header,
    http_status_error,
    retry_after_seconds,
)

Headers = Mapping[str, str]

META_USAGE_THRESHOLD = 95.0  # percent of a Meta budget at which we stop and wait
META_DEFAULT_WAIT = 300.0  # Meta does not say how long when only usage headers are near 100
_META_THROTTLE = frozenset({4, 17, 32, 613, *range(80001, 80010)})
_META_WINDOW_SUBCODES = frozenset({2018065, 2018278})


def meta_usage_wait(headers: Headers) -> float | None:
    """Seconds to wait when Meta's usage headers say a budget is (nearly) used up."""
    worst, wait = 0.0, 0.0
    for name in ("x-app-usage", "x-page-usage", "x-business-use-case-usage"):
        raw = header(headers, name)
        if not raw:
            continue
        try:
            parsed: object = json.loads(raw)
        except ValueError:
            continue
        blocks = [parsed] if name != "x-business-use-case-usage" else _buc_blocks(parsed)
        for block in blocks:
            for key, value in obj_or_empty(block).items():
                number = value if isinstance(value, int | float) else None
                if number is None or isinstance(number, bool):
                    continue
                if key == "estimated_time_to_regain_access":
                    wait = max(wait, float(number) * 60)  # minutes (unconfirmed unit)
                elif key in ("call_count", "total_cputime", "total_time"):
                    worst = max(worst, float(number))
    if wait > 0:
        return wait
    if worst >= META_USAGE_THRESHOLD:
        return META_DEFAULT_WAIT
    return None


def _buc_blocks(parsed: object) -> list[object]:
    blocks: list[object] = []
    for entries in obj_or_empty(parsed).values():
        if isinstance(entries, list):
            blocks.extend(entries)
    return blocks


def meta_error(status: int, headers: Headers, body: object) -> PlatformError | None:
    error = obj_or_empty(obj_or_empty(body).get("error"))
    if not error:
        if status == 429 or (status == 403 and meta_usage_wait(headers)):
            wait = meta_usage_wait(headers) or retry_after_seconds(headers)
            return RateLimitedError(
                SLOW_WORDS, retry_after=wait or META_DEFAULT_WAIT, status=status
            )
        return http_status_error(status, headers)
    code, sub = int_or_none(error.get("code")), int_or_none(error.get("error_subcode"))
    said = text_or_none(error.get("message")) or text_or_none(error.get("error_user_msg"))
    words = Words(platform_message=said, status=status, code=f"{code}/{sub or '-'}")
    if code in (190, 102):
        return TokenExpiredError(TOKEN_WORDS, **words)
    if code in _META_THROTTLE or status == 429:
        wait = meta_usage_wait(headers) or retry_after_seconds(headers) or META_DEFAULT_WAIT
        return RateLimitedError(SLOW_WORDS, retry_after=wait, **words)
    if sub in _META_WINDOW_SUBCODES:
        return PermanentError(
            "The 24-hour window to answer this person's message has closed; they must write "
            "again before a direct reply is possible.",
            reason="messaging_window",
            **words,
        )
    if code in (1, 2) or error.get("is_transient") is True or status >= 500:
        return TransientError("The platform had a temporary problem.", reason="server", **words)
    if (code == 100 and sub == 33) or code == 551:
        return PermanentError(
            "The comment, post or person is no longer available (deleted, hidden or blocked).",
            reason="gone",
            **words,
        )
    if code == 10 or (code is not None and 200 <= code < 300):
        return PermanentError(
            "The account lacks a permission the platform requires.", reason="forbidden", **words
        )
    return PermanentError("The platform refused the request.", **words)
