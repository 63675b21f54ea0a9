"""google-api-python-client (YouTube Data API v3) against the simulator.

The client is built from the discovery document it ships with, pointed at
the simulator with ``client_options``; it lists comment threads page by
page to the end, replies, reads the reply back, and meets faults as
``HttpError``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import requests
from google.auth.exceptions import RefreshError
from google.oauth2.credentials import Credentials
from googleapiclient.discovery import build
from googleapiclient.errors import HttpError

from desktop.core.model import Channel
from desktop.simulator import Fault, Simulator
from desktop.simulator.youtube import api_key
from tests.simulator.helpers import COUNT, NOW, SEED, account_id, expected_items

OWN = account_id(Channel.YOUTUBE)


@pytest.fixture
def strict_sim() -> Iterator[Simulator]:
    with Simulator(count=COUNT, seed=SEED, now=NOW, strict=True) as running:
        yield running


def _youtube(sim: Simulator, **auth: Any) -> Any:
    if not auth:
        auth = {"credentials": Credentials(token=sim.token)}
    options = {"api_endpoint": sim.api_base(Channel.YOUTUBE) + "/"}
    return build("youtube", "v3", client_options=options, static_discovery=True, **auth)


def _all_threads(youtube: Any, **query: Any) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    request = youtube.commentThreads().list(**query)
    while request is not None:
        answer = request.execute()
        found += answer["items"]
        request = youtube.commentThreads().list_next(request, answer)
    return found


def test_threads_page_to_the_end_then_a_reply_is_read_back(strict_sim: Simulator) -> None:
    with _youtube(strict_sim) as youtube:
        threads = _all_threads(
            youtube, part="snippet,replies", allThreadsRelatedToChannelId=OWN, maxResults=3
        )
        want = {i.platform_id for i in expected_items()[Channel.YOUTUBE] if i.parent_id is None}
        assert {t["id"] for t in threads} == want  # repeats at page boundaries included
        target = threads[0]["id"]
        body = {"snippet": {"parentId": target, "textOriginal": "Laporan diterima, kami cek."}}
        made = youtube.comments().insert(part="snippet", body=body).execute()
        replies: list[dict[str, Any]] = []
        request = youtube.comments().list(part="snippet", parentId=target, maxResults=2)
        while request is not None:
            answer = request.execute()
            replies += answer["items"]
            request = youtube.comments().list_next(request, answer)
        ours = [r for r in replies if r["id"] == made["id"]]
        assert ours
        assert ours[0]["snippet"]["authorChannelId"]["value"] == OWN


def test_repeated_parts_and_ids_are_all_honoured(sim: Simulator) -> None:
    with _youtube(sim) as youtube:
        threads = _all_threads(youtube, part="snippet", allThreadsRelatedToChannelId=OWN)
        first, second = threads[0]["id"], threads[1]["id"]
        answer = youtube.commentThreads().list(part=["snippet", "replies"], id=[first, second])
        items = answer.execute()["items"]
        assert {t["id"] for t in items} == {first, second}
        assert all("snippet" in t for t in items)


def test_an_api_key_reads_public_threads_but_cannot_reply(sim: Simulator) -> None:
    with _youtube(sim, developerKey=api_key(sim.token)) as youtube:
        answer = youtube.commentThreads().list(part="snippet", allThreadsRelatedToChannelId=OWN)
        thread = answer.execute()["items"][0]["id"]
        body = {"snippet": {"parentId": thread, "textOriginal": "Halo"}}
        with pytest.raises(HttpError) as refused:
            youtube.comments().insert(part="snippet", body=body).execute()
        assert refused.value.status_code == 401


@pytest.mark.parametrize(
    ("fault", "status", "reason"),
    [
        (Fault("rate_limit", Channel.YOUTUBE), 403, "quotaExceeded"),
        (Fault("server_error", Channel.YOUTUBE, status=503), 503, None),
        (
            Fault("rate_limit", Channel.YOUTUBE, reason="rateLimitExceeded"),
            403,
            "rateLimitExceeded",
        ),
    ],
)
def test_each_fault_raises_http_error(
    sim: Simulator, fault: Fault, status: int, reason: str | None
) -> None:
    sim.inject(fault)
    with _youtube(sim) as youtube:
        with pytest.raises(HttpError) as raised:
            youtube.commentThreads().list(
                part="snippet", allThreadsRelatedToChannelId=OWN
            ).execute()
        assert raised.value.status_code == status
        if reason is not None:
            assert raised.value.error_details[0]["reason"] == reason


def test_an_expired_token_asks_google_auth_to_refresh(sim: Simulator) -> None:
    """401: google-auth tries to renew the token (this one cannot be renewed) and says so."""
    sim.inject(Fault("expired_token", Channel.YOUTUBE))
    with _youtube(sim) as youtube, pytest.raises(RefreshError):
        youtube.commentThreads().list(part="snippet", allThreadsRelatedToChannelId=OWN).execute()


def test_moderation_status_and_relevance_order(sim: Simulator) -> None:
    with _youtube(sim) as youtube:
        held = youtube.commentThreads().list(
            part="snippet", allThreadsRelatedToChannelId=OWN, moderationStatus="heldForReview"
        )
        assert held.execute()["items"] == []
        ranked = _all_threads(
            youtube, part="snippet", allThreadsRelatedToChannelId=OWN, order="relevance"
        )
        counts = [t["snippet"]["totalReplyCount"] for t in ranked]
        assert counts == sorted(counts, reverse=True)


def test_an_unauthenticated_call_names_the_header(sim: Simulator) -> None:
    answer = requests.get(
        f"{sim.api_base(Channel.YOUTUBE)}/youtube/v3/commentThreads",
        params={"part": "snippet", "allThreadsRelatedToChannelId": OWN},
        timeout=10,
    )
    problem = answer.json()["error"]["errors"][0]
    assert (answer.status_code, problem["location"], problem["locationType"]) == (
        401,
        "Authorization",
        "header",
    )
