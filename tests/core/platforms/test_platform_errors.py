"""Error mapping per platform family: (status, headers, body) -> the right class."""

from __future__ import annotations

import copy
import json
import pickle
from datetime import UTC, datetime

import pytest

from desktop.core.platforms.errormap import (
    google_error,
    next_pacific_midnight,
    telegram_error,
    tiktok_error,
    x_error,
)
from desktop.core.platforms.errors import (
    ConflictError,
    DuplicateContentError,
    PermanentError,
    PlatformError,
    RateLimitedError,
    TokenExpiredError,
    TransientError,
    http_status_error,
    retry_after_seconds,
)
from desktop.core.platforms.meta_errors import META_DEFAULT_WAIT, meta_error, meta_usage_wait
from tests.core.platforms.platform_testkit import recorded

DATE = "Fri, 07 Oct 2022 22:43:18 GMT"  # 1665182598


# -- generic HTTP -----------------------------------------------------------


def test_429_waits_as_retry_after_says_in_seconds_or_as_a_date() -> None:
    seconds = http_status_error(429, {"Retry-After": "35"})
    assert isinstance(seconds, RateLimitedError)
    assert seconds.retry_after == 35
    dated = http_status_error(429, {"Date": DATE, "retry-after": "Fri, 07 Oct 2022 22:45:18 GMT"})
    assert isinstance(dated, RateLimitedError)
    assert dated.retry_after == 120


def test_x_rate_limit_reset_is_read_against_the_servers_clock_not_ours() -> None:
    # The server's Date says 22:43:18; the window resets 90 s later.
    headers = {"date": DATE, "x-rate-limit-reset": str(1665182598 + 90)}
    assert retry_after_seconds(headers) == 90
    error = x_error(429, headers, {"title": "Too Many Requests", "status": 429})
    assert isinstance(error, RateLimitedError)
    assert error.retry_after == 90
    assert error.platform_message == "Too Many Requests"


@pytest.mark.parametrize(
    ("status", "kind"),
    [
        (500, TransientError),
        (502, TransientError),
        (503, TransientError),
        (408, TransientError),
        (401, TokenExpiredError),
        (400, PermanentError),
        (404, PermanentError),
        (301, TransientError),
    ],
)
def test_status_alone_decides_when_the_body_says_nothing(
    status: int, kind: type[PlatformError]
) -> None:
    for mapper in (meta_error, x_error, google_error, telegram_error, tiktok_error):
        assert isinstance(mapper(status, {}, None), kind), mapper.__name__
    assert http_status_error(200, {}) is None


def test_absurd_waits_are_clamped_to_between_a_second_and_a_day() -> None:
    past = http_status_error(429, {"Date": DATE, "x-rate-limit-reset": "1000"})
    assert isinstance(past, RateLimitedError)
    assert past.retry_after == 1.0
    far = http_status_error(429, {"Retry-After": "99999999"})
    assert isinstance(far, RateLimitedError)
    assert far.retry_after == 24 * 3600


# -- Meta -------------------------------------------------------------------


def _meta(code: int, subcode: int | None = None, message: str = "m") -> dict[str, object]:
    error: dict[str, object] = {"message": message, "type": "OAuthException", "code": code}
    if subcode is not None:
        error["error_subcode"] = subcode
    return {"error": error}


def test_recorded_graph_errors_are_permanent_with_the_platforms_words() -> None:
    for name in ("graph-errors/error.json", "graph-errors/error_data.json"):
        error = meta_error(400, {}, recorded(name))
        assert type(error) is PermanentError
        assert error.platform_message is not None
        assert error.platform_message.startswith("(#100)")
        assert error.code == "100/-"
    # The same envelope at HTTP 200 is still an error.
    assert isinstance(meta_error(200, {}, recorded("graph-errors/error.json")), PermanentError)


def test_meta_190_means_the_account_needs_a_new_token() -> None:
    error = meta_error(400, {}, _meta(190, 463, "Error validating access token: expired"))
    assert isinstance(error, TokenExpiredError)
    assert error.reason == "token_expired"
    assert "expired" in str(error)


