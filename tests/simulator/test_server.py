"""The simulator as a server: life cycle, clock, concurrency, control endpoints, CLI."""

from __future__ import annotations

import email.utils
import logging
import os
import signal
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
import requests

from desktop.core.model import Channel
from desktop.simulator import Simulator
from tests.simulator.helpers import COUNT, NOW, SEED, bearer, expected_items, probe


def test_start_stop_and_url(http: requests.Session) -> None:
    sim = Simulator(count=10, now=NOW)
    with pytest.raises(RuntimeError):
        _ = sim.url
    sim.start()
    try:
        assert sim.url.startswith("http://127.0.0.1:")
        with pytest.raises(RuntimeError):
            sim.start()
        assert http.get(f"{sim.url}/_sim/").json()["url"] == sim.url
    finally:
        sim.stop()
    sim.stop()  # stopping twice is harmless
    with pytest.raises(RuntimeError):
        _ = sim.url
    sim.start()  # and it can start again
    try:
        assert http.get(f"{sim.url}/_sim/").status_code == 200
    finally:
        sim.stop()


def test_stop_ends_open_keep_alive_connections(http: requests.Session) -> None:
    with Simulator(count=10, now=NOW) as sim:
        url, kwargs = probe(sim, Channel.X)
        assert http.get(url, **kwargs).status_code == 200  # type: ignore[arg-type]
    # the pooled connection is closed: the next request cannot reach a server
    with pytest.raises(requests.ConnectionError):
        http.get(url, **kwargs)  # type: ignore[arg-type]


def test_date_header_follows_the_simulated_clock(http: requests.Session) -> None:
    ahead = NOW + timedelta(hours=3)
    with Simulator(count=10, now=ahead) as sim:
        url, kwargs = probe(sim, Channel.YOUTUBE)
        answer = http.get(url, **kwargs)  # type: ignore[arg-type]
    date = email.utils.parsedate_to_datetime(answer.headers["Date"])
    assert abs((date - ahead).total_seconds()) < 5


def test_served_channels_and_whatsapp(sim: Simulator) -> None:
    with pytest.raises(ValueError, match="whatsapp"):
        sim.api_base(Channel.WHATSAPP)
    with pytest.raises(ValueError, match="whatsapp"):
        sim.params(Channel.WHATSAPP)
    assert sim.api_base(Channel.X) == f"{sim.url}/x"
    assert sim.api_base(Channel.TIKTOK) == f"{sim.url}/tiktok"
    for channel in (Channel.X, Channel.YOUTUBE, Channel.TIKTOK, Channel.TELEGRAM):
        assert sim.params(channel)["own_user_id"]


def test_unknown_paths(sim: Simulator, http: requests.Session) -> None:
    assert http.get(f"{sim.url}/nowhere/at/all").status_code == 404
    assert http.get(f"{sim.url}/_sim/nothing").status_code == 404
    assert http.get(f"{sim.url}/x/2/nothing", headers=bearer()).status_code == 404


def test_same_seed_same_world(sim: Simulator) -> None:
    with Simulator(count=COUNT, seed=SEED, now=NOW) as twin:
        for channel, board in sim.world.boards.items():
            other = twin.world.board(channel)
            assert [m.id for m in board.log] == [m.id for m in other.log]
            assert list(board.containers) == list(other.containers)


def test_add_inbound_brings_new_complaints_and_follow_ups(
    sim: Simulator, http: requests.Session
) -> None:
    board = sim.world.board(Channel.INSTAGRAM)
    before = {m.id for m in board.log}
    added = sim.add_inbound(Channel.INSTAGRAM, 30)
    assert len(added) == len(set(added)) == 30
    assert not before & set(added)
    new = [board.by_id[i] for i in added]
    assert all(not m.outbound for m in new)
    assert any(m.thread == m.id for m in new), "no new complaint"
    assert any(m.thread != m.id for m in new), "no follow-up"
    for follow_up in (m for m in new if m.thread != m.id):
        assert follow_up.author_id == board.by_id[follow_up.thread].author_id
    now = sim.world.clock.now()
    assert all(abs((m.time - now).total_seconds()) < 5 for m in new)
    url = f"{sim.api_base(Channel.INSTAGRAM)}/{new[0].container}/comments"
    listed = http.get(url, params={"fields": "id,replies{id}", "limit": "100"}, headers=bearer())
    shown = set()
    for comment in listed.json()["data"]:
        shown.add(comment["id"])
        shown.update(r["id"] for r in comment.get("replies", {}).get("data", []))
    assert new[0].id in shown


