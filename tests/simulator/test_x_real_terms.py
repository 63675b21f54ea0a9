"""The simulated X API v2 on X's own terms: time windows, exclusions, conversations."""

from __future__ import annotations

from datetime import timedelta

import requests

from desktop.core.model import Channel
from desktop.simulator import Simulator
from desktop.simulator.state import Msg
from tests.simulator.helpers import COUNT, NOW, SEED, account_id, bearer, expected_items

OWN = account_id(Channel.X)


def _get(http: requests.Session, url: str, **params: str) -> requests.Response:
    return http.get(url, params=params, headers=bearer(), timeout=10)


def _iso(hours_ago: float) -> str:
    return (NOW - timedelta(hours=hours_ago)).strftime("%Y-%m-%dT%H:%M:%SZ")


def test_timelines_honour_start_end_and_exclude(sim: Simulator, http: requests.Session) -> None:
    base = sim.api_base(Channel.X)
    fields = {"tweet.fields": "created_at", "max_results": "100"}
    window = _get(
        http,
        f"{base}/2/users/{OWN}/mentions",
        start_time=_iso(72),
        end_time=_iso(24),
        **fields,
    ).json()
    times = [t["created_at"] for t in window["data"]]
    assert times
    assert all(_iso(72) <= t.replace(".000Z", "Z") < _iso(24) for t in times)
    everything = _get(http, f"{base}/2/users/{OWN}/mentions", **fields).json()
    assert len(times) < len(everything["data"])
    own = _get(http, f"{base}/2/users/{OWN}/tweets", exclude="replies", **fields).json()
    ours = [i for i in expected_items()[Channel.X] if i.outbound]
    assert ours  # our tweets in the sample are all replies
    assert own["meta"]["result_count"] == 0


def test_search_refuses_a_start_older_than_seven_days(
    sim: Simulator, http: requests.Session
) -> None:
    base = sim.api_base(Channel.X)
    answer = _get(
        http, f"{base}/2/tweets/search/recent", query=f"to:{OWN}", start_time=_iso(24 * 8)
    )
    assert answer.status_code == 400
    assert "start_time" in answer.text


def test_dm_events_by_conversation_id(sim: Simulator, http: requests.Session) -> None:
    base = sim.api_base(Channel.X)
    citizen = next(i.author_id for i in expected_items()[Channel.X] if not i.outbound)
    sent = http.post(
        f"{base}/2/dm_conversations/with/{citizen}/messages",
        json={"text": "Silakan kirim lokasi kejadian."},
        headers=bearer(),
        timeout=10,
    ).json()["data"]
    conversation = sent["dm_conversation_id"]
    events = _get(http, f"{base}/2/dm_conversations/{conversation}/dm_events").json()
    assert [e["id"] for e in events["data"]] == [sent["dm_event_id"]]
    assert _get(http, f"{base}/2/dm_conversations/1-2/dm_events").status_code == 404


def test_strict_mentions_hold_only_tweets_that_mention_the_account(
    http: requests.Session,
) -> None:
    with Simulator(count=COUNT, seed=SEED, now=NOW, strict=True) as strict:
        board = strict.world.board(Channel.X)
        when = strict.world.clock.now()
        stray = Msg("2200000000000000001", "2200000000000000001", "", None, "77", "warga",
                    "jalan depan rumah rusak parah", when, outbound=False)  # fmt: skip
        strict.world.add(Channel.X, stray)
        base = strict.api_base(Channel.X)
        seen: set[str] = set()
        token: str | None = None
        while True:
            query = {"max_results": "100", **({"pagination_token": token} if token else {})}
            page = _get(http, f"{base}/2/users/{OWN}/mentions", **query).json()
            seen |= {t["id"] for t in page.get("data", ())}
            token = page["meta"].get("next_token")
            if token is None:
                break
        assert stray.id not in seen
        assert seen == {m.id for m in board.log if not m.outbound and m is not stray}
