"""X API v2 against the simulator over loopback."""

from __future__ import annotations

import pytest
import requests

from desktop.core.model import Channel
from desktop.simulator import Simulator
from tests.simulator.helpers import X_TIME, account_id, bearer, expected_items

FIELDS = {
    "tweet.fields": "created_at,author_id,conversation_id,in_reply_to_user_id,referenced_tweets",
    "expansions": "author_id",
    "user.fields": "username,name",
}


def mentions_url(sim: Simulator) -> str:
    return f"{sim.api_base(Channel.X)}/2/users/{sim.params(Channel.X)['user_id']}/mentions"


def all_mentions(
    sim: Simulator, http: requests.Session, **extra: str
) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    """(every tweet over all pages, every page's meta)."""
    tweets: list[dict[str, object]] = []
    metas: list[dict[str, object]] = []
    query = {**FIELDS, "max_results": "7", **extra}
    for _ in range(200):
        answer = http.get(mentions_url(sim), params=query, headers=bearer())
        assert answer.status_code == 200, answer.text
        body = answer.json()
        metas.append(body["meta"])
        tweets.extend(body.get("data", []))
        users = {u["id"]: u for u in body.get("includes", {}).get("users", [])}
        for tweet in body.get("data", []):
            assert tweet["author_id"] in users
        if "next_token" not in body["meta"]:
            return tweets, metas
        query["pagination_token"] = body["meta"]["next_token"]
    raise AssertionError("the mentions never ended")


def test_mentions_page_through_every_citizen_tweet_once(
    sim: Simulator, http: requests.Session
) -> None:
    tweets, metas = all_mentions(sim, http)
    ids = [str(t["id"]) for t in tweets]
    expected = {i.platform_id for i in expected_items()[Channel.X] if not i.outbound}
    assert len(ids) == len(set(ids))
    assert set(ids) == expected
    assert [int(i) for i in ids] == sorted((int(i) for i in ids), reverse=True)
    for tweet in tweets:
        assert X_TIME.match(str(tweet["created_at"]))
        assert tweet["edit_history_tweet_ids"] == [tweet["id"]]
    for meta, size in zip(
        metas, (len(ids[i : i + 7]) for i in range(0, len(ids), 7)), strict=False
    ):
        assert meta["result_count"] == size
    assert all({"newest_id", "oldest_id"} <= set(m) for m in metas)
    assert metas[0]["newest_id"] == ids[0]


def test_replies_carry_their_conversation_and_parent(
    sim: Simulator, http: requests.Session
) -> None:
    tweets, _ = all_mentions(sim, http)
    follow_up = next(i for i in expected_items()[Channel.X] if i.parent_id and not i.outbound)
    tweet = next(t for t in tweets if t["id"] == follow_up.platform_id)
    assert tweet["conversation_id"] == follow_up.thread_id
    assert tweet["referenced_tweets"] == [{"type": "replied_to", "id": follow_up.parent_id}]
    assert "in_reply_to_user_id" in tweet


def test_only_asked_fields_come_back(sim: Simulator, http: requests.Session) -> None:
    body = http.get(mentions_url(sim), headers=bearer()).json()
    assert set(body["data"][0]) == {"id", "text", "edit_history_tweet_ids"}
    assert "includes" not in body
    assert len(body["data"]) == 10  # X's default max_results


def test_since_id_returns_only_newer_tweets_and_an_empty_page_has_no_data(
    sim: Simulator, http: requests.Session
) -> None:
    _, metas = all_mentions(sim, http)
    newest = str(metas[0]["newest_id"])
    nothing = http.get(mentions_url(sim), params={"since_id": newest}, headers=bearer()).json()
    assert nothing == {"meta": {"result_count": 0}}
    added = set(sim.add_inbound(Channel.X, 3))
    newer, newer_metas = all_mentions(sim, http, since_id=newest)
    assert {t["id"] for t in newer} == added
    assert int(str(newer_metas[0]["newest_id"])) > int(newest)


def test_reply_is_created_and_read_back_on_the_timeline_and_in_search(
    sim: Simulator, http: requests.Session
) -> None:
    base = sim.api_base(Channel.X)
    target = next(i for i in expected_items()[Channel.X] if not i.outbound)
    text = "@warga Terima kasih, laporan sudah kami terima dan diteruskan ke Satlantas."
    body = {"text": text, "reply": {"in_reply_to_tweet_id": target.platform_id}}
    answer = http.post(f"{base}/2/tweets", json=body, headers=bearer())
    assert answer.status_code == 201, answer.text
    made = answer.json()["data"]
    assert made["text"] == text
    own = account_id(Channel.X)
    timeline = http.get(
        f"{base}/2/users/{own}/tweets", params={**FIELDS, "max_results": "100"}, headers=bearer()
    ).json()
    mine = [t for t in timeline["data"] if t["id"] == made["id"]]
    assert len(mine) == 1
    assert mine[0]["author_id"] == own
    assert mine[0]["conversation_id"] == target.thread_id
    assert timeline["data"][0]["id"] == made["id"]  # newest first
    search = http.get(
        f"{base}/2/tweets/search/recent",
        params={"query": f"conversation_id:{target.thread_id}", **FIELDS},
        headers=bearer(),
    ).json()
    assert made["id"] in [t["id"] for t in search["data"]]
    assert [a.platform_id for a in sim.accepted_replies()] == [made["id"]]


