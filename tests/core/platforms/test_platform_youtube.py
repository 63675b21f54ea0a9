"""YouTube Data API: recorded responses, and the adapter over loopback HTTP."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime

import pytest

from desktop.core.model import Channel
from desktop.core.platforms.errors import MalformedResponseError, TokenExpiredError
from desktop.core.platforms.factory import make_adapter
from desktop.core.platforms.http import PlatformSession
from desktop.core.platforms.youtube import YouTubeAdapter, html_to_text, parse_threads
from tests.core.platforms.platform_testkit import Loopback, recorded

CHANNEL = "UCa-vrCLQHviTOVnEKDOdetQ"
OWN = frozenset({CHANNEL})
TOKEN = "ya29.a0AfB_youtubeAccessToken"


def test_recorded_threads_for_the_channel() -> None:
    tops, replies, incomplete = parse_threads(
        recorded("youtube/comment_threads_all_to_me.json"), OWN
    )
    assert [t.platform_id for t in tops] == [
        "UgyWeTdgc4sc1xgmbld4AaABAg",
        "Ugw5zYU6n9pmIgAZWvN4AaABAg",
        "Ugy0FhSzKMNMT9qs6zt4AaABAg",
        "UgwSRpgkjCe6OHHe3IJ4AaABAg",
    ]
    first = tops[0]
    assert first.channel is Channel.YOUTUBE
    assert first.thread_id == first.platform_id
    assert (first.author_id, first.author_name) == ("UCNvMBmCASzTNNX8lW3JRMbw", "kun liu")
    assert first.text == "Hope to go next time. yah!"
    assert first.platform_time == datetime(2019, 12, 1, 3, 36, 55, tzinfo=UTC)
    assert (
        first.permalink
        == "https://www.youtube.com/watch?v=JE8xdDp5B8Q&lc=UgyWeTdgc4sc1xgmbld4AaABAg"
    )
    assert (tops[2].author_name, tops[2].text, tops[2].permalink) == ("杨佳名", "大满贯", None)
    assert replies == []
    assert incomplete == ["UgwSRpgkjCe6OHHe3IJ4AaABAg"]  # 1 reply, none included


def test_text_original_wins_and_html_is_stripped_when_it_is_all_there_is() -> None:
    body = recorded("youtube/comment_threads_by_video_paged_1.json")
    tops, _, _ = parse_threads(body, OWN)
    assert tops[0].text == "Google.com"
    html_only = copy.deepcopy(body)
    for thread in html_only["items"]:
        del thread["snippet"]["topLevelComment"]["snippet"]["textOriginal"]
    stripped, _, _ = parse_threads(html_only, OWN)
    assert stripped[0].text == "Google.com"
    assert stripped[3].text == (
        "All account on Android store for data show the Google and YouTube video Android "
        "computer system fordata show\n        settings displayed"
    )
    assert stripped[4].text.startswith(
        "Lot's of good light coming in from here #ChromeDevSummit the"
    )
    assert html_to_text("a &amp; b &lt;3 <b>tebal</b> &#128110;") == "a & b <3 tebal 👮"


def test_included_replies_join_the_thread() -> None:
    body = copy.deepcopy(recorded("youtube/comment_threads_all_to_me.json"))
    reply = copy.deepcopy(recorded("youtube/comments_insert_response.json"))
    reply["snippet"]["parentId"] = "UgwSRpgkjCe6OHHe3IJ4AaABAg"
    body["items"][3]["replies"] = {"comments": [reply]}
    _, replies, incomplete = parse_threads(body, OWN)
    (ours,) = replies
    assert ours.thread_id == ours.parent_id == "UgwSRpgkjCe6OHHe3IJ4AaABAg"
    assert ours.outbound  # written by the channel itself
    assert ours.platform_time == datetime(2022, 11, 14, 10, 23, 2, tzinfo=UTC)
    assert incomplete == []


def test_malformed_thread_lists() -> None:
    with pytest.raises(MalformedResponseError, match=r"response\.items is missing"):
        parse_threads({"kind": "youtube#commentThreadListResponse"}, OWN)
    broken = copy.deepcopy(recorded("youtube/comment_threads_all_to_me.json"))
    broken["items"][1]["snippet"]["topLevelComment"]["snippet"]["publishedAt"] = 1575171370.0e12
    with pytest.raises(
        MalformedResponseError, match=r"items\[1\]\.snippet\.topLevelComment\.snippet\.publishedAt"
    ):
        parse_threads(broken, OWN)
    no_snippet = {"items": [{"id": "x"}]}
    with pytest.raises(MalformedResponseError, match=r"items\[0\]\.snippet is missing"):
        parse_threads(no_snippet, OWN)


def _adapter(loopback: Loopback, session: PlatformSession) -> YouTubeAdapter:
    adapter = make_adapter(Channel.YOUTUBE, session, TOKEN, loopback.base, {"channel_id": CHANNEL})
    assert isinstance(adapter, YouTubeAdapter)
    return adapter


def test_paging_with_replies_fetched_for_incomplete_threads(
    loopback: Loopback, session: PlatformSession
) -> None:
    loopback.json(
        "/youtube/v3/commentThreads",
        recorded("youtube/comment_threads_by_video_paged_1.json"),
        recorded("youtube/comment_threads_by_video_paged_2.json"),
    )
    reply = copy.deepcopy(recorded("youtube/comments_insert_response.json"))
    reply["snippet"]["parentId"] = "UgwI_ylXVnzPS8Q-oAV4AaABAg"
    loopback.json("/youtube/v3/comments", {"items": [reply]})
    adapter = _adapter(loopback, session)
    old_mark = json.dumps({"v": 1, "hw": "2019-11-01T00:00:00.000000Z"})
    one = adapter.fetch(old_mark)
    assert not one.done
    assert len(one.items) == 6  # five threads, plus the replies of the one with two
    assert one.items[-1].thread_id == "UgwI_ylXVnzPS8Q-oAV4AaABAg"
    two = adapter.fetch(one.cursor)
    assert two.done
    assert json.loads(two.cursor or "")["hw"] == "2022-11-14T10:23:02.000000Z"
    first, second = loopback.seen("/youtube/v3/commentThreads")
    assert first.param("allThreadsRelatedToChannelId") == CHANNEL
    assert first.param("order") == "time"
    assert (second.param("pageToken") or "").startswith("QURTSl9pMzdZOUVzMkI0czlm")
    assert (
        loopback.seen("/youtube/v3/comments")[0].param("parentId") == "UgwI_ylXVnzPS8Q-oAV4AaABAg"
    )


def test_a_pass_stops_at_threads_older_than_the_mark(
    loopback: Loopback, session: PlatformSession
) -> None:
    loopback.json(
        "/youtube/v3/commentThreads", recorded("youtube/comment_threads_by_video_paged_1.json")
    )
    loopback.json("/youtube/v3/comments", {"items": []})
    recent_mark = json.dumps({"v": 1, "hw": "2019-11-20T00:00:00.000000Z"})
    page = _adapter(loopback, session).fetch(recent_mark)
    assert page.done  # the page reached threads from before 2019-11-20: no second page
    assert len(loopback.seen("/youtube/v3/commentThreads")) == 1


def test_posting_a_reply(loopback: Loopback, session: PlatformSession) -> None:
    loopback.json("/youtube/v3/comments", recorded("youtube/comments_insert_response.json"))
    posted = _adapter(loopback, session).post_reply("Ugy_CAftKrIUCyPr9GR4AaABAg", "", "wow")
    assert posted.platform_id == "Ugy_CAftKrIUCyPr9GR4AaABAg.9iPXEClD9lW9iPXLqKy_Pt"
    assert posted.accepted_at == datetime(2022, 11, 14, 10, 23, 2, tzinfo=UTC)
    request = loopback.seen("/youtube/v3/comments")[0]
    assert request.param("part") == "snippet"
    assert request.json() == {
        "snippet": {"parentId": "Ugy_CAftKrIUCyPr9GR4AaABAg", "textOriginal": "wow"}
    }
    assert request.headers["authorization"] == f"Bearer {TOKEN}"


def test_read_back_returns_the_thread_and_all_replies(
    loopback: Loopback, session: PlatformSession
) -> None:
    thread = recorded("youtube/insert_response.json")
    loopback.json("/youtube/v3/commentThreads", {"items": [thread]})
    reply = copy.deepcopy(recorded("youtube/comments_insert_response.json"))
    loopback.json("/youtube/v3/comments", {"items": [reply]})
    items = _adapter(loopback, session).read_back("Ugx_5P8rmn4vKbN6wwt4AaABAg")
    assert [(i.platform_id, i.outbound) for i in items] == [
        ("Ugx_5P8rmn4vKbN6wwt4AaABAg", True),
        ("Ugy_CAftKrIUCyPr9GR4AaABAg.9iPXEClD9lW9iPXLqKy_Pt", True),
    ]
    assert items[0].platform_time == datetime(2022, 11, 15, 2, 20, 1, tzinfo=UTC)


def test_recorded_error_over_http(loopback: Loopback, session: PlatformSession) -> None:
    loopback.json("/youtube/v3/commentThreads", recorded("youtube/error_response.json"), status=400)
    with pytest.raises(TokenExpiredError) as caught:
        _adapter(loopback, session).fetch(None)
    assert caught.value.platform_message == "Bad Request"


def test_a_repeating_page_token_ends_the_pass_and_replies_are_not_doubled(
    loopback: Loopback, session: PlatformSession
) -> None:
    body = copy.deepcopy(recorded("youtube/comment_threads_by_video_paged_1.json"))
    reply = copy.deepcopy(recorded("youtube/comments_insert_response.json"))
    reply["snippet"]["parentId"] = "UgwI_ylXVnzPS8Q-oAV4AaABAg"
    body["items"][4]["replies"] = {"comments": [reply]}  # one of its two replies included
    second = copy.deepcopy(reply)
    second["id"] = "UgwI_ylXVnzPS8Q-oAV4AaABAg.second"
    loopback.json("/youtube/v3/commentThreads", body)  # always the same nextPageToken
    loopback.json("/youtube/v3/comments", {"items": [reply, second]})
    adapter = _adapter(loopback, session)
    one = adapter.fetch(json.dumps({"v": 1, "hw": "2019-01-01T00:00:00.000000Z"}))
    ids = [i.platform_id for i in one.items]
    assert len(ids) == len(set(ids)) == 7
    two = adapter.fetch(one.cursor)
    assert not one.done
    assert two.done
    assert len(loopback.seen("/youtube/v3/commentThreads")) == 2
