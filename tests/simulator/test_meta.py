"""Instagram and Facebook (Graph API) against the simulator over loopback."""

from __future__ import annotations

import urllib.parse

import pytest
import requests

from desktop.core.model import Channel
from desktop.core.sample import sample_accounts
from desktop.simulator import Simulator
from tests.simulator.helpers import GRAPH_TIME, TOKEN, account_id, bearer, expected_items

IG_FIELDS = "id,text,timestamp,username,from,replies{id,text,timestamp,username,from}"
FB_FIELDS = "id,from,message,created_time,parent{id},permalink_url,can_reply_privately,is_hidden"


def walk(http: requests.Session, url: str, params: dict[str, str]) -> list[dict[str, object]]:
    """Every item of a Graph listing, following ``after`` while ``paging.next`` says more."""
    items: list[dict[str, object]] = []
    query = dict(params)
    for _ in range(500):
        answer = http.get(url, params=query, headers=bearer())
        assert answer.status_code == 200, answer.text
        body = answer.json()
        items.extend(body["data"])
        paging = body.get("paging")
        if not paging or "next" not in paging:
            return items
        query["after"] = paging["cursors"]["after"]
    raise AssertionError("the listing never ended")


def ig_comments(sim: Simulator, http: requests.Session) -> list[dict[str, object]]:
    base = sim.api_base(Channel.INSTAGRAM)
    user = sim.params(Channel.INSTAGRAM)["ig_user_id"]
    media = walk(
        http, f"{base}/{user}/media", {"fields": "id,timestamp,comments_count", "limit": "5"}
    )
    comments = []
    for one in media:
        found = walk(http, f"{base}/{one['id']}/comments", {"fields": IG_FIELDS, "limit": "7"})
        comments.extend(found)
    return comments


def test_instagram_lists_every_comment_once_in_graph_format(
    sim: Simulator, http: requests.Session
) -> None:
    comments = ig_comments(sim, http)
    seen = []
    for top in comments:
        seen.append(top["id"])
        assert GRAPH_TIME.match(str(top["timestamp"]))
        author = top["from"]
        assert isinstance(author, dict)
        assert author["username"] == top["username"]
        replies = top.get("replies")
        for reply in replies["data"] if isinstance(replies, dict) else []:
            seen.append(reply["id"])
            assert GRAPH_TIME.match(reply["timestamp"])
    expected = {item.platform_id for item in expected_items()[Channel.INSTAGRAM]}
    assert len(seen) == len(set(seen)), "an item came twice"
    assert set(seen) == expected


def test_instagram_comments_come_newest_first_and_the_last_page_has_no_paging(
    sim: Simulator, http: requests.Session
) -> None:
    base = sim.api_base(Channel.INSTAGRAM)
    user = sim.params(Channel.INSTAGRAM)["ig_user_id"]
    media = http.get(f"{base}/{user}/media", headers=bearer()).json()["data"]
    busiest = max(
        media,
        key=lambda m: http.get(
            f"{base}/{m['id']}", params={"fields": "comments_count"}, headers=bearer()
        ).json()["comments_count"],
    )
    pages = []
    query = {"fields": "id,timestamp", "limit": "1"}
    while True:
        body = http.get(f"{base}/{busiest['id']}/comments", params=query, headers=bearer()).json()
        pages.append(body)
        if "paging" not in body:
            break
        assert "next" in body["paging"]
        query["after"] = body["paging"]["cursors"]["after"]
    times = [p["data"][0]["timestamp"] for p in pages if p["data"]]
    assert times == sorted(times, reverse=True)
    assert len(pages) >= 2


def test_graph_paging_next_url_works_and_carries_the_token(
    sim: Simulator, http: requests.Session
) -> None:
    base = sim.api_base(Channel.INSTAGRAM)
    user = sim.params(Channel.INSTAGRAM)["ig_user_id"]
    first = http.get(f"{base}/{user}/media", params={"limit": "2"}, headers=bearer()).json()
    following = first["paging"]["next"]
    assert f"access_token={TOKEN}" in following
    assert following.startswith(base)
    second = http.get(following).json()  # the URL alone is enough, as on Meta
    assert second["data"]
    assert second["data"][0]["id"] != first["data"][0]["id"]