def test_duplicate_text_is_refused_like_x(sim: Simulator, http: requests.Session) -> None:
    base = sim.api_base(Channel.X)
    target = next(i for i in expected_items()[Channel.X] if not i.outbound)
    body = {
        "text": "Laporan diterima, terima kasih.",
        "reply": {"in_reply_to_tweet_id": target.platform_id},
    }
    assert http.post(f"{base}/2/tweets", json=body, headers=bearer()).status_code == 201
    again = http.post(f"{base}/2/tweets", json=body, headers=bearer())
    assert again.status_code == 403
    assert again.json()["detail"] == "You are not allowed to create a Tweet with duplicate content."
    assert len(sim.accepted_replies()) == 1


def test_reply_to_a_missing_tweet_and_too_long_text(sim: Simulator, http: requests.Session) -> None:
    base = sim.api_base(Channel.X)
    gone = {"text": "halo", "reply": {"in_reply_to_tweet_id": "1"}}
    assert http.post(f"{base}/2/tweets", json=gone, headers=bearer()).status_code == 403
    long = {"text": "ä" * 281}
    answer = http.post(f"{base}/2/tweets", json=long, headers=bearer())
    assert answer.status_code == 403
    assert "too long" in answer.json()["detail"]


def test_wrong_token_gets_the_problem_document(sim: Simulator, http: requests.Session) -> None:
    answer = http.get(mentions_url(sim), headers=bearer("nope"))
    assert answer.status_code == 401
    assert answer.json() == {
        "title": "Unauthorized",
        "type": "about:blank",
        "status": 401,
        "detail": "Unauthorized",
    }


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ({"max_results": "1000"}, "max_results"),
        ({"bogus": "1"}, "bogus"),
        ({"tweet.fields": "nonsense"}, "tweet.fields"),
        ({"pagination_token": "zz"}, "pagination_token"),
    ],
)
def test_invalid_parameters_are_refused(
    sim: Simulator, http: requests.Session, query: dict[str, str], name: str
) -> None:
    answer = http.get(mentions_url(sim), params=query, headers=bearer())
    assert answer.status_code == 400
    body = answer.json()
    assert body["title"] == "Invalid Request"
    assert name in body["errors"][0]["parameters"]


def test_unknown_user_is_an_error_inside_http_200(sim: Simulator, http: requests.Session) -> None:
    answer = http.get(f"{sim.api_base(Channel.X)}/2/users/42/mentions", headers=bearer())
    assert answer.status_code == 200
    body = answer.json()
    assert "data" not in body
    assert body["errors"][0]["title"] == "Not Found Error"


def test_every_answer_reports_its_rate_limit_window(sim: Simulator, http: requests.Session) -> None:
    first = http.get(mentions_url(sim), headers=bearer())
    second = http.get(mentions_url(sim), headers=bearer())
    assert first.headers["x-rate-limit-limit"] == "450"
    left = (
        int(first.headers["x-rate-limit-remaining"]),
        int(second.headers["x-rate-limit-remaining"]),
    )
    assert left[1] == left[0] - 1
    assert int(first.headers["x-rate-limit-reset"]) > sim.world.clock.now().timestamp()


def test_direct_messages_are_sent_and_listed(sim: Simulator, http: requests.Session) -> None:
    base = sim.api_base(Channel.X)
    assert http.get(f"{base}/2/dm_events", headers=bearer()).json() == {"meta": {"result_count": 0}}
    citizen = next(i.author_id for i in expected_items()[Channel.X] if not i.outbound)
    sent = http.post(
        f"{base}/2/dm_conversations/with/{citizen}/messages",
        json={"text": "Halo"},
        headers=bearer(),
    )
    assert sent.status_code == 201
    event = sent.json()["data"]["dm_event_id"]
    listed = http.get(
        f"{base}/2/dm_conversations/with/{citizen}/dm_events",
        params={"dm_event.fields": "created_at,sender_id,dm_conversation_id"},
        headers=bearer(),
    ).json()
    assert listed["data"][0]["id"] == event
    assert X_TIME.match(listed["data"][0]["created_at"])
    assert sim.accepted_replies()[0].thread_id == f"dm:{citizen}"
