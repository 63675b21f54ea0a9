"""YouTube Data API v3 against the simulator over loopback."""

from __future__ import annotations

import html

import requests

from desktop.core.model import Channel
from desktop.simulator import Simulator
from tests.simulator.helpers import (
    YOUTUBE_API_TIME,
    YOUTUBE_TIME,
    account_id,
    bearer,
    expected_items,
)


def threads_url(sim: Simulator) -> str:
    return f"{sim.api_base(Channel.YOUTUBE)}/youtube/v3/commentThreads"


def all_threads(sim: Simulator, http: requests.Session, **extra: str) -> list[dict[str, object]]:
    query = {
        "part": "snippet,replies",
        "allThreadsRelatedToChannelId": sim.params(Channel.YOUTUBE)["channel_id"],
        "maxResults": "4",
        "order": "time",
        **extra,
    }
    found: list[dict[str, object]] = []
    for _ in range(200):
        body = http.get(threads_url(sim), params=query, headers=bearer()).json()
        assert body["kind"] == "youtube#commentThreadListResponse"
        found.extend(body["items"])
        if "nextPageToken" not in body:
            return found
        query["pageToken"] = body["nextPageToken"]
    raise AssertionError("the threads never ended")


def test_threads_page_through_every_comment_once_newest_first(
    sim: Simulator, http: requests.Session
) -> None:
    threads = all_threads(sim, http)
    seen: list[str] = []
    times = []
    for thread in threads:
        snippet = thread["snippet"]
        assert isinstance(snippet, dict)
        top = snippet["topLevelComment"]
        seen.append(top["id"])
        times.append(top["snippet"]["publishedAt"])
        assert YOUTUBE_TIME.match(top["snippet"]["publishedAt"])
        assert top["snippet"]["channelId"] == account_id(Channel.YOUTUBE)
        replies = thread.get("replies", {"comments": []})
        assert isinstance(replies, dict)
        assert snippet["totalReplyCount"] == len(replies["comments"])
        for reply in replies["comments"]:
            seen.append(reply["id"])
            assert reply["snippet"]["parentId"] == top["id"]
    expected = {i.platform_id for i in expected_items()[Channel.YOUTUBE]}
    assert len(seen) == len(set(seen))
    assert set(seen) == expected
    assert times == sorted(times, reverse=True)


def test_text_display_is_html_and_text_original_is_plain(
    sim: Simulator, http: requests.Session
) -> None:
    base = sim.api_base(Channel.YOUTUBE)
    top = next(i for i in expected_items()[Channel.YOUTUBE] if i.parent_id is None)
    text = 'Tolong <cek> "Jl. Merdeka" & lihat https://example.id/a?b=1&c=2\nterima kasih 🙏'
    body = {"snippet": {"parentId": top.platform_id, "textOriginal": text}}
    made = http.post(
        f"{base}/youtube/v3/comments", params={"part": "snippet"}, json=body, headers=bearer()
    ).json()
    query = {"part": "snippet", "id": made["id"]}
    url = f"{base}/youtube/v3/comments"
    comment = http.get(url, params=query, headers=bearer()).json()["items"][0]["snippet"]
    assert comment["textOriginal"] == text
    shown = comment["textDisplay"]
    assert "&lt;cek&gt;" in shown
    assert "&quot;Jl. Merdeka&quot;" in shown
    assert "<br>" in shown
    assert '<a href="https://example.id/a?b=1&amp;c=2">' in shown
    assert "🙏" in shown
    plain = http.get(url, params={**query, "textFormat": "plainText"}, headers=bearer()).json()
    assert plain["items"][0]["snippet"]["textDisplay"] == text
    assert html.unescape(shown.replace("<br>", "\n")).count("Merdeka") == 1