def test_instagram_reply_is_stored_and_read_back(sim: Simulator, http: requests.Session) -> None:
    base = sim.api_base(Channel.INSTAGRAM)
    top = next(i for i in expected_items()[Channel.INSTAGRAM] if i.parent_id is None)
    text = "Terima kasih, laporan sudah kami teruskan ke Polsek terdekat 🙏"
    answer = http.post(
        f"{base}/{top.platform_id}/replies", data={"message": text}, headers=bearer()
    )
    assert answer.status_code == 200, answer.text
    reply_id = answer.json()["id"]
    node = http.get(f"{base}/{top.platform_id}", params={"fields": IG_FIELDS}, headers=bearer())
    replies = node.json()["replies"]["data"]
    ours = [r for r in replies if r["id"] == reply_id]
    assert len(ours) == 1
    assert ours[0]["text"] == text
    assert ours[0]["username"] == sim.params(Channel.INSTAGRAM)["username"]
    assert ours[0]["from"]["id"] == account_id(Channel.INSTAGRAM)
    edge = http.get(f"{base}/{top.platform_id}/replies", params={"fields": "id"}, headers=bearer())
    assert reply_id in [r["id"] for r in edge.json()["data"]]
    accepted = sim.accepted_replies()
    assert [(a.channel, a.thread_id, a.platform_id, a.text) for a in accepted] == [
        (Channel.INSTAGRAM, top.platform_id, reply_id, text)
    ]


def test_instagram_refuses_a_reply_to_a_reply(sim: Simulator, http: requests.Session) -> None:
    base = sim.api_base(Channel.INSTAGRAM)
    reply = next(i for i in expected_items()[Channel.INSTAGRAM] if i.parent_id is not None)
    answer = http.post(
        f"{base}/{reply.platform_id}/replies", data={"message": "x"}, headers=bearer()
    )
    assert answer.status_code == 400
    assert answer.json()["error"]["code"] == 100
    assert sim.accepted_replies() == []


@pytest.mark.parametrize(
    ("headers", "query", "code"),
    [({}, {}, 104), (bearer("wrong"), {}, 190), ({}, {"access_token": "wrong"}, 190)],
)
def test_graph_refuses_a_missing_or_wrong_token(
    sim: Simulator,
    http: requests.Session,
    headers: dict[str, str],
    query: dict[str, str],
    code: int,
) -> None:
    base = sim.api_base(Channel.FACEBOOK)
    answer = http.get(f"{base}/{account_id(Channel.FACEBOOK)}/feed", params=query, headers=headers)
    assert answer.status_code == 400
    error = answer.json()["error"]
    assert error["code"] == code
    assert error["type"] == "OAuthException"
    assert error["fbtrace_id"]


def test_graph_accepts_the_token_in_the_query(sim: Simulator, http: requests.Session) -> None:
    base = sim.api_base(Channel.FACEBOOK)
    answer = http.get(f"{base}/{account_id(Channel.FACEBOOK)}", params={"access_token": TOKEN})
    assert answer.status_code == 200
    assert answer.json()["id"] == account_id(Channel.FACEBOOK)
    assert "call_count" in answer.headers["x-app-usage"]


def test_graph_names_unknown_fields_and_objects(sim: Simulator, http: requests.Session) -> None:
    base = sim.api_base(Channel.INSTAGRAM)
    user = sim.params(Channel.INSTAGRAM)["ig_user_id"]
    bad_field = http.get(f"{base}/{user}/media", params={"fields": "id,nope"}, headers=bearer())
    assert bad_field.status_code == 400
    assert "nonexisting field (nope)" in bad_field.json()["error"]["message"]
    missing = http.get(f"{base}/123456789", headers=bearer())
    assert missing.json()["error"]["error_subcode"] == 33
    bad_cursor = http.get(f"{base}/{user}/media", params={"after": "zzz"}, headers=bearer())
    assert bad_cursor.json()["error"]["code"] == 100


def test_facebook_stream_lists_every_comment_once_newest_first(
    sim: Simulator, http: requests.Session
) -> None:
    base = sim.api_base(Channel.FACEBOOK)
    page = sim.params(Channel.FACEBOOK)["page_id"]
    fields = "id,created_time,updated_time,comments.filter(stream).summary(true).limit(0)"
    posts = walk(http, f"{base}/{page}/feed", {"fields": fields, "limit": "4"})
    tops = walk(http, f"{base}/{page}/feed", {"fields": "id,comments.summary(true).limit(0)"})
    assert all(p["id"].startswith(f"{page}_") for p in posts)
    seen: list[str] = []
    for post in posts:
        params = {
            "fields": FB_FIELDS,
            "filter": "stream",
            "order": "reverse_chronological",
            "limit": "6",
        }
        comments = walk(http, f"{base}/{post['id']}/comments", params)
        assert post["comments"]["summary"]["total_count"] == len(comments)
        assert post["comments"]["data"] == []
        top_count = next(t for t in tops if t["id"] == post["id"])["comments"]["summary"]
        assert top_count["total_count"] == len([c for c in comments if "parent" not in c])
        times = [c["created_time"] for c in comments]
        assert times == sorted(times, reverse=True)
        for comment in comments:
            assert GRAPH_TIME.match(comment["created_time"])
            post_part, _, comment_part = comment["id"].partition("_")
            assert post_part == post["id"].partition("_")[2]
            assert comment_part.isdigit()
            assert "comment_id=" in comment["permalink_url"]
            seen.append(comment["id"])
    expected = {item.platform_id for item in expected_items()[Channel.FACEBOOK]}
    assert len(seen) == len(set(seen))
    assert set(seen) == expected


