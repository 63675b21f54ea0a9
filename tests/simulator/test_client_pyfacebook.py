"""python-facebook-api (``pyfacebook.GraphAPI``) against the simulator's Graph API.

Instagram media and comments, Facebook posts and comments, each followed by
``paging.next`` to the end (strict mode: short pages, a repeat at each
boundary); a reply, read back; ``appsecret_proof`` checked; every fault as
``FacebookError``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from pyfacebook import FacebookError, GraphAPI

from desktop.core.model import Channel
from desktop.simulator import Fault, Simulator
from desktop.simulator.meta import APP_SECRET
from tests.simulator.helpers import COUNT, NOW, SEED, account_id, expected_items

IG = account_id(Channel.INSTAGRAM)
PAGE = account_id(Channel.FACEBOOK)


@pytest.fixture
def strict_sim() -> Iterator[Simulator]:
    with Simulator(count=COUNT, seed=SEED, now=NOW, strict=True) as running:
        yield running


def _graph(sim: Simulator, *, version: str = "v22.0", secret: str = APP_SECRET) -> GraphAPI:
    return GraphAPI(
        access_token=sim.token,
        app_secret=secret,
        version=version,
        base_url=f"{sim.url}/graph/",
        sleep_on_rate_limit=False,
        timeout=10,
    )


def _all(graph: GraphAPI, node: str, edge: str, **query: Any) -> list[dict[str, Any]]:
    found = graph.get_full_connections(node, edge, count=None, **query)["data"]
    return list({item["id"]: item for item in found}.values())  # a repeat counts once


def test_instagram_media_and_comments_to_the_end_then_a_reply(strict_sim: Simulator) -> None:
    graph = _graph(strict_sim)
    media = _all(graph, IG, "media", fields="id,timestamp,comments_count", limit=3)
    comments = [
        c
        for m in media
        for c in _all(graph, m["id"], "comments", fields="id,text,username,from", limit=3)
    ]
    tops = {i.platform_id for i in expected_items()[Channel.INSTAGRAM] if i.parent_id is None}
    assert {c["id"] for c in comments} == tops
    target = next(c for c in comments if c["from"]["id"] != IG)
    made = graph.post_object(target["id"], "replies", data={"message": "Laporan diterima."})
    replies = _all(graph, target["id"], "replies", fields="id,text,from", limit=1)
    ours = [r for r in replies if r["id"] == made["id"]]
    assert [r["from"]["id"] for r in ours] == [IG]


def test_facebook_posts_and_comments_to_the_end(strict_sim: Simulator) -> None:
    graph = _graph(strict_sim)
    posts = _all(graph, PAGE, "feed", fields="id,created_time,updated_time", limit=2)
    comments = [
        c
        for p in posts
        for c in _all(graph, p["id"], "comments", filter="stream", fields="id,from", limit=3)
    ]
    assert {c["id"] for c in comments} == {
        i.platform_id for i in expected_items()[Channel.FACEBOOK]
    }


def test_a_wrong_appsecret_proof_is_refused(sim: Simulator) -> None:
    with pytest.raises(FacebookError) as refused:
        _graph(sim, secret="not-the-secret").get_object(IG, fields="id")
    assert refused.value.code == 100
    assert "appsecret_proof" in str(refused.value.message)


@pytest.mark.parametrize(
    ("fault", "code"),
    [
        (Fault("rate_limit", Channel.INSTAGRAM, code=4), 4),
        (Fault("expired_token", Channel.INSTAGRAM), 190),
        (Fault("server_error", Channel.INSTAGRAM, status=503), 2),
    ],
)
def test_each_fault_raises_facebook_error(sim: Simulator, fault: Fault, code: int) -> None:
    sim.inject(fault)
    with pytest.raises(FacebookError) as raised:
        _graph(sim).get_connection(IG, "media", fields="id")
    assert raised.value.code == code