def test_reply_is_inserted_and_read_back(sim: Simulator, http: requests.Session) -> None:
    base = sim.api_base(Channel.YOUTUBE)
    top = next(i for i in expected_items()[Channel.YOUTUBE] if i.parent_id is None)
    body = {"snippet": {"parentId": top.platform_id, "textOriginal": "Siap, kami tindak lanjuti."}}
    answer = http.post(
        f"{base}/youtube/v3/comments", params={"part": "snippet"}, json=body, headers=bearer()
    )
    assert answer.status_code == 200, answer.text
    made = answer.json()
    assert made["kind"] == "youtube#comment"
    assert made["id"].startswith(top.platform_id + ".")
    assert YOUTUBE_API_TIME.match(made["snippet"]["publishedAt"])
    assert made["snippet"]["authorChannelId"] == {"value": account_id(Channel.YOUTUBE)}
    replies = http.get(
        f"{base}/youtube/v3/comments",
        params={"part": "snippet", "parentId": top.platform_id, "maxResults": "100"},
        headers=bearer(),
    ).json()
    assert replies["kind"] == "youtube#commentListResponse"
    assert made["id"] in [r["id"] for r in replies["items"]]
    thread = http.get(
        threads_url(sim),
        params={"part": "snippet,replies", "id": top.platform_id},
        headers=bearer(),
    ).json()["items"][0]
    assert made["id"] in [r["id"] for r in thread["replies"]["comments"]]
    accepted = sim.accepted_replies()
    assert [(a.thread_id, a.platform_id) for a in accepted] == [(top.platform_id, made["id"])]


def test_insert_errors(sim: Simulator, http: requests.Session) -> None:
    url = f"{sim.api_base(Channel.YOUTUBE)}/youtube/v3/comments"
    reply = next(i for i in expected_items()[Channel.YOUTUBE] if i.parent_id is not None)
    cases = [
        ({"snippet": {"parentId": "nope", "textOriginal": "x"}}, 404, "parentCommentNotFound"),
        (
            {"snippet": {"parentId": reply.platform_id, "textOriginal": "x"}},
            400,
            "operationNotSupported",
        ),
        (
            {"snippet": {"parentId": reply.thread_id, "textOriginal": "x" * 10_001}},
            400,
            "commentTextTooLong",
        ),
    ]
    for body, status, reason in cases:
        answer = http.post(url, params={"part": "snippet"}, json=body, headers=bearer())
        assert answer.status_code == status
        assert answer.json()["error"]["errors"][0]["reason"] == reason
    assert sim.accepted_replies() == []


def test_auth_errors_use_googles_envelope(sim: Simulator, http: requests.Session) -> None:
    query = {"part": "snippet", "allThreadsRelatedToChannelId": account_id(Channel.YOUTUBE)}
    missing = http.get(threads_url(sim), params=query)
    wrong = http.get(threads_url(sim), params=query, headers=bearer("expired"))
    assert (missing.status_code, wrong.status_code) == (401, 401)
    assert missing.json()["error"]["errors"][0]["reason"] == "required"
    assert wrong.json()["error"]["errors"][0]["reason"] == "authError"
    assert wrong.json()["error"]["status"] == "UNAUTHENTICATED"


def test_parameter_errors(sim: Simulator, http: requests.Session) -> None:
    channel = account_id(Channel.YOUTUBE)
    cases = [
        ({"allThreadsRelatedToChannelId": channel}, "required"),
        ({"part": "snippet"}, "missingRequiredParameter"),
        ({"part": "snippet", "allThreadsRelatedToChannelId": "UCnobody"}, "channelNotFound"),
        (
            {"part": "snippet", "allThreadsRelatedToChannelId": channel, "maxResults": "500"},
            "invalidParameter",
        ),
        (
            {"part": "snippet", "allThreadsRelatedToChannelId": channel, "pageToken": "bad"},
            "invalidPageToken",
        ),
    ]
    for query, reason in cases:
        answer = http.get(threads_url(sim), params=query, headers=bearer())
        assert answer.status_code in (400, 404)
        assert answer.json()["error"]["errors"][0]["reason"] == reason
