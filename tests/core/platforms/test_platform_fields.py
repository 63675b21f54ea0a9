"""Reading JSON fields and platform times without trusting them."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from desktop.core.platforms.errors import MalformedResponseError, TransientError
from desktop.core.platforms.fields import (
    as_object,
    opt_id,
    opt_int,
    opt_str,
    parse_time,
    req_id,
    req_list,
    req_str,
    req_time,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # Meta Graph: offset without a colon
        ("2021-08-10T18:45:03+0000", datetime(2021, 8, 10, 18, 45, 3, tzinfo=UTC)),
        # ... and a non-UTC offset is converted
        ("2021-08-11T01:45:03+0700", datetime(2021, 8, 10, 18, 45, 3, tzinfo=UTC)),
        ("2021-08-10T18:45:03+07:00", datetime(2021, 8, 10, 11, 45, 3, tzinfo=UTC)),
        # X API v2 and YouTube
        ("2020-06-25T06:14:19.000Z", datetime(2020, 6, 25, 6, 14, 19, tzinfo=UTC)),
        ("2022-11-14T10:23:02Z", datetime(2022, 11, 14, 10, 23, 2, tzinfo=UTC)),
        ("2022-11-14T10:23:02.123456789Z", datetime(2022, 11, 14, 10, 23, 2, 123456, tzinfo=UTC)),
        # Telegram: epoch seconds as int; TikTok/WhatsApp: as a string
        (1697043223, datetime(2023, 10, 11, 16, 53, 43, tzinfo=UTC)),
        ("1697043223", datetime(2023, 10, 11, 16, 53, 43, tzinfo=UTC)),
        # Meta webhooks: epoch milliseconds
        (1697043223456, datetime(2023, 10, 11, 16, 53, 43, 456000, tzinfo=UTC)),
        ("1697043223456", datetime(2023, 10, 11, 16, 53, 43, 456000, tzinfo=UTC)),
        (1697043223.5, datetime(2023, 10, 11, 16, 53, 43, 500000, tzinfo=UTC)),
    ],
)
def test_every_platform_time_format_becomes_utc(raw: object, expected: datetime) -> None:
    parsed = parse_time(raw, "t")
    assert parsed == expected
    assert parsed.tzinfo is UTC


@pytest.mark.parametrize(
    "raw", ["2021-08-10T18:45:03", "yesterday", "", "2021-13-40T99:00:00Z", None, True, [1]]
)
def test_a_time_without_zone_or_nonsense_is_refused_with_the_field_named(raw: object) -> None:
    with pytest.raises(MalformedResponseError, match=r"data\[0\]\.created_time"):
        req_time({"created_time": raw}, "created_time", "data[0]")


def test_malformed_is_transient_so_a_post_with_a_garbled_answer_is_reconciled() -> None:
    assert issubclass(MalformedResponseError, TransientError)


def test_missing_and_mistyped_fields_name_the_path_not_the_value() -> None:
    secretish = {"id": ["EAAB-token-in-a-list"], "n": "x"}
    with pytest.raises(MalformedResponseError) as caught:
        req_id(secretish, "id", "data[2].from")
    assert "data[2].from.id" in str(caught.value)
    assert "EAAB" not in str(caught.value)
    with pytest.raises(MalformedResponseError, match="is missing"):
        req_str({}, "text", "data[0]")
    with pytest.raises(MalformedResponseError, match="should be a list"):
        req_list({"data": {"a": 1}}, "data", "response")
    with pytest.raises(MalformedResponseError, match="should be an object"):
        as_object([1, 2], "response")
    with pytest.raises(MalformedResponseError, match="whole number"):
        opt_int(secretish, "n", "meta")


def test_optional_fields_tolerate_absence_and_null_and_ids_may_be_numbers() -> None:
    assert opt_str({}, "text", "x") is None
    assert opt_str({"text": None}, "text", "x") is None
    assert opt_id({"id": 12345}, "id", "x") == "12345"
    assert opt_int({"n": "42"}, "n", "x") == 42
    with pytest.raises(MalformedResponseError):
        opt_id({"id": True}, "id", "x")
