"""python-tiktok's ``BusinessAccountApi`` against the simulator.

Videos and comments paged to the end (strict mode: short pages, a repeat at
each boundary), a reply, the reply read back by its ``owner`` flag, and
every fault — all answered at HTTP 200 with a code — as ``PyTiktokError``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from pytiktok import BusinessAccountApi
from pytiktok.error import PyTiktokError

from desktop.core.model import Channel
from desktop.simulator import Fault, Simulator
from tests.simulator.helpers import COUNT, NOW, SEED, account_id, expected_items

BUSINESS = account_id(Channel.TIKTOK)


@pytest.fixture
def strict_sim() -> Iterator[Simulator]:
    with Simulator(count=COUNT, seed=SEED, now=NOW, strict=True) as running:
        yield running


def _api(sim: Simulator) -> BusinessAccountApi:
    base = sim.api_base(Channel.TIKTOK)
    return BusinessAccountApi(access_token=sim.token, base_url=f"{base}/open_api", timeout=10)


def _all(call: Any, **query: Any) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    cursor = 0
    while True:
        data = call(cursor=cursor, return_json=True, **query)["data"]
        found += data.get("videos") or data.get("comments") or []
        if not data["has_more"]:
            return found
        cursor = data["cursor"]


def test_videos_and_comments_to_the_end_then_a_reply_read_back(strict_sim: Simulator) -> None:
    api = _api(strict_sim)
    videos = _all(api.get_account_videos, business_id=BUSINESS, max_count=20)
    comments = {
        c["comment_id"]: c
        for v in {v["item_id"] for v in videos}
        for c in _all(
            api.get_video_comments,
            business_id=BUSINESS,
            video_id=v,
            include_replies=True,
            max_count=30,
        )
    }
    assert set(comments) == {i.platform_id for i in expected_items()[Channel.TIKTOK]}
    ours = [c for c in comments.values() if c["owner"]]
    assert ours
    assert all(c["user_id"] != BUSINESS for c in ours)  # strict: our own commenting id
    top = next(c for c in comments.values() if "parent_comment_id" not in c and not c["owner"])
    made = api.create_reply(
        business_id=BUSINESS,
        video_id=top["video_id"],
        comment_id=top["comment_id"],
        text="Laporan diterima, kami cek.",
        return_json=True,
    )["data"]
    back = _all(
        api.get_comment_replies,
        business_id=BUSINESS,
        video_id=top["video_id"],
        comment_id=top["comment_id"],
        max_count=2,
    )
    owners = {c["comment_id"]: c["owner"] for c in back}  # a repeat at a boundary counts once
    assert owners[made["comment_id"]] is True
    one = api.get_video_comments(
        business_id=BUSINESS,
        video_id=top["video_id"],
        comment_ids=[made["comment_id"]],
        include_replies=True,
        return_json=True,
    )["data"]["comments"]
    assert [c["comment_id"] for c in one] == [made["comment_id"]]


def test_a_reply_must_come_as_json(sim: Simulator) -> None:
    api = _api(sim)
    answer = api._request(
        "business/comment/reply/create/",
        verb="POST",
        data={"business_id": BUSINESS, "video_id": "1", "comment_id": "2", "text": "Halo"},
    )
    assert answer.status_code == 200
    with pytest.raises(PyTiktokError):
        api.parse_response(answer)


@pytest.mark.parametrize(
    "fault",
    [
        Fault("rate_limit", Channel.TIKTOK),
        Fault("server_error", Channel.TIKTOK, status=500),
        Fault("expired_token", Channel.TIKTOK),
    ],
)
def test_each_fault_raises_pytiktok_error(sim: Simulator, fault: Fault) -> None:
    sim.inject(fault)
    with pytest.raises(PyTiktokError):
        _api(sim).get_account_videos(business_id=BUSINESS, return_json=True)