@pytest.mark.parametrize("code", [4, 17, 32, 613, 80001, 80002, 80009])
def test_meta_throttling_codes_are_rate_limits(code: int) -> None:
    error = meta_error(400, {}, _meta(code))
    assert isinstance(error, RateLimitedError)
    assert error.retry_after == META_DEFAULT_WAIT


def test_meta_wait_comes_from_estimated_time_to_regain_access_in_minutes() -> None:
    usage = {"1234": [{"type": "pages", "call_count": 100, "estimated_time_to_regain_access": 7}]}
    headers = {"X-Business-Use-Case-Usage": json.dumps(usage)}
    error = meta_error(400, headers, _meta(80001))
    assert isinstance(error, RateLimitedError)
    assert error.retry_after == 7 * 60


def test_meta_usage_headers_near_100_percent_ask_for_a_wait() -> None:
    assert meta_usage_wait({"x-app-usage": '{"call_count":91,"total_cputime":15}'}) is None
    assert meta_usage_wait({"x-app-usage": '{"call_count":96,"total_time":12}'}) == 300
    assert meta_usage_wait({"x-app-usage": "not json"}) is None
    assert meta_usage_wait({"x-business-use-case-usage": '{"1": "odd"}'}) is None


def test_meta_24_hour_window_is_permanent_with_a_reason_the_ui_can_show() -> None:
    error = meta_error(
        400, {}, _meta(10, 2018065, "This message is sent outside of allowed window.")
    )
    assert type(error) is PermanentError
    assert error.reason == "messaging_window"
    assert error.platform_message == "This message is sent outside of allowed window."


def test_meta_transient_and_gone() -> None:
    assert isinstance(meta_error(500, {}, _meta(2)), TransientError)
    flagged = {"error": {"message": "x", "code": 1200, "is_transient": True}}
    assert isinstance(meta_error(400, {}, flagged), TransientError)
    gone = meta_error(400, {}, _meta(100, 33, "Object with ID '1_2' does not exist"))
    assert isinstance(gone, PermanentError)
    assert gone.reason == "gone"


def test_meta_mapper_survives_odd_envelopes() -> None:
    assert meta_error(200, {}, {"data": []}) is None
    assert meta_error(200, {}, [1, 2]) is None
    assert isinstance(meta_error(400, {}, {"error": "a string"}), PermanentError)
    assert isinstance(meta_error(400, {}, {"error": {"code": "190"}}), TokenExpiredError)


# -- X ------------------------------------------------------------------------


def test_x_duplicate_tweet_is_its_own_permanent_class() -> None:
    body = {
        "detail": "You are not allowed to create a Tweet with duplicate content.",
        "type": "about:blank",
        "title": "Forbidden",
        "status": 403,
    }
    error = x_error(403, {}, body)
    assert isinstance(error, DuplicateContentError)
    assert isinstance(error, PermanentError)
    assert error.reason == "duplicate_content"
    assert error.platform_message == body["detail"]


def test_x_401_is_token_expired_and_errors_only_200_is_an_error() -> None:
    assert isinstance(x_error(401, {}, {"title": "Unauthorized"}), TokenExpiredError)
    only_errors = {"errors": [{"detail": "Could not find user", "title": "Not Found Error"}]}
    assert isinstance(x_error(200, {}, only_errors), PermanentError)
    partial = {"data": [{"id": "1", "text": "x"}], "errors": [{"detail": "user gone"}]}
    assert x_error(200, {}, partial) is None


# -- YouTube --------------------------------------------------------------------


def test_recorded_youtube_key_invalid_needs_new_credentials() -> None:
    error = google_error(400, {}, recorded("youtube/error_response.json"))
    assert isinstance(error, TokenExpiredError)
    assert error.code == "keyInvalid"
    assert error.platform_message == "Bad Request"


def test_youtube_quota_waits_until_midnight_pacific() -> None:
    body = {
        "error": {"code": 403, "errors": [{"reason": "quotaExceeded", "domain": "youtube.quota"}]}
    }
    error = google_error(403, {"Date": "Sat, 28 Nov 2026 23:00:00 GMT"}, body)
    assert isinstance(error, RateLimitedError)
    assert error.reason == "quota"
    # 23:00 UTC is 15:00 in Los Angeles (PST): nine hours to midnight.
    assert error.retry_after == 9 * 3600
    summer = next_pacific_midnight(datetime(2026, 7, 1, 12, 0, tzinfo=UTC))
    assert summer == datetime(2026, 7, 2, 7, 0, tzinfo=UTC)  # PDT


