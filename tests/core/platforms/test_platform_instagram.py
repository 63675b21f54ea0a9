"""Instagram: recorded Graph responses, and the adapter over loopback HTTP."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from desktop.core.model import Channel
from desktop.core.platforms.errors import (
    MalformedResponseError,
    PermanentError,
    RateLimitedError,
    TokenExpiredError,
)
from desktop.core.platforms.factory import make_adapter
from desktop.core.platforms.http import PlatformSession
from desktop.core.platforms.instagram import (
    InstagramAdapter,
    parse_comment,
    parse_comments_page,
    parse_media,
    parse_replies_page,
)
from tests.core.platforms.platform_testkit import Loopback, Reply, recorded

IG = "17841406338772941"
PAGE = "104020528383771"
TOKEN = "EAAGm0PX4ZCpsBAInstagramToken"
OWN = frozenset({IG})


def test_recorded_comment_pages_newest_first() -> None:
    items, after = parse_comments_page(recorded("instagram/media_comments_p1.json"), OWN)
    assert after == "after"  # paging.next present: there is a next page
    assert [i.platform_id for i in items] == ["17858154961981086", "17874875428706419"]
    first = items[0]
    assert first.channel is Channel.INSTAGRAM
    assert first.thread_id == "17858154961981086"
    assert first.parent_id is None
    assert first.text == "Beautiful!"
    assert first.platform_time == datetime(2020, 6, 1, 10, 56, 52, tzinfo=UTC)
    assert (first.author_id, first.author_name, first.outbound) == ("", "", False)

    items, after = parse_comments_page(recorded("instagram/media_comments_p2.json"), OWN)
    assert after is None  # last page: no paging
    assert [(i.platform_id, i.text) for i in items] == [
        ("17892250648466172", "@ikroskun  Hey, guys"),
        ("17914413430382429", "@ikroskun"),
    ]
    assert items[1].platform_time == datetime(2020, 2, 24, 9, 11, tzinfo=UTC)


def test_nested_replies_join_their_comments_thread() -> None:
    comment = dict(recorded("instagram/media_comments_p1.json")["data"][0])
    comment["replies"] = recorded("instagram/comment_replies.json")
    items = parse_comment(comment, "data[0]", OWN, None)
    assert [i.platform_id for i in items] == ["17858154961981086", "17847314687296283"]
    reply = items[1]
    assert reply.thread_id == reply.parent_id == "17858154961981086"
    assert reply.text == "@lixiangguodu123 nihao"
    assert reply.platform_time == datetime(2020, 8, 7, 3, 30, 6, tzinfo=UTC)

    alone = parse_replies_page(recorded("instagram/comment_replies.json"), "17858154961981086", OWN)
    assert [(i.platform_id, i.thread_id) for i in alone] == [
        ("17847314687296283", "17858154961981086")
    ]


def test_recorded_comment_fields_name_authors_and_spot_our_own_account() -> None:
    batch = recorded("instagram/comments_fields.json")
    items = {key: parse_comment(value, key, OWN, "ikroskun")[0] for key, value in batch.items()}
    ours = items["17892250648466172"]
    assert ours.author_name == "ikroskun"
    assert ours.outbound is True
    theirs = items["17858154961981086"]
    assert (theirs.author_name, theirs.outbound) == ("lixiangguodu123", False)
    assert theirs.platform_time == datetime(2020, 6, 1, 10, 56, 52, tzinfo=UTC)


def test_recorded_media_lists_become_containers_with_comment_counts() -> None:
    first, after = parse_media(recorded("instagram/user_media_medias_p1.json"))
    assert after is not None  # the recorded first page has a next page
    assert [(c.id, c.fingerprint, c.empty) for c in first] == [
        ("17895731045244887", "0", True),
        ("17896622936197745", "6", False),
    ]
    second, _ = parse_media(recorded("instagram/user_media_medias_p2.json"))
    assert [c.id for c in second] == ["17896129349106152", "17893085207160254"]


def test_malformed_pages_name_the_field() -> None:
    with pytest.raises(MalformedResponseError, match=r"response\.data is missing"):
        parse_comments_page({"paging": {}}, OWN)
    with pytest.raises(MalformedResponseError, match=r"data\[0\]\.id"):
        parse_comments_page({"data": [{"id": ["x"], "timestamp": "2020-06-01T10:56:52+0000"}]}, OWN)
    with pytest.raises(MalformedResponseError, match=r"data\[0\]\.timestamp"):
        parse_comments_page({"data": [{"id": "1", "timestamp": 12.5e20}]}, OWN)
    with pytest.raises(MalformedResponseError, match=r"data\[0\]\.text"):
        parse_comments_page({"data": [{"id": "1", "timestamp": "x", "text": 5}]}, OWN)


def test_emoji_and_non_latin_text_survive() -> None:
    body = {
        "data": [
            {
                "id": "1",
                "text": "Pak polisi 🙏 motor saya dicuri 😭 — 摩托车 — سرقة",
                "timestamp": "2026-11-28T08:00:00+0000",
                "username": "warga.sleman",
                "from": {"id": "9001", "username": "warga.sleman"},
                "like_count": 3,
                "some_new_field": {"nested": True},
            }
        ]
    }
    (item,), _ = parse_comments_page(body, OWN)
    assert item.text == "Pak polisi 🙏 motor saya dicuri 😭 — 摩托车 — سرقة"
    assert (item.author_id, item.author_name) == ("9001", "warga.sleman")


def _adapter(loopback: Loopback, session: PlatformSession, **params: str) -> InstagramAdapter:
    adapter = make_adapter(
        Channel.INSTAGRAM, session, TOKEN, loopback.base, {"ig_user_id": IG, **params}
    )
    assert isinstance(adapter, InstagramAdapter)
    return adapter


def test_a_pass_over_media_comments_and_direct_messages(
    loopback: Loopback, session: PlatformSession
) -> None:
    media = "17896622936197745"
    listed = recorded("instagram/user_media_medias_p1.json")
    recent_post = (datetime.now(UTC) - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%S+0000")
    listed["data"] = [{**m, "timestamp": recent_post} for m in listed["data"]]  # in the horizon
    listed.pop("paging", None)
    loopback.json(f"/{IG}/media", listed)
    loopback.json(
        f"/{media}/comments",
        recorded("instagram/media_comments_p1.json"),
        recorded("instagram/media_comments_p2.json"),
    )
    recent = (datetime.now(UTC) - timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M:%S+0000")
    dm: dict[str, object] = {
        "id": "aWdfZAG06MTpJR01lc3NhZA",
        "created_time": recent,
        "message": "Tolong pak",
    }
    dm["from"] = {"username": "warga.sleman", "id": "6543"}
    dm["to"] = {"data": [{"username": "polres_sleman", "id": IG}]}
    conversations = {"data": [{"id": "c1", "updated_time": recent, "messages": {"data": [dm]}}]}
    loopback.json(f"/{PAGE}/conversations", conversations)
    adapter = _adapter(loopback, session, page_id=PAGE)

    first = adapter.fetch(None)
    assert [i.platform_id for i in first.items] == ["17858154961981086", "17874875428706419"]
    assert not first.done
    second = adapter.fetch(first.cursor)
    assert [i.platform_id for i in second.items] == ["17892250648466172", "17914413430382429"]
    third = adapter.fetch(second.cursor)
    assert third.done
    (message,) = third.items
    assert (message.thread_id, message.text, message.outbound) == ("dm:6543", "Tolong pak", False)

    # The media with 0 comments was never asked for; pages went by `after`, never by URL.
    assert loopback.seen("/17895731045244887/comments") == []
    pages = loopback.seen(f"/{media}/comments")
    assert [p.param("after") for p in pages] == [None, "after"]
    for request in loopback.requests:
        assert request.headers["authorization"] == f"Bearer {TOKEN}"
        assert "access_token" not in request.query

    # Next pass: the comment count is unchanged, so only the media list and DMs are read.
    fourth = adapter.fetch(third.cursor)
    assert fourth.done
    assert len(loopback.seen(f"/{media}/comments")) == 2
    assert json.loads(fourth.cursor or "")["fps"][media] == "6"


def test_replies_go_to_the_thread_comment_and_dms_to_the_person(
    loopback: Loopback, session: PlatformSession
) -> None:
    loopback.json("/17858154961981086/replies", {"id": "17920000000000001"})
    loopback.json("/me/messages", {"recipient_id": "6543", "message_id": "m_abc"})
    adapter = _adapter(loopback, session, page_id=PAGE)
    posted = adapter.post_reply(
        "17858154961981086", "17847314687296283", "Siap, kami tindak lanjuti"
    )
    assert posted.platform_id == "17920000000000001"
    assert loopback.seen("/17858154961981086/replies")[0].form() == {
        "message": "Siap, kami tindak lanjuti"
    }
    dm = adapter.post_reply("dm:6543", "x", "Terima kasih laporannya 🙏")
    assert dm.platform_id == "m_abc"
    sent = loopback.seen("/me/messages")[0].json()
    assert sent == {"recipient": {"id": "6543"}, "message": {"text": "Terima kasih laporannya 🙏"}}
    with pytest.raises(PermanentError) as too_long:
        adapter.post_reply("17858154961981086", "", "x" * 2201)
    assert too_long.value.reason == "text_too_long"


def test_read_back_finds_our_reply_in_the_thread(
    loopback: Loopback, session: PlatformSession
) -> None:
    comment = dict(recorded("instagram/media_comments_p1.json")["data"][0])
    comment.pop("replies", None)
    ours: dict[str, object] = {"id": "17920000000000001", "text": "Siap"}
    ours["timestamp"] = "2026-11-28T08:00:00+0000"
    ours["from"] = {"id": IG, "username": "polres_sleman"}
    theirs = {**ours, "id": "17920000000000002", "from": {"id": "99", "username": "warga"}}
    loopback.json("/17858154961981086", comment)
    more = {"cursors": {"after": "QVFI"}, "next": "https://graph.facebook.com/v21.0/x"}
    loopback.json(
        "/17858154961981086/replies",
        {"data": [theirs], "paging": more},
        {"data": [theirs, ours]},  # the boundary item again, then ours on page two
    )
    items = _adapter(loopback, session).read_back("17858154961981086")
    assert [(i.platform_id, i.outbound) for i in items] == [
        ("17858154961981086", False),
        ("17920000000000002", False),
        ("17920000000000001", True),
    ]
    pages = loopback.seen("/17858154961981086/replies")
    assert [c.param("after") for c in pages] == [None, "QVFI"]


def test_an_expired_token_from_graph_stops_this_account(
    loopback: Loopback, session: PlatformSession
) -> None:
    expired = {
        "error": {"message": "Error validating access token", "code": 190, "error_subcode": 463}
    }
    loopback.json(f"/{IG}/media", expired, status=400)
    with pytest.raises(TokenExpiredError):
        _adapter(loopback, session).fetch(None)


def test_usage_near_100_percent_returns_the_page_then_waits(
    loopback: Loopback, session: PlatformSession
) -> None:
    usage = {"x-app-usage": '{"call_count":97}'}
    loopback.route("/17858154961981086/replies", Reply(200, {"id": "1"}, usage))
    adapter = _adapter(loopback, session)
    assert adapter.post_reply("17858154961981086", "", "Siap").platform_id == "1"
    with pytest.raises(RateLimitedError) as caught:
        adapter.fetch(None)
    assert 290 < caught.value.retry_after <= 300
    assert len(loopback.requests) == 1  # refused locally, no second request
