"""A conflict's detail keeps the station's error as its code and values, not as words:
rebuilt, it is worded in the officer's language when shown. Details an older
version kept as English text, closes and vanished complaints are not errors."""

from __future__ import annotations

import json

import pytest

from desktop.core.errors import UserError
from desktop.core.model import Status
from desktop.core.station import journal


def test_an_error_comes_back_with_its_code_and_values() -> None:
    error = UserError("illegal_transition", current="in_progress", wanted="new", allowed="x, y")

    detail = journal.error_detail(error)
    back = journal.detail_error(detail)

    assert "Cannot" not in detail  # no English words stored
    assert back is not None
    assert (back.code, back.params) == (error.code, error.params)
    assert journal.closed_by(detail) is None


def test_values_that_are_not_plain_are_kept_as_text() -> None:
    detail = journal.error_detail(UserError("unknown_complaint", id=7))
    back = journal.detail_error(detail)
    assert back is not None
    assert back.params == {"id": 7}

    odd = journal.detail_error(journal.error_detail(UserError("bad_option", detail=Status.NEW)))
    assert odd is not None
    assert odd.params == {"detail": "new"}


def test_values_the_text_does_not_show_are_not_kept() -> None:
    error = UserError("empty_text", password="s3cret-station-pass")

    detail = journal.error_detail(error)

    assert "s3cret" not in detail
    assert json.loads(detail) == {"error": "empty_text", "values": {}}


@pytest.mark.parametrize(
    "detail",
    [
        None,
        "",
        "gone",
        "resolved by Bripka Budi",
        # English text kept by an older version: shown as it is, never rebuilt
        "Cannot change status from in_progress to new (allowed: dismissed, resolved).",
        "Complaint #7 not found.",
        # damaged or from a newer version: shown as it is
        "{not json",
        "{}",
        "[1, 2]",
        '{"error": "no_such_code", "values": {}}',
        '{"error": "unknown_complaint", "values": {}}',
        '{"error": "unknown_complaint", "values": [1]}',
        '{"error": "unknown_complaint", "values": {"code": 1, "id": 2}}',
    ],
)
def test_what_is_not_a_stored_error_is_none(detail: str | None) -> None:
    assert journal.detail_error(detail) is None


def test_a_close_is_still_read_as_a_close() -> None:
    assert journal.closed_by("dismissed by Bripka Budi") == (Status.DISMISSED, "Bripka Budi")
