"""TikTok API for Business over loopback HTTP.

No recorded TikTok responses exist in the fixtures folder; the bodies here
follow PLATFORMS.md's documented shapes (``create_time`` a string of epoch
seconds in lists, an integer in create responses).
"""

from __future__ import annotations

import json
import time
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

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
from desktop.core.platforms.tiktok import TikTokAdapter, parse_comments
from tests.core.platforms.platform_testkit import Loopback

BUSINESS = "-000hunmvtjEuUZSY4c9CYRlyv_UmWcrq6Ui"
TOKEN = "act.e2b8f1c9d4TikTokAccessToken"
VIDEO = "7301234567890123456"
API = "/open_api/v1.3/business"


def _comments(*rows: Mapping[str, object], more: bool = False, cursor: int = 30) -> dict[str, Any]:
    data = {"comments": list(rows), "cursor": cursor, "has_more": more}
    return {"code": 0, "message": "OK", "request_id": "2023", "data": data}


TOP = {
    "comment_id": "7301000000000000001",
    "video_id": VIDEO,
    "user_id": "6801",
    "username": "warga_bantul",
    "text": "Pak, ada balap liar tiap malam di ringroad 🏍️",
    "create_time": "1764403200",
    "likes": 3,
}
REPLY = {
    "comment_id": "7301000000000000002",
    "video_id": VIDEO,
    "user_id": BUSINESS,
    "username": "polres_bantul",
    "text": "Terima kasih, segera kami patroli",
    "create_time": "1764406800",
    "parent_comment_id": "7301000000000000001",
}


def test_comments_become_items_with_video_scoped_threads() -> None:
    items, cursor = parse_comments(_comments(TOP, REPLY, more=True)["data"], VIDEO, {BUSINESS})
    top, reply = items
    assert top.channel is Channel.TIKTOK
    assert top.thread_id == f"{VIDEO}:7301000000000000001"
    assert top.platform_time == datetime(2025, 11, 29, 8, 0, tzinfo=UTC)
    assert (top.author_name, top.outbound) == ("warga_bantul", False)
    assert top.text.endswith("🏍️")
    assert reply.thread_id == top.thread_id
    assert reply.parent_id == "7301000000000000001"
    assert reply.outbound
    assert cursor == "30"
    _, last = parse_comments(_comments(TOP)["data"], VIDEO, ())
    assert last is None


def test_malformed_comment_lists() -> None:
    with pytest.raises(MalformedResponseError, match=r"data\.comments is missing"):
        parse_comments({"cursor": 0}, VIDEO, ())
    with pytest.raises(MalformedResponseError, match=r"data\.comments\[0\]\.create_time"):
        parse_comments({"comments": [{**TOP, "create_time": "kemarin"}]}, VIDEO, ())


def _adapter(loopback: Loopback, session: PlatformSession) -> TikTokAdapter:
    adapter = make_adapter(Channel.TIKTOK, session, TOKEN, loopback.base, {"business_id": BUSINESS})
    assert isinstance(adapter, TikTokAdapter)
    return adapter


def test_a_pass_over_videos_and_their_comment_pages(
    loopback: Loopback, session: PlatformSession
) -> None:
    videos = {
        "code": 0,
        "message": "OK",
        "data": {
            "videos": [
                # within the 30-day horizon of posts the pass scans
                {"item_id": VIDEO, "create_time": int(time.time()) - 3600, "comments": 2},
                {"item_id": "7300000000000000000", "comments": 0},
            ],
            "has_more": False,
        },
    }
    loopback.json(f"{API}/video/list/", videos)
    loopback.json(f"{API}/comment/list/", _comments(TOP, more=True), _comments(REPLY, cursor=60))
    adapter = _adapter(loopback, session)
    one = adapter.fetch(None)
    two = adapter.fetch(one.cursor)
    assert [i.platform_id for i in (*one.items, *two.items)] == [
        "7301000000000000001",
        "7301000000000000002",
    ]
    assert (one.done, two.done) == (False, True)
    first, second = loopback.seen(f"{API}/comment/list/")
    assert (first.param("cursor"), second.param("cursor")) == ("0", "30")
    assert first.param("video_id") == VIDEO
    assert first.headers["access-token"] == TOKEN
    assert "authorization" not in first.headers
    assert json.loads(two.cursor or "")["fps"] == {VIDEO: "2", "7300000000000000000": "0"}


def test_errors_inside_http_200(loopback: Loopback, session: PlatformSession) -> None:
    loopback.json(
        f"{API}/video/list/",
        {"code": 40100, "message": "App reaches the QPS limit.", "request_id": "1"},
        {"code": 40105, "message": "Access token is incorrect or has been revoked."},
        {"code": 0, "message": "OK"},
    )
    adapter = _adapter(loopback, session)
    with pytest.raises(RateLimitedError):
        adapter.fetch(None)
    with pytest.raises(TokenExpiredError):
        adapter.fetch(None)
    with pytest.raises(MalformedResponseError, match=r"response\.data is missing"):
        adapter.fetch(None)


def test_replying_and_reading_back(loopback: Loopback, session: PlatformSession) -> None:
    created = {
        "code": 0,
        "message": "OK",
        "data": {"comment_id": "7301000000000000003", "create_time": 1764410400},
    }
    loopback.json(f"{API}/comment/reply/create/", created)
    theirs = {**REPLY, "comment_id": "7301000000000000004", "user_id": "6801", "owner": False}
    # Our reply as documented: the ``owner`` flag, under a user id of its own.
    ours = {**REPLY, "user_id": "7119000000000000001", "owner": True}
    loopback.json(
        f"{API}/comment/reply/list/",
        _comments(theirs, more=True, cursor=1),
        _comments(theirs, ours, cursor=3),  # the boundary item again, then ours
    )
    adapter = _adapter(loopback, session)
    thread = f"{VIDEO}:7301000000000000001"
    posted = adapter.post_reply(thread, "7301000000000000001", "Siap, kami cek")
    assert posted.platform_id == "7301000000000000003"
    assert posted.accepted_at == datetime(2025, 11, 29, 10, 0, tzinfo=UTC)
    assert loopback.seen(f"{API}/comment/reply/create/")[0].json() == {
        "business_id": BUSINESS,
        "video_id": VIDEO,
        "comment_id": "7301000000000000001",
        "text": "Siap, kami cek",
    }
    back = adapter.read_back(thread)
    assert [(i.platform_id, i.thread_id, i.outbound) for i in back] == [
        ("7301000000000000004", thread, False),
        ("7301000000000000002", thread, True),
    ]
    pages = loopback.seen(f"{API}/comment/reply/list/")
    assert [(c.param("comment_id"), c.param("cursor")) for c in pages] == [
        ("7301000000000000001", "0"),
        ("7301000000000000001", "1"),
    ]
    with pytest.raises(PermanentError) as too_long:
        adapter.post_reply(thread, "", "x" * 151)
    assert too_long.value.reason == "text_too_long"
