"""The per-account HTTP session against a real loopback server."""

from __future__ import annotations

import email.utils
import logging
import socket
import traceback
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

import desktop
from desktop.core.platforms.errormap import telegram_error
from desktop.core.platforms.errors import (
    ConfigurationError,
    MalformedResponseError,
    PermanentError,
    TokenExpiredError,
    TransientError,
)
from desktop.core.platforms.http import PlatformSession
from desktop.core.platforms.meta_errors import meta_error
from tests.core.platforms.platform_testkit import Loopback, Reply

TOKEN = "123456789:AAHsecretTelegramToken_xyz"


def test_user_agent_names_the_app_and_its_version(
    loopback: Loopback, session: PlatformSession
) -> None:
    loopback.json("/ping", {"ok": True})
    answer = session.request("GET", f"{loopback.base}/ping", mapper=telegram_error)
    assert answer.body == {"ok": True}
    assert loopback.seen("/ping")[0].headers["user-agent"] == f"AduanDesk/{desktop.__version__}"


def test_server_date_gives_the_clock_skew(loopback: Loopback, session: PlatformSession) -> None:
    before = session.last_server_date
    assert before is None
    assert session.clock_skew() is None
    ahead = datetime.now(UTC) + timedelta(hours=3)
    loopback.route("/t", Reply(200, {}, {"Date": email.utils.format_datetime(ahead, usegmt=True)}))
    session.request("GET", f"{loopback.base}/t", mapper=meta_error)
    seen = session.last_server_date
    assert seen is not None
    assert seen.tzinfo is UTC
    assert abs((seen - ahead).total_seconds()) < 1.5
    skew = session.clock_skew(datetime.now(UTC))
    assert skew is not None
    assert abs(skew - timedelta(hours=3)) < timedelta(seconds=3)


def test_a_local_clock_three_hours_fast_shows_as_negative_skew(
    loopback: Loopback, session: PlatformSession
) -> None:
    loopback.json("/t", {})
    session.request("GET", f"{loopback.base}/t", mapper=meta_error)
    skew = session.clock_skew(datetime.now(UTC) + timedelta(hours=3))
    assert skew is not None
    assert abs(skew + timedelta(hours=3)) < timedelta(seconds=3)


def test_a_read_timeout_is_transient_and_may_have_been_delivered(loopback: Loopback) -> None:
    loopback.route("/slow", Reply(200, {}, delay=1.0))
    quick = PlatformSession(connect_timeout=1.0, read_timeout=0.2)
    with quick, pytest.raises(TransientError) as caught:
        quick.request("POST", f"{loopback.base}/slow", mapper=meta_error, json_body={})
    assert caught.value.reason == "timeout"
    assert caught.value.maybe_delivered is True


def test_a_refused_connection_was_certainly_not_delivered(session: PlatformSession) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(TransientError) as caught:
        session.request("POST", f"http://127.0.0.1:{port}/x", mapper=meta_error)
    assert caught.value.maybe_delivered is False
    assert "127.0.0.1" in caught.value.message


@pytest.mark.parametrize("fault", ["drop", "truncate"])
def test_dropped_and_cut_off_responses_are_transient(
    loopback: Loopback, session: PlatformSession, fault: str
) -> None:
    body = {"data": [{"id": "1", "text": "x" * 500}]}
    loopback.route("/p", Reply(200, body, drop=fault == "drop", truncate=fault == "truncate"))
    with pytest.raises(TransientError) as caught:
        session.request("GET", f"{loopback.base}/p", mapper=meta_error)
    assert caught.value.maybe_delivered is True


def test_truncated_json_with_a_matching_length_is_malformed(
    loopback: Loopback, session: PlatformSession
) -> None:
    loopback.route("/p", Reply(200, b'{"data": [{"id": "17858154961981086", "te'))
    with pytest.raises(MalformedResponseError, match="not valid JSON"):
        session.request("GET", f"{loopback.base}/p", mapper=meta_error)


def test_a_proxy_error_page_is_transient_with_its_words(
    loopback: Loopback, session: PlatformSession
) -> None:
    page = b"<html><body>502 Bad Gateway</body></html>"
    loopback.route("/p", Reply(502, page, {"Content-Type": "text/html"}))
    with pytest.raises(TransientError) as caught:
        session.request("GET", f"{loopback.base}/p", mapper=meta_error)
    assert caught.value.reason == "server"
    assert "502 Bad Gateway" in (caught.value.platform_message or "")