def test_inbound_and_accepted_over_http(sim: Simulator, http: requests.Session) -> None:
    made = http.post(f"{sim.url}/_sim/inbound", json={"channel": "tiktok", "count": 2})
    assert made.status_code == 201
    assert len(made.json()["added"]) == 2
    assert http.post(f"{sim.url}/_sim/inbound", json={"channel": "whatsapp"}).status_code == 400
    assert (
        http.post(f"{sim.url}/_sim/inbound", json={"channel": "x", "count": 0}).status_code == 400
    )
    top = next(i for i in expected_items()[Channel.X] if not i.outbound)
    body = {"text": "Siap, dicek.", "reply": {"in_reply_to_tweet_id": top.platform_id}}
    tweet = http.post(f"{sim.api_base(Channel.X)}/2/tweets", json=body, headers=bearer()).json()
    replies = http.get(f"{sim.url}/_sim/accepted").json()["replies"]
    assert replies == [
        {
            "channel": "x",
            "thread_id": top.thread_id,
            "parent_id": top.platform_id,
            "text": "Siap, dicek.",
            "platform_id": tweet["data"]["id"],
            "time": replies[0]["time"],
        }
    ]
    info = http.get(f"{sim.url}/_sim/").json()
    assert info["accounts"]["telegram"]["token"] == sim.token_for(Channel.TELEGRAM)


def test_log_lines_never_show_a_token(
    sim: Simulator, http: requests.Session, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="desktop.simulator")
    url, kwargs = probe(sim, Channel.TELEGRAM)
    assert http.get(url, **kwargs).status_code == 200  # type: ignore[arg-type]
    assert http.get(f"{sim.api_base(Channel.TELEGRAM)}/botsim-token/getMe").status_code == 200
    page = sim.params(Channel.FACEBOOK)["page_id"]
    graph = f"{sim.api_base(Channel.FACEBOOK)}/{page}"
    assert http.get(graph, params={"access_token": "sim-token"}).status_code == 200
    assert caplog.text.count("simulator:") >= 3
    assert "sim-token" not in caplog.text


def test_parallel_replies_are_each_recorded_once(sim: Simulator) -> None:
    tops = [i for i in expected_items()[Channel.INSTAGRAM] if i.parent_id is None][:8]
    base = sim.api_base(Channel.INSTAGRAM)

    def send(n: int) -> str:
        with requests.Session() as session:
            target = tops[n % len(tops)].platform_id
            answer = session.post(
                f"{base}/{target}/replies", data={"message": f"Balasan {n}"}, headers=bearer()
            )
            assert answer.status_code == 200
            return str(answer.json()["id"])

    with ThreadPoolExecutor(max_workers=12) as pool:
        ids = list(pool.map(send, range(60)))
    accepted = sim.accepted_replies()
    assert len(set(ids)) == 60
    assert sorted(a.platform_id for a in accepted) == sorted(ids)
    assert sorted(a.text for a in accepted) == sorted(f"Balasan {n}" for n in range(60))
    board = sim.world.board(Channel.INSTAGRAM)
    assert all(board.by_id[i].outbound for i in ids)


def test_run_forever_prints_the_bases_and_stops_on_ctrl_c() -> None:
    code = "from desktop.simulator import run_forever; run_forever(0, 20, 1)"
    with subprocess.Popen(
        [sys.executable, "-c", code],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=os.getcwd(),
    ) as process:
        assert process.stdout is not None
        first = process.stdout.readline()
        assert first.startswith("Aduan Desk simulator on http://127.0.0.1:")
        url = first.split()[-1]
        lines = [first]
        while not lines[-1].startswith("Press Ctrl+C"):
            lines.append(process.stdout.readline())
        with requests.Session() as session:
            assert session.get(f"{url}/_sim/").status_code == 200
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=10)
    assert process.returncode == 0, err
    shown = "".join(lines)
    assert f"{url}/graph/v21.0" in shown
    assert "aduan-desk account add telegram" in shown
    assert out == "Simulator stopped.\n"
