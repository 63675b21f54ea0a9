"""X API v2: recorded responses, and the adapter over loopback HTTP."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from desktop.core.model import Channel
from desktop.core.platforms.errors import (
    DuplicateContentError,
    MalformedResponseError,
    PermanentError,
    RateLimitedError,
)
from desktop.core.platforms.factory import make_adapter
from desktop.core.platforms.http import PlatformSession
from desktop.core.platforms.x import (
    XAdapter,
    parse_dm_events,
    parse_next,
    parse_tweets,
    snowflake_time,
    x_length,
)
from tests.core.platforms.platform_testkit import Loopback, Reply, recorded

OWN = "783214"  # @Twitter, whose mentions tweepy recorded
TOKEN = "AAAAAAAAAAAAAAAAAAAAAXBearerTokenForTests"


def _exchange(name: str) -> dict[str, Any]:
    exchange: dict[str, Any] = recorded(name)["exchanges"][0]["response"]
    return exchange


def test_recorded_mentions_timeline() -> None:
    body = recorded("x/timeline_mentions.json")
    items = parse_tweets(body, OWN)
    assert len(items) == 5
    first = items[0]
    assert first.channel is Channel.X
    assert first.platform_id == first.thread_id == "1364398068313903104"
    assert first.platform_time == datetime(2021, 2, 24, 2, 13, 43, tzinfo=UTC)
    assert first.text.startswith("@Twitter should consider supporting #VoiceMessaging")
    assert first.permalink == "https://x.com/i/web/status/1364398068313903104"
    assert (first.author_id, first.author_name) == ("", "")
    assert parse_next(body) == (
        "1364398068313903104",
        "7140dibdnow9c7btw3w3ixl43r8knib48jsfyzko1h5py",
    )


def test_recorded_mentions_without_created_at_take_the_time_from_the_id() -> None:
    body = _exchange("x/recorded_mentions_exchange.json")["body"]
    items = parse_tweets(body, OWN)
    assert len(items) == 10
    newest = items[0]
    assert newest.platform_id == "1578516295611748353"
    # Recorded at "Fri, 07 Oct 2022 22:43:18 UTC"; the tweet is 11 s older.
    assert newest.platform_time == datetime(2022, 10, 7, 22, 43, 6, 945000, tzinfo=UTC)
    assert items[5].text == "@Twitter make 🤨 an available reaction emoji in dms"
    assert parse_next(body) == (
        "1578516295611748353",
        "7140dibdnow9c7btw423i3sy3u5zupmkcpofxcsmxj48j",
    )


def test_snowflake_times_agree_with_created_at() -> None:
    for tweet in recorded("x/timeline_mentions.json")["data"]:
        stated = datetime.fromisoformat(tweet["created_at"].replace("Z", "+00:00"))
        derived = snowflake_time(tweet["id"])
        assert derived is not None
        assert abs(derived - stated) < timedelta(seconds=1)


def test_includes_users_name_the_authors_and_replies_know_their_parent() -> None:
    items = parse_tweets(recorded("x/search_tweets_with_includes.json"), own_id="17200003")
    by_id = {i.platform_id: i for i in items}
    happy = by_id["1276035977375477760"]
    assert (happy.author_id, happy.author_name, happy.outbound) == (
        "63046977",
        "happycamper",
        False,
    )
    assert happy.parent_id == "1275653067283759104"
    assert happy.platform_time == datetime(2020, 6, 25, 6, 14, 19, tzinfo=UTC)
    ours = by_id["1275882613572583424"]
    assert (ours.author_name, ours.outbound) == ("snowman", True)
    assert "🔥👍" in ours.text
    assert by_id["1275763727908798470"].author_name == "jellybeanjones"


def test_recorded_dm_events() -> None:
    (event,) = parse_dm_events(recorded("x/dm_events.json"), OWN)
    assert event.platform_id == "1585321444547837956"
    assert event.thread_id == "dm:906948460078698496"
    assert event.author_id == "906948460078698496"
    assert event.platform_time == datetime(2022, 10, 26, 17, 24, 21, tzinfo=UTC)
    assert event.text == "Another photo https://t.co/J5KotyeIyd"
    # Our own message belongs to the other participant's thread.
    ours = {
        "data": [
            {
                "id": "1",
                "text": "Siap",
                "sender_id": OWN,
                "dm_conversation_id": f"{OWN}-555",
                "created_at": "2026-11-28T08:00:00.000Z",
            }
        ]
    }
    (mine,) = parse_dm_events(ours, OWN)
    assert (mine.thread_id, mine.outbound) == ("dm:555", True)


def test_empty_and_malformed_bodies() -> None:
    assert parse_tweets({"meta": {"result_count": 0}}, OWN) == []
    with pytest.raises(MalformedResponseError, match=r"response\.data is missing"):
        parse_tweets({"includes": {}}, OWN)
    with pytest.raises(MalformedResponseError, match="should be a list"):
        parse_tweets({"data": "oops", "meta": {}}, OWN)
    with pytest.raises(MalformedResponseError, match=r"data\[0\]\.created_at"):
        parse_tweets({"data": [{"id": "not-a-snowflake", "text": "x"}]}, OWN)


def test_weighted_length() -> None:
    assert x_length("a" * 280) == 280
    assert x_length("警" * 140) == 280
    assert x_length("Lihat https://polri.go.id/berita/sangat/panjang/sekali/ya") == 6 + 23


def _adapter(loopback: Loopback, session: PlatformSession, **params: str) -> XAdapter:
    adapter = make_adapter(Channel.X, session, TOKEN, loopback.base, {"user_id": OWN, **params})
    assert isinstance(adapter, XAdapter)
    return adapter


def test_mentions_page_back_then_poll_since_the_newest(
    loopback: Loopback, session: PlatformSession
) -> None:
    path = f"/2/users/{OWN}/mentions"
    first = _exchange("x/recorded_mentions_exchange.json")
    last_page = recorded("x/timeline_mentions.json")
    del last_page["meta"]["next_token"]
    loopback.route(path, Reply(200, first["body"], {"Date": "Fri, 07 Oct 2022 22:43:18 GMT"}))
    loopback.json(path, last_page, {"meta": {"result_count": 0}})
    loopback.json(f"/2/users/{OWN}/tweets", {"meta": {"result_count": 0}})
    adapter = _adapter(loopback, session)

    one = adapter.fetch(None)
    assert (len(one.items), one.done) == (10, False)
    assert session.last_server_date == datetime(2022, 10, 7, 22, 43, 18, tzinfo=UTC)
    two = adapter.fetch(one.cursor)
    assert (len(two.items), two.done) == (5, False)  # then our own replies
    assert json.loads(two.cursor or "")["since"] == "1578516295611748353"
    own = adapter.fetch(two.cursor)
    assert (own.items, own.done) == ((), True)
    three = adapter.fetch(own.cursor)
    assert (three.items, three.done) == ((), False)
    assert adapter.fetch(three.cursor).done

    calls = loopback.seen(path)
    assert [c.param("since_id") for c in calls] == [None, None, "1578516295611748353"]
    assert [c.param("pagination_token") for c in calls] == [
        None,
        "7140dibdnow9c7btw423i3sy3u5zupmkcpofxcsmxj48j",
        None,
    ]
    assert calls[0].param("expansions") == "author_id"
    assert calls[0].headers["authorization"] == f"Bearer {TOKEN}"


def test_a_next_token_that_repeats_ends_the_pass(
    loopback: Loopback, session: PlatformSession
) -> None:
    loopback.json(f"/2/users/{OWN}/mentions", recorded("x/timeline_mentions.json"))
    loopback.json(f"/2/users/{OWN}/tweets", {"meta": {"result_count": 0}})
    adapter = _adapter(loopback, session)
    one = adapter.fetch(None)
    two = adapter.fetch(one.cursor)
    assert not one.done
    assert json.loads(two.cursor or "")["stage"] == "own"  # the mentions' pass ended
    assert json.loads(two.cursor or "")["since"] == "1364398068313903104"
    assert adapter.fetch(two.cursor).done


def test_recorded_tweet_creation(loopback: Loopback, session: PlatformSession) -> None:
    response = _exchange("x/recorded_create_tweet_exchange.json")
    headers = {k: v[0] for k, v in response["headers"].items() if k != "content-type"}
    headers["Date"] = headers.pop("date")
    loopback.route("/2/tweets", Reply(201, response["body"], headers))
    posted = _adapter(loopback, session).post_reply(
        "1578516295611748353", "1578516295611748353", "Test Tweet"
    )
    assert posted.platform_id == "1456012973835788293"
    assert posted.accepted_at == datetime(2021, 11, 3, 21, 38, 39, 32000, tzinfo=UTC)
    assert session.last_server_date == datetime(2021, 11, 3, 21, 38, 39, tzinfo=UTC)  # "… UTC"
    sent = loopback.seen("/2/tweets")[0].json()
    assert sent == {"text": "Test Tweet", "reply": {"in_reply_to_tweet_id": "1578516295611748353"}}


def test_duplicate_reply_and_rate_limit_over_http(
    loopback: Loopback, session: PlatformSession
) -> None:
    duplicate = {
        "detail": "You are not allowed to create a Tweet with duplicate content.",
        "title": "Forbidden",
        "status": 403,
    }
    loopback.json("/2/tweets", duplicate, status=403)
    adapter = _adapter(loopback, session)
    with pytest.raises(DuplicateContentError):
        adapter.post_reply("1", "1", "Siap")
    reset = int((datetime.now(UTC) + timedelta(minutes=15)).timestamp())
    loopback.json(
        f"/2/users/{OWN}/mentions",
        {"title": "Too Many Requests", "status": 429},
        status=429,
        **{"x-rate-limit-reset": str(reset)},
    )
    with pytest.raises(RateLimitedError) as caught:
        adapter.fetch(None)
    assert 14 * 60 < caught.value.retry_after <= 15 * 60 + 1


def test_too_long_is_refused_before_sending(loopback: Loopback, session: PlatformSession) -> None:
    with pytest.raises(PermanentError) as caught:
        _adapter(loopback, session).post_reply("1", "1", "警" * 141)
    assert caught.value.reason == "text_too_long"
    assert loopback.requests == []


def test_direct_messages_send_and_read_back(loopback: Loopback, session: PlatformSession) -> None:
    loopback.json(
        "/2/dm_conversations/with/906948460078698496/messages",
        recorded("x/dm_events_create.json"),
        status=201,
    )
    loopback.json(
        "/2/dm_conversations/with/906948460078698496/dm_events", recorded("x/dm_events.json")
    )
    loopback.json("/2/dm_events", recorded("x/dm_events.json"))
    adapter = _adapter(loopback, session, dms="on")
    sent = adapter.post_reply("dm:906948460078698496", "", "Terima kasih")
    assert sent.platform_id == "128341038123"
    (back,) = adapter.read_back("dm:906948460078698496")
    assert back.platform_id == "1585321444547837956"
    # With dms=on a pass reads mentions, our own replies, then DMs.
    loopback.json(f"/2/users/{OWN}/mentions", {"meta": {"result_count": 0}})
    loopback.json(f"/2/users/{OWN}/tweets", {"meta": {"result_count": 0}})
    one = adapter.fetch(None)
    assert not one.done
    own = adapter.fetch(one.cursor)
    assert not own.done
    two = adapter.fetch(own.cursor)
    assert two.done
    assert [i.platform_id for i in two.items] == ["1585321444547837956"]


def test_our_own_replies_on_x_are_read_with_the_mentions(
    loopback: Loopback, session: PlatformSession
) -> None:
    loopback.json(f"/2/users/{OWN}/mentions", {"meta": {"result_count": 0}})
    mine = {
        "data": [
            {
                "id": "1900000000000000003",
                "text": "Sudah kami respons",
                "author_id": OWN,
                "conversation_id": "1578516295611748353",
                "referenced_tweets": [{"type": "replied_to", "id": "1578516295611748353"}],
            },
            {"id": "1900000000000000004", "text": "Himbauan kamtibmas", "author_id": OWN},
        ],
        "meta": {"result_count": 2, "newest_id": "1900000000000000004"},
    }
    loopback.json(f"/2/users/{OWN}/tweets", mine)
    adapter = _adapter(loopback, session)
    own = adapter.fetch(adapter.fetch(None).cursor)
    # Replies only: an announcement of our own is no answer to anyone.
    assert [(i.platform_id, i.outbound, i.thread_id) for i in own.items] == [
        ("1900000000000000003", True, "1578516295611748353")
    ]
    assert json.loads(own.cursor or "")["own_since"] == "1900000000000000004"


def test_read_back_finds_our_reply_in_the_conversation(
    loopback: Loopback, session: PlatformSession
) -> None:
    timeline = {
        "data": [
            {
                "id": "1900000000000000001",
                "text": "Siap",
                "author_id": OWN,
                "conversation_id": "1578516295611748353",
                "created_at": "2026-11-28T08:00:00.000Z",
            },
            {
                "id": "1900000000000000002",
                "text": "lain",
                "author_id": OWN,
                "conversation_id": "42",
                "created_at": "2026-11-28T08:01:00.000Z",
            },
        ],
        "meta": {"result_count": 2},
    }
    loopback.json(f"/2/users/{OWN}/tweets", timeline)
    (found,) = _adapter(loopback, session).read_back("1578516295611748353")
    assert (found.platform_id, found.outbound) == ("1900000000000000001", True)
