"""Every injectable fault, observed from the client side over real loopback HTTP."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any

import pytest
import requests

from desktop.core.model import Channel
from desktop.simulator import Fault, Simulator
from tests.simulator.helpers import probe, reply_call

SERVED = [c for c in Channel if c is not Channel.WHATSAPP]


def get(http: requests.Session, sim: Simulator, channel: Channel) -> requests.Response:
    url, kwargs = probe(sim, channel)
    return http.get(url, **kwargs)  # type: ignore[arg-type]


def post(http: requests.Session, sim: Simulator, channel: Channel) -> requests.Response:
    url, kwargs = reply_call(sim, channel)
    return http.post(url, **kwargs)  # type: ignore[arg-type]


def test_latency_delays_then_answers(sim: Simulator, http: requests.Session) -> None:
    sim.inject(Fault("latency", Channel.X, seconds=0.4))
    started = time.monotonic()
    assert get(http, sim, Channel.X).status_code == 200
    assert time.monotonic() - started >= 0.4
    started = time.monotonic()
    assert get(http, sim, Channel.X).status_code == 200
    assert time.monotonic() - started < 0.4  # it struck once


def test_x_rate_limit(sim: Simulator, http: requests.Session) -> None:
    sim.inject(Fault("rate_limit", Channel.X, retry_after=42))
    answer = get(http, sim, Channel.X)
    assert answer.status_code == 429
    assert answer.json()["title"] == "Too Many Requests"
    assert answer.headers["x-rate-limit-remaining"] == "0"
    wait = int(answer.headers["x-rate-limit-reset"]) - sim.world.clock.now().timestamp()
    assert 40 <= wait <= 43


@pytest.mark.parametrize("channel", [Channel.INSTAGRAM, Channel.FACEBOOK])
def test_meta_rate_limit_codes_and_usage_headers(
    sim: Simulator, http: requests.Session, channel: Channel
) -> None:
    sim.inject(Fault("rate_limit", channel))
    sim.inject(Fault("rate_limit", channel, code=80002, retry_after=600))
    app = get(http, sim, channel)
    assert app.status_code == 400
    error = app.json()["error"]
    assert (error["code"], error["is_transient"]) == (4, True)
    assert json.loads(app.headers["x-app-usage"])["call_count"] == 100
    business = get(http, sim, channel)
    assert business.json()["error"]["code"] == 80002
    usage = json.loads(business.headers["x-business-use-case-usage"])
    block = next(iter(usage.values()))[0]
    assert block["estimated_time_to_regain_access"] == 10
    assert get(http, sim, channel).status_code == 200


def test_telegram_rate_limit_with_and_without_parameters(
    sim: Simulator, http: requests.Session
) -> None:
    sim.inject(Fault("rate_limit", Channel.TELEGRAM, retry_after=7))
    sim.inject(Fault("rate_limit", Channel.TELEGRAM, retry_after=9, parameters=False))
    new = get(http, sim, Channel.TELEGRAM)
    assert new.status_code == 429
    assert new.json() == {
        "ok": False,
        "error_code": 429,
        "description": "Too Many Requests: retry after 7",
        "parameters": {"retry_after": 7},
    }
    old = get(http, sim, Channel.TELEGRAM).json()
    assert "parameters" not in old
    assert old["description"].endswith("retry after 9")


def test_tiktok_rate_limit_is_a_code_inside_http_200(
    sim: Simulator, http: requests.Session
) -> None:
    sim.inject(Fault("rate_limit", Channel.TIKTOK))
    answer = get(http, sim, Channel.TIKTOK)
    assert answer.status_code == 200
    assert answer.json()["code"] == 40100


def test_youtube_rate_limit_is_the_quota(sim: Simulator, http: requests.Session) -> None:
    sim.inject(Fault("rate_limit", Channel.YOUTUBE))
    answer = get(http, sim, Channel.YOUTUBE)
    assert answer.status_code == 403
    problem = answer.json()["error"]["errors"][0]
    assert (problem["reason"], problem["domain"]) == ("quotaExceeded", "youtube.quota")


@pytest.mark.parametrize("channel", SERVED)
@pytest.mark.parametrize("status", [500, 502, 503])
def test_server_errors(
    sim: Simulator, http: requests.Session, channel: Channel, status: int
) -> None:
    sim.inject(Fault("server_error", channel, status=status))
    answer = get(http, sim, channel)
    if channel is Channel.TIKTOK and status != 502:  # TikTok: HTTP 200 and a code
        assert (answer.status_code, answer.json()["code"]) == (200, 50002)
        return
    assert answer.status_code == status
    if status == 502:
        assert answer.headers["Content-Type"].startswith("text/html")
    else:
        assert answer.json()
    assert get(http, sim, channel).status_code == 200


@pytest.mark.parametrize("channel", SERVED)
def test_drop_closes_without_an_answer_and_stores_nothing(
    sim: Simulator, http: requests.Session, channel: Channel
) -> None:
    sim.inject(Fault("drop", channel, method="POST"))
    with pytest.raises(requests.ConnectionError):
        post(http, sim, channel)
    assert sim.accepted_replies() == []
    assert post(http, sim, channel).status_code in (200, 201)
    assert len(sim.accepted_replies()) == 1


@pytest.mark.parametrize("channel", SERVED)
def test_truncate_gives_half_a_json_body(
    sim: Simulator, http: requests.Session, channel: Channel
) -> None:
    sim.inject(Fault("truncate", channel))
    answer = get(http, sim, channel)
    assert answer.status_code == 200
    with pytest.raises(requests.JSONDecodeError):
        answer.json()
    assert get(http, sim, channel).json()


def test_truncate_with_a_full_content_length_breaks_the_read(
    sim: Simulator, http: requests.Session
) -> None:
    sim.inject(Fault("truncate", Channel.YOUTUBE, content_length=True))
    with pytest.raises(requests.exceptions.ChunkedEncodingError):
        get(http, sim, Channel.YOUTUBE)


@pytest.mark.parametrize(
    ("channel", "status", "check"),
    [
        (Channel.INSTAGRAM, 400, lambda b: (b["error"]["code"], b["error"]["error_subcode"])),
        (Channel.FACEBOOK, 400, lambda b: (b["error"]["code"], b["error"]["error_subcode"])),
        (Channel.X, 401, lambda b: b["title"]),
        (Channel.YOUTUBE, 401, lambda b: b["error"]["errors"][0]["reason"]),
        (Channel.TELEGRAM, 401, lambda b: b["description"]),
        (Channel.TIKTOK, 200, lambda b: b["code"]),
    ],
)
def test_expired_token(
    sim: Simulator,
    http: requests.Session,
    channel: Channel,
    status: int,
    check: Callable[[Any], object],
) -> None:
    expected = {
        Channel.INSTAGRAM: (190, 463),
        Channel.FACEBOOK: (190, 463),
        Channel.X: "Unauthorized",
        Channel.YOUTUBE: "authError",
        Channel.TELEGRAM: "Unauthorized",
        Channel.TIKTOK: 40105,
    }[channel]
    sim.inject(Fault("expired_token", channel, times=-1))
    for _ in range(2):  # until cleared
        answer = get(http, sim, channel)
        assert answer.status_code == status
        assert check(answer.json()) == expected
    sim.clear_faults()
    assert get(http, sim, channel).status_code == 200


@pytest.mark.parametrize("channel", SERVED)
def test_malformed_json_at_http_200(
    sim: Simulator, http: requests.Session, channel: Channel
) -> None:
    sim.inject(Fault("malformed", channel, method="GET"))
    answer = get(http, sim, channel)
    assert answer.status_code == 200
    assert answer.headers["Content-Type"].startswith("application/json")
    with pytest.raises(requests.JSONDecodeError):
        answer.json()


@pytest.mark.parametrize("channel", SERVED)
def test_accept_then_drop_stores_the_reply_exactly_once(
    sim: Simulator, http: requests.Session, channel: Channel
) -> None:
    sim.inject(Fault("accept_then_drop", channel))
    assert get(http, sim, channel).status_code == 200  # GETs are not struck
    with pytest.raises(requests.ConnectionError):
        post(http, sim, channel)
    accepted = sim.accepted_replies()
    assert len(accepted) == 1
    assert accepted[0].channel is channel
    assert accepted[0].text == "Laporan diterima."


def test_accept_then_drop_reply_shows_on_read_back(sim: Simulator, http: requests.Session) -> None:
    sim.inject(Fault("accept_then_drop", Channel.INSTAGRAM))
    url, _ = reply_call(sim, Channel.INSTAGRAM)
    with pytest.raises(requests.ConnectionError):
        post(http, sim, Channel.INSTAGRAM)
    (accepted,) = sim.accepted_replies()
    node = url.rsplit("/", 2)[-2]
    back = http.get(
        f"{sim.api_base(Channel.INSTAGRAM)}/{node}/replies",
        params={"fields": "id,text,username"},
        headers={"Authorization": "Bearer sim-token"},
    ).json()["data"]
    assert [r["id"] for r in back].count(accepted.platform_id) == 1


def test_conflict_strikes_only_telegram_get_updates(sim: Simulator, http: requests.Session) -> None:
    sim.inject(Fault("conflict"))
    sim.inject(Fault("conflict", Channel.TELEGRAM, webhook=True))
    assert get(http, sim, Channel.X).status_code == 200
    assert post(http, sim, Channel.TELEGRAM).status_code == 200
    first = get(http, sim, Channel.TELEGRAM)
    second = get(http, sim, Channel.TELEGRAM)
    assert (first.status_code, second.status_code) == (409, 409)
    assert "terminated by other getUpdates" in first.json()["description"]
    assert "webhook is active" in second.json()["description"]
    assert get(http, sim, Channel.TELEGRAM).status_code == 200


def test_faults_match_channel_method_and_count(sim: Simulator, http: requests.Session) -> None:
    sim.inject(Fault("server_error", Channel.X, method="POST", times=2))
    assert get(http, sim, Channel.X).status_code == 200
    assert get(http, sim, Channel.YOUTUBE).status_code == 200
    assert [post(http, sim, Channel.X).status_code for _ in range(3)] == [500, 500, 201]
    sim.inject(Fault("server_error", times=-1))
    http_statuses = [c for c in SERVED if c is not Channel.TIKTOK]  # TikTok: 200 and a code
    assert {get(http, sim, c).status_code for c in http_statuses} == {500}
    assert get(http, sim, Channel.TIKTOK).json()["code"] == 50002
    sim.clear_faults()
    assert {get(http, sim, c).status_code for c in SERVED} == {200}


@pytest.mark.parametrize(
    ("args", "details"),
    [
        (("nonsense",), {}),
        (("server_error",), {"status": 404}),
        (("latency",), {"secs": 1}),
        (("rate_limit",), {"retry_after": "soon"}),
        (("conflict", Channel.X), {}),
        (("accept_then_drop", None, "GET"), {}),
        (("drop", None, "PUT"), {}),
        (("drop", None, None, 0), {}),
    ],
)
def test_invalid_faults_are_refused(args: tuple[object, ...], details: dict[str, object]) -> None:
    with pytest.raises(ValueError, match=r"."):
        Fault(*args, **details)  # type: ignore[arg-type]


def test_faults_over_http(sim: Simulator, http: requests.Session) -> None:
    control = f"{sim.url}/_sim/faults"
    made = http.post(control, json={"kind": "rate_limit", "channel": "tiktok", "times": 2})
    assert made.status_code == 201
    assert made.json()["faults"][0]["kind"] == "rate_limit"
    assert http.get(control).json()["faults"][0]["times"] == 2
    assert get(http, sim, Channel.TIKTOK).json()["code"] == 40100
    bad = http.post(control, json={"kind": "latency", "seconds": "slow"})
    assert bad.status_code == 400
    assert "seconds" in bad.json()["error"]
    assert http.delete(control).json() == {"faults": []}
    assert get(http, sim, Channel.TIKTOK).json()["code"] == 0
    listed = [{"kind": "drop", "channel": "x"}, {"kind": "latency", "seconds": 0.01}]
    assert len(http.post(control, json=listed).json()["faults"]) == 2
