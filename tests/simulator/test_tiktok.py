"""TikTok API for Business against the simulator over loopback."""

from __future__ import annotations

import json

import requests

from desktop.core.model import Channel
from desktop.simulator import Simulator
from tests.simulator.helpers import EPOCH_TEXT, TOKEN, account_id, expected_items

AUTH = {"Access-Token": TOKEN}


def url(sim: Simulator, action: str) -> str:
    return f"{sim.api_base(Channel.TIKTOK)}/open_api/v1.3/business/{action}/"


def call(http: requests.Session, sim: Simulator, action: str, **query: str) -> dict[str, object]:
    answer = http.get(url(sim, action), params=query, headers=AUTH)
    assert answer.status_code == 200
    body = answer.json()
    assert body["code"] == 0, body
    assert body["message"] == "OK"
    assert isinstance(body["request_id"], str)
    assert body["request_id"]
    data = body["data"]
    assert isinstance(data, dict)
    return data


def pages(
    http: requests.Session, sim: Simulator, action: str, key: str, **query: str
) -> list[dict[str, object]]:
    found: list[dict[str, object]] = []
    cursor = "0"
    for _ in range(200):
        data = call(http, sim, action, cursor=cursor, **query)
        found.extend(data[key])  # type: ignore[arg-type]
        if not data["has_more"]:
            return found
        cursor = str(data["cursor"])
    raise AssertionError("the listing never ended")


def videos(http: requests.Session, sim: Simulator) -> list[dict[str, object]]:
    business = sim.params(Channel.TIKTOK)["business_id"]
    fields = json.dumps(["item_id", "create_time", "comments", "caption"])
    return pages(
        http, sim, "video/list", "videos", business_id=business, fields=fields, max_count="5"
    )


def test_video_list_pages_newest_first(sim: Simulator, http: requests.Session) -> None:
    listed = videos(http, sim)
    ids = [v["item_id"] for v in listed]
    assert len(ids) == len(set(ids)) == len(sim.world.board(Channel.TIKTOK).containers)
    times = [v["create_time"] for v in listed]
    assert all(isinstance(t, int) for t in times)
    assert times == sorted(times, reverse=True)  # type: ignore[type-var]


def test_comment_list_pages_every_comment_once(sim: Simulator, http: requests.Session) -> None:
    business = sim.params(Channel.TIKTOK)["business_id"]
    tops: list[dict[str, object]] = []
    everything: list[dict[str, object]] = []
    for video in videos(http, sim):
        common = {"business_id": business, "video_id": str(video["item_id"]), "max_count": "7"}
        found = pages(http, sim, "comment/list", "comments", **common)
        assert video["comments"] == len(
            pages(http, sim, "comment/list", "comments", include_replies="true", **common)
        )
        tops.extend(found)
        everything.extend(
            pages(http, sim, "comment/list", "comments", include_replies="true", **common)
        )
    for comment in everything:
        assert EPOCH_TEXT.match(str(comment["create_time"]))
        assert isinstance(comment["create_time"], str)
    items = expected_items()[Channel.TIKTOK]
    ids = [str(c["comment_id"]) for c in everything]
    assert len(ids) == len(set(ids))
    assert set(ids) == {i.platform_id for i in items}
    assert {str(c["comment_id"]) for c in tops} == {i.platform_id for i in items if not i.parent_id}
    assert all("parent_comment_id" not in c for c in tops)


def test_reply_is_created_and_read_back(sim: Simulator, http: requests.Session) -> None:
    business = sim.params(Channel.TIKTOK)["business_id"]
    top = next(i for i in expected_items()[Channel.TIKTOK] if i.parent_id is None)
    video = str(top.permalink).rsplit("/", 1)[-1]  # …/video/{id}
    body = {
        "business_id": business,
        "video_id": video,
        "comment_id": top.platform_id,
        "text": "Terima kasih, segera kami tindak lanjuti 🙏",
    }
    answer = http.post(url(sim, "comment/reply/create"), json=body, headers=AUTH)
    made = answer.json()
    assert answer.status_code == 200
    assert made["code"] == 0, made
    data = made["data"]
    assert isinstance(data["create_time"], int)
    assert data["parent_comment_id"] == top.platform_id
    assert data["user_id"] == account_id(Channel.TIKTOK)
    replies = pages(
        http,
        sim,
        "comment/reply/list",
        "comments",
        business_id=business,
        video_id=video,
        comment_id=top.platform_id,
    )
    ours = [r for r in replies if r["comment_id"] == data["comment_id"]]
    assert len(ours) == 1
    assert ours[0]["owner"] is True
    accepted = sim.accepted_replies()
    assert [(a.thread_id, a.parent_id) for a in accepted] == [
        (f"{video}:{top.platform_id}", top.platform_id)
    ]


def test_errors_arrive_with_http_200(sim: Simulator, http: requests.Session) -> None:
    business = sim.params(Channel.TIKTOK)["business_id"]
    target = url(sim, "video/list")
    missing = http.get(target, params={"business_id": business})
    wrong = http.get(target, params={"business_id": business}, headers={"Access-Token": "x"})
    too_many = http.get(target, params={"business_id": business, "max_count": "50"}, headers=AUTH)
    bearer = http.get(
        target, params={"business_id": business}, headers={"Authorization": f"Bearer {TOKEN}"}
    )
    assert [r.status_code for r in (missing, wrong, too_many, bearer)] == [200] * 4
    assert missing.json()["code"] == 40104
    assert wrong.json() == {
        **wrong.json(),
        "code": 40105,
        "message": "Access token is incorrect or has been revoked.",
    }
    assert too_many.json()["code"] == 40002
    assert bearer.json()["code"] == 40104  # TikTok wants Access-Token, not Bearer
    long = {"business_id": business, "video_id": "1", "comment_id": "1", "text": "x" * 151}
    assert (
        http.post(url(sim, "comment/reply/create"), json=long, headers=AUTH).json()["code"] == 40002
    )