def test_facebook_top_level_filter_and_replies_edge(sim: Simulator, http: requests.Session) -> None:
    base = sim.api_base(Channel.FACEBOOK)
    items = expected_items()[Channel.FACEBOOK]
    reply = next(i for i in items if i.parent_id is not None)
    post = f"{account_id(Channel.FACEBOOK)}_{reply.thread_id.partition('_')[0]}"
    tops = walk(http, f"{base}/{post}/comments", {"fields": "id,parent{id}"})
    assert reply.thread_id in [c["id"] for c in tops]
    assert all("parent" not in c for c in tops)
    answers = walk(http, f"{base}/{reply.thread_id}/comments", {"fields": "id,parent{id}"})
    assert reply.platform_id in [a["id"] for a in answers]
    assert all(a["parent"]["id"] == reply.thread_id for a in answers)


def test_facebook_reply_returns_fields_and_reads_back(
    sim: Simulator, http: requests.Session
) -> None:
    base = sim.api_base(Channel.FACEBOOK)
    top = next(i for i in expected_items()[Channel.FACEBOOK] if i.parent_id is None)
    form = {"message": "Siap, petugas kami menuju lokasi.", "fields": "id,message,created_time"}
    answer = http.post(f"{base}/{top.platform_id}/comments", data=form, headers=bearer())
    assert answer.status_code == 200, answer.text
    made = answer.json()
    assert made["message"] == form["message"]
    assert GRAPH_TIME.match(made["created_time"])
    assert made["id"].partition("_")[0] == top.platform_id.partition("_")[0]
    back = walk(http, f"{base}/{top.platform_id}/comments", {"fields": "id,from,message"})
    ours = [c for c in back if c["id"] == made["id"]]
    assert ours == [
        {
            "id": made["id"],
            "from": {"name": ours[0]["from"]["name"], "id": account_id(Channel.FACEBOOK)},
            "message": form["message"],
        }
    ]


def test_facebook_reply_to_a_reply_lands_in_the_top_comments_thread(
    sim: Simulator, http: requests.Session
) -> None:
    base = sim.api_base(Channel.FACEBOOK)
    reply = next(i for i in expected_items()[Channel.FACEBOOK] if i.parent_id is not None)
    answer = http.post(
        f"{base}/{reply.platform_id}/comments", data={"message": "Baik."}, headers=bearer()
    )
    made = answer.json()["id"]
    accepted = sim.accepted_replies()[0]
    assert (accepted.thread_id, accepted.parent_id) == (reply.thread_id, reply.platform_id)
    back = walk(http, f"{base}/{reply.thread_id}/comments", {"fields": "id"})
    assert made in [c["id"] for c in back]


def test_graph_direct_messages_are_empty_and_sends_find_nobody(
    sim: Simulator, http: requests.Session
) -> None:
    base = sim.api_base(Channel.FACEBOOK)
    page = account_id(Channel.FACEBOOK)
    listing = http.get(
        f"{base}/{page}/conversations", params={"platform": "messenger"}, headers=bearer()
    )
    assert listing.json() == {"data": []}
    body = {"recipient": {"id": "123"}, "messaging_type": "RESPONSE", "message": {"text": "x"}}
    sent = http.post(f"{base}/{page}/messages", json=body, headers=bearer())
    assert sent.json()["error"]["error_subcode"] == 2018001


def test_graph_accounts_match_the_sample_accounts(sim: Simulator) -> None:
    names = {a.channel: a for a in sample_accounts()}
    assert sim.params(Channel.INSTAGRAM)["ig_user_id"] == names[Channel.INSTAGRAM].platform_user_id
    assert sim.params(Channel.FACEBOOK)["page_id"] == names[Channel.FACEBOOK].platform_user_id
    assert urllib.parse.urlsplit(sim.api_base(Channel.FACEBOOK)).path == "/graph/v21.0"