def test_youtube_text_too_long_and_missing_parent() -> None:
    long = {"error": {"code": 400, "errors": [{"reason": "commentTextTooLong", "message": "x"}]}}
    assert getattr(google_error(400, {}, long), "reason", None) == "text_too_long"
    gone = {"error": {"code": 404, "errors": [{"reason": "parentCommentNotFound"}]}}
    assert getattr(google_error(404, {}, gone), "reason", None) == "gone"


# -- Telegram ---------------------------------------------------------------------


def test_telegram_409_is_a_conflict_explained_in_plain_words() -> None:
    body = {
        "ok": False,
        "error_code": 409,
        "description": "Conflict: terminated by other getUpdates request; make sure that only "
        "one bot instance is running",
    }
    error = telegram_error(409, {}, body)
    assert isinstance(error, ConflictError)
    assert "another program" in error.message
    webhook = {
        "ok": False,
        "error_code": 409,
        "description": "Conflict: can't use getUpdates method while webhook is active",
    }
    explained = telegram_error(409, {}, webhook)
    assert isinstance(explained, ConflictError)
    assert "webhook" in explained.message


def test_telegram_429_with_and_without_parameters() -> None:
    with_params = {
        "ok": False,
        "error_code": 429,
        "description": "Too Many Requests: retry after 35",
        "parameters": {"retry_after": 35},
    }
    error = telegram_error(429, {}, with_params)
    assert isinstance(error, RateLimitedError)
    assert error.retry_after == 35
    old_server = {"ok": False, "error_code": 429, "description": "Too Many Requests: retry after 7"}
    error = telegram_error(429, {}, old_server)
    assert isinstance(error, RateLimitedError)
    assert error.retry_after == 7


def test_telegram_401_and_ok_true() -> None:
    body = {"ok": False, "error_code": 401, "description": "Unauthorized"}
    assert isinstance(telegram_error(401, {}, body), TokenExpiredError)
    assert telegram_error(200, {}, {"ok": True, "result": []}) is None


# -- TikTok -------------------------------------------------------------------------


def test_tiktok_errors_arrive_with_http_200() -> None:
    revoked = {"code": 40105, "message": "Access token is incorrect or has been revoked."}
    error = tiktok_error(200, {}, revoked)
    assert isinstance(error, TokenExpiredError)
    assert error.platform_message == revoked["message"]
    qps = tiktok_error(200, {}, {"code": 40100, "message": "App reaches the QPS limit."})
    assert isinstance(qps, RateLimitedError)
    assert qps.retry_after == 10
    assert tiktok_error(200, {}, {"code": 0, "message": "OK", "data": {}}) is None
    assert isinstance(tiktok_error(200, {}, {"code": 40002, "message": "bad"}), PermanentError)
    assert isinstance(tiktok_error(200, {}, {"code": 50002, "message": "busy"}), TransientError)


def test_errors_redact_tokens_in_every_form() -> None:
    body = {"error": {"message": "bad url https://graph.facebook.com/me?access_token=EAABsecret1"}}
    error = meta_error(400, {}, body)
    assert error is not None
    for shown in (str(error), repr(error), error.platform_message or "", error.message):
        assert "EAABsecret1" not in shown


def test_errors_survive_pickling_and_copying_with_their_details() -> None:
    limited = RateLimitedError("slow down", retry_after=35, platform_message="Too Many", status=429)
    for clone in (pickle.loads(pickle.dumps(limited)), copy.copy(limited)):
        assert type(clone) is RateLimitedError
        assert (clone.retry_after, clone.platform_message, clone.status) == (35, "Too Many", 429)
        assert str(clone) == str(limited)
    timeout = TransientError("timed out", maybe_delivered=False, reason="timeout")
    clone = pickle.loads(pickle.dumps(timeout))
    assert (clone.maybe_delivered, clone.reason) == (False, "timeout")