def test_an_error_inside_http_200_is_raised(loopback: Loopback, session: PlatformSession) -> None:
    loopback.json("/me", {"error": {"message": "Session has expired", "code": 190}})
    with pytest.raises(TokenExpiredError):
        session.request("GET", f"{loopback.base}/me", mapper=meta_error)


def test_redirects_are_not_followed(loopback: Loopback, session: PlatformSession) -> None:
    loopback.route("/a", Reply(302, b"", {"Location": f"{loopback.base}/elsewhere"}))
    with pytest.raises(TransientError) as caught:
        session.request("GET", f"{loopback.base}/a", mapper=meta_error)
    assert caught.value.reason == "redirect"
    assert loopback.seen("/elsewhere") == []


def test_bodies_are_sent_as_json_or_form(loopback: Loopback, session: PlatformSession) -> None:
    loopback.json("/j", {"id": "1"})
    session.request("POST", f"{loopback.base}/j", mapper=meta_error, json_body={"text": "Halo 👮"})
    session.request("POST", f"{loopback.base}/j", mapper=meta_error, form={"message": "Siap, pak"})
    first, second = loopback.seen("/j")
    assert first.json() == {"text": "Halo 👮"}
    assert second.form() == {"message": "Siap, pak"}


def test_tls_settings_verify_always_and_accept_a_station_ca_bundle(tmp_path: Path) -> None:
    with PlatformSession() as plain:
        assert plain._http.verify is True
        assert plain._http.trust_env is True  # system/environment proxies
        assert plain.connect_timeout == 10
        assert plain.read_timeout == 30
    bundle = tmp_path / "station-proxy.pem"
    bundle.write_text("-----BEGIN CERTIFICATE-----\n")
    with PlatformSession(ca_bundle=bundle) as custom:
        assert custom._http.verify == str(bundle)
    with pytest.raises(ConfigurationError, match="does not exist"):
        PlatformSession(ca_bundle=tmp_path / "missing.pem")


def test_a_broken_ca_bundle_is_reported_not_crashed_on(tmp_path: Path, loopback: Loopback) -> None:
    bundle = tmp_path / "bundle.pem"
    bundle.write_text("not a certificate")
    with PlatformSession(ca_bundle=bundle) as custom, pytest.raises(TransientError) as caught:
        custom.request("GET", "https://127.0.0.1:9/x", mapper=meta_error)
    assert caught.value.maybe_delivered is False


# -- redaction -------------------------------------------------------------------


def test_tokens_never_reach_exceptions_tracebacks_or_logs(
    caplog: pytest.LogCaptureFixture, loopback: Loopback, session: PlatformSession
) -> None:
    session.add_secret(TOKEN)
    caplog.set_level(logging.DEBUG)
    loopback.json(f"/bot{TOKEN}/getUpdates", {"ok": False, "error_code": 401, "description": "x"})
    url = f"{loopback.base}/bot{TOKEN}/getUpdates"
    with pytest.raises(TokenExpiredError) as unauthorised:
        session.request("GET", url, mapper=telegram_error, params={"access_token": "EAABqs"})
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(TransientError) as refused:
        session.request("GET", f"http://127.0.0.1:{port}/bot{TOKEN}/getMe", mapper=telegram_error)
    shown = [
        str(unauthorised.value),
        repr(unauthorised.value),
        str(refused.value),
        repr(refused.value),
        "".join(traceback.format_exception(refused.value)),
        caplog.text,
        *(r.getMessage() for r in caplog.records),
    ]
    assert any("/bot***/getUpdates" in text for text in shown)  # something was logged
    assert any("urllib3" in r.name for r in caplog.records)
    for text in shown:
        assert TOKEN not in text
        assert "AAHsecretTelegramToken" not in text
        assert "EAABqs" not in text
    assert refused.value.__cause__ is None
    assert refused.value.__context__ is None
    assert TOKEN not in repr(session)


def test_permanent_error_words_are_kept(loopback: Loopback, session: PlatformSession) -> None:
    loopback.json("/c", {"error": {"message": "(#100) Invalid parameter", "code": 100}})
    with pytest.raises(PermanentError) as caught:
        session.request("GET", f"{loopback.base}/c", mapper=meta_error)
    assert caught.value.platform_message == "(#100) Invalid parameter"
    assert caught.value.status == 200
