"""Secrets are masked wherever platforms put them."""

from __future__ import annotations

import pytest

from desktop.core.platforms.redact import redact, redact_headers, register_secret


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        (
            "https://graph.facebook.com/v11.0/1784/comments?access_token=EAAGm0PX4ZCps&limit=2",
            "EAAGm0PX4ZCps",
        ),
        ("POST body: message=hi&access_token=EAAGm0PX4ZCps", "EAAGm0PX4ZCps"),
        ('{"access_token": "ya29.a0AfB_byC", "expires_in": 3599}', "ya29.a0AfB_byC"),
        ("Authorization: Bearer AAAAAAAAAAAAAAAAAAAAAMLheAAA", "AAAAAAAAAAAAAAAAAAAAAMLheAAA"),
        ("Access-Token: act.5c8e2f1b9d", "act.5c8e2f1b9d"),
        ("{'Access-Token': 'act.5c8e2f1b9d', 'Accept': '*/*'}", "act.5c8e2f1b9d"),
        ("https://api.telegram.org/bot123456:ABC-DEF1234ghIkl/getUpdates", "ABC-DEF1234ghIkl"),
        ("?key=AIzaSyD-9tSrke72PouQMnMX", "AIzaSyD-9tSrke72PouQMnMX"),
        ("appsecret_proof=1a2b3c4d5e6f", "1a2b3c4d5e6f"),
    ],
)
def test_secret_shapes_are_masked(text: str, secret: str) -> None:
    masked = redact(text)
    assert secret not in masked
    assert "***" in masked


def test_registered_secrets_are_masked_anywhere_also_url_encoded() -> None:
    register_secret("tok/with+odd=chars:42")
    shown = redact("url?x=tok%2Fwith%2Bodd%3Dchars%3A42 and raw tok/with+odd=chars:42")
    assert "tok" not in shown
    register_secret("ab")  # too short to be a secret: ordinary words stay readable
    assert redact("ab cd") == "ab cd"


def test_ordinary_text_is_left_alone() -> None:
    text = "Laporan kehilangan motor di Jl. Sudirman; next_token=7140dib; 2021-08-10T18:45:03+0000"
    assert redact(text) == text


def test_header_maps_are_masked_for_logging() -> None:
    shown = redact_headers(
        {"Authorization": "Bearer abcdef123", "access-token": "act.1", "Accept": "*/*"}
    )
    assert shown == {"Authorization": "***", "access-token": "***", "Accept": "*/*"}
