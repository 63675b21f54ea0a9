"""The simulated Graph API on Graph's own terms: real fields, every cursor, any version."""

from __future__ import annotations

import pytest
import requests

from desktop.core.model import Channel
from desktop.simulator import Simulator
from desktop.simulator.meta import appsecret_proof
from tests.simulator.helpers import TOKEN, account_id, bearer

IG = account_id(Channel.INSTAGRAM)
PAGE = account_id(Channel.FACEBOOK)


def _get(http: requests.Session, url: str, **params: str) -> requests.Response:
    return http.get(url, params=params, headers=bearer(), timeout=10)


@pytest.mark.parametrize(
    ("node", "fields"),
    [
        ("ig_user", "biography,followers_count,profile_picture_url"),
        ("ig_media", "media_url,children,thumbnail_url"),
        ("page", "about,category,fan_count"),
        ("post", "attachments,full_picture,reactions.summary(true).limit(0),shares"),
        ("ig_comment", "mentioned_comment,text"),
    ],
)
def test_documented_fields_are_served(
    sim: Simulator, http: requests.Session, node: str, fields: str
) -> None:
    base = sim.api_base(Channel.INSTAGRAM)
    media = _get(http, f"{base}/{IG}/media").json()["data"][0]["id"]
    post = _get(http, f"{base}/{PAGE}/feed").json()["data"][0]["id"]
    comment = _get(http, f"{base}/{media}/comments").json()["data"][0]["id"]
    target = {"ig_user": IG, "ig_media": media, "page": PAGE, "post": post, "ig_comment": comment}
    answer = _get(http, f"{base}/{target[node]}", fields=fields)
    assert answer.status_code == 200, answer.text


def test_before_cursors_page_back(sim: Simulator, http: requests.Session) -> None:
    base = sim.api_base(Channel.FACEBOOK)
    first = _get(http, f"{base}/{PAGE}/feed", limit="2").json()
    second = _get(http, f"{base}/{PAGE}/feed", limit="2", after=first["paging"]["cursors"]["after"])
    back = _get(
        http, f"{base}/{PAGE}/feed", limit="2", before=second.json()["paging"]["cursors"]["before"]
    )
    assert [p["id"] for p in back.json()["data"]] == [p["id"] for p in first["data"]]


def test_since_until_and_summary(sim: Simulator, http: requests.Session) -> None:
    base = sim.api_base(Channel.FACEBOOK)
    everything = _get(http, f"{base}/{PAGE}/feed", limit="100", fields="created_time").json()
    times = sorted(p["created_time"] for p in everything["data"])
    middle = times[len(times) // 2]
    newer = _get(http, f"{base}/{PAGE}/feed", limit="100", since=middle, summary="true").json()
    assert all(p["created_time"] >= middle for p in newer["data"])
    assert 0 < len(newer["data"]) < len(everything["data"])
    assert newer["summary"]["total_count"] == len(everything["data"])


def test_any_graph_version_and_the_appsecret_proof(sim: Simulator, http: requests.Session) -> None:
    other = f"{sim.url}/graph/v23.0/{IG}"
    assert _get(http, other, fields="id").json() == {"id": IG}
    good = _get(http, other, fields="id", appsecret_proof=appsecret_proof(TOKEN))
    assert good.status_code == 200
    bad = _get(http, other, fields="id", appsecret_proof="0" * 64)
    assert bad.status_code == 400
    assert bad.json()["error"]["code"] == 100


def test_an_unknown_version_answers_in_graphs_shape(sim: Simulator, http: requests.Session) -> None:
    answer = _get(http, f"{sim.url}/graph/vX/{IG}", fields="id")
    assert answer.status_code == 400
    assert answer.json()["error"]["code"] == 2500
